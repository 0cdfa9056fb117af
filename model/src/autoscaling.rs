//! Autoscaling as a control loop (§3 of the worked example).
//!
//! The lesson: a scaler only sees load through a lagging metric and only adds
//! capacity that arrives late, so a sudden spike is always met by a few minutes
//! of saturated tasks and dropped requests. Cooldowns and a conservative
//! scale-in rule trade those dropped requests against task-hours: scale in too
//! eagerly and the fleet flaps. The same load is run through AWS target
//! tracking, the Kubernetes HPA and a fixed fleet, side by side.
//!
//! The simulation steps one second at a time; the series it returns hold one
//! point per [`AutoscalingOutcome::series_step_s`] seconds, so a view animates a
//! run by revealing its points up to a moving time rather than re-simulating.

use std::collections::VecDeque;

use crate::documented::Documented;
use crate::link::{from_percent, number_text, Ignored, LinkReader, LinkState, Query};
use crate::money::{Decimal, Usd};
use crate::photoshare;

/// Longest run: two days, one second per step.
pub const MAX_DURATION_S: u32 = 2 * 24 * 3_600;
/// Shortest run: one metric datapoint.
pub const MIN_DURATION_S: u32 = 60;
/// Largest fleet the lab simulates.
pub const MAX_TASKS_LIMIT: u32 = 1_000;
/// Highest edge load accepted, req/s.
pub const MAX_LOAD_PER_S: f64 = 10_000_000.0;
/// Most points in a custom load profile.
pub const MAX_PROFILE_POINTS: usize = 100;
/// Longest cooldown or provisioning time accepted.
pub const MAX_DELAY_S: u32 = 3_600;
/// The target group's health-check interval, as Elastic Load Balancing allows it.
pub const HEALTH_CHECK_INTERVAL_S: (u32, u32) = (5, 300);
/// Most points in one series; longer runs are sampled more coarsely.
pub const MAX_SERIES_POINTS: u32 = 1_440;
/// Finest series resolution.
pub const MIN_SERIES_STEP_S: u32 = 10;

/// One CloudWatch datapoint: the metric averaged over a minute.
pub const DATAPOINT_S: u32 = 60;
/// Target tracking scales out once this many datapoints in a row are above target.
pub const SCALE_OUT_DATAPOINTS: u32 = 3;
/// The HPA's sync period, its scale-up rate-limit period, and its defaults.
pub const HPA_SYNC_S: u32 = 15;
pub const HPA_TOLERANCE: f64 = 0.10;
pub const HPA_SCALE_DOWN_WINDOW_S: u32 = 300;
/// Recommendations the scale-down window holds: 300 s of 15 s syncs.
const HPA_WINDOW_SYNCS: usize = (HPA_SCALE_DOWN_WINDOW_S / HPA_SYNC_S) as usize;
/// In a diurnal day the load bottoms out at 04:00 and peaks twelve hours later.
pub const DIURNAL_TROUGH_S: u32 = 4 * 3_600;
const DAY_S: f64 = 86_400.0;

/// How the model treats a saturated fleet, for the page.
pub const OVERLOAD_MODEL: &str = "A task serves at most its capacity per second; CPU cannot go \
above 100 %. Requests beyond what the tasks in service can serve are dropped (the load balancer \
answers 503 or the client times out); nothing is queued for later. A minute with any dropped \
request counts as a bad minute.";

/// Why a fleet can overshoot, for the page: the lesson the worked example's settings teach.
pub const WARM_UP_NOTE: &str = "Warm-up matters. When a new task takes as long to serve as the \
scale-out cooldown lasts (60 s each in the worked example) or longer, the cooldown is over \
before the tasks just added have done any work: the next datapoint still shows the old tasks \
saturated, the scaler multiplies the already raised desired count by that CPU, and the fleet \
overshoots what the load needs. The slow scale-in then takes it back over many minutes. A longer \
scale-out cooldown, or tasks that start faster, avoid the overshoot; a larger minimum avoids \
the wait.";

/// What AWS and Kubernetes document about the mechanisms this demo models, and how it follows them.
pub const DOCUMENTED: [Documented; 6] = [
    Documented {
        says: "Target tracking adds capacity in proportion to how far the metric is above the \
target, and removes it more cautiously, only once the metric is clearly below. AWS does not \
publish the formula.",
        lab: "CPU averaged into one-minute datapoints; 3 in a row above the target ask for \
⌈desired count × CPU ÷ target⌉ tasks, again every minute the breach lasts. Scale-in follows the \
chosen rule (conservative: 15 datapoints 10 % below the target, half the spare tasks at a time). \
The count stays within [min, max].",
        source: "How target tracking scaling for Application Auto Scaling works",
        url: "https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html",
    },
    Documented {
        says: "The scale-out cooldown starts once a scale-out succeeds. Until it ends, the policy \
raises the desired capacity again only for a larger scale-out, and the capacity just added counts \
toward the next one.",
        lab: "The cooldown runs from the moment the desired count is raised, not from when the \
new tasks serve. Inside it the proposal is worked out on the tasks the metric measured and goes \
ahead only if it is above the desired count.",
        source: "TargetTrackingScalingPolicyConfiguration: ScaleOutCooldown",
        url: "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html",
    },
    Documented {
        says: "A scale-out during the scale-in cooldown goes ahead at once, and that cooldown stops.",
        lab: "A scale-out ends the scale-in cooldown.",
        source: "TargetTrackingScalingPolicyConfiguration: ScaleInCooldown",
        url: "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html",
    },
    Documented {
        says: "The service's CPU utilization is the CPU its tasks use over the CPU their task \
definition reserves, averaged over the service's tasks; ECS reports it every minute for tasks in \
the RUNNING state.",
        lab: "ECSServiceAverageCPUUtilization averages every running task: one whose container \
runs but which still waits for its first health check counts, idle, and lowers the average.",
        source: "Amazon ECS service utilization metrics",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html",
    },
    Documented {
        says: "After a target is registered it must pass one health check to be healthy; checks \
come every interval (15 s in PhotoShare's target group). The healthy threshold is for an \
unhealthy target that recovers.",
        lab: "\"Scale-out in ~60 s\" (§5), re-derived: Fargate provisions a task until it runs \
and is registered, 45 s (an assumption: AWS publishes no figure), and its first check comes a \
whole interval later (AWS does not say when; the lab's reading), 45 + 15 = 60 s from the \
scale-out to its first request.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "The Horizontal Pod Autoscaler asks for ⌈ready pods × metric ÷ target⌉ every 15 s, \
ignores changes within a 10 % tolerance, leaves pods not yet ready out of a scale-up, and scales \
down only to the highest recommendation of the last 300 s.",
        lab: "Those defaults, with the default scale-up limit (double, or 4 more pods, per 15 s).",
        source: "Kubernetes: Horizontal Pod Autoscaling",
        url: "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/",
    },
];

