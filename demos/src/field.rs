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

use crate::controls::DecimalInput;
use crate::format;
use crate::lab::field_number;
use cloud_lab_model::params::{Access, Choice, Field, Spec};
use leptos::prelude::*;

/// A number field bound to the params: its shown value as a form field holds it ("" for
/// NaN), and what a form field reports, written back through the field's accessor.
struct Bound {
    value: Signal<String>,
    set: Callback<f64>,
}

fn bind<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> Bound {
    Bound {
        value: Signal::derive(move || {
            params.with(|p| field.shown(p).map(format::field).unwrap_or_default())
        }),
        set: Callback::new(move |x: f64| params.update(|p| field.set_shown(p, x))),
    }
}

/// A range input with its number field and unit: numbers and charts follow the drag, and the
/// number field takes an exact value. `travel` narrows the track within the field's range
/// (a load's slider need not reach a million); the number field keeps the whole range.
#[component]
pub fn Slider<P: Send + Sync + 'static>(
    params: RwSignal<P>,
    field: Field<P>,
    #[prop(optional)] travel: Option<(f64, f64)>,
    #[prop(optional, into)] disabled: Option<Signal<bool>>,
) -> impl IntoView {
    slider(field.spec, bind(params, field), travel, disabled)
}

fn slider(
    s: Spec,
    Bound { value, set }: Bound,
    travel: Option<(f64, f64)>,
    disabled: Option<Signal<bool>>,
) -> AnyView {
    let (low, high) = travel.unwrap_or((s.min, s.max));
    let disabled = move || disabled.is_some_and(|d| d.get());
    view! {
        <div class="field-slider" class:disabled=disabled>
            <label>
                <span class="field-label">{s.label}</span>
                <input type="range" min=low max=high step=s.step data-testid=s.key
                    prop:disabled=disabled prop:value=move || value.get()
                    on:input=move |ev| set.run(field_number(&ev))/>
            </label>
            <label class="field-value">
                <span class="visually-hidden">{s.label}</span>
                <input type="number" min=s.min max=s.max step=s.step data-testid=format!("{}-value", s.key)
                    prop:disabled=disabled prop:value=move || value.get()
                    on:change=move |ev| set.run(field_number(&ev))/>
                " "{s.unit}
            </label>
        </div>
    }
    .into_any()
}

/// A number field with its label and unit, for a value a slider would not help with (an SLO).
#[component]
pub fn Number<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    number(field.spec, bind(params, field))
}

fn number(s: Spec, Bound { value, set }: Bound) -> AnyView {
    view! {
        <label class="field-number">
            <span class="field-label">{s.label}</span>" "
            <input type="number" min=s.min max=s.max step=s.step data-testid=s.key
                prop:value=move || value.get()
                on:change=move |ev| set.run(field_number(&ev))/>
            " "{s.unit}
        </label>
    }
    .into_any()
}

/// A checkbox for an on/off field.
#[component]
pub fn Toggle<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let Access::Flag { get, set } = field.access else {
        return ().into_any();
    };
    toggle(
        field.spec,
        Signal::derive(move || params.with(get)),
        Callback::new(move |on: bool| params.update(|p| set(p, on))),
    )
}

fn toggle(s: Spec, on: Signal<bool>, set: Callback<bool>) -> AnyView {
    view! {
        <label class="toggle">
            <input type="checkbox" data-testid=s.key
                prop:checked=move || on.get()
                on:change=move |ev| set.run(event_target_checked(&ev))/>
            " "{s.label}
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

/// An exact price field: the text typed is read as a decimal, never through `f64`.
#[component]
pub fn Price<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let Access::Price { get, set } = field.access else {
        return ().into_any();
    };
    view! {
        <DecimalInput label=field.spec.label testid=field.spec.key
            value=Signal::derive(move || params.with(get))
            set=Callback::new(move |x| params.update(|p| set(p, x)))/>
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
