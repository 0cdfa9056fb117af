//! The presenter stage: what a demo's first screen holds when it is projected in a
//! lecture hall (1280×720, presenter mode) — its main controls, its headline figures
//! and its main chart, large enough to read from the back of the room — and the "Why?"
//! fold that keeps explanations one click away without pushing the stage off screen.
//!
//! ```ignore
//! view! {
//!     <Stage label="Load and policy">
//!         <StageControls slot> /* the sliders the lesson is about */ </StageControls>
//!         <StageFigures slot> <dl class="figures">…</dl> </StageFigures>
//!         <StageChart slot> <Chart spec summary testid="load-chart"/> </StageChart>
//!     </Stage>
//!     <Why> <p>"Because availabilities multiply along the path…"</p> </Why>
//! }
//! ```
//!
//! The stage lays itself out (controls beside figures and chart on a wide screen, one
//! column on a phone); the order in the page is controls, figures, chart, so a screen
//! reader and the Tab key meet them in the order they are shown.

use crate::startup::piece;
use leptos::prelude::*;

/// Whether explanations start folded. The shell provides it (folded in presenter mode
/// and in an embedded demo, where the room or the slide has no space for prose).
#[derive(Clone, Copy)]
pub struct Folded(pub Signal<bool>);

/// True while explanations (and the scenario panel) start folded.
pub fn folded() -> Signal<bool> {
    use_context::<Folded>().map_or_else(|| Signal::stored(false), |f| f.0)
}

/// The controls a lecturer moves while talking.
#[slot]
pub struct StageControls {
    children: Children,
}

/// The few numbers the lesson is about (e.g. a `<dl class="figures">`).
#[slot]
pub struct StageFigures {
    children: Children,
}

/// The demo's main chart.
#[slot]
pub struct StageChart {
    children: Children,
}

/// A demo's first screen. `label` names it for screen readers and the section key;
/// `invalid` greys it (as a [`crate::results::Results`] section) while the model refuses
/// the params.
#[component]
pub fn Stage(
    label: &'static str,
    #[prop(optional, into)] invalid: Signal<bool>,
    stage_controls: StageControls,
    #[prop(optional)] stage_figures: Option<StageFigures>,
    stage_chart: StageChart,
) -> impl IntoView {
    view! {
        <section class="stage" class:invalid=move || invalid.get() data-testid="stage" aria-label=label>
            <div class="stage-controls" data-testid="stage-controls">{piece(stage_controls.children)}</div>
            {stage_figures.map(|f| view! {
                <div class="stage-figures" data-testid="stage-figures">{piece(f.children)}</div>
            })}
            <div class="stage-chart" data-testid="stage-chart">{piece(stage_chart.children)}</div>
        </section>
    }
}

/// An explanation behind a "Why?" that opens in place: a real `<details>`, so the
/// keyboard (Enter, Space) and screen readers know it. Open on a laptop or phone,
/// folded while presenting or embedded; the reader can open or close it either way.
#[component]
pub fn Why(
    children: Children,
    /// The summary line, "Why?" unless the question reads better in full.
    #[prop(default = "Why?")]
    summary: &'static str,
) -> impl IntoView {
    let folded = folded();
    view! {
        <details class="why" data-testid="why" prop:open=move || !folded.get()>
            <summary>{summary}</summary>
            <div class="why-body">{children()}</div>
        </details>
    }
}
