//! Cost: where PhotoShare's money goes, what a commitment takes off, and a budget to meet.

use super::{percent, Exercise, Kind};
use crate::cost::{BillLine, BillRow, CostOutcome, CostParams, Group, LeverRow};
use crate::money::Usd;

type P = CostParams;
type O = CostOutcome;

/// The lines the "largest line" question offers, in its options' order.
const CANDIDATES: [BillLine; 4] = [
    BillLine::FargateVcpu,
    BillLine::DbInstance,
    BillLine::Redis,
    BillLine::CdnEgress,
];

/// The budget is met by what PhotoShare runs, not by what it pays per unit or how much it
/// serves: prices, commitments' discounts, hours and traffic stay as asked.
fn same_prices_and_traffic(p: &P) -> bool {
    let asked = P::default();
    p.prices == asked.prices
        && p.hours_per_month == asked.hours_per_month
        && p.stored_tb == asked.stored_tb
        && p.total_egress_tb == asked.total_egress_tb
        && [p.savings_plan, p.db_reserved, p.redis_reserved].map(|l| l.discount)
            == [asked.savings_plan, asked.db_reserved, asked.redis_reserved].map(|l| l.discount)
}

fn lever(o: &O, group: Group) -> Option<&LeverRow> {
    o.levers.iter().find(|l| l.group == group)
}

fn compute_rows(o: &O) -> impl Iterator<Item = &BillRow> {
    o.rows
        .iter()
        .filter(|r| r.lever == Some(Group::ComputeSavingsPlan))
}

/// A month's budget the optimized bill has to meet.
const BUDGET_USD: &str = "1000.00";

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "largest-line",
        title: "The bill's largest line",
        setup: |_| {},
        question: |_, o| {
            format!(
                "PhotoShare's on-demand bill is ${} a month. Which line of it is the largest?",
                o.on_demand_usd
            )
        },
        kind: Kind::Choose {
            options: &[
                "The app tasks' vCPU",
                "The database instance",
                "The Redis nodes",
                "CDN egress",
            ],
            answer: |_, o| {
                let line = o.rows.get(o.largest.row).map(|r| r.line);
                CANDIDATES
                    .iter()
                    .position(|&c| Some(c) == line)
                    .unwrap_or(CANDIDATES.len())
            },
        },
        hint: "A read-heavy app serves terabytes: price a month's transfer before the servers.",
        why: |_, o| match o.rows.get(o.largest.row) {
            Some(r) => format!(
                "The largest line is {} × ${} = ${}, {} of the ${} bill.",
                r.quantity,
                r.unit_price_usd,
                r.on_demand_usd,
                percent(o.largest.share),
                o.on_demand_usd
            ),
            None => "The bill has no lines.".into(),
        },
    },
    Exercise {
        slug: "savings-plan",
        title: "The Savings Plan's price",
        setup: |p| p.savings_plan.on = true,
        question: |p, o| {
            let on_demand =
                lever(o, Group::ComputeSavingsPlan).map_or(Usd::ZERO, |l| l.on_demand_usd);
            format!(
                "The app tasks cost ${on_demand} a month on demand. A 1-year Compute Savings Plan \
                 takes {} off. What do they cost with it, to the cent?",
                percent(p.savings_plan.discount)
            )
        },
        kind: Kind::predict(
            |_, o| lever(o, Group::ComputeSavingsPlan).map_or(0.0, |l| l.optimized_usd.to_f64()),
            0.01,
            "$",
        ),
        hint: "Take the discount off each line of the plan (vCPU and memory), round each to the \
               cent, then add them.",
        why: |p, o| {
            let lines: Vec<String> = compute_rows(o)
                .map(|r| {
                    format!(
                        "${} × (1 − {}) = ${}",
                        r.on_demand_usd, p.savings_plan.discount, r.optimized_usd
                    )
                })
                .collect();
            let total = lever(o, Group::ComputeSavingsPlan).map_or(Usd::ZERO, |l| l.optimized_usd);
            format!("{}; together ${total}.", lines.join(" and "))
        },
    },
    Exercise {
        slug: "under-budget",
        title: "A bill under $1,000",
        setup: |_| {},
        question: |_, o| {
            format!(
                "With every commitment on, the bill is ${} a month. Bring it under ${BUDGET_USD} \
                 while the database stays Multi-AZ.",
                o.optimized_usd
            )
        },
        kind: Kind::Goal {
            met: |p, o| {
                p.multi_az && same_prices_and_traffic(p) && o.optimized_usd < Usd::lit(BUDGET_USD)
            },
            show_me: |p| p.redis_nodes = 1,
        },
        hint: "Look at the largest lines you control: the cache's nodes, the CDN's hit ratio, the \
               tasks.",
        why: |p, o| {
            format!(
                "Your settings give ${} on demand and ${} with the commitments, against a budget \
                 of ${BUDGET_USD}{}.",
                o.on_demand_usd,
                o.optimized_usd,
                if !p.multi_az {
                    " (but the database is no longer Multi-AZ)"
                } else if !same_prices_and_traffic(p) {
                    " (but prices, discounts, hours or traffic differ from the question's: the \
                     budget has to be met by what runs)"
                } else {
                    ""
                }
            )
        },
    },
];
