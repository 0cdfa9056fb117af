//! Cost model — the lesson of §4: an architecture becomes a monthly bill line by
//! line (quantity × unit price), and pricing-model levers — one-year commitments
//! on what is always on — cut that bill by about a quarter without changing a box
//! in the diagram. The same prices make the CAPEX → OPEX case: a fleet bought for
//! the peak pays for the peak all day, an elastic one only for the hours it needs.

use crate::chart::{save_text, Bar, Chart, ChartSpec, Series, Tone, Unit};
use crate::controls::NumberInput;
use crate::documented::DocumentedSection;
use crate::field::Price;
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::{field_number, lab};
use crate::results::{from_ok, problems_view};
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
// Leptos's prelude has a `Component` too; the bill means a part of the architecture.
use cloud_lab_model::cost::Component;
use cloud_lab_model::cost::*;
use cloud_lab_model::link::{number_text, Query};
use cloud_lab_model::money::Usd;
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

/// A field bound to one number of the params.
fn bind(
    params: RwSignal<CostParams>,
    get: fn(&CostParams) -> f64,
    set: fn(&mut CostParams, f64),
) -> (Signal<f64>, Callback<f64>) {
    (
        Signal::derive(move || params.with(get)),
        Callback::new(move |x| params.update(|p| set(p, x))),
    )
}

#[component]
fn Footprint(params: RwSignal<CostParams>) -> impl IntoView {
    let multi_az = move || params.with(|p| p.multi_az);
    let (vcpu, set_vcpu) = bind(params, |p| p.task_vcpu, |p, x| p.task_vcpu = x);
    let (mem, set_mem) = bind(params, |p| p.task_memory_gb, |p, x| p.task_memory_gb = x);
    let (hours, set_hours) = bind(params, |p| p.hours_per_month, |p, x| p.hours_per_month = x);
    let (dbgb, set_dbgb) = bind(params, |p| p.db_storage_gb, |p, x| p.db_storage_gb = x);
    let (stored, set_stored) = bind(params, |p| p.stored_tb, |p, x| p.stored_tb = x);
    let (egress, set_egress) = bind(params, |p| p.total_egress_tb, |p, x| p.total_egress_tb = x);
    let (redis, set_redis) = bind(
        params,
        |p| f64::from(p.redis_nodes),
        // A fractional or negative count becomes an out-of-range one the model reports.
        |p, x| p.redis_nodes = whole_or_too_many(x, MAX_REDIS_NODES),
    );
    view! {
        <section aria-labelledby="footprint-heading">
            <h2 id="footprint-heading">"What PhotoShare runs in a month"</h2>
            <div class="choices">
                <NumberInput label="vCPU per task" value=vcpu set=set_vcpu step="0.25" testid="vcpu"/>
                <NumberInput label="GB per task" value=mem set=set_mem step="0.5" testid="mem"/>
                <NumberInput label="Hours in the month" value=hours set=set_hours step="1" testid="hours"/>
                <NumberInput label="Total egress, TB" value=egress set=set_egress step="0.5" testid="egress"/>
                <NumberInput label="Stored uploads, TB" value=stored set=set_stored step="0.5" testid="stored"/>
                <NumberInput label="Database storage, GB" value=dbgb set=set_dbgb step="10"/>
                <NumberInput label="Cache nodes" value=redis set=set_redis step="1"/>
            </div>
            <p>
                <label><input type="checkbox" data-testid="multi-az" prop:checked=multi_az
                    on:change=move |ev| { let on = event_target_checked(&ev); params.update(|p| p.multi_az = on) }/>
                    " Multi-AZ database (a synchronous standby in the second AZ: two instances billed)"</label>
                " — "<a data-testid="availability-link" href=move || params.with(|p| p.availability_hash())>
                    "see what this does to availability"</a>
            </p>
            <p class="note">
                "The NAT gateways (one per AZ, so no AZ depends on another's) are one monthly figure: change it under Unit prices."
            </p>
        </section>
    }
}

