//! The drill second by second: tasks failing, the target group taking them out, ECS replacing
//! them, the autoscaler reacting, the database failing over.

use super::*;
use crate::sort;

pub(super) struct Task {
    pub(super) id: u32,
    pub(super) az: usize,
    /// First second its container runs and it is registered: ECS's CPU metric counts it, and
    /// the load balancer's checks start an interval later.
    pub(super) registered_s: u32,
    /// First second it takes traffic.
    pub(super) serving_from_s: u32,
    pub(super) dead_s: Option<u32>,
    /// Stopped, or known dead: no longer counted by ECS nor routed to.
    pub(super) gone: bool,
}

impl Task {
    pub(super) fn serving(&self, t: u32) -> bool {
        !self.gone && self.dead_s.is_none() && self.serving_from_s <= t
    }
    pub(super) fn dead_in_rotation(&self) -> bool {
        !self.gone && self.dead_s.is_some_and(|d| self.serving_from_s <= d)
    }
    /// Counted by ECSServiceAverageCPUUtilization: running, in service or still being checked.
    pub(super) fn running(&self, t: u32) -> bool {
        !self.gone && self.dead_s.is_none() && self.registered_s <= t
    }
    /// When the task stops counting: taken out by the checks, or, if it died before it was
    /// registered, when it should have started.
    pub(super) fn out_at(&self, hc: &HealthCheck, dead_s: u32) -> u32 {
        if self.registered_s <= dead_s {
            hc.taken_out_at(self.registered_s, dead_s)
        } else {
            self.registered_s
        }
    }
    pub(super) fn label(&self) -> String {
        format!("Task {} ({})", self.id, az_name(self.az))
    }
}

/// The tasks counted at one second, in one pass. The counts hold until a task changes or
/// until `until_s`, the next second at which a task registers, starts serving or is taken out,
/// so most of an hour's seconds reuse them instead of going over every task again.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub(super) struct TaskCounts {
    /// Not stopped: what ECS holds to the desired count and bills as task-seconds.
    pub(super) alive: u32,
    pub(super) serving: u32,
    pub(super) dead_in_rotation: u32,
    pub(super) running: u32,
    pub(super) starting: u32,
    pub(super) healthy_per_az: [u32; AZS],
    pub(super) until_s: u32,
}

impl TaskCounts {
    fn of(tasks: &[Task], hc: &HealthCheck, t: u32) -> TaskCounts {
        let mut n = TaskCounts::default();
        let mut until_s = u32::MAX;
        let mut turns_at = |s: u32| {
            if s > t {
                until_s = until_s.min(s);
            }
        };
        for k in tasks.iter().filter(|k| !k.gone) {
            n.alive += 1;
            match k.dead_s {
                None => {
                    if k.serving(t) {
                        n.serving += 1;
                        n.healthy_per_az[k.az] += 1;
                    } else {
                        n.starting += 1;
                    }
                    if k.running(t) {
                        n.running += 1;
                    }
                    turns_at(k.serving_from_s);
                    turns_at(k.registered_s);
                }
                Some(dead_s) => {
                    if k.dead_in_rotation() {
                        n.dead_in_rotation += 1;
                    }
                    turns_at(k.out_at(hc, dead_s));
                }
            }
        }
        TaskCounts { until_s, ..n }
    }
}

pub(super) struct Sim<'p> {
    pub(super) p: &'p FailureDrillParams,
    pub(super) tasks: Vec<Task>,
    /// The tasks as counted at the end of the last second, and whether one has changed since.
    pub(super) counts: TaskCounts,
    pub(super) changed: bool,
    pub(super) desired: u32,
    pub(super) lost_az: [bool; AZS],
    pub(super) db: DbState,
    pub(super) db_until_s: Option<u32>,
    pub(super) events: Vec<Event>,
    pub(super) scaler: TargetTracking,
    pub(super) scaler_params: AutoscalingParams,
    /// This minute's served requests and running task-seconds, for the CPU datapoint.
    pub(super) minute_served: f64,
    pub(super) minute_task_s: u64,
    pub(super) task_seconds: u64,
}

