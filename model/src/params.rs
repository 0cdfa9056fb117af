//! One description per parameter: each demo's params list their fields once, in a table,
//! and the link, the range checks, the view's controls and the generic tests all read it.
//!
//! A [`Field`] is a [`Spec`] (link key, label, unit, range, step, scale) and the accessors
//! into the params. The worked example's value is the params' `Default`. Quantities that
//! several demos hold — the load, the CDN hit ratio, the health check — have their `Spec`
//! once, in [`shared`], so a link key means one thing everywhere.
//!
//! ```text
//! table ──► to_query / from_query (link)     ──► check (range messages of validate)
//!       ──► the view's controls (limits, step, unit, scale)
//!       ──► model/tests/demos.rs (links round-trip, links made of real keys)
//! ```

use crate::link::{number_text, Ignored, LinkReader, Query};
use crate::money::Decimal;

/// How a quantity reads, on the page and in a link. Range and step are in shown units:
/// a 92 % hit ratio has `scale: 100.0` and is shown, linked and checked as 92.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// The link key: `hit` in `#/cost?hit=85`.
    pub key: &'static str,
    /// The control's label, in the course's words.
    pub label: &'static str,
    /// Written after the shown number: "%", "req/s", "s"; "" for a plain count.
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    /// The control's step.
    pub step: f64,
    /// Shown = stored × scale.
    pub scale: f64,
    /// How a range message names the quantity ("The average task count"), when not by
    /// its label: `Spec::new(..).said("…")`.
    pub what: Option<&'static str>,
}

impl Spec {
    /// A quantity shown as stored.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        unit: &'static str,
        (min, max): (f64, f64),
        step: f64,
    ) -> Spec {
        Spec {
            key,
            label,
            unit,
            min,
            max,
            step,
            scale: 1.0,
            what: None,
        }
    }

    /// The same quantity, named so in its range message: "The CDN hit ratio must be
    /// between 0 and 100 %." instead of "CDN hit ratio: must be between 0 and 100 %.".
    pub const fn said(self, what: &'static str) -> Spec {
        Spec {
            what: Some(what),
            ..self
        }
    }

    /// A share stored as 0–1 and shown, linked and checked in percent.
    pub const fn percent(
        key: &'static str,
        label: &'static str,
        (min, max): (f64, f64),
        step: f64,
    ) -> Spec {
        Spec {
            scale: 100.0,
            ..Spec::new(key, label, "%", (min, max), step)
        }
    }

    /// A field with no range: an on/off switch, a choice, a list written as text.
    pub const fn named(key: &'static str, label: &'static str) -> Spec {
        Spec::new(key, label, "", (0.0, 1.0), 1.0)
    }

    /// The unit with its separating space, for the end of a sentence: " %", " req/s", "".
    pub fn unit_suffix(&self) -> String {
        if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        }
    }

    /// The stored value of a shown one: `92` → `0.92`. A scaled value is snapped to twelve
    /// decimal places, so `99.99` reads back as exactly `0.9999`.
    pub fn stored(&self, shown: f64) -> f64 {
        if self.scale == 1.0 {
            return shown;
        }
        let x = shown / self.scale;
        let snapped = (x * 1e12).round() / 1e12;
        if snapped.is_finite() {
            snapped
        } else {
            x
        }
    }

    pub fn shown(&self, stored: f64) -> f64 {
        stored * self.scale
    }

    /// True when a shown value is a finite number within the range.
    pub fn holds(&self, shown: f64) -> bool {
        shown.is_finite() && (self.min..=self.max).contains(&shown)
    }

    /// The range message of `validate`: "SLO: must be between 1 and 99.9999 %."
    pub fn out_of_range(&self) -> String {
        format!(
            "{} must be between {} and {}{}.",
            self.subject(),
            number_text(self.min),
            number_text(self.max),
            self.unit_suffix()
        )
    }

    /// "SLO:" or what the spec is `said` to be.
    fn subject(&self) -> String {
        match self.what {
            Some(what) => what.to_string(),
            None => format!("{}:", self.label),
        }
    }

    /// The range as exact decimals, for a price.
    fn decimal_range(&self) -> (Decimal, Decimal) {
        let exact = |x: f64| Decimal::from_f64(x).unwrap_or_default();
        (exact(self.min), exact(self.max))
    }
}

/// One of a choice's options: its link slug and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub slug: &'static str,
    pub label: &'static str,
}

impl Choice {
    pub const fn new(slug: &'static str, label: &'static str) -> Choice {
        Choice { slug, label }
    }
}

