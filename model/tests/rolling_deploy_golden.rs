//! The rolling deploy of §2, worked by hand: one passing check to take traffic, 35–50 s to
//! detect a dead task, ECS's 100 % / 200 %.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::photoshare;
use cloud_lab_model::rolling_deploy::*;

mod common;

fn run(p: &RollingDeployParams) -> RollingDeployOutcome {
    simulate(p).expect("valid params")
}

fn ids(tracks: &[TaskTrack], f: impl Fn(&TaskTrack) -> bool) -> Vec<u32> {
    tracks.iter().filter(|t| f(t)).map(|t| t.id).collect()
}

#[test]
fn a_new_task_needs_one_check_and_a_dead_one_is_out_after_35_to_50_s() {
    let hc = photoshare::HEALTH_CHECK;
    // ELB: a newly registered target must pass ONE check; the lab's reading, a whole interval
    // after registration. The healthy threshold (2 × 15 s) is for an unhealthy target recovering.
    assert_eq!(hc.seconds_to_first_pass(), 15);
    assert_eq!(hc.seconds_to_recover(), 30, "2 × 15 s");
    // Each failed check ends at the 5 s timeout: (3 − 1) × 15 + 5 to 3 × 15 + 5.
    assert_eq!(hc.detection_range_s(), (35, 50));
    // Registered at 0: checks at 15, 30, 45, … A target dead at 45 fails the check starting
    // then (out at 45 + 30 + 5 = 80); dead at 46, it fails the one at 60 (out at 95).
    assert_eq!(hc.taken_out_at(0, 45), 80);
    assert_eq!(hc.taken_out_at(0, 46), 95);
    assert_eq!(
        hc.taken_out_at(0, 0),
        50,
        "never answers: first check at 15"
    );
    assert_eq!(hc.taken_out_at(45, 45), 95);
    let o = run(&RollingDeployParams::default());
    assert_eq!(o.seconds_to_first_pass, 15);
    assert_eq!(o.startup_s, 60, "45 s to start + 15 s to the first check");
    assert_eq!(o.seconds_to_recover, 30);
    assert_eq!(o.detection_range_s, (35, 50));
}

#[test]
fn ecs_bounds_worked_by_hand() {
    // (desired, min %, max %) → (min healthy, max running, breaker threshold)
    let rows = [
        ((4, 100, 200), (4, 8, 3)),
        ((2, 100, 200), (2, 4, 3)),
        ((5, 50, 150), (3, 7, 3)),
        ((4, 50, 100), (2, 4, 3)),
        ((10, 0, 100), (0, 10, 5)),
        ((1, 0, 100), (0, 1, 3)),
        ((7, 90, 110), (7, 7, 4)),
    ];
    for ((n, minh, maxp), want) in rows {
        let p = RollingDeployParams {
            desired_count: n,
            min_healthy_percent: minh,
            max_percent: maxp,
            ..Default::default()
        };
        assert_eq!(
            (
                p.min_healthy_tasks(),
                p.max_running_tasks(),
                p.breaker_threshold()
            ),
            want,
            "{n} {minh} {maxp}"
        );
    }
}

#[test]
fn a_good_build_replaces_all_four_tasks_without_dropping_below_four() {
    let o = run(&RollingDeployParams::default());
    let t = &o.tracks;
    assert_eq!(t.len(), 8);
    // The four new tasks start at once (200 % allows 8), two per AZ.
    assert_eq!(
        ids(t, |k| k.version == Version::New && k.launched_s == 0),
        [5, 6, 7, 8]
    );
    assert_eq!(
        t.iter().map(|k| k.az).collect::<Vec<_>>(),
        [0, 1, 0, 1, 0, 1, 0, 1]
    );
    for k in &t[4..] {
        assert_eq!(k.registered_s, Some(45), "45 s to start");
        assert_eq!(k.healthy_s, Some(60), "then one passing check, 15 s later");
        assert_eq!(k.stopped_s, None);
    }
    for k in &t[..4] {
        assert_eq!(
            k.draining_s,
            Some(60),
            "old tasks leave only once new ones are healthy"
        );
        assert_eq!(
            k.stopped_s,
            Some(360),
            "after the 300 s deregistration delay"
        );
        assert_eq!(k.stop_reason, Some(StopReason::Replaced));
    }
    assert_eq!(o.result, DeployResult::Completed { at_s: 360 });
    assert_eq!(o.wait, Wait::Stable { at_s: 360 });
    assert_eq!(o.lowest_serving, 4);
    assert_eq!(o.lowest_capacity, 1.0);
    assert_eq!(o.lowest_capacity_after_az_loss, None);
    assert_eq!(o.peak_failing_requests, 0.0);
    assert_eq!(o.samples.len(), 601);
    assert_eq!(o.samples.iter().map(|s| s.running).max(), Some(8));
    let s59 = o.samples[59];
    assert_eq!((s59.old_serving, s59.new_serving, s59.starting), (4, 0, 4));
    let s60 = o.samples[60];
    assert_eq!((s60.old_serving, s60.new_serving, s60.draining), (0, 4, 4));
    assert_eq!(o.samples[360].running, 4);
    assert!(o.new_task_seconds > 0);
}

