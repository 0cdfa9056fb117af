//! The availability demo's claims against the worked example and its place in the registry.

use super::*;
use crate::catalog::DemoId;
use crate::claim::{Claim, Live, Note, Rounding};
use crate::demo::Demo;
use crate::scenario::{self, Scenario, ScenarioUpdate, SharedValue};

/// The availability demo in the lab's registry.
pub struct Availability;

type AvailabilityClaim = Claim<AvailabilityParams, AvailabilityOutcome>;

impl Availability {
    /// §3: "the realistic composed availability is ≈ 99.9 %".
    pub const COMPOSED: AvailabilityClaim = Claim {
        label: "Composed availability",
        printed: "≈ 99.9 %",
        rounding: Rounding::Places(1),
        live: |_, o| Some(Live::Number(o.composition.availability * 100.0)),
    };
    /// §1 and §3: a 99.9 % SLO allows 43.2 minutes in a 30-day month.
    pub const BUDGET: AvailabilityClaim = Claim {
        label: "Error budget",
        printed: "43.2 min",
        rounding: Rounding::Places(1),
        live: |_, o| Some(Live::Number(o.burn.budget_min)),
    };
    /// §3's table: four nines allow 4.32 minutes in a 30-day month.
    pub const FOUR_NINES: AvailabilityClaim = Claim {
        label: "99.99 % allows a month",
        printed: "4.32 min",
        rounding: Rounding::Places(2),
        live: |_, o| {
            o.slo_table
                .iter()
                .find(|r| r.slo == 0.9999)
                .map(|r| Live::Number(r.downtime_min_per_month))
        },
    };
    /// §3: a 30-minute incident leaves 13.2 minutes (live: after the month's first such outage).
    pub const LEFT_AFTER_30: AvailabilityClaim = Claim {
        label: "Left after a 30-minute outage",
        printed: "13.2 min",
        rounding: Rounding::Places(1),
        live: |_, o| burn_of(o, 30.0, 1.0).map(|b| Live::Number(b.left_after_min)),
    };
    /// §3: 9 minutes that degraded half the users spend ≈ 10.4 % of the budget.
    pub const PARTIAL_BURN: AvailabilityClaim = Claim {
        label: "9 minutes at 50 % of users",
        printed: "10.4 %",
        rounding: Rounding::Places(1),
        live: |_, o| burn_of(o, 9.0, 0.5).map(|b| Live::Number(b.consumed * 100.0)),
    };
}

/// The month's first incident of that length and share, as it burned.
fn burn_of(o: &AvailabilityOutcome, minutes: f64, share: f64) -> Option<&IncidentBurn> {
    o.burn
        .incidents
        .iter()
        .find(|b| b.incident.minutes == minutes && b.incident.users_affected == share)
}

impl Demo for Availability {
    const ID: DemoId = DemoId::Availability;
    type Params = AvailabilityParams;
    type Outcome = AvailabilityOutcome;
    const EXERCISES: &'static [crate::exercises::Exercise<Self::Params, Self::Outcome>] =
        &crate::exercises::availability::EXERCISES;

    fn evaluate(p: &AvailabilityParams) -> Result<AvailabilityOutcome, Vec<String>> {
        evaluate(p)
    }

    const CLAIMS: &'static [AvailabilityClaim] = &[
        Self::COMPOSED,
        Self::BUDGET,
        Self::FOUR_NINES,
        Self::LEFT_AFTER_30,
        Self::PARTIAL_BURN,
    ];

    const NOTES: &'static [Note] = &[Note {
        text: "The worked example says 99.99 % \"would need multi-region\". A second region removes the region as a single point of failure, but the global edge stays in series with both: with the CDN assumed at 99.99 %, PhotoShare's path stays just below four nines even with instant failover, and lower once the failover time counts (the multi-region demo). Four nines would also need an edge better than four nines.",
        source: "AWS Well-Architected, Reliability pillar: availability with hard dependencies and redundant components",
        url: "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html",
    }];

    const SHARES: &'static [SharedValue] = &[SharedValue::MultiAz];

    fn take(p: &mut AvailabilityParams, s: &Scenario) {
        scenario::apply_to_availability(s, p)
    }

    fn give(p: &AvailabilityParams) -> Option<ScenarioUpdate> {
        Some(scenario::from_availability(p))
    }
}
