//! The lab's wasm, cut into modules (wasm-split, run by scripts/split_wasm.py after the
//! build). The shell and the home page come first; each demo's page, the tour, the exercises
//! and the project are a module of their own, fetched the first time one of their pages opens,
//! so a student's first page waits for its own code only. What the demos share is in the main
//! module; what a demo shares only with the tour, the exercises and the project (which call
//! every demo's model) is a chunk of that demo's, fetched with the first of them to open; so a
//! demo's page fetches its own model, not the others' (tools/wasm-split-chunks.patch: the
//! published tool made one chunk per set of users, 29 of them for one page, which made a page
//! start slower).
//!
//! A page whose module is here already is built at once; otherwise it is built when the module
//! arrives, and a module that cannot be fetched (offline before the lab was ever cached) leaves
//! a message in the page, not a broken app.

use crate::{
    autoscaling, availability, cache_cdn, cost, exercises, failure_drill, iac_drift, multi_region,
    project, rate_limiting, rolling_deploy, serverless, service_models, tour, vm_vs_container,
};
use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::iac_drift::{parse_config, Config, ParseError};
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::tour::TourPosition;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// The page of a demo, from its link: the view registry. Every `DemoId` has its view (the
/// `match` in `demo_modules!` is exhaustive), and each view is typed by its model's `Demo`.
pub fn demo(id: DemoId, query: &Query) -> AnyView {
    when_loaded(demo_page(id, query.clone()))
}

pub fn tour(query: &Query) -> AnyView {
    when_loaded(tour_page(query.clone()))
}

pub fn exercises(query: &Query) -> AnyView {
    when_loaded(exercises_page(query.clone()))
}

pub fn project(query: &Query) -> AnyView {
    when_loaded(project_page(query.clone()))
}

pub fn report(query: &Query) -> AnyView {
    when_loaded(report_page(query.clone()))
}

/// Fetches the modules a link's page needs (the tour's: the step's demo too), so that the app
/// starts with the whole page. A failure is left to the page, which says so.
pub async fn preload(page: &str, query: &Query) {
    match page {
        "" => {}
        tour::PAGE => {
            if let Ok(demo) = tour_step_demo(query.clone()).await {
                let _ = preload_demo(demo).await;
            }
        }
        exercises::page::PAGE => {
            let _ = preload_exercises().await;
        }
        project::PAGE | project::report::PAGE => {
            let _ = preload_project().await;
        }
        slug => {
            if let Some(id) = DemoId::from_slug(slug) {
                let _ = preload_demo(id).await;
            }
        }
    }
}

/// Fetches every module. Called once the service worker has cached the lab, so they come from
/// that cache (its install's fetches also filled the HTTP cache): no byte is fetched twice, and
/// afterwards every page opens at once.
pub async fn preload_all() {
    for id in DemoId::ALL {
        let _ = preload_demo(id).await;
    }
    let _ = preload_tour().await;
    let _ = preload_exercises().await;
    let _ = preload_project().await;
    let _ = preload_hcl().await;
}

/// Built at once when the page's module is here; otherwise a line says it loads until the
/// module arrives and the page takes its place. Not a `Suspend`: rebuilt from the page before
/// (every page comes through here), a Suspend keeps that page on screen until the new one is
/// built, its controls already disposed with it, and one input there panics the app.
fn when_loaded(page: impl Future<Output = Result<AnyView, SplitLoaderError>> + 'static) -> AnyView {
    // Untracked: what the page's code reads as it builds is not the shell's to follow.
    let mut page = Box::pin(ScopedFuture::new_untracked(page));
    if let Poll::Ready(built) = page.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return built.unwrap_or_else(|_| not_loaded());
    }
    let built = RwSignal::new_local(None::<AnyView>);
    // Owned by the page's place: leaving it before the module arrives drops the build.
    spawn_local_scoped_with_cancellation(async move {
        built.set(Some(page.await.unwrap_or_else(|_| not_loaded())));
    });
    // Runs again only when the page is built, which it then takes.
    (move || {
        built.track();
        built
            .try_update_untracked(Option::take)
            .flatten()
            .unwrap_or_else(loading)
    })
    .into_any()
}

