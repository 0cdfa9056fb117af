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

use crate::autoscaling::{self, AutoscalingParams, LoadPoint, LoadProfile};
use crate::documented::Documented;
use crate::link::{from_percent, number_text, Ignored, LinkReader, LinkState, Query, Route};
use crate::photoshare;

/// Most images the popularity model sums over (one pass per image).
pub const MAX_IMAGES: u32 = 1_000_000;
/// Longest TTL accepted: 1 year.
pub const MAX_TTL_S: f64 = 365.0 * 86_400.0;
/// Longest cold-cache run, and the step of its time series.
pub const MAX_COLD_DURATION_S: u32 = 3_600;
pub const MIN_COLD_DURATION_S: u32 = 60;
pub const COLD_STEP_S: u32 = 10;
/// Highest write rate to one image accepted.
pub const MAX_WRITES_PER_HOUR: f64 = 3_600_000.0;
/// Ranks at which the popularity curve is sampled (log-spaced), for a chart.
const CURVE_POINTS: usize = 60;
/// When the flush happens in the autoscaling demo's run: after 20 settled minutes.
pub const FLUSH_AT_S: u32 = 20 * 60;
/// Points of the cold-cache curve handed to the autoscaling demo (its limit is 100).
const LINK_CURVE_POINTS: u32 = 60;

/// The approximation behind the popularity model, for the page.
pub const TTL_MODEL_NOTE: &str = "Popularity is Zipf-like: the image of rank i gets a share of \
requests proportional to 1 / i^s. The CDN is modelled as an ideal cache that keeps the C most \
popular images (LFU-like), each copy living one TTL after the miss that fetched it. For an image \
asked for λ times a second (Poisson), each miss is followed by a TTL of hits, so its hit \
probability is λT / (1 + λT) (the TTL-cache result of Jung, Berger & Balakrishnan, \"Modeling \
TTL-based Internet caches\", IEEE INFOCOM 2003; used for networks of caches by Fofack, Nain, \
Neglia & Towsley, 2012). Redis sees the CDN's misses and is modelled the same way on that \
stream, keeping the images it is asked for most.";

/// Why the popularity model's burst hits more often than its steady state, for the page.
pub const BURST_HIT_NOTE: &str = "In \"From popularity\" the burst's hit ratios are worked out \
at the burst's own rate, and they are higher: every image is asked for more often, so more of \
its requests arrive while a copy fetched by an earlier miss is still fresh (λT ÷ (1 + λT) grows \
with λ). The CDN's ratio can only approach the share of requests for the images it holds: the \
rest miss at any rate. A measured ratio is one number, used at every load, as the worked \
example does for its burst.";

/// How the cold cache's recovery is drawn, for the page.
pub const COLD_MODEL_NOTE: &str = "After a flush an image's copy can only be at the edge if the \
image has been asked for since: its hit probability at time t is the smaller of 1 − e^(−λt) and \
its steady value. Popular images come back within seconds, the long tail takes longer. Redis \
stays warm. With a measured hit ratio, the recovery has the popularity model's shape, scaled to \
the measured ratio.";

/// What CloudFront and ElastiCache document about the caches modelled here.
pub const DOCUMENTED: [Documented; 5] = [
    Documented {
        says: "CloudFront answers from an edge cache until the object's cache duration (its TTL) \
runs out. The first request after that goes to the origin, which replies 304 Not Modified if \
the object is unchanged or 200 with the new version.",
        lab: "A request after expiry counts as a miss that reaches the origin (a 304 is still an \
origin request), then the copy lives another TTL: the λT ÷ (1 + λT) of the popularity model.",
        source: "Amazon CloudFront Developer Guide: Manage how long content stays in the cache (expiration)",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
    },
    Documented {
        says: "Without Cache-Control or Expires from the origin, CloudFront uses the cache \
policy's default TTL (one day unless changed); with them, the header's max-age, kept between \
the policy's minimum and maximum TTL.",
        lab: "The CDN TTL control is the TTL that results; PhotoShare's one hour is the lab's \
assumption, chosen to give the worked example's 92 %.",
        source: "Amazon CloudFront API Reference: CachePolicyConfig (DefaultTTL, MinTTL, MaxTTL)",
        url: "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
    },
    Documented {
        says: "An edge location may remove an object that is seldom requested before it expires, \
to make room for objects requested more often.",
        lab: "CloudFront documents no capacity or eviction policy, so the lab assumes an ideal \
cache that keeps the C most popular images; C is an assumption to vary.",
        source: "Amazon CloudFront Developer Guide: Manage how long content stays in the cache (expiration)",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
    },
    Documented {
        says: "Lazy loading (cache-aside): the app asks the cache first; on a miss it reads the \
database and writes the value to the cache. A TTL on each key bounds how long a stale value \
can be served.",
        lab: "The app tier's metadata reads follow this path: origin requests look up Redis, and \
only its misses read Postgres. Deleting the key when the app writes is the lab's \
invalidation option; without it, only the TTL ends a stale copy.",
        source: "Amazon ElastiCache User Guide: Caching strategies",
        url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Strategies.html",
    },
    Documented {
        says: "ElastiCache for Redis OSS evicts with volatile-lru by default: when memory is full \
it removes the least recently used keys among those with a TTL.",
        lab: "Redis is modelled as keeping the keys asked for most; with a steady popularity, \
least-recently-used keeps about the same keys. The 50,000 keys are an assumption.",
        source: "AWS whitepaper: Database Caching Strategies Using Redis, Evictions",
        url: "https://docs.aws.amazon.com/whitepapers/latest/database-caching-strategies-using-redis/evictions.html",
    },
];

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

