//! The worked example's cost model (§4): every row of both tables, both totals
//! and the saving, as golden rows; and cases worked by hand, to the cent.

use cloud_lab_model::availability::DatabaseChoice;
use cloud_lab_model::cost::*;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::money::{Decimal, Usd};
use cloud_lab_model::photoshare::{cost_tables, printed};
use cloud_lab_model::vocabulary::Cloud;

mod common;

fn photoshare() -> CostOutcome {
    evaluate(&CostParams::default()).unwrap()
}

fn usd(text: &str) -> Usd {
    Decimal::parse(text).unwrap().cents().unwrap()
}

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

fn with_link(query: &str) -> CostOutcome {
    let (p, ignored) = CostParams::from_query(&Query::parse(query));
    assert!(ignored.is_empty(), "{ignored:?}");
    evaluate(&p).unwrap()
}

#[test]
fn every_bill_row_as_printed() {
    let o = photoshare();
    assert_eq!(o.rows.len(), cost_tables::BILL.len());
    for (row, (quantity, unit_price, monthly)) in o.rows.iter().zip(cost_tables::BILL) {
        assert_eq!(row.quantity, quantity, "{row:?}");
        assert_eq!(row.unit_price_usd, unit_price, "{row:?}");
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
    assert_eq!((e.total_gb, e.edge_gb, e.origin_gb), (5_120, 4_710, 410));
    // Unrounded, the split would be 4,710.4 and 409.6 GB and the edge line 400.384 → 400.38.
    assert_eq!(
        d("4710.4").checked_mul(d("0.085")).unwrap().cents(),
        Some(usd("400.38"))
    );
    // Half a GB rounds up: 5 TB at 92.5 % is 4,736 GB exactly; at 0.01 % less it is 4,735.488.
    assert_eq!(egress_split(5.0, 0.925).unwrap().edge_gb, 4_736);
    assert_eq!(egress_split(5.0, 0.9249).unwrap().edge_gb, 4_735);
    assert_eq!(
        egress_split(0.5, 0.5).unwrap(),
        EgressSplit {
            total_gb: 512,
            edge_gb: 256,
            origin_gb: 256
        }
    );
}

#[test]
fn the_on_demand_total_is_1358_49_whichever_way_it_is_summed() {
    let o = photoshare();
    assert_eq!(o.on_demand_usd.to_f64(), printed::ON_DEMAND_TOTAL_USD);
    assert_eq!(o.on_demand_usd, usd("1358.49"));
    let printed_rows: Usd = cost_tables::BILL.iter().map(|r| r.2).sum();
    assert_eq!(printed_rows, usd("1358.49"));
    // The exact products, unrounded, sum to 1,358.492 — the same cents.
    let mut unrounded = Decimal::ZERO;
    for (q, price, _) in cost_tables::BILL {
        unrounded = unrounded
            .checked_add(q.checked_mul(price).unwrap())
            .unwrap();
    }
    assert_eq!(unrounded, d("1358.492"));
}

#[test]
fn five_tasks_bill_the_half_cent_up() {
    // 5 × 1 vCPU × 730 h = 3,650 vCPU-h × $0.0445 = $162.425 → $162.43 (f64 gave $162.42);
    // 7,300 GB-h × $0.0049 = $35.77. On demand 1,358.49 − 64.97 − 14.31 + 162.43 + 35.77.
    let o = with_link("tasks=5");
    assert_eq!(o.rows[0].quantity, d("3650"));
    assert_eq!(o.rows[0].on_demand_usd, usd("162.43"));
    assert_eq!(o.rows[1].on_demand_usd, usd("35.77"));
    assert_eq!(o.on_demand_usd, usd("1477.41"));
    // Savings Plan per line: 162.43 × 0.6 = 97.458 → 97.46; 35.77 × 0.6 = 21.462 → 21.46.
    assert_eq!(
        (o.rows[0].optimized_usd, o.rows[1].optimized_usd),
        (usd("97.46"), usd("21.46"))
    );
    assert_eq!(o.levers[0].optimized_usd, usd("118.92"));
    assert_eq!(o.optimized_usd, usd("1118.98"));
    assert_eq!(o.saving_usd, usd("358.43"));
}

#[test]
fn a_price_from_a_link_or_field_is_the_decimal_typed() {
    // $0.105 is half a cent: it rounds up to $0.11 (as an f64, 0.105 is 0.10499…, which rounds down).
    let o = with_link("p_alb=0.105");
    assert_eq!(o.rows[5].unit_price_usd, d("0.105"));
    assert_eq!(o.rows[5].on_demand_usd, usd("0.11"));
    // 1,460 vCPU-h at $0.044545 = $65.0357 → $65.04; 2,048 GB at $0.0225 = $46.08.
    let o = with_link("p_vcpu=0.044545&p_s3=0.0225");
    assert_eq!(o.rows[0].on_demand_usd, usd("65.04"));
    assert_eq!(o.rows[6].on_demand_usd, usd("46.08"));
    // 100 GB at $1.005 = $100.50 exactly, and half a cent: 1 × $0.005 → $0.01.
    assert_eq!(
        with_link("p_dbgb=1.005").rows[3].on_demand_usd,
        usd("100.50")
    );
    assert_eq!(with_link("p_nat=0.005").rows[9].on_demand_usd, usd("0.01"));
    assert_eq!(with_link("p_nat=0.0049999").rows[9].on_demand_usd, usd("0"));
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
        let lines = o.rows.iter().filter(|r| r.line.group() == lever.group);
        assert_eq!(
            lines.clone().map(|r| r.on_demand_usd).sum::<Usd>(),
            on_demand
        );
        assert_eq!(lines.map(|r| r.optimized_usd).sum::<Usd>(), optimized);
    }
    let groups: Vec<Group> = o.levers.iter().map(|l| l.group).collect();
    assert_eq!(groups, Group::ALL);
    assert_eq!(o.levers[3].detail, "92 % hit");
}

