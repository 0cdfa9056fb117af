//! The lab's one chart widget: a canvas the chart is painted on, a crosshair that reads
//! every series at a point (pointer, touch or keyboard), the data as a table, and the
//! picture and data as files.
//!
//! A view declares what to show as a [`ChartSpec`]; the widget repaints only when that
//! changes, at most once per animation frame, and thins long series to the plot's pixel
//! columns, so a slider drag costs one cheap paint a frame whatever the data's length.
//! Everything is painted straight on the 2D context (no charting crate): measured smaller
//! and faster than plotters, and it measures text with the canvas itself, which a strict
//! Content-Security-Policy allows (`docs/measured.md`).

mod axis;
mod export;
mod layout;
mod paint;
mod read;
mod schedule;
mod spec;
mod thin;

pub use axis::Unit;
pub use export::save_text;
pub use spec::{Band, Bar, ChartSpec, Mark, Rule, Series, Tone};

/// A chart's summary while the model refuses the input.
pub const NO_CHART: &str = "No chart: the input is not valid.";

/// A chart's summary for screen readers, said from the model's outcome, or [`NO_CHART`].
pub fn summary_of<O: Send + Sync + PartialEq + 'static>(
    outcome: Memo<Result<O, Vec<String>>>,
    say: impl Fn(&O) -> String + Send + Sync + 'static,
) -> Signal<String> {
    Signal::derive(move || outcome.with(|o| o.as_ref().map_or_else(|_| NO_CHART.to_string(), &say)))
}

use crate::lab::lab;
use layout::Frame;
use leptos::ev;
use leptos::html::Canvas;
use leptos::prelude::*;
use paint::{paint, Theme};
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Numbers the charts' hint ids, unique in the page.
static NEXT_HINT: AtomicUsize = AtomicUsize::new(0);

