//! Multi-region active-passive failover (§7 extension A).
//!
//! The lesson: a warm standby region removes the region as a single point of
//! failure, but failing over is not instant and not free. DNS health checks
//! take interval × threshold to notice, resolvers keep the old answer for a TTL,
//! and the cross-region replica must be promoted before it takes writes: that
//! is the recovery time (RTO). Asynchronous replication means the last few
//! seconds of writes never reached the standby: the recovery point (RPO). In
//! return the path's availability moves toward 99.99 % (on the lab's default
//! path it stays just short of it, even with an instant failover), for roughly
//! twice the always-on part of the bill.

use crate::availability::{self, AvailabilityParams, Composition};
use crate::cost::{self, BillLine, CostParams};
use crate::money::Usd;
use crate::params;
use crate::photoshare;
use crate::sort;

mod notes;
mod table;

pub use notes::*;
pub use table::MultiRegion;

/// Route 53's two health-check intervals and its default failure threshold.
pub const STANDARD_INTERVAL_S: u32 = 30;
pub const FAST_INTERVAL_S: u32 = 10;
pub const DEFAULT_FAILURE_THRESHOLD: u32 = 3;
/// Route 53 accepts failure thresholds of 1 to 10.
pub const MAX_FAILURE_THRESHOLD: u32 = 10;
pub const MAX_TTL_S: u32 = 86_400;
/// The TTL Route 53 gives an alias record to a load balancer: the load balancer's own, 60 s.
pub const ALIAS_TTL_S: u32 = 60;
pub const MAX_DELAY_S: u32 = 86_400;
pub const MAX_WRITES_PER_S: f64 = 1_000_000.0;
pub const MAX_OUTAGES_PER_MONTH: f64 = 30.0;
pub const MAX_STANDBY_TASKS: u32 = 1_000;

/// The failover records' kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DnsRecord {
    /// Alias records to the load balancers, as the worked example declares: TTL fixed at 60 s.
    #[default]
    Alias,
    /// CNAME records to the load balancers' DNS names, with a TTL of your choosing.
    Cname { ttl_s: u32 },
}

impl DnsRecord {
    /// The TTL resolvers get.
    pub fn ttl_s(self) -> u32 {
        match self {
            DnsRecord::Alias => ALIAS_TTL_S,
            DnsRecord::Cname { ttl_s } => ttl_s,
        }
    }
}

/// Everything the multi-region demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct MultiRegionParams {
    /// 10 or 30 s, as Route 53 offers.
    pub health_check_interval_s: u32,
    pub failure_threshold: u32,
    /// Alias records (TTL fixed at [`ALIAS_TTL_S`]) or CNAMEs with their TTL.
    pub record: DnsRecord,
    /// Resolvers and clients that hold an answer beyond its TTL.
    pub client_cache_extra_s: u32,
    /// How far the cross-region replica trails the primary.
    pub replication_lag_s: f64,
    pub writes_per_s: f64,
    /// Promoting the replica to a standalone, writable database.
    pub promotion_s: u32,
    /// A human's go-ahead before promoting (0: automated).
    pub decision_s: u32,
    /// Outages of the primary region per month, over which its downtime is spread.
    pub primary_outages_per_month: f64,
    /// The warm standby's always-on footprint.
    pub standby_tasks: u32,
    pub standby_multi_az: bool,
    /// S3 cross-region replication: a second copy of the uploads.
    pub replicate_uploads: bool,
}

impl Default for MultiRegionParams {
    /// Route 53's standard checks (30 s × 3), alias records (60 s TTL), 5 s of lag at 10 writes/s, an
    /// automated 5-minute promotion, one primary outage a month, and a standby that repeats
    /// the always-on tiers (2 tasks, Multi-AZ Postgres, Redis, ALB, NAT) and the uploads.
    fn default() -> Self {
        MultiRegionParams {
            health_check_interval_s: STANDARD_INTERVAL_S,
            failure_threshold: DEFAULT_FAILURE_THRESHOLD,
            record: DnsRecord::Alias,
            client_cache_extra_s: 0,
            replication_lag_s: 5.0,
            writes_per_s: 10.0,
            promotion_s: 300,
            decision_s: 0,
            primary_outages_per_month: 1.0,
            standby_tasks: photoshare::MIN_TASKS,
            standby_multi_az: true,
            replicate_uploads: true,
        }
    }
}

