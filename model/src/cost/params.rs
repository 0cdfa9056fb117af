//! What a student can change in the cost demo: the footprint, the unit prices, the levers
//! and the day of load; their limits, link and range checks.

use super::*;
use crate::params::{self, shared, Field, Fields, Spec, Table};

/// Most hours in a month (31 days).
pub const MAX_HOURS_PER_MONTH: f64 = 744.0;
/// Highest unit price accepted, in dollars.
pub const MAX_PRICE_USD: Decimal = Decimal::whole(MAX_PRICE_DOLLARS);
const MAX_PRICE_DOLLARS: i128 = 1_000_000;
/// Most tasks running on average.
pub const MAX_AVERAGE_TASKS: f64 = 10_000.0;
/// Most terabytes stored or sent in a month.
pub const MAX_TB: f64 = 100_000.0;
/// Largest Postgres volume (64 TiB).
pub const MAX_DB_STORAGE_GB: f64 = 65_536.0;
pub const MAX_REDIS_NODES: u32 = 500;
/// Highest load on the day profile, in requests per second at the edge.
pub const MAX_LOAD_PER_S: f64 = shared::MAX_LOAD_PER_S;
/// Fargate's task sizes span 0.25–16 vCPU and 0.5–120 GB.
pub const TASK_VCPU_RANGE: (f64, f64) = (0.25, 16.0);
pub const TASK_MEMORY_GB_RANGE: (f64, f64) = (0.5, 120.0);
/// Gigabytes in a terabyte, as the worked example counts them (5 TB = 5,120 GB).
pub const GB_PER_TB: f64 = 1_024.0;

/// A pricing lever: on or off, and the share of the price it takes off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lever {
    pub on: bool,
    /// 0–1.
    pub discount: f64,
}

impl Lever {
    /// The discount it gives: nothing when off.
    pub fn applied(self) -> f64 {
        if self.on {
            self.discount
        } else {
            0.0
        }
    }
}

/// Every unit price of the bill, in dollars, as exact decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitPrices {
    pub fargate_vcpu_hour_usd: Decimal,
    pub fargate_gb_hour_usd: Decimal,
    /// One db.r6g.large instance; Multi-AZ runs two, so it pays twice this.
    pub db_instance_hour_usd: Decimal,
    pub db_storage_gb_month_usd: Decimal,
    pub redis_node_hour_usd: Decimal,
    /// The load balancer's hours and capacity units, as one monthly figure.
    pub alb_month_usd: Decimal,
    pub s3_gb_month_usd: Decimal,
    pub cdn_egress_gb_usd: Decimal,
    pub origin_egress_gb_usd: Decimal,
    /// NAT gateways in both AZs and their data processing, as one monthly figure.
    pub nat_month_usd: Decimal,
}

impl Default for UnitPrices {
    fn default() -> Self {
        UnitPrices {
            fargate_vcpu_hour_usd: ps::FARGATE_VCPU_HOUR_USD,
            fargate_gb_hour_usd: ps::FARGATE_GB_HOUR_USD,
            // Half the pair's rate: exact, so it cannot fail.
            db_instance_hour_usd: ps::POSTGRES_MULTI_AZ_HOUR_USD
                .checked_mul(Decimal::lit("0.5"))
                .unwrap_or_default(),
            db_storage_gb_month_usd: ps::POSTGRES_STORAGE_GB_MONTH_USD,
            redis_node_hour_usd: ps::REDIS_NODE_HOUR_USD,
            alb_month_usd: ps::ALB_MONTH_USD,
            s3_gb_month_usd: ps::S3_GB_MONTH_USD,
            cdn_egress_gb_usd: ps::CDN_EGRESS_GB_USD,
            origin_egress_gb_usd: ps::ORIGIN_EGRESS_GB_USD,
            nat_month_usd: ps::NAT_GATEWAYS_MONTH_USD,
        }
    }
}