/// How a field is read and written in the params `P`.
pub enum Access<P> {
    /// A real number, stored unscaled.
    Number {
        get: fn(&P) -> f64,
        set: fn(&mut P, f64),
    },
    /// A whole number.
    Whole {
        get: fn(&P) -> u32,
        set: fn(&mut P, u32),
    },
    /// On or off, `1` or `0` in a link.
    Flag {
        get: fn(&P) -> bool,
        set: fn(&mut P, bool),
    },
    /// One of named options, by slug. `set` is only ever given one of the options' slugs.
    Choice {
        options: &'static [Choice],
        get: fn(&P) -> &'static str,
        set: fn(&mut P, &str),
    },
    /// An amount of money in dollars, exact as typed: never read through an `f64`, so a
    /// price of 0.0445 stays 0.0445 (see [`crate::money`]).
    Price {
        get: fn(&P) -> Decimal,
        set: fn(&mut P, Decimal),
    },
    /// A list or a structure written as text (availability's path, the failure drill's
    /// failures): the demo writes and parses it; its own `validate` checks it.
    Text {
        write: fn(&P) -> String,
        parse: fn(&mut P, &str) -> Result<(), String>,
    },
}

// Derived `Clone` would ask `P: Clone`; fn pointers are `Copy` whatever `P` is.
impl<P> Clone for Access<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P> Copy for Access<P> {}

/// A parameter: how it reads, and where it lives in the params.
pub struct Field<P> {
    pub spec: Spec,
    pub access: Access<P>,
}

impl<P> Clone for Field<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P> Copy for Field<P> {}

impl<P> std::fmt::Debug for Field<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Field({})", self.spec.key)
    }
}

impl<P> Field<P> {
    pub const fn number(spec: Spec, get: fn(&P) -> f64, set: fn(&mut P, f64)) -> Self {
        Field {
            spec,
            access: Access::Number { get, set },
        }
    }

    pub const fn whole(spec: Spec, get: fn(&P) -> u32, set: fn(&mut P, u32)) -> Self {
        Field {
            spec,
            access: Access::Whole { get, set },
        }
    }

    pub const fn flag(spec: Spec, get: fn(&P) -> bool, set: fn(&mut P, bool)) -> Self {
        Field {
            spec,
            access: Access::Flag { get, set },
        }
    }

    pub const fn price(spec: Spec, get: fn(&P) -> Decimal, set: fn(&mut P, Decimal)) -> Self {
        Field {
            spec,
            access: Access::Price { get, set },
        }
    }

    pub const fn choice(
        spec: Spec,
        options: &'static [Choice],
        get: fn(&P) -> &'static str,
        set: fn(&mut P, &str),
    ) -> Self {
        Field {
            spec,
            access: Access::Choice { options, get, set },
        }
    }

    pub const fn text(
        spec: Spec,
        write: fn(&P) -> String,
        parse: fn(&mut P, &str) -> Result<(), String>,
    ) -> Self {
        Field {
            spec,
            access: Access::Text { write, parse },
        }
    }

    /// The value as a link writes it: shown units, no trailing zeros.
    pub fn text_of(&self, p: &P) -> String {
        match self.access {
            Access::Number { get, .. } => number_text(self.spec.shown(get(p))),
            Access::Whole { get, .. } => get(p).to_string(),
            Access::Flag { get, .. } => if get(p) { "1" } else { "0" }.to_string(),
            Access::Choice { get, .. } => get(p).to_string(),
            Access::Price { get, .. } => get(p).to_string(),
            Access::Text { write, .. } => write(p),
        }
    }

    /// The shown value of a number or a whole number (a flag is 0 or 1); `None` for a
    /// choice or a text.
    pub fn shown(&self, p: &P) -> Option<f64> {
        match self.access {
            Access::Number { get, .. } => Some(self.spec.shown(get(p))),
            Access::Whole { get, .. } => Some(f64::from(get(p))),
            Access::Flag { get, .. } => Some(if get(p) { 1.0 } else { 0.0 }),
            // For a control's position only: the price itself stays exact.
            Access::Price { get, .. } => Some(get(p).to_f64()),
            Access::Choice { .. } | Access::Text { .. } => None,
        }
    }

