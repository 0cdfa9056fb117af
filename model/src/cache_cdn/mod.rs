//! Cache-aside and CDN offload (§3 and §6's design patterns, §5's "AP cache").
//!
//! The lesson: a read-heavy app is sized by what its caches miss, not by what
//! its users ask. A CDN that answers 92 % of requests at the edge turns 1,200
//! req/s into 96 at the origin (2 tasks instead of 14), and Redis in front of
//! Postgres cuts the database's share again. Caches hold popular objects, so the
//! hit ratio comes from how skewed popularity is, how much the cache holds and
//! how long a copy lives. The price is staleness — a reader can see an old value
//! until the copy expires or is invalidated — and a cold cache: after a flush
//! every request misses at first, and the origin must absorb the spike until
//! the cache refills.

mod cold;
mod notes;
mod popularity;
mod staleness;
mod table;

pub use cold::{ColdCache, ColdPoint, COLD_STEP_S, FLUSH_AT_S};
pub use notes::*;
pub use popularity::{ttl_hit_probability, PopularityOutcome};
pub use staleness::{staleness, Staleness};
pub use table::CacheCdn;

use crate::autoscaling;

use crate::photoshare;

/// Most images the popularity model is asked about.
pub const MAX_IMAGES: u32 = 1_000_000;
/// Longest TTL accepted: 1 year.
pub const MAX_TTL_S: f64 = 365.0 * 86_400.0;
/// Longest and shortest cold-cache run.
pub const MAX_COLD_DURATION_S: u32 = 3_600;
pub const MIN_COLD_DURATION_S: u32 = 60;
/// Highest write rate to one image accepted.
pub const MAX_WRITES_PER_HOUR: f64 = 3_600_000.0;

/// Where the CDN and Redis hit ratios come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HitRatioSource {
    /// Given directly, as the worked example measures it (92 %).
    #[default]
    Measured,
    /// Worked out from the popularity model.
    Popularity,
}

impl HitRatioSource {
    pub const ALL: [HitRatioSource; 2] = [HitRatioSource::Measured, HitRatioSource::Popularity];

    pub fn slug(self) -> &'static str {
        match self {
            HitRatioSource::Measured => "measured",
            HitRatioSource::Popularity => "zipf",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            HitRatioSource::Measured => "Measured hit ratios",
            HitRatioSource::Popularity => "From popularity (Zipf)",
        }
    }
}

/// The popularity model's controls.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Popularity {
    /// N: images people ask for.
    pub images: u32,
    /// s: 0 is uniform, larger is more skewed.
    pub zipf_exponent: f64,
    /// C: images the CDN's cache holds.
    pub cdn_capacity_objects: u32,
    pub cdn_ttl_s: f64,
    /// Metadata keys Redis holds.
    pub redis_capacity_keys: u32,
    pub redis_ttl_s: f64,
}

impl Default for Popularity {
    /// The preset that gives the worked example's 92 %: 100,000 images, s = 1.1, a CDN
    /// holding the top 20,000 with a 1-hour TTL (92.1 %); Redis keeps 50,000 keys for 5 min.
    fn default() -> Self {
        Popularity {
            images: 100_000,
            zipf_exponent: 1.1,
            cdn_capacity_objects: 20_000,
            cdn_ttl_s: 3_600.0,
            redis_capacity_keys: 50_000,
            redis_ttl_s: 300.0,
        }
    }
}

/// Everything the cache & CDN demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheCdnParams {
    /// Requests per second at the edge, steady and in the burst.
    pub edge_load_per_s: f64,
    pub burst_edge_load_per_s: f64,
    pub source: HitRatioSource,
    /// Used when the source is `Measured`, 0–1.
    pub cdn_hit_ratio: f64,
    /// Share of origin requests whose metadata Redis answers, when `Measured`, 0–1.
    pub redis_hit_ratio: f64,
    pub popularity: Popularity,
    /// Requests per second one task serves at 100 % CPU, and the autoscaler's CPU target.
    pub capacity_per_task_per_s: f64,
    pub cpu_target: f64,
    /// Staleness of one image's cached metadata.
    pub meta_ttl_s: f64,
    /// The app deletes the cached copy when it writes (cache-aside invalidation).
    pub invalidate_on_write: bool,
    /// Seconds from the write's commit until the copy is gone.
    pub invalidation_delay_s: f64,
    pub image_reads_per_s: f64,
    pub image_writes_per_hour: f64,
    /// How long the cold-cache series runs after the flush.
    pub cold_duration_s: u32,
}

