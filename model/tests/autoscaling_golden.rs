//! The worked example's sizing and autoscaling figures (§3, §4, §5) as golden rows, and
//! scenarios worked by hand from the documented target-tracking and HPA rules.

use cloud_lab_model::autoscaling::*;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::money::{Decimal, Usd};
use cloud_lab_model::photoshare::{self, printed};

mod common;

fn tt(events: &[ScaleEvent]) -> Vec<(u32, u32, u32)> {
    events.iter().map(|e| (e.t_s, e.from, e.to)).collect()
}

fn run(o: &AutoscalingOutcome, policy: Policy) -> &PolicyRun {
    o.runs
        .iter()
        .find(|r| r.policy == policy)
        .expect("policy was run")
}

#[test]
fn the_sizing_formula_gives_14_2_and_8_tasks() {
    use photoshare::*;
    // (edge req/s, CDN hit ratio, expected tasks)
    let rows = [
        (EDGE_LOAD_STEADY_PER_S, 0.0, printed::TASKS_WITHOUT_CDN),
        (EDGE_LOAD_STEADY_PER_S, CDN_HIT_RATIO, printed::TASKS_STEADY),
        (EDGE_LOAD_BURST_PER_S, CDN_HIT_RATIO, printed::TASKS_BURST),
    ];
    for (edge, hit, want) in rows {
        let got = tasks_needed(edge, hit, TASK_CAPACITY_PER_S, CPU_TARGET).unwrap();
        assert_eq!(got, want, "{edge} req/s at {hit} hit ratio");
    }
    assert_eq!(printed::TASKS_WITHOUT_CDN, 14);
    assert_eq!(printed::TASKS_STEADY, 2);
    assert_eq!(printed::TASKS_BURST, 8);
    let steady = origin_load_per_s(EDGE_LOAD_STEADY_PER_S, CDN_HIT_RATIO);
    let burst = origin_load_per_s(EDGE_LOAD_BURST_PER_S, CDN_HIT_RATIO);
    assert!(
        (steady - printed::ORIGIN_LOAD_STEADY_PER_S).abs() < 1e-9,
        "{steady}"
    );
    assert!(
        (burst - printed::ORIGIN_LOAD_BURST_PER_S).abs() < 1e-9,
        "{burst}"
    );
}

#[test]
fn sizing_rounds_up_but_not_on_exact_multiples() {
    // (edge, hit, capacity, target, tasks): 90 req/s per task at the target.
    let rows = [
        (900.0, 0.0, 150.0, 0.6, 10),
        (901.0, 0.0, 150.0, 0.6, 11),
        (720.0, 0.0, 150.0, 0.6, 8),
        (0.0, 0.0, 150.0, 0.6, 0),
        (1_000.0, 0.9, 100.0, 0.5, 2),
        (1_000.0, 1.0, 100.0, 0.5, 0),
        (12_000.0, 0.92, 150.0, 0.6, 11), // the goal's 10× spike: 960 req/s at the origin
    ];
    for (edge, hit, cap, target, want) in rows {
        assert_eq!(
            tasks_needed(edge, hit, cap, target),
            Ok(want),
            "{edge} {hit} {cap} {target}"
        );
    }
}

#[test]
fn sizing_rejects_bad_input_with_a_message() {
    assert!(tasks_needed(f64::NAN, 0.92, 150.0, 0.6).is_err());
    assert!(tasks_needed(-1.0, 0.92, 150.0, 0.6).is_err());
    assert!(tasks_needed(1_200.0, 1.5, 150.0, 0.6).is_err());
    assert_eq!(
        tasks_needed(1_200.0, 0.92, 0.0, 0.6),
        Err("A task's capacity must be above 0 req/s.".to_string())
    );
    assert!(tasks_needed(1_200.0, 0.92, 150.0, 0.0).is_err());
}

