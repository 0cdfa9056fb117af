//! The app shell: header, navigation, routing over `location.hash`, presenter mode,
//! themes, the embedded layout (`embed=1`) and offline use. Routes live in the hash
//! (`#/availability?slo=99.9`) so a copied link survives a reload on any static host,
//! at a root or a sub-path.

mod embed;
pub mod first_screen;
mod home;
mod keys;
mod menu;
mod offline;
mod sections;

use cloud_lab_demos::address_bar;
use cloud_lab_demos::lab::Lab;
use cloud_lab_demos::stage::Folded;
use cloud_lab_demos::startup;
use cloud_lab_demos::{exercises, project, split, tour};
use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::link::Route;
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
    // An embedded page stays embedded, even after a link inside it drops the key.
    let embedded = route.with_untracked(|r| embed::requested(&r.query));
    // The project kept in this browser (PhotoShare when none), with the values a link
    // carries (`s.*` keys) in place.
    let scenario = route.with_untracked(|r| {
        Scenario::of(project::stored())
            .with_link(&scenario::split(&r.query).0)
            .0
    });
    let lab = Lab::new(cloud, scenario);
    provide_context(lab);
    provide_context(Folded(Signal::derive(move || {
        lab.presenter.get() || embedded
    })));
    lab.presenter.set(
        storage()
            .and_then(|s| s.get_item(PRESENTER_KEY).ok().flatten())
            .as_deref()
            == Some("1"),
    );
    let menu_open = RwSignal::new(false);

    // Moving to another page: the demo being left gives back its values, then the new link
    // is read (an explicit operation here, not a side effect of drawing the page).
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        lab.navigate(&next.query);
        route.set(next);
        menu_open.set(false);
    });
    on_cleanup(move || on_hash.remove());
    keys::listen(lab, route, embedded);
    address_bar::catch_up_before_links();
    follow_dark_theme(lab);
    // Once the page is shown: registering is not the first screen's work.
    startup::when_shown(offline::register);

    // The page's classes and the saved presenter choice are the outside world.
    Effect::new(move |_| {
        let presenter = lab.presenter.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("presenter", presenter);
            let _ = root.class_list().toggle_with_force("embed", embedded);
        }
        if let Some(s) = storage() {
            let _ = s.set_item(PRESENTER_KEY, if presenter { "1" } else { "0" });
        }
    });

    // The page is a piece of the start of its own, built in the task after the shell's.
    let page = startup::piece(Box::new(move || (move || route.with(page_of)).into_any()));
    if embedded {
        return view! {
            <main id="main">{page}</main>
            <p class="embed-credit"><a href=embed::link(&window().location().href().unwrap_or_default(), false) target="_blank" rel="noopener">"Open in Cloud Lab"</a></p>
        }
        .into_any();
    }
    view! {
        <header class="lab-header">
            <a class="brand" href="#/">"Cloud Lab"</a>
            <span class="tagline">"PhotoShare, from a blank account to Multi-AZ"</span>
            <button class="menu-button" data-testid="menu-button" aria-controls="lab-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu::toggle(menu_open)>"Demos"</button>
            <div class="toggles">
                <button data-testid="presenter-toggle" aria-pressed=move || lab.presenter.get().to_string()
                    on:click=move |_| lab.presenter.update(|p| *p = !*p) title="Keyboard: p">"Presenter mode"</button>
                <button data-testid="cloud-toggle" aria-pressed=move || (lab.cloud.get() == Cloud::Azure).to_string()
                    on:click=move |_| keys::toggle_cloud(lab) title="Keyboard: a">
                    "Names: "{move || lab.cloud.get().name()}
                </button>
                <embed::EmbedCode/>
            </div>
        </header>
        <div class="layout">
            <menu::Nav route open=menu_open/>
            <main id="main">{page}</main>
        </div>
        <footer class="lab-footer">
            "Keys: ← → previous / next demo (on the tour: step; Home: first step) · s / Shift+S next / previous section · h home · r reset the demo to the worked example · p presenter mode · a AWS ↔ Azure names"
        </footer>
    }
    .into_any()
}

fn page_of(r: &Route) -> AnyView {
    match r.page.as_str() {
        "" => view! { <home::Home/> }.into_any(),
        tour::PAGE => split::tour(&r.query),
        exercises::page::PAGE => split::exercises(&r.query),
        project::PAGE => split::project(&r.query),
        project::report::PAGE => split::report(&r.query),
        slug => match DemoId::from_slug(slug) {
            Some(id) => split::demo(id, &r.query),
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

/// Fetches the wasm module the link's page needs, before the app starts (`split`).
pub async fn preload_linked_page() {
    let route = Route::parse(&current_hash());
    split::preload(&route.page, &route.query).await;
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
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