/// Runs the drill second by second. Bad input gives every problem found, in words.
pub fn simulate(p: &FailureDrillParams) -> Result<FailureDrillOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut sim = Sim::new(p);
    let origin = autoscaling::origin_load_per_s(p.edge_load_per_s, p.cdn_hit_ratio);
    let capacity = p.capacity_per_task_per_s;
    let mut samples: Vec<DrillSample> =
        Vec::with_capacity((p.duration_s / SAMPLE_STEP_S) as usize + 1);
    let mut failed_requests = 0.0;
    let mut degraded_s = 0.0;
    let mut affected_s = 0u32;
    let mut peak = 0.0f64;
    let mut lowest_capacity = f64::INFINITY;
    let mut failing_before = false;
    let last_failure_s = p.failures.iter().map(|f| f.at_s).max();
    let mut back_to_normal_s = None;
    let normal_serving = p.tasks;

    for t in 0..p.duration_s {
        sim.step(t);
        let TaskCounts {
            serving,
            dead_in_rotation: dead,
            running,
            starting,
            healthy_per_az,
            ..
        } = sim.counts;
        let in_rotation = serving + dead;
        let to_live = if in_rotation > 0 {
            origin * f64::from(serving) / f64::from(in_rotation)
        } else {
            0.0
        };
        let served = to_live.min(f64::from(serving) * capacity);
        let ok = if sim.db.is_up() { served } else { 0.0 };
        let failing = if origin > 0.0 {
            ((origin - ok) / origin).clamp(0.0, 1.0)
        } else {
            0.0
        };
        sim.minute_served += served;
        sim.minute_task_s += u64::from(running);
        failed_requests += origin - ok;
        degraded_s += failing;
        peak = peak.max(failing);
        lowest_capacity = lowest_capacity.min(f64::from(serving) * capacity);
        let is_failing = failing > 1e-12;
        if is_failing {
            affected_s += 1;
        }
        if is_failing != failing_before {
            let text = if is_failing {
                format!(
                    "Requests start failing: {} % of those reaching the app.",
                    number_text((failing * 1_000.0).round() / 10.0)
                )
            } else {
                "Every request succeeds again.".to_string()
            };
            sim.event(t, text);
            failing_before = is_failing;
        }
        if back_to_normal_s.is_none()
            && last_failure_s.is_some_and(|l| t >= l)
            && !is_failing
            && sim.db.is_up()
            && serving >= normal_serving
        {
            back_to_normal_s = Some(t);
        }
        if t.is_multiple_of(SAMPLE_STEP_S) {
            samples.push(DrillSample {
                t_s: t,
                healthy_per_az,
                dead_in_rotation: dead,
                starting,
                capacity_per_s: f64::from(serving) * capacity,
                origin_per_s: origin,
                failing_share: 0.0,
                db: sim.db,
            });
        }
        if let Some(s) = samples.last_mut() {
            s.failing_share += failing;
        }
    }
    for s in &mut samples {
        let seconds = SAMPLE_STEP_S.min(p.duration_s - s.t_s);
        s.failing_share /= f64::from(seconds.max(1));
    }

    let degraded_min = degraded_s / 60.0;
    let budget_min = error_budget_minutes(p.slo, MonthLength::ThirtyDays);
    let drill = Incident {
        day: 1,
        minutes: degraded_min,
        users_affected: 1.0,
    };
    let left_min = budget_min - p.spent_before_min - degraded_min;
    let freeze_below = AvailabilityParams::default().freeze_below;
    let policy = if left_min <= 0.0 {
        DeployPolicy::Exhausted
    } else if left_min < freeze_below * budget_min {
        DeployPolicy::FreezeRiskyDeploys
    } else {
        DeployPolicy::Ship
    };
    let per_az = p.tasks.div_ceil(AZS as u32);
    let mut events = sim.events;
    sort::by_key(&mut events, |e| u128::from(e.t_s));
    Ok(FailureDrillOutcome {
        detection_range_s: p.health_check.detection_range_s(),
        startup_delay_s: p.startup_delay_s(),
        origin_per_s: origin,
        survives_az_loss_capacity: f64::from(p.tasks - per_az) * capacity >= origin,
        samples,
        events,
        origin_requests: origin * f64::from(p.duration_s),
        failed_requests,
        degraded_min,
        affected_min: f64::from(affected_s) / 60.0,
        peak_failing_share: peak,
        lowest_capacity_per_s: if lowest_capacity.is_finite() {
            lowest_capacity
        } else {
            0.0
        },
        budget_min,
        consumed: budget_consumed(&drill, budget_min),
        left_min,
        slo_holds: left_min >= 0.0,
        policy,
        back_to_normal_s,
        task_hours: sim.task_seconds as f64 / 3_600.0,
    })
}

