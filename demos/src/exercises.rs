//! Predict, then check: the exercises block at the foot of every demo, added by the frame.
//!
//! Each exercise is a fold (`<details>`) with its question, an answer (a number, a choice, or
//! the demo's own controls for a goal), a check whose feedback is announced, a hint and a
//! "show me" that sets the demo to a state that answers it. Answers are kept in the browser
//! (`progress`); `#/<demo>?exercise=<slug>` opens one exercise directly.
//!
//! [`block`] is the only generic part: it turns a demo's exercises into [`Item`]s with their
//! checks as callbacks, so the markup exists once in the wasm, not once per demo.

pub mod page;

use crate::frame::Page;
use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::demo::Demo;
use cloud_lab_model::exercises::lab::{all, base, check_at, KindName};
use cloud_lab_model::exercises::progress::{Progress, Record};
use cloud_lab_model::exercises::{Feedback, Kind};
use cloud_lab_model::link::Query;
use leptos::prelude::*;

/// The link key that opens one exercise: `#/cost?exercise=largest-line`.
pub const KEY: &str = "exercise";

const STORAGE_KEY: &str = "cloud-lab-exercises";

/// The student's answers as the browser keeps them; nothing when storage is unavailable.
pub fn load() -> Progress {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|text| Progress::from_storage(&text))
        .unwrap_or_default()
}

/// Keeps the answers; a browser that refuses storage keeps them for this page only.
pub fn save(progress: &Progress) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, &progress.to_storage());
    }
}

/// The first exercise of a demo, for a link that leads to its exercises (the tour's).
pub fn first_of(demo: DemoId) -> Option<&'static str> {
    all().into_iter().find(|l| l.demo == demo).map(|l| l.slug)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// How an exercise is answered, as the markup needs it.
#[derive(Clone, Copy)]
enum Shape {
    Predict { unit: &'static str },
    Choose { options: &'static [&'static str] },
    Goal,
}

/// One exercise of the demo on the page, its types erased.
struct Item {
    slug: &'static str,
    title: &'static str,
    kind: KindName,
    shape: Shape,
    /// The question, or the model's problems with its params.
    question: String,
    hint: &'static str,
}

/// What the block does with the demo, its types erased: check exercise `k`'s answer (a goal
/// reads the demo's params) giving the feedback and the answer as kept, set the demo to the
/// settings `k` is asked on (a goal's start), and "show me" `k`.
#[derive(Clone, Copy)]
struct Actions {
    check: Callback<(usize, String), Option<(Feedback, String)>>,
    start: Callback<usize>,
    show_me: Callback<usize>,
}

/// The exercises of demo `D`, checked against its model; `query` may open one of them.
pub fn block<D: Demo>(page: Page<D>, query: &Query) -> AnyView {
    let items: Vec<Item> = D::EXERCISES
        .iter()
        .map(|ex| Item {
            slug: ex.slug,
            title: ex.title,
            kind: KindName::of(&ex.kind),
            shape: match ex.kind {
                Kind::Predict { unit, .. } => Shape::Predict { unit },
                Kind::Choose { options, .. } => Shape::Choose { options },
                Kind::Goal { .. } => Shape::Goal,
            },
            question: ex
                .question_on(&base::<D>(), D::evaluate)
                .unwrap_or_else(|problems| problems.join(" ")),
            hint: ex.hint,
        })
        .collect();
    let actions = Actions {
        check: Callback::new(move |(k, text): (usize, String)| {
            page.params
                .with_untracked(|p| check_at::<D>(k, &text, Some(p)))
        }),
        start: Callback::new(move |k: usize| {
            if let Some(ex) = D::EXERCISES.get(k) {
                page.params.set(ex.asked(&base::<D>()));
            }
        }),
        show_me: Callback::new(move |k: usize| {
            if let Some(ex) = D::EXERCISES.get(k) {
                page.params.set(ex.shown(&base::<D>()));
            }
        }),
    };
    exercises_view(D::info().slug, items, actions, query.get(KEY))
}

