//! Serverless crossover (extension B of the worked example).
//!
//! The lesson: functions bill per request and per GB-second, so their cost is a
//! straight line through zero; an always-on fleet bills by the hour, so its
//! cost is a staircase that starts at the availability floor. Below the
//! crossover rate the functions are cheaper (the fleet would sit idle); above
//! it the fleet is. Scaling to zero has a price in latency too: after an idle
//! spell the next request waits for a cold start.
//!
//! Money is exact (see [`crate::money`]): a month is a whole number of requests,
//! Lambda bills each run's duration rounded up to the millisecond at a whole
//! number of MB, each charge is rounded half a cent up, and a bill is the sum of
//! its charges. The crossover is the first whole number of requests a month at
//! which the functions' bill reaches the fleet's, to the cent.

use crate::cost::{
    price_in_range, price_problem, MAX_HOURS_PER_MONTH, TASK_MEMORY_GB_RANGE, TASK_VCPU_RANGE,
};
use crate::documented::Documented;
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
use crate::money::{Decimal, Usd, TOO_LARGE};
use crate::photoshare::{self, cost as ps, printed};

/// When the function prices were read.
pub const PRICES_AS_OF: &str = "2025 (first pricing tier; illustrative)";
/// Where the function prices come from, for the page's footnote.
pub const PRICE_SOURCE: &str = "AWS Lambda and API Gateway pricing pages, us-east-1 list prices as shown in 2025 \
     (Lambda's eu-west-1 rates are the same), first tier only. Illustrative: re-check before relying on them. \
     The fleet uses the worked example's Fargate prices.";

/// What AWS documents about what the functions cost, and how the lab follows it.
pub const DOCUMENTED: [Documented; 5] = [
    Documented {
        says: "Lambda charges for requests and for duration: the time the code runs, rounded up \
to the nearest millisecond, times the memory configured, priced per GB-second. Each month's \
first 1 million requests and 400,000 GB-seconds are free.",
        lab: "A month's requests are rate × seconds, to the whole request; each run bills whole \
milliseconds (rounded up) at whole MB; a GB-second is 1,024 MB for 1,000 ms. Each charge is \
rounded to the cent, half a cent up.",
        source: "AWS Lambda Pricing",
        url: "https://aws.amazon.com/lambda/pricing/",
    },
    Documented {
        says: "A function's memory is set from 128 MB to 10,240 MB in 1-MB increments.",
        lab: "Memory is a whole number of MB in that range; anything else is refused in words.",
        source: "AWS Lambda Developer Guide: Configure Lambda function memory",
        url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
    },
    Documented {
        says: "Since 1 August 2025 the initialization (INIT) phase of a cold start is billed like \
the invocation's duration for every on-demand function.",
        lab:
            "Each cold start adds its init time to the billed duration (a switch turns this off to \
compare with the old rule); cold starts are e^(−λT) of the requests, to the whole invocation.",
        source: "AWS Compute Blog: AWS Lambda standardizes billing for INIT Phase",
        url: "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/",
    },
    Documented {
        says: "API Gateway charges per million API calls: HTTP APIs $1.00 and REST APIs $3.50 in \
the first tier.",
        lab:
            "The gateway's charge is requests × its price per million, rounded half a cent up; an \
S3 event has no gateway.",
        source: "Amazon API Gateway Pricing",
        url: "https://aws.amazon.com/api-gateway/pricing/",
    },
    Documented {
        says: "Lambda keeps an execution environment for a while after an invocation so the next \
can reuse it; how long is not published.",
        lab: "The lab's assumption: an idle environment is kept 10 minutes (5–15 is what \
measurements commonly see); the keep-alive field changes it.",
        source:
            "AWS Lambda Developer Guide: Understanding the Lambda execution environment lifecycle",
        url: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html",
    },
];

