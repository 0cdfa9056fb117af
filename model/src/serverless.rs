//! Serverless crossover (extension B of the worked example).
//!
//! The lesson: functions bill per request and per GB-second, so their cost is a
//! straight line through zero; an always-on fleet bills by the hour, so its
//! cost is a staircase that starts at the availability floor. Below the
//! crossover rate the functions are cheaper (the fleet would sit idle); above
//! it the fleet is. Scaling to zero has a price in latency too: after an idle
//! spell the next request waits for a cold start.

use crate::cost::{
    tasks_needed, MAX_HOURS_PER_MONTH, MAX_PRICE_USD, TASKS_TOLERANCE, TASK_MEMORY_GB_RANGE,
    TASK_VCPU_RANGE,
};
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
use crate::photoshare::{self, cost as ps, printed};

/// When the function prices were read.
pub const PRICES_AS_OF: &str = "2025 (first pricing tier; illustrative)";
/// Where the function prices come from, for the page's footnote.
pub const PRICE_SOURCE: &str = "AWS Lambda and API Gateway pricing pages, us-east-1 list prices as shown in 2025 \
     (Lambda's eu-west-1 rates are the same), first tier only. Illustrative: re-check before relying on them. \
     The fleet uses the worked example's Fargate prices.";

/// Lambda, x86: dollars per GB-second.
pub const LAMBDA_GB_S_X86_USD: f64 = 0.000_016_666_7;
/// Lambda, Arm (Graviton): dollars per GB-second.
pub const LAMBDA_GB_S_ARM_USD: f64 = 0.000_013_333_4;
pub const LAMBDA_REQUESTS_PER_MILLION_USD: f64 = 0.20;
pub const HTTP_API_PER_MILLION_USD: f64 = 1.00;
pub const REST_API_PER_MILLION_USD: f64 = 3.50;
/// Lambda's monthly free tier (it does not expire).
pub const FREE_REQUESTS_PER_MONTH: f64 = 1_000_000.0;
pub const FREE_GB_S_PER_MONTH: f64 = 400_000.0;
/// Assumption: AWS does not publish how long an idle environment is kept;
/// measurements commonly see 5–15 minutes.
pub const KEEP_ALIVE_S: f64 = 600.0;

/// Fastest average rate the demo takes, in requests per second.
pub const MAX_RATE_PER_S: f64 = 100_000.0;
/// Most fleet steps (tasks) the crossover search walks through.
pub const MAX_FLEET_TASKS: u32 = 1_000;
/// Lambda's limits: 15 minutes a run, 128 MB–10,240 MB, 10 s of init.
pub const MAX_DURATION_MS: f64 = 900_000.0;
pub const MEMORY_MB_RANGE: (f64, f64) = (128.0, 10_240.0);
pub const MAX_INIT_MS: f64 = 10_000.0;
pub const MAX_KEEP_ALIVE_S: f64 = 86_400.0;
/// Points on each cost curve.
pub const CURVE_POINTS: usize = 201;
/// Grid points per fleet step scanned before bisecting (see [`Crossover`]).
pub const SCAN_POINTS_PER_STEP: u32 = 64;

/// Processor architecture of the function.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arch {
    #[default]
    X86,
    Arm,
}

/// What invokes the function, and what that costs per request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontDoor {
    HttpApi,
    RestApi,
    /// An event such as an S3 upload: no gateway in front, no gateway charge.
    Event,
}

/// Which workload the demo starts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Preset {
    /// PhotoShare's API: the origin traffic left after the 92 % CDN.
    #[default]
    Api,
    /// Extension B's thumbnail function, triggered by uploads to S3.
    Thumbnails,
}

impl Preset {
    pub const ALL: [Preset; 2] = [Preset::Api, Preset::Thumbnails];

    pub fn slug(self) -> &'static str {
        match self {
            Preset::Api => "api",
            Preset::Thumbnails => "thumbnails",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Preset::Api => "PhotoShare's API",
            Preset::Thumbnails => "Thumbnail function",
        }
    }

    /// One sentence for the page on what the preset models.
    pub fn description(self) -> String {
        match self {
            Preset::Api => format!(
                "The API requests that get past the {} % CDN, each about 120 ms at 512 MB behind an HTTP API, \
                 against the app tier's Fargate tasks and their load balancer.",
                number_text(photoshare::CDN_HIT_RATIO * 100.0)
            ),
            Preset::Thumbnails => format!(
                "Each upload to S3 triggers a resize to a {} px JPEG (quality {}), about 800 ms at 1,024 MB, \
                 against a fleet of worker tasks doing the same resizes.",
                photoshare::serverless::THUMBNAIL_PX,
                photoshare::serverless::THUMBNAIL_JPEG_QUALITY
            ),
        }
    }

    /// What one request is, per second: "req/s" or "uploads/s".
    pub fn rate_unit(self) -> &'static str {
        match self {
            Preset::Api => "req/s",
            Preset::Thumbnails => "uploads/s",
        }
    }
}

