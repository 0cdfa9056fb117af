//! The serverless crossover (extension B), with cases worked by hand to the cent and
//! to the request.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::money::{Decimal, Usd};
use cloud_lab_model::serverless::*;

mod common;

/// 730 h × 3,600 s.
const SECONDS_PER_MONTH: f64 = 2_628_000.0;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

fn usd(text: &str) -> Usd {
    Decimal::parse(text).unwrap().cents().unwrap()
}

#[test]
fn photoshare_api_at_96_req_per_s_worked_by_hand() {
    let o = evaluate(&ServerlessParams::default()).unwrap();
    let f = o.at.functions;
    assert_eq!(f.requests_per_month, 252_288_000); // 96 × 2,628,000
    assert_eq!(f.cold_starts, 0);
    // 252,288,000 × 120 ms × 512 MB ÷ 1,024,000 = 15,137,280 GB-s.
    assert_eq!(f.gb_s, Decimal::whole(15_137_280));
    // (252,288,000 − 1 M free) × $0.20/M = $50.2576 → $50.26.
    assert_eq!(f.requests_usd, usd("50.26"));
    // 252,288,000 × $1.00/M = $252.288 → $252.29.
    assert_eq!(f.gateway_usd, usd("252.29"));
    // (15,137,280 − 400,000) GB-s × $0.0000166667 = $245.6218… → $245.62.
    assert_eq!(f.compute_usd, usd("245.62"));
    assert_eq!(f.total_usd, usd("548.17"));
    // 2 tasks × (0.0445 + 2 × 0.0049) × 730 = $79.278 → $79.28, + the ALB's $28.00.
    assert_eq!(o.at.fleet.tasks, 2);
    assert_eq!(
        (o.at.fleet.tasks_usd, o.at.fleet.total_usd),
        (usd("79.28"), usd("107.28"))
    );
    assert_eq!(o.at.cheaper, Cheaper::Fleet);
}

#[test]
fn api_crossovers_worked_by_hand() {
    // The first whole number of requests a month at which the functions' bill reaches the
    // fleet's $107.28, to the cent (found by hand with exact decimals): one request fewer
    // costs $107.27.
    // (free tier, front door, requests) — ≈ 19.74, 18.56 and 8.69 req/s.
    let rows = [
        (true, FrontDoor::HttpApi, 51_881_577),
        (false, FrontDoor::HttpApi, 48_764_903),
        (false, FrontDoor::RestApi, 22_824_955),
    ];
    for (free_tier, front_door, requests) in rows {
        let p = ServerlessParams {
            free_tier,
            front_door,
            ..Default::default()
        };
        let c = evaluate(&p).unwrap().curves.crossover.unwrap();
        assert_eq!(c.requests_per_month, requests, "{c:?}");
        assert_eq!(c.rate_per_s, requests as f64 / SECONDS_PER_MONTH);
        assert_eq!(
            (c.functions_usd, c.fleet_usd),
            (usd("107.28"), usd("107.28"))
        );
        assert_eq!(c.fleet_tasks, 2);
        assert_eq!(c.functions_cheaper_again_above_per_s, None);
        assert_eq!(c.fleet_cheaper_from_per_s, Some(c.rate_per_s));
        let pricing = Pricing::new(&p).unwrap();
        assert_eq!(
            pricing.functions(requests - 1).unwrap().total_usd,
            usd("107.27")
        );
    }
}

