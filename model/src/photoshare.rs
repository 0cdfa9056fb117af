//! PhotoShare, the course's worked example, as data.
//!
//! Every figure the worked example states lives here exactly once. Each demo's
//! `Default` reads from this module, and the golden tests compare the model's
//! results with the figures the worked example prints (the `printed` module).

/// Requests per second arriving at the CDN edge in the steady state.
pub const EDGE_LOAD_STEADY_PER_S: f64 = 1_200.0;
/// Requests per second at the edge during the 10× burst the design must absorb.
pub const EDGE_LOAD_BURST_PER_S: f64 = 9_000.0;
/// Share of edge requests the CDN answers from its cache (measured).
pub const CDN_HIT_RATIO: f64 = 0.92;

/// Requests per second one app task serves when its CPU sits at the target.
pub const TASK_CAPACITY_PER_S: f64 = 150.0;
/// Average CPU the target-tracking policy holds the fleet at.
pub const CPU_TARGET: f64 = 0.60;
/// Autoscaling floor and ceiling of the app tier.
pub const MIN_TASKS: u32 = 2;
pub const MAX_TASKS: u32 = 20;
/// `desired_count` in the ECS service before the autoscaler takes over.
pub const BASELINE_DESIRED_COUNT: u32 = 4;
/// Fast out, slow in.
pub const SCALE_OUT_COOLDOWN_S: u32 = 60;
pub const SCALE_IN_COOLDOWN_S: u32 = 300;

/// The ALB target group's health check on `/healthz`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HealthCheck {
    pub interval_s: u32,
    pub timeout_s: u32,
    pub healthy_threshold: u32,
    pub unhealthy_threshold: u32,
}

pub const HEALTH_CHECK_PATH: &str = "/healthz";
pub const HEALTH_CHECK: HealthCheck = HealthCheck {
    interval_s: 15,
    timeout_s: 5,
    healthy_threshold: 2,
    unhealthy_threshold: 3,
};

/// Where Elastic Load Balancing documents its target-group health checks.
pub const HEALTH_CHECK_SOURCE: &str = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html";

impl HealthCheck {
    /// A newly registered target must pass one check to be healthy (the healthy threshold is for an
    /// unhealthy target that recovers). AWS says the checks come every interval but not when the
    /// first one does; the lab's reading: a whole interval after registration, so a new target
    /// takes traffic `interval` after it registers.
    pub fn seconds_to_first_pass(&self) -> u32 {
        self.interval_s
    }

    /// An unhealthy target that answers again is back in service after the healthy threshold of
    /// passing checks in a row.
    pub fn seconds_to_recover(&self) -> u32 {
        self.interval_s.saturating_mul(self.healthy_threshold)
    }

    /// Fastest and slowest detection of a target that stops answering: each failed check ends
    /// at the timeout, and the unhealthy threshold of them in a row takes it out, so from
    /// (unhealthy − 1) × interval + timeout (a check starts the moment it dies) to
    /// unhealthy × interval + timeout (one had just passed).
    pub fn detection_range_s(&self) -> (u32, u32) {
        let fails = |checks: u32| {
            self.interval_s
                .saturating_mul(checks)
                .saturating_add(self.timeout_s)
        };
        (
            fails(self.unhealthy_threshold.saturating_sub(1)),
            fails(self.unhealthy_threshold),
        )
    }

    /// When the load balancer takes out a target registered at `registered_s` that stops
    /// answering at `dead_s`. Its checks start at `registered_s + k × interval` (k ≥ 1, the lab's
    /// reading above); a check that starts at or after `dead_s` fails, at its timeout.
    pub fn taken_out_at(&self, registered_s: u32, dead_s: u32) -> u32 {
        let interval = self.interval_s.max(1);
        let first_check = registered_s.saturating_add(interval);
        let first_failing = if dead_s <= first_check {
            first_check
        } else {
            first_check.saturating_add(
                (dead_s - first_check)
                    .div_ceil(interval)
                    .saturating_mul(interval),
            )
        };
        first_failing
            .saturating_add(interval.saturating_mul(self.unhealthy_threshold.saturating_sub(1)))
            .saturating_add(self.timeout_s)
    }
}

