//! The result section every demo shares: the model's problems in place of results, a
//! section greyed while the params are invalid, and the worked example's badges.

use crate::frame::Page;
use cloud_lab_model::claim::Verdict;
use cloud_lab_model::demo::Demo;
use leptos::prelude::*;

/// A section of results, marked invalid (and greyed) while the model refuses the params.
#[component]
pub fn Results<D: Demo>(
    page: Page<D>,
    heading: &'static str,
    /// The heading's id, and the section's name for tests: `{id}-heading`.
    id: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section aria-labelledby=format!("{id}-heading") class="results" class:invalid=page.invalid()>
            <h2 id=format!("{id}-heading")>{heading}</h2>
            {children()}
        </section>
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
    let agrees = move || verdict.with(|v| v.agrees);
    let title = move || {
        verdict.with(|v| {
            format!(
                "{}: the worked example prints {}; live {} ({})",
                v.label, v.printed, v.live, v.rule
            )
        })
    };
    view! {
        <span class="worked" class:agrees=agrees data-testid="worked-example" title=title>
            "Worked example: "{move || verdict.with(|v| v.printed)}
            <span aria-hidden="true">{move || if agrees() { " ✓" } else { "" }}</span>
            <span class="visually-hidden">{move || if agrees() { " (matches)" } else { " (differs)" }}</span>
        </span>
    }
}

/// The worked example's figure beside the live one, compared in the view. Kept while the
/// views that use it move their figures into their models' claims (then [`Badge`]).
#[component]
pub fn WorkedExample(
    /// As the worked example prints it.
    printed: &'static str,
    /// True when the live value matches.
    #[prop(into)]
    agrees: Signal<bool>,
) -> impl IntoView {
    view! {
        <span class="worked" class:agrees=move || agrees.get() data-testid="worked-example">
            "Worked example: "{printed}
            <span aria-hidden="true">{move || if agrees.get() { " ✓" } else { "" }}</span>
            <span class="visually-hidden">{move || if agrees.get() { " (matches)" } else { " (differs)" }}</span>
        </span>
    }
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
