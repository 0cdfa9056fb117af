//! Reading a chart's values at a point: what the crosshair shows and announces, and the
//! rows of its table and CSV. Every value goes through its axis's [`Unit`], so all of them
//! read alike.

use super::spec::{ChartSpec, Mark, Series, Tone};
use cloud_lab_model::sort;

/// The x positions the crosshair stops at: every x where a named series has a point
/// (bars: each bar), in order, without repeats.
pub fn stops(spec: &ChartSpec) -> Vec<f64> {
    if !spec.bars.is_empty() {
        return (0..spec.bars.len()).map(|i| i as f64).collect();
    }
    let mut xs: Vec<f64> = named(spec)
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .filter(|x| x.is_finite())
        .collect();
    sort::by_key(&mut xs, |&x| sort::f64_key(x));
    xs.dedup();
    xs
}

/// The stop nearest to `x`, by index into `stops`.
pub fn nearest(stops: &[f64], x: f64) -> Option<usize> {
    let i = stops.partition_point(|s| *s < x);
    match (i.checked_sub(1), stops.get(i)) {
        (Some(before), Some(after)) if x - stops[before] <= after - x => Some(before),
        (_, Some(_)) => Some(i),
        (Some(before), None) => Some(before),
        (None, None) => None,
    }
}

/// One series' value at a stop.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub label: String,
    pub tone: Tone,
    pub y: f64,
    pub text: String,
}

/// What the chart shows at one stop.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub x: f64,
    pub x_text: String,
    pub values: Vec<Value>,
}

impl Reading {
    /// The reading in one sentence, for the readout line and for screen readers.
    pub fn sentence(&self, spec: &ChartSpec) -> String {
        let values: Vec<String> = self
            .values
            .iter()
            .map(|v| format!("{} {}", v.label, v.text))
            .collect();
        let at = if spec.bars.is_empty() && !spec.x_label.is_empty() {
            format!("{} {}", spec.x_label, self.x_text)
        } else {
            self.x_text.clone()
        };
        format!("{at}: {}", values.join(", "))
    }
}

/// The values of every named series (or the bar's segments) at `x`.
pub fn reading(spec: &ChartSpec, x: f64) -> Reading {
    if !spec.bars.is_empty() {
        let bar = spec.bars.get(x.round().max(0.0) as usize);
        let mut values: Vec<Value> = bar
            .into_iter()
            .flat_map(|b| &b.segments)
            .map(|(label, y, tone)| Value {
                label: label.clone(),
                tone: *tone,
                y: *y,
                text: spec.y_unit.value(*y),
            })
            .collect();
        if values.len() > 1 {
            let total: f64 = values.iter().map(|v| v.y).sum();
            values.push(Value {
                label: "total".into(),
                tone: Tone::Muted,
                y: total,
                text: spec.y_unit.value(total),
            });
        }
        return Reading {
            x,
            x_text: bar.map(|b| b.label.clone()).unwrap_or_default(),
            values,
        };
    }
    Reading {
        x,
        x_text: spec.x_unit.value(x),
        values: named(spec)
            .filter_map(|s| {
                let y = value_at(s, x)?;
                Some(Value {
                    label: s.label.clone(),
                    tone: s.tone,
                    y,
                    text: spec.y_unit.value(y),
                })
            })
            .collect(),
    }
}

/// The chart as a table: a header row, then one row per stop, every cell as the page
/// writes it. Shown under "Show as table" and saved as CSV.
pub fn table(spec: &ChartSpec) -> (Vec<String>, Vec<Vec<String>>) {
    let at = |x: f64| reading(spec, x);
    if !spec.bars.is_empty() {
        let mut header = vec![String::new()];
        for x in stops(spec) {
            for v in at(x).values {
                if !header.contains(&v.label) {
                    header.push(v.label);
                }
            }
        }
        let rows = stops(spec)
            .into_iter()
            .map(|x| {
                let r = at(x);
                let mut row = vec![r.x_text];
                row.extend(header[1..].iter().map(|h| {
                    let v = r.values.iter().find(|v| &v.label == h);
                    v.map(|v| v.text.clone()).unwrap_or_default()
                }));
                row
            })
            .collect();
        header[0] = spec.y_label.clone();
        return (header, rows);
    }
    let series: Vec<&Series> = named(spec).collect();
    let mut header = vec![spec.x_label.clone()];
    header.extend(series.iter().map(|s| s.label.clone()));
    let rows = stops(spec)
        .into_iter()
        .map(|x| {
            let mut row = vec![spec.x_unit.value(x)];
            row.extend(
                series
                    .iter()
                    .map(|s| value_at(s, x).map_or(String::new(), |y| spec.y_unit.value(y))),
            );
            row
        })
        .collect();
    (header, rows)
}

