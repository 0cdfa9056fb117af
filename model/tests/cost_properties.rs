//! Invariants of the cost model, over generated inputs: every line is the exact decimal
//! product of its quantity and unit price rounded half a cent up, every total the sum of
//! its lines — checked against integer arithmetic written out here, not the model's own.

use cloud_lab_model::cost::*;
use cloud_lab_model::money::{Decimal, Usd};
use proptest::prelude::*;

mod common;
use common::{any_f64, any_price_text, decimal_text};

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..1_000.0;

/// An exact decimal written out independently of the model: units over 10^places.
#[derive(Clone, Copy, Debug)]
struct Exact {
    units: u128,
    places: u32,
}

impl Exact {
    fn of(text: &str) -> Exact {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        Exact {
            units: format!("{whole}{fraction}").parse().unwrap(),
            places: fraction.len() as u32,
        }
    }

    fn times(self, other: Exact) -> Exact {
        Exact {
            units: self.units * other.units,
            places: self.places + other.places,
        }
    }

    /// Half a cent up, by hand: ⌊(2 × units × 100 + 10^places) ÷ (2 × 10^places)⌋.
    fn cents(self) -> i128 {
        let scale = 10u128.pow(self.places);
        ((2 * self.units * 100 + scale) / (2 * scale)) as i128
    }

    /// Half up to a whole number.
    fn whole(self) -> u128 {
        let scale = 10u128.pow(self.places);
        (2 * self.units + scale) / (2 * scale)
    }

    fn decimal(self) -> Decimal {
        let digits = format!("{:0>width$}", self.units, width = self.places as usize + 1);
        let (whole, fraction) = digits.split_at(digits.len() - self.places as usize);
        Decimal::parse(&format!("{whole}.{fraction}0")).unwrap()
    }
}

/// Valid params around the worked example, every number a short decimal, with the texts
/// the quantities were typed as.
#[derive(Clone, Debug)]
struct Typed {
    p: CostParams,
    tasks: String,
    vcpu: String,
    mem: String,
    hours: String,
    dbgb: String,
    stored: String,
    egress: String,
    hit: String,
    discounts: [String; 3],
}

fn typed() -> impl Strategy<Value = Typed> {
    (
        (
            decimal_text(5_000, 2),
            decimal_text(1_600, 2).prop_filter("0.25–16 vCPU", |t| {
                (0.25..=16.0).contains(&t.parse::<f64>().unwrap())
            }),
            decimal_text(1_200, 1).prop_filter("0.5–120 GB", |t| {
                (0.5..=120.0).contains(&t.parse::<f64>().unwrap())
            }),
            decimal_text(7_440, 1).prop_filter("1–744 h", |t| {
                (1.0..=744.0).contains(&t.parse::<f64>().unwrap())
            }),
            decimal_text(655_360, 1)
                .prop_filter("0–65,536 GB", |t| t.parse::<f64>().unwrap() <= 65_536.0),
            any::<bool>(),
            0u32..6,
        ),
        (
            decimal_text(100, 2).prop_filter("0–100 %", |t| t.parse::<f64>().unwrap() <= 1.0),
            decimal_text(50_000, 3),
            decimal_text(10_000, 3),
            prop::array::uniform10(decimal_text(1_000_000, 7)),
        ),
        (
            prop::array::uniform3(any::<bool>()),
            prop::array::uniform3(
                decimal_text(100, 2).prop_filter("0–100 %", |t| t.parse::<f64>().unwrap() <= 1.0),
            ),
        ),
    )
        .prop_map(
            |(
                (tasks, vcpu, mem, hours, dbgb, multi_az, nodes),
                (hit, egress, stored, prices),
                (on, discounts),
            )| {
                let f = |t: &str| t.parse::<f64>().unwrap();
                let lever = |i: usize| Lever {
                    on: on[i],
                    discount: f(&discounts[i]),
                };
                let mut p = CostParams {
                    average_tasks: f(&tasks),
                    task_vcpu: f(&vcpu),
                    task_memory_gb: f(&mem),
                    hours_per_month: f(&hours),
                    db_storage_gb: f(&dbgb),
                    multi_az,
                    redis_nodes: nodes,
                    cdn_hit_ratio: f(&hit),
                    total_egress_tb: f(&egress),
                    stored_tb: f(&stored),
                    savings_plan: lever(0),
                    db_reserved: lever(1),
                    redis_reserved: lever(2),
                    ..Default::default()
                };
                for (field, price) in PRICES.iter().zip(&prices) {
                    field.set_price(&mut p, Decimal::parse(price).unwrap());
                }
                Typed {
                    p,
                    tasks,
                    vcpu,
                    mem,
                    hours,
                    dbgb,
                    stored,
                    egress,
                    hit,
                    discounts,
                }
            },
        )
}

