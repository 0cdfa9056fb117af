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
use crate::documented::Documented;
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
use crate::money::Usd;
use crate::photoshare;

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

/// What AWS documents about failing over, and how the lab follows it.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "Route 53 health checkers send a request every 30 s (standard) or 10 s (fast); an \
endpoint is unhealthy once it fails the failure threshold of consecutive checks (3 by default, \
1 to 10). Many checkers in several locations report, and Route 53 aggregates them.",
        lab: "The checkers are treated as one: detection takes (threshold − 1) to threshold \
intervals after the region fails, threshold − ½ on average.",
        source: "Amazon Route 53 Developer Guide: How Amazon Route 53 determines whether a health check is healthy",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html",
    },
    Documented {
        says: "Failover routing answers with the primary record while its health check is \
healthy and with the secondary record when it is not.",
        lab: "DNS answers with the standby from the moment the primary's check turns unhealthy; \
users move when their resolver's cached answer expires.",
        source: "Amazon Route 53 Developer Guide: Failover routing",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-failover.html",
    },
    Documented {
        says: "You cannot set the TTL of an alias record that points to an AWS resource: Route 53 \
uses the resource's, 60 s for a load balancer. A non-alias record, such as a CNAME, has the TTL \
you give it.",
        lab: "Alias records (the worked example's) fail over with a 60 s TTL; the TTL slider is \
for CNAME records. Resolvers that hold answers longer are the extra-caching field.",
        source: "Amazon Route 53 Developer Guide: Choosing between alias and non-alias records",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html",
    },
    Documented {
        says: "Promoting a read replica makes it a standalone DB instance that accepts writes; \
the guide warns promotion can take several minutes or longer, depending on the replica's size. \
Replication to a replica in another Region is asynchronous.",
        lab: "Promotion is an assumed 5 minutes, started at detection after any human go-ahead. \
The writes of the last replication-lag seconds are lost on a hard failover: the RPO.",
        source: "Amazon RDS User Guide: Promoting a read replica to be a standalone DB instance",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html",
    },
];

/// The lab's own assumptions, for the page.
pub const ASSUMPTIONS_NOTE: &str =
    "The replication lag (5 s) and the write rate (10 writes/s) are \
the lab's assumptions, as is the 5-minute promotion.";

/// Why the TTL is fixed for alias records, for the page: a careful reader's note.
pub const TTL_NOTE: &str = "A careful reader's note: the worked example's failover records are alias \
records to the load balancers, and Route 53 does not let you set an alias record's TTL: it uses the TTL \
of the resource it points at, 60 s for a load balancer (Amazon Route 53 Developer Guide, \"Choosing \
between alias and non-alias records\"; the Route 53 FAQ on DNS failover). So with alias records the \
TTL is 60 s. The TTL slider applies to the other way to point a name at a load balancer: a failover \
CNAME record to its DNS name (not at the zone apex), whose TTL you choose.";

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

/// How the timings are worked out, for the page.
pub const TIMING_NOTE: &str = "The region fails at a random moment between two checks: the first \
failed check comes 0 to one interval later, so detection takes (threshold − 1) to threshold \
intervals, threshold − ½ on average. Route 53 then answers with the standby, but a resolver that \
cached the old answer keeps it for up to the TTL (half on average) plus any caching of its own. \
Promotion of the replica starts once the failure is detected (after any human decision). Users \
are fully served when both have happened.";

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
}

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

/// What the cost model leaves out, for the page.
pub const COST_NOTE: &str = "The standby repeats the always-on lines of the cost model at its \
prices and levers. Cross-region replication traffic and the second region's egress are not \
counted; the CDN and DNS are global and billed once.";

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
    let mut milestones = vec![
        Milestone {
            label: "Region fails",
            at_s: 0.0,
        },
        Milestone {
            label: "Health checks mark it unhealthy; DNS answers with the standby",
            at_s: detection_worst_s,
        },
        Milestone {
            label: "Last cached DNS answer expires: every user reaches the standby",
            at_s: users_on_standby_worst_s,
        },
        Milestone {
            label: "Replica promoted: the standby takes writes",
            at_s: database_promoted_worst_s,
        },
    ];
    milestones.sort_by(|a, b| a.at_s.total_cmp(&b.at_s));
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
        return Err(vec![standby_tasks_problem()]);
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

fn standby_tasks_problem() -> String {
    format!("The standby must run 1 to {MAX_STANDBY_TASKS} tasks.")
}

fn validate(p: &MultiRegionParams) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    check(
        [STANDARD_INTERVAL_S, FAST_INTERVAL_S].contains(&p.health_check_interval_s),
        "Route 53 checks every 10 s (fast) or 30 s (standard).".into(),
    );
    check(
        (1..=MAX_FAILURE_THRESHOLD).contains(&p.failure_threshold),
        format!("The failure threshold must be 1 to {MAX_FAILURE_THRESHOLD} checks."),
    );
    check(
        p.record.ttl_s() <= MAX_TTL_S && p.client_cache_extra_s <= MAX_TTL_S,
        format!("The TTL and extra caching must be at most {MAX_TTL_S} s."),
    );
    check(
        p.replication_lag_s.is_finite()
            && (0.0..=f64::from(MAX_DELAY_S)).contains(&p.replication_lag_s),
        format!("The replication lag must be between 0 and {MAX_DELAY_S} s."),
    );
    check(
        p.writes_per_s.is_finite() && (0.0..=MAX_WRITES_PER_S).contains(&p.writes_per_s),
        format!("The write rate must be between 0 and {MAX_WRITES_PER_S} per second."),
    );
    check(
        p.promotion_s <= MAX_DELAY_S && p.decision_s <= MAX_DELAY_S,
        format!("Promotion and decision times must be at most {MAX_DELAY_S} s."),
    );
    check(
        p.primary_outages_per_month.is_finite()
            && (0.0..=MAX_OUTAGES_PER_MONTH).contains(&p.primary_outages_per_month),
        format!("Outages per month must be between 0 and {MAX_OUTAGES_PER_MONTH}."),
    );
    check(
        (1..=MAX_STANDBY_TASKS).contains(&p.standby_tasks),
        standby_tasks_problem(),
    );
    problems
}