/// Lambda, x86: dollars per GB-second.
pub const LAMBDA_GB_S_X86_USD: Decimal = Decimal::lit("0.0000166667");
/// Lambda, Arm (Graviton): dollars per GB-second.
pub const LAMBDA_GB_S_ARM_USD: Decimal = Decimal::lit("0.0000133334");
pub const LAMBDA_REQUESTS_PER_MILLION_USD: Decimal = Decimal::lit("0.20");
pub const HTTP_API_PER_MILLION_USD: Decimal = Decimal::lit("1.00");
pub const REST_API_PER_MILLION_USD: Decimal = Decimal::lit("3.50");
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
pub const MEMORY_MB_RANGE: (u32, u32) = (128, 10_240);
pub const MAX_INIT_MS: f64 = 10_000.0;
pub const MAX_KEEP_ALIVE_S: f64 = 86_400.0;
/// Most requests or GB-seconds a month the free tier may be set to.
pub const MAX_FREE_PER_MONTH: f64 = 1e12;
/// Points on each cost curve.
pub const CURVE_POINTS: usize = 201;
/// Grid points per fleet step scanned before bisecting (see [`Crossover`]).
pub const SCAN_POINTS_PER_STEP: u64 = 64;

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

/// Function prices, in dollars, as exact decimals; the free tier in requests and GB-seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunctionPrices {
    pub gb_s_x86_usd: Decimal,
    pub gb_s_arm_usd: Decimal,
    pub requests_per_million_usd: Decimal,
    pub http_api_per_million_usd: Decimal,
    pub rest_api_per_million_usd: Decimal,
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
    pub vcpu_hour_usd: Decimal,
    pub gb_hour_usd: Decimal,
    /// Monthly cost the fleet has and the functions do not (the ALB, which
    /// API Gateway replaces); 0 for an event-driven worker.
    pub fixed_month_usd: Decimal,
}

/// Everything the serverless demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerlessParams {
    /// The starting point the other fields were taken from (links store only changes from it).
    pub preset: Preset,
    /// Average request rate to compare at.
    pub rate_per_s: f64,
    /// Run time of one invocation, warm; billed rounded up to the millisecond.
    pub duration_ms: f64,
    /// Whole MB, as Lambda takes it.
    pub memory_mb: u32,
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
            memory_mb: 512,
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
                memory_mb: 1_024,
                front_door: FrontDoor::Event,
                // Assumption: Python importing boto3 and Pillow.
                init_ms: 700.0,
                fleet: FleetParams {
                    // Lambda gives a full vCPU at 1,769 MB, so the 800 ms resize at
                    // 1,024 MB is ≈ 0.46 vCPU-seconds; a 1 vCPU task held at 60 %
                    // CPU then resizes ≈ 1.3 images/s.
                    task_capacity_per_s: 1.3,
                    // A queue feeds the workers: no load balancer.
                    fixed_month_usd: Decimal::ZERO,
                    ..fargate
                },
                // Far enough to see where the fleet's steps stop catching up.
                max_rate_per_s: 12.0,
                ..api
            },
        }
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

/// The functions' monthly bill for a number of requests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunctionsBill {
    pub requests_per_month: u64,
    /// Share of requests that start cold, 0–1.
    pub cold_share: f64,
    /// requests × cold share, to the whole invocation.
    pub cold_starts: u64,
    /// Billed GB-seconds before the free tier: whole milliseconds (plus init when
    /// billed) × whole MB ÷ 1,024,000, exactly.
    pub gb_s: Decimal,
    /// Lambda's per-request charge, after the free tier.
    pub requests_usd: Usd,
    /// The API gateway's per-request charge.
    pub gateway_usd: Usd,
    /// GB-seconds × price, after the free tier.
    pub compute_usd: Usd,
    /// The sum of the three charges.
    pub total_usd: Usd,
}

/// The fleet's monthly bill for a number of requests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetBill {
    /// max(floor, ⌈requests ÷ what one task serves in the month⌉).
    pub tasks: u32,
    /// tasks × task-hour price × hours, rounded half a cent up.
    pub tasks_usd: Usd,
    pub fixed_usd: Usd,
    pub total_usd: Usd,
}

