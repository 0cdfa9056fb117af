//! Deep links: a demo's parameters as `key=value` pairs after `#/<demo>?`.
//!
//! A link may be hand-edited, truncated or hostile. Reading one never fails:
//! each value that cannot be used is reported as [`Ignored`] (so the page can
//! say what it ignored) and the worked example's default stands in for it.

/// Longest value read from a link; anything longer is ignored unread.
pub const MAX_VALUE_LEN: usize = 4_096;
/// Most pairs read from one link.
pub const MAX_PAIRS: usize = 64;

/// The pairs of a link's query string, decoded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Reads `a=1&b=two`; a leading `?` is allowed.
    pub fn parse(query: &str) -> Query {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs = form_urlencoded::parse(query.as_bytes())
            .take(MAX_PAIRS)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query { pairs }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.pairs.iter().map(|(k, _)| k.as_str())
    }

    /// Writes pairs as a query string (without the `?`).
    pub fn encode<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            out.append_pair(k, &v);
        }
        out.finish()
    }
}

/// A location in the lab: `#/<page>?<query>`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Route {
    /// The page's id: "" for home, else a demo's id.
    pub page: String,
    pub query: Query,
}

impl Route {
    /// Reads a `location.hash` such as `#/availability?slo=99.9`.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#').trim_start_matches('/');
        let (page, query) = hash.split_once('?').unwrap_or((hash, ""));
        Route {
            page: page.trim_end_matches('/').chars().take(64).collect(),
            query: Query::parse(query),
        }
    }

    /// The hash for a page with the given query (empty query: no `?`).
    pub fn hash(page: &str, query: &str) -> String {
        if query.is_empty() {
            format!("#/{page}")
        } else {
            format!("#/{page}?{query}")
        }
    }
}

/// A value from a link that was not used, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    pub key: String,
    /// The value as given, shortened for display.
    pub value: String,
    pub reason: String,
}

impl std::fmt::Display for Ignored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}: {}", self.key, self.value, self.reason)
    }
}

/// State that lives in a link. `to_query` then `from_query` gives the state back.
pub trait LinkState: Default + Sized {
    /// The pairs that differ from the worked example's defaults.
    fn to_query(&self) -> String;
    fn from_query(query: &Query) -> (Self, Vec<Ignored>);
}

/// Reads typed values from a [`Query`], collecting what it had to ignore.
pub struct LinkReader<'q> {
    query: &'q Query,
    known: Vec<&'static str>,
    ignored: Vec<Ignored>,
}

impl<'q> LinkReader<'q> {
    pub fn new(query: &'q Query) -> Self {
        LinkReader {
            query,
            known: Vec::new(),
            ignored: Vec::new(),
        }
    }