/// Function prices, in dollars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunctionPrices {
    pub gb_s_x86_usd: f64,
    pub gb_s_arm_usd: f64,
    pub requests_per_million_usd: f64,
    pub http_api_per_million_usd: f64,
    pub rest_api_per_million_usd: f64,
    pub free_requests_per_month: f64,
    pub free_gb_s_per_month: f64,
}

impl Default for FunctionPrices {
    fn default() -> Self {
        FunctionPrices {
            gb_s_x86_usd: LAMBDA_GB_S_X86_USD,
            gb_s_arm_usd: LAMBDA_GB_S_ARM_USD,
            requests_per_million_usd: LAMBDA_REQUESTS_PER_MILLION_USD,
            http_api_per_million_usd: HTTP_API_PER_MILLION_USD,
            rest_api_per_million_usd: REST_API_PER_MILLION_USD,
            free_requests_per_month: FREE_REQUESTS_PER_MONTH,
            free_gb_s_per_month: FREE_GB_S_PER_MONTH,
        }
    }
}

/// The always-on alternative: Fargate tasks above an availability floor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetParams {
    /// Tasks that run whatever the load (2: one per AZ).
    pub floor_tasks: u32,
    /// Requests per second one task serves at the CPU target.
    pub task_capacity_per_s: f64,
    pub task_vcpu: f64,
    pub task_memory_gb: f64,
    pub vcpu_hour_usd: f64,
    pub gb_hour_usd: f64,
    /// Monthly cost the fleet has and the functions do not (the ALB, which
    /// API Gateway replaces); 0 for an event-driven worker.
    pub fixed_month_usd: f64,
}

/// Everything the serverless demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerlessParams {
    /// The starting point the other fields were taken from (links store only changes from it).
    pub preset: Preset,
    /// Average request rate to compare at.
    pub rate_per_s: f64,
    /// Billed run time of one invocation, warm.
    pub duration_ms: f64,
    pub memory_mb: f64,
    pub arch: Arch,
    pub front_door: FrontDoor,
    pub free_tier: bool,
    /// Time a cold start spends initialising before the handler runs.
    pub init_ms: f64,
    /// Whether that init time is billed (it is for on-demand Lambda since August 2025).
    pub bill_init: bool,
    /// How long an idle environment stays warm.
    pub keep_alive_s: f64,
    pub prices: FunctionPrices,
    pub fleet: FleetParams,
    pub hours_per_month: f64,
    /// Top of the charts and of the crossover search.
    pub max_rate_per_s: f64,
}

impl Default for ServerlessParams {
    fn default() -> Self {
        ServerlessParams::preset(Preset::Api)
    }
}

impl ServerlessParams {
    /// A preset's values.
    pub fn preset(preset: Preset) -> ServerlessParams {
        let fargate = FleetParams {
            floor_tasks: photoshare::MIN_TASKS,
            task_capacity_per_s: photoshare::TASK_CAPACITY_PER_S * photoshare::CPU_TARGET,
            task_vcpu: ps::TASK_VCPU,
            task_memory_gb: ps::TASK_MEMORY_GB,
            vcpu_hour_usd: ps::FARGATE_VCPU_HOUR_USD,
            gb_hour_usd: ps::FARGATE_GB_HOUR_USD,
            fixed_month_usd: ps::ALB_MONTH_USD,
        };
        let api = ServerlessParams {
            preset,
            rate_per_s: printed::ORIGIN_LOAD_STEADY_PER_S,
            duration_ms: 120.0,
            memory_mb: 512.0,
            arch: Arch::X86,
            front_door: FrontDoor::HttpApi,
            free_tier: true,
            // Assumption: a Node.js handler with the AWS SDK and a Postgres client.
            init_ms: 400.0,
            bill_init: true,
            keep_alive_s: KEEP_ALIVE_S,
            prices: FunctionPrices::default(),
            fleet: fargate,
            hours_per_month: ps::HOURS_PER_MONTH,
            max_rate_per_s: 200.0,
        };
        match preset {
            Preset::Api => api,
            Preset::Thumbnails => ServerlessParams {
                // Assumption: about 1.3 M uploads a month.
                rate_per_s: 0.5,
                duration_ms: 800.0,
                memory_mb: 1_024.0,
                front_door: FrontDoor::Event,
                // Assumption: Python importing boto3 and Pillow.
                init_ms: 700.0,
                fleet: FleetParams {
                    // Lambda gives a full vCPU at 1,769 MB, so the 800 ms resize at
                    // 1,024 MB is ≈ 0.46 vCPU-seconds; a 1 vCPU task held at 60 %
                    // CPU then resizes ≈ 1.3 images/s.
                    task_capacity_per_s: 1.3,
                    // A queue feeds the workers: no load balancer.
                    fixed_month_usd: 0.0,
                    ..fargate
                },
                // Far enough to see where the fleet's steps stop catching up.
                max_rate_per_s: 12.0,
                ..api
            },
        }
    }

