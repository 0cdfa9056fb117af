//! FinOps cost model (§4 of the worked example).
//!
//! The lesson: an architecture becomes a monthly bill line by line — quantity ×
//! unit price — and pricing-model levers (one-year commitments on what is always
//! on) cut that bill without changing a single box in the diagram. The same
//! prices show the CAPEX → OPEX argument too: an elastic fleet pays only for the
//! hours its load needs, a fleet bought for the peak pays for the peak all day.
//!
//! Money is exact, as on an invoice (see [`crate::money`]): each line is
//! quantity × unit price rounded half a cent up; a lever discounts each line it
//! covers and rounds it the same way; every total is the sum of its lines. So
//! every column adds up to its total, and the worked example's printed rows and
//! totals come out to the cent (tested).

use crate::availability::{AvailabilityParams, DatabaseChoice};
use crate::documented::Documented;
use crate::link::{from_percent, number_text, Ignored, LinkReader, LinkState, Query, Route};
use crate::money::{Decimal, Usd, TOO_LARGE};
use crate::photoshare::{self, cost as ps};
use crate::vocabulary::{Cloud, Service};

/// When the unit prices were taken.
pub const PRICES_AS_OF: &str = "the worked example's prices (undated, rounded)";
/// Where the unit prices come from, for the page's footnote.
pub const PRICE_SOURCE: &str = "Illustrative eu-west-1 on-demand list prices, rounded, as the worked example uses them. \
     Not a quote: list prices change, so re-price with the provider's calculator before committing.";

/// Where a Multi-AZ instance's storage billing is documented, for the careful reader's note.
pub const MULTI_AZ_STORAGE_SOURCE: &str = "Amazon RDS User Guide, \u{201c}On-Demand DB instances for \
     Amazon RDS\u{201d}: a Multi-AZ DB instance is charged per GB-month for the storage provisioned for \
     both the primary and the standby.";

/// What AWS documents about the bill's lines and levers, and how the lab follows it.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "Fargate bills the vCPU and memory a task asks for, from the start of its image \
pull until it stops, per second with a one-minute minimum, at a price per vCPU-hour and per \
GB-hour.",
        lab: "A month is the average number of tasks × a task's size × the hours in the month, \
at the worked example's rounded prices: 2 × 1 vCPU × 730 h = 1,460 vCPU-hours.",
        source: "AWS Fargate Pricing",
        url: "https://aws.amazon.com/fargate/pricing/",
    },
    Documented {
        says: "A Multi-AZ DB instance is billed instance-hours for both the primary and the \
standby, and storage per GB-month for the storage provisioned for both.",
        lab: "The instance line counts two instances, as §4 does. The storage line keeps §4's \
single count so that the bill is the printed $1,358.49; the careful reader's note shows both.",
        source: "Amazon RDS User Guide: On-Demand DB instances for Amazon RDS",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html",
    },
    Documented {
        says: "A Compute Savings Plan is a commitment to a dollar amount of compute an hour for \
one or three years; it applies to Fargate usage, which is then charged at the plan's lower \
rates.",
        lab: "The lever takes a discount (the worked example's 40 %) off each Fargate line; what \
the commitment leaves unused is not modelled.",
        source: "Savings Plans User Guide: What are Savings Plans?",
        url: "https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html",
    },
    Documented {
        says: "A reserved DB instance is a discount on one instance class and deployment \
(Single-AZ or Multi-AZ) for one or three years; storage is billed as before.",
        lab: "The reservation lever discounts the instance line only (the worked example's 42 %); \
the storage line stays on demand. Reserved cache nodes work the same way for the Redis line.",
        source: "Amazon RDS User Guide: Reserved DB instances for Amazon RDS",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithReservedDBInstances.html",
    },
];

/// Most hours in a month (31 days).
pub const MAX_HOURS_PER_MONTH: f64 = 744.0;
/// Highest unit price accepted, in dollars.
pub const MAX_PRICE_USD: Decimal = Decimal::whole(1_000_000);
/// Most tasks running on average.
pub const MAX_AVERAGE_TASKS: f64 = 10_000.0;
/// Most terabytes stored or sent in a month.
pub const MAX_TB: f64 = 100_000.0;
/// Largest Postgres volume (64 TiB).
pub const MAX_DB_STORAGE_GB: f64 = 65_536.0;
pub const MAX_REDIS_NODES: u32 = 500;
/// Highest load on the day profile, in requests per second at the edge: the lab's one limit.
pub const MAX_LOAD_PER_S: f64 = crate::params::shared::MAX_LOAD_PER_S;
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

/// One unit price of the bill: its link key, its field's label, how a message
/// names it, and where it lives. One table for the link, the checks and the page.
#[derive(Clone, Copy)]
pub struct PriceField {
    pub key: &'static str,
    pub label: &'static str,
    pub what: &'static str,
    pub get: fn(&UnitPrices) -> Decimal,
    pub set: fn(&mut UnitPrices, Decimal),
}

