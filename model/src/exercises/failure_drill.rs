//! Failure drill: how long a dead task keeps getting requests, what a database without a
//! standby costs the month, and a fleet that survives losing an AZ.

use super::{number, percent, Exercise, Kind};
use crate::availability::DeployPolicy;
use crate::failure_drill::{Failure, FailureDrillOutcome, FailureDrillParams, Injected};
use crate::photoshare;

type P = FailureDrillParams;
type O = FailureDrillOutcome;

/// The drill's two AZs.
const AZS: u32 = 2;

fn fail_at_ten_minutes(p: &mut P, failure: Failure) {
    p.failures = vec![Injected { failure, at_s: 600 }];
}

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "dead-task-detected",
        title: "When a dead task stops getting requests",
        setup: |p| fail_at_ten_minutes(p, Failure::Task { az: 0 }),
        question: |p, _| {
            let h = &p.health_check;
            format!(
                "The load balancer checks each task every {} s, waits up to {} s for an answer, \
                 and takes a task out after {} failed checks in a row. A task dies. At worst, how \
                 many seconds later does it stop getting requests?",
                h.interval_s, h.timeout_s, h.unhealthy_threshold
            )
        },
        kind: Kind::predict(|_, o| f64::from(o.detection_range_s.1), 0.0, "s"),
        hint: "The task may die just after passing a check; the last failed check still waits \
               its whole timeout.",
        why: |p, o| {
            let h = &p.health_check;
            let (best, worst) = o.detection_range_s;
            format!(
                "Worst case: unhealthy threshold × interval + timeout = {} × {} + {} = {worst} s; \
                 at best, when the task dies just before a check, {best} s.",
                h.unhealthy_threshold, h.interval_s, h.timeout_s
            )
        },
    },
    Exercise {
        slug: "database-without-standby",
        title: "A database without a standby",
        setup: |p| {
            p.multi_az = false;
            fail_at_ten_minutes(p, Failure::Database);
        },
        question: |p, _| {
            format!(
                "The database runs in one AZ, with no standby, and fails. Restoring it takes {} \
                 min. With a {} SLO, what does the team do for the rest of the month?",
                number(f64::from(p.single_az_recovery_s) / 60.0),
                percent(p.slo)
            )
        },
        kind: Kind::Choose {
            options: &[
                "Ship features as usual",
                "Freeze risky deploys",
                "Only fixes ship: the budget is spent",
            ],
            answer: |_, o| match o.policy {
                DeployPolicy::Ship => 0,
                DeployPolicy::FreezeRiskyDeploys => 1,
                DeployPolicy::Exhausted => 2,
            },
        },
        hint:
            "Every request that reaches the app needs the database: count the minutes it is down \
               against the month's error budget.",
        why: |_, o| {
            format!(
                "Requests failed for {} min: {} of the {} min budget, leaving {} min.",
                number(o.affected_min),
                percent(o.consumed),
                number(o.budget_min),
                number(o.left_min)
            )
        },
    },
    Exercise {
        slug: "survive-an-az",
        title: "Lose an AZ at the peak",
        setup: |p| {
            p.edge_load_per_s = photoshare::EDGE_LOAD_BURST_PER_S;
            p.tasks = p.autoscaler_choice();
            fail_at_ten_minutes(p, Failure::Az { az: 1 });
        },
        question: |p, o| {
            format!(
                "At the burst's {} req/s, {} tasks run over {AZS} AZs and one AZ is lost. Choose \
                 the fleet so that the tasks left in the other AZ still carry the {} req/s that \
                 reach the origin.",
                number(p.edge_load_per_s),
                p.tasks,
                number(o.origin_per_s)
            )
        },
        kind: Kind::Goal {
            met: |_, o| o.survives_az_loss_capacity,
            show_me: |p| {
                let origin = p.edge_load_per_s * (1.0 - p.cdn_hit_ratio);
                let per_az = (origin / p.capacity_per_task_per_s).ceil() as u32;
                p.min_tasks = p.min_tasks.max(per_az * AZS).min(p.max_tasks);
                p.tasks = p.autoscaler_choice();
            },
        },
        hint: "Sizing for the target is not enough: after the loss, the surviving half must carry \
               the whole load, even at full CPU.",
        why: |p, o| {
            let left = p.tasks - p.tasks.div_ceil(AZS);
            format!(
                "{} tasks over {AZS} AZs leave {left} after the loss: {left} × {} req/s = {} \
                 req/s against {} req/s.",
                p.tasks,
                number(p.capacity_per_task_per_s),
                number(f64::from(left) * p.capacity_per_task_per_s),
                number(o.origin_per_s)
            )
        },
    },
];
