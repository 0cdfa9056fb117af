//! Rolling deploy: how a new task definition replaces the old one (§2 pipeline).
//!
//! The lesson: ECS starts new tasks, and the load balancer's health check on
//! `/healthz` — not the deploy script — decides when each one takes traffic.
//! Old tasks are only deregistered once enough new ones are healthy, and then
//! drain their in-flight requests. The minimum-healthy and maximum percent
//! bound how many run at once, so capacity never drops below the floor. A bad
//! build whose tasks never pass the check stalls the rollout without serving a
//! single user, and tasks spread over two AZs keep half the capacity when one
//! AZ is lost.
//!
//! The simulation steps one second at a time.

use crate::documented::Documented;
use crate::link::LinkReader;
use crate::photoshare::{self, rolling_deploy::AZ_NAMES, HealthCheck};

/// ECS's defaults for a rolling update, which PhotoShare's Terraform leaves as they are.
pub const ECS_MIN_HEALTHY_PERCENT: u32 = 100;
pub const ECS_MAX_PERCENT: u32 = 200;
/// Elastic Load Balancing's default deregistration delay (0–3600 s allowed).
pub const ELB_DEREGISTRATION_DELAY_S: u32 = 300;
/// `aws ecs wait services-stable` polls every 15 s and gives up after 40 checks.
pub const WAITER_DELAY_S: u32 = 15;
pub const WAITER_ATTEMPTS: u32 = 40;

mod link;
mod outcome;
mod params;
mod prose;
mod sim;

pub(crate) use link::repair_health_check;
pub use outcome::*;
pub use params::*;
pub use prose::*;
pub use sim::*;

crate::demo! {
    /// The rolling deploy demo in the lab's registry.
    RollingDeploy: RollingDeployParams => RollingDeployOutcome, evaluate: simulate,
    exercises: rolling_deploy,
    notes: &[PLACEMENT],
    shares: [HealthCheck],
    take: crate::scenario::apply_to_rolling_deploy,
    give: crate::scenario::from_rolling_deploy,
}

/// The worked example's `spread` placement constraint, which a Fargate service does not take.
const PLACEMENT: crate::claim::Note = crate::claim::Note {
    text: PLACEMENT_NOTE,
    source: PLACEMENT_NOTE_SOURCES[0].0,
    url: PLACEMENT_NOTE_SOURCES[0].1,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waiter_checks_every_15_s_and_gives_up_at_the_40th_check() {
        assert_eq!(waiter(Some(0), 600), Wait::Stable { at_s: 0 });
        assert_eq!(waiter(Some(1), 600), Wait::Stable { at_s: 15 });
        assert_eq!(waiter(Some(360), 600), Wait::Stable { at_s: 360 });
        assert_eq!(waiter(Some(586), 600), Wait::TimedOut { at_s: 585 });
        assert_eq!(waiter(None, 600), Wait::TimedOut { at_s: 585 });
        assert_eq!(waiter(None, 300), Wait::Waiting);
    }

    #[test]
    fn spans_skip_empty_phases_and_end_at_the_stop() {
        let mut t = TaskTrack::new(1, Version::Old, 0, 0);
        t.registered_s = Some(0);
        t.healthy_s = Some(0);
        t.draining_s = Some(60);
        t.stopped_s = Some(360);
        t.fill_spans(600);
        assert_eq!(
            t.spans,
            [
                Span {
                    state: TaskState::Serving,
                    from_s: 0,
                    to_s: 60
                },
                Span {
                    state: TaskState::Draining,
                    from_s: 60,
                    to_s: 360
                },
            ]
        );
    }
}
