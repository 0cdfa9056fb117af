//! Invariants of the shared scenario and the tour, over generated inputs.

use cloud_lab_model::cost::CostParams;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::scenario::*;
use cloud_lab_model::tour::{tradeoffs, TOUR};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_update_keeps_the_scenario_usable(hit in prop_oneof![Just(f64::NAN), -1.0..2.0f64], tasks in prop_oneof![Just(f64::INFINITY), -5.0..50.0f64], load in prop_oneof![Just(f64::NAN), -10.0..20_000.0f64], maz: bool) {
        let mut s = Scenario::default();
        let mut c = CostParams { cdn_hit_ratio: hit, average_tasks: tasks, multi_az: maz, ..CostParams::default() };
        c.day.steady_edge_per_s = load;
        s.update(&from_cost(&c));
        let (back, ignored) = Scenario::from_query(&Query::parse(&s.to_query()));
        prop_assert!(ignored.is_empty(), "{:?}", ignored);
        prop_assert_eq!(back.edge_load_per_s, s.edge_load_per_s);
        prop_assert_eq!(back.average_tasks, s.average_tasks);
        prop_assert!((back.cdn_hit_ratio.value - s.cdn_hit_ratio.value).abs() < 1e-12);
        prop_assert_eq!(back.cdn_hit_ratio.from, s.cdn_hit_ratio.from);
        for step in TOUR {
            for r in step.run_checks(&s) {
                prop_assert!(!r.live.is_empty());
            }
        }
        prop_assert_eq!(tradeoffs(&s).len(), 5);
    }
}
