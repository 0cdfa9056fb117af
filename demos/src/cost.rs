//! Cost model — the lesson of §4: an architecture becomes a monthly bill line by
//! line (quantity × unit price), and pricing-model levers — one-year commitments
//! on what is always on — cut that bill by about a quarter without changing a box
//! in the diagram. The same prices make the CAPEX → OPEX case: a fleet bought for
//! the peak pays for the peak all day, an elastic one only for the hours it needs.

use crate::chart::{save_text, summary_of, Bar, Chart, ChartSpec, Series, Tone, Unit, NO_CHART};
use crate::documented::DocumentedSection;
use crate::field::{Number, Price, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::lab;
use crate::results::{from_ok, problems_view, row_count, row_text, Figure, Results, Section};
use crate::rows::indexed;
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
// Leptos's prelude has a `Component` too; the bill means a part of the architecture.
use cloud_lab_model::cost::Component;
use cloud_lab_model::cost::*;
use cloud_lab_model::link::{number_text, Query};
use cloud_lab_model::money::Usd;
use cloud_lab_model::params::Field;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<Cost, _>(query, |page: Page<Cost>| {
        let (params, outcome) = (page.params, page.outcome);
        view! {
            <OnStage page/>
            <Why>
                <p>
                    "Each line of the bill is a quantity the architecture uses in a month times its unit price. The always-on "
                    "lines — the tasks' vCPU and memory, the database and the cache — can be committed for a year at a discount; "
                    "storage, requests and egress are paid as used. Commitments change no box in the diagram, yet they cut "
                    "the monthly bill by nearly a quarter."
                </p>
                <p class="formula">"line = quantity × unit price, rounded half a cent up · a lever discounts each line it covers, rounded the same way · totals are sums of lines"</p>
            </Why>
            {problems_view(outcome)}
            <Footprint params/>
            <Discounts params/>
            <Bill page/>
            <FleetDayView params outcome/>
            <Prices params/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

type Outcome = Memo<Result<CostOutcome, Vec<String>>>;

/// The footprint's fields, in the page's order.
const FOOTPRINT: [Field<CostParams>; 7] = [
    CostParams::TASK_VCPU,
    CostParams::TASK_MEMORY_GB,
    CostParams::HOURS_PER_MONTH,
    CostParams::TOTAL_EGRESS_TB,
    CostParams::STORED_TB,
    CostParams::DB_STORAGE_GB,
    CostParams::REDIS_NODES,
];

#[component]
fn Footprint(params: RwSignal<CostParams>) -> impl IntoView {
    view! {
        <Section id="footprint" heading="What PhotoShare runs in a month">
            <div class="choices">
                {FOOTPRINT.map(|field| view! { <Number params field/> })}
            </div>
            <p>
                <Toggle params field=CostParams::MULTI_AZ testid="multi-az">
                    "Multi-AZ database (a synchronous standby in the second AZ: two instances billed)"
                </Toggle>
                " — "<a data-testid="availability-link" href=move || params.with(|p| p.availability_hash())>
                    "see what this does to availability"</a>
            </p>
            <p class="note">
                "The NAT gateways (one per AZ, so no AZ depends on another's) are one monthly figure: change it under Unit prices."
            </p>
        </Section>
    }
}

/// A one-year commitment the bill can apply: its group, its switch and its discount.
type LeverOf = (Group, Field<CostParams>, Field<CostParams>);

/// The three one-year commitments on what is always on.
const LEVERS: [LeverOf; 3] = [
    (
        Group::ComputeSavingsPlan,
        CostParams::SAVINGS_PLAN_ON,
        CostParams::SAVINGS_PLAN_DISCOUNT,
    ),
    (
        Group::DatabaseReserved,
        CostParams::DB_RESERVED_ON,
        CostParams::DB_RESERVED_DISCOUNT,
    ),
    (
        Group::CacheReserved,
        CostParams::REDIS_RESERVED_ON,
        CostParams::REDIS_RESERVED_DISCOUNT,
    ),
];

/// Each commitment applied or not (the stage's switches; the discounts are set below), named
/// in the chosen cloud's words.
#[component]
fn Commitments(params: RwSignal<CostParams>) -> impl IntoView {
    let lab = lab();
    view! {
        <fieldset class="commitments">
            <legend>"One-year commitments"</legend>
            {LEVERS.map(|(group, on, pct)| {
                let discount = move || params.with(|p| pct.shown(p).map(|x| format::percent(pct.spec.stored(x), 0)));
                view! {
                    <Toggle params field=on testid=format!("lever-{}", on.spec.key)>
                        {move || group.name(lab.cloud.get())}", −"{discount}
                    </Toggle>
                }
            })}
        </fieldset>
    }
}

/// What each commitment discounts.
#[component]
fn Discounts(params: RwSignal<CostParams>) -> impl IntoView {
    let lab = lab();
    view! {
        <Section id="levers" heading="Pricing levers: what each commitment takes off">
            <div class="choices">
                {LEVERS.map(|(group, on, pct)| view! {
                    <fieldset>
                        <legend>{move || group.name(lab.cloud.get())}" on "{move || group.applies_to(lab.cloud.get())}</legend>
                        <Number params field=pct testid=format!("lever-{}-pct", on.spec.key)>"discount, %"</Number>
                    </fieldset>
                })}
            </div>
        </Section>
    }
}

#[component]
fn Bill(page: Page<Cost>) -> impl IntoView {
    let lab = lab();
    let outcome = page.outcome;
    let on_demand = from_ok(outcome, |o| o.on_demand_usd);
    let optimized = from_ok(outcome, |o| o.optimized_usd);
    let per_year = from_ok(outcome, |o| o.saving_per_year_usd);
    // The tables' shapes (how many lines, how many levers) change only with the footprint; each
    // cell is bound on its own, so a move rewrites only the figures it changes.
    let (lines, levers) = (
        row_count(outcome, |o| &o.rows),
        row_count(outcome, |o| &o.levers),
    );
    let line = move |i, text| row_text(outcome, lab.cloud, |o| &o.rows, i, text);
    let row = move |i: usize| {
        view! {
                    <tr data-testid=format!("row-{}", i + 1)>
                        <th scope="row">{line(i, |r, cloud| r.label(cloud))}</th>
                        <td>{line(i, |r, _| r.unit.into())}</td>
                        <td>{line(i, |r, _| format::exact_quantity(r.quantity))}</td>
                        <td>{line(i, |r, _| r.unit_price_usd.to_string())}</td>
                        <td>{line(i, |r, _| format::usd(r.on_demand_usd))}</td>
                        <td class="lever">{line(i, |r, cloud| r.lever.map(|g| g.name(cloud)).unwrap_or_else(|| "—".into()))}</td>
                        <td>{line(i, |r, _| format::usd(r.optimized_usd))}</td>
                    </tr>
        }
        .into_any()
    };
    let lever = move |i, text| row_text(outcome, lab.cloud, |o| &o.levers, i, text);
    let lever_row = move |i: usize| {
        view! {
                    <tr>
                        <th scope="row">{lever(i, |l, cloud| if l.detail.is_empty() {
                            l.group.name(cloud)
                        } else {
                            format!("{} ({})", l.group.name(cloud), l.detail)
                        })}</th>
                        <td class="lever">{lever(i, |l, cloud| l.group.applies_to(cloud))}</td>
                        <td>{lever(i, |l, _| match l.discount {
                            Some(d) if d > 0.0 => format!("−{}", format::percent(d, 0)),
                            Some(_) => "0 %".to_string(),
                            None => "already in the bill".to_string(),
                        })}</td>
                        <td>{lever(i, |l, _| format::usd(l.on_demand_usd))}</td>
                        <td>{lever(i, |l, _| format::usd(l.optimized_usd))}</td>
                    </tr>
        }
        .into_any()
    };
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="bill" heading="The bill, line by line">
            // Focusable so a keyboard can scroll it when presenter mode makes it wider than the page.
            <div class="table-scroll" tabindex="0" role="region" aria-label="The bill, line by line">
            <table class="bill" data-testid="bill">
                <caption>"A month on demand, and after the levers"</caption>
                <thead><tr>
                    <th scope="col">"component"</th><th scope="col">"unit"</th><th scope="col">"quantity"</th>
                    <th scope="col">"$/unit"</th><th scope="col">"on demand"</th><th scope="col">"lever"</th>
                    <th scope="col">"optimized"</th>
                </tr></thead>
                <tbody>{indexed(lines.into(), Callback::new(row))}</tbody>
                <tfoot><tr>
                    <th scope="row">"Total"</th><td></td><td></td><td></td>
                    <td><strong>{move || format::usd(on_demand())}</strong></td>
                    <td></td>
                    <td><strong>{move || format::usd(optimized())}</strong></td>
                </tr></tfoot>
            </table>
            </div>
            {move || outcome.with(|o| o.as_ref().ok().and_then(|o| o.multi_az_storage)).map(|s| view! {
                <p class="note careful" data-testid="storage-note">
                    "A careful reader's note: a Multi-AZ database is billed for the storage of both the primary and the standby, so its "
                    {number_text(s.gb)}" GB cost "{format::usd(s.billed_usd)}" a month rather than the storage line's "
                    {format::usd(s.counted_usd)}". The worked example counts the storage once; the lab keeps its line so that the bill "
                    "reproduces the printed totals. Source: "{MULTI_AZ_STORAGE_SOURCE}
                </p>
            })}
            <dl class="figures" aria-live="polite">
                <Figure label="Saving a year" testid="saving-year" value=move || format::usd(per_year())>
                    <dd>{page.badge(&Cost::SAVING_YEAR)}</dd>
                </Figure>
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="What each lever does">
            <table class="levers" data-testid="levers">
                <caption>"What each lever does"</caption>
                <thead><tr>
                    <th scope="col">"lever"</th><th scope="col">"applies to"</th><th scope="col">"discount"</th>
                    <th scope="col">"on demand"</th><th scope="col">"optimized"</th>
                </tr></thead>
                <tbody>{indexed(levers.into(), Callback::new(lever_row))}</tbody>
            </table>
            </div>
            <p><button data-testid="csv" on:click=move |_| {
                let cloud = lab.cloud.get();
                if let Some(csv) = outcome.with(|o| o.as_ref().ok().map(|o| bill_csv_in(o, cloud))) {
                    save_text("photoshare-bill.csv", "text/csv;charset=utf-8", &csv);
                }
            } disabled=move || outcome.with(|o| o.is_err())>"Export the bill as CSV"</button></p>
        </Results>
    }
}

/// A tone per component, bottom to top of the stacked bars.
fn tone(c: Component) -> Tone {
    match c {
        Component::App => Tone::First,
        Component::Database => Tone::Second,
        Component::Cache => Tone::Third,
        Component::LoadBalancer => Tone::Fourth,
        Component::ObjectStorage => Tone::Fifth,
        Component::Egress => Tone::Sixth,
        Component::Nat => Tone::Muted,
    }
}

/// The first screen: the load and the levers, the bill before and after them, and where
/// the money goes.
#[component]
fn OnStage(page: Page<Cost>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let lab = lab();
    let tasks = move || params.with(|p| p.average_tasks);
    let hit = move || params.with(|p| p.cdn_hit_ratio);
    let share = from_ok(outcome, |o| o.saving_share);
    let spec = Memo::new(move |_| {
        let cloud = lab.cloud.get();
        outcome.with(|o| {
            let stack = o.as_ref().map(|o| o.stack.clone()).unwrap_or_default();
            let bar = |label: &str, value: fn(&StackSegment) -> Usd| Bar {
                label: label.into(),
                segments: stack
                    .iter()
                    .map(|s| {
                        (
                            s.component.name(cloud),
                            value(s).to_f64(),
                            tone(s.component),
                        )
                    })
                    .collect(),
            };
            ChartSpec::new("", "$ a month")
                .y_unit(Unit::Usd)
                .bars(vec![
                    bar("on demand", |s| s.on_demand_usd),
                    bar("optimized", |s| s.optimized_usd),
                ])
                .fit_y()
        })
    });
    let summary = Memo::new(move |_| {
        let cloud = lab.cloud.get();
        outcome.with(|o| match o {
            Ok(o) => {
                let parts = |value: fn(&StackSegment) -> Usd| {
                    o.stack
                        .iter()
                        .map(|s| format!("{} {}", s.component.name(cloud), format::usd(value(s))))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                format!(
                    "The bill by component. On demand {}: {}. Optimized {}: {}.",
                    format::usd(o.on_demand_usd),
                    parts(|s| s.on_demand_usd),
                    format::usd(o.optimized_usd),
                    parts(|s| s.optimized_usd)
                )
            }
            Err(_) => NO_CHART.into(),
        })
    });
    let largest = move || {
        let cloud = lab.cloud.get();
        outcome.with(|o| {
            o.as_ref().ok().and_then(|o| {
                let on = o.rows.get(o.largest.row)?;
                let opt = o.rows.get(o.largest_optimized.row)?;
                let mut s = format!(
                    "{} is {} of the on-demand bill, its largest line",
                    on.line.name(cloud),
                    format::percent(o.largest.share, 0)
                );
                if opt.line == on.line {
                    s.push_str(&format!(
                        "; after the levers it is {} of what is left.",
                        format::percent(o.largest_optimized.share, 0)
                    ));
                } else {
                    s.push_str(&format!(
                        "; after the levers the largest is {}, {}.",
                        opt.line.name(cloud),
                        format::percent(o.largest_optimized.share, 0)
                    ));
                }
                Some(s)
            })
        })
    };
    view! {
        <Stage label="The bill and its levers" invalid=Signal::derive(move || outcome.with(|o| o.is_err()))>
            <StageControls slot>
                <div class="choices">
                    <Slider params field=CostParams::AVERAGE_TASKS travel=(0.0, 20.0)
                        reads=Signal::derive(move || number_text(tasks()))/>
                    <Slider params field=CostParams::CDN_HIT_RATIO
                        reads=Signal::derive(move || format::percent(hit(), 0))/>
                </div>
                <Commitments params/>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" aria-live="polite">
                    <Figure label="On demand, a month" testid="on-demand-total" value=from_ok(outcome, |o| format::usd(o.on_demand_usd))>
                        <dd>{page.badge(&Cost::ON_DEMAND)}</dd>
                    </Figure>
                    <Figure label="After the levers" testid="optimized-total" value=from_ok(outcome, |o| format::usd(o.optimized_usd))>
                        <dd>{page.badge(&Cost::OPTIMIZED)}</dd>
                    </Figure>
                    <div>
                        <dt>"Saving a month"</dt>
                        <dd class="big" data-testid="saving">{from_ok(outcome, |o| format::usd(o.saving_usd))}</dd>
                        <dd data-testid="saving-share">{move || format::percent(share(), 1)}" of the on-demand bill "
                            {page.badge(&Cost::SAVING_SHARE)}</dd>
                    </div>
                </dl>
            </StageFigures>
            <StageChart slot>
                <p class="chart-title" data-testid="largest">{largest}</p>
                <Chart spec summary testid="stack-chart"/>
                <ul class="legend">
                    {move || {
                        let cloud = lab.cloud.get();
                        Component::ALL.map(|c| view! {
                            <li><span class="swatch" style:background=tone(c).css_var()></span>{c.name(cloud)}</li>
                        }).collect_view()
                    }}
                </ul>
            </StageChart>
        </Stage>
    }
}

/// The day of load, in the page's order (the floor stays the worked example's).
const DAY: [Field<CostParams>; 5] = [
    CostParams::DAY_STEADY_EDGE_PER_S,
    CostParams::DAY_PEAK_EDGE_PER_S,
    CostParams::DAY_PEAK_START_HOUR,
    CostParams::DAY_PEAK_HOURS,
    CostParams::DAY_TASK_CAPACITY_PER_S,
];

#[component]
fn FleetDayView(params: RwSignal<CostParams>, outcome: Outcome) -> impl IntoView {
    let spec = Memo::new(move |_| {
        outcome.with(|o| {
            let (elastic, fixed) = match o {
                Ok(o) => {
                    let d = &o.fleet_day;
                    let mut elastic: Vec<(f64, f64)> = d
                        .hours
                        .iter()
                        .map(|h| (f64::from(h.hour), f64::from(h.tasks)))
                        .collect();
                    if let Some(last) = d.hours.last() {
                        elastic.push((24.0, f64::from(last.tasks)));
                    }
                    let fixed = f64::from(d.fixed_tasks);
                    (elastic, vec![(0.0, fixed), (24.0, fixed)])
                }
                Err(_) => (Vec::new(), Vec::new()),
            };
            ChartSpec::new("hour of the day", "tasks")
                .x(0.0..24.0)
                .y_unit(Unit::Count)
                .series([
                    Series::dashed("fixed for the peak", fixed, Tone::Second),
                    Series::step("elastic", elastic, Tone::First),
                ])
                .fit_y()
        })
    });
    let summary = summary_of(outcome, move |o| {
        let d = &o.fleet_day;
        let low = d.hours.iter().map(|h| h.tasks).min().unwrap_or_default();
        format!(
                    "Tasks over the day: the elastic fleet runs {low} to {} tasks, the fixed fleet {} all day.",
                    d.fixed_tasks, d.fixed_tasks
                )
    });
    let d = move |f: fn(&FleetDay) -> String| from_ok(outcome, move |o| f(&o.fleet_day));
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="capex" heading="CAPEX against OPEX: a fleet sized for the peak, or one that follows the load">
            <p>
                "A data centre is bought for the busiest hour and paid for all day. The elastic fleet runs ⌈origin load ÷ capacity⌉ tasks each hour, "
                "never fewer than the floor; both are priced at the Fargate on-demand rates above."
            </p>
            <div class="choices">
                {DAY.map(|field| view! { <Number params field/> })}
            </div>
            <dl class="figures" aria-live="polite">
                <Figure label="Fixed fleet (CAPEX-style)" testid="fixed-month" value=d(|f| format::usd(f.fixed_month_usd))>
                    <dd>{d(|f| format!("{} tasks × 24 h = {} task-hours a day", f.fixed_tasks, f.fixed_task_hours_per_day))}</dd>
                </Figure>
                <Figure label="Elastic fleet (OPEX)" testid="elastic-month" value=d(|f| format::usd(f.elastic_month_usd))>
                    <dd>{d(|f| format!("{} task-hours a day", f.elastic_task_hours_per_day))}</dd>
                </Figure>
                <Figure label="Fixed fleet sitting idle" testid="idle-share" value=d(|f| format::percent(f.fixed_idle_share, 0))>
                    <dd>"of the task-hours it pays for"</dd>
                </Figure>
            </dl>
            <p class="formula">{d(|f| format!("a task-hour costs {} (vCPU + memory); a month = task-hours a day × hours in the month ÷ 24 × that, rounded half a cent up", format::usd_price(f.task_hour_usd)))}</p>
            <Chart spec summary testid="fleet-chart"/>
        </Results>
    }
}

#[component]
fn Prices(params: RwSignal<CostParams>) -> impl IntoView {
    view! {
        <Section id="prices" heading="Unit prices">
            <p class="note">{format!("Prices: {PRICES_AS_OF}. {PRICE_SOURCE}")}</p>
            <div class="choices prices">
                {PRICES.map(|field| view! { <Price params field/> })}
            </div>
        </Section>
    }
}