/// The monthly availability objective.
pub const SLO: f64 = 0.999;
/// Availability zones every tier spans.
pub const AVAILABILITY_ZONES: u32 = 2;

/// Effective availability of the Multi-AZ Postgres pair, the request path's weakest link.
pub const DB_MULTI_AZ_AVAILABILITY: f64 = 0.9995;
/// A single-AZ database, the alternative the worked example weighs.
pub const DB_SINGLE_AZ_AVAILABILITY: f64 = 0.995;

/// The cost model's assumptions (§4): eu-west-1 list prices, rounded and illustrative.
/// Prices are exact decimals (see [`crate::money`]).
pub mod cost {
    use crate::money::Decimal;

    pub const HOURS_PER_MONTH: f64 = 730.0;
    /// Fargate tasks running on average over the month, each 1 vCPU and 2 GB.
    pub const AVERAGE_TASKS: f64 = 2.0;
    pub const TASK_VCPU: f64 = 1.0;
    pub const TASK_MEMORY_GB: f64 = 2.0;
    pub const FARGATE_VCPU_HOUR_USD: Decimal = Decimal::lit("0.0445");
    pub const FARGATE_GB_HOUR_USD: Decimal = Decimal::lit("0.0049");
    /// db.r6g.large hourly rate for the Multi-AZ pair (the worked example's "×2" is already in it).
    pub const POSTGRES_MULTI_AZ_HOUR_USD: Decimal = Decimal::lit("0.480");
    pub const POSTGRES_STORAGE_GB: f64 = 100.0;
    pub const POSTGRES_STORAGE_GB_MONTH_USD: Decimal = Decimal::lit("0.115");
    pub const REDIS_NODES: f64 = 2.0;
    pub const REDIS_NODE_HOUR_USD: Decimal = Decimal::lit("0.226");
    pub const ALB_MONTH_USD: Decimal = Decimal::lit("28.00");
    /// 2 TB of user uploads.
    pub const S3_STORED_GB: f64 = 2_048.0;
    pub const S3_GB_MONTH_USD: Decimal = Decimal::lit("0.023");
    /// 5 TB of egress a month, split by the CDN hit ratio.
    pub const TOTAL_EGRESS_GB: f64 = 5_120.0;
    pub const CDN_EGRESS_GB_USD: Decimal = Decimal::lit("0.085");
    pub const ORIGIN_EGRESS_GB_USD: Decimal = Decimal::lit("0.090");
    pub const NAT_GATEWAYS_MONTH_USD: Decimal = Decimal::lit("75.00");
    /// One-year commitments.
    pub const COMPUTE_SAVINGS_PLAN_DISCOUNT: f64 = 0.40;
    pub const POSTGRES_RESERVED_DISCOUNT: f64 = 0.42;
    pub const REDIS_RESERVED_DISCOUNT: f64 = 0.40;
}

/// Figures exactly as the worked example prints them: the golden values the
/// model's tests and the demos' "worked example" badges compare against.
pub mod printed {
    /// Tasks for 1,200 req/s with no CDN, with the 92 % CDN, and for the 9,000 req/s burst.
    pub const TASKS_WITHOUT_CDN: u32 = 14;
    pub const TASKS_STEADY: u32 = 2;
    pub const TASKS_BURST: u32 = 8;
    pub const ORIGIN_LOAD_STEADY_PER_S: f64 = 96.0;
    pub const ORIGIN_LOAD_BURST_PER_S: f64 = 720.0;
    pub const ERROR_BUDGET_MINUTES: f64 = 43.2;
    pub const BUDGET_LEFT_AFTER_30_MIN: f64 = 13.2;
    pub const PARTIAL_OUTAGE_BURN_PCT: f64 = 10.4;
    pub const ON_DEMAND_TOTAL_USD: f64 = 1_358.49;
    pub const OPTIMIZED_TOTAL_USD: f64 = 1_047.63;
    pub const SAVING_PCT: f64 = 23.0;
    pub const SAVING_PER_YEAR_USD: f64 = 3_730.0;
}

