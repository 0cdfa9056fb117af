//! Availability, SLO and error budget (§3 of the worked example).
//!
//! The lesson: availabilities multiply in series and redundancy multiplies the
//! *unavailabilities* in parallel, so the request path is only as good as its
//! weakest serial link. An SLO turns into minutes of allowed downtime — the
//! error budget — and every incident spends some of it.

use crate::catalog::DemoId;
use crate::claim::{Claim, Live, Note, Rounding};
use crate::demo::Demo;
use crate::link::{from_percent, number_text, Ignored, LinkState, Query};
use crate::params::{self, shared, Choice, Field, Fields, Spec, Table};
use crate::photoshare;
use crate::scenario::{self, Scenario, ScenarioUpdate, SharedValue};
use crate::vocabulary::Service;

/// Minutes in a 30-day month, the worked example's month.
pub const MINUTES_PER_30_DAY_MONTH: f64 = 30.0 * 24.0 * 60.0;
/// Minutes in a year of 365.25 days.
pub const MINUTES_PER_YEAR: f64 = 365.25 * 24.0 * 60.0;
/// Most units one block may hold (keeps k-of-n sums cheap and links short).
pub const MAX_UNITS: u32 = 64;
/// Most blocks on one path, and incidents in one month.
pub const MAX_BLOCKS: usize = 12;
pub const MAX_INCIDENTS: usize = 31;

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

    /// The availability of one unit, as the lab assumes it.
    pub fn assumed(self) -> Assumption {
        match self {
            Component::Dns => Assumption {
                value: 1.0,
                source: "Route 53 SLA: 100 % monthly uptime for DNS queries.",
            },
            Component::Cdn => Assumption {
                value: 0.9999,
                source: "Assumption: edge availability as observed. CloudFront's SLA only credits months below 99.9 %.",
            },
            Component::LoadBalancer => Assumption {
                value: 0.9999,
                source: "Elastic Load Balancing SLA: 99.99 % monthly uptime.",
            },
            Component::AppTask => Assumption {
                value: 0.995,
                source: "Assumption: one Fargate task on its own has no SLA; ECS's 99.99 % SLA covers the service across AZs.",
            },
            Component::Database => Assumption {
                value: photoshare::DB_MULTI_AZ_AVAILABILITY,
                source: "RDS SLA: 99.95 % for Multi-AZ deployments (99.5 % for a Single-AZ instance).",
            },
            Component::Cache => Assumption {
                value: 0.9999,
                source: "ElastiCache SLA: 99.99 % for Multi-AZ replication groups with automatic failover.",
            },
            Component::ObjectStorage => Assumption {
                value: 0.9999,
                source: "S3 Standard is designed for 99.99 % availability; its SLA credits below 99.9 %.",
            },
        }
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

/// How long "a month" is when an SLO is turned into minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MonthLength {
    /// 30 days: 43,200 minutes, the worked example's month.
    #[default]
    ThirtyDays,
    /// 365.25 / 12 days: 43,830 minutes.
    Average,
}

impl MonthLength {
    pub const ALL: [MonthLength; 2] = [MonthLength::ThirtyDays, MonthLength::Average];

    /// Its value in a link: `month=avg`.
    pub fn slug(self) -> &'static str {
        match self {
            MonthLength::ThirtyDays => "30d",
            MonthLength::Average => "avg",
        }
    }

    pub fn minutes(self) -> f64 {
        match self {
            MonthLength::ThirtyDays => MINUTES_PER_30_DAY_MONTH,
            MonthLength::Average => MINUTES_PER_YEAR / 12.0,
        }
    }

    pub fn days(self) -> f64 {
        self.minutes() / (24.0 * 60.0)
    }
}

/// An outage: how long, and what share of users it hurt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Incident {
    /// Day of the month it happened on, from 1.
    pub day: u32,
    pub minutes: f64,
    /// 0–1: a partial outage spends budget in proportion.
    pub users_affected: f64,
}

/// Everything the availability demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct AvailabilityParams {
    /// The request path, in series from the user inward.
    pub path: Vec<Block>,
    /// 1, or 2 for the multi-region active-passive extension (regional blocks duplicated).
    pub regions: u32,
    /// The monthly objective, 0–1.
    pub slo: f64,
    pub month: MonthLength,
    pub incidents: Vec<Incident>,
    /// Risky deploys freeze once less than this share of the budget is left.
    pub freeze_below: f64,
}

