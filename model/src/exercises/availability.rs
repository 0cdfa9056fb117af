//! Availability: the error budget an SLO leaves, what the month's incidents spend of it, and
//! what redundancy buys.

use super::{number, percent, Exercise, Kind};
use crate::availability::{AvailabilityOutcome, AvailabilityParams, DeployPolicy};

type P = AvailabilityParams;
type O = AvailabilityOutcome;

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "error-budget",
        title: "The month's error budget",
        setup: |_| {},
        question: |p, _| {
            format!(
                "PhotoShare promises {} availability over a {}-day month. How many minutes of \
                 downtime does that leave as the error budget?",
                percent(p.slo),
                number(p.month.days())
            )
        },
        kind: Kind::predict(|_, o| o.burn.budget_min, 0.1, "min"),
        hint: "The budget is the share the SLO allows to fail, times the minutes in the month.",
        why: |p, o| {
            format!(
                "Budget = (1 − SLO) × minutes in the month = {} × {} min = {} min.",
                number(1.0 - p.slo),
                number(p.month.minutes()),
                number(o.burn.budget_min)
            )
        },
    },
    Exercise {
        slug: "after-the-incidents",
        title: "Ship or freeze after the incidents",
        setup: |_| {},
        question: |p, _| {
            let incidents: Vec<String> = p
                .incidents
                .iter()
                .map(|i| {
                    format!(
                        "{} min for {} of users on day {}",
                        number(i.minutes),
                        percent(i.users_affected),
                        i.day
                    )
                })
                .collect();
            format!(
                "This month had these incidents: {}. The team freezes risky deploys once less \
                 than {} of the budget is left. What should it do now?",
                incidents.join("; "),
                percent(p.freeze_below)
            )
        },
        kind: Kind::Choose {
            options: &[
                "Ship features as usual",
                "Freeze risky deploys",
                "Only fixes ship: the budget is spent",
            ],
            answer: |_, o| match o.burn.policy {
                DeployPolicy::Ship => 0,
                DeployPolicy::FreezeRiskyDeploys => 1,
                DeployPolicy::Exhausted => 2,
            },
        },
        hint: "An incident spends its minutes times the share of users it hit.",
        why: |_, o| {
            format!(
                "The incidents spent {} min of the {} min budget ({}), leaving {} min.",
                number(o.burn.consumed_min),
                number(o.burn.budget_min),
                percent(o.burn.consumed),
                number(o.burn.left_min)
            )
        },
    },
    Exercise {
        slug: "meet-99-95",
        title: "Meet 99.95 %",
        setup: |p| p.slo = 0.9995,
        question: |p, o| {
            format!(
                "The path now composes to {}, short of a {} SLO. Change the architecture (not \
                 the SLO) until the path meets it.",
                percent(o.composition.availability),
                percent(p.slo)
            )
        },
        kind: Kind::Goal {
            met: |p, o| p.slo >= 0.9995 && o.composition.meets_slo,
            show_me: |p| p.regions = p.regions.max(2),
        },
        hint: "Blocks in series multiply: the weakest one caps the whole path. A second region in \
               parallel fails only when both do.",
        why: |p, o| {
            let c = &o.composition;
            let blocks: Vec<String> = c.blocks.iter().map(|&a| percent(a)).collect();
            format!(
                "In series the region gives {} = {}; across {} region(s) with the global edge, \
                 {} against an SLO of {}.",
                blocks.join(" × "),
                percent(c.region),
                p.regions,
                percent(c.availability),
                percent(p.slo)
            )
        },
    },
];
