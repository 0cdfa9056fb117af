//! The month's bill: each line quantity × unit price, the levers' discounts, the totals.

use super::*;

/// One line of the bill, on demand and after the levers.
#[derive(Clone, Debug, PartialEq)]
pub struct BillRow {
    pub line: BillLine,
    /// What this month's quantity is made of, e.g. "Multi-AZ ⇒ ×2" or "4.6 TB at the edge".
    pub detail: String,
    pub unit: &'static str,
    /// Exact: the product of the inputs as typed.
    pub quantity: Decimal,
    pub unit_price_usd: Decimal,
    /// quantity × unit price, rounded half a cent up.
    pub on_demand_usd: Usd,
    /// The lever that discounts this line, when one is on.
    pub lever: Option<Group>,
    /// The on-demand amount less the lever's discount, rounded half a cent up.
    pub optimized_usd: Usd,
}

impl BillRow {
    /// "name (detail)", as the table's first column.
    pub fn label(&self, cloud: Cloud) -> String {
        if self.detail.is_empty() {
            self.line.name(cloud)
        } else {
            format!("{} ({})", self.line.name(cloud), self.detail)
        }
    }
}

/// One row of the levers table.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverRow {
    pub group: Group,
    /// e.g. "92 % hit", "2 nodes"; may be empty.
    pub detail: String,
    /// The discount applied, 0–1 (0 when the lever is off); `None` where the
    /// saving is already in the bill (the CDN's offload).
    pub discount: Option<f64>,
    /// The sums of its lines' columns.
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
}

/// The largest line of a bill and its share of that bill.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Largest {
    /// Index into `rows`.
    pub row: usize,
    /// 0–1.
    pub share: f64,
}

/// A careful reader's note: a Multi-AZ instance bills its storage twice, once for the
/// primary and once for the standby, but the worked example's storage line counts it once.
/// The lab keeps the printed line (so the bill is the printed $1,358.49) and shows both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MultiAzStorage {
    pub gb: f64,
    /// The bill's storage line, as the worked example counts it.
    pub counted_usd: Usd,
    /// Primary and standby: the line twice.
    pub billed_usd: Usd,
}

/// One component's segment in the on-demand and optimized bars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackSegment {
    pub component: Component,
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
}

/// Total egress split by the CDN, in whole GB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EgressSplit {
    pub total_gb: u64,
    /// Served from the CDN's cache.
    pub edge_gb: u64,
    /// Cache misses, sent from the origin: `total_gb − edge_gb`.
    pub origin_gb: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CostOutcome {
    /// In the worked example's order ([`BillLine::ALL`]).
    pub rows: Vec<BillRow>,
    /// In [`Group::ALL`]'s order.
    pub levers: Vec<LeverRow>,
    /// Sums of the rows.
    pub on_demand_usd: Usd,
    pub optimized_usd: Usd,
    pub saving_usd: Usd,
    /// 0–1 of the on-demand bill.
    pub saving_share: f64,
    /// Twelve months of the saving.
    pub saving_per_year_usd: Usd,
    /// The largest line of the on-demand bill.
    pub largest: Largest,
    /// The largest line once the levers are applied.
    pub largest_optimized: Largest,
    /// In [`Component::ALL`]'s order.
    pub stack: Vec<StackSegment>,
    pub egress: EgressSplit,
    /// The database this bill pays for, for the link to the availability demo.
    pub database: DatabaseChoice,
    /// With a Multi-AZ database: what its storage would really be billed.
    pub multi_az_storage: Option<MultiAzStorage>,
    pub fleet_day: FleetDay,
}

/// A quantity as the decimal it was typed as (validated finite beforehand).
pub(super) fn exact(x: f64) -> Option<Decimal> {
    Decimal::from_f64(x)
}

