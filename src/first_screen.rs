//! index.html's static first screen: the lab's header and the home page's heading and
//! opening (on another page's link, a line saying the lab is loading), painted before the
//! wasm has arrived. The app takes it away in the task that mounts the app's own first
//! screen, so no frame shows both, or neither.

use leptos::prelude::document;

/// Removes the static first screen (when the page has one).
pub fn remove() {
    if let Some(screen) = document().get_element_by_id("first-screen") {
        screen.remove();
    }
}
