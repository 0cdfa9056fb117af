//! Invariants of the cost model, over generated inputs.

use cloud_lab_model::cost::*;
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

fn price_mut(p: &mut UnitPrices, i: usize) -> &mut f64 {
    match i % 10 {
        0 => &mut p.fargate_vcpu_hour_usd,
        1 => &mut p.fargate_gb_hour_usd,
        2 => &mut p.db_instance_hour_usd,
        3 => &mut p.db_storage_gb_month_usd,
        4 => &mut p.redis_node_hour_usd,
        5 => &mut p.alb_month_usd,
        6 => &mut p.s3_gb_month_usd,
        7 => &mut p.cdn_egress_gb_usd,
        8 => &mut p.origin_egress_gb_usd,
        _ => &mut p.nat_month_usd,
    }
}

/// Valid params around the worked example.
fn params() -> impl Strategy<Value = CostParams> {
    (
        (
            0.0..50.0f64,
            0.25..4.0f64,
            0.5..16.0f64,
            any::<bool>(),
            0u32..6,
        ),
        (
            0.0..1.0f64,
            0.0..50.0f64,
            0.0..10.0f64,
            prop::array::uniform10(0.0..2.0f64),
        ),
        (
            prop::array::uniform3(any::<bool>()),
            prop::array::uniform3(0.0..=1.0f64),
        ),
    )
        .prop_map(
            |(
                (tasks, vcpu, mem, multi_az, nodes),
                (hit, egress, stored, prices),
                (on, discount),
            )| {
                let mut p = CostParams {
                    average_tasks: tasks,
                    task_vcpu: vcpu,
                    task_memory_gb: mem,
                    multi_az,
                    redis_nodes: nodes,
                    cdn_hit_ratio: hit,
                    total_egress_tb: egress,
                    stored_tb: stored,
                    savings_plan: Lever {
                        on: on[0],
                        discount: discount[0],
                    },
                    db_reserved: Lever {
                        on: on[1],
                        discount: discount[1],
                    },
                    redis_reserved: Lever {
                        on: on[2],
                        discount: discount[2],
                    },
                    ..Default::default()
                };
                for (i, x) in prices.into_iter().enumerate() {
                    *price_mut(&mut p.prices, i) = x;
                }
                p
            },
        )
}

fn cents(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

proptest! {
    #[test]
    fn raising_any_price_never_lowers_the_bill(p in params(), which in 0usize..10, raise in 0.0..5.0f64) {
        let before = evaluate(&p).unwrap();
        let mut q = p.clone();
        *price_mut(&mut q.prices, which) += raise;
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
    fn every_column_adds_up_to_its_total(p in params()) {
        let o = evaluate(&p).unwrap();
        let sum = |f: &dyn Fn(&BillRow) -> f64| o.rows.iter().map(|r| cents(f(r))).sum::<i64>();
        prop_assert_eq!(sum(&|r| r.on_demand_usd), cents(o.on_demand_usd));
        prop_assert_eq!(sum(&|r| r.optimized_usd), cents(o.optimized_usd));
        prop_assert_eq!(o.levers.iter().map(|l| cents(l.optimized_usd)).sum::<i64>(), cents(o.optimized_usd));
        prop_assert_eq!(o.stack.iter().map(|s| cents(s.on_demand_usd)).sum::<i64>(), cents(o.on_demand_usd));
        prop_assert!(o.saving_usd >= 0.0);
        prop_assert!((0.0..=1.0).contains(&o.largest.share));
        prop_assert_eq!(o.egress.edge_gb + o.egress.origin_gb, o.egress.total_gb);
        for r in &o.rows {
            prop_assert!(r.optimized_usd <= r.on_demand_usd + 0.01, "{:?}", r);
        }
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        numbers in prop::array::uniform12(any_f64()),
        prices in prop::array::uniform10(any_f64()),
        discounts in prop::array::uniform3(any_f64()),
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
        for (i, x) in prices.into_iter().enumerate() {
            *price_mut(&mut p.prices, i) = x;
        }
        match evaluate(&p) {
            Ok(o) => {
                prop_assert!(o.on_demand_usd.is_finite() && o.optimized_usd.is_finite());
                prop_assert!(o.fleet_day.fixed_month_usd.is_finite());
                let _ = bill_csv(&o);
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn a_link_with_known_keys_reads_without_panic(
        pairs in prop::collection::vec((prop::sample::select(vec![
            "tasks", "vcpu", "mem", "hours", "maz", "dbgb", "redis", "stored", "egress", "hit",
            "p_vcpu", "p_cdn", "sp", "sp_pct", "steady", "peak", "peak_at", "peak_h", "cap", "floor",
        ]), "-?[0-9]{0,7}(\\.[0-9]{0,4})?"), 0..12),
    ) {
        use cloud_lab_model::link::{LinkState, Query};
        let text = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let (p, _) = CostParams::from_query(&Query::parse(&text));
        prop_assert!(evaluate(&p).is_ok(), "{}", text);
        let (back, ignored) = CostParams::from_query(&Query::parse(&p.to_query()));
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(back, p);
    }
}
