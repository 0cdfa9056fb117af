//! The serverless crossover (extension B), with cases worked by hand.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::serverless::*;

/// 730 h × 3,600 s.
const SECONDS_PER_MONTH: f64 = 2_628_000.0;
/// 2 Fargate tasks of 1 vCPU + 2 GB for 730 h: 2 × (0.0445 + 2 × 0.0049) × 730.
const FLOOR_FLEET_USD: f64 = 79.278;
/// What Lambda's free tier takes off: 1 M requests × $0.20/M + 400,000 GB-s × $0.0000166667.
const FREE_TIER_USD: f64 = 0.2 + 400_000.0 * 0.000_016_666_7;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Dollars a month per 1 req/s of average rate, with no free tier and no cold starts.
fn per_rate_usd(gb_s_per_request: f64, per_million: f64) -> f64 {
    SECONDS_PER_MONTH * (gb_s_per_request * 0.000_016_666_7 + per_million / 1e6)
}

#[test]
fn photoshare_api_at_96_req_per_s_worked_by_hand() {
    let o = evaluate(&ServerlessParams::default()).unwrap();
    let f = o.functions;
    assert_eq!(f.requests_per_month, 252_288_000.0);
    assert_eq!(f.gb_s, 252_288_000.0 * 0.5 * 0.12);
    assert!(close(f.requests_usd, 251_288_000.0 * 0.2e-6, 1e-9));
    assert!(close(f.gateway_usd, 252.288, 1e-9));
    assert!(close(
        f.compute_usd,
        (15_137_280.0 - 400_000.0) * 0.000_016_666_7,
        1e-9
    ));
    assert!(close(f.total_usd, 548.17, 0.005), "{}", f.total_usd);
    assert_eq!(o.fleet.tasks, 2);
    assert!(close(o.fleet.total_usd, FLOOR_FLEET_USD + 28.0, 1e-9));
    assert_eq!(o.cheaper, Cheaper::Fleet);
}

#[test]
fn api_crossovers_worked_by_hand() {
    // 120 ms at 0.5 GB is 0.06 GB-s; $0.20/M for Lambda plus the gateway.
    let http = per_rate_usd(0.06, 0.2 + 1.0); // ≈ 5.7816 $ per req/s
    let rest = per_rate_usd(0.06, 0.2 + 3.5);
    let fleet = FLOOR_FLEET_USD + 28.0;
    // (free tier, front door, expected crossover in req/s)
    let rows = [
        (true, FrontDoor::HttpApi, (fleet + FREE_TIER_USD) / http), // ≈ 19.74
        (false, FrontDoor::HttpApi, fleet / http),                  // ≈ 18.56
        (false, FrontDoor::RestApi, fleet / rest),                  // ≈ 8.69
    ];
    for (free_tier, front_door, want) in rows {
        let p = ServerlessParams {
            free_tier,
            front_door,
            ..Default::default()
        };
        let c = evaluate(&p).unwrap().crossover.unwrap();
        assert!(close(c.rate_per_s, want, 1e-6), "{c:?} vs {want}");
        assert!(close(c.functions_usd, c.fleet_usd, 0.01), "{c:?}");
        assert!(close(c.fleet_usd, fleet, 1e-9));
        assert_eq!(c.fleet_tasks, 2);
        assert_eq!(c.functions_cheaper_again_above_per_s, None);
        assert_eq!(c.fleet_cheaper_from_per_s, Some(c.rate_per_s));
    }
    assert!(close(fleet / http, 18.555, 0.001));
    assert!(close((fleet + FREE_TIER_USD) / http, 19.743, 0.001));
}

#[test]
fn the_api_verdict_reads_as_a_sentence() {
    let o = evaluate(&ServerlessParams::default()).unwrap();
    assert_eq!(
        o.verdict(),
        "Below ≈ 19.7 req/s the functions are cheaper; above it the fleet is."
    );
}

#[test]
fn arm_is_a_fifth_cheaper_per_gb_second() {
    let x86 = evaluate(&ServerlessParams {
        free_tier: false,
        ..Default::default()
    })
    .unwrap();
    let arm = evaluate(&ServerlessParams {
        free_tier: false,
        arch: Arch::Arm,
        ..Default::default()
    })
    .unwrap();
    assert!(close(
        arm.functions.compute_usd / x86.functions.compute_usd,
        0.000_013_333_4 / 0.000_016_666_7,
        1e-12
    ));
    assert!(arm.crossover.unwrap().rate_per_s > x86.crossover.unwrap().rate_per_s);
}

#[test]
fn thumbnails_worked_by_hand() {
    let p = ServerlessParams::preset(Preset::Thumbnails);
    let o = evaluate(&p).unwrap();
    // 0.5 uploads/s → 1,314,000 a month; 0.8 GB-s each; no gateway.
    assert_eq!(o.functions.requests_per_month, 1_314_000.0);
    assert_eq!(o.functions.gateway_usd, 0.0);
    assert!(close(
        o.functions.total_usd,
        314_000.0 * 0.2e-6 + 651_200.0 * 0.000_016_666_7,
        1e-9
    ));
    assert!(close(o.functions.total_usd, 10.92, 0.005));
    assert_eq!(o.cheaper, Cheaper::Functions);
    // One upload/s costs 35.57 $ a month; the fleet's floor serves 2 × 1.3 = 2.6 uploads/s.
    let slope = per_rate_usd(0.8, 0.2);
    let c = o.crossover.unwrap();
    assert!(
        close(
            c.rate_per_s,
            (FLOOR_FLEET_USD + FREE_TIER_USD) / slope,
            1e-6
        ),
        "{c:?}"
    ); // ≈ 2.42
       // A third task at 2.6 uploads/s lifts the fleet to 118.92 $ while the functions cost 85.6 $.
    assert!(close(
        c.functions_cheaper_again_above_per_s.unwrap(),
        2.6,
        1e-6
    ));
    // The functions stop catching up inside the 9th task's step: 8 tasks cost 317.11 $.
    let from = c.fleet_cheaper_from_per_s.unwrap();
    assert!(
        close(
            from,
            (8.0 * FLOOR_FLEET_USD / 2.0 + FREE_TIER_USD) / slope,
            1e-6
        ),
        "{from}"
    ); // ≈ 9.11
    assert_eq!(
        o.verdict(),
        "Below ≈ 2.42 uploads/s the functions are cheaper. Each task the fleet adds makes it dearer for a while, \
         so they win again just past 2.6 uploads/s; from ≈ 9.11 uploads/s up to 12 uploads/s the fleet is cheaper throughout."
    );
}

