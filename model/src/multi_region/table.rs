//! The demo's parameters, described once: the link, the controls and the generic tests read
//! this table; its claims against the worked example and its careful reader's note; its place
//! in the lab's registry.

use super::*;
use crate::claim::{number, Note};
use crate::link::{Ignored, LinkReader, LinkState, Query};
use crate::params::{Choice, Field, Fields, Spec, Table};

const INTERVALS: [Choice; 2] = [
    Choice {
        slug: "30",
        label: "30 s (standard)",
    },
    Choice {
        slug: "10",
        label: "10 s (fast)",
    },
];

const RECORDS: [Choice; 2] = [
    Choice {
        slug: "alias",
        label: "alias (TTL fixed at 60 s)",
    },
    Choice {
        slug: "cname",
        label: "CNAME (TTL you set)",
    },
];

impl MultiRegionParams {
    /// Route 53 offers two intervals, so the link and the control choose between them.
    pub const INTERVAL: Field<Self> = Field::choice(
        Spec::named("hc", "Health check every"),
        &INTERVALS,
        |p| {
            if p.health_check_interval_s == FAST_INTERVAL_S {
                "10"
            } else {
                "30"
            }
        },
        |p, slug| {
            p.health_check_interval_s = if slug == "10" {
                FAST_INTERVAL_S
            } else {
                STANDARD_INTERVAL_S
            }
        },
    );
    crate::fields! {
        THRESHOLD: whole failure_threshold,
            Spec::new("thr", "Failed checks before unhealthy", "checks",
                (1.0, MAX_FAILURE_THRESHOLD as f64), 1.0);
    }
    /// Choosing CNAME records keeps a CNAME's TTL, or starts from the alias's 60 s.
    pub const RECORD: Field<Self> = Field::choice(
        Spec::named("record", "Failover records"),
        &RECORDS,
        |p| match p.record {
            DnsRecord::Alias => "alias",
            DnsRecord::Cname { .. } => "cname",
        },
        |p, slug| {
            p.record = if slug == "cname" {
                DnsRecord::Cname {
                    ttl_s: p.record.ttl_s(),
                }
            } else {
                DnsRecord::Alias
            }
        },
    );
    /// Only a CNAME record has a TTL to set: setting one means CNAME records (a link with
    /// `ttl` and no `record`); `record=alias` with a TTL is undone in `from_query`.
    pub const TTL: Field<Self> = Field::whole(
        seconds("ttl", "DNS record TTL", MAX_TTL_S, 10.0),
        |p| p.record.ttl_s(),
        |p, x| p.record = DnsRecord::Cname { ttl_s: x },
    );
    crate::fields! {
        EXTRA_CACHING: whole client_cache_extra_s, EXTRA_S;
        LAG: number replication_lag_s, LAG_S;
        WRITES: number writes_per_s, WRITES_PER_S;
        PROMOTION: whole promotion_s, PROMOTION_S;
        DECISION: whole decision_s, DECISION_S;
        OUTAGES: number primary_outages_per_month,
            Spec::new("outages", "Outages of the primary region a month", "",
                (0.0, MAX_OUTAGES_PER_MONTH), 0.5);
        /// The standby region's own tasks (`tasks` is the cost demo's average over the month).
        STANDBY_TASKS: whole standby_tasks,
            Spec::new("sbtasks", "Standby tasks", "tasks", (1.0, MAX_STANDBY_TASKS as f64), 1.0)
                .said("The standby's task count");
        /// The standby region's database (`maz` is PhotoShare's own, in the primary region).
        STANDBY_MULTI_AZ: flag standby_multi_az, Spec::named("sbmaz", "Standby database Multi-AZ");
        REPLICATE_UPLOADS: flag replicate_uploads,
            Spec::named("s3", "Replicate the uploads (S3 cross-region replication)");
    }
}

