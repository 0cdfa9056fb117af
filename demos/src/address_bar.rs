//! The address bar: every page keeps its state in its link (`#/cost?hit=80`), written with
//! `history.replaceState` so that moving a control adds no entry to the back button.
//!
//! A demo writes its link once its controls have rested, not on every step of a drag: one
//! write costs Chromium 1–2 ms, more than the rest of most moves, and browsers cap how often a
//! page may write (Chromium ignores writes past 200 in 10 s; Safari refuses them past 100 in
//! 30 s). A waiting link is written at once when a link is followed, a key leaves the page or
//! the address is copied, so the back button returns to the state the student left.

use cloud_lab_model::link::Route;
use cloud_lab_model::vocabulary::Cloud;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a demo's controls stay still before its link is written: longer than the gap
/// between a drag's steps (one frame), short enough that no one copies the link first.
const REST: Duration = Duration::from_millis(150);

/// A link waiting for the controls to rest: the address it replaces and the one it writes.
struct Waiting {
    from: String,
    to: String,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
}

/// Puts a page's state in the address bar now (a page opening, a tour step, a typed name).
/// An embedded page (`embed=1`) keeps its key, so a reload inside the iframe stays embedded.
pub fn write(page: &str, query: &str, cloud: Cloud) {
    drop_waiting();
    let here = current();
    let to = link(&here, page, query, cloud);
    replace(&here, &to);
}

/// Puts a demo's state in the address bar once its controls have rested for [`REST`].
pub fn write_when_resting(page: &str, query: &str, cloud: Cloud) {
    drop_waiting();
    let from = current();
    let to = link(&from, page, query, cloud);
    if from == to {
        return;
    }
    let timer = set_timeout_with_handle(catch_up, REST).ok();
    WAITING.with_borrow_mut(|w| *w = Some(Waiting { from, to, timer }));
}

/// Writes a waiting link now. Dropped if the address changed meanwhile: another page's
/// link was followed, or the student typed one.
pub fn catch_up() {
    let Some(waiting) = drop_waiting() else {
        return;
    };
    if current() == waiting.from {
        replace(&waiting.from, &waiting.to);
    }
}

/// Catches the address bar up before a click on a link is handled (capture, on the window),
/// so the page left keeps its last state in its history entry. Other clicks (a button, a
/// radio button) are moves, and wait like any other.
pub fn catch_up_before_links() {
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let on_a_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .is_some();
        if on_a_link {
            catch_up();
        }
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    let listening = window
        .add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true)
        .is_ok();
    if listening {
        let keep = SendWrapper::new((window, on_click));
        on_cleanup(move || {
            let (window, on_click) = &*keep;
            let _ = window.remove_event_listener_with_callback_and_bool(
                "click",
                on_click.as_ref().unchecked_ref(),
                true,
            );
        });
    }
}

fn drop_waiting() -> Option<Waiting> {
    let waiting = WAITING.with_borrow_mut(Option::take)?;
    if let Some(timer) = waiting.timer {
        timer.clear();
    }
    Some(waiting)
}

fn current() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn link(here: &str, page: &str, query: &str, cloud: Cloud) -> String {
    let embedded = Route::parse(here).query.get("embed") == Some("1");
    let mut pairs: Vec<String> = vec![query.to_string()];
    if cloud != Cloud::default() {
        pairs.push(format!("cloud={}", cloud.slug()));
    }
    if embedded {
        pairs.push("embed=1".into());
    }
    pairs.retain(|p| !p.is_empty());
    Route::hash(page, &pairs.join("&"))
}

fn replace(here: &str, to: &str) {
    if here == to {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(to));
    }
}
