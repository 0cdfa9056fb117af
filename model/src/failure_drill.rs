//! Failure drill: break one part of PhotoShare during an hour of traffic (§1, §3).
//!
//! The lesson: redundancy does not make a failure free, it makes it short. When
//! a task or a whole AZ stops answering, the load balancer keeps sending it its
//! share of requests until the health checks give up on it (3 × 15 s), then ECS
//! and the AZ spread put the capacity back. A Multi-AZ database fails over to
//! its standby in a minute or two; a single-AZ one is down until it is
//! restored. Every second in which requests fail spends the month's error
//! budget in proportion to the share that failed, and the drill shows whether
//! the 99.9 % SLO still holds afterwards.
//!
//! The simulation steps one second at a time; the series holds one point per
//! [`SAMPLE_STEP_S`] seconds, each averaging the seconds it covers.

use crate::autoscaling::{self, AutoscalingParams, Datapoint, TargetTracking};
use crate::availability::{
    budget_consumed, error_budget_minutes, AvailabilityParams, DeployPolicy, Incident, MonthLength,
};
use crate::claim::number;
use crate::documented::Documented;
use crate::link::{number_text, LinkReader};
use crate::photoshare::{self, rolling_deploy::AZ_NAMES, HealthCheck};
use crate::rolling_deploy::{self, Event};

/// Availability zones the service spreads over.
pub const AZS: usize = 2;
pub const MIN_DURATION_S: u32 = 60;
pub const MAX_DURATION_S: u32 = 4 * 3_600;
/// Largest fleet the drill simulates.
pub const MAX_TASKS: u32 = 200;
/// Most failures injected into one drill.
pub const MAX_FAILURES: usize = 8;
/// Longest provisioning, failover or recovery time accepted.
pub const MAX_DELAY_S: u32 = 24 * 3_600;
/// Highest edge load accepted, req/s.
pub const MAX_LOAD_PER_S: f64 = autoscaling::MAX_LOAD_PER_S;
/// Seconds between points of the series.
pub const SAMPLE_STEP_S: u32 = 5;

/// Multi-AZ failover time the lab uses by default.
pub const RDS_FAILOVER_S: u32 = 120;
/// How long a database with no standby is down, by default.
pub const SINGLE_AZ_RECOVERY_S: u32 = 30 * 60;
/// Where the single-AZ recovery time comes from, for the page.
pub const SINGLE_AZ_RECOVERY_SOURCE: &str = "Assumption: with no standby, RDS has to replace the \
instance, or the team restores the latest backup into another AZ. AWS publishes no time for this; \
restoring a 100 GB database commonly takes tens of minutes. The lab assumes 30 minutes.";

mod link;
mod outcome;
mod params;
mod prose;
mod sim;

pub use params::*;
pub use prose::*;

pub use outcome::*;
pub use sim::*;

crate::demo! {
    /// The failure drill demo in the lab's registry.
    FailureDrill: FailureDrillParams => FailureDrillOutcome, evaluate: simulate,
    exercises: failure_drill,
    claims: [BUDGET],
    shares: [EdgeLoad, CdnHitRatio, MultiAz, HealthCheck],
    take: crate::scenario::apply_to_failure_drill,
    give: crate::scenario::from_failure_drill,
}

crate::claims! { FailureDrill: FailureDrillParams => FailureDrillOutcome {
    /// §1 and §3: a 99.9 % SLO allows 43.2 minutes in a 30-day month.
    BUDGET: "Error budget", "43.2 min", Places(1),
        |_, o| number(o.budget_min);
}}
