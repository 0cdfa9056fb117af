//! The worked example's availability, SLO and error-budget figures (§1, §3), as golden rows.

use cloud_lab_model::availability::*;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::photoshare::printed;

mod common;

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

#[test]
fn a_999_slo_allows_43_2_minutes_in_a_30_day_month() {
    let budget = error_budget_minutes(0.999, MonthLength::ThirtyDays);
    assert!(
        (budget - printed::ERROR_BUDGET_MINUTES).abs() < 1e-9,
        "{budget}"
    );
    // An average month (365.25 / 12 days) allows 43.83 minutes.
    let avg = error_budget_minutes(0.999, MonthLength::Average);
    assert_eq!(round(avg, 1), 43.8);
    assert!((avg - 43.83).abs() < 1e-9, "{avg}");
}

#[test]
fn the_slo_table() {
    // (slo, unavailable, minutes per 30-day month, per year as printed: value and unit in minutes)
    let rows = [
        (0.99, 0.010, 432.0, 3.65, 24.0 * 60.0),
        (0.999, 0.001, 43.2, 8.77, 60.0),
        (0.9995, 0.0005, 21.6, 4.38, 60.0),
        (0.9999, 0.0001, 4.32, 52.6, 1.0),
    ];
    let table = slo_table(MonthLength::ThirtyDays);
    assert_eq!(table.len(), rows.len());
    for (row, (slo, unavailable, month, year, unit_min)) in table.iter().zip(rows) {
        assert_eq!(row.slo, slo);
        assert!((row.unavailable - unavailable).abs() < 1e-12, "{row:?}");
        assert!((row.downtime_min_per_month - month).abs() < 1e-9, "{row:?}");
        let places = if year < 10.0 { 2 } else { 1 };
        assert_eq!(
            round(row.downtime_min_per_year / unit_min, places),
            year,
            "{row:?}"
        );
    }
}

#[test]
fn a_30_minute_full_outage_leaves_13_2_minutes() {
    let p = AvailabilityParams {
        incidents: vec![Incident {
            day: 3,
            minutes: 30.0,
            users_affected: 1.0,
        }],
        ..Default::default()
    };
    let burn = evaluate(&p).unwrap().burn;
    assert!((burn.left_min - printed::BUDGET_LEFT_AFTER_30_MIN).abs() < 1e-9);
    assert_eq!(burn.policy, DeployPolicy::FreezeRiskyDeploys);
}

#[test]
fn a_9_minute_outage_for_half_the_users_burns_10_4_percent() {
    let i = Incident {
        day: 1,
        minutes: 9.0,
        users_affected: 0.5,
    };
    let share = budget_consumed(&i, printed::ERROR_BUDGET_MINUTES);
    assert_eq!(round(share * 100.0, 1), printed::PARTIAL_OUTAGE_BURN_PCT);
    assert!((share - 4.5 / 43.2).abs() < 1e-12);
}

#[test]
fn the_default_month_replays_both_incidents_in_order() {
    let burn = evaluate(&AvailabilityParams::default()).unwrap().burn;
    let left: Vec<f64> = burn
        .incidents
        .iter()
        .map(|i| round(i.left_after_min, 2))
        .collect();
    assert_eq!(left, [13.2, 8.7]);
    assert_eq!(round(burn.incidents[1].consumed * 100.0, 1), 10.4);
    assert_eq!(burn.policy, DeployPolicy::FreezeRiskyDeploys);
    let want = [
        (0.0, 43.2),
        (9.0, 43.2),
        (9.0, 13.2),
        (20.0, 13.2),
        (20.0, 8.7),
        (30.0, 8.7),
    ];
    assert_eq!(burn.burn_down.len(), want.len());
    for (got, want) in burn.burn_down.iter().zip(want) {
        assert_eq!(got.0, want.0);
        assert!((got.1 - want.1).abs() < 1e-9, "{got:?} vs {want:?}");
    }
}

#[test]
fn photoshare_path_is_about_three_nines_with_the_database_weakest() {
    let c = evaluate(&AvailabilityParams::default())
        .unwrap()
        .composition;
    // 0.9999 × 0.9999 × (1 − 0.005²) × 0.9995
    let expected = 0.9999 * 0.9999 * (1.0 - 0.005f64.powi(2)) * 0.9995;
    assert!((c.availability - expected).abs() < 1e-12);
    assert_eq!(round(c.availability * 100.0, 1), 99.9);
    assert!(c.meets_slo);
    assert_eq!(c.weakest, 3, "the Multi-AZ database is the weakest link");
}

