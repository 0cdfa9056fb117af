//! Painting a laid-out chart straight on the canvas's 2D context.
//!
//! The canvas's backing store is its CSS box × `devicePixelRatio`, and the context is
//! scaled once so everything here is in CSS pixels and stays sharp on HiDPI screens.
//! Series are thinned to the plot's pixel columns first ([`super::thin`]), so a redraw
//! costs the same for a hundred points or a hundred thousand.

use super::layout::{layout, Layout};
use super::spec::{ChartSpec, Mark, Series, Tone};
use super::thin::thin;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What a chart's look depends on: presenter mode (larger type, thicker lines, its own
/// colours) and the system's dark theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub presenter: bool,
    pub dark: bool,
}

/// How big the type and lines are: larger in presenter mode.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Scale {
    font_px: f64,
    stroke_px: f64,
}

impl Scale {
    fn new(presenter: bool) -> Scale {
        if presenter {
            Scale {
                font_px: 19.5,
                stroke_px: 3.0,
            }
        } else {
            Scale {
                font_px: 13.0,
                stroke_px: 2.0,
            }
        }
    }
}

/// Sizes the canvas to its CSS box, paints `spec` and returns where everything went.
pub fn paint(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    (width, height): (u32, u32),
    theme: Theme,
) -> Option<Layout> {
    let scale = Scale::new(theme.presenter);
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
    let (w, h) = (f64::from(width), f64::from(height));
    let (backing_w, backing_h) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    // Setting a canvas's size clears it and resets the context, even to the same value.
    if canvas.width() != backing_w || canvas.height() != backing_h {
        canvas.set_width(backing_w);
        canvas.set_height(backing_h);
    }
    let ctx = context_2d(canvas)?;
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    let palette = Palette::of(theme, canvas);
    ctx.set_font(&font(scale.font_px));
    let measure = |text: &str| ctx.measure_text(text).map_or(0.0, |m| m.width());
    let l = layout(spec, w, h, scale.font_px, &measure);

    ctx.set_fill_style_str(&palette.bg);
    ctx.fill_rect(0.0, 0.0, w, h);
    grid_and_axes(&ctx, &l, &palette);
    ctx.save();
    let p = &l.frame.plot;
    ctx.begin_path();
    ctx.rect(p.left, p.top, p.width(), p.height());
    ctx.clip();
    for band in &spec.bands {
        ctx.set_global_alpha(0.15);
        ctx.set_fill_style_str(palette.tone(Tone::Muted));
        let (top, bottom) = (l.frame.px_y(band.to), l.frame.px_y(band.from));
        ctx.fill_rect(p.left, top, p.width(), bottom - top);
        ctx.set_global_alpha(1.0);
    }
    bars(&ctx, spec, &l, &palette);
    ctx.set_line_join("round");
    for series in &spec.series {
        line(&ctx, series, &l, &palette, scale.stroke_px);
    }
    for rule in &spec.rules {
        let x = l.frame.px_x(rule.at);
        dashed(&ctx, true, scale.stroke_px);
        ctx.set_stroke_style_str(palette.tone(rule.tone));
        ctx.set_line_width(scale.stroke_px * 0.75);
        ctx.begin_path();
        ctx.move_to(x, p.top);
        ctx.line_to(x, p.bottom);
        ctx.stroke();
    }
    dashed(&ctx, false, scale.stroke_px);
    ctx.restore();
    texts(&ctx, &l, &palette, scale.stroke_px);
    Some(l)
}

fn grid_and_axes(ctx: &CanvasRenderingContext2d, l: &Layout, palette: &Palette) {
    let p = &l.frame.plot;
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str(&palette.grid);
    ctx.begin_path();
    // Half-pixel offsets keep one-pixel lines crisp.
    for t in &l.y_ticks {
        let y = t.px.round() + 0.5;
        ctx.move_to(p.left, y);
        ctx.line_to(p.right, y);
    }
    if l.x_grid {
        for t in &l.x_ticks {
            let x = t.px.round() + 0.5;
            ctx.move_to(x, p.top);
            ctx.line_to(x, p.bottom);
        }
    }
    ctx.stroke();
    ctx.set_stroke_style_str(&palette.fg);
    ctx.begin_path();
    ctx.move_to(p.left.round() + 0.5, p.top);
    ctx.line_to(p.left.round() + 0.5, p.bottom.round() + 0.5);
    ctx.line_to(p.right, p.bottom.round() + 0.5);
    ctx.stroke();
}

