//! Service models — the lesson of §1: each step from on-premises to IaaS,
//! containers, PaaS, FaaS and SaaS moves the line between "you manage" and
//! "provider manages" further up the stack, but your data and who may reach it
//! stay yours in every model. PhotoShare's tiers sit at different points on that
//! line: the app tier in containers, the data tier in PaaS.

use crate::chart::{Bar, Chart, ChartSpec, Tone, Unit};
use crate::documented::DocumentedSection;
use crate::frame::{demo_page, Page};
use crate::lab::lab;
use crate::results::{from_ok, problems_view, Figure, Section};
use crate::scroll_box::ScrollBox;
use crate::stage::{Stage, StageChart, StageControls, StageFigures};
use cloud_lab_model::link::Query;
use cloud_lab_model::service_models::*;
use cloud_lab_model::vocabulary::Cloud;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<ServiceModels, _>(query, |page: Page<ServiceModels>| {
        let (params, outcome) = (page.params, page.outcome);
        view! {
            <TierStage page/>
            {problems_view(outcome)}
            <Matrix params outcome/>
            <Tiers page/>
            <SelfCheck params outcome/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

type Outcome = Memo<Result<ServiceModelsOutcome, Vec<String>>>;

fn manager_text(m: Manager) -> &'static str {
    match m {
        Manager::You => "you",
        Manager::Shared => "shared",
        Manager::Provider => "provider",
    }
}

fn manager_class(m: Manager) -> &'static str {
    match m {
        Manager::You => "mgr mgr-you",
        Manager::Shared => "mgr mgr-shared",
        Manager::Provider => "mgr mgr-provider",
    }
}

/// The sentences some cells need, numbered in reading order (row by row), each
/// with the cells it belongs to: one footnote may serve several cells.
fn notes(columns: &[Column]) -> Vec<(&'static str, Vec<(Model, Layer)>)> {
    let mut notes: Vec<(&'static str, Vec<(Model, Layer)>)> = Vec::new();
    for (row, layer) in Layer::ALL.iter().enumerate() {
        for c in columns {
            if let Some(text) = c.cells.get(row).and_then(|cell| cell.note) {
                match notes.iter_mut().find(|(t, _)| *t == text) {
                    Some((_, cells)) => cells.push((c.model, *layer)),
                    None => notes.push((text, vec![(c.model, *layer)])),
                }
            }
        }
    }
    notes
}

#[component]
fn Matrix(params: RwSignal<ServiceModelsParams>, outcome: Outcome) -> impl IntoView {
    // The columns never change with the params: a memo keeps the table (and the
    // focused button) in place while only the highlight moves.
    let columns = Memo::new(move |_| {
        outcome.with(|o| o.as_ref().map(|o| o.columns.clone()).unwrap_or_default())
    });
    // A memo: an answer in the self-check leaves the highlight, and the cells, alone.
    let highlighted =
        Memo::new(move |_| outcome.with(|o| o.as_ref().ok().and_then(|o| o.highlighted_model)));
    let toggle = move |m: Model| {
        params.update(|p| {
            p.selected_model = if highlighted.get() == Some(m) && p.selected_model == Some(m) {
                None
            } else {
                Some(m)
            }
        })
    };
    let table = move || {
        let columns = columns.get();
        let notes = notes(&columns);
        let note_number = |m: Model, l: Layer| {
            notes
                .iter()
                .position(|(_, cells)| cells.contains(&(m, l)))
                .map(|i| i + 1)
        };
        let head = columns
            .iter()
            .map(|c| {
                let m = c.model;
                let on = move || highlighted.get() == Some(m);
                let tiers = c
                    .tiers
                    .iter()
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <th scope="col" class:highlight=on data-testid=format!("col-{}", m.slug())>
                        <button aria-pressed=move || if on() { "true" } else { "false" }
                            on:click=move |_| toggle(m)>{m.label()}</button>
                        {(!tiers.is_empty()).then(|| view! { <span class="tiers-here">"PhotoShare: "{tiers}</span> })}
                    </th>
                }
            })
            .collect_view();
        let body = Layer::ALL
            .iter()
            .enumerate()
            .map(|(row, layer)| {
                let cells = columns
                    .iter()
                    .map(|c| {
                        let cell = c.cells.get(row).copied();
                        let line = row + 1 == c.above_line;
                        let m = c.model;
                        let on = move || highlighted.get() == Some(m);
                        let n = note_number(c.model, *layer);
                        cell.map(|cell| {
                            view! {
                                <td class=manager_class(cell.manager) class:line=line class:highlight=on>
                                    {manager_text(cell.manager)}
                                    {n.map(|n| view! { <sup><span class="visually-hidden">" note "</span>{n}</sup> })}
                                    {line.then(|| view! { <span class="visually-hidden">" (the line: provider manages below)"</span> })}
                                </td>
                            }
                        })
                    })
                    .collect_view();
                view! { <tr><th scope="row">{layer.label()}</th>{cells}</tr> }
            })
            .collect_view();
        let foot = columns
            .iter()
            .map(|c| {
                let m = c.model;
                let on = move || highlighted.get() == Some(m);
                view! {
                    <td class:highlight=on data-testid=format!("split-{}", c.model.slug())>
                        {format!("{} yours", c.yours)}
                        {(c.shared > 0).then(|| format!(" · {} shared", c.shared))}
                        {format!(" · {} provider's", c.providers)}
                    </td>
                }
            })
            .collect_view();
        let footnotes = notes
            .iter()
            .enumerate()
            .map(|(i, (text, cells))| {
                let whose = cells
                    .iter()
                    .map(|(m, l)| format!("{}, {}", m.label(), l.label()))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! { <li id=format!("note-{}", i + 1)><strong>{whose}": "</strong>{*text}</li> }
            })
            .collect_view();
        view! {
            <table class="matrix" data-testid="matrix">
                <caption>"Who manages each layer, model by model"</caption>
                <thead><tr><th scope="col">"Layer"</th>{head}</tr></thead>
                <tbody>{body}</tbody>
                <tfoot><tr><th scope="row">"Layers"</th>{foot}</tr></tfoot>
            </table>
            <ol class="footnotes">{footnotes}</ol>
        }
    };
    let scaling = move || {
        highlighted.get().map(|m| {
            view! {
                <p data-testid="model-scaling"><strong>{m.label()}": "</strong>"who sets the capacity? "{m.scaling()}</p>
            }
        })
    };
    view! {
        <Section id="matrix" heading="The line between you and the provider">
            <p>
                "Read a column top to bottom: the layers above the dotted line are yours (or shared), the ones below it the provider's. "
                "From left to right the line climbs, but it never passes your data."
            </p>
            <p class="legend" aria-hidden="true">
                <span class="mgr mgr-you">"you"</span>" you manage · "
                <span class="mgr mgr-shared">"shared"</span>" split between you · "
                <span class="mgr mgr-provider">"provider"</span>" the provider manages · "
                <span class="line-sample">"  "</span>" the line"
            </p>
            <ScrollBox label="Who manages each layer">{table}</ScrollBox>
            {scaling}
            <p class="note">"Choose a column's name to highlight it; choose it again to return to the selected tier's model."</p>
        </Section>
    }
}

/// The lesson on one screen: choose a tier, see its model, and how many layers each model
/// leaves to the team.
#[component]
fn TierStage(page: Page<ServiceModels>) -> impl IntoView {
    let params = page.params;
    let lab = lab();
    let selected = move || params.with(|p| p.selected_tier);
    let choose = move |t: Tier| {
        params.update(|p| {
            p.selected_tier = Some(t);
            p.selected_model = None;
        })
    };
    let columns = page.from_ok(|o| o.columns.clone());
    let shown = page.from_ok(|o| {
        o.highlighted_model
            .and_then(|m| o.columns.iter().find(|c| c.model == m).cloned())
    });
    let spec = Memo::new(move |_| {
        let bars = columns()
            .iter()
            .map(|c| Bar {
                label: c.model.label().into(),
                segments: vec![
                    ("yours".into(), c.yours as f64, Tone::First),
                    ("shared".into(), c.shared as f64, Tone::Third),
                    ("the provider's".into(), c.providers as f64, Tone::Muted),
                ],
            })
            .collect();
        ChartSpec::new("", "layers")
            .y_unit(Unit::Count)
            .bar_legend(&[
                ("yours", Tone::First),
                ("shared", Tone::Third),
                ("the provider's", Tone::Muted),
            ])
            .bars(bars)
            .fit_y()
    });
    let summary = Memo::new(move |_| {
        let each: Vec<String> = columns()
            .iter()
            .map(|c| {
                format!(
                    "{}: {} yours, {} shared, {} the provider's",
                    c.model.label(),
                    c.yours,
                    c.shared,
                    c.providers
                )
            })
            .collect();
        format!("Layers each model leaves to you. {}.", each.join("; "))
    });
    view! {
        <Stage label="PhotoShare's tiers and the line">
            <StageControls slot>
                <fieldset class="tier-choice">
                    <legend>"Choose a tier to see its model and who does what"</legend>
                    {Tier::ALL.map(|t| {
                        let model = t.model();
                        view! {
                            <label data-testid=format!("tier-{}", t.slug())>
                                <input type="radio" name="tier" prop:checked=move || selected() == Some(t)
                                    on:change=move |_| choose(t)/>
                                " "{t.label()}" ("{lab.name(t.service())}") — "<strong>{model.label()}</strong>" "
                                {ServiceModels::claim(t).map(|claim| page.badge(claim))}
                            </label>
                        }
                    })}
                </fieldset>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" aria-live="polite">
                    <Figure label="The model" testid="stage-model" value=move || shown().map(|c| c.model.label()).unwrap_or("choose a tier")/>
                    <Figure label="Layers you manage" testid="stage-yours" value=move || shown().map(|c| c.yours.to_string()).unwrap_or_default()>
                        <dd>{move || shown().map(|c| format!("{} shared · {} the provider's", c.shared, c.providers)).unwrap_or_default()}</dd>
                    </Figure>
                </dl>
            </StageFigures>
            <StageChart slot>
                <Chart spec summary testid="layers-chart"/>
            </StageChart>
        </Stage>
    }
}

#[component]
fn Tiers(page: Page<ServiceModels>) -> impl IntoView {
    let outcome = page.outcome;
    let lab = lab();
    let tiers = from_ok(outcome, |o| o.tiers.clone());
    let card = move || {
        tiers().into_iter().find(|c| c.selected).map(|c| {
            let duties = c
                .duties
                .iter()
                .map(|d| {
                    view! {
                        <tr>
                            <th scope="row">{d.concern.label()}</th>
                            <td>{d.team.clone()}</td>
                            <td>{d.provider.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="tier-card" data-testid="tier-card" aria-live="polite">
                    <h3>{c.tier.label()}": "{lab.name(c.tier.service())}</h3>
                    <p class="names">{Cloud::ALL.map(|cloud| format!("{}: {}", cloud.name(), c.tier.service().name(cloud))).join(" · ")}</p>
                    <p><strong data-testid="tier-model">{c.model.label()}</strong>" — "{c.why}</p>
                    <ScrollBox label="Who does the chores"><table class="duties">
                        <caption>"Who does the chores"</caption>
                        <thead><tr><th scope="col">"Chore"</th><th scope="col">"The team"</th><th scope="col">"The provider"</th></tr></thead>
                        <tbody>{duties}</tbody>
                    </table></ScrollBox>
                </div>
            }
        })
    };
    view! {
        <Section id="tiers" heading="PhotoShare's tiers on the line">
            {card}
        </Section>
    }
}

#[component]
fn SelfCheck(params: RwSignal<ServiceModelsParams>, outcome: Outcome) -> impl IntoView {
    let feedback = move |i: usize| {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.feedback.get(i).copied().flatten())
        })
    };
    let chosen = move |i: usize| params.with(|p| p.answers.get(i).copied().flatten());
    let questions = SELF_CHECK
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let n = i + 1;
            let options = q
                .options
                .iter()
                .enumerate()
                .map(|(j, text)| {
                    view! {
                        <label>
                            <input type="radio" name=format!("q{n}") data-testid=format!("q{n}-option-{}", j + 1)
                                prop:checked=move || chosen(i) == Some(j)
                                on:change=move |_| params.update(|p| if let Some(a) = p.answers.get_mut(i) { *a = Some(j) })/>
                            " "{*text}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="question" data-testid=format!("q{n}")>
                    <legend>{format!("{n}. ")}{q.prompt}</legend>
                    {options}
                    <div aria-live="polite" data-testid=format!("q{n}-feedback")>
                        {move || feedback(i).map(|f| view! {
                            <p class="feedback" class:right=f.correct class:wrong=!f.correct>
                                <strong>{if f.correct { "Right. " } else { "Not quite. " }}</strong>
                                {(!f.correct).then(|| format!("The answer: {}. ", f.right_answer))}
                                {f.explanation}
                            </p>
                        })}
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <Section id="check" heading="Check yourself">
            <p class="figure-line" data-testid="score" aria-live="polite">
                {from_ok(outcome, |o| format!("{} of {} answered, {} right.", o.answered, SELF_CHECK.len(), o.correct))}
            </p>
            {questions}
            <button on:click=move |_| params.update(|p| p.answers = Default::default())>"Clear my answers"</button>
        </Section>
    }
}
