//! The controls of a table field (`cloud_lab_model::params`): label, limits, step, unit and
//! scale all come from the field's `Spec`, so a control cannot drift from the link and the
//! range checks. Each writes what the student set into the params through the field's
//! accessor; the model judges it (a value out of range shows the table's message).
//!
//! Test ids are the link key: the slider (or the lone number field) is `{key}`, a slider's
//! number field `{key}-value`, a choice's option `{key}-{slug}`.

use crate::format;
use crate::lab::field_number;
use cloud_lab_model::params::{Access, Field};
use leptos::prelude::*;

/// The field's shown value as a form field holds it ("" for NaN).
fn shown<P: Send + Sync + 'static>(
    params: RwSignal<P>,
    field: Field<P>,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || params.with(|p| field.shown(p).map(format::field).unwrap_or_default())
}

fn set<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>, ev: &leptos::ev::Event) {
    let x = field_number(ev);
    params.update(|p| field.set_shown(p, x));
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
    let s = field.spec;
    let (low, high) = travel.unwrap_or((s.min, s.max));
    let disabled = move || disabled.is_some_and(|d| d.get());
    let value = shown(params, field);
    view! {
        <div class="field-slider" class:disabled=disabled>
            <label>
                <span class="field-label">{s.label}</span>
                <input type="range" min=low max=high step=s.step data-testid=s.key
                    prop:disabled=disabled prop:value=value
                    on:input=move |ev| set(params, field, &ev)/>
            </label>
            <label class="field-value">
                <span class="visually-hidden">{s.label}</span>
                <input type="number" min=s.min max=s.max step=s.step data-testid=format!("{}-value", s.key)
                    prop:disabled=disabled prop:value=value
                    on:change=move |ev| set(params, field, &ev)/>
                " "{s.unit}
            </label>
        </div>
    }
}

/// A number field with its label and unit, for a value a slider would not help with (an SLO).
#[component]
pub fn Number<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let s = field.spec;
    view! {
        <label class="field-number">
            <span class="field-label">{s.label}</span>" "
            <input type="number" min=s.min max=s.max step=s.step data-testid=s.key
                prop:value=shown(params, field)
                on:change=move |ev| set(params, field, &ev)/>
            " "{s.unit}
        </label>
    }
}

/// A checkbox for an on/off field.
#[component]
pub fn Toggle<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let s = field.spec;
    let Access::Flag { get, set } = field.access else {
        return ().into_any();
    };
    view! {
        <label class="toggle">
            <input type="checkbox" data-testid=s.key
                prop:checked=move || params.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    params.update(|p| set(p, on));
                }/>
            " "{s.label}
        </label>
    }
    .into_any()
}

/// One radio button per option of a choice field, in a fieldset named by the label.
#[component]
pub fn Choices<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    let s = field.spec;
    let Access::Choice { options, get, set } = field.access else {
        return ().into_any();
    };
    view! {
        <fieldset class="field-choices">
            <legend>{s.label}</legend>
            {options.iter().map(|o| view! {
                <label>
                    <input type="radio" name=s.key data-testid=format!("{}-{}", s.key, o.slug)
                        prop:checked=move || params.with(get) == o.slug
                        on:change=move |_| params.update(|p| set(p, o.slug))/>
                    " "{o.label}
                </label>
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// The field's usual control: a slider for a number, a checkbox for on/off, radio buttons
/// for a choice. A text field (a list) has its own editor in its demo's view.
#[component]
pub fn Control<P: Send + Sync + 'static>(params: RwSignal<P>, field: Field<P>) -> impl IntoView {
    match field.access {
        Access::Number { .. } | Access::Whole { .. } => view! { <Slider params field/> }.into_any(),
        Access::Flag { .. } => view! { <Toggle params field/> }.into_any(),
        Access::Choice { .. } => view! { <Choices params field/> }.into_any(),
        Access::Text { .. } => ().into_any(),
    }
}