#[test]
fn without_a_crossover_the_functions_win_the_whole_range() {
    let p = ServerlessParams {
        max_rate_per_s: 10.0,
        ..Default::default()
    };
    let o = evaluate(&p).unwrap();
    assert_eq!(o.crossover, None);
    assert_eq!(
        o.verdict(),
        "The functions are cheaper at every rate up to 10 req/s."
    );
}

#[test]
fn cold_start_share_is_e_to_the_minus_rate_times_keep_alive() {
    // (rate, keep-alive, share)
    let rows = [
        (1.0 / 600.0, 600.0, (-1.0f64).exp()),
        (0.001, 600.0, 0.548_811_636_094_026_4),
        (5.0, 0.0, 1.0),
        (0.0, 600.0, 1.0),
        (1.0, 600.0, 0.0),
    ];
    for (rate, keep, want) in rows {
        assert!(
            close(cold_start_share(rate, keep), want, 1e-15),
            "{rate} {keep}"
        );
    }
}

#[test]
fn billed_init_at_a_trickle_worked_by_hand() {
    // One request every ~17 minutes: 2,628 a month, 54.9 % of them cold.
    let p = ServerlessParams {
        rate_per_s: 0.001,
        free_tier: false,
        ..Default::default()
    };
    let o = evaluate(&p).unwrap();
    let cold = (-0.6f64).exp();
    assert!(close(o.cold_starts.share, cold, 1e-15));
    assert!(close(o.cold_starts.per_month, 2_628.0 * cold, 1e-9)); // ≈ 1,442
    assert!(close(o.cold_starts.mean_added_ms, 400.0 * cold, 1e-9)); // ≈ 220 ms
    let gb_s = 2_628.0 * (0.12 + cold * 0.4) * 0.5;
    assert!(close(o.functions.gb_s, gb_s, 1e-9)); // ≈ 446
    let unbilled = evaluate(&ServerlessParams {
        bill_init: false,
        ..p
    })
    .unwrap();
    assert!(close(unbilled.functions.gb_s, 2_628.0 * 0.12 * 0.5, 1e-9));
}

#[test]
fn the_fleet_staircase_has_exact_corners() {
    let o = evaluate(&ServerlessParams::default()).unwrap();
    let corners: Vec<(i64, i64)> = o
        .fleet_steps
        .iter()
        .map(|&(r, usd)| (r.round() as i64, (usd * 100.0).round() as i64))
        .collect();
    assert_eq!(
        corners,
        [(0, 10_728), (180, 10_728), (180, 14_692), (200, 14_692)]
    );
    assert_eq!(o.curve.len(), CURVE_POINTS);
    assert_eq!(o.curve[0].functions_usd, 0.0);
    assert_eq!(o.curve.last().unwrap().rate_per_s, 200.0);
}

#[test]
fn bad_input_gives_clear_messages() {
    let mut p = ServerlessParams {
        rate_per_s: f64::NAN,
        ..Default::default()
    };
    p.prices.gb_s_x86_usd = -1.0;
    p.fleet.floor_tasks = 0;
    let problems = evaluate(&p).unwrap_err();
    assert_eq!(
        problems,
        [
            "The request rate (req/s) must be between 0 and 100000.",
            "The x86 GB-second price must be a number of dollars from 0 to 1000000.",
            "The fleet's floor must be between 1 and 1000 tasks.",
        ]
    );
    let too_many = ServerlessParams {
        max_rate_per_s: 100_000.0,
        ..Default::default()
    };
    assert_eq!(evaluate(&too_many).unwrap_err().len(), 1);
}

#[test]
fn links_round_trip_from_either_preset() {
    assert_eq!(ServerlessParams::default().to_query(), "");
    assert_eq!(
        ServerlessParams::preset(Preset::Thumbnails).to_query(),
        "preset=thumbnails"
    );
    let mut p = ServerlessParams::preset(Preset::Thumbnails);
    p.rate_per_s = 1.5;
    p.arch = Arch::Arm;
    p.prices.gb_s_arm_usd = 0.000_012_5;
    p.free_tier = false;
    p.fleet.floor_tasks = 3;
    let q = p.to_query();
    assert_eq!(
        q,
        "preset=thumbnails&rate=1.5&p_arm=0.0000125&floor=3&arch=arm&free=0"
    );
    let (back, ignored) = ServerlessParams::from_query(&Query::parse(&q));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(back, p);
}

#[test]
fn a_link_asking_for_too_many_steps_is_trimmed() {
    let (p, ignored) = ServerlessParams::from_query(&Query::parse("max=100000&door=smtp&rate=-3"));
    assert_eq!(p, ServerlessParams::default());
    let keys: Vec<&str> = ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["rate", "door", "max"]);
    assert!(evaluate(&p).is_ok());
}
