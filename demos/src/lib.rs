//! Cloud Lab's demo views: one Leptos component per demo, each mirroring the
//! model module of the same name. Views format; the model computes.

pub mod autoscaling;
pub mod availability;
pub mod cache_cdn;
pub mod chart;
pub mod controls;
pub mod cost;
pub mod documented;
pub mod failure_drill;
pub mod format;
pub mod iac_drift;
pub mod lab;
pub mod multi_region;
pub mod rate_limiting;
pub mod rolling_deploy;
pub mod scenario;
pub mod scroll_box;
pub mod serverless;
pub mod service_models;
pub mod stage;
pub mod tour;
pub mod vm_vs_container;

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
        "autoscaling" => Some(autoscaling::view),
        "availability" => Some(availability::view),
        "service-models" => Some(service_models::view),
        "vm-vs-container" => Some(vm_vs_container::view),
        "rolling-deploy" => Some(rolling_deploy::view),
        "cost" => Some(cost::view),
        "serverless" => Some(serverless::view),
        "iac-drift" => Some(iac_drift::view),
        "cache-cdn" => Some(cache_cdn::view),
        "rate-limiting" => Some(rate_limiting::view),
        "multi-region" => Some(multi_region::view),
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