/// A careful reader's note on the worked example's burst, with its source.
pub const BURST_NOTE: &str = "The worked example's goal is to absorb a \"10× traffic spike\", but \
its own figures, 1,200 req/s steady with bursts to 9,000 req/s, make a 7.5× burst. The lab keeps \
the printed 9,000 req/s (peak ÷ base 7.5 by default); set it to 10 to try the goal's spike.";
pub const BURST_NOTE_SOURCE: &str = "The worked example, Goal: \"absorbs a 10× traffic spike\" \
and \"~1,200 requests/second with bursts to ~9,000 req/s\".";

/// Why the lab reads 150 req/s as a task's full capacity, for the page.
pub const CAPACITY_NOTE: &str = "The worked example says a task handles about 150 req/s at 60 % \
CPU, but sizes the fleet with ⌈L ÷ (150 × 0.60)⌉ = ⌈L ÷ 90⌉, which treats 150 req/s as what a \
task serves at 100 % CPU. The lab follows the formula, because every task count the worked \
example prints (14, 2 and 8) comes from it: a task saturates at 150 req/s, and at the 60 % target \
it serves 90 req/s.";

/// How a load curve is shaped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadProfile {
    /// The base load all along.
    Steady,
    /// Jumps to base × spike factor at the spike's start, drops back at its end.
    #[default]
    StepSpike,
    /// Climbs to the peak over the ramp time, holds, falls back over the ramp time.
    RampSpike,
    /// A day: the base load at 04:00, base × spike factor at 16:00, a smooth curve between.
    Diurnal,
    /// The user's own points, linear between them.
    Custom,
}

impl LoadProfile {
    pub const ALL: [LoadProfile; 5] = [
        LoadProfile::Steady,
        LoadProfile::StepSpike,
        LoadProfile::RampSpike,
        LoadProfile::Diurnal,
        LoadProfile::Custom,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            LoadProfile::Steady => "steady",
            LoadProfile::StepSpike => "step",
            LoadProfile::RampSpike => "ramp",
            LoadProfile::Diurnal => "diurnal",
            LoadProfile::Custom => "custom",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LoadProfile> {
        LoadProfile::ALL.into_iter().find(|p| p.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            LoadProfile::Steady => "Steady",
            LoadProfile::StepSpike => "Spike (step)",
            LoadProfile::RampSpike => "Spike (ramp)",
            LoadProfile::Diurnal => "Diurnal day",
            LoadProfile::Custom => "Custom",
        }
    }
}

/// A point of a load curve: edge load at a time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoadPoint {
    pub t_s: u32,
    pub edge_per_s: f64,
}

/// How the fleet's size is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// AWS Application Auto Scaling target tracking, as the worked example configures it.
    TargetTracking,
    /// Kubernetes Horizontal Pod Autoscaler with its default behaviour.
    Hpa,
    /// No autoscaling: a fixed number of tasks.
    Fixed,
}

impl Policy {
    pub const ALL: [Policy; 3] = [Policy::TargetTracking, Policy::Hpa, Policy::Fixed];

    pub fn slug(self) -> &'static str {
        match self {
            Policy::TargetTracking => "tt",
            Policy::Hpa => "hpa",
            Policy::Fixed => "fixed",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// What its CPU series averages: what the policy's scaler sees.
    pub fn cpu_meaning(self) -> &'static str {
        match self {
            Policy::TargetTracking => "CPU as ECS averages it (every running task)",
            Policy::Hpa => "CPU of the ready pods",
            Policy::Fixed => "CPU of the tasks in service",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Policy::TargetTracking => "Target tracking (AWS)",
            Policy::Hpa => "Kubernetes HPA",
            Policy::Fixed => "Fixed fleet",
        }
    }
}

/// When target tracking removes tasks, and how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScaleInRule {
    /// 15 datapoints in a row at least 10 % below target; removes half the spare tasks at a time.
    #[default]
    Conservative,
    /// 3 datapoints in a row below target; removes every spare task at once.
    Eager,
}

impl ScaleInRule {
    pub const ALL: [ScaleInRule; 2] = [ScaleInRule::Conservative, ScaleInRule::Eager];

    pub fn slug(self) -> &'static str {
        match self {
            ScaleInRule::Conservative => "conservative",
            ScaleInRule::Eager => "eager",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ScaleInRule> {
        ScaleInRule::ALL.into_iter().find(|r| r.slug() == slug)
    }

    /// Datapoints in a row below the line before a scale-in.
    pub fn datapoints(self) -> u32 {
        match self {
            ScaleInRule::Conservative => 15,
            ScaleInRule::Eager => 3,
        }
    }

    /// How far below the target a datapoint must be to count: 0.10 means below 90 % of target.
    pub fn margin(self) -> f64 {
        match self {
            ScaleInRule::Conservative => 0.10,
            ScaleInRule::Eager => 0.0,
        }
    }

    /// The rule in words, for the page.
    pub fn explanation(self) -> &'static str {
        match self {
            ScaleInRule::Conservative => "Scale in only after 15 one-minute datapoints in a row at \
least 10 % below the target (AWS's documented 15 datapoints; the 10 % is the lab's reading of \
\"clearly below\"). Spare tasks are those beyond ⌈tasks × CPU ÷ target⌉; each scale-in removes half \
of them, rounded down but at least one. AWS calls scale-in gradual without publishing how much it \
removes.",
            ScaleInRule::Eager => "Scale in after 3 one-minute datapoints in a row below the target, \
removing every spare task at once. Not what AWS does: it shows why a scaler that removes capacity \
as fast as it adds it makes the fleet flap.",
        }
    }
}

