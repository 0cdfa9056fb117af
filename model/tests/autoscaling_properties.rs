//! Invariants of the autoscaling model, over generated loads and policies.

use cloud_lab_model::autoscaling::*;
use cloud_lab_model::link::{LinkState, Query};
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..20_000.0;

/// A custom load of up to 12 points over at most two hours.
fn load_points() -> impl Strategy<Value = Vec<LoadPoint>> {
    prop::collection::vec((0u32..7_200, 0.0..20_000.0f64), 1..12).prop_map(|mut raw| {
        raw.sort_by_key(|(t, _)| *t);
        raw.into_iter()
            .map(|(t_s, edge_per_s)| LoadPoint { t_s, edge_per_s })
            .collect()
    })
}

prop_compose! {
    fn scaling_params()(
        points in load_points(),
        hit in 0.0..=1.0f64,
        capacity in 10.0..300.0f64,
        target in 0.2..0.9f64,
        min in 1u32..6,
        extra in 0u32..20,
        out in 0u32..400,
        in_ in 0u32..900,
        eager in any::<bool>(),
        provisioning in 0u32..200,
        interval in 5u32..=60,
        duration in 60u32..7_200,
        noise in 0.0..0.3f64,
        seed in any::<u64>(),
    ) -> AutoscalingParams {
        AutoscalingParams {
            profile: LoadProfile::Custom,
            custom_points: points,
            cdn_hit_ratio: hit,
            capacity_per_task_per_s: capacity,
            cpu_target: target,
            min_tasks: min,
            max_tasks: min + extra,
            scale_out_cooldown_s: out,
            scale_in_cooldown_s: in_,
            scale_in_rule: if eager { ScaleInRule::Eager } else { ScaleInRule::Conservative },
            provisioning_s: provisioning,
            health_check_interval_s: interval,
            duration_s: duration,
            noise,
            seed,
            ..Default::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn autoscalers_keep_the_count_within_min_and_max(p in scaling_params()) {
        let o = simulate(&p).unwrap();
        for r in o.runs.iter().filter(|r| r.policy != Policy::Fixed) {
            for s in &r.series {
                prop_assert!((p.min_tasks..=p.max_tasks).contains(&s.desired), "{:?}: {s:?}", r.policy);
                prop_assert!(s.in_service <= s.desired, "{:?}: {s:?}", r.policy);
            }
            for e in &r.events {
                prop_assert!((p.min_tasks..=p.max_tasks).contains(&e.to), "{:?}: {e:?}", r.policy);
                prop_assert_ne!(e.from, e.to);
            }
        }
    }

    #[test]
    fn outcomes_are_physical(p in scaling_params()) {
        let o = simulate(&p).unwrap();
        for r in &o.runs {
            prop_assert!(r.dropped_requests >= 0.0);
            prop_assert!(r.dropped_requests <= r.origin_requests * (1.0 + 1e-9) + 1e-6);
            prop_assert!((0.0..=1.0 + 1e-9).contains(&r.dropped_share));
            prop_assert!(r.bad_minutes <= p.duration_s.div_ceil(60));
            prop_assert!(r.task_hours > 0.0 && r.cost_usd >= cloud_lab_model::money::Usd::ZERO);
            for s in &r.series {
                prop_assert!((0.0..=1.0 + 1e-9).contains(&s.cpu), "{s:?}");
                prop_assert!(s.dropped_per_s >= 0.0);
            }
            prop_assert_eq!(r.series.last().map(|s| s.t_s), Some(p.duration_s));
        }
    }

    #[test]
    fn target_tracking_follows_its_documented_gates(p in scaling_params()) {
        let o = simulate(&p).unwrap();
        let r = o.runs.iter().find(|r| r.policy == Policy::TargetTracking).unwrap();
        let datapoints = p.scale_in_rule.datapoints();
        let mut last_out = 0;
        let mut last_in: Option<u32> = None;
        for e in &r.events {
            prop_assert_eq!(e.t_s % 60, 0, "decisions only on datapoints");
            match e.direction {
                Direction::Out => {
                    prop_assert!(e.t_s >= 3 * 60, "3 datapoints before a scale-out");
                    last_out = e.t_s;
                    last_in = None;
                }
                Direction::In => {
                    // Datapoints above target reset the count, so a scale-in needs its
                    // datapoints after the last scale-out (and after the start).
                    prop_assert!(e.t_s >= last_out + datapoints * 60, "{e:?} after out at {last_out}");
                    if let Some(before) = last_in {
                        prop_assert!(e.t_s >= before + p.scale_in_cooldown_s, "{e:?} in cooldown");
                    }
                    last_in = Some(e.t_s);
                }
            }
        }
    }

    #[test]
    fn the_scale_out_cooldown_counts_from_the_scale_out_not_from_the_tasks_serving(
        cooldown_min in 1u32..=5, provisioning_extra in 0u32..600, interval in 5u32..=60,
    ) {
        // A 10× step that keeps the first tasks saturated. While the new tasks are not yet
        // running the metric sees the old ones at 100 %; the second scale-out comes at the
        // first datapoint once the cooldown is over, however long the new tasks take to serve.
        let cooldown_s = cooldown_min * 60;
        let p = AutoscalingParams {
            spike_factor: 10.0,
            scale_out_cooldown_s: cooldown_s,
            provisioning_s: cooldown_s + provisioning_extra,
            health_check_interval_s: interval,
            policies: vec![Policy::TargetTracking],
            ..Default::default()
        };
        let o = simulate(&p).unwrap();
        let outs: Vec<u32> = o.runs[0].events.iter().filter(|e| e.direction == Direction::Out).map(|e| e.t_s).collect();
        prop_assert!(outs.len() >= 2, "{outs:?}");
        prop_assert_eq!(outs[1], outs[0] + cooldown_s, "{:?}", outs);
    }

    #[test]
    fn ecs_cpu_counts_running_tasks_still_waiting_for_their_check(interval in 20u32..=300) {
        // Between running and serving a new task is idle but in ECS's average: the target
        // tracking run's CPU dips below what the tasks in service carry.
        let p = AutoscalingParams {
            health_check_interval_s: interval,
            policies: vec![Policy::TargetTracking],
            ..Default::default()
        };
        let o = simulate(&p).unwrap();
        let r = &o.runs[0];
        let first = r.events[0];
        let running_from = first.t_s + p.provisioning_s;
        let serving_from = running_from + interval;
        // A series point wholly between the two, with the old tasks saturated.
        let step = o.series_step_s;
        let s = r.series.iter().find(|s| s.t_s >= running_from + step && s.t_s <= serving_from && s.desired == first.to);
        prop_assert!(s.is_some(), "no point between {running_from} and {serving_from}");
        if let Some(s) = s {
            let saturated = f64::from(first.from) / f64::from(first.to);
            prop_assert!((s.cpu - saturated).abs() < 1e-9, "{s:?}: {saturated}");
        }
    }

    #[test]
    fn the_hpa_decides_every_15_s_within_its_scale_up_limit(p in scaling_params()) {
        let o = simulate(&p).unwrap();
        let r = o.runs.iter().find(|r| r.policy == Policy::Hpa).unwrap();
        for e in &r.events {
            prop_assert_eq!(e.t_s % 15, 0);
            if e.direction == Direction::Out {
                prop_assert!(e.to <= hpa_scale_up_limit(e.from).max(p.min_tasks), "{e:?}");
            }
        }
    }

    #[test]
    fn one_more_fixed_task_never_drops_more(p in scaling_params(), fixed in 1u32..30) {
        let run = |fixed_tasks| {
            let q = AutoscalingParams { fixed_tasks, policies: vec![Policy::Fixed], ..p.clone() };
            simulate(&q).unwrap().runs[0].dropped_requests
        };
        prop_assert!(run(fixed + 1) <= run(fixed) + 1e-6);
    }

    #[test]
    fn sizing_is_monotone(load in 0.0..9e5f64, more in 0.0..1e5f64, hit in 0.0..=1.0f64, higher_hit in 0.0..=1.0f64) {
        let tasks = |l: f64, h: f64| tasks_needed(l, h, 150.0, 0.6).unwrap();
        prop_assert!(tasks(load + more, hit) >= tasks(load, hit));
        let (lo, hi) = if hit <= higher_hit { (hit, higher_hit) } else { (higher_hit, hit) };
        prop_assert!(tasks(load, hi) <= tasks(load, lo));
        // Capacity × target tasks' worth of load always fits.
        let n = tasks(load, hit);
        prop_assert!(f64::from(n) * 90.0 + 1e-6 >= origin_load_per_s(load, hit));
    }

    #[test]
    fn simulation_is_deterministic(p in scaling_params()) {
        prop_assert_eq!(simulate(&p), simulate(&p));
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        load in any_f64(USUAL), spike in any_f64(USUAL), noise in any_f64(USUAL), hit in any_f64(USUAL),
        capacity in any_f64(USUAL), target in any_f64(USUAL), point_load in any_f64(USUAL),
        min in 0u32..30, max in 0u32..30, fixed in 0u32..30,
        out in any::<u32>(), in_ in any::<u32>(), provisioning in any::<u32>(),
        interval in any::<u32>(),
        start in any::<u32>(), length in any::<u32>(), ramp in any::<u32>(),
        duration in prop_oneof![Just(0u32), Just(u32::MAX), 0u32..4_000],
        profile in prop::sample::select(LoadProfile::ALL.to_vec()),
        policies in prop::collection::vec(prop::sample::select(Policy::ALL.to_vec()), 0..4),
    ) {
        let p = AutoscalingParams {
            profile,
            edge_load_per_s: load,
            spike_factor: spike,
            spike_start_s: start,
            spike_length_s: length,
            ramp_s: ramp,
            custom_points: vec![LoadPoint { t_s: 0, edge_per_s: point_load }],
            noise,
            seed: 3,
            cdn_hit_ratio: hit,
            capacity_per_task_per_s: capacity,
            cpu_target: target,
            min_tasks: min,
            max_tasks: max,
            scale_out_cooldown_s: out,
            scale_in_cooldown_s: in_,
            scale_in_rule: ScaleInRule::Conservative,
            provisioning_s: provisioning,
            health_check_interval_s: interval,
            policies,
            fixed_tasks: fixed,
            duration_s: duration,
        };
        let _ = edge_profile(&p);
        let _ = tasks_needed(load, hit, capacity, target);
        if let Ok(o) = simulate(&p) {
            for r in &o.runs {
                prop_assert!(r.dropped_requests.is_finite());
                prop_assert!(r.task_hours.is_finite());
            }
        }
    }

    #[test]
    fn the_scalers_never_panic_on_any_numbers(
        cpu in any_f64(USUAL), tasks in any_f64(USUAL), target in any_f64(USUAL),
        current in any::<u32>(), ready in any::<u32>(), min in any::<u32>(), max in any::<u32>(),
    ) {
        let mut hpa = Hpa::default();
        let _ = hpa.sync(current, ready, cpu, target, min, max);
        let p = AutoscalingParams { cpu_target: target, min_tasks: min, max_tasks: max, ..Default::default() };
        let mut tracking = TargetTracking::default();
        for minute in 1..=20 {
            let _ = tracking.on_datapoint(&p, minute * 60, Datapoint { cpu, measured_tasks: tasks }, current);
        }
        let _ = ceil_count(tasks);
    }

    #[test]
    fn link_shaped_text_reads_to_valid_params(
        pairs in prop::collection::vec((
            prop::sample::select(vec![
                "prof", "load", "spike", "at", "len", "ramp", "pts", "noise", "seed", "hit", "cap",
                "target", "min", "max", "out", "in", "scalein", "prov", "hi", "pol", "fleet", "dur",
            ]),
            prop_oneof![
                Just("NaN".to_string()),
                Just("custom".to_string()),
                Just("tt,hpa".to_string()),
                Just("0:1e9,10:5".to_string()),
                Just("0:100,50:20000".to_string()),
                (0u32..100_000).prop_map(|x| x.to_string()),
                "-?[0-9]{1,6}(\\.[0-9]{1,3})?",
            ],
        ), 0..8),
    ) {
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (p, _) = AutoscalingParams::from_query(&Query::parse(&text.join("&")));
        let problems = simulate(&p).err();
        prop_assert!(problems.is_none(), "{:?} from {}", problems, text.join("&"));
    }
}

/// proptest's shrunk case from core's worktree, where `sizing_is_monotone` drew loads up to 1 M:
/// 946,409 + 56,623 req/s passes the lab's 1 M req/s limit. Not a model bug — above the limit
/// the sizing answers with a message instead of a count — so the property keeps its loads
/// under the limit, and this case stays as the check of both sides of it.
#[test]
fn sizing_past_the_load_limit_is_a_message_and_below_it_monotone() {
    let (load, more) = (946_409.087_402_512_1, 56_622.773_169_566_81);
    let tasks = |l: f64| tasks_needed(l, 0.0, 150.0, 0.6);
    assert_eq!(tasks(load), Ok(10_516));
    assert_eq!(
        tasks(load + more),
        Err("The load must be between 0 and 1000000 req/s.".to_string())
    );
    assert_eq!(tasks(MAX_LOAD_PER_S), Ok(11_112));
}
