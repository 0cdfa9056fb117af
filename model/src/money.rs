//! Money, exactly, as an invoice counts it: each line is quantity × unit price
//! rounded to the cent (half a cent up), and a total is the sum of its lines.
//!
//! Binary floating point cannot do that. 3,650 vCPU-hours at $0.0445 is $162.425
//! exactly, which an invoice rounds up to $162.43; in `f64` the product is
//! 162.42499…, which rounds down. So unit prices are [`Decimal`]s read from the
//! text a student typed, quantities become the decimal that was typed (the
//! shortest text an `f64` reads back from), and amounts are whole cents
//! ([`Usd`]). Everything is integer arithmetic on `i128`, checked: a product too
//! large to hold gives `None`, which the models turn into a message.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// Most decimal places a value is read with (a link, a field, an `f64`).
pub const MAX_PLACES: u32 = 18;
/// Most places a product may carry: 10^38 is the largest power of ten an `i128` holds.
const MAX_PRODUCT_PLACES: u32 = 38;

/// A decimal number, exactly: `units × 10^−places`. Arithmetic keeps whatever trailing
/// zeros a product has (stripping them costs a 128-bit division each); equality and order
/// compare values, so 1.50 == 1.5.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    units: i128,
    places: u32,
}

impl Default for Decimal {
    fn default() -> Self {
        Decimal::ZERO
    }
}

const fn pow10(n: u32) -> Option<i128> {
    if n > MAX_PRODUCT_PLACES {
        None
    } else {
        Some(10i128.pow(n))
    }
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        units: 0,
        places: 0,
    };
    pub const ONE: Decimal = Decimal {
        units: 1,
        places: 0,
    };

    /// A whole number.
    pub const fn whole(n: i128) -> Decimal {
        Decimal {
            units: n,
            places: 0,
        }
    }

    /// A literal such as `"0.0445"`, for the lab's own constants. Evaluated at
    /// compile time in a `const`, where a malformed literal stops the build.
    pub const fn lit(text: &str) -> Decimal {
        let bytes = text.as_bytes();
        let mut units: i128 = 0;
        let mut places = 0;
        let mut seen_point = false;
        let mut i = 0;
        assert!(!bytes.is_empty(), "empty decimal literal");
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'.' {
                assert!(!seen_point, "two decimal points");
                seen_point = true;
            } else {
                assert!(b.is_ascii_digit(), "not a decimal literal");
                units = units * 10 + (b - b'0') as i128;
                if seen_point {
                    places += 1;
                }
            }
            i += 1;
        }
        assert!(places <= MAX_PLACES, "too many decimal places");
        Decimal::normalized(units, places)
    }

    const fn normalized(mut units: i128, mut places: u32) -> Decimal {
        while places > 0 && units % 10 == 0 {
            units /= 10;
            places -= 1;
        }
        Decimal { units, places }
    }

    fn new(units: i128, places: u32) -> Option<Decimal> {
        (places <= MAX_PRODUCT_PLACES).then_some(Decimal { units, places })
    }

    /// Reads a decimal as a person or a form field writes it: `0.0445`, `-3`,
    /// `.5`, `12.`, `4.45e-2`. At most [`MAX_PLACES`] places once the exponent
    /// is applied and at most 30 digits; `None` for anything else (NaN, `inf`, `1,5`).
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (negative, rest) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = whole.len() + fraction.len();
        if digits == 0
            || digits > 30
            || !whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut units: i128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            units = units * 10 + i128::from(b - b'0');
        }
        if negative {
            units = -units;
        }
        let shift: i64 = match exponent {
            Some(e) if e.len() <= 4 => e.parse::<i64>().ok()?,
            Some(_) => return None,
            None => 0,
        };
        let places = i64::try_from(fraction.len()).ok()? - shift;
        if places < 0 {
            let scale = pow10(u32::try_from(-places).ok()?)?;
            Decimal::new(units.checked_mul(scale)?, 0)
        } else {
            let d = Decimal::new(units, u32::try_from(places).ok()?)?;
            (d.places <= MAX_PLACES).then_some(d)
        }
    }

    /// The decimal an `f64` stands for: the shortest text that reads back as it
    /// (what a student typed, for any number typed with up to 15 digits), cut to
    /// [`MAX_PLACES`] places half up. `None` for NaN and the infinities.
    pub fn from_f64(x: f64) -> Option<Decimal> {
        if !x.is_finite() {
            return None;
        }
        // `Display` for f64 writes the shortest round-trip digits without an exponent.
        let text = format!("{x}");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        if fraction.len() as u32 <= MAX_PLACES {
            return Decimal::parse(&text);
        }
        let places = MAX_PLACES as usize;
        let kept = Decimal::parse(&format!("{whole}.{}", &fraction[..places]))?;
        let round_up = fraction.as_bytes()[places] >= b'5';
        if round_up {
            let ulp = Decimal::new(if x < 0.0 { -1 } else { 1 }, MAX_PLACES)?;
            kept.checked_add(ulp)
        } else {
            Some(kept)
        }
    }

    /// The nearest `f64`, for charts and shares.
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    /// Both values over the same power of ten.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        let places = self.places.max(other.places);
        let a = self.units.checked_mul(pow10(places - self.places)?)?;
        let b = other.units.checked_mul(pow10(places - other.places)?)?;
        Some((a, b, places))
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, places) = self.aligned(other)?;
        Decimal::new(a.checked_add(b)?, places)
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let (a, b, places) = self.aligned(other)?;
        Decimal::new(a.checked_sub(b)?, places)
    }

    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        Decimal::new(
            self.units.checked_mul(other.units)?,
            self.places + other.places,
        )
    }

    /// The product of several factors; `None` if it does not fit.
    pub fn product(factors: &[Decimal]) -> Option<Decimal> {
        factors
            .iter()
            .try_fold(Decimal::ONE, |acc, &f| acc.checked_mul(f))
    }

    /// `max(self, 0)`.
    pub fn at_least_zero(self) -> Decimal {
        if self.is_negative() {
            Decimal::ZERO
        } else {
            self
        }
    }

    /// To the cent, half a cent away from zero, as an invoice rounds a line.
    pub fn cents(self) -> Option<Usd> {
        self.cents_over(1)
    }

    /// `self ÷ divisor`, to the cent, half a cent away from zero: for amounts
    /// whose exact value is a fraction, such as a daily cost × 730 ÷ 24.
    pub fn cents_over(self, divisor: u32) -> Option<Usd> {
        if divisor == 0 {
            return None;
        }
        let numerator = self.units.checked_mul(100)?;
        let denominator = pow10(self.places)?.checked_mul(i128::from(divisor))?;
        Some(Usd(divide_half_away(numerator, denominator)))
    }

    /// To the nearest whole number, half away from zero.
    pub fn round_whole(self) -> Option<i128> {
        Some(divide_half_away(self.units, pow10(self.places)?))
    }

    /// ⌈self ÷ by⌉ for a positive `by`: how many of `by` it takes to cover `self`.
    pub fn div_ceil(self, by: Decimal) -> Option<i128> {
        let (a, b, _) = self.aligned(by)?;
        if b <= 0 {
            return None;
        }
        Some(a.div_euclid(b) + i128::from(a.rem_euclid(b) != 0))
    }

    /// ⌊self ÷ by⌋ for a positive `by`.
    pub fn div_floor(self, by: Decimal) -> Option<i128> {
        let (a, b, _) = self.aligned(by)?;
        (b > 0).then(|| a.div_euclid(b))
    }
}