#[test]
fn a_new_task_takes_traffic_after_the_worked_examples_60_s() {
    // "scale-out in ~60 s" (§5), re-derived: 45 s to a running, registered task (assumed),
    // then ONE passing check (ELB's rule for a new target), a whole 15 s interval later (the
    // lab's reading). Not the healthy threshold: 2 × 15 s is for an unhealthy target recovering.
    let p = AutoscalingParams::default();
    assert_eq!(p.provisioning_s, 45);
    assert_eq!(p.health_check_interval_s, 15);
    assert_eq!(photoshare::HEALTH_CHECK.seconds_to_first_pass(), 15);
    assert_eq!(
        startup_delay_s(p.provisioning_s, p.health_check_interval_s),
        photoshare::autoscaling::SCALE_OUT_S
    );
    let o = simulate(&p).unwrap();
    assert_eq!(o.startup_delay_s, 60);
    assert!(o.startup_agrees);
    // "~60 s" reads as the nearest 10 s: 55–64 s agree, 50 s and 65 s do not.
    for (startup, agrees) in [
        (55, true),
        (64, true),
        (50, false),
        (65, false),
        (75, false),
    ] {
        assert_eq!(startup_agrees(startup), agrees, "{startup} s");
    }
    // A longer interval delays the first check: 45 + 30 = 75 s, no longer "~60 s".
    let slow = simulate(&AutoscalingParams {
        health_check_interval_s: 30,
        ..p
    })
    .unwrap();
    assert_eq!((slow.startup_delay_s, slow.startup_agrees), (75, false));
}

#[test]
fn a_task_hour_costs_the_worked_examples_fargate_rate() {
    // 1 vCPU × 0.0445 + 2 GB × 0.0049 = 0.0543 $/h; 2 tasks × 730 h = 64.97 + 14.31 = 79.28 $.
    assert_eq!(task_hour_usd(), Decimal::lit("0.0543"));
    let month = task_hour_usd()
        .checked_mul(Decimal::whole(2 * 730))
        .unwrap();
    assert_eq!(month.cents(), Some(Usd::lit("79.28")));
}

#[test]
fn the_worked_example_burst_under_target_tracking_overshoots() {
    let o = simulate(&AutoscalingParams::default()).unwrap();
    let r = run(&o, Policy::TargetTracking);
    // Step at 20:00. Datapoints ending 21:00, 22:00, 23:00 are at 100 % → ⌈2 × 1 ÷ 0.6⌉ = 4.
    // The cooldown runs from that scale-out to 24:00; the new tasks run from 23:45 (45 s) and serve
    // from 24:00 (their first check). ECS's metric counts them idle for 15 s: 300 req/s served by
    // 2 × 60 + 2 × 15 task-seconds = 80 %; the cooldown is over, so ⌈4 × 0.8 ÷ 0.6⌉ = 6.
    // 25:00: 4 serve 600 over 4 × 60 + 2 × 15 → 88.9 % → ⌈6 × 0.889 ÷ 0.6⌉ = 9.
    // 26:00: 6 serve 720 over 6 × 60 + 3 × 15 → 71.1 % → ⌈9 × 0.711 ÷ 0.6⌉ = 11, three more
    // than the 8 the burst needs: the lesson of warm-up (WARM_UP_NOTE).
    // 11 tasks at 720 req/s run at 43.6 %: the 15th datapoint below 54 % is 41:00, so scale-in
    // starts during the burst: ⌈11 × 0.436 ÷ 0.6⌉ = 8 kept, half of 3 spare (at least 1) go.
    // Then every 300 s: 10 → 9; the burst ends at 50:00, so 51:00 sees 7.1 % → keep 2, 7 spare,
    // 3 go → 6 → 4 → 3 → 2.
    assert_eq!(
        tt(&r.events),
        [
            (1_380, 2, 4),
            (1_440, 4, 6),
            (1_500, 6, 9),
            (1_560, 9, 11),
            (2_460, 11, 10),
            (2_760, 10, 9),
            (3_060, 9, 6),
            (3_360, 6, 4),
            (3_660, 4, 3),
            (3_960, 3, 2)
        ]
    );
    assert_eq!(o.tasks_for_peak, printed::TASKS_BURST);
    assert_eq!(r.peak_desired, 11);
    assert_eq!(r.overshoot_tasks, Some(3));
    assert_eq!(r.first_scale_out_s, Some(1_200 + 3 * 60));
    // 2 tasks serve 300 of 720 req/s until 24:00, 4 serve 600 until 25:00, then 6 carry it.
    let dropped = 240.0 * 420.0 + 60.0 * 120.0;
    assert!(
        (r.dropped_requests - dropped).abs() < 1e-6,
        "{}",
        r.dropped_requests
    );
    assert_eq!(r.bad_minutes, 5);
    // Task-seconds: 2×1380 + 4×60 + 6×60 + 9×60 + 11×900 + 10×300 + 9×300 + 6×300 + 4×300
    // + 3×300 + 2×3240 = 29,880.
    assert!((r.task_hours - 29_880.0 / 3_600.0).abs() < 1e-9);
    // 29,880 × 0.0543 ÷ 3,600 = $0.45069.
    assert_eq!(r.cost_usd, Usd::lit("0.45"));
    assert_eq!(r.direction_changes, 1);
}

