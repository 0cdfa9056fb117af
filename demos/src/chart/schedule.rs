//! Sharing animation frames between charts. A page opens with up to six charts to paint, and
//! a move can change several at once; painted in one frame, they block the page for that
//! whole frame (about 120 ms on opening autoscaling on the 2-core machine, four times that on
//! Lighthouse's simulated phone). Each frame paints charts until it has spent its budget,
//! and the rest wait for the next frame, in the order they asked.

use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The painting one frame does before the rest waits: half a 60 Hz frame.
const FRAME_BUDGET_MS: f64 = 8.0;

thread_local! {
    /// The frame being painted (its timestamp) and the milliseconds spent painting in it.
    static FRAME: Cell<(f64, f64)> = const { Cell::new((f64::NAN, 0.0)) };
}

/// Runs `paint` in the next animation frame whose budget is not yet spent.
pub fn in_a_frame(paint: impl FnOnce() + 'static) {
    request(Box::new(paint));
}

fn request(paint: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let run = Closure::once_into_js(move |frame: f64| {
        let (painting, spent) = FRAME.get();
        // Every callback of one frame gets the same timestamp.
        let spent = if painting == frame { spent } else { 0.0 };
        if spent >= FRAME_BUDGET_MS {
            FRAME.set((frame, spent));
            return request(paint);
        }
        let started = now();
        paint();
        FRAME.set((frame, spent + (now() - started)));
    });
    let _ = window.request_animation_frame(run.unchecked_ref());
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
