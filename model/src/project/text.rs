//! How the report writes numbers: the same text on the page, in print and in the Markdown.

use crate::claim::thousands;
use crate::money::{Decimal, Usd};

/// A number with `places` decimals and thousands separators: 1358.49 → "1,358.49".
pub fn grouped(x: f64, places: usize) -> String {
    let digits = format!("{:.*}", places, x.abs());
    let (whole, decimals) = digits.split_once('.').unwrap_or((&digits, ""));
    let sign = if x < 0.0 && digits.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "−"
    } else {
        ""
    };
    if decimals.is_empty() {
        format!("{sign}{}", thousands(whole))
    } else {
        format!("{sign}{}.{decimals}", thousands(whole))
    }
}

/// Three significant figures, grouped: 13.333 → "13.3", 432 → "432", 4.32 → "4.32".
pub fn figures3(x: f64) -> String {
    let a = x.abs();
    let places = if a == 0.0 || a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        (2.0 - a.log10().floor()).clamp(2.0, 9.0) as usize
    };
    trim(grouped(x, places), places)
}

/// Up to `places` decimals, trailing zeros dropped: 0.9995 as percent → "99.95".
pub fn trimmed(x: f64, places: usize) -> String {
    trim(grouped(x, places), places)
}

fn trim(s: String, places: usize) -> String {
    if places == 0 {
        s
    } else {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A share as a percentage: 0.92 → "92 %", 0.9995 → "99.95 %".
pub fn percent(fraction: f64) -> String {
    format!("{} %", trimmed(fraction * 100.0, 4))
}

/// "$1,358.49".
pub fn usd(x: Usd) -> String {
    let text = x.to_string();
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let (sign, whole) = whole.strip_prefix('-').map_or(("", whole), |w| ("−", w));
    format!("{sign}${}.{cents}", thousands(whole))
}

/// An exact quantity or unit price as typed, with grouped whole digits: "1,460", "0.0445".
pub fn exact(x: Decimal) -> String {
    let text = x.to_string();
    let (whole, decimals) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, whole) = whole.strip_prefix('-').map_or(("", whole), |w| ("−", w));
    if decimals.is_empty() {
        format!("{sign}{}", thousands(whole))
    } else {
        format!("{sign}{}.{decimals}", thousands(whole))
    }
}

/// Minutes in the unit a person would say, three figures: "52.6 min", "8.77 hours", "3.65 days".
pub fn duration(minutes: f64) -> String {
    if minutes >= 1_440.0 {
        format!("{} days", figures3(minutes / 1_440.0))
    } else if minutes >= 60.0 {
        format!("{} hours", figures3(minutes / 60.0))
    } else {
        format!("{} min", figures3(minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_worked_example_prints_them() {
        assert_eq!(grouped(1358.49, 2), "1,358.49");
        assert_eq!(figures3(13.333), "13.3");
        assert_eq!(figures3(432.0), "432");
        assert_eq!(figures3(4.32), "4.32");
        assert_eq!(figures3(0.0005), "0.0005");
        assert_eq!(percent(0.9995), "99.95 %");
        assert_eq!(usd(Usd::lit("1358.49")), "$1,358.49");
        assert_eq!(usd(Usd::lit("28")), "$28.00");
        assert_eq!(usd(Usd::from_cents(-350)), "−$3.50");
        assert_eq!(exact(Decimal::lit("1460")), "1,460");
        assert_eq!(exact(Decimal::lit("1234567.125")), "1,234,567.125");
        assert_eq!(exact(Decimal::ZERO), "0");
        assert_eq!(exact(Decimal::lit("0.0445")), "0.0445");
        assert_eq!(duration(5_259.6), "3.65 days");
        assert_eq!(duration(525.96), "8.77 hours");
        assert_eq!(duration(52.596), "52.6 min");
    }
}
