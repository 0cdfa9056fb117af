//! The scenario in a link: the linked values that differ from the project's own, as `s.*` keys.

use super::*;
use crate::link::{from_percent, LinkReader};

/// Link format: `s.load=1200&s.hit=85~autoscaling&s.maz=0~cost&s.hc=15/5/2/3&s.tasks=3.4~autoscaling`.
/// A value's `~demo-id` says where it came from; without one it is the worked example's.
impl LinkState for Scenario {
    fn to_query(&self) -> String {
        let d = self.base();
        let mut pairs = Vec::new();
        let tagged = |text: String, from: Provenance| {
            if from.demo_id.is_empty() {
                text
            } else {
                format!("{text}~{}", from.demo_id)
            }
        };
        let l = self.edge_load_per_s;
        if l != d.edge_load_per_s {
            pairs.push(("s.load", tagged(l.value.to_string(), l.from)));
        }
        let h = self.cdn_hit_ratio;
        if h != d.cdn_hit_ratio {
            pairs.push(("s.hit", tagged((h.value * 100.0).to_string(), h.from)));
        }
        let m = self.multi_az;
        if m != d.multi_az {
            pairs.push((
                "s.maz",
                tagged(if m.value { "1" } else { "0" }.into(), m.from),
            ));
        }
        let c = self.health_check;
        if c != d.health_check {
            let v = c.value;
            let text = format!(
                "{}/{}/{}/{}",
                v.interval_s, v.timeout_s, v.healthy_threshold, v.unhealthy_threshold
            );
            pairs.push(("s.hc", tagged(text, c.from)));
        }
        let t = self.average_tasks;
        if t != d.average_tasks {
            pairs.push(("s.tasks", tagged(t.value.to_string(), t.from)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        Scenario::default().with_link(query)
    }
}

impl Scenario {
    /// This scenario with a link's `s.*` values in place; what cannot be used is returned.
    pub fn with_link(self, query: &Query) -> (Scenario, Vec<Ignored>) {
        let mut s = self;
        let mut r = LinkReader::new(query);
        for key in ["s.load", "s.hit", "s.maz", "s.hc", "s.tasks"] {
            let Some(raw) = r.text(key) else { continue };
            let (text, tag) = raw.split_once('~').unwrap_or((raw, ""));
            let from = if tag.is_empty() {
                Some(Provenance::WORKED_EXAMPLE)
            } else {
                Provenance::from_slug(tag)
            };
            let Some(from) = from else {
                r.ignore(key, raw, format!("'{tag}' is not a demo of the lab"));
                continue;
            };
            let number = text.trim().parse::<f64>().ok();
            let ok = match key {
                "s.load" => number.filter(|x| valid_load(*x)).map(|value| {
                    s.edge_load_per_s = Linked { value, from };
                }),
                "s.hit" => number
                    .filter(|x| x.is_finite() && (0.0..=100.0).contains(x))
                    .map(|x| {
                        s.cdn_hit_ratio = Linked {
                            value: from_percent(x),
                            from,
                        };
                    }),
                "s.maz" => match text {
                    "1" | "0" => {
                        s.multi_az = Linked {
                            value: text == "1",
                            from,
                        };
                        Some(())
                    }
                    _ => None,
                },
                "s.hc" => parse_health_check(text).map(|value| {
                    s.health_check = Linked { value, from };
                }),
                _ => number.filter(|x| valid_tasks(*x)).map(|value| {
                    s.average_tasks = Linked { value, from };
                }),
            };
            if ok.is_none() {
                let why = match key {
                    "s.load" => format!("expected 0–{} req/s", shared::MAX_LOAD_PER_S),
                    "s.hit" => "expected 0–100 %".to_string(),
                    "s.maz" => "expected 1 or 0".to_string(),
                    "s.hc" => "expected interval/timeout/healthy/unhealthy, as 15/5/2/3, within the health check's limits".to_string(),
                    _ => format!("expected 0–{} tasks", cost::MAX_AVERAGE_TASKS),
                };
                r.ignore(key, raw, why);
            }
        }
        (s, r.finish())
    }
}

fn parse_health_check(text: &str) -> Option<HealthCheck> {
    let parts: Vec<u32> = text
        .split('/')
        .map(|p| p.trim().parse::<u32>().ok())
        .collect::<Option<_>>()?;
    let [interval_s, timeout_s, healthy_threshold, unhealthy_threshold] = parts.as_slice() else {
        return None;
    };
    let h = HealthCheck {
        interval_s: *interval_s,
        timeout_s: *timeout_s,
        healthy_threshold: *healthy_threshold,
        unhealthy_threshold: *unhealthy_threshold,
    };
    valid_health_check(&h).then_some(h)
}
