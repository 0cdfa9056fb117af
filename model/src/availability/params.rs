//! The demo's parameters, described once: the table the link, the controls and the generic
//! tests read, the range checks, and the path and incidents written as link text.

use super::*;
use crate::link::{from_percent, number_text, parse_list};
use crate::params::{self, shared, within, Choice, Fields, Problems, Spec, Table};
use crate::photoshare;

/// Everything the availability demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct AvailabilityParams {
    /// The request path, in series from the user inward.
    pub path: Vec<Block>,
    /// 1, or 2 for the multi-region active-passive extension (regional blocks duplicated).
    pub regions: u32,
    /// The monthly objective, 0–1.
    pub slo: f64,
    pub month: MonthLength,
    pub incidents: Vec<Incident>,
    /// Risky deploys freeze once less than this share of the budget is left.
    pub freeze_below: f64,
}

impl Default for AvailabilityParams {
    /// PhotoShare: CDN → ALB → 2 tasks across two AZs (1 must be up) → Multi-AZ Postgres,
    /// and the month of the worked example's two incidents.
    fn default() -> Self {
        AvailabilityParams {
            path: vec![
                Block::single(Component::Cdn),
                Block::single(Component::LoadBalancer),
                Block {
                    units: photoshare::MIN_TASKS,
                    needed: 1,
                    ..Block::single(Component::AppTask)
                },
                Block::single(Component::Database),
            ],
            regions: 1,
            slo: photoshare::SLO,
            month: MonthLength::ThirtyDays,
            incidents: vec![
                Incident {
                    day: 9,
                    minutes: 30.0,
                    users_affected: 1.0,
                },
                Incident {
                    day: 20,
                    minutes: 9.0,
                    users_affected: 0.5,
                },
            ],
            freeze_below: 0.5,
        }
    }
}

impl AvailabilityParams {
    /// The database choice the path's database block matches, if it matches one.
    pub fn database_choice(&self) -> Option<DatabaseChoice> {
        let db = self
            .path
            .iter()
            .find(|b| b.component == Component::Database)?;
        [DatabaseChoice::SingleAz, DatabaseChoice::MultiAz]
            .into_iter()
            .find(|c| (c.availability() - db.availability).abs() < 1e-12)
    }

    /// Sets every database block to the choice's availability.
    pub fn set_database(&mut self, choice: DatabaseChoice) {
        for b in &mut self.path {
            if b.component == Component::Database {
                b.availability = choice.availability();
            }
        }
    }
}

pub(super) fn validate(p: &AvailabilityParams) -> Vec<String> {
    let mut problems = Problems::default();
    problems.check(
        !p.path.is_empty(),
        "The path needs at least one block.".into(),
    );
    problems.check(
        p.path.len() <= MAX_BLOCKS,
        format!("At most {MAX_BLOCKS} blocks fit on the path."),
    );
    for (i, b) in p.path.iter().enumerate() {
        let name = format!("Block {} ({})", i + 1, b.component.slug());
        problems.check(
            within(b.availability, 0.0, 1.0),
            format!("{name}: availability must be between 0 and 100 %."),
        );
        problems.check(
            (1..=MAX_UNITS).contains(&b.units),
            format!("{name}: units must be between 1 and {MAX_UNITS}."),
        );
        problems.check(
            (1..=b.units).contains(&b.needed),
            format!(
                "{name}: units needed must be between 1 and the {} units there are.",
                b.units
            ),
        );
    }
    problems.extend(params::check(p));
    problems.check(
        p.incidents.len() <= MAX_INCIDENTS,
        format!("At most {MAX_INCIDENTS} incidents in a month."),
    );
    let max_minutes = p.month.minutes();
    for (i, inc) in p.incidents.iter().enumerate() {
        let name = format!("Incident {}", i + 1);
        problems.check(
            within(inc.minutes, 0.0, max_minutes),
            format!("{name}: minutes must be between 0 and {max_minutes}."),
        );
        problems.check(
            within(inc.users_affected, 0.0, 1.0),
            format!("{name}: users affected must be between 0 and 100 %."),
        );
        problems.check(
            (1..=31).contains(&inc.day),
            format!("{name}: the day must be between 1 and 31."),
        );
    }
    problems.into_vec()
}

