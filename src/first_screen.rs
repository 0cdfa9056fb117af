//! index.html's static first screen: the lab's header and the linked page's heading (the home
//! page's opening, or a demo's title and what it teaches), painted before the wasm has arrived.
//! The app takes it away in the task that mounts the app's own first screen, so no frame shows
//! both, or neither.

use leptos::prelude::{document, request_animation_frame, set_timeout};
use std::time::Duration;

/// Runs `mount` in a task after the static screen's first frame has been painted. On a phone
/// the wasm arrives seconds after that paint anyway; on a fast machine (and in Lighthouse's
/// unthrottled trace, from which it simulates a phone) the app could otherwise replace the
/// static screen before it was ever painted.
pub fn after_painted(mount: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(mount, Duration::ZERO));
}

/// Removes the static first screen (when the page has one).
pub fn remove() {
    if let Some(screen) = document().get_element_by_id("first-screen") {
        screen.remove();
    }
}