impl Default for AvailabilityParams {
    /// PhotoShare: CDN → ALB → 2 tasks across two AZs (1 must be up) → Multi-AZ Postgres,
    /// and the month of the worked example's two incidents.
    fn default() -> Self {
        AvailabilityParams {
            path: vec![
                Block::single(Component::Cdn),
                Block::single(Component::LoadBalancer),
                Block {
                    units: photoshare::MIN_TASKS,
                    needed: 1,
                    ..Block::single(Component::AppTask)
                },
                Block::single(Component::Database),
            ],
            regions: 1,
            slo: photoshare::SLO,
            month: MonthLength::ThirtyDays,
            incidents: vec![
                Incident {
                    day: 9,
                    minutes: 30.0,
                    users_affected: 1.0,
                },
                Incident {
                    day: 20,
                    minutes: 9.0,
                    users_affected: 0.5,
                },
            ],
            freeze_below: 0.5,
        }
    }
}

impl AvailabilityParams {
    /// The database choice the path's database block matches, if it matches one.
    pub fn database_choice(&self) -> Option<DatabaseChoice> {
        let db = self
            .path
            .iter()
            .find(|b| b.component == Component::Database)?;
        [DatabaseChoice::SingleAz, DatabaseChoice::MultiAz]
            .into_iter()
            .find(|c| (c.availability() - db.availability).abs() < 1e-12)
    }