/// `n ÷ d` rounded to the nearest integer, half away from zero, for `d > 0`.
fn divide_half_away(n: i128, d: i128) -> i128 {
    let (q, r) = (n / d, n % d);
    // |r| ≥ d − |r| ⇔ the remainder is at least half; written so nothing overflows.
    if r.unsigned_abs() >= d.unsigned_abs() - r.unsigned_abs() {
        q + n.signum()
    } else {
        q
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match self.aligned(*other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only a value with far fewer places and far more whole digits overflows
            // when aligned: its magnitude is the larger, so its sign decides.
            None if self.places < other.places => self.units.signum().cmp(&0),
            None => 0.cmp(&other.units.signum()),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The decimal digits of `n`. Written out because the standard library's 128-bit
/// formatting adds over a kilobyte to the download for what this loop does.
fn digits(mut n: u128) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

/// Plain digits, no exponent, no trailing zeros: `0.0445`, `1460`, `-2.5`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = Decimal::normalized(self.units, self.places);
        let digits = digits(d.units.unsigned_abs());
        let sign = if d.units < 0 { "-" } else { "" };
        let places = d.places as usize;
        if places == 0 {
            write!(f, "{sign}{digits}")
        } else if digits.len() > places {
            let (whole, fraction) = digits.split_at(digits.len() - places);
            write!(f, "{sign}{whole}.{fraction}")
        } else {
            write!(f, "{sign}0.{digits:0>places$}")
        }
    }
}

/// An amount of money in whole cents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usd(i128);

impl Usd {
    pub const ZERO: Usd = Usd(0);

    pub const fn from_cents(cents: i128) -> Usd {
        Usd(cents)
    }

    pub const fn cents(self) -> i128 {
        self.0
    }

    /// A literal such as `"1358.49"`, for printed figures; at most two places.
    pub const fn lit(text: &str) -> Usd {
        let d = Decimal::lit(text);
        assert!(d.places <= 2, "more than two places of cents");
        Usd(d.units * 10i128.pow(2 - d.places))
    }

    /// The amount as a decimal number of dollars.
    pub fn dollars(self) -> Decimal {
        Decimal {
            units: self.0,
            places: 2,
        }
    }

    /// The nearest `f64` number of dollars, for charts and shares. (Whole cents are exact
    /// in an `f64` below 2⁵³, and the division is correctly rounded.)
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// This many times the amount (twelve months of it, say).
    pub fn times(self, n: i128) -> Usd {
        Usd(self.0.saturating_mul(n))
    }

    /// The amount with `keep` of it left (1 − a discount), to the cent, half up.
    pub fn keeping(self, keep: Decimal) -> Option<Usd> {
        self.dollars().checked_mul(keep)?.cents()
    }

    /// To whole dollars, half a dollar away from zero: $3,730.32 → $3,730.
    pub fn whole_dollars(self) -> Usd {
        Usd(divide_half_away(self.0, 100) * 100)
    }

    /// `part ÷ whole` as a share, 0 when the whole is not positive.
    pub fn share(part: Usd, whole: Usd) -> f64 {
        if whole.0 > 0 {
            part.0 as f64 / whole.0 as f64
        } else {
            0.0
        }
    }
}

impl Add for Usd {
    type Output = Usd;
    fn add(self, other: Usd) -> Usd {
        Usd(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Usd {
    fn add_assign(&mut self, other: Usd) {
        *self = *self + other;
    }
}

impl Sub for Usd {
    type Output = Usd;
    fn sub(self, other: Usd) -> Usd {
        Usd(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Usd {
    fn sum<I: Iterator<Item = Usd>>(iter: I) -> Usd {
        iter.fold(Usd::ZERO, Add::add)
    }
}

/// Dollars and always two places of cents, as a CSV or a link writes them: `1358.49`, `-3.50`.
impl fmt::Display for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let cents = self.0.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:02}",
            digits(cents / 100),
            (cents % 100) as u8
        )
    }
}

/// What a model says when a bill does not fit the arithmetic (absurdly many digits).
pub const TOO_LARGE: &str =
    "These numbers make a bill too large or too finely divided to compute to the cent: use fewer digits or smaller values.";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn reads_and_writes_decimals_as_typed() {
        for (text, shown) in [
            ("0.0445", "0.0445"),
            ("1460", "1460"),
            ("1460.00", "1460"),
            (".5", "0.5"),
            ("12.", "12"),
            ("-2.50", "-2.5"),
            ("+3", "3"),
            ("4.45e-2", "0.0445"),
            ("1.5E3", "1500"),
            ("0", "0"),
            ("-0", "0"),
            (" 7 ", "7"),
            ("0.000000000000000001", "0.000000000000000001"),
        ] {
            assert_eq!(d(text).to_string(), shown, "{text}");
        }
        for bad in [
            "",
            "-",
            ".",
            "abc",
            "NaN",
            "inf",
            "1,5",
            "1.2.3",
            "1e",
            "1e99999",
            "0x10",
            "1e-19",
            "0.0000000000000000001",
            "1_000",
        ] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
        assert_eq!(Decimal::parse(&"9".repeat(31)), None);
    }

    #[test]
    fn literals_match_parsing() {
        const P: Decimal = Decimal::lit("0.0445");
        assert_eq!(P, d("0.0445"));
        assert_eq!(Decimal::lit("28.00"), Decimal::whole(28));
        assert_eq!(Usd::lit("1358.49"), Usd(135_849));
        assert_eq!(Usd::lit("28"), Usd(2_800));
        assert_eq!(Usd::lit("0.5"), Usd(50));
    }

    #[test]
    fn an_f64_becomes_the_decimal_that_was_typed() {
        for (x, shown) in [
            (0.0445, "0.0445"),
            (0.1, "0.1"),
            (730.0, "730"),
            (1e-7, "0.0000001"),
            (-2.5, "-2.5"),
            (1e21, "1000000000000000000000"),
            (0.92, "0.92"),
        ] {
            assert_eq!(Decimal::from_f64(x).unwrap().to_string(), shown);
        }
        // 0.1 + 0.2 is 0.30000000000000004 in f64, and that is what it stands for.
        assert_eq!(
            Decimal::from_f64(0.1 + 0.2).unwrap().to_string(),
            "0.30000000000000004"
        );
        // Beyond 18 places the value is cut, half up.
        assert_eq!(Decimal::from_f64(1.5e-19), Some(Decimal::ZERO));
        assert_eq!(
            Decimal::from_f64(6e-19).unwrap().to_string(),
            "0.000000000000000001"
        );
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(Decimal::from_f64(f64::INFINITY), None);
    }

    #[test]
    fn a_line_rounds_half_a_cent_up() {
        // The worked example's figures and the case f64 gets wrong.
        assert_eq!(
            d("3650").checked_mul(d("0.0445")).unwrap().cents(),
            Some(Usd(16_243))
        );
        assert_eq!(
            d("1460").checked_mul(d("0.0445")).unwrap().cents(),
            Some(Usd(6_497))
        );
        assert_eq!(
            d("2920").checked_mul(d("0.0049")).unwrap().cents(),
            Some(Usd(1_431))
        );
        assert_eq!(d("0.004").cents(), Some(Usd(0)));
        assert_eq!(d("0.005").cents(), Some(Usd(1)));
        assert_eq!(d("-0.005").cents(), Some(Usd(-1)));
        assert_eq!(d("-0.0049").cents(), Some(Usd(0)));
        assert_eq!(d("7").cents(), Some(Usd(700)));
    }

    #[test]
    fn a_fraction_rounds_to_the_cent() {
        // 54 task-hours a day × 730 h ÷ 24 × $0.0543 = $89.18775.
        let daily = Decimal::product(&[d("54"), d("730"), d("0.0543")]).unwrap();
        assert_eq!(daily.cents_over(24), Some(Usd(8_919)));
        // 1/3 of a dollar and 2/3.
        assert_eq!(Decimal::ONE.cents_over(3), Some(Usd(33)));
        assert_eq!(d("2").cents_over(3), Some(Usd(67)));
        assert_eq!(Decimal::ONE.cents_over(0), None);
    }

    #[test]
    fn whole_numbers_and_divisions() {
        assert_eq!(d("4710.4").round_whole(), Some(4_710));
        assert_eq!(d("4710.5").round_whole(), Some(4_711));
        assert_eq!(d("720").div_ceil(d("90")), Some(8));
        assert_eq!(d("720.0001").div_ceil(d("90")), Some(9));
        assert_eq!(d("96").div_ceil(d("90")), Some(2));
        assert_eq!(d("0").div_ceil(d("90")), Some(0));
        assert_eq!(d("1").div_ceil(d("0")), None);
        assert_eq!(d("2.6").div_floor(d("1.3")), Some(2));
        assert_eq!(d("2.5").div_floor(d("1.3")), Some(1));
    }

    #[test]
    fn arithmetic_is_exact_and_checked() {
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("1").checked_sub(d("0.42")), Some(d("0.58")));
        assert_eq!(d("1e20").checked_mul(d("1e20")), None);
        assert!(d("0.1") < d("0.10001"));
        assert!(d("-1") < d("0"));
        assert!(d("1e30") > d("0.000000000000000001"));
        assert_eq!(d("-3").at_least_zero(), Decimal::ZERO);
    }

    #[test]
    fn amounts_in_cents() {
        let a = Usd::from_cents(135_849);
        assert_eq!(a.to_string(), "1358.49");
        assert_eq!(Usd::from_cents(-350).to_string(), "-3.50");
        assert_eq!(Usd::from_cents(5).to_string(), "0.05");
        assert_eq!(a.to_f64(), 1_358.49);
        assert_eq!(Usd::from_cents(31_086).times(12), Usd::from_cents(373_032));
        assert_eq!(
            Usd::from_cents(373_032).whole_dollars(),
            Usd::from_cents(373_000)
        );
        assert_eq!(
            Usd::from_cents(104_763).whole_dollars(),
            Usd::from_cents(104_800)
        );
        // 350.40 at −42 %: 203.232 → 203.23; 64.97 at −40 %: 38.982 → 38.98.
        assert_eq!(
            Usd::from_cents(35_040).keeping(d("0.58")),
            Some(Usd(20_323))
        );
        assert_eq!(Usd::from_cents(6_497).keeping(d("0.6")), Some(Usd(3_898)));
        assert_eq!([Usd(1), Usd(2)].into_iter().sum::<Usd>(), Usd(3));
        assert_eq!(Usd::share(Usd(1), Usd(4)), 0.25);
        assert_eq!(Usd::share(Usd(1), Usd(0)), 0.0);
    }
}