/// A whole number from a field, or one past `max` (which the model rejects in words).
fn whole_or_too_many(x: f64, max: u32) -> u32 {
    if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= f64::from(max) {
        x as u32
    } else {
        max.saturating_add(1)
    }
}

/// A one-year commitment the bill can apply: its group, where the params hold it, and
/// the slug of its test ids.
type LeverOf = (
    Group,
    fn(&CostParams) -> Lever,
    fn(&mut CostParams) -> &mut Lever,
    &'static str,
);

/// The three one-year commitments on what is always on.
const LEVERS: [LeverOf; 3] = [
    (
        Group::ComputeSavingsPlan,
        |p| p.savings_plan,
        |p| &mut p.savings_plan,
        "sp",
    ),
    (
        Group::DatabaseReserved,
        |p| p.db_reserved,
        |p| &mut p.db_reserved,
        "ri",
    ),
    (
        Group::CacheReserved,
        |p| p.redis_reserved,
        |p| &mut p.redis_reserved,
        "rn",
    ),
];

/// Each commitment applied or not (the stage's switches; the discounts are set below).
#[component]
fn Commitments(params: RwSignal<CostParams>) -> impl IntoView {
    let lab = lab();
    view! {
        <fieldset class="commitments">
            <legend>"One-year commitments"</legend>
            {LEVERS.map(|(group, get, set, slug)| {
                let discount = move || params.with(|p| format::percent(get(p).discount, 0));
                view! {
                    <label><input type="checkbox" data-testid=format!("lever-{slug}") prop:checked=move || params.with(|p| get(p).on)
                        on:change=move |ev| { let x = event_target_checked(&ev); params.update(|p| set(p).on = x) }/>
                        " "{move || group.name(lab.cloud.get())}", −"{discount}</label>
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
        <section aria-labelledby="levers-heading">
            <h2 id="levers-heading">"Pricing levers: what each commitment takes off"</h2>
            <div class="choices">
                {LEVERS.map(|(group, get, set, slug)| {
                    let discount = Signal::derive(move || params.with(|p| get(p).discount));
                    let set_discount = Callback::new(move |x| params.update(|p| set(p).discount = x));
                    view! {
                        <fieldset>
                            <legend>{move || group.name(lab.cloud.get())}" on "{move || group.applies_to(lab.cloud.get())}</legend>
                            <NumberInput label="discount, %" value=discount set=set_discount scale=100.0 step="1"
                                testid=format!("lever-{slug}-pct")/>
                        </fieldset>
                    }
                })}
            </div>
        </section>
    }
}

#[component]
fn Bill(page: Page<Cost>) -> impl IntoView {
    let lab = lab();
    let outcome = page.outcome;
    let on_demand = from_ok(outcome, |o| o.on_demand_usd);
    let optimized = from_ok(outcome, |o| o.optimized_usd);
    let per_year = from_ok(outcome, |o| o.saving_per_year_usd);
    let rows = move || {
        let cloud = lab.cloud.get();
        outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.rows
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            view! {
                                <tr data-testid=format!("row-{}", i + 1)>
                                    <th scope="row">{r.label(cloud)}</th>
                                    <td>{r.unit}</td>
                                    <td>{format::exact_quantity(r.quantity)}</td>
                                    <td>{r.unit_price_usd.to_string()}</td>
                                    <td>{format::usd(r.on_demand_usd)}</td>
                                    <td class="lever">{r.lever.map(|g| g.name(cloud)).unwrap_or_else(|| "—".into())}</td>
                                    <td>{format::usd(r.optimized_usd)}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
                .ok()
        })
    };
    let levers = move || {
        let cloud = lab.cloud.get();
        outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.levers
                        .iter()
                        .map(|l| {
                            let name = if l.detail.is_empty() {
                                l.group.name(cloud)
                            } else {
                                format!("{} ({})", l.group.name(cloud), l.detail)
                            };
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class="lever">{l.group.applies_to(cloud)}</td>
                                    <td>{match l.discount {
                                        Some(d) if d > 0.0 => format!("−{}", format::percent(d, 0)),
                                        Some(_) => "0 %".to_string(),
                                        None => "already in the bill".to_string(),
                                    }}</td>
                                    <td>{format::usd(l.on_demand_usd)}</td>
                                    <td>{format::usd(l.optimized_usd)}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
                .ok()
        })
    };
    view! {
        <section aria-labelledby="bill-heading" class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <h2 id="bill-heading">"The bill, line by line"</h2>
            // Focusable so a keyboard can scroll it when presenter mode makes it wider than the page.
            <div class="table-scroll" tabindex="0" role="region" aria-label="The bill, line by line">
            <table class="bill" data-testid="bill">
                <caption>"A month on demand, and after the levers"</caption>
                <thead><tr>
                    <th scope="col">"component"</th><th scope="col">"unit"</th><th scope="col">"quantity"</th>
                    <th scope="col">"$/unit"</th><th scope="col">"on demand"</th><th scope="col">"lever"</th>
                    <th scope="col">"optimized"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
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
                <div>
                    <dt>"Saving a year"</dt>
                    <dd class="big" data-testid="saving-year">{move || format::usd(per_year())}</dd>
                    <dd>{page.badge(&Cost::SAVING_YEAR)}</dd>
                </div>
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="What each lever does">
            <table class="levers" data-testid="levers">
                <caption>"What each lever does"</caption>
                <thead><tr>
                    <th scope="col">"lever"</th><th scope="col">"applies to"</th><th scope="col">"discount"</th>
                    <th scope="col">"on demand"</th><th scope="col">"optimized"</th>
                </tr></thead>
                <tbody>{levers}</tbody>
            </table>
            </div>
            <p><button data-testid="csv" on:click=move |_| {
                let cloud = lab.cloud.get();
                if let Some(csv) = outcome.with(|o| o.as_ref().ok().map(|o| bill_csv_in(o, cloud))) {
                    save_text("photoshare-bill.csv", "text/csv;charset=utf-8", &csv);
                }
            } disabled=move || outcome.with(|o| o.is_err())>"Export the bill as CSV"</button></p>
        </section>
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
            Err(_) => "No chart: the input is not valid.".into(),
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
                    <label>"Average tasks running: "<strong data-testid="tasks-value">{move || number_text(tasks())}</strong>
                        <input type="range" min="0" max="20" step="0.5" data-testid="tasks"
                            prop:value=move || format::field(tasks())
                            on:input=move |ev| { let x = field_number(&ev); params.update(|p| p.average_tasks = x) }/>
                    </label>
                    <label>"CDN hit ratio: "<strong data-testid="hit-value">{move || format::percent(hit(), 0)}</strong>
                        <input type="range" min="0" max="100" step="1" data-testid="hit"
                            prop:value=move || format::field(hit() * 100.0)
                            on:input=move |ev| { let x = field_number(&ev) / 100.0; params.update(|p| p.cdn_hit_ratio = x) }/>
                    </label>
                </div>
                <Commitments params/>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" aria-live="polite">
                    <div>
                        <dt>"On demand, a month"</dt>
                        <dd class="big" data-testid="on-demand-total">{from_ok(outcome, |o| format::usd(o.on_demand_usd))}</dd>
                        <dd>{page.badge(&Cost::ON_DEMAND)}</dd>
                    </div>
                    <div>
                        <dt>"After the levers"</dt>
                        <dd class="big" data-testid="optimized-total">{from_ok(outcome, |o| format::usd(o.optimized_usd))}</dd>
                        <dd>{page.badge(&Cost::OPTIMIZED)}</dd>
                    </div>
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

#[component]
fn FleetDayView(params: RwSignal<CostParams>, outcome: Outcome) -> impl IntoView {
    let (steady, set_steady) = bind(
        params,
        |p| p.day.steady_edge_per_s,
        |p, x| p.day.steady_edge_per_s = x,
    );
    let (peak, set_peak) = bind(
        params,
        |p| p.day.peak_edge_per_s,
        |p, x| p.day.peak_edge_per_s = x,
    );
    let (start, set_start) = bind(
        params,
        |p| f64::from(p.day.peak_start_hour),
        |p, x| p.day.peak_start_hour = whole_or_too_many(x, 23),
    );
    let (hours, set_hours) = bind(
        params,
        |p| f64::from(p.day.peak_hours),
        |p, x| p.day.peak_hours = whole_or_too_many(x, 24),
    );
    let (cap, set_cap) = bind(
        params,
        |p| p.day.task_capacity_per_s,
        |p, x| p.day.task_capacity_per_s = x,
    );
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
    let summary = Memo::new(move |_| {
        outcome.with(|o| match o {
            Ok(o) => {
                let d = &o.fleet_day;
                let low = d.hours.iter().map(|h| h.tasks).min().unwrap_or_default();
                format!(
                    "Tasks over the day: the elastic fleet runs {low} to {} tasks, the fixed fleet {} all day.",
                    d.fixed_tasks, d.fixed_tasks
                )
            }
            Err(_) => "No chart: the input is not valid.".into(),
        })
    });
    let d = move |f: fn(&FleetDay) -> String| from_ok(outcome, move |o| f(&o.fleet_day));
    view! {
        <section aria-labelledby="capex-heading" class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <h2 id="capex-heading">"CAPEX against OPEX: a fleet sized for the peak, or one that follows the load"</h2>
            <p>
                "A data centre is bought for the busiest hour and paid for all day. The elastic fleet runs ⌈origin load ÷ capacity⌉ tasks each hour, "
                "never fewer than the floor; both are priced at the Fargate on-demand rates above."
            </p>
            <div class="choices">
                <NumberInput label="Steady load at the edge, req/s" value=steady set=set_steady step="100"/>
                <NumberInput label="Peak load, req/s" value=peak set=set_peak step="100" testid="peak"/>
                <NumberInput label="Peak starts at hour" value=start set=set_start step="1"/>
                <NumberInput label="Peak lasts, hours" value=hours set=set_hours step="1" testid="peak-hours"/>
                <NumberInput label="One task serves at the CPU target, req/s" value=cap set=set_cap step="10"/>
            </div>
            <dl class="figures" aria-live="polite">
                <div>
                    <dt>"Fixed fleet (CAPEX-style)"</dt>
                    <dd class="big" data-testid="fixed-month">{d(|f| format::usd(f.fixed_month_usd))}</dd>
                    <dd>{d(|f| format!("{} tasks × 24 h = {} task-hours a day", f.fixed_tasks, f.fixed_task_hours_per_day))}</dd>
                </div>
                <div>
                    <dt>"Elastic fleet (OPEX)"</dt>
                    <dd class="big" data-testid="elastic-month">{d(|f| format::usd(f.elastic_month_usd))}</dd>
                    <dd>{d(|f| format!("{} task-hours a day", f.elastic_task_hours_per_day))}</dd>
                </div>
                <div>
                    <dt>"Fixed fleet sitting idle"</dt>
                    <dd class="big" data-testid="idle-share">{d(|f| format::percent(f.fixed_idle_share, 0))}</dd>
                    <dd>"of the task-hours it pays for"</dd>
                </div>
            </dl>
            <p class="formula">{d(|f| format!("a task-hour costs {} (vCPU + memory); a month = task-hours a day × hours in the month ÷ 24 × that, rounded half a cent up", format::usd_price(f.task_hour_usd)))}</p>
            <Chart spec summary testid="fleet-chart"/>
        </section>
    }
}

#[component]
fn Prices(params: RwSignal<CostParams>) -> impl IntoView {
    view! {
        <section aria-labelledby="prices-heading">
            <h2 id="prices-heading">"Unit prices"</h2>
            <p class="note">{format!("Prices: {PRICES_AS_OF}. {PRICE_SOURCE}")}</p>
            <div class="choices prices">
                {PRICES.map(|field| view! { <Price params field/> })}
            </div>
        </section>
    }
}
