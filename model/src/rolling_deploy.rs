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
use crate::link::{Ignored, LinkReader, LinkState, Query};
use crate::photoshare::{self, rolling_deploy::AZ_NAMES, HealthCheck};

/// ECS's defaults for a rolling update, which PhotoShare's Terraform leaves as they are.
pub const ECS_MIN_HEALTHY_PERCENT: u32 = 100;
pub const ECS_MAX_PERCENT: u32 = 200;
/// Elastic Load Balancing's default deregistration delay (0–3600 s allowed).
pub const ELB_DEREGISTRATION_DELAY_S: u32 = 300;
/// `aws ecs wait services-stable` polls every 15 s and gives up after 40 checks.
pub const WAITER_DELAY_S: u32 = 15;
pub const WAITER_ATTEMPTS: u32 = 40;
/// A careful reader's note on the worked example's Terraform, with its sources.
pub const PLACEMENT_NOTE: &str = "The worked example's service spreads its tasks with \
`placement_constraints { type = \"spread\" … }`. That is not valid: a placement constraint's type \
is memberOf or distinctInstance, and spread is a placement strategy (Terraform's \
ordered_placement_strategy). A Fargate service needs neither, and accepts neither: ECS spreads a \
Fargate service's tasks across its subnets' Availability Zones by itself. The lab keeps the worked \
example's design (tasks spread evenly over two AZs) and places them as Fargate does.";
pub const PLACEMENT_NOTE_SOURCES: [(&str, &str); 2] = [
    (
        "Amazon ECS task placement: Fargate tasks are spread across Availability Zones",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html",
    ),
    (
        "PlacementConstraint: type is distinctInstance or memberOf",
        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html",
    ),
];

/// What AWS documents about the rollout, and how the lab follows it.
pub const DOCUMENTED: [Documented; 7] = [
    Documented {
        says: "During a rolling update, the minimum healthy percent (rounded up) is the floor of \
tasks that must stay running and healthy, and the maximum percent (rounded down) the ceiling of \
tasks running or pending; ECS's defaults are 100 % and 200 %.",
        lab: "Each second ECS stops old tasks as far as the floor allows and starts new ones as \
far as the ceiling allows.",
        source: "ECS DeploymentConfiguration",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
    },
    Documented {
        says: "After a target is registered it must pass one health check to be healthy. The \
healthy threshold is the run of passing checks an unhealthy target needs to be put back.",
        lab: "A new task takes traffic after its first check, which the lab puts a whole interval \
after registration (AWS gives the interval, not the first check's moment).",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "No response within the timeout is a failed check; the unhealthy threshold of \
failures in a row takes a target out of service.",
        lab: "Each task's checks run every interval from its registration; one that starts as or \
after the task stops answering fails at its timeout. So a dead task is out (unhealthy − 1) × \
interval + timeout after it dies if a check starts then, up to unhealthy × interval + timeout. A \
bad build hangs on /healthz, so its checks time out too.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "When every registered target is unhealthy the load balancer fails open: it sends \
requests to all of them.",
        lab: "With no healthy target left the ALB routes to every registered one, broken or not.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "A deregistered target drains in-flight requests for the deregistration delay, \
300 s by default (0–3600 s).",
        lab: "An old task gets no new request once deregistered and stops when the delay ends.",
        source: "Target groups: deregistration delay",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay",
    },
    Documented {
        says: "The deployment circuit breaker fails a deployment after 0.5 × the desired count \
of failed tasks, at least 3 and at most 200, and can roll it back.",
        lab: "Half the desired count, rounded up, within 3–200; rollback stops the new tasks \
that never took traffic.",
        source: "ServiceDeploymentCircuitBreaker",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeploymentCircuitBreaker.html",
    },
    Documented {
        says: "aws ecs wait services-stable polls every 15 seconds and fails after 40 checks.",
        lab: "The pipeline's wait succeeds at the first check after the deployment is stable.",
        source: "AWS CLI: ecs wait services-stable",
        url: "https://docs.aws.amazon.com/cli/latest/reference/ecs/wait/services-stable.html",
    },
];

