//! The controls of a table field (`cloud_lab_model::params`): label, limits, step, unit and
//! scale all come from the field's `Spec`, so a control cannot drift from the link and the
//! range checks. Each writes what the student set into the params through the field's
//! accessor; the model judges it (a value out of range shows the table's message).
//!
//! Test ids are the link key: the slider (or the lone number field) is `{key}`, a slider's
//! number field `{key}-value`, a choice's option `{key}-{slug}`.
//!
//! Each component is a thin generic wrapper that binds the field to the params; the markup is
//! drawn by a function that is not generic, so the lab's wasm holds it once.
//!
//! Where a page words a quantity for its place (a lever named in the chosen cloud's words, a
//! rate in the preset's unit), the control's children are its label and unit, and `testid`
//! keeps the handle the page's tests already use.

use crate::format;
use crate::lab::field_number;
use cloud_lab_model::money::Decimal;
use cloud_lab_model::params::{Access, Choice, Field, Spec};
use leptos::prelude::*;

/// A number field bound to the params: its shown value as a form field holds it ("" for
/// NaN), and what a form field reports, written back through the field's accessor.
struct Bound {
    value: Signal<String>,
    set: Callback<f64>,
}

fn bind<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> Bound {
    bound(
        Memo::new(move |_| params.with(|p| field.shown(p).map(format::field).unwrap_or_default())),
        Callback::new(move |x: f64| params.update(|p| field.set_shown(p, x))),
    )
}

/// A form field is set again when its value changes or when it is edited itself (typed
/// "1000.0" reads "1000" again), not whenever another control moves: a page has dozens.
fn bound(shown: Memo<String>, write: Callback<f64>) -> Bound {
    let edited = Trigger::new();
    Bound {
        value: Signal::derive(move || {
            edited.track();
            shown.get()
        }),
        set: Callback::new(move |x: f64| {
            write.run(x);
            edited.notify();
        }),
    }
}

/// A range input with its number field and unit: numbers and charts follow the drag, and the
/// number field takes an exact value. `travel` narrows the track within the field's range
/// (a load's slider need not reach a million), and may follow the other params; the number
/// field keeps the whole range. With `reads`, the value is read out in words beside the
/// label instead (`{key}-value`): a stage's main control, read from the back of the room.
#[component]
pub fn Slider<P: Send + Sync + 'static>(
    params: RwSignal<P>,
    field: Field<P>,
    #[prop(optional, into)] travel: Option<Signal<(f64, f64)>>,
    #[prop(optional, into)] disabled: Option<Signal<bool>>,
    #[prop(optional, into)] reads: Option<Signal<String>>,
) -> impl IntoView {
    slider(field.spec, bind(params, field), travel, disabled, reads)
}

fn slider(
    s: Spec,
    Bound { value, set }: Bound,
    travel: Option<Signal<(f64, f64)>>,
    disabled: Option<Signal<bool>>,
    reads: Option<Signal<String>>,
) -> AnyView {
    let track = move || travel.map_or((s.min, s.max), |t| t.get());
    let disabled = move || disabled.is_some_and(|d| d.get());
    let value_id = format!("{}-value", s.key);
    let read_out = reads
        .map(|r| view! { ": "<strong data-testid=value_id.clone()>{move || r.get()}</strong> });
    let number = reads.is_none().then(|| {
        view! {
            <label class="field-value">
                <span class="visually-hidden">{s.label}</span>
                <input type="number" min=s.min max=s.max step=s.step data-testid=value_id.clone()
                    prop:disabled=disabled prop:value=move || value.get()
                    on:change=move |ev| set.run(field_number(&ev))/>
                " "{s.unit}
            </label>
        }
    });
    view! {
        <div class="field-slider" class:disabled=disabled>
            <label>
                <span class="field-label">{s.label}{read_out}</span>
                <input type="range" min=move || track().0 max=move || track().1 step=s.step data-testid=s.key
                    prop:disabled=disabled prop:value=move || value.get()
                    on:input=move |ev| set.run(field_number(&ev))/>
            </label>
            {number}
        </div>
    }
    .into_any()
}

/// A number field with its label and unit, for a value a slider would not help with (an SLO).
#[component]
pub fn Number<P: Send + Sync + 'static>(
    params: RwSignal<P>,
    field: Field<P>,
    #[prop(optional, into)] testid: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let s = field.spec;
    let id = testid.unwrap_or_else(|| s.key.to_string());
    number(s, bind(params, field), id, worded(s, children))
}

