//! What the model's test files share: odd numbers to feed a model, and the checks every
//! demo's link goes through. Each test file is its own crate and uses only a part of this.
#![allow(dead_code)]

use std::fmt::Debug;
use std::ops::Range;

use cloud_lab_model::link::{Ignored, LinkState, Query};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Any `f64` a hand-edited link or a slider's text could give: not-a-number, the infinities,
/// any bit pattern, a little around 0..1, and the model's `typical` range.
pub fn any_f64(typical: Range<f64>) -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        any::<f64>(),
        -1.0..2.0f64,
        typical,
    ]
}

/// A decimal as text: up to `max_units` units over up to `max_places` places.
pub fn decimal_text(max_units: u64, max_places: u32) -> impl Strategy<Value = String> {
    (0..=max_units, 0..=max_places).prop_map(|(units, places)| {
        let digits = format!("{units:0>width$}", width = places as usize + 1);
        let (whole, fraction) = digits.split_at(digits.len() - places as usize);
        if fraction.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{fraction}")
        }
    })
}

/// Any price a link could hold: negative, above the lab's largest, any decimal up to 18 places.
pub fn any_price_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("-1".to_string()),
        Just("1000000.01".to_string()),
        decimal_text(u64::MAX, 18),
    ]
}

/// `p` writes the link `expected`, and that link reads back to `p` with nothing ignored.
pub fn assert_link<P: LinkState + PartialEq + Debug>(p: &P, expected: &str) {
    assert_eq!(p.to_query(), expected);
    assert_round_trip(p);
}

/// `p`'s link reads back to `p` with nothing ignored.
pub fn assert_round_trip<P: LinkState + PartialEq + Debug>(p: &P) {
    let (back, ignored) = P::from_query(&Query::parse(&p.to_query()));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(&back, p);
}

/// Reads a link's text: the params, and the keys it ignored in the order it read them.
pub fn read_link<P: LinkState>(text: &str) -> (P, Vec<Ignored>) {
    P::from_query(&Query::parse(text))
}

/// A link of bad values reads as the defaults and names each key it ignored, in the order it
/// read them (the table's); gives what it ignored, for a test to read the reasons.
pub fn assert_bad_link<P: LinkState + PartialEq + Debug>(
    text: &str,
    ignored_keys: &[&str],
) -> Vec<Ignored> {
    let (p, ignored) = read_link::<P>(text);
    assert_eq!(p, P::default());
    assert_eq!(keys(&ignored), ignored_keys);
    ignored
}

/// The keys of what a link reader ignored, in its order.
pub fn keys(ignored: &[Ignored]) -> Vec<&str> {
    ignored.iter().map(|i| i.key.as_str()).collect()
}

/// `key=value` pairs joined as a link's query (unescaped, as a hand-edited link may be).
pub fn link_text<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    let pairs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", k.as_ref(), v.as_ref()))
        .collect();
    pairs.join("&")
}

/// Inside `proptest!`: `p`'s link reads back to `p` with nothing ignored.
pub fn round_trips<P: LinkState + PartialEq + Debug>(p: &P) -> Result<(), TestCaseError> {
    let (back, ignored) = P::from_query(&Query::parse(&p.to_query()));
    prop_assert!(ignored.is_empty(), "{:?}", ignored);
    prop_assert_eq!(&back, p);
    Ok(())
}