const EXTRA_S: Spec = seconds(
    "extra",
    "Resolvers hold answers beyond the TTL",
    MAX_TTL_S,
    1.0,
);
const LAG_S: Spec = seconds("lag", "Replication lag", MAX_DELAY_S, 0.5);
const WRITES_PER_S: Spec = Spec::new("wps", "Writes a second", "", (0.0, MAX_WRITES_PER_S), 1.0);
const PROMOTION_S: Spec = seconds("promo", "Promoting the replica takes", MAX_DELAY_S, 30.0);
const DECISION_S: Spec = seconds(
    "decide",
    "A human's go-ahead before promoting",
    MAX_DELAY_S,
    1.0,
);

/// A time in seconds, from 0 to `max`.
const fn seconds(key: &'static str, label: &'static str, max: u32, step: f64) -> Spec {
    Spec::new(key, label, "s", (0.0, max as f64), step)
}

/// Link format: `hc=10&thr=2&record=cname&ttl=300&extra=0&lag=5&wps=10&promo=300&decide=0&outages=1&sbtasks=2&sbmaz=1&s3=1`,
/// in the page's order: failing over, what it buys, what it costs.
impl Fields for MultiRegionParams {
    const FIELDS: Table<Self> = &[
        &[
            Self::INTERVAL,
            Self::THRESHOLD,
            Self::RECORD,
            Self::TTL,
            Self::EXTRA_CACHING,
            Self::LAG,
            Self::WRITES,
            Self::PROMOTION,
            Self::DECISION,
        ],
        &[Self::OUTAGES],
        &[
            Self::STANDBY_TASKS,
            Self::STANDBY_MULTI_AZ,
            Self::REPLICATE_UPLOADS,
        ],
    ];
}

impl LinkState for MultiRegionParams {
    fn to_query(&self) -> String {
        params::to_query(self)
    }

    /// The table's reading, then one rule it cannot express: alias records have no TTL to
    /// set, so `record=alias` with a `ttl` keeps the alias and says why the TTL was ignored.
    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = MultiRegionParams::default();
        let mut r = LinkReader::new(query);
        params::read_into(&mut r, &mut p);
        if query.get(Self::RECORD.spec.key) == Some("alias") && p.record != DnsRecord::Alias {
            p.record = DnsRecord::Alias;
            r.ignore(
                Self::TTL.spec.key,
                query.get(Self::TTL.spec.key).unwrap_or_default(),
                format!("an alias record's TTL is fixed at {ALIAS_TTL_S} s; use record=cname to set one"),
            );
        }
        (p, r.finish())
    }
}

crate::demo! {
    /// The multi-region demo in the lab's registry.
    MultiRegion: MultiRegionParams => MultiRegionOutcome, evaluate: evaluate,
    exercises: multi_region,
    claims: [ONE_REGION, FOUR_NINES_BUDGET, ON_DEMAND, OPTIMIZED],
    notes: &[ALIAS_TTL],
}

crate::claims! { MultiRegion: MultiRegionParams => MultiRegionOutcome {
    /// §3 and §5: one region's path composes to "≈ 99.9 %" (the availability demo's path).
    ONE_REGION: "One region's availability", "≈ 99.9 %", Places(1),
        |_, o| number(o.availability.one_region.availability * 100.0);
    /// §3's SLO table: four nines allow "4.32 min" in a 30-day month.
    FOUR_NINES_BUDGET: "99.99 % allows a month", "4.32 min", Places(2),
        |_, o| number(o.availability.four_nines_budget_min);
    /// §4: the one-region bill on demand, "1,358.49".
    ON_DEMAND: "One region, on demand", "$1,358.49", Places(2),
        |_, o| number(o.cost.one_region_on_demand_usd.to_f64());
    /// §4: the one-region bill optimized, "1,047.63".
    OPTIMIZED: "One region, optimized", "$1,047.63", Places(2),
        |_, o| number(o.cost.one_region_optimized_usd.to_f64());
}}

/// Route 53's alias records to a load balancer: a fixed 60 s TTL.
const ALIAS_TTL: Note = Note {
    text: TTL_NOTE,
    source: "Amazon Route 53 FAQs: DNS failover (alias records to a load balancer have a fixed TTL of 60 seconds)",
    url: "https://aws.amazon.com/route53/faqs/",
};