/// The table as CSV (RFC 4180): cells quoted when they hold a comma, a quote or a line break.
pub fn csv(header: &[String], rows: &[Vec<String>]) -> String {
    let cell = |c: &String| {
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .map(|row| row.iter().map(cell).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

/// Series with a name (unnamed ones only draw, as the legend does not list them).
fn named(spec: &ChartSpec) -> impl Iterator<Item = &Series> {
    spec.series
        .iter()
        .filter(|s| !s.label.is_empty() && !s.points.is_empty())
}

/// A series' value at `x`: a step holds its last value, a line is read between its points;
/// nothing before its first point or after its last.
fn value_at(series: &Series, x: f64) -> Option<f64> {
    let points = &series.points;
    if !(points.first()?.0 <= x && x <= points.last()?.0) {
        return None;
    }
    let after = points.partition_point(|p| p.0 <= x);
    let before = *points.get(after.checked_sub(1)?)?;
    if before.0 == x || series.mark == Mark::Step {
        return Some(before.1);
    }
    let next = points.get(after)?;
    let t = (x - before.0) / (next.0 - before.0);
    Some(before.1 + t * (next.1 - before.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::axis::Unit;
    use crate::chart::spec::Bar;

    fn spec() -> ChartSpec {
        ChartSpec::new("time", "tasks")
            .x(0.0..600.0)
            .x_unit(Unit::Clock)
            .y_unit(Unit::Count)
            .series([
                Series::step(
                    "desired",
                    vec![(0.0, 4.0), (120.0, 6.0), (300.0, 8.0)],
                    Tone::First,
                ),
                Series::line("load", vec![(0.0, 0.0), (300.0, 3_000.0)], Tone::Second),
                Series::dashed("", vec![(0.0, 1.0), (600.0, 1.0)], Tone::Muted),
            ])
    }

    #[test]
    fn the_crosshair_stops_where_named_series_have_points() {
        assert_eq!(stops(&spec()), vec![0.0, 120.0, 300.0]);
        assert_eq!(nearest(&[0.0, 120.0, 300.0], 70.0), Some(1));
        assert_eq!(nearest(&[0.0, 120.0, 300.0], 50.0), Some(0));
        assert_eq!(nearest(&[0.0, 120.0, 300.0], 9_999.0), Some(2));
        assert_eq!(nearest(&[], 1.0), None);
    }

    #[test]
    fn a_reading_holds_steps_and_reads_lines_between_points() {
        let r = reading(&spec(), 120.0);
        assert_eq!(r.x_text, "02:00");
        let texts: Vec<(&str, &str)> = r
            .values
            .iter()
            .map(|v| (v.label.as_str(), v.text.as_str()))
            .collect();
        assert_eq!(texts, vec![("desired", "6"), ("load", "1,200")]);
        assert_eq!(r.sentence(&spec()), "time 02:00: desired 6, load 1,200");
        assert_eq!(reading(&spec(), 200.0).values[0].y, 6.0);
    }

    #[test]
    fn the_table_has_a_row_per_stop_and_a_column_per_named_series() {
        let (header, rows) = table(&spec());
        assert_eq!(header, vec!["time", "desired", "load"]);
        assert_eq!(rows[2], vec!["05:00", "8", "3,000"]);
        assert_eq!(
            csv(&header, &rows[2..]),
            "time,desired,load\r\n05:00,8,\"3,000\"\r\n"
        );
    }

    #[test]
    fn bars_read_their_segments_and_total() {
        let bar = |label: &str, a: f64, b: f64| Bar {
            label: label.into(),
            segments: vec![
                ("compute".into(), a, Tone::First),
                ("storage".into(), b, Tone::Second),
            ],
        };
        let spec = ChartSpec::new("", "$ a month").y_unit(Unit::Usd).bars(vec![
            bar("on demand", 1_000.0, 358.49),
            bar("optimized", 700.0, 347.63),
        ]);
        let r = reading(&spec, 1.0);
        assert_eq!(
            r.sentence(&spec),
            "optimized: compute $700.00, storage $347.63, total $1,047.63"
        );
        let (header, rows) = table(&spec);
        assert_eq!(header, vec!["$ a month", "compute", "storage", "total"]);
        assert_eq!(
            rows[0],
            vec!["on demand", "$1,000.00", "$358.49", "$1,358.49"]
        );
    }
}
