//! Availability & SLO — the lesson of §3: availabilities multiply along the request
//! path, redundancy multiplies unavailabilities, the weakest serial link sets the
//! ceiling, and an SLO is a monthly budget of minutes that incidents spend.

use crate::chart::{summary_of, Chart, ChartSpec, Series, Tone, Unit};
use crate::field::{Choices, Number};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::{field_number, field_whole, lab};
use crate::results::{row_count, text_of, Figure, Results, Section};
use crate::rows::indexed;
use crate::scroll_box::ScrollBox;
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::availability::*;
// Leptos's prelude has a `Component` too; the lab means the block kind.
use cloud_lab_model::availability::Component;
use cloud_lab_model::link::Query;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<Availability, _>(query, |page| {
        view! {
            <OnStage page/>
            <Why>
                <p>
                    "A request succeeds only if every block on its path is up, so the blocks' availabilities multiply: "
                    "the path is never better than its weakest serial link. A block of "<em>"n"</em>" units of which "
                    <em>"k"</em>" must be up is a redundant group: it is down only when more than "<em>"n − k"</em>
                    " units are down at once, so each unit added multiplies the unavailability again. "
                    "1 of 2 app tasks, one per AZ, is PhotoShare's steady state."
                </p>
                <p class="formula">
                    "Series: A = A₁ × A₂ × … · Parallel: A = 1 − (1 − a)ⁿ · k of n: A = Σ"<sub>"i=k…n"</sub>
                    " C(n, i) aⁱ (1 − a)ⁿ⁻ⁱ · Two regions: A = A"<sub>"global"</sub>" × (1 − (1 − A"<sub>"region"</sub>")²)"
                </p>
                <p>
                    "An SLO turns the availability you promise into a budget: (1 − SLO) × the minutes in the month may be "
                    "spent on incidents before the promise is broken."
                </p>
            </Why>
            {page.problems()}
            <PathEditor page/>
            <Budget page/>
            <Assumptions/>
        }
    })
}

type AvailabilityPage = Page<Availability>;

#[component]
fn PathEditor(page: AvailabilityPage) -> impl IntoView {
    let params = page.params;
    let lab = lab();
    let weakest = page.from_ok(|o| Some(o.composition.weakest));
    view! {
        <Section id="path" heading="The request path, in series">
            <ol class="path">
                {indexed(
                    Signal::derive(move || params.with(|p| p.path.len())),
                    Callback::new(move |i| view! {
                        <BlockRow page i weakest=Memo::new(move |_| weakest() == Some(i)).into()/>
                    }.into_any()),
                )}
            </ol>
            <label class="add">"Add a block: "
                <select on:change=move |ev| {
                    if let Some(c) = Component::from_slug(&event_target_value(&ev)) {
                        params.update(|p| if p.path.len() < MAX_BLOCKS { p.path.push(Block::single(c)) });
                    }
                    event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                }>
                    <option value="">"choose…"</option>
                    {Component::ALL.map(|c| view! { <option value=c.slug()>{c.name()}" ("{lab.name(c.service())}")"</option> })}
                </select>
            </label>
            <p class="note">
                "With two regions the regional blocks (load balancer, tasks, database, cache, storage) form one chain per region, "
                "and the chains are in parallel behind the global DNS and CDN. That assumes failover is instant; "
                "the time DNS takes to move users is the price of extension A."
            </p>
        </Section>
    }
}