    /// Sets a number or a whole number from its shown value, as a control reports it. A
    /// value that is not a whole number becomes one past the top of a whole field's range
    /// (2.5 cache nodes, where 0 is a fine count), so `validate` says so in words.
    pub fn set_shown(&self, p: &mut P, shown: f64) {
        match self.access {
            Access::Number { set, .. } => set(p, self.spec.stored(shown)),
            Access::Whole { set, .. } => {
                let whole = shown.is_finite() && shown.fract() == 0.0 && shown >= 0.0;
                set(
                    p,
                    if whole {
                        shown.min(f64::from(u32::MAX)) as u32
                    } else {
                        whole_bound(self.spec.max).saturating_add(1)
                    },
                )
            }
            Access::Flag { set, .. } => set(p, shown != 0.0),
            // The decimal the control's number was typed as; NaN becomes −1, out of range.
            Access::Price { set, .. } => {
                set(p, Decimal::from_f64(shown).unwrap_or(Decimal::whole(-1)))
            }
            Access::Choice { .. } | Access::Text { .. } => {}
        }
    }

    /// A price field's exact value; `None` for any other field.
    pub fn price_of(&self, p: &P) -> Option<Decimal> {
        match self.access {
            Access::Price { get, .. } => Some(get(p)),
            _ => None,
        }
    }

    /// Sets a price field to an exact value, as a price field types it; nothing for any
    /// other field.
    pub fn set_price(&self, p: &mut P, x: Decimal) {
        if let Access::Price { set, .. } = self.access {
            set(p, x)
        }
    }

    /// The range message of `validate` for this field: a price is "a number of dollars".
    pub fn out_of_range(&self) -> String {
        let s = &self.spec;
        match self.access {
            Access::Price { .. } => {
                let (min, max) = s.decimal_range();
                format!(
                    "{} must be a number of dollars from {min} to {max}.",
                    s.subject()
                )
            }
            _ => s.out_of_range(),
        }
    }

    /// True when the value is within the field's range (always, for a flag, a choice or a text).
    pub fn holds(&self, p: &P) -> bool {
        match self.access {
            Access::Number { .. } | Access::Whole { .. } => {
                self.shown(p).is_some_and(|x| self.spec.holds(x))
            }
            Access::Price { get, .. } => {
                let (min, max) = self.spec.decimal_range();
                (min..=max).contains(&get(p))
            }
            Access::Flag { .. } | Access::Choice { .. } | Access::Text { .. } => true,
        }
    }

    /// Reads the field's value from a link into `p`; what cannot be used is recorded.
    fn read(&self, r: &mut LinkReader<'_>, p: &mut P) {
        let s = &self.spec;
        match self.access {
            Access::Number { set, .. } => {
                if let Some(x) = r.number(s.key, s.min, s.max) {
                    set(p, s.stored(x));
                }
            }
            Access::Whole { set, .. } => {
                if let Some(x) = r.whole(s.key, whole_bound(s.min), whole_bound(s.max)) {
                    set(p, x);
                }
            }
            Access::Price { set, .. } => {
                let (min, max) = s.decimal_range();
                if let Some(x) = r.decimal(s.key, min, max) {
                    set(p, x);
                }
            }
            Access::Flag { set, .. } => {
                if let Some(on) = r.flag(s.key) {
                    set(p, on);
                }
            }
            Access::Choice { options, set, .. } => {
                let slugs: Vec<(&str, &str)> = options.iter().map(|o| (o.slug, o.slug)).collect();
                if let Some(slug) = r.choice(s.key, &slugs) {
                    set(p, slug);
                }
            }
            Access::Text { parse, .. } => {
                if let Some(text) = r.text(s.key) {
                    if let Err(why) = parse(p, text) {
                        r.ignore(s.key, text, why);
                    }
                }
            }
        }
    }
}

fn whole_bound(x: f64) -> u32 {
    x.clamp(0.0, f64::from(u32::MAX)) as u32
}

/// A demo's fields, in groups: a group is a run of fields that belong together (the
/// health check's four), and a shared group is written once and listed by every demo
/// that holds it. The order is the link's.
pub type Table<P> = &'static [&'static [Field<P>]];

/// Params described by a table.
pub trait Fields: Default + Sized + 'static {
    const FIELDS: Table<Self>;

    /// Values each within range that clash (a minimum above a maximum): fixed after a link
    /// is read, each fix recorded on the reader.
    fn repair(&mut self, _r: &mut LinkReader<'_>) {}
}

/// Every field of a table, in order.
pub fn fields<P: Fields>() -> impl Iterator<Item = &'static Field<P>> {
    P::FIELDS.iter().flat_map(|group| group.iter())
}

