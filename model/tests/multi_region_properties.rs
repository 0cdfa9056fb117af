//! Invariants of the multi-region model, over generated inputs.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::multi_region::*;
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..1_000.0;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_longer_ttl_or_threshold_never_fails_over_sooner(thr in 1u32..10, ttl in 0u32..3_600, more in 0u32..600, fast in any::<bool>()) {
        let p = MultiRegionParams { health_check_interval_s: if fast { 10 } else { 30 }, failure_threshold: thr, record: DnsRecord::Cname { ttl_s: ttl }, ..MultiRegionParams::default() };
        let f = failover(&p);
        let longer = failover(&MultiRegionParams { record: DnsRecord::Cname { ttl_s: ttl + more }, ..p.clone() });
        let stricter = failover(&MultiRegionParams { failure_threshold: thr + 1, ..p.clone() });
        prop_assert!(longer.rto_worst_s >= f.rto_worst_s);
        prop_assert!(stricter.users_on_standby_worst_s > f.users_on_standby_worst_s);
        prop_assert!(f.users_on_standby_expected_s <= f.users_on_standby_worst_s);
        prop_assert!(f.rto_expected_s <= f.rto_worst_s);
        prop_assert!(f.milestones.windows(2).all(|w| w[0].at_s <= w[1].at_s));
    }

    #[test]
    fn a_standby_always_costs_more_and_never_lowers_availability(tasks in 1u32..50, maz in any::<bool>(), s3 in any::<bool>(), outages in 0.0..30.0f64) {
        let p = MultiRegionParams { standby_tasks: tasks, standby_multi_az: maz, replicate_uploads: s3, primary_outages_per_month: outages, ..MultiRegionParams::default() };
        let o = evaluate(&p).unwrap();
        prop_assert!(o.cost.two_regions_on_demand_usd > o.cost.one_region_on_demand_usd);
        prop_assert!(o.cost.two_regions_optimized_usd > o.cost.one_region_optimized_usd);
        prop_assert!(o.availability.effective_availability + 1e-12 >= o.availability.one_region.availability);
        prop_assert!(o.availability.effective_availability <= o.availability.two_regions.availability + 1e-12);
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        hc in 0u32..40, thr in 0u32..12, ttl in any::<u32>(), extra in any::<u32>(), lag in any_f64(USUAL), wps in any_f64(USUAL),
        promo in any::<u32>(), decide in any::<u32>(), outages in any_f64(USUAL), tasks in 0u32..2_000, maz in any::<bool>(), s3 in any::<bool>(),
        alias in any::<bool>(),
    ) {
        let record = if alias { DnsRecord::Alias } else { DnsRecord::Cname { ttl_s: ttl } };
        let p = MultiRegionParams { health_check_interval_s: hc, failure_threshold: thr, record, client_cache_extra_s: extra, replication_lag_s: lag, writes_per_s: wps, promotion_s: promo, decision_s: decide, primary_outages_per_month: outages, standby_tasks: tasks, standby_multi_az: maz, replicate_uploads: s3 };
        if let Ok(o) = evaluate(&p) {
            prop_assert!(o.failover.rto_worst_s.is_finite());
            prop_assert!((0.0..=1.0).contains(&o.availability.effective_availability));
            prop_assert_eq!(o.cost.two_regions_on_demand_usd, o.cost.one_region_on_demand_usd + o.cost.standby_on_demand_usd);
            prop_assert_eq!(o.cost.standby_on_demand_usd, o.cost.rows.iter().map(|r| r.on_demand_usd).sum());
        }
    }

    #[test]
    fn an_alias_records_ttl_is_60_s_whatever_else_is_set(ttl in 0u32..3_600, thr in 1u32..10) {
        let alias = MultiRegionParams { failure_threshold: thr, ..MultiRegionParams::default() };
        let cname = MultiRegionParams { record: DnsRecord::Cname { ttl_s: ttl }, ..alias.clone() };
        let (a, c) = (failover(&alias), failover(&cname));
        prop_assert_eq!(a.users_on_standby_worst_s - a.detection_worst_s, 60.0);
        prop_assert_eq!(c.users_on_standby_worst_s - c.detection_worst_s, f64::from(ttl));
        let (back, ignored) = MultiRegionParams::from_query(&Query::parse(&cname.to_query()));
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(back, cname);
    }

    #[test]
    fn links_with_known_keys_read_without_panic(
        key in prop::sample::select(vec!["hc", "thr", "record", "ttl", "extra", "lag", "wps", "promo", "decide", "outages", "sbtasks", "sbmaz", "s3"]),
        value in prop_oneof!["-?[0-9]{1,7}(\\.[0-9]{1,3})?", ".{0,12}"],
    ) {
        let (p, _) = MultiRegionParams::from_query(&Query::parse(&format!("{key}={value}")));
        prop_assert!(evaluate(&p).is_ok());
    }
}