/// A moment of the failover, seconds after the region fails (worst case).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Milestone {
    pub label: &'static str,
    pub at_s: f64,
    /// Its place on the timeline: `at_s` as a share of the last milestone's.
    pub share: f64,
}

/// How long failing over takes, and what it loses.
#[derive(Clone, Debug, PartialEq)]
pub struct Failover {
    pub detection_worst_s: f64,
    pub detection_expected_s: f64,
    /// Until every user's DNS answer points at the standby.
    pub users_on_standby_worst_s: f64,
    pub users_on_standby_expected_s: f64,
    pub database_promoted_worst_s: f64,
    /// Until users are fully served again (reads and writes): the later of the two above.
    pub rto_worst_s: f64,
    pub rto_expected_s: f64,
    /// Writes from the last `rpo_s` seconds are lost on a hard failover.
    pub rpo_s: f64,
    pub writes_lost: f64,
    /// Worst case, in time order.
    pub milestones: Vec<Milestone>,
    /// What stands between the failure and every user on the standby, worst case.
    pub users_path: [Step; 2],
    /// What stands between the failure and the first write the standby takes, worst case.
    pub writes_path: [Step; 3],
}

/// One step on a path to recovery: how long it takes, worst case.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub label: &'static str,
    pub s: f64,
}

/// The steps' names, each one meaning in both paths (the chart colours them alike).
pub const DETECTION: &str = "detection";
pub const DNS_CACHES: &str = "cached DNS answers expire";
pub const GO_AHEAD: &str = "a human's go-ahead";
pub const PROMOTION: &str = "promoting the replica";

/// One region against two, on the availability demo's default path.
#[derive(Clone, Debug, PartialEq)]
pub struct AvailabilityGain {
    pub one_region: Composition,
    /// Counts a failover as instant.
    pub two_regions: Composition,
    /// The primary region's downtime a month, and per outage.
    pub primary_downtime_min_per_month: f64,
    pub minutes_per_outage: f64,
    /// Each outage still costs its failover (expected RTO, at most the outage itself).
    pub failover_min_per_month: f64,
    pub effective_downtime_min_per_month: f64,
    pub effective_availability: f64,
    /// 99.99 % holds even with an instant failover (it does not on the default path).
    pub two_regions_meets_four_nines: bool,
    /// 99.99 % holds once failover time counts.
    pub meets_four_nines: bool,
    /// 99.99 % of the month: the downtime four nines allow.
    pub four_nines_budget_min: f64,
}

/// A line of the standby region's bill.
#[derive(Clone, Debug, PartialEq)]
pub struct StandbyRow {
    pub line: BillLine,
    pub detail: String,
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
}

