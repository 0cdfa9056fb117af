//! Failure drills worked by hand: detection, failover and the error budget they spend (§1, §3).

use cloud_lab_model::availability::DeployPolicy;
use cloud_lab_model::failure_drill::*;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::photoshare::printed;

mod common;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn drill(failures: Vec<Injected>) -> FailureDrillOutcome {
    simulate(&FailureDrillParams {
        failures,
        ..Default::default()
    })
    .unwrap()
}

fn at(failure: Failure, at_s: u32) -> Injected {
    Injected { failure, at_s }
}

#[test]
fn the_default_drill_is_photoshares_steady_state() {
    let p = FailureDrillParams::default();
    assert_eq!(p.tasks, printed::TASKS_STEADY);
    assert_eq!(p.edge_load_per_s, 1_200.0);
    let o = simulate(&p).unwrap();
    assert!(close(
        o.origin_per_s,
        printed::ORIGIN_LOAD_STEADY_PER_S,
        1e-9
    ));
    // Each failed check ends at the 5 s timeout: (3 − 1) × 15 + 5 = 35 s to 3 × 15 + 5 = 50 s.
    assert_eq!(o.detection_range_s, (35, 50));
    // 45 s to start, then one passing check a 15 s interval later.
    assert_eq!(o.startup_delay_s, 60);
    assert!(close(o.budget_min, printed::ERROR_BUDGET_MINUTES, 1e-9));
    // One task alone carries 96 req/s (capacity 150 at 100 % CPU).
    assert!(o.survives_az_loss_capacity);
    assert_eq!(o.samples.len(), 720);
    assert_eq!(o.samples[0].healthy_per_az, [1, 1]);
}

#[test]
fn one_task_of_two_fails() {
    // The task's checks run at 15, 30, … s: the one at 600 s is the first to fail, and the
    // third ends at 630 + 5 s. 35 s with half the requests routed to the dead task: 17.5 s →
    // 0.2917 min → 0.675 %.
    let o = drill(vec![at(Failure::Task { az: 0 }, 600)]);
    assert!(
        close(o.degraded_min, 17.5 / 60.0, 1e-9),
        "{}",
        o.degraded_min
    );
    assert!(close(o.consumed * 100.0, 0.675, 5e-4), "{}", o.consumed);
    assert!(close(o.left_min, 43.2 - 17.5 / 60.0, 1e-9));
    assert!(close(o.affected_min, 35.0 / 60.0, 1e-9));
    assert!(close(o.peak_failing_share, 0.5, 1e-12));
    assert!(
        close(o.lowest_capacity_per_s, 150.0, 1e-12),
        "one task answers"
    );
    assert!(close(o.failed_requests, 35.0 * 48.0, 1e-6));
    // Taken out at 635 s, replaced at once, serving 60 s later.
    assert_eq!(o.back_to_normal_s, Some(695));
    assert!(o.slo_holds);
    assert_eq!(o.policy, DeployPolicy::Ship);
    let s = |t: u32| o.samples[(t / SAMPLE_STEP_S) as usize];
    assert_eq!(s(600).healthy_per_az, [0, 1]);
    assert_eq!(s(600).dead_in_rotation, 1);
    assert!(close(s(600).failing_share, 0.5, 1e-12));
    assert_eq!(s(630).dead_in_rotation, 1);
    assert_eq!(s(635).dead_in_rotation, 0);
    assert_eq!(s(635).starting, 1);
    assert!(close(s(635).failing_share, 0.0, 1e-12));
    assert_eq!(s(690).healthy_per_az, [0, 1]);
    assert_eq!(s(695).healthy_per_az, [1, 1], "the spread refills AZ a");
    assert_eq!(o.sample_at(647).map(|x| x.t_s), Some(645));
    assert_eq!(o.sample_at(99_999).map(|x| x.t_s), Some(3_595));
}

#[test]
fn a_database_failover_is_two_minutes_of_full_outage() {
    // 120 s of no queries ⇒ 2 min ⇒ 4.63 % of 43.2 min.
    let o = drill(vec![at(Failure::Database, 600)]);
    assert!(close(o.degraded_min, 2.0, 1e-9));
    assert!(close(o.consumed * 100.0, 4.63, 5e-3));
    assert_eq!(o.back_to_normal_s, Some(720));
    let s = o.samples[(700 / SAMPLE_STEP_S) as usize];
    assert_eq!(s.db, DbState::FailingOver { to_az: 1 });
    assert_eq!(
        o.samples.last().unwrap().db,
        DbState::Up {
            primary_az: 1,
            standby: false
        }
    );
    // 60 s, the fast end of RDS's range, halves it.
    let fast = simulate(&FailureDrillParams {
        failover_s: 60,
        ..Preset::DatabaseFailover.params()
    })
    .unwrap();
    assert!(close(fast.degraded_min, 1.0, 1e-9));
}

