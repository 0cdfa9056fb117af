//! The demo's deep link: params to a query and back, and the repairs of values that clash.

use super::*;

pub(super) const BUILDS: [(&str, NewBuild); 2] = [("good", NewBuild::Good), ("bad", NewBuild::Bad)];
pub(super) const AZ_SLUGS: [(&str, usize); 2] = [("a", 0), ("b", 1)];

pub(super) fn az_slug(az: usize) -> &'static str {
    AZ_SLUGS
        .iter()
        .find(|(_, i)| *i == az)
        .map_or("b", |(s, _)| s)
}

/// Link format: `n=4&minh=100&maxp=200&hi=15&ht=2&ut=3&hto=5&start=30&drain=300&build=bad&cb=1&lose=120&az=b&dur=600`.
impl LinkState for RollingDeployParams {
    fn to_query(&self) -> String {
        let d = RollingDeployParams::default();
        let mut pairs = Vec::new();
        let numbers = [
            ("n", self.desired_count, d.desired_count),
            ("minh", self.min_healthy_percent, d.min_healthy_percent),
            ("maxp", self.max_percent, d.max_percent),
            (
                "hi",
                self.health_check.interval_s,
                d.health_check.interval_s,
            ),
            (
                "ht",
                self.health_check.healthy_threshold,
                d.health_check.healthy_threshold,
            ),
            (
                "ut",
                self.health_check.unhealthy_threshold,
                d.health_check.unhealthy_threshold,
            ),
            ("hto", self.health_check.timeout_s, d.health_check.timeout_s),
            ("start", self.task_start_s, d.task_start_s),
            (
                "drain",
                self.deregistration_delay_s,
                d.deregistration_delay_s,
            ),
            ("dur", self.duration_s, d.duration_s),
        ];
        for (key, value, default) in numbers {
            if value != default {
                pairs.push((key, value.to_string()));
            }
        }
        if self.build != d.build {
            pairs.push(("build", "bad".to_string()));
        }
        if self.circuit_breaker != d.circuit_breaker {
            pairs.push((
                "cb",
                if self.circuit_breaker { "1" } else { "0" }.to_string(),
            ));
        }
        if let Some(loss) = self.az_loss {
            pairs.push(("lose", loss.at_s.to_string()));
            pairs.push(("az", az_slug(loss.az).to_string()));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = RollingDeployParams::default();
        let mut r = LinkReader::new(query);
        if let Some(n) = r.whole("n", 1, MAX_DESIRED) {
            p.desired_count = n;
        }
        if let Some(x) = r.whole("minh", 0, 100) {
            p.min_healthy_percent = x;
        }
        if let Some(x) = r.whole("maxp", 100, 200) {
            p.max_percent = x;
        }
        if let Some(x) = r.whole("hi", 5, 300) {
            p.health_check.interval_s = x;
        }
        if let Some(x) = r.whole("ht", 2, 10) {
            p.health_check.healthy_threshold = x;
        }
        if let Some(x) = r.whole("ut", 2, 10) {
            p.health_check.unhealthy_threshold = x;
        }
        if let Some(x) = r.whole("hto", 2, 120) {
            p.health_check.timeout_s = x;
        }
        if let Some(x) = r.whole("start", 0, MAX_TASK_START_S) {
            p.task_start_s = x;
        }
        if let Some(x) = r.whole("drain", 0, 3_600) {
            p.deregistration_delay_s = x;
        }
        if let Some(x) = r.whole("dur", MIN_DURATION_S, MAX_DURATION_S) {
            p.duration_s = x;
        }
        if let Some(b) = r.choice("build", &BUILDS) {
            p.build = b;
        }
        if let Some(on) = r.flag("cb") {
            p.circuit_breaker = on;
        }
        let lose = r.whole("lose", 0, MAX_DURATION_S);
        let az = r.choice("az", &AZ_SLUGS);
        match (lose, az) {
            (Some(at_s), az) => {
                p.az_loss = Some(AzLoss {
                    az: az.unwrap_or(1),
                    at_s,
                })
            }
            (None, Some(az)) => r.ignore("az", az_slug(az), "needs lose=<seconds> too".into()),
            (None, None) => {}
        }
        // Values that are each in range may still clash (a timeout not shorter than the
        // interval, a loss after the run): keep the defaults for those and say so.
        repair(&mut p, &mut r);
        (p, r.finish())
    }
}

/// A health check from a link whose timeout is not shorter than its interval: one second
/// less than the interval is used, and the link is told. Shared with the failure drill.
pub(crate) fn repair_health_check(hc: &mut HealthCheck, r: &mut LinkReader<'_>) {
    if hc.timeout_s >= hc.interval_s {
        // The interval is at least 5 s, so one second less is a valid timeout.
        let timeout_s = hc.interval_s.saturating_sub(1).max(2);
        r.ignore(
            "hto",
            &hc.timeout_s.to_string(),
            format!(
                "must be shorter than the {} s interval; {timeout_s} s used",
                hc.interval_s
            ),
        );
        hc.timeout_s = timeout_s;
    }
}

pub(super) fn repair(p: &mut RollingDeployParams, r: &mut LinkReader<'_>) {
    let d = RollingDeployParams::default();
    repair_health_check(&mut p.health_check, r);
    if p.max_running_tasks() <= p.min_healthy_tasks() {
        r.ignore(
            "maxp",
            &p.max_percent.to_string(),
            format!(
                "with {} % healthy of {} tasks, leaves ECS no room to replace a task; ECS's defaults used",
                p.min_healthy_percent, p.desired_count
            ),
        );
        p.min_healthy_percent = d.min_healthy_percent;
        p.max_percent = d.max_percent;
    }
    if let Some(loss) = p.az_loss {
        if loss.at_s > p.duration_s {
            r.ignore(
                "lose",
                &loss.at_s.to_string(),
                "after the end of the run".into(),
            );
            p.az_loss = None;
        }
    }
}
