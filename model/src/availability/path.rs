//! The request path: what each block is and how available the lab assumes it, and how
//! blocks compose — k of n within a block, in series along the path, in parallel across regions.

use super::*;
use crate::photoshare;
use crate::vocabulary::Service;

/// What a block on the request path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    Dns,
    Cdn,
    LoadBalancer,
    AppTask,
    Database,
    Cache,
    ObjectStorage,
}

/// Whether a second region duplicates a block (regional) or not (global edge services).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Regional,
}

/// A figure the lab assumes, with where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assumption {
    pub value: f64,
    pub source: &'static str,
}

impl Component {
    pub const ALL: [Component; 7] = [
        Component::Dns,
        Component::Cdn,
        Component::LoadBalancer,
        Component::AppTask,
        Component::Database,
        Component::Cache,
        Component::ObjectStorage,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Component::Dns => "dns",
            Component::Cdn => "cdn",
            Component::LoadBalancer => "alb",
            Component::AppTask => "task",
            Component::Database => "db",
            Component::Cache => "cache",
            Component::ObjectStorage => "s3",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Component> {
        Component::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The block's name in the course's words; `service()` gives the provider's.
    pub fn name(self) -> &'static str {
        match self {
            Component::Dns => "DNS",
            Component::Cdn => "CDN",
            Component::LoadBalancer => "Load balancer",
            Component::AppTask => "App task",
            Component::Database => "Database",
            Component::Cache => "Cache",
            Component::ObjectStorage => "Object storage",
        }
    }

    /// The managed service behind the block, for the AWS ↔ Azure labels.
    pub fn service(self) -> Service {
        match self {
            Component::Dns => Service::Dns,
            Component::Cdn => Service::Cdn,
            Component::LoadBalancer => Service::LoadBalancer,
            Component::AppTask => Service::ContainerService,
            Component::Database => Service::ManagedPostgres,
            Component::Cache => Service::ManagedRedis,
            Component::ObjectStorage => Service::ObjectStorage,
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            Component::Dns | Component::Cdn => Scope::Global,
            _ => Scope::Regional,
        }
    }

    /// The availability of one unit, as the lab assumes it, and where that figure comes from.
    pub fn assumed(self) -> Assumption {
        let value = match self {
            Component::Dns => 1.0,
            Component::AppTask => 0.995,
            Component::Database => photoshare::DB_MULTI_AZ_AVAILABILITY,
            Component::Cdn
            | Component::LoadBalancer
            | Component::Cache
            | Component::ObjectStorage => 0.9999,
        };
        let source = match self {
            Component::Dns => "Route 53 SLA: 100 % monthly uptime for DNS queries.",
            Component::Cdn => "Assumption: edge availability as observed. CloudFront's SLA only credits months below 99.9 %.",
            Component::LoadBalancer => "Elastic Load Balancing SLA: 99.99 % monthly uptime.",
            Component::AppTask => "Assumption: one Fargate task on its own has no SLA; ECS's 99.99 % SLA covers the service across AZs.",
            Component::Database => "RDS SLA: 99.95 % for Multi-AZ deployments (99.5 % for a Single-AZ instance).",
            Component::Cache => "ElastiCache SLA: 99.99 % for Multi-AZ replication groups with automatic failover.",
            Component::ObjectStorage => "S3 Standard is designed for 99.99 % availability; its SLA credits below 99.9 %.",
        };
        Assumption { value, source }
    }
}

/// One block on the path: `units` copies of a component, of which `needed` must be up.
/// 1 of 1 is a single block, 1 of n is plain redundancy, k of n a quorum or a capacity floor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Block {
    pub component: Component,
    /// Availability of one unit, 0–1.
    pub availability: f64,
    pub units: u32,
    pub needed: u32,
}

impl Block {
    pub fn single(component: Component) -> Block {
        Block {
            component,
            availability: component.assumed().value,
            units: 1,
            needed: 1,
        }
    }
}

