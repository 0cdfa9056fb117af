//! The worked example's figures beside the live ones, as data; and the careful reader's
//! notes where the worked example departs from the real systems.
//!
//! A [`Claim`] is one comparison: a label, the figure exactly as the worked example prints
//! it, the rounding the printed figure shows, and how to get the live value from a demo's
//! params and outcome. The badges, the tour and the golden tests all read the same claims,
//! and a ✓ appears only when the live value, rounded as printed, is the printed figure.
//! A claim is only ever made for a figure the worked example prints.

/// How a printed figure is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// To this many decimal places: "43.2 min" is `Places(1)`, "$1,358.49" `Places(2)`,
    /// "14" and "~60 s" `Places(0)`.
    Places(u8),
    /// Words, compared exactly: "tf-locks", "survives 1 AZ loss".
    Words,
}

/// The live side of a claim, in the printed figure's unit (percent as 99.9, not 0.999).
#[derive(Clone, Debug, PartialEq)]
pub enum Live {
    Number(f64),
    Words(String),
}

/// A live number, as most claims' `live` gives it.
pub fn number(x: f64) -> Option<Live> {
    Some(Live::Number(x))
}

/// A figure the worked example prints, and how a demo's params `P` and outcome `O`
/// give it. `live` answers `None` where the figure does not apply (no 30-minute outage
/// in the month): the badge then shows the printed figure without a ✓.
pub struct Claim<P, O = ()> {
    pub label: &'static str,
    /// Exactly as printed, unit and "≈" included.
    pub printed: &'static str,
    pub rounding: Rounding,
    pub live: fn(&P, &O) -> Option<Live>,
}

impl<P, O> Clone for Claim<P, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P, O> Copy for Claim<P, O> {}

impl<P, O> std::fmt::Debug for Claim<P, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Claim({}: {})", self.label, self.printed)
    }
}