    /// Sets every database block to the choice's availability.
    pub fn set_database(&mut self, choice: DatabaseChoice) {
        for b in &mut self.path {
            if b.component == Component::Database {
                b.availability = choice.availability();
            }
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

/// Allowed downtime in minutes for an availability over a span of minutes.
pub fn downtime_minutes(availability: f64, span_minutes: f64) -> f64 {
    (1.0 - availability) * span_minutes
}

/// The error budget: minutes of downtime an SLO allows in a month.
pub fn error_budget_minutes(slo: f64, month: MonthLength) -> f64 {
    downtime_minutes(slo, month.minutes())
}

/// Share of the month's budget (0–1) one incident spends.
pub fn budget_consumed(incident: &Incident, budget_minutes: f64) -> f64 {
    incident.minutes * incident.users_affected / budget_minutes
}

/// One row of the SLO table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SloRow {
    pub slo: f64,
    pub unavailable: f64,
    pub downtime_min_per_month: f64,
    pub downtime_min_per_year: f64,
}

/// The SLOs the course compares.
pub const SLO_TABLE_TARGETS: [f64; 4] = [0.99, 0.999, 0.9995, 0.9999];

pub fn slo_table(month: MonthLength) -> Vec<SloRow> {
    SLO_TABLE_TARGETS
        .iter()
        .map(|&slo| SloRow {
            slo,
            unavailable: 1.0 - slo,
            downtime_min_per_month: downtime_minutes(slo, month.minutes()),
            downtime_min_per_year: downtime_minutes(slo, MINUTES_PER_YEAR),
        })
        .collect()
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

/// What the team may do with what is left of the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeployPolicy {
    /// Plenty left: ship features fast.
    Ship,
    /// Running low: freeze risky deploys, spend the month on reliability.
    FreezeRiskyDeploys,
    /// Spent: only fixes ship until the month rolls over.
    Exhausted,
}

/// One incident's share of the budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IncidentBurn {
    pub incident: Incident,
    pub consumed_min: f64,
    /// 0–1 of the month's budget.
    pub consumed: f64,
    /// Budget minutes left after it (and every incident before it).
    pub left_after_min: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Burn {
    pub budget_min: f64,
    /// In the order they happened.
    pub incidents: Vec<IncidentBurn>,
    pub consumed_min: f64,
    pub consumed: f64,
    /// May be negative: the budget is overspent.
    pub left_min: f64,
    pub policy: DeployPolicy,
    /// (day, minutes left): a step line from day 0 to the month's end.
    pub burn_down: Vec<(f64, f64)>,
    /// (day, minutes left) if downtime were spread evenly: the "on track" line.
    pub even_burn: [(f64, f64); 2],
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

#[derive(Clone, Debug, PartialEq)]
pub struct AvailabilityOutcome {
    pub composition: Composition,
    pub redundancy: Option<RedundancyCurve>,
    pub burn: Burn,
    pub slo_table: Vec<SloRow>,
}

/// Composes the path and spends the budget. Bad input gives every problem found, in words.
pub fn evaluate(p: &AvailabilityParams) -> Result<AvailabilityOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let composition = compose(&p.path, p.regions, p.slo, p.month);
    let redundancy = p
        .path
        .iter()
        .position(|b| b.component == Component::AppTask)
        .or_else(|| p.path.iter().position(|b| b.units > 1))
        .map(|block| redundancy_curve(p, block));
    Ok(AvailabilityOutcome {
        composition,
        redundancy,
        burn: burn(p),
        slo_table: slo_table(p.month),
    })
}

fn compose(path: &[Block], regions: u32, slo: f64, month: MonthLength) -> Composition {
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

fn redundancy_curve(p: &AvailabilityParams, block: usize) -> RedundancyCurve {
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

fn burn(p: &AvailabilityParams) -> Burn {
    let budget_min = error_budget_minutes(p.slo, p.month);
    let days = p.month.days();
    let mut ordered = p.incidents.clone();
    ordered.sort_by_key(|i| i.day);
    let mut left = budget_min;
    let mut burn_down = vec![(0.0, budget_min)];
    let incidents: Vec<IncidentBurn> = ordered
        .into_iter()
        .map(|incident| {
            let consumed_min = incident.minutes * incident.users_affected;
            let day = f64::from(incident.day).min(days);
            burn_down.push((day, left));
            left -= consumed_min;
            burn_down.push((day, left));
            IncidentBurn {
                incident,
                consumed_min,
                consumed: budget_consumed(&incident, budget_min),
                left_after_min: left,
            }
        })
        .collect();
    burn_down.push((days, left));
    let consumed_min = budget_min - left;
    let policy = if left <= 0.0 {
        DeployPolicy::Exhausted
    } else if left < p.freeze_below * budget_min {
        DeployPolicy::FreezeRiskyDeploys
    } else {
        DeployPolicy::Ship
    };
    Burn {
        budget_min,
        incidents,
        consumed_min,
        consumed: consumed_min / budget_min,
        left_min: left,
        policy,
        burn_down,
        even_burn: [(0.0, budget_min), (days, 0.0)],
    }
}

fn validate(p: &AvailabilityParams) -> Vec<String> {
    let mut problems = Vec::new();
    if p.path.is_empty() {
        problems.push("The path needs at least one block.".to_string());
    }
    if p.path.len() > MAX_BLOCKS {
        problems.push(format!("At most {MAX_BLOCKS} blocks fit on the path."));
    }
    for (i, b) in p.path.iter().enumerate() {
        let name = format!("Block {} ({})", i + 1, b.component.slug());
        if !(b.availability.is_finite() && (0.0..=1.0).contains(&b.availability)) {
            problems.push(format!("{name}: availability must be between 0 and 100 %."));
        }
        if b.units == 0 || b.units > MAX_UNITS {
            problems.push(format!("{name}: units must be between 1 and {MAX_UNITS}."));
        }
        if b.needed == 0 || b.needed > b.units {
            problems.push(format!(
                "{name}: units needed must be between 1 and the {} units there are.",
                b.units
            ));
        }
    }
    problems.extend(params::check(p));
    if p.incidents.len() > MAX_INCIDENTS {
        problems.push(format!("At most {MAX_INCIDENTS} incidents in a month."));
    }
    let max_minutes = p.month.minutes();
    for (i, inc) in p.incidents.iter().enumerate() {
        let name = format!("Incident {}", i + 1);
        if !(inc.minutes.is_finite() && (0.0..=max_minutes).contains(&inc.minutes)) {
            problems.push(format!(
                "{name}: minutes must be between 0 and {max_minutes}."
            ));
        }
        if !(inc.users_affected.is_finite() && (0.0..=1.0).contains(&inc.users_affected)) {
            problems.push(format!(
                "{name}: users affected must be between 0 and 100 %."
            ));
        }
        if !(1..=31).contains(&inc.day) {
            problems.push(format!("{name}: the day must be between 1 and 31."));
        }
    }
    problems
}

/// Link format: `path=cdn:99.99,alb:99.99,task:99.5:1of2,db:99.95&regions=1&slo=99.9&month=30d&inc=9:30:100,20:9:50&freeze=50`.
/// Availabilities and shares are in percent, as a student reads them.
impl LinkState for AvailabilityParams {
    fn to_query(&self) -> String {
        params::to_query(self)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        params::from_query(query)
    }
}

const MONTHS: [Choice; 2] = [
    Choice {
        slug: "30d",
        label: "30 days (43,200 min)",
    },
    Choice {
        slug: "avg",
        label: "an average month (43,830 min)",
    },
];

impl AvailabilityParams {
    pub const PATH: Field<Self> = Field::text(
        Spec::named("path", "The request path"),
        |p| path_text(&p.path),
        |p, text| {
            p.path = parse_path(text)?;
            Ok(())
        },
    );
    pub const REGIONS: Field<Self> = Field::whole(
        Spec::new("regions", "Regions", "", (1.0, 2.0), 1.0),
        |p| p.regions,
        |p, x| p.regions = x,
    );
    pub const SLO: Field<Self> = Field::number(shared::SLO, |p| p.slo, |p, x| p.slo = x);
    pub const MONTH: Field<Self> = Field::choice(
        Spec::named("month", "A month is"),
        &MONTHS,
        |p| p.month.slug(),
        |p, slug| {
            if let Some(m) = MonthLength::ALL.into_iter().find(|m| m.slug() == slug) {
                p.month = m;
            }
        },
    );
    pub const INCIDENTS: Field<Self> = Field::text(
        Spec::named("inc", "Incidents this month"),
        |p| incidents_text(&p.incidents),
        |p, text| {
            p.incidents = parse_incidents(text)?;
            Ok(())
        },
    );
    pub const FREEZE: Field<Self> = Field::number(
        Spec::percent(
            "freeze",
            "Freeze risky deploys when less of the budget is left than",
            (0.0, 100.0),
            5.0,
        ),
        |p| p.freeze_below,
        |p, x| p.freeze_below = x,
    );
}

impl Fields for AvailabilityParams {
    const FIELDS: Table<Self> = &[&[
        Self::PATH,
        Self::REGIONS,
        Self::SLO,
        Self::MONTH,
        Self::INCIDENTS,
        Self::FREEZE,
    ]];
}

/// The availability demo in the lab's registry.
pub struct Availability;

type AvailabilityClaim = Claim<AvailabilityParams, AvailabilityOutcome>;

impl Availability {
    /// §3: "the realistic composed availability is ≈ 99.9 %".
    pub const COMPOSED: AvailabilityClaim = Claim {
        label: "Composed availability",
        printed: "≈ 99.9 %",
        rounding: Rounding::Places(1),
        live: |_, o| Some(Live::Number(o.composition.availability * 100.0)),
    };
    /// §1 and §3: a 99.9 % SLO allows 43.2 minutes in a 30-day month.
    pub const BUDGET: AvailabilityClaim = Claim {
        label: "Error budget",
        printed: "43.2 min",
        rounding: Rounding::Places(1),
        live: |_, o| Some(Live::Number(o.burn.budget_min)),
    };
    /// §3's table: four nines allow 4.32 minutes in a 30-day month.
    pub const FOUR_NINES: AvailabilityClaim = Claim {
        label: "99.99 % allows a month",
        printed: "4.32 min",
        rounding: Rounding::Places(2),
        live: |_, o| {
            o.slo_table
                .iter()
                .find(|r| r.slo == 0.9999)
                .map(|r| Live::Number(r.downtime_min_per_month))
        },
    };
    /// §3: a 30-minute incident leaves 13.2 minutes (live: after the month's first such outage).
    pub const LEFT_AFTER_30: AvailabilityClaim = Claim {
        label: "Left after a 30-minute outage",
        printed: "13.2 min",
        rounding: Rounding::Places(1),
        live: |_, o| burn_of(o, 30.0, 1.0).map(|b| Live::Number(b.left_after_min)),
    };
    /// §3: 9 minutes that degraded half the users spend ≈ 10.4 % of the budget.
    pub const PARTIAL_BURN: AvailabilityClaim = Claim {
        label: "9 minutes at 50 % of users",
        printed: "10.4 %",
        rounding: Rounding::Places(1),
        live: |_, o| burn_of(o, 9.0, 0.5).map(|b| Live::Number(b.consumed * 100.0)),
    };
}

/// The month's first incident of that length and share, as it burned.
fn burn_of(o: &AvailabilityOutcome, minutes: f64, share: f64) -> Option<&IncidentBurn> {
    o.burn
        .incidents
        .iter()
        .find(|b| b.incident.minutes == minutes && b.incident.users_affected == share)
}

impl Demo for Availability {
    const ID: DemoId = DemoId::Availability;
    type Params = AvailabilityParams;
    type Outcome = AvailabilityOutcome;
    const EXERCISES: &'static [crate::exercises::Exercise<Self::Params, Self::Outcome>] =
        &crate::exercises::availability::EXERCISES;

    fn evaluate(p: &AvailabilityParams) -> Result<AvailabilityOutcome, Vec<String>> {
        evaluate(p)
    }

    const CLAIMS: &'static [AvailabilityClaim] = &[
        Self::COMPOSED,
        Self::BUDGET,
        Self::FOUR_NINES,
        Self::LEFT_AFTER_30,
        Self::PARTIAL_BURN,
    ];

    const NOTES: &'static [Note] = &[Note {
        text: "The worked example says 99.99 % \"would need multi-region\". A second region removes the region as a single point of failure, but the global edge stays in series with both: with the CDN assumed at 99.99 %, PhotoShare's path stays just below four nines even with instant failover, and lower once the failover time counts (the multi-region demo). Four nines would also need an edge better than four nines.",
        source: "AWS Well-Architected, Reliability pillar: availability with hard dependencies and redundant components",
        url: "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html",
    }];

    const SHARES: &'static [SharedValue] = &[SharedValue::MultiAz];

    fn take(p: &mut AvailabilityParams, s: &Scenario) {
        scenario::apply_to_availability(s, p)
    }

    fn give(p: &AvailabilityParams) -> Option<ScenarioUpdate> {
        Some(scenario::from_availability(p))
    }
}

fn path_text(path: &[Block]) -> String {
    path.iter()
        .map(|b| {
            let mut s = format!(
                "{}:{}",
                b.component.slug(),
                number_text(b.availability * 100.0)
            );
            if b.units != 1 || b.needed != 1 {
                s.push_str(&format!(":{}of{}", b.needed, b.units));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_path(text: &str) -> Result<Vec<Block>, String> {
    let mut path = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if i >= MAX_BLOCKS {
            return Err(format!("more than {MAX_BLOCKS} blocks"));
        }
        let mut parts = item.split(':');
        let slug = parts.next().unwrap_or_default();
        let component = Component::from_slug(slug)
            .ok_or_else(|| format!("block {}: unknown kind '{slug}'", i + 1))?;
        let availability = match parts.next() {
            Some(a) => percent(a).ok_or_else(|| format!("block {}: bad availability", i + 1))?,
            None => component.assumed().value,
        };
        let (needed, units) = match parts.next() {
            Some(kn) => {
                let (k, n) = kn
                    .split_once("of")
                    .ok_or_else(|| format!("block {}: expected k of n, as 1of2", i + 1))?;
                match (k.parse::<u32>(), n.parse::<u32>()) {
                    (Ok(k), Ok(n)) if (1..=MAX_UNITS).contains(&n) && (1..=n).contains(&k) => {
                        (k, n)
                    }
                    _ => {
                        return Err(format!(
                            "block {}: k of n must have 1 ≤ k ≤ n ≤ {MAX_UNITS}",
                            i + 1
                        ))
                    }
                }
            }
            None => (1, 1),
        };
        if parts.next().is_some() {
            return Err(format!("block {}: too many parts", i + 1));
        }
        path.push(Block {
            component,
            availability,
            units,
            needed,
        });
    }
    Ok(path)
}

fn incidents_text(incidents: &[Incident]) -> String {
    incidents
        .iter()
        .map(|i| {
            format!(
                "{}:{}:{}",
                i.day,
                number_text(i.minutes),
                number_text(i.users_affected * 100.0)
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_incidents(text: &str) -> Result<Vec<Incident>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut incidents = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if i >= MAX_INCIDENTS {
            return Err(format!("more than {MAX_INCIDENTS} incidents"));
        }
        let parts: Vec<&str> = item.split(':').collect();
        let bad = || {
            format!(
                "incident {}: expected day:minutes:percent, as 20:9:50",
                i + 1
            )
        };
        let [day, minutes, share] = parts.as_slice() else {
            return Err(bad());
        };
        let day = day
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .ok_or_else(bad)?;
        let minutes = minutes
            .parse::<f64>()
            .ok()
            .filter(|m| m.is_finite() && (0.0..=MINUTES_PER_30_DAY_MONTH).contains(m))
            .ok_or_else(bad)?;
        let users_affected = percent(share).ok_or_else(bad)?;
        incidents.push(Incident {
            day,
            minutes,
            users_affected,
        });
    }
    Ok(incidents)
}

/// "99.95" → 0.9995, when it is a finite percentage.
fn percent(text: &str) -> Option<f64> {
    let x = text.parse::<f64>().ok()?;
    (x.is_finite() && (0.0..=100.0).contains(&x)).then_some(from_percent(x))
}