#[component]
fn BlockRow(page: AvailabilityPage, i: usize, weakest: Signal<bool>) -> impl IntoView {
    let params = page.params;
    let lab = lab();
    let block = move || params.with(|p| p.path.get(i).copied());
    let edit = move |f: &dyn Fn(&mut Block)| {
        params.update(|p| {
            if let Some(b) = p.path.get_mut(i) {
                f(b)
            }
        })
    };
    let own = page.from_ok(move |o| o.composition.blocks.get(i).copied().unwrap_or_default());
    let n = i + 1;
    view! {
        <li class="block" class:weakest=move || weakest.get() data-testid=format!("block-{n}")>
            <label>{format!("Block {n}: ")}
                <select prop:value=move || block().map(|b| b.component.slug()).unwrap_or_default()
                    on:change=move |ev| if let Some(c) = Component::from_slug(&event_target_value(&ev)) { edit(&|b| b.component = c) }>
                    {Component::ALL.map(|c| view! { <option value=c.slug()>{c.name()}" ("{lab.name(c.service())}")"</option> })}
                </select>
            </label>
            <label>"Availability of one, %"
                <input type="number" step="0.01" min="0" max="100" data-testid="availability"
                    prop:value=move || block().map(|b| format::field(b.availability * 100.0)).unwrap_or_default()
                    on:change=move |ev| { let x = field_number(&ev) / 100.0; edit(&|b| b.availability = x) }/>
            </label>
            <label>"Units"
                <input type="number" min="1" max=MAX_UNITS step="1"
                    prop:value=move || block().map(|b| b.units.to_string()).unwrap_or_default()
                    on:change=move |ev| { let n = field_whole(&ev); edit(&|b| b.units = n) }/>
            </label>
            <label>"Needed up"
                <input type="number" min="1" max=MAX_UNITS step="1"
                    prop:value=move || block().map(|b| b.needed.to_string()).unwrap_or_default()
                    on:change=move |ev| { let k = field_whole(&ev); edit(&|b| b.needed = k) }/>
            </label>
            <output aria-label=format!("Block {n} availability")>{move || format::availability(own())}</output>
            {move || weakest.get().then(|| view! { <strong class="tag">"weakest link"</strong> })}
            <button class="remove" aria-label=format!("Remove block {n}")
                on:click=move |_| params.update(|p| { if i < p.path.len() { p.path.remove(i); } })>"×"</button>
        </li>
    }
}