/// The bill's unit prices, in its order.
pub const PRICE_FIELDS: [PriceField; 10] = [
    PriceField {
        key: "p_vcpu",
        label: "Fargate, $ per vCPU-hour",
        what: "The Fargate vCPU-hour price",
        get: |p| p.fargate_vcpu_hour_usd,
        set: |p, x| p.fargate_vcpu_hour_usd = x,
    },
    PriceField {
        key: "p_gb",
        label: "Fargate, $ per GB-hour",
        what: "The Fargate GB-hour price",
        get: |p| p.fargate_gb_hour_usd,
        set: |p, x| p.fargate_gb_hour_usd = x,
    },
    PriceField {
        key: "p_db",
        label: "Postgres db.r6g.large, $ per instance-hour",
        what: "The database instance-hour price",
        get: |p| p.db_instance_hour_usd,
        set: |p, x| p.db_instance_hour_usd = x,
    },
    PriceField {
        key: "p_dbgb",
        label: "Postgres gp3 storage, $ per GB-month",
        what: "The database storage price",
        get: |p| p.db_storage_gb_month_usd,
        set: |p, x| p.db_storage_gb_month_usd = x,
    },
    PriceField {
        key: "p_redis",
        label: "Redis cache.r6g.large, $ per node-hour",
        what: "The cache node-hour price",
        get: |p| p.redis_node_hour_usd,
        set: |p, x| p.redis_node_hour_usd = x,
    },
    PriceField {
        key: "p_alb",
        label: "Load balancer, $ a month",
        what: "The load balancer's monthly price",
        get: |p| p.alb_month_usd,
        set: |p, x| p.alb_month_usd = x,
    },
    PriceField {
        key: "p_s3",
        label: "S3, $ per GB-month",
        what: "The S3 storage price",
        get: |p| p.s3_gb_month_usd,
        set: |p, x| p.s3_gb_month_usd = x,
    },
    PriceField {
        key: "p_cdn",
        label: "CDN egress, $ per GB",
        what: "The CDN egress price",
        get: |p| p.cdn_egress_gb_usd,
        set: |p, x| p.cdn_egress_gb_usd = x,
    },
    PriceField {
        key: "p_origin",
        label: "Origin egress, $ per GB",
        what: "The origin egress price",
        get: |p| p.origin_egress_gb_usd,
        set: |p, x| p.origin_egress_gb_usd = x,
    },
    PriceField {
        key: "p_nat",
        label: "NAT gateways + data, $ a month",
        what: "The NAT gateways' monthly price",
        get: |p| p.nat_month_usd,
        set: |p, x| p.nat_month_usd = x,
    },
];

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

/// A line of the bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillLine {
    FargateVcpu,
    FargateMemory,
    DbInstance,
    DbStorage,
    Redis,
    LoadBalancer,
    ObjectStorage,
    CdnEgress,
    OriginEgress,
    NatGateways,
}

impl BillLine {
    /// In the worked example's order.
    pub const ALL: [BillLine; 10] = [
        BillLine::FargateVcpu,
        BillLine::FargateMemory,
        BillLine::DbInstance,
        BillLine::DbStorage,
        BillLine::Redis,
        BillLine::LoadBalancer,
        BillLine::ObjectStorage,
        BillLine::CdnEgress,
        BillLine::OriginEgress,
        BillLine::NatGateways,
    ];

    pub fn name(self, cloud: Cloud) -> String {
        let n = |s: Service| s.name(cloud);
        match self {
            BillLine::FargateVcpu => format!("App — {} vCPU", n(Service::ContainerService)),
            BillLine::FargateMemory => format!("App — {} memory", n(Service::ContainerService)),
            BillLine::DbInstance => format!("{} instance", n(Service::ManagedPostgres)),
            BillLine::DbStorage => format!("{} storage", n(Service::ManagedPostgres)),
            BillLine::Redis => format!("{} nodes", n(Service::ManagedRedis)),
            BillLine::LoadBalancer => {
                format!("{} (hours + capacity units)", n(Service::LoadBalancer))
            }
            BillLine::ObjectStorage => format!("{} storage", n(Service::ObjectStorage)),
            BillLine::CdnEgress => format!("{} egress", n(Service::Cdn)),
            BillLine::OriginEgress => "Origin egress".to_string(),
            BillLine::NatGateways => format!("{}s + data", n(Service::NatGateway)),
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            BillLine::FargateVcpu => "vCPU-hr",
            BillLine::FargateMemory => "GB-hr",
            BillLine::DbInstance => "hr",
            BillLine::DbStorage | BillLine::ObjectStorage => "GB-mo",
            BillLine::Redis => "node-hr",
            BillLine::LoadBalancer | BillLine::NatGateways => "mo",
            BillLine::CdnEgress | BillLine::OriginEgress => "GB",
        }
    }

    /// The row of the levers table this line belongs to.
    pub fn group(self) -> Group {
        match self {
            BillLine::FargateVcpu | BillLine::FargateMemory => Group::ComputeSavingsPlan,
            BillLine::DbInstance => Group::DatabaseReserved,
            BillLine::Redis => Group::CacheReserved,
            BillLine::CdnEgress | BillLine::OriginEgress => Group::CdnOffload,
            BillLine::DbStorage
            | BillLine::LoadBalancer
            | BillLine::ObjectStorage
            | BillLine::NatGateways => Group::Unchanged,
        }
    }