#[test]
fn detection_depends_on_where_in_its_check_cycle_a_task_dies() {
    // Checks at 600, 615, …: dying at 600 s is caught by the check starting then (35 s); dying
    // at 601 s waits for the one at 615 (49 s). Between them the whole documented range.
    for (dies_s, out_after_s) in [
        (600, 35),
        (601, 49),
        (605, 45),
        (610, 40),
        (614, 36),
        (615, 35),
    ] {
        let o = drill(vec![at(Failure::Task { az: 0 }, dies_s)]);
        assert!(
            close(o.degraded_min, f64::from(out_after_s) * 0.5 / 60.0, 1e-9),
            "dies at {dies_s}: {}",
            o.degraded_min
        );
        let (fastest, slowest) = o.detection_range_s;
        assert!((fastest..slowest).contains(&out_after_s));
    }
    // A longer timeout makes each failed check, and so the detection, end later: 35 → 38 s.
    let o = simulate(&FailureDrillParams {
        health_check: cloud_lab_model::photoshare::HealthCheck {
            timeout_s: 8,
            ..cloud_lab_model::photoshare::HEALTH_CHECK
        },
        ..Default::default()
    })
    .unwrap();
    assert!(close(o.degraded_min, 38.0 * 0.5 / 60.0, 1e-9));
    assert_eq!(o.detection_range_s, (38, 53));
}

#[test]
fn losing_the_standby_side_az_costs_only_detection() {
    // AZ b: its task is dead for 35 s (50 % of requests), the standby is lost, the primary carries on.
    let o = Preset::AzLossStandbySide.params();
    let o = simulate(&o).unwrap();
    assert!(close(o.degraded_min, 17.5 / 60.0, 1e-9));
    assert_eq!(o.back_to_normal_s, Some(695));
    let end = o.samples.last().unwrap();
    assert_eq!(
        end.healthy_per_az,
        [2, 0],
        "the replacement goes to the live AZ"
    );
    assert_eq!(
        end.db,
        DbState::Up {
            primary_az: 0,
            standby: false
        }
    );
}

#[test]
fn losing_the_primary_side_az_fails_over_the_database_too() {
    // AZ a: the task's 35 s at 50 % overlap the database's 120 s at 100 % ⇒ 2 min.
    let o = simulate(&Preset::AzLossPrimarySide.params()).unwrap();
    assert!(close(o.degraded_min, 2.0, 1e-9));
    assert!(close(o.consumed * 100.0, 4.63, 5e-3));
    assert!(o.slo_holds);
}

#[test]
fn a_single_az_database_is_down_until_restored() {
    // 30 min at 100 % ⇒ 30 / 43.2 = 69.4 %: one incident, and risky deploys freeze.
    let o = simulate(&Preset::SingleAzDatabase.params()).unwrap();
    assert!(close(o.degraded_min, 30.0, 1e-9));
    assert!(close(o.consumed * 100.0, 69.44, 5e-3));
    assert!(close(o.left_min, 13.2, 1e-9));
    assert_eq!(o.policy, DeployPolicy::FreezeRiskyDeploys);
    assert!(o.slo_holds);
    // With 20 min already spent this month the SLO is broken.
    let o = simulate(&FailureDrillParams {
        spent_before_min: 20.0,
        ..Preset::SingleAzDatabase.params()
    })
    .unwrap();
    assert!(!o.slo_holds);
    assert_eq!(o.policy, DeployPolicy::Exhausted);
}

#[test]
fn an_az_lost_during_the_burst_overloads_the_survivors() {
    // 8 tasks (4 per AZ) at 720 req/s. AZ b lost at 600 s: 35 s at 50 %; then 4 tasks serve
    // 600 of 720 req/s (1/6 fails) until the 4 replacements serve at 695 s: 17.5 + 10 = 27.5 s.
    let p = Preset::AzLossAtBurst.params();
    assert_eq!(p.tasks, printed::TASKS_BURST);
    let o = simulate(&p).unwrap();
    assert!(!o.survives_az_loss_capacity);
    assert!(
        close(o.degraded_min, 27.5 / 60.0, 1e-9),
        "{}",
        o.degraded_min
    );
    assert_eq!(o.back_to_normal_s, Some(695));
    assert_eq!(o.samples.last().unwrap().healthy_per_az, [8, 0]);
}

