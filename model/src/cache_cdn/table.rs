//! The demo's parameters, described once: the link, the controls and the generic tests read
//! this table; its claims against the worked example; its place in the lab's registry.

use super::*;
use crate::claim::{number, Note};
use crate::params::{shared, Choice, Fields, Spec, Table};

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
    crate::fields! {
        SOURCE: choice(&SOURCES, HitRatioSource) source, Spec::named("src", "Hit ratios");
        LOAD: number edge_load_per_s, shared::EDGE_LOAD;
        BURST: number burst_edge_load_per_s,
            Spec::new("edgeburst", "Burst at the edge", "req/s", (0.0, shared::MAX_LOAD_PER_S),
                100.0);
        CDN_HIT: number cdn_hit_ratio, shared::CDN_HIT_RATIO;
        REDIS_HIT: number redis_hit_ratio,
            Spec::percent("rhit", "Redis hit ratio", (0.0, 100.0), 1.0);
        TASK_CAPACITY: number capacity_per_task_per_s, shared::TASK_CAPACITY;
        CPU_TARGET: number cpu_target, shared::CPU_TARGET;
        IMAGES: whole popularity.images,
            Spec::new("images", "Images people ask for", "", (1.0, MAX_IMAGES as f64), 1_000.0);
        ZIPF: number popularity.zipf_exponent,
            Spec::new("s", "Zipf exponent s", "", (0.0, 5.0), 0.05);
        /// The CDN's capacity, in images (`cap` is one task's, in every demo).
        CDN_CAPACITY: whole popularity.cdn_capacity_objects,
            Spec::new("cdncap", "CDN holds", "images", (0.0, u32::MAX as f64), 1_000.0);
        CDN_TTL: number popularity.cdn_ttl_s,
            Spec::new("cdnttl", "CDN TTL", "s", (0.0, MAX_TTL_S), 300.0);
        REDIS_CAPACITY: whole popularity.redis_capacity_keys,
            Spec::new("rcap", "Redis holds", "keys", (0.0, u32::MAX as f64), 1_000.0);
        REDIS_TTL: number popularity.redis_ttl_s,
            Spec::new("rttl", "Redis TTL", "s", (0.0, MAX_TTL_S), 30.0);
        META_TTL: number meta_ttl_s, Spec::new("mttl", "Metadata TTL", "s", (0.0, MAX_TTL_S), 10.0);
        INVALIDATE: flag invalidate_on_write,
            Spec::named("inval", "Delete the cached copy on write");
        DELAY: number invalidation_delay_s,
            Spec::new("delay", "Invalidation lands after", "s", (0.0, MAX_TTL_S), 0.5);
        READS: number image_reads_per_s,
            Spec::new("reads", "Reads of the image a second", "", (0.0, shared::MAX_LOAD_PER_S),
                1.0);
        WRITES: number image_writes_per_hour,
            Spec::new("writes", "Writes to it an hour", "", (0.0, MAX_WRITES_PER_HOUR), 1.0);
        COLD_DURATION: whole cold_duration_s,
            Spec::new("cold", "Follow the recovery for", "s",
                (MIN_COLD_DURATION_S as f64, MAX_COLD_DURATION_S as f64), 60.0);
    }
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