#[test]
fn a_scale_out_cooldown_longer_than_the_start_up_lands_on_8() {
    // 120 s: the cooldown outlasts the 60 s start-up, so each decision after it sees the tasks
    // just added at work. 23:00: 2 → 4 (cooldown to 25:00). 24:00, inside it: the proposal
    // counts the tasks the metric measured, 2.5 × 80 % ÷ 60 % → 4, not larger. 25:00: 4 at
    // 100 % → 7 (cooldown to 27:00). 26:00, inside: 4.75 × 84.2 % → 7. 27:00: 7 at 68.6 % → 8.
    let p = AutoscalingParams {
        scale_out_cooldown_s: 120,
        ..Default::default()
    };
    let o = simulate(&p).unwrap();
    let r = run(&o, Policy::TargetTracking);
    assert_eq!(
        tt(&r.events),
        [
            (1_380, 2, 4),
            (1_500, 4, 7),
            (1_620, 7, 8),
            (3_900, 8, 5),
            (4_200, 5, 4),
            (4_500, 4, 3),
            (4_800, 3, 2)
        ]
    );
    assert_eq!(r.overshoot_tasks, Some(0));
    // It pays for that with a minute more of drops: 4 serve 600 of 720 req/s until 26:00.
    let dropped = 240.0 * 420.0 + 120.0 * 120.0;
    assert!((r.dropped_requests - dropped).abs() < 1e-6);
    assert_eq!(r.bad_minutes, 6);
    assert!((r.task_hours - 30_720.0 / 3_600.0).abs() < 1e-9);
    // 30,720 × 0.0543 ÷ 3,600 = $0.46336.
    assert_eq!(r.cost_usd, Usd::lit("0.46"));
    assert_eq!(Preset::LongerCooldown.params(), p);
}

#[test]
fn the_same_burst_under_the_hpa() {
    let o = simulate(&AutoscalingParams::default()).unwrap();
    let r = run(&o, Policy::Hpa);
    // 20:15: 2 pods at 100 % → 4. Until the new pods are ready (21:15) they count as idle:
    // 2 × 1 ÷ (4 × 0.6) = 0.83 → hold. 21:30: 4 pods at 100 % → 7, ready 22:30.
    // 22:45: 7 pods at 68.6 % (ratio 1.14, outside ±10 %) → 8. The spike ends at 50:00 and
    // the fleet drops to the highest recommendation of the last 300 s at 55:00: 2.
    assert_eq!(
        tt(&r.events),
        [(1_215, 2, 4), (1_290, 4, 7), (1_365, 7, 8), (3_300, 8, 2)]
    );
    // 75 s at 300 of 720 req/s, 75 s at 600.
    let dropped = 75.0 * 420.0 + 75.0 * 120.0;
    assert!(
        (r.dropped_requests - dropped).abs() < 1e-6,
        "{}",
        r.dropped_requests
    );
    assert_eq!(r.bad_minutes, 3);
}

#[test]
fn the_terraform_baseline_of_4_fixed_tasks_drops_a_sixth_of_the_burst() {
    let p = AutoscalingParams {
        policies: vec![Policy::Fixed],
        ..Default::default()
    };
    let o = simulate(&p).unwrap();
    let r = run(&o, Policy::Fixed);
    assert!(r.events.is_empty());
    assert_eq!(r.peak_desired, photoshare::BASELINE_DESIRED_COUNT);
    // 720 − 4 × 150 = 120 req/s dropped for 30 minutes.
    assert!((r.dropped_requests - 120.0 * 1_800.0).abs() < 1e-6);
    assert_eq!(r.bad_minutes, 30);
    assert!((r.task_hours - 8.0).abs() < 1e-12);
    assert!((r.dropped_share - 216_000.0 / r.origin_requests).abs() < 1e-12);
}