/// Everything the autoscaling demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct AutoscalingParams {
    pub profile: LoadProfile,
    /// The quiet load at the edge, req/s: the whole of a steady load, the floor of the others.
    pub edge_load_per_s: f64,
    /// Peak ÷ base load of a spike or a diurnal day. The default 7.5 takes 1,200 req/s to the
    /// worked example's 9,000 req/s burst; its goal of absorbing a "10× spike" is 10.
    pub spike_factor: f64,
    pub spike_start_s: u32,
    /// How long a spike holds its peak.
    pub spike_length_s: u32,
    /// How long a ramp spike takes to climb, and to fall back.
    pub ramp_s: u32,
    /// The custom profile, sorted by time.
    pub custom_points: Vec<LoadPoint>,
    /// 0–0.5: each second's load is scaled by a random factor in 1 ± noise.
    pub noise: f64,
    pub seed: u64,
    pub cdn_hit_ratio: f64,
    /// Requests per second one task serves at 100 % CPU.
    pub capacity_per_task_per_s: f64,
    /// The CPU both autoscalers aim for, 0–1.
    pub cpu_target: f64,
    pub min_tasks: u32,
    pub max_tasks: u32,
    pub scale_out_cooldown_s: u32,
    pub scale_in_cooldown_s: u32,
    pub scale_in_rule: ScaleInRule,
    /// Launch to a running container registered with the target group.
    pub provisioning_s: u32,
    /// The target group's health-check interval: a new task serves after its first check.
    pub health_check_interval_s: u32,
    /// The policies to run on the same load, in display order: the page shows them side by side.
    pub policies: Vec<Policy>,
    pub fixed_tasks: u32,
    pub duration_s: u32,
}

impl Default for AutoscalingParams {
    /// PhotoShare: 1,200 req/s at the edge with a step to the 9,000 req/s burst for half an hour,
    /// the 92 % CDN, 2–20 tasks tracking 60 % CPU with 60 s / 300 s cooldowns, over two hours;
    /// target tracking beside the HPA.
    fn default() -> Self {
        use photoshare::*;
        AutoscalingParams {
            profile: LoadProfile::StepSpike,
            edge_load_per_s: EDGE_LOAD_STEADY_PER_S,
            spike_factor: EDGE_LOAD_BURST_PER_S / EDGE_LOAD_STEADY_PER_S,
            spike_start_s: 20 * 60,
            spike_length_s: 30 * 60,
            ramp_s: 10 * 60,
            custom_points: default_custom_points(),
            noise: 0.0,
            seed: 1,
            cdn_hit_ratio: CDN_HIT_RATIO,
            capacity_per_task_per_s: TASK_CAPACITY_PER_S,
            cpu_target: CPU_TARGET,
            min_tasks: MIN_TASKS,
            max_tasks: MAX_TASKS,
            scale_out_cooldown_s: SCALE_OUT_COOLDOWN_S,
            scale_in_cooldown_s: SCALE_IN_COOLDOWN_S,
            scale_in_rule: ScaleInRule::Conservative,
            provisioning_s: autoscaling::SCALE_OUT_S
                .saturating_sub(HEALTH_CHECK.seconds_to_first_pass()),
            health_check_interval_s: HEALTH_CHECK.interval_s,
            policies: vec![Policy::TargetTracking, Policy::Hpa],
            fixed_tasks: BASELINE_DESIRED_COUNT,
            duration_s: 2 * 3_600,
        }
    }
}

/// The custom profile a student starts from: the burst again, as a ramp they can drag.
fn default_custom_points() -> Vec<LoadPoint> {
    let steady = photoshare::EDGE_LOAD_STEADY_PER_S;
    let burst = photoshare::EDGE_LOAD_BURST_PER_S;
    [
        (0, steady),
        (1_200, steady),
        (1_800, burst),
        (3_000, burst),
        (3_600, steady),
    ]
    .into_iter()
    .map(|(t_s, edge_per_s)| LoadPoint { t_s, edge_per_s })
    .collect()
}