/// Every total is a sum of lines, as the cost model adds its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct StandbyCost {
    pub rows: Vec<StandbyRow>,
    pub standby_on_demand_usd: Usd,
    pub standby_optimized_usd: Usd,
    /// The one-region bill (the cost demo's defaults), and with the standby added.
    pub one_region_on_demand_usd: Usd,
    pub one_region_optimized_usd: Usd,
    pub two_regions_on_demand_usd: Usd,
    pub two_regions_optimized_usd: Usd,
    /// Two-region ÷ one-region, optimized.
    pub optimized_ratio: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MultiRegionOutcome {
    /// The primary and standby regions, as the worked example's Route 53 records name them.
    pub regions: [&'static str; 2],
    pub failover: Failover,
    pub availability: AvailabilityGain,
    pub cost: StandbyCost,
}

/// Failover timing, availability gained and the standby's bill. Bad input gives every problem found.
pub fn evaluate(p: &MultiRegionParams) -> Result<MultiRegionOutcome, Vec<String>> {
    let failover = checked_failover(p)?;
    Ok(MultiRegionOutcome {
        availability: availability_gain(p.primary_outages_per_month, failover.rto_expected_s)?,
        cost: standby_cost(p.standby())?,
        regions: REGIONS,
        failover,
    })
}

/// The primary and standby regions, as the worked example's Route 53 records name them.
pub const REGIONS: [&str; 2] = [
    photoshare::multi_region::PRIMARY_REGION,
    photoshare::multi_region::STANDBY_REGION,
];

/// The params checked, then the failover timing. Bad input gives every problem found.
pub fn checked_failover(p: &MultiRegionParams) -> Result<Failover, Vec<String>> {
    let problems = validate(p);
    if problems.is_empty() {
        Ok(failover(p))
    } else {
        Err(problems)
    }
}

/// What the standby region runs: all its bill depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standby {
    pub tasks: u32,
    pub multi_az: bool,
    pub replicate_uploads: bool,
}

impl MultiRegionParams {
    pub fn standby(&self) -> Standby {
        Standby {
            tasks: self.standby_tasks,
            multi_az: self.standby_multi_az,
            replicate_uploads: self.replicate_uploads,
        }
    }
}

/// DNS failover timing, RTO and RPO.
pub fn failover(p: &MultiRegionParams) -> Failover {
    let interval = f64::from(p.health_check_interval_s);
    let threshold = f64::from(p.failure_threshold);
    let dns = f64::from(p.record.ttl_s()) + f64::from(p.client_cache_extra_s);
    let detection_worst_s = interval * threshold;
    let detection_expected_s = interval * (threshold - 0.5);
    let promote = f64::from(p.decision_s) + f64::from(p.promotion_s);
    let users_on_standby_worst_s = detection_worst_s + dns;
    let users_on_standby_expected_s = detection_expected_s + dns / 2.0;
    let database_promoted_worst_s = detection_worst_s + promote;
    let mut milestones: Vec<Milestone> = [
        ("Region fails", 0.0),
        (
            "Health checks mark it unhealthy; DNS answers with the standby",
            detection_worst_s,
        ),
        (
            "Last cached DNS answer expires: every user reaches the standby",
            users_on_standby_worst_s,
        ),
        (
            "Replica promoted: the standby takes writes",
            database_promoted_worst_s,
        ),
    ]
    .into_iter()
    .map(|(label, at_s)| Milestone {
        label,
        at_s,
        share: 0.0,
    })
    .collect();
    sort::by_key(&mut milestones, |m| sort::f64_key(m.at_s));
    let last = milestones.iter().map(|m| m.at_s).fold(0.0, f64::max);
    for m in &mut milestones {
        m.share = if last > 0.0 { m.at_s / last } else { 0.0 };
    }
    let step = |label, s| Step { label, s };
    Failover {
        detection_worst_s,
        detection_expected_s,
        users_on_standby_worst_s,
        users_on_standby_expected_s,
        database_promoted_worst_s,
        rto_worst_s: users_on_standby_worst_s.max(database_promoted_worst_s),
        rto_expected_s: users_on_standby_expected_s.max(detection_expected_s + promote),
        rpo_s: p.replication_lag_s,
        writes_lost: p.replication_lag_s * p.writes_per_s,
        milestones,
        users_path: [step(DETECTION, detection_worst_s), step(DNS_CACHES, dns)],
        writes_path: [
            step(DETECTION, detection_worst_s),
            step(GO_AHEAD, f64::from(p.decision_s)),
            step(PROMOTION, f64::from(p.promotion_s)),
        ],
    }
}