#[test]
fn a_10x_step_is_met_about_3_minutes_later() {
    // (spike start, first scale-out): a step on a minute boundary breaches 3 whole datapoints;
    // one half-way through a minute already lifts that minute's average above 60 %.
    for (start, first) in [
        (1_200, 1_380),
        (1_800, 1_980),
        (1_230, 1_380),
        (1_259, 1_440),
    ] {
        let p = AutoscalingParams {
            spike_factor: 10.0,
            spike_start_s: start,
            ..Default::default()
        };
        let o = simulate(&p).unwrap();
        let r = run(&o, Policy::TargetTracking);
        assert_eq!(r.first_scale_out_s, Some(first), "step at {start}");
        assert!((120..=240).contains(&(first - start)));
        assert_eq!(o.tasks_for_peak, 11, "⌈960 ÷ 90⌉");
        // The 60 s cooldown overshoots: 2 → 4 → 6 → 9 → 14 → 15.
        assert_eq!(r.peak_desired, 15);
        assert_eq!(r.overshoot_tasks, Some(4));
        // A 120 s cooldown, longer than the start-up, lands on the 11 the peak needs.
        let longer = simulate(&AutoscalingParams {
            scale_out_cooldown_s: 120,
            ..p
        })
        .unwrap();
        let r = run(&longer, Policy::TargetTracking);
        assert_eq!(r.first_scale_out_s, Some(first), "step at {start}");
        assert_eq!(r.peak_desired, 11);
    }
}

#[test]
fn no_scale_in_before_15_minutes_below_target() {
    // (spike end, first scale-in): the 15th one-minute datapoint below 54 %. A minute the load
    // drops in already averages below it (at 3,030: half a minute at 720 and half at 96 req/s
    // on 8 tasks is 34 %), so the scale-in comes 14–15 minutes after the drop, never sooner.
    // A 120 s scale-out cooldown keeps the fleet at the 8 the burst needs (no overshoot to
    // scale in from while the burst lasts).
    for (end, want) in [
        (2_400, 3_300),
        (3_000, 3_900),
        (3_030, 3_900),
        (4_000, 4_860),
    ] {
        let p = AutoscalingParams {
            spike_length_s: end - 1_200,
            duration_s: 3 * 3_600,
            scale_out_cooldown_s: 120,
            ..Default::default()
        };
        let r = run(&simulate(&p).unwrap(), Policy::TargetTracking).clone();
        assert_eq!(r.first_scale_in_s, Some(want), "spike ending {end}");
        assert!(want >= end + 14 * 60);
    }
}

#[test]
fn with_short_cooldowns_and_an_eager_scale_in_the_fleet_flaps() {
    let flapping = Preset::Flapping.params();
    let r = run(&simulate(&flapping).unwrap(), Policy::TargetTracking).clone();
    assert!(r.direction_changes >= 10, "{}", r.direction_changes);
    let worked = AutoscalingParams {
        scale_out_cooldown_s: photoshare::SCALE_OUT_COOLDOWN_S,
        scale_in_cooldown_s: photoshare::SCALE_IN_COOLDOWN_S,
        scale_in_rule: ScaleInRule::Conservative,
        ..flapping
    };
    let steady = run(&simulate(&worked).unwrap(), Policy::TargetTracking).clone();
    assert_eq!(steady.direction_changes, 0);
    assert!(steady.events.is_empty(), "{:?}", steady.events);
    // Holding still costs more task-hours, and neither drops a request.
    assert!(steady.task_hours > r.task_hours);
    assert_eq!((r.dropped_requests, steady.dropped_requests), (0.0, 0.0));
}

fn params(rule: ScaleInRule) -> AutoscalingParams {
    AutoscalingParams {
        scale_in_rule: rule,
        ..Default::default()
    }
}

fn point(cpu: f64, measured_tasks: f64) -> Datapoint {
    Datapoint {
        cpu,
        measured_tasks,
    }
}

#[test]
fn target_tracking_by_hand() {
    let p = params(ScaleInRule::Conservative);
    let mut s = TargetTracking::default();
    // Two datapoints above target are not enough; the third is.
    assert_eq!(s.on_datapoint(&p, 60, point(0.7, 2.0), 2), 2);
    assert_eq!(s.on_datapoint(&p, 120, point(0.7, 2.0), 2), 2);
    assert_eq!(
        s.on_datapoint(&p, 180, point(0.7, 2.0), 2),
        3,
        "⌈2 × 0.7 ÷ 0.6⌉"
    );
    // The cooldown counts from that scale-out, 180 + 60 s = 240, however long the new task
    // takes to serve. Inside it the capacity just added counts: the proposal is worked out on
    // the 2 tasks the metric measured. 80 % → ⌈2.67⌉ = 3 is not larger, so nothing; 100 % →
    // ⌈3.33⌉ = 4 is larger and goes ahead (and starts a new cooldown, to 290).
    let mut inside = s.clone();
    assert_eq!(inside.on_datapoint(&p, 230, point(0.8, 2.0), 3), 3);
    assert_eq!(inside.on_datapoint(&p, 230, point(1.0, 2.0), 3), 4);
    assert_eq!(inside.on_datapoint(&p, 280, point(0.8, 2.0), 4), 4);
    // At 240 it is over, even though the new task may not serve yet: the scaler multiplies
    // the desired count by the CPU the metric saw.
    assert_eq!(
        s.on_datapoint(&p, 240, point(0.8, 2.0), 3),
        4,
        "⌈3 × 0.8 ÷ 0.6⌉"
    );
    assert_eq!(
        s.on_datapoint(&p, 300, point(0.8, 4.0), 4),
        6,
        "⌈4 × 0.8 ÷ 0.6⌉"
    );
    // Never above the maximum.
    assert_eq!(s.on_datapoint(&p, 600, point(1.0, 15.0), 15), 20);
}

