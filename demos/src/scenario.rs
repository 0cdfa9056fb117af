//! One project across the demos (PhotoShare unless a group set its own), as the
//! "Linked to <project>" panel shows it. The
//! model's `scenario` module does the work, and each demo's `Demo::take` and `Demo::give`
//! say which of its functions belong to that demo.

use cloud_lab_model::scenario::{Scenario, SharedValue};

/// A linked value's name and its value as the panel shows it.
pub fn describe(value: SharedValue, s: &Scenario) -> (&'static str, String, String) {
    use crate::format;
    match value {
        SharedValue::EdgeLoad => (
            "Steady load at the edge",
            format::per_s(s.edge_load_per_s.value),
            s.source(s.edge_load_per_s.from),
        ),
        SharedValue::CdnHitRatio => (
            "CDN hit ratio",
            format!("{} %", format::trimmed(s.cdn_hit_ratio.value * 100.0, 1)),
            s.source(s.cdn_hit_ratio.from),
        ),
        SharedValue::MultiAz => (
            "Database",
            if s.multi_az.value {
                "Multi-AZ".to_string()
            } else {
                "Single-AZ".to_string()
            },
            s.source(s.multi_az.from),
        ),
        SharedValue::HealthCheck => {
            let h = s.health_check.value;
            (
                "Health check",
                format!(
                    "every {} s, timeout {} s, {} to pass, {} to fail",
                    h.interval_s, h.timeout_s, h.healthy_threshold, h.unhealthy_threshold
                ),
                s.source(s.health_check.from),
            )
        }
        SharedValue::AverageTasks => (
            "Average tasks the bill pays for",
            format::trimmed(s.average_tasks.value, 2),
            s.source(s.average_tasks.from),
        ),
    }
}
