//! The frame every demo sits in: title, what it teaches, the reset action, what the link
//! ignored, the link to the shared PhotoShare, the demo itself, and the careful reader's
//! notes. A view gets a [`Page`]: its one signal of params and the model's outcome.
//!
//! ```text
//! pub fn page(query: &Query) -> AnyView {
//!     demo_page::<Availability, _>(query, |page| view! {
//!         <Number params=page.params field=AvailabilityParams::SLO/>
//!         {page.problems()}
//!         <Results invalid=page.invalid() heading="What the path gives" id="composed">
//!             <p>{page.from_ok(|o| format::availability(o.composition.availability))}</p>
//!             {page.badge(&Availability::COMPOSED)}
//!         </Results>
//!     })
//! }
//! ```

use crate::address_bar;
use crate::lab::{lab, typing_in_a_field, Embedded};
use crate::results::{from_ok, problems_view, Badge};
use crate::scenario::describe;
use crate::startup::piece;
use cloud_lab_model::catalog::DemoInfo;
use cloud_lab_model::claim::{Claim, Note, Verdict};
use cloud_lab_model::demo::Demo;
use cloud_lab_model::link::{Ignored, LinkState, Query};
use cloud_lab_model::scenario::{Scenario, SharedValue};
use leptos::prelude::*;

/// A demo's state on its page: the params a student changes, and what the model makes of them.
pub struct Page<D: Demo> {
    pub params: RwSignal<D::Params>,
    pub outcome: Memo<Result<D::Outcome, Vec<String>>>,
}

impl<D: Demo> Clone for Page<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: Demo> Copy for Page<D> {}

impl<D: Demo> Page<D> {
    /// A reactive value of the outcome, or `T::default()` while the params are invalid.
    pub fn from_ok<T: Default>(
        self,
        f: impl Fn(&D::Outcome) -> T + Copy + Send + Sync + 'static,
    ) -> impl Fn() -> T + Copy + Send + Sync + 'static {
        from_ok(self.outcome, f)
    }

    /// True while the model refuses the params.
    pub fn invalid(self) -> Signal<bool> {
        let outcome = self.outcome;
        Signal::derive(move || outcome.with(|o| o.is_err()))
    }

    /// The model's problems, shown in place of the results while there are any.
    pub fn problems(self) -> impl IntoView {
        problems_view(self.outcome)
    }

    /// A worked-example claim checked on the live params and outcome.
    pub fn verdict(self, claim: &'static Claim<D::Params, D::Outcome>) -> Signal<Verdict> {
        let Page { params, outcome } = self;
        Signal::derive(move || {
            params.with(|p| {
                outcome.with(|o| match o {
                    Ok(o) => claim.check(p, o),
                    Err(_) => claim.unchecked(),
                })
            })
        })
    }

    /// The claim's badge: the printed figure, ✓ when the live one agrees under its rounding.
    pub fn badge(self, claim: &'static Claim<D::Params, D::Outcome>) -> impl IntoView {
        view! { <Badge verdict=self.verdict(claim)/> }
    }

    /// The claim's badge, only while the claim applies (the month holds that incident).
    pub fn badge_if_applies(self, claim: &'static Claim<D::Params, D::Outcome>) -> impl IntoView {
        let verdict = self.verdict(claim);
        // A memo, so a move that changes the live figure updates the badge rather than
        // building it again.
        let applies = Memo::new(move |_| verdict.with(|v| v.applies));
        move || applies.get().then(|| view! { <Badge verdict/> })
    }
}

/// Builds demo `D`'s page from its link. A demo is linked to the shared PhotoShare unless its
/// link says `linked=0`; opening and leaving it are `Scenario::open` and `Lab::navigate`.
pub fn demo_page<D: Demo, V: IntoView + 'static>(
    query: &Query,
    body: impl FnOnce(Page<D>) -> V + Send + 'static,
) -> AnyView {
    let lab = lab();
    let embedded = use_context::<Embedded>().is_some();
    let opened = lab
        .scenario
        .with_untracked(|s| s.open::<D>(query, embedded));
    let linked = RwSignal::new(opened.linked);
    let params = RwSignal::new(opened.params);
    let page = Page::<D> {
        params,
        outcome: Memo::new(move |_| params.with(D::evaluate)),
    };
    // The scenario as this demo shows it: with its own values while linked, read from the
    // outcome the page already has rather than evaluating the params again.
    let shown = opened.takes_part.then(|| {
        let outcome = page.outcome;
        Memo::new(move |_| {
            let update = linked
                .get()
                .then(|| params.with(|p| outcome.with(|o| D::give_evaluated(p, o.as_ref().ok()))))
                .flatten();
            lab.scenario.get().after(update)
        })
    });
    // The exercises ask the model a question each: built in a piece of their own (`startup`).
    let exercises = {
        let query = query.clone();
        Box::new(move || crate::exercises::block::<D>(page, &query)) as Children
    };
    let frame = Frame {
        info: D::info(),
        ignored: opened.ignored,
        shares: D::SHARES,
        notes: D::NOTES,
        embedded,
        linked,
        shown,
        own_link: Signal::derive(move || params.with(|p| p.to_query())),
        reset: Callback::new(move |()| params.set(D::Params::default())),
        relink: Callback::new(move |()| {
            let s = lab.scenario.get_untracked();
            params.update(|p| D::take(p, &s));
        }),
    };
    framed(frame, Box::new(move || body(page).into_any()), exercises)
}