// Link format: `path=cdn:99.99,alb:99.99,task:99.5:1of2,db:99.95&regions=1&slo=99.9&month=30d&inc=9:30:100,20:9:50&freeze=50`.
// Availabilities and shares are in percent, as a student reads them.
crate::link_from_table!(AvailabilityParams);

const MONTHS: [Choice; 2] = [
    Choice::new("30d", "30 days (43,200 min)"),
    Choice::new("avg", "an average month (43,830 min)"),
];

impl AvailabilityParams {
    crate::fields! {
        PATH: text(path_text, parse_path) path, Spec::named("path", "The request path");
        REGIONS: whole regions, Spec::new("regions", "Regions", "", (1.0, 2.0), 1.0);
        SLO: number slo, shared::SLO;
        MONTH: choice(&MONTHS, MonthLength) month, Spec::named("month", "A month is");
        INCIDENTS: text(incidents_text, parse_incidents) incidents,
            Spec::named("inc", "Incidents this month");
        FREEZE: number freeze_below,
            Spec::percent("freeze", "Freeze risky deploys when less of the budget is left than",
                (0.0, 100.0), 5.0);
    }
}

impl Fields for AvailabilityParams {
    const FIELDS: Table<Self> = &[&[
        Self::PATH,
        Self::REGIONS,
        Self::SLO,
        Self::MONTH,
        Self::INCIDENTS,
        Self::FREEZE,
    ]];
}

fn path_text(path: &[Block]) -> String {
    path.iter()
        .map(|b| {
            let mut s = format!(
                "{}:{}",
                b.component.slug(),
                number_text(b.availability * 100.0)
            );
            if b.units != 1 || b.needed != 1 {
                s.push_str(&format!(":{}of{}", b.needed, b.units));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_path(text: &str) -> Result<Vec<Block>, String> {
    parse_list(text, MAX_BLOCKS, "blocks", |i, item| {
        let mut parts = item.split(':');
        let slug = parts.next().unwrap_or_default();
        let component = Component::from_slug(slug)
            .ok_or_else(|| format!("block {}: unknown kind '{slug}'", i + 1))?;
        let availability = match parts.next() {
            Some(a) => percent(a).ok_or_else(|| format!("block {}: bad availability", i + 1))?,
            None => component.assumed().value,
        };
        let (needed, units) = match parts.next() {
            Some(kn) => {
                let (k, n) = kn
                    .split_once("of")
                    .ok_or_else(|| format!("block {}: expected k of n, as 1of2", i + 1))?;
                match (k.parse::<u32>(), n.parse::<u32>()) {
                    (Ok(k), Ok(n)) if (1..=MAX_UNITS).contains(&n) && (1..=n).contains(&k) => {
                        (k, n)
                    }
                    _ => {
                        return Err(format!(
                            "block {}: k of n must have 1 ≤ k ≤ n ≤ {MAX_UNITS}",
                            i + 1
                        ))
                    }
                }
            }
            None => (1, 1),
        };
        if parts.next().is_some() {
            return Err(format!("block {}: too many parts", i + 1));
        }
        Ok(Block {
            component,
            availability,
            units,
            needed,
        })
    })
}

fn incidents_text(incidents: &[Incident]) -> String {
    incidents
        .iter()
        .map(|i| {
            format!(
                "{}:{}:{}",
                i.day,
                number_text(i.minutes),
                number_text(i.users_affected * 100.0)
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_incidents(text: &str) -> Result<Vec<Incident>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    parse_list(text, MAX_INCIDENTS, "incidents", |i, item| {
        let parts: Vec<&str> = item.split(':').collect();
        let bad = || {
            format!(
                "incident {}: expected day:minutes:percent, as 20:9:50",
                i + 1
            )
        };
        let [day, minutes, share] = parts.as_slice() else {
            return Err(bad());
        };
        let day = day
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .ok_or_else(bad)?;
        let minutes = minutes
            .parse::<f64>()
            .ok()
            .filter(|m| m.is_finite() && (0.0..=MINUTES_PER_30_DAY_MONTH).contains(m))
            .ok_or_else(bad)?;
        let users_affected = percent(share).ok_or_else(bad)?;
        Ok(Incident {
            day,
            minutes,
            users_affected,
        })
    })
}

/// "99.95" → 0.9995, when it is a finite percentage.
fn percent(text: &str) -> Option<f64> {
    let x = text.parse::<f64>().ok()?;
    (x.is_finite() && (0.0..=100.0).contains(&x)).then_some(from_percent(x))
}
