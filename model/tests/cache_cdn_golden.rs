//! The worked example's CDN offload (§3: 1,200 → 96 req/s, 14 → 2 tasks; 9,000 → 720, 8 tasks)
//! as golden rows, the popularity preset that gives its 92 %, and staleness worked by hand.

use cloud_lab_model::autoscaling::{self, AutoscalingParams, LoadProfile};
use cloud_lab_model::cache_cdn::*;
use cloud_lab_model::link::{LinkState, Route};
use cloud_lab_model::photoshare::printed;

mod common;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn a_92_percent_cdn_turns_1200_req_s_into_96_and_2_tasks() {
    let o = evaluate(&CacheCdnParams::default()).unwrap();
    assert_eq!(o.cdn_hit_ratio, 0.92);
    // (layer loads, origin req/s, tasks, tasks without the CDN)
    let rows = [
        (
            o.steady,
            printed::ORIGIN_LOAD_STEADY_PER_S,
            printed::TASKS_STEADY,
        ),
        (
            o.burst,
            printed::ORIGIN_LOAD_BURST_PER_S,
            printed::TASKS_BURST,
        ),
    ];
    for (loads, origin, tasks) in rows {
        assert!(close(loads.origin_per_s, origin, 1e-9), "{loads:?}");
        assert_eq!(loads.tasks, tasks, "{loads:?}");
    }
    assert_eq!(o.steady.tasks_without_cdn, printed::TASKS_WITHOUT_CDN);
    assert_eq!(o.burst.tasks_without_cdn, 100); // ⌈9,000 ÷ 90⌉
                                                // Redis (assumed 90 %) leaves 10 % of the 96 lookups for Postgres.
    assert!(close(o.steady.db_reads_per_s, 9.6, 1e-9));
    assert!(close(o.burst.db_reads_per_s, 72.0, 1e-9));
}

#[test]
fn the_zipf_preset_gives_about_92_percent_and_still_2_tasks() {
    let o = evaluate(&CacheCdnParams::zipf_preset()).unwrap();
    // 100,000 images, s = 1.1, top 20,000 held for 1 h: 92.1 % (checked with an independent script).
    assert!(
        close(o.cdn_hit_ratio, 0.9212, 0.0005),
        "{}",
        o.cdn_hit_ratio
    );
    assert_eq!(o.steady.tasks, 2);
    assert_eq!(o.burst.tasks, 8);
    let pop = &o.popularity;
    assert!(pop.cdn_capacity_share >= pop.cdn_hit_ratio);
    assert!(close(
        pop.cdn_capacity_share - pop.cdn_ttl_miss_share,
        pop.cdn_hit_ratio,
        1e-9
    ));
    assert!((0.0..=1.0).contains(&o.redis_hit_ratio) && o.redis_hit_ratio > 0.0);
}

#[test]
fn the_popularity_burst_hits_at_its_own_rate() {
    let o = evaluate(&CacheCdnParams::zipf_preset()).unwrap();
    // Checked with an independent script (issue 12, item 5): at 9,000 req/s every held image
    // is asked for 7.5 times as often, so the CDN hits 92.50 % (92.12 % at 1,200 req/s) and
    // Redis, on the CDN's misses, 60.3 % (24.0 %). The origin gets 675.1 req/s, not the
    // 709.5 the steady ratio would give; still 8 tasks.
    // (live, expected, tolerance)
    let rows = [
        (o.steady.cdn_hit_ratio, 0.921166, 1e-5),
        (o.burst.cdn_hit_ratio, 0.924990, 1e-5),
        (o.burst.origin_per_s, 675.094, 0.01),
        (o.steady.redis_hit_ratio, 0.239665, 1e-5),
        (o.burst.redis_hit_ratio, 0.602887, 1e-5),
        (o.burst.db_reads_per_s, 268.089, 0.01),
    ];
    for (live, expected, tolerance) in rows {
        assert!(close(live, expected, tolerance), "{live} ≠ {expected}");
    }
    assert_eq!(o.burst.tasks, 8);
    // The ceiling: the share of requests for the 20,000 images the CDN holds.
    assert!(o.burst.cdn_hit_ratio < o.popularity.cdn_capacity_share);
    assert!(close(o.popularity.cdn_capacity_share, 0.925603, 1e-5));
    // A measured ratio is one number at every load, as the worked example uses it.
    let m = evaluate(&CacheCdnParams::default()).unwrap();
    assert_eq!(
        (m.steady.cdn_hit_ratio, m.burst.cdn_hit_ratio),
        (0.92, 0.92)
    );
    assert_eq!(
        (m.steady.redis_hit_ratio, m.burst.redis_hit_ratio),
        (0.90, 0.90)
    );
}

#[test]
fn ttl_cache_hit_probability_by_hand() {
    // (requests/s, TTL s, λT / (1 + λT))
    let rows = [
        (1.0, 1.0, 0.5),
        (0.1, 90.0, 0.9),
        (2.0, 0.0, 0.0),
        (0.0, 60.0, 0.0),
    ];
    for (rate, ttl, want) in rows {
        assert!(
            close(ttl_hit_probability(rate, ttl), want, 1e-12),
            "{rate} {ttl}"
        );
    }
}

#[test]
fn a_uniform_popularity_with_a_full_cache_and_long_ttl_hits_almost_always() {
    let p = CacheCdnParams {
        source: HitRatioSource::Popularity,
        popularity: Popularity {
            images: 10,
            zipf_exponent: 0.0,
            cdn_capacity_objects: 5,
            cdn_ttl_s: MAX_TTL_S,
            ..Popularity::default()
        },
        ..CacheCdnParams::default()
    };
    // Half the images are held: half the requests can hit.
    let o = evaluate(&p).unwrap();
    assert!(close(o.cdn_hit_ratio, 0.5, 1e-6), "{}", o.cdn_hit_ratio);
}

