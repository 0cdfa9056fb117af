//! Where everything of a chart goes, before anything is painted: the plot area, the ticks
//! and their labels, the titles and the legend, in CSS pixels.
//!
//! Pure geometry with text measured by a function it is given, so the promises — no tick
//! label overlaps another, none is clipped at the canvas's edge, the axis titles never sit on
//! the tick labels — are tested natively.

use super::axis::{self, Unit};
use super::spec::{ChartSpec, Tone};
use std::ops::Range;

/// A rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// A tick: where it is (data value and pixel) and what it reads, one or more lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub px: f64,
    pub lines: Vec<String>,
}

/// One legend entry: its swatch and name, at a position.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub label: String,
    pub tone: Tone,
    pub dashed: bool,
    pub x: f64,
    pub y: f64,
}

/// The data ranges and the plot rectangle: maps values to pixels and back.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub plot: Rect,
    pub x: Range<f64>,
    pub y: Range<f64>,
}

impl Frame {
    pub fn px_x(&self, v: f64) -> f64 {
        self.plot.left + (v - self.x.start) / (self.x.end - self.x.start) * self.plot.width()
    }
    pub fn px_y(&self, v: f64) -> f64 {
        self.plot.bottom - (v - self.y.start) / (self.y.end - self.y.start) * self.plot.height()
    }
    /// The data x under a pixel column.
    pub fn x_at(&self, px: f64) -> f64 {
        self.x.start + (px - self.plot.left) / self.plot.width() * (self.x.end - self.x.start)
    }
}

/// Everything placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub frame: Frame,
    pub font_px: f64,
    pub line_px: f64,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// Vertical grid lines: not for bars, whose ticks name categories.
    pub x_grid: bool,
    /// The y axis's title, left-aligned above the plot.
    pub y_title: (String, f64, f64),
    /// The x axis's title, centred below the tick labels.
    pub x_title: (String, f64, f64),
    pub legend: Vec<LegendItem>,
    pub swatch_px: f64,
}

