//! What every demo shares: the lab's settings, the page frame, and the link in the address bar.

use crate::scenario::{self as shared, Field, Shared};
use cloud_lab_model::catalog::DemoInfo;
use cloud_lab_model::link::{Ignored, LinkState, Query, Route, GLOBAL_KEYS};
use cloud_lab_model::scenario::{self, Scenario};
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
    /// The PhotoShare the linked demos share; the shell sets it from a link's `s.*` keys,
    /// a linked demo gives its values back when it is left.
    pub scenario: RwSignal<Scenario>,
}

impl Lab {
    pub fn new(cloud: Cloud) -> Self {
        Lab {
            cloud: RwSignal::new(cloud),
            presenter: RwSignal::new(false),
            dark: RwSignal::new(false),
            scenario: RwSignal::new(Scenario::default()),
        }
    }

    /// A service's name in the chosen cloud, as a reactive label.
    pub fn name(self, service: Service) -> impl Fn() -> &'static str + Copy + Send + Sync {
        move || service.name(self.cloud.get())
    }
}

/// Present in the context of a page that embeds demos (the tour): the embedding page owns
/// the address bar, so the demos inside it leave the link alone.
#[derive(Clone, Copy)]
pub struct Embedded;

pub fn lab() -> Lab {
    use_context::<Lab>().unwrap_or_else(|| {
        let lab = Lab::new(Cloud::default());
        provide_context(lab);
        lab
    })
}

/// Puts a page's state in the address bar without adding a history entry
/// (a slider drag would otherwise fill the back button). An embedded page (`embed=1`)
/// keeps its key, so a reload inside the iframe stays embedded.
pub fn write_location(page: &str, query: &str, cloud: Cloud) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let here = window.location().hash().unwrap_or_default();
    let embedded = Route::parse(&here).query.get("embed") == Some("1");
    let mut pairs: Vec<String> = vec![query.to_string()];
    if cloud != Cloud::default() {
        pairs.push(format!("cloud={}", cloud.slug()));
    }
    if embedded {
        pairs.push("embed=1".into());
    }
    pairs.retain(|p| !p.is_empty());
    let hash = Route::hash(page, &pairs.join("&"));
    if here != hash {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    }
}

/// The frame every demo sits in: title, what it teaches, the reset action, what
/// the link ignored, and the link to the shared PhotoShare. `body` gets the demo's
/// one signal of params, read from the link.
///
/// A demo is linked unless its link says `linked=0`. A linked demo opened without
/// values of its own takes the scenario's; its link carries the scenario as this demo
/// leaves it (`s.*` keys), and leaving the page gives its values to the next demo.
pub fn demo_page<P, V>(
    info: &'static DemoInfo,
    query: &Query,
    body: impl FnOnce(RwSignal<P>) -> V,
) -> AnyView
where
    P: LinkState + Shared + Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let (scenario_query, query) = scenario::split(query);
    let (mut initial, mut ignored) = P::from_query(&query);
    ignored.extend(Scenario::from_query(&scenario_query).1);
    let lab = lab();
    let embedded = use_context::<Embedded>().is_some();
    let takes_part = !P::USES.is_empty() && !embedded;
    let linked = RwSignal::new(takes_part && query.get("linked") != Some("0"));
    let own_values = query.keys().any(|k| !GLOBAL_KEYS.contains(&k));
    if linked.get_untracked() && !own_values {
        lab.scenario.with_untracked(|s| initial.apply(s));
    }
    let params = RwSignal::new(initial);
    // The scenario as this demo shows it: with its own values while linked.
    let shown = takes_part.then(|| {
        Memo::new(move |_| {
            if linked.get() {
                shared::after(&lab.scenario.get(), params.with(|p| p.read()))
            } else {
                lab.scenario.get()
            }
        })
    });
    // The address bar is the outside world: an effect keeps it in step with the state.
    if !embedded {
        Effect::new(move |_| {
            let own = params.with(|p| p.to_query());
            write_location(info.id, &with_scenario(own, shown, linked), lab.cloud.get());
        });
    }
    if takes_part {
        on_cleanup(move || {
            if linked.try_get_untracked() == Some(true) {
                if let Some(u) = params.try_with_untracked(|p| p.read()).flatten() {
                    lab.scenario.try_update(|s| {
                        s.update(&u);
                    });
                }
            }
        });
    }
    let reset = move || params.set(P::default());
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "r" && !ev.ctrl_key() && !ev.meta_key() && !typing_in_a_field(&ev) {
            reset();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <article class="demo" data-testid=format!("demo-{}", info.id)>
            <header class="demo-header">
                <p class="section">{info.section}</p>
                <h1>{info.title}</h1>
                <p class="teaches">{info.teaches}</p>
                <button class="reset" data-testid="reset" on:click=move |_| reset()
                    title="Keyboard: r">
                    "Reset to the worked example"
                </button>
            </header>
            <IgnoredNotice ignored/>
            {shown.map(|shown| {
                let relink = Callback::new(move |()| {
                    let s = lab.scenario.get_untracked();
                    params.update(|p| p.apply(&s));
                });
                scenario_panel(P::USES, shown.into(), linked, relink)
            })}
            {body(params)}
        </article>
    }
    .into_any()
}

