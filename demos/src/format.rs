//! How numbers read on the page. Formatting only: every value comes from the model.

use cloud_lab_model::money::Decimal;
use cloud_lab_model::project::text;

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

/// An exact amount with thousands separators and cents: "$1,358.49", as the report writes it.
pub use text::usd;

/// A number with at most `places` decimals, trailing zeros dropped: 2.80 → "2.8", 16.0 → "16".
pub fn trimmed(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Seconds to three figures: "0.125 s", "3.04 s", "24.3 s", "360 s".
pub fn seconds(s: f64) -> String {
    let places = if s.abs() < 1.0 {
        3
    } else if s.abs() < 10.0 {
        2
    } else if s.abs() < 100.0 {
        1
    } else {
        0
    };
    format!("{} s", trimmed(s, places))
}

/// A unit price, exactly, to as many places as it has and at least the cents:
/// "$0.0543", "$0.20", "$0.0000166667".
pub fn usd_price(x: Decimal) -> String {
    let text = x.to_string();
    let places = text.split_once('.').map_or(0, |(_, f)| f.len());
    match places {
        0 => format!("${text}.00"),
        1 => format!("${text}0"),
        _ => format!("${text}"),
    }
}

/// An exact quantity with thousands separators and every decimal it has: "3,650", "2.5".
pub use text::exact as exact_quantity;

/// A quantity with thousands separators and at most two decimals: 1460 → "1,460", 2.5 → "2.5".
pub fn quantity(x: f64) -> String {
    let s = quantity_places(x, 2);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A number with thousands separators and exactly `places` decimals: (1500, 0) → "1,500".
pub fn quantity_places(x: f64, places: usize) -> String {
    if x.is_finite() {
        text::grouped(x, places)
    } else {
        String::new()
    }
}

/// A share for figures that can be vanishingly small: 3 significant figures, or "< 0.0001 %".
pub fn small_percent(fraction: f64) -> String {
    let pct = fraction * 100.0;
    if !pct.is_finite() || pct <= 0.0 {
        "0 %".to_string()
    } else if pct < 0.0001 {
        "< 0.0001 %".to_string()
    } else if pct >= 10.0 {
        format!("{pct:.1} %")
    } else {
        let places = (2.0 - pct.log10().floor()).clamp(0.0, 6.0) as usize;
        format!("{pct:.places$} %")
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

/// A whole number with thousands separators: 9000.0 → "9,000".
pub fn whole(x: f64) -> String {
    if x.is_finite() {
        text::grouped(x, 0)
    } else {
        String::from("—")
    }
}

/// A rate of requests: "9,000 req/s".
pub fn per_s(x: f64) -> String {
    format!("{} req/s", whole(x))
}

/// A time into a run as a clock: 1,380 s → "23:00", 5,400 s → "1:30:00".
pub fn clock(t_s: u32) -> String {
    let (h, m, s) = (t_s / 3_600, t_s / 60 % 60, t_s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A short span in words: 180 → "3 min", 75 → "1 min 15 s", 45 → "45 s".
pub fn span(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A rate of requests that may be small: one decimal below 100, "9.6 req/s", else as [`per_s`].
pub fn per_s_fine(x: f64) -> String {
    if x.is_finite() && x.abs() < 100.0 {
        format!("{} req/s", trimmed(x, 1))
    } else {
        per_s(x)
    }
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
        assert_eq!(percent(0.104166, 1), "10.4 %");
        assert_eq!(availability(0.999275), "99.928 %");
        assert_eq!(trimmed(2.80, 3), "2.8");
        assert_eq!(trimmed(16.0, 2), "16");
        assert_eq!(trimmed(981.0 / 1024.0, 2), "0.96");
        assert_eq!(seconds(0.125), "0.125 s");
        assert_eq!(seconds(3.04), "3.04 s");
        assert_eq!(seconds(70.32), "70.3 s");
        assert_eq!(seconds(360.0), "360 s");
        assert_eq!(field(f64::NAN), "");
        assert_eq!(field(99.95), "99.95");
        assert_eq!(usd_price(Decimal::lit("0.0543")), "$0.0543");
        assert_eq!(usd_price(Decimal::lit("0.20")), "$0.20");
        assert_eq!(usd_price(Decimal::lit("28")), "$28.00");
        assert_eq!(usd_price(Decimal::lit("0.0000166667")), "$0.0000166667");
        assert_eq!(quantity(1_460.0), "1,460");
        assert_eq!(quantity(2_048.0), "2,048");
        assert_eq!(quantity(0.5), "0.5");
        assert_eq!(quantity(252_288_000.0), "252,288,000");
        assert_eq!(quantity(-0.001), "0");
        assert_eq!(quantity(-2.5), "−2.5");
        assert_eq!(quantity_places(1_500.0, 0), "1,500");
        assert_eq!(quantity_places(0.5, 2), "0.50");
        assert_eq!(small_percent(0.0), "0 %");
        assert_eq!(small_percent(1e-12), "< 0.0001 %");
        assert_eq!(small_percent(0.5488), "54.9 %");
        assert_eq!(small_percent(0.0123), "1.23 %");
        assert_eq!(per_s(9_000.0), "9,000 req/s");
        assert_eq!(per_s_fine(9.6), "9.6 req/s");
        assert_eq!(per_s_fine(96.0), "96 req/s");
        assert_eq!(per_s_fine(1_200.0), "1,200 req/s");
        assert_eq!(whole(1_234_567.4), "1,234,567");
        assert_eq!(whole(96.0), "96");
        assert_eq!(clock(1_380), "23:00");
        assert_eq!(clock(5_400), "1:30:00");
        assert_eq!(clock(86_400), "24:00:00");
        assert_eq!(span(180), "3 min");
        assert_eq!(span(75), "1 min 15 s");
        assert_eq!(span(15), "15 s");
    }
}