/// The bill's unit prices, in its order: exact decimals, in a link as typed.
pub const PRICES: [Field<CostParams>; 10] = [
    Field::price(
        price_spec(
            "p_vcpu",
            "Fargate, $ per vCPU-hour",
            "The Fargate vCPU-hour price",
        ),
        |p| p.prices.fargate_vcpu_hour_usd,
        |p, x| p.prices.fargate_vcpu_hour_usd = x,
    ),
    Field::price(
        price_spec(
            "p_gb",
            "Fargate, $ per GB-hour",
            "The Fargate GB-hour price",
        ),
        |p| p.prices.fargate_gb_hour_usd,
        |p, x| p.prices.fargate_gb_hour_usd = x,
    ),
    Field::price(
        price_spec(
            "p_db",
            "Postgres db.r6g.large, $ per instance-hour",
            "The database instance-hour price",
        ),
        |p| p.prices.db_instance_hour_usd,
        |p, x| p.prices.db_instance_hour_usd = x,
    ),
    Field::price(
        price_spec(
            "p_dbgb",
            "Postgres gp3 storage, $ per GB-month",
            "The database storage price",
        ),
        |p| p.prices.db_storage_gb_month_usd,
        |p, x| p.prices.db_storage_gb_month_usd = x,
    ),
    Field::price(
        price_spec(
            "p_redis",
            "Redis cache.r6g.large, $ per node-hour",
            "The cache node-hour price",
        ),
        |p| p.prices.redis_node_hour_usd,
        |p, x| p.prices.redis_node_hour_usd = x,
    ),
    Field::price(
        price_spec(
            "p_alb",
            "Load balancer, $ a month",
            "The load balancer's monthly price",
        ),
        |p| p.prices.alb_month_usd,
        |p, x| p.prices.alb_month_usd = x,
    ),
    Field::price(
        price_spec("p_s3", "S3, $ per GB-month", "The S3 storage price"),
        |p| p.prices.s3_gb_month_usd,
        |p, x| p.prices.s3_gb_month_usd = x,
    ),
    Field::price(
        price_spec("p_cdn", "CDN egress, $ per GB", "The CDN egress price"),
        |p| p.prices.cdn_egress_gb_usd,
        |p, x| p.prices.cdn_egress_gb_usd = x,
    ),
    Field::price(
        price_spec(
            "p_origin",
            "Origin egress, $ per GB",
            "The origin egress price",
        ),
        |p| p.prices.origin_egress_gb_usd,
        |p, x| p.prices.origin_egress_gb_usd = x,
    ),
    Field::price(
        price_spec(
            "p_nat",
            "NAT gateways + data, $ a month",
            "The NAT gateways' monthly price",
        ),
        |p| p.prices.nat_month_usd,
        |p, x| p.prices.nat_month_usd = x,
    ),
];

/// A unit price in dollars, from 0 to [`MAX_PRICE_USD`]; `what` names it in its range message.
pub const fn price_spec(key: &'static str, label: &'static str, what: &'static str) -> Spec {
    Spec::new(key, label, "$", (0.0, MAX_PRICE_DOLLARS as f64), 0.0001).said(what)
}

/// A price in `[0, MAX_PRICE_USD]`.
pub fn price_in_range(x: Decimal) -> bool {
    (Decimal::ZERO..=MAX_PRICE_USD).contains(&x)
}

/// The message for a price out of range.
pub fn price_problem(what: &str) -> String {
    format!("{what} must be a number of dollars from 0 to {MAX_PRICE_USD}.")
}

/// A day of load for the CAPEX vs OPEX comparison: the steady load all day,
/// except a window of hours at the peak.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayProfile {
    pub steady_edge_per_s: f64,
    pub peak_edge_per_s: f64,
    /// Hour of the day the peak starts, 0–23; the window may run past midnight.
    pub peak_start_hour: u32,
    /// 0–24.
    pub peak_hours: u32,
    /// Requests per second one task serves at the CPU target.
    pub task_capacity_per_s: f64,
    /// The autoscaler's floor.
    pub min_tasks: u32,
}

impl Default for DayProfile {
    /// 1,200 req/s all day with one evening hour of the 9,000 req/s burst.
    fn default() -> Self {
        DayProfile {
            steady_edge_per_s: photoshare::EDGE_LOAD_STEADY_PER_S,
            peak_edge_per_s: photoshare::EDGE_LOAD_BURST_PER_S,
            peak_start_hour: 20,
            peak_hours: 1,
            task_capacity_per_s: photoshare::TASK_CAPACITY_PER_S * photoshare::CPU_TARGET,
            min_tasks: photoshare::MIN_TASKS,
        }
    }
}

/// Everything the cost demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct CostParams {
    pub hours_per_month: f64,
    /// Fargate tasks running on average over the month.
    pub average_tasks: f64,
    pub task_vcpu: f64,
    pub task_memory_gb: f64,
    /// Two database instances (a synchronous standby in the second AZ) or one.
    pub multi_az: bool,
    pub db_storage_gb: f64,
    pub redis_nodes: u32,
    /// User uploads in S3.
    pub stored_tb: f64,
    /// Everything sent to users in a month, split by the CDN hit ratio.
    pub total_egress_tb: f64,
    /// 0–1.
    pub cdn_hit_ratio: f64,
    pub prices: UnitPrices,
    /// 1-yr Compute Savings Plan on the Fargate lines.
    pub savings_plan: Lever,
    /// 1-yr Reserved Instance on the database instances.
    pub db_reserved: Lever,
    /// 1-yr reserved cache nodes.
    pub redis_reserved: Lever,
    pub day: DayProfile,
}