impl Default for CacheCdnParams {
    /// PhotoShare: 1,200 req/s (9,000 in the burst), the measured 92 % CDN hit ratio, an
    /// assumed 90 % for Redis, 150 req/s per task at 60 % CPU; one image's metadata read
    /// 5 times a second, written 6 times an hour, cached 5 min and invalidated on write.
    fn default() -> Self {
        use photoshare::*;
        CacheCdnParams {
            edge_load_per_s: EDGE_LOAD_STEADY_PER_S,
            burst_edge_load_per_s: EDGE_LOAD_BURST_PER_S,
            source: HitRatioSource::Measured,
            cdn_hit_ratio: CDN_HIT_RATIO,
            redis_hit_ratio: 0.90,
            popularity: Popularity::default(),
            capacity_per_task_per_s: TASK_CAPACITY_PER_S,
            cpu_target: CPU_TARGET,
            meta_ttl_s: 300.0,
            invalidate_on_write: true,
            invalidation_delay_s: 2.0,
            image_reads_per_s: 5.0,
            image_writes_per_hour: 6.0,
            cold_duration_s: 600,
        }
    }
}

impl CacheCdnParams {
    /// The popularity preset with its computed hit ratios (≈ 92 % at the CDN).
    pub fn zipf_preset() -> CacheCdnParams {
        CacheCdnParams {
            source: HitRatioSource::Popularity,
            ..CacheCdnParams::default()
        }
    }
}

/// One load through the layers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerLoads {
    pub edge_per_s: f64,
    /// The ratios at this load: measured ones are the same at any load; the popularity
    /// model's rise with it (see [`BURST_HIT_NOTE`]).
    pub cdn_hit_ratio: f64,
    pub redis_hit_ratio: f64,
    /// CDN misses.
    pub origin_per_s: f64,
    /// Redis misses: metadata reads that reach Postgres.
    pub db_reads_per_s: f64,
    /// [`autoscaling::tasks_needed`] for the origin load.
    pub tasks: u32,
    /// Tasks if every request reached the origin.
    pub tasks_without_cdn: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CacheCdnOutcome {
    /// The ratios in use (measured or from popularity).
    pub cdn_hit_ratio: f64,
    pub redis_hit_ratio: f64,
    pub steady: LayerLoads,
    pub burst: LayerLoads,
    /// Always worked out, so the page can show it next to measured ratios.
    pub popularity: PopularityOutcome,
    /// With the chosen invalidation, and with the other choice.
    pub staleness: Staleness,
    pub staleness_other: Staleness,
    pub cold: ColdCache,
}

/// Loads through the layers and tasks, cold start and staleness. Bad input gives every problem found.
pub fn evaluate(p: &CacheCdnParams) -> Result<CacheCdnOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let zipf = popularity::zipf(&p.popularity);
    let popularity = popularity::popularity(&zipf, &p.popularity, p.edge_load_per_s);
    let ratios_at = |edge: f64| match p.source {
        HitRatioSource::Measured => (p.cdn_hit_ratio, p.redis_hit_ratio),
        HitRatioSource::Popularity if edge == p.edge_load_per_s => {
            (popularity.cdn_hit_ratio, popularity.redis_hit_ratio)
        }
        HitRatioSource::Popularity => popularity::hit_ratios(&zipf, &p.popularity, edge),
    };
    let loads = |edge: f64| {
        let (cdn, redis) = ratios_at(edge);
        layer_loads(p, edge, cdn, redis)
    };
    let steady = loads(p.edge_load_per_s);
    let writes_per_s = p.image_writes_per_hour / 3_600.0;
    let stale = |on: bool| {
        let delay = on.then_some(p.invalidation_delay_s);
        staleness(p.image_reads_per_s, writes_per_s, p.meta_ttl_s, delay)
    };
    Ok(CacheCdnOutcome {
        burst: loads(p.burst_edge_load_per_s),
        staleness: stale(p.invalidate_on_write),
        staleness_other: stale(!p.invalidate_on_write),
        cold: cold::cold_cache(p, &zipf, &popularity, &steady),
        cdn_hit_ratio: steady.cdn_hit_ratio,
        redis_hit_ratio: steady.redis_hit_ratio,
        steady,
        popularity,
    })
}

fn tasks(p: &CacheCdnParams, edge: f64, hit: f64) -> u32 {
    // Validation has checked every argument, so this is always Ok.
    autoscaling::tasks_needed(edge, hit, p.capacity_per_task_per_s, p.cpu_target)
        .unwrap_or_default()
}

fn layer_loads(p: &CacheCdnParams, edge: f64, cdn_hit: f64, redis_hit: f64) -> LayerLoads {
    let origin_per_s = autoscaling::origin_load_per_s(edge, cdn_hit);
    LayerLoads {
        edge_per_s: edge,
        cdn_hit_ratio: cdn_hit,
        redis_hit_ratio: redis_hit,
        origin_per_s,
        db_reads_per_s: origin_per_s * (1.0 - redis_hit),
        tasks: tasks(p, edge, cdn_hit),
        tasks_without_cdn: tasks(p, edge, 0.0),
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn validate(p: &CacheCdnParams) -> Vec<String> {
    crate::params::check(p)
}
