//! Form controls the demos share: a slider that shows its value, and whole-number and
//! on/off fields. Each is a real `<label>` around its input; each reports what the user
//! set through a callback, and the model judges it.

use crate::format;
use crate::lab::{field_number, field_whole};
use cloud_lab_model::money::Decimal;
use leptos::prelude::*;

/// A range input that reports on every move, so numbers and charts follow the drag, with
/// its value in words beside the label. `scale` shows the value multiplied (100 for a
/// share shown in percent) and divides what the slider gives back.
#[component]
pub fn Slider(
    label: &'static str,
    #[prop(into)] value: Signal<f64>,
    set: Callback<f64>,
    min: f64,
    max: f64,
    step: f64,
    /// The value (unscaled) as the page shows it.
    shown: fn(f64) -> String,
    #[prop(default = 1.0)] scale: f64,
    #[prop(optional, into)] disabled: Option<Signal<bool>>,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    let disabled = move || disabled.is_some_and(|d| d.get());
    view! {
        <label class="slider" class:disabled=disabled>
            <span class="slider-label">{label}": "<output>{move || shown(value.get())}</output></span>
            <input type="range" min=min max=max step=step data-testid=testid
                prop:disabled=disabled
                prop:value=move || format::field(value.get() * scale)
                on:input=move |ev| set.run(field_number(&ev) / scale)/>
        </label>
    }
}

/// A number field that reports on `change`; text that is not a number becomes NaN, which
/// the model reports in words. `scale` as for [`Slider`].
#[component]
pub fn NumberInput(
    label: &'static str,
    #[prop(into)] value: Signal<f64>,
    set: Callback<f64>,
    #[prop(default = "any")] step: &'static str,
    #[prop(default = 1.0)] scale: f64,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    view! {
        <label>{label}" "
            <input type="number" step=step data-testid=testid
                prop:value=move || format::field(value.get() * scale)
                on:change=move |ev| set.run(field_number(&ev) / scale)/>
        </label>
    }
}

/// A field for an exact decimal such as a price: the text is read as a decimal, never
/// through `f64`, so 0.0445 stays 0.0445. Text that is not a number keeps the value as it
/// was and says so beside the field; the model judges the range.
#[component]
pub fn DecimalInput(
    label: &'static str,
    #[prop(into)] value: Signal<Decimal>,
    set: Callback<Decimal>,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    let unreadable = RwSignal::new(false);
    view! {
        <label>{label}" "
            <input type="number" step="any" data-testid=testid
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
}

/// A whole-number field; anything else becomes 0, which the model rejects in words.
#[component]
pub fn WholeInput(
    label: &'static str,
    #[prop(into)] value: Signal<u32>,
    set: Callback<u32>,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    view! {
        <label>{label}" "
            <input type="number" step="1" min="0" data-testid=testid
                prop:value=move || value.get().to_string()
                on:change=move |ev| set.run(field_whole(&ev))/>
        </label>
    }
}

/// A checkbox for a yes/no choice.
#[component]
pub fn Toggle(
    label: &'static str,
    #[prop(into)] value: Signal<bool>,
    set: Callback<bool>,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    view! {
        <label class="toggle">
            <input type="checkbox" data-testid=testid
                prop:checked=move || value.get()
                on:change=move |ev| set.run(event_target_checked(&ev))/>
            " "{label}
        </label>
    }
}

/// One field of a demo's params as a value to show and a callback to set it.
pub fn bind<P, T>(
    params: RwSignal<P>,
    get: fn(&P) -> T,
    set: fn(&mut P, T),
) -> (Signal<T>, Callback<T>)
where
    P: Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    (
        Signal::derive(move || params.with(get)),
        Callback::new(move |x: T| params.update(|p| set(p, x))),
    )
}