/// A month's prices and meters, worked out once from the params, exactly.
#[derive(Clone, Debug)]
pub struct Pricing {
    seconds: Decimal,
    seconds_f64: f64,
    keep_alive_s: f64,
    billed_ms: Decimal,
    billed_init_ms: Decimal,
    memory_mb: Decimal,
    free_requests: Decimal,
    /// The free GB-seconds as MB-milliseconds.
    free_mb_ms: Decimal,
    gb_s_usd: Decimal,
    request_per_million_usd: Decimal,
    gateway_per_million_usd: Decimal,
    floor_tasks: u32,
    /// Requests one task serves in the month.
    task_month_requests: Decimal,
    /// One task for the month: (vCPU × price + GB × price) × hours.
    task_month_usd: Decimal,
    fixed_usd: Usd,
}

/// GB-seconds in an MB-millisecond: 1 ÷ (1,024 × 1,000), a finite decimal.
const GB_S_PER_MB_MS: Decimal = Decimal::lit("0.0000009765625");
/// MB-milliseconds in a GB-second.
const MB_MS_PER_GB_S: Decimal = Decimal::whole(1_024_000);

impl Pricing {
    /// `None` when the numbers do not fit exact arithmetic.
    pub fn new(p: &ServerlessParams) -> Option<Pricing> {
        let exact = Decimal::from_f64;
        let hours = exact(p.hours_per_month)?;
        let seconds = hours.checked_mul(Decimal::whole(3_600))?;
        let ceil_ms = |ms: f64| exact(ms.ceil());
        let (free_requests, free_gb_s) = if p.free_tier {
            (
                exact(p.prices.free_requests_per_month)?,
                exact(p.prices.free_gb_s_per_month)?,
            )
        } else {
            (Decimal::ZERO, Decimal::ZERO)
        };
        let f = &p.fleet;
        let task_hour = exact(f.task_vcpu)?
            .checked_mul(f.vcpu_hour_usd)?
            .checked_add(exact(f.task_memory_gb)?.checked_mul(f.gb_hour_usd)?)?;
        Some(Pricing {
            seconds_f64: seconds.to_f64(),
            seconds,
            keep_alive_s: p.keep_alive_s,
            billed_ms: ceil_ms(p.duration_ms)?,
            billed_init_ms: if p.bill_init {
                ceil_ms(p.init_ms)?
            } else {
                Decimal::ZERO
            },
            memory_mb: Decimal::whole(i128::from(p.memory_mb)),
            free_requests,
            free_mb_ms: free_gb_s.checked_mul(MB_MS_PER_GB_S)?,
            gb_s_usd: match p.arch {
                Arch::X86 => p.prices.gb_s_x86_usd,
                Arch::Arm => p.prices.gb_s_arm_usd,
            },
            request_per_million_usd: p.prices.requests_per_million_usd,
            gateway_per_million_usd: match p.front_door {
                FrontDoor::HttpApi => p.prices.http_api_per_million_usd,
                FrontDoor::RestApi => p.prices.rest_api_per_million_usd,
                FrontDoor::Event => Decimal::ZERO,
            },
            floor_tasks: f.floor_tasks,
            task_month_requests: exact(f.task_capacity_per_s)?.checked_mul(seconds)?,
            task_month_usd: task_hour.checked_mul(hours)?,
            fixed_usd: f.fixed_month_usd.cents()?,
        })
    }

    /// Requests in a month at an average rate, to the whole request.
    pub fn requests_at(&self, rate_per_s: f64) -> Option<u64> {
        Decimal::from_f64(rate_per_s)?
            .checked_mul(self.seconds)?
            .round_whole()
            .and_then(|r| u64::try_from(r).ok())
    }

    /// The average rate of a month's requests, for the page and the charts.
    pub fn rate_of(&self, requests: u64) -> f64 {
        requests as f64 / self.seconds_f64
    }

