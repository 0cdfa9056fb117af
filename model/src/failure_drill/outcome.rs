//! What a drill shows: the samples the chart draws and the events.

use super::*;

/// One point of the series: the state at `t_s`, shares averaged over the next [`SAMPLE_STEP_S`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrillSample {
    pub t_s: u32,
    /// Tasks taking traffic and answering, per AZ.
    pub healthy_per_az: [u32; AZS],
    /// Failed tasks the load balancer still sends requests to.
    pub dead_in_rotation: u32,
    /// Launched, not yet healthy.
    pub starting: u32,
    /// What the answering tasks can serve, req/s at 100 % CPU.
    pub capacity_per_s: f64,
    pub origin_per_s: f64,
    /// 0–1 of origin requests failing, averaged over the point's seconds.
    pub failing_share: f64,
    pub db: DbState,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FailureDrillOutcome {
    /// Fastest and slowest the load balancer takes out a task that stops answering.
    pub detection_range_s: (u32, u32),
    /// Provisioning plus one passing check.
    pub startup_delay_s: u32,
    pub origin_per_s: f64,
    /// Whether the fleet minus one AZ can still carry the load (at 100 % CPU).
    pub survives_az_loss_capacity: bool,
    pub samples: Vec<DrillSample>,
    /// In time order.
    pub events: Vec<Event>,
    pub origin_requests: f64,
    pub failed_requests: f64,
    /// Σ share failing × seconds, in minutes: what the budget is charged.
    pub degraded_min: f64,
    /// Minutes in which any request failed, however few.
    pub affected_min: f64,
    pub peak_failing_share: f64,
    /// The least the answering tasks could serve at any second, req/s at 100 % CPU.
    pub lowest_capacity_per_s: f64,
    pub budget_min: f64,
    /// 0–1 of the month's budget the drill spends.
    pub consumed: f64,
    /// After what was spent before and the drill; negative when overspent.
    pub left_min: f64,
    pub slo_holds: bool,
    pub policy: DeployPolicy,
    /// After the last failure: the first second with no failing request, the database up and
    /// at least as many tasks serving as at the start. `None`: not within the drill.
    pub back_to_normal_s: Option<u32>,
    /// Fargate task-hours billed (from launch) over the drill.
    pub task_hours: f64,
}

impl FailureDrillOutcome {
    /// The point of the series that covers second `t_s` (the last one past the end).
    pub fn sample_at(&self, t_s: u32) -> Option<&DrillSample> {
        let i = (t_s / SAMPLE_STEP_S) as usize;
        self.samples.get(i).or(self.samples.last())
    }
}