/// The block's markup, for any demo.
fn exercises_view(
    demo: &'static str,
    items: Vec<Item>,
    actions: Actions,
    opened: Option<&str>,
) -> AnyView {
    if items.is_empty() {
        return ().into_any();
    }
    let progress = RwSignal::new(load());
    let total = items.len();
    let done = move || {
        progress.with(|p| {
            p.records()
                .iter()
                .filter(|r| r.demo == demo && r.correct)
                .count()
        })
    };
    view! {
        <section class="exercises" aria-labelledby="exercises-heading" data-testid="exercises">
            <h2 id="exercises-heading">"Predict, then check"</h2>
            <p class="note">
                {move || format!("{} of {total} answered right. ", done())}
                <a href="#/exercises">"All exercises"</a>
            </p>
            <ol class="exercise-list">
                {items.into_iter().enumerate().map(|(k, item)| {
                    let open = opened == Some(item.slug);
                    exercise_view(demo, k, item, actions, open, progress)
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

fn exercise_view(
    demo: &'static str,
    k: usize,
    item: Item,
    actions: Actions,
    open: bool,
    progress: RwSignal<Progress>,
) -> AnyView {
    let Item {
        slug,
        title,
        kind,
        shape,
        question,
        hint,
    } = item;
    let id = format!("exercise-{slug}");
    let answer = RwSignal::new(String::new());
    // None before any check; then right or not, with the words.
    let verdict = RwSignal::new(None::<bool>);
    let words = RwSignal::new(String::new());
    let hint_shown = RwSignal::new(false);
    let done = move || progress.with(|p| p.get(demo, slug).is_some_and(|r| r.correct));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions.check.run((k, answer.get_untracked())) {
            Some((f, text)) => {
                progress.update(|p| {
                    p.answer(Record {
                        demo: demo.to_string(),
                        slug: slug.to_string(),
                        answer: text,
                        correct: f.correct,
                    });
                    save(p);
                });
                verdict.set(Some(f.correct));
                words.set(f.text);
            }
            None => {
                verdict.set(Some(false));
                words.set(missing_answer(shape).to_string());
            }
        }
    };
    let show = move |_| {
        actions.show_me.run(k);
        verdict.set(None);
        words.set(
            "The demo above now shows settings that answer this exercise: look at its figures."
                .to_string(),
        );
    };
    // Opened from a link: bring it into view once it is in the page.
    let fold = NodeRef::<leptos::html::Details>::new();
    if open {
        Effect::new(move |_| {
            if let Some(el) = fold.get() {
                crate::startup::when_shown(move || el.scroll_into_view());
            }
        });
    }
    view! {
        <li>
            <details class="exercise" data-testid="exercise" data-slug=slug
                data-kind=kind_slug(kind) id=id.clone() open=open node_ref=fold>
                <summary>
                    <span class="exercise-title">{title}</span>
                    " "<span class="exercise-kind">{kind.label()}</span>
                    {move || done().then(|| view! {
                        " "<span class="exercise-done" data-testid="exercise-done">"✓ done"</span>
                    })}
                </summary>
                <p class="question">{question}</p>
                <form on:submit=submit>
                    {answer_input(&id, shape, answer, move || actions.start.run(k))}
                    <div class="exercise-actions">
                        <button type="submit" data-testid="exercise-check">"Check"</button>
                        <button type="button" data-testid="exercise-hint"
                            aria-expanded=move || hint_shown.get().to_string()
                            on:click=move |_| hint_shown.update(|h| *h = !*h)>"Hint"</button>
                        <button type="button" data-testid="exercise-show" on:click=show>
                            "Show me"
                        </button>
                    </div>
                </form>
                <p class="hint" data-testid="exercise-hint-text" hidden=move || !hint_shown.get()>
                    {hint}
                </p>
                <p class="feedback" data-testid="exercise-feedback" role="status" aria-live="polite"
                    class:right=move || verdict.get() == Some(true)
                    class:wrong=move || verdict.get() == Some(false)>
                    {move || words.get()}
                </p>
                <p class="exercise-link">
                    <a href=format!("#/{demo}?{KEY}={slug}")>"Link to this exercise"</a>
                </p>
            </details>
        </li>
    }
    .into_any()
}

/// The answer field: a number with its unit, the options, or a pointer to the controls.
fn answer_input(
    id: &str,
    shape: Shape,
    answer: RwSignal<String>,
    start: impl Fn() + 'static,
) -> AnyView {
    match shape {
        Shape::Predict { unit } => {
            let field = format!("{id}-answer");
            view! {
                <p class="answer">
                    <label for=field.clone()>"Your answer"</label>" "
                    <input id=field type="text" inputmode="decimal" autocomplete="off"
                        data-testid="exercise-answer" prop:value=move || answer.get()
                        on:input=move |ev| answer.set(event_target_value(&ev))/>
                    " "{unit}
                </p>
            }
            .into_any()
        }
        Shape::Choose { options } => view! {
            <fieldset class="answer">
                <legend>"Your answer"</legend>
                {options.iter().enumerate().map(|(k, option)| {
                    let value = k.to_string();
                    let name = format!("{id}-choice");
                    view! {
                        <label class="choice">
                            <input type="radio" name=name value=value.clone()
                                data-testid="exercise-option"
                                prop:checked=move || answer.get() == value
                                on:change=move |_| answer.set(k.to_string())/>
                            " "{*option}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
        Shape::Goal => view! {
            <p class="answer note">
                <button type="button" data-testid="exercise-start" on:click=move |_| start()>
                    "Start from the exercise's settings"
                </button>
                " then change the demo's controls above and check your settings."
            </p>
        }
        .into_any(),
    }
}

fn missing_answer(shape: Shape) -> &'static str {
    match shape {
        Shape::Predict { .. } => "Type a number first, such as 12 or 43.2.",
        Shape::Choose { .. } => "Choose one of the answers first.",
        Shape::Goal => "The demo's settings could not be read.",
    }
}

fn kind_slug(kind: KindName) -> &'static str {
    match kind {
        KindName::Predict => "predict",
        KindName::Choose => "choose",
        KindName::Goal => "goal",
    }
}