    pub fn functions(&self, requests: u64) -> Option<FunctionsBill> {
        let cold_share = cold_start_share(self.rate_of(requests), self.keep_alive_s);
        // Expected cold starts, to the whole invocation (f64 is exact far beyond the demo's 10¹¹ requests).
        let cold_starts = (requests as f64 * cold_share).round() as u64;
        let r = Decimal::whole(i128::from(requests));
        let mb_ms = r
            .checked_mul(self.billed_ms)?
            .checked_add(Decimal::whole(i128::from(cold_starts)).checked_mul(self.billed_init_ms)?)?
            .checked_mul(self.memory_mb)?;
        let requests_usd = r
            .checked_sub(self.free_requests)?
            .at_least_zero()
            .checked_mul(self.request_per_million_usd)?
            .cents_over(1_000_000)?;
        let gateway_usd = r
            .checked_mul(self.gateway_per_million_usd)?
            .cents_over(1_000_000)?;
        let compute_usd = mb_ms
            .checked_sub(self.free_mb_ms)?
            .at_least_zero()
            .checked_mul(self.gb_s_usd)?
            .cents_over(1_024_000)?;
        Some(FunctionsBill {
            requests_per_month: requests,
            cold_share,
            cold_starts,
            gb_s: mb_ms.checked_mul(GB_S_PER_MB_MS)?,
            requests_usd,
            gateway_usd,
            compute_usd,
            total_usd: requests_usd + gateway_usd + compute_usd,
        })
    }

    /// Tasks the fleet runs for a month's requests.
    pub fn tasks_for(&self, requests: u64) -> Option<u32> {
        let needed = Decimal::whole(i128::from(requests)).div_ceil(self.task_month_requests)?;
        Some(u32::try_from(needed).ok()?.max(self.floor_tasks))
    }

    pub fn fleet(&self, requests: u64) -> Option<FleetBill> {
        self.fleet_of(self.tasks_for(requests)?)
    }

    fn fleet_of(&self, tasks: u32) -> Option<FleetBill> {
        let tasks_usd = Decimal::whole(i128::from(tasks))
            .checked_mul(self.task_month_usd)?
            .cents()?;
        Some(FleetBill {
            tasks,
            tasks_usd,
            fixed_usd: self.fixed_usd,
            total_usd: tasks_usd + self.fixed_usd,
        })
    }

    /// The most requests `tasks` tasks serve in a month: ⌊tasks × one task's month⌋.
    fn step_top(&self, tasks: u32) -> Option<u64> {
        let top = Decimal::whole(i128::from(tasks))
            .checked_mul(self.task_month_requests)?
            .div_floor(Decimal::ONE)?;
        u64::try_from(top).ok()
    }
}

/// The lowest whole number of requests a month at which the functions cost at
/// least as much as the fleet, to the cent.
///
/// The fleet's cost is a staircase, constant on each step (one more task from
/// just above a step's top), and the functions' cost rises with the requests,
/// so the crossover is found by scanning each step on a grid of
/// [`SCAN_POINTS_PER_STEP`] points and bisecting the first bracket down to one
/// request. The functions' cost rises with the rate unless billed init time
/// exceeds e² ≈ 7.4 × the duration (fewer cold starts as traffic grows can then
/// lower it); only in that case could a dip narrower than a grid cell be missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crossover {
    pub requests_per_month: u64,
    /// The same, as an average rate.
    pub rate_per_s: f64,
    pub functions_usd: Usd,
    pub fleet_usd: Usd,
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
    /// The same to the cent.
    Same,
}

/// Cold starts at the compared rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColdStarts {
    /// 0–1: e^(−rate × keep-alive).
    pub share: f64,
    pub per_month: u64,
    /// What each cold start adds to a request's latency.
    pub init_ms: f64,
    /// Averaged over all requests: share × init.
    pub mean_added_ms: f64,
}