/// Ready-made scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    WorkedExample,
    /// The same burst with a scale-out cooldown longer than a task's start-up.
    LongerCooldown,
    Flapping,
    DiurnalDay,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::WorkedExample,
        Preset::LongerCooldown,
        Preset::Flapping,
        Preset::DiurnalDay,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Preset::WorkedExample => "Worked example: the 9,000 req/s burst",
            Preset::LongerCooldown => "The same burst, 120 s scale-out cooldown",
            Preset::Flapping => "Flapping: short cooldowns, eager scale-in",
            Preset::DiurnalDay => "A diurnal day",
        }
    }

    pub fn summary(self) -> &'static str {
        match self {
            Preset::WorkedExample => {
                "PhotoShare's policy meets a step from 1,200 to 9,000 req/s: \
three minutes of saturation before the first scale-out, then 2 → 4 → 6 → 9 → 11 tasks, three more \
than the burst needs: a new task takes as long to serve as the 60 s cooldown lasts."
            }
            Preset::LongerCooldown => {
                "The worked example's burst with the scale-out cooldown at \
120 s, longer than a task's 60 s start-up: every decision sees the last tasks at work, and the \
fleet lands on the 8 tasks the burst needs, at the price of one more minute of drops."
            }
            Preset::Flapping => {
                "Load swings every 10 minutes between 5,000 and 7,500 req/s. With \
60 s / 60 s cooldowns and an eager scale-in the task count goes up and down all along; switch to \
the worked example's 60 s / 300 s and conservative scale-in and it holds still."
            }
            Preset::DiurnalDay => {
                "24 hours from a night-time 1,200 req/s to a 9,000 req/s \
afternoon peak: what autoscaling saves against a fixed fleet."
            }
        }
    }

    pub fn params(self) -> AutoscalingParams {
        let d = AutoscalingParams::default();
        match self {
            Preset::WorkedExample => d,
            Preset::LongerCooldown => AutoscalingParams {
                scale_out_cooldown_s: 120,
                ..d
            },
            Preset::Flapping => AutoscalingParams {
                profile: LoadProfile::Custom,
                custom_points: (0..=24)
                    .map(|i| LoadPoint {
                        t_s: i * 300,
                        edge_per_s: if i % 2 == 0 { 7_500.0 } else { 5_000.0 },
                    })
                    .collect(),
                scale_out_cooldown_s: 60,
                scale_in_cooldown_s: 60,
                scale_in_rule: ScaleInRule::Eager,
                policies: vec![Policy::TargetTracking, Policy::Hpa],
                ..d
            },
            Preset::DiurnalDay => AutoscalingParams {
                profile: LoadProfile::Diurnal,
                duration_s: 24 * 3_600,
                policies: vec![Policy::TargetTracking, Policy::Fixed],
                ..d
            },
        }
    }
}

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

/// The load's shape as points, straight lines between (diurnal: one point a minute).
pub fn edge_profile(p: &AutoscalingParams) -> Vec<LoadPoint> {
    let base = p.edge_load_per_s;
    let peak = base * p.spike_factor;
    let point = |t_s: u32, edge_per_s: f64| LoadPoint { t_s, edge_per_s };
    match p.profile {
        LoadProfile::Steady => vec![point(0, base)],
        LoadProfile::StepSpike => {
            let end = p.spike_start_s.saturating_add(p.spike_length_s);
            vec![
                point(0, base),
                point(p.spike_start_s, base),
                point(p.spike_start_s, peak),
                point(end, peak),
                point(end, base),
            ]
        }
        LoadProfile::RampSpike => {
            let top = p.spike_start_s.saturating_add(p.ramp_s);
            let end = top.saturating_add(p.spike_length_s);
            vec![
                point(0, base),
                point(p.spike_start_s, base),
                point(top, peak),
                point(end, peak),
                point(end.saturating_add(p.ramp_s), base),
            ]
        }
        LoadProfile::Diurnal => (0..=p.duration_s.min(MAX_DURATION_S).div_ceil(60))
            .map(|minute| {
                let t_s = minute * 60;
                let phase = (f64::from(t_s) - f64::from(DIURNAL_TROUGH_S)) / DAY_S;
                let rise = (1.0 - (std::f64::consts::TAU * phase).cos()) / 2.0;
                point(t_s, base + (peak - base) * rise)
            })
            .collect(),
        LoadProfile::Custom => p.custom_points.clone(),
    }
}

/// The edge load of every second, noise included.
fn edge_per_second(p: &AutoscalingParams, profile: &[LoadPoint]) -> Vec<f64> {
    let seconds = p.duration_s.min(MAX_DURATION_S) as usize;
    let mut edge = Vec::with_capacity(seconds);
    let (Some(first), Some(last)) = (profile.first(), profile.last()) else {
        edge.resize(seconds, 0.0);
        return edge;
    };
    edge.resize((first.t_s as usize).min(seconds), first.edge_per_s);
    // Segment by segment, so each second costs one multiply-add; a zero-length
    // segment (a step) fills nothing.
    for pair in profile.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let end = (b.t_s as usize).min(seconds);
        if end > edge.len() {
            let slope = (b.edge_per_s - a.edge_per_s) / f64::from(b.t_s - a.t_s);
            let from = edge.len();
            edge.extend((from..end).map(|t| a.edge_per_s + slope * (t as f64 - f64::from(a.t_s))));
        }
    }
    edge.resize(seconds, last.edge_per_s);
    if p.noise > 0.0 {
        let mut rng = SplitMix64(p.seed);
        for load in &mut edge {
            *load = (*load * (1.0 + p.noise * (2.0 * rng.next_unit() - 1.0))).max(0.0);
        }
    }
    edge
}

/// A tiny deterministic generator (splitmix64), enough for load noise.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One metric datapoint as the scaler sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Datapoint {
    /// Average CPU of the tasks in service, 0–1.
    pub cpu: f64,
    /// Average number of tasks in service while it was measured.
    pub measured_tasks: f64,
}

/// The target-tracking scaler's memory between datapoints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetTracking {
    above: u32,
    below: u32,
    /// Until then, capacity just added counts as already there.
    scale_out_cooldown_until_s: Option<u32>,
    scale_in_cooldown_until_s: Option<u32>,
}