fn texts(ctx: &CanvasRenderingContext2d, l: &Layout, palette: &Palette, stroke_px: f64) {
    let p = &l.frame.plot;
    let gap = (l.font_px * 0.5).round();
    ctx.set_fill_style_str(&palette.fg);
    ctx.set_text_baseline("middle");
    ctx.set_text_align("right");
    for t in &l.y_ticks {
        let _ = ctx.fill_text(&t.lines[0], p.left - gap, t.px);
    }
    ctx.set_text_align("center");
    for t in &l.x_ticks {
        for (i, text) in t.lines.iter().enumerate() {
            let y = p.bottom + gap * 0.5 + l.line_px * (i as f64 + 0.5);
            let _ = ctx.fill_text(text, t.px, y);
        }
    }
    let _ = ctx.fill_text(&l.x_title.0, l.x_title.1, l.x_title.2);
    ctx.set_text_align("left");
    let _ = ctx.fill_text(&l.y_title.0, l.y_title.1, l.y_title.2);
    for item in &l.legend {
        dashed(ctx, item.dashed, stroke_px);
        ctx.set_stroke_style_str(palette.tone(item.tone));
        ctx.set_line_width(stroke_px);
        ctx.begin_path();
        ctx.move_to(item.x, item.y);
        ctx.line_to(item.x + l.swatch_px, item.y);
        ctx.stroke();
        dashed(ctx, false, stroke_px);
        let _ = ctx.fill_text(&item.label, item.x + l.swatch_px + gap * 0.6, item.y);
    }
}

fn bars(ctx: &CanvasRenderingContext2d, spec: &ChartSpec, l: &Layout, palette: &Palette) {
    for (i, bar) in spec.bars.iter().enumerate() {
        let x0 = l.frame.px_x(i as f64 - 0.3);
        let x1 = l.frame.px_x(i as f64 + 0.3);
        let mut base = 0.0;
        for (_, value, tone) in &bar.segments {
            let top = base + value.max(0.0);
            let (y_top, y_base) = (l.frame.px_y(top), l.frame.px_y(base));
            ctx.set_fill_style_str(palette.tone(*tone));
            ctx.fill_rect(x0, y_top, x1 - x0, y_base - y_top);
            base = top;
        }
    }
}

fn line(
    ctx: &CanvasRenderingContext2d,
    series: &Series,
    l: &Layout,
    palette: &Palette,
    stroke_px: f64,
) {
    let f = &l.frame;
    let pixels = series
        .points
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|(x, y)| (f.px_x(*x), f.px_y(*y)));
    let path = thin(pixels, series.mark == Mark::Step);
    let Some(first) = path.first() else {
        return;
    };
    dashed(ctx, series.mark == Mark::Dashed, stroke_px);
    ctx.set_stroke_style_str(palette.tone(series.tone));
    ctx.set_line_width(stroke_px);
    ctx.begin_path();
    ctx.move_to(first.0, first.1);
    for (x, y) in &path[1..] {
        ctx.line_to(*x, *y);
    }
    ctx.stroke();
}

fn dashed(ctx: &CanvasRenderingContext2d, on: bool, stroke_px: f64) {
    let pattern = js_sys::Array::new();
    if on {
        pattern.push(&JsValue::from_f64(stroke_px * 3.0));
        pattern.push(&JsValue::from_f64(stroke_px * 2.0));
    }
    let _ = ctx.set_line_dash(&pattern);
}

/// The CSS font of the chart's text at a size in CSS pixels.
fn font(px: f64) -> String {
    format!("{px}px sans-serif")
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The theme's colours, read from CSS so charts follow light, dark and presenter themes.
struct Palette {
    bg: String,
    fg: String,
    grid: String,
    tones: [String; 7],
}

thread_local! {
    /// The colours last read from CSS and the theme they belong to. Reading them makes the
    /// browser bring the page's style up to date first (about 1 ms after a move's DOM changes),
    /// and only a change of theme changes them.
    static PALETTE: RefCell<Option<(Theme, Rc<Palette>)>> = const { RefCell::new(None) };
}

impl Palette {
    fn of(theme: Theme, canvas: &HtmlCanvasElement) -> Rc<Palette> {
        if let Some((read_in, palette)) = PALETTE.with_borrow(Clone::clone) {
            if read_in == theme {
                return palette;
            }
        }
        let palette = Rc::new(Palette::read(canvas));
        PALETTE.with_borrow_mut(|p| *p = Some((theme, palette.clone())));
        palette
    }

    fn read(canvas: &HtmlCanvasElement) -> Palette {
        let css = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten());
        let var = |name: &str, fallback: &str| {
            css.as_ref()
                .and_then(|c| c.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        Palette {
            bg: var("--bg", "#ffffff"),
            fg: var("--fg", "#000000"),
            grid: var("--grid", "#c8c8c8"),
            tones: [
                var("--chart-1", "#0b5cad"),
                var("--chart-2", "#c2410c"),
                var("--chart-3", "#15803d"),
                var("--chart-4", "#7e22ce"),
                var("--chart-5", "#0e7490"),
                var("--chart-6", "#a16207"),
                var("--chart-muted", "#6b7280"),
            ],
        }
    }

    fn tone(&self, tone: Tone) -> &str {
        &self.tones[tone as usize]
    }
}
