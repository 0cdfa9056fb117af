//! The "what the documentation says" section: each documented behaviour a demo models, how
//! the lab follows it, and the page to read.

use crate::results::Section;
use cloud_lab_model::documented::Documented;
use leptos::prelude::*;

#[component]
pub fn DocumentedSection(items: &'static [Documented]) -> impl IntoView {
    view! {
        <Section id="documented" heading="What the documentation says">
            <ol class="footnotes documented" data-testid="documented">
                {items.iter().map(|d| view! {
                    <li>
                        <p>{d.says}" "<cite><a href=d.url rel="noopener noreferrer">{d.source}</a></cite></p>
                        <p><strong>"In the lab: "</strong>{d.lab}</p>
                    </li>
                }).collect_view()}
            </ol>
        </Section>
    }
}