/// A demo's claims as consts of its type, which the views name (`Cost::ON_DEMAND`), one
/// claim a line or two: `NAME: label, printed, rounding, live;`, the rounding a
/// [`Rounding`] variant (`Places(2)`, `Words`).
#[macro_export]
macro_rules! claims {
    ($demo:ident: $params:ty => $outcome:ty {
        $($(#[$attr:meta])* $name:ident: $label:expr, $printed:expr,
            $rounding:ident $(($places:literal))?, $live:expr;)*
    }) => {
        impl $demo {
            $($(#[$attr])*
            pub const $name: $crate::claim::Claim<$params, $outcome> = $crate::claim::Claim {
                label: $label,
                printed: $printed,
                rounding: $crate::claim::Rounding::$rounding $(($places))?,
                live: $live,
            };)*
        }
    };
}

/// A claim checked: what is printed, what the model gives, and whether they agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub label: &'static str,
    pub printed: &'static str,
    /// The live figure written as the printed one is ("99.5 %"), or "—" where none applies.
    pub live: String,
    /// The live figure, rounded as printed, is the printed one.
    pub agrees: bool,
    /// The figure applies to these params (the month holds that incident).
    pub applies: bool,
    /// The rule, for the badge's title: "rounded to 1 decimal place".
    pub rule: &'static str,
}

impl<P, O> Claim<P, O> {
    pub fn check(&self, p: &P, o: &O) -> Verdict {
        verdict(self.label, self.printed, self.rounding, (self.live)(p, o))
    }

    /// The verdict for params the model refused: nothing live to compare.
    pub fn unchecked(&self) -> Verdict {
        verdict(self.label, self.printed, self.rounding, None)
    }

    /// The printed figure's number and its decimal places; `None` for words. The generic
    /// tests check that every numeric claim's printed text shows `Places(n)` decimals.
    pub fn printed_number(&self) -> Option<(f64, u8)> {
        Printed::read(self.printed).map(|f| (f.value, f.places))
    }
}

/// Not generic, so the lab's wasm holds it once rather than once per demo.
fn verdict(
    label: &'static str,
    printed: &'static str,
    rounding: Rounding,
    live: Option<Live>,
) -> Verdict {
    let figure = Printed::read(printed);
    let applies = live.is_some();
    let (live, agrees) = match (live, rounding) {
        (Some(Live::Number(x)), Rounding::Places(places)) if x.is_finite() => {
            let agrees = figure
                .as_ref()
                .is_some_and(|f| round_to(x, places) == round_to(f.value, places));
            let text = match &figure {
                Some(f) => f.with(x, places),
                None => format!("{x:.*}", usize::from(places)),
            };
            (text, agrees)
        }
        (Some(Live::Words(words)), Rounding::Words) => {
            let agrees = words == printed;
            (words, agrees)
        }
        _ => ("—".to_string(), false),
    };
    Verdict {
        label,
        printed,
        live,
        agrees,
        applies,
        rule: match rounding {
            Rounding::Places(0) => "rounded to a whole number",
            Rounding::Places(1) => "rounded to 1 decimal place",
            Rounding::Places(2) => "rounded to 2 decimal places",
            Rounding::Places(_) => "rounded as printed",
            Rounding::Words => "word for word",
        },
    }
}

/// Rounds half away from zero on the decimal value, as a reader rounds: 13.25 → 13.3.
fn round_to(x: f64, places: u8) -> i64 {
    let scaled = x * 10f64.powi(i32::from(places));
    // The nudge keeps 13.25 (stored as 13.249999…) from rounding down.
    let nudged = scaled + scaled.signum() * scaled.abs() * 1e-12;
    nudged.round().clamp(i64::MIN as f64, i64::MAX as f64) as i64
}

/// A printed figure taken apart: "≈ $3,730" is "$", 3730, 0 places, "", grouped.
struct Printed {
    before: &'static str,
    value: f64,
    places: u8,
    after: &'static str,
    grouped: bool,
}

impl Printed {
    /// The first number in the text (digits, thousands commas, one decimal point).
    fn read(text: &'static str) -> Option<Printed> {
        let start = text.find(|c: char| c.is_ascii_digit())?;
        let len = text[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(text.len() - start);
        let number = text[start..start + len].trim_end_matches(['.', ',']);
        let places = number
            .split_once('.')
            .map_or(0, |(_, decimals)| decimals.len());
        Some(Printed {
            before: &text[..start],
            value: number.replace(',', "").parse().ok()?,
            places: u8::try_from(places).ok()?,
            after: &text[start + number.len()..],
            grouped: number.contains(','),
        })
    }

    /// The live value written as this figure is, without the printed "≈" or "~".
    fn with(&self, x: f64, places: u8) -> String {
        let digits = format!("{:.*}", usize::from(places), x.abs());
        let (whole, decimals) = digits.split_once('.').unwrap_or((&digits, ""));
        let whole = if self.grouped {
            thousands(whole)
        } else {
            whole.to_string()
        };
        let sign = if x < 0.0 && digits.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            "−"
        } else {
            ""
        };
        let before = self.before.trim_start_matches(['≈', '~', ' ']);
        let number = if decimals.is_empty() {
            whole
        } else {
            format!("{whole}.{decimals}")
        };
        format!("{before}{sign}{number}{}", self.after)
    }
}

/// Thousands separators on the digits of a whole number: "1358" → "1,358".
pub fn thousands(whole: &str) -> String {
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Where the worked example departs from the real system: its numbers stay, and the page
/// that owns the fact says what the real system does, with the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    pub text: &'static str,
    /// The documentation's title, as the link reads.
    pub source: &'static str,
    pub url: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(
        printed: &'static str,
        rounding: Rounding,
        live: fn(&f64, &()) -> Option<Live>,
    ) -> Claim<f64> {
        Claim {
            label: "x",
            printed,
            rounding,
            live,
        }
    }

    /// The params are the live figure.
    fn itself(x: &f64, _: &()) -> Option<Live> {
        number(*x)
    }

    #[test]
    fn a_figure_agrees_only_under_its_printed_rounding() {
        let budget = claim("43.2 min", Rounding::Places(1), itself);
        let v = budget.check(&43.2, &());
        assert!(v.agrees);
        assert_eq!(v.live, "43.2 min");
        assert!(budget.check(&43.16, &()).agrees);
        let off = budget.check(&43.83, &());
        assert!(!off.agrees);
        assert_eq!(off.live, "43.8 min");
        // Two regions with instant failover: 99.98996… % is not the printed 99.99 % at 2 places.
        let four_nines = claim("99.99 %", Rounding::Places(2), itself);
        assert!(four_nines.check(&99.99, &()).agrees);
        assert!(!four_nines.check(&99.984, &()).agrees);
    }

    #[test]
    fn the_live_figure_is_written_as_the_printed_one() {
        let usd = claim("$1,358.49", Rounding::Places(2), itself);
        assert_eq!(usd.check(&1_358.492, &()).live, "$1,358.49");
        assert_eq!(usd.check(&12_345.5, &()).live, "$12,345.50");
        let about = claim("≈ $3,730", Rounding::Places(0), itself);
        let v = about.check(&3_730.08, &());
        assert_eq!((v.live.as_str(), v.agrees), ("$3,730", true));
        assert_eq!(about.printed_number(), Some((3_730.0, 0)));
        let tilde = claim("~60 s", Rounding::Places(0), itself);
        assert_eq!(tilde.check(&60.0, &()).live, "60 s");
    }

    #[test]
    fn half_rounds_up_as_a_reader_rounds() {
        let c = claim("13.3 min", Rounding::Places(1), itself);
        assert!(c.check(&13.25, &()).agrees);
        assert!(!c.check(&13.249, &()).agrees);
    }

    #[test]
    fn words_agree_word_for_word_and_nothing_live_never_agrees() {
        let lock = claim("tf-locks", Rounding::Words, |_, _| {
            Some(Live::Words("tf-locks".into()))
        });
        assert!(lock.check(&0.0, &()).agrees);
        let none = claim("13.2 min", Rounding::Places(1), |_, _| None);
        let v = none.check(&0.0, &());
        assert_eq!((v.live.as_str(), v.agrees), ("—", false));
        assert!(!none.unchecked().agrees);
        let nan = claim("13.2 min", Rounding::Places(1), |_, _| {
            Some(Live::Number(f64::NAN))
        });
        assert!(!nan.check(&0.0, &()).agrees);
    }
}