#[test]
fn conservative_scale_in_by_hand() {
    let p = params(ScaleInRule::Conservative);
    let mut s = TargetTracking::default();
    // 10 tasks at 30 %: 55 % would count as "below" only under 54 %, so it resets the count.
    for minute in 1..=14 {
        assert_eq!(s.on_datapoint(&p, minute * 60, point(0.3, 10.0), 10), 10);
    }
    assert_eq!(s.on_datapoint(&p, 15 * 60, point(0.55, 10.0), 10), 10);
    for minute in 16..=29 {
        assert_eq!(s.on_datapoint(&p, minute * 60, point(0.3, 10.0), 10), 10);
    }
    // 15th in a row: ⌈10 × 0.3 ÷ 0.6⌉ = 5 needed, 5 spare, half rounded down = 2 go.
    assert_eq!(s.on_datapoint(&p, 30 * 60, point(0.3, 10.0), 10), 8);
    // Scale-in cooldown: 300 s.
    assert_eq!(s.on_datapoint(&p, 31 * 60, point(0.3, 8.0), 8), 8);
    // ⌈8 × 0.375 ÷ 0.6⌉ = 5 needed, 3 spare, half rounded down = 1 goes.
    assert_eq!(s.on_datapoint(&p, 35 * 60, point(0.375, 8.0), 8), 7);
    // One spare task: it still goes (at least one), after the cooldown.
    assert_eq!(
        s.on_datapoint(&p, 40 * 60, point(0.5, 7.0), 7),
        6,
        "⌈7 × 0.5 ÷ 0.6⌉ = 6"
    );
}

#[test]
fn a_scale_out_ends_the_scale_in_cooldown() {
    let p = AutoscalingParams {
        scale_in_cooldown_s: 900,
        ..params(ScaleInRule::Eager)
    };
    let mut s = TargetTracking::default();
    for minute in 1..=2 {
        s.on_datapoint(&p, minute * 60, point(0.3, 10.0), 10);
    }
    assert_eq!(
        s.on_datapoint(&p, 180, point(0.3, 10.0), 10),
        5,
        "eager: every spare task"
    );
    for minute in 4..=5 {
        assert_eq!(s.on_datapoint(&p, minute * 60, point(0.9, 5.0), 5), 5);
    }
    assert_eq!(
        s.on_datapoint(&p, 360, point(0.9, 5.0), 5),
        8,
        "⌈5 × 0.9 ÷ 0.6⌉"
    );
    // Without the scale-out, scale-in would be blocked until 180 + 900 s.
    for minute in 7..=8 {
        assert_eq!(s.on_datapoint(&p, minute * 60, point(0.3, 8.0), 8), 8);
    }
    assert_eq!(s.on_datapoint(&p, 540, point(0.3, 8.0), 8), 4);
}

#[test]
fn hpa_cases_worked_by_hand() {
    // (current, ready, cpu, target, recommendation)
    let rows = [
        (4, 4, 0.90, 0.60, 6),  // 4 × 1.5
        (4, 4, 0.63, 0.60, 4),  // ratio 1.05: within ±10 %
        (4, 4, 0.55, 0.60, 4),  // ratio 0.92: within ±10 %
        (4, 4, 0.30, 0.60, 2),  // 4 × 0.5
        (2, 2, 6.00, 0.60, 20), // 2 × 10, before the rate limit
        (4, 2, 1.00, 0.60, 4),  // 2 starting pods count as idle: 2 ÷ (4 × 0.6) = 0.83 → hold
        (4, 3, 1.00, 0.60, 5),  // 3 ÷ (4 × 0.6) = 1.25 → ⌈3 × 1.67⌉
        (8, 4, 0.30, 0.60, 2),  // scaling down, starting pods are left out: ⌈4 × 0.5⌉
    ];
    for (current, ready, cpu, target, want) in rows {
        assert_eq!(
            hpa_recommendation(current, ready, cpu, target),
            want,
            "{current} {ready} {cpu}"
        );
    }
    assert_eq!(hpa_scale_up_limit(2), 6, "max(2 × 2, 2 + 4)");
    assert_eq!(hpa_scale_up_limit(10), 20, "max(2 × 10, 10 + 4)");
    let mut hpa = Hpa::default();
    assert_eq!(
        hpa.sync(2, 2, 6.0, 0.6, 1, 100),
        6,
        "20 asked, 6 allowed per 15 s"
    );
}