/// Limits that keep one run small.
pub const MAX_DESIRED: u32 = 50;
pub const MAX_DURATION_S: u32 = 3_600;
/// Most tasks one run launches; a bad build would otherwise be relaunched forever.
pub const MAX_TASKS_LAUNCHED: usize = 400;

/// Which task definition a task runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Old,
    New,
}

/// Whether the new image answers `/healthz`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NewBuild {
    #[default]
    Good,
    /// Starts, but never passes the health check.
    Bad,
}

/// An availability zone going dark during the rollout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AzLoss {
    /// 0 or 1: an index into `AZ_NAMES`.
    pub az: usize,
    pub at_s: u32,
}

/// Everything the rolling-deploy demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct RollingDeployParams {
    pub desired_count: u32,
    pub min_healthy_percent: u32,
    pub max_percent: u32,
    pub health_check: HealthCheck,
    /// From launch to the app listening and registered: placement, image pull, Node start.
    pub task_start_s: u32,
    pub deregistration_delay_s: u32,
    pub build: NewBuild,
    /// ECS's deployment circuit breaker, with rollback.
    pub circuit_breaker: bool,
    pub az_loss: Option<AzLoss>,
    pub duration_s: u32,
}

impl Default for RollingDeployParams {
    /// The Terraform's `desired_count = 4`: the count ECS deploys against (the
    /// autoscaler may since have set 2), and two tasks per AZ, so losing an AZ
    /// visibly leaves half. ECS's default 100 % / 200 %, the target group's
    /// `/healthz` check, ELB's 300 s drain, and ten minutes — as long as the
    /// pipeline's `services-stable` wait.
    fn default() -> Self {
        RollingDeployParams {
            desired_count: photoshare::BASELINE_DESIRED_COUNT,
            min_healthy_percent: ECS_MIN_HEALTHY_PERCENT,
            max_percent: ECS_MAX_PERCENT,
            health_check: photoshare::HEALTH_CHECK,
            task_start_s: TASK_START_S,
            deregistration_delay_s: ELB_DEREGISTRATION_DELAY_S,
            build: NewBuild::Good,
            circuit_breaker: false,
            az_loss: None,
            duration_s: WAITER_DELAY_S * WAITER_ATTEMPTS,
        }
    }
}

/// Assumption: Fargate placement, image pull and Node start take about 45 s until the task
/// is running and registered; with its first check a 15 s interval later a new task serves
/// 60 s after launch — the worked example's "scale-out in ~60 s".
pub const TASK_START_S: u32 = 45;

impl RollingDeployParams {
    /// Tasks that must stay healthy: desired × min %, rounded up (as ECS does).
    pub fn min_healthy_tasks(&self) -> u32 {
        self.desired_count
            .saturating_mul(self.min_healthy_percent)
            .div_ceil(100)
    }

    /// Tasks that may run at once: desired × max %, rounded down (as ECS does).
    pub fn max_running_tasks(&self) -> u32 {
        self.desired_count.saturating_mul(self.max_percent) / 100
    }

    /// Failed tasks that trip the circuit breaker: half the desired count, 3 to 200.
    pub fn breaker_threshold(&self) -> u32 {
        self.desired_count.div_ceil(2).clamp(3, 200)
    }
}

/// Why a task stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// Drained and stopped: replaced by the other version.
    Replaced,
    /// Never passed `/healthz`.
    FailedHealthCheck,
    /// Its AZ was lost.
    AzLost,
    /// Started for a deployment that was then rolled back, before it took traffic.
    Superseded,
}