impl<'p> Sim<'p> {
    pub(super) fn new(p: &'p FailureDrillParams) -> Sim<'p> {
        let tasks = (0..p.tasks)
            .map(|i| Task {
                id: i + 1,
                az: i as usize % AZS,
                registered_s: 0,
                serving_from_s: 0,
                dead_s: None,
                gone: false,
            })
            .collect();
        let scaler_params = AutoscalingParams {
            cdn_hit_ratio: p.cdn_hit_ratio,
            capacity_per_task_per_s: p.capacity_per_task_per_s,
            cpu_target: p.cpu_target,
            min_tasks: p.min_tasks,
            max_tasks: p.max_tasks,
            provisioning_s: p.provisioning_s,
            health_check_interval_s: p.health_check.interval_s,
            ..AutoscalingParams::default()
        };
        let db = DbState::Up {
            primary_az: 0,
            standby: p.multi_az,
        };
        let mut sim = Sim {
            p,
            tasks,
            counts: TaskCounts::default(),
            changed: true,
            desired: p.tasks,
            lost_az: [false; AZS],
            db,
            db_until_s: None,
            events: Vec::new(),
            scaler: TargetTracking::default(),
            scaler_params,
            minute_served: 0.0,
            minute_task_s: 0,
            task_seconds: 0,
        };
        sim.event(
            0,
            format!(
                "Drill starts: {} tasks over {} AZs serving {} req/s at the origin; database {}.",
                p.tasks,
                AZS,
                number_text(
                    (autoscaling::origin_load_per_s(p.edge_load_per_s, p.cdn_hit_ratio) * 10.0)
                        .round()
                        / 10.0
                ),
                db.describe()
            ),
        );
        sim
    }

    pub(super) fn event(&mut self, t_s: u32, text: String) {
        self.events.push(Event { t_s, text });
    }

    pub(super) fn step(&mut self, t: u32) {
        let p = self.p;
        for f in p.failures.iter().filter(|f| f.at_s == t) {
            self.inject(f.failure, t);
            self.changed = true;
        }
        // Nothing is taken out, starts serving or needs counting again unless a task changed
        // or a task's clock turns now.
        let turns = |sim: &Self| sim.changed || t >= sim.counts.until_s;
        if turns(self) {
            self.detect(t);
        }
        self.database_timers(t);
        if self.p.autoscaler && t > 0 && t.is_multiple_of(autoscaling::DATAPOINT_S) {
            self.autoscale(t);
        }
        self.reconcile(t);
        if turns(self) {
            for k in self.tasks.iter().filter(|k| k.serving_from_s == t && t > 0) {
                if !k.gone && k.dead_s.is_none() {
                    let text = format!(
                        "{} passes its first {} check and takes traffic.",
                        k.label(),
                        photoshare::HEALTH_CHECK_PATH
                    );
                    self.events.push(Event { t_s: t, text });
                }
            }
            self.counts = TaskCounts::of(&self.tasks, &p.health_check, t);
            self.changed = false;
        }
        // The tests run every drill counted afresh each second as well.
        debug_assert_eq!(self.counts, TaskCounts::of(&self.tasks, &p.health_check, t));
        self.task_seconds += u64::from(self.counts.alive);
    }

    pub(super) fn inject(&mut self, failure: Failure, t: u32) {
        match failure {
            Failure::Task { az } => {
                let victim = self
                    .tasks
                    .iter_mut()
                    .filter(|k| k.az == az && k.serving(t))
                    .min_by_key(|k| k.serving_from_s);
                let text = match victim {
                    Some(k) => {
                        k.dead_s = Some(t);
                        format!(
                            "{} stops answering. The load balancer does not know yet and keeps sending it requests.",
                            k.label()
                        )
                    }
                    None => format!(
                        "A task in {} was to fail, but none is serving there.",
                        az_name(az)
                    ),
                };
                self.event(t, text);
            }
            Failure::Az { az } => {
                if self.lost_az[az] {
                    return;
                }
                self.lost_az[az] = true;
                let mut hit = Vec::new();
                for k in self.tasks.iter_mut().filter(|k| k.az == az && !k.gone) {
                    if k.dead_s.is_none() {
                        k.dead_s = Some(t);
                        hit.push(k.id.to_string());
                    }
                }
                let tasks = if hit.is_empty() {
                    "none".to_string()
                } else {
                    hit.join(", ")
                };
                self.event(
                    t,
                    format!(
                        "{} goes dark. Its tasks stop answering: {tasks}.",
                        az_name(az)
                    ),
                );
                self.az_hits_database(az, t);
            }
            Failure::Database => self.database_fails(t),
        }
    }

    pub(super) fn az_hits_database(&mut self, az: usize, t: u32) {
        let other = 1 - az.min(1);
        match self.db {
            DbState::Up { primary_az, .. } if primary_az == az => self.database_fails(t),
            DbState::Up {
                primary_az,
                standby: true,
            } => {
                self.db = DbState::Up {
                    primary_az,
                    standby: false,
                };
                self.event(
                    t,
                    format!(
                        "The database standby in {} is lost; the primary in {} carries on alone.",
                        az_name(az),
                        az_name(other)
                    ),
                );
            }
            DbState::FailingOver { to_az } if to_az == az => self.recover(t),
            _ => {}
        }
    }

    pub(super) fn database_fails(&mut self, t: u32) {
        match self.db {
            DbState::Up {
                primary_az,
                standby: true,
            } => {
                let to_az = 1 - primary_az.min(1);
                self.db = DbState::FailingOver { to_az };
                self.db_until_s = Some(t.saturating_add(self.p.failover_s));
                self.event(
                    t,
                    format!(
                        "The database primary in {} fails. RDS promotes the standby in {}: no queries for {} s.",
                        az_name(primary_az),
                        az_name(to_az),
                        self.p.failover_s
                    ),
                );
            }
            DbState::Up { .. } => self.recover(t),
            DbState::FailingOver { .. } | DbState::Recovering { .. } => {}
        }
    }

    /// No standby to promote: down until the instance is replaced or restored in a live AZ.
    pub(super) fn recover(&mut self, t: u32) {
        let live_az = self.lost_az.iter().any(|lost| !lost);
        let until_s = live_az.then(|| t.saturating_add(self.p.single_az_recovery_s));
        self.db = DbState::Recovering { until_s };
        self.db_until_s = until_s;
        let text = match until_s {
            Some(_) => format!(
                "The database has no standby to promote: it is down until it is replaced or restored, about {} min.",
                number_text(f64::from(self.p.single_az_recovery_s) / 60.0)
            ),
            None => "The database is down and no AZ is left to restore it into.".to_string(),
        };
        self.event(t, text);
    }

    pub(super) fn database_timers(&mut self, t: u32) {
        if self.db_until_s != Some(t) {
            return;
        }
        self.db_until_s = None;
        let primary_az = match self.db {
            DbState::FailingOver { to_az } => to_az,
            _ => self.lost_az.iter().position(|lost| !lost).unwrap_or(0),
        };
        let was_failover = matches!(self.db, DbState::FailingOver { .. });
        self.db = DbState::Up {
            primary_az,
            standby: false,
        };
        let text = if was_failover {
            format!(
                "Failover complete: the new primary in {} answers queries. It has no standby until RDS builds one.",
                az_name(primary_az)
            )
        } else {
            format!(
                "The database is back in {}, without a standby.",
                az_name(primary_az)
            )
        };
        self.event(t, text);
    }

    pub(super) fn detect(&mut self, t: u32) {
        let hc = self.p.health_check;
        let mut found = Vec::new();
        for k in self.tasks.iter_mut().filter(|k| !k.gone) {
            let Some(dead_s) = k.dead_s else { continue };
            if k.out_at(&hc, dead_s) == t {
                k.gone = true;
                found.push((k.label(), t - dead_s, k.registered_s <= dead_s));
            }
        }
        self.changed |= !found.is_empty();
        let (checked, unstarted): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.2);
        // One line per delay: tasks that died at different moments are told apart.
        let mut delays: Vec<u32> = checked.iter().map(|f| f.1).collect();
        sort::by_key(&mut delays, |&d| u128::from(d));
        delays.dedup();
        for after_s in delays {
            let names: Vec<String> = checked
                .iter()
                .filter(|f| f.1 == after_s)
                .map(|f| f.0.clone())
                .collect();
            let (it, they) = if names.len() == 1 {
                ("it", "it")
            } else {
                ("them", "they")
            };
            let text = format!(
                "{} failed checks in a row, each timing out after {} s: {after_s} s after {they} stopped answering, the load balancer takes {} out of rotation; ECS replaces {it}.",
                hc.unhealthy_threshold,
                hc.timeout_s,
                names.join(", "),
            );
            self.event(t, text);
        }
        if !unstarted.is_empty() {
            let names: Vec<String> = unstarted.into_iter().map(|f| f.0).collect();
            self.event(
                t,
                format!(
                    "{} never started; ECS gives up on it and replaces it.",
                    names.join(", ")
                ),
            );
        }
    }