/// Link format: `hc=10&thr=3&record=cname&ttl=60&extra=0&lag=5&wps=10&promo=300&decide=0&outages=1&tasks=2&maz=1&s3=1`.
/// `record` is `alias` (the default) or `cname`; a TTL exists only on a CNAME record, so a
/// link with `ttl` and no `record` means CNAME records (older links keep their TTL), and
/// `record=alias` with a `ttl` ignores the TTL.
impl LinkState for MultiRegionParams {
    fn to_query(&self) -> String {
        let d = MultiRegionParams::default();
        let mut pairs = Vec::new();
        if let DnsRecord::Cname { ttl_s } = self.record {
            pairs.push(("record", "cname".to_string()));
            if ttl_s != ALIAS_TTL_S {
                pairs.push(("ttl", ttl_s.to_string()));
            }
        }
        for (key, x, default) in [
            (
                "hc",
                self.health_check_interval_s,
                d.health_check_interval_s,
            ),
            ("thr", self.failure_threshold, d.failure_threshold),
            ("extra", self.client_cache_extra_s, d.client_cache_extra_s),
            ("promo", self.promotion_s, d.promotion_s),
            ("decide", self.decision_s, d.decision_s),
            ("tasks", self.standby_tasks, d.standby_tasks),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        for (key, x, default) in [
            ("lag", self.replication_lag_s, d.replication_lag_s),
            ("wps", self.writes_per_s, d.writes_per_s),
            (
                "outages",
                self.primary_outages_per_month,
                d.primary_outages_per_month,
            ),
        ] {
            if x != default {
                pairs.push((key, number_text(x)));
            }
        }
        for (key, x, default) in [
            ("maz", self.standby_multi_az, d.standby_multi_az),
            ("s3", self.replicate_uploads, d.replicate_uploads),
        ] {
            if x != default {
                pairs.push((key, if x { "1" } else { "0" }.to_string()));
            }
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = MultiRegionParams::default();
        let mut r = LinkReader::new(query);
        if let Some(x) = r.choice(
            "hc",
            &[("10", FAST_INTERVAL_S), ("30", STANDARD_INTERVAL_S)],
        ) {
            p.health_check_interval_s = x;
        }
        for (key, field, lo, hi) in [
            ("thr", &mut p.failure_threshold, 1, MAX_FAILURE_THRESHOLD),
            ("extra", &mut p.client_cache_extra_s, 0, MAX_TTL_S),
            ("promo", &mut p.promotion_s, 0, MAX_DELAY_S),
            ("decide", &mut p.decision_s, 0, MAX_DELAY_S),
            ("tasks", &mut p.standby_tasks, 1, MAX_STANDBY_TASKS),
        ] {
            if let Some(x) = r.whole(key, lo, hi) {
                *field = x;
            }
        }
        for (key, field, hi) in [
            ("lag", &mut p.replication_lag_s, f64::from(MAX_DELAY_S)),
            ("wps", &mut p.writes_per_s, MAX_WRITES_PER_S),
            (
                "outages",
                &mut p.primary_outages_per_month,
                MAX_OUTAGES_PER_MONTH,
            ),
        ] {
            if let Some(x) = r.number(key, 0.0, hi) {
                *field = x;
            }
        }
        let alias = r.choice("record", &[("alias", true), ("cname", false)]);
        let ttl = r.whole("ttl", 0, MAX_TTL_S);
        p.record = match (alias, ttl) {
            (Some(true), Some(ttl_s)) => {
                r.ignore(
                    "ttl",
                    &ttl_s.to_string(),
                    format!("an alias record's TTL is fixed at {ALIAS_TTL_S} s; use record=cname to set one"),
                );
                DnsRecord::Alias
            }
            (Some(true), None) => DnsRecord::Alias,
            (Some(false), ttl) => DnsRecord::Cname {
                ttl_s: ttl.unwrap_or(ALIAS_TTL_S),
            },
            (None, Some(ttl_s)) => DnsRecord::Cname { ttl_s },
            (None, None) => DnsRecord::Alias,
        };
        if let Some(x) = r.flag("maz") {
            p.standby_multi_az = x;
        }
        if let Some(x) = r.flag("s3") {
            p.replicate_uploads = x;
        }
        (p, r.finish())
    }
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for MultiRegionParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The multi region demo in the lab's registry.
pub struct MultiRegion;

impl crate::demo::Demo for MultiRegion {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::MultiRegion;
    type Params = MultiRegionParams;
    type Outcome = MultiRegionOutcome;
    const EXERCISES: &'static [crate::exercises::Exercise<Self::Params, Self::Outcome>] =
        &crate::exercises::multi_region::EXERCISES;

    fn evaluate(p: &MultiRegionParams) -> Result<MultiRegionOutcome, Vec<String>> {
        evaluate(p)
    }
}