    /// The part of the architecture it pays for, for the stacked chart.
    pub fn component(self) -> Component {
        match self {
            BillLine::FargateVcpu | BillLine::FargateMemory => Component::App,
            BillLine::DbInstance | BillLine::DbStorage => Component::Database,
            BillLine::Redis => Component::Cache,
            BillLine::LoadBalancer => Component::LoadBalancer,
            BillLine::ObjectStorage => Component::ObjectStorage,
            BillLine::CdnEgress | BillLine::OriginEgress => Component::Egress,
            BillLine::NatGateways => Component::Nat,
        }
    }
}

/// A row of the levers table: a pricing lever and the lines it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    ComputeSavingsPlan,
    DatabaseReserved,
    CacheReserved,
    /// Not a discount: the CDN's saving is already in the egress split.
    CdnOffload,
    Unchanged,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::ComputeSavingsPlan,
        Group::DatabaseReserved,
        Group::CacheReserved,
        Group::CdnOffload,
        Group::Unchanged,
    ];

    pub fn name(self, cloud: Cloud) -> String {
        match (self, cloud) {
            (Group::ComputeSavingsPlan, _) => format!("1-yr {}", Service::SavingsPlan.name(cloud)),
            (Group::DatabaseReserved, _) => {
                format!("1-yr {}", Service::ReservedInstance.name(cloud))
            }
            (Group::CacheReserved, Cloud::Aws) => "1-yr reserved nodes".to_string(),
            (Group::CacheReserved, Cloud::Azure) => {
                format!("1-yr {}", Service::ReservedInstance.name(cloud))
            }
            (Group::CdnOffload, _) => format!("{} offload", Service::Cdn.name(cloud)),
            (Group::Unchanged, _) => "Unchanged".to_string(),
        }
    }

    pub fn applies_to(self, cloud: Cloud) -> String {
        let n = |s: Service| s.name(cloud);
        match self {
            Group::ComputeSavingsPlan => format!("{} vCPU + memory", n(Service::ContainerService)),
            Group::DatabaseReserved => format!("{} instances", n(Service::ManagedPostgres)),
            Group::CacheReserved => format!("{} nodes", n(Service::ManagedRedis)),
            Group::CdnOffload => "egress path".to_string(),
            Group::Unchanged => format!("storage, {}, NAT", n(Service::LoadBalancer)),
        }
    }

    fn lever(self, p: &CostParams) -> Option<Lever> {
        match self {
            Group::ComputeSavingsPlan => Some(p.savings_plan),
            Group::DatabaseReserved => Some(p.db_reserved),
            Group::CacheReserved => Some(p.redis_reserved),
            Group::CdnOffload | Group::Unchanged => None,
        }
    }
}

/// A part of the architecture: one segment of the stacked chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    App,
    Database,
    Cache,
    LoadBalancer,
    ObjectStorage,
    Egress,
    Nat,
}

impl Component {
    pub const ALL: [Component; 7] = [
        Component::App,
        Component::Database,
        Component::Cache,
        Component::LoadBalancer,
        Component::ObjectStorage,
        Component::Egress,
        Component::Nat,
    ];

    pub fn name(self, cloud: Cloud) -> String {
        let n = |s: Service| s.name(cloud);
        match self {
            Component::App => format!("App tier ({})", n(Service::ContainerService)),
            Component::Database => n(Service::ManagedPostgres).to_string(),
            Component::Cache => n(Service::ManagedRedis).to_string(),
            Component::LoadBalancer => n(Service::LoadBalancer).to_string(),
            Component::ObjectStorage => n(Service::ObjectStorage).to_string(),
            Component::Egress => format!("Egress ({} + origin)", n(Service::Cdn)),
            Component::Nat => format!("{}s", n(Service::NatGateway)),
        }
    }
}

/// One line of the bill, on demand and after the levers.
#[derive(Clone, Debug, PartialEq)]
pub struct BillRow {
    pub line: BillLine,
    /// What this month's quantity is made of, e.g. "Multi-AZ ⇒ ×2" or "4.6 TB at the edge".
    pub detail: String,
    pub unit: &'static str,
    /// Exact: the product of the inputs as typed.
    pub quantity: Decimal,
    pub unit_price_usd: Decimal,
    /// quantity × unit price, rounded half a cent up.
    pub on_demand_usd: Usd,
    /// The lever that discounts this line, when one is on.
    pub lever: Option<Group>,
    /// The on-demand amount less the lever's discount, rounded half a cent up.
    pub optimized_usd: Usd,
}

impl BillRow {
    /// "name (detail)", as the table's first column.
    pub fn label(&self, cloud: Cloud) -> String {
        if self.detail.is_empty() {
            self.line.name(cloud)
        } else {
            format!("{} ({})", self.line.name(cloud), self.detail)
        }
    }
}