impl TargetTracking {
    /// Takes the datapoint that ended at `t_s` and returns the new desired count.
    pub fn on_datapoint(
        &mut self,
        p: &AutoscalingParams,
        t_s: u32,
        point: Datapoint,
        desired: u32,
    ) -> u32 {
        let target = p.cpu_target;
        let rule = p.scale_in_rule;
        self.above = if point.cpu > target {
            self.above.saturating_add(1)
        } else {
            0
        };
        self.below = if point.cpu < target * (1.0 - rule.margin()) {
            self.below.saturating_add(1)
        } else {
            0
        };
        let active = |until: Option<u32>| until.is_some_and(|u| t_s < u);
        if self.above >= SCALE_OUT_DATAPOINTS {
            let base = if active(self.scale_out_cooldown_until_s) {
                point.measured_tasks
            } else {
                f64::from(desired)
            };
            let proposal = bounded(
                ceil_count(base * point.cpu / target),
                p.min_tasks,
                p.max_tasks,
            );
            if proposal > desired {
                // The cooldown counts from the scale-out itself, not from the new tasks serving.
                self.scale_out_cooldown_until_s = Some(t_s.saturating_add(p.scale_out_cooldown_s));
                self.scale_in_cooldown_until_s = None;
                return proposal;
            }
        } else if self.below >= rule.datapoints() && !active(self.scale_in_cooldown_until_s) {
            let keep = ceil_count(f64::from(desired) * point.cpu / target);
            let spare = desired.saturating_sub(keep);
            let remove = match rule {
                ScaleInRule::Conservative => (spare / 2).max(1).min(spare),
                ScaleInRule::Eager => spare,
            };
            let proposal = bounded(desired.saturating_sub(remove), p.min_tasks, p.max_tasks);
            if proposal < desired {
                self.scale_in_cooldown_until_s = Some(t_s.saturating_add(p.scale_in_cooldown_s));
                return proposal;
            }
        }
        desired
    }
}

/// The HPA's raw recommendation: ⌈ready × CPU ÷ target⌉, or no change within the tolerance.
/// `current` counts every pod; those not yet ready count as idle when that would scale up.
pub fn hpa_recommendation(current: u32, ready: u32, cpu: f64, target: f64) -> u32 {
    let ratio = cpu / target;
    if !ratio.is_finite() || (ratio - 1.0).abs() <= HPA_TOLERANCE {
        return current;
    }
    if ready < current && ratio > 1.0 {
        let with_idle = f64::from(ready) * cpu / (f64::from(current) * target);
        if with_idle <= 1.0 + HPA_TOLERANCE {
            return current;
        }
    }
    ceil_count(f64::from(ready) * ratio)
}

/// The most pods one 15 s period may scale up to: double, or 4 more, whichever is larger.
pub fn hpa_scale_up_limit(current: u32) -> u32 {
    current.saturating_mul(2).max(current.saturating_add(4))
}

/// The HPA's memory: recommendations of the last 300 s, for the scale-down window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hpa {
    window: [u32; HPA_WINDOW_SYNCS],
    len: usize,
    next: usize,
}

impl Hpa {
    /// One 15 s sync; returns the new desired count.
    pub fn sync(
        &mut self,
        current: u32,
        ready: u32,
        cpu: f64,
        target: f64,
        min: u32,
        max: u32,
    ) -> u32 {
        let raw = hpa_recommendation(current, ready, cpu, target);
        self.window[self.next] = raw;
        self.next = (self.next + 1) % HPA_WINDOW_SYNCS;
        self.len = (self.len + 1).min(HPA_WINDOW_SYNCS);
        let highest = self.window[..self.len].iter().copied().max().unwrap_or(raw);
        let stabilized = if raw > current {
            raw.min(hpa_scale_up_limit(current))
        } else {
            highest.min(current)
        };
        bounded(stabilized, min, max)
    }
}

/// `x` within [min, max]; unlike `clamp`, never panics when min > max (max wins).
fn bounded(x: u32, min: u32, max: u32) -> u32 {
    x.max(min).min(max)
}

/// A task's way into service, the same for every task: running (and registered) after
/// provisioning, in service after its first passing check.
#[derive(Clone, Copy)]
struct Startup {
    running_s: u32,
    in_service_s: u32,
}

/// Tasks launched together.
#[derive(Clone, Copy)]
struct Launch {
    running_at: u32,
    in_service_at: u32,
    count: u32,
    /// Already counted in [`Fleet::running`].
    running: bool,
}

/// Desired, running and in-service tasks.
struct Fleet {
    desired: u32,
    /// Past their first health check: the load balancer sends them requests.
    in_service: u32,
    /// Containers running, in service or still waiting for their check: what ECS's CPU metric averages.
    running: u32,
    /// Launched, not yet in service, oldest first.
    starting: VecDeque<Launch>,
}

impl Fleet {
    fn new(tasks: u32) -> Fleet {
        Fleet {
            desired: tasks,
            in_service: tasks,
            running: tasks,
            starting: VecDeque::new(),
        }
    }

    fn set_desired(&mut self, to: u32, t_s: u32, startup: Startup) {
        if to > self.desired {
            self.starting.push_back(Launch {
                running_at: t_s.saturating_add(startup.running_s),
                in_service_at: t_s.saturating_add(startup.in_service_s),
                count: to - self.desired,
                running: false,
            });
        } else {
            // Cancel tasks still starting first, newest first; then stop tasks in service.
            let mut remove = self.desired - to;
            while remove > 0 {
                match self.starting.back_mut() {
                    Some(launch) => {
                        let n = launch.count.min(remove);
                        launch.count -= n;
                        remove -= n;
                        if launch.running {
                            self.running = self.running.saturating_sub(n);
                        }
                        if launch.count == 0 {
                            self.starting.pop_back();
                        }
                    }
                    None => {
                        self.in_service = self.in_service.saturating_sub(remove);
                        self.running = self.running.saturating_sub(remove);
                        remove = 0;
                    }
                }
            }
        }
        self.desired = to;
    }

    fn promote(&mut self, t_s: u32) {
        for launch in self.starting.iter_mut() {
            if !launch.running && launch.running_at <= t_s {
                launch.running = true;
                self.running += launch.count;
            }
        }
        while let Some(&launch) = self.starting.front() {
            if launch.in_service_at > t_s {
                break;
            }
            self.in_service += launch.count;
            self.starting.pop_front();
        }
    }
}

/// Sums over the seconds of an interval: a metric datapoint, an HPA sync or a series point.
#[derive(Clone, Copy, Default)]
struct Sums {
    served: f64,
    dropped: f64,
    /// Task-seconds in service.
    in_service: u64,
    /// Task-seconds running, in service or not.
    running: u64,
}