#[test]
fn a_bad_build_stalls_and_serves_nobody() {
    let p = RollingDeployParams {
        build: NewBuild::Bad,
        ..Default::default()
    };
    let o = run(&p);
    let first = &o.tracks[4];
    assert_eq!(first.registered_s, Some(45));
    assert_eq!(first.healthy_s, None);
    assert_eq!(
        first.stopped_s,
        Some(95),
        "45 s to start, checks at 60, 75 and 90 s each timing out 5 s later"
    );
    assert_eq!(first.stop_reason, Some(StopReason::FailedHealthCheck));
    // Replacements every 95 s: failures at 95, 190, … 570, four at a time.
    assert_eq!(o.failed_tasks, 6 * 4);
    assert_eq!(o.new_task_seconds, 0, "no user is served by the bad build");
    assert!(o
        .samples
        .iter()
        .all(|s| s.old_serving == 4 && s.new_serving == 0));
    assert_eq!(o.result, DeployResult::InProgress);
    assert_eq!(o.wait, Wait::TimedOut { at_s: 585 });
    assert_eq!(o.fail_open_seconds, 0);
}

#[test]
fn with_no_floor_a_bad_build_leaves_the_alb_failing_open() {
    let p = RollingDeployParams {
        build: NewBuild::Bad,
        min_healthy_percent: 0,
        ..Default::default()
    };
    let o = run(&p);
    // All four old tasks are deregistered at once, and no new one ever becomes healthy.
    assert_eq!(o.lowest_serving, 0);
    assert_eq!(o.fail_open_seconds, 601);
    assert_eq!(
        o.new_task_seconds, 0,
        "healthy service by the bad build is still zero"
    );
    assert!(o
        .events
        .iter()
        .any(|e| e.t_s == 95 && e.text.contains("failed open")));
}

#[test]
fn the_circuit_breaker_rolls_a_bad_build_back_after_three_failures() {
    let p = RollingDeployParams {
        build: NewBuild::Bad,
        circuit_breaker: true,
        ..Default::default()
    };
    let o = run(&p);
    assert_eq!(o.breaker_threshold, 3);
    assert_eq!(
        o.result,
        DeployResult::RolledBack {
            tripped_s: 95,
            stable_s: 95
        }
    );
    assert_eq!(
        o.wait,
        Wait::Stable { at_s: 105 },
        "the wait succeeds: it cannot tell a rollback from a deploy"
    );
    assert_eq!(
        o.tracks.len(),
        8,
        "nothing is relaunched after the rollback"
    );
    assert_eq!(o.new_task_seconds, 0);
}

#[test]
fn min_50_percent_stops_two_old_tasks_first() {
    let p = RollingDeployParams {
        min_healthy_percent: 50,
        ..Default::default()
    };
    let o = run(&p);
    // Two old tasks (one per AZ) drain at once; four new ones start.
    assert_eq!(ids(&o.tracks, |k| k.draining_s == Some(0)), [1, 2]);
    assert_eq!(o.lowest_serving, 2);
    assert_eq!(o.samples[0].old_serving, 2);
    assert_eq!(o.result, DeployResult::Completed { at_s: 360 });
}