/// The field with a link key.
pub fn field<P: Fields>(key: &str) -> Option<&'static Field<P>> {
    fields::<P>().find(|f| f.spec.key == key)
}

/// The link of params: the fields that differ from the worked example, in table order.
pub fn to_query<P: Fields>(p: &P) -> String {
    Query::encode(differing(p, &P::default()))
}

/// The fields of `p` that differ from `base`, as a link's pairs in table order: for a link
/// written against a preset rather than the worked example (the serverless demo).
pub fn differing<P: Fields>(p: &P, base: &P) -> Vec<(&'static str, String)> {
    fields::<P>()
        .filter_map(|f| {
            let text = f.text_of(p);
            (text != f.text_of(base)).then_some((f.spec.key, text))
        })
        .collect()
}

/// Params from a link: the worked example, with each usable value of the link in place.
pub fn from_query<P: Fields>(query: &Query) -> (P, Vec<Ignored>) {
    let mut p = P::default();
    let mut r = LinkReader::new(query);
    read_into(&mut r, &mut p);
    (p, r.finish())
}

/// Each usable value of a link into `p`, then the clashes repaired; what cannot be used is
/// recorded on the reader.
pub fn read_into<P: Fields>(r: &mut LinkReader<'_>, p: &mut P) {
    for f in fields::<P>() {
        f.read(r, p);
    }
    p.repair(r);
}

/// The range messages of `validate`, one per field out of its range, in table order.
pub fn check<P: Fields>(p: &P) -> Vec<String> {
    fields::<P>()
        .filter(|f| !f.holds(p))
        .map(|f| f.out_of_range())
        .collect()
}

/// A finite number from `lo` to `hi`: the range check for what a table cannot hold (a limit
/// that depends on another field, a number inside a list).
pub fn within(x: f64, lo: f64, hi: f64) -> bool {
    x.is_finite() && (lo..=hi).contains(&x)
}

/// What a demo's `validate` finds wrong, in the order it looks.
#[derive(Debug, Default)]
pub struct Problems(Vec<String>);

impl Problems {
    /// Notes `message` unless `ok`.
    pub fn check(&mut self, ok: bool, message: String) {
        if !ok {
            self.0.push(message);
        }
    }

    pub fn into_vec(self) -> Vec<String> {
        self.0
    }
}

/// `problems.extend(params::check(p))`: the table's range messages among the others.
impl Extend<String> for Problems {
    fn extend<I: IntoIterator<Item = String>>(&mut self, messages: I) {
        self.0.extend(messages);
    }
}

/// Quantities several demos hold, described once. A demo lists them with its own path:
/// `field_at!(number, shared::CDN_HIT_RATIO, cdn_hit_ratio)`.
pub mod shared {
    use super::Spec;

    /// The most requests a second any demo takes, at the edge or the origin.
    pub const MAX_LOAD_PER_S: f64 = 1_000_000.0;

    /// Steady requests a second at the CDN's edge.
    pub const EDGE_LOAD: Spec = Spec::new(
        "load",
        "Steady load at the edge",
        "req/s",
        (0.0, MAX_LOAD_PER_S),
        100.0,
    );
    pub const CDN_HIT_RATIO: Spec = Spec::percent("hit", "CDN hit ratio", (0.0, 100.0), 1.0);
    /// One app task's requests a second at 100 % CPU; the autoscaler holds it at the CPU
    /// target, so it serves `cap` × `target` there.
    pub const TASK_CAPACITY: Spec = Spec::new(
        "cap",
        "One task's capacity",
        "req/s",
        (0.01, MAX_LOAD_PER_S),
        1.0,
    );
    /// One app task's requests a second held at the CPU target (the worked example's 90 =
    /// 150 × 60 %), for the demos that size a fleet without simulating its CPU.
    pub const TASK_CAPACITY_AT_TARGET: Spec = Spec::new(
        "tcap",
        "One task's capacity at the CPU target",
        "req/s",
        (0.01, MAX_LOAD_PER_S),
        1.0,
    );
    /// The hours a month is billed for: at most 31 days' 744.
    pub const HOURS_IN_MONTH: Spec =
        Spec::new("hours", "Hours in the month", "", (1.0, 744.0), 1.0).said("Hours per month");
    /// A Fargate task's size: its sizes span 0.25–16 vCPU and 0.5–120 GB.
    pub const TASK_VCPU: Spec =
        Spec::new("vcpu", "vCPU per task", "", (0.25, 16.0), 0.25).said("A task's vCPU");
    pub const TASK_MEMORY_GB: Spec =
        Spec::new("mem", "GB per task", "", (0.5, 120.0), 0.5).said("A task's memory (GB)");
    pub const CPU_TARGET: Spec = Spec::percent("target", "CPU target", (1.0, 99.0), 1.0);
    pub const MULTI_AZ: Spec = Spec::named("maz", "Multi-AZ database (a standby in the second AZ)");
    pub const SLO: Spec = Spec::percent("slo", "SLO", (1.0, 99.9999), 0.01);

