//! The demo's deep link: params to a query and back, the failures' text, and the repairs.

use super::*;
use crate::autoscaling::specs;
use crate::health_check_fields;
use crate::params::{self, shared, Field, Fields, Spec, Table};

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

/// Link format: `load=1200&hit=92&cap=150&target=60&slo=99.9&spent=0&n=2&min=2&max=20&hi=15&hto=5&ht=2&ut=3&prov=30&fo=120&rec=1800&dur=3600&as=1&maz=1&fail=task:a@600,az:b@900,db@1200`.
/// Shares in percent, times in seconds.
impl FailureDrillParams {
    /// The target group's health check: the lab's shared group of four.
    pub const HEALTH_CHECK: [Field<Self>; 4] = health_check_fields!(health_check);
    pub const EDGE_LOAD_PER_S: Field<Self> = Field::number(
        shared::EDGE_LOAD,
        |p| p.edge_load_per_s,
        |p, x| p.edge_load_per_s = x,
    );
    pub const CDN_HIT_RATIO: Field<Self> = Field::number(
        shared::CDN_HIT_RATIO,
        |p| p.cdn_hit_ratio,
        |p, x| p.cdn_hit_ratio = x,
    );
    pub const CAPACITY_PER_TASK_PER_S: Field<Self> = Field::number(
        shared::TASK_CAPACITY,
        |p| p.capacity_per_task_per_s,
        |p, x| p.capacity_per_task_per_s = x,
    );
    pub const CPU_TARGET: Field<Self> = Field::number(
        shared::CPU_TARGET,
        |p| p.cpu_target,
        |p, x| p.cpu_target = x,
    );
    pub const SLO: Field<Self> = Field::number(shared::SLO, |p| p.slo, |p, x| p.slo = x);
    pub const SPENT_BEFORE_MIN: Field<Self> = Field::number(
        Spec::new(
            "spent",
            "Budget already spent this month",
            "min",
            // Up to a whole 30-day month of minutes (`MonthLength::ThirtyDays`).
            (0.0, 43_200.0),
            0.1,
        ),
        |p| p.spent_before_min,
        |p, x| p.spent_before_min = x,
    );
    pub const TASKS: Field<Self> = Field::whole(
        Spec {
            max: MAX_TASKS as f64,
            ..specs::DESIRED_COUNT
        },
        |p| p.tasks,
        |p, x| p.tasks = x,
    );
    pub const MIN_TASKS: Field<Self> = Field::whole(
        Spec {
            max: MAX_TASKS as f64,
            ..specs::MIN_TASKS
        },
        |p| p.min_tasks,
        |p, x| p.min_tasks = x,
    );
    pub const MAX_TASKS: Field<Self> = Field::whole(
        Spec {
            max: MAX_TASKS as f64,
            ..specs::MAX_TASKS
        },
        |p| p.max_tasks,
        |p, x| p.max_tasks = x,
    );
    pub const PROVISIONING_S: Field<Self> = Field::whole(
        Spec {
            max: MAX_DELAY_S as f64,
            ..specs::PROVISIONING
        },
        |p| p.provisioning_s,
        |p, x| p.provisioning_s = x,
    );
    pub const FAILOVER_S: Field<Self> = Field::whole(
        Spec::new(
            "fo",
            "Database failover",
            "s",
            (0.0, MAX_DELAY_S as f64),
            10.0,
        ),
        |p| p.failover_s,
        |p, x| p.failover_s = x,
    );
    pub const SINGLE_AZ_RECOVERY_S: Field<Self> = Field::whole(
        Spec::new(
            "rec",
            "Single-AZ database recovery",
            "s",
            (0.0, MAX_DELAY_S as f64),
            60.0,
        ),
        |p| p.single_az_recovery_s,
        |p, x| p.single_az_recovery_s = x,
    );
    pub const DURATION_S: Field<Self> = Field::whole(
        Spec {
            min: MIN_DURATION_S as f64,
            max: MAX_DURATION_S as f64,
            ..specs::RUN_LENGTH
        },
        |p| p.duration_s,
        |p, x| p.duration_s = x,
    );
    pub const AUTOSCALER: Field<Self> = Field::flag(
        Spec::named("as", "Autoscaler (target tracking)"),
        |p| p.autoscaler,
        |p, on| p.autoscaler = on,
    );
    pub const MULTI_AZ: Field<Self> =
        Field::flag(shared::MULTI_AZ, |p| p.multi_az, |p, on| p.multi_az = on);
    pub const FAILURES: Field<Self> = Field::text(
        Spec::named("fail", "Failures injected"),
        |p| failures_text(&p.failures),
        |p, text| {
            p.failures = parse_failures(text)?;
            Ok(())
        },
    );
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
        &[
            Self::PROVISIONING_S,
            Self::FAILOVER_S,
            Self::SINGLE_AZ_RECOVERY_S,
            Self::DURATION_S,
            Self::AUTOSCALER,
            Self::MULTI_AZ,
            Self::FAILURES,
        ],
    ];

    fn repair(&mut self, r: &mut LinkReader<'_>) {
        repair(self, r)
    }
}

impl LinkState for FailureDrillParams {
    fn to_query(&self) -> String {
        params::to_query(self)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        params::from_query(query)
    }
}

/// Values each in range may still clash; keep what works and say what was dropped. A value
/// alone in a link moves what it clashes with, so that every value in range reads.
fn repair(p: &mut FailureDrillParams, r: &mut LinkReader<'_>) {
    let d = FailureDrillParams::default();
    rolling_deploy::repair_health_check(&mut p.health_check, r);
    if p.min_tasks > p.max_tasks {
        if !r.has("max") {
            p.max_tasks = p.min_tasks;
        } else if !r.has("min") {
            p.min_tasks = p.max_tasks;
        } else {
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
    }
    let duration_s = p.duration_s;
    if p.failures.iter().any(|f| f.at_s >= duration_s) {
        // The worked example's failures are not the link's: a shorter drill simply ends first.
        if r.has("fail") {
            r.ignore(
                "fail",
                &failures_text(&p.failures),
                "failures after the drill's end dropped".into(),
            );
        }
        p.failures.retain(|f| f.at_s < duration_s);
    }
}