/// One row of the levers table.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverRow {
    pub group: Group,
    /// e.g. "92 % hit", "2 nodes"; may be empty.
    pub detail: String,
    /// The discount applied, 0–1 (0 when the lever is off); `None` where the
    /// saving is already in the bill (the CDN's offload).
    pub discount: Option<f64>,
    /// The sums of its lines' columns.
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
}

/// The largest line of a bill and its share of that bill.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Largest {
    /// Index into `rows`.
    pub row: usize,
    /// 0–1.
    pub share: f64,
}

/// A careful reader's note: a Multi-AZ instance bills its storage twice, once for the
/// primary and once for the standby, but the worked example's storage line counts it once.
/// The lab keeps the printed line (so the bill is the printed $1,358.49) and shows both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MultiAzStorage {
    pub gb: f64,
    /// The bill's storage line, as the worked example counts it.
    pub counted_usd: Usd,
    /// Primary and standby: the line twice.
    pub billed_usd: Usd,
}

/// One component's segment in the on-demand and optimized bars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackSegment {
    pub component: Component,
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
}

/// Total egress split by the CDN, in whole GB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EgressSplit {
    pub total_gb: u64,
    /// Served from the CDN's cache.
    pub edge_gb: u64,
    /// Cache misses, sent from the origin: `total_gb − edge_gb`.
    pub origin_gb: u64,
}

/// One hour of the day profile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HourLoad {
    pub hour: u32,
    pub edge_per_s: f64,
    pub origin_per_s: f64,
    /// Tasks the elastic fleet runs: ⌈origin / capacity⌉, at least the floor.
    pub tasks: u32,
}

/// An elastic fleet against one fixed at the peak, over the day profile.
#[derive(Clone, Debug, PartialEq)]
pub struct FleetDay {
    /// 24 hours from midnight.
    pub hours: Vec<HourLoad>,
    /// The fixed fleet: the busiest hour's tasks, all day.
    pub fixed_tasks: u32,
    pub elastic_task_hours_per_day: u64,
    pub fixed_task_hours_per_day: u64,
    /// On-demand price of one task for an hour (vCPU + memory), exact.
    pub task_hour_usd: Decimal,
    /// Task-hours a day × hours in the month ÷ 24 × the task-hour price, rounded half a cent up.
    pub elastic_month_usd: Usd,
    pub fixed_month_usd: Usd,
    /// Share of the fixed fleet's task-hours the load never needed, 0–1.
    pub fixed_idle_share: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CostOutcome {
    /// In the worked example's order ([`BillLine::ALL`]).
    pub rows: Vec<BillRow>,
    /// In [`Group::ALL`]'s order.
    pub levers: Vec<LeverRow>,
    /// Sums of the rows.
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
    pub saving_usd: Usd,
    /// 0–1 of the on-demand bill.
    pub saving_share: f64,
    /// Twelve months of the saving.
    pub saving_per_year_usd: Usd,
    /// The largest line of the on-demand bill.
    pub largest: Largest,
    /// The largest line once the levers are applied.
    pub largest_optimized: Largest,
    /// In [`Component::ALL`]'s order.
    pub stack: Vec<StackSegment>,
    pub egress: EgressSplit,
    /// The database this bill pays for, for the link to the availability demo.
    pub database: DatabaseChoice,
    /// With a Multi-AZ database: what its storage would really be billed.
    pub multi_az_storage: Option<MultiAzStorage>,
    pub fleet_day: FleetDay,
}

/// A quantity as the decimal it was typed as (validated finite beforehand).
fn exact(x: f64) -> Option<Decimal> {
    Decimal::from_f64(x)
}

/// The egress split: edge GB rounded half up to whole GB, the origin gets the rest.
pub fn egress_split(total_tb: f64, cdn_hit_ratio: f64) -> Option<EgressSplit> {
    let total = exact(total_tb)?
        .checked_mul(Decimal::whole(GB_PER_TB as i128))?
        .round_whole()?;
    let edge = Decimal::whole(total)
        .checked_mul(exact(cdn_hit_ratio)?)?
        .round_whole()?;
    Some(EgressSplit {
        total_gb: u64::try_from(total).ok()?,
        edge_gb: u64::try_from(edge).ok()?,
        origin_gb: u64::try_from(total - edge).ok()?,
    })
}

/// The bill, the levers, and the elastic-vs-fixed day. Bad input gives every problem found, in words.
pub fn evaluate(p: &CostParams) -> Result<CostOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    bill(p).ok_or_else(|| vec![TOO_LARGE.to_string()])
}

