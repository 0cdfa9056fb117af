//! The availability demo's claims against the worked example and its place in the registry.

use super::*;
use crate::claim::{number, Live, Note};

crate::demo! {
    /// The availability demo in the lab's registry.
    Availability: AvailabilityParams => AvailabilityOutcome, evaluate: evaluate,
    exercises: availability,
    claims: [COMPOSED, BUDGET, FOUR_NINES, LEFT_AFTER_30, PARTIAL_BURN],
    notes: &[FOUR_NINES_NOTE],
    shares: [MultiAz],
    take: crate::scenario::apply_to_availability,
    give: crate::scenario::from_availability,
}

crate::claims! { Availability: AvailabilityParams => AvailabilityOutcome {
    /// §3: "the realistic composed availability is ≈ 99.9 %".
    COMPOSED: "Composed availability", "≈ 99.9 %", Places(1),
        |_, o| number(o.composition.availability * 100.0);
    /// §1 and §3: a 99.9 % SLO allows 43.2 minutes in a 30-day month.
    BUDGET: "Error budget", "43.2 min", Places(1),
        |_, o| number(o.burn.budget_min);
    /// §3's table: four nines allow 4.32 minutes in a 30-day month.
    FOUR_NINES: "99.99 % allows a month", "4.32 min", Places(2),
        |_, o| {
            o.slo_table
                .iter()
                .find(|r| r.slo == 0.9999)
                .map(|r| Live::Number(r.downtime_min_per_month))
        };
    /// §3: a 30-minute incident leaves 13.2 minutes (live: after the month's first such outage).
    LEFT_AFTER_30: "Left after a 30-minute outage", "13.2 min", Places(1),
        |_, o| burn_of(o, 30.0, 1.0).map(|b| Live::Number(b.left_after_min));
    /// §3: 9 minutes that degraded half the users spend ≈ 10.4 % of the budget.
    PARTIAL_BURN: "9 minutes at 50 % of users", "10.4 %", Places(1),
        |_, o| burn_of(o, 9.0, 0.5).map(|b| Live::Number(b.consumed * 100.0));
}}

/// The month's first incident of that length and share, as it burned.
fn burn_of(o: &AvailabilityOutcome, minutes: f64, share: f64) -> Option<&IncidentBurn> {
    o.burn
        .incidents
        .iter()
        .find(|b| b.incident.minutes == minutes && b.incident.users_affected == share)
}

/// Four nines "would need multi-region", says the worked example: not with the edge in series.
const FOUR_NINES_NOTE: Note = Note {
    text: "The worked example says 99.99 % \"would need multi-region\". A second region removes the region as a single point of failure, but the global edge stays in series with both: with the CDN assumed at 99.99 %, PhotoShare's path stays just below four nines even with instant failover, and lower once the failover time counts (the multi-region demo). Four nines would also need an edge better than four nines.",
    source: "AWS Well-Architected, Reliability pillar: availability with hard dependencies and redundant components",
    url: "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html",
};
