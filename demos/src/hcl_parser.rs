//! IaC drift's HCL parser runs in a web worker of its own (`hcl-worker/`, started by
//! `assets/hcl-loader.js`), so that only the IaC drift page downloads it. The page posts the
//! typed text; the worker answers with the text and its parse as `wire` text.

use cloud_lab_model::iac_drift::{wire, Config, ParseError};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

/// The worker's script, beside index.html: a relative URL, so the lab works under a sub-path too.
const LOADER: &str = "./hcl-loader.js";

/// A started worker and its listeners, kept for the page's life.
struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

/// The parser, started for the current page's life (stopped in `on_cleanup`).
#[derive(Clone, Copy)]
pub struct HclParser {
    running: StoredValue<Option<SendWrapper<Running>>>,
}

impl HclParser {
    /// Starts the worker. `on_read` gets each parse with the text it read; `on_fail` says why
    /// the parser cannot run (the worker did not load, or answered something unreadable).
    pub fn start(
        on_read: impl Fn(String, Result<Config, ParseError>) + 'static,
        on_fail: impl Fn(String) + Clone + 'static,
    ) -> HclParser {
        let parser = HclParser {
            running: StoredValue::new(None),
        };
        let worker = match Worker::new(LOADER) {
            Ok(w) => w,
            Err(e) => {
                on_fail(describe(&e));
                return parser;
            }
        };
        let fail = on_fail.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let reply = js_sys::Array::from(&ev.data());
            let (text, read) = (reply.get(0).as_string(), reply.get(1).as_string());
            match (text, read.as_deref().and_then(wire::read_read)) {
                (Some(text), Some(read)) => on_read(text, read),
                _ => fail("its answer could not be read".into()),
            }
        });
        let on_error = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            ev.prevent_default();
            on_fail(match ev.dyn_ref::<ErrorEvent>() {
                Some(e) if !e.message().is_empty() => e.message(),
                _ => "its files did not load".into(),
            })
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let stop = SendWrapper::new(worker.clone());
        on_cleanup(move || {
            // An answer already queued would still be delivered after `terminate`, to handlers
            // dropped with this page: unhook them first.
            stop.set_onmessage(None);
            stop.set_onerror(None);
            stop.terminate();
        });
        parser.running.set_value(Some(SendWrapper::new(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })));
        parser
    }

    /// Asks for `text` to be read; the answer comes to `on_read`.
    pub fn read(&self, text: &str) {
        self.running.with_value(|running| {
            if let Some(running) = running {
                // Posting a string cannot fail (it is always cloneable).
                let _ = running.worker.post_message(&JsValue::from_str(text));
            }
        });
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the browser refused to start it".into())
}
