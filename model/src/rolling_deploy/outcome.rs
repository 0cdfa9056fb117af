//! What a deploy shows: each task's track through its states, the samples the chart draws,
//! the events, the waiter's verdict.

use super::*;
use crate::sort;

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
    pub(super) fn new(id: u32, version: Version, az: usize, launched_s: u32) -> TaskTrack {
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

    pub(super) fn running(&self) -> bool {
        self.stopped_s.is_none()
    }

    /// Healthy and not deregistered: the ALB routes to it (even if, unknown to it, its AZ is gone).
    pub(super) fn in_rotation(&self) -> bool {
        self.running() && self.healthy_s.is_some() && self.draining_s.is_none()
    }

    /// Really answering users.
    pub(super) fn serving(&self) -> bool {
        self.in_rotation() && self.lost_s.is_none()
    }

    pub(super) fn label(&self) -> String {
        let version = match self.version {
            Version::Old => "old",
            Version::New => "new",
        };
        format!("Task {} ({version}, {})", self.id, az_name(self.az))
    }

    pub(super) fn fill_spans(&mut self, end_s: u32) {
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
        sort::by_key(&mut starts, |&(_, at)| u128::from(at));
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

pub(super) fn az_name(az: usize) -> &'static str {
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
