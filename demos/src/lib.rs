//! Cloud Lab's demo views: one Leptos component per demo, each mirroring the
//! model module of the same name. Views format; the model computes.

pub mod availability;
pub mod chart;
pub mod failure_drill;
pub mod format;
pub mod lab;
pub mod tour;

use cloud_lab_model::catalog::{DemoInfo, DEMOS};
use cloud_lab_model::link::Query;
use leptos::prelude::*;

/// Builds a demo's page from its link's query.
pub type DemoView = fn(&'static DemoInfo, &Query) -> AnyView;

/// The registry: each demo of the catalog with its view, `None` while it is being built.
/// Navigation, routes and the browser tests all walk this one list.
pub fn registry() -> impl Iterator<Item = (&'static DemoInfo, Option<DemoView>)> {
    DEMOS.iter().map(|info| (info, view_of(info.id)))
}

fn view_of(id: &str) -> Option<DemoView> {
    match id {
        "availability" => Some(availability::view),
        "failure-drill" => Some(failure_drill::view),
        _ => None,
    }
}

/// The page for a demo: its view, or a page that says what it will teach.
pub fn demo_page(info: &'static DemoInfo, query: &Query) -> AnyView {
    match view_of(info.id) {
        Some(view) => view(info, query),
        None => view! { <ComingSoon info/> }.into_any(),
    }
}

#[component]
fn ComingSoon(info: &'static DemoInfo) -> impl IntoView {
    view! {
        <article class="demo coming-soon" data-testid=format!("demo-{}", info.id)>
            <header class="demo-header">
                <p class="section">{info.section}</p>
                <h1>{info.title}</h1>
            </header>
            <p class="notice" role="status">"Coming soon. This demo will teach: "{info.teaches}</p>
            <p><a href="#/">"Back to PhotoShare's architecture"</a></p>
        </article>
    }
}
