//! Autoscaling as a control loop (§3 of the worked example).
//!
//! The lesson: a scaler only sees load through a lagging metric and only adds
//! capacity that arrives late, so a sudden spike is always met by a few minutes
//! of saturated tasks and dropped requests. Cooldowns and a conservative
//! scale-in rule trade those dropped requests against task-hours: scale in too
//! eagerly and the fleet flaps. The same load is run through AWS target
//! tracking, the Kubernetes HPA and a fixed fleet, side by side.
//!
//! The simulation steps one second at a time; the series it returns hold one
//! point per [`AutoscalingOutcome::series_step_s`] seconds, so a view animates a
//! run by revealing its points up to a moving time rather than re-simulating.

use std::collections::VecDeque;

use crate::documented::Documented;
use crate::link::{number_text, LinkReader};
use crate::money::{Decimal, Usd};
use crate::photoshare;

/// Longest run: two days, one second per step.
pub const MAX_DURATION_S: u32 = 2 * 24 * 3_600;
/// Shortest run: one metric datapoint.
pub const MIN_DURATION_S: u32 = 60;
/// Largest fleet the lab simulates.
pub const MAX_TASKS_LIMIT: u32 = 1_000;
/// Highest edge load accepted, req/s, as in every demo.
pub const MAX_LOAD_PER_S: f64 = crate::params::shared::MAX_LOAD_PER_S;
/// Highest peak (base load × peak ÷ base) the model runs, req/s.
pub const MAX_PEAK_LOAD_PER_S: f64 = 100.0 * MAX_LOAD_PER_S;
/// Most points in a custom load profile.
pub const MAX_PROFILE_POINTS: usize = 100;
/// Longest cooldown or provisioning time accepted.
pub const MAX_DELAY_S: u32 = 3_600;
/// Most points in one series; longer runs are sampled more coarsely.
pub const MAX_SERIES_POINTS: u32 = 1_440;
/// Finest series resolution.
pub const MIN_SERIES_STEP_S: u32 = 10;

/// One CloudWatch datapoint: the metric averaged over a minute.
pub const DATAPOINT_S: u32 = 60;
/// Target tracking scales out once this many datapoints in a row are above target.
pub const SCALE_OUT_DATAPOINTS: u32 = 3;
/// The HPA's sync period, its scale-up rate-limit period, and its defaults.
pub const HPA_SYNC_S: u32 = 15;
pub const HPA_TOLERANCE: f64 = 0.10;
pub const HPA_SCALE_DOWN_WINDOW_S: u32 = 300;
/// Recommendations the scale-down window holds: 300 s of 15 s syncs.
const HPA_WINDOW_SYNCS: usize = (HPA_SCALE_DOWN_WINDOW_S / HPA_SYNC_S) as usize;
/// In a diurnal day the load bottoms out at 04:00 and peaks twelve hours later.
pub const DIURNAL_TROUGH_S: u32 = 4 * 3_600;
const DAY_S: f64 = 86_400.0;

mod claims;
mod fleet;
mod hpa;
mod link;
mod load;
mod params;
mod prose;
mod run;
mod sizing;
mod target_tracking;

use fleet::*;
pub use hpa::*;
pub use link::*;
pub use load::*;
pub use params::*;
pub use prose::*;
pub use run::*;
pub use sizing::*;
pub use target_tracking::*;

crate::demo! {
    /// The autoscaling demo in the lab's registry.
    Autoscaling: AutoscalingParams => AutoscalingOutcome, evaluate: simulate,
    exercises: autoscaling,
    claims: [TASKS_WITHOUT_CDN, TASKS_STEADY, TASKS_BURST, SCALE_OUT],
    shares: [EdgeLoad, CdnHitRatio, AverageTasks],
    take: crate::scenario::apply_to_autoscaling,
    give: crate::scenario::from_autoscaling_with_fleet,
    give_evaluated: crate::scenario::from_autoscaling_run,
}