    fn gb_s_usd(&self) -> f64 {
        match self.arch {
            Arch::X86 => self.prices.gb_s_x86_usd,
            Arch::Arm => self.prices.gb_s_arm_usd,
        }
    }

    fn gateway_per_million_usd(&self) -> f64 {
        match self.front_door {
            FrontDoor::HttpApi => self.prices.http_api_per_million_usd,
            FrontDoor::RestApi => self.prices.rest_api_per_million_usd,
            FrontDoor::Event => 0.0,
        }
    }

    fn seconds_per_month(&self) -> f64 {
        self.hours_per_month * 3_600.0
    }

    fn task_hour_usd(&self) -> f64 {
        let f = &self.fleet;
        f.task_vcpu * f.vcpu_hour_usd + f.task_memory_gb * f.gb_hour_usd
    }
}

/// Share of invocations that start cold, for Poisson arrivals at `rate_per_s`
/// reaching one environment that serves one request at a time and is kept
/// `keep_alive_s` after its last request: a request is cold exactly when no
/// request came in the window before it, which has probability e^(−λT).
///
/// The model sends all traffic to one environment, which is right while
/// rate × duration ≪ 1. At higher rates Lambda runs several environments and
/// scale-out adds cold starts this formula does not count, but by then λT is
/// so large that the share it gives is ≈ 0 anyway.
pub fn cold_start_share(rate_per_s: f64, keep_alive_s: f64) -> f64 {
    (-rate_per_s * keep_alive_s).exp()
}

/// The functions' monthly bill at one average rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunctionsBill {
    pub requests_per_month: f64,
    /// Share of requests that start cold, 0–1.
    pub cold_share: f64,
    /// Billed GB-seconds before the free tier: duration (plus init when billed) × memory.
    pub gb_s: f64,
    /// Lambda's per-request charge, after the free tier.
    pub requests_usd: f64,
    /// The API gateway's per-request charge.
    pub gateway_usd: f64,
    /// GB-seconds × price, after the free tier.
    pub compute_usd: f64,
    pub total_usd: f64,
}

/// requests × (gateway + request price) + GB-seconds × price, less the free tier.
pub fn functions_bill(p: &ServerlessParams, rate_per_s: f64) -> FunctionsBill {
    let requests = rate_per_s * p.seconds_per_month();
    let cold_share = cold_start_share(rate_per_s, p.keep_alive_s);
    let init_s = if p.bill_init {
        cold_share * p.init_ms / 1_000.0
    } else {
        0.0
    };
    let gb_s = requests * (p.duration_ms / 1_000.0 + init_s) * p.memory_mb / 1_024.0;
    let (free_requests, free_gb_s) = if p.free_tier {
        (
            p.prices.free_requests_per_month,
            p.prices.free_gb_s_per_month,
        )
    } else {
        (0.0, 0.0)
    };
    let requests_usd =
        (requests - free_requests).max(0.0) * p.prices.requests_per_million_usd / 1e6;
    let gateway_usd = requests * p.gateway_per_million_usd() / 1e6;
    let compute_usd = (gb_s - free_gb_s).max(0.0) * p.gb_s_usd();
    FunctionsBill {
        requests_per_month: requests,
        cold_share,
        gb_s,
        requests_usd,
        gateway_usd,
        compute_usd,
        total_usd: requests_usd + gateway_usd + compute_usd,
    }
}

/// The fleet's monthly bill at one average rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetBill {
    /// max(floor, ⌈rate / capacity⌉).
    pub tasks: u32,
    pub tasks_usd: f64,
    pub fixed_usd: f64,
    pub total_usd: f64,
}

