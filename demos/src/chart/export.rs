//! Files the page hands the browser to save: a Blob behind a temporary object URL and a
//! link with `download`. Blob URLs are the page's own origin, so this works under the
//! strict Content-Security-Policy and asks nothing of any server.

use leptos::prelude::set_timeout;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlCanvasElement};

/// Saves `text` as a file of the given type ("text/csv;charset=utf-8").
pub fn save_text(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) {
        save(file_name, &blob);
    }
}

/// Saves what the canvas shows as a PNG image.
pub fn save_png(file_name: &str, canvas: &HtmlCanvasElement) {
    let file_name = file_name.to_string();
    // toBlob calls back once; the closure frees itself after that call.
    let done = Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            save(&file_name, &blob);
        }
    });
    let _ = canvas.to_blob(done.unchecked_ref());
}

fn save(file_name: &str, blob: &Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&link);
            link.click();
            let _ = body.remove_child(&link);
        }
    }
    // The download has taken the Blob by the time this runs; free it.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(1),
    );
}