#[test]
fn no_failure_spends_nothing() {
    let o = drill(vec![]);
    assert_eq!(o.degraded_min, 0.0);
    assert_eq!(o.back_to_normal_s, None);
    assert!(close(o.task_hours, 2.0, 1e-9));
    assert!(close(o.lowest_capacity_per_s, 300.0, 1e-12));
    assert_eq!(o.events.len(), 1);
}

#[test]
fn events_tell_the_story_in_order() {
    let o = drill(vec![at(Failure::Task { az: 0 }, 600)]);
    let times: Vec<u32> = o.events.iter().map(|e| e.t_s).collect();
    assert_eq!(times, [0, 600, 600, 635, 635, 635, 695]);
    assert!(
        o.events[3]
            .text
            .contains("each timing out after 5 s: 35 s after"),
        "{}",
        o.events[3].text
    );
    assert!(
        o.events[6].text.contains("first /healthz check"),
        "{}",
        o.events[6].text
    );
}

#[test]
fn links_round_trip_and_report_what_they_ignore() {
    let p = FailureDrillParams {
        multi_az: false,
        failures: vec![
            at(Failure::Az { az: 1 }, 900),
            at(Failure::Database, 1_200),
            at(Failure::Task { az: 0 }, 60),
        ],
        failover_s: 60,
        edge_load_per_s: 9_000.0,
        tasks: 8,
        ..Default::default()
    };
    common::assert_link(
        &p,
        "load=9000&n=8&fo=60&maz=0&fail=az%3Ab%40900%2Cdb%401200%2Ctask%3Aa%4060",
    );
    assert_eq!(FailureDrillParams::default().to_query(), "");
    let (p, ignored) = FailureDrillParams::from_query(&Query::parse(
        "fail=meteor@5&hi=10&hto=20&dur=120&min=9&max=3",
    ));
    // The bad text is ignored, then the default failure at 600 s falls after the 120 s drill.
    assert!(p.failures.is_empty());
    assert_eq!(p.health_check.timeout_s, 9);
    assert_eq!((p.min_tasks, p.max_tasks), (2, 20));
    assert_eq!(common::keys(&ignored), ["fail", "hto", "min", "fail"]);
    assert!(simulate(&p).is_ok());
}

#[test]
fn bad_input_is_named() {
    let p = FailureDrillParams {
        edge_load_per_s: f64::NAN,
        tasks: 0,
        failures: vec![at(Failure::Az { az: 5 }, 99_999)],
        ..Default::default()
    };
    let problems = simulate(&p).unwrap_err();
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn the_drills_autoscaler_runs_on_the_drills_own_start_up_and_health_check() {
    // The burst meets 2 tasks; the drill's own check runs every 60 s and a task takes 100 s to
    // start, so a new task serves 160 s after launch. 3:00: three datapoints at 100 % → 4. The
    // scale-out cooldown counts from that scale-out (to 4:00), not from the new tasks serving:
    // at 4:00 the metric still sees 2 tasks at 100 % and the scaler asks for ⌈4 × 1 ÷ 0.6⌉ = 7.
    let p = FailureDrillParams {
        edge_load_per_s: 9_000.0,
        tasks: 2,
        provisioning_s: 100,
        health_check: cloud_lab_model::photoshare::HealthCheck {
            interval_s: 60,
            ..cloud_lab_model::photoshare::HEALTH_CHECK
        },
        failures: vec![],
        duration_s: 600,
        ..Default::default()
    };
    let o = simulate(&p).unwrap();
    assert_eq!(o.startup_delay_s, 160);
    let scaled: Vec<(u32, &str)> = o
        .events
        .iter()
        .filter(|e| e.text.starts_with("The autoscaler"))
        .map(|e| (e.t_s, e.text.as_str()))
        .collect();
    assert!(scaled[0].1.ends_with("2 → 4."), "{scaled:?}");
    assert_eq!((scaled[0].0, scaled[1].0), (180, 240), "{scaled:?}");
    assert!(scaled[1].1.ends_with("4 → 7."), "{scaled:?}");
    let first_serving = o
        .events
        .iter()
        .find(|e| e.text.contains("takes traffic"))
        .map(|e| e.t_s);
    assert_eq!(first_serving, Some(180 + 160));
}