fn bill(p: &CostParams) -> Option<CostOutcome> {
    let egress = egress_split(p.total_egress_tb, p.cdn_hit_ratio)?;
    let mut rows = Vec::with_capacity(BillLine::ALL.len());
    for l in bill_lines(p, &egress)? {
        let group = l.line.group();
        let lever = group.lever(p).filter(|lv| lv.applied() > 0.0);
        let on_demand_usd = l.quantity.checked_mul(l.unit_price_usd)?.cents()?;
        let optimized_usd = match lever {
            Some(lv) => on_demand_usd.keeping(Decimal::ONE.checked_sub(exact(lv.discount)?)?)?,
            None => on_demand_usd,
        };
        rows.push(BillRow {
            lever: lever.map(|_| group),
            unit: l.line.unit(),
            line: l.line,
            detail: l.detail,
            quantity: l.quantity,
            unit_price_usd: l.unit_price_usd,
            on_demand_usd,
            optimized_usd,
        });
    }
    let column = |keep: &dyn Fn(&BillRow) -> bool, amount: fn(&BillRow) -> Usd| -> Usd {
        rows.iter().filter(|r| keep(r)).map(amount).sum()
    };
    let levers = Group::ALL
        .into_iter()
        .map(|group| LeverRow {
            group,
            detail: lever_detail(group, p),
            discount: match group {
                Group::CdnOffload => None,
                _ => Some(group.lever(p).map_or(0.0, Lever::applied)),
            },
            on_demand_usd: column(&|r| r.line.group() == group, |r| r.on_demand_usd),
            optimized_usd: column(&|r| r.line.group() == group, |r| r.optimized_usd),
        })
        .collect();
    let stack = Component::ALL
        .into_iter()
        .map(|component| StackSegment {
            component,
            on_demand_usd: column(&|r| r.line.component() == component, |r| r.on_demand_usd),
            optimized_usd: column(&|r| r.line.component() == component, |r| r.optimized_usd),
        })
        .collect();
    let on_demand = column(&|_| true, |r| r.on_demand_usd);
    let optimized = column(&|_| true, |r| r.optimized_usd);
    let saving = on_demand - optimized;
    let storage = rows
        .iter()
        .find(|r| r.line == BillLine::DbStorage)
        .map_or(Usd::ZERO, |r| r.on_demand_usd);
    Some(CostOutcome {
        multi_az_storage: p.multi_az.then_some(MultiAzStorage {
            gb: p.db_storage_gb,
            counted_usd: storage,
            billed_usd: storage.times(2),
        }),
        largest: largest(&rows, |r| r.on_demand_usd),
        largest_optimized: largest(&rows, |r| r.optimized_usd),
        rows,
        levers,
        on_demand_usd: on_demand,
        optimized_usd: optimized,
        saving_usd: saving,
        saving_share: Usd::share(saving, on_demand),
        saving_per_year_usd: saving.times(12),
        stack,
        egress,
        database: p.database_choice(),
        fleet_day: fleet_day(p)?,
    })
}

/// A line before pricing.
struct Line {
    line: BillLine,
    detail: String,
    quantity: Decimal,
    unit_price_usd: Decimal,
}

fn bill_lines(p: &CostParams, egress: &EgressSplit) -> Option<Vec<Line>> {
    let pr = &p.prices;
    let hours = exact(p.hours_per_month)?;
    let tasks = exact(p.average_tasks)?;
    let task_detail = |size: f64, unit: &str| {
        format!(
            "{} tasks × {} {unit}",
            number_text(p.average_tasks),
            number_text(size)
        )
    };
    let (db_instances, db_detail) = if p.multi_az {
        (2, "Multi-AZ ⇒ ×2".to_string())
    } else {
        (1, "Single-AZ".to_string())
    };
    let tb = |gb: u64| number_text((gb as f64 / GB_PER_TB * 10.0).round() / 10.0);
    let line = |line, detail: String, quantity, unit_price_usd| Line {
        line,
        detail,
        quantity,
        unit_price_usd,
    };
    let gb = |n: u64| Decimal::whole(i128::from(n));
    Some(vec![
        line(
            BillLine::FargateVcpu,
            task_detail(p.task_vcpu, "vCPU"),
            Decimal::product(&[tasks, exact(p.task_vcpu)?, hours])?,
            pr.fargate_vcpu_hour_usd,
        ),
        line(
            BillLine::FargateMemory,
            task_detail(p.task_memory_gb, "GB"),
            Decimal::product(&[tasks, exact(p.task_memory_gb)?, hours])?,
            pr.fargate_gb_hour_usd,
        ),
        line(
            BillLine::DbInstance,
            db_detail,
            hours,
            pr.db_instance_hour_usd
                .checked_mul(Decimal::whole(db_instances))?,
        ),
        line(
            BillLine::DbStorage,
            format!("{} GB", number_text(p.db_storage_gb)),
            exact(p.db_storage_gb)?,
            pr.db_storage_gb_month_usd,
        ),
        line(
            BillLine::Redis,
            format!("{} nodes", p.redis_nodes),
            Decimal::whole(i128::from(p.redis_nodes)).checked_mul(hours)?,
            pr.redis_node_hour_usd,
        ),
        line(
            BillLine::LoadBalancer,
            String::new(),
            Decimal::ONE,
            pr.alb_month_usd,
        ),
        line(
            BillLine::ObjectStorage,
            format!("{} TB", number_text(p.stored_tb)),
            exact(p.stored_tb)?.checked_mul(Decimal::whole(GB_PER_TB as i128))?,
            pr.s3_gb_month_usd,
        ),
        line(
            BillLine::CdnEgress,
            format!("{} TB at the edge", tb(egress.edge_gb)),
            gb(egress.edge_gb),
            pr.cdn_egress_gb_usd,
        ),
        line(
            BillLine::OriginEgress,
            format!(
                "{} TB, {} % misses",
                tb(egress.origin_gb),
                percent_text(1.0 - p.cdn_hit_ratio)
            ),
            gb(egress.origin_gb),
            pr.origin_egress_gb_usd,
        ),
        line(
            BillLine::NatGateways,
            format!("{} AZs", photoshare::AVAILABILITY_ZONES),
            Decimal::ONE,
            pr.nat_month_usd,
        ),
    ])
}