/// What a task is doing at a moment, for the task bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskState {
    /// Launched: placing, pulling, starting.
    Starting,
    /// Registered in the target group; health checks running, no traffic yet.
    Checking,
    /// Healthy: the ALB sends it requests.
    Serving,
    /// Deregistered: finishing in-flight requests, no new ones.
    Draining,
    /// Its AZ is gone but the ALB has not noticed yet: requests sent to it fail.
    Lost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub state: TaskState,
    pub from_s: u32,
    pub to_s: u32,
}

/// One task's life, for a bar per task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskTrack {
    /// From 1, in launch order; the old tasks come first.
    pub id: u32,
    pub version: Version,
    /// 0 or 1: an index into `AZ_NAMES`.
    pub az: usize,
    pub launched_s: u32,
    pub registered_s: Option<u32>,
    pub healthy_s: Option<u32>,
    pub draining_s: Option<u32>,
    pub lost_s: Option<u32>,
    pub stopped_s: Option<u32>,
    pub stop_reason: Option<StopReason>,
    /// The same life as consecutive spans, up to its stop or the end of the run.
    pub spans: Vec<Span>,
}

impl TaskTrack {
    fn new(id: u32, version: Version, az: usize, launched_s: u32) -> TaskTrack {
        TaskTrack {
            id,
            version,
            az,
            launched_s,
            registered_s: None,
            healthy_s: None,
            draining_s: None,
            lost_s: None,
            stopped_s: None,
            stop_reason: None,
            spans: Vec::new(),
        }
    }

    fn running(&self) -> bool {
        self.stopped_s.is_none()
    }

    /// Healthy and not deregistered: the ALB routes to it (even if, unknown to it, its AZ is gone).
    fn in_rotation(&self) -> bool {
        self.running() && self.healthy_s.is_some() && self.draining_s.is_none()
    }

    /// Really answering users.
    fn serving(&self) -> bool {
        self.in_rotation() && self.lost_s.is_none()
    }

    fn label(&self) -> String {
        let version = match self.version {
            Version::Old => "old",
            Version::New => "new",
        };
        format!("Task {} ({version}, {})", self.id, az_name(self.az))
    }

    fn fill_spans(&mut self, end_s: u32) {
        let mut starts: Vec<(TaskState, u32)> = [
            (TaskState::Starting, Some(self.launched_s)),
            (TaskState::Checking, self.registered_s),
            (TaskState::Serving, self.healthy_s),
            (TaskState::Draining, self.draining_s),
            (TaskState::Lost, self.lost_s),
        ]
        .into_iter()
        .filter_map(|(state, at)| at.map(|at| (state, at)))
        .collect();
        starts.sort_by_key(|&(_, at)| at);
        let stop = self.stopped_s.unwrap_or(end_s);
        self.spans = starts
            .iter()
            .enumerate()
            .map(|(i, &(state, from_s))| Span {
                state,
                from_s,
                to_s: starts.get(i + 1).map_or(stop, |&(_, at)| at).min(stop),
            })
            .filter(|s| s.to_s > s.from_s)
            .collect();
    }
}

fn az_name(az: usize) -> &'static str {
    AZ_NAMES.get(az).copied().unwrap_or("?")
}

/// One second of the run, for the capacity chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub t_s: u32,
    pub old_serving: u32,
    pub new_serving: u32,
    /// Launched or registered, not yet healthy.
    pub starting: u32,
    pub draining: u32,
    /// Gone with their AZ, still in the ALB's rotation.
    pub lost: u32,
    /// Tasks ECS counts as running (what the maximum percent bounds).
    pub running: u32,
    /// Serving tasks as a share of the desired count.
    pub capacity: f64,
    /// Share of requests the ALB sends to tasks that are gone.
    pub failing_requests: f64,
    /// No target is healthy: the ALB sends requests to every registered target, broken ones too.
    pub fail_open: bool,
}

/// How the deployment ended, as far as the run goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeployResult {
    /// Every running task is new and healthy, and the old ones have drained.
    Completed { at_s: u32 },
    /// The circuit breaker tripped; the old version is back and stable.
    RolledBack { tripped_s: u32, stable_s: u32 },
    /// The circuit breaker tripped; the old version is not stable yet.
    RollingBack { tripped_s: u32 },
    /// Still in progress when the run ended — stalled, if the build is bad.
    InProgress,
}