/// The first screen: the database and region choices and the SLO, what the path gives
/// against the SLO, and the downtime as the redundant block grows.
#[component]
fn OnStage(page: AvailabilityPage) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let lab = lab();
    let db = move || params.with(|p| p.database_choice());
    let regions = move || params.with(|p| p.regions);
    let availability = page.from_ok(|o| o.composition.availability);
    let budget = page.from_ok(|o| o.burn.budget_min);
    let weakest_name = move || {
        let cloud = lab.cloud.get();
        params
            .with(|p| {
                outcome.with(|o| match o {
                    Ok(o) => p.path.get(o.composition.weakest).map(|b| {
                        format!(
                            "{} ({}), {}",
                            b.component.name(),
                            b.component.service().name(cloud),
                            format::availability(o.composition.blocks[o.composition.weakest])
                        )
                    }),
                    Err(_) => None,
                })
            })
            .unwrap_or_default()
    };
    let spec = Signal::derive(move || {
        outcome.with(|o| {
            let (points, budget, block) = match o {
                Ok(o) => (
                    o.redundancy
                        .as_ref()
                        .map(|r| r.points.iter().map(|&(n, m)| (f64::from(n), m)).collect())
                        .unwrap_or_default(),
                    o.burn.budget_min,
                    o.redundancy
                        .as_ref()
                        .map(|r| r.block + 1)
                        .unwrap_or_default(),
                ),
                Err(_) => (Vec::new(), 0.0, 0),
            };
            ChartSpec::new(
                format!("units in block {block}"),
                "downtime, minutes a month",
            )
            .x(1.0..f64::from(REDUNDANCY_CURVE_MAX))
            .x_unit(Unit::Count)
            .series([
                Series::line("the whole path", points, Tone::First),
                Series::dashed(
                    "error budget",
                    vec![(1.0, budget), (f64::from(REDUNDANCY_CURVE_MAX), budget)],
                    Tone::Muted,
                ),
            ])
            .band(0.0, budget)
            .fit_y()
        })
    });
    let summary = summary_of(outcome, move |o| {
        let points: Vec<String> = o
            .redundancy
            .iter()
            .flat_map(|r| {
                r.points
                    .iter()
                    .map(|(n, m)| format!("{n} units: {}", format::minutes(*m)))
            })
            .collect();
        format!(
            "Downtime a month as the redundant block grows: {}.",
            points.join(", ")
        )
    });
    view! {
        <Stage label="The path against the SLO" invalid=page.invalid()>
            <StageControls slot>
                <div class="choices">
                    <fieldset>
                        <legend>"Database"</legend>
                        <label><input type="radio" name="db" data-testid="db-single-az"
                            prop:checked=move || db() == Some(DatabaseChoice::SingleAz)
                            on:change=move |_| params.update(|p| p.set_database(DatabaseChoice::SingleAz))/>
                            " Single-AZ (99.5 %)"</label>
                        <label><input type="radio" name="db" data-testid="db-multi-az"
                            prop:checked=move || db() == Some(DatabaseChoice::MultiAz)
                            on:change=move |_| params.update(|p| p.set_database(DatabaseChoice::MultiAz))/>
                            " Multi-AZ with a standby (99.95 %)"</label>
                    </fieldset>
                    <fieldset>
                        <legend>"Regions"</legend>
                        <label><input type="radio" name="regions" prop:checked=move || regions() == 1
                            on:change=move |_| params.update(|p| p.regions = 1)/>" One region"</label>
                        <label><input type="radio" name="regions" data-testid="two-regions" prop:checked=move || regions() == 2
                            on:change=move |_| params.update(|p| p.regions = 2)/>
                            " Active-passive in two regions (extension A)"</label>
                    </fieldset>
                </div>
                <Number params field=AvailabilityParams::SLO/>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" aria-live="polite">
                    <Figure label="Composed availability" testid="composed" value=move || format::availability(availability())>
                        <dd>{page.badge(&Availability::COMPOSED)}</dd>
                    </Figure>
                    <Figure label="Downtime it allows, a month" testid="downtime" value=page.from_ok(|o| format::minutes(o.composition.downtime_min_per_month))>
                        <dd>{page.from_ok(|o| format::duration(o.composition.downtime_min_per_year))}" a year"</dd>
                    </Figure>
                    <Figure label="Error budget, a month" testid="budget" value=move || format::minutes(budget())>
                        <dd>{page.badge(&Availability::BUDGET)}</dd>
                    </Figure>
                    <div>
                        <dt>"Against the SLO"</dt>
                        <dd data-testid="meets-slo">{move || outcome.with(|o| match o {
                            Ok(o) if o.composition.meets_slo => "meets it",
                            Ok(_) => "misses it: more redundancy or a better weakest link",
                            Err(_) => "",
                        })}</dd>
                        <dd>"Weakest link: "<span data-testid="weakest">{weakest_name}</span></dd>
                    </div>
                </dl>
            </StageFigures>
            <StageChart slot>
                <p class="chart-title">"More units, less downtime — until the weakest serial link is all that is left"</p>
                <Chart spec summary testid="redundancy-chart"/>
            </StageChart>
        </Stage>
    }
}

