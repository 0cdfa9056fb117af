//! Availability, SLO and error budget (§3 of the worked example).
//!
//! The lesson: availabilities multiply in series and redundancy multiplies the
//! *unavailabilities* in parallel, so the request path is only as good as its
//! weakest serial link. An SLO turns into minutes of allowed downtime — the
//! error budget — and every incident spends some of it.
//!
//! `path` composes the request path (blocks, series and parallel, regions), `budget` turns
//! the SLO into minutes and spends them, `params` is the demo's table and link, `demo` its
//! claims and place in the registry.

mod budget;
mod demo;
mod params;
mod path;

pub use budget::*;
pub use demo::Availability;
use params::validate;
pub use params::AvailabilityParams;
pub use path::*;

/// Minutes in a 30-day month, the worked example's month.
pub const MINUTES_PER_30_DAY_MONTH: f64 = 30.0 * 24.0 * 60.0;
/// Minutes in a year of 365.25 days.
pub const MINUTES_PER_YEAR: f64 = 365.25 * 24.0 * 60.0;
/// Most units one block may hold (keeps k-of-n sums cheap and links short).
pub const MAX_UNITS: u32 = 64;
/// Most blocks on one path, and incidents in one month.
pub const MAX_BLOCKS: usize = 12;
pub const MAX_INCIDENTS: usize = 31;

#[derive(Clone, Debug, PartialEq)]
pub struct AvailabilityOutcome {
    pub composition: Composition,
    pub redundancy: Option<RedundancyCurve>,
    pub burn: Burn,
    pub slo_table: Vec<SloRow>,
}

/// Composes the path and spends the budget. Bad input gives every problem found, in words.
pub fn evaluate(p: &AvailabilityParams) -> Result<AvailabilityOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let composition = compose(&p.path, p.regions, p.slo, p.month);
    let redundancy = p
        .path
        .iter()
        .position(|b| b.component == Component::AppTask)
        .or_else(|| p.path.iter().position(|b| b.units > 1))
        .map(|block| redundancy_curve(p, block));
    Ok(AvailabilityOutcome {
        composition,
        redundancy,
        burn: burn(p),
        slo_table: slo_table(p.month),
    })
}
