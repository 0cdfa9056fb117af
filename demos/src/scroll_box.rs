//! A box that scrolls its wide content (a table, a terminal) sideways on its own, so a
//! phone's page never does. It takes focus (Tab) so keyboard users can scroll it with
//! the arrow keys, and it is a named region so a screen reader says what it holds.

use leptos::prelude::*;

#[component]
pub fn ScrollBox(
    /// What the box holds, e.g. "The bill, line by line".
    label: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>{children()}</div>
    }
}
