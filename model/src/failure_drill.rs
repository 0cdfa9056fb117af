//! Failure drill: break one part of PhotoShare during an hour of traffic (§1, §3).
//!
//! The lesson: redundancy does not make a failure free, it makes it short. When
//! a task or a whole AZ stops answering, the load balancer keeps sending it its
//! share of requests until the health checks give up on it (3 × 15 s), then ECS
//! and the AZ spread put the capacity back. A Multi-AZ database fails over to
//! its standby in a minute or two; a single-AZ one is down until it is
//! restored. Every second in which requests fail spends the month's error
//! budget in proportion to the share that failed, and the drill shows whether
//! the 99.9 % SLO still holds afterwards.
//!
//! The simulation steps one second at a time; the series holds one point per
//! [`SAMPLE_STEP_S`] seconds, each averaging the seconds it covers.

use crate::autoscaling::{self, AutoscalingParams, Datapoint, TargetTracking};
use crate::availability::{
    budget_consumed, error_budget_minutes, AvailabilityParams, DeployPolicy, Incident, MonthLength,
};
use crate::documented::Documented;
use crate::link::{from_percent, number_text, Ignored, LinkReader, LinkState, Query};
use crate::photoshare::{self, rolling_deploy::AZ_NAMES, HealthCheck};
use crate::rolling_deploy::{self, Event};

/// Availability zones the service spreads over.
pub const AZS: usize = 2;
pub const MIN_DURATION_S: u32 = 60;
pub const MAX_DURATION_S: u32 = 4 * 3_600;
/// Largest fleet the drill simulates.
pub const MAX_TASKS: u32 = 200;
/// Most failures injected into one drill.
pub const MAX_FAILURES: usize = 8;
/// Longest provisioning, failover or recovery time accepted.
pub const MAX_DELAY_S: u32 = 24 * 3_600;
/// Highest edge load accepted, req/s.
pub const MAX_LOAD_PER_S: f64 = autoscaling::MAX_LOAD_PER_S;
/// Seconds between points of the series.
pub const SAMPLE_STEP_S: u32 = 5;

/// Multi-AZ failover time the lab uses by default.
pub const RDS_FAILOVER_S: u32 = 120;
/// How long a database with no standby is down, by default.
pub const SINGLE_AZ_RECOVERY_S: u32 = 30 * 60;
/// Where the single-AZ recovery time comes from, for the page.
pub const SINGLE_AZ_RECOVERY_SOURCE: &str = "Assumption: with no standby, RDS has to replace the \
instance, or the team restores the latest backup into another AZ. AWS publishes no time for this; \
restoring a 100 GB database commonly takes tens of minutes. The lab assumes 30 minutes.";
/// How the drill counts, for the page.
pub const MODEL_NOTE: &str = "A failed task or AZ stops answering but stays registered until the \
health checks take it out. A task lost before it was running is stopped when it should have \
started. `/healthz` checks the app only, so a database outage fails requests without taking tasks \
out. Every request that reaches the app needs the database. Shares are of the requests that reach \
the app (CDN misses); the CDN keeps answering cached reads, so this is the pessimistic count the \
worked example uses for \"users affected\".";

/// What AWS documents about the failures this drill plays, and how the lab follows it.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "No response within the timeout is a failed check; the unhealthy threshold of \
failures in a row takes a target out of service. Until then the load balancer keeps routing to it.",
        lab: "A dead task keeps its even share of requests, which fail, until its checks (every \
interval from its registration) have timed out the threshold number of times: 35 to 50 s with \
PhotoShare's 15 s / 5 s / 3.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "The service scheduler replaces a task that stops, or that a target-group health \
check finds unhealthy, to keep the desired count.",
        lab: "ECS launches the replacement when the load balancer takes the task out, in the live \
AZ with the fewest tasks. It serves after provisioning plus one passing check, a whole interval \
after it registers (a new target needs one check).",
        source: "Amazon ECS services",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html",
    },
    Documented {
        says: "A Multi-AZ DB instance fails over to its synchronous standby, typically in 60–120 \
seconds; longer with large transactions or a long recovery.",
        lab: "120 s without queries by default, the slow end, so a drill does not flatter the \
design; the new primary has no standby until RDS builds one.",
        source: "Amazon RDS Multi-AZ DB instance deployments",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
    },
    Documented {
        says: "ECSServiceAverageCPUUtilization averages the service's running tasks; target \
tracking's scale-out cooldown starts when the scale-out succeeds.",
        lab: "The drill's autoscaler is the autoscaling demo's target tracking, run on this \
drill's own provisioning and health check.",
        source: "Amazon ECS service utilization metrics",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html",
    },
];

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

