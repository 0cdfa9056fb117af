//! The worked example's cost model (§4): every row of both tables, both totals
//! and the saving, as golden rows; and cases worked by hand.

use cloud_lab_model::availability::DatabaseChoice;
use cloud_lab_model::cost::*;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::photoshare::{cost_tables, printed};
use cloud_lab_model::vocabulary::Cloud;

fn photoshare() -> CostOutcome {
    evaluate(&CostParams::default()).unwrap()
}

fn cents(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

#[test]
fn every_bill_row_as_printed() {
    let o = photoshare();
    assert_eq!(o.rows.len(), cost_tables::BILL.len());
    for (row, (quantity, unit_price, monthly)) in o.rows.iter().zip(cost_tables::BILL) {
        assert_eq!(row.quantity, quantity, "{row:?}");
        assert!((row.unit_price_usd - unit_price).abs() < 1e-12, "{row:?}");
        assert_eq!(row.on_demand_usd, monthly, "{row:?}");
    }
    let units: Vec<&str> = o.rows.iter().map(|r| r.unit).collect();
    assert_eq!(
        units,
        ["vCPU-hr", "GB-hr", "hr", "GB-mo", "node-hr", "mo", "GB-mo", "GB", "GB", "mo"]
    );
}

#[test]
fn five_tb_of_egress_splits_into_4710_and_410_gb() {
    let e = photoshare().egress;
    assert_eq!(
        (e.total_gb, e.edge_gb, e.origin_gb),
        (5_120.0, 4_710.0, 410.0)
    );
    // Unrounded, the split would be 4,710.4 and 409.6 GB and the lines 400.38 and 36.86.
    assert_eq!(cents(4_710.4 * 0.085), 40_038);
}

#[test]
fn the_on_demand_total_is_1358_49_whichever_way_it_is_summed() {
    let o = photoshare();
    assert_eq!(o.on_demand_usd, printed::ON_DEMAND_TOTAL_USD);
    let printed_rows: i64 = cost_tables::BILL.iter().map(|r| cents(r.2)).sum();
    assert_eq!(printed_rows, 135_849);
    let unrounded: f64 = cost_tables::BILL.iter().map(|r| r.0 * r.1).sum();
    assert_eq!(cents(unrounded), 135_849, "{unrounded}");
}

#[test]
fn every_lever_row_as_printed() {
    let o = photoshare();
    assert_eq!(o.levers.len(), cost_tables::LEVERS.len());
    for (lever, (discount_pct, on_demand, optimized)) in o.levers.iter().zip(cost_tables::LEVERS) {
        assert_eq!(
            lever.discount.map(|d| (d * 100.0).round()),
            discount_pct,
            "{lever:?}"
        );
        assert_eq!(lever.on_demand_usd, on_demand, "{lever:?}");
        assert_eq!(lever.optimized_usd, optimized, "{lever:?}");
    }
    let groups: Vec<Group> = o.levers.iter().map(|l| l.group).collect();
    assert_eq!(groups, Group::ALL);
    assert_eq!(o.levers[3].detail, "92 % hit");
}

#[test]
fn the_optimized_total_is_1047_63_whichever_way_it_is_summed() {
    let o = photoshare();
    assert_eq!(o.optimized_usd, printed::OPTIMIZED_TOTAL_USD);
    let printed_levers: i64 = cost_tables::LEVERS.iter().map(|l| cents(l.2)).sum();
    assert_eq!(printed_levers, 104_763);
    // Unrounded: each lever on the unrounded lines.
    let line = |i: usize| cost_tables::BILL[i].0 * cost_tables::BILL[i].1;
    let unrounded = (line(0) + line(1)) * 0.60
        + line(2) * 0.58
        + line(4) * 0.60
        + line(7)
        + line(8)
        + line(3)
        + line(5)
        + line(6)
        + line(9);
    assert_eq!(cents(unrounded), 104_763, "{unrounded}");
}

#[test]
fn each_printed_column_adds_up_to_its_printed_total() {
    let o = photoshare();
    let column = |f: fn(&BillRow) -> f64| o.rows.iter().map(|r| cents(f(r))).sum::<i64>();
    assert_eq!(column(|r| r.on_demand_usd), cents(o.on_demand_usd));
    assert_eq!(column(|r| r.optimized_usd), cents(o.optimized_usd));
    // The Savings Plan's 47.57 is split 38.98 + 8.59 (the spare cent to the larger fraction).
    assert_eq!(
        (o.rows[0].optimized_usd, o.rows[1].optimized_usd),
        (38.98, 8.59)
    );
    let stack_on: i64 = o.stack.iter().map(|s| cents(s.on_demand_usd)).sum();
    let stack_opt: i64 = o.stack.iter().map(|s| cents(s.optimized_usd)).sum();
    assert_eq!((stack_on, stack_opt), (135_849, 104_763));
    assert_eq!(o.stack[1].component, Component::Database);
    assert_eq!(
        (o.stack[1].on_demand_usd, o.stack[1].optimized_usd),
        (361.90, 214.73)
    );
}

#[test]
fn the_saving_is_23_percent_or_about_3730_a_year() {
    let o = photoshare();
    assert_eq!(o.saving_usd, 310.86);
    assert_eq!((o.saving_share * 100.0).round(), printed::SAVING_PCT);
    assert_eq!(o.saving_per_year_usd, 3_730.32);
    assert_eq!(
        (o.saving_per_year_usd / 10.0).round() * 10.0,
        printed::SAVING_PER_YEAR_USD
    );
}

#[test]
fn cdn_egress_is_the_largest_line() {
    let o = photoshare();
    assert_eq!(o.rows[o.largest.row].line, BillLine::CdnEgress);
    assert_eq!((o.largest.share * 100.0).round(), 29.0); // 400.35 / 1,358.49
    assert_eq!(o.largest_optimized.row, o.largest.row);
    assert_eq!((o.largest_optimized.share * 100.0).round(), 38.0); // 400.35 / 1,047.63
}

#[test]
fn single_az_halves_the_database_line_and_links_to_the_matching_availability() {
    let p = CostParams {
        multi_az: false,
        ..Default::default()
    };
    let o = evaluate(&p).unwrap();
    let db = &o.rows[2];
    assert_eq!(
        (db.unit_price_usd, db.on_demand_usd, db.optimized_usd),
        (0.24, 175.20, 101.62)
    ); // 175.20 × 0.58 = 101.616
    assert_eq!(db.detail, "Single-AZ");
    assert_eq!(o.on_demand_usd, 1_183.29);
    assert_eq!(o.optimized_usd, 946.02); // 1,047.63 − 203.23 + 101.62
    assert_eq!(o.database, DatabaseChoice::SingleAz);
    assert_eq!(p.database_choice(), DatabaseChoice::SingleAz);
    assert!(
        p.availability_hash().ends_with("db%3A99.5"),
        "{}",
        p.availability_hash()
    );
    assert_eq!(CostParams::default().availability_hash(), "#/availability");
    assert_eq!(cost_hash_for(DatabaseChoice::SingleAz), "#/cost?maz=0");
    assert_eq!(cost_hash_for(DatabaseChoice::MultiAz), "#/cost");
}

#[test]
fn with_every_lever_off_the_optimized_bill_is_the_on_demand_bill() {
    let mut p = CostParams::default();
    p.savings_plan.on = false;
    p.db_reserved.on = false;
    p.redis_reserved.on = false;
    let o = evaluate(&p).unwrap();
    assert_eq!(o.optimized_usd, 1_358.49);
    assert_eq!(o.saving_usd, 0.0);
    assert!(o
        .rows
        .iter()
        .all(|r| r.lever.is_none() && r.optimized_usd == r.on_demand_usd));
    assert_eq!(o.levers[0].discount, Some(0.0));
}

#[test]
fn one_lever_at_a_time_worked_by_hand() {
    // (lever on, optimized total): the other two off.
    let rows = [
        (0, 1_358.49 - 79.28 + 47.57),
        (1, 1_358.49 - 350.40 + 203.23),
        (2, 1_358.49 - 329.96 + 197.98),
    ];
    for (on, want) in rows {
        let mut p = CostParams::default();
        p.savings_plan.on = on == 0;
        p.db_reserved.on = on == 1;
        p.redis_reserved.on = on == 2;
        assert_eq!(
            cents(evaluate(&p).unwrap().optimized_usd),
            cents(want),
            "lever {on}"
        );
    }
}

#[test]
fn an_elastic_day_against_a_fleet_fixed_at_the_peak() {
    let day = photoshare().fleet_day;
    // 23 hours at 1,200 req/s → 96 at the origin → 2 tasks; one hour at 9,000 → 720 → 8 tasks.
    assert_eq!(day.hours.len(), 24);
    assert_eq!(
        (
            day.hours[19].tasks,
            day.hours[20].tasks,
            day.hours[21].tasks
        ),
        (2, 8, 2)
    );
    assert!((day.hours[20].origin_per_s - 720.0).abs() < 1e-9);
    assert_eq!(day.fixed_tasks, 8);
    assert_eq!(day.elastic_task_hours_per_day, 23.0 * 2.0 + 8.0);
    assert_eq!(day.fixed_task_hours_per_day, 8.0 * 24.0);
    assert!((day.task_hour_usd - 0.0543).abs() < 1e-12); // 0.0445 + 2 × 0.0049
                                                         // 54 × 730 / 24 = 1,642.5 task-hours; 192 × 730 / 24 = 5,840.
    assert_eq!(day.elastic_month_usd, 89.19); // 89.18775
    assert_eq!(day.fixed_month_usd, 317.11); // 317.112
    assert_eq!(day.fixed_idle_share, 1.0 - 54.0 / 192.0);
}

#[test]
fn a_peak_window_may_run_past_midnight() {
    let mut p = CostParams::default();
    p.day.peak_start_hour = 22;
    p.day.peak_hours = 3;
    let tasks: Vec<u32> = evaluate(&p)
        .unwrap()
        .fleet_day
        .hours
        .iter()
        .map(|h| h.tasks)
        .collect();
    assert_eq!(&tasks[..2], [8, 2].as_slice());
    assert_eq!(&tasks[21..], [2, 8, 8].as_slice());
}

#[test]
fn the_csv_export() {
    let csv = bill_csv(&photoshare());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(
        lines[0],
        "component,unit,quantity,unit_price_usd,on_demand_usd,lever,optimized_usd"
    );
    assert_eq!(
        lines[1],
        "App — ECS Fargate vCPU (2 tasks × 1 vCPU),vCPU-hr,1460,0.0445,64.97,1-yr Compute Savings Plan,38.98"
    );
    assert_eq!(
        lines[9],
        "\"Origin egress (0.4 TB, 8 % misses)\",GB,410,0.09,36.90,,36.90"
    );
    assert_eq!(lines[11], "total,,,,1358.49,,1047.63");
    let azure = bill_csv_in(&photoshare(), Cloud::Azure);
    assert!(
        azure.contains("Front Door egress (4.6 TB at the edge)"),
        "{azure}"
    );
}

#[test]
fn labels_follow_the_cloud() {
    let o = photoshare();
    assert_eq!(
        o.rows[2].label(Cloud::Aws),
        "RDS for PostgreSQL instance (Multi-AZ ⇒ ×2)"
    );
    assert_eq!(
        o.rows[5].label(Cloud::Azure),
        "Application Gateway (hours + capacity units)"
    );
    assert_eq!(
        Group::ComputeSavingsPlan.name(Cloud::Aws),
        "1-yr Compute Savings Plan"
    );
    assert_eq!(
        Group::CacheReserved.name(Cloud::Azure),
        "1-yr Azure Reservation"
    );
}

#[test]
fn bad_input_gives_clear_messages() {
    let mut p = CostParams::default();
    p.prices.cdn_egress_gb_usd = -0.085;
    p.db_reserved.discount = 1.2;
    p.cdn_hit_ratio = 1.5;
    p.average_tasks = f64::NAN;
    let problems = evaluate(&p).unwrap_err();
    assert_eq!(
        problems,
        [
            "The average task count must be between 0 and 10000.",
            "The CDN hit ratio must be between 0 and 100 %.",
            "The database reservation discount must be between 0 and 100 %.",
            "The CDN egress price must be a number of dollars from 0 to 1000000.",
        ]
    );
}

#[test]
fn links_round_trip_and_the_default_is_an_empty_query() {
    assert_eq!(CostParams::default().to_query(), "");
    let mut p = CostParams {
        average_tasks: 2.5,
        multi_az: false,
        cdn_hit_ratio: 0.85,
        total_egress_tb: 7.5,
        ..Default::default()
    };
    p.prices.nat_month_usd = 32.4;
    p.savings_plan = Lever {
        on: false,
        discount: 0.3,
    };
    p.day.peak_hours = 3;
    let q = p.to_query();
    assert_eq!(
        q,
        "tasks=2.5&egress=7.5&p_nat=32.4&peak_h=3&hit=85&sp_pct=30&maz=0&sp=0"
    );
    let (back, ignored) = CostParams::from_query(&Query::parse(&q));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(back, p);
}

#[test]
fn a_bad_link_keeps_the_defaults_and_says_what_it_ignored() {
    let (p, ignored) = CostParams::from_query(&Query::parse(
        "hit=150&p_cdn=-1&sp_pct=abc&maz=yes&vcpu=0&zzz=1",
    ));
    assert_eq!(p, CostParams::default());
    let keys: Vec<&str> = ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["vcpu", "p_cdn", "hit", "sp_pct", "maz", "zzz"]);
}