#[test]
fn the_optimized_total_is_1047_63_whichever_way_it_is_summed() {
    let o = photoshare();
    assert_eq!(o.optimized_usd.to_f64(), printed::OPTIMIZED_TOTAL_USD);
    assert_eq!(o.optimized_usd, usd("1047.63"));
    let printed_levers: Usd = cost_tables::LEVERS.iter().map(|l| l.2).sum();
    assert_eq!(printed_levers, usd("1047.63"));
    // Unrounded: each lever on the exact lines, 1,047.63… — the same cents.
    let line = |i: usize| {
        cost_tables::BILL[i]
            .0
            .checked_mul(cost_tables::BILL[i].1)
            .unwrap()
    };
    let keep = |x: Decimal, k: &str| x.checked_mul(d(k)).unwrap();
    let mut unrounded = keep(line(0).checked_add(line(1)).unwrap(), "0.6");
    for x in [
        keep(line(2), "0.58"),
        keep(line(4), "0.6"),
        line(3),
        line(5),
        line(6),
        line(7),
        line(8),
        line(9),
    ] {
        unrounded = unrounded.checked_add(x).unwrap();
    }
    assert_eq!(unrounded.cents(), Some(usd("1047.63")), "{unrounded}");
}

#[test]
fn each_printed_column_adds_up_to_its_printed_total() {
    let o = photoshare();
    let column = |f: fn(&BillRow) -> Usd| o.rows.iter().map(f).sum::<Usd>();
    assert_eq!(column(|r| r.on_demand_usd), o.on_demand_usd);
    assert_eq!(column(|r| r.optimized_usd), o.optimized_usd);
    // The Savings Plan line by line: 64.97 × 0.6 = 38.982 → 38.98; 14.31 × 0.6 = 8.586 → 8.59.
    assert_eq!(
        (o.rows[0].optimized_usd, o.rows[1].optimized_usd),
        (usd("38.98"), usd("8.59"))
    );
    let stack_on: Usd = o.stack.iter().map(|s| s.on_demand_usd).sum();
    let stack_opt: Usd = o.stack.iter().map(|s| s.optimized_usd).sum();
    assert_eq!((stack_on, stack_opt), (usd("1358.49"), usd("1047.63")));
    assert_eq!(o.stack[1].component, Component::Database);
    assert_eq!(
        (o.stack[1].on_demand_usd, o.stack[1].optimized_usd),
        (usd("361.90"), usd("214.73"))
    );
}

#[test]
fn the_saving_is_23_percent_or_about_3730_a_year() {
    let o = photoshare();
    assert_eq!(o.saving_usd, usd("310.86"));
    assert_eq!((o.saving_share * 100.0).round(), printed::SAVING_PCT);
    assert_eq!(o.saving_per_year_usd, usd("3730.32"));
    assert_eq!(
        (o.saving_per_year_usd.to_f64() / 10.0).round() * 10.0,
        printed::SAVING_PER_YEAR_USD
    );
}