#[component]
fn Budget(page: AvailabilityPage) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let slo = move || params.with(|p| p.slo);
    // The table's rows are the course's fixed SLOs: each cell is bound on its own, so a move
    // rewrites only what it changes (the month's minutes, which row is the current SLO).
    let rows = row_count(outcome, |o| &o.slo_table);
    let cell = move |i: usize, text: fn(&SloRow) -> String| {
        text_of(outcome, move |o| o.slo_table.get(i).map(text))
    };
    let slo_row = move |i: usize| {
        let current = move || {
            outcome.with(|o| {
                o.as_ref().is_ok_and(|o| {
                    o.slo_table
                        .get(i)
                        .is_some_and(|r| (r.slo - slo()).abs() < 1e-9)
                })
            })
        };
        view! {
            <tr class:current=current>
                <th scope="row">{cell(i, |r| format::percent(r.slo, if r.slo >= 0.9995 { 2 } else { 1 }))}</th>
                <td>{cell(i, |r| format!("{:.4}", r.unavailable))}</td>
                <td>{cell(i, |r| format::minutes(r.downtime_min_per_month))}</td>
                <td>{cell(i, |r| format::duration(r.downtime_min_per_year))}</td>
            </tr>
        }
        .into_any()
    };
    let burn_spec = Signal::derive(move || {
        outcome.with(|o| {
            let (points, even) = match o {
                Ok(o) => (o.burn.burn_down.clone(), o.burn.even_burn.to_vec()),
                Err(_) => (Vec::new(), Vec::new()),
            };
            let days = params.with(|p| p.month.days());
            ChartSpec::new("day of the month", "budget left, minutes")
                .x(0.0..days)
                .series([
                    Series::step("budget left", points, Tone::Second),
                    Series::dashed("even burn", even, Tone::Muted),
                ])
                .fit_y()
        })
    });
    let burn_summary = summary_of(outcome, move |o| {
        format!(
            "Budget of {} falls to {} by the month's end.",
            format::minutes(o.burn.budget_min),
            format::minutes(o.burn.left_min)
        )
    });
    view! {
        <Results invalid=page.invalid() heading="The SLO and its error budget" id="budget">
            <Choices params field=AvailabilityParams::MONTH/>
            <p class="formula">"budget = (1 − SLO) × minutes in the month"</p>
            <table class="slo-table" data-testid="slo-table">
                <caption>"Downtime each SLO allows"</caption>
                <thead><tr><th scope="col">"SLO"</th><th scope="col">"unavailable"</th><th scope="col">"a month"</th><th scope="col">"a year (365.25 days)"</th></tr></thead>
                <tbody>
                    {indexed(rows.into(), Callback::new(slo_row))}
                </tbody>
            </table>
            <p class="figure-line">{page.badge(&Availability::FOUR_NINES)}" for 99.99 % in a 30-day month"</p>
            <Incidents page/>
            <h3>"Burn-down over the month"</h3>
            <Chart spec=burn_spec summary=burn_summary testid="burn-chart"/>
        </Results>
    }
}

#[component]
fn Incidents(page: AvailabilityPage) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let add = move |incident: Incident| {
        params.update(|p| {
            if p.incidents.len() < MAX_INCIDENTS {
                p.incidents.push(incident)
            }
        })
    };
    let policy = move || {
        outcome.with(|o| match o {
            Ok(o) => match o.burn.policy {
                DeployPolicy::Ship => "Plenty of budget left: ship features fast.",
                DeployPolicy::FreezeRiskyDeploys => "Budget running low: freeze risky deploys and spend the rest of the month on reliability.",
                DeployPolicy::Exhausted => "Budget spent: only fixes ship until the month rolls over.",
            },
            Err(_) => "",
        })
    };
    view! {
        <h3>"Incidents this month"</h3>
        <ScrollBox label="Incidents this month"><table class="incidents" data-testid="incidents">
            <thead><tr>
                <th scope="col">"day"</th><th scope="col">"minutes"</th><th scope="col">"users affected, %"</th>
                <th scope="col">"budget spent"</th><th scope="col">"left after"</th><th scope="col"><span class="visually-hidden">"remove"</span></th>
            </tr></thead>
            <tbody>
                {indexed(
                    Signal::derive(move || params.with(|p| p.incidents.len())),
                    Callback::new(move |i| view! { <IncidentRow page i/> }.into_any()),
                )}
            </tbody>
        </table></ScrollBox>
        <div class="actions">
            <button on:click=move |_| add(Incident { day: 15, minutes: 10.0, users_affected: 1.0 })>"Add an incident"</button>
            <button on:click=move |_| add(Incident { day: 9, minutes: 30.0, users_affected: 1.0 })>"Add the 30-minute outage"</button>
            <button on:click=move |_| add(Incident { day: 20, minutes: 9.0, users_affected: 0.5 })>"Add 9 minutes for half the users"</button>
            <button on:click=move |_| params.update(|p| p.incidents.clear())>"A clean month"</button>
        </div>
        <p class="formula">"spent = minutes × share of users affected ÷ budget"</p>
        <p class="figure-line">
            {page.badge_if_applies(&Availability::LEFT_AFTER_30)}" "
            {page.badge_if_applies(&Availability::PARTIAL_BURN)}
        </p>
        <p class="figure-line">
            "Spent: "<strong data-testid="spent">{page.from_ok(|o| format::percent(o.burn.consumed, 1))}</strong>
            " · left: "<strong data-testid="left">{page.from_ok(|o| format::minutes(o.burn.left_min))}</strong>
        </p>
        <p class="policy" role="status" data-testid="policy">{policy}</p>
        <Number params field=AvailabilityParams::FREEZE/>
    }
}