fn loading() -> AnyView {
    view! { <p class="notice" role="status" data-testid="page-loading">"Loading this page…"</p> }
        .into_any()
}

fn not_loaded() -> AnyView {
    view! {
        <p class="notice" role="alert" data-testid="not-loaded">
            "This page's code could not be downloaded. Check the connection, then reload the page."
        </p>
    }
    .into_any()
}

/// Each page's function in its module (`module: function = view`); `fetched by` names a function
/// that fetches the module without building a page.
macro_rules! in_modules {
    ($($module:ident: $name:ident = $view:path $(, fetched by $preload:ident)?;)*) => {$(
        #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        fn $name(query: Query) -> Result<AnyView, SplitLoaderError> {
            Ok($view(&query))
        }
    )*};
}

/// Each demo's page in a module of its own (`DemoId => module: function = view, fetched by
/// function`), and the two dispatches by `DemoId` (build a page; only fetch its module) read
/// from the same list: a demo's page fetches only its own view's code, not its neighbours' as
/// in groups of demos (docs/measured.md, session 24).
macro_rules! demo_modules {
    ($($id:ident => $module:ident: $name:ident = $view:path, fetched by $preload:ident;)*) => {
        in_modules! { $($module: $name = $view, fetched by $preload;)* }

        async fn demo_page(id: DemoId, query: Query) -> Result<AnyView, SplitLoaderError> {
            match id {
                $(DemoId::$id => $name(query).await,)*
            }
        }

        async fn preload_demo(id: DemoId) -> Result<(), SplitLoaderError> {
            match id {
                $(DemoId::$id => $preload().await,)*
            }
        }
    };
}

demo_modules! {
    ServiceModels => service_models: service_models_page = service_models::page, fetched by preload_service_models;
    VmVsContainer => vm_vs_container: vm_vs_container_page = vm_vs_container::page, fetched by preload_vm_vs_container;
    IacDrift => iac: iac_drift_page = iac_drift::page, fetched by preload_iac;
    RollingDeploy => rolling_deploy: rolling_deploy_page = rolling_deploy::page, fetched by preload_rolling_deploy;
    Autoscaling => autoscaling: autoscaling_page = autoscaling::page, fetched by preload_autoscaling;
    Availability => availability: availability_page = availability::page, fetched by preload_availability;
    FailureDrill => failure_drill: failure_drill_page = failure_drill::page, fetched by preload_failure_drill;
    Cost => cost: cost_page = cost::page, fetched by preload_cost;
    CacheCdn => cache_cdn: cache_cdn_page = cache_cdn::page, fetched by preload_cache_cdn;
    RateLimiting => rate_limiting: rate_limiting_page = rate_limiting::page, fetched by preload_rate_limiting;
    Serverless => serverless: serverless_page = serverless::page, fetched by preload_serverless;
    MultiRegion => multi_region: multi_region_page = multi_region::page, fetched by preload_multi_region;
}

in_modules! {
    tour: tour_page = tour::view, fetched by preload_tour;
    exercises: exercises_page = exercises::page::view, fetched by preload_exercises;
    project: project_page = project::view, fetched by preload_project;
    project: report_page = project::report::view;
}

/// The demo a tour link's step shows; in the tour's module, with the tour.
#[wasm_split(tour, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tour_step_demo(query: Query) -> Result<DemoId, SplitLoaderError> {
    Ok(TourPosition::from_query(&query).0.step().demo)
}

/// IaC drift's HCL parser (hcl-edit, about a tenth of the lab's code), in a module of its own:
/// only a student who edits that page's configuration fetches it (`crate::hcl_parser`).
#[wasm_split(hcl, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_hcl))]
pub fn read_hcl(text: &str) -> Result<Result<Config, ParseError>, SplitLoaderError> {
    Ok(parse_config(text))
}
