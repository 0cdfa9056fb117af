//! Invariants of the serverless crossover, over generated inputs.

use cloud_lab_model::money::{Decimal, Usd};
use cloud_lab_model::serverless::*;
use proptest::prelude::*;

mod common;
use common::{any_f64, any_price_text};

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..1_000.0;

/// Valid params where the functions' cost rises with the rate (billed init ≤ 7 × duration).
fn params() -> impl Strategy<Value = ServerlessParams> {
    (
        (
            any::<bool>(),
            0.0..500.0f64,
            1.0..2_000.0f64,
            128u32..4_096,
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
            0u32..10_000,
            1.0..400.0f64,
            1u32..300,
        ),
    )
        .prop_map(
            |(
                (thumbs, rate, ms, mb, init_factor),
                (arm, free, keep, door, bill),
                (floor, cap, fixed_cents, max, price_pct),
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
                p.fleet.fixed_month_usd = Usd::from_cents(i128::from(fixed_cents)).dollars();
                p.fleet.vcpu_hour_usd = p
                    .fleet
                    .vcpu_hour_usd
                    .checked_mul(d(&format!("{}", f64::from(price_pct) / 100.0)))
                    .unwrap();
                p.max_rate_per_s = max;
                p
            },
        )
        .prop_filter("at most the allowed fleet steps", |p| evaluate(p).is_ok())
}

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

/// `x` as units over 10^places, written out here rather than taken from the model.
fn parts(x: Decimal) -> (u128, u32) {
    let text = x.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    (
        format!("{whole}{fraction}").parse().unwrap(),
        fraction.len() as u32,
    )
}

/// ⌊(n × 100 ÷ (10^places × divisor)) + ½⌋: dollars to cents, half up, by hand.
fn half_up_cents(n: u128, places: u32, divisor: u128) -> i128 {
    let den = 10u128.pow(places) * divisor;
    ((2 * n * 100 + den) / (2 * den)) as i128
}

