//! What a chart shows, declared by a view: axes and their units, series, bands, bars,
//! vertical rules.
//!
//! A view builds one with `ChartSpec::new(x_label, y_label)` and the builder methods below;
//! everything not set keeps its `Default`. Values go in as the model gives them (seconds,
//! fractions, dollars): the axis's [`Unit`] says how they read.

use super::axis::{nice_top, Unit};
use std::ops::Range;

/// Which of the theme's chart colours a series uses (set in CSS as `--chart-1` …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    First,
    Second,
    Third,
    Fourth,
    Fifth,
    Sixth,
    /// Reference lines: targets, budgets, "on track".
    Muted,
}

impl Tone {
    pub const ALL: [Tone; 7] = [
        Tone::First,
        Tone::Second,
        Tone::Third,
        Tone::Fourth,
        Tone::Fifth,
        Tone::Sixth,
        Tone::Muted,
    ];

    /// The CSS variable holding this tone's colour, for legends drawn in HTML.
    pub fn css_var(self) -> &'static str {
        match self {
            Tone::First => "var(--chart-1)",
            Tone::Second => "var(--chart-2)",
            Tone::Third => "var(--chart-3)",
            Tone::Fourth => "var(--chart-4)",
            Tone::Fifth => "var(--chart-5)",
            Tone::Sixth => "var(--chart-6)",
            Tone::Muted => "var(--chart-muted)",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mark {
    #[default]
    Line,
    /// Holds each value until the next point: counts, budgets.
    Step,
    Dashed,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub tone: Tone,
    pub mark: Mark,
}

impl Series {
    /// A line through the points.
    pub fn line(label: impl Into<String>, points: Vec<(f64, f64)>, tone: Tone) -> Series {
        Series::marked(label, points, tone, Mark::Line)
    }

    /// Each value held until the next point: counts, budgets.
    pub fn step(label: impl Into<String>, points: Vec<(f64, f64)>, tone: Tone) -> Series {
        Series::marked(label, points, tone, Mark::Step)
    }

    /// A dashed line: references such as targets.
    pub fn dashed(label: impl Into<String>, points: Vec<(f64, f64)>, tone: Tone) -> Series {
        Series::marked(label, points, tone, Mark::Dashed)
    }

    pub fn marked(
        label: impl Into<String>,
        points: Vec<(f64, f64)>,
        tone: Tone,
        mark: Mark,
    ) -> Series {
        Series {
            label: label.into(),
            points,
            tone,
            mark,
        }
    }
}

/// A shaded horizontal band, such as a target range.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub from: f64,
    pub to: f64,
}

/// A vertical line across the plot at an x, such as "now" or a crossover.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub at: f64,
    /// Named in the legend and the table when not empty.
    pub label: String,
    pub tone: Tone,
}

/// One stacked bar: segments bottom to top.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<(String, f64, Tone)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub x_label: String,
    pub y_label: String,
    pub x: Range<f64>,
    pub y: Range<f64>,
    pub x_unit: Unit,
    pub y_unit: Unit,
    /// Set by [`ChartSpec::fit_y`]: the top may rise to the next tick so one sits there.
    pub y_fitted: bool,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    /// When not empty, the chart is stacked bars at x = 0, 1, …
    pub bars: Vec<Bar>,
    pub rules: Vec<Rule>,
}

impl Default for ChartSpec {
    fn default() -> ChartSpec {
        ChartSpec {
            x_label: String::new(),
            y_label: String::new(),
            x: 0.0..1.0,
            y: 0.0..1.0,
            x_unit: Unit::Number,
            y_unit: Unit::Number,
            y_fitted: false,
            series: Vec::new(),
            bands: Vec::new(),
            bars: Vec::new(),
            rules: Vec::new(),
        }
    }
}

impl ChartSpec {
    /// An empty chart with its axes' titles; the rest by the builder methods.
    pub fn new(x_label: impl Into<String>, y_label: impl Into<String>) -> ChartSpec {
        ChartSpec {
            x_label: x_label.into(),
            y_label: y_label.into(),
            ..ChartSpec::default()
        }
    }

    pub fn x(mut self, x: Range<f64>) -> ChartSpec {
        self.x = x;
        self
    }

    pub fn y(mut self, y: Range<f64>) -> ChartSpec {
        self.y = y;
        self.y_fitted = false;
        self
    }

    /// How the x axis's values read; [`Unit::Clock`] takes seconds.
    pub fn x_unit(mut self, unit: Unit) -> ChartSpec {
        self.x_unit = unit;
        self
    }

    /// How the y axis's values read; [`Unit::Percent`] takes fractions.
    pub fn y_unit(mut self, unit: Unit) -> ChartSpec {
        self.y_unit = unit;
        self
    }

    /// A vertical line at `at` (a dashed rule in the tone).
    pub fn rule(mut self, at: f64, label: impl Into<String>, tone: Tone) -> ChartSpec {
        self.rules.push(Rule {
            at,
            label: label.into(),
            tone,
        });
        self
    }

    /// Adds series, drawn in this order after any already there.
    pub fn series(mut self, series: impl IntoIterator<Item = Series>) -> ChartSpec {
        self.series.extend(series);
        self
    }

    pub fn band(mut self, from: f64, to: f64) -> ChartSpec {
        self.bands.push(Band { from, to });
        self
    }

    /// The legend of stacked bars: each segment's name and colour, as series without points.
    pub fn bar_legend(self, keys: &[(&str, Tone)]) -> ChartSpec {
        self.series(
            keys.iter()
                .map(|&(label, tone)| Series::line(label, vec![], tone)),
        )
    }

    /// Stacked bars at x = 0, 1, …; the x range becomes theirs.
    pub fn bars(mut self, bars: Vec<Bar>) -> ChartSpec {
        self.x = -0.5..(bars.len().max(1) as f64 - 0.5);
        self.bars = bars;
        self
    }

    /// The y range from 0 to fit what the chart holds now.
    pub fn fit_y(mut self) -> ChartSpec {
        self.y = self.y_to_fit();
        self.y_fitted = true;
        self
    }

    /// What the legend lists: each named series, then each named rule (name, tone, dashed).
    pub fn legend_entries(&self) -> Vec<(String, Tone, bool)> {
        let series = self
            .series
            .iter()
            .filter(|s| !s.label.is_empty())
            .map(|s| (s.label.clone(), s.tone, s.mark == Mark::Dashed));
        let rules = self
            .rules
            .iter()
            .filter(|r| !r.label.is_empty())
            .map(|r| (r.label.clone(), r.tone, true));
        series.chain(rules).collect()
    }

    /// A y range from 0 to a nice value a little above the highest value shown.
    fn y_to_fit(&self) -> Range<f64> {
        let top = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1))
            .chain(
                self.bars
                    .iter()
                    .map(|b| b.segments.iter().map(|s| s.1).sum()),
            )
            .chain(self.bands.iter().map(|b| b.to))
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        0.0..nice_top(self.y_unit, top)
    }
}