fn number(s: Spec, Bound { value, set }: Bound, id: String, (label, unit): Worded) -> AnyView {
    view! {
        <label class="field-number">
            <span class="field-label">{label}</span>" "
            <input type="number" min=s.min max=s.max step=s.step data-testid=id
                prop:value=move || value.get()
                on:change=move |ev| set.run(field_number(&ev))/>
            {unit}
        </label>
    }
    .into_any()
}

/// A number field for each of `fields`, in order: a group of a table's fields (a health
/// check, a fleet's limits) that a slider would not help with.
pub fn numbers<P: Send + Sync + 'static>(
    params: RwSignal<P>,
    fields: &[Field<P>],
) -> impl IntoView {
    fields
        .iter()
        .map(|&field| view! { <Number params field/> })
        .collect_view()
}

/// A control's label and the unit after it: the table's, or the page's own words for both.
type Worded = (AnyView, Option<String>);

fn worded(s: Spec, children: Option<Children>) -> Worded {
    match children {
        Some(words) => (words().into_any(), None),
        None => (s.label.into_any(), Some(s.unit_suffix())),
    }
}

/// A checkbox for an on/off field.
#[component]
pub fn Toggle<P: Send + Sync + 'static>(
    params: RwSignal<P>,
    field: Field<P>,
    #[prop(optional, into)] testid: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let Access::Flag { get, set } = field.access else {
        return ().into_any();
    };
    let s = field.spec;
    toggle(
        testid.unwrap_or_else(|| s.key.to_string()),
        worded(s, children).0,
        Signal::derive(move || params.with(get)),
        Callback::new(move |on: bool| params.update(|p| set(p, on))),
    )
}

fn toggle(id: String, label: AnyView, on: Signal<bool>, set: Callback<bool>) -> AnyView {
    view! {
        <label class="toggle">
            <input type="checkbox" data-testid=id
                prop:checked=move || on.get()
                on:change=move |ev| set.run(event_target_checked(&ev))/>
            " "{label}
        </label>
    }
    .into_any()
}

/// One radio button per option of a choice field, in a fieldset named by the label.
#[component]
pub fn Choices<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let Access::Choice { options, get, set } = field.access else {
        return ().into_any();
    };
    choices(
        field.spec,
        options,
        Signal::derive(move || params.with(get)),
        Callback::new(move |slug: &'static str| params.update(|p| set(p, slug))),
    )
}

fn choices(
    s: Spec,
    options: &'static [Choice],
    chosen: Signal<&'static str>,
    set: Callback<&'static str>,
) -> AnyView {
    view! {
        <fieldset class="field-choices">
            <legend>{s.label}</legend>
            {options.iter().map(|o| view! {
                <label>
                    <input type="radio" name=s.key data-testid=format!("{}-{}", s.key, o.slug)
                        prop:checked=move || chosen.get() == o.slug
                        on:change=move |_| set.run(o.slug)/>
                    " "{o.label}
                </label>
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// An exact price field: the text typed is read as a decimal, never through `f64`, so 0.0445
/// stays 0.0445. Text that is not a number keeps the price as it was and says so beside the
/// field; the model judges the range.
#[component]
pub fn Price<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let Access::Price { get, set } = field.access else {
        return ().into_any();
    };
    price(
        field.spec,
        Signal::derive(move || params.with(get)),
        Callback::new(move |x| params.update(|p| set(p, x))),
    )
}

fn price(s: Spec, value: Signal<Decimal>, set: Callback<Decimal>) -> AnyView {
    let unreadable = RwSignal::new(false);
    view! {
        <label>{s.label}" "
            <input type="number" step="any" data-testid=s.key
                aria-invalid=move || if unreadable.get() { "true" } else { "false" }
                prop:value=move || value.get().to_string()
                on:change=move |ev| match Decimal::parse(&event_target_value(&ev)) {
                    Some(x) => {
                        unreadable.set(false);
                        set.run(x);
                    }
                    None => unreadable.set(true),
                }/>
            <Show when=move || unreadable.get()>
                <span class="field-problem" role="alert">" Not a number: type a price such as 0.0445."</span>
            </Show>
        </label>
    }
    .into_any()
}

/// The field's usual control: a slider for a number, a checkbox for on/off, radio buttons
/// for a choice, an exact field for a price. A text field (a list) has its own editor in its demo's view.
#[component]
pub fn Control<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    match field.access {
        Access::Number { .. } | Access::Whole { .. } => view! { <Slider params field/> }.into_any(),
        Access::Flag { .. } => view! { <Toggle params field/> }.into_any(),
        Access::Choice { .. } => view! { <Choices params field/> }.into_any(),
        Access::Price { .. } => view! { <Price params field/> }.into_any(),
        Access::Text { .. } => ().into_any(),
    }
}