pub fn fleet_bill(p: &ServerlessParams, rate_per_s: f64) -> FleetBill {
    fleet_bill_for(
        p,
        tasks_needed(rate_per_s, p.fleet.task_capacity_per_s).max(p.fleet.floor_tasks),
    )
}

fn fleet_bill_for(p: &ServerlessParams, tasks: u32) -> FleetBill {
    let tasks_usd = f64::from(tasks) * p.task_hour_usd() * p.hours_per_month;
    FleetBill {
        tasks,
        tasks_usd,
        fixed_usd: p.fleet.fixed_month_usd,
        total_usd: tasks_usd + p.fleet.fixed_month_usd,
    }
}

/// The highest rate `tasks` tasks serve, matching [`tasks_needed`]'s tolerance.
fn step_top_per_s(tasks: u32, capacity_per_s: f64) -> f64 {
    (f64::from(tasks) + TASKS_TOLERANCE) * capacity_per_s
}

/// The lowest average rate at which the functions cost at least as much as the fleet.
///
/// The fleet's cost is a staircase that is constant on each step (a, b] (one
/// more task from just above a), and the functions' cost is continuous and
/// starts at zero, so the first rate where the functions reach the fleet is a
/// point where the two costs are *equal*: `functions_usd == fleet_usd` up to
/// the bisection's precision (far below a cent). It is found by scanning each
/// step on a grid of [`SCAN_POINTS_PER_STEP`] points and bisecting the first
/// bracket. The functions' cost rises with the rate unless billed init time
/// exceeds e² ≈ 7.4 × the duration (fewer cold starts as traffic grows can then
/// lower it); only in that case could a dip narrower than a grid cell be missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crossover {
    pub rate_per_s: f64,
    pub functions_usd: f64,
    pub fleet_usd: f64,
    pub fleet_tasks: u32,
    /// Just above this rate the fleet adds a task and costs more than the
    /// functions again (when the functions' cost per request is below the
    /// fleet's cost per request at full steps). `None` if that never happens
    /// below the chart's top.
    pub functions_cheaper_again_above_per_s: Option<f64>,
    /// From this rate up to the chart's top the fleet is cheaper at every rate:
    /// the crossover itself when the fleet never loses again, `None` when the
    /// functions are still cheaper just above the last step in range.
    pub fleet_cheaper_from_per_s: Option<f64>,
}

/// Which side is cheaper at the compared rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cheaper {
    Functions,
    Fleet,
    /// Within a cent.
    Same,
}

/// Cold starts at the compared rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColdStarts {
    /// 0–1: e^(−rate × keep-alive).
    pub share: f64,
    pub per_month: f64,
    /// What each cold start adds to a request's latency.
    pub init_ms: f64,
    /// Averaged over all requests: share × init.
    pub mean_added_ms: f64,
}

/// Both costs at one rate, for the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    pub rate_per_s: f64,
    pub functions_usd: f64,
    pub fleet_usd: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServerlessOutcome {
    pub rate_per_s: f64,
    /// "req/s" or "uploads/s", for labels.
    pub rate_unit: &'static str,
    pub functions: FunctionsBill,
    pub fleet: FleetBill,
    pub cheaper: Cheaper,
    /// `None`: the functions stay cheaper up to `max_rate_per_s`.
    pub crossover: Option<Crossover>,
    pub max_rate_per_s: f64,
    /// [`CURVE_POINTS`] evenly spaced rates from 0 to the top.
    pub curve: Vec<CurvePoint>,
    /// The fleet's staircase as exact corners (rate, $), from 0 to the top.
    pub fleet_steps: Vec<(f64, f64)>,
    pub cold_starts: ColdStarts,
}

impl ServerlessOutcome {
    /// The crossover in one sentence for the page.
    pub fn verdict(&self) -> String {
        let unit = self.rate_unit;
        match self.crossover {
            None => format!(
                "The functions are cheaper at every rate up to {} {unit}.",
                rate_text(self.max_rate_per_s)
            ),
            Some(c) if c.rate_per_s <= 0.0 => {
                "The functions are never cheaper than this fleet.".to_string()
            }
            Some(c) => {
                let mut s = format!(
                    "Below ≈ {} {unit} the functions are cheaper; above it the fleet is.",
                    rate_text(c.rate_per_s)
                );
                if let Some(again) = c.functions_cheaper_again_above_per_s {
                    s = format!(
                        "Below ≈ {} {unit} the functions are cheaper. Each task the fleet adds makes it dearer \
                         for a while, so they win again just past {} {unit}",
                        rate_text(c.rate_per_s),
                        rate_text(again)
                    );
                    let top = rate_text(self.max_rate_per_s);
                    s.push_str(&match c.fleet_cheaper_from_per_s {
                        Some(from) => format!(
                            "; from ≈ {} {unit} up to {top} {unit} the fleet is cheaper throughout.",
                            rate_text(from)
                        ),
                        None => format!("; they are still cheaper in places up to {top} {unit}."),
                    });
                }
                s
            }
        }
    }
}