impl Sums {
    fn merge(&mut self, s: &Sums) {
        self.served += s.served;
        self.dropped += s.dropped;
        self.in_service += s.in_service;
        self.running += s.running;
    }

    /// Average CPU of the tasks in service.
    fn cpu(&self, capacity_per_task_per_s: f64) -> f64 {
        average_cpu(self.served, self.in_service, capacity_per_task_per_s)
    }

    /// Average CPU of every running task: ECSServiceAverageCPUUtilization.
    fn ecs_cpu(&self, capacity_per_task_per_s: f64) -> f64 {
        average_cpu(self.served, self.running, capacity_per_task_per_s)
    }

    /// The CPU the policy's scaler sees.
    fn policy_cpu(&self, policy: Policy, capacity_per_task_per_s: f64) -> f64 {
        match policy {
            Policy::TargetTracking => self.ecs_cpu(capacity_per_task_per_s),
            Policy::Hpa | Policy::Fixed => self.cpu(capacity_per_task_per_s),
        }
    }
}

fn average_cpu(served: f64, task_seconds: u64, capacity_per_task_per_s: f64) -> f64 {
    let capacity = task_seconds as f64 * capacity_per_task_per_s;
    if capacity > 0.0 {
        served / capacity
    } else {
        0.0
    }
}

/// Seconds are summed in blocks of 5, which divide the HPA's 15 s, the metric's 60 s
/// and every series step; only the blocks are added into those longer sums.
const BLOCK_S: u32 = 5;

/// The load every policy meets: per second, and averaged per series point.
struct Load<'a> {
    edge_per_s: &'a [f64],
    miss: f64,
    origin_requests: f64,
    /// (end of interval, average edge load, average origin load), one per series point after t = 0.
    samples: Vec<(u32, f64, f64)>,
}

impl Load<'_> {
    fn new(edge: &[f64], miss: f64, step_s: u32) -> Load<'_> {
        let mut edge_requests = 0.0;
        let samples = (0u32..)
            .zip(edge.chunks(step_s as usize))
            .map(|(k, chunk)| {
                let end = k.saturating_mul(step_s).saturating_add(chunk.len() as u32);
                let sum = chunk.iter().sum::<f64>();
                edge_requests += sum;
                let edge_avg = sum / chunk.len() as f64;
                (end, edge_avg, edge_avg * miss)
            })
            .collect();
        Load {
            edge_per_s: edge,
            miss,
            origin_requests: edge_requests * miss,
            samples,
        }
    }
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
    let peak_edge_per_s = edge.iter().copied().fold(0.0, f64::max);
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
struct Tally {
    minute: Sums,
    sync: Sums,
    interval: Sums,
    dropped_requests: f64,
    bad_minutes: u32,
}

impl Tally {
    fn merge(&mut self, block: &Sums) {
        self.minute.merge(block);
        self.sync.merge(block);
        self.interval.merge(block);
    }

    /// Closes a minute: its drops count, and a minute with any is a bad minute.
    fn close_minute(&mut self) -> Sums {
        let minute = std::mem::take(&mut self.minute);
        self.dropped_requests += minute.dropped;
        if minute.dropped > 0.0 {
            self.bad_minutes += 1;
        }
        minute
    }
}