impl Default for CostParams {
    /// The worked example's footprint with all three levers on.
    fn default() -> Self {
        CostParams {
            hours_per_month: ps::HOURS_PER_MONTH,
            average_tasks: ps::AVERAGE_TASKS,
            task_vcpu: ps::TASK_VCPU,
            task_memory_gb: ps::TASK_MEMORY_GB,
            multi_az: true,
            db_storage_gb: ps::POSTGRES_STORAGE_GB,
            redis_nodes: ps::REDIS_NODES as u32,
            stored_tb: ps::S3_STORED_GB / GB_PER_TB,
            total_egress_tb: ps::TOTAL_EGRESS_GB / GB_PER_TB,
            cdn_hit_ratio: photoshare::CDN_HIT_RATIO,
            prices: UnitPrices::default(),
            savings_plan: Lever {
                on: true,
                discount: ps::COMPUTE_SAVINGS_PLAN_DISCOUNT,
            },
            db_reserved: Lever {
                on: true,
                discount: ps::POSTGRES_RESERVED_DISCOUNT,
            },
            redis_reserved: Lever {
                on: true,
                discount: ps::REDIS_RESERVED_DISCOUNT,
            },
            day: DayProfile::default(),
        }
    }
}

impl CostParams {
    /// The availability demo's database block that matches this bill.
    pub fn database_choice(&self) -> DatabaseChoice {
        if self.multi_az {
            DatabaseChoice::MultiAz
        } else {
            DatabaseChoice::SingleAz
        }
    }

    /// `#/availability?…` with the database this bill pays for.
    pub fn availability_hash(&self) -> String {
        let mut p = AvailabilityParams::default();
        p.set_database(self.database_choice());
        Route::hash("availability", &p.to_query())
    }
}

/// `#/cost?…` for a database choice, for the availability demo's link back.
pub fn cost_hash_for(choice: DatabaseChoice) -> String {
    let p = CostParams {
        multi_az: choice == DatabaseChoice::MultiAz,
        ..CostParams::default()
    };
    Route::hash("cost", &p.to_query())
}

/// The footprint: what the architecture runs and stores.
const FOOTPRINT: [Field<CostParams>; 8] = [
    Field::number(
        Spec::new(
            "tasks",
            "Average tasks running",
            "",
            (0.0, MAX_AVERAGE_TASKS),
            0.1,
        )
        .said("The average task count"),
        |p| p.average_tasks,
        |p, x| p.average_tasks = x,
    ),
    Field::number(
        Spec::new("vcpu", "vCPU per task", "", TASK_VCPU_RANGE, 0.25).said("A task's vCPU"),
        |p| p.task_vcpu,
        |p, x| p.task_vcpu = x,
    ),
    Field::number(
        Spec::new("mem", "GB per task", "", TASK_MEMORY_GB_RANGE, 0.5).said("A task's memory (GB)"),
        |p| p.task_memory_gb,
        |p, x| p.task_memory_gb = x,
    ),
    Field::number(
        Spec::new(
            "hours",
            "Hours in the month",
            "",
            (1.0, MAX_HOURS_PER_MONTH),
            1.0,
        )
        .said("Hours per month"),
        |p| p.hours_per_month,
        |p, x| p.hours_per_month = x,
    ),
    Field::number(
        Spec::new(
            "dbgb",
            "Database storage, GB",
            "",
            (0.0, MAX_DB_STORAGE_GB),
            1.0,
        )
        .said("Database storage (GB)"),
        |p| p.db_storage_gb,
        |p, x| p.db_storage_gb = x,
    ),
    Field::whole(
        Spec::new(
            "redis",
            "Cache nodes",
            "",
            (0.0, MAX_REDIS_NODES as f64),
            1.0,
        )
        .said("Cache nodes"),
        |p| p.redis_nodes,
        |p, x| p.redis_nodes = x,
    ),
    Field::number(
        Spec::new("stored", "Stored uploads, TB", "", (0.0, MAX_TB), 0.1)
            .said("Stored uploads (TB)"),
        |p| p.stored_tb,
        |p, x| p.stored_tb = x,
    ),
    Field::number(
        Spec::new("egress", "Total egress, TB", "", (0.0, MAX_TB), 0.1).said("Total egress (TB)"),
        |p| p.total_egress_tb,
        |p, x| p.total_egress_tb = x,
    ),
];

