//! Invariants of the failure drill, over generated inputs.

use cloud_lab_model::failure_drill::*;
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..20_000.0;

fn failure() -> impl Strategy<Value = Failure> {
    prop_oneof![
        (0usize..3).prop_map(|az| Failure::Task { az }),
        (0usize..3).prop_map(|az| Failure::Az { az }),
        Just(Failure::Database),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_input_gives_a_value_or_an_error(load in any_f64(USUAL), hit in any_f64(USUAL), cap in any_f64(USUAL), spent in any_f64(USUAL), slo in any_f64(USUAL), tasks in 0u32..300, fo in 0u32..100_000, fails in prop::collection::vec((failure(), 0u32..4_000), 0..10)) {
        let p = FailureDrillParams {
            edge_load_per_s: load,
            cdn_hit_ratio: hit,
            capacity_per_task_per_s: cap,
            spent_before_min: spent,
            slo,
            tasks,
            failover_s: fo,
            failures: fails.into_iter().map(|(failure, at_s)| Injected { failure, at_s }).collect(),
            ..Default::default()
        };
        if let Ok(o) = simulate(&p) {
            prop_assert!(o.degraded_min.is_finite() && o.degraded_min >= 0.0);
            prop_assert!(o.degraded_min <= o.affected_min + 1e-9);
            prop_assert!(o.samples.iter().all(|s| (0.0..=1.0 + 1e-12).contains(&s.failing_share)));
        }
    }

    #[test]
    fn a_longer_failover_never_spends_less(fo in 0u32..600, extra in 0u32..600, at in 0u32..3_000) {
        let run = |failover_s| simulate(&FailureDrillParams {
            failover_s,
            failures: vec![Injected { failure: Failure::Database, at_s: at }],
            ..Default::default()
        }).unwrap().degraded_min;
        prop_assert!(run(fo + extra) + 1e-9 >= run(fo));
    }

    #[test]
    fn more_failures_never_spend_less(fails in prop::collection::vec((failure(), 0u32..3_500), 0..5), more in (failure(), 0u32..3_500)) {
        let to = |v: &[(Failure, u32)]| v.iter().map(|&(failure, at_s)| Injected { failure: match failure {
            Failure::Task { az } => Failure::Task { az: az % 2 },
            Failure::Az { az } => Failure::Az { az: az % 2 },
            f => f,
        }, at_s }).collect::<Vec<_>>();
        let base = FailureDrillParams { failures: to(&fails), autoscaler: false, ..Default::default() };
        // An earlier failure can pre-empt later ones (a lost AZ has no tasks left to
        // lose), so the extra failure comes after every other one.
        let after = (fails.iter().map(|f| f.1).max().unwrap_or(0) + 1 + more.1 % 300).min(3_599);
        let mut all = fails.clone();
        all.push((more.0, after));
        let bigger = FailureDrillParams { failures: to(&all), ..base.clone() };
        let a = simulate(&base).unwrap().failed_requests;
        let b = simulate(&bigger).unwrap().failed_requests;
        prop_assert!(b + 1e-6 >= a, "{a} > {b}");
    }

    #[test]
    fn links_of_valid_params_round_trip(n in 1u32..30, maz: bool, fo in 0u32..600, at in 0u32..3_599, az in 0usize..2) {
        let p = FailureDrillParams {
            tasks: n,
            multi_az: maz,
            failover_s: fo,
            failures: vec![Injected { failure: Failure::Az { az }, at_s: at }],
            ..Default::default()
        };
        common::round_trips(&p)?;
    }
}
