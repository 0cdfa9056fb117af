//! AWS Application Auto Scaling's target tracking on ECSServiceAverageCPUUtilization:
//! minute datapoints, the scale-out and scale-in rules and their cooldowns.

use super::*;

/// One metric datapoint as the scaler sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Datapoint {
    /// Average CPU of the tasks in service, 0–1.
    pub cpu: f64,
    /// Average number of tasks in service while it was measured.
    pub measured_tasks: f64,
}

/// The target-tracking scaler's memory between datapoints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetTracking {
    pub(super) above: u32,
    pub(super) below: u32,
    /// Until then, capacity just added counts as already there.
    pub(super) scale_out_cooldown_until_s: Option<u32>,
    pub(super) scale_in_cooldown_until_s: Option<u32>,
}

impl TargetTracking {
    /// Takes the datapoint that ended at `t_s` and returns the new desired count.
    pub fn on_datapoint(
        &mut self,
        p: &AutoscalingParams,
        t_s: u32,
        point: Datapoint,
        desired: u32,
    ) -> u32 {
        let target = p.cpu_target;
        let rule = p.scale_in_rule;
        self.above = if point.cpu > target {
            self.above.saturating_add(1)
        } else {
            0
        };
        self.below = if point.cpu < target * (1.0 - rule.margin()) {
            self.below.saturating_add(1)
        } else {
            0
        };
        let active = |until: Option<u32>| until.is_some_and(|u| t_s < u);
        if self.above >= SCALE_OUT_DATAPOINTS {
            let base = if active(self.scale_out_cooldown_until_s) {
                point.measured_tasks
            } else {
                f64::from(desired)
            };
            let proposal = bounded(
                ceil_count(base * point.cpu / target),
                p.min_tasks,
                p.max_tasks,
            );
            if proposal > desired {
                // The cooldown counts from the scale-out itself, not from the new tasks serving.
                self.scale_out_cooldown_until_s = Some(t_s.saturating_add(p.scale_out_cooldown_s));
                self.scale_in_cooldown_until_s = None;
                return proposal;
            }
        } else if self.below >= rule.datapoints() && !active(self.scale_in_cooldown_until_s) {
            let keep = ceil_count(f64::from(desired) * point.cpu / target);
            let spare = desired.saturating_sub(keep);
            let remove = match rule {
                ScaleInRule::Conservative => (spare / 2).max(1).min(spare),
                ScaleInRule::Eager => spare,
            };
            let proposal = bounded(desired.saturating_sub(remove), p.min_tasks, p.max_tasks);
            if proposal < desired {
                self.scale_in_cooldown_until_s = Some(t_s.saturating_add(p.scale_in_cooldown_s));
                return proposal;
            }
        }
        desired
    }
}