/// A chart. `summary` is what a screen reader hears instead of the picture; the table
/// under "Show as table" holds every value.
#[component]
pub fn Chart(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] summary: Signal<String>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let lab = lab();
    // Views rebuild their spec whenever any input moves; repaint only when it differs.
    let spec = Memo::new(move |_| spec.get());
    let canvas_ref = NodeRef::<Canvas>::new();
    let size = RwSignal::new((0u32, 0u32));
    // Where the last paint put the plot: the crosshair maps pixels to values with it.
    let frame = RwSignal::new(None::<Frame>);
    // The x the crosshair sits at: always one of the chart's stops (`read::stops`).
    let cursor = RwSignal::new(None::<f64>);
    let table_open = RwSignal::new(false);

    watch_size(canvas_ref, size);

    // Painting: the effect notes what changed, an animation frame paints once for all of it
    // (the next frame with painting time left: `schedule`).
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        spec.track();
        size.track();
        lab.presenter.track();
        lab.dark.track();
        if pending.try_get_value() != Some(false) {
            return;
        }
        pending.set_value(true);
        schedule::in_a_frame(move || {
            if pending.try_set_value(false).is_some() {
                return;
            }
            let (Some(canvas), Some((w, h)), Some(presenter), Some(dark)) = (
                canvas_ref.try_get_untracked().flatten(),
                size.try_get_untracked(),
                lab.presenter.try_get_untracked(),
                lab.dark.try_get_untracked(),
            ) else {
                return;
            };
            if w == 0 || h == 0 {
                return;
            }
            let laid = spec
                .try_with_untracked(|spec| paint(&canvas, spec, (w, h), Theme { presenter, dark }))
                .flatten();
            frame.try_set(laid.map(|l| l.frame));
        });
    });

    // The crosshair follows the pointer (a touch too) and the arrow keys, stop to stop.
    let stops = move || spec.with_untracked(read::stops);
    let point_at = move |ev: ev::PointerEvent| {
        let x = frame.with_untracked(|f| f.as_ref().map(|f| f.x_at(f64::from(ev.offset_x()))));
        if let Some(x) = x {
            let s = stops();
            cursor.set(read::nearest(&s, x).and_then(|i| s.get(i).copied()));
        }
    };
    let leave = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            cursor.set(None);
        }
    };
    let keys = move |ev: ev::KeyboardEvent| {
        let s = stops();
        let Some(last) = s.len().checked_sub(1) else {
            return;
        };
        let now = cursor.get_untracked().and_then(|x| read::nearest(&s, x));
        let next = match ev.key().as_str() {
            "ArrowRight" => Some(now.map_or(0, |i| (i + 1).min(last))),
            "ArrowLeft" => Some(now.map_or(last, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => None,
            _ => return,
        };
        // The keys are the chart's while it has focus: not the page's (scrolling) nor the
        // lab's (← → go to the next demo), whose listeners sit on the window. (The handler
        // is attached to the canvas itself, `:capture`, not delegated to the window.)
        ev.prevent_default();
        ev.stop_propagation();
        cursor.set(next.and_then(|i| s.get(i).copied()));
    };
    let reading = move || {
        let x = cursor.get()?;
        Some(spec.with(|spec| read::reading(spec, x)))
    };
    let readout = move || {
        reading()
            .map(|r| spec.with(|spec| r.sentence(spec)))
            .unwrap_or_default()
    };
    let crosshair = move || {
        let f = frame.get()?;
        let r = reading()?;
        let x = f.px_x(r.x);
        let dots = r
            .values
            .iter()
            .filter(|v| spec.with(|s| s.bars.is_empty()) && v.y.is_finite())
            .map(|v| {
                let y = f.px_y(v.y).clamp(f.plot.top, f.plot.bottom);
                view! {
                    <span class="chart-dot" style:left=format!("{x}px") style:top=format!("{y}px")
                        style:background-color=v.tone.css_var()></span>
                }
            })
            .collect_view();
        Some(view! {
            <span class="chart-crosshair" style:left=format!("{x}px")
                style:top=format!("{}px", f.plot.top) style:height=format!("{}px", f.plot.height())></span>
            {dots}
        })
    };

    let file_name = move |ext: &str| {
        let base = if testid.is_empty() { "chart" } else { testid };
        format!("{base}.{ext}")
    };
    let save_png = move |_| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            export::save_png(&file_name("png"), &canvas);
        }
    };
    let save_csv = move |_| {
        let text = spec.with_untracked(|s| {
            let (header, rows) = read::table(s);
            read::csv(&header, &rows)
        });
        export::save_text(&file_name("csv"), "text/csv;charset=utf-8", &text);
    };
    // The label is the chart's summary; how to read values is its description.
    let hint_id = format!("chart-hint-{}", NEXT_HINT.fetch_add(1, Ordering::Relaxed));

    view! {
        <figure class="chart" data-testid=testid>
            <div class="chart-plot">
                <canvas node_ref=canvas_ref role="img" tabindex="0" aria-label=summary
                    aria-describedby=hint_id.clone()
                    on:pointermove=point_at on:pointerdown=point_at on:pointerleave=leave
                    on:keydown:capture=keys on:blur=move |_| cursor.set(None)></canvas>
                <div class="chart-overlay" aria-hidden="true">{crosshair}</div>
                <span class="visually-hidden" id=hint_id>"Arrow keys read the values."</span>
            </div>
            <p class="chart-readout" aria-live="polite" data-testid="chart-readout">{readout}</p>
            <div class="chart-actions">
                <button type="button" aria-expanded=move || table_open.get().to_string()
                    on:click=move |_| table_open.update(|open| *open = !*open) data-testid="chart-show-table">
                    {move || if table_open.get() { "Hide the table" } else { "Show as table" }}
                </button>
                <button type="button" on:click=save_png data-testid="chart-png">"Save as PNG"</button>
                <button type="button" on:click=save_csv data-testid="chart-csv">"Save data as CSV"</button>
            </div>
            // Built only while open: a long run's table is thousands of cells.
            {move || table_open.get().then(|| view! { <DataTable spec/> })}
        </figure>
    }
}

/// The chart's data, every cell formatted as the page writes it.
#[component]
fn DataTable(spec: Memo<ChartSpec>) -> impl IntoView {
    let caption = move || spec.with(|s| s.y_label.clone());
    let table = move || {
        let (header, rows) = spec.with(read::table);
        let head = header
            .into_iter()
            .map(|h| view! { <th scope="col">{h}</th> })
            .collect_view();
        let body = rows
            .into_iter()
            .map(|row| {
                let mut cells = row.into_iter();
                let first = cells.next().unwrap_or_default();
                let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
                view! { <tr><th scope="row">{first}</th>{rest}</tr> }
            })
            .collect_view();
        view! {
            <caption>{caption}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        }
    };
    view! {
        <div class="table-scroll chart-table" tabindex="0" role="region" aria-label=caption>
            <table data-testid="chart-table">{table}</table>
        </div>
    }
}

/// Feeds `size` from a ResizeObserver on the canvas; stopped when the chart goes.
fn watch_size(canvas_ref: NodeRef<Canvas>, size: RwSignal<(u32, u32)>) {
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let on_resize = Closure::<dyn Fn()>::new({
            let canvas = canvas.clone();
            move || {
                size.try_set((
                    canvas.client_width().max(0) as u32,
                    canvas.client_height().max(0) as u32,
                ));
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&canvas);
            let keep = SendWrapper::new((observer, on_resize));
            on_cleanup(move || keep.0.disconnect());
        }
    });
}
