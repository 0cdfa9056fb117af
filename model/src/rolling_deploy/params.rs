//! What a student can change: the new build, the deployment's percentages, the health check,
//! an AZ lost mid-deploy; and the checks that keep them within what the model runs.

use super::*;
use crate::params::Problems;

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

impl NewBuild {
    pub const ALL: [NewBuild; 2] = [NewBuild::Good, NewBuild::Bad];

    /// In a link: `new=bad`.
    pub fn slug(self) -> &'static str {
        match self {
            NewBuild::Good => "good",
            NewBuild::Bad => "bad",
        }
    }
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

pub(super) fn validate(p: &RollingDeployParams) -> Vec<String> {
    let mut problems = Problems::default();
    problems.check(
        (1..=MAX_DESIRED).contains(&p.desired_count),
        format!("The desired count must be 1–{MAX_DESIRED} tasks."),
    );
    problems.check(
        p.min_healthy_percent <= 100,
        "The minimum healthy percent must be 0–100.".into(),
    );
    problems.check(
        (100..=200).contains(&p.max_percent),
        "The maximum percent must be 100–200.".into(),
    );
    problems.check(
        p.desired_count == 0 || p.max_running_tasks() > p.min_healthy_tasks(),
        format!(
            "With {} % and {} % of {} tasks, ECS could neither start a new task nor stop an old one: the maximum must allow more tasks than the minimum keeps.",
            p.min_healthy_percent, p.max_percent, p.desired_count
        ),
    );
    problems.check(
        p.task_start_s <= MAX_TASK_START_S,
        format!("A task's start must take at most {MAX_TASK_START_S} s."),
    );
    problems.check(
        p.deregistration_delay_s <= 3_600,
        "The deregistration delay must be 0–3600 s.".into(),
    );
    problems.check(
        (MIN_DURATION_S..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The run must last {MIN_DURATION_S}–{MAX_DURATION_S} s."),
    );
    if let Some(loss) = p.az_loss {
        problems.check(
            loss.az < AZ_NAMES.len(),
            "The lost AZ must be a or b.".into(),
        );
        problems.check(
            loss.at_s <= p.duration_s,
            "The AZ must be lost before the run ends.".into(),
        );
    }
    problems.extend(health_check_problems(&p.health_check));
    problems.into_vec()
}

pub const MAX_TASK_START_S: u32 = 600;
pub const MIN_DURATION_S: u32 = 60;

/// What is wrong with a target group's health check, within the limits ELB documents
/// (the shared specs) and with a timeout shorter than the interval. Shared with the drill and
/// the scenario (`s.hc`).
pub(crate) fn health_check_problems(hc: &HealthCheck) -> Vec<String> {
    use crate::params::shared;
    let holds = |spec: crate::params::Spec, x: u32| spec.holds(f64::from(x));
    let mut problems = Vec::new();
    if !holds(shared::HEALTH_CHECK_INTERVAL, hc.interval_s) {
        problems.push("The health-check interval must be 5–300 s.".into());
    }
    if !holds(shared::HEALTH_CHECK_TIMEOUT, hc.timeout_s) || hc.timeout_s >= hc.interval_s {
        problems
            .push("The health-check timeout must be 2–120 s and shorter than the interval.".into());
    }
    if !holds(shared::HEALTHY_THRESHOLD, hc.healthy_threshold)
        || !holds(shared::UNHEALTHY_THRESHOLD, hc.unhealthy_threshold)
    {
        problems.push("Health-check thresholds must be 2–10 checks.".into());
    }
    problems
}