/// Where the assumed figures come from, for the page.
pub const ASSUMPTIONS_NOTE: &str = "The worked example measures the CDN's 92 %; the rest are the \
lab's assumptions: Redis answers 90 % of metadata lookups, each origin request makes one lookup, \
and an invalidation takes 2 s to land (the delete reaching the cache and its replica).";

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

/// What the popularity model gives.
#[derive(Clone, Debug, PartialEq)]
pub struct PopularityOutcome {
    pub cdn_hit_ratio: f64,
    pub redis_hit_ratio: f64,
    /// Share of requests for the images the CDN holds: the hit ratio with an endless TTL.
    pub cdn_capacity_share: f64,
    /// Share of requests that miss only because a held copy expired.
    pub cdn_ttl_miss_share: f64,
    /// (rank, share of all requests for ranks 1..=rank), log-spaced ranks.
    pub popularity_curve: Vec<(u32, f64)>,
}

/// How stale one image's cached metadata gets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Staleness {
    pub invalidate_on_write: bool,
    /// The longest a reader can see the old value after a write.
    pub worst_window_s: f64,
    /// The average time readers can see it after a write (0 when no copy is cached).
    pub expected_window_s: f64,
    /// Share of time a copy is cached.
    pub cached_share: f64,
    /// Share of reads answered with an old value.
    pub stale_read_share: f64,
    pub stale_reads_per_hour: f64,
}

/// How stale reads are worked out, for the page.
pub const STALENESS_NOTE: &str = "Reads and writes of the image arrive at random (Poisson). A \
copy is fetched on a miss and lives one TTL, unless a write's invalidation removes it first. A \
read sees the old value if a write happened since the copy was fetched and the copy is still \
there. The expected window takes the copy's remaining life at a write as uniform over the TTL, \
which is exact when writes are rare.";

