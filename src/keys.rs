//! The lab's keys: ← → previous / next demo, `h` home, `p` presenter mode, `a` the
//! cloud's names, `s` / Shift+S next / previous section (and, while presenting, the
//! Page Down / Page Up a presentation clicker sends). A demo's own keys (`r`) and the
//! tour's (its arrows) live with them.

use crate::sections;
use cloud_lab_demos::address_bar;
use cloud_lab_demos::lab::{typing_in_a_field, Lab};
use cloud_lab_demos::tour;
use cloud_lab_model::catalog::DEMOS;
use cloud_lab_model::link::Route;
use cloud_lab_model::vocabulary::Cloud;
use leptos::prelude::*;

/// Listens for the lab's keys while the app lives. An embedded page shows one demo, so
/// the keys that leave it (arrows, `h`) do nothing there.
pub fn listen(lab: Lab, route: RwSignal<Route>, embedded: bool) {
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in_a_field(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // The tour takes the arrows and the page keys for its own steps.
        let on_tour = route.with_untracked(|r| r.page == tour::PAGE);
        let presenting = lab.presenter.get_untracked();
        let page = || route.with_untracked(|r| r.page.clone());
        match ev.key().as_str() {
            "p" => lab.presenter.update(|p| *p = !*p),
            "a" => toggle_cloud(lab),
            "s" => sections::step(true),
            "S" => sections::step(false),
            "PageDown" | "PageUp" if presenting && !on_tour => {
                ev.prevent_default();
                sections::step(ev.key() == "PageDown");
            }
            _ if embedded => {}
            "ArrowRight" | "ArrowLeft" if on_tour => {}
            "h" => go_to(""),
            "ArrowRight" => go_to(neighbour(&page(), 1)),
            "ArrowLeft" => go_to(neighbour(&page(), -1)),
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
}

pub fn toggle_cloud(lab: Lab) {
    lab.cloud.update(|c| {
        *c = match c {
            Cloud::Aws => Cloud::Azure,
            Cloud::Azure => Cloud::Aws,
        }
    });
}

fn go_to(page: &str) {
    // The page being left keeps its last state in its history entry.
    address_bar::catch_up();
    let _ = window().location().set_hash(&format!("/{page}"));
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