/// Both costs at one rate, for the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    pub rate_per_s: f64,
    pub functions_usd: Usd,
    pub fleet_usd: Usd,
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
    /// The fleet's staircase as exact corners (rate, $), from 0 to the top, for the chart.
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
    let pr = Pricing::new(p).ok_or_else(too_large)?;
    let max_month = Decimal::from_f64(p.max_rate_per_s)
        .and_then(|m| m.checked_mul(pr.seconds))
        .ok_or_else(too_large)?;
    let max_requests = max_month
        .round_whole()
        .and_then(|r| u64::try_from(r).ok())
        .ok_or_else(too_large)?;
    match pr.tasks_for(max_requests) {
        Some(t) if t <= MAX_FLEET_TASKS => {}
        _ => {
            return Err(vec![format!(
                "The chart's top rate would need more than {MAX_FLEET_TASKS} tasks: lower it or raise a task's capacity."
            )])
        }
    }
    outcome(p, &pr, max_month, max_requests).ok_or_else(too_large)
}

fn too_large() -> Vec<String> {
    vec![TOO_LARGE.to_string()]
}

fn outcome(
    p: &ServerlessParams,
    pr: &Pricing,
    max_month: Decimal,
    max_requests: u64,
) -> Option<ServerlessOutcome> {
    // The largest bills first: if they fit, every smaller one does.
    pr.functions(max_requests)?;
    let requests = pr.requests_at(p.rate_per_s)?;
    let functions = pr.functions(requests)?;
    let fleet = pr.fleet(requests)?;
    let cheaper = match functions.total_usd.cmp(&fleet.total_usd) {
        std::cmp::Ordering::Less => Cheaper::Functions,
        std::cmp::Ordering::Equal => Cheaper::Same,
        std::cmp::Ordering::Greater => Cheaper::Fleet,
    };
    let last = (CURVE_POINTS - 1) as f64;
    let mut curve = Vec::with_capacity(CURVE_POINTS);
    for i in 0..CURVE_POINTS {
        // i/200 of the top, to the whole request: exact, as 1/200 is a finite decimal.
        let r = Decimal::product(&[max_month, Decimal::whole(i as i128), Decimal::lit("0.005")])?
            .round_whole()?;
        let r = u64::try_from(r).ok()?;
        curve.push(CurvePoint {
            rate_per_s: p.max_rate_per_s * i as f64 / last,
            functions_usd: pr.functions(r)?.total_usd,
            fleet_usd: pr.fleet(r)?.total_usd,
        });
    }
    let steps = steps(pr, max_requests)?;
    let mut fleet_steps = Vec::with_capacity(steps.len() * 2);
    for &(low, high, tasks) in &steps {
        let usd = pr.fleet_of(tasks)?.total_usd.to_f64();
        fleet_steps.push((pr.rate_of(low), usd));
        fleet_steps.push((pr.rate_of(high), usd));
    }
    Some(ServerlessOutcome {
        rate_per_s: p.rate_per_s,
        rate_unit: p.preset.rate_unit(),
        cheaper,
        crossover: crossover(pr, &steps)?,
        max_rate_per_s: p.max_rate_per_s,
        curve,
        fleet_steps,
        cold_starts: ColdStarts {
            share: functions.cold_share,
            per_month: functions.cold_starts,
            init_ms: p.init_ms,
            mean_added_ms: functions.cold_share * p.init_ms,
        },
        functions,
        fleet,
    })
}

/// The fleet's steps up to the top: (first request count, last, tasks); the
/// floor's step starts at 0, every later one just above the previous top.
fn steps(pr: &Pricing, max_requests: u64) -> Option<Vec<(u64, u64, u32)>> {
    let last = pr.tasks_for(max_requests)?;
    let mut out = Vec::new();
    let mut low = 0;
    for tasks in pr.floor_tasks..=last {
        let top = pr.step_top(tasks)?.min(max_requests);
        out.push((low, top, tasks));
        low = top;
    }
    Some(out)
}

