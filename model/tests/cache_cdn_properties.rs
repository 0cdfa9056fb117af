//! Invariants of the cache & CDN model, over generated inputs.

use cloud_lab_model::cache_cdn::*;
use cloud_lab_model::link::{LinkState, Query};
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..10_000.0;

fn small(pop: Popularity) -> Popularity {
    Popularity {
        images: pop.images % 2_000 + 1,
        ..pop
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_bigger_cache_or_longer_ttl_never_lowers_the_hit_ratio(
        images in 1u32..3_000, s in 0.0..2.0f64, cap in 0u32..3_000, extra in 0u32..500,
        ttl in 0.0..10_000.0f64, more_ttl in 0.0..10_000.0f64,
    ) {
        let pop = Popularity { images, zipf_exponent: s, cdn_capacity_objects: cap, cdn_ttl_s: ttl, ..Popularity::default() };
        let p = CacheCdnParams { source: HitRatioSource::Popularity, popularity: pop, cold_duration_s: 60, ..CacheCdnParams::default() };
        let base = evaluate(&p).unwrap().cdn_hit_ratio;
        let bigger = CacheCdnParams { popularity: Popularity { cdn_capacity_objects: cap + extra, ..pop }, ..p.clone() };
        let longer = CacheCdnParams { popularity: Popularity { cdn_ttl_s: ttl + more_ttl, ..pop }, ..p.clone() };
        prop_assert!(evaluate(&bigger).unwrap().cdn_hit_ratio + 1e-12 >= base);
        prop_assert!(evaluate(&longer).unwrap().cdn_hit_ratio + 1e-12 >= base);
        prop_assert!((0.0..=1.0).contains(&base));
    }

    #[test]
    fn a_busier_edge_never_lowers_the_popularity_hit_ratios(
        images in 1u32..3_000, s in 0.0..2.0f64, cap in 0u32..3_000, ttl in 0.0..10_000.0f64,
        load in 0.0..5_000.0f64, more in 0.0..50_000.0f64,
    ) {
        let pop = Popularity { images, zipf_exponent: s, cdn_capacity_objects: cap, cdn_ttl_s: ttl, ..Popularity::default() };
        let p = CacheCdnParams {
            source: HitRatioSource::Popularity, popularity: pop, cold_duration_s: 60,
            edge_load_per_s: load, burst_edge_load_per_s: load + more, ..CacheCdnParams::default()
        };
        let o = evaluate(&p).unwrap();
        prop_assert!(o.burst.cdn_hit_ratio + 1e-12 >= o.steady.cdn_hit_ratio, "{:?} {:?}", o.steady, o.burst);
        prop_assert!(o.burst.cdn_hit_ratio <= o.popularity.cdn_capacity_share + 1e-12);
        prop_assert_eq!(o.steady.cdn_hit_ratio, o.cdn_hit_ratio);
        // The burst's origin load follows its own ratio.
        let origin = (load + more) * (1.0 - o.burst.cdn_hit_ratio);
        prop_assert!((o.burst.origin_per_s - origin).abs() <= 1e-9 * (1.0 + origin));
    }

    #[test]
    fn a_higher_hit_ratio_never_needs_more_tasks(hit in 0.0..=1.0f64, more in 0.0..=1.0f64, load in 0.0..100_000.0f64) {
        let p = CacheCdnParams { edge_load_per_s: load, cdn_hit_ratio: hit, cold_duration_s: 60, ..CacheCdnParams::default() };
        let q = CacheCdnParams { cdn_hit_ratio: (hit + more).min(1.0), ..p.clone() };
        let (a, b) = (evaluate(&p).unwrap(), evaluate(&q).unwrap());
        prop_assert!(b.steady.tasks <= a.steady.tasks);
        prop_assert!(b.steady.origin_per_s <= a.steady.origin_per_s + 1e-9);
    }

    #[test]
    fn invalidation_never_makes_reads_staler(reads in 0.0..100.0f64, writes in 0.0..10.0f64, ttl in 0.0..3_600.0f64, delay in 0.0..3_600.0f64) {
        let off = staleness(reads, writes, ttl, None);
        let on = staleness(reads, writes, ttl, Some(delay));
        prop_assert!(on.stale_read_share <= off.stale_read_share + 1e-12);
        prop_assert!(on.worst_window_s <= off.worst_window_s);
        for s in [on, off] {
            prop_assert!((0.0..=1.0).contains(&s.stale_read_share));
            prop_assert!(s.stale_read_share <= s.cached_share + 1e-12);
            prop_assert!(s.expected_window_s <= s.worst_window_s + 1e-12);
        }
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        load in any_f64(USUAL), hit in any_f64(USUAL), redis in any_f64(USUAL), s in any_f64(USUAL), ttl in any_f64(USUAL),
        cap in any_f64(USUAL), target in any_f64(USUAL), mttl in any_f64(USUAL), delay in any_f64(USUAL), reads in any_f64(USUAL),
        writes in any_f64(USUAL), images in 0u32..3_000, objects in any::<u32>(), keys in any::<u32>(),
        cold in 0u32..4_000, inval in any::<bool>(), zipf in any::<bool>(),
    ) {
        let p = CacheCdnParams {
            edge_load_per_s: load,
            burst_edge_load_per_s: load,
            source: if zipf { HitRatioSource::Popularity } else { HitRatioSource::Measured },
            cdn_hit_ratio: hit,
            redis_hit_ratio: redis,
            popularity: small(Popularity { images, zipf_exponent: s, cdn_capacity_objects: objects, cdn_ttl_s: ttl, redis_capacity_keys: keys, redis_ttl_s: ttl }),
            capacity_per_task_per_s: cap,
            cpu_target: target,
            meta_ttl_s: mttl,
            invalidate_on_write: inval,
            invalidation_delay_s: delay,
            image_reads_per_s: reads,
            image_writes_per_hour: writes,
            cold_duration_s: cold,
        };
        if let Ok(o) = evaluate(&p) {
            prop_assert!((0.0..=1.0).contains(&o.cdn_hit_ratio));
            prop_assert!(o.steady.origin_per_s.is_finite());
            prop_assert!(o.staleness.stale_read_share.is_finite());
            prop_assert!(o.cold.points.iter().all(|c| c.origin_per_s.is_finite()));
        }
    }

    #[test]
    fn links_with_known_keys_read_without_panic(
        key in prop::sample::select(vec!["src", "load", "edgeburst", "hit", "rhit", "images", "s", "cdncap", "cdnttl", "rcap", "rttl", "cap", "target", "mttl", "inval", "delay", "reads", "writes", "cold"]),
        value in prop_oneof![Just("zipf".to_string()), Just("1".to_string()), "-?[0-9]{1,7}(\\.[0-9]{1,3})?", ".{0,12}"],
    ) {
        let (p, _) = CacheCdnParams::from_query(&Query::parse(&format!("{key}={value}&images=500")));
        prop_assert!(evaluate(&p).is_ok());
    }
}