/// One policy over the load; `needed` is what the peak needs, within [min, max].
fn run(p: &AutoscalingParams, policy: Policy, load: &Load, needed: u32) -> PolicyRun {
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

    for (t, &edge) in (0u32..).zip(load.edge_per_s) {
        if t > 0 && t % BLOCK_S == 0 {
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
        fleet.promote(t);
        let origin = edge * load.miss;
        let served = origin.min(f64::from(fleet.in_service) * capacity);
        block.served += served;
        block.dropped += origin - served;
        block.in_service += u64::from(fleet.in_service);
        block.running += u64::from(fleet.running);
        task_seconds += u64::from(fleet.desired);
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

fn record(fleet: &mut Fleet, events: &mut Vec<ScaleEvent>, t_s: u32, to: u32, startup: Startup) {
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

fn validate(p: &AutoscalingParams) -> Vec<String> {
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
        within(p.spike_factor, 0.0, 100.0),
        "The spike factor must be between 0 and 100.".into(),
    );
    check(
        within(p.edge_load_per_s * p.spike_factor, 0.0, MAX_LOAD_PER_S),
        format!("The peak load (load × spike factor) must be at most {MAX_LOAD_PER_S} req/s."),
    );
    check(
        within(p.noise, 0.0, 0.5),
        "The noise must be between 0 and 50 %.".into(),
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
        "The CPU target must be above 0 and below 100 % (CPU never goes above 100 %).".into(),
    );
    check(
        p.min_tasks >= 1,
        "The minimum must be at least 1 task (with none there is no CPU to measure).".into(),
    );
    check(
        p.max_tasks <= MAX_TASKS_LIMIT,
        format!("The maximum must be at most {MAX_TASKS_LIMIT} tasks."),
    );
    check(
        p.min_tasks <= p.max_tasks,
        format!(
            "The minimum ({}) must not be above the maximum ({}).",
            p.min_tasks, p.max_tasks
        ),
    );
    check(
        (1..=MAX_TASKS_LIMIT).contains(&p.fixed_tasks),
        format!("The fixed fleet must have 1 to {MAX_TASKS_LIMIT} tasks."),
    );
    check(
        (HEALTH_CHECK_INTERVAL_S.0..=HEALTH_CHECK_INTERVAL_S.1)
            .contains(&p.health_check_interval_s),
        format!(
            "The health-check interval must be {}–{} s.",
            HEALTH_CHECK_INTERVAL_S.0, HEALTH_CHECK_INTERVAL_S.1
        ),
    );
    for (name, value) in [
        ("scale-out cooldown", p.scale_out_cooldown_s),
        ("scale-in cooldown", p.scale_in_cooldown_s),
        ("provisioning time", p.provisioning_s),
    ] {
        check(
            value <= MAX_DELAY_S,
            format!("The {name} must be at most {MAX_DELAY_S} s."),
        );
    }
    check(
        (MIN_DURATION_S..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The run must last {MIN_DURATION_S} to {MAX_DURATION_S} s."),
    );
    check(
        !p.policies.is_empty(),
        "Choose at least one policy to run.".into(),
    );
    for (i, policy) in p.policies.iter().enumerate() {
        check(
            !p.policies[..i].contains(policy),
            format!("{} is listed twice.", policy.title()),
        );
    }
    if p.profile == LoadProfile::Custom {
        if let Err(why) = check_points(&p.custom_points) {
            problems.push(format!("Custom profile: {why}."));
        }
    }
    problems
}

fn check_points(points: &[LoadPoint]) -> Result<(), String> {
    if points.is_empty() {
        return Err("it needs at least one point".into());
    }
    if points.len() > MAX_PROFILE_POINTS {
        return Err(format!("at most {MAX_PROFILE_POINTS} points"));
    }
    for (i, pt) in points.iter().enumerate() {
        if !(pt.edge_per_s.is_finite() && (0.0..=MAX_LOAD_PER_S).contains(&pt.edge_per_s)) {
            return Err(format!(
                "point {} must have a load between 0 and {MAX_LOAD_PER_S} req/s",
                i + 1
            ));
        }
        if pt.t_s > MAX_DURATION_S {
            return Err(format!("point {} is after {MAX_DURATION_S} s", i + 1));
        }
        if i > 0 && pt.t_s < points[i - 1].t_s {
            return Err(format!("point {} comes before the point above it", i + 1));
        }
    }
    Ok(())
}

/// Link format: `prof=custom&pts=0:1200,600:9000&hit=92&target=60&min=2&max=20&out=60&in=300&hi=15&pol=tt,hpa,fixed…`.
/// Shares are in percent, times in seconds, loads in req/s at the edge.
impl LinkState for AutoscalingParams {
    fn to_query(&self) -> String {
        let d = AutoscalingParams::default();
        let mut pairs = Vec::new();
        let mut number = |key, x: f64, default: f64, percent: bool| {
            if x != default {
                pairs.push((key, number_text(if percent { x * 100.0 } else { x })));
            }
        };
        number("load", self.edge_load_per_s, d.edge_load_per_s, false);
        number("spike", self.spike_factor, d.spike_factor, false);
        number("noise", self.noise, d.noise, true);
        number("hit", self.cdn_hit_ratio, d.cdn_hit_ratio, true);
        number(
            "cap",
            self.capacity_per_task_per_s,
            d.capacity_per_task_per_s,
            false,
        );
        number("target", self.cpu_target, d.cpu_target, true);
        if self.profile != d.profile {
            pairs.push(("prof", self.profile.slug().to_string()));
        }
        for (key, x, default) in [
            ("at", self.spike_start_s, d.spike_start_s),
            ("len", self.spike_length_s, d.spike_length_s),
            ("ramp", self.ramp_s, d.ramp_s),
            ("min", self.min_tasks, d.min_tasks),
            ("max", self.max_tasks, d.max_tasks),
            ("out", self.scale_out_cooldown_s, d.scale_out_cooldown_s),
            ("in", self.scale_in_cooldown_s, d.scale_in_cooldown_s),
            ("prov", self.provisioning_s, d.provisioning_s),
            (
                "hi",
                self.health_check_interval_s,
                d.health_check_interval_s,
            ),
            ("fixed", self.fixed_tasks, d.fixed_tasks),
            ("dur", self.duration_s, d.duration_s),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        if self.seed != d.seed {
            pairs.push(("seed", self.seed.to_string()));
        }
        if self.scale_in_rule != d.scale_in_rule {
            pairs.push(("scalein", self.scale_in_rule.slug().to_string()));
        }
        if self.policies != d.policies {
            let slugs: Vec<&str> = self.policies.iter().map(|p| p.slug()).collect();
            pairs.push(("pol", slugs.join(",")));
        }
        if self.custom_points != d.custom_points {
            pairs.push(("pts", points_text(&self.custom_points)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = AutoscalingParams::default();
        let mut r = LinkReader::new(query);
        let profiles = LoadProfile::ALL.map(|x| (x.slug(), x));
        if let Some(profile) = r.choice("prof", &profiles) {
            p.profile = profile;
        }
        if let Some(x) = r.number("load", 0.0, MAX_LOAD_PER_S) {
            p.edge_load_per_s = x;
        }
        if let Some(x) = r.number("spike", 0.0, 100.0) {
            p.spike_factor = x;
        }
        if p.edge_load_per_s * p.spike_factor > MAX_LOAD_PER_S {
            r.ignore(
                "spike",
                &number_text(p.spike_factor),
                format!("the peak would be above {MAX_LOAD_PER_S} req/s"),
            );
            p.spike_factor = 1.0;
        }
        for (key, field) in [
            ("at", &mut p.spike_start_s),
            ("len", &mut p.spike_length_s),
            ("ramp", &mut p.ramp_s),
        ] {
            if let Some(x) = r.whole(key, 0, MAX_DURATION_S) {
                *field = x;
            }
        }
        if let Some(text) = r.text("pts") {
            match parse_points(text) {
                Ok(points) => p.custom_points = points,
                Err(why) => r.ignore("pts", text, why),
            }
        }
        if let Some(x) = r.number("noise", 0.0, 50.0) {
            p.noise = from_percent(x);
        }
        if let Some(text) = r.text("seed") {
            match text.trim().parse::<u64>() {
                Ok(seed) => p.seed = seed,
                Err(_) => r.ignore("seed", text, "not a whole number".into()),
            }
        }
        if let Some(x) = r.number("hit", 0.0, 100.0) {
            p.cdn_hit_ratio = from_percent(x);
        }
        if let Some(x) = r.number("cap", 0.001, MAX_LOAD_PER_S) {
            p.capacity_per_task_per_s = x;
        }
        if let Some(x) = r.number("target", 1.0, 99.0) {
            p.cpu_target = from_percent(x);
        }
        let min = r.whole("min", 1, MAX_TASKS_LIMIT);
        let max = r.whole("max", 1, MAX_TASKS_LIMIT);
        let (min_tasks, max_tasks) = (min.unwrap_or(p.min_tasks), max.unwrap_or(p.max_tasks));
        if min_tasks <= max_tasks {
            p.min_tasks = min_tasks;
            p.max_tasks = max_tasks;
        } else if min.is_some() {
            r.ignore(
                "min",
                &min_tasks.to_string(),
                format!("above the maximum of {max_tasks} tasks"),
            );
        } else {
            r.ignore(
                "max",
                &max_tasks.to_string(),
                format!("below the minimum of {min_tasks} tasks"),
            );
        }
        for (key, field) in [
            ("out", &mut p.scale_out_cooldown_s),
            ("in", &mut p.scale_in_cooldown_s),
            ("prov", &mut p.provisioning_s),
        ] {
            if let Some(x) = r.whole(key, 0, MAX_DELAY_S) {
                *field = x;
            }
        }
        if let Some(x) = r.whole("hi", HEALTH_CHECK_INTERVAL_S.0, HEALTH_CHECK_INTERVAL_S.1) {
            p.health_check_interval_s = x;
        }
        let rules = ScaleInRule::ALL.map(|x| (x.slug(), x));
        if let Some(rule) = r.choice("scalein", &rules) {
            p.scale_in_rule = rule;
        }
        if let Some(text) = r.text("pol") {
            match parse_policies(text) {
                Ok(policies) => p.policies = policies,
                Err(why) => r.ignore("pol", text, why),
            }
        }
        if let Some(x) = r.whole("fixed", 1, MAX_TASKS_LIMIT) {
            p.fixed_tasks = x;
        }
        if let Some(x) = r.whole("dur", MIN_DURATION_S, MAX_DURATION_S) {
            p.duration_s = x;
        }
        (p, r.finish())
    }
}

/// Writes points as `0:1200,600:9000`, the form [`parse_points`] reads.
pub fn points_text(points: &[LoadPoint]) -> String {
    points
        .iter()
        .map(|pt| format!("{}:{}", pt.t_s, number_text(pt.edge_per_s)))
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads `0:1200,600:9000`: seconds and edge req/s, in time order.
pub fn parse_points(text: &str) -> Result<Vec<LoadPoint>, String> {
    let mut points = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if i >= MAX_PROFILE_POINTS {
            return Err(format!("more than {MAX_PROFILE_POINTS} points"));
        }
        let bad = || format!("point {}: expected seconds:req/s, as 600:9000", i + 1);
        let (t, load) = item.trim().split_once(':').ok_or_else(bad)?;
        let t_s = t.trim().parse::<u32>().map_err(|_| bad())?;
        let edge_per_s = load.trim().parse::<f64>().map_err(|_| bad())?;
        points.push(LoadPoint { t_s, edge_per_s });
    }
    check_points(&points)?;
    Ok(points)
}

fn parse_policies(text: &str) -> Result<Vec<Policy>, String> {
    let mut policies = Vec::new();
    for slug in text.split(',') {
        let policy = Policy::from_slug(slug.trim())
            .ok_or_else(|| format!("unknown policy '{slug}': expected tt, hpa or fixed"))?;
        if policies.contains(&policy) {
            return Err(format!("'{slug}' is listed twice"));
        }
        policies.push(policy);
    }
    Ok(policies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic_and_in_range() {
        let mut a = SplitMix64(7);
        let mut b = SplitMix64(7);
        for _ in 0..1_000 {
            let x = a.next_unit();
            assert_eq!(x, b.next_unit());
            assert!((0.0..1.0).contains(&x));
        }
        // splitmix64's published first output for seed 0.
        assert_eq!(SplitMix64(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn a_step_is_two_points_at_the_same_time() {
        let p = AutoscalingParams::default();
        let edge = edge_per_second(&p, &edge_profile(&p));
        assert_eq!(edge[1_199], 1_200.0);
        assert_eq!(edge[1_200], 9_000.0);
        assert_eq!(edge[2_999], 9_000.0);
        assert_eq!(edge[3_000], 1_200.0);
    }

    #[test]
    fn a_ramp_is_linear() {
        let p = AutoscalingParams {
            profile: LoadProfile::RampSpike,
            ..Default::default()
        };
        let edge = edge_per_second(&p, &edge_profile(&p));
        assert_eq!(edge[1_200], 1_200.0);
        assert_eq!(edge[1_500], 5_100.0);
        assert_eq!(edge[1_800], 9_000.0);
    }

    #[test]
    fn cancelling_a_scale_out_removes_starting_tasks_first() {
        let startup = Startup {
            running_s: 45,
            in_service_s: 60,
        };
        let mut fleet = Fleet::new(2);
        fleet.set_desired(5, 0, startup);
        fleet.set_desired(3, 10, startup);
        assert_eq!((fleet.desired, fleet.in_service, fleet.running), (3, 2, 2));
        fleet.promote(45);
        assert_eq!(
            (fleet.in_service, fleet.running),
            (2, 3),
            "running, not yet checked"
        );
        fleet.promote(60);
        assert_eq!((fleet.in_service, fleet.running), (3, 3));
        fleet.set_desired(1, 70, startup);
        assert_eq!((fleet.in_service, fleet.running), (1, 1));
        fleet.set_desired(4, 80, startup);
        fleet.promote(125);
        fleet.set_desired(2, 130, startup);
        assert_eq!(
            (fleet.in_service, fleet.running),
            (1, 2),
            "a running starter is cancelled"
        );
    }
}
