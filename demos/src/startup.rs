//! The app's start, in pieces. Building a demo's whole page is one task of 250–550 ms on the
//! 2-core machine, four times that on Lighthouse's simulated phone, and the page answers no
//! tap meanwhile (its total blocking time). While the app starts, the shell, the page, and each
//! part of the page (its scenario panel, each section) are built in tasks of their own, hidden
//! behind the static first screen, and the app is shown in the task after the last piece, all
//! at once: no test or reader ever sees half a page.
//! Afterwards (another page, the tour's next step) a section is built at once, as before.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The pieces still to build, in page order; `None` once the app has started.
    static PIECES: RefCell<Option<VecDeque<RwSignal<bool>>>> = const { RefCell::new(None) };
    /// What waits for the app to be shown (it needs the page laid out).
    static WHEN_SHOWN: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `mount`, builds the pieces it left in tasks of their own, then calls `shown`.
pub fn in_pieces(mount: impl FnOnce(), shown: impl FnOnce() + 'static) {
    PIECES.set(Some(VecDeque::new()));
    mount();
    build_next(Box::new(shown));
}

fn build_next(shown: Box<dyn FnOnce()>) {
    next_task(move || {
        // A piece built in the last task has queued the pieces inside it by now.
        match PIECES.with_borrow_mut(|p| p.as_mut().and_then(VecDeque::pop_front)) {
            Some(ready) => {
                // Gone already if the reader left the page meanwhile.
                ready.try_set(true);
                build_next(shown);
            }
            None => {
                PIECES.set(None);
                shown();
                for then in WHEN_SHOWN.take() {
                    then();
                }
            }
        }
    });
}

/// Runs `then` in a task of its own, queued now. A message to oneself, not a zero timeout:
/// browsers hold a timeout set from a timeout's task five deep for 4 ms, and a page has 20–40
/// pieces.
fn next_task(then: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return set_timeout(then, Duration::ZERO);
    };
    let run = Closure::once_into_js(then);
    channel.port1().set_onmessage(Some(run.unchecked_ref()));
    let _ = channel.port2().post_message(&JsValue::NULL);
}

/// Runs `then` once the app is shown (at once when it is): a hidden page cannot scroll to
/// an element.
pub fn when_shown(then: impl FnOnce() + 'static) {
    if PIECES.with_borrow(Option::is_none) {
        then();
    } else {
        WHEN_SHOWN.with_borrow_mut(|w| w.push(Box::new(then)));
    }
}

/// A part of a page: built in a task of its own while the app starts, at once afterwards.
/// It joins the queue when the page around it is built, so pieces are built in page order,
/// each after the piece it sits in.
pub fn piece(part: Children) -> AnyView {
    if PIECES.with_borrow(Option::is_none) {
        return part();
    }
    let ready = RwSignal::new(false);
    let part = SendWrapper::new(Cell::new(Some(part)));
    (move || {
        if ready.get() {
            return Cell::take(&part).map(|build| build());
        }
        PIECES.with_borrow_mut(|p| p.as_mut().map(|queue| queue.push_back(ready)));
        None
    })
    .into_any()
}