/// One point of the series: the state at `t_s`, shares averaged over the next [`SAMPLE_STEP_S`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrillSample {
    pub t_s: u32,
    /// Tasks taking traffic and answering, per AZ.
    pub healthy_per_az: [u32; AZS],
    /// Failed tasks the load balancer still sends requests to.
    pub dead_in_rotation: u32,
    /// Launched, not yet healthy.
    pub starting: u32,
    /// What the answering tasks can serve, req/s at 100 % CPU.
    pub capacity_per_s: f64,
    pub origin_per_s: f64,
    /// 0–1 of origin requests failing, averaged over the point's seconds.
    pub failing_share: f64,
    pub db: DbState,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FailureDrillOutcome {
    /// Fastest and slowest the load balancer takes out a task that stops answering.
    pub detection_range_s: (u32, u32),
    /// Provisioning plus one passing check.
    pub startup_delay_s: u32,
    pub origin_per_s: f64,
    /// Whether the fleet minus one AZ can still carry the load (at 100 % CPU).
    pub survives_az_loss_capacity: bool,
    pub samples: Vec<DrillSample>,
    /// In time order.
    pub events: Vec<Event>,
    pub origin_requests: f64,
    pub failed_requests: f64,
    /// Σ share failing × seconds, in minutes: what the budget is charged.
    pub degraded_min: f64,
    /// Minutes in which any request failed, however few.
    pub affected_min: f64,
    pub peak_failing_share: f64,
    /// The least the answering tasks could serve at any second, req/s at 100 % CPU.
    pub lowest_capacity_per_s: f64,
    pub budget_min: f64,
    /// 0–1 of the month's budget the drill spends.
    pub consumed: f64,
    /// After what was spent before and the drill; negative when overspent.
    pub left_min: f64,
    pub slo_holds: bool,
    pub policy: DeployPolicy,
    /// After the last failure: the first second with no failing request, the database up and
    /// at least as many tasks serving as at the start. `None`: not within the drill.
    pub back_to_normal_s: Option<u32>,
    /// Fargate task-hours billed (from launch) over the drill.
    pub task_hours: f64,
}

impl FailureDrillOutcome {
    /// The point of the series that covers second `t_s` (the last one past the end).
    pub fn sample_at(&self, t_s: u32) -> Option<&DrillSample> {
        let i = (t_s / SAMPLE_STEP_S) as usize;
        self.samples.get(i).or(self.samples.last())
    }
}

struct Task {
    id: u32,
    az: usize,
    /// First second its container runs and it is registered: ECS's CPU metric counts it, and
    /// the load balancer's checks start an interval later.
    registered_s: u32,
    /// First second it takes traffic.
    serving_from_s: u32,
    dead_s: Option<u32>,
    /// Stopped, or known dead: no longer counted by ECS nor routed to.
    gone: bool,
}

impl Task {
    fn serving(&self, t: u32) -> bool {
        !self.gone && self.dead_s.is_none() && self.serving_from_s <= t
    }
    fn dead_in_rotation(&self) -> bool {
        !self.gone && self.dead_s.is_some_and(|d| self.serving_from_s <= d)
    }
    fn starting(&self, t: u32) -> bool {
        !self.gone && self.dead_s.is_none() && self.serving_from_s > t
    }
    /// Counted by ECSServiceAverageCPUUtilization: running, in service or still being checked.
    fn running(&self, t: u32) -> bool {
        !self.gone && self.dead_s.is_none() && self.registered_s <= t
    }
    /// When the task stops counting: taken out by the checks, or, if it died before it was
    /// registered, when it should have started.
    fn out_at(&self, hc: &HealthCheck, dead_s: u32) -> u32 {
        if self.registered_s <= dead_s {
            hc.taken_out_at(self.registered_s, dead_s)
        } else {
            self.registered_s
        }
    }
    fn label(&self) -> String {
        format!("Task {} ({})", self.id, az_name(self.az))
    }
}

