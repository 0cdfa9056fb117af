//! The deployment second by second: ECS's rolling update within minimum healthy and maximum
//! percent, the target group's checks, deregistration, the circuit breaker.

use super::*;
use crate::sort;

/// Runs the rollout second by second.
pub fn simulate(p: &RollingDeployParams) -> Result<RollingDeployOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut sim = Sim::new(p);
    for t in 0..=p.duration_s {
        sim.tick(t);
    }
    Ok(sim.finish())
}

/// The seconds at which a task's own clock makes something happen: read by the steps that
/// act then, and by [`Sim::next_due_s`], which finds the next of them.
impl TaskTrack {
    /// Running and registered with the target group: placement, image pull and start.
    fn registers_at(&self, p: &RollingDeployParams) -> u32 {
        self.launched_s.saturating_add(p.task_start_s)
    }

    /// A bad build's new task never answers its checks.
    fn never_answers(&self, p: &RollingDeployParams) -> bool {
        p.build == NewBuild::Bad && self.version == Version::New
    }

    /// Its first check decided, registered at `registered_s`: failed at each check's timeout
    /// by one that never answers, passed by any other.
    fn first_check_at(&self, p: &RollingDeployParams, registered_s: u32) -> u32 {
        if self.never_answers(p) {
            p.health_check.taken_out_at(registered_s, registered_s)
        } else {
            registered_s.saturating_add(p.health_check.seconds_to_first_pass())
        }
    }

    fn drained_at(&self, p: &RollingDeployParams, draining_s: u32) -> u32 {
        draining_s.saturating_add(p.deregistration_delay_s)
    }

    /// Lost with its AZ at `lost_s`: registered, its checks fail until the load balancer takes
    /// it out; not yet, ECS stops it when it should have started.
    fn out_with_az_at(&self, p: &RollingDeployParams, lost_s: u32) -> u32 {
        match self.registered_s {
            Some(r) => p.health_check.taken_out_at(r, lost_s),
            None => self.registers_at(p),
        }
    }
}

pub(super) struct Sim<'p> {
    pub(super) p: &'p RollingDeployParams,
    pub(super) tracks: Vec<TaskTrack>,
    pub(super) target: Version,
    pub(super) events: Vec<Event>,
    pub(super) samples: Vec<Sample>,
    pub(super) failed_tasks: u32,
    pub(super) tripped_s: Option<u32>,
    pub(super) stable_s: Option<u32>,
    pub(super) launch_limit_reached: bool,
    pub(super) fail_open: bool,
    /// Tasks registered so far: the one change a second can make without an event.
    registrations: u32,
    /// The last second changed nothing, and nothing is due before this one: the seconds
    /// until then are the last one again (most of a run's seconds, each of which would
    /// otherwise go over every task several times).
    quiet_until_s: u32,
}