#[component]
fn IncidentRow(page: AvailabilityPage, i: usize) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let incident = move || params.with(|p| p.incidents.get(i).copied());
    let edit = move |f: &dyn Fn(&mut Incident)| {
        params.update(|p| {
            if let Some(x) = p.incidents.get_mut(i) {
                f(x)
            }
        })
    };
    // The burn rows are in date order; find this incident's row by identity.
    let row = move || {
        let me = incident()?;
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.burn.incidents.iter().find(|b| b.incident == me).copied())
        })
    };
    let n = i + 1;
    view! {
        <tr data-testid=format!("incident-{n}")>
            <td><input type="number" min="1" max="31" aria-label=format!("Incident {n}: day")
                prop:value=move || incident().map(|x| x.day.to_string()).unwrap_or_default()
                on:change=move |ev| { let d = field_whole(&ev); edit(&|x| x.day = d) }/></td>
            <td><input type="number" min="0" step="0.5" aria-label=format!("Incident {n}: minutes")
                prop:value=move || incident().map(|x| format::field(x.minutes)).unwrap_or_default()
                on:change=move |ev| { let m = field_number(&ev); edit(&|x| x.minutes = m) }/></td>
            <td><input type="number" min="0" max="100" step="5" aria-label=format!("Incident {n}: users affected, %")
                prop:value=move || incident().map(|x| format::field(x.users_affected * 100.0)).unwrap_or_default()
                on:change=move |ev| { let s = field_number(&ev) / 100.0; edit(&|x| x.users_affected = s) }/></td>
            <td>{move || row().map(|r| format::percent(r.consumed, 1)).unwrap_or_default()}</td>
            <td>{move || row().map(|r| format::minutes(r.left_after_min)).unwrap_or_default()}</td>
            <td><button class="remove" aria-label=format!("Remove incident {n}")
                on:click=move |_| params.update(|p| { if i < p.incidents.len() { p.incidents.remove(i); } })>"×"</button></td>
        </tr>
    }
}

#[component]
fn Assumptions() -> impl IntoView {
    let lab = lab();
    view! {
        <Section id="assumptions" heading="Assumptions and sources">
            <p>"Each block starts at the availability below. These are assumptions for teaching, not measurements; an SLA is a promise of credits, not a forecast."</p>
            <ul class="assumptions">
                {Component::ALL.map(|c| {
                    let a = c.assumed();
                    view! { <li><strong>{c.name()}" ("{lab.name(c.service())}"): "{format::availability(a.value)}</strong>" — "{a.source}</li> }
                })}
            </ul>
            <p>{format!("Single-AZ database: {}.", format::availability(DatabaseChoice::SingleAz.availability()))}</p>
        </Section>
    }
}
