//! The demo's deep link: params to a query and back, with the load points' and policies' text.

use super::*;
use crate::link::parse_list;
use crate::params::{shared, Choice, Field, Fields, Spec, Table};

/// The specs the scaling demos (autoscaling, the failure drill, the rolling deploy) share:
/// a link key means the same quantity in each; a demo may take a narrower range.
pub mod specs {
    use super::*;

    /// A number of tasks, 1 to the lab's limit; a demo may take a narrower range (`up_to`).
    pub(crate) const fn tasks(key: &'static str, label: &'static str) -> Spec {
        Spec::new(key, label, "tasks", (1.0, MAX_TASKS_LIMIT as f64), 1.0)
    }

    /// A shared spec with a demo's own upper limit.
    pub const fn up_to(spec: Spec, max: u32) -> Spec {
        Spec {
            max: max as f64,
            ..spec
        }
    }

    /// Tasks the service runs: the rolling deploy's desired count, the drill's fleet.
    pub const DESIRED_COUNT: Spec = tasks("n", "Desired count");
    pub const MIN_TASKS: Spec = tasks("min", "Minimum tasks");
    pub const MAX_TASKS: Spec = tasks("max", "Maximum tasks");
    pub const PROVISIONING: Spec = Spec::new(
        "prov",
        "Provisioning (launch to running)",
        "s",
        (0.0, MAX_DELAY_S as f64),
        5.0,
    );
    pub const RUN_LENGTH: Spec = Spec::new(
        "dur",
        "Run length",
        "s",
        (MIN_DURATION_S as f64, MAX_DURATION_S as f64),
        60.0,
    );
}

const PROFILES: [Choice; 5] = [
    Choice {
        slug: "steady",
        label: "Steady",
    },
    Choice {
        slug: "step",
        label: "Spike (step)",
    },
    Choice {
        slug: "ramp",
        label: "Spike (ramp)",
    },
    Choice {
        slug: "diurnal",
        label: "Diurnal day",
    },
    Choice {
        slug: "custom",
        label: "Custom",
    },
];

const SCALE_IN_RULES: [Choice; 2] = [
    Choice {
        slug: "conservative",
        label: "Conservative (as AWS)",
    },
    Choice {
        slug: "eager",
        label: "Eager (every spare task at once)",
    },
];

/// A time within the run, in seconds.
const fn run_time(key: &'static str, label: &'static str) -> Spec {
    Spec::new(key, label, "s", (0.0, MAX_DURATION_S as f64), 60.0)
}

/// A delay of the scaler or the tasks, in seconds.
const fn delay(key: &'static str, label: &'static str) -> Spec {
    Spec::new(key, label, "s", (0.0, MAX_DELAY_S as f64), 30.0)
}

/// Link format: `load=1200&spike=7.5&hit=92&target=60&prof=custom&min=2&max=20&out=60&in=300&hi=15&pol=tt,hpa,fixed&pts=0:1200,600:9000…`.
/// Shares are in percent, times in seconds, loads in req/s at the edge.
impl AutoscalingParams {
    crate::fields! {
        EDGE_LOAD_PER_S: number edge_load_per_s, shared::EDGE_LOAD;
        SPIKE_FACTOR: number spike_factor,
            Spec::new("spike", "Peak ÷ base", "×", (0.0, 100.0), 0.5);
        NOISE: number noise, Spec::percent("noise", "Noise", (0.0, 50.0), 1.0);
        CDN_HIT_RATIO: number cdn_hit_ratio, shared::CDN_HIT_RATIO;
        CAPACITY_PER_TASK_PER_S: number capacity_per_task_per_s, shared::TASK_CAPACITY;
        CPU_TARGET: number cpu_target, shared::CPU_TARGET;
        PROFILE: choice(&PROFILES, LoadProfile) profile, Spec::named("prof", "Load profile");
        SPIKE_START_S: whole spike_start_s, run_time("at", "Spike starts at");
        SPIKE_LENGTH_S: whole spike_length_s, run_time("len", "Spike holds for");
        RAMP_S: whole ramp_s, run_time("ramp", "Ramp takes");
        MIN_TASKS: whole min_tasks, specs::MIN_TASKS;
        MAX_TASKS: whole max_tasks, specs::MAX_TASKS;
        SCALE_OUT_COOLDOWN_S: whole scale_out_cooldown_s, delay("out", "Scale-out cooldown");
        SCALE_IN_COOLDOWN_S: whole scale_in_cooldown_s, delay("in", "Scale-in cooldown");
        PROVISIONING_S: whole provisioning_s, specs::PROVISIONING;
        HEALTH_CHECK_INTERVAL_S: whole health_check_interval_s, shared::HEALTH_CHECK_INTERVAL;
        FIXED_TASKS: whole fixed_tasks, specs::tasks("fleet", "Fixed fleet");
        DURATION_S: whole duration_s, specs::RUN_LENGTH;
        SCALE_IN_RULE: choice(&SCALE_IN_RULES, ScaleInRule) scale_in_rule,
            Spec::named("scalein", "Scale-in rule");
        POLICIES: text(policies_text, parse_policies) policies,
            Spec::named("pol", "Policies compared");
        CUSTOM_POINTS: text(points_text, parse_points) custom_points,
            Spec::named("pts", "Custom load points");
    }
    pub const SEED: Field<Self> = Field::text(
        Spec::named("seed", "Noise seed"),
        |p| p.seed.to_string(),
        |p, text| {
            p.seed = text
                .trim()
                .parse()
                .map_err(|_| "not a whole number".to_string())?;
            Ok(())
        },
    );
}