/// The day of load for the elastic-against-fixed comparison.
const DAY: [Field<CostParams>; 6] = [
    Field::number(
        Spec::new(
            "steady",
            "Steady load at the edge, req/s",
            "",
            (0.0, MAX_LOAD_PER_S),
            100.0,
        )
        .said("The steady load (req/s)"),
        |p| p.day.steady_edge_per_s,
        |p, x| p.day.steady_edge_per_s = x,
    ),
    Field::number(
        Spec::new("peak", "Peak load, req/s", "", (0.0, MAX_LOAD_PER_S), 100.0)
            .said("The peak load (req/s)"),
        |p| p.day.peak_edge_per_s,
        |p, x| p.day.peak_edge_per_s = x,
    ),
    Field::whole(
        Spec::new("peak_at", "Peak starts at hour", "", (0.0, 23.0), 1.0)
            .said("The peak's starting hour"),
        |p| p.day.peak_start_hour,
        |p, x| p.day.peak_start_hour = x,
    ),
    Field::whole(
        Spec::new("peak_h", "Peak lasts, hours", "", (0.0, 24.0), 1.0)
            .said("The peak's length in hours"),
        |p| p.day.peak_hours,
        |p, x| p.day.peak_hours = x,
    ),
    Field::number(
        shared::TASK_CAPACITY_AT_TARGET.said("A task's capacity"),
        |p| p.day.task_capacity_per_s,
        |p, x| p.day.task_capacity_per_s = x,
    ),
    Field::whole(
        Spec::new(
            "floor",
            "Fleet floor",
            "tasks",
            (0.0, MAX_AVERAGE_TASKS),
            1.0,
        )
        .said("The fleet's floor"),
        |p| p.day.min_tasks,
        |p, x| p.day.min_tasks = x,
    ),
];

/// The CDN's hit ratio and the pricing levers.
const LEVERS: [Field<CostParams>; 8] = [
    Field::number(
        shared::CDN_HIT_RATIO.said("The CDN hit ratio"),
        |p| p.cdn_hit_ratio,
        |p, x| p.cdn_hit_ratio = x,
    ),
    Field::number(
        Spec::percent("sp_pct", "Savings Plan discount", (0.0, 100.0), 1.0)
            .said("The Savings Plan discount"),
        |p| p.savings_plan.discount,
        |p, x| p.savings_plan.discount = x,
    ),
    Field::number(
        Spec::percent("ri_pct", "Database reservation discount", (0.0, 100.0), 1.0)
            .said("The database reservation discount"),
        |p| p.db_reserved.discount,
        |p, x| p.db_reserved.discount = x,
    ),
    Field::number(
        Spec::percent("rn_pct", "Cache reservation discount", (0.0, 100.0), 1.0)
            .said("The cache reservation discount"),
        |p| p.redis_reserved.discount,
        |p, x| p.redis_reserved.discount = x,
    ),
    Field::flag(shared::MULTI_AZ, |p| p.multi_az, |p, x| p.multi_az = x),
    Field::flag(
        Spec::named("sp", "1-yr Compute Savings Plan applied"),
        |p| p.savings_plan.on,
        |p, x| p.savings_plan.on = x,
    ),
    Field::flag(
        Spec::named("ri", "1-yr reserved database instances applied"),
        |p| p.db_reserved.on,
        |p, x| p.db_reserved.on = x,
    ),
    Field::flag(
        Spec::named("rn", "1-yr reserved cache nodes applied"),
        |p| p.redis_reserved.on,
        |p, x| p.redis_reserved.on = x,
    ),
];

/// Link keys, in this order: the footprint `tasks vcpu mem hours dbgb redis stored egress`,
/// the day `steady peak peak_at peak_h cap floor`, `hit`, the levers' discounts
/// `sp_pct ri_pct rn_pct` (percent), `maz`, the levers `sp ri rn` (1/0), then the prices
/// `p_vcpu p_gb p_db p_dbgb p_redis p_alb p_s3 p_cdn p_origin p_nat` in dollars.
impl Fields for CostParams {
    const FIELDS: Table<Self> = &[&FOOTPRINT, &DAY, &LEVERS, &PRICES];
}

impl LinkState for CostParams {
    fn to_query(&self) -> String {
        params::to_query(self)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        params::from_query(query)
    }
}

/// Every problem with the params, in words: each field out of its range.
pub(super) fn validate(p: &CostParams) -> Vec<String> {
    params::check(p)
}
