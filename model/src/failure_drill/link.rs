//! The demo's deep link: params to a query and back, the failures' text, and the repairs.

use super::*;
use crate::autoscaling::limits_clash;
use crate::autoscaling::specs::{self, up_to};
use crate::health_check_fields;
use crate::link::parse_list;
use crate::params::{shared, Field, Fields, Spec, Table};

/// A delay of the database, in seconds.
const fn delay(key: &'static str, label: &'static str, step: f64) -> Spec {
    Spec::new(key, label, "s", (0.0, MAX_DELAY_S as f64), step)
}

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
    parse_list(text, MAX_FAILURES, "failures", |i, item| {
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
        Ok(Injected { failure, at_s })
    })
}

/// Link format: `load=1200&hit=92&cap=150&target=60&slo=99.9&spent=0&n=2&min=2&max=20&hi=15&hto=5&ht=2&ut=3&prov=30&fo=120&rec=1800&dur=3600&as=1&maz=1&fail=task:a@600,az:b@900,db@1200`.
/// Shares in percent, times in seconds.
impl FailureDrillParams {
    /// The target group's health check: the lab's shared group of four.
    pub const HEALTH_CHECK: [Field<Self>; 4] = health_check_fields!(health_check);
    crate::fields! {
        EDGE_LOAD_PER_S: number edge_load_per_s, shared::EDGE_LOAD;
        CDN_HIT_RATIO: number cdn_hit_ratio, shared::CDN_HIT_RATIO;
        CAPACITY_PER_TASK_PER_S: number capacity_per_task_per_s, shared::TASK_CAPACITY;
        CPU_TARGET: number cpu_target, shared::CPU_TARGET;
        SLO: number slo, shared::SLO;
        // Up to a whole 30-day month of minutes (`MonthLength::ThirtyDays`).
        SPENT_BEFORE_MIN: number spent_before_min,
            Spec::new("spent", "Budget already spent this month", "min", (0.0, 43_200.0), 0.1);
        TASKS: whole tasks, up_to(specs::DESIRED_COUNT, MAX_TASKS);
        MIN_TASKS: whole min_tasks, up_to(specs::MIN_TASKS, MAX_TASKS);
        MAX_TASKS: whole max_tasks, up_to(specs::MAX_TASKS, MAX_TASKS);
        PROVISIONING_S: whole provisioning_s, up_to(specs::PROVISIONING, MAX_DELAY_S);
        FAILOVER_S: whole failover_s, delay("fo", "Database failover", 10.0);
        SINGLE_AZ_RECOVERY_S: whole single_az_recovery_s,
            delay("rec", "Single-AZ database recovery", 60.0);
        DURATION_S: whole duration_s,
            Spec { min: MIN_DURATION_S as f64,..up_to(specs::RUN_LENGTH, MAX_DURATION_S) };
        AUTOSCALER: flag autoscaler, Spec::named("as", "Autoscaler (target tracking)");
        MULTI_AZ: flag multi_az, shared::MULTI_AZ;
        FAILURES: text(failures_text, parse_failures) failures,
            Spec::named("fail", "Failures injected");
    }
}

impl Fields for FailureDrillParams {
    const FIELDS: Table<Self> = &[
        &[
            Self::EDGE_LOAD_PER_S,
            Self::CDN_HIT_RATIO,
            Self::CAPACITY_PER_TASK_PER_S,
            Self::CPU_TARGET,
            Self::SLO,
            Self::SPENT_BEFORE_MIN,
            Self::TASKS,
            Self::MIN_TASKS,
            Self::MAX_TASKS,
        ],
        &Self::HEALTH_CHECK,
        // How long things take, then what is on and what breaks.
        &[
            Self::PROVISIONING_S,
            Self::FAILOVER_S,
            Self::SINGLE_AZ_RECOVERY_S,
            Self::DURATION_S,
        ],
        &[Self::AUTOSCALER, Self::MULTI_AZ, Self::FAILURES],
    ];

    /// Values each in range may still clash; keep what works and say what was dropped. A value
    /// alone in a link moves what it clashes with, so that every value in range reads.
    fn repair(&mut self, r: &mut LinkReader<'_>) {
        let d = FailureDrillParams::default();
        rolling_deploy::repair_health_check(&mut self.health_check, r);
        if limits_clash(&mut self.min_tasks, &mut self.max_tasks, r) {
            r.ignore(
                "min",
                &self.min_tasks.to_string(),
                format!(
                    "above the maximum of {}; the defaults {}–{} used",
                    self.max_tasks, d.min_tasks, d.max_tasks
                ),
            );
            self.min_tasks = d.min_tasks;
            self.max_tasks = d.max_tasks;
        }
        let duration_s = self.duration_s;
        if self.failures.iter().any(|f| f.at_s >= duration_s) {
            // The worked example's failures are not the link's: a shorter drill simply ends first.
            if r.has("fail") {
                r.ignore(
                    "fail",
                    &failures_text(&self.failures),
                    "failures after the drill's end dropped".into(),
                );
            }
            self.failures.retain(|f| f.at_s < duration_s);
        }
    }
}

crate::link_from_table!(FailureDrillParams);
