//! What a student can change in the cost demo: the footprint, the unit prices, the levers
//! and the day of load; their limits, link and range checks.

use super::*;
use crate::params::{self, shared, Field, Fields, Spec, Table};

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
    CostParams::PRICES_FARGATE_VCPU_HOUR_USD,
    CostParams::PRICES_FARGATE_GB_HOUR_USD,
    CostParams::PRICES_DB_INSTANCE_HOUR_USD,
    CostParams::PRICES_DB_STORAGE_GB_MONTH_USD,
    CostParams::PRICES_REDIS_NODE_HOUR_USD,
    CostParams::PRICES_ALB_MONTH_USD,
    CostParams::PRICES_S3_GB_MONTH_USD,
    CostParams::PRICES_CDN_EGRESS_GB_USD,
    CostParams::PRICES_ORIGIN_EGRESS_GB_USD,
    CostParams::PRICES_NAT_MONTH_USD,
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
    CostParams::AVERAGE_TASKS,
    CostParams::TASK_VCPU,
    CostParams::TASK_MEMORY_GB,
    CostParams::HOURS_PER_MONTH,
    CostParams::DB_STORAGE_GB,
    CostParams::REDIS_NODES,
    CostParams::STORED_TB,
    CostParams::TOTAL_EGRESS_TB,
];

/// The day of load for the elastic-against-fixed comparison.
const DAY: [Field<CostParams>; 6] = [
    CostParams::DAY_STEADY_EDGE_PER_S,
    CostParams::DAY_PEAK_EDGE_PER_S,
    CostParams::DAY_PEAK_START_HOUR,
    CostParams::DAY_PEAK_HOURS,
    CostParams::DAY_TASK_CAPACITY_PER_S,
    CostParams::DAY_MIN_TASKS,
];

/// The CDN's hit ratio and the pricing levers.
const LEVERS: [Field<CostParams>; 8] = [
    CostParams::CDN_HIT_RATIO,
    CostParams::SAVINGS_PLAN_DISCOUNT,
    CostParams::DB_RESERVED_DISCOUNT,
    CostParams::REDIS_RESERVED_DISCOUNT,
    CostParams::MULTI_AZ,
    CostParams::SAVINGS_PLAN_ON,
    CostParams::DB_RESERVED_ON,
    CostParams::REDIS_RESERVED_ON,
];