struct Sim<'p> {
    p: &'p FailureDrillParams,
    tasks: Vec<Task>,
    desired: u32,
    lost_az: [bool; AZS],
    db: DbState,
    db_until_s: Option<u32>,
    events: Vec<Event>,
    scaler: TargetTracking,
    scaler_params: AutoscalingParams,
    /// This minute's served requests and running task-seconds, for the CPU datapoint.
    minute_served: f64,
    minute_task_s: u64,
    task_seconds: u64,
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
        let serving = count(&sim.tasks, |k| k.serving(t));
        let dead = count(&sim.tasks, Task::dead_in_rotation);
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
        sim.minute_task_s += u64::from(count(&sim.tasks, |k| k.running(t)));
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
            let mut healthy_per_az = [0; AZS];
            for k in sim.tasks.iter().filter(|k| k.serving(t)) {
                healthy_per_az[k.az] += 1;
            }
            samples.push(DrillSample {
                t_s: t,
                healthy_per_az,
                dead_in_rotation: dead,
                starting: count(&sim.tasks, |k| k.starting(t)),
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
    events.sort_by_key(|e| e.t_s);
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
    fn new(p: &'p FailureDrillParams) -> Sim<'p> {
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

    fn event(&mut self, t_s: u32, text: String) {
        self.events.push(Event { t_s, text });
    }

    fn step(&mut self, t: u32) {
        let failures: Vec<Injected> = self
            .p
            .failures
            .iter()
            .copied()
            .filter(|f| f.at_s == t)
            .collect();
        for f in failures {
            self.inject(f.failure, t);
        }
        self.detect(t);
        self.database_timers(t);
        if self.p.autoscaler && t > 0 && t.is_multiple_of(autoscaling::DATAPOINT_S) {
            self.autoscale(t);
        }
        self.reconcile(t);
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
        self.task_seconds += u64::from(count(&self.tasks, |k| !k.gone));
    }

    fn inject(&mut self, failure: Failure, t: u32) {
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

    fn az_hits_database(&mut self, az: usize, t: u32) {
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

    fn database_fails(&mut self, t: u32) {
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
    fn recover(&mut self, t: u32) {
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

    fn database_timers(&mut self, t: u32) {
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

    fn detect(&mut self, t: u32) {
        let hc = self.p.health_check;
        let mut found = Vec::new();
        for k in self.tasks.iter_mut().filter(|k| !k.gone) {
            let Some(dead_s) = k.dead_s else { continue };
            if k.out_at(&hc, dead_s) == t {
                k.gone = true;
                found.push((k.label(), t - dead_s, k.registered_s <= dead_s));
            }
        }
        let (checked, unstarted): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.2);
        // One line per delay: tasks that died at different moments are told apart.
        let mut delays: Vec<u32> = checked.iter().map(|f| f.1).collect();
        delays.sort_unstable();
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

    fn autoscale(&mut self, t: u32) {
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
    fn reconcile(&mut self, t: u32) {
        let running = count(&self.tasks, |k| !k.gone);
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

fn count(tasks: &[Task], f: impl Fn(&Task) -> bool) -> u32 {
    tasks.iter().filter(|k| f(k)).count() as u32
}

fn az_name(az: usize) -> &'static str {
    AZ_NAMES.get(az).copied().unwrap_or("?")
}

fn validate(p: &FailureDrillParams) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    let within = |x: f64, lo: f64, hi: f64| x.is_finite() && (lo..=hi).contains(&x);
    check(
        within(p.edge_load_per_s, 0.0, MAX_LOAD_PER_S),
        format!("The load must be between 0 and {MAX_LOAD_PER_S} req/s."),
    );
    check(
        within(p.cdn_hit_ratio, 0.0, 1.0),
        "The CDN hit ratio must be between 0 and 100 %.".into(),
    );
    check(
        p.capacity_per_task_per_s.is_finite() && p.capacity_per_task_per_s > 0.0,
        "A task's capacity must be above 0 req/s.".into(),
    );
    check(
        p.cpu_target.is_finite() && p.cpu_target > 0.0 && p.cpu_target < 1.0,
        "The CPU target must be above 0 and below 100 %.".into(),
    );
    check(
        (1..=MAX_TASKS).contains(&p.tasks),
        format!("The drill starts with 1 to {MAX_TASKS} tasks."),
    );
    check(
        p.min_tasks >= 1 && p.min_tasks <= p.max_tasks && p.max_tasks <= MAX_TASKS,
        format!("The autoscaler's minimum must be at least 1 and at most its maximum, itself at most {MAX_TASKS}."),
    );
    let hc = &p.health_check;
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
    for (name, value) in [
        ("provisioning time", p.provisioning_s),
        ("failover time", p.failover_s),
        ("single-AZ recovery time", p.single_az_recovery_s),
    ] {
        check(
            value <= MAX_DELAY_S,
            format!("The {name} must be at most {MAX_DELAY_S} s."),
        );
    }
    check(
        p.slo.is_finite() && p.slo > 0.0 && p.slo < 1.0,
        "The SLO must be above 0 % and below 100 %.".into(),
    );
    check(
        within(p.spent_before_min, 0.0, MonthLength::ThirtyDays.minutes()),
        "Budget already spent must be between 0 and a month of minutes.".into(),
    );
    check(
        (MIN_DURATION_S..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The drill must last {MIN_DURATION_S} to {MAX_DURATION_S} s."),
    );
    check(
        p.failures.len() <= MAX_FAILURES,
        format!("At most {MAX_FAILURES} failures in one drill."),
    );
    for (i, f) in p.failures.iter().enumerate() {
        check(
            f.at_s < p.duration_s,
            format!("Failure {} must strike before the drill ends.", i + 1),
        );
        if let Failure::Task { az } | Failure::Az { az } = f.failure {
            check(
                az < AZS,
                format!("Failure {}: there are only {AZS} AZs.", i + 1),
            );
        }
    }
    problems
}

const AZ_SLUGS: [&str; AZS] = ["a", "b"];

fn failures_text(failures: &[Injected]) -> String {
    failures
        .iter()
        .map(|f| {
            let what = match f.failure {
                Failure::Task { az } => format!("task:{}", AZ_SLUGS.get(az).unwrap_or(&"?")),
                Failure::Az { az } => format!("az:{}", AZ_SLUGS.get(az).unwrap_or(&"?")),
                Failure::Database => "db".to_string(),
            };
            format!("{what}@{}", f.at_s)
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_failures(text: &str) -> Result<Vec<Injected>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if i >= MAX_FAILURES {
            return Err(format!("more than {MAX_FAILURES} failures"));
        }
        let bad = || {
            format!(
                "failure {}: expected task:a@600, az:b@900 or db@1200",
                i + 1
            )
        };
        let (what, at) = item.split_once('@').ok_or_else(bad)?;
        let at_s = at
            .parse::<u32>()
            .ok()
            .filter(|&s| s < MAX_DURATION_S)
            .ok_or_else(bad)?;
        let az = |slug: &str| AZ_SLUGS.iter().position(|s| *s == slug).ok_or_else(bad);
        let failure = match what.split_once(':') {
            None if what == "db" => Failure::Database,
            Some(("task", slug)) => Failure::Task { az: az(slug)? },
            Some(("az", slug)) => Failure::Az { az: az(slug)? },
            _ => return Err(bad()),
        };
        out.push(Injected { failure, at_s });
    }
    Ok(out)
}

/// Link format: `load=1200&hit=92&cap=150&target=60&n=2&as=1&min=2&max=20&hi=15&hto=5&ht=2&ut=3&prov=30&maz=1&fo=120&rec=1800&fail=task:a@600,az:b@900,db@1200&slo=99.9&spent=0&dur=3600`.
/// Shares in percent, times in seconds.
impl LinkState for FailureDrillParams {
    fn to_query(&self) -> String {
        let d = FailureDrillParams::default();
        let mut pairs = Vec::new();
        let mut number = |key, x: f64, default: f64, percent: bool| {
            if x != default {
                pairs.push((key, number_text(if percent { x * 100.0 } else { x })));
            }
        };
        number("load", self.edge_load_per_s, d.edge_load_per_s, false);
        number("hit", self.cdn_hit_ratio, d.cdn_hit_ratio, true);
        number(
            "cap",
            self.capacity_per_task_per_s,
            d.capacity_per_task_per_s,
            false,
        );
        number("target", self.cpu_target, d.cpu_target, true);
        number("slo", self.slo, d.slo, true);
        number("spent", self.spent_before_min, d.spent_before_min, false);
        let hc = &self.health_check;
        let dh = &d.health_check;
        for (key, x, default) in [
            ("n", self.tasks, d.tasks),
            ("min", self.min_tasks, d.min_tasks),
            ("max", self.max_tasks, d.max_tasks),
            ("hi", hc.interval_s, dh.interval_s),
            ("hto", hc.timeout_s, dh.timeout_s),
            ("ht", hc.healthy_threshold, dh.healthy_threshold),
            ("ut", hc.unhealthy_threshold, dh.unhealthy_threshold),
            ("prov", self.provisioning_s, d.provisioning_s),
            ("fo", self.failover_s, d.failover_s),
            ("rec", self.single_az_recovery_s, d.single_az_recovery_s),
            ("dur", self.duration_s, d.duration_s),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        for (key, on, default) in [
            ("as", self.autoscaler, d.autoscaler),
            ("maz", self.multi_az, d.multi_az),
        ] {
            if on != default {
                pairs.push((key, if on { "1" } else { "0" }.to_string()));
            }
        }
        if self.failures != d.failures {
            pairs.push(("fail", failures_text(&self.failures)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = FailureDrillParams::default();
        let mut r = LinkReader::new(query);
        if let Some(x) = r.number("load", 0.0, MAX_LOAD_PER_S) {
            p.edge_load_per_s = x;
        }
        if let Some(x) = r.number("hit", 0.0, 100.0) {
            p.cdn_hit_ratio = from_percent(x);
        }
        if let Some(x) = r.number("cap", 0.01, MAX_LOAD_PER_S) {
            p.capacity_per_task_per_s = x;
        }
        if let Some(x) = r.number("target", 1.0, 99.0) {
            p.cpu_target = from_percent(x);
        }
        if let Some(x) = r.number("slo", 1.0, 99.9999) {
            p.slo = from_percent(x);
        }
        if let Some(x) = r.number("spent", 0.0, MonthLength::ThirtyDays.minutes()) {
            p.spent_before_min = x;
        }
        let hc = &mut p.health_check;
        for (key, x, lo, hi) in [
            ("n", &mut p.tasks, 1, MAX_TASKS),
            ("min", &mut p.min_tasks, 1, MAX_TASKS),
            ("max", &mut p.max_tasks, 1, MAX_TASKS),
            ("hi", &mut hc.interval_s, 5, 300),
            ("hto", &mut hc.timeout_s, 2, 120),
            ("ht", &mut hc.healthy_threshold, 2, 10),
            ("ut", &mut hc.unhealthy_threshold, 2, 10),
            ("prov", &mut p.provisioning_s, 0, MAX_DELAY_S),
            ("fo", &mut p.failover_s, 0, MAX_DELAY_S),
            ("rec", &mut p.single_az_recovery_s, 0, MAX_DELAY_S),
            ("dur", &mut p.duration_s, MIN_DURATION_S, MAX_DURATION_S),
        ] {
            if let Some(v) = r.whole(key, lo, hi) {
                *x = v;
            }
        }
        if let Some(on) = r.flag("as") {
            p.autoscaler = on;
        }
        if let Some(on) = r.flag("maz") {
            p.multi_az = on;
        }
        if let Some(text) = r.text("fail") {
            match parse_failures(text) {
                Ok(failures) => p.failures = failures,
                Err(why) => r.ignore("fail", text, why),
            }
        }
        repair(&mut p, &mut r);
        (p, r.finish())
    }
}

/// Values each in range may still clash; keep what works and say what was dropped.
fn repair(p: &mut FailureDrillParams, r: &mut LinkReader<'_>) {
    let d = FailureDrillParams::default();
    rolling_deploy::repair_health_check(&mut p.health_check, r);
    if p.min_tasks > p.max_tasks {
        r.ignore(
            "min",
            &p.min_tasks.to_string(),
            format!(
                "above the maximum of {}; the defaults {}–{} used",
                p.max_tasks, d.min_tasks, d.max_tasks
            ),
        );
        p.min_tasks = d.min_tasks;
        p.max_tasks = d.max_tasks;
    }
    let duration_s = p.duration_s;
    if p.failures.iter().any(|f| f.at_s >= duration_s) {
        r.ignore(
            "fail",
            &failures_text(&p.failures),
            "failures after the drill's end dropped".into(),
        );
        p.failures.retain(|f| f.at_s < duration_s);
    }
}
