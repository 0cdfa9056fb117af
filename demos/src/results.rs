//! The sections every demo shares: a section under its heading, a results section greyed
//! while the params are invalid, the model's problems in place of results, and the worked
//! example's badges.

use cloud_lab_model::claim::Verdict;
use cloud_lab_model::vocabulary::Cloud;
use leptos::prelude::*;

/// A section of the page under its heading: `<Section id="about" heading="…">…</Section>`.
/// The heading's id is `{id}-heading`, which names the section for screen readers and the
/// section key.
#[component]
pub fn Section(heading: &'static str, id: &'static str, children: Children) -> impl IntoView {
    section(heading, id, None, children)
}

/// A section of results, marked invalid (and greyed) while the model refuses the params:
/// `<Results invalid=page.invalid() heading="…" id="composed">…</Results>`.
#[component]
pub fn Results(
    #[prop(into)] invalid: Signal<bool>,
    heading: &'static str,
    /// The heading's id is `{id}-heading`.
    id: &'static str,
    children: Children,
) -> impl IntoView {
    section(heading, id, Some(invalid), children)
}

fn section(
    heading: &'static str,
    id: &'static str,
    invalid: Option<Signal<bool>>,
    children: Children,
) -> AnyView {
    view! {
        <section aria-labelledby=format!("{id}-heading") class:results=invalid.is_some()
            class:invalid=move || invalid.is_some_and(|i| i.get())>
            <h2 id=format!("{id}-heading")>{heading}</h2>
            {crate::startup::piece(children)}
        </section>
    }
    .into_any()
}

/// One headline figure in a `<dl class="figures">`: what it is, the figure itself (large,
/// under its test id) and what the children add under it (a worked example's badge, a detail).
#[component]
pub fn Figure(
    label: &'static str,
    testid: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd class="big" data-testid=testid>{move || value.get()}</dd>
            {children.map(|c| c())}
        </div>
    }
}

/// The model's complaints about the current input, in the page.
#[component]
pub fn Problems(problems: Vec<String>) -> impl IntoView {
    view! {
        <div class="problems" role="alert" data-testid="problems">
            <p>"The lab cannot compute this yet:"</p>
            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        </div>
    }
}

/// A worked-example figure beside the live one: ✓ when the live figure, rounded as the
/// worked example prints it, is the printed one. Built by `Page::badge` from a claim.
#[component]
pub fn Badge(#[prop(into)] verdict: Signal<Verdict>) -> impl IntoView {
    badge(
        Signal::derive(move || verdict.with(|v| v.printed)),
        Signal::derive(move || verdict.with(|v| v.agrees)),
        Signal::derive(move || verdict.with(|v| format!("live {}, {}", v.live, v.rule))),
    )
}

fn badge(printed: Signal<&'static str>, agrees: Signal<bool>, title: Signal<String>) -> AnyView {
    view! {
        <span class="worked" class:agrees=move || agrees.get() data-testid="worked-example" title=move || title.get()>
            "Worked example: "{move || printed.get()}
            <span aria-hidden="true">{move || if agrees.get() { " ✓" } else { "" }}</span>
            <span class="visually-hidden">{move || if agrees.get() { " (matches)" } else { " (differs)" }}</span>
        </span>
    }
    .into_any()
}

/// A reactive value from a model outcome, or the default while the input is invalid.
/// `Page::from_ok` is the same for a demo's own outcome.
pub fn from_ok<O, T>(
    outcome: Memo<Result<O, Vec<String>>>,
    f: impl Fn(&O) -> T + Copy + Send + Sync + 'static,
) -> impl Fn() -> T + Copy + Send + Sync + 'static
where
    O: Send + Sync + PartialEq + 'static,
    T: Default,
{
    move || outcome.with(|o| o.as_ref().map(f).unwrap_or_default())
}

/// A text of a valid outcome bound on its own, for a page that updates only what changed:
/// empty while the input is invalid or while `f` finds nothing (a row about to go). A `Signal`
/// rather than a closure, so every such text shares one rendering in the wasm.
pub fn text_of<O>(
    outcome: Memo<Result<O, Vec<String>>>,
    f: impl Fn(&O) -> Option<String> + Send + Sync + 'static,
) -> Signal<String>
where
    O: Send + Sync + PartialEq + 'static,
{
    Signal::derive(move || outcome.with(|o| o.as_ref().ok().and_then(&f).unwrap_or_default()))
}

/// How many rows a table in a model's outcome has (none while the input is invalid): the
/// count `rows::indexed` keeps its rows by, so rows come and go only when it changes.
pub fn row_count<O, T: 'static>(
    outcome: Memo<Result<O, Vec<String>>>,
    table: fn(&O) -> &Vec<T>,
) -> Memo<usize>
where
    O: Send + Sync + PartialEq + 'static,
{
    Memo::new(move |_| outcome.with(|o| o.as_ref().map_or(0, |o| table(o).len())))
}

/// The text of a cell of a table's `i`th row, bound on its own (to the outcome, and to the
/// cloud whose words name the parts): a move rewrites only the cells whose text it changes.
pub fn row_text<O, T>(
    outcome: Memo<Result<O, Vec<String>>>,
    cloud: RwSignal<Cloud>,
    table: fn(&O) -> &Vec<T>,
    i: usize,
    text: fn(&T, Cloud) -> String,
) -> Signal<String>
where
    O: Send + Sync + PartialEq + 'static,
    T: 'static,
{
    text_of(outcome, move |o| {
        table(o).get(i).map(|r| text(r, cloud.get()))
    })
}

/// The model's problems, shown in place of the results while there are any.
/// `Page::problems` is the same for a demo's own outcome.
pub fn problems_view<O>(outcome: Memo<Result<O, Vec<String>>>) -> impl IntoView
where
    O: Send + Sync + PartialEq + 'static,
{
    move || {
        outcome.with(|o| match o {
            Err(problems) => Some(view! { <Problems problems=problems.clone()/> }),
            Ok(_) => None,
        })
    }
}