/// Each field of the table, named as its place in the params.
impl CostParams {
    crate::fields! {
        AVERAGE_TASKS: number average_tasks,
            Spec::new("tasks", "Average tasks running", "", (0.0, MAX_AVERAGE_TASKS), 0.1)
                .said("The average task count");
        TASK_VCPU: number task_vcpu, shared::TASK_VCPU;
        TASK_MEMORY_GB: number task_memory_gb, shared::TASK_MEMORY_GB;
        HOURS_PER_MONTH: number hours_per_month, shared::HOURS_IN_MONTH;
        DB_STORAGE_GB: number db_storage_gb,
            Spec::new("dbgb", "Database storage, GB", "", (0.0, MAX_DB_STORAGE_GB), 1.0)
                .said("Database storage (GB)");
        REDIS_NODES: whole redis_nodes,
            Spec::new("redis", "Cache nodes", "", (0.0, MAX_REDIS_NODES as f64), 1.0)
                .said("Cache nodes");
        STORED_TB: number stored_tb,
            Spec::new("stored", "Stored uploads, TB", "", (0.0, MAX_TB), 0.1)
                .said("Stored uploads (TB)");
        TOTAL_EGRESS_TB: number total_egress_tb,
            Spec::new("egress", "Total egress, TB", "", (0.0, MAX_TB), 0.1)
                .said("Total egress (TB)");
        DAY_STEADY_EDGE_PER_S: number day.steady_edge_per_s,
            Spec::new("steady", "Steady load at the edge, req/s", "", (0.0, MAX_LOAD_PER_S), 100.0)
                .said("The steady load (req/s)");
        DAY_PEAK_EDGE_PER_S: number day.peak_edge_per_s,
            Spec::new("peak", "Peak load, req/s", "", (0.0, MAX_LOAD_PER_S), 100.0)
                .said("The peak load (req/s)");
        DAY_PEAK_START_HOUR: whole day.peak_start_hour,
            Spec::new("peak_at", "Peak starts at hour", "", (0.0, 23.0), 1.0)
                .said("The peak's starting hour");
        DAY_PEAK_HOURS: whole day.peak_hours,
            Spec::new("peak_h", "Peak lasts, hours", "", (0.0, 24.0), 1.0)
                .said("The peak's length in hours");
        DAY_TASK_CAPACITY_PER_S: number day.task_capacity_per_s,
            shared::TASK_CAPACITY_AT_TARGET.said("A task's capacity");
        DAY_MIN_TASKS: whole day.min_tasks,
            Spec::new("floor", "Fleet floor", "tasks", (0.0, MAX_AVERAGE_TASKS), 1.0)
                .said("The fleet's floor");
        CDN_HIT_RATIO: number cdn_hit_ratio, shared::CDN_HIT_RATIO.said("The CDN hit ratio");
        SAVINGS_PLAN_DISCOUNT: number savings_plan.discount,
            Spec::percent("sp_pct", "Savings Plan discount", (0.0, 100.0), 1.0)
                .said("The Savings Plan discount");
        DB_RESERVED_DISCOUNT: number db_reserved.discount,
            Spec::percent("ri_pct", "Database reservation discount", (0.0, 100.0), 1.0)
                .said("The database reservation discount");
        REDIS_RESERVED_DISCOUNT: number redis_reserved.discount,
            Spec::percent("rn_pct", "Cache reservation discount", (0.0, 100.0), 1.0)
                .said("The cache reservation discount");
        MULTI_AZ: flag multi_az, shared::MULTI_AZ;
        SAVINGS_PLAN_ON: flag savings_plan.on,
            Spec::named("sp", "1-yr Compute Savings Plan applied");
        DB_RESERVED_ON: flag db_reserved.on,
            Spec::named("ri", "1-yr reserved database instances applied");
        REDIS_RESERVED_ON: flag redis_reserved.on,
            Spec::named("rn", "1-yr reserved cache nodes applied");
        PRICES_FARGATE_VCPU_HOUR_USD: price prices.fargate_vcpu_hour_usd,
            price_spec("p_vcpu", "Fargate, $ per vCPU-hour", "The Fargate vCPU-hour price");
        PRICES_FARGATE_GB_HOUR_USD: price prices.fargate_gb_hour_usd,
            price_spec("p_gb", "Fargate, $ per GB-hour", "The Fargate GB-hour price");
        PRICES_DB_INSTANCE_HOUR_USD: price prices.db_instance_hour_usd,
            price_spec("p_db", "Postgres db.r6g.large, $ per instance-hour",
                "The database instance-hour price");
        PRICES_DB_STORAGE_GB_MONTH_USD: price prices.db_storage_gb_month_usd,
            price_spec("p_dbgb", "Postgres gp3 storage, $ per GB-month",
                "The database storage price");
        PRICES_REDIS_NODE_HOUR_USD: price prices.redis_node_hour_usd,
            price_spec("p_redis", "Redis cache.r6g.large, $ per node-hour",
                "The cache node-hour price");
        PRICES_ALB_MONTH_USD: price prices.alb_month_usd,
            price_spec("p_alb", "Load balancer, $ a month", "The load balancer's monthly price");
        PRICES_S3_GB_MONTH_USD: price prices.s3_gb_month_usd,
            price_spec("p_s3", "S3, $ per GB-month", "The S3 storage price");
        PRICES_CDN_EGRESS_GB_USD: price prices.cdn_egress_gb_usd,
            price_spec("p_cdn", "CDN egress, $ per GB", "The CDN egress price");
        PRICES_ORIGIN_EGRESS_GB_USD: price prices.origin_egress_gb_usd,
            price_spec("p_origin", "Origin egress, $ per GB", "The origin egress price");
        PRICES_NAT_MONTH_USD: price prices.nat_month_usd,
            price_spec("p_nat", "NAT gateways + data, $ a month",
                "The NAT gateways' monthly price");
    }
}

/// Link keys, in this order: the footprint `tasks vcpu mem hours dbgb redis stored egress`,
/// the day `steady peak peak_at peak_h tcap floor`, `hit`, the levers' discounts
/// `sp_pct ri_pct rn_pct` (percent), `maz`, the levers `sp ri rn` (1/0), then the prices
/// `p_vcpu p_gb p_db p_dbgb p_redis p_alb p_s3 p_cdn p_origin p_nat` in dollars.
impl Fields for CostParams {
    const FIELDS: Table<Self> = &[&FOOTPRINT, &DAY, &LEVERS, &PRICES];
}

crate::link_from_table!(CostParams);

/// Every problem with the params, in words: each field out of its range.
pub(super) fn validate(p: &CostParams) -> Vec<String> {
    params::check(p)
}
