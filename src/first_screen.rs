//! index.html's static first screen: the lab's header and the linked page's heading (the home
//! page's opening, or a demo's title and what it teaches), painted before the wasm has arrived.
//! The app is built behind it, hidden, in pieces (`startup`), and takes its place in one task,
//! so no frame shows both, or neither.

use cloud_lab_demos::startup;
use leptos::prelude::{document, request_animation_frame, set_timeout};
use std::time::Duration;

/// The root's class while the app is built behind the static screen (style.css hides the app).
const STARTING: &str = "starting";

/// Mounts the app behind the static first screen, then puts it in that screen's place.
pub fn replace_with(mount: impl FnOnce() + 'static) {
    after_painted(move || {
        starting(true);
        startup::in_pieces(mount, || {
            if let Some(screen) = document().get_element_by_id("first-screen") {
                screen.remove();
            }
            starting(false);
        });
    });
}

/// Runs `mount` in a task after the static screen's first frame has been painted. On a phone
/// the wasm arrives seconds after that paint anyway; on a fast machine (and in Lighthouse's
/// unthrottled trace, from which it simulates a phone) the app could otherwise replace the
/// static screen before it was ever painted.
fn after_painted(mount: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(mount, Duration::ZERO));
}

fn starting(on: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().toggle_with_force(STARTING, on);
    }
}