impl<'p> Sim<'p> {
    pub(super) fn new(p: &'p RollingDeployParams) -> Sim<'p> {
        // The old version is running and healthy, spread over both AZs.
        let tracks = (0..p.desired_count)
            .map(|i| {
                let mut t = TaskTrack::new(i + 1, Version::Old, (i % 2) as usize, 0);
                t.registered_s = Some(0);
                t.healthy_s = Some(0);
                t
            })
            .collect();
        let mut sim = Sim {
            p,
            tracks,
            target: Version::New,
            events: Vec::new(),
            samples: Vec::new(),
            failed_tasks: 0,
            tripped_s: None,
            stable_s: None,
            launch_limit_reached: false,
            fail_open: false,
            registrations: 0,
            quiet_until_s: 0,
        };
        sim.event(
            0,
            format!(
                "Deploy starts: desired {} tasks, at least {} healthy ({} %), at most {} running ({} %).",
                p.desired_count,
                p.min_healthy_tasks(),
                p.min_healthy_percent,
                p.max_running_tasks(),
                p.max_percent
            ),
        );
        sim
    }

    pub(super) fn event(&mut self, t_s: u32, text: String) {
        self.events.push(Event { t_s, text });
    }

    pub(super) fn tick(&mut self, t: u32) {
        if let Some(&last) = self.samples.last().filter(|_| t < self.quiet_until_s) {
            let same = Sample { t_s: t, ..last };
            // Debug builds (the tests) check the claim: the whole second changes nothing.
            if cfg!(debug_assertions) {
                let before = (self.events.len(), self.registrations);
                self.every_step(t);
                assert_eq!((self.events.len(), self.registrations), before, "at {t} s");
                assert_eq!(self.samples.last(), Some(&same), "at {t} s");
            } else {
                self.samples.push(same);
            }
            return;
        }
        let before = (self.events.len(), self.registrations);
        self.every_step(t);
        // Every change but a registration adds an event; what else a second does depends
        // only on the tasks and on the clock reaching one of their due seconds.
        if (self.events.len(), self.registrations) == before {
            self.quiet_until_s = self.next_due_s(t);
        }
    }

    fn every_step(&mut self, t: u32) {
        self.az_loss(t);
        self.advance(t);
        self.circuit_breaker(t);
        self.schedule(t);
        // A task with a zero-second start registers in the same second.
        self.advance(t);
        self.check_stable(t);
        self.sample(t);
    }

    /// The first second after `t` at which a task's clock makes something happen: it
    /// registers, passes or fails its first check, finishes draining, or, lost with its AZ,
    /// is stopped; or the AZ is lost.
    fn next_due_s(&self, t: u32) -> u32 {
        let p = self.p;
        let loss = p.az_loss;
        let mut due = loss.map_or(u32::MAX, |l| if l.at_s > t { l.at_s } else { u32::MAX });
        for k in self.tracks.iter().filter(|k| k.running()) {
            let at = match (k.lost_s, loss) {
                (Some(_), Some(loss)) => k.out_with_az_at(p, loss.at_s),
                (Some(_), None) => u32::MAX,
                (None, _) => {
                    let checked = match (k.registered_s, k.healthy_s) {
                        (None, _) => k.registers_at(p),
                        (Some(r), None) => k.first_check_at(p, r),
                        (Some(_), Some(_)) => u32::MAX,
                    };
                    let drained = k.draining_s.map_or(u32::MAX, |d| k.drained_at(p, d));
                    checked.min(drained)
                }
            };
            due = due.min(at);
        }
        due
    }

    pub(super) fn az_loss(&mut self, t: u32) {
        let Some(loss) = self.p.az_loss else { return };
        if t == loss.at_s {
            let mut hit = Vec::new();
            for task in self
                .tracks
                .iter_mut()
                .filter(|k| k.running() && k.az == loss.az)
            {
                task.lost_s = Some(t);
                hit.push(task.id.to_string());
            }
            self.event(
                t,
                format!(
                    "{} is lost. Tasks there stop answering: {}.",
                    az_name(loss.az),
                    if hit.is_empty() {
                        "none".into()
                    } else {
                        hit.join(", ")
                    }
                ),
            );
        }
        if t < loss.at_s {
            return;
        }
        let (p, hc) = (self.p, self.p.health_check);
        let mut checked = Vec::new();
        let mut unstarted = Vec::new();
        for task in self
            .tracks
            .iter_mut()
            .filter(|k| k.running() && k.lost_s.is_some())
        {
            if task.out_with_az_at(p, loss.at_s) <= t {
                task.stopped_s = Some(t);
                task.stop_reason = Some(StopReason::AzLost);
                let list = if task.registered_s.is_some() {
                    &mut checked
                } else {
                    &mut unstarted
                };
                list.push(task.id.to_string());
            }
        }
        let survivor = az_name(1 - loss.az.min(1));
        if !checked.is_empty() {
            self.event(
                t,
                format!(
                    "{} failed checks in a row, each timing out after {} s: {} s after the loss the ALB stops sending requests to tasks {}; ECS replaces them in {survivor}.",
                    hc.unhealthy_threshold,
                    hc.timeout_s,
                    t - loss.at_s,
                    checked.join(", "),
                ),
            );
        }
        if !unstarted.is_empty() {
            self.event(
                t,
                format!(
                    "Tasks {} never started; ECS stops them and starts others in {survivor}.",
                    unstarted.join(", ")
                ),
            );
        }
    }

    /// Moves every running task along its timeline.
    pub(super) fn advance(&mut self, t: u32) {
        let (p, hc) = (self.p, self.p.health_check);
        let routed_anyway = if self.fail_open {
            "While the ALB failed open it answered requests with errors."
        } else {
            "The ALB never sent it a request."
        };
        let mut news = Vec::new();
        for task in self
            .tracks
            .iter_mut()
            .filter(|k| k.running() && k.lost_s.is_none())
        {
            let registers = task.registers_at(p);
            if task.registered_s.is_none() && registers <= t {
                task.registered_s = Some(registers);
                self.registrations += 1;
            }
            let checked = match (task.registered_s, task.healthy_s) {
                (Some(r), None) => Some(task.first_check_at(p, r)).filter(|&at| at <= t),
                _ => None,
            };
            if let Some(at) = checked {
                if task.never_answers(p) {
                    task.stopped_s = Some(t);
                    task.stop_reason = Some(StopReason::FailedHealthCheck);
                    self.failed_tasks += 1;
                    news.push(format!(
                            "{} failed {} {} times in a row, each check timing out after {} s, and is stopped. {routed_anyway}",
                            task.label(),
                            photoshare::HEALTH_CHECK_PATH,
                            hc.unhealthy_threshold,
                            hc.timeout_s
                        ));
                } else {
                    task.healthy_s = Some(at);
                    news.push(format!(
                        "{} passed its first {} check: the ALB sends it traffic.",
                        task.label(),
                        photoshare::HEALTH_CHECK_PATH
                    ));
                }
            }
            if let Some(d) = task.draining_s {
                if task.running() && task.drained_at(p, d) <= t {
                    task.stopped_s = Some(t);
                    task.stop_reason = Some(StopReason::Replaced);
                    news.push(format!("{} finished draining and stopped.", task.label()));
                }
            }
        }
        for text in news {
            self.event(t, text);
        }
    }

    pub(super) fn circuit_breaker(&mut self, t: u32) {
        if self.p.circuit_breaker
            && self.target == Version::New
            && self.failed_tasks >= self.p.breaker_threshold()
        {
            self.target = Version::Old;
            self.tripped_s = Some(t);
            self.stable_s = None;
            self.event(
                t,
                format!(
                    "Circuit breaker: {} new tasks failed (threshold {}). ECS marks the deployment failed and rolls back to the old task definition.",
                    self.failed_tasks,
                    self.p.breaker_threshold()
                ),
            );
        }
    }

    /// ECS's rolling-update step: stop what the floor allows, start what the ceiling allows.
    pub(super) fn schedule(&mut self, t: u32) {
        let target = self.target;
        let mut news = Vec::new();
        for task in self.tracks.iter_mut().filter(|k| {
            k.running() && k.version != target && k.healthy_s.is_none() && k.lost_s.is_none()
        }) {
            task.stopped_s = Some(t);
            task.stop_reason = Some(StopReason::Superseded);
            news.push(format!(
                "{} is stopped: its deployment was rolled back.",
                task.label()
            ));
        }
        // ECS counts a task in a lost AZ as healthy until the health checks say otherwise.
        let healthy = count(&self.tracks, TaskTrack::in_rotation);
        let stoppable = healthy.saturating_sub(self.p.min_healthy_tasks());
        for _ in 0..stoppable {
            let Some(i) = self.pick_to_stop(target) else {
                break;
            };
            if let Some(task) = self.tracks.get_mut(i) {
                task.draining_s = Some(t);
                news.push(format!(
                    "{} is deregistered and drains for {} s.",
                    task.label(),
                    self.p.deregistration_delay_s
                ));
            }
        }
        let running = count(&self.tracks, TaskTrack::running);
        let target_running = count(&self.tracks, |k| {
            k.running() && k.version == target && k.draining_s.is_none()
        });
        let room = self.p.max_running_tasks().saturating_sub(running);
        let needed = self.p.desired_count.saturating_sub(target_running);
        for _ in 0..room.min(needed) {
            if self.tracks.len() >= MAX_TASKS_LAUNCHED {
                if !self.launch_limit_reached {
                    self.launch_limit_reached = true;
                    news.push(format!(
                        "The lab stops relaunching after {MAX_TASKS_LAUNCHED} tasks (ECS would keep trying, with growing back-off)."
                    ));
                }
                break;
            }
            let az = self.pick_az(target, t);
            let id = u32::try_from(self.tracks.len())
                .unwrap_or(u32::MAX)
                .saturating_add(1);
            let task = TaskTrack::new(id, target, az, t);
            news.push(format!("{} starts.", task.label()));
            self.tracks.push(task);
        }
        for text in news {
            self.event(t, text);
        }
    }

    /// The outgoing task to deregister: one in the AZ with the most healthy tasks, so the AZs stay even.
    pub(super) fn pick_to_stop(&self, target: Version) -> Option<usize> {
        // Each AZ's count once, not once a candidate.
        let mut per_az = [0u32; AZ_NAMES.len()];
        for k in self.tracks.iter().filter(|k| k.in_rotation()) {
            if let Some(n) = per_az.get_mut(k.az) {
                *n += 1;
            }
        }
        self.tracks
            .iter()
            .enumerate()
            .filter(|(_, k)| k.version != target && k.serving())
            .max_by_key(|(i, k)| {
                (
                    per_az.get(k.az).copied().unwrap_or(0),
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(i, _)| i)
    }

    /// Fargate spreads a service's tasks over its AZs: the surviving AZ with the fewest tasks of
    /// the version being deployed.
    pub(super) fn pick_az(&self, target: Version, t: u32) -> usize {
        let lost = self.p.az_loss.filter(|l| l.at_s <= t).map(|l| l.az);
        (0..AZ_NAMES.len())
            .filter(|&az| Some(az) != lost)
            .min_by_key(|&az| {
                count(&self.tracks, |k| {
                    k.running() && k.version == target && k.draining_s.is_none() && k.az == az
                })
            })
            .unwrap_or(0)
    }

    pub(super) fn check_stable(&mut self, t: u32) {
        if self.stable_s.is_some() {
            return;
        }
        let target = self.target;
        let settled = self
            .tracks
            .iter()
            .filter(|k| k.running())
            .all(|k| k.version == target && k.serving());
        if settled && count(&self.tracks, TaskTrack::serving) == self.p.desired_count {
            self.stable_s = Some(t);
            let text = match target {
                Version::New => "Deployment complete: only new tasks run, all healthy.",
                Version::Old => "Rollback complete: the old version runs alone again.",
            };
            self.event(t, text.to_string());
        }
    }

    pub(super) fn sample(&mut self, t: u32) {
        // One pass over the tasks for every figure: a run costs its seconds times its tasks.
        let (mut old_serving, mut new_serving, mut lost_in_rotation) = (0, 0, 0);
        let (mut starting, mut draining, mut lost, mut running) = (0, 0, 0, 0);
        for k in self.tracks.iter().filter(|k| k.running()) {
            running += 1;
            let gone = k.lost_s.is_some();
            match (k.in_rotation(), gone, k.version) {
                (true, false, Version::Old) => old_serving += 1,
                (true, false, Version::New) => new_serving += 1,
                (true, true, _) => lost_in_rotation += 1,
                _ => {}
            }
            if gone {
                lost += 1;
            } else {
                starting += u32::from(k.healthy_s.is_none());
                draining += u32::from(k.draining_s.is_some());
            }
        }
        let in_rotation = old_serving + new_serving + lost_in_rotation;
        let s = Sample {
            t_s: t,
            old_serving,
            new_serving,
            starting,
            draining,
            lost,
            running,
            capacity: f64::from(old_serving + new_serving) / f64::from(self.p.desired_count),
            failing_requests: if in_rotation > 0 {
                f64::from(lost_in_rotation) / f64::from(in_rotation)
            } else {
                0.0
            },
            fail_open: in_rotation == 0,
        };
        if s.fail_open && !self.fail_open {
            self.event(
                t,
                "No healthy target is left: the ALB fails open and sends requests to every registered target, broken or not.".into(),
            );
        }
        self.fail_open = s.fail_open;
        self.samples.push(s);
    }

    pub(super) fn finish(mut self) -> RollingDeployOutcome {
        let end = self.p.duration_s;
        for task in &mut self.tracks {
            task.fill_spans(end);
        }
        let result = match (self.tripped_s, self.stable_s) {
            (None, Some(at_s)) => DeployResult::Completed { at_s },
            (Some(tripped_s), Some(stable_s)) => DeployResult::RolledBack {
                tripped_s,
                stable_s,
            },
            (Some(tripped_s), None) => DeployResult::RollingBack { tripped_s },
            (None, None) => DeployResult::InProgress,
        };
        let wait = waiter(self.stable_s, end);
        match wait {
            Wait::Stable { at_s } => self.event(
                at_s,
                "The pipeline's services-stable wait sees one deployment at its desired count and succeeds.".into(),
            ),
            Wait::TimedOut { at_s } => self.event(
                at_s,
                format!("The pipeline's services-stable wait gives up after {WAITER_ATTEMPTS} checks: the deploy job fails."),
            ),
            Wait::Waiting => {}
        }
        sort::by_key(&mut self.events, |e| u128::from(e.t_s));
        let fail_open_seconds = count_samples(&self.samples, |s| s.fail_open);
        let new_task_seconds = self.samples.iter().map(|s| u64::from(s.new_serving)).sum();
        let all_task_seconds = self
            .samples
            .iter()
            .map(|s| u64::from(s.new_serving + s.old_serving))
            .sum();
        let lowest_capacity = |from_s: u32| {
            self.samples
                .iter()
                .filter(|s| s.t_s >= from_s)
                .map(|s| s.capacity)
                .fold(f64::INFINITY, f64::min)
        };
        let lowest_capacity_after_az_loss = self.p.az_loss.map(|l| lowest_capacity(l.at_s));
        let routed_to_lost_s = self
            .p
            .az_loss
            .map(|_| count_samples(&self.samples, |s| s.failing_requests > 0.0));
        let lowest_capacity = lowest_capacity(0);
        let peak_failing_requests = self
            .samples
            .iter()
            .map(|s| s.failing_requests)
            .fold(0.0, f64::max);
        RollingDeployOutcome {
            lowest_capacity,
            lowest_capacity_after_az_loss,
            peak_failing_requests,
            routed_to_lost_s,
            min_healthy_tasks: self.p.min_healthy_tasks(),
            max_running_tasks: self.p.max_running_tasks(),
            seconds_to_first_pass: self.p.health_check.seconds_to_first_pass(),
            startup_s: self
                .p
                .task_start_s
                .saturating_add(self.p.health_check.seconds_to_first_pass()),
            seconds_to_recover: self.p.health_check.seconds_to_recover(),
            detection_range_s: self.p.health_check.detection_range_s(),
            breaker_threshold: self.p.breaker_threshold(),
            lowest_serving: self
                .samples
                .iter()
                .map(|s| s.old_serving + s.new_serving)
                .min()
                .unwrap_or(0),
            tracks: self.tracks,
            samples: self.samples,
            events: self.events,
            result,
            wait,
            failed_tasks: self.failed_tasks,
            fail_open_seconds,
            new_task_seconds,
            all_task_seconds,
            launch_limit_reached: self.launch_limit_reached,
        }
    }
}

pub(super) fn count_samples(samples: &[Sample], f: impl Fn(&Sample) -> bool) -> u32 {
    u32::try_from(samples.iter().filter(|s| f(s)).count()).unwrap_or(u32::MAX)
}

pub(super) fn count(tracks: &[TaskTrack], f: impl Fn(&TaskTrack) -> bool) -> u32 {
    u32::try_from(tracks.iter().filter(|k| f(k)).count()).unwrap_or(u32::MAX)
}

/// The waiter checks at 0, 15, 30 … s; the first check at or after `stable_s` succeeds,
/// and it gives up when its 40th check fails.
pub fn waiter(stable_s: Option<u32>, run_end_s: u32) -> Wait {
    let last_check = WAITER_DELAY_S * (WAITER_ATTEMPTS - 1);
    match stable_s.map(|s| s.div_ceil(WAITER_DELAY_S) * WAITER_DELAY_S) {
        Some(at_s) if at_s <= last_check && at_s <= run_end_s => Wait::Stable { at_s },
        _ if last_check <= run_end_s => Wait::TimedOut { at_s: last_check },
        _ => Wait::Waiting,
    }
}
