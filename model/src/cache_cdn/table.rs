//! The demo's parameters, described once: the link, the controls and the generic tests read
//! this table; its claims against the worked example; its place in the lab's registry.

use super::*;
use crate::claim::{number, Note};
use crate::field_at;
use crate::params::{shared, Choice, Field, Fields, Spec, Table};

const SOURCES: [Choice; 2] = [
    Choice {
        slug: "measured",
        label: "Measured hit ratios",
    },
    Choice {
        slug: "zipf",
        label: "From popularity (Zipf)",
    },
];

impl CacheCdnParams {
    pub const SOURCE: Field<Self> = Field::choice(
        Spec::named("src", "Hit ratios"),
        &SOURCES,
        |p| p.source.slug(),
        |p, slug| {
            if let Some(s) = HitRatioSource::ALL.into_iter().find(|s| s.slug() == slug) {
                p.source = s;
            }
        },
    );
    pub const LOAD: Field<Self> = field_at!(number, shared::EDGE_LOAD, edge_load_per_s);
    pub const BURST: Field<Self> = field_at!(
        number,
        Spec::new(
            "edgeburst",
            "Burst at the edge",
            "req/s",
            (0.0, shared::MAX_LOAD_PER_S),
            100.0,
        ),
        burst_edge_load_per_s
    );
    pub const CDN_HIT: Field<Self> = field_at!(number, shared::CDN_HIT_RATIO, cdn_hit_ratio);
    pub const REDIS_HIT: Field<Self> = field_at!(
        number,
        Spec::percent("rhit", "Redis hit ratio", (0.0, 100.0), 1.0),
        redis_hit_ratio
    );
    pub const TASK_CAPACITY: Field<Self> =
        field_at!(number, shared::TASK_CAPACITY, capacity_per_task_per_s);
    pub const CPU_TARGET: Field<Self> = field_at!(number, shared::CPU_TARGET, cpu_target);
    pub const IMAGES: Field<Self> = field_at!(
        whole,
        Spec::new(
            "images",
            "Images people ask for",
            "",
            (1.0, MAX_IMAGES as f64),
            1_000.0,
        ),
        popularity.images
    );
    pub const ZIPF: Field<Self> = field_at!(
        number,
        Spec::new("s", "Zipf exponent s", "", (0.0, 5.0), 0.05),
        popularity.zipf_exponent
    );
    /// The CDN's capacity, in images (`cap` is one task's, in every demo).
    pub const CDN_CAPACITY: Field<Self> = field_at!(
        whole,
        Spec::new(
            "cdncap",
            "CDN holds",
            "images",
            (0.0, u32::MAX as f64),
            1_000.0,
        ),
        popularity.cdn_capacity_objects
    );
    pub const CDN_TTL: Field<Self> = field_at!(
        number,
        Spec::new("cdnttl", "CDN TTL", "s", (0.0, MAX_TTL_S), 300.0),
        popularity.cdn_ttl_s
    );
    pub const REDIS_CAPACITY: Field<Self> = field_at!(
        whole,
        Spec::new(
            "rcap",
            "Redis holds",
            "keys",
            (0.0, u32::MAX as f64),
            1_000.0,
        ),
        popularity.redis_capacity_keys
    );
    pub const REDIS_TTL: Field<Self> = field_at!(
        number,
        Spec::new("rttl", "Redis TTL", "s", (0.0, MAX_TTL_S), 30.0),
        popularity.redis_ttl_s
    );
    pub const META_TTL: Field<Self> = field_at!(
        number,
        Spec::new("mttl", "Metadata TTL", "s", (0.0, MAX_TTL_S), 10.0),
        meta_ttl_s
    );
    pub const INVALIDATE: Field<Self> = Field::flag(
        Spec::named("inval", "Delete the cached copy on write"),
        |p| p.invalidate_on_write,
        |p, on| p.invalidate_on_write = on,
    );
    pub const DELAY: Field<Self> = field_at!(
        number,
        Spec::new(
            "delay",
            "Invalidation lands after",
            "s",
            (0.0, MAX_TTL_S),
            0.5,
        ),
        invalidation_delay_s
    );
    pub const READS: Field<Self> = field_at!(
        number,
        Spec::new(
            "reads",
            "Reads of the image a second",
            "",
            (0.0, shared::MAX_LOAD_PER_S),
            1.0,
        ),
        image_reads_per_s
    );
    pub const WRITES: Field<Self> = field_at!(
        number,
        Spec::new(
            "writes",
            "Writes to it an hour",
            "",
            (0.0, MAX_WRITES_PER_HOUR),
            1.0,
        ),
        image_writes_per_hour
    );
    pub const COLD_DURATION: Field<Self> = field_at!(
        whole,
        Spec::new(
            "cold",
            "Follow the recovery for",
            "s",
            (MIN_COLD_DURATION_S as f64, MAX_COLD_DURATION_S as f64),
            60.0,
        ),
        cold_duration_s
    );
}

