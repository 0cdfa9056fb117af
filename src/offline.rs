//! Offline use: registers the service worker (`sw.js`, beside index.html) that keeps
//! this build of the lab in the browser's cache, so after one visit a reload works with
//! no network — lecture-hall Wi-Fi fails exactly when two hundred students join it.
//! Once it has, the app fetches the other pages' wasm modules from that cache.

use cloud_lab_demos::split;
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
    let workers = navigator.service_worker();
    let registering = workers.register("./sw.js");
    leptos::task::spawn_local(async move {
        // A refused registration (private mode, storage full) is not an error of the page.
        if JsFuture::from(registering).await.is_err() {
            return;
        }
        // The worker has cached the whole lab once it is ready: the other pages' modules are
        // then fetched from there, and every page opens at once (`split`).
        if let Ok(ready) = workers.ready() {
            if JsFuture::from(ready).await.is_ok() {
                split::preload_all().await;
            }
        }
    });
}
