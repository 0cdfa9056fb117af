//! Invariants of the serverless crossover, over generated inputs.

use cloud_lab_model::serverless::*;
use proptest::prelude::*;

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        any::<f64>(),
        -1.0..2.0f64,
        0.0..1_000.0f64,
    ]
}

/// Valid params where the functions' cost rises with the rate (billed init ≤ 7 × duration).
fn params() -> impl Strategy<Value = ServerlessParams> {
    (
        (
            any::<bool>(),
            0.0..500.0f64,
            1.0..2_000.0f64,
            128.0..4_096.0f64,
            0.0..7.0f64,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            0.0..1_200.0f64,
            0u8..3,
            any::<bool>(),
        ),
        (
            1u32..5,
            0.5..200.0f64,
            0.0..100.0f64,
            1.0..400.0f64,
            0.5..3.0f64,
        ),
    )
        .prop_map(
            |(
                (thumbs, rate, ms, mb, init_factor),
                (arm, free, keep, door, bill),
                (floor, cap, fixed, max, price_factor),
            )| {
                let mut p = ServerlessParams::preset(if thumbs {
                    Preset::Thumbnails
                } else {
                    Preset::Api
                });
                p.rate_per_s = rate.min(max);
                p.duration_ms = ms;
                p.memory_mb = mb;
                p.init_ms = (ms * init_factor).min(MAX_INIT_MS);
                p.arch = if arm { Arch::Arm } else { Arch::X86 };
                p.free_tier = free;
                p.keep_alive_s = keep;
                p.front_door =
                    [FrontDoor::HttpApi, FrontDoor::RestApi, FrontDoor::Event][usize::from(door)];
                p.bill_init = bill;
                p.fleet.floor_tasks = floor;
                p.fleet.task_capacity_per_s = cap;
                p.fleet.fixed_month_usd = fixed;
                p.fleet.vcpu_hour_usd *= price_factor;
                p.max_rate_per_s = max;
                p
            },
        )
        .prop_filter("at most the allowed fleet steps", |p| evaluate(p).is_ok())
}

proptest! {
    #[test]
    fn at_the_crossover_the_costs_are_equal_and_below_it_the_functions_are_cheaper(p in params()) {
        let o = evaluate(&p).unwrap();
        match o.crossover {
            Some(c) => {
                prop_assert!((c.functions_usd - c.fleet_usd).abs() < 0.01, "{:?}", c);
                prop_assert!((functions_bill(&p, c.rate_per_s).total_usd - fleet_bill(&p, c.rate_per_s).total_usd).abs() < 0.01);
                prop_assert!(c.rate_per_s <= p.max_rate_per_s);
                for i in 0..200 {
                    let r = c.rate_per_s * f64::from(i) / 200.0;
                    prop_assert!(functions_bill(&p, r).total_usd < fleet_bill(&p, r).total_usd, "at {} below {:?}", r, c);
                }
                if let Some(from) = c.fleet_cheaper_from_per_s {
                    prop_assert!(from >= c.rate_per_s);
                    for i in 1..=100 {
                        let r = from + (p.max_rate_per_s - from) * f64::from(i) / 100.0;
                        prop_assert!(functions_bill(&p, r).total_usd + 1e-6 >= fleet_bill(&p, r).total_usd, "at {}", r);
                    }
                }
            }
            None => {
                for point in &o.curve {
                    prop_assert!(point.functions_usd < point.fleet_usd, "{:?}", point);
                }
            }
        }
    }

    #[test]
    fn raising_a_price_never_lowers_a_bill(p in params(), raise in 0.0..0.001f64, which in 0usize..6) {
        let mut q = p.clone();
        match which {
            0 => q.prices.gb_s_x86_usd += raise,
            1 => q.prices.gb_s_arm_usd += raise,
            2 => q.prices.requests_per_million_usd += raise * 1_000.0,
            3 => q.prices.http_api_per_million_usd += raise * 1_000.0,
            4 => q.prices.rest_api_per_million_usd += raise * 1_000.0,
            _ => q.fleet.vcpu_hour_usd += raise,
        }
        let (a, b) = (evaluate(&p).unwrap(), evaluate(&q).unwrap());
        prop_assert!(b.functions.total_usd >= a.functions.total_usd);
        prop_assert!(b.fleet.total_usd >= a.fleet.total_usd);
        for (x, y) in a.curve.iter().zip(&b.curve) {
            prop_assert!(y.functions_usd >= x.functions_usd && y.fleet_usd >= x.fleet_usd);
        }
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        numbers in prop::array::uniform8(any_f64()),
        prices in prop::array::uniform8(any_f64()),
        floor in 0u32..2_000,
    ) {
        let mut p = ServerlessParams {
            rate_per_s: numbers[0],
            duration_ms: numbers[1],
            memory_mb: numbers[2],
            init_ms: numbers[3],
            keep_alive_s: numbers[4],
            hours_per_month: numbers[5],
            max_rate_per_s: numbers[6],
            ..Default::default()
        };
        p.fleet.task_capacity_per_s = numbers[7];
        p.fleet.floor_tasks = floor;
        p.prices.gb_s_x86_usd = prices[0];
        p.prices.requests_per_million_usd = prices[1];
        p.prices.http_api_per_million_usd = prices[2];
        p.prices.free_requests_per_month = prices[3];
        p.prices.free_gb_s_per_month = prices[4];
        p.fleet.vcpu_hour_usd = prices[5];
        p.fleet.gb_hour_usd = prices[6];
        p.fleet.fixed_month_usd = prices[7];
        match evaluate(&p) {
            Ok(o) => {
                prop_assert!(o.functions.total_usd.is_finite() && o.fleet.total_usd.is_finite());
                prop_assert!(o.curve.iter().all(|c| c.functions_usd.is_finite() && c.fleet_usd.is_finite()));
                let _ = o.verdict();
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn a_link_with_known_keys_reads_without_panic(
        pairs in prop::collection::vec((prop::sample::select(vec![
            "preset", "rate", "ms", "mb", "init", "keep", "max", "cap", "floor", "p_x86", "free", "door", "arch",
        ]), "(thumbnails|api|rest|arm|[0-9]{0,6}(\\.[0-9]{0,6})?)"), 0..10),
    ) {
        use cloud_lab_model::link::{LinkState, Query};
        let text = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let (p, _) = ServerlessParams::from_query(&Query::parse(&text));
        prop_assert!(evaluate(&p).is_ok(), "{}", text);
        let (back, ignored) = ServerlessParams::from_query(&Query::parse(&p.to_query()));
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(back, p);
    }
}