#[test]
fn hpa_scales_down_to_the_highest_recommendation_of_the_last_300_s() {
    let mut hpa = Hpa::default();
    let mut current = 10;
    // Sync 1: at target → 10. Sync 2: 48 % → 8. Syncs 3…: 30 % → half the pods.
    let cpu = |sync: u32| match sync {
        1 => 0.6,
        2 => 0.48,
        _ => 0.3,
    };
    let mut counts = Vec::new();
    for sync in 1..=23 {
        current = hpa.sync(current, current, cpu(sync), 0.6, 2, 20);
        counts.push(current);
    }
    // The 10 of sync 1 holds for 20 syncs (300 s); then the 8 of sync 2 for one more; then 5,
    // the highest of the remaining window (the 4s recommended at 8 pods are lower).
    assert_eq!(&counts[..20], [10; 20]);
    assert_eq!(counts[20], 8);
    assert_eq!(counts[21], 5);
    assert_eq!(counts[22], 5);
}

#[test]
fn the_diurnal_day_needs_no_drops_and_fewer_task_hours_than_a_fleet_for_the_peak() {
    let mut p = Preset::DiurnalDay.params();
    p.fixed_tasks = 8;
    let o = simulate(&p).unwrap();
    assert_eq!(o.series_step_s, 60);
    let tracking = run(&o, Policy::TargetTracking);
    let fixed = run(&o, Policy::Fixed);
    assert_eq!(tracking.dropped_requests, 0.0);
    assert_eq!(fixed.dropped_requests, 0.0);
    assert_eq!(fixed.task_hours, 192.0);
    assert!(
        tracking.task_hours < 0.7 * fixed.task_hours,
        "{}",
        tracking.task_hours
    );
    assert_eq!(tracking.peak_desired, 8);
    // The trough at 04:00 is the base load; the peak at 16:00 is 7.5 × it.
    let at = |t: u32| {
        o.edge_profile
            .iter()
            .find(|pt| pt.t_s == t)
            .unwrap()
            .edge_per_s
    };
    assert!((at(4 * 3_600) - 1_200.0).abs() < 1e-9);
    assert!((at(16 * 3_600) - 9_000.0).abs() < 1e-9);
}

#[test]
fn series_cover_the_run_at_the_documented_resolution() {
    let o = simulate(&AutoscalingParams::default()).unwrap();
    assert_eq!(o.series_step_s, 10);
    for r in &o.runs {
        assert_eq!(r.series.len(), 721);
        assert_eq!(r.series[0].t_s, 0);
        assert_eq!(r.series[720].t_s, 7_200);
        assert!(r.series.windows(2).all(|w| w[1].t_s - w[0].t_s == 10));
    }
    // The starting state: 1,200 at the edge, 96 at the origin, 2 tasks at 32 %.
    let first = o.runs[0].series[0];
    assert_eq!((first.desired, first.in_service), (2, 2));
    assert!((first.origin_per_s - 96.0).abs() < 1e-9);
    assert!((first.cpu - 0.32).abs() < 1e-9);
    // An odd duration ends with a short interval.
    let p = AutoscalingParams {
        duration_s: 125,
        ..Default::default()
    };
    let o = simulate(&p).unwrap();
    let ts: Vec<u32> = o.runs[0].series.iter().map(|s| s.t_s).collect();
    assert_eq!(ts.len(), 14);
    assert_eq!(ts[12..], [120, 125]);
}

#[test]
fn noise_is_repeatable_for_a_seed() {
    let p = AutoscalingParams {
        noise: 0.2,
        seed: 42,
        ..Default::default()
    };
    assert_eq!(simulate(&p).unwrap(), simulate(&p).unwrap());
    let other = AutoscalingParams {
        seed: 43,
        ..p.clone()
    };
    assert_ne!(
        simulate(&p).unwrap().runs[0].series,
        simulate(&other).unwrap().runs[0].series
    );
}

