//! Invariants of the rolling deploy, over generated inputs.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::photoshare::HealthCheck;
use cloud_lab_model::rolling_deploy::*;
use proptest::prelude::*;

mod common;

fn valid_params() -> impl Strategy<Value = RollingDeployParams> {
    (
        1u32..=12,
        0u32..=100,
        100u32..=200,
        (5u32..=30, 2u32..=4, 2u32..=4, 0u32..=28),
        0u32..=60,
        0u32..=400,
        any::<bool>(),
        any::<bool>(),
        300u32..=900,
    )
        .prop_map(
            |(n, minh, maxp, (interval, ht, ut, spare), start, drain, bad, cb, dur)| {
                RollingDeployParams {
                    desired_count: n,
                    min_healthy_percent: minh,
                    max_percent: maxp,
                    health_check: HealthCheck {
                        interval_s: interval,
                        // 2 s up to one less than the interval.
                        timeout_s: 2 + spare % (interval - 2),
                        healthy_threshold: ht,
                        unhealthy_threshold: ut,
                    },
                    task_start_s: start,
                    deregistration_delay_s: drain,
                    build: if bad { NewBuild::Bad } else { NewBuild::Good },
                    circuit_breaker: cb,
                    az_loss: None,
                    duration_s: dur,
                }
            },
        )
        .prop_filter("ECS needs room to replace a task", |p| {
            p.max_running_tasks() > p.min_healthy_tasks()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_floor_and_the_ceiling_hold_in_every_second(p in valid_params()) {
        let o = simulate(&p).unwrap();
        prop_assert_eq!(o.samples.len() as u32, p.duration_s + 1);
        for s in &o.samples {
            prop_assert!(s.old_serving + s.new_serving >= p.min_healthy_tasks(), "{s:?}");
            prop_assert!(s.running <= p.max_running_tasks(), "{s:?}");
        }
    }

    #[test]
    fn a_bad_build_never_serves_a_user(p in valid_params()) {
        let p = RollingDeployParams { build: NewBuild::Bad, ..p };
        let o = simulate(&p).unwrap();
        prop_assert_eq!(o.new_task_seconds, 0);
        prop_assert!(o.tracks.iter().all(|t| t.version == Version::Old || t.healthy_s.is_none()));
        let completed = matches!(o.result, DeployResult::Completed { .. });
        prop_assert!(!completed, "a bad build cannot complete");
    }

    #[test]
    fn a_good_build_with_time_enough_completes(p in valid_params()) {
        // Each round replaces at least one task: start, pass the checks, drain the one it replaces.
        let round_s = p.task_start_s + p.health_check.seconds_to_first_pass() + p.deregistration_delay_s + 2;
        let needed_s = p.desired_count * round_s;
        prop_assume!(needed_s <= MAX_DURATION_S);
        let p = RollingDeployParams { build: NewBuild::Good, duration_s: needed_s.max(MIN_DURATION_S), ..p };
        let o = simulate(&p).unwrap();
        let completed = matches!(o.result, DeployResult::Completed { .. });
        prop_assert!(completed, "{:?}", o.result);
        let last = o.samples.last().unwrap();
        prop_assert_eq!((last.old_serving, last.new_serving), (0, p.desired_count));
    }

    #[test]
    fn a_new_task_takes_traffic_one_interval_after_it_registers(p in valid_params()) {
        // One passing check, whatever the healthy threshold: that is for recovering targets.
        let p = RollingDeployParams { build: NewBuild::Good, ..p };
        let o = simulate(&p).unwrap();
        for t in o.tracks.iter().filter(|t| t.version == Version::New) {
            if let (Some(r), Some(h)) = (t.registered_s, t.healthy_s) {
                prop_assert_eq!(h, r + p.health_check.interval_s, "{:?}", t);
            }
        }
        prop_assert_eq!(o.startup_s, p.task_start_s + p.health_check.interval_s);
    }

    #[test]
    fn a_lost_task_is_taken_out_within_the_documented_bounds(p in valid_params(), at_s in 0u32..=300, az in 0usize..2) {
        // Every failed check ends at the timeout: from (unhealthy − 1) × interval + timeout to
        // unhealthy × interval + timeout after the task stops answering.
        let p = RollingDeployParams { az_loss: Some(AzLoss { az, at_s }), duration_s: 900, ..p };
        let o = simulate(&p).unwrap();
        let (fastest, slowest) = p.health_check.detection_range_s();
        prop_assert_eq!(fastest, (p.health_check.unhealthy_threshold - 1) * p.health_check.interval_s + p.health_check.timeout_s);
        prop_assert_eq!(slowest, fastest + p.health_check.interval_s);
        for t in o.tracks.iter().filter(|t| t.lost_s.is_some() && t.healthy_s.is_some()) {
            if let Some(stopped) = t.stopped_s {
                let after = stopped - at_s;
                prop_assert!((fastest..=slowest).contains(&after), "{after} s: {t:?}");
            }
        }
    }

    #[test]
    fn losing_one_az_keeps_half_an_even_fleet(half in 1u32..=6, at_s in 0u32..=600, az in 0usize..2, bad in any::<bool>()) {
        let p = RollingDeployParams {
            desired_count: 2 * half,
            build: if bad { NewBuild::Bad } else { NewBuild::Good },
            az_loss: Some(AzLoss { az, at_s }),
            ..Default::default()
        };
        let o = simulate(&p).unwrap();
        for s in &o.samples {
            prop_assert!(s.capacity >= 0.5, "{s:?}");
        }
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        n in 0u32..80, minh in 0u32..300, maxp in 0u32..400,
        hc in (0u32..400, 0u32..200, 0u32..20, 0u32..20),
        start in 0u32..2_000, drain in 0u32..5_000, dur in 0u32..4_000,
        loss in proptest::option::of((0usize..4, 0u32..5_000)), bad in any::<bool>(), cb in any::<bool>(),
    ) {
        let p = RollingDeployParams {
            desired_count: n,
            min_healthy_percent: minh,
            max_percent: maxp,
            health_check: HealthCheck { interval_s: hc.0, timeout_s: hc.1, healthy_threshold: hc.2, unhealthy_threshold: hc.3 },
            task_start_s: start,
            deregistration_delay_s: drain,
            build: if bad { NewBuild::Bad } else { NewBuild::Good },
            circuit_breaker: cb,
            az_loss: loss.map(|(az, at_s)| AzLoss { az, at_s }),
            duration_s: dur,
        };
        if let Ok(o) = simulate(&p) {
            prop_assert!(o.tracks.len() <= MAX_TASKS_LAUNCHED);
            prop_assert!(o.samples.iter().all(|s| s.capacity.is_finite() && s.failing_requests.is_finite()));
        }
    }

    #[test]
    fn any_link_of_known_keys_gives_valid_params(
        values in prop::collection::vec((prop::sample::select(vec!["n", "minh", "maxp", "hi", "ht", "ut", "hto", "start", "drain", "dur", "lose", "az", "new", "cb"]), "[0-9ab]{0,4}"), 0..10)
    ) {
        let text = common::link_text(&values);
        let (p, _) = RollingDeployParams::from_query(&Query::parse(&text));
        prop_assert!(simulate(&p).is_ok(), "{text} gave {p:?}");
        common::round_trips(&p)?;
    }
}
