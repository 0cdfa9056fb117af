//! The app shell: header, navigation, routing over `location.hash`, presenter
//! mode and themes. Routes live in the hash (`#/availability?slo=99.9`) so a
//! copied link survives a reload on any static host, at a root or a sub-path.

mod home;

use cloud_lab_demos::lab::{typing_in_a_field, Lab};
use cloud_lab_demos::{page, tour};
use cloud_lab_model::catalog::{DemoId, DEMOS};
use cloud_lab_model::link::{LinkState, Route};
use cloud_lab_model::scenario::{self, Scenario};
use cloud_lab_model::vocabulary::Cloud;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const PRESENTER_KEY: &str = "cloud-lab-presenter";

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let cloud = route.with_untracked(|r| {
        r.query
            .get("cloud")
            .and_then(Cloud::from_slug)
            .unwrap_or_default()
    });
    // A link that carries the scenario (`s.*` keys) sets the PhotoShare the demos share.
    let scenario = route.with_untracked(|r| Scenario::from_query(&scenario::split(&r.query).0).0);
    let lab = Lab::new(cloud, scenario);
    provide_context(lab);
    lab.presenter.set(
        storage()
            .and_then(|s| s.get_item(PRESENTER_KEY).ok().flatten())
            .as_deref()
            == Some("1"),
    );

    // Moving to another page: the demo being left gives back its values, then the new link
    // is read (an explicit operation here, not a side effect of drawing the page).
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        lab.navigate(&next.query);
        route.set(next);
    });
    on_cleanup(move || on_hash.remove());
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in_a_field(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // The tour takes the arrows for its own steps.
        let on_tour = route.with_untracked(|r| r.page == tour::PAGE);
        match ev.key().as_str() {
            "ArrowRight" | "ArrowLeft" if on_tour => {}
            "p" => lab.presenter.update(|p| *p = !*p),
            "a" => toggle_cloud(lab),
            "h" => go_to(""),
            "ArrowRight" => go_to(neighbour(&route.with_untracked(|r| r.page.clone()), 1)),
            "ArrowLeft" => go_to(neighbour(&route.with_untracked(|r| r.page.clone()), -1)),
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
    follow_dark_theme(lab);

    // The page's classes and the saved presenter choice are the outside world.
    Effect::new(move |_| {
        let presenter = lab.presenter.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("presenter", presenter);
        }
        if let Some(s) = storage() {
            let _ = s.set_item(PRESENTER_KEY, if presenter { "1" } else { "0" });
        }
    });

    let page = move || route.with(page_of);
    view! {
        <header class="lab-header">
            <a class="brand" href="#/">"Cloud Lab"</a>
            <span class="tagline">"PhotoShare, from a blank account to Multi-AZ"</span>
            <div class="toggles">
                <button data-testid="presenter-toggle" aria-pressed=move || lab.presenter.get().to_string()
                    on:click=move |_| lab.presenter.update(|p| *p = !*p) title="Keyboard: p">"Presenter mode"</button>
                <button data-testid="cloud-toggle" aria-pressed=move || (lab.cloud.get() == Cloud::Azure).to_string()
                    on:click=move |_| toggle_cloud(lab) title="Keyboard: a">
                    "Names: "{move || lab.cloud.get().name()}
                </button>
            </div>
        </header>
        <div class="layout">
            <nav aria-label="Demos">
                <p class="tour-link"><a href="#/tour" data-testid="tour-link"
                    aria-current=move || route.with(|r| r.page == tour::PAGE).then_some("page")>"Tour of the worked example"</a></p>
                <ol>
                    {DEMOS.iter().map(|info| {
                        let current = move || route.with(|r| r.page == info.slug);
                        view! {
                            <li>
                                <a href=format!("#/{}", info.slug) data-testid=format!("nav-{}", info.slug)
                                    aria-current=move || current().then_some("page")>{info.title}</a>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
            <main id="main">{page}</main>
        </div>
        <footer class="lab-footer">
            "Keys: ← → previous / next demo (on the tour: step; Home: first step) · h home · r reset the demo to the worked example · p presenter mode · a AWS ↔ Azure names"
        </footer>
    }
}

fn page_of(r: &Route) -> AnyView {
    match r.page.as_str() {
        "" => view! { <home::Home/> }.into_any(),
        tour::PAGE => tour::view(&r.query),
        slug => match DemoId::from_slug(slug) {
            Some(id) => page(id, &r.query),
            None => view! { <NotFound page=slug.to_string()/> }.into_any(),
        },
    }
}

#[component]
fn NotFound(page: String) -> impl IntoView {
    view! {
        <article class="demo" data-testid="not-found">
            <h1>"No such page"</h1>
            <p class="notice" role="status">"The link asks for “"{page}"”, which is not a page of the lab. "<a href="#/">"Go to the start"</a>"."</p>
        </article>
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn go_to(page: &str) {
    let _ = window().location().set_hash(&format!("/{page}"));
}

fn toggle_cloud(lab: Lab) {
    lab.cloud.update(|c| {
        *c = match c {
            Cloud::Aws => Cloud::Azure,
            Cloud::Azure => Cloud::Aws,
        }
    });
}

/// The page `step` places from `page` in the order home, then each demo; wraps around.
fn neighbour(page: &str, step: isize) -> &'static str {
    let pages: Vec<&'static str> = std::iter::once("")
        .chain(DEMOS.iter().map(|d| d.slug))
        .collect();
    let here = pages.iter().position(|p| *p == page).unwrap_or(0) as isize;
    let len = pages.len() as isize;
    pages[((here + step) % len + len) as usize % pages.len()]
}

/// Keeps `lab.dark` in step with the system theme so charts repaint in its colours.
fn follow_dark_theme(lab: Lab) {
    let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") else {
        return;
    };
    lab.dark.set(query.matches());
    let on_change = Closure::<dyn Fn()>::new({
        let query = query.clone();
        move || lab.dark.set(query.matches())
    });
    if query
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .is_ok()
    {
        let keep = SendWrapper::new((query, on_change));
        on_cleanup(move || {
            let (query, on_change) = &*keep;
            let _ = query
                .remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        });
    }
}