    /// The ALB target group's health check, within the limits AWS documents for it
    /// (`HealthCheckIntervalSeconds` 5–300, `HealthCheckTimeoutSeconds` 2–120,
    /// thresholds 2–10): <https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html>.
    pub const HEALTH_CHECK_INTERVAL: Spec =
        Spec::new("hi", "Health-check interval", "s", (5.0, 300.0), 1.0);
    pub const HEALTH_CHECK_TIMEOUT: Spec =
        Spec::new("hto", "Health-check timeout", "s", (2.0, 120.0), 1.0);
    pub const HEALTHY_THRESHOLD: Spec =
        Spec::new("ht", "Healthy threshold", "checks", (2.0, 10.0), 1.0);
    pub const UNHEALTHY_THRESHOLD: Spec =
        Spec::new("ut", "Unhealthy threshold", "checks", (2.0, 10.0), 1.0);
}

/// A field whose value is `p.<path>`, read and written as is: one line in a table,
/// `field_at!(number, shared::CPU_TARGET, cpu_target)` or
/// `field_at!(whole, spec, health_check.interval_s)` (`number`, `whole`, `flag` or `price`).
/// A choice also names its options and the enum whose `ALL` and `slug()` it reads:
/// `field_at!(choice, spec, &MONTHS, MonthLength, month)`; a value written as text names its
/// writer and its parser: `field_at!(text, spec, path_text, parse_path, path)`.
#[macro_export]
macro_rules! field_at {
    (text, $spec:expr, $write:expr, $parse:expr, $($path:ident).+) => {
        $crate::params::Field::text(
            $spec,
            |p| $write(&p.$($path).+),
            |p, text| {
                p.$($path).+ = $parse(text)?;
                Ok(())
            },
        )
    };
    (choice, $spec:expr, $options:expr, $kind:ident, $($path:ident).+) => {
        $crate::params::Field::choice(
            $spec,
            $options,
            |p| p.$($path).+.slug(),
            |p, slug| {
                if let Some(x) = $kind::ALL.into_iter().find(|x| x.slug() == slug) {
                    p.$($path).+ = x;
                }
            },
        )
    };
    ($kind:ident, $spec:expr, $($path:ident).+) => {
        $crate::params::Field::$kind($spec, |p| p.$($path).+, |p, x| p.$($path).+ = x)
    };
}

