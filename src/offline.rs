//! Offline use: registers the service worker (`sw.js`, beside index.html) that keeps
//! this build of the lab in the browser's cache, so after one visit a reload works with
//! no network — lecture-hall Wi-Fi fails exactly when two hundred students join it.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Registers the worker where the browser has service workers; elsewhere (an old
/// browser, a page not served over HTTPS or from localhost) the lab simply stays online-only.
pub fn register() {
    let navigator = leptos::prelude::window().navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return;
    }
    // Relative, so the worker's scope is the folder the lab is served from (root or sub-path).
    let registering = navigator.service_worker().register("./sw.js");
    leptos::task::spawn_local(async move {
        // A refused registration (private mode, storage full) is not an error of the page.
        let _ = JsFuture::from(registering).await;
    });
}