/// A demo's own link with the scenario's keys beside it, and `linked=0` when it is unlinked.
fn with_scenario(own: String, shown: Option<Memo<Scenario>>, linked: RwSignal<bool>) -> String {
    let mut parts = vec![own];
    if let Some(shown) = shown {
        parts.push(shown.with(|s| s.to_query()));
        if !linked.get() {
            parts.push("linked=0".to_string());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("&")
}

/// The linked values this demo uses, where each comes from, and the way to unlink the demo.
/// `relink` puts the scenario's values back into the demo's params.
fn scenario_panel(
    fields: &'static [Field],
    shown: Signal<Scenario>,
    linked: RwSignal<bool>,
    relink: Callback<()>,
) -> AnyView {
    let toggle = move |_| {
        if linked.get_untracked() {
            linked.set(false);
        } else {
            relink.run(());
            linked.set(true);
        }
    };
    // Folded while presenting: the room needs the stage, not where the values come from.
    let folded = crate::stage::folded();
    view! {
        <details class="scenario-panel" class:unlinked=move || !linked.get()
            data-testid="scenario-panel" prop:open=move || !folded.get()>
            <summary><h2>
                {move || if linked.get() { "Linked to PhotoShare" } else { "Exploring on its own" }}
            </h2></summary>
            <p class="note">
                {move || if linked.get() {
                    "These values are PhotoShare's in every demo that uses them: change one here and the other demos see it."
                } else {
                    "This demo keeps its own values; the other demos keep PhotoShare's, which are:"
                }}
            </p>
            <ul>
                {fields.iter().map(|&field| {
                    let row = move || shared::describe(field, &shown.get());
                    view! {
                        <li data-testid=format!("linked-{}", shared::slug(field))>
                            {move || row().0}": "<strong>{move || row().1}</strong>" "
                            <span class="from">{move || row().2}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button data-testid="scenario-toggle" on:click=toggle>
                {move || if linked.get() { "Explore on its own" } else { "Link to PhotoShare again" }}
            </button>
        </details>
    }
    .into_any()
}

/// True when a key press belongs to a form field, not to the lab's shortcuts.
pub fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Says what a hand-edited link held that the page could not use.
#[component]
pub fn IgnoredNotice(ignored: Vec<Ignored>) -> impl IntoView {
    (!ignored.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" data-testid="ignored">
                <p>"This link held values the lab could not use; it shows the worked example's instead:"</p>
                <ul>
                    {ignored.into_iter().map(|i| view! { <li><code>{i.key}"="{i.value}</code>" — "{i.reason}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
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

/// The worked example's figure beside the live one, ticked when they agree.
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

/// Reads a number from a form field; text that is not one becomes NaN, which
/// the model reports in words rather than the field silently keeping its old value.
pub fn field_number(ev: &leptos::ev::Event) -> f64 {
    event_target_value(ev).trim().parse().unwrap_or(f64::NAN)
}

/// A whole number from a form field; anything else becomes 0, which the model rejects in words.
pub fn field_whole(ev: &leptos::ev::Event) -> u32 {
    event_target_value(ev).trim().parse().unwrap_or(0)
}

/// A reactive value from a model outcome, or the default while the input is invalid.
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
