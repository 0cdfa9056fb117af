//! The error budget: an SLO as minutes of allowed downtime, and a month's incidents
//! spending them.

use super::*;
use crate::sort;

/// How long "a month" is when an SLO is turned into minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MonthLength {
    /// 30 days: 43,200 minutes, the worked example's month.
    #[default]
    ThirtyDays,
    /// 365.25 / 12 days: 43,830 minutes.
    Average,
}

impl MonthLength {
    pub const ALL: [MonthLength; 2] = [MonthLength::ThirtyDays, MonthLength::Average];

    /// Its value in a link: `month=avg`.
    pub fn slug(self) -> &'static str {
        match self {
            MonthLength::ThirtyDays => "30d",
            MonthLength::Average => "avg",
        }
    }

    pub fn minutes(self) -> f64 {
        match self {
            MonthLength::ThirtyDays => MINUTES_PER_30_DAY_MONTH,
            MonthLength::Average => MINUTES_PER_YEAR / 12.0,
        }
    }

    pub fn days(self) -> f64 {
        self.minutes() / (24.0 * 60.0)
    }
}

/// An outage: how long, and what share of users it hurt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Incident {
    /// Day of the month it happened on, from 1.
    pub day: u32,
    pub minutes: f64,
    /// 0–1: a partial outage spends budget in proportion.
    pub users_affected: f64,
}

/// Allowed downtime in minutes for an availability over a span of minutes.
pub fn downtime_minutes(availability: f64, span_minutes: f64) -> f64 {
    (1.0 - availability) * span_minutes
}

/// The error budget: minutes of downtime an SLO allows in a month.
pub fn error_budget_minutes(slo: f64, month: MonthLength) -> f64 {
    downtime_minutes(slo, month.minutes())
}

/// Share of the month's budget (0–1) one incident spends.
pub fn budget_consumed(incident: &Incident, budget_minutes: f64) -> f64 {
    incident.minutes * incident.users_affected / budget_minutes
}

/// One row of the SLO table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SloRow {
    pub slo: f64,
    pub unavailable: f64,
    pub downtime_min_per_month: f64,
    pub downtime_min_per_year: f64,
}

/// The SLOs the course compares.
pub const SLO_TABLE_TARGETS: [f64; 4] = [0.99, 0.999, 0.9995, 0.9999];

pub fn slo_table(month: MonthLength) -> Vec<SloRow> {
    SLO_TABLE_TARGETS
        .iter()
        .map(|&slo| SloRow {
            slo,
            unavailable: 1.0 - slo,
            downtime_min_per_month: downtime_minutes(slo, month.minutes()),
            downtime_min_per_year: downtime_minutes(slo, MINUTES_PER_YEAR),
        })
        .collect()
}

/// What the team may do with what is left of the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeployPolicy {
    /// Plenty left: ship features fast.
    Ship,
    /// Running low: freeze risky deploys, spend the month on reliability.
    FreezeRiskyDeploys,
    /// Spent: only fixes ship until the month rolls over.
    Exhausted,
}

/// One incident's share of the budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IncidentBurn {
    pub incident: Incident,
    pub consumed_min: f64,
    /// 0–1 of the month's budget.
    pub consumed: f64,
    /// Budget minutes left after it (and every incident before it).
    pub left_after_min: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Burn {
    pub budget_min: f64,
    /// In the order they happened.
    pub incidents: Vec<IncidentBurn>,
    pub consumed_min: f64,
    pub consumed: f64,
    /// May be negative: the budget is overspent.
    pub left_min: f64,
    pub policy: DeployPolicy,
    /// (day, minutes left): a step line from day 0 to the month's end.
    pub burn_down: Vec<(f64, f64)>,
    /// (day, minutes left) if downtime were spread evenly: the "on track" line.
    pub even_burn: [(f64, f64); 2],
}

pub(super) fn burn(p: &AvailabilityParams) -> Burn {
    let budget_min = error_budget_minutes(p.slo, p.month);
    let days = p.month.days();
    let mut ordered = p.incidents.clone();
    sort::by_key(&mut ordered, |i| u128::from(i.day));
    let mut left = budget_min;
    let mut burn_down = vec![(0.0, budget_min)];
    let incidents: Vec<IncidentBurn> = ordered
        .into_iter()
        .map(|incident| {
            let consumed_min = incident.minutes * incident.users_affected;
            let day = f64::from(incident.day).min(days);
            burn_down.push((day, left));
            left -= consumed_min;
            burn_down.push((day, left));
            IncidentBurn {
                incident,
                consumed_min,
                consumed: budget_consumed(&incident, budget_min),
                left_after_min: left,
            }
        })
        .collect();
    burn_down.push((days, left));
    let consumed_min = budget_min - left;
    let policy = if left <= 0.0 {
        DeployPolicy::Exhausted
    } else if left < p.freeze_below * budget_min {
        DeployPolicy::FreezeRiskyDeploys
    } else {
        DeployPolicy::Ship
    };
    Burn {
        budget_min,
        incidents,
        consumed_min,
        consumed: consumed_min / budget_min,
        left_min: left,
        policy,
        burn_down,
        even_burn: [(0.0, budget_min), (days, 0.0)],
    }
}
