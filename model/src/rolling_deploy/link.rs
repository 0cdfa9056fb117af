//! The demo's deep link: params to a query and back, and the repairs of values that clash.

use super::*;
use crate::autoscaling::specs::{self, up_to};
use crate::params::{shared, Choice, Field, Fields, Spec, Table};

pub(super) const AZ_SLUGS: [(&str, usize); 2] = [("a", 0), ("b", 1)];

pub(super) fn az_slug(az: usize) -> &'static str {
    AZ_SLUGS
        .iter()
        .find(|(_, i)| *i == az)
        .map_or("b", |(s, _)| s)
}

const BUILD_CHOICES: [Choice; 2] = [
    Choice {
        slug: "good",
        label: "Good build",
    },
    Choice {
        slug: "bad",
        label: "Bad build (never passes a check)",
    },
];

const AZ_CHOICES: [Choice; 2] = [
    Choice {
        slug: "a",
        label: "eu-west-1a",
    },
    Choice {
        slug: "b",
        label: "eu-west-1b",
    },
];

/// Link format: `n=4&minh=100&maxp=200&hi=15&ht=2&ut=3&hto=5&start=30&drain=300&dur=600&new=bad&cb=1&lose=120&az=b`.
impl RollingDeployParams {
    crate::fields! {
        DESIRED_COUNT: whole desired_count, up_to(specs::DESIRED_COUNT, MAX_DESIRED);
        MIN_HEALTHY_PERCENT: whole min_healthy_percent,
            Spec::new("minh", "Minimum healthy percent", "%", (0.0, 100.0), 5.0);
        MAX_PERCENT: whole max_percent,
            Spec::new("maxp", "Maximum percent", "%", (100.0, 200.0), 5.0);
        INTERVAL_S: whole health_check.interval_s, shared::HEALTH_CHECK_INTERVAL;
        HEALTHY_THRESHOLD: whole health_check.healthy_threshold, shared::HEALTHY_THRESHOLD;
        UNHEALTHY_THRESHOLD: whole health_check.unhealthy_threshold, shared::UNHEALTHY_THRESHOLD;
        TIMEOUT_S: whole health_check.timeout_s, shared::HEALTH_CHECK_TIMEOUT;
        TASK_START_S: whole task_start_s,
            Spec::new("start", "Task start", "s", (0.0, MAX_TASK_START_S as f64), 5.0);
        DEREGISTRATION_DELAY_S: whole deregistration_delay_s,
            Spec::new("drain", "Deregistration delay", "s", (0.0, 3_600.0), 10.0);
        DURATION_S: whole duration_s,
            Spec { min: MIN_DURATION_S as f64,..up_to(specs::RUN_LENGTH, MAX_DURATION_S) };
        BUILD: choice(&BUILD_CHOICES, NewBuild) build, Spec::named("new", "The new build");
        CIRCUIT_BREAKER: flag circuit_breaker, Spec::named("cb", "Deployment circuit breaker");
    }
    /// The target group's health check: the shared specs, in the order this demo's links
    /// have always had.
    pub const HEALTH_CHECK: [Field<Self>; 4] = [
        Self::INTERVAL_S,
        Self::HEALTHY_THRESHOLD,
        Self::UNHEALTHY_THRESHOLD,
        Self::TIMEOUT_S,
    ];
    pub const AZ_LOSS_AT: Field<Self> = Field::text(
        Spec::named("lose", "Lose an AZ at (s)"),
        |p| p.az_loss.map_or(String::new(), |l| l.at_s.to_string()),
        |p, text| {
            let at_s = text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|&s| s <= MAX_DURATION_S)
                .ok_or_else(|| format!("expected 0–{MAX_DURATION_S} seconds"))?;
            let az = p.az_loss.map_or(1, |l| l.az);
            p.az_loss = Some(AzLoss { az, at_s });
            Ok(())
        },
    );
    pub const AZ_LOST: Field<Self> = Field::choice(
        Spec::named("az", "The AZ lost"),
        &AZ_CHOICES,
        |p| az_slug(p.az_loss.map_or(1, |l| l.az)),
        |p, slug| {
            if let (Some(loss), Some((_, az))) =
                (&mut p.az_loss, AZ_SLUGS.iter().find(|(s, _)| *s == slug))
            {
                loss.az = *az;
            }
        },
    );
    /// An AZ lost mid-deploy: when, then which (read after `lose`, which it goes with).
    pub const AZ_LOSS: [Field<Self>; 2] = [Self::AZ_LOSS_AT, Self::AZ_LOST];
}

impl Fields for RollingDeployParams {
    const FIELDS: Table<Self> = &[
        &[
            Self::DESIRED_COUNT,
            Self::MIN_HEALTHY_PERCENT,
            Self::MAX_PERCENT,
        ],
        &Self::HEALTH_CHECK,
        &[
            Self::TASK_START_S,
            Self::DEREGISTRATION_DELAY_S,
            Self::DURATION_S,
            Self::BUILD,
            Self::CIRCUIT_BREAKER,
        ],
        &Self::AZ_LOSS,
    ];

    fn repair(&mut self, r: &mut LinkReader<'_>) {
        let d = RollingDeployParams::default();
        repair_health_check(&mut self.health_check, r);
        if r.has("az") && self.az_loss.is_none() {
            let az = r.text("az").unwrap_or_default().to_string();
            r.ignore("az", &az, "needs lose=<seconds> too".into());
        }
        if self.max_running_tasks() <= self.min_healthy_tasks() {
            if !r.has("minh") {
                // The largest minimum healthy percent that leaves ECS room to replace a task.
                let room = self.max_running_tasks().saturating_sub(1);
                self.min_healthy_percent = room * 100 / self.desired_count.max(1);
            } else {
                r.ignore(
                    "maxp",
                    &self.max_percent.to_string(),
                    format!(
                        "with {} % healthy of {} tasks, leaves ECS no room to replace a task; ECS's defaults used",
                        self.min_healthy_percent, self.desired_count
                    ),
                );
                self.min_healthy_percent = d.min_healthy_percent;
                self.max_percent = d.max_percent;
            }
        }
        if let Some(loss) = self.az_loss {
            if loss.at_s > self.duration_s {
                r.ignore(
                    "lose",
                    &loss.at_s.to_string(),
                    "after the end of the run".into(),
                );
                self.az_loss = None;
            }
        }
    }
}

crate::link_from_table!(RollingDeployParams);

/// A health check from a link whose timeout is not shorter than its interval. A value alone
/// in the link moves the other one (so every value in range reads); both given, one second
/// less than the interval is used, and the link is told. Shared with the failure drill.
pub(crate) fn repair_health_check(hc: &mut HealthCheck, r: &mut LinkReader<'_>) {
    if hc.timeout_s < hc.interval_s {
        return;
    }
    // The interval is at least 5 s, so one second less is a valid timeout; the timeout is
    // at most 120 s, so one second more is a valid interval.
    let timeout_s = hc.interval_s.saturating_sub(1).max(2);
    if !r.has("hto") {
        hc.timeout_s = timeout_s;
    } else if !r.has("hi") {
        hc.interval_s = hc.timeout_s + 1;
    } else {
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