fn lever_detail(group: Group, p: &CostParams) -> String {
    match group {
        Group::DatabaseReserved if p.multi_az => "Multi-AZ".to_string(),
        Group::DatabaseReserved => "Single-AZ".to_string(),
        Group::CacheReserved => format!("{} nodes", p.redis_nodes),
        Group::CdnOffload => format!("{} % hit", percent_text(p.cdn_hit_ratio)),
        Group::ComputeSavingsPlan | Group::Unchanged => String::new(),
    }
}

/// A share as a percentage to one decimal, without trailing zeros: 0.08 → "8".
fn percent_text(share: f64) -> String {
    number_text((share * 1_000.0).round() / 10.0)
}

/// The largest line of a column (the last of equals) and its share of the column's sum.
fn largest(rows: &[BillRow], amount: fn(&BillRow) -> Usd) -> Largest {
    let row = rows
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, r)| amount(r))
        .map_or(0, |(i, _)| i);
    Largest {
        row,
        share: Usd::share(
            rows.get(row).map_or(Usd::ZERO, amount),
            rows.iter().map(amount).sum(),
        ),
    }
}

fn fleet_day(p: &CostParams) -> Option<FleetDay> {
    let d = &p.day;
    let miss = Decimal::ONE.checked_sub(exact(p.cdn_hit_ratio)?)?;
    let capacity = exact(d.task_capacity_per_s)?;
    let (steady, peak) = (
        exact(d.steady_edge_per_s)?.checked_mul(miss)?,
        exact(d.peak_edge_per_s)?.checked_mul(miss)?,
    );
    let mut hours = Vec::with_capacity(24);
    for hour in 0..24 {
        let in_peak = (hour + 24 - d.peak_start_hour % 24) % 24 < d.peak_hours;
        let (edge_per_s, origin) = if in_peak {
            (d.peak_edge_per_s, peak)
        } else {
            (d.steady_edge_per_s, steady)
        };
        let tasks = u32::try_from(origin.div_ceil(capacity)?).ok()?;
        hours.push(HourLoad {
            hour,
            edge_per_s,
            origin_per_s: origin.to_f64(),
            tasks: tasks.max(d.min_tasks),
        });
    }
    let fixed_tasks = hours.iter().map(|h| h.tasks).max().unwrap_or(d.min_tasks);
    let elastic_task_hours_per_day: u64 = hours.iter().map(|h| u64::from(h.tasks)).sum();
    let fixed_task_hours_per_day = u64::from(fixed_tasks) * 24;
    let task_hour_usd = exact(p.task_vcpu)?
        .checked_mul(p.prices.fargate_vcpu_hour_usd)?
        .checked_add(exact(p.task_memory_gb)?.checked_mul(p.prices.fargate_gb_hour_usd)?)?;
    let month_hours = exact(p.hours_per_month)?;
    let month = |task_hours_per_day: u64| {
        Decimal::product(&[
            Decimal::whole(i128::from(task_hours_per_day)),
            month_hours,
            task_hour_usd,
        ])?
        .cents_over(24)
    };
    Some(FleetDay {
        fixed_tasks,
        elastic_month_usd: month(elastic_task_hours_per_day)?,
        fixed_month_usd: month(fixed_task_hours_per_day)?,
        fixed_idle_share: if fixed_task_hours_per_day > 0 {
            1.0 - elastic_task_hours_per_day as f64 / fixed_task_hours_per_day as f64
        } else {
            0.0
        },
        elastic_task_hours_per_day,
        fixed_task_hours_per_day,
        task_hour_usd,
        hours,
    })
}

