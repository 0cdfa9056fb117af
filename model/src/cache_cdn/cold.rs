//! A flushed CDN: every request misses at first, and the origin takes the load until
//! popular images are back at the edge.

use super::popularity::{held_rates, Zipf};
use super::*;
use crate::autoscaling::{AutoscalingParams, LoadPoint, LoadProfile};
use crate::link::{LinkState, Route};

/// The step of the cold-cache series.
pub const COLD_STEP_S: u32 = 10;
/// When the flush happens in the autoscaling demo's run: after 20 settled minutes.
pub const FLUSH_AT_S: u32 = 20 * 60;
/// Points of the cold-cache curve handed to the autoscaling demo (its limit is 100).
const LINK_CURVE_POINTS: u32 = 60;

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

/// Held images of one rate, on their way back after a flush.
struct Refilling {
    rate: f64,
    count: f64,
    /// The hit probability of a warm cache.
    steady: f64,
    /// Asked for often enough since the flush that the steady value holds from now on: the
    /// share asked for since only grows, so the curve's later points skip its exponential.
    back: bool,
}

fn refilling(held: &[(f64, f64)], pop: &Popularity) -> Vec<Refilling> {
    held.iter()
        .map(|&(rate, count)| Refilling {
            rate,
            count,
            steady: ttl_hit_probability(rate, pop.cdn_ttl_s),
            back: false,
        })
        .collect()
}

/// The popularity model's CDN hit ratio `t_s` seconds after a flush, for times that only
/// grow: an image's copy is back only if it was asked for since, so its hit probability is
/// the smaller of 1 − e^(−λt) and its steady value.
fn cold_hit_ratio(groups: &mut [Refilling], t_s: f64, total: f64) -> f64 {
    let hits: f64 = groups
        .iter_mut()
        .map(|g| {
            let hit = if g.back {
                g.steady
            } else {
                let asked_since = -(-g.rate * t_s).exp_m1();
                g.back = asked_since >= g.steady;
                g.steady.min(asked_since)
            };
            g.count * g.rate * hit
        })
        .sum();
    share(hits, total)
}

pub(super) fn cold_cache(
    p: &CacheCdnParams,
    zipf: &Zipf,
    popularity: &PopularityOutcome,
    warm: &LayerLoads,
) -> ColdCache {
    let edge = p.edge_load_per_s;
    let (cdn_hit, redis_hit) = (warm.cdn_hit_ratio, warm.redis_hit_ratio);
    let mut groups = refilling(&held_rates(zipf, &p.popularity, edge), &p.popularity);
    // A measured ratio recovers along the popularity model's curve, scaled to it.
    let scale = match p.source {
        HitRatioSource::Popularity => 1.0,
        HitRatioSource::Measured if popularity.cdn_hit_ratio > 0.0 => {
            cdn_hit / popularity.cdn_hit_ratio
        }
        HitRatioSource::Measured => 0.0,
    };
    let warm_tasks = warm.tasks;
    let warm_origin = warm.origin_per_s;
    let steps = p.cold_duration_s / COLD_STEP_S;
    let points: Vec<ColdPoint> = (0..=steps)
        .map(|k| {
            let t_s = k * COLD_STEP_S;
            let hit = if scale > 0.0 {
                (cold_hit_ratio(&mut groups, f64::from(t_s), edge) * scale).min(cdn_hit)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_back_at_its_steady_value_stays_there() {
        let p = CacheCdnParams::zipf_preset();
        let pop = &p.popularity;
        let held = held_rates(&super::super::popularity::zipf(pop), pop, p.edge_load_per_s);
        let mut along_the_curve = refilling(&held, pop);
        for t_s in (0..=3_600).step_by(10).map(f64::from) {
            let afresh = cold_hit_ratio(&mut refilling(&held, pop), t_s, p.edge_load_per_s);
            let along = cold_hit_ratio(&mut along_the_curve, t_s, p.edge_load_per_s);
            assert_eq!(along, afresh, "at {t_s} s");
        }
        assert!(along_the_curve.iter().any(|g| g.back), "the shortcut taken");
    }

    #[test]
    fn the_grouped_cold_curve_matches_the_image_by_image_sum() {
        let p = CacheCdnParams::zipf_preset();
        let pop = &p.popularity;
        let load = p.edge_load_per_s;
        let weights: Vec<f64> = (1..=pop.images)
            .map(|i| f64::from(i).powf(-pop.zipf_exponent))
            .collect();
        let total: f64 = weights.iter().sum();
        let held = held_rates(&super::super::popularity::zipf(pop), pop, load);
        assert!(held.len() < 800, "{} groups", held.len());
        assert_eq!(
            held.iter().map(|h| h.1).sum::<f64>(),
            f64::from(pop.cdn_capacity_objects)
        );
        let mut groups = refilling(&held, pop);
        for t_s in [0.0, 10.0, 60.0, 600.0] {
            let exact: f64 = weights[..pop.cdn_capacity_objects as usize]
                .iter()
                .map(|w| {
                    let r = load * w / total;
                    r * ttl_hit_probability(r, pop.cdn_ttl_s).min(-(-r * t_s).exp_m1())
                })
                .sum::<f64>()
                / load;
            let grouped = cold_hit_ratio(&mut groups, t_s, load);
            assert!(
                (grouped - exact).abs() < 1e-4,
                "t={t_s}: {grouped} vs {exact}"
            );
        }
    }
}