/// Lays out `spec` on a `width` × `height` canvas with text `font_px` high;
/// `measure` gives a text's width in CSS pixels.
pub fn layout(
    spec: &ChartSpec,
    width: f64,
    height: f64,
    font_px: f64,
    measure: &dyn Fn(&str) -> f64,
) -> Layout {
    let line_px = (font_px * 1.3).round();
    let gap = (font_px * 0.5).round();
    let swatch_px = font_px * 1.6;
    let x = usable(&spec.x);
    let mut y = usable(&spec.y);
    let (x_unit, y_unit) = (spec.x_unit, spec.y_unit);
    let x_span = x.end - x.start;

    // Top: the y title, then the legend flowing in rows.
    let y_title = spec.y_label.clone();
    let mut legend = Vec::new();
    let (mut cx, mut row) = (gap + measure(&y_title) + 2.0 * gap, 0.0);
    if y_title.is_empty() {
        cx = gap;
    }
    for item in spec.legend_entries() {
        let w = swatch_px + gap * 0.6 + measure(&item.0);
        if cx + w > width - gap && cx > gap {
            row += 1.0;
            cx = gap;
        }
        legend.push(LegendItem {
            label: item.0,
            tone: item.1,
            dashed: item.2,
            x: cx,
            y: gap + line_px * (row + 0.5),
        });
        cx += w + 1.5 * gap;
    }
    let top_rows = if y_title.is_empty() && legend.is_empty() {
        0.0
    } else {
        row + 1.0
    };
    let top = gap + line_px * top_rows + gap;

    // Bottom: one or more lines of tick labels, then the x title.
    let x_title_text = format!("{}{}", spec.x_label, x_unit.title_hint(x_span));
    let has_x_title = !spec.x_label.is_empty();
    let provisional_bottom = height - gap - line_px * (1.0 + f64::from(u8::from(has_x_title)));

    // Left: as wide as the widest y tick label.
    let y_step = {
        let rows = ((provisional_bottom - top) / (line_px * 1.8))
            .floor()
            .max(1.0);
        y_unit.step_at_least((y.end - y.start) / rows)
    };
    if spec.y_fitted {
        y.end = (y.end / y_step).ceil() * y_step;
    }
    let y_values = axis::ticks(&y, y_step);
    let y_labels: Vec<String> = y_values
        .iter()
        .map(|v| y_unit.tick(*v, y_step, y.end - y.start))
        .collect();
    let y_label_width = y_labels.iter().map(|l| measure(l)).fold(0.0, f64::max);
    let left = gap + y_label_width + gap;

    // The x ticks: bars name their categories, other charts take the smallest nice step
    // whose labels fit side by side; the right margin leaves room for the last one's half.
    let (x_ticks_text, x_grid, right) = if spec.bars.is_empty() {
        let right_guess = width - gap - measure(&x_unit.tick(x.end, 1.0, x_span)) / 2.0;
        let plot_w = (right_guess - left).max(1.0);
        let mut step = x_unit.step_at_least(x_span / (plot_w / (font_px * 4.0)).max(1.0));
        let mut labelled = x_labels(&x, step, x_unit);
        for _ in 0..12 {
            let widest = labelled.iter().map(|(_, l)| measure(l)).fold(0.0, f64::max);
            if widest + 2.0 * gap <= step / x_span * plot_w {
                break;
            }
            step = x_unit.step_at_least(step * 1.01);
            labelled = x_labels(&x, step, x_unit);
        }
        let last_half = labelled
            .last()
            .filter(|(v, _)| (x.end - v).abs() < step / 2.0)
            .map_or(0.0, |(_, l)| measure(l) / 2.0);
        let right = width - gap.max(last_half + 2.0);
        let ticks = labelled
            .into_iter()
            .map(|(v, l)| (v, vec![l]))
            .collect::<Vec<_>>();
        (ticks, true, right)
    } else {
        let right = width - gap;
        let slot = (right - left) / spec.bars.len().max(1) as f64 - gap;
        let ticks = spec
            .bars
            .iter()
            .enumerate()
            .map(|(i, b)| (i as f64, wrap(&b.label, slot, measure)))
            .collect::<Vec<_>>();
        (ticks, false, right)
    };
    let label_lines = x_ticks_text
        .iter()
        .map(|(_, l)| l.len())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let bottom = height - gap - line_px * label_lines - line_px * f64::from(u8::from(has_x_title));
    let plot = Rect {
        left,
        top,
        right: right.max(left + 1.0),
        bottom: bottom.max(top + 1.0),
    };
    let frame = Frame { plot, x, y };
    let x_ticks = x_ticks_text
        .into_iter()
        .map(|(value, lines)| Tick {
            value,
            px: frame.px_x(value),
            lines,
        })
        .collect();
    let y_ticks = y_values
        .into_iter()
        .zip(y_labels)
        .map(|(value, l)| Tick {
            value,
            px: frame.px_y(value),
            lines: vec![l],
        })
        .collect();
    Layout {
        x_ticks,
        y_ticks,
        x_grid,
        y_title: (y_title, gap, gap + line_px * 0.5),
        x_title: (
            if has_x_title {
                x_title_text
            } else {
                String::new()
            },
            (plot.left + plot.right) / 2.0,
            height - gap - line_px * 0.5,
        ),
        legend,
        swatch_px,
        font_px,
        line_px,
        frame,
    }
}

fn x_labels(x: &Range<f64>, step: f64, unit: Unit) -> Vec<(f64, String)> {
    axis::ticks(x, step)
        .into_iter()
        .map(|v| (v, unit.tick(v, step, x.end - x.start)))
        .collect()
}

/// A range that can be drawn: finite, and not empty.
fn usable(r: &Range<f64>) -> Range<f64> {
    if r.start.is_finite() && r.end.is_finite() && r.end > r.start {
        r.clone()
    } else {
        0.0..1.0
    }
}

