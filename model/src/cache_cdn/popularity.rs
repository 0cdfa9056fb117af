//! Where a hit ratio comes from: Zipf popularity, a CDN that keeps the most popular images
//! for a TTL, and Redis on the CDN's misses.
//!
//! The image of rank i is asked for in proportion to i^−s. Sums over 100,000 images run over
//! rank groups instead: groups whose ranks grow by a fraction of a percent (so the first
//! hundreds are one rank each), inside which the rates barely change. A group's weight (the
//! sum of i^−s over its ranks) is summed rank by rank up to [`EXACT_RANKS`]; beyond, it is
//! the integral of x^−s over the group widened by half a rank on each side, within
//! s(s + 1) ÷ (24 · 257²) of the rank-by-rank sum (4 parts in a million for s = 2).

use super::{share, Popularity};
use crate::sort;

/// Ranks summed one by one.
const EXACT_RANKS: u32 = 256;
/// How much the ranks of one group span beyond [`EXACT_RANKS`]: 0.5 % for the hit ratios,
/// 2 % for the cold curve.
const FINE_GROWTH: f64 = 1.005;
const COARSE_GROWTH: f64 = 1.02;
/// Ranks at which the popularity curve is sampled (log-spaced), for a chart.
const CURVE_POINTS: usize = 60;

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

/// Consecutive ranks asked for at (nearly) one rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct RankGroup {
    /// The group's ranks: first..first + count.
    pub first: u32,
    pub count: u32,
    /// Σ i^−s over the group's ranks.
    pub weight: f64,
}

/// Zipf popularity over `images` ranks, in rank groups.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Zipf {
    exponent: f64,
    pub groups: Vec<RankGroup>,
    /// Σ i^−s over every rank.
    pub total_weight: f64,
}

/// ∫ x^−s dx from `a` to `b`, = (b^k − a^k) / k with k = 1 − s. Near s = 1 the powers are
/// near 1 and their difference is taken as e^(k ln b) − e^(k ln a) with `exp_m1`, which keeps
/// its digits; elsewhere the plain powers do.
fn integral(a: f64, b: f64, s: f64) -> f64 {
    let k = 1.0 - s;
    if k.abs() < 1e-12 {
        (b / a).ln()
    } else if k.abs() < 0.1 {
        ((k * b.ln()).exp_m1() - (k * a.ln()).exp_m1()) / k
    } else {
        (b.powf(k) - a.powf(k)) / k
    }
}

/// Σ i^−s for i in first..first + count.
fn weight(first: u32, count: u32, s: f64) -> f64 {
    let end = first + count;
    let exact_end = end.min(EXACT_RANKS + 1).max(first);
    let exact: f64 = (first..exact_end).map(|i| f64::from(i).powf(-s)).sum();
    if exact_end < end {
        exact + integral(f64::from(exact_end) - 0.5, f64::from(end) - 0.5, s)
    } else {
        exact
    }
}

impl Zipf {
    /// Ranks 1..=`images` in groups whose ranks grow by `growth`, with a group boundary after
    /// rank `cut` (the CDN's capacity) so that a group is either all held or all not.
    pub fn new(images: u32, exponent: f64, cut: u32, growth: f64) -> Zipf {
        let mut groups = Vec::new();
        let mut first = 1u32;
        while first <= images {
            // Ranks below 1 ÷ (growth − 1) stay one to a group.
            let mut end = ((f64::from(first) * growth).ceil() as u32)
                .max(first + 1)
                .min(images + 1);
            if first <= cut && cut < end - 1 {
                end = cut + 1;
            }
            let count = end - first;
            groups.push(RankGroup {
                first,
                count,
                weight: weight(first, count, exponent),
            });
            first = end;
        }
        Zipf {
            exponent,
            total_weight: groups.iter().map(|g| g.weight).sum(),
            groups,
        }
    }

    /// The request rate of each image of a group when the edge takes `load_per_s`.
    pub fn rate(&self, g: &RankGroup, load_per_s: f64) -> f64 {
        if self.total_weight > 0.0 {
            load_per_s * g.weight / self.total_weight / f64::from(g.count)
        } else {
            0.0
        }
    }
}