/// The egress split: edge GB rounded half up to whole GB, the origin gets the rest.
pub fn egress_split(total_tb: f64, cdn_hit_ratio: f64) -> Option<EgressSplit> {
    let total = exact(total_tb)?
        .checked_mul(Decimal::whole(GB_PER_TB as i128))?
        .round_whole()?;
    let edge = Decimal::whole(total)
        .checked_mul(exact(cdn_hit_ratio)?)?
        .round_whole()?;
    Some(EgressSplit {
        total_gb: u64::try_from(total).ok()?,
        edge_gb: u64::try_from(edge).ok()?,
        origin_gb: u64::try_from(total - edge).ok()?,
    })
}

pub(super) fn bill(p: &CostParams) -> Option<CostOutcome> {
    let egress = egress_split(p.total_egress_tb, p.cdn_hit_ratio)?;
    let mut rows = Vec::with_capacity(BillLine::ALL.len());
    for l in bill_lines(p, &egress)? {
        let group = l.line.group();
        let lever = group.lever(p).filter(|lv| lv.applied() > 0.0);
        let on_demand_usd = l.quantity.checked_mul(l.unit_price_usd)?.cents()?;
        let optimized_usd = match lever {
            Some(lv) => on_demand_usd.keeping(Decimal::ONE.checked_sub(exact(lv.discount)?)?)?,
            None => on_demand_usd,
        };
        rows.push(BillRow {
            lever: lever.map(|_| group),
            unit: l.line.unit(),
            line: l.line,
            detail: l.detail,
            quantity: l.quantity,
            unit_price_usd: l.unit_price_usd,
            on_demand_usd,
            optimized_usd,
        });
    }
    let column = |keep: &dyn Fn(&BillRow) -> bool, amount: fn(&BillRow) -> Usd| -> Usd {
        rows.iter().filter(|r| keep(r)).map(amount).sum()
    };
    let levers = Group::ALL
        .into_iter()
        .map(|group| LeverRow {
            group,
            detail: lever_detail(group, p),
            discount: match group {
                Group::CdnOffload => None,
                _ => Some(group.lever(p).map_or(0.0, Lever::applied)),
            },
            on_demand_usd: column(&|r| r.line.group() == group, |r| r.on_demand_usd),
            optimized_usd: column(&|r| r.line.group() == group, |r| r.optimized_usd),
        })
        .collect();
    let stack = Component::ALL
        .into_iter()
        .map(|component| StackSegment {
            component,
            on_demand_usd: column(&|r| r.line.component() == component, |r| r.on_demand_usd),
            optimized_usd: column(&|r| r.line.component() == component, |r| r.optimized_usd),
        })
        .collect();
    let on_demand = column(&|_| true, |r| r.on_demand_usd);
    let optimized = column(&|_| true, |r| r.optimized_usd);
    let saving = on_demand - optimized;
    let storage = rows
        .iter()
        .find(|r| r.line == BillLine::DbStorage)
        .map_or(Usd::ZERO, |r| r.on_demand_usd);
    Some(CostOutcome {
        multi_az_storage: p.multi_az.then_some(MultiAzStorage {
            gb: p.db_storage_gb,
            counted_usd: storage,
            billed_usd: storage.times(2),
        }),
        largest: largest(&rows, |r| r.on_demand_usd),
        largest_optimized: largest(&rows, |r| r.optimized_usd),
        rows,
        levers,
        on_demand_usd: on_demand,
        optimized_usd: optimized,
        saving_usd: saving,
        saving_share: Usd::share(saving, on_demand),
        saving_per_year_usd: saving.times(12),
        stack,
        egress,
        database: p.database_choice(),
        fleet_day: fleet_day(p)?,
    })
}

/// A line before pricing.
struct Line {
    line: BillLine,
    detail: String,
    quantity: Decimal,
    unit_price_usd: Decimal,
}

