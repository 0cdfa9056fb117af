//! The worked example's sizing formula ⌈L ÷ (capacity × target)⌉, start-up time and the
//! task-hour price: figures that need no simulation.

use super::*;

/// Requests per second that miss the CDN and reach the origin.
pub fn origin_load_per_s(edge_load_per_s: f64, cdn_hit_ratio: f64) -> f64 {
    edge_load_per_s * (1.0 - cdn_hit_ratio)
}

/// The sizing formula: ⌈origin load ÷ (capacity × target)⌉ tasks.
pub fn tasks_needed(
    edge_load_per_s: f64,
    cdn_hit_ratio: f64,
    capacity_per_task_per_s: f64,
    cpu_target: f64,
) -> Result<u32, String> {
    if !(edge_load_per_s.is_finite() && (0.0..=MAX_LOAD_PER_S).contains(&edge_load_per_s)) {
        return Err(format!(
            "The load must be between 0 and {MAX_LOAD_PER_S} req/s."
        ));
    }
    if !(cdn_hit_ratio.is_finite() && (0.0..=1.0).contains(&cdn_hit_ratio)) {
        return Err("The CDN hit ratio must be between 0 and 100 %.".into());
    }
    if !(capacity_per_task_per_s.is_finite() && capacity_per_task_per_s > 0.0) {
        return Err("A task's capacity must be above 0 req/s.".into());
    }
    if !(cpu_target.is_finite() && cpu_target > 0.0 && cpu_target <= 1.0) {
        return Err("The CPU target must be above 0 and at most 100 %.".into());
    }
    let origin = origin_load_per_s(edge_load_per_s, cdn_hit_ratio);
    Ok(ceil_count(origin / (capacity_per_task_per_s * cpu_target)))
}

/// The sizing formula's three answers the worked example prints: the quiet load without a CDN,
/// the quiet load behind the CDN, and the peak behind the CDN.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizing {
    pub without_cdn: SizingRow,
    pub steady: SizingRow,
    pub burst: SizingRow,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SizingRow {
    pub edge_per_s: f64,
    pub cdn_hit_ratio: f64,
    pub origin_per_s: f64,
    pub tasks: u32,
}

/// [`tasks_needed`] for the params' quiet load (with no CDN and with it) and its peak
/// (quiet load × spike factor), with the params' capacity and target.
pub fn sizing(p: &AutoscalingParams) -> Result<Sizing, String> {
    let row = |edge_per_s: f64, cdn_hit_ratio: f64| -> Result<SizingRow, String> {
        Ok(SizingRow {
            edge_per_s,
            cdn_hit_ratio,
            origin_per_s: origin_load_per_s(edge_per_s, cdn_hit_ratio),
            tasks: tasks_needed(
                edge_per_s,
                cdn_hit_ratio,
                p.capacity_per_task_per_s,
                p.cpu_target,
            )?,
        })
    };
    if !(p.spike_factor.is_finite() && p.spike_factor >= 0.0) {
        return Err("The spike factor must be a number of at least 0.".into());
    }
    Ok(Sizing {
        without_cdn: row(p.edge_load_per_s, 0.0)?,
        steady: row(p.edge_load_per_s, p.cdn_hit_ratio)?,
        burst: row(p.edge_load_per_s * p.spike_factor, p.cdn_hit_ratio)?,
    })
}

/// When the spike of a step or ramp profile begins.
pub fn spike_start_s(p: &AutoscalingParams) -> Option<u32> {
    matches!(p.profile, LoadProfile::StepSpike | LoadProfile::RampSpike).then_some(p.spike_start_s)
}

/// The CPU range in which a policy leaves the fleet alone: target tracking neither scales out
/// (above the target) nor counts towards a scale-in (below it by the rule's margin); the HPA
/// ignores ±10 % around the target.
pub fn cpu_band(p: &AutoscalingParams, policy: Policy) -> Option<(f64, f64)> {
    match policy {
        Policy::TargetTracking => Some((
            p.cpu_target * (1.0 - p.scale_in_rule.margin()),
            p.cpu_target,
        )),
        Policy::Hpa => Some((
            p.cpu_target * (1.0 - HPA_TOLERANCE),
            (p.cpu_target * (1.0 + HPA_TOLERANCE)).min(1.0),
        )),
        Policy::Fixed => None,
    }
}

/// ⌈x⌉ as a count, after snapping to 9 decimals so that 720 ÷ 90 gives 8, not 9.
pub fn ceil_count(x: f64) -> u32 {
    if !(x.is_finite() && x > 0.0) {
        return 0;
    }
    let snapped = (x * 1e9).round() / 1e9;
    // `as` saturates at u32::MAX.
    snapped.ceil() as u32
}

/// Seconds from launching a task to its first request: provisioning, then one passing check a
/// whole interval after registration (see [`photoshare::HealthCheck::seconds_to_first_pass`]).
pub fn startup_delay_s(provisioning_s: u32, health_check_interval_s: u32) -> u32 {
    provisioning_s.saturating_add(health_check_interval_s)
}

/// Whether a start-up reads as the worked example's "scale-out in ~60 s" (§5): equal once
/// rounded to the nearest 10 s.
pub fn startup_agrees(startup_s: u32) -> bool {
    use photoshare::autoscaling::{SCALE_OUT_ROUNDING_S, SCALE_OUT_S};
    let step = SCALE_OUT_ROUNDING_S;
    startup_s.saturating_add(step / 2) / step * step == SCALE_OUT_S
}

impl AutoscalingParams {
    /// Seconds from launching a task to its first request.
    pub fn startup_delay_s(&self) -> u32 {
        startup_delay_s(self.provisioning_s, self.health_check_interval_s)
    }
}

/// One task-hour at the worked example's Fargate prices (1 vCPU + 2 GB), exactly.
pub fn task_hour_usd() -> Decimal {
    use photoshare::cost::*;
    let part = |size: f64, price: Decimal| Decimal::from_f64(size)?.checked_mul(price);
    // The worked example's constants: this cannot fail.
    part(TASK_VCPU, FARGATE_VCPU_HOUR_USD)
        .zip(part(TASK_MEMORY_GB, FARGATE_GB_HOUR_USD))
        .and_then(|(cpu, memory)| cpu.checked_add(memory))
        .unwrap_or_default()
}

/// Seconds between series points: 10 s, or coarser so a run has at most [`MAX_SERIES_POINTS`].
pub fn series_step_s(duration_s: u32) -> u32 {
    let per_point = duration_s.div_ceil(MAX_SERIES_POINTS);
    per_point.div_ceil(MIN_SERIES_STEP_S).max(1) * MIN_SERIES_STEP_S
}