/// Words into lines no wider than `width` (a word longer than that gets a line of its own).
fn wrap(text: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::spec::{Bar, Series};

    /// A stand-in for the canvas's measureText: 7 px a character at 13 px.
    fn measure(text: &str) -> f64 {
        text.chars().count() as f64 * 7.0
    }

    fn overlaps(ticks: &[Tick]) -> bool {
        ticks.windows(2).any(|w| {
            let half = |t: &Tick| t.lines.iter().map(|l| measure(l)).fold(0.0, f64::max) / 2.0;
            w[0].px + half(&w[0]) > w[1].px - half(&w[1])
        })
    }

    fn load_chart() -> ChartSpec {
        ChartSpec::new("time", "req/s")
            .x(0.0..86_400.0)
            .x_unit(Unit::Clock)
            .series([Series::line(
                "at the edge",
                vec![(0.0, 1_200.0), (43_200.0, 9_000.0), (86_400.0, 1_200.0)],
                Tone::First,
            )])
            .fit_y()
    }

    #[test]
    fn tick_labels_neither_overlap_nor_leave_the_canvas() {
        for width in [320.0, 390.0, 640.0, 1280.0, 1920.0] {
            let l = layout(&load_chart(), width, 280.0, 13.0, &measure);
            assert!(!overlaps(&l.x_ticks), "x ticks overlap at {width}");
            for t in &l.x_ticks {
                let half = measure(&t.lines[0]) / 2.0;
                assert!(
                    t.px - half >= 0.0 && t.px + half <= width,
                    "{t:?} clipped at {width}"
                );
            }
            for t in &l.y_ticks {
                assert!(measure(&t.lines[0]) < l.frame.plot.left, "{t:?} at {width}");
            }
            assert!(l.x_ticks.len() >= 2, "{width}: {:?}", l.x_ticks);
        }
    }

    #[test]
    fn a_day_reads_in_hours_and_a_fitted_axis_in_thousands() {
        let l = layout(&load_chart(), 1280.0, 280.0, 13.0, &measure);
        let x: Vec<&str> = l.x_ticks.iter().map(|t| t.lines[0].as_str()).collect();
        assert_eq!(x.first(), Some(&"0:00"));
        assert_eq!(x.last(), Some(&"24:00"));
        assert_eq!(l.x_title.0, "time (h:mm)");
        let y: Vec<&str> = l.y_ticks.iter().map(|t| t.lines[0].as_str()).collect();
        assert_eq!(y.first(), Some(&"0"));
        assert_eq!(y.last(), Some(&"10,000"));
    }

    #[test]
    fn titles_and_legend_stay_off_the_plot_and_the_tick_labels() {
        let l = layout(&load_chart(), 390.0, 280.0, 13.0, &measure);
        let half_line = l.line_px / 2.0;
        assert!(l.y_title.2 + half_line <= l.frame.plot.top);
        for item in &l.legend {
            assert!(item.y + half_line <= l.frame.plot.top);
        }
        let lowest_tick_text = l.frame.plot.bottom + l.line_px;
        assert!(l.x_title.2 - half_line >= lowest_tick_text - 1e-9);
    }

    #[test]
    fn long_bar_names_wrap_inside_their_slot() {
        let bar = |label: &str| Bar {
            label: label.into(),
            segments: vec![("app".into(), 10.0, Tone::First)],
        };
        let spec = ChartSpec::new("", "$ a month").bars(vec![
            bar("on demand, 1 region"),
            bar("on demand, 2 regions"),
            bar("optimized, 1 region"),
            bar("optimized, 2 regions"),
        ]);
        let l = layout(&spec, 390.0, 280.0, 13.0, &measure);
        assert!(l.x_ticks.iter().all(|t| t.lines.len() >= 2));
        assert!(!overlaps(&l.x_ticks));
    }
}
