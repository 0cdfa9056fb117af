//! What a student can change: the load's shape, the policies, the scale-in rule, the presets,
//! and the checks that keep them within what the model runs.

use super::*;
use crate::params::{shared, within, Problems};

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
pub(super) fn default_custom_points() -> Vec<LoadPoint> {
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

pub(super) fn validate(p: &AutoscalingParams) -> Vec<String> {
    let mut problems = Problems::default();
    problems.extend(traffic_problems(
        p.edge_load_per_s,
        p.cdn_hit_ratio,
        p.capacity_per_task_per_s,
        p.cpu_target,
    ));
    problems.extend(delay_problems(
        [
            ("scale-out cooldown", p.scale_out_cooldown_s),
            ("scale-in cooldown", p.scale_in_cooldown_s),
            ("provisioning time", p.provisioning_s),
        ],
        MAX_DELAY_S,
    ));
    problems.check(
        within(p.spike_factor, 0.0, 100.0),
        "The spike factor must be between 0 and 100.".into(),
    );
    problems.check(
        within(p.edge_load_per_s * p.spike_factor, 0.0, MAX_PEAK_LOAD_PER_S),
        format!("The peak load (load × spike factor) must be at most {MAX_PEAK_LOAD_PER_S} req/s."),
    );
    problems.check(
        within(p.noise, 0.0, 0.5),
        "The noise must be between 0 and 50 %.".into(),
    );
    problems.check(
        p.min_tasks >= 1,
        "The minimum must be at least 1 task (with none there is no CPU to measure).".into(),
    );
    problems.check(
        p.max_tasks <= MAX_TASKS_LIMIT,
        format!("The maximum must be at most {MAX_TASKS_LIMIT} tasks."),
    );
    problems.check(
        p.min_tasks <= p.max_tasks,
        format!(
            "The minimum ({}) must not be above the maximum ({}).",
            p.min_tasks, p.max_tasks
        ),
    );
    problems.check(
        (1..=MAX_TASKS_LIMIT).contains(&p.fixed_tasks),
        format!("The fixed fleet must have 1 to {MAX_TASKS_LIMIT} tasks."),
    );
    problems.check(
        shared::HEALTH_CHECK_INTERVAL.holds(f64::from(p.health_check_interval_s)),
        shared::HEALTH_CHECK_INTERVAL.out_of_range(),
    );
    problems.check(
        (MIN_DURATION_S..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The run must last {MIN_DURATION_S} to {MAX_DURATION_S} s."),
    );
    problems.check(
        !p.policies.is_empty(),
        "Choose at least one policy to run.".into(),
    );
    for (i, policy) in p.policies.iter().enumerate() {
        problems.check(
            !p.policies[..i].contains(policy),
            format!("{} is listed twice.", policy.title()),
        );
    }
    if p.profile == LoadProfile::Custom {
        if let Err(why) = check_points(&p.custom_points) {
            problems.extend([format!("Custom profile: {why}.")]);
        }
    }
    problems.into_vec()
}

pub(super) fn check_points(points: &[LoadPoint]) -> Result<(), String> {
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

/// What is wrong with a load, a CDN hit ratio, a task's capacity and a CPU target: the
/// autoscaling demo's and the failure drill's fleets are sized from the same four.
pub(crate) fn traffic_problems(load: f64, hit: f64, capacity: f64, target: f64) -> Vec<String> {
    let mut problems = Vec::new();
    if !(load.is_finite() && (0.0..=MAX_LOAD_PER_S).contains(&load)) {
        problems.push(format!(
            "The load must be between 0 and {MAX_LOAD_PER_S} req/s."
        ));
    }
    if !(hit.is_finite() && (0.0..=1.0).contains(&hit)) {
        problems.push("The CDN hit ratio must be between 0 and 100 %.".into());
    }
    if !(capacity.is_finite() && capacity > 0.0) {
        problems.push("A task's capacity must be above 0 req/s.".into());
    }
    if !(target.is_finite() && target > 0.0 && target < 1.0) {
        problems.push(
            "The CPU target must be above 0 and below 100 % (CPU never goes above 100 %).".into(),
        );
    }
    problems
}

/// Each named delay longer than `max_s`, in words. Shared with the failure drill.
pub(crate) fn delay_problems<const N: usize>(
    delays: [(&str, u32); N],
    max_s: u32,
) -> impl Iterator<Item = String> + '_ {
    delays
        .into_iter()
        .filter(move |&(_, value)| value > max_s)
        .map(move |(name, _)| format!("The {name} must be at most {max_s} s."))
}
