//! The lab's settings every page reads, and moving between pages.

use cloud_lab_model::link::Query;
use cloud_lab_model::scenario::Scenario;
use cloud_lab_model::vocabulary::{Cloud, Service};
use leptos::prelude::*;

/// Settings the shell owns and every demo reads.
#[derive(Clone, Copy)]
pub struct Lab {
    /// Whose service names the labels use.
    pub cloud: RwSignal<Cloud>,
    /// Projector mode: larger type, thicker lines, higher contrast.
    pub presenter: RwSignal<bool>,
    /// The system's dark theme; charts redraw with its colours when it flips.
    pub dark: RwSignal<bool>,
    /// The PhotoShare the linked demos share. It changes in [`Lab::navigate`] only.
    pub scenario: RwSignal<Scenario>,
    /// The scenario as the linked demo on the page shows it, its own values in: what the
    /// demo gives back when the page changes.
    leaving: StoredValue<Option<Memo<Scenario>>>,
}

impl Lab {
    /// The lab as a link opens it: with the scenario the link carries (`s.*` keys).
    pub fn new(cloud: Cloud, scenario: Scenario) -> Self {
        Lab {
            cloud: RwSignal::new(cloud),
            presenter: RwSignal::new(false),
            dark: RwSignal::new(false),
            scenario: RwSignal::new(scenario),
            leaving: StoredValue::new(None),
        }
    }

    /// A service's name in the chosen cloud, as a reactive label.
    pub fn name(self, service: Service) -> impl Fn() -> &'static str + Copy + Send + Sync {
        move || service.name(self.cloud.get())
    }

    /// Moving to another page (called by the shell when the location changes, before the
    /// new page is drawn): the linked demo being left gives back its values, then a link
    /// that carries the scenario sets it. See `Scenario::navigate`.
    pub fn navigate(self, link: &Query) {
        let left = self
            .leaving
            .try_update_value(Option::take)
            .flatten()
            .and_then(|shown| shown.try_get_untracked());
        self.scenario.update(|s| s.navigate(left, link));
    }

    /// Called by a linked demo's frame when it is drawn: the scenario it leaves behind.
    pub(crate) fn on_leaving(self, shown: Memo<Scenario>) {
        self.leaving.set_value(Some(shown));
    }
}

/// Present in the context of a page that embeds demos (the tour): the embedding page owns
/// the address bar, so the demos inside it leave the link alone.
#[derive(Clone, Copy)]
pub struct Embedded;

pub fn lab() -> Lab {
    use_context::<Lab>().unwrap_or_else(|| {
        let lab = Lab::new(Cloud::default(), Scenario::default());
        provide_context(lab);
        lab
    })
}

/// True when a key press belongs to a form field, not to the lab's shortcuts.
pub fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Reads a number from a form field; text that is not one becomes NaN, which
/// the model reports in words rather than the field silently keeping its old value.
pub fn field_number(ev: &leptos::ev::Event) -> f64 {
    event_target_value(ev).trim().parse().unwrap_or(f64::NAN)
}

/// A whole number from a form field; anything else becomes 0, which the model rejects in words.
pub fn field_whole(ev: &leptos::ev::Event) -> u32 {
    event_target_value(ev).trim().parse().unwrap_or(0)
}