/// A rate to three significant figures: 19.74 → "19.7", 2.422 → "2.42", 0.001234 → "0.00123".
pub fn rate_text(rate_per_s: f64) -> String {
    if !(rate_per_s.is_finite() && rate_per_s > 0.0) {
        return "0".to_string();
    }
    let decimals = (2.0 - rate_per_s.log10().floor()).clamp(0.0, 9.0) as usize;
    let s = format!("{rate_per_s:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Both bills at the chosen rate, the crossover, the curves and the cold starts.
/// Bad input gives every problem found, in words.
pub fn evaluate(p: &ServerlessParams) -> Result<ServerlessOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let functions = functions_bill(p, p.rate_per_s);
    let fleet = fleet_bill(p, p.rate_per_s);
    let gap = functions.total_usd - fleet.total_usd;
    let cheaper = if gap.abs() < 0.005 {
        Cheaper::Same
    } else if gap < 0.0 {
        Cheaper::Functions
    } else {
        Cheaper::Fleet
    };
    let curve = (0..CURVE_POINTS)
        .map(|i| {
            let rate_per_s = p.max_rate_per_s * i as f64 / (CURVE_POINTS - 1) as f64;
            CurvePoint {
                rate_per_s,
                functions_usd: functions_bill(p, rate_per_s).total_usd,
                fleet_usd: fleet_bill(p, rate_per_s).total_usd,
            }
        })
        .collect();
    Ok(ServerlessOutcome {
        rate_per_s: p.rate_per_s,
        rate_unit: p.preset.rate_unit(),
        cheaper,
        crossover: crossover(p),
        max_rate_per_s: p.max_rate_per_s,
        curve,
        fleet_steps: fleet_steps(p),
        cold_starts: ColdStarts {
            share: functions.cold_share,
            per_month: functions.requests_per_month * functions.cold_share,
            init_ms: p.init_ms,
            mean_added_ms: functions.cold_share * p.init_ms,
        },
        functions,
        fleet,
    })
}

/// The fleet's steps up to the top rate: (lowest rate, highest rate, tasks).
fn steps(p: &ServerlessParams) -> impl Iterator<Item = (f64, f64, u32)> + '_ {
    let c = p.fleet.task_capacity_per_s;
    let floor = p.fleet.floor_tasks;
    let last = tasks_needed(p.max_rate_per_s, c).max(floor);
    (floor..=last).map(move |tasks| {
        let low = if tasks == floor {
            0.0
        } else {
            step_top_per_s(tasks - 1, c)
        };
        (low, step_top_per_s(tasks, c).min(p.max_rate_per_s), tasks)
    })
}

fn crossover(p: &ServerlessParams) -> Option<Crossover> {
    let functions = |r: f64| functions_bill(p, r).total_usd;
    let mut found: Option<Crossover> = None;
    // The last step that starts with the functions cheaper, after the crossover.
    let mut last_lost_step = None;
    for (low, high, tasks) in steps(p) {
        let fleet_usd = fleet_bill_for(p, tasks).total_usd;
        match found.as_mut() {
            None => {
                let rate = if functions(low) >= fleet_usd {
                    // Only at rate 0 on the floor step: every later step starts where the last one failed.
                    Some(low)
                } else {
                    first_reach(&functions, low, high, fleet_usd)
                };
                found = rate.map(|rate_per_s| {
                    let fleet = fleet_bill(p, rate_per_s);
                    Crossover {
                        rate_per_s,
                        functions_usd: functions(rate_per_s),
                        fleet_usd: fleet.total_usd,
                        fleet_tasks: fleet.tasks,
                        functions_cheaper_again_above_per_s: None,
                        fleet_cheaper_from_per_s: Some(rate_per_s),
                    }
                });
            }
            Some(c) => {
                if functions(low) < fleet_usd {
                    c.functions_cheaper_again_above_per_s.get_or_insert(low);
                    last_lost_step = Some((low, high, fleet_usd));
                }
            }
        }
    }
    if let (Some(c), Some((low, high, fleet_usd))) = (found.as_mut(), last_lost_step) {
        c.fleet_cheaper_from_per_s = first_reach(&functions, low, high, fleet_usd);
    }
    found
}

