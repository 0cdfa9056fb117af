//! One run of the load through each policy, second by second, and the outcome the page shows.

use super::*;

/// One point of a series, for charts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesPoint {
    /// End of the interval the point covers (0 for the starting state).
    pub t_s: u32,
    /// Average loads over the interval, req/s.
    pub edge_per_s: f64,
    pub origin_per_s: f64,
    /// Counts at `t_s`.
    pub desired: u32,
    pub in_service: u32,
    /// Average CPU over the interval as the policy's scaler sees it, 0–1: target tracking's
    /// ECS metric averages every running task (those still being checked too, idle); the HPA
    /// and a fixed fleet, the tasks in service.
    pub cpu: f64,
    /// Average dropped requests per second over the interval.
    pub dropped_per_s: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Out,
    In,
}

/// A change of the desired count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScaleEvent {
    pub t_s: u32,
    pub from: u32,
    pub to: u32,
    pub direction: Direction,
}

/// One policy's run over the load.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyRun {
    pub policy: Policy,
    pub series: Vec<SeriesPoint>,
    pub events: Vec<ScaleEvent>,
    /// Requests that reached the origin, and those dropped.
    pub origin_requests: f64,
    pub dropped_requests: f64,
    /// 0–1 of origin requests.
    pub dropped_share: f64,
    /// Minutes with at least one dropped request.
    pub bad_minutes: u32,
    pub peak_desired: u32,
    /// Task-hours billed: Fargate bills a task from launch, so starting tasks count.
    pub task_hours: f64,
    /// Task-seconds × the task-hour price ÷ 3,600, rounded half a cent up.
    pub cost_usd: Usd,
    /// How often the count turned from growing to shrinking or back: flapping.
    pub direction_changes: u32,
    pub first_scale_out_s: Option<u32>,
    pub first_scale_in_s: Option<u32>,
    /// Seconds from the spike's start to the first scale-out at or after it (spike profiles only).
    pub reaction_s: Option<u32>,
    /// The CPU range, 0–1, in which the policy leaves the fleet alone; `None` for a fixed fleet.
    pub cpu_band: Option<(f64, f64)>,
    /// Tasks the policy asked for beyond what the peak needs ([`AutoscalingOutcome::tasks_for_peak`]
    /// within [min, max]); `None` for a fixed fleet.
    pub overshoot_tasks: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AutoscalingOutcome {
    /// Provisioning plus the first health check: launch to first request.
    pub startup_delay_s: u32,
    /// Whether that start-up reads as the worked example's "scale-out in ~60 s".
    pub startup_agrees: bool,
    /// When the spike begins, for the step and ramp profiles.
    pub spike_start_s: Option<u32>,
    pub series_step_s: u32,
    /// The load's shape before noise, as points with straight lines between.
    pub edge_profile: Vec<LoadPoint>,
    pub peak_edge_per_s: f64,
    pub peak_origin_per_s: f64,
    /// [`tasks_needed`] at the peak, before the [min, max] clamp.
    pub tasks_for_peak: u32,
    /// Price of one task-hour at the worked example's Fargate rates.
    pub task_hour_usd: Decimal,
    /// One per policy, in the order asked for.
    pub runs: Vec<PolicyRun>,
}

/// Runs every chosen policy on the same load. Bad input gives every problem found, in words.
pub fn simulate(p: &AutoscalingParams) -> Result<AutoscalingOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let profile = edge_profile(p);
    let edge = edge_per_second(p, &profile);
    let step_s = series_step_s(p.duration_s);
    let load = Load::new(&edge, 1.0 - p.cdn_hit_ratio, step_s);
    // A comparison, not `f64::max` (NaN handling, a call a second): no load is NaN.
    let peak_edge_per_s = edge
        .iter()
        .fold(0.0, |peak, &x| if x > peak { x } else { peak });
    let tasks_for_peak = tasks_needed(
        peak_edge_per_s,
        p.cdn_hit_ratio,
        p.capacity_per_task_per_s,
        p.cpu_target,
    )
    .unwrap_or(u32::MAX);
    let needed = bounded(tasks_for_peak, p.min_tasks, p.max_tasks);
    let runs = p
        .policies
        .iter()
        .map(|&policy| run(p, policy, &load, needed))
        .collect();
    Ok(AutoscalingOutcome {
        startup_delay_s: p.startup_delay_s(),
        startup_agrees: startup_agrees(p.startup_delay_s()),
        spike_start_s: spike_start_s(p),
        series_step_s: step_s,
        edge_profile: profile,
        peak_edge_per_s,
        peak_origin_per_s: origin_load_per_s(peak_edge_per_s, p.cdn_hit_ratio),
        tasks_for_peak,
        task_hour_usd: task_hour_usd(),
        runs,
    })
}

/// What a run has added up so far.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) minute: Sums,
    pub(super) sync: Sums,
    pub(super) interval: Sums,
    pub(super) dropped_requests: f64,
    pub(super) bad_minutes: u32,
}

impl Tally {
    pub(super) fn merge(&mut self, block: &Sums) {
        self.minute.merge(block);
        self.sync.merge(block);
        self.interval.merge(block);
    }

    /// Closes a minute: its drops count, and a minute with any is a bad minute.
    pub(super) fn close_minute(&mut self) -> Sums {
        let minute = std::mem::take(&mut self.minute);
        self.dropped_requests += minute.dropped;
        if minute.dropped > 0.0 {
            self.bad_minutes += 1;
        }
        minute
    }
}

