//! Form fields for values outside a parameter table's controls (`crate::field`): a plain
//! number and an exact decimal. Each is a real `<label>` around its input; each reports what
//! the user set through a callback, and the model judges it.

use crate::format;
use crate::lab::field_number;
use cloud_lab_model::money::Decimal;
use leptos::prelude::*;

/// A number field that reports on `change`; text that is not a number becomes NaN, which
/// the model reports in words. `scale` shows the value multiplied (100 for a share shown in percent).
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