impl Fields for AutoscalingParams {
    const FIELDS: Table<Self> = &[
        &[
            Self::EDGE_LOAD_PER_S,
            Self::SPIKE_FACTOR,
            Self::NOISE,
            Self::CDN_HIT_RATIO,
            Self::CAPACITY_PER_TASK_PER_S,
            Self::CPU_TARGET,
            Self::PROFILE,
            Self::SPIKE_START_S,
            Self::SPIKE_LENGTH_S,
            Self::RAMP_S,
        ],
        &[
            Self::MIN_TASKS,
            Self::MAX_TASKS,
            Self::SCALE_OUT_COOLDOWN_S,
            Self::SCALE_IN_COOLDOWN_S,
            Self::PROVISIONING_S,
            Self::HEALTH_CHECK_INTERVAL_S,
            Self::FIXED_TASKS,
            Self::DURATION_S,
            Self::SEED,
            Self::SCALE_IN_RULE,
            Self::POLICIES,
            Self::CUSTOM_POINTS,
        ],
    ];

    /// A peak beyond what the model runs, or a minimum above the maximum: the worked
    /// example's value back, and the reason.
    fn repair(&mut self, r: &mut LinkReader<'_>) {
        let d = AutoscalingParams::default();
        if self.edge_load_per_s * self.spike_factor > MAX_PEAK_LOAD_PER_S {
            r.ignore(
                "spike",
                &number_text(self.spike_factor),
                format!("the peak would be above {MAX_PEAK_LOAD_PER_S} req/s"),
            );
            self.spike_factor = d
                .spike_factor
                .min(MAX_PEAK_LOAD_PER_S / self.edge_load_per_s);
        }
        // Both limits given and clashing: the minimum goes.
        if limits_clash(&mut self.min_tasks, &mut self.max_tasks, r) {
            r.ignore(
                "min",
                &self.min_tasks.to_string(),
                format!("above the maximum of {} tasks", self.max_tasks),
            );
            self.min_tasks = d.min_tasks.min(self.max_tasks);
        }
    }
}

crate::link_from_table!(AutoscalingParams);

/// A minimum above a maximum in a link (`min`, `max`): a limit alone in the link moves the
/// other one to match, so that every value in range reads. True when the link gave both and
/// they still clash, which each demo settles its own way. Shared with the failure drill.
pub(crate) fn limits_clash(min: &mut u32, max: &mut u32, r: &LinkReader<'_>) -> bool {
    if *min <= *max {
        false
    } else if !r.has("max") {
        *max = *min;
        false
    } else if !r.has("min") {
        *min = *max;
        false
    } else {
        true
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
    let points = parse_list(text, MAX_PROFILE_POINTS, "points", |i, item| {
        let bad = || format!("point {}: expected seconds:req/s, as 600:9000", i + 1);
        let (t, load) = item.trim().split_once(':').ok_or_else(bad)?;
        let t_s = t.trim().parse::<u32>().map_err(|_| bad())?;
        let edge_per_s = load.trim().parse::<f64>().map_err(|_| bad())?;
        Ok(LoadPoint { t_s, edge_per_s })
    })?;
    check_points(&points)?;
    Ok(points)
}

/// The policies compared, as the link writes them: `tt,hpa,fixed`.
fn policies_text(policies: &[Policy]) -> String {
    let slugs: Vec<&str> = policies.iter().map(|x| x.slug()).collect();
    slugs.join(",")
}

pub(super) fn parse_policies(text: &str) -> Result<Vec<Policy>, String> {
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