/// What the pipeline's `aws ecs wait services-stable` step saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// The check at `at_s` found one deployment with all tasks running.
    Stable { at_s: u32 },
    /// 40 checks failed: the pipeline step fails.
    TimedOut { at_s: u32 },
    /// The run ended before either.
    Waiting,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub t_s: u32,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollingDeployOutcome {
    pub min_healthy_tasks: u32,
    pub max_running_tasks: u32,
    /// From registration to a new task's first, passing check: one interval (the lab's reading).
    pub seconds_to_first_pass: u32,
    /// From launch to a new task's first request: its start plus its first check.
    pub startup_s: u32,
    /// Healthy threshold × interval: an unhealthy target that answers again is back after this.
    pub seconds_to_recover: u32,
    /// Fastest and slowest a broken or lost task is taken out, each failed check ending at
    /// the timeout: how long it keeps getting requests.
    pub detection_range_s: (u32, u32),
    pub breaker_threshold: u32,
    pub tracks: Vec<TaskTrack>,
    /// One per second, from 0 to the run's end.
    pub samples: Vec<Sample>,
    pub events: Vec<Event>,
    pub result: DeployResult,
    pub wait: Wait,
    /// New tasks stopped for failing `/healthz`.
    pub failed_tasks: u32,
    /// Fewest tasks serving at any second.
    pub lowest_serving: u32,
    /// The same as a share of the desired count.
    pub lowest_capacity: f64,
    /// Lowest share of the desired count serving from the AZ's loss on (`None` without a loss).
    pub lowest_capacity_after_az_loss: Option<f64>,
    /// Largest share of requests sent to tasks that are gone, at any second.
    pub peak_failing_requests: f64,
    /// Seconds in which the ALB sent requests to tasks that are gone (`None` without a loss).
    pub routed_to_lost_s: Option<u32>,
    /// Seconds with no healthy target, when the ALB fails open.
    pub fail_open_seconds: u32,
    /// Task-seconds of serving by new (healthy) tasks, and by all tasks.
    pub new_task_seconds: u64,
    pub all_task_seconds: u64,
    /// True when the launch limit cut the run's relaunches short.
    pub launch_limit_reached: bool,
}

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

struct Sim<'p> {
    p: &'p RollingDeployParams,
    tracks: Vec<TaskTrack>,
    target: Version,
    events: Vec<Event>,
    samples: Vec<Sample>,
    failed_tasks: u32,
    tripped_s: Option<u32>,
    stable_s: Option<u32>,
    launch_limit_reached: bool,
    fail_open: bool,
}

