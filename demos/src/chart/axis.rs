//! How a chart's values read, and where its ticks go.
//!
//! One [`Unit`] per axis formats everything the chart shows of that axis — tick labels,
//! the crosshair's readout, the table and the CSV — so they always agree with each other
//! and with the page's own numbers ([`crate::format`]). Ticks sit at "nice" steps
//! (1, 2 or 5 × a power of ten; whole minutes and hours for time).

use crate::format;
use cloud_lab_model::money::Usd;
use format::quantity_places as grouped;

/// What an axis's numbers are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// A quantity: thousands separators, no trailing zeros ("9,000", "2.5").
    #[default]
    Number,
    /// Things counted whole (tasks): ticks never fall between two.
    Count,
    /// A fraction shown as a percentage: 0.25 → "25 %".
    Percent,
    /// Dollars: "$1,500" on ticks, "$1,358.49" in readouts.
    Usd,
    /// Seconds into a run, read as a clock: "mm:ss" under an hour, else "h:mm".
    Clock,
    /// The base-10 logarithm of a whole quantity (a log-scale axis), read as the quantity:
    /// 3 → "1,000".
    Log10,
}

/// Tick steps for a clock axis, in seconds: round minutes and hours.
const CLOCK_STEPS: [f64; 17] = [
    1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1_800.0, 3_600.0, 7_200.0,
    10_800.0, 21_600.0, 43_200.0,
];

impl Unit {
    /// The smallest nice step of at least `raw`.
    pub fn step_at_least(self, raw: f64) -> f64 {
        if !(raw.is_finite() && raw > 0.0) {
            return 1.0;
        }
        if self == Unit::Clock {
            if let Some(s) = CLOCK_STEPS.iter().find(|s| **s >= raw) {
                return *s;
            }
            return (raw / 86_400.0).ceil() * 86_400.0;
        }
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        if matches!(self, Unit::Count | Unit::Log10) {
            step.max(1.0)
        } else {
            step
        }
    }

    /// A tick's label, with as many places as the step needs and no more.
    pub fn tick(self, v: f64, step: f64, span: f64) -> String {
        match self {
            Unit::Number | Unit::Count => grouped(v, places(step)),
            Unit::Percent => format!("{} %", grouped(v * 100.0, places(step * 100.0))),
            Unit::Usd => usd_short(v, places(step)),
            Unit::Clock => clock_tick(v, span),
            Unit::Log10 => format::whole(10f64.powf(v)),
        }
    }

    /// A value read out exactly (crosshair, table, CSV): the page's own formats.
    pub fn value(self, v: f64) -> String {
        if !v.is_finite() {
            return "—".into();
        }
        match self {
            Unit::Number => format::quantity(v),
            Unit::Count => format::whole(v),
            Unit::Percent => format!("{} %", format::trimmed(v * 100.0, 2)),
            // Charts carry dollars as f64 (`Usd::to_f64`); back to whole cents to read them.
            Unit::Usd => format::usd(Usd::from_cents((v * 100.0).round() as i128)),
            Unit::Clock => format::clock(v.round().max(0.0) as u32),
            Unit::Log10 => format::whole(10f64.powf(v)),
        }
    }

    /// What the axis title adds so a reader knows how to read the ticks.
    pub fn title_hint(self, span: f64) -> &'static str {
        match self {
            Unit::Clock if span >= 3_600.0 => " (h:mm)",
            Unit::Clock => " (mm:ss)",
            _ => "",
        }
    }
}

