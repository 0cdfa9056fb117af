//! What a student can change in the serverless demo: the workload, the function, the
//! fleet and the prices; their limits, link and range checks.

use super::*;
use crate::cost::{price_spec, CostParams};
use crate::params::{self, shared, Choice, Field, Fields, Spec, Table};

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
    /// Each preset's slug and title, in `ALL`'s order.
    const CHOICES: [Choice; 2] = [
        Choice::new("api", "PhotoShare's API"),
        Choice::new("thumbnails", "Thumbnail function"),
    ];

    pub fn slug(self) -> &'static str {
        Preset::CHOICES[self as usize].slug
    }

    pub fn title(self) -> &'static str {
        Preset::CHOICES[self as usize].label
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

/// The numbers of the workload, the fleet and the free tier.
const NUMBERS: [Field<ServerlessParams>; 11] = [
    ServerlessParams::RATE_PER_S,
    ServerlessParams::MAX_RATE_PER_S,
    ServerlessParams::DURATION_MS,
    ServerlessParams::INIT_MS,
    ServerlessParams::KEEP_ALIVE_S,
    ServerlessParams::HOURS_PER_MONTH,
    ServerlessParams::FLEET_TASK_CAPACITY_PER_S,
    ServerlessParams::FLEET_TASK_VCPU,
    ServerlessParams::FLEET_TASK_MEMORY_GB,
    ServerlessParams::PRICES_FREE_REQUESTS_PER_MONTH,
    ServerlessParams::PRICES_FREE_GB_S_PER_MONTH,
];

/// The prices, exact decimals in dollars.
const PRICES: [Field<ServerlessParams>; 8] = [
    ServerlessParams::PRICES_GB_S_X86_USD,
    ServerlessParams::PRICES_GB_S_ARM_USD,
    ServerlessParams::PRICES_REQUESTS_PER_MILLION_USD,
    ServerlessParams::PRICES_HTTP_API_PER_MILLION_USD,
    ServerlessParams::PRICES_REST_API_PER_MILLION_USD,
    ServerlessParams::FLEET_VCPU_HOUR_USD,
    ServerlessParams::FLEET_GB_HOUR_USD,
    ServerlessParams::FLEET_FIXED_MONTH_USD,
];

const ARCHS: [Choice; 2] = [
    Choice {
        slug: "x86",
        label: "x86",
    },
    Choice {
        slug: "arm",
        label: "Arm (Graviton)",
    },
];

const DOORS: [Choice; 3] = [
    Choice {
        slug: "http",
        label: "HTTP API",
    },
    Choice {
        slug: "rest",
        label: "REST API",
    },
    Choice {
        slug: "event",
        label: "an S3 event (no gateway)",
    },
];

/// The fleet's floor, the function's architecture and front door, and the switches.
const CHOICES: [Field<ServerlessParams>; 6] = [
    ServerlessParams::MEMORY_MB,
    ServerlessParams::FLEET_FLOOR_TASKS,
    ServerlessParams::ARCH,
    ServerlessParams::DOOR,
    ServerlessParams::FREE_TIER,
    ServerlessParams::BILL_INIT,
];