proptest! {
    #[test]
    fn each_charge_is_its_exact_product_rounded_half_up_and_each_bill_the_sum(p in params(), at in 0.0..1.0f64) {
        let pricing = Pricing::new(&p).unwrap();
        let requests = pricing.requests_at(p.max_rate_per_s * at).unwrap();
        let f = pricing.functions(requests).unwrap();
        let r = u128::from(requests);
        let (free_r, free_gb_s) = if p.free_tier {
            (p.prices.free_requests_per_month as u128, p.prices.free_gb_s_per_month as u128)
        } else {
            (0, 0)
        };
        let (request_price, rp) = parts(p.prices.requests_per_million_usd);
        prop_assert_eq!(f.requests_usd.cents(), half_up_cents(r.saturating_sub(free_r) * request_price, rp, 1_000_000));
        let gateway = match p.front_door {
            FrontDoor::HttpApi => p.prices.http_api_per_million_usd,
            FrontDoor::RestApi => p.prices.rest_api_per_million_usd,
            FrontDoor::Event => Decimal::ZERO,
        };
        let (gateway, gp) = parts(gateway);
        prop_assert_eq!(f.gateway_usd.cents(), half_up_cents(r * gateway, gp, 1_000_000));
        // Whole milliseconds per run (rounded up), whole MB.
        let ms = p.duration_ms.ceil() as u128;
        let init = if p.bill_init { p.init_ms.ceil() as u128 } else { 0 };
        let mb_ms = (r * ms + u128::from(f.cold_starts) * init) * u128::from(p.memory_mb);
        let (gb_s_price, pp) = parts(match p.arch {
            Arch::X86 => p.prices.gb_s_x86_usd,
            Arch::Arm => p.prices.gb_s_arm_usd,
        });
        let billed = mb_ms.saturating_sub(free_gb_s * 1_024_000);
        prop_assert_eq!(f.compute_usd.cents(), half_up_cents(billed * gb_s_price, pp, 1_024_000));
        prop_assert_eq!(f.total_usd, f.requests_usd + f.gateway_usd + f.compute_usd);
        let fleet = pricing.fleet(requests).unwrap();
        prop_assert_eq!(fleet.total_usd, fleet.tasks_usd + fleet.fixed_usd);
        // tasks × (vCPU × price + GB × price) × hours, half up.
        let task_hour = Decimal::from_f64(p.fleet.task_vcpu).unwrap().checked_mul(p.fleet.vcpu_hour_usd).unwrap()
            .checked_add(Decimal::from_f64(p.fleet.task_memory_gb).unwrap().checked_mul(p.fleet.gb_hour_usd).unwrap()).unwrap();
        let (th, tp) = parts(task_hour);
        let (hours, hp) = parts(Decimal::from_f64(p.hours_per_month).unwrap());
        prop_assert_eq!(fleet.tasks_usd.cents(), half_up_cents(u128::from(fleet.tasks) * th * hours, tp + hp, 1));
    }

    #[test]
    fn the_crossover_is_the_first_request_count_where_the_functions_reach_the_fleet(p in params()) {
        let o = evaluate(&p).unwrap();
        let pricing = Pricing::new(&p).unwrap();
        let functions = |r: u64| pricing.functions(r).unwrap().total_usd;
        let fleet = |r: u64| pricing.fleet(r).unwrap().total_usd;
        match o.curves.crossover {
            Some(c) => {
                let at = c.requests_per_month;
                prop_assert_eq!((c.functions_usd, c.fleet_usd), (functions(at), fleet(at)));
                prop_assert!(c.functions_usd >= c.fleet_usd, "{:?}", c);
                if at > 0 {
                    prop_assert!(functions(at - 1) < fleet(at - 1), "{:?}", c);
                }
                prop_assert!(c.rate_per_s <= p.max_rate_per_s + 1e-9);
                for i in 0..200u64 {
                    let r = at * i / 200;
                    prop_assert!(functions(r) < fleet(r), "at {} below {:?}", r, c);
                }
                if let Some(from) = c.fleet_cheaper_from_per_s {
                    prop_assert!(from >= c.rate_per_s);
                    let top = pricing.requests_at(p.max_rate_per_s).unwrap();
                    let from = pricing.requests_at(from).unwrap();
                    for i in 0..=100u64 {
                        let r = from + (top.saturating_sub(from)) * i / 100;
                        prop_assert!(functions(r) >= fleet(r), "at {}", r);
                    }
                }
            }
            None => {
                for point in &o.curves.curve {
                    prop_assert!(point.functions_usd < point.fleet_usd, "{:?}", point);
                }
            }
        }
    }

    #[test]
    fn the_curves_do_not_depend_on_the_chosen_rate(p in params(), rate in 0.0..500.0f64) {
        let moved = ServerlessParams { rate_per_s: rate, ..p.clone() };
        prop_assert_eq!(curves(&moved).unwrap(), curves(&p).unwrap());
        prop_assert_eq!(curves(&p.for_curves()).unwrap(), curves(&p).unwrap());
        prop_assert_eq!(at_rate(&p).unwrap(), evaluate(&p).unwrap().at);
    }

    #[test]
    fn raising_a_price_never_lowers_a_bill(p in params(), raise in 0u32..1_000, which in 0usize..6) {
        let mut q = p.clone();
        let up = |x: Decimal, scale: &str| x.checked_add(d(&raise.to_string()).checked_mul(d(scale)).unwrap()).unwrap();
        match which {
            0 => q.prices.gb_s_x86_usd = up(q.prices.gb_s_x86_usd, "0.000001"),
            1 => q.prices.gb_s_arm_usd = up(q.prices.gb_s_arm_usd, "0.000001"),
            2 => q.prices.requests_per_million_usd = up(q.prices.requests_per_million_usd, "0.001"),
            3 => q.prices.http_api_per_million_usd = up(q.prices.http_api_per_million_usd, "0.001"),
            4 => q.prices.rest_api_per_million_usd = up(q.prices.rest_api_per_million_usd, "0.001"),
            _ => q.fleet.vcpu_hour_usd = up(q.fleet.vcpu_hour_usd, "0.000001"),
        }
        let (a, b) = (evaluate(&p).unwrap(), evaluate(&q).unwrap());
        prop_assert!(b.at.functions.total_usd >= a.at.functions.total_usd);
        prop_assert!(b.at.fleet.total_usd >= a.at.fleet.total_usd);
        for (x, y) in a.curves.curve.iter().zip(&b.curves.curve) {
            prop_assert!(y.functions_usd >= x.functions_usd && y.fleet_usd >= x.fleet_usd);
        }
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        numbers in prop::array::uniform8(any_f64(USUAL)),
        prices in prop::array::uniform6(any_price_text()),
        free in prop::array::uniform2(any_f64(USUAL)),
        floor in 0u32..2_000,
        mb in 0u32..20_000,
    ) {
        let mut p = ServerlessParams {
            rate_per_s: numbers[0],
            duration_ms: numbers[1],
            memory_mb: mb,
            init_ms: numbers[3],
            keep_alive_s: numbers[4],
            hours_per_month: numbers[5],
            max_rate_per_s: numbers[6],
            ..Default::default()
        };
        p.fleet.task_capacity_per_s = numbers[7];
        p.fleet.floor_tasks = floor;
        p.prices.gb_s_x86_usd = d(&prices[0]);
        p.prices.requests_per_million_usd = d(&prices[1]);
        p.prices.http_api_per_million_usd = d(&prices[2]);
        p.prices.free_requests_per_month = free[0];
        p.prices.free_gb_s_per_month = free[1];
        p.fleet.vcpu_hour_usd = d(&prices[3]);
        p.fleet.gb_hour_usd = d(&prices[4]);
        p.fleet.fixed_month_usd = d(&prices[5]);
        match evaluate(&p) {
            Ok(o) => {
                prop_assert!(o.at.functions.total_usd >= Usd::ZERO && o.at.fleet.total_usd >= Usd::ZERO);
                prop_assert!(o.curves.curve.iter().all(|c| c.functions_usd >= Usd::ZERO && c.fleet_usd >= Usd::ZERO));
                let _ = o.curves.verdict();
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn a_link_with_known_keys_reads_without_panic(
        pairs in prop::collection::vec((prop::sample::select(vec![
            "preset", "rate", "ms", "mb", "init", "keep", "upto", "tcap", "floor", "p_x86", "p_req", "fixed", "free", "door", "arch",
        ]), "(thumbnails|api|rest|arm|[0-9]{0,6}(\\.[0-9]{0,6})?)"), 0..10),
    ) {
        use cloud_lab_model::link::{LinkState, Query};
        let text = common::link_text(&pairs);
        let (p, _) = ServerlessParams::from_query(&Query::parse(&text));
        prop_assert!(evaluate(&p).is_ok(), "{}", text);
        common::round_trips(&p)?;
    }
}