#[test]
fn single_az_database_drops_the_path_to_about_99_5() {
    let mut p = AvailabilityParams::default();
    p.set_database(DatabaseChoice::SingleAz);
    assert_eq!(p.database_choice(), Some(DatabaseChoice::SingleAz));
    let c = evaluate(&p).unwrap().composition;
    assert_eq!(round(c.availability * 100.0, 1), 99.5);
    assert!(!c.meets_slo);
}

#[test]
fn a_second_region_pushes_past_four_nines_at_the_edge_limit() {
    let p = AvailabilityParams {
        regions: 2,
        ..Default::default()
    };
    let c = evaluate(&p).unwrap().composition;
    // Only the global CDN (99.99 %) is left in series.
    assert!(
        c.availability > 0.9998 && c.availability < 0.9999,
        "{}",
        c.availability
    );
}

#[test]
fn k_of_n_blocks_worked_by_hand() {
    let block = |a: f64, needed, units| Block {
        component: Component::AppTask,
        availability: a,
        units,
        needed,
    };
    // (block, expected availability)
    let rows = [
        (block(0.9, 1, 1), 0.9),
        (block(0.9, 1, 2), 0.99),
        (block(0.9, 2, 2), 0.81),
        (block(0.9, 2, 3), 0.972), // 3·0.81·0.1 + 0.729
        (block(0.5, 2, 4), 11.0 / 16.0),
        (block(0.9, 3, 2), 0.0),
    ];
    for (b, want) in rows {
        assert!((block_availability(&b) - want).abs() < 1e-12, "{b:?}");
    }
}

#[test]
fn series_and_parallel_by_hand() {
    assert!((series([0.99, 0.99]) - 0.9801).abs() < 1e-12);
    assert!((parallel([0.99, 0.99]) - 0.9999).abs() < 1e-12);
}

#[test]
fn links_round_trip_and_the_default_is_an_empty_query() {
    assert_eq!(AvailabilityParams::default().to_query(), "");
    let mut p = AvailabilityParams::default();
    p.path[2].units = 4;
    p.path[2].needed = 2;
    p.set_database(DatabaseChoice::SingleAz);
    p.regions = 2;
    p.slo = 0.9995;
    p.month = MonthLength::Average;
    p.incidents = vec![Incident {
        day: 2,
        minutes: 12.5,
        users_affected: 0.25,
    }];
    p.freeze_below = 0.3;
    common::assert_link(&p, "path=cdn%3A99.99%2Calb%3A99.99%2Ctask%3A99.5%3A2of4%2Cdb%3A99.5&regions=2&slo=99.95&month=avg&inc=2%3A12.5%3A25&freeze=30");
}

#[test]
fn a_bad_link_keeps_the_defaults_and_says_what_it_ignored() {
    let ignored = common::assert_bad_link::<AvailabilityParams>(
        "path=cdn:abc&slo=NaN&regions=7&inc=1:2&month=week&zzz=1&cloud=azure",
        &["path", "regions", "slo", "month", "inc", "zzz"],
    );
    assert_eq!(ignored[0].reason, "block 1: bad availability");
}

#[test]
fn an_empty_incident_list_is_a_valid_link() {
    let (p, ignored) = AvailabilityParams::from_query(&Query::parse("inc="));
    assert!(ignored.is_empty());
    assert!(p.incidents.is_empty());
    assert_eq!(Query::parse(&p.to_query()).get("inc"), Some(""));
}

#[test]
fn invalid_params_give_messages_not_a_panic() {
    let mut p = AvailabilityParams::default();
    p.path[0].availability = f64::NAN;
    p.path[2].needed = 5;
    p.slo = 1.0;
    p.incidents[0].minutes = -3.0;
    let problems = evaluate(&p).unwrap_err();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(
        problems[0],
        "Block 1 (cdn): availability must be between 0 and 100 %."
    );
}

#[test]
fn the_redundancy_curve_shows_diminishing_returns_on_the_app_tier() {
    let o = evaluate(&AvailabilityParams::default()).unwrap();
    let curve = o.redundancy.unwrap();
    assert_eq!(curve.block, 2);
    let units: Vec<u32> = curve.points.iter().map(|p| p.0).collect();
    assert_eq!(units, (1..=8).collect::<Vec<_>>());
    // One task: the task's own 0.5 % dominates; from two on, the database's 0.05 % does.
    let one = (1.0 - 0.9999 * 0.9999 * 0.995 * 0.9995) * 43_200.0;
    assert!((curve.points[0].1 - one).abs() < 1e-9);
    assert!((curve.points[1].1 - o.composition.downtime_min_per_month).abs() < 1e-9);
    let floor = (1.0 - 0.9999 * 0.9999 * 0.9995) * 43_200.0;
    assert!(curve.points[7].1 >= floor && curve.points[7].1 - floor < 1e-6);
}