/// Link format: `src=zipf&load=1200&hit=92&rhit=90&images=100000&s=1.1&cdncap=20000&cdnttl=3600&…`.
/// Shares in percent, times in seconds.
impl Fields for CacheCdnParams {
    const FIELDS: Table<Self> = &[
        &[
            Self::SOURCE,
            Self::LOAD,
            Self::BURST,
            Self::CDN_HIT,
            Self::REDIS_HIT,
            Self::TASK_CAPACITY,
            Self::CPU_TARGET,
        ],
        &[
            Self::IMAGES,
            Self::ZIPF,
            Self::CDN_CAPACITY,
            Self::CDN_TTL,
            Self::REDIS_CAPACITY,
            Self::REDIS_TTL,
        ],
        &[
            Self::META_TTL,
            Self::INVALIDATE,
            Self::DELAY,
            Self::READS,
            Self::WRITES,
        ],
        &[Self::COLD_DURATION],
    ];
}

crate::link_from_table!(CacheCdnParams);

crate::demo! {
    /// The cache-aside & CDN demo in the lab's registry.
    CacheCdn: CacheCdnParams => CacheCdnOutcome, evaluate: evaluate, exercises: cache_cdn,
    claims: [ORIGIN, STEADY_TASKS, BURST_TASKS, WITHOUT_CDN, ZIPF_HIT, COLD_PEAK],
    notes: &[BURST_HIT_RATIO],
}

crate::claims! { CacheCdn: CacheCdnParams => CacheCdnOutcome {
    /// §3: "≈ 96 req/s" of the steady 1,200 reach the origin.
    ORIGIN: "Origin load, steady", "≈ 96 req/s", Places(0),
        |_, o| number(o.steady.origin_per_s);
    /// §3: "2 tasks at steady state".
    STEADY_TASKS: "Tasks, steady", "2 tasks", Places(0),
        |_, o| number(f64::from(o.steady.tasks));
    /// §3: the 9,000 req/s burst needs "8 tasks".
    BURST_TASKS: "Tasks in the burst", "8 tasks", Places(0),
        |_, o| number(f64::from(o.burst.tasks));
    /// §3: without the CDN, 1,200 req/s needs "14 tasks".
    WITHOUT_CDN: "Tasks with no CDN", "14 tasks", Places(0),
        |_, o| number(f64::from(o.steady.tasks_without_cdn));
    /// §3: "a measured CDN cache-hit ratio of 92%", which the popularity preset reproduces.
    ZIPF_HIT: "CDN hit ratio from popularity", "92%", Places(0),
        |_, o| number(o.popularity.cdn_hit_ratio * 100.0);
    /// §3's "14 tasks" again: a flushed CDN sends the whole edge load to the origin.
    COLD_PEAK: "Tasks right after a flush", "14 tasks", Places(0),
        |_, o| number(f64::from(o.cold.peak_tasks));
}}

/// The worked example's 92 % in the burst: a CDN's hit ratio rises with repeated requests.
const BURST_HIT_RATIO: Note = Note {
    text: "The worked example applies its measured 92 % to the 9,000 req/s burst as well. A CDN's hit ratio is not one number at every load: CloudFront answers from its cache when an earlier request for the same object left a copy there that is still valid, so when the burst asks for the same images, more of its requests find a fresh copy and the ratio rises (choose \"From popularity\" to see by how much): less than the worked example's ~720 req/s reaches the origin. A burst of images nobody asked for before (a post going viral) hits less. The measured mode keeps the worked example's 92 % and 8 tasks.",
    source: "Amazon CloudFront Developer Guide: Understand the cache key",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-the-cache-key.html",
};