fn validate(p: &CostParams) -> Vec<String> {
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
        p.hours_per_month,
        1.0,
        MAX_HOURS_PER_MONTH,
        "Hours per month",
    );
    within(
        p.average_tasks,
        0.0,
        MAX_AVERAGE_TASKS,
        "The average task count",
    );
    within(
        p.task_vcpu,
        TASK_VCPU_RANGE.0,
        TASK_VCPU_RANGE.1,
        "A task's vCPU",
    );
    within(
        p.task_memory_gb,
        TASK_MEMORY_GB_RANGE.0,
        TASK_MEMORY_GB_RANGE.1,
        "A task's memory (GB)",
    );
    within(
        p.db_storage_gb,
        0.0,
        MAX_DB_STORAGE_GB,
        "Database storage (GB)",
    );
    within(
        f64::from(p.redis_nodes),
        0.0,
        f64::from(MAX_REDIS_NODES),
        "Cache nodes",
    );
    within(p.stored_tb, 0.0, MAX_TB, "Stored uploads (TB)");
    within(p.total_egress_tb, 0.0, MAX_TB, "Total egress (TB)");
    within(
        p.day.steady_edge_per_s,
        0.0,
        MAX_LOAD_PER_S,
        "The steady load (req/s)",
    );
    within(
        p.day.peak_edge_per_s,
        0.0,
        MAX_LOAD_PER_S,
        "The peak load (req/s)",
    );
    within(
        p.day.task_capacity_per_s,
        0.01,
        MAX_LOAD_PER_S,
        "A task's capacity (req/s)",
    );
    within(
        f64::from(p.day.min_tasks),
        0.0,
        MAX_AVERAGE_TASKS,
        "The fleet's floor (tasks)",
    );
    if !(p.cdn_hit_ratio.is_finite() && (0.0..=1.0).contains(&p.cdn_hit_ratio)) {
        problems.push("The CDN hit ratio must be between 0 and 100 %.".to_string());
    }
    for (lever, what) in [
        (p.savings_plan, "The Savings Plan discount"),
        (p.db_reserved, "The database reservation discount"),
        (p.redis_reserved, "The cache reservation discount"),
    ] {
        if !(lever.discount.is_finite() && (0.0..=1.0).contains(&lever.discount)) {
            problems.push(format!("{what} must be between 0 and 100 %."));
        }
    }
    for f in PRICE_FIELDS {
        if !price_in_range((f.get)(&p.prices)) {
            problems.push(price_problem(f.what));
        }
    }
    if p.day.peak_start_hour > 23 {
        problems.push("The peak must start at an hour from 0 to 23.".to_string());
    }
    if p.day.peak_hours > 24 {
        problems.push("The peak lasts at most 24 hours.".to_string());
    }
    problems
}

/// The bill as CSV, with the services' AWS names.
pub fn bill_csv(outcome: &CostOutcome) -> String {
    bill_csv_in(outcome, Cloud::Aws)
}