/// A table's fields as consts of the params, which the views name (`CostParams::STORED_TB`),
/// one a line or two: `NAME: kind path, spec;` with the kinds of [`field_at!`]
/// (`number`, `whole`, `flag`, `price`); a choice says `choice(&OPTIONS, Enum)`, a value
/// written as text `text(writer, parser)`. Written inside the params' `impl`.
#[macro_export]
macro_rules! fields {
    ($($(#[$attr:meta])* $name:ident: $kind:ident $(($($how:tt)*))? $($path:ident).+, $spec:expr;)*) => {
        $($(#[$attr])*
        pub const $name: $crate::params::Field<Self> =
            $crate::field_at!($kind, $spec, $($($how)*,)? $($path).+);)*
    };
}

/// The health check's four fields for params that hold a
/// [`HealthCheck`](crate::photoshare::HealthCheck) at `p.<path>`: one line in a table,
/// `&health_check_fields!(health_check)`, with the shared keys and limits.
#[macro_export]
macro_rules! health_check_fields {
    ($($path:ident).+) => {
        [
            $crate::field_at!(whole, $crate::params::shared::HEALTH_CHECK_INTERVAL, $($path).+.interval_s),
            $crate::field_at!(whole, $crate::params::shared::HEALTH_CHECK_TIMEOUT, $($path).+.timeout_s),
            $crate::field_at!(whole, $crate::params::shared::HEALTHY_THRESHOLD, $($path).+.healthy_threshold),
            $crate::field_at!(whole, $crate::params::shared::UNHEALTHY_THRESHOLD, $($path).+.unhealthy_threshold),
        ]
    };
}

/// `LinkState` for params whose link is their table, nothing more: `link_from_table!(XParams);`.
#[macro_export]
macro_rules! link_from_table {
    ($params:ty) => {
        impl $crate::link::LinkState for $params {
            fn to_query(&self) -> String {
                $crate::params::to_query(self)
            }

            fn from_query(query: &$crate::link::Query) -> (Self, Vec<$crate::link::Ignored>) {
                $crate::params::from_query(query)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Toy {
        share: f64,
        count: u32,
        on: bool,
        mode: &'static str,
        list: Vec<u32>,
    }

    const MODES: [Choice; 2] = [
        Choice {
            slug: "a",
            label: "A",
        },
        Choice {
            slug: "b",
            label: "B",
        },
    ];

    impl Fields for Toy {
        const FIELDS: Table<Self> = &[
            &[
                Field::number(
                    Spec::percent("share", "Share", (0.0, 100.0), 1.0),
                    |p| p.share,
                    |p, x| p.share = x,
                ),
                Field::whole(
                    Spec::new("n", "Count", "tasks", (1.0, 9.0), 1.0),
                    |p| p.count,
                    |p, x| p.count = x,
                ),
            ],
            &[
                Field::flag(Spec::named("on", "On"), |p| p.on, |p, x| p.on = x),
                Field::choice(
                    Spec::named("mode", "Mode"),
                    &MODES,
                    |p| if p.mode == "b" { "b" } else { "a" },
                    |p, s| p.mode = if s == "b" { "b" } else { "a" },
                ),
                Field::text(
                    Spec::named("list", "List"),
                    |p| {
                        let items: Vec<String> = p.list.iter().map(u32::to_string).collect();
                        items.join(",")
                    },
                    |p, text| {
                        p.list = text
                            .split(',')
                            .map(|x| x.parse().map_err(|_| format!("'{x}' is not a count")))
                            .collect::<Result<_, _>>()?;
                        Ok(())
                    },
                ),
            ],
        ];
    }

    #[test]
    fn the_table_writes_what_differs_and_reads_it_back() {
        let p = Toy {
            share: 0.9999,
            count: 3,
            on: true,
            mode: "b",
            list: vec![4, 5],
        };
        let q = to_query(&p);
        assert_eq!(q, "share=99.99&n=3&on=1&mode=b&list=4%2C5");
        let (back, ignored) = from_query::<Toy>(&Query::parse(&q));
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(back, p);
        assert_eq!(to_query(&Toy::default()), "");
    }

    #[test]
    fn a_bad_value_is_ignored_with_the_readers_reason() {
        let (p, ignored) =
            from_query::<Toy>(&Query::parse("share=101&n=x&on=2&mode=c&list=1,z&zz=1"));
        assert_eq!(p, Toy::default());
        let reasons: Vec<String> = ignored.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            reasons,
            [
                "share=101: outside 0–100",
                "n=x: not a whole number",
                "on=2: expected one of 1, 0",
                "mode=c: expected one of a, b",
                "list=1,z: 'z' is not a count",
                "zz=1: not a setting of this demo"
            ]
        );
    }

    #[test]
    fn check_gives_the_range_message_of_each_field_out_of_range() {
        let mut p = Toy {
            count: 3,
            ..Toy::default()
        };
        assert!(check(&p).is_empty());
        p.share = f64::NAN;
        p.count = 10;
        assert_eq!(
            check(&p),
            [
                "Share: must be between 0 and 100 %.",
                "Count: must be between 1 and 9 tasks."
            ]
        );
    }

    #[test]
    fn a_control_sets_shown_values() {
        let share = field::<Toy>("share").unwrap();
        let count = field::<Toy>("n").unwrap();
        let mut p = Toy::default();
        share.set_shown(&mut p, 92.0);
        assert_eq!(p.share, 0.92);
        assert_eq!(share.shown(&p), Some(92.0));
        // Not a whole number: one past the range's top, which `check` reports.
        count.set_shown(&mut p, 2.5);
        assert_eq!(p.count, 10);
        count.set_shown(&mut p, f64::NAN);
        assert_eq!(p.count, 10);
        count.set_shown(&mut p, 7.0);
        assert_eq!(p.count, 7);
    }

    #[test]
    fn a_scaled_value_reads_back_exactly() {
        let s = Spec::percent("x", "X", (0.0, 100.0), 1.0);
        for (shown, stored) in [(99.99, 0.9999), (92.0, 0.92), (99.95, 0.9995), (0.1, 0.001)] {
            assert_eq!(s.stored(shown), stored);
        }
    }
}