impl<'p> Sim<'p> {
    fn new(p: &'p RollingDeployParams) -> Sim<'p> {
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

    fn event(&mut self, t_s: u32, text: String) {
        self.events.push(Event { t_s, text });
    }

    fn tick(&mut self, t: u32) {
        self.az_loss(t);
        self.advance(t);
        self.circuit_breaker(t);
        self.schedule(t);
        // A task with a zero-second start registers in the same second.
        self.advance(t);
        self.check_stable(t);
        self.sample(t);
    }

    fn az_loss(&mut self, t: u32) {
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
        let hc = self.p.health_check;
        let task_start_s = self.p.task_start_s;
        let mut checked = Vec::new();
        let mut unstarted = Vec::new();
        for task in self
            .tracks
            .iter_mut()
            .filter(|k| k.running() && k.lost_s.is_some())
        {
            // Registered: its checks fail until the load balancer takes it out. Not yet: ECS
            // stops it when it should have started.
            let out_s = match task.registered_s {
                Some(r) => hc.taken_out_at(r, loss.at_s),
                None => task.launched_s.saturating_add(task_start_s),
            };
            if out_s <= t {
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
    fn advance(&mut self, t: u32) {
        let hc = self.p.health_check;
        let bad_new = self.p.build == NewBuild::Bad;
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
            let registers = task.launched_s.saturating_add(self.p.task_start_s);
            if task.registered_s.is_none() && registers <= t {
                task.registered_s = Some(registers);
            }
            if let (Some(r), None) = (task.registered_s, task.healthy_s) {
                if bad_new && task.version == Version::New {
                    // It never answers: each check fails at its timeout.
                    if hc.taken_out_at(r, r) <= t {
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
                    }
                } else if r.saturating_add(hc.seconds_to_first_pass()) <= t {
                    let at = r.saturating_add(hc.seconds_to_first_pass());
                    task.healthy_s = Some(at);
                    news.push(format!(
                        "{} passed its first {} check: the ALB sends it traffic.",
                        task.label(),
                        photoshare::HEALTH_CHECK_PATH
                    ));
                }
            }
            if let Some(d) = task.draining_s {
                if task.running() && d.saturating_add(self.p.deregistration_delay_s) <= t {
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

    fn circuit_breaker(&mut self, t: u32) {
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
    fn schedule(&mut self, t: u32) {
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
    fn pick_to_stop(&self, target: Version) -> Option<usize> {
        let per_az = |az: usize| count(&self.tracks, |k| k.in_rotation() && k.az == az);
        self.tracks
            .iter()
            .enumerate()
            .filter(|(_, k)| k.version != target && k.serving())
            .max_by_key(|(i, k)| (per_az(k.az), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    }

    /// Fargate spreads a service's tasks over its AZs: the surviving AZ with the fewest tasks of
    /// the version being deployed.
    fn pick_az(&self, target: Version, t: u32) -> usize {
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

    fn check_stable(&mut self, t: u32) {
        let target = self.target;
        let settled = self
            .tracks
            .iter()
            .filter(|k| k.running())
            .all(|k| k.version == target && k.serving());
        let serving = count(&self.tracks, TaskTrack::serving);
        if self.stable_s.is_none() && settled && serving == self.p.desired_count {
            self.stable_s = Some(t);
            let text = match target {
                Version::New => "Deployment complete: only new tasks run, all healthy.",
                Version::Old => "Rollback complete: the old version runs alone again.",
            };
            self.event(t, text.to_string());
        }
    }

    fn sample(&mut self, t: u32) {
        let tracks = &self.tracks;
        let old_serving = count(tracks, |k| k.serving() && k.version == Version::Old);
        let new_serving = count(tracks, |k| k.serving() && k.version == Version::New);
        let lost = count(tracks, |k| k.in_rotation() && k.lost_s.is_some());
        let in_rotation = old_serving + new_serving + lost;
        let s = Sample {
            t_s: t,
            old_serving,
            new_serving,
            starting: count(tracks, |k| {
                k.running() && k.healthy_s.is_none() && k.lost_s.is_none()
            }),
            draining: count(tracks, |k| {
                k.running() && k.draining_s.is_some() && k.lost_s.is_none()
            }),
            lost: count(tracks, |k| k.running() && k.lost_s.is_some()),
            running: count(tracks, TaskTrack::running),
            capacity: f64::from(old_serving + new_serving) / f64::from(self.p.desired_count),
            failing_requests: if in_rotation > 0 {
                f64::from(lost) / f64::from(in_rotation)
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

    fn finish(mut self) -> RollingDeployOutcome {
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
        self.events.sort_by_key(|e| e.t_s);
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

fn count_samples(samples: &[Sample], f: impl Fn(&Sample) -> bool) -> u32 {
    u32::try_from(samples.iter().filter(|s| f(s)).count()).unwrap_or(u32::MAX)
}

fn count(tracks: &[TaskTrack], f: impl Fn(&TaskTrack) -> bool) -> u32 {
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

fn validate(p: &RollingDeployParams) -> Vec<String> {
    let mut problems = Vec::new();
    let hc = &p.health_check;
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    check(
        (1..=MAX_DESIRED).contains(&p.desired_count),
        format!("The desired count must be 1–{MAX_DESIRED} tasks."),
    );
    check(
        p.min_healthy_percent <= 100,
        "The minimum healthy percent must be 0–100.".into(),
    );
    check(
        (100..=200).contains(&p.max_percent),
        "The maximum percent must be 100–200.".into(),
    );
    check(
        p.desired_count == 0 || p.max_running_tasks() > p.min_healthy_tasks(),
        format!(
            "With {} % and {} % of {} tasks, ECS could neither start a new task nor stop an old one: the maximum must allow more tasks than the minimum keeps.",
            p.min_healthy_percent, p.max_percent, p.desired_count
        ),
    );
    check(
        (5..=300).contains(&hc.interval_s),
        "The health-check interval must be 5–300 s.".into(),
    );
    check(
        (2..=120).contains(&hc.timeout_s) && hc.timeout_s < hc.interval_s,
        "The health-check timeout must be 2–120 s and shorter than the interval.".into(),
    );
    check(
        (2..=10).contains(&hc.healthy_threshold) && (2..=10).contains(&hc.unhealthy_threshold),
        "Health-check thresholds must be 2–10 checks.".into(),
    );
    check(
        p.task_start_s <= MAX_TASK_START_S,
        format!("A task's start must take at most {MAX_TASK_START_S} s."),
    );
    check(
        p.deregistration_delay_s <= 3_600,
        "The deregistration delay must be 0–3600 s.".into(),
    );
    check(
        (MIN_DURATION_S..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The run must last {MIN_DURATION_S}–{MAX_DURATION_S} s."),
    );
    if let Some(loss) = p.az_loss {
        check(
            loss.az < AZ_NAMES.len(),
            "The lost AZ must be a or b.".into(),
        );
        check(
            loss.at_s <= p.duration_s,
            "The AZ must be lost before the run ends.".into(),
        );
    }
    problems
}

pub const MAX_TASK_START_S: u32 = 600;
pub const MIN_DURATION_S: u32 = 60;

const BUILDS: [(&str, NewBuild); 2] = [("good", NewBuild::Good), ("bad", NewBuild::Bad)];
const AZ_SLUGS: [(&str, usize); 2] = [("a", 0), ("b", 1)];

fn az_slug(az: usize) -> &'static str {
    AZ_SLUGS
        .iter()
        .find(|(_, i)| *i == az)
        .map_or("b", |(s, _)| s)
}

/// Link format: `n=4&minh=100&maxp=200&hi=15&ht=2&ut=3&hto=5&start=30&drain=300&build=bad&cb=1&lose=120&az=b&dur=600`.
impl LinkState for RollingDeployParams {
    fn to_query(&self) -> String {
        let d = RollingDeployParams::default();
        let mut pairs = Vec::new();
        let numbers = [
            ("n", self.desired_count, d.desired_count),
            ("minh", self.min_healthy_percent, d.min_healthy_percent),
            ("maxp", self.max_percent, d.max_percent),
            (
                "hi",
                self.health_check.interval_s,
                d.health_check.interval_s,
            ),
            (
                "ht",
                self.health_check.healthy_threshold,
                d.health_check.healthy_threshold,
            ),
            (
                "ut",
                self.health_check.unhealthy_threshold,
                d.health_check.unhealthy_threshold,
            ),
            ("hto", self.health_check.timeout_s, d.health_check.timeout_s),
            ("start", self.task_start_s, d.task_start_s),
            (
                "drain",
                self.deregistration_delay_s,
                d.deregistration_delay_s,
            ),
            ("dur", self.duration_s, d.duration_s),
        ];
        for (key, value, default) in numbers {
            if value != default {
                pairs.push((key, value.to_string()));
            }
        }
        if self.build != d.build {
            pairs.push(("build", "bad".to_string()));
        }
        if self.circuit_breaker != d.circuit_breaker {
            pairs.push((
                "cb",
                if self.circuit_breaker { "1" } else { "0" }.to_string(),
            ));
        }
        if let Some(loss) = self.az_loss {
            pairs.push(("lose", loss.at_s.to_string()));
            pairs.push(("az", az_slug(loss.az).to_string()));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = RollingDeployParams::default();
        let mut r = LinkReader::new(query);
        if let Some(n) = r.whole("n", 1, MAX_DESIRED) {
            p.desired_count = n;
        }
        if let Some(x) = r.whole("minh", 0, 100) {
            p.min_healthy_percent = x;
        }
        if let Some(x) = r.whole("maxp", 100, 200) {
            p.max_percent = x;
        }
        if let Some(x) = r.whole("hi", 5, 300) {
            p.health_check.interval_s = x;
        }
        if let Some(x) = r.whole("ht", 2, 10) {
            p.health_check.healthy_threshold = x;
        }
        if let Some(x) = r.whole("ut", 2, 10) {
            p.health_check.unhealthy_threshold = x;
        }
        if let Some(x) = r.whole("hto", 2, 120) {
            p.health_check.timeout_s = x;
        }
        if let Some(x) = r.whole("start", 0, MAX_TASK_START_S) {
            p.task_start_s = x;
        }
        if let Some(x) = r.whole("drain", 0, 3_600) {
            p.deregistration_delay_s = x;
        }
        if let Some(x) = r.whole("dur", MIN_DURATION_S, MAX_DURATION_S) {
            p.duration_s = x;
        }
        if let Some(b) = r.choice("build", &BUILDS) {
            p.build = b;
        }
        if let Some(on) = r.flag("cb") {
            p.circuit_breaker = on;
        }
        let lose = r.whole("lose", 0, MAX_DURATION_S);
        let az = r.choice("az", &AZ_SLUGS);
        match (lose, az) {
            (Some(at_s), az) => {
                p.az_loss = Some(AzLoss {
                    az: az.unwrap_or(1),
                    at_s,
                })
            }
            (None, Some(az)) => r.ignore("az", az_slug(az), "needs lose=<seconds> too".into()),
            (None, None) => {}
        }
        // Values that are each in range may still clash (a timeout not shorter than the
        // interval, a loss after the run): keep the defaults for those and say so.
        repair(&mut p, &mut r);
        (p, r.finish())
    }
}

/// A health check from a link whose timeout is not shorter than its interval: one second
/// less than the interval is used, and the link is told. Shared with the failure drill.
pub(crate) fn repair_health_check(hc: &mut HealthCheck, r: &mut LinkReader<'_>) {
    if hc.timeout_s >= hc.interval_s {
        // The interval is at least 5 s, so one second less is a valid timeout.
        let timeout_s = hc.interval_s.saturating_sub(1).max(2);
        r.ignore(
            "hto",
            &hc.timeout_s.to_string(),
            format!(
                "must be shorter than the {} s interval; {timeout_s} s used",
                hc.interval_s
            ),
        );
        hc.timeout_s = timeout_s;
    }
}

fn repair(p: &mut RollingDeployParams, r: &mut LinkReader<'_>) {
    let d = RollingDeployParams::default();
    repair_health_check(&mut p.health_check, r);
    if p.max_running_tasks() <= p.min_healthy_tasks() {
        r.ignore(
            "maxp",
            &p.max_percent.to_string(),
            format!(
                "with {} % healthy of {} tasks, leaves ECS no room to replace a task; ECS's defaults used",
                p.min_healthy_percent, p.desired_count
            ),
        );
        p.min_healthy_percent = d.min_healthy_percent;
        p.max_percent = d.max_percent;
    }
    if let Some(loss) = p.az_loss {
        if loss.at_s > p.duration_s {
            r.ignore(
                "lose",
                &loss.at_s.to_string(),
                "after the end of the run".into(),
            );
            p.az_loss = None;
        }
    }
}

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
