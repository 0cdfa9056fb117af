//! The design report (`#/report`): the project's sections as the model writes them, to read,
//! print (the print stylesheet drops the navigation and keeps the tables and the chart) and download as
//! Markdown. A link with a project's keys shows that project's report without adopting it.

use super::store::file_stem;
use crate::address_bar;
use crate::chart::Chart;
use crate::frame::IgnoredNotice;
use crate::lab::lab;
use crate::results::Problems;
use cloud_lab_model::link::{LinkState, Query, GLOBAL_KEYS};
use cloud_lab_model::project::markdown::to_markdown;
use cloud_lab_model::project::report::{report, Report, Section, TextTable};
use cloud_lab_model::project::Project;
use cloud_lab_model::serverless::ServerlessOutcome;
use leptos::prelude::*;

/// The page's route: `#/report`.
pub const PAGE: &str = "report";

pub fn view(query: &Query) -> AnyView {
    let lab = lab();
    let own = query.keys().any(|k| !GLOBAL_KEYS.contains(&k));
    let (linked, ignored) = Project::from_query(query);
    let link = if own {
        linked.to_query()
    } else {
        String::new()
    };
    let project = Memo::new(move |_| {
        if own {
            linked.clone()
        } else {
            lab.scenario.with(|s| s.project.clone())
        }
    });
    let made = Memo::new(move |_| project.with(report));
    Effect::new(move |_| address_bar::write(PAGE, &link, lab.cloud.get()));
    view! {
        <article class="demo report-page" data-testid="report-page">
            <IgnoredNotice ignored/>
            {move || match made.get() {
                Ok(r) => document(r).into_any(),
                Err(problems) => view! {
                    <h1>"Design report"</h1>
                    <Problems problems/>
                    <p><a href="#/project">"Fix the project"</a></p>
                }
                .into_any(),
            }}
        </article>
    }
    .into_any()
}

fn document(r: Report) -> impl IntoView {
    let markdown = to_markdown(&r);
    let file = format!("{}-design-report.md", file_stem(&r.project));
    view! {
        <header class="demo-header">
            <h1>{format!("Design report: {}", r.project.name)}</h1>
            <p class="teaches">"Every figure below comes from the demos' own models, run on this project's values."</p>
            <p class="choices no-print">
                <button data-testid="print-report" on:click=|_| { let _ = window().print(); }>"Print"</button>
                <button data-testid="download-markdown" on:click=move |_| {
                    crate::chart::save_text(&file, "text/markdown;charset=utf-8", &markdown);
                }>"Download as Markdown"</button>
                <a href="#/project">"Edit the project"</a>
            </p>
        </header>
        <section aria-labelledby="assumptions-heading" data-testid="report-assumptions">
            <h2 id="assumptions-heading">"Assumptions"</h2>
            <ul>{r.assumptions.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
        </section>
        {r.sections.into_iter().map(|s| {
            let chart = (s.id == "serverless").then(|| crossover(&r.functions));
            section(s, chart)
        }).collect_view()}
    }
}

/// The serverless demo's own chart, drawn from the report's run of its model.
fn crossover(o: &ServerlessOutcome) -> impl IntoView {
    let spec = crate::serverless::crossover_chart(&o.curves, o.at.rate_per_s);
    let summary = format!(
        "Monthly cost of the functions and of the fleet against the average rate. {}",
        o.curves.verdict()
    );
    view! { <Chart spec summary testid="report-crossover-chart"/> }
}

fn section(s: Section, chart: Option<impl IntoView>) -> impl IntoView {
    let heading = format!("{}-heading", s.id);
    let labelled_by = heading.clone();
    view! {
        <section class="report-section" aria-labelledby=labelled_by data-testid=format!("report-{}", s.id)>
            <h2 id=heading>{s.title}</h2>
            {s.lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
            {(!s.formulas.is_empty()).then(|| view! {
                <ul class="formulas">
                    {s.formulas.into_iter().map(|f| view! {
                        <li><code>{f.general}</code><br/>{f.filled}</li>
                    }).collect_view()}
                </ul>
            })}
            {chart}
            {s.tables.into_iter().map(table).collect_view()}
        </section>
    }
}

fn table(t: TextTable) -> impl IntoView {
    let label = t.caption.clone();
    // A wide table scrolls in its own box, as `ScrollBox` does, named by its caption.
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table data-testid=t.id>
                <caption>{t.caption}</caption>
                <thead><tr>{t.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {t.rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