/// What the CDN and Redis hit at one edge load, in requests per second.
struct Hits {
    load: f64,
    /// Requests for the images the CDN holds.
    held: f64,
    cdn: f64,
    /// Requests that reach Redis (the CDN's misses), and what Redis hits of them.
    redis_offered: f64,
    redis: f64,
}

fn hits(zipf: &Zipf, pop: &Popularity, load: f64) -> Hits {
    let capacity = pop.cdn_capacity_objects;
    let (mut held, mut cdn) = (0.0, 0.0);
    // Per-key rates of what Redis is offered, with how many keys share each.
    let mut misses: Vec<(f64, u32)> = Vec::with_capacity(zipf.groups.len());
    for g in &zipf.groups {
        let rate = zipf.rate(g, load);
        let n = f64::from(g.count);
        if g.first <= capacity {
            // The CDN keeps ranks 1..=C; a group never straddles C.
            let hit = ttl_hit_probability(rate, pop.cdn_ttl_s);
            held += n * rate;
            cdn += n * rate * hit;
            misses.push((rate * (1.0 - hit), g.count));
        } else {
            misses.push((rate, g.count));
        }
    }
    let redis_offered = misses.iter().map(|&(m, n)| m * f64::from(n)).sum();
    // Redis keeps the keys asked for most.
    sort::by_key(&mut misses, |m| sort::descending(sort::f64_key(m.0)));
    let mut room = pop.redis_capacity_keys;
    let mut redis = 0.0;
    for (m, n) in misses {
        if room == 0 {
            break;
        }
        let kept = n.min(room);
        room -= kept;
        redis += f64::from(kept) * m * ttl_hit_probability(m, pop.redis_ttl_s);
    }
    Hits {
        load,
        held,
        cdn,
        redis_offered,
        redis,
    }
}

/// The CDN's and Redis's hit ratios at one edge load.
pub(super) fn hit_ratios(zipf: &Zipf, pop: &Popularity, load: f64) -> (f64, f64) {
    let h = hits(zipf, pop, load);
    (share(h.cdn, h.load), share(h.redis, h.redis_offered))
}

/// The popularity model at the steady edge load, with the curve for the chart.
pub(super) fn popularity(zipf: &Zipf, pop: &Popularity, load: f64) -> PopularityOutcome {
    let h = hits(zipf, pop, load);
    PopularityOutcome {
        cdn_hit_ratio: share(h.cdn, h.load),
        redis_hit_ratio: share(h.redis, h.redis_offered),
        cdn_capacity_share: share(h.held, h.load),
        cdn_ttl_miss_share: share(h.held - h.cdn, h.load),
        popularity_curve: curve(zipf, pop.images),
    }
}

/// Cumulative share of requests at log-spaced ranks, walking the groups once.
fn curve(zipf: &Zipf, images: u32) -> Vec<(u32, f64)> {
    let n = f64::from(images);
    let mut ranks: Vec<u32> = (0..CURVE_POINTS)
        .map(|k| {
            let x = n.powf(k as f64 / (CURVE_POINTS - 1) as f64);
            (x.round() as u32).clamp(1, images)
        })
        .collect();
    ranks.dedup();
    let mut out = Vec::with_capacity(ranks.len());
    let mut before = 0.0;
    let mut next = ranks.into_iter().peekable();
    for g in &zipf.groups {
        let end = g.first + g.count;
        while let Some(&r) = next.peek().filter(|&&r| r < end) {
            let part = weight(g.first, r + 1 - g.first, zipf.exponent);
            out.push((r, share(before + part, zipf.total_weight)));
            next.next();
        }
        before += g.weight;
    }
    out
}

/// The held images in coarser groups (ranks growing by 2 %), as (each image's rate, how
/// many) at `load`: for sums evaluated many times over, such as the cold curve's 61 points.
pub(super) fn held_rates(zipf: &Zipf, pop: &Popularity, load: f64) -> Vec<(f64, f64)> {
    let held = pop.cdn_capacity_objects.min(pop.images);
    let coarse = Zipf::new(held, zipf.exponent, held, COARSE_GROWTH);
    coarse
        .groups
        .iter()
        .map(|g| (zipf.rate(g, load), f64::from(g.count)))
        .collect()
}

