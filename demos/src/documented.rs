//! The "what the documentation says" section: each documented behaviour a demo models, how
//! the lab follows it, and the page to read.

use cloud_lab_model::documented::Documented;
use leptos::prelude::*;

#[component]
pub fn DocumentedSection(items: &'static [Documented]) -> impl IntoView {
    view! {
        <section aria-labelledby="documented-heading">
            <h2 id="documented-heading">"What the documentation says"</h2>
            <ol class="footnotes documented" data-testid="documented">
                {items.iter().map(|d| view! {
                    <li>
                        <p>{d.says}" "<cite><a href=d.url rel="noopener noreferrer">{d.source}</a></cite></p>
                        <p><strong>"In the lab: "</strong>{d.lab}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
