//! The lab's one chart widget: plotters drawing on a canvas.
//!
//! plotters-canvas draws in canvas pixels and ignores `devicePixelRatio`, so the
//! widget sizes the canvas's backing store to its CSS box × the ratio and scales
//! fonts and strokes itself; that keeps lines sharp on HiDPI screens and projectors.
//! A redraw repaints the whole canvas (a few hundred points: well under a frame).
//!
//! plotters measures text on the web by inserting a styled `<span>` into the page:
//! that forces a layout per label and is blocked by a strict Content-Security-Policy
//! (`style-src 'self'`). [`Measured`] wraps the canvas backend and measures with the
//! canvas's own `measureText` instead, and the legend is drawn here for the same reason.

mod spec;

pub use spec::{Band, Bar, ChartSpec, Mark, Series, Tone};

use crate::lab::lab;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A chart. `summary` is what a screen reader hears instead of the picture.
#[component]
pub fn Chart(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] summary: Signal<String>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let size = RwSignal::new((0u32, 0u32));
    let lab = lab();

    // Resizing with the container: a ResizeObserver feeds `size`; stopped when the chart goes.
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let on_resize = Closure::<dyn Fn()>::new({
            let canvas = canvas.clone();
            move || {
                size.set((
                    canvas.client_width().max(0) as u32,
                    canvas.client_height().max(0) as u32,
                ))
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&canvas);
            let keep = SendWrapper::new((observer, on_resize));
            on_cleanup(move || keep.0.disconnect());
        }
    });

    Effect::new(move |_| {
        let (width, height) = size.get();
        let presenter = lab.presenter.get();
        lab.dark.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if width == 0 || height == 0 {
            return;
        }
        spec.with(|spec| draw(&canvas, spec, width, height, presenter));
    });

    view! {
        <figure class="chart" data-testid=testid>
            <canvas node_ref=canvas_ref role="img" aria-label=move || summary.get()></canvas>
        </figure>
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    width: u32,
    height: u32,
    presenter: bool,
) {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
    canvas.set_width((f64::from(width) * dpr).round() as u32);
    canvas.set_height((f64::from(height) * dpr).round() as u32);
    let Some(backend) = Measured::new(canvas) else {
        return;
    };
    let style = Palette::read(canvas);
    let scale = dpr * if presenter { 1.5 } else { 1.0 };
    let px = |x: f64| (x * scale).round() as u32;
    let stroke = px(if presenter { 2.5 } else { 2.0 }).max(1);
    let font = ("sans-serif", 13.0 * scale).into_font().color(&style.fg);

    let root = backend.into_drawing_area();
    let _ = root.fill(&style.bg);
    let x = if spec.x.end > spec.x.start {
        spec.x.clone()
    } else {
        0.0..1.0
    };
    let y = if spec.y.end > spec.y.start {
        spec.y.clone()
    } else {
        0.0..1.0
    };
    let Ok(mut chart) = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(60.0))
        .build_cartesian_2d(x, y)
    else {
        return;
    };
    let bar_labels: Vec<String> = spec.bars.iter().map(|b| b.label.clone()).collect();
    let label_bar = |v: &f64| {
        let i = v.round();
        if (v - i).abs() < 1e-6 && i >= 0.0 {
            bar_labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(spec.x_label.as_str())
        .y_desc(spec.y_label.as_str())
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .axis_style(style.fg)
        .bold_line_style(style.grid)
        .light_line_style(style.bg);
    if !spec.bars.is_empty() {
        mesh.x_labels(spec.bars.len() + 1)
            .x_label_formatter(&label_bar)
            .disable_x_mesh();
    }
    let _ = mesh.draw();

    for band in &spec.bands {
        let area = style.tone(Tone::Muted).mix(0.15).filled();
        let _ = chart.draw_series(std::iter::once(Rectangle::new(
            [(spec.x.start, band.from), (spec.x.end, band.to)],
            area,
        )));
    }
    for (i, bar) in spec.bars.iter().enumerate() {
        let mut base = 0.0;
        let x0 = i as f64 - 0.3;
        let x1 = i as f64 + 0.3;
        for (_, value, tone) in &bar.segments {
            let top = base + value.max(0.0);
            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, base), (x1, top)],
                style.tone(*tone).filled(),
            )));
            base = top;
        }
    }
    for series in &spec.series {
        let line = ShapeStyle {
            color: style.tone(series.tone).to_rgba(),
            filled: false,
            stroke_width: stroke,
        };
        let points: Vec<(f64, f64)> = match series.mark {
            Mark::Step => steps(&series.points),
            _ => series.points.clone(),
        };
        let _ = match series.mark {
            Mark::Dashed => {
                chart.draw_series(DashedLineSeries::new(points, px(6.0), px(4.0), line))
            }
            _ => chart.draw_series(LineSeries::new(points, line)),
        };
    }
    let _ = root.present();
    draw_legend(canvas, spec, &style, &font_css(13.0 * scale), stroke);
}

/// The CSS font of the chart's labels, at a size in canvas pixels.
fn font_css(size: f64) -> String {
    format!("{size}px sans-serif")
}

