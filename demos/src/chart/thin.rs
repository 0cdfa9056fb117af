//! Thinning a series to what the screen can show: per pixel column, the first, lowest,
//! highest and last point, in order. The line drawn through them covers exactly the pixels
//! the full line would (a one-sample spike survives), with at most four points a column.

/// `points` in pixels, in x order; `step` holds each value until the next point first.
pub fn thin(points: impl Iterator<Item = (f64, f64)>, step: bool) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    let mut column: Option<Column> = None;
    let mut previous: Option<(f64, f64)> = None;
    let push = |p: (f64, f64), column: &mut Option<Column>, out: &mut Vec<(f64, f64)>| {
        let c = p.0.floor();
        match column {
            Some(col) if col.x == c => col.add(p),
            _ => {
                if let Some(col) = column.take() {
                    col.emit(out);
                }
                *column = Some(Column::new(c, p));
            }
        }
    };
    for p in points {
        if step {
            if let Some(prev) = previous {
                push((p.0, prev.1), &mut column, &mut out);
            }
        }
        push(p, &mut column, &mut out);
        previous = Some(p);
    }
    if let Some(col) = column {
        col.emit(&mut out);
    }
    out
}

/// The points of one pixel column seen so far.
#[derive(Clone, Copy)]
struct Column {
    x: f64,
    first: (f64, f64),
    low: (f64, f64),
    high: (f64, f64),
    last: (f64, f64),
    /// Order in which low and high came, so the line goes through them as the data did.
    low_first: bool,
    count: usize,
}

impl Column {
    fn new(x: f64, p: (f64, f64)) -> Column {
        Column {
            x,
            first: p,
            low: p,
            high: p,
            last: p,
            low_first: true,
            count: 1,
        }
    }

    fn add(&mut self, p: (f64, f64)) {
        if p.1 < self.low.1 {
            self.low = p;
            self.low_first = false;
        }
        if p.1 > self.high.1 {
            self.high = p;
            self.low_first = true;
        }
        self.last = p;
        self.count += 1;
    }

    fn emit(self, out: &mut Vec<(f64, f64)>) {
        let (a, b) = if self.low_first {
            (self.low, self.high)
        } else {
            (self.high, self.low)
        };
        let candidates: &[(f64, f64)] = match self.count {
            1 => &[self.first],
            2 => &[self.first, self.last],
            _ => &[self.first, a, b, self.last],
        };
        for p in candidates {
            if out.last() != Some(p) {
                out.push(*p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_hold_each_value_until_the_next_point() {
        let pts = [(0.0, 5.0), (20.0, 3.0), (40.0, 1.0)];
        assert_eq!(
            thin(pts.into_iter(), true),
            vec![
                (0.0, 5.0),
                (20.0, 5.0),
                (20.0, 3.0),
                (40.0, 3.0),
                (40.0, 1.0)
            ]
        );
    }

    #[test]
    fn a_dense_series_keeps_at_most_four_points_a_column_and_its_spike() {
        // 10,000 samples over 100 pixel columns, one spike in the middle.
        let pts = (0..10_000).map(|i| {
            let x = f64::from(i) / 100.0;
            let y = if i == 5_050 {
                500.0
            } else {
                100.0 + f64::from(i % 7)
            };
            (x, y)
        });
        let out = thin(pts, false);
        assert!(out.len() <= 4 * 100, "{} points", out.len());
        assert!(out.iter().any(|p| p.1 == 500.0), "the spike is lost");
        assert_eq!(out.first(), Some(&(0.0, 100.0)));
        assert!(out.windows(2).all(|w| w[0].0 <= w[1].0), "out of order");
    }

    #[test]
    fn a_sparse_series_is_kept_as_it_is() {
        let pts = vec![(0.0, 1.0), (10.0, 4.0), (30.0, 2.0)];
        assert_eq!(thin(pts.clone().into_iter(), false), pts);
    }
}