#[test]
fn a_careful_reader_sees_multi_az_storage_billed_twice() {
    // RDS bills a Multi-AZ instance's storage for the primary and the standby: 2 × $11.50.
    // The worked example counts it once, and the bill keeps its printed line.
    let o = photoshare();
    assert_eq!(o.rows[3].on_demand_usd, usd("11.50"));
    assert_eq!(
        o.multi_az_storage,
        Some(MultiAzStorage {
            gb: 100.0,
            counted_usd: usd("11.50"),
            billed_usd: usd("23.00"),
        })
    );
    assert!(MULTI_AZ_STORAGE_SOURCE.contains("primary and the standby"));
    assert_eq!(with_link("maz=0").multi_az_storage, None);
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
        (d("0.24"), usd("175.20"), usd("101.62"))
    ); // 175.20 × 0.58 = 101.616
    assert_eq!(db.detail, "Single-AZ");
    assert_eq!(o.on_demand_usd, usd("1183.29"));
    assert_eq!(o.optimized_usd, usd("946.02")); // 1,047.63 − 203.23 + 101.62
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
    assert_eq!(o.optimized_usd, usd("1358.49"));
    assert_eq!(o.saving_usd, Usd::ZERO);
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
        (0, "1326.78"), // 1,358.49 − 79.28 + 47.57
        (1, "1211.32"), // 1,358.49 − 350.40 + 203.23
        (2, "1226.51"), // 1,358.49 − 329.96 + 197.98
    ];
    for (on, want) in rows {
        let mut p = CostParams::default();
        p.savings_plan.on = on == 0;
        p.db_reserved.on = on == 1;
        p.redis_reserved.on = on == 2;
        assert_eq!(evaluate(&p).unwrap().optimized_usd, usd(want), "lever {on}");
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
    assert_eq!(day.elastic_task_hours_per_day, 23 * 2 + 8);
    assert_eq!(day.fixed_task_hours_per_day, 8 * 24);
    assert_eq!(day.task_hour_usd, d("0.0543")); // 0.0445 + 2 × 0.0049
                                                // 54 × 730 / 24 = 1,642.5 task-hours; 192 × 730 / 24 = 5,840.
    assert_eq!(day.elastic_month_usd, usd("89.19")); // 89.18775
    assert_eq!(day.fixed_month_usd, usd("317.11")); // 317.112
    assert_eq!(day.fixed_idle_share, 1.0 - 54.0 / 192.0);
    // A month that is not a whole number of days: 54 × 731 ÷ 24 × 0.0543 = 89.3099… → 89.31.
    let o = with_link("hours=731");
    assert_eq!(o.fleet_day.elastic_month_usd, usd("89.31"));
}

/// `cap` is a task's capacity at 100 % CPU wherever the lab simulates CPU (autoscaling, the
/// failure drill, cache-cdn: 150); the bill's fleet day takes a task's capacity held at the CPU
/// target (150 × 60 % = 90), so its key is `tcap`, and `cap` is not one of its keys.
#[test]
fn the_fleet_day_reads_a_capacity_at_the_cpu_target_as_tcap() {
    // 9,000 × 8 % = 720 req/s at the origin: 720 ÷ 90 = 8 tasks; 720 ÷ 150 would be 5.
    assert_eq!(photoshare().fleet_day.fixed_tasks, 8);
    assert_eq!(with_link("tcap=150").fleet_day.fixed_tasks, 5);
    let (p, ignored) = CostParams::from_query(&Query::parse("cap=150"));
    assert_eq!(p, CostParams::default());
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].key, "cap");
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
    // The exact prices and the half-cent rounding reach the export too.
    let csv = bill_csv(&with_link("tasks=5&p_gb=0.00490"));
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[1].ends_with(",3650,0.0445,162.43,1-yr Compute Savings Plan,97.46"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with(",7300,0.0049,35.77,1-yr Compute Savings Plan,21.46"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[11], "total,,,,1477.41,,1118.98");
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
    p.prices.cdn_egress_gb_usd = d("-0.085");
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
    p.prices.nat_month_usd = d("32.4");
    p.savings_plan = Lever {
        on: false,
        discount: 0.3,
    };
    p.day.peak_hours = 3;
    common::assert_link(
        &p,
        "tasks=2.5&egress=7.5&peak_h=3&hit=85&sp_pct=30&maz=0&sp=0&p_nat=32.4",
    );
}

#[test]
fn a_bad_link_keeps_the_defaults_and_says_what_it_ignored() {
    // In the parameter table's order, which is the link's.
    common::assert_bad_link::<CostParams>(
        "hit=150&p_cdn=-1&sp_pct=abc&maz=yes&vcpu=0&zzz=1",
        &["vcpu", "hit", "sp_pct", "maz", "p_cdn", "zzz"],
    );
}