/// `None` when a bill does not fit; `Some(None)` when the functions stay cheaper.
fn crossover(pr: &Pricing, steps: &[(u64, u64, u32)]) -> Option<Option<Crossover>> {
    // `outcome` checked the largest bill fits, so no smaller one falls back to the maximum.
    let cost = |r: u64| {
        pr.functions(r)
            .map_or(Usd::from_cents(i128::MAX), |b| b.total_usd)
    };
    let mut found: Option<Crossover> = None;
    // The last step that starts with the functions cheaper, after the crossover.
    let mut last_lost_step = None;
    for &(low, high, tasks) in steps {
        let fleet_usd = pr.fleet_of(tasks)?.total_usd;
        match found.as_mut() {
            None => {
                let at = if cost(low) >= fleet_usd {
                    // Only at 0 on the floor step: every later step starts where the last one failed.
                    Some(low)
                } else {
                    first_reach(&cost, low, high, fleet_usd)
                };
                if let Some(r) = at {
                    let fleet = pr.fleet(r)?;
                    found = Some(Crossover {
                        requests_per_month: r,
                        rate_per_s: pr.rate_of(r),
                        functions_usd: cost(r),
                        fleet_usd: fleet.total_usd,
                        fleet_tasks: fleet.tasks,
                        functions_cheaper_again_above_per_s: None,
                        fleet_cheaper_from_per_s: Some(pr.rate_of(r)),
                    });
                }
            }
            Some(c) => {
                // The step's first request count is the first with one more task.
                if low < high && cost(low + 1) < fleet_usd {
                    c.functions_cheaper_again_above_per_s
                        .get_or_insert(pr.rate_of(low));
                    last_lost_step = Some((low, high, fleet_usd));
                }
            }
        }
    }
    if let (Some(c), Some((low, high, fleet_usd))) = (found.as_mut(), last_lost_step) {
        c.fleet_cheaper_from_per_s =
            first_reach(&cost, low, high, fleet_usd).map(|r| pr.rate_of(r));
    }
    Some(found)
}

