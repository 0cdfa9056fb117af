//! The navigation: a sidebar on a wide screen; in presenter mode and on a phone it
//! collapses behind the header's "Demos" button (a disclosure: `aria-expanded`), which
//! opens it in place, moves the focus to the current page's link, and closes on Escape
//! (focus back on the button) or when a page is chosen.

use cloud_lab_demos::{exercises, project, tour};
use cloud_lab_model::catalog::DEMOS;
use cloud_lab_model::link::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opens or closes the menu; an opened menu takes the focus.
pub fn toggle(open: RwSignal<bool>) {
    let opening = !open.get_untracked();
    open.set(opening);
    if opening {
        // After the menu is shown: a hidden link cannot take the focus.
        request_animation_frame(|| {
            if !focus("#lab-nav a[aria-current=\"page\"]") {
                focus("#lab-nav a");
            }
        });
    }
}

/// Focuses the first element `selector` finds; false when there is none.
fn focus(selector: &str) -> bool {
    let found = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

#[component]
pub fn Nav(route: RwSignal<Route>, open: RwSignal<bool>) -> impl IntoView {
    let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus(".menu-button");
        }
    });
    on_cleanup(move || on_escape.remove());
    view! {
        <nav id="lab-nav" aria-label="Demos" class:open=move || open.get()>
            <p class="tour-link"><a href="#/tour" data-testid="tour-link"
                aria-current=move || route.with(|r| r.page == tour::PAGE).then_some("page")>"Tour of the worked example"</a></p>
            <p class="tour-link"><a href="#/exercises" data-testid="exercises-link"
                aria-current=move || route.with(|r| r.page == exercises::page::PAGE).then_some("page")>"Exercises"</a></p>
            <p class="tour-link"><a href="#/project" data-testid="project-link"
                aria-current=move || route.with(|r| r.page == project::PAGE).then_some("page")>"Your project"</a></p>
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
    }
}