#[test]
fn the_api_verdict_reads_as_a_sentence() {
    let o = evaluate(&ServerlessParams::default()).unwrap();
    assert_eq!(
        o.curves.verdict(),
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
    // 15,137,280 GB-s at $0.0000166667 = $252.2886… → $252.29; at $0.0000133334 = $201.8337… → $201.83.
    assert_eq!(x86.at.functions.compute_usd, usd("252.29"));
    assert_eq!(arm.at.functions.compute_usd, usd("201.83"));
    assert!(arm.curves.crossover.unwrap().rate_per_s > x86.curves.crossover.unwrap().rate_per_s);
}

#[test]
fn thumbnails_worked_by_hand() {
    let p = ServerlessParams::preset(Preset::Thumbnails);
    let o = evaluate(&p).unwrap();
    // 0.5 uploads/s → 1,314,000 a month; 800 ms at 1,024 MB: 1,051,200 GB-s; no gateway.
    assert_eq!(o.at.functions.requests_per_month, 1_314_000);
    assert_eq!(o.at.functions.gb_s, Decimal::whole(1_051_200));
    assert_eq!(o.at.functions.gateway_usd, Usd::ZERO);
    // 314,000 × $0.20/M = $0.0628 → $0.06; 651,200 GB-s × $0.0000166667 = $10.8533… → $10.85.
    assert_eq!(o.at.functions.requests_usd, usd("0.06"));
    assert_eq!(o.at.functions.compute_usd, usd("10.85"));
    assert_eq!(o.at.functions.total_usd, usd("10.91"));
    assert_eq!(o.at.cheaper, Cheaper::Functions);
    // The functions reach the floor fleet's $79.28 at 6,365,364 uploads a month (≈ 2.42/s).
    let c = o.curves.crossover.unwrap();
    assert_eq!(c.requests_per_month, 6_365_364);
    // A third task above 2 × 1.3 = 2.6 uploads/s lifts the fleet to $118.92 while the functions cost $85.61.
    assert!(close(
        c.functions_cheaper_again_above_per_s.unwrap(),
        2.6,
        1e-12
    ));
    // The functions stop catching up inside the 8th task's step (8 tasks: $317.11), at
    // 23,938,579 uploads a month (≈ 9.11/s).
    let from = c.fleet_cheaper_from_per_s.unwrap();
    assert_eq!(from, 23_938_579.0 / SECONDS_PER_MONTH);
    assert_eq!(
        o.curves.verdict(),
        "Below ≈ 2.42 uploads/s the functions are cheaper. Each task the fleet adds makes it dearer for a while, \
         so they win again just past 2.6 uploads/s; from ≈ 9.11 uploads/s up to 12 uploads/s the fleet is cheaper throughout."
    );
}

#[test]
fn each_run_bills_whole_milliseconds_at_whole_megabytes() {
    // 120.2 ms bills as 121 ms: 252,288,000 × 121 × 512 ÷ 1,024,000 = 15,263,424 GB-s.
    let p = ServerlessParams {
        duration_ms: 120.2,
        ..Default::default()
    };
    assert_eq!(
        evaluate(&p).unwrap().at.functions.gb_s,
        Decimal::whole(15_263_424)
    );
    let half_mb = ServerlessParams {
        memory_mb: 0,
        ..Default::default()
    };
    assert_eq!(
        evaluate(&half_mb).unwrap_err(),
        ["The function's memory must be a whole number of MB from 128 to 10240."]
    );
    let (_, ignored) = ServerlessParams::from_query(&Query::parse("mb=512.5"));
    assert_eq!(ignored[0].key, "mb");
}

#[test]
fn without_a_crossover_the_functions_win_the_whole_range() {
    let p = ServerlessParams {
        max_rate_per_s: 10.0,
        ..Default::default()
    };
    let o = evaluate(&p).unwrap();
    assert_eq!(o.curves.crossover, None);
    assert_eq!(
        o.curves.verdict(),
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
    assert!(close(o.at.cold_starts.share, cold, 1e-15));
    assert_eq!(o.at.cold_starts.per_month, 1_442); // 2,628 × 0.5488 = 1,442.3
    assert!(close(o.at.cold_starts.mean_added_ms, 400.0 * cold, 1e-9)); // ≈ 220 ms
                                                                        // (2,628 × 120 + 1,442 × 400) ms × 512 MB ÷ 1,024,000 = 446.08 GB-s.
    assert_eq!(o.at.functions.gb_s, Decimal::parse("446.08").unwrap());
    let unbilled = evaluate(&ServerlessParams {
        bill_init: false,
        ..p
    })
    .unwrap();
    assert_eq!(
        unbilled.at.functions.gb_s,
        Decimal::parse("157.68").unwrap()
    );
}

#[test]
fn the_fleet_staircase_has_exact_corners() {
    let o = evaluate(&ServerlessParams::default()).unwrap();
    let corners: Vec<(i64, i64)> = o
        .curves
        .fleet_steps
        .iter()
        .map(|&(r, usd)| (r.round() as i64, (usd * 100.0).round() as i64))
        .collect();
    assert_eq!(
        corners,
        [(0, 10_728), (180, 10_728), (180, 14_692), (200, 14_692)]
    );
    assert_eq!(o.curves.curve.len(), CURVE_POINTS);
    assert_eq!(o.curves.curve[0].functions_usd, Usd::ZERO);
    assert_eq!(o.curves.curve.last().unwrap().rate_per_s, 200.0);
}

#[test]
fn bad_input_gives_clear_messages() {
    let mut p = ServerlessParams {
        rate_per_s: f64::NAN,
        ..Default::default()
    };
    p.prices.gb_s_x86_usd = Decimal::whole(-1);
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
    p.prices.gb_s_arm_usd = Decimal::parse("0.0000125").unwrap();
    p.free_tier = false;
    p.fleet.floor_tasks = 3;
    common::assert_link(
        &p,
        "preset=thumbnails&rate=1.5&p_arm=0.0000125&floor=3&arch=arm&free=0",
    );
}

#[test]
fn a_link_asking_for_too_many_steps_is_trimmed() {
    let (p, ignored) = ServerlessParams::from_query(&Query::parse("upto=100000&door=smtp&rate=-3"));
    assert_eq!(p, ServerlessParams::default());
    assert_eq!(common::keys(&ignored), ["rate", "door", "upto"]);
    assert!(evaluate(&p).is_ok());
}

#[test]
fn the_api_rate_is_the_worked_examples_origin_load_as_a_claim() {
    let api = ServerlessParams::default();
    let v = Serverless::API_RATE.check(&api, &());
    assert_eq!(
        (v.printed, v.live.as_str(), v.agrees),
        ("≈ 96 req/s", "96 req/s", true)
    );
    let faster = ServerlessParams {
        rate_per_s: 200.0,
        ..ServerlessParams::default()
    };
    assert!(!Serverless::API_RATE.check(&faster, &()).agrees);
    let thumbnails = ServerlessParams::preset(Preset::Thumbnails);
    assert!(!Serverless::API_RATE.check(&thumbnails, &()).applies);
}