#[test]
fn invalid_params_give_messages_not_a_panic() {
    let p = AutoscalingParams {
        capacity_per_task_per_s: 0.0,
        min_tasks: 5,
        max_tasks: 3,
        edge_load_per_s: -1.0,
        cdn_hit_ratio: f64::NAN,
        policies: vec![],
        ..Default::default()
    };
    let problems = simulate(&p).unwrap_err();
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert!(problems.contains(&"The minimum (5) must not be above the maximum (3).".to_string()));
    assert!(problems.contains(&"A task's capacity must be above 0 req/s.".to_string()));
    let custom = AutoscalingParams {
        profile: LoadProfile::Custom,
        custom_points: vec![
            LoadPoint {
                t_s: 600,
                edge_per_s: 1.0,
            },
            LoadPoint {
                t_s: 0,
                edge_per_s: 1.0,
            },
        ],
        ..Default::default()
    };
    assert_eq!(
        simulate(&custom).unwrap_err(),
        ["Custom profile: point 2 comes before the point above it."]
    );
}

#[test]
fn links_round_trip_and_the_default_is_an_empty_query() {
    assert_eq!(AutoscalingParams::default().to_query(), "");
    let p = AutoscalingParams {
        profile: LoadProfile::Custom,
        edge_load_per_s: 1_000.0,
        spike_factor: 10.0,
        spike_start_s: 600,
        spike_length_s: 900,
        ramp_s: 120,
        custom_points: vec![
            LoadPoint {
                t_s: 0,
                edge_per_s: 1_200.0,
            },
            LoadPoint {
                t_s: 600,
                edge_per_s: 9_000.5,
            },
        ],
        noise: 0.05,
        seed: 7,
        cdn_hit_ratio: 0.8,
        capacity_per_task_per_s: 200.0,
        cpu_target: 0.5,
        min_tasks: 1,
        max_tasks: 50,
        scale_out_cooldown_s: 30,
        scale_in_cooldown_s: 60,
        scale_in_rule: ScaleInRule::Eager,
        provisioning_s: 40,
        health_check_interval_s: 10,
        policies: vec![Policy::Hpa, Policy::TargetTracking],
        fixed_tasks: 6,
        duration_s: 86_400,
    };
    common::assert_link(&p, "load=1000&spike=10&noise=5&hit=80&cap=200&target=50&prof=custom&at=600&len=900&ramp=120&min=1&max=50&out=30&in=60&prov=40&hi=10&fleet=6&dur=86400&seed=7&scalein=eager&pol=hpa%2Ctt&pts=0%3A1200%2C600%3A9000.5");
    for preset in Preset::ALL {
        let p = preset.params();
        common::assert_round_trip(&p);
    }
}

#[test]
fn a_bad_link_keeps_the_defaults_and_says_what_it_ignored() {
    // The table's order, then the clash of the two limits, then keys of no demo.
    let ignored = common::assert_bad_link::<AutoscalingParams>(
        "prof=zigzag&cap=0&hit=NaN&min=30&max=20&pol=tt,tt&pts=0:1,5:x&dur=10&seed=-1&zzz=1&cloud=azure",
        &["hit", "cap", "prof", "dur", "seed", "pol", "pts", "min", "zzz"],
    );
    assert_eq!(
        ignored[6].reason,
        "point 2: expected seconds:req/s, as 600:9000"
    );
    assert_eq!(ignored[7].reason, "above the maximum of 20 tasks");
    // One limit alone moves the other: every value within a field's range reads.
    let (p, ignored) = AutoscalingParams::from_query(&Query::parse("max=1"));
    assert_eq!((p.min_tasks, p.max_tasks), (1, 1));
    assert!(ignored.is_empty());
    let (p, _) = AutoscalingParams::from_query(&Query::parse("min=30"));
    assert_eq!((p.min_tasks, p.max_tasks), (30, 30));
}