fn params() -> impl Strategy<Value = CostParams> {
    typed().prop_map(|t| t.p)
}

proptest! {
    #[test]
    fn each_line_is_the_exact_product_rounded_half_up_and_each_total_the_sum_of_lines(t in typed()) {
        let o = evaluate(&t.p).unwrap();
        let e = |s: &str| Exact::of(s);
        let price = |i: usize| e(&PRICES[i].price_of(&t.p).unwrap_or_default().to_string());
        // The egress split by hand: whole GB, half up.
        let total_gb = e(&t.egress).times(e("1024")).whole();
        let edge_gb = Exact { units: total_gb, places: 0 }.times(e(&t.hit)).whole();
        let instances = if t.p.multi_az { "2" } else { "1" };
        let nodes = t.p.redis_nodes.to_string();
        let lines = [
            (e(&t.tasks).times(e(&t.vcpu)).times(e(&t.hours)), price(0)),
            (e(&t.tasks).times(e(&t.mem)).times(e(&t.hours)), price(1)),
            (e(&t.hours), price(2).times(e(instances))),
            (e(&t.dbgb), price(3)),
            (e(&nodes).times(e(&t.hours)), price(4)),
            (e("1"), price(5)),
            (e(&t.stored).times(e("1024")), price(6)),
            (Exact { units: edge_gb, places: 0 }, price(7)),
            (Exact { units: total_gb - edge_gb, places: 0 }, price(8)),
            (e("1"), price(9)),
        ];
        prop_assert_eq!(o.rows.len(), lines.len());
        for (row, (quantity, unit_price)) in o.rows.iter().zip(lines) {
            prop_assert_eq!(row.quantity, quantity.decimal(), "{:?}", row.line);
            prop_assert_eq!(row.unit_price_usd, unit_price.decimal(), "{:?}", row.line);
            let on_demand = quantity.times(unit_price).cents();
            prop_assert_eq!(row.on_demand_usd.cents(), on_demand, "{:?}", row.line);
            // A lever takes its discount off the line's cents, rounded half up the same way.
            let discount = match row.line.group() {
                Group::ComputeSavingsPlan => Some((t.p.savings_plan, &t.discounts[0])),
                Group::DatabaseReserved => Some((t.p.db_reserved, &t.discounts[1])),
                Group::CacheReserved => Some((t.p.redis_reserved, &t.discounts[2])),
                Group::CdnOffload | Group::Unchanged => None,
            };
            let optimized = match discount {
                Some((lever, pct)) if lever.on && lever.discount > 0.0 => {
                    let keep = e("1").times(e("100")).units - e(pct).times(e("100")).whole();
                    // keep is in hundredths: the discounts here have at most two places.
                    let keep = Exact { units: keep, places: 2 };
                    Exact { units: on_demand as u128, places: 2 }.times(keep).cents()
                }
                _ => on_demand,
            };
            prop_assert_eq!(row.optimized_usd.cents(), optimized, "{:?}", row.line);
        }
        let sum = |f: fn(&BillRow) -> Usd| o.rows.iter().map(f).sum::<Usd>();
        prop_assert_eq!(sum(|r| r.on_demand_usd), o.on_demand_usd);
        prop_assert_eq!(sum(|r| r.optimized_usd), o.optimized_usd);
        prop_assert_eq!(o.levers.iter().map(|l| l.on_demand_usd).sum::<Usd>(), o.on_demand_usd);
        prop_assert_eq!(o.levers.iter().map(|l| l.optimized_usd).sum::<Usd>(), o.optimized_usd);
        prop_assert_eq!(o.stack.iter().map(|s| s.on_demand_usd).sum::<Usd>(), o.on_demand_usd);
        prop_assert_eq!(o.stack.iter().map(|s| s.optimized_usd).sum::<Usd>(), o.optimized_usd);
        prop_assert_eq!(o.saving_usd, o.on_demand_usd - o.optimized_usd);
        prop_assert_eq!(o.saving_per_year_usd.cents(), o.saving_usd.cents() * 12);
    }

    #[test]
    fn raising_any_price_never_lowers_the_bill(p in params(), which in 0usize..10, raise in decimal_text(50_000, 4)) {
        let before = evaluate(&p).unwrap();
        let mut q = p.clone();
        let field = PRICES[which];
        let raised = field.price_of(&q).unwrap().checked_add(Decimal::parse(&raise).unwrap()).unwrap();
        prop_assume!(price_in_range(raised));
        field.set_price(&mut q, raised);
        let after = evaluate(&q).unwrap();
        prop_assert!(after.on_demand_usd >= before.on_demand_usd);
        prop_assert!(after.optimized_usd >= before.optimized_usd);
    }

    #[test]
    fn a_bigger_discount_never_raises_the_bill(p in params(), extra in 0.0..0.5f64) {
        let before = evaluate(&p).unwrap();
        let mut q = p.clone();
        q.savings_plan = Lever { on: true, discount: (p.savings_plan.applied() + extra).min(1.0) };
        prop_assert!(evaluate(&q).unwrap().optimized_usd <= before.optimized_usd);
    }

    #[test]
    fn the_shapes_hold(p in params()) {
        let o = evaluate(&p).unwrap();
        prop_assert!(o.saving_usd >= Usd::ZERO);
        prop_assert!((0.0..=1.0).contains(&o.largest.share));
        prop_assert_eq!(o.egress.edge_gb + o.egress.origin_gb, o.egress.total_gb);
        for r in &o.rows {
            prop_assert!(r.optimized_usd <= r.on_demand_usd, "{:?}", r);
        }
        let day = &o.fleet_day;
        prop_assert!(day.elastic_month_usd <= day.fixed_month_usd);
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        numbers in prop::array::uniform12(any_f64(USUAL)),
        prices in prop::array::uniform10(any_price_text()),
        discounts in prop::array::uniform3(any_f64(USUAL)),
        whole in prop::array::uniform4(0u32..1_000),
    ) {
        let mut p = CostParams {
            hours_per_month: numbers[0],
            average_tasks: numbers[1],
            task_vcpu: numbers[2],
            task_memory_gb: numbers[3],
            db_storage_gb: numbers[4],
            stored_tb: numbers[5],
            total_egress_tb: numbers[6],
            cdn_hit_ratio: numbers[7],
            redis_nodes: whole[0],
            ..Default::default()
        };
        p.day = DayProfile {
            steady_edge_per_s: numbers[8],
            peak_edge_per_s: numbers[9],
            task_capacity_per_s: numbers[10],
            peak_start_hour: whole[1] % 30,
            peak_hours: whole[2] % 30,
            min_tasks: whole[3],
        };
        p.savings_plan.discount = discounts[0];
        p.db_reserved.discount = discounts[1];
        p.redis_reserved.discount = discounts[2];
        for (field, price) in PRICES.iter().zip(&prices) {
            field.set_price(&mut p, Decimal::parse(price).unwrap());
        }
        match evaluate(&p) {
            Ok(o) => {
                prop_assert!(o.optimized_usd <= o.on_demand_usd);
                let _ = bill_csv(&o);
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn a_link_with_known_keys_reads_without_panic(
        pairs in prop::collection::vec((prop::sample::select(vec![
            "tasks", "vcpu", "mem", "hours", "maz", "dbgb", "redis", "stored", "egress", "hit",
            "p_vcpu", "p_cdn", "sp", "sp_pct", "steady", "peak", "peak_at", "peak_h", "tcap", "floor",
        ]), "-?[0-9]{0,7}(\\.[0-9]{0,4})?"), 0..12),
    ) {
        use cloud_lab_model::link::{LinkState, Query};
        let text = common::link_text(&pairs);
        let (p, _) = CostParams::from_query(&Query::parse(&text));
        prop_assert!(evaluate(&p).is_ok(), "{}", text);
        common::round_trips(&p)?;
    }
}

proptest! {
    #[test]
    fn a_price_in_a_link_is_read_exactly_and_written_back_the_same(
        which in 0usize..10, price in "[0-9]{1,6}(\\.[0-9]{1,12})?",
    ) {
        use cloud_lab_model::link::{LinkState, Query};
        let field = PRICES[which];
        let (p, ignored) = CostParams::from_query(&Query::parse(&format!("{}={price}", field.spec.key)));
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(field.price_of(&p), Decimal::parse(&price));
        common::round_trips(&p)?;
    }
}
