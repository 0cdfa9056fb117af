//! FinOps cost model (§4 of the worked example).
//!
//! The lesson: an architecture becomes a monthly bill line by line — quantity ×
//! unit price — and pricing-model levers (one-year commitments on what is always
//! on) cut that bill without changing a single box in the diagram. The same
//! prices show the CAPEX → OPEX argument too: an elastic fleet pays only for the
//! hours its load needs, a fleet bought for the peak pays for the peak all day.
//!
//! Money is exact, as on an invoice (see [`crate::money`]): each line is
//! quantity × unit price rounded half a cent up; a lever discounts each line it
//! covers and rounds it the same way; every total is the sum of its lines. So
//! every column adds up to its total, and the worked example's printed rows and
//! totals come out to the cent (tested).

mod bill;
mod csv;
mod day;
mod lines;
mod params;

pub use bill::*;
pub use csv::*;
pub use day::*;
pub use lines::*;
pub use params::*;

use crate::availability::{AvailabilityParams, DatabaseChoice};
use crate::claim::number;
use crate::documented::Documented;
use crate::link::{number_text, LinkState, Route};
use crate::money::{Decimal, Usd, TOO_LARGE};
use crate::photoshare::{self, cost as ps};
use crate::vocabulary::{Cloud, Service};

/// When the unit prices were taken.
pub const PRICES_AS_OF: &str = "the worked example's prices (undated, rounded)";
/// Where the unit prices come from, for the page's footnote.
pub const PRICE_SOURCE: &str = "Illustrative eu-west-1 on-demand list prices, rounded, as the worked example uses them. \
     Not a quote: list prices change, so re-price with the provider's calculator before committing.";

/// Where a Multi-AZ instance's storage billing is documented, for the careful reader's note.
pub const MULTI_AZ_STORAGE_SOURCE: &str = "Amazon RDS User Guide, \u{201c}On-Demand DB instances for \
     Amazon RDS\u{201d}: a Multi-AZ DB instance is charged per GB-month for the storage provisioned for \
     both the primary and the standby.";

/// What AWS documents about the bill's lines and levers, and how the lab follows it.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "Fargate bills the vCPU and memory a task asks for, from the start of its image \
pull until it stops, per second with a one-minute minimum, at a price per vCPU-hour and per \
GB-hour.",
        lab: "A month is the average number of tasks × a task's size × the hours in the month, \
at the worked example's rounded prices: 2 × 1 vCPU × 730 h = 1,460 vCPU-hours.",
        source: "AWS Fargate Pricing",
        url: "https://aws.amazon.com/fargate/pricing/",
    },
    Documented {
        says: "A Multi-AZ DB instance is billed instance-hours for both the primary and the \
standby, and storage per GB-month for the storage provisioned for both.",
        lab: "The instance line counts two instances, as §4 does. The storage line keeps §4's \
single count so that the bill is the printed $1,358.49; the careful reader's note shows both.",
        source: "Amazon RDS User Guide: On-Demand DB instances for Amazon RDS",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html",
    },
    Documented {
        says: "A Compute Savings Plan is a commitment to a dollar amount of compute an hour for \
one or three years; it applies to Fargate usage, which is then charged at the plan's lower \
rates.",
        lab: "The lever takes a discount (the worked example's 40 %) off each Fargate line; what \
the commitment leaves unused is not modelled.",
        source: "Savings Plans User Guide: What are Savings Plans?",
        url: "https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html",
    },
    Documented {
        says: "A reserved DB instance is a discount on one instance class and deployment \
(Single-AZ or Multi-AZ) for one or three years; storage is billed as before.",
        lab: "The reservation lever discounts the instance line only (the worked example's 42 %); \
the storage line stays on demand. Reserved cache nodes work the same way for the Redis line.",
        source: "Amazon RDS User Guide: Reserved DB instances for Amazon RDS",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithReservedDBInstances.html",
    },
];

/// The bill, the levers, and the elastic-vs-fixed day. Bad input gives every problem found, in words.
pub fn evaluate(p: &CostParams) -> Result<CostOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    bill::bill(p).ok_or_else(|| vec![TOO_LARGE.to_string()])
}

crate::demo! {
    /// The cost demo in the lab's registry.
    Cost: CostParams => CostOutcome, evaluate: evaluate, exercises: cost,
    claims: [ON_DEMAND, OPTIMIZED, SAVING_SHARE, SAVING_YEAR],
    shares: [EdgeLoad, CdnHitRatio, MultiAz, AverageTasks],
    take: crate::scenario::apply_to_cost,
    give: crate::scenario::from_cost,
}

// §4's totals, as printed.
crate::claims! { Cost: CostParams => CostOutcome {
    ON_DEMAND: "On demand, a month", "$1,358.49", Places(2),
        |_, o| number(o.on_demand_usd.to_f64());
    OPTIMIZED: "Optimized, a month", "$1,047.63", Places(2),
        |_, o| number(o.optimized_usd.to_f64());
    SAVING_SHARE: "Saving, of the on-demand bill", "23 %", Places(0),
        |_, o| number(o.saving_share * 100.0);
    /// "≈ $3,730": the lab compares whole dollars, which is stricter than the tens printed.
    SAVING_YEAR: "Saving a year", "≈ $3,730", Places(0),
        |_, o| number(o.saving_per_year_usd.to_f64());
}}