/// One region against two, given the primary's outages a month and the expected RTO: all
/// the availability depends on, so the other settings leave it alone.
pub fn availability_gain(
    primary_outages_per_month: f64,
    rto_expected_s: f64,
) -> Result<AvailabilityGain, Vec<String>> {
    let one = AvailabilityParams::default();
    let month_min = one.month.minutes();
    let two = AvailabilityParams {
        regions: 2,
        ..one.clone()
    };
    let one_region = availability::evaluate(&one)?.composition;
    let two_regions = availability::evaluate(&two)?.composition;
    let primary_downtime_min_per_month =
        availability::downtime_minutes(one_region.region, month_min);
    let (minutes_per_outage, failover_min_per_month) = if primary_outages_per_month > 0.0 {
        let per_outage = primary_downtime_min_per_month / primary_outages_per_month;
        let cost = (rto_expected_s / 60.0).min(per_outage);
        (per_outage, cost * primary_outages_per_month)
    } else {
        (0.0, 0.0)
    };
    // Both regions down happens inside a primary outage, so a standby is never worse than none.
    let effective_downtime_min_per_month = (two_regions.downtime_min_per_month
        + failover_min_per_month)
        .min(one_region.downtime_min_per_month);
    let effective_availability = 1.0 - effective_downtime_min_per_month / month_min;
    Ok(AvailabilityGain {
        two_regions_meets_four_nines: two_regions.availability >= FOUR_NINES,
        meets_four_nines: effective_availability >= FOUR_NINES,
        four_nines_budget_min: (1.0 - FOUR_NINES) * month_min,
        one_region,
        two_regions,
        primary_downtime_min_per_month,
        minutes_per_outage,
        failover_min_per_month,
        effective_downtime_min_per_month,
        effective_availability,
    })
}

/// The target the extension aims at.
pub const FOUR_NINES: f64 = 0.9999;

/// The cost model's lines a warm standby repeats: all but storage and egress, which follow
/// the users rather than the region (the bucket's copy is its own choice).
fn always_on(line: BillLine) -> bool {
    !matches!(
        line,
        BillLine::ObjectStorage | BillLine::CdnEgress | BillLine::OriginEgress
    )
}

/// The standby's lines at the cost model's prices and levers, and both bills.
pub fn standby_cost(s: Standby) -> Result<StandbyCost, Vec<String>> {
    if !(1..=MAX_STANDBY_TASKS).contains(&s.tasks) {
        return Err(vec![MultiRegionParams::STANDBY_TASKS.out_of_range()]);
    }
    let base = CostParams::default();
    let one = cost::evaluate(&base)?;
    let standby = cost::evaluate(&CostParams {
        average_tasks: f64::from(s.tasks),
        multi_az: s.multi_az,
        ..base
    })?;
    let rows: Vec<StandbyRow> = standby
        .rows
        .iter()
        .filter(|r| always_on(r.line) || (s.replicate_uploads && r.line == BillLine::ObjectStorage))
        .map(|r| StandbyRow {
            line: r.line,
            detail: r.detail.clone(),
            on_demand_usd: r.on_demand_usd,
            optimized_usd: r.optimized_usd,
        })
        .collect();
    let on_demand: Usd = rows.iter().map(|r| r.on_demand_usd).sum();
    let optimized: Usd = rows.iter().map(|r| r.optimized_usd).sum();
    let two_optimized = one.optimized_usd + optimized;
    Ok(StandbyCost {
        rows,
        standby_on_demand_usd: on_demand,
        standby_optimized_usd: optimized,
        one_region_on_demand_usd: one.on_demand_usd,
        one_region_optimized_usd: one.optimized_usd,
        two_regions_on_demand_usd: one.on_demand_usd + on_demand,
        two_regions_optimized_usd: two_optimized,
        optimized_ratio: Usd::share(two_optimized, one.optimized_usd),
    })
}

/// Route 53's two intervals, then the table's range messages.
fn validate(p: &MultiRegionParams) -> Vec<String> {
    let mut problems = Vec::new();
    if ![STANDARD_INTERVAL_S, FAST_INTERVAL_S].contains(&p.health_check_interval_s) {
        problems.push("Route 53 checks every 10 s (fast) or 30 s (standard).".to_string());
    }
    problems.extend(params::check(p));
    problems
}