/// Single-AZ or Multi-AZ database: the worked example's biggest reliability lever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatabaseChoice {
    SingleAz,
    MultiAz,
}

impl DatabaseChoice {
    pub fn availability(self) -> f64 {
        match self {
            DatabaseChoice::SingleAz => photoshare::DB_SINGLE_AZ_AVAILABILITY,
            DatabaseChoice::MultiAz => photoshare::DB_MULTI_AZ_AVAILABILITY,
        }
    }
}

/// Availability of a k-of-n block: P(at least `needed` of `units` are up).
/// Computed through the unavailability, which keeps precision near 1.
pub fn block_availability(block: &Block) -> f64 {
    let a = block.availability;
    let q = 1.0 - a;
    let n = block.units;
    // P(fewer than `needed` up) = Σ_{i < k} C(n, i) a^i q^(n-i)
    if block.needed > n {
        return 0.0;
    }
    let mut unavailable = 0.0;
    let mut binomial = 1.0;
    for i in 0..block.needed {
        unavailable += binomial * a.powi(i as i32) * q.powi((n - i) as i32);
        binomial = binomial * f64::from(n - i) / f64::from(i + 1);
    }
    (1.0 - unavailable).clamp(0.0, 1.0)
}

/// Availabilities in series: all must be up.
pub fn series(availabilities: impl IntoIterator<Item = f64>) -> f64 {
    availabilities.into_iter().product()
}

/// Availabilities in parallel: at least one must be up.
pub fn parallel(availabilities: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - availabilities.into_iter().map(|a| 1.0 - a).product::<f64>()
}

/// The composed request path.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    /// Each block's own availability, in path order.
    pub blocks: Vec<f64>,
    /// One region's chain of regional blocks.
    pub region: f64,
    /// The whole path, regions included.
    pub availability: f64,
    /// Index of the least available block.
    pub weakest: usize,
    pub downtime_min_per_month: f64,
    pub downtime_min_per_year: f64,
    pub meets_slo: bool,
}

/// What-if for one block: the path's monthly downtime with 1, 2, … units in it.
#[derive(Clone, Debug, PartialEq)]
pub struct RedundancyCurve {
    /// Index of the block varied (the app tier when there is one).
    pub block: usize,
    /// (units, minutes of downtime per month), from `needed` units up to `REDUNDANCY_CURVE_MAX`.
    pub points: Vec<(u32, f64)>,
}

/// How far the redundancy what-if goes.
pub const REDUNDANCY_CURVE_MAX: u32 = 8;

pub(super) fn compose(path: &[Block], regions: u32, slo: f64, month: MonthLength) -> Composition {
    let blocks: Vec<f64> = path.iter().map(block_availability).collect();
    let chain = |scope: Scope| {
        series(
            path.iter()
                .zip(&blocks)
                .filter(|(b, _)| b.component.scope() == scope)
                .map(|(_, a)| *a),
        )
    };
    let region = chain(Scope::Regional);
    let availability = chain(Scope::Global) * parallel((0..regions).map(|_| region));
    let weakest = blocks
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i);
    Composition {
        region,
        availability,
        weakest,
        downtime_min_per_month: downtime_minutes(availability, month.minutes()),
        downtime_min_per_year: downtime_minutes(availability, MINUTES_PER_YEAR),
        meets_slo: availability >= slo,
        blocks,
    }
}

pub(super) fn redundancy_curve(p: &AvailabilityParams, block: usize) -> RedundancyCurve {
    let mut path = p.path.clone();
    let needed = path[block].needed;
    let points = (needed..=REDUNDANCY_CURVE_MAX.max(needed))
        .map(|units| {
            path[block].units = units;
            let c = compose(&path, p.regions, p.slo, p.month);
            (units, c.downtime_min_per_month)
        })
        .collect();
    RedundancyCurve { block, points }
}