/// The managed data tier as the Terraform declares it (§2), for the service-models demo.
pub mod service_models {
    pub const POSTGRES_ENGINE_VERSION: &str = "16.3";
    pub const POSTGRES_INSTANCE_CLASS: &str = "db.r6g.large";
    pub const POSTGRES_BACKUP_RETENTION_DAYS: u32 = 7;
    pub const REDIS_NODE_TYPE: &str = "cache.r6g.large";
    pub const UPLOADS_BUCKET: &str = "photoshare-user-uploads";
}

/// The container image's two stages and settings (§2), for the VM-vs-container demo.
pub mod vm_vs_container {
    pub const BUILD_BASE_IMAGE: &str = "node:20-bookworm-slim";
    pub const RUNTIME_BASE_IMAGE: &str = "gcr.io/distroless/nodejs20-debian12";
    /// The port the app listens on: in the image, the task and the target group.
    pub const APP_PORT: u16 = 8080;
    /// User and group the runtime stage runs as (never root).
    pub const RUN_AS: &str = "1000:1000";
    /// The image's own HEALTHCHECK; the ALB's check is `HEALTH_CHECK`.
    pub const IMAGE_HEALTHCHECK_INTERVAL_S: u32 = 15;
    pub const IMAGE_HEALTHCHECK_TIMEOUT_S: u32 = 3;
}

/// Where the ECS service spreads its tasks (§2), for the rolling-deploy demo.
pub mod rolling_deploy {
    pub const AZ_NAMES: [&str; 2] = ["eu-west-1a", "eu-west-1b"];
}

/// §4's two tables as the worked example prints them, for the cost model's golden tests.
pub mod cost_tables {
    use crate::money::{Decimal, Usd};

    const fn row(quantity: &str, unit_price: &str, monthly: &str) -> (Decimal, Decimal, Usd) {
        (
            Decimal::lit(quantity),
            Decimal::lit(unit_price),
            Usd::lit(monthly),
        )
    }

    /// The bill, one line per row in the printed order: (quantity, $/unit, $/month).
    pub const BILL: [(Decimal, Decimal, Usd); 10] = [
        row("1460", "0.0445", "64.97"),
        row("2920", "0.0049", "14.31"),
        row("730", "0.480", "350.40"),
        row("100", "0.115", "11.50"),
        row("1460", "0.226", "329.96"),
        row("1", "28.00", "28.00"),
        row("2048", "0.023", "47.10"),
        row("4710", "0.085", "400.35"),
        row("410", "0.090", "36.90"),
        row("1", "75.00", "75.00"),
    ];
    /// The levers, in the printed order: (discount %, on-demand $, optimized $);
    /// `None` where the saving is already in the bill (CDN offload).
    pub const LEVERS: [(Option<f64>, Usd, Usd); 5] = [
        (Some(40.0), Usd::lit("79.28"), Usd::lit("47.57")),
        (Some(42.0), Usd::lit("350.40"), Usd::lit("203.23")),
        (Some(40.0), Usd::lit("329.96"), Usd::lit("197.98")),
        (None, Usd::lit("437.25"), Usd::lit("437.25")),
        (Some(0.0), Usd::lit("161.60"), Usd::lit("161.60")),
    ];
}

/// Extension B's thumbnail function: an upload to S3 triggers a resize.
pub mod serverless {
    /// Longest side of a thumbnail, in pixels.
    pub const THUMBNAIL_PX: u32 = 256;
    pub const THUMBNAIL_JPEG_QUALITY: u32 = 82;
}

/// The autoscaling demo's figures (§3, §5).
pub mod autoscaling {
    /// "scale-out in ~60 s" (§5), as printed: the lab reads it as a new task's launch to its first
    /// request, Fargate's start plus the target group's first passing check.
    pub const SCALE_OUT_S: u32 = 60;
    pub const SCALE_OUT_PRINTED: &str = "scale-out in ~60 s";
    /// How the lab reads "~": the live figure rounded to the nearest 10 s.
    pub const SCALE_OUT_ROUNDING_S: u32 = 10;
}

/// Extension A's two regions (§7 A): the Route 53 records' set identifiers.
pub mod multi_region {
    pub const PRIMARY_REGION: &str = "eu-west-1";
    pub const STANDBY_REGION: &str = "eu-central-1";
}