#[test]
fn the_page_compares_target_tracking_with_the_hpa_by_default() {
    let o = simulate(&AutoscalingParams::default()).unwrap();
    let policies: Vec<Policy> = o.runs.iter().map(|r| r.policy).collect();
    assert_eq!(policies, [Policy::TargetTracking, Policy::Hpa]);
    assert_eq!(o.spike_start_s, Some(1_200));
    // First scale-outs: 3 minutes and 15 s after the step.
    assert_eq!(run(&o, Policy::TargetTracking).reaction_s, Some(180));
    assert_eq!(run(&o, Policy::Hpa).reaction_s, Some(15));
    let diurnal = simulate(&Preset::DiurnalDay.params()).unwrap();
    assert_eq!(diurnal.spike_start_s, None);
    assert!(diurnal.runs.iter().all(|r| r.reaction_s.is_none()));
}

#[test]
fn the_sizing_panel_gives_14_2_and_8_for_the_worked_example() {
    let s = sizing(&AutoscalingParams::default()).unwrap();
    let rows = [
        (s.without_cdn, 1_200.0, 1_200.0, printed::TASKS_WITHOUT_CDN),
        (
            s.steady,
            1_200.0,
            printed::ORIGIN_LOAD_STEADY_PER_S,
            printed::TASKS_STEADY,
        ),
        (
            s.burst,
            9_000.0,
            printed::ORIGIN_LOAD_BURST_PER_S,
            printed::TASKS_BURST,
        ),
    ];
    for (row, edge, origin, tasks) in rows {
        assert_eq!(row.edge_per_s, edge);
        assert!((row.origin_per_s - origin).abs() < 1e-9, "{row:?}");
        assert_eq!(row.tasks, tasks, "{row:?}");
    }
    // (capacity, target, hit ratio, tasks without CDN, steady, burst)
    let live = [
        (300.0, 0.6, 0.92, 7, 1, 4),
        (150.0, 0.8, 0.92, 10, 1, 6),
        (150.0, 0.6, 0.5, 14, 7, 50),
    ];
    for (cap, target, hit, a, b, c) in live {
        let p = AutoscalingParams {
            capacity_per_task_per_s: cap,
            cpu_target: target,
            cdn_hit_ratio: hit,
            ..Default::default()
        };
        let s = sizing(&p).unwrap();
        assert_eq!(
            (s.without_cdn.tasks, s.steady.tasks, s.burst.tasks),
            (a, b, c),
            "{cap} {target} {hit}"
        );
    }
    let zero = AutoscalingParams {
        capacity_per_task_per_s: 0.0,
        ..Default::default()
    };
    assert_eq!(
        sizing(&zero),
        Err("A task's capacity must be above 0 req/s.".to_string())
    );
    let nan = AutoscalingParams {
        spike_factor: f64::NAN,
        ..Default::default()
    };
    assert!(sizing(&nan).is_err());
}

#[test]
fn each_policy_has_its_band_of_no_action() {
    let p = AutoscalingParams::default();
    let close = |a: Option<(f64, f64)>, b: (f64, f64)| {
        let a = a.unwrap();
        (a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12
    };
    assert!(close(cpu_band(&p, Policy::TargetTracking), (0.54, 0.60)));
    assert!(close(cpu_band(&p, Policy::Hpa), (0.54, 0.66)));
    assert_eq!(cpu_band(&p, Policy::Fixed), None);
    let eager = AutoscalingParams {
        scale_in_rule: ScaleInRule::Eager,
        ..p
    };
    assert!(close(
        cpu_band(&eager, Policy::TargetTracking),
        (0.60, 0.60)
    ));
}

#[test]
fn the_page_notes_that_the_burst_is_7_5x_not_10x() {
    // The worked example's goal says "10×", its figures 1,200 → 9,000 req/s: a careful reader's
    // note keeps the printed figures and says so, with its source.
    let factor = photoshare::EDGE_LOAD_BURST_PER_S / photoshare::EDGE_LOAD_STEADY_PER_S;
    assert_eq!(factor, 7.5);
    assert_eq!(AutoscalingParams::default().spike_factor, factor);
    assert!(BURST_NOTE.contains("7.5× burst"), "{BURST_NOTE}");
    assert!(BURST_NOTE.contains("10×"));
    assert!(BURST_NOTE_SOURCE.contains("10× traffic spike"));
    // Every mechanism cites its provider's documentation: AWS's, and Kubernetes' for the HPA.
    for d in DOCUMENTED {
        assert!(
            d.url.starts_with("https://docs.aws.amazon.com/")
                || d.url.starts_with("https://kubernetes.io/docs/"),
            "{d:?}"
        );
    }
    let cooldown = DOCUMENTED
        .iter()
        .find(|d| d.source.contains("ScaleOutCooldown"));
    assert!(cooldown.is_some_and(|d| d.says.contains("starts once a scale-out succeeds")));
}