/// The lowest rate in (low, high] where `cost` reaches `target`, given `cost(low) < target`.
fn first_reach(cost: &impl Fn(f64) -> f64, low: f64, high: f64, target: f64) -> Option<f64> {
    let mut below = low;
    for j in 1..=SCAN_POINTS_PER_STEP {
        let r = low + (high - low) * f64::from(j) / f64::from(SCAN_POINTS_PER_STEP);
        if cost(r) >= target {
            let mut above = r;
            for _ in 0..200 {
                let mid = below + (above - below) / 2.0;
                if mid <= below || mid >= above {
                    break;
                }
                if cost(mid) >= target {
                    above = mid;
                } else {
                    below = mid;
                }
            }
            return Some(above);
        }
        below = r;
    }
    None
}

fn fleet_steps(p: &ServerlessParams) -> Vec<(f64, f64)> {
    let mut corners = Vec::new();
    for (low, high, tasks) in steps(p) {
        let usd = fleet_bill_for(p, tasks).total_usd;
        corners.push((low, usd));
        corners.push((high, usd));
    }
    corners
}

fn validate(p: &ServerlessParams) -> Vec<String> {
    let mut problems = Vec::new();
    let mut within = |x: f64, min: f64, max: f64, what: &str| {
        if !(x.is_finite() && (min..=max).contains(&x)) {
            problems.push(format!(
                "{what} must be between {} and {}.",
                number_text(min),
                number_text(max)
            ));
        }
    };
    within(
        p.rate_per_s,
        0.0,
        MAX_RATE_PER_S,
        "The request rate (req/s)",
    );
    within(
        p.max_rate_per_s,
        0.001,
        MAX_RATE_PER_S,
        "The chart's top rate (req/s)",
    );
    within(p.duration_ms, 1.0, MAX_DURATION_MS, "The duration (ms)");
    within(
        p.memory_mb,
        MEMORY_MB_RANGE.0,
        MEMORY_MB_RANGE.1,
        "The function's memory (MB)",
    );
    within(p.init_ms, 0.0, MAX_INIT_MS, "The init time (ms)");
    within(
        p.keep_alive_s,
        0.0,
        MAX_KEEP_ALIVE_S,
        "The keep-alive window (s)",
    );
    within(
        p.hours_per_month,
        1.0,
        MAX_HOURS_PER_MONTH,
        "Hours per month",
    );
    within(
        p.fleet.task_capacity_per_s,
        0.001,
        MAX_RATE_PER_S,
        "A task's capacity (req/s)",
    );
    within(
        p.fleet.task_vcpu,
        TASK_VCPU_RANGE.0,
        TASK_VCPU_RANGE.1,
        "A task's vCPU",
    );
    within(
        p.fleet.task_memory_gb,
        TASK_MEMORY_GB_RANGE.0,
        TASK_MEMORY_GB_RANGE.1,
        "A task's memory (GB)",
    );
    within(
        p.prices.free_requests_per_month,
        0.0,
        1e12,
        "The free tier's requests per month",
    );
    within(
        p.prices.free_gb_s_per_month,
        0.0,
        1e12,
        "The free tier's GB-seconds per month",
    );
    let pr = &p.prices;
    for (price, what) in [
        (pr.gb_s_x86_usd, "The x86 GB-second price"),
        (pr.gb_s_arm_usd, "The Arm GB-second price"),
        (
            pr.requests_per_million_usd,
            "The price per million requests",
        ),
        (
            pr.http_api_per_million_usd,
            "The HTTP API price per million",
        ),
        (
            pr.rest_api_per_million_usd,
            "The REST API price per million",
        ),
        (p.fleet.vcpu_hour_usd, "The Fargate vCPU-hour price"),
        (p.fleet.gb_hour_usd, "The Fargate GB-hour price"),
        (p.fleet.fixed_month_usd, "The fleet's fixed monthly cost"),
    ] {
        if !(price.is_finite() && (0.0..=MAX_PRICE_USD).contains(&price)) {
            problems.push(format!(
                "{what} must be a number of dollars from 0 to {}.",
                number_text(MAX_PRICE_USD)
            ));
        }
    }
    if !(1..=MAX_FLEET_TASKS).contains(&p.fleet.floor_tasks) {
        problems.push(format!(
            "The fleet's floor must be between 1 and {MAX_FLEET_TASKS} tasks."
        ));
    }
    if problems.is_empty()
        && tasks_needed(p.max_rate_per_s, p.fleet.task_capacity_per_s) > MAX_FLEET_TASKS
    {
        problems.push(format!(
            "The chart's top rate would need more than {MAX_FLEET_TASKS} tasks: lower it or raise a task's capacity."
        ));
    }
    problems
}

