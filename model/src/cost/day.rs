//! CAPEX against OPEX: an elastic fleet against one fixed at the peak, over a day of load.

use super::*;

/// One hour of the day profile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HourLoad {
    pub hour: u32,
    pub edge_per_s: f64,
    pub origin_per_s: f64,
    /// Tasks the elastic fleet runs: ⌈origin / capacity⌉, at least the floor.
    pub tasks: u32,
}

/// An elastic fleet against one fixed at the peak, over the day profile.
#[derive(Clone, Debug, PartialEq)]
pub struct FleetDay {
    /// 24 hours from midnight.
    pub hours: Vec<HourLoad>,
    /// The fixed fleet: the busiest hour's tasks, all day.
    pub fixed_tasks: u32,
    pub elastic_task_hours_per_day: u64,
    pub fixed_task_hours_per_day: u64,
    /// On-demand price of one task for an hour (vCPU + memory), exact.
    pub task_hour_usd: Decimal,
    /// Task-hours a day × hours in the month ÷ 24 × the task-hour price, rounded half a cent up.
    pub elastic_month_usd: Usd,
    pub fixed_month_usd: Usd,
    /// Share of the fixed fleet's task-hours the load never needed, 0–1.
    pub fixed_idle_share: f64,
}

pub(super) fn fleet_day(p: &CostParams) -> Option<FleetDay> {
    let d = &p.day;
    let miss = Decimal::ONE.checked_sub(exact(p.cdn_hit_ratio)?)?;
    let capacity = exact(d.task_capacity_per_s)?;
    let (steady, peak) = (
        exact(d.steady_edge_per_s)?.checked_mul(miss)?,
        exact(d.peak_edge_per_s)?.checked_mul(miss)?,
    );
    let mut hours = Vec::with_capacity(24);
    for hour in 0..24 {
        let in_peak = (hour + 24 - d.peak_start_hour % 24) % 24 < d.peak_hours;
        let (edge_per_s, origin) = if in_peak {
            (d.peak_edge_per_s, peak)
        } else {
            (d.steady_edge_per_s, steady)
        };
        let tasks = u32::try_from(origin.div_ceil(capacity)?).ok()?;
        hours.push(HourLoad {
            hour,
            edge_per_s,
            origin_per_s: origin.to_f64(),
            tasks: tasks.max(d.min_tasks),
        });
    }
    let fixed_tasks = hours.iter().map(|h| h.tasks).max().unwrap_or(d.min_tasks);
    let elastic_task_hours_per_day: u64 = hours.iter().map(|h| u64::from(h.tasks)).sum();
    let fixed_task_hours_per_day = u64::from(fixed_tasks) * 24;
    let task_hour_usd = exact(p.task_vcpu)?
        .checked_mul(p.prices.fargate_vcpu_hour_usd)?
        .checked_add(exact(p.task_memory_gb)?.checked_mul(p.prices.fargate_gb_hour_usd)?)?;
    let month_hours = exact(p.hours_per_month)?;
    let month = |task_hours_per_day: u64| {
        Decimal::product(&[
            Decimal::whole(i128::from(task_hours_per_day)),
            month_hours,
            task_hour_usd,
        ])?
        .cents_over(24)
    };
    Some(FleetDay {
        fixed_tasks,
        elastic_month_usd: month(elastic_task_hours_per_day)?,
        fixed_month_usd: month(fixed_task_hours_per_day)?,
        fixed_idle_share: if fixed_task_hours_per_day > 0 {
            1.0 - elastic_task_hours_per_day as f64 / fixed_task_hours_per_day as f64
        } else {
            0.0
        },
        elastic_task_hours_per_day,
        fixed_task_hours_per_day,
        task_hour_usd,
        hours,
    })
}