/// Series names beside their line's colour and dash, in a box at the top right.
fn draw_legend(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    style: &Palette,
    font: &str,
    stroke: u32,
) {
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    let labelled: Vec<&Series> = spec.series.iter().filter(|s| !s.label.is_empty()).collect();
    if labelled.is_empty() {
        return;
    }
    ctx.set_font(font);
    let size = ctx.measure_text("M").map_or(13.0, |m| m.width() * 1.2);
    let swatch = size * 1.6;
    let text_width = labelled
        .iter()
        .filter_map(|s| ctx.measure_text(&s.label).ok())
        .map(|m| m.width())
        .fold(0.0, f64::max);
    let pad = size * 0.5;
    let row = size * 1.4;
    let (w, h) = (
        pad * 3.0 + swatch + text_width,
        pad * 2.0 + row * labelled.len() as f64,
    );
    let (x0, y0) = (f64::from(canvas.width()) - w - size * 1.5, size * 1.2);
    ctx.set_fill_style_str(&css_colour(style.bg));
    ctx.fill_rect(x0, y0, w, h);
    ctx.set_stroke_style_str(&css_colour(style.grid));
    ctx.set_line_width(1.0);
    ctx.stroke_rect(x0, y0, w, h);
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    for (i, series) in labelled.iter().enumerate() {
        let y = y0 + pad + row * (i as f64 + 0.5);
        let dash: js_sys::Array = if series.mark == Mark::Dashed {
            [size * 0.4, size * 0.3]
                .iter()
                .map(|v| JsValue::from_f64(*v))
                .collect()
        } else {
            js_sys::Array::new()
        };
        let _ = ctx.set_line_dash(&dash);
        ctx.set_stroke_style_str(&css_colour(style.tone(series.tone)));
        ctx.set_line_width(f64::from(stroke));
        ctx.begin_path();
        ctx.move_to(x0 + pad, y);
        ctx.line_to(x0 + pad + swatch, y);
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        ctx.set_fill_style_str(&css_colour(style.fg));
        let _ = ctx.fill_text(&series.label, x0 + pad * 2.0 + swatch, y);
    }
}

fn css_colour(c: RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The canvas backend, with text measured by the canvas itself (see the module note).
struct Measured {
    canvas: CanvasBackend,
    context: web_sys::CanvasRenderingContext2d,
}

impl Measured {
    fn new(canvas: &web_sys::HtmlCanvasElement) -> Option<Measured> {
        Some(Measured {
            context: context_2d(canvas)?,
            canvas: CanvasBackend::with_canvas_object(canvas.clone())?,
        })
    }
}

/// plotters-canvas does not export its error type by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Measured {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.canvas.get_size()
    }
    fn ensure_prepared(&mut self) -> Drawn {
        self.canvas.ensure_prepared()
    }
    fn present(&mut self) -> Drawn {
        self.canvas.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.canvas.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.canvas.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.canvas.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        self.canvas.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        self.canvas.fill_polygon(vert, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.canvas.draw_circle(center, radius, style, fill)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        self.canvas.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.context.set_font(&format!(
            "{} {}",
            style.style().as_str(),
            font_css(style.size())
        ));
        let width = self.context.measure_text(text).map_or(0.0, |m| m.width());
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// (x0,y0),(x1,y1) → (x0,y0),(x1,y0),(x1,y1): a value holds until the next point.
fn steps(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.push((p.0, points[i - 1].1));
        }
        out.push(*p);
    }
    out
}

/// The theme's colours, read from CSS so charts follow light, dark and presenter themes.
struct Palette {
    bg: RGBColor,
    fg: RGBColor,
    grid: RGBColor,
    tones: [RGBColor; 7],
}

impl Palette {
    fn read(canvas: &web_sys::HtmlCanvasElement) -> Palette {
        let css = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten());
        let var = |name: &str, fallback: RGBColor| {
            css.as_ref()
                .and_then(|c| c.get_property_value(name).ok())
                .and_then(|v| hex_colour(v.trim()))
                .unwrap_or(fallback)
        };
        Palette {
            bg: var("--bg", WHITE),
            fg: var("--fg", BLACK),
            grid: var("--grid", RGBColor(200, 200, 200)),
            tones: [
                var("--chart-1", BLUE),
                var("--chart-2", RED),
                var("--chart-3", GREEN),
                var("--chart-4", MAGENTA),
                var("--chart-5", CYAN),
                var("--chart-6", RGBColor(161, 98, 7)),
                var("--chart-muted", RGBColor(120, 120, 120)),
            ],
        }
    }

    fn tone(&self, tone: Tone) -> RGBColor {
        let i = Tone::ALL.iter().position(|t| *t == tone).unwrap_or(0);
        self.tones[i]
    }
}

fn hex_colour(text: &str) -> Option<RGBColor> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_hold_each_value_until_the_next_point() {
        assert_eq!(
            steps(&[(0.0, 5.0), (2.0, 3.0), (4.0, 1.0)]),
            vec![(0.0, 5.0), (2.0, 5.0), (2.0, 3.0), (4.0, 3.0), (4.0, 1.0)]
        );
    }

    #[test]
    fn reads_hex_colours_only() {
        assert_eq!(hex_colour("#0a64ff"), Some(RGBColor(10, 100, 255)));
        assert_eq!(hex_colour("rgb(1,2,3)"), None);
        assert_eq!(hex_colour("#fff"), None);
    }
}