/// What the frame needs of a demo, its type erased.
struct Frame {
    info: &'static DemoInfo,
    ignored: Vec<Ignored>,
    shares: &'static [SharedValue],
    notes: &'static [Note],
    embedded: bool,
    linked: RwSignal<bool>,
    shown: Option<Memo<Scenario>>,
    /// The demo's own link: its params' pairs.
    own_link: Signal<String>,
    reset: Callback<()>,
    /// Puts the scenario's values back into the demo's params.
    relink: Callback<()>,
}

/// The frame around a demo's body. Not generic, so the lab's wasm holds it once rather than
/// once per demo.
fn framed(f: Frame, body: Children, exercises: Children) -> AnyView {
    let lab = lab();
    let Frame {
        info,
        linked,
        shown,
        own_link,
        reset,
        ..
    } = f;
    // The address bar is the outside world: an effect keeps it in step with the state. The
    // page's opening link is written at once (a link with a bad key shows corrected), a move's
    // once the controls rest.
    if !f.embedded {
        Effect::new(move |opened: Option<()>| {
            let link = with_scenario(own_link.get(), shown, linked);
            let cloud = lab.cloud.get();
            if opened.is_none() {
                address_bar::write(info.slug, &link, cloud);
            } else {
                address_bar::write_when_resting(info.slug, &link, cloud);
            }
        });
    }
    if let Some(shown) = shown {
        lab.on_leaving(shown);
    }
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "r" && !ev.ctrl_key() && !ev.meta_key() && !typing_in_a_field(&ev) {
            reset.run(());
        }
    });
    on_cleanup(move || keys.remove());
    let article = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |_| {
        if let Some(article) = article.get() {
            crate::startup::when_shown(move || crate::in_turn::lay_out(article.into()));
        }
    });
    view! {
        <article class="demo in-turn" data-testid=format!("demo-{}", info.slug) node_ref=article>
            <header class="demo-header">
                <p class="section">{info.section}</p>
                <h1>{info.title}</h1>
                <p class="teaches">{info.teaches}</p>
                <button class="reset" data-testid="reset" on:click=move |_| reset.run(())
                    title="Keyboard: r">
                    "Reset to the worked example"
                </button>
            </header>
            <IgnoredNotice ignored=f.ignored/>
            // The panel reads the model's outcome: a piece of the start of its own.
            {shown.map(|shown| piece(Box::new(move || {
                scenario_panel(f.shares, shown.into(), linked, f.relink)
            })))}
            {piece(body)}
            {piece(exercises)}
            {piece(Box::new(move || view! { <Notes notes=f.notes/> }.into_any()))}
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
    values: &'static [SharedValue],
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
    let name = move || shown.with(|s| s.project.name.clone());
    view! {
        <details class="scenario-panel" class:unlinked=move || !linked.get()
            data-testid="scenario-panel" prop:open=move || !folded.get()>
            <summary><h2>
                {move || if linked.get() { format!("Linked to {}", name()) } else { "Exploring on its own".into() }}
            </h2></summary>
            <p class="note">
                {move || if linked.get() {
                    format!("These values are {}'s in every demo that uses them: change one here and the other demos see it.", name())
                } else {
                    format!("This demo keeps its own values; the other demos keep {}'s, which are:", name())
                }}
            </p>
            <ul>
                {values.iter().map(|&value| {
                    let row = move || describe(value, &shown.get());
                    view! {
                        <li data-testid=format!("linked-{}", value.slug())>
                            {move || row().0}": "<strong>{move || row().1}</strong>" "
                            <span class="from">{move || row().2}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button data-testid="scenario-toggle" on:click=toggle>
                {move || if linked.get() { "Explore on its own".into() } else { format!("Link to {} again", name()) }}
            </button>
        </details>
    }
    .into_any()
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

/// Where the worked example departs from the real systems, with the sources.
#[component]
fn Notes(notes: &'static [Note]) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <section class="careful-reader" data-testid="careful-reader" aria-labelledby="careful-reader-heading">
                <h2 id="careful-reader-heading">"A careful reader's notes"</h2>
                <ul>
                    {notes.iter().map(|n| view! {
                        <li>{n.text}" Source: "<a href=n.url rel="external noreferrer">{n.source}</a>"."</li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