    /// The raw text for `key`, if present and not too long.
    pub fn text(&mut self, key: &'static str) -> Option<&'q str> {
        self.known.push(key);
        let value = self.query.get(key)?;
        if value.len() > MAX_VALUE_LEN {
            self.ignore(
                key,
                value,
                format!("longer than {MAX_VALUE_LEN} characters"),
            );
            return None;
        }
        Some(value)
    }

    /// Whether the link holds `key` at all, usable or not: a repair moves the value a link
    /// did not set rather than one it did.
    pub fn has(&self, key: &str) -> bool {
        self.query.get(key).is_some()
    }

    /// A finite number in `[min, max]`.
    pub fn number(&mut self, key: &'static str, min: f64, max: f64) -> Option<f64> {
        let raw = self.text(key)?;
        match raw.trim().parse::<f64>() {
            Ok(x) if x.is_finite() && (min..=max).contains(&x) => Some(x),
            Ok(x) if x.is_finite() => {
                self.ignore(key, raw, format!("outside {min}–{max}"));
                None
            }
            _ => {
                self.ignore(key, raw, "not a number".into());
                None
            }
        }
    }

    /// A decimal in `[min, max]`, read exactly as written (a price: `0.0445` stays 0.0445).
    pub fn decimal(
        &mut self,
        key: &'static str,
        min: crate::money::Decimal,
        max: crate::money::Decimal,
    ) -> Option<crate::money::Decimal> {
        let raw = self.text(key)?;
        match crate::money::Decimal::parse(raw) {
            Some(x) if (min..=max).contains(&x) => Some(x),
            Some(_) => {
                self.ignore(key, raw, format!("outside {min}–{max}"));
                None
            }
            None => {
                self.ignore(key, raw, "not a number".into());
                None
            }
        }
    }

    /// A whole number in `[min, max]`.
    pub fn whole(&mut self, key: &'static str, min: u32, max: u32) -> Option<u32> {
        let raw = self.text(key)?;
        match raw.trim().parse::<i64>() {
            Ok(x) if (i64::from(min)..=i64::from(max)).contains(&x) => u32::try_from(x).ok(),
            Ok(_) => {
                self.ignore(key, raw, format!("outside {min}–{max}"));
                None
            }
            Err(_) => {
                self.ignore(key, raw, "not a whole number".into());
                None
            }
        }
    }

    /// One of named options.
    pub fn choice<T: Copy>(&mut self, key: &'static str, options: &[(&str, T)]) -> Option<T> {
        let raw = self.text(key)?;
        match options.iter().find(|(name, _)| *name == raw) {
            Some((_, value)) => Some(*value),
            None => {
                let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
                self.ignore(key, raw, format!("expected one of {}", names.join(", ")));
                None
            }
        }
    }

    /// On / off, as `1` / `0`.
    pub fn flag(&mut self, key: &'static str) -> Option<bool> {
        self.choice(key, &[("1", true), ("0", false)])
    }

    /// Records a value the caller could not use.
    pub fn ignore(&mut self, key: &str, value: &str, reason: String) {
        self.ignored.push(Ignored {
            key: shorten(key),
            value: shorten(value),
            reason,
        });
    }

    /// What was ignored, including keys no reader asked for.
    pub fn finish(mut self) -> Vec<Ignored> {
        for key in self.query.keys() {
            if !self.known.contains(&key) && !GLOBAL_KEYS.contains(&key) {
                self.ignored.push(Ignored {
                    key: shorten(key),
                    value: shorten(self.query.get(key).unwrap_or_default()),
                    reason: "not a setting of this demo".into(),
                });
            }
        }
        self.ignored
    }
}

/// Keys the shell reads on every page: the vocabulary toggle, `linked=0` for a demo
/// explored apart from the shared PhotoShare, `embed=1` for the page alone in an iframe, and
/// `exercise=<slug>` to open one exercise.
pub const GLOBAL_KEYS: [&str; 4] = ["cloud", "linked", "embed", "exercise"];

fn shorten(s: &str) -> String {
    const SHOWN: usize = 40;
    if s.chars().count() <= SHOWN {
        s.to_string()
    } else {
        let head: String = s.chars().take(SHOWN).collect();
        format!("{head}…")
    }
}

/// Formats a number for a link: no trailing zeros, no exponent for the lab's ranges.
pub fn number_text(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A list a link writes as text, `item,item,…` (availability's path and incidents, the
/// failure drill's failures, a custom load): each item read by `item` with its index, at most
/// `max` of them (`things` names them in the message), the first problem in the text's order.
pub fn parse_list<T>(
    text: &str,
    max: usize,
    things: &str,
    mut item: impl FnMut(usize, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    text.split(',')
        .enumerate()
        .map(|(i, x)| {
            if i >= max {
                Err(format!("more than {max} {things}"))
            } else {
                item(i, x)
            }
        })
        .collect()
}

/// A percentage from a link as a fraction, snapped to 12 places so that
/// `99.99` reads back as exactly `0.9999`.
pub fn from_percent(x: f64) -> f64 {
    (x / 100.0 * 1e12).round() / 1e12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_reads_page_and_query() {
        let r = Route::parse("#/availability?slo=99.9&cloud=azure");
        assert_eq!(r.page, "availability");
        assert_eq!(r.query.get("slo"), Some("99.9"));
        assert_eq!(r.query.get("cloud"), Some("azure"));
        assert_eq!(Route::parse("").page, "");
        assert_eq!(Route::parse("#/").page, "");
        assert_eq!(Route::parse("#/cost/").page, "cost");
    }

    #[test]
    fn encode_then_parse_round_trips_awkward_text() {
        let q = Query::encode([("a", "x&y=z #<script>".to_string()), ("b", "1".into())]);
        let back = Query::parse(&q);
        assert_eq!(back.get("a"), Some("x&y=z #<script>"));
        assert_eq!(back.get("b"), Some("1"));
    }

    #[test]
    fn reader_reports_each_bad_value_and_unknown_keys() {
        let q = Query::parse("n=abc&m=5&w=-3&c=blue&x=1&cloud=azure&ok=2.5");
        let mut r = LinkReader::new(&q);
        assert_eq!(r.number("n", 0.0, 1.0), None);
        assert_eq!(r.number("m", 0.0, 1.0), None);
        assert_eq!(r.whole("w", 0, 10), None);
        assert_eq!(r.choice("c", &[("red", 1), ("green", 2)]), None);
        assert_eq!(r.number("ok", 0.0, 5.0), Some(2.5));
        assert_eq!(r.number("absent", 0.0, 5.0), None);
        let said: Vec<String> = r.finish().iter().map(Ignored::to_string).collect();
        assert_eq!(
            said,
            [
                "n=abc: not a number",
                "m=5: outside 0–1",
                "w=-3: outside 0–10",
                "c=blue: expected one of red, green",
                "x=1: not a setting of this demo"
            ]
        );
    }

    #[test]
    fn decimals_are_read_as_written() {
        use crate::money::Decimal;
        let q = Query::parse("p=0.0445&n=-1&x=abc&e=4.45e-2");
        let mut r = LinkReader::new(&q);
        let price = Some(Decimal::lit("0.0445"));
        for (key, read) in [("p", price), ("e", price), ("n", None), ("x", None)] {
            assert_eq!(
                r.decimal(key, Decimal::ZERO, Decimal::whole(10)),
                read,
                "{key}"
            );
        }
        let ignored = r.finish();
        assert_eq!(ignored[0].reason, "outside 0–10");
        assert_eq!(ignored[1].reason, "not a number");
    }

    #[test]
    fn nan_and_infinity_are_not_numbers() {
        let q = Query::parse("a=NaN&b=inf&c=-infinity");
        let mut r = LinkReader::new(&q);
        for key in ["a", "b", "c"] {
            assert_eq!(r.number(key, f64::MIN, f64::MAX), None);
        }
        assert_eq!(r.finish().len(), 3);
    }

    #[test]
    fn a_huge_value_is_ignored_and_shortened() {
        let q = Query::parse(&format!("a={}", "9".repeat(1_000_000)));
        let mut r = LinkReader::new(&q);
        assert_eq!(r.number("a", 0.0, 1.0), None);
        let ignored = r.finish();
        assert_eq!(ignored.len(), 1);
        assert!(ignored[0].value.chars().count() <= 41);
    }

    #[test]
    fn number_text_is_short() {
        for (x, s) in [(99.9, "99.9"), (2.0, "2"), (0.0445, "0.0445"), (-0.0, "0")] {
            assert_eq!(number_text(x), s);
        }
    }
}
