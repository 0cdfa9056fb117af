//! One PhotoShare across the demos: a linked value changed in one demo is seen in the others.

use cloud_lab_model::autoscaling::{self, AutoscalingParams, LoadProfile, Policy};
use cloud_lab_model::availability::{AvailabilityParams, DatabaseChoice};
use cloud_lab_model::cost::{self, CostParams};
use cloud_lab_model::failure_drill::FailureDrillParams;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::rolling_deploy::RollingDeployParams;
use cloud_lab_model::scenario::*;
use cloud_lab_model::serverless::{self, ServerlessParams};

mod common;

#[test]
fn the_default_scenario_leaves_every_demo_at_the_worked_example() {
    let s = Scenario::default();
    let mut a = AvailabilityParams::default();
    apply_to_availability(&s, &mut a);
    assert_eq!(a, AvailabilityParams::default());
    let mut c = CostParams::default();
    apply_to_cost(&s, &mut c);
    assert_eq!(c, CostParams::default());
    let mut p = AutoscalingParams::default();
    apply_to_autoscaling(&s, &mut p);
    assert_eq!(p, AutoscalingParams::default());
    let mut v = ServerlessParams::default();
    apply_to_serverless(&s, &mut v);
    assert_eq!(
        v.rate_per_s, 96.0,
        "exactly the worked example's, so the link stays clean"
    );
    assert_eq!(v, ServerlessParams::default());
    let mut r = RollingDeployParams::default();
    apply_to_rolling_deploy(&s, &mut r);
    assert_eq!(r, RollingDeployParams::default());
    let mut f = FailureDrillParams::default();
    apply_to_failure_drill(&s, &mut f);
    assert_eq!(f, FailureDrillParams::default());
    assert_eq!(s.to_query(), "");
}

#[test]
fn multi_az_off_in_the_cost_demo_reaches_availability() {
    let mut s = Scenario::default();
    let changed = s.update(&from_cost(&CostParams {
        multi_az: false,
        ..CostParams::default()
    }));
    assert_eq!(changed, ["multi_az"]);
    assert_eq!(s.multi_az.from.describe(), "from the Cost model demo");
    assert_eq!(s.cdn_hit_ratio.from, Provenance::WORKED_EXAMPLE);
    let mut a = AvailabilityParams::default();
    apply_to_availability(&s, &mut a);
    assert_eq!(a.database_choice(), Some(DatabaseChoice::SingleAz));
    let mut f = FailureDrillParams::default();
    apply_to_failure_drill(&s, &mut f);
    assert!(!f.multi_az);
}

#[test]
fn a_hit_ratio_changed_in_autoscaling_moves_the_bill_and_the_functions() {
    let mut s = Scenario::default();
    s.update(&from_autoscaling(&AutoscalingParams {
        cdn_hit_ratio: 0.80,
        ..AutoscalingParams::default()
    }));
    assert_eq!(s.cdn_hit_ratio.from.demo_id, "autoscaling");
    // Cost: 5,120 GB → 4,096 at the edge, 1,024 from the origin (was 4,710 / 410).
    let mut c = CostParams::default();
    apply_to_cost(&s, &mut c);
    let o = cost::evaluate(&c).unwrap();
    assert_eq!((o.egress.edge_gb, o.egress.origin_gb), (4_096, 1_024));
    // Serverless: 20 % of 1,200 req/s = 240 req/s.
    let mut v = ServerlessParams::default();
    apply_to_serverless(&s, &mut v);
    assert!((v.rate_per_s - 240.0).abs() < 1e-9);
    // The thumbnail preset's uploads are not origin requests.
    let mut t = ServerlessParams::preset(serverless::Preset::Thumbnails);
    apply_to_serverless(&s, &mut t);
    assert_eq!(t.rate_per_s, 0.5);
    // The drill starts with ⌈240 / 90⌉ = 3 tasks.
    let mut f = FailureDrillParams::default();
    apply_to_failure_drill(&s, &mut f);
    assert_eq!(f.tasks, 3);
}