/// Link keys: `preset` (api, thumbnails) first, then only what differs from
/// that preset: `rate ms mb arch(x86, arm) door(http, rest, event) free init
/// billinit keep hours max`, prices `p_x86 p_arm` ($/GB-s) `p_req p_http
/// p_rest` ($/million) `free_req free_gbs`, fleet `floor cap vcpu mem p_vcpu
/// p_gb fixed`.
impl LinkState for ServerlessParams {
    fn to_query(&self) -> String {
        let d = ServerlessParams::preset(self.preset);
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.preset != Preset::default() {
            pairs.push(("preset", self.preset.slug().to_string()));
        }
        for ((key, x), (_, default)) in number_fields(self).into_iter().zip(number_fields(&d)) {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        if self.arch != d.arch {
            pairs.push(("arch", arch_slug(self.arch).to_string()));
        }
        if self.front_door != d.front_door {
            pairs.push(("door", door_slug(self.front_door).to_string()));
        }
        for (key, on, default) in [
            ("free", self.free_tier, d.free_tier),
            ("billinit", self.bill_init, d.bill_init),
        ] {
            if on != default {
                pairs.push((key, if on { "1" } else { "0" }.to_string()));
            }
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut r = LinkReader::new(query);
        let presets = Preset::ALL.map(|p| (p.slug(), p));
        let preset = r.choice("preset", &presets).unwrap_or_default();
        let mut p = ServerlessParams::preset(preset);
        let d = p.clone();
        let f = &mut p.fleet;
        let pr = &mut p.prices;
        let numbers: [(&'static str, &mut f64, f64, f64); 20] = [
            ("rate", &mut p.rate_per_s, 0.0, MAX_RATE_PER_S),
            ("ms", &mut p.duration_ms, 1.0, MAX_DURATION_MS),
            ("mb", &mut p.memory_mb, MEMORY_MB_RANGE.0, MEMORY_MB_RANGE.1),
            ("init", &mut p.init_ms, 0.0, MAX_INIT_MS),
            ("keep", &mut p.keep_alive_s, 0.0, MAX_KEEP_ALIVE_S),
            ("hours", &mut p.hours_per_month, 1.0, MAX_HOURS_PER_MONTH),
            ("max", &mut p.max_rate_per_s, 0.001, MAX_RATE_PER_S),
            ("p_x86", &mut pr.gb_s_x86_usd, 0.0, MAX_PRICE_USD),
            ("p_arm", &mut pr.gb_s_arm_usd, 0.0, MAX_PRICE_USD),
            (
                "p_req",
                &mut pr.requests_per_million_usd,
                0.0,
                MAX_PRICE_USD,
            ),
            (
                "p_http",
                &mut pr.http_api_per_million_usd,
                0.0,
                MAX_PRICE_USD,
            ),
            (
                "p_rest",
                &mut pr.rest_api_per_million_usd,
                0.0,
                MAX_PRICE_USD,
            ),
            ("free_req", &mut pr.free_requests_per_month, 0.0, 1e12),
            ("free_gbs", &mut pr.free_gb_s_per_month, 0.0, 1e12),
            ("cap", &mut f.task_capacity_per_s, 0.001, MAX_RATE_PER_S),
            (
                "vcpu",
                &mut f.task_vcpu,
                TASK_VCPU_RANGE.0,
                TASK_VCPU_RANGE.1,
            ),
            (
                "mem",
                &mut f.task_memory_gb,
                TASK_MEMORY_GB_RANGE.0,
                TASK_MEMORY_GB_RANGE.1,
            ),
            ("p_vcpu", &mut f.vcpu_hour_usd, 0.0, MAX_PRICE_USD),
            ("p_gb", &mut f.gb_hour_usd, 0.0, MAX_PRICE_USD),
            ("fixed", &mut f.fixed_month_usd, 0.0, MAX_PRICE_USD),
        ];
        for (key, x, min, max) in numbers {
            if let Some(v) = r.number(key, min, max) {
                *x = v;
            }
        }
        if let Some(v) = r.whole("floor", 1, MAX_FLEET_TASKS) {
            p.fleet.floor_tasks = v;
        }
        if let Some(v) = r.choice("arch", &[("x86", Arch::X86), ("arm", Arch::Arm)]) {
            p.arch = v;
        }
        let doors =
            [FrontDoor::HttpApi, FrontDoor::RestApi, FrontDoor::Event].map(|d| (door_slug(d), d));
        if let Some(v) = r.choice("door", &doors) {
            p.front_door = v;
        }
        if let Some(v) = r.flag("free") {
            p.free_tier = v;
        }
        if let Some(v) = r.flag("billinit") {
            p.bill_init = v;
        }
        // The top rate and a task's capacity are each fine alone but may ask for too many steps together.
        for (key, undo) in [("max", true), ("cap", false)] {
            if tasks_needed(p.max_rate_per_s, p.fleet.task_capacity_per_s) <= MAX_FLEET_TASKS {
                break;
            }
            let (value, default) = if undo {
                (&mut p.max_rate_per_s, d.max_rate_per_s)
            } else {
                (
                    &mut p.fleet.task_capacity_per_s,
                    d.fleet.task_capacity_per_s,
                )
            };
            r.ignore(
                key,
                &value.to_string(),
                format!("with the other values this needs more than {MAX_FLEET_TASKS} tasks"),
            );
            *value = default;
        }
        (p, r.finish())
    }
}

/// The numeric fields a link may carry, with their keys.
fn number_fields(p: &ServerlessParams) -> [(&'static str, f64); 21] {
    let (f, pr) = (&p.fleet, &p.prices);
    [
        ("rate", p.rate_per_s),
        ("ms", p.duration_ms),
        ("mb", p.memory_mb),
        ("init", p.init_ms),
        ("keep", p.keep_alive_s),
        ("hours", p.hours_per_month),
        ("max", p.max_rate_per_s),
        ("p_x86", pr.gb_s_x86_usd),
        ("p_arm", pr.gb_s_arm_usd),
        ("p_req", pr.requests_per_million_usd),
        ("p_http", pr.http_api_per_million_usd),
        ("p_rest", pr.rest_api_per_million_usd),
        ("free_req", pr.free_requests_per_month),
        ("free_gbs", pr.free_gb_s_per_month),
        ("cap", f.task_capacity_per_s),
        ("vcpu", f.task_vcpu),
        ("mem", f.task_memory_gb),
        ("p_vcpu", f.vcpu_hour_usd),
        ("p_gb", f.gb_hour_usd),
        ("fixed", f.fixed_month_usd),
        ("floor", f64::from(f.floor_tasks)),
    ]
}

fn arch_slug(a: Arch) -> &'static str {
    match a {
        Arch::X86 => "x86",
        Arch::Arm => "arm",
    }
}

fn door_slug(d: FrontDoor) -> &'static str {
    match d {
        FrontDoor::HttpApi => "http",
        FrontDoor::RestApi => "rest",
        FrontDoor::Event => "event",
    }
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for ServerlessParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The serverless demo in the lab's registry.
pub struct Serverless;

impl crate::demo::Demo for Serverless {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::Serverless;
    type Params = ServerlessParams;
    type Outcome = ServerlessOutcome;

    fn evaluate(p: &ServerlessParams) -> Result<ServerlessOutcome, Vec<String>> {
        evaluate(p)
    }

    const SHARES: &'static [crate::scenario::SharedValue] = &[
        crate::scenario::SharedValue::EdgeLoad,
        crate::scenario::SharedValue::CdnHitRatio,
    ];

    fn take(p: &mut ServerlessParams, s: &crate::scenario::Scenario) {
        crate::scenario::apply_to_serverless(s, p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_text_keeps_three_figures() {
        for (x, s) in [
            (19.7427, "19.7"),
            (2.4221, "2.42"),
            (0.001234, "0.00123"),
            (200.0, "200"),
            (1_234.6, "1235"),
            (0.0, "0"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(rate_text(x), s);
        }
    }

    #[test]
    fn first_reach_finds_the_lowest_crossing_of_a_line() {
        let r = first_reach(&|x| 2.0 * x, 0.0, 10.0, 5.0).unwrap();
        assert!((r - 2.5).abs() < 1e-12, "{r}");
        assert_eq!(first_reach(&|x| 2.0 * x, 0.0, 1.0, 5.0), None);
    }
}
