//! The demo's deep link: params to a query and back, the failures' text, and the repairs.

use super::*;

pub(super) const AZ_SLUGS: [&str; AZS] = ["a", "b"];

pub(super) fn failures_text(failures: &[Injected]) -> String {
    failures
        .iter()
        .map(|f| {
            let what = match f.failure {
                Failure::Task { az } => format!("task:{}", AZ_SLUGS.get(az).unwrap_or(&"?")),
                Failure::Az { az } => format!("az:{}", AZ_SLUGS.get(az).unwrap_or(&"?")),
                Failure::Database => "db".to_string(),
            };
            format!("{what}@{}", f.at_s)
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub(super) fn parse_failures(text: &str) -> Result<Vec<Injected>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if i >= MAX_FAILURES {
            return Err(format!("more than {MAX_FAILURES} failures"));
        }
        let bad = || {
            format!(
                "failure {}: expected task:a@600, az:b@900 or db@1200",
                i + 1
            )
        };
        let (what, at) = item.split_once('@').ok_or_else(bad)?;
        let at_s = at
            .parse::<u32>()
            .ok()
            .filter(|&s| s < MAX_DURATION_S)
            .ok_or_else(bad)?;
        let az = |slug: &str| AZ_SLUGS.iter().position(|s| *s == slug).ok_or_else(bad);
        let failure = match what.split_once(':') {
            None if what == "db" => Failure::Database,
            Some(("task", slug)) => Failure::Task { az: az(slug)? },
            Some(("az", slug)) => Failure::Az { az: az(slug)? },
            _ => return Err(bad()),
        };
        out.push(Injected { failure, at_s });
    }
    Ok(out)
}

/// Link format: `load=1200&hit=92&cap=150&target=60&n=2&as=1&min=2&max=20&hi=15&hto=5&ht=2&ut=3&prov=30&maz=1&fo=120&rec=1800&fail=task:a@600,az:b@900,db@1200&slo=99.9&spent=0&dur=3600`.
/// Shares in percent, times in seconds.
impl LinkState for FailureDrillParams {
    fn to_query(&self) -> String {
        let d = FailureDrillParams::default();
        let mut pairs = Vec::new();
        let mut number = |key, x: f64, default: f64, percent: bool| {
            if x != default {
                pairs.push((key, number_text(if percent { x * 100.0 } else { x })));
            }
        };
        number("load", self.edge_load_per_s, d.edge_load_per_s, false);
        number("hit", self.cdn_hit_ratio, d.cdn_hit_ratio, true);
        number(
            "cap",
            self.capacity_per_task_per_s,
            d.capacity_per_task_per_s,
            false,
        );
        number("target", self.cpu_target, d.cpu_target, true);
        number("slo", self.slo, d.slo, true);
        number("spent", self.spent_before_min, d.spent_before_min, false);
        let hc = &self.health_check;
        let dh = &d.health_check;
        for (key, x, default) in [
            ("n", self.tasks, d.tasks),
            ("min", self.min_tasks, d.min_tasks),
            ("max", self.max_tasks, d.max_tasks),
            ("hi", hc.interval_s, dh.interval_s),
            ("hto", hc.timeout_s, dh.timeout_s),
            ("ht", hc.healthy_threshold, dh.healthy_threshold),
            ("ut", hc.unhealthy_threshold, dh.unhealthy_threshold),
            ("prov", self.provisioning_s, d.provisioning_s),
            ("fo", self.failover_s, d.failover_s),
            ("rec", self.single_az_recovery_s, d.single_az_recovery_s),
            ("dur", self.duration_s, d.duration_s),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        for (key, on, default) in [
            ("as", self.autoscaler, d.autoscaler),
            ("maz", self.multi_az, d.multi_az),
        ] {
            if on != default {
                pairs.push((key, if on { "1" } else { "0" }.to_string()));
            }
        }
        if self.failures != d.failures {
            pairs.push(("fail", failures_text(&self.failures)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = FailureDrillParams::default();
        let mut r = LinkReader::new(query);
        if let Some(x) = r.number("load", 0.0, MAX_LOAD_PER_S) {
            p.edge_load_per_s = x;
        }
        if let Some(x) = r.number("hit", 0.0, 100.0) {
            p.cdn_hit_ratio = from_percent(x);
        }
        if let Some(x) = r.number("cap", 0.01, MAX_LOAD_PER_S) {
            p.capacity_per_task_per_s = x;
        }
        if let Some(x) = r.number("target", 1.0, 99.0) {
            p.cpu_target = from_percent(x);
        }
        if let Some(x) = r.number("slo", 1.0, 99.9999) {
            p.slo = from_percent(x);
        }
        if let Some(x) = r.number("spent", 0.0, MonthLength::ThirtyDays.minutes()) {
            p.spent_before_min = x;
        }
        let hc = &mut p.health_check;
        for (key, x, lo, hi) in [
            ("n", &mut p.tasks, 1, MAX_TASKS),
            ("min", &mut p.min_tasks, 1, MAX_TASKS),
            ("max", &mut p.max_tasks, 1, MAX_TASKS),
            ("hi", &mut hc.interval_s, 5, 300),
            ("hto", &mut hc.timeout_s, 2, 120),
            ("ht", &mut hc.healthy_threshold, 2, 10),
            ("ut", &mut hc.unhealthy_threshold, 2, 10),
            ("prov", &mut p.provisioning_s, 0, MAX_DELAY_S),
            ("fo", &mut p.failover_s, 0, MAX_DELAY_S),
            ("rec", &mut p.single_az_recovery_s, 0, MAX_DELAY_S),
            ("dur", &mut p.duration_s, MIN_DURATION_S, MAX_DURATION_S),
        ] {
            if let Some(v) = r.whole(key, lo, hi) {
                *x = v;
            }
        }
        if let Some(on) = r.flag("as") {
            p.autoscaler = on;
        }
        if let Some(on) = r.flag("maz") {
            p.multi_az = on;
        }
        if let Some(text) = r.text("fail") {
            match parse_failures(text) {
                Ok(failures) => p.failures = failures,
                Err(why) => r.ignore("fail", text, why),
            }
        }
        repair(&mut p, &mut r);
        (p, r.finish())
    }
}

/// Values each in range may still clash; keep what works and say what was dropped.
pub(super) fn repair(p: &mut FailureDrillParams, r: &mut LinkReader<'_>) {
    let d = FailureDrillParams::default();
    rolling_deploy::repair_health_check(&mut p.health_check, r);
    if p.min_tasks > p.max_tasks {
        r.ignore(
            "min",
            &p.min_tasks.to_string(),
            format!(
                "above the maximum of {}; the defaults {}–{} used",
                p.max_tasks, d.min_tasks, d.max_tasks
            ),
        );
        p.min_tasks = d.min_tasks;
        p.max_tasks = d.max_tasks;
    }
    let duration_s = p.duration_s;
    if p.failures.iter().any(|f| f.at_s >= duration_s) {
        r.ignore(
            "fail",
            &failures_text(&p.failures),
            "failures after the drill's end dropped".into(),
        );
        p.failures.retain(|f| f.at_s < duration_s);
    }
}