/// The default rank groups for hit ratios.
pub(super) fn zipf(pop: &Popularity) -> Zipf {
    Zipf::new(
        pop.images,
        pop.zipf_exponent,
        pop.cdn_capacity_objects,
        FINE_GROWTH,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Σ over every rank, one by one: what the groups stand in for.
    fn rank_by_rank(images: u32, s: f64) -> Vec<f64> {
        (1..=images).map(|i| f64::from(i).powf(-s)).collect()
    }

    #[test]
    fn groups_cover_every_rank_once_and_split_at_the_cut() {
        for (images, cut) in [(1, 0), (300, 299), (100_000, 20_000), (100_000, 200_000)] {
            let z = Zipf::new(images, 1.1, cut, FINE_GROWTH);
            let mut next = 1;
            for g in &z.groups {
                assert_eq!(g.first, next);
                assert!(g.count >= 1);
                assert!(
                    !(g.first <= cut && cut < g.first + g.count - 1),
                    "{g:?} straddles {cut}"
                );
                next += g.count;
            }
            assert_eq!(next, images + 1);
        }
    }

    #[test]
    fn group_weights_match_the_rank_by_rank_sums() {
        for s in [0.0, 0.5, 1.0, 1.1, 2.0, 5.0] {
            let z = Zipf::new(100_000, s, 20_000, FINE_GROWTH);
            let exact = rank_by_rank(100_000, s);
            let total: f64 = exact.iter().sum();
            assert!((z.total_weight - total).abs() <= 1e-6 * total, "s = {s}");
            for g in &z.groups {
                let range = (g.first - 1) as usize..(g.first - 1 + g.count) as usize;
                let sum: f64 = exact[range].iter().sum();
                // The midpoint rule's relative error: at most s(s + 1) / (24 i²) at rank i.
                let tolerance = 1e-12 + s * (s + 1.0) / (24.0 * 257.0 * 257.0);
                assert!(
                    (g.weight - sum).abs() <= tolerance * sum,
                    "s = {s}: {g:?} vs {sum}"
                );
            }
            let curve = curve(&z, 100_000);
            assert_eq!(curve.first().map(|c| c.0), Some(1));
            assert_eq!(curve.last().map(|c| c.0), Some(100_000));
            assert!((curve.last().map_or(0.0, |c| c.1) - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn grouped_hit_ratios_match_the_image_by_image_model() {
        let pop = Popularity::default();
        let z = zipf(&pop);
        for load in [1_200.0, 9_000.0, 37.0] {
            let weights = rank_by_rank(pop.images, pop.zipf_exponent);
            let total: f64 = weights.iter().sum();
            let rates: Vec<f64> = weights.iter().map(|w| load * w / total).collect();
            let held = pop.cdn_capacity_objects as usize;
            let cdn: f64 = rates[..held]
                .iter()
                .map(|&r| r * ttl_hit_probability(r, pop.cdn_ttl_s))
                .sum();
            let mut misses: Vec<f64> = rates
                .iter()
                .enumerate()
                .map(|(i, &r)| {
                    if i < held {
                        r * (1.0 - ttl_hit_probability(r, pop.cdn_ttl_s))
                    } else {
                        r
                    }
                })
                .collect();
            let offered: f64 = misses.iter().sum();
            misses.sort_by(|a, b| b.total_cmp(a));
            let redis: f64 = misses[..pop.redis_capacity_keys as usize]
                .iter()
                .map(|&m| m * ttl_hit_probability(m, pop.redis_ttl_s))
                .sum();
            let (c, r) = hit_ratios(&z, &pop, load);
            assert!(
                (c - cdn / load).abs() < 2e-6,
                "{load}: {c} vs {}",
                cdn / load
            );
            assert!(
                (r - redis / offered).abs() < 2e-6,
                "{load}: {r} vs {}",
                redis / offered
            );
        }
    }
}
