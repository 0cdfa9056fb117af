//! What a student can change: the fleet, the health check, the autoscaler, the database and
//! the failures injected; and the checks that keep them within what the model runs.

use super::*;
use crate::params::{within, Problems};

/// What breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// One serving task in the AZ stops answering (hung process, failed host).
    Task { az: usize },
    /// The whole AZ goes dark for the rest of the drill: its tasks, and the database copy there.
    Az { az: usize },
    /// The primary database instance fails.
    Database,
}

impl Failure {
    /// In words, for the page and the events.
    pub fn describe(self) -> String {
        match self {
            Failure::Task { az } => format!("one task in {}", az_name(az)),
            Failure::Az { az } => format!("all of {}", az_name(az)),
            Failure::Database => "the primary database".to_string(),
        }
    }
}

/// A failure and when it strikes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Injected {
    pub failure: Failure,
    pub at_s: u32,
}

/// The database at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbState {
    /// Serving from `primary_az`, with a synchronous standby in the other AZ when `standby`.
    Up { primary_az: usize, standby: bool },
    /// The standby is being promoted: no queries are answered.
    FailingOver { to_az: usize },
    /// No standby to promote: down until replaced or restored (`None`: no AZ left to restore into).
    Recovering { until_s: Option<u32> },
}

impl DbState {
    pub fn is_up(self) -> bool {
        matches!(self, DbState::Up { .. })
    }

    /// In words, for the page.
    pub fn describe(self) -> String {
        match self {
            DbState::Up {
                primary_az,
                standby: true,
            } => format!(
                "primary in {}, standby in {}",
                az_name(primary_az),
                az_name(1 - primary_az.min(1))
            ),
            DbState::Up { primary_az, .. } => {
                format!("primary in {}, no standby", az_name(primary_az))
            }
            DbState::FailingOver { to_az } => format!("failing over to {}", az_name(to_az)),
            DbState::Recovering { .. } => "down: being restored".to_string(),
        }
    }
}

/// Ready-made drills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    TaskLoss,
    /// AZ a holds a task and the database primary.
    AzLossPrimarySide,
    /// AZ b holds a task and the standby.
    AzLossStandbySide,
    DatabaseFailover,
    SingleAzDatabase,
    /// An AZ lost during the 9,000 req/s burst: half the fleet cannot carry the load.
    AzLossAtBurst,
}

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::TaskLoss,
        Preset::AzLossPrimarySide,
        Preset::AzLossStandbySide,
        Preset::DatabaseFailover,
        Preset::SingleAzDatabase,
        Preset::AzLossAtBurst,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Preset::TaskLoss => "One task fails",
            Preset::AzLossPrimarySide => "AZ a is lost (with the database primary)",
            Preset::AzLossStandbySide => "AZ b is lost (with the standby)",
            Preset::DatabaseFailover => "The primary database fails (Multi-AZ)",
            Preset::SingleAzDatabase => "The database fails (single-AZ)",
            Preset::AzLossAtBurst => "AZ b is lost during the burst",
        }
    }

    pub fn params(self) -> FailureDrillParams {
        let d = FailureDrillParams::default();
        let at = |failure| vec![Injected { failure, at_s: 600 }];
        match self {
            Preset::TaskLoss => d,
            Preset::AzLossPrimarySide => FailureDrillParams {
                failures: at(Failure::Az { az: 0 }),
                ..d
            },
            Preset::AzLossStandbySide => FailureDrillParams {
                failures: at(Failure::Az { az: 1 }),
                ..d
            },
            Preset::DatabaseFailover => FailureDrillParams {
                failures: at(Failure::Database),
                ..d
            },
            Preset::SingleAzDatabase => FailureDrillParams {
                multi_az: false,
                failures: at(Failure::Database),
                ..d
            },
            Preset::AzLossAtBurst => {
                let mut p = FailureDrillParams {
                    edge_load_per_s: photoshare::EDGE_LOAD_BURST_PER_S,
                    failures: at(Failure::Az { az: 1 }),
                    ..d
                };
                p.tasks = p.autoscaler_choice();
                p
            }
        }
    }
}

/// Everything the failure drill lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct FailureDrillParams {
    /// Steady load at the edge all through the drill, req/s.
    pub edge_load_per_s: f64,
    pub cdn_hit_ratio: f64,
    /// Requests per second one task serves at 100 % CPU.
    pub capacity_per_task_per_s: f64,
    pub cpu_target: f64,
    /// Tasks running when the drill starts, spread evenly over the AZs.
    pub tasks: u32,
    /// Target tracking on CPU, as the worked example configures it; off: the count stays put.
    pub autoscaler: bool,
    pub min_tasks: u32,
    pub max_tasks: u32,
    pub health_check: HealthCheck,
    /// Launch to a running container registered with the target group; its first check comes on top.
    pub provisioning_s: u32,
    /// A synchronous standby in the other AZ.
    pub multi_az: bool,
    pub failover_s: u32,
    /// Down time of a database with no standby to promote.
    pub single_az_recovery_s: u32,
    pub failures: Vec<Injected>,
    pub slo: f64,
    /// Budget minutes already spent this month before the drill.
    pub spent_before_min: f64,
    pub duration_s: u32,
}