#[test]
fn losing_an_az_mid_rollout_keeps_half_the_capacity() {
    let p = RollingDeployParams {
        az_loss: Some(AzLoss { az: 1, at_s: 45 }),
        ..Default::default()
    };
    let o = run(&p);
    let t = &o.tracks;
    // At 45 s AZ b holds old tasks 2 and 4 and new tasks 6 and 8 (just due to register).
    assert_eq!(ids(t, |k| k.lost_s == Some(45)), [2, 4, 6, 8]);
    assert_eq!(
        ids(t, |k| k.stop_reason == Some(StopReason::AzLost)),
        [2, 4, 6, 8]
    );
    // 6 and 8 never started: ECS stops them at once. 2 and 4 fail the check starting at 45 s and
    // the two after it; the third times out at 75 + 5 = 80 s: 35 s of requests to dead tasks.
    assert_eq!(ids(t, |k| k.stopped_s == Some(45)), [6, 8]);
    assert_eq!(ids(t, |k| k.stopped_s == Some(80)), [2, 4]);
    let s = o.samples[50];
    assert_eq!((s.old_serving, s.lost), (2, 2));
    assert_eq!(
        s.failing_requests, 0.5,
        "two of four targets in rotation are gone"
    );
    assert_eq!(o.samples[79].failing_requests, 0.5);
    assert_eq!(o.samples[80].failing_requests, 0.0);
    assert_eq!(o.routed_to_lost_s, Some(35));
    assert!(
        o.samples.iter().all(|s| s.capacity >= 0.5),
        "never below half"
    );
    assert_eq!(o.lowest_capacity_after_az_loss, Some(0.5));
    assert_eq!(o.lowest_capacity, 0.5);
    assert_eq!(o.peak_failing_requests, 0.5);
    // Replacements for 6 and 8 start in AZ a at once and serve 60 s later.
    let replacements: Vec<&TaskTrack> = t.iter().filter(|k| k.launched_s == 45).collect();
    assert_eq!(replacements.len(), 2);
    assert!(replacements
        .iter()
        .all(|k| k.az == 0 && k.healthy_s == Some(105)));
    assert_eq!(o.samples[105].new_serving, 4);
    assert_eq!(o.result, DeployResult::Completed { at_s: 360 });
}

#[test]
fn links_round_trip_and_the_default_is_an_empty_query() {
    assert_eq!(RollingDeployParams::default().to_query(), "");
    let p = RollingDeployParams {
        desired_count: 2,
        min_healthy_percent: 50,
        max_percent: 150,
        health_check: photoshare::HealthCheck {
            interval_s: 10,
            timeout_s: 4,
            healthy_threshold: 3,
            unhealthy_threshold: 2,
        },
        task_start_s: 12,
        deregistration_delay_s: 30,
        build: NewBuild::Bad,
        circuit_breaker: true,
        az_loss: Some(AzLoss { az: 0, at_s: 100 }),
        duration_s: 900,
    };
    common::assert_link(&p, "n=2&minh=50&maxp=150&hi=10&ht=3&ut=2&hto=4&start=12&drain=30&dur=900&new=bad&cb=1&lose=100&az=a");
}

#[test]
fn a_clashing_link_is_repaired_and_says_so() {
    let (p, ignored) = RollingDeployParams::from_query(&Query::parse(
        "hi=5&hto=9&n=1&minh=100&maxp=100&lose=700&az=z",
    ));
    assert_eq!(common::keys(&ignored), ["az", "hto", "maxp", "lose"]);
    assert_eq!(p.health_check.timeout_s, 4);
    assert_eq!((p.min_healthy_percent, p.max_percent), (100, 200));
    assert_eq!(p.az_loss, None);
    assert!(simulate(&p).is_ok());
}

#[test]
fn invalid_params_give_messages_not_a_panic() {
    let p = RollingDeployParams {
        desired_count: 0,
        max_percent: 300,
        health_check: photoshare::HealthCheck {
            interval_s: 15,
            timeout_s: 15,
            healthy_threshold: 1,
            unhealthy_threshold: 3,
        },
        duration_s: 10,
        ..Default::default()
    };
    let problems = simulate(&p).unwrap_err();
    assert_eq!(problems.len(), 5, "{problems:?}");
    assert_eq!(problems[0], "The desired count must be 1–50 tasks.");
}

#[test]
fn the_page_notes_that_spread_is_a_strategy_not_a_constraint() {
    assert!(PLACEMENT_NOTE.contains("placement_constraints"));
    assert!(PLACEMENT_NOTE.contains("placement strategy"));
    assert!(PLACEMENT_NOTE.contains("memberOf or distinctInstance"));
    let urls: Vec<&str> = PLACEMENT_NOTE_SOURCES.iter().map(|(_, u)| *u).collect();
    assert!(urls.contains(
        &"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html"
    ));
    for url in DOCUMENTED
        .iter()
        .map(|d| d.url)
        .chain(PLACEMENT_NOTE_SOURCES.iter().map(|(_, u)| *u))
    {
        assert!(url.starts_with("https://docs.aws.amazon.com/"), "{url}");
    }
    assert!(DOCUMENTED
        .iter()
        .any(|d| d.says.contains("must pass one health check")));
}