/// One policy over the load; `needed` is what the peak needs, within [min, max].
pub(super) fn run(p: &AutoscalingParams, policy: Policy, load: &Load, needed: u32) -> PolicyRun {
    let capacity = p.capacity_per_task_per_s;
    let startup = Startup {
        running_s: p.provisioning_s,
        in_service_s: p.startup_delay_s(),
    };
    let step_s = series_step_s(p.duration_s);
    let first_edge = load.edge_per_s.first().copied().unwrap_or(0.0);
    let first_origin = first_edge * load.miss;
    let initial = match policy {
        Policy::Fixed => p.fixed_tasks,
        _ => bounded(
            ceil_count(first_origin / (capacity * p.cpu_target)),
            p.min_tasks,
            p.max_tasks,
        ),
    };
    let mut fleet = Fleet::new(initial);
    let mut tracking = TargetTracking::default();
    let mut hpa = Hpa::default();
    let mut tally = Tally::default();
    let mut block = Sums::default();
    let mut samples = load.samples.iter().peekable();
    let mut events = Vec::new();
    let mut task_seconds = 0u64;
    let first_capacity = f64::from(initial) * capacity;
    let mut series = Vec::with_capacity(load.samples.len() + 1);
    series.push(SeriesPoint {
        t_s: 0,
        edge_per_s: first_edge,
        origin_per_s: first_origin,
        desired: initial,
        in_service: initial,
        cpu: (first_origin / first_capacity).min(1.0),
        dropped_per_s: (first_origin - first_capacity).max(0.0),
    });
    let mut push_point = |series: &mut Vec<SeriesPoint>, interval: Sums, fleet: &Fleet| {
        if let Some(&(end, edge_per_s, origin_per_s)) = samples.next() {
            let seconds = f64::from(end - series.last().map_or(0, |s: &SeriesPoint| s.t_s));
            series.push(SeriesPoint {
                t_s: end,
                edge_per_s,
                origin_per_s,
                desired: fleet.desired,
                in_service: fleet.in_service,
                cpu: interval.policy_cpu(policy, capacity),
                dropped_per_s: interval.dropped / seconds,
            });
        }
    };

    // Block by block: the metric, the HPA and the series only ever look at whole blocks.
    for (t, seconds) in (0u32..)
        .step_by(BLOCK_S as usize)
        .zip(load.edge_per_s.chunks(BLOCK_S as usize))
    {
        if t > 0 {
            tally.merge(&std::mem::take(&mut block));
            if t % step_s == 0 {
                push_point(&mut series, std::mem::take(&mut tally.interval), &fleet);
            }
            if t % DATAPOINT_S == 0 {
                let minute = tally.close_minute();
                if policy == Policy::TargetTracking {
                    let point = Datapoint {
                        cpu: minute.ecs_cpu(capacity),
                        measured_tasks: minute.running as f64 / f64::from(DATAPOINT_S),
                    };
                    let to = tracking.on_datapoint(p, t, point, fleet.desired);
                    record(&mut fleet, &mut events, t, to, startup);
                }
            }
            if policy == Policy::Hpa && t % HPA_SYNC_S == 0 {
                let sync = std::mem::take(&mut tally.sync);
                let to = hpa.sync(
                    fleet.desired,
                    fleet.in_service,
                    sync.cpu(capacity),
                    p.cpu_target,
                    p.min_tasks,
                    p.max_tasks,
                );
                record(&mut fleet, &mut events, t, to, startup);
            }
        }
        for (t, &edge) in (t..).zip(seconds) {
            fleet.promote(t);
            let origin = edge * load.miss;
            let can_serve = f64::from(fleet.in_service) * capacity;
            // Not `f64::min`, whose NaN handling costs a call a second: no load is NaN.
            let served = if origin < can_serve {
                origin
            } else {
                can_serve
            };
            block.served += served;
            block.dropped += origin - served;
            block.in_service += u64::from(fleet.in_service);
            block.running += u64::from(fleet.running);
            task_seconds += u64::from(fleet.desired);
        }
    }
    tally.merge(&block);
    push_point(&mut series, tally.interval, &fleet);
    tally.close_minute();

    let task_hours = task_seconds as f64 / 3_600.0;
    let peak_desired = events.iter().map(|e| e.to).fold(initial, u32::max);
    let first = |d: Direction| events.iter().find(|e| e.direction == d).map(|e| e.t_s);
    let direction_changes = events
        .windows(2)
        .filter(|pair| pair[0].direction != pair[1].direction)
        .count() as u32;
    PolicyRun {
        policy,
        first_scale_out_s: first(Direction::Out),
        first_scale_in_s: first(Direction::In),
        reaction_s: spike_start_s(p).and_then(|start| {
            events
                .iter()
                .find(|e| e.direction == Direction::Out && e.t_s >= start)
                .map(|e| e.t_s - start)
        }),
        cpu_band: cpu_band(p, policy),
        peak_desired,
        overshoot_tasks: (policy != Policy::Fixed).then(|| peak_desired.saturating_sub(needed)),
        direction_changes,
        series,
        events,
        origin_requests: load.origin_requests,
        dropped_requests: tally.dropped_requests,
        dropped_share: if load.origin_requests > 0.0 {
            tally.dropped_requests / load.origin_requests
        } else {
            0.0
        },
        bad_minutes: tally.bad_minutes,
        task_hours,
        cost_usd: Decimal::whole(i128::from(task_seconds))
            .checked_mul(task_hour_usd())
            .and_then(|x| x.cents_over(3_600))
            .unwrap_or_default(),
    }
}

pub(super) fn record(
    fleet: &mut Fleet,
    events: &mut Vec<ScaleEvent>,
    t_s: u32,
    to: u32,
    startup: Startup,
) {
    if to == fleet.desired {
        return;
    }
    let from = fleet.desired;
    fleet.set_desired(to, t_s, startup);
    events.push(ScaleEvent {
        t_s,
        from,
        to,
        direction: if to > from {
            Direction::Out
        } else {
            Direction::In
        },
    });
}