/// Each field of the table, named as its place in the params.
impl ServerlessParams {
    /// Where the other values start from: choosing a preset sets them all. Not in the table:
    /// a link names it first and writes only what differs from it.
    pub const PRESET: Field<Self> = Field::choice(
        Spec::named("preset", "Start from"),
        &Preset::CHOICES,
        |p| p.preset.slug(),
        |p, slug| {
            if let Some(preset) = Preset::ALL.into_iter().find(|x| x.slug() == slug) {
                *p = ServerlessParams::preset(preset);
            }
        },
    );
    crate::fields! {
        /// The function's memory, in whole MB.
        MEMORY_MB: whole memory_mb,
            Spec::new("mb", "Memory, MB", "",
                (MEMORY_MB_RANGE.0 as f64, MEMORY_MB_RANGE.1 as f64), 1.0);
        RATE_PER_S: number rate_per_s,
            Spec::new("rate", "Average rate", "", (0.0, MAX_RATE_PER_S), 0.1)
                .said("The request rate (req/s)");
        MAX_RATE_PER_S: number max_rate_per_s,
            Spec::new("upto", "Chart up to (rate)", "", (0.001, MAX_RATE_PER_S), 1.0)
                .said("The chart's top rate (req/s)");
        DURATION_MS: number duration_ms,
            Spec::new("ms", "Duration, ms", "", (1.0, MAX_DURATION_MS), 1.0)
                .said("The duration (ms)");
        INIT_MS: number init_ms,
            Spec::new("init", "Init time of a cold start, ms", "", (0.0, MAX_INIT_MS), 10.0)
                .said("The init time (ms)");
        KEEP_ALIVE_S: number keep_alive_s,
            Spec::new("keep", "Kept warm after the last request, s", "", (0.0, MAX_KEEP_ALIVE_S),
                10.0).said("The keep-alive window (s)");
        HOURS_PER_MONTH: number hours_per_month, shared::HOURS_IN_MONTH;
        FLEET_TASK_CAPACITY_PER_S: number fleet.task_capacity_per_s,
            shared::TASK_CAPACITY_AT_TARGET.said("A task's capacity");
        FLEET_TASK_VCPU: number fleet.task_vcpu, shared::TASK_VCPU;
        FLEET_TASK_MEMORY_GB: number fleet.task_memory_gb, shared::TASK_MEMORY_GB;
        PRICES_FREE_REQUESTS_PER_MONTH: number prices.free_requests_per_month,
            Spec::new("free_req", "Free requests a month", "", (0.0, MAX_FREE_PER_MONTH), 1.0)
                .said("The free tier's requests per month");
        PRICES_FREE_GB_S_PER_MONTH: number prices.free_gb_s_per_month,
            Spec::new("free_gbs", "Free GB-seconds a month", "", (0.0, MAX_FREE_PER_MONTH), 1.0)
                .said("The free tier's GB-seconds per month");
        PRICES_GB_S_X86_USD: price prices.gb_s_x86_usd,
            price_spec("p_x86", "Lambda x86, $ per GB-second", "The x86 GB-second price");
        PRICES_GB_S_ARM_USD: price prices.gb_s_arm_usd,
            price_spec("p_arm", "Lambda Arm, $ per GB-second", "The Arm GB-second price");
        PRICES_REQUESTS_PER_MILLION_USD: price prices.requests_per_million_usd,
            price_spec("p_req", "Lambda, $ per million requests", "The price per million requests");
        PRICES_HTTP_API_PER_MILLION_USD: price prices.http_api_per_million_usd,
            price_spec("p_http", "HTTP API, $ per million requests",
                "The HTTP API price per million");
        PRICES_REST_API_PER_MILLION_USD: price prices.rest_api_per_million_usd,
            price_spec("p_rest", "REST API, $ per million requests",
                "The REST API price per million");
        // Fargate's prices mean what they mean in the cost demo.
        FLEET_VCPU_HOUR_USD: price fleet.vcpu_hour_usd,
            CostParams::PRICES_FARGATE_VCPU_HOUR_USD.spec;
        FLEET_GB_HOUR_USD: price fleet.gb_hour_usd, CostParams::PRICES_FARGATE_GB_HOUR_USD.spec;
        FLEET_FIXED_MONTH_USD: price fleet.fixed_month_usd,
            price_spec("fixed", "Fleet's fixed cost (load balancer), $ a month",
                "The fleet's fixed monthly cost");
        FLEET_FLOOR_TASKS: whole fleet.floor_tasks,
            Spec::new("floor", "Fleet floor", "tasks", (1.0, MAX_FLEET_TASKS as f64), 1.0)
                .said("The fleet's floor");
    }
    pub const ARCH: Field<Self> = Field::choice(
        Spec::named("arch", "Processor"),
        &ARCHS,
        |p| arch_slug(p.arch),
        |p, s| p.arch = if s == "arm" { Arch::Arm } else { Arch::X86 },
    );
    pub const DOOR: Field<Self> = Field::choice(
        Spec::named("door", "In front of the function"),
        &DOORS,
        |p| door_slug(p.front_door),
        |p, s| {
            p.front_door = match s {
                "rest" => FrontDoor::RestApi,
                "event" => FrontDoor::Event,
                _ => FrontDoor::HttpApi,
            }
        },
    );
    crate::fields! {
        FREE_TIER: flag free_tier, Spec::named("free", "Monthly free tier");
        BILL_INIT: flag bill_init, Spec::named("billinit", "Init time is billed");
    }
}

/// Link keys: `preset` (api, thumbnails) first, then only what differs from that preset, in
/// the table's order: `rate upto ms init keep hours tcap vcpu mem free_req free_gbs`, prices
/// `p_x86 p_arm` ($/GB-s) `p_req p_http p_rest` ($/million) `p_vcpu p_gb fixed` (exact
/// decimals), `mb floor`, `arch` (x86, arm), `door` (http, rest, event), `free billinit` (1/0).
impl Fields for ServerlessParams {
    const FIELDS: Table<Self> = &[&NUMBERS, &PRICES, &CHOICES];

    /// The top rate and a task's capacity are each fine alone but may ask for too many
    /// steps together: the top rate goes back to the preset's first, then the capacity.
    fn repair(&mut self, r: &mut LinkReader<'_>) {
        let d = ServerlessParams::preset(self.preset);
        for (key, undo) in [("upto", true), ("tcap", false)] {
            if tasks_at_top(self).is_some_and(|t| t <= MAX_FLEET_TASKS) {
                break;
            }
            let (value, default) = if undo {
                (&mut self.max_rate_per_s, d.max_rate_per_s)
            } else {
                (
                    &mut self.fleet.task_capacity_per_s,
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
    }
}

impl LinkState for ServerlessParams {
    fn to_query(&self) -> String {
        let key = ServerlessParams::PRESET.spec.key;
        let preset =
            (self.preset != Preset::default()).then(|| (key, self.preset.slug().to_string()));
        let base = ServerlessParams::preset(self.preset);
        Query::encode(preset.into_iter().chain(params::differing(self, &base)))
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut r = LinkReader::new(query);
        let presets = Preset::ALL.map(|p| (p.slug(), p));
        let preset = r
            .choice(ServerlessParams::PRESET.spec.key, &presets)
            .unwrap_or_default();
        let mut p = ServerlessParams::preset(preset);
        params::read_into(&mut r, &mut p);
        (p, r.finish())
    }
}

/// Every problem with the params, in words: each field out of its range (the memory in
/// Lambda's own terms).
pub(super) fn validate(p: &ServerlessParams) -> Vec<String> {
    params::fields::<ServerlessParams>()
        .filter(|f| !f.holds(p))
        .map(|f| {
            if f.spec.key == ServerlessParams::MEMORY_MB.spec.key {
                format!(
                    "The function's memory must be a whole number of MB from {} to {}.",
                    MEMORY_MB_RANGE.0, MEMORY_MB_RANGE.1
                )
            } else {
                f.out_of_range()
            }
        })
        .collect()
}

/// Tasks the fleet needs at the chart's top, if the numbers fit.
fn tasks_at_top(p: &ServerlessParams) -> Option<u32> {
    let pr = Pricing::new(p)?;
    pr.tasks_for(pr.requests_at(p.max_rate_per_s)?)
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