    pub(super) fn autoscale(&mut self, t: u32) {
        let task_s = std::mem::take(&mut self.minute_task_s);
        let served = std::mem::take(&mut self.minute_served);
        let capacity = task_s as f64 * self.p.capacity_per_task_per_s;
        let point = Datapoint {
            cpu: if capacity > 0.0 {
                served / capacity
            } else {
                0.0
            },
            measured_tasks: task_s as f64 / f64::from(autoscaling::DATAPOINT_S),
        };
        let to = self
            .scaler
            .on_datapoint(&self.scaler_params, t, point, self.desired);
        if to != self.desired {
            let text = format!(
                "The autoscaler sees {} % CPU and sets the desired count {} → {to}.",
                number_text((point.cpu * 100.0).round()),
                self.desired
            );
            self.desired = to;
            self.event(t, text);
        }
    }

    /// ECS keeps the desired count: launches into the live AZ with the fewest tasks, or stops the newest.
    pub(super) fn reconcile(&mut self, t: u32) {
        let running = if self.changed {
            count(&self.tasks, |k| !k.gone)
        } else {
            self.counts.alive
        };
        if running == self.desired {
            return;
        }
        self.changed = true;
        if running > self.desired {
            let mut extra = running - self.desired;
            for k in self.tasks.iter_mut().rev().filter(|k| !k.gone) {
                if extra == 0 {
                    break;
                }
                k.gone = true;
                extra -= 1;
            }
            return;
        }
        let start_s = self.p.startup_delay_s();
        let mut launched = Vec::new();
        for _ in running..self.desired {
            let Some(az) = (0..AZS).filter(|&az| !self.lost_az[az]).min_by_key(|&az| {
                count(&self.tasks, |k| !k.gone && k.az == az && k.dead_s.is_none())
            }) else {
                self.event(t, "ECS has no live AZ to place a task in.".to_string());
                break;
            };
            let id = u32::try_from(self.tasks.len() + 1).unwrap_or(u32::MAX);
            self.tasks.push(Task {
                id,
                az,
                registered_s: t.saturating_add(self.p.provisioning_s),
                serving_from_s: t.saturating_add(start_s),
                dead_s: None,
                gone: false,
            });
            launched.push(format!("task {id} in {}", az_name(az)));
        }
        if !launched.is_empty() {
            let text = format!(
                "ECS launches {}; each serves after {start_s} s ({} s to start, then its first check {} s later).",
                launched.join(", "),
                self.p.provisioning_s,
                self.p.health_check.seconds_to_first_pass()
            );
            self.event(t, text);
        }
    }
}

pub(super) fn count(tasks: &[Task], f: impl Fn(&Task) -> bool) -> u32 {
    tasks.iter().filter(|k| f(k)).count() as u32
}

pub(super) fn az_name(az: usize) -> &'static str {
    AZ_NAMES.get(az).copied().unwrap_or("?")
}