fn bill_lines(p: &CostParams, egress: &EgressSplit) -> Option<Vec<Line>> {
    let pr = &p.prices;
    let hours = exact(p.hours_per_month)?;
    let tasks = exact(p.average_tasks)?;
    let task_detail = |size: f64, unit: &str| {
        format!(
            "{} tasks × {} {unit}",
            number_text(p.average_tasks),
            number_text(size)
        )
    };
    let (db_instances, db_detail) = if p.multi_az {
        (2, "Multi-AZ ⇒ ×2".to_string())
    } else {
        (1, "Single-AZ".to_string())
    };
    let tb = |gb: u64| number_text((gb as f64 / GB_PER_TB * 10.0).round() / 10.0);
    let line = |line, detail: String, quantity, unit_price_usd| Line {
        line,
        detail,
        quantity,
        unit_price_usd,
    };
    let gb = |n: u64| Decimal::whole(i128::from(n));
    Some(vec![
        line(
            BillLine::FargateVcpu,
            task_detail(p.task_vcpu, "vCPU"),
            Decimal::product(&[tasks, exact(p.task_vcpu)?, hours])?,
            pr.fargate_vcpu_hour_usd,
        ),
        line(
            BillLine::FargateMemory,
            task_detail(p.task_memory_gb, "GB"),
            Decimal::product(&[tasks, exact(p.task_memory_gb)?, hours])?,
            pr.fargate_gb_hour_usd,
        ),
        line(
            BillLine::DbInstance,
            db_detail,
            hours,
            pr.db_instance_hour_usd
                .checked_mul(Decimal::whole(db_instances))?,
        ),
        line(
            BillLine::DbStorage,
            format!("{} GB", number_text(p.db_storage_gb)),
            exact(p.db_storage_gb)?,
            pr.db_storage_gb_month_usd,
        ),
        line(
            BillLine::Redis,
            format!("{} nodes", p.redis_nodes),
            Decimal::whole(i128::from(p.redis_nodes)).checked_mul(hours)?,
            pr.redis_node_hour_usd,
        ),
        line(
            BillLine::LoadBalancer,
            String::new(),
            Decimal::ONE,
            pr.alb_month_usd,
        ),
        line(
            BillLine::ObjectStorage,
            format!("{} TB", number_text(p.stored_tb)),
            exact(p.stored_tb)?.checked_mul(Decimal::whole(GB_PER_TB as i128))?,
            pr.s3_gb_month_usd,
        ),
        line(
            BillLine::CdnEgress,
            format!("{} TB at the edge", tb(egress.edge_gb)),
            gb(egress.edge_gb),
            pr.cdn_egress_gb_usd,
        ),
        line(
            BillLine::OriginEgress,
            format!(
                "{} TB, {} % misses",
                tb(egress.origin_gb),
                percent_text(1.0 - p.cdn_hit_ratio)
            ),
            gb(egress.origin_gb),
            pr.origin_egress_gb_usd,
        ),
        line(
            BillLine::NatGateways,
            format!("{} AZs", photoshare::AVAILABILITY_ZONES),
            Decimal::ONE,
            pr.nat_month_usd,
        ),
    ])
}

fn lever_detail(group: Group, p: &CostParams) -> String {
    match group {
        Group::DatabaseReserved if p.multi_az => "Multi-AZ".to_string(),
        Group::DatabaseReserved => "Single-AZ".to_string(),
        Group::CacheReserved => format!("{} nodes", p.redis_nodes),
        Group::CdnOffload => format!("{} % hit", percent_text(p.cdn_hit_ratio)),
        Group::ComputeSavingsPlan | Group::Unchanged => String::new(),
    }
}

/// A share as a percentage to one decimal, without trailing zeros: 0.08 → "8".
fn percent_text(share: f64) -> String {
    number_text((share * 1_000.0).round() / 10.0)
}

/// The largest line of a column (the last of equals) and its share of the column's sum.
fn largest(rows: &[BillRow], amount: fn(&BillRow) -> Usd) -> Largest {
    let row = rows
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, r)| amount(r))
        .map_or(0, |(i, _)| i);
    Largest {
        row,
        share: Usd::share(
            rows.get(row).map_or(Usd::ZERO, amount),
            rows.iter().map(amount).sum(),
        ),
    }
}
