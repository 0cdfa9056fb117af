//! How numbers read on the page. Formatting only: every value comes from the model.

/// 0.9995 → "99.95 %", with as many places as asked (trailing zeros kept for tables).
pub fn percent(fraction: f64, places: usize) -> String {
    format!("{:.*} %", places, fraction * 100.0)
}

/// An availability with enough places to tell nines apart: 0.99927 → "99.927 %".
pub fn availability(fraction: f64) -> String {
    let places = if fraction >= 0.9999 { 4 } else { 3 };
    percent(fraction, places)
}

/// Minutes, with one decimal below 100 and none above: "43.2 min", "432 min".
pub fn minutes(m: f64) -> String {
    if m.abs() < 10.0 {
        format!("{m:.2} min")
    } else if m.abs() < 100.0 {
        format!("{m:.1} min")
    } else {
        format!("{m:.0} min")
    }
}

/// A duration in the unit a person would say: "52.6 min", "8.77 hours", "3.65 days".
pub fn duration(m: f64) -> String {
    let three_figures = |x: f64, unit: &str| {
        let places = if x < 10.0 {
            2
        } else if x < 100.0 {
            1
        } else {
            0
        };
        format!("{x:.places$} {unit}")
    };
    if m < 60.0 {
        three_figures(m, "min")
    } else if m < 24.0 * 60.0 {
        three_figures(m / 60.0, "hours")
    } else {
        three_figures(m / (24.0 * 60.0), "days")
    }
}

/// Dollars with thousands separators and cents: "$1,358.49".
pub fn usd(x: f64) -> String {
    let negative = x < 0.0;
    let cents = (x.abs() * 100.0).round() as u64;
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!(
        "{}${grouped}.{:02}",
        if negative { "−" } else { "" },
        cents % 100
    )
}

/// A share to three significant figures, for budgets spent: "0.868 %", "4.63 %", "69.4 %", "100 %".
pub fn percent_3_figures(fraction: f64) -> String {
    let x = (fraction * 100.0).abs();
    let places = if x < 1.0 {
        3
    } else if x < 10.0 {
        2
    } else if x < 100.0 {
        1
    } else {
        0
    };
    percent(fraction, places)
}

/// Seconds as a clock reading from the start: "10:05", "1:02:03".
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3_600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A value for a form field: NaN shows as empty rather than "NaN".
pub fn field(x: f64) -> String {
    if x.is_finite() {
        cloud_lab_model::link::number_text(x)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_worked_examples_figures() {
        assert_eq!(minutes(43.2), "43.2 min");
        assert_eq!(minutes(432.0), "432 min");
        assert_eq!(minutes(4.32), "4.32 min");
        assert_eq!(duration(0.01 * 365.25 * 24.0 * 60.0), "3.65 days");
        assert_eq!(duration(0.001 * 365.25 * 24.0 * 60.0), "8.77 hours");
        assert_eq!(duration(0.0005 * 365.25 * 24.0 * 60.0), "4.38 hours");
        assert_eq!(duration(0.0001 * 365.25 * 24.0 * 60.0), "52.6 min");
        assert_eq!(usd(1358.492), "$1,358.49");
        assert_eq!(usd(1047.6288), "$1,047.63");
        assert_eq!(usd(28.0), "$28.00");
        assert_eq!(usd(-3.5), "−$3.50");
        assert_eq!(percent(0.104166, 1), "10.4 %");
        assert_eq!(availability(0.999275), "99.928 %");
        assert_eq!(field(f64::NAN), "");
        assert_eq!(field(99.95), "99.95");
        assert_eq!(percent_3_figures(0.375 / 43.2), "0.868 %");
        assert_eq!(percent_3_figures(2.0 / 43.2), "4.63 %");
        assert_eq!(percent_3_figures(30.0 / 43.2), "69.4 %");
        assert_eq!(percent_3_figures(1.5), "150 %");
        assert_eq!(clock(605), "10:05");
        assert_eq!(clock(3_723), "1:02:03");
        assert_eq!(clock(0), "0:00");
    }
}