/// The lowest count in (low, high] where `cost` reaches `target`, given `cost(low) < target`.
fn first_reach(cost: &impl Fn(u64) -> Usd, low: u64, high: u64, target: Usd) -> Option<u64> {
    let mut below = low;
    let span = u128::from(high.saturating_sub(low));
    for j in 1..=u128::from(SCAN_POINTS_PER_STEP) {
        let r = low + u64::try_from((span * j).div_ceil(u128::from(SCAN_POINTS_PER_STEP))).ok()?;
        if r <= below {
            continue;
        }
        if cost(r) >= target {
            let mut above = r;
            while above - below > 1 {
                let mid = below + (above - below) / 2;
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

fn validate(p: &ServerlessParams) -> Vec<String> {
    let mut problems = Vec::new();
    for f in NUMBER_FIELDS {
        let x = (f.get)(p);
        if !(x.is_finite() && (f.min..=f.max).contains(&x)) {
            problems.push(format!(
                "{} must be between {} and {}.",
                f.what,
                number_text(f.min),
                number_text(f.max)
            ));
        }
    }
    if !(MEMORY_MB_RANGE.0..=MEMORY_MB_RANGE.1).contains(&p.memory_mb) {
        problems.push(format!(
            "The function's memory must be a whole number of MB from {} to {}.",
            MEMORY_MB_RANGE.0, MEMORY_MB_RANGE.1
        ));
    }
    for f in PRICE_FIELDS {
        if !price_in_range((f.get)(p)) {
            problems.push(price_problem(f.what));
        }
    }
    if !(1..=MAX_FLEET_TASKS).contains(&p.fleet.floor_tasks) {
        problems.push(format!(
            "The fleet's floor must be between 1 and {MAX_FLEET_TASKS} tasks."
        ));
    }
    problems
}

/// A number of the params: link key, how a message names it, range, and where it lives.
#[derive(Clone, Copy)]
struct NumberField {
    key: &'static str,
    what: &'static str,
    min: f64,
    max: f64,
    get: fn(&ServerlessParams) -> f64,
    set: fn(&mut ServerlessParams, f64),
}

const NUMBER_FIELDS: [NumberField; 11] = [
    NumberField {
        key: "rate",
        what: "The request rate (req/s)",
        min: 0.0,
        max: MAX_RATE_PER_S,
        get: |p| p.rate_per_s,
        set: |p, x| p.rate_per_s = x,
    },
    NumberField {
        key: "max",
        what: "The chart's top rate (req/s)",
        min: 0.001,
        max: MAX_RATE_PER_S,
        get: |p| p.max_rate_per_s,
        set: |p, x| p.max_rate_per_s = x,
    },
    NumberField {
        key: "ms",
        what: "The duration (ms)",
        min: 1.0,
        max: MAX_DURATION_MS,
        get: |p| p.duration_ms,
        set: |p, x| p.duration_ms = x,
    },
    NumberField {
        key: "init",
        what: "The init time (ms)",
        min: 0.0,
        max: MAX_INIT_MS,
        get: |p| p.init_ms,
        set: |p, x| p.init_ms = x,
    },
    NumberField {
        key: "keep",
        what: "The keep-alive window (s)",
        min: 0.0,
        max: MAX_KEEP_ALIVE_S,
        get: |p| p.keep_alive_s,
        set: |p, x| p.keep_alive_s = x,
    },
    NumberField {
        key: "hours",
        what: "Hours per month",
        min: 1.0,
        max: MAX_HOURS_PER_MONTH,
        get: |p| p.hours_per_month,
        set: |p, x| p.hours_per_month = x,
    },
    NumberField {
        key: "cap",
        what: "A task's capacity (req/s)",
        min: 0.001,
        max: MAX_RATE_PER_S,
        get: |p| p.fleet.task_capacity_per_s,
        set: |p, x| p.fleet.task_capacity_per_s = x,
    },
    NumberField {
        key: "vcpu",
        what: "A task's vCPU",
        min: TASK_VCPU_RANGE.0,
        max: TASK_VCPU_RANGE.1,
        get: |p| p.fleet.task_vcpu,
        set: |p, x| p.fleet.task_vcpu = x,
    },
    NumberField {
        key: "mem",
        what: "A task's memory (GB)",
        min: TASK_MEMORY_GB_RANGE.0,
        max: TASK_MEMORY_GB_RANGE.1,
        get: |p| p.fleet.task_memory_gb,
        set: |p, x| p.fleet.task_memory_gb = x,
    },
    NumberField {
        key: "free_req",
        what: "The free tier's requests per month",
        min: 0.0,
        max: MAX_FREE_PER_MONTH,
        get: |p| p.prices.free_requests_per_month,
        set: |p, x| p.prices.free_requests_per_month = x,
    },
    NumberField {
        key: "free_gbs",
        what: "The free tier's GB-seconds per month",
        min: 0.0,
        max: MAX_FREE_PER_MONTH,
        get: |p| p.prices.free_gb_s_per_month,
        set: |p, x| p.prices.free_gb_s_per_month = x,
    },
];

/// A price of the params: link key, how a message names it, and where it lives.
#[derive(Clone, Copy)]
struct PriceField {
    key: &'static str,
    what: &'static str,
    get: fn(&ServerlessParams) -> Decimal,
    set: fn(&mut ServerlessParams, Decimal),
}

const PRICE_FIELDS: [PriceField; 8] = [
    PriceField {
        key: "p_x86",
        what: "The x86 GB-second price",
        get: |p| p.prices.gb_s_x86_usd,
        set: |p, x| p.prices.gb_s_x86_usd = x,
    },
    PriceField {
        key: "p_arm",
        what: "The Arm GB-second price",
        get: |p| p.prices.gb_s_arm_usd,
        set: |p, x| p.prices.gb_s_arm_usd = x,
    },
    PriceField {
        key: "p_req",
        what: "The price per million requests",
        get: |p| p.prices.requests_per_million_usd,
        set: |p, x| p.prices.requests_per_million_usd = x,
    },
    PriceField {
        key: "p_http",
        what: "The HTTP API price per million",
        get: |p| p.prices.http_api_per_million_usd,
        set: |p, x| p.prices.http_api_per_million_usd = x,
    },
    PriceField {
        key: "p_rest",
        what: "The REST API price per million",
        get: |p| p.prices.rest_api_per_million_usd,
        set: |p, x| p.prices.rest_api_per_million_usd = x,
    },
    PriceField {
        key: "p_vcpu",
        what: "The Fargate vCPU-hour price",
        get: |p| p.fleet.vcpu_hour_usd,
        set: |p, x| p.fleet.vcpu_hour_usd = x,
    },
    PriceField {
        key: "p_gb",
        what: "The Fargate GB-hour price",
        get: |p| p.fleet.gb_hour_usd,
        set: |p, x| p.fleet.gb_hour_usd = x,
    },
    PriceField {
        key: "fixed",
        what: "The fleet's fixed monthly cost",
        get: |p| p.fleet.fixed_month_usd,
        set: |p, x| p.fleet.fixed_month_usd = x,
    },
];

/// Tasks the fleet needs at the chart's top, if the numbers fit.
fn tasks_at_top(p: &ServerlessParams) -> Option<u32> {
    let pr = Pricing::new(p)?;
    pr.tasks_for(pr.requests_at(p.max_rate_per_s)?)
}

/// Link keys: `preset` (api, thumbnails) first, then only what differs from
/// that preset: `rate max ms init keep hours cap vcpu mem free_req free_gbs`,
/// prices `p_x86 p_arm` ($/GB-s) `p_req p_http p_rest` ($/million) `p_vcpu p_gb
/// fixed` (read as exact decimals), whole numbers `mb floor`, and `arch` (x86,
/// arm) `door` (http, rest, event) `free billinit` (1/0).
impl LinkState for ServerlessParams {
    fn to_query(&self) -> String {
        let d = ServerlessParams::preset(self.preset);
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.preset != Preset::default() {
            pairs.push(("preset", self.preset.slug().to_string()));
        }
        for f in NUMBER_FIELDS {
            let x = (f.get)(self);
            if x != (f.get)(&d) {
                pairs.push((f.key, x.to_string()));
            }
        }
        for f in PRICE_FIELDS {
            let x = (f.get)(self);
            if x != (f.get)(&d) {
                pairs.push((f.key, x.to_string()));
            }
        }
        if self.memory_mb != d.memory_mb {
            pairs.push(("mb", self.memory_mb.to_string()));
        }
        if self.fleet.floor_tasks != d.fleet.floor_tasks {
            pairs.push(("floor", self.fleet.floor_tasks.to_string()));
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
        for f in NUMBER_FIELDS {
            if let Some(x) = r.number(f.key, f.min, f.max) {
                (f.set)(&mut p, x);
            }
        }
        for f in PRICE_FIELDS {
            if let Some(x) = r.decimal(f.key, Decimal::ZERO, crate::cost::MAX_PRICE_USD) {
                (f.set)(&mut p, x);
            }
        }
        if let Some(v) = r.whole("mb", MEMORY_MB_RANGE.0, MEMORY_MB_RANGE.1) {
            p.memory_mb = v;
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
            if tasks_at_top(&p).is_some_and(|t| t <= MAX_FLEET_TASKS) {
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
        let line = |r: u64| Usd::from_cents(i128::from(r) * 2);
        assert_eq!(
            first_reach(&line, 0, 1_000, Usd::from_cents(501)),
            Some(251)
        );
        assert_eq!(
            first_reach(&line, 0, 1_000, Usd::from_cents(500)),
            Some(250)
        );
        assert_eq!(first_reach(&line, 0, 10, Usd::from_cents(500)), None);
        assert_eq!(first_reach(&line, 7, 7, Usd::from_cents(1)), None);
    }
}