/// One step of the cold-cache series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColdPoint {
    /// Seconds since the flush.
    pub t_s: u32,
    pub cdn_hit_ratio: f64,
    pub origin_per_s: f64,
    pub db_reads_per_s: f64,
    pub tasks_needed: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColdCache {
    /// Every [`COLD_STEP_S`] from the flush.
    pub points: Vec<ColdPoint>,
    pub peak_origin_per_s: f64,
    pub peak_tasks: u32,
    /// Tasks a warm cache needs: what the fleet runs when the flush hits.
    pub warm_tasks: u32,
    /// First time the tasks needed are back to the warm count, if within the run.
    pub recovered_s: Option<u32>,
    /// Requests the origin served beyond a warm cache's, over the run.
    pub extra_origin_requests: f64,
    /// `#/autoscaling?…` replaying the flush's origin load on PhotoShare's policy.
    pub autoscaling_hash: String,
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
    let shares = request_shares(&p.popularity);
    let rates = scaled(&shares, p.edge_load_per_s);
    let popularity = popularity_from(&rates, &p.popularity);
    let ratios_at = |edge: f64| match p.source {
        HitRatioSource::Measured => (p.cdn_hit_ratio, p.redis_hit_ratio),
        HitRatioSource::Popularity if edge == p.edge_load_per_s => {
            (popularity.cdn_hit_ratio, popularity.redis_hit_ratio)
        }
        HitRatioSource::Popularity => hit_ratios(&scaled(&shares, edge), &p.popularity),
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
        cold: cold_cache(
            p,
            &rates,
            &popularity,
            steady.cdn_hit_ratio,
            steady.redis_hit_ratio,
        ),
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

/// Each image's share of the requests, most popular first, by Zipf's law.
fn request_shares(pop: &Popularity) -> Vec<f64> {
    let n = pop.images.min(MAX_IMAGES);
    let weights: Vec<f64> = (1..=n)
        .map(|i| f64::from(i).powf(-pop.zipf_exponent))
        .collect();
    let total: f64 = weights.iter().sum();
    if !(total.is_finite() && total > 0.0) {
        return vec![0.0; n as usize];
    }
    weights.into_iter().map(|w| w / total).collect()
}

fn scaled(shares: &[f64], edge_load_per_s: f64) -> Vec<f64> {
    shares.iter().map(|s| s * edge_load_per_s).collect()
}

/// λ_i for every image, most popular first: the edge load split by Zipf's law.
pub fn request_rates(edge_load_per_s: f64, pop: &Popularity) -> Vec<f64> {
    scaled(&request_shares(pop), edge_load_per_s)
}

/// Hit probability of a TTL cache for one object: λT / (1 + λT).
pub fn ttl_hit_probability(rate_per_s: f64, ttl_s: f64) -> f64 {
    let x = rate_per_s * ttl_s;
    if x.is_finite() && x > 0.0 {
        x / (1.0 + x)
    } else if x == f64::INFINITY {
        1.0
    } else {
        0.0
    }
}

/// Requests per second hit, of a stream of per-object rates, by an ideal cache that keeps the
/// `capacity` most requested objects for `ttl_s` each.
fn cache_hits(rates: &mut [f64], capacity: u32, ttl_s: f64) -> f64 {
    let keep = (capacity as usize).min(rates.len());
    if keep < rates.len() {
        rates.select_nth_unstable_by(keep, |a, b| b.total_cmp(a));
    }
    rates[..keep]
        .iter()
        .map(|&r| r * ttl_hit_probability(r, ttl_s))
        .sum()
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// What the CDN and Redis hit, of a stream of per-image rates sorted most popular first.
struct Hits {
    total: f64,
    /// Requests for the images the CDN holds.
    held_rate: f64,
    cdn: f64,
    /// Requests that reach Redis (the CDN's misses), and what Redis hits of them.
    redis_offered: f64,
    redis: f64,
}

fn hits(rates: &[f64], pop: &Popularity) -> Hits {
    let held = (pop.cdn_capacity_objects as usize).min(rates.len());
    // Rates are sorted already: the CDN keeps ranks 1..=C.
    let cdn_hit = |r: f64| r * ttl_hit_probability(r, pop.cdn_ttl_s);
    let mut misses: Vec<f64> = rates
        .iter()
        .enumerate()
        .map(|(i, &r)| if i < held { r - cdn_hit(r) } else { r })
        .collect();
    let redis_offered = misses.iter().sum();
    Hits {
        total: rates.iter().sum(),
        held_rate: rates[..held].iter().sum(),
        cdn: rates[..held].iter().map(|&r| cdn_hit(r)).sum(),
        redis_offered,
        redis: cache_hits(&mut misses, pop.redis_capacity_keys, pop.redis_ttl_s),
    }
}

/// The CDN's and Redis's hit ratios for a stream of per-image rates.
fn hit_ratios(rates: &[f64], pop: &Popularity) -> (f64, f64) {
    let h = hits(rates, pop);
    (share(h.cdn, h.total), share(h.redis, h.redis_offered))
}

fn popularity_from(rates: &[f64], pop: &Popularity) -> PopularityOutcome {
    let h = hits(rates, pop);
    PopularityOutcome {
        cdn_hit_ratio: share(h.cdn, h.total),
        redis_hit_ratio: share(h.redis, h.redis_offered),
        cdn_capacity_share: share(h.held_rate, h.total),
        cdn_ttl_miss_share: share(h.held_rate - h.cdn, h.total),
        popularity_curve: popularity_curve(rates, h.total),
    }
}

fn popularity_curve(rates: &[f64], total: f64) -> Vec<(u32, f64)> {
    let n = rates.len();
    if n == 0 {
        return Vec::new();
    }
    let mut ranks: Vec<usize> = (0..CURVE_POINTS)
        .map(|k| {
            let x = (n as f64).powf(k as f64 / (CURVE_POINTS - 1) as f64);
            (x.round() as usize).clamp(1, n)
        })
        .collect();
    ranks.dedup();
    let mut cumulative = 0.0;
    let mut next = 0;
    let mut curve = Vec::with_capacity(ranks.len());
    for (i, r) in rates.iter().enumerate() {
        cumulative += r;
        if next < ranks.len() && i + 1 == ranks[next] {
            curve.push((ranks[next] as u32, share(cumulative, total)));
            next += 1;
        }
    }
    curve
}

/// ∫₀ˣ e^(−wt) dt = (1 − e^(−wx)) / w, and x when nothing is written.
fn decayed(w: f64, x: f64) -> f64 {
    if w * x < 1e-12 {
        x
    } else {
        -(-w * x).exp_m1() / w
    }
}

/// Staleness of one cached object read `reads_per_s` and written `writes_per_s` (both
/// Poisson), whose copy lives `ttl_s`; `invalidation_delay_s` is `Some` when writes delete
/// the copy, that long after the commit.
pub fn staleness(
    reads_per_s: f64,
    writes_per_s: f64,
    ttl_s: f64,
    invalidation_delay_s: Option<f64>,
) -> Staleness {
    let t = ttl_s.max(0.0);
    let d = invalidation_delay_s.map_or(t, |d| d.clamp(0.0, t));
    let w = writes_per_s.max(0.0);
    let lambda = reads_per_s.max(0.0);
    // One cycle: a miss fetches the copy, it lives until expiry or invalidation, then the
    // next read misses. Copy lifetime and stale time are averaged over the first write.
    let life_s = d + decayed(w, t - d);
    let stale_s = d - decayed(w, t) + decayed(w, t - d);
    let cycle_reads = 1.0 + lambda * life_s;
    let stale_read_share = share(lambda * stale_s, cycle_reads);
    let cached_share = share(lambda * life_s, cycle_reads);
    let (worst, expected) = if t > 0.0 && lambda > 0.0 {
        (d, cached_share * (d - d * d / (2.0 * t)))
    } else {
        (0.0, 0.0)
    };
    Staleness {
        invalidate_on_write: invalidation_delay_s.is_some(),
        worst_window_s: worst,
        expected_window_s: expected,
        cached_share,
        stale_read_share,
        stale_reads_per_hour: lambda * 3_600.0 * stale_read_share,
    }
}

/// The popularity model's CDN hit ratio `t_s` seconds after a flush, over rank groups.
fn cold_hit_ratio(groups: &[RankGroup], pop: &Popularity, t_s: f64, total: f64) -> f64 {
    let hits: f64 = groups
        .iter()
        .map(|g| {
            let steady = ttl_hit_probability(g.rate, pop.cdn_ttl_s);
            g.count * g.rate * steady.min(-(-g.rate * t_s).exp_m1())
        })
        .sum();
    share(hits, total)
}

/// Ranks that share (nearly) one request rate, for sums evaluated many times over.
struct RankGroup {
    /// Mean request rate of the group's images.
    rate: f64,
    count: f64,
}

/// The images the CDN holds as groups: the first `EXACT_RANKS` one by one, then ranks
/// that grow by 2 % per group. Zipf rates barely change inside such a group, so the cold
/// curve (61 points × every held image) costs hundreds of terms a point, not 20,000.
fn rank_groups(held: &[f64]) -> Vec<RankGroup> {
    const EXACT_RANKS: usize = 256;
    let mut groups = Vec::new();
    let mut start = 0;
    while start < held.len() {
        let end = if start < EXACT_RANKS {
            start + 1
        } else {
            ((start as f64 * 1.02).ceil() as usize).clamp(start + 1, held.len())
        };
        let slice = &held[start..end];
        groups.push(RankGroup {
            rate: slice.iter().sum::<f64>() / slice.len() as f64,
            count: slice.len() as f64,
        });
        start = end;
    }
    groups
}

fn cold_cache(
    p: &CacheCdnParams,
    rates: &[f64],
    popularity: &PopularityOutcome,
    cdn_hit: f64,
    redis_hit: f64,
) -> ColdCache {
    let total: f64 = rates.iter().sum();
    let held = (p.popularity.cdn_capacity_objects as usize).min(rates.len());
    let groups = rank_groups(&rates[..held]);
    // A measured ratio recovers along the popularity model's curve, scaled to it.
    let scale = match p.source {
        HitRatioSource::Popularity => 1.0,
        HitRatioSource::Measured if popularity.cdn_hit_ratio > 0.0 => {
            cdn_hit / popularity.cdn_hit_ratio
        }
        HitRatioSource::Measured => 0.0,
    };
    let edge = p.edge_load_per_s;
    let warm_tasks = tasks(p, edge, cdn_hit);
    let warm_origin = autoscaling::origin_load_per_s(edge, cdn_hit);
    let steps = p.cold_duration_s / COLD_STEP_S;
    let points: Vec<ColdPoint> = (0..=steps)
        .map(|k| {
            let t_s = k * COLD_STEP_S;
            let hit = if scale > 0.0 {
                (cold_hit_ratio(&groups, &p.popularity, f64::from(t_s), total) * scale).min(cdn_hit)
            } else if t_s == 0 {
                // No popularity curve to follow: empty at the flush, warm from the next step.
                0.0
            } else {
                cdn_hit
            };
            let origin = autoscaling::origin_load_per_s(edge, hit);
            ColdPoint {
                t_s,
                cdn_hit_ratio: hit,
                origin_per_s: origin,
                db_reads_per_s: origin * (1.0 - redis_hit),
                tasks_needed: tasks(p, edge, hit),
            }
        })
        .collect();
    let extra_origin_requests = points
        .windows(2)
        .map(|w| {
            let mean = (w[0].origin_per_s + w[1].origin_per_s) / 2.0;
            (mean - warm_origin).max(0.0) * f64::from(COLD_STEP_S)
        })
        .sum();
    ColdCache {
        peak_origin_per_s: points.iter().map(|c| c.origin_per_s).fold(0.0, f64::max),
        peak_tasks: points.iter().map(|c| c.tasks_needed).max().unwrap_or(0),
        recovered_s: points
            .iter()
            .find(|c| c.tasks_needed <= warm_tasks)
            .map(|c| c.t_s),
        autoscaling_hash: autoscaling_hash(p, &points, warm_origin),
        warm_tasks,
        extra_origin_requests,
        points,
    }
}

/// The autoscaling demo replaying the flush: a custom profile of the origin load (with the
/// CDN set to 0 % so the demo's edge load is this origin load), flushed after 20 minutes.
fn autoscaling_hash(p: &CacheCdnParams, points: &[ColdPoint], warm_origin: f64) -> String {
    let every = (points.len() as u32).div_ceil(LINK_CURVE_POINTS).max(1) as usize;
    let mut custom = vec![
        LoadPoint {
            t_s: 0,
            edge_per_s: warm_origin,
        },
        LoadPoint {
            t_s: FLUSH_AT_S,
            edge_per_s: warm_origin,
        },
    ];
    let mut sampled: Vec<&ColdPoint> = points.iter().step_by(every).collect();
    if let Some(last) = points.last() {
        if sampled.last() != Some(&last) {
            sampled.push(last);
        }
    }
    custom.extend(sampled.into_iter().map(|c| LoadPoint {
        t_s: FLUSH_AT_S + c.t_s,
        edge_per_s: c.origin_per_s,
    }));
    let d = AutoscalingParams::default();
    let a = AutoscalingParams {
        profile: LoadProfile::Custom,
        custom_points: custom,
        cdn_hit_ratio: 0.0,
        capacity_per_task_per_s: p.capacity_per_task_per_s,
        cpu_target: p.cpu_target,
        duration_s: (FLUSH_AT_S + p.cold_duration_s + 30 * 60).max(d.duration_s),
        ..d
    };
    Route::hash("autoscaling", &a.to_query())
}

fn validate(p: &CacheCdnParams) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: &str| {
        if !ok {
            problems.push(message.to_string());
        }
    };
    let within = |x: f64, lo: f64, hi: f64| x.is_finite() && (lo..=hi).contains(&x);
    let max_load = autoscaling::MAX_LOAD_PER_S;
    check(
        within(p.edge_load_per_s, 0.0, max_load) && within(p.burst_edge_load_per_s, 0.0, max_load),
        "The loads must be between 0 and 10,000,000 req/s.",
    );
    check(
        within(p.cdn_hit_ratio, 0.0, 1.0),
        "The CDN hit ratio must be between 0 and 100 %.",
    );
    check(
        within(p.redis_hit_ratio, 0.0, 1.0),
        "The Redis hit ratio must be between 0 and 100 %.",
    );
    let pop = &p.popularity;
    check(
        (1..=MAX_IMAGES).contains(&pop.images),
        "The number of images must be between 1 and 1,000,000.",
    );
    check(
        within(pop.zipf_exponent, 0.0, 5.0),
        "The Zipf exponent must be between 0 and 5.",
    );
    check(
        within(pop.cdn_ttl_s, 0.0, MAX_TTL_S)
            && within(pop.redis_ttl_s, 0.0, MAX_TTL_S)
            && within(p.meta_ttl_s, 0.0, MAX_TTL_S),
        "A TTL must be between 0 s and one year.",
    );
    check(
        p.capacity_per_task_per_s.is_finite() && p.capacity_per_task_per_s > 0.0,
        "A task's capacity must be above 0 req/s.",
    );
    check(
        p.cpu_target.is_finite() && p.cpu_target > 0.0 && p.cpu_target < 1.0,
        "The CPU target must be above 0 and below 100 %.",
    );
    check(
        within(p.invalidation_delay_s, 0.0, MAX_TTL_S),
        "The invalidation delay must be between 0 s and one year.",
    );
    check(
        within(p.image_reads_per_s, 0.0, max_load),
        "The image's reads must be between 0 and 10,000,000 per second.",
    );
    check(
        within(p.image_writes_per_hour, 0.0, MAX_WRITES_PER_HOUR),
        "The image's writes must be between 0 and 3,600,000 per hour.",
    );
    check(
        (MIN_COLD_DURATION_S..=MAX_COLD_DURATION_S).contains(&p.cold_duration_s),
        "The cold-cache run must last 60 to 3,600 s.",
    );
    problems
}

/// Link format: `src=zipf&hit=92&redis=90&n=100000&s=1.1&cap=20000&ttl=3600&rcap=50000&rttl=300&…`.
/// Shares in percent, times in seconds.
impl LinkState for CacheCdnParams {
    fn to_query(&self) -> String {
        let d = CacheCdnParams::default();
        let mut pairs = Vec::new();
        if self.source != d.source {
            pairs.push(("src", self.source.slug().to_string()));
        }
        let (pop, dp) = (&self.popularity, &d.popularity);
        for (key, x, default, percent) in [
            ("load", self.edge_load_per_s, d.edge_load_per_s, false),
            (
                "burst",
                self.burst_edge_load_per_s,
                d.burst_edge_load_per_s,
                false,
            ),
            ("hit", self.cdn_hit_ratio, d.cdn_hit_ratio, true),
            ("redis", self.redis_hit_ratio, d.redis_hit_ratio, true),
            ("s", pop.zipf_exponent, dp.zipf_exponent, false),
            ("ttl", pop.cdn_ttl_s, dp.cdn_ttl_s, false),
            ("rttl", pop.redis_ttl_s, dp.redis_ttl_s, false),
            (
                "taskcap",
                self.capacity_per_task_per_s,
                d.capacity_per_task_per_s,
                false,
            ),
            ("target", self.cpu_target, d.cpu_target, true),
            ("mttl", self.meta_ttl_s, d.meta_ttl_s, false),
            (
                "delay",
                self.invalidation_delay_s,
                d.invalidation_delay_s,
                false,
            ),
            ("reads", self.image_reads_per_s, d.image_reads_per_s, false),
            (
                "writes",
                self.image_writes_per_hour,
                d.image_writes_per_hour,
                false,
            ),
        ] {
            if x != default {
                pairs.push((key, number_text(if percent { x * 100.0 } else { x })));
            }
        }
        for (key, x, default) in [
            ("n", pop.images, dp.images),
            ("cap", pop.cdn_capacity_objects, dp.cdn_capacity_objects),
            ("rcap", pop.redis_capacity_keys, dp.redis_capacity_keys),
            ("cold", self.cold_duration_s, d.cold_duration_s),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        if self.invalidate_on_write != d.invalidate_on_write {
            pairs.push((
                "inval",
                if self.invalidate_on_write { "1" } else { "0" }.into(),
            ));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = CacheCdnParams::default();
        let mut r = LinkReader::new(query);
        let sources = HitRatioSource::ALL.map(|x| (x.slug(), x));
        if let Some(source) = r.choice("src", &sources) {
            p.source = source;
        }
        let max_load = autoscaling::MAX_LOAD_PER_S;
        for (key, field, lo, hi) in [
            ("load", &mut p.edge_load_per_s, 0.0, max_load),
            ("burst", &mut p.burst_edge_load_per_s, 0.0, max_load),
            ("s", &mut p.popularity.zipf_exponent, 0.0, 5.0),
            ("ttl", &mut p.popularity.cdn_ttl_s, 0.0, MAX_TTL_S),
            ("rttl", &mut p.popularity.redis_ttl_s, 0.0, MAX_TTL_S),
            ("taskcap", &mut p.capacity_per_task_per_s, 0.001, max_load),
            ("mttl", &mut p.meta_ttl_s, 0.0, MAX_TTL_S),
            ("delay", &mut p.invalidation_delay_s, 0.0, MAX_TTL_S),
            ("reads", &mut p.image_reads_per_s, 0.0, max_load),
            (
                "writes",
                &mut p.image_writes_per_hour,
                0.0,
                MAX_WRITES_PER_HOUR,
            ),
        ] {
            if let Some(x) = r.number(key, lo, hi) {
                *field = x;
            }
        }
        for (key, field, lo, hi) in [
            ("hit", &mut p.cdn_hit_ratio, 0.0, 100.0),
            ("redis", &mut p.redis_hit_ratio, 0.0, 100.0),
            ("target", &mut p.cpu_target, 1.0, 99.0),
        ] {
            if let Some(x) = r.number(key, lo, hi) {
                *field = from_percent(x);
            }
        }
        for (key, field, lo, hi) in [
            ("n", &mut p.popularity.images, 1, MAX_IMAGES),
            ("cap", &mut p.popularity.cdn_capacity_objects, 0, u32::MAX),
            ("rcap", &mut p.popularity.redis_capacity_keys, 0, u32::MAX),
            (
                "cold",
                &mut p.cold_duration_s,
                MIN_COLD_DURATION_S,
                MAX_COLD_DURATION_S,
            ),
        ] {
            if let Some(x) = r.whole(key, lo, hi) {
                *field = x;
            }
        }
        if let Some(on) = r.flag("inval") {
            p.invalidate_on_write = on;
        }
        (p, r.finish())
    }
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for CacheCdnParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The cache cdn demo in the lab's registry.
pub struct CacheCdn;

impl crate::demo::Demo for CacheCdn {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::CacheCdn;
    type Params = CacheCdnParams;
    type Outcome = CacheCdnOutcome;

    fn evaluate(p: &CacheCdnParams) -> Result<CacheCdnOutcome, Vec<String>> {
        evaluate(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_sorted_and_add_up_to_the_load() {
        let rates = request_rates(1_200.0, &Popularity::default());
        assert!(rates.windows(2).all(|w| w[0] >= w[1]));
        assert!((rates.iter().sum::<f64>() - 1_200.0).abs() < 1e-6);
    }

    #[test]
    fn the_curve_ends_at_all_requests() {
        let rates = request_rates(100.0, &Popularity::default());
        let curve = popularity_curve(&rates, 100.0);
        assert_eq!(curve.first().map(|c| c.0), Some(1));
        let (rank, last) = *curve.last().unwrap();
        assert_eq!(rank, 100_000);
        assert!((last - 1.0).abs() < 1e-9);
    }
}

#[cfg(test)]
mod rank_group_tests {
    use super::*;

    #[test]
    fn grouped_cold_curve_matches_the_image_by_image_sum() {
        let p = CacheCdnParams::zipf_preset();
        let rates = request_rates(p.edge_load_per_s, &p.popularity);
        let total: f64 = rates.iter().sum();
        let held = (p.popularity.cdn_capacity_objects as usize).min(rates.len());
        let groups = rank_groups(&rates[..held]);
        assert!(groups.len() < 800, "{} groups", groups.len());
        assert_eq!(groups.iter().map(|g| g.count).sum::<f64>(), held as f64);
        for t_s in [0.0, 10.0, 60.0, 600.0] {
            let exact: f64 = rates[..held]
                .iter()
                .map(|&r| {
                    r * ttl_hit_probability(r, p.popularity.cdn_ttl_s).min(-(-r * t_s).exp_m1())
                })
                .sum::<f64>()
                / total;
            let grouped = cold_hit_ratio(&groups, &p.popularity, t_s, total);
            assert!(
                (grouped - exact).abs() < 1e-4,
                "t={t_s}: {grouped} vs {exact}"
            );
        }
    }
}