impl Default for FailureDrillParams {
    /// PhotoShare's steady state — 1,200 req/s, 92 % CDN, the autoscaler's 2 tasks over
    /// two AZs, Multi-AZ Postgres — for an hour, with one task failing at 10 minutes.
    fn default() -> Self {
        use photoshare::*;
        let mut p = FailureDrillParams {
            edge_load_per_s: EDGE_LOAD_STEADY_PER_S,
            cdn_hit_ratio: CDN_HIT_RATIO,
            capacity_per_task_per_s: TASK_CAPACITY_PER_S,
            cpu_target: CPU_TARGET,
            tasks: MIN_TASKS,
            autoscaler: true,
            min_tasks: MIN_TASKS,
            max_tasks: MAX_TASKS,
            health_check: HEALTH_CHECK,
            provisioning_s: AutoscalingParams::default().provisioning_s,
            multi_az: true,
            failover_s: RDS_FAILOVER_S,
            single_az_recovery_s: SINGLE_AZ_RECOVERY_S,
            failures: vec![Injected {
                failure: Failure::Task { az: 0 },
                at_s: 600,
            }],
            slo: SLO,
            spent_before_min: 0.0,
            duration_s: 3_600,
        };
        p.tasks = p.autoscaler_choice();
        p
    }
}

impl FailureDrillParams {
    /// The task count target tracking settles on for this load: ⌈origin ÷ (capacity × target)⌉
    /// within [min, max] (the worked example's 2 at 1,200 req/s, 8 at 9,000 req/s).
    pub fn autoscaler_choice(&self) -> u32 {
        autoscaling::tasks_needed(
            self.edge_load_per_s,
            self.cdn_hit_ratio,
            self.capacity_per_task_per_s,
            self.cpu_target,
        )
        .map_or(self.tasks, |n| n.max(self.min_tasks).min(self.max_tasks))
    }

    /// Launch to first request of a new task: provisioning, then one passing check.
    pub fn startup_delay_s(&self) -> u32 {
        autoscaling::startup_delay_s(self.provisioning_s, self.health_check.interval_s)
    }
}

pub(super) fn validate(p: &FailureDrillParams) -> Vec<String> {
    let mut problems = Problems::default();
    problems.extend(autoscaling::traffic_problems(
        p.edge_load_per_s,
        p.cdn_hit_ratio,
        p.capacity_per_task_per_s,
        p.cpu_target,
    ));
    problems.extend(autoscaling::delay_problems(
        [
            ("provisioning time", p.provisioning_s),
            ("failover time", p.failover_s),
            ("single-AZ recovery time", p.single_az_recovery_s),
        ],
        MAX_DELAY_S,
    ));
    problems.check(
        (1..=MAX_TASKS).contains(&p.tasks),
        format!("The drill starts with 1 to {MAX_TASKS} tasks."),
    );
    problems.check(
        p.min_tasks >= 1 && p.min_tasks <= p.max_tasks && p.max_tasks <= MAX_TASKS,
        format!("The autoscaler's minimum must be at least 1 and at most its maximum, itself at most {MAX_TASKS}."),
    );
    problems.check(
        p.slo.is_finite() && p.slo > 0.0 && p.slo < 1.0,
        "The SLO must be above 0 % and below 100 %.".into(),
    );
    problems.check(
        within(p.spent_before_min, 0.0, MonthLength::ThirtyDays.minutes()),
        "Budget already spent must be between 0 and a month of minutes.".into(),
    );
    problems.check(
        (MIN_DURATION_S..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The drill must last {MIN_DURATION_S} to {MAX_DURATION_S} s."),
    );
    problems.check(
        p.failures.len() <= MAX_FAILURES,
        format!("At most {MAX_FAILURES} failures in one drill."),
    );
    for (i, f) in p.failures.iter().enumerate() {
        problems.check(
            f.at_s < p.duration_s,
            format!("Failure {} must strike before the drill ends.", i + 1),
        );
        if let Failure::Task { az } | Failure::Az { az } = f.failure {
            problems.check(
                az < AZS,
                format!("Failure {}: there are only {AZS} AZs.", i + 1),
            );
        }
    }
    problems.extend(rolling_deploy::health_check_problems(&p.health_check));
    problems.into_vec()
}