/// The ticks inside `range` at `step`, both ends included when they fall on a step.
pub fn ticks(range: &std::ops::Range<f64>, step: f64) -> Vec<f64> {
    if !(step > 0.0 && range.start.is_finite() && range.end.is_finite()) {
        return Vec::new();
    }
    let first = (range.start / step - 1e-9).ceil() as i64;
    let last = (range.end / step + 1e-9).floor() as i64;
    if last < first || last - first > 1_000 {
        return Vec::new();
    }
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A range from 0 to a nice value a little above `top`, at most seven steps up.
pub fn nice_top(unit: Unit, top: f64) -> f64 {
    if !(top.is_finite() && top > 0.0) {
        return 1.0;
    }
    let padded = top * 1.05;
    let step = unit.step_at_least(padded / 7.0);
    (padded / step).ceil() * step
}

/// Decimal places a tick label needs at this step: 0.5 → 1, 0.25 → 2, 20 → 0.
fn places(step: f64) -> usize {
    (0..=6)
        .find(|p| {
            let scaled = step * 10f64.powi(*p);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(6) as usize
}

/// Whole dollars, or cents when the step is below a dollar.
fn usd_short(v: f64, places: usize) -> String {
    let places = if places == 0 { 0 } else { places.max(2) };
    let text = grouped(v, places);
    match text.strip_prefix('−') {
        Some(positive) => format!("−${positive}"),
        None => format!("${text}"),
    }
}

/// "mm:ss" under an hour's span, "h:mm" from an hour up.
fn clock_tick(v: f64, span: f64) -> String {
    let t = v.round().max(0.0) as u32;
    if span >= 3_600.0 {
        format!("{}:{:02}", t / 3_600, t / 60 % 60)
    } else {
        format!("{:02}:{:02}", t / 60, t % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        let cases = [
            (0.7, 1.0),
            (1.2, 2.0),
            (2.0, 2.0),
            (3.1, 5.0),
            (17.0, 20.0),
            (0.03, 0.05),
        ];
        for (raw, step) in cases {
            assert_eq!(Unit::Number.step_at_least(raw), step, "raw {raw}");
        }
        assert_eq!(Unit::Count.step_at_least(0.3), 1.0);
        assert_eq!(Unit::Clock.step_at_least(200.0), 300.0);
        assert_eq!(Unit::Clock.step_at_least(4_000.0), 7_200.0);
        assert_eq!(Unit::Number.step_at_least(f64::NAN), 1.0);
    }

    #[test]
    fn tick_labels_read_like_the_page() {
        // (unit, tick, step, top of the axis) → label
        let cases = [
            (Unit::Number, 9_000.0, 1_000.0, 10_000.0, "9,000"),
            (Unit::Number, 0.0, 20.0, 120.0, "0"),
            (Unit::Number, 120.0, 20.0, 120.0, "120"),
            (Unit::Number, 2.5, 0.5, 5.0, "2.5"),
            (Unit::Number, 0.25, 0.05, 1.0, "0.25"),
            (Unit::Percent, 0.2, 0.2, 1.0, "20 %"),
            (Unit::Percent, 0.025, 0.005, 0.05, "2.5 %"),
            (Unit::Usd, 1_500.0, 500.0, 3_000.0, "$1,500"),
            (Unit::Usd, 0.5, 0.5, 3.0, "$0.50"),
            (Unit::Clock, 1_380.0, 300.0, 1_800.0, "23:00"),
            (Unit::Clock, 5_400.0, 1_800.0, 86_400.0, "1:30"),
            (Unit::Clock, 0.0, 1_800.0, 86_400.0, "0:00"),
            (Unit::Log10, 3.0, 1.0, 6.0, "1,000"),
        ];
        for (unit, x, step, top, label) in cases {
            assert_eq!(unit.tick(x, step, top), label, "{unit:?} {x}");
        }
        assert_eq!(Unit::Log10.step_at_least(0.4), 1.0);
    }

    #[test]
    fn values_read_like_the_page() {
        assert_eq!(Unit::Number.value(1_460.0), "1,460");
        assert_eq!(Unit::Number.value(2.5), "2.5");
        assert_eq!(Unit::Count.value(4.0), "4");
        assert_eq!(Unit::Percent.value(0.6667), "66.67 %");
        assert_eq!(Unit::Usd.value(1_358.492), "$1,358.49");
        assert_eq!(Unit::Clock.value(5_400.0), "1:30:00");
        assert_eq!(Unit::Number.value(f64::NAN), "—");
    }

    #[test]
    fn ticks_cover_the_range_at_the_step() {
        assert_eq!(ticks(&(0.0..10.0), 2.5), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(ticks(&(-0.5..1.5), 1.0), vec![0.0, 1.0]);
        assert_eq!(ticks(&(0.0..1.0), 0.0), Vec::<f64>::new());
        assert_eq!(ticks(&(0.0..f64::INFINITY), 1.0), Vec::<f64>::new());
    }

    #[test]
    fn a_fitted_top_is_nice_and_above_the_data() {
        assert_eq!(nice_top(Unit::Number, 9_000.0), 10_000.0);
        assert_eq!(nice_top(Unit::Number, 96.0), 120.0);
        assert_eq!(nice_top(Unit::Usd, 1_358.49), 1_500.0);
        assert_eq!(nice_top(Unit::Count, 2.0), 3.0);
        assert_eq!(nice_top(Unit::Number, 0.0), 1.0);
    }
}
