//! The exercises page (`#/exercises`): every exercise of the lab with what the student has
//! done, and "Copy my results", a link that carries the answers to hand in. Opened from such
//! a link, the page shows those answers checked again by the model, and can keep them.

use super::{load, save};
use crate::results::Section;
use cloud_lab_model::exercises::lab::{all, check_text, Listed};
use cloud_lab_model::exercises::progress::{Progress, Record};
use cloud_lab_model::link::Query;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The page's route: `#/exercises`.
pub const PAGE: &str = "exercises";

/// The page; a query with answers in it is a student's results.
pub fn view(query: &Query) -> AnyView {
    let linked = Progress::from_link(query);
    let progress = RwSignal::new(load());
    let linked = (!linked.records().is_empty()).then(|| checked(&linked));
    let list = all();
    let total = list.len();
    let done = move || progress.with(Progress::correct_count);
    view! {
        <article class="demo exercises-page" data-testid="exercises-page">
            <header class="demo-header">
                <h1>"Exercises"</h1>
                <p class="teaches">
                    "Predict a number, choose, or reach a goal with a demo's controls: every answer is \
                     checked against the demo's model. Your answers stay in this browser."
                </p>
            </header>
            {linked.map(|results| linked_results(results, progress))}
            <Section id="progress" heading="Your progress">
                <p data-testid="exercises-done">{move || format!("{} of {total} answered right.", done())}</p>
                <CopyResults progress/>
            </Section>
            <Section id="all" heading="Every exercise">
                <ol class="exercise-index">
                    {list.into_iter().map(|l| listed_row(l, progress)).collect_view()}
                </ol>
            </Section>
        </article>
    }
    .into_any()
}

/// A link's answers with the model's verdict on each; a record that no longer reads is dropped.
fn checked(linked: &Progress) -> Progress {
    let mut out = Progress::default();
    for r in linked.records() {
        let verdict = cloud_lab_model::catalog::DemoId::from_slug(&r.demo)
            .and_then(|demo| check_text(demo, &r.slug, &r.answer));
        if let Some(f) = verdict {
            out.answer(Record {
                correct: f.correct,
                ..r.clone()
            });
        }
    }
    out
}

fn listed_row(l: Listed, progress: RwSignal<Progress>) -> impl IntoView {
    let info = l.demo.info();
    let state = move || {
        progress.with(|p| match p.get(info.slug, l.slug) {
            Some(r) if r.correct => "✓ right",
            Some(_) => "tried",
            None => "not yet",
        })
    };
    view! {
        <li data-testid="exercise-row" data-exercise=format!("{}.{}", info.slug, l.slug)>
            <a href=format!("#/{}?{}={}", info.slug, super::KEY, l.slug)>{l.title}</a>
            " — "{info.title}", "{l.kind.label().to_lowercase()}": "
            <strong data-testid="exercise-state">{state}</strong>
        </li>
    }
}

/// The answers of a results link, checked again, and the way to keep them.
fn linked_results(results: Progress, progress: RwSignal<Progress>) -> AnyView {
    let right = results.correct_count();
    let count = results.records().len();
    let kept = RwSignal::new(false);
    let rows = results.records().to_vec();
    let keep = move |_| {
        progress.update(|p| {
            p.merge(&results);
            save(p);
        });
        kept.set(true);
    };
    view! {
        <section class="linked-results" aria-labelledby="linked-heading" data-testid="linked-results">
            <h2 id="linked-heading">"Results from a link"</h2>
            <p>{format!("{right} of {count} answers in this link are right, checked again by the lab's models.")}</p>
            <ul>
                {rows.into_iter().map(|r| view! {
                    <li data-testid="linked-answer" data-exercise=format!("{}.{}", r.demo, r.slug)>
                        <code>{format!("{}.{}", r.demo, r.slug)}</code>": "
                        <strong>{if r.correct { "right" } else { "not right" }}</strong>
                    </li>
                }).collect_view()}
            </ul>
            <button data-testid="keep-results" on:click=keep disabled=move || kept.get()>
                "Keep these answers in this browser"
            </button>
            <p role="status" aria-live="polite">
                {move || kept.get().then_some("Kept: your progress now includes these answers.")}
            </p>
        </section>
    }
    .into_any()
}

/// A link with the student's answers, shown in a field and copied where the browser allows.
#[component]
fn CopyResults(progress: RwSignal<Progress>) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let status = RwSignal::new("");
    let copy = move |_| {
        let text = results_link(&progress.get_untracked());
        status.set(if copy_to_clipboard(&text) {
            "Copied to the clipboard. Paste it where you hand in your work."
        } else {
            "Copy the link from the box."
        });
        link.set(Some(text));
    };
    view! {
        <button data-testid="copy-results" on:click=copy>"Copy my results"</button>
        {move || link.get().map(|text| view! {
            <p>
                <label for="results-link">"Your results link"</label>" "
                <input id="results-link" type="text" readonly data-testid="results-link" prop:value=text/>
            </p>
        })}
        <p role="status" aria-live="polite">{move || status.get()}</p>
    }
}

/// This page's address with the answers in its query.
fn results_link(progress: &Progress) -> String {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let here = href.split('#').next().unwrap_or_default();
    format!("{here}#/{PAGE}?{}", progress.to_link())
}

/// Writes to the clipboard; false where the page has none (not served over HTTPS or localhost).
fn copy_to_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined());
    if has_clipboard {
        let _ = navigator.clipboard().write_text(text);
    }
    has_clipboard
}
