//! A list whose rows are kept by their place: `indexed(count, row)` builds row `i` once and
//! only adds or removes rows at the end when `count` changes. Each row binds its own texts to
//! the outcome, so a move that changes a row's figures rewrites only those, not the list.
//! One `For` for every such list: its keyed diff is a sizeable piece of wasm per instance.

use leptos::prelude::*;

/// Rows `0..count`, row `i` built by `row` when it first appears.
pub fn indexed(count: Signal<usize>, row: Callback<usize, AnyView>) -> impl IntoView {
    view! { <For each=move || 0..count.get() key=|i| *i children=move |i| row.run(i)/> }
}