#[test]
fn a_health_check_from_the_rolling_deploy_reaches_the_drill() {
    let mut s = Scenario::default();
    let mut r = RollingDeployParams::default();
    r.health_check.interval_s = 10;
    s.update(&from_rolling_deploy(&r));
    assert_eq!(
        s.health_check.from.describe(),
        "from the Rolling deploy demo"
    );
    let mut f = FailureDrillParams::default();
    apply_to_failure_drill(&s, &mut f);
    assert_eq!(f.health_check.interval_s, 10);
}

#[test]
fn the_autoscalers_average_fleet_feeds_the_bill() {
    // A steady hour at 1,200 req/s holds 2 tasks: 2 task-hours an hour.
    let p = AutoscalingParams {
        profile: LoadProfile::Steady,
        policies: vec![Policy::TargetTracking],
        duration_s: 3_600,
        ..AutoscalingParams::default()
    };
    let o = autoscaling::simulate(&p).unwrap();
    let avg = average_tasks_from_autoscaling(&p, &o).unwrap();
    assert!((avg - 2.0).abs() < 1e-9, "{avg}");
    // The burst raises the average; the bill follows.
    let burst = AutoscalingParams::default();
    let o = autoscaling::simulate(&burst).unwrap();
    let avg = average_tasks_from_autoscaling(&burst, &o).unwrap();
    assert!(avg > 2.0 && avg < 8.0, "{avg}");
    let mut s = Scenario::default();
    let mut u = from_autoscaling(&burst);
    u.average_tasks = Some(avg);
    assert_eq!(s.update(&u), ["average_tasks"]);
    let mut c = CostParams::default();
    apply_to_cost(&s, &mut c);
    assert!(
        cost::evaluate(&c).unwrap().on_demand_usd > cloud_lab_model::money::Usd::lit("1358.49")
    );
}

#[test]
fn bad_values_from_a_demo_are_not_taken() {
    let mut s = Scenario::default();
    let changed = s.update(&from_cost(&CostParams {
        cdn_hit_ratio: f64::NAN,
        average_tasks: -3.0,
        ..CostParams::default()
    }));
    assert!(changed.is_empty());
    assert_eq!(s, Scenario::default());
}

#[test]
fn the_scenario_link_round_trips_with_provenance() {
    let mut s = Scenario::default();
    s.update(&from_cost(&CostParams {
        multi_az: false,
        cdn_hit_ratio: 0.85,
        ..CostParams::default()
    }));
    let mut r = RollingDeployParams::default();
    r.health_check.unhealthy_threshold = 2;
    s.update(&from_rolling_deploy(&r));
    common::assert_link(
        &s,
        "s.hit=85%7Ecost&s.maz=0%7Ecost&s.hc=15%2F5%2F2%2F2%7Erolling-deploy",
    );
    let (_, ignored) =
        Scenario::from_query(&Query::parse("s.hit=120&s.maz=1~nowhere&s.hc=15/20/2/3"));
    assert_eq!(common::keys(&ignored), ["s.hit", "s.maz", "s.hc"]);
}

#[test]
fn split_separates_the_scenario_from_the_demo() {
    let (s, d) = split(&Query::parse(
        "maz=0&s.hit=85&tasks=3&s.maz=0~cost&cloud=azure",
    ));
    assert_eq!(s.keys().collect::<Vec<_>>(), ["s.hit", "s.maz"]);
    assert_eq!(d.keys().collect::<Vec<_>>(), ["maz", "tasks", "cloud"]);
    let (c, ignored) = CostParams::from_query(&d);
    assert!(ignored.is_empty());
    assert!(!c.multi_az);
}

#[test]
fn a_value_back_at_the_worked_examples_is_the_worked_examples_again() {
    let mut s = Scenario::default();
    s.update(&from_cost(&CostParams {
        cdn_hit_ratio: 0.80,
        ..CostParams::default()
    }));
    assert_eq!(s.to_query(), "s.hit=80%7Ecost");
    // Another demo holding the same value leaves it the Cost model's.
    s.update(&from_autoscaling(&AutoscalingParams {
        cdn_hit_ratio: 0.80,
        ..AutoscalingParams::default()
    }));
    assert_eq!(s.cdn_hit_ratio.from.demo_id, "cost");
    // Reset to the worked example: the link is clean again.
    assert_eq!(
        s.update(&from_cost(&CostParams::default())),
        ["cdn_hit_ratio"]
    );
    assert_eq!(s, Scenario::default());
    assert_eq!(s.to_query(), "");
}
