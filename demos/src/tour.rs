//! The tour — the worked example read in order, one live demo per step. The lesson:
//! every figure PhotoShare's write-up prints comes out of a model a student can run.
//! Each step opens its demo in the step's state, sets the printed figures beside the
//! live ones (✓ where they agree) and says what to try next. Built for a lecture:
//! → and ← move through the steps, Home goes back to the first, and the step is in
//! the link (`#/tour?step=3`), so a reload or a shared link lands on the same step.

use crate::address_bar;
use crate::frame::IgnoredNotice;
use crate::lab::{lab, typing_in_a_field, Embedded};
use crate::results::{Badge, Section};
use crate::startup::piece;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::scenario::Scenario;
use cloud_lab_model::tour::{self, TourPosition, TourStep, TOUR};
use leptos::prelude::*;

/// The tour's route: `#/tour`.
pub const PAGE: &str = "tour";

/// The step that carries §5's trade-offs table.
const TRADEOFFS_STEP: &str = "tradeoffs";

pub fn view(query: &Query) -> AnyView {
    let (initial, ignored) = TourPosition::from_query(query);
    let position = RwSignal::new(initial);
    let lab = lab();

    // The address bar and the scroll position are the outside world.
    Effect::new(move |_| {
        let query = position.get().to_query();
        address_bar::write(PAGE, &query, lab.cloud.get());
    });
    Effect::new(move |previous: Option<TourPosition>| {
        let now = position.get();
        if previous.is_some_and(|p| p != now) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        now
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in_a_field(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let to = match ev.key().as_str() {
            "ArrowRight" | "PageDown" => position.get_untracked().next(),
            "ArrowLeft" | "PageUp" => position.get_untracked().previous(),
            "Home" => TourPosition::default(),
            "End" => TourPosition::at(TOUR.len()),
            _ => return,
        };
        ev.prevent_default();
        position.set(to);
    });
    on_cleanup(move || keys.remove());

    let step = move || position.get().step();
    let checks = Memo::new(move |_| position.get().step().run_checks(&Scenario::default()));
    // §5's table runs several models: computed once, when its step is first shown.
    let tradeoffs = Memo::new(move |_| tour::tradeoffs(&Scenario::default()));

    view! {
        <article class="demo tour" data-testid="tour">
            <header class="demo-header tour-header">
                <p class="section" data-testid="tour-section">{move || step().section}</p>
                <h1 data-testid="tour-title">
                    <span class="step-count">{move || format!("Step {} of {}: ", position.get().number(), TOUR.len())}</span>
                    {move || step().title}
                </h1>
            </header>
            <IgnoredNotice ignored/>
            <div class="tour-controls" role="group" aria-label="Tour steps">
                <button data-testid="tour-previous" prop:disabled=move || position.get().is_first()
                    on:click=move |_| position.update(|p| *p = p.previous()) title="Keyboard: ←">"← Previous"</button>
                <button data-testid="tour-next" prop:disabled=move || position.get().is_last()
                    on:click=move |_| position.update(|p| *p = p.next()) title="Keyboard: →">"Next →"</button>
                <ol class="tour-steps">
                    {TOUR.iter().enumerate().map(|(i, s)| {
                        let here = move || position.get().number() == i + 1;
                        view! {
                            <li><button aria-label=format!("Step {}: {}", i + 1, s.title) title=s.title
                                aria-current=move || here().then_some("step")
                                on:click=move |_| position.set(TourPosition::at(i + 1))>{i + 1}</button></li>
                        }
                    }).collect_view()}
                </ol>
            </div>
            <div class="tour-intro">
                <p class="now-try" data-testid="now-try"><strong>"Now try: "</strong>{move || step().now_try}</p>
                // The live figures run the step's models: a piece of the start of their own.
                {piece(Box::new(move || view! {
                    <section class="tour-checks" data-testid="tour-checks" aria-labelledby="tour-checks-heading">
                        <h2 id="tour-checks-heading">"The worked example's figures, live"</h2>
                        {move || checks.with(|rows| if rows.is_empty() {
                            view! { <p class="note">"This step prints no figure to check; the demo shows its own."</p> }.into_any()
                        } else {
                            view! {
                                <table>
                                    <thead><tr><th scope="col">"figure"</th><th scope="col">"live"</th><th scope="col">"printed"</th></tr></thead>
                                    <tbody>
                                        {rows.iter().map(|r| view! {
                                            <tr>
                                                <th scope="row">{r.label}</th>
                                                <td data-testid="live">{r.live.clone()}</td>
                                                <td><Badge verdict=r.clone()/></td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        })}
                    </section>
                }.into_any()))}
            </div>
            {move || (step().id == TRADEOFFS_STEP).then(|| view! { <Tradeoffs rows=tradeoffs/> })}
            <div class="tour-demo" data-testid="tour-demo">
                // The step's demo is a piece of the start of its own, and its sections after it.
                {piece(Box::new(move || (move || {
                    // This closure owns the embedded demo: the context stays inside it.
                    provide_context(Embedded);
                    embedded_demo(step())
                }).into_any()))}
            </div>
        </article>
    }
    .into_any()
}

/// The step's demo in the step's state, with links to open it on its own and to its exercises.
fn embedded_demo(step: &'static TourStep) -> AnyView {
    view! {
        <p class="note">
            <a href=step.hash(&Scenario::default()) data-testid="open-demo">"Open this demo on its own"</a>
            {crate::exercises::first_of(step.demo).map(|slug| view! {
                " · "<a href=format!("#/{}?{}={slug}", step.demo.slug(), crate::exercises::KEY)
                    data-testid="tour-exercises">"Its exercises: predict, then check"</a>
            })}
        </p>
        {crate::split::demo(step.demo, &Query::parse(step.query))}
    }
    .into_any()
}

/// §5: what the design buys and what it costs, from the live models.
#[component]
fn Tradeoffs(rows: Memo<Vec<tour::TradeoffRow>>) -> impl IntoView {
    view! {
        <Section id="tradeoffs" heading="Results and trade-offs">
            <table class="tradeoffs" data-testid="tradeoffs">
                <thead><tr><th scope="col">"dimension"</th><th scope="col">"this design"</th><th scope="col">"trade-off accepted"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! {
                        <tr><th scope="row">{r.dimension}</th><td>{r.this_design}</td><td>{r.cost_of_choice}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Section>
    }
}