/// The bill as CSV, with the chosen cloud's names: one row per line, then both totals.
pub fn bill_csv_in(outcome: &CostOutcome, cloud: Cloud) -> String {
    let mut out =
        String::from("component,unit,quantity,unit_price_usd,on_demand_usd,lever,optimized_usd\n");
    for row in &outcome.rows {
        let fields = [
            csv_field(&row.label(cloud)),
            row.unit.to_string(),
            row.quantity.to_string(),
            row.unit_price_usd.to_string(),
            row.on_demand_usd.to_string(),
            csv_field(&row.lever.map(|g| g.name(cloud)).unwrap_or_default()),
            row.optimized_usd.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out.push_str(&format!(
        "total,,,,{},,{}\n",
        outcome.on_demand_usd, outcome.optimized_usd
    ));
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Link keys: sizes `tasks vcpu mem hours maz dbgb redis stored egress hit`;
/// prices in dollars `p_vcpu p_gb p_db p_dbgb p_redis p_alb p_s3 p_cdn p_origin p_nat`;
/// levers `sp ri rn` (1/0) with discounts `sp_pct ri_pct rn_pct`; the day
/// `steady peak peak_at peak_h cap floor`. Ratios are in percent.
impl LinkState for CostParams {
    fn to_query(&self) -> String {
        let d = CostParams::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let mut num = |key, x: f64, default: f64| {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        };
        num("tasks", self.average_tasks, d.average_tasks);
        num("vcpu", self.task_vcpu, d.task_vcpu);
        num("mem", self.task_memory_gb, d.task_memory_gb);
        num("hours", self.hours_per_month, d.hours_per_month);
        num("dbgb", self.db_storage_gb, d.db_storage_gb);
        num(
            "redis",
            f64::from(self.redis_nodes),
            f64::from(d.redis_nodes),
        );
        num("stored", self.stored_tb, d.stored_tb);
        num("egress", self.total_egress_tb, d.total_egress_tb);
        num(
            "steady",
            self.day.steady_edge_per_s,
            d.day.steady_edge_per_s,
        );
        num("peak", self.day.peak_edge_per_s, d.day.peak_edge_per_s);
        num(
            "peak_at",
            f64::from(self.day.peak_start_hour),
            f64::from(d.day.peak_start_hour),
        );
        num(
            "peak_h",
            f64::from(self.day.peak_hours),
            f64::from(d.day.peak_hours),
        );
        num(
            "cap",
            self.day.task_capacity_per_s,
            d.day.task_capacity_per_s,
        );
        num(
            "floor",
            f64::from(self.day.min_tasks),
            f64::from(d.day.min_tasks),
        );
        let mut pct = |key, x: f64, default: f64| {
            if x != default {
                pairs.push((key, number_text(x * 100.0)));
            }
        };
        pct("hit", self.cdn_hit_ratio, d.cdn_hit_ratio);
        pct(
            "sp_pct",
            self.savings_plan.discount,
            d.savings_plan.discount,
        );
        pct("ri_pct", self.db_reserved.discount, d.db_reserved.discount);
        pct(
            "rn_pct",
            self.redis_reserved.discount,
            d.redis_reserved.discount,
        );
        let mut flag = |key, on: bool, default: bool| {
            if on != default {
                pairs.push((key, if on { "1" } else { "0" }.to_string()));
            }
        };
        flag("maz", self.multi_az, d.multi_az);
        flag("sp", self.savings_plan.on, d.savings_plan.on);
        flag("ri", self.db_reserved.on, d.db_reserved.on);
        flag("rn", self.redis_reserved.on, d.redis_reserved.on);
        for f in PRICE_FIELDS {
            let x = (f.get)(&self.prices);
            if x != (f.get)(&d.prices) {
                pairs.push((f.key, x.to_string()));
            }
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = CostParams::default();
        let mut r = LinkReader::new(query);
        read(
            &mut r,
            "tasks",
            &mut p.average_tasks,
            0.0,
            MAX_AVERAGE_TASKS,
        );
        read(
            &mut r,
            "vcpu",
            &mut p.task_vcpu,
            TASK_VCPU_RANGE.0,
            TASK_VCPU_RANGE.1,
        );
        read(
            &mut r,
            "mem",
            &mut p.task_memory_gb,
            TASK_MEMORY_GB_RANGE.0,
            TASK_MEMORY_GB_RANGE.1,
        );
        read(
            &mut r,
            "hours",
            &mut p.hours_per_month,
            1.0,
            MAX_HOURS_PER_MONTH,
        );
        read(&mut r, "dbgb", &mut p.db_storage_gb, 0.0, MAX_DB_STORAGE_GB);
        read_whole(&mut r, "redis", &mut p.redis_nodes, 0, MAX_REDIS_NODES);
        read(&mut r, "stored", &mut p.stored_tb, 0.0, MAX_TB);
        read(&mut r, "egress", &mut p.total_egress_tb, 0.0, MAX_TB);
        for f in PRICE_FIELDS {
            if let Some(x) = r.decimal(f.key, Decimal::ZERO, MAX_PRICE_USD) {
                (f.set)(&mut p.prices, x);
            }
        }
        read(
            &mut r,
            "steady",
            &mut p.day.steady_edge_per_s,
            0.0,
            MAX_LOAD_PER_S,
        );
        read(
            &mut r,
            "peak",
            &mut p.day.peak_edge_per_s,
            0.0,
            MAX_LOAD_PER_S,
        );
        read_whole(&mut r, "peak_at", &mut p.day.peak_start_hour, 0, 23);
        read_whole(&mut r, "peak_h", &mut p.day.peak_hours, 0, 24);
        read(
            &mut r,
            "cap",
            &mut p.day.task_capacity_per_s,
            0.01,
            MAX_LOAD_PER_S,
        );
        read_whole(
            &mut r,
            "floor",
            &mut p.day.min_tasks,
            0,
            MAX_AVERAGE_TASKS as u32,
        );
        for (key, x) in [
            ("hit", &mut p.cdn_hit_ratio),
            ("sp_pct", &mut p.savings_plan.discount),
            ("ri_pct", &mut p.db_reserved.discount),
            ("rn_pct", &mut p.redis_reserved.discount),
        ] {
            if let Some(v) = r.number(key, 0.0, 100.0) {
                *x = from_percent(v);
            }
        }
        for (key, x) in [
            ("maz", &mut p.multi_az),
            ("sp", &mut p.savings_plan.on),
            ("ri", &mut p.db_reserved.on),
            ("rn", &mut p.redis_reserved.on),
        ] {
            if let Some(v) = r.flag(key) {
                *x = v;
            }
        }
        (p, r.finish())
    }
}

/// Sets `x` from the link when the value is usable.
fn read(r: &mut LinkReader, key: &'static str, x: &mut f64, min: f64, max: f64) {
    if let Some(v) = r.number(key, min, max) {
        *x = v;
    }
}

fn read_whole(r: &mut LinkReader, key: &'static str, x: &mut u32, min: u32, max: u32) {
    if let Some(v) = r.whole(key, min, max) {
        *x = v;
    }
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for CostParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The cost demo in the lab's registry.
pub struct Cost;

impl crate::demo::Demo for Cost {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::Cost;
    type Params = CostParams;
    type Outcome = CostOutcome;

    fn evaluate(p: &CostParams) -> Result<CostOutcome, Vec<String>> {
        evaluate(p)
    }

    const SHARES: &'static [crate::scenario::SharedValue] = &[
        crate::scenario::SharedValue::EdgeLoad,
        crate::scenario::SharedValue::CdnHitRatio,
        crate::scenario::SharedValue::MultiAz,
        crate::scenario::SharedValue::AverageTasks,
    ];

    fn take(p: &mut CostParams, s: &crate::scenario::Scenario) {
        crate::scenario::apply_to_cost(s, p)
    }

    fn give(p: &CostParams) -> Option<crate::scenario::ScenarioUpdate> {
        Some(crate::scenario::from_cost(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_are_quoted() {
        assert_eq!(csv_field("0.4 TB, 8 % misses"), "\"0.4 TB, 8 % misses\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