#[test]
fn staleness_worked_by_hand() {
    // λ = 1 read/s, w = 0.1 write/s, TTL 10 s. Without invalidation the copy lives 10 s and
    // is stale for 10 − (1 − e^−1)/0.1 = 3.679 s of it; a cycle has 1 + 10 reads.
    let s = staleness(1.0, 0.1, 10.0, None);
    let stale_s = 10.0 - (1.0 - (-1.0f64).exp()) / 0.1;
    assert!(close(s.stale_read_share, stale_s / 11.0, 1e-12), "{s:?}");
    assert_eq!(s.worst_window_s, 10.0);
    assert!(close(s.expected_window_s, 10.0 / 11.0 * 5.0, 1e-12));
    assert!(!s.invalidate_on_write);
    // Invalidation 2 s after a write: life 2 + (1 − e^−0.8)/0.1, stale 2 − 6.321 + 5.507.
    let s = staleness(1.0, 0.1, 10.0, Some(2.0));
    let g = |x: f64| (1.0 - (-0.1 * x).exp()) / 0.1;
    let (life, stale) = (2.0 + g(8.0), 2.0 - g(10.0) + g(8.0));
    assert!(
        close(s.stale_read_share, stale / (1.0 + life), 1e-12),
        "{s:?}"
    );
    assert!(close(s.stale_read_share, 0.1394, 1e-4));
    assert_eq!(s.worst_window_s, 2.0);
    // No writes, nothing stale; no TTL, nothing cached.
    assert_eq!(staleness(5.0, 0.0, 300.0, None).stale_read_share, 0.0);
    assert_eq!(staleness(5.0, 1.0, 0.0, None).cached_share, 0.0);
}

#[test]
fn the_default_invalidation_keeps_staleness_to_seconds() {
    let o = evaluate(&CacheCdnParams::default()).unwrap();
    assert!(o.staleness.invalidate_on_write);
    assert_eq!(o.staleness.worst_window_s, 2.0);
    assert!(!o.staleness_other.invalidate_on_write);
    assert_eq!(o.staleness_other.worst_window_s, 300.0);
    assert!(o.staleness.stale_read_share < o.staleness_other.stale_read_share);
}

#[test]
fn a_flushed_cdn_sends_everything_to_the_origin_then_recovers() {
    let o = evaluate(&CacheCdnParams::default()).unwrap();
    let cold = &o.cold;
    let first = cold.points[0];
    assert_eq!((first.t_s, first.cdn_hit_ratio), (0, 0.0));
    assert!(close(first.origin_per_s, 1_200.0, 1e-9));
    assert_eq!(first.tasks_needed, printed::TASKS_WITHOUT_CDN);
    assert_eq!(cold.peak_tasks, 14);
    assert_eq!(cold.warm_tasks, 2);
    assert_eq!(cold.points.len(), 61);
    let t = cold.recovered_s.expect("recovers within 10 minutes");
    assert!(t > 0 && t <= 600, "{t}");
    assert!(cold
        .points
        .windows(2)
        .all(|w| w[1].cdn_hit_ratio >= w[0].cdn_hit_ratio));
    assert!(cold.points.iter().all(|c| c.cdn_hit_ratio <= 0.92 + 1e-12));
    assert!(cold.extra_origin_requests > 0.0);
}

#[test]
fn the_cold_cache_link_replays_the_spike_in_the_autoscaling_demo() {
    let o = evaluate(&CacheCdnParams::default()).unwrap();
    let route = Route::parse(&o.cold.autoscaling_hash);
    assert_eq!(route.page, "autoscaling");
    let (a, ignored) = AutoscalingParams::from_query(&route.query);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(a.profile, LoadProfile::Custom);
    assert_eq!(a.cdn_hit_ratio, 0.0);
    // Before the flush: the warm origin load (96); right after it: all 1,200.
    assert!(close(a.custom_points[0].edge_per_s, 96.0, 1e-6));
    let flush = a
        .custom_points
        .iter()
        .find(|pt| pt.t_s == FLUSH_AT_S)
        .unwrap();
    assert!(close(flush.edge_per_s, 96.0, 1e-6));
    let spike = a.custom_points[2];
    assert_eq!(spike.t_s, FLUSH_AT_S);
    assert!(close(spike.edge_per_s, 1_200.0, 1e-6));
    let run = autoscaling::simulate(&a).unwrap();
    assert!(run.peak_origin_per_s >= 1_199.0);
    assert!(
        run.runs[0].dropped_requests > 0.0,
        "the fleet of 2 is caught short"
    );
}

#[test]
fn the_link_round_trips() {
    let p = CacheCdnParams {
        source: HitRatioSource::Popularity,
        cdn_hit_ratio: 0.8,
        popularity: Popularity {
            images: 5_000,
            zipf_exponent: 0.9,
            cdn_capacity_objects: 700,
            ..Popularity::default()
        },
        invalidate_on_write: false,
        cold_duration_s: 1_200,
        ..CacheCdnParams::default()
    };
    common::assert_round_trip(&p);
    assert_eq!(CacheCdnParams::default().to_query(), "");
}

#[test]
fn bad_input_is_explained() {
    let p = CacheCdnParams {
        cdn_hit_ratio: f64::NAN,
        popularity: Popularity {
            images: 0,
            ..Popularity::default()
        },
        cold_duration_s: 5,
        ..CacheCdnParams::default()
    };
    let problems = evaluate(&p).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:?}");
}
