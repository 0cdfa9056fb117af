//! A project's design report: the worked example's computed sections (§3–§5) for the
//! project's values, each with its formula. Every figure comes from a demo's own model, run
//! on the params that demo opens on when it is linked to the project
//! ([`Scenario::open`]), so the report and the demos cannot disagree.
//!
//! The report is a document: [`Section`]s of sentences, formulas and tables as text, which
//! the page shows, prints and [`super::markdown`] writes out. The numbers beside it
//! ([`Report`]'s other fields) are the demos' outcomes, for the tests and the page.

use super::text::{duration, exact, figures3, grouped, percent, trimmed, usd};
use super::{validate, Project};
use crate::autoscaling::{self, Autoscaling, Sizing, SizingRow};
use crate::availability::{self, Availability, AvailabilityOutcome, MonthLength};
use crate::cost::{Cost, CostOutcome, Group};
use crate::demo::Demo;
use crate::link::Query;
use crate::scenario::Scenario;
use crate::serverless::{Cheaper, Serverless, ServerlessOutcome};
use crate::vocabulary::Cloud;

/// A part of the report: what it answers, how, and the figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The section's anchor and test id: `sizing`, `slo`, …
    pub id: &'static str,
    pub title: &'static str,
    pub lines: Vec<String>,
    pub formulas: Vec<Formula>,
    pub tables: Vec<TextTable>,
}

/// A formula, in general and with the project's numbers in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    pub general: &'static str,
    pub filled: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextTable {
    /// Its test id and caption.
    pub id: &'static str,
    pub caption: String,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// The report: its sections and the demos' outcomes they were written from.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub project: Project,
    pub assumptions: Vec<String>,
    pub sizing: Sizing,
    /// Requests a second one task serves at the CPU target.
    pub per_task_per_s: f64,
    /// Seconds from a scale-out decision to a new task's first request.
    pub startup_s: u32,
    pub availability: AvailabilityOutcome,
    pub bill: CostOutcome,
    pub functions: ServerlessOutcome,
    pub sections: Vec<Section>,
}

/// The report of a valid project, or its problems (the project's own, or a demo's refusal).
pub fn report(p: &Project) -> Result<Report, Vec<String>> {
    validate(p)?;
    let s = Scenario::of(p.clone());
    let scaling = opened::<Autoscaling>(&s);
    let sizing = autoscaling::sizing(&scaling).map_err(|e| vec![e])?;
    let availability = run::<Availability>(&s)?;
    let bill = run::<Cost>(&s)?;
    let functions = run::<Serverless>(&s)?;
    let mut r = Report {
        project: p.clone(),
        assumptions: assumptions(p),
        sizing,
        per_task_per_s: scaling.capacity_per_task_per_s * scaling.cpu_target,
        startup_s: scaling.startup_delay_s(),
        availability,
        bill,
        functions,
        sections: Vec::new(),
    };
    r.sections = vec![
        sizing_section(&r),
        slo_section(&r),
        availability_section(&r, &opened::<Availability>(&s)),
        bill_section(&r),
        functions_section(&r),
        tradeoffs_section(&r),
    ];
    Ok(r)
}

/// "1 task", "8 tasks".
fn tasks(n: u32) -> String {
    if n == 1 {
        "1 task".into()
    } else {
        format!("{n} tasks")
    }
}

/// Whole dollars, as the worked example rounds its headline figures: "$1,048".
fn dollars(x: crate::money::Usd) -> String {
    usd(x.whole_dollars()).trim_end_matches(".00").to_string()
}

/// The params a linked demo opens on for this project.
fn opened<D: Demo>(s: &Scenario) -> D::Params {
    s.open::<D>(&Query::default(), false).params
}

fn run<D: Demo>(s: &Scenario) -> Result<D::Outcome, Vec<String>> {
    D::evaluate(&opened::<D>(s)).map_err(|problems| {
        let title = D::info().title;
        problems
            .into_iter()
            .map(|m| format!("{title}: {m}"))
            .collect()
    })
}

fn assumptions(p: &Project) -> Vec<String> {
    let mut out = p.assumptions();
    out.push(format!(
        "The bill pays for {} tasks on average: the steady load's sizing, at least the floor (the burst's hours are not counted).",
        crate::scenario::average_tasks(p)
    ));
    out.push("The levers are the cost demo's: 1-year commitments at −40 % (compute), −42 % (database) and −40 % (cache); 730 hours a month.".into());
    out.push("Each block of the request path has the availability demo's value; the app tier runs the floor's tasks across two AZs, one enough to serve.".into());
    out
}

fn sizing_section(r: &Report) -> Section {
    let p = &r.project;
    let z = &r.sizing;
    let per_task = trimmed(r.per_task_per_s, 2);
    let row = |label: &str, x: &SizingRow| {
        vec![
            label.to_string(),
            grouped(x.edge_per_s, 0),
            percent(x.cdn_hit_ratio),
            trimmed(x.origin_per_s, 1),
            figures3(x.origin_per_s / r.per_task_per_s),
            x.tasks.to_string(),
        ]
    };
    let mut lines = vec![format!(
        "One task serves {} req/s at 100 % CPU; the autoscaler holds {} CPU, so it counts {per_task} req/s a task.",
        trimmed(p.task_capacity_per_s, 2),
        percent(p.cpu_target)
    )];
    lines.push(if z.burst.tasks > p.max_tasks {
        format!(
            "The burst needs {} tasks, above the ceiling of {}: raise the ceiling or a task's capacity, or the burst is refused.",
            z.burst.tasks, p.max_tasks
        )
    } else {
        format!(
            "The burst needs {}, within the ceiling of {}; the floor keeps at least {}.",
            tasks(z.burst.tasks),
            p.max_tasks,
            p.min_tasks
        )
    });
    Section {
        id: "sizing",
        title: "Sizing the app tier",
        lines,
        formulas: vec![Formula {
            general: "N = ⌈L × (1 − h) ÷ (c × t)⌉",
            filled: format!(
                "N = ⌈{} × (1 − {}) ÷ ({} × {})⌉ = ⌈{} ÷ {per_task}⌉ = {}",
                grouped(z.steady.edge_per_s, 0),
                trimmed(z.steady.cdn_hit_ratio, 4),
                trimmed(p.task_capacity_per_s, 2),
                trimmed(p.cpu_target, 4),
                trimmed(z.steady.origin_per_s, 1),
                z.steady.tasks
            ),
        }],
        tables: vec![TextTable {
            id: "sizing-table",
            caption: "Tasks for each load".into(),
            head: vec![
                "load",
                "at the edge, req/s",
                "CDN hit",
                "at the origin, req/s",
                "origin ÷ per task",
                "tasks",
            ],
            rows: vec![
                row("steady, without a CDN", &z.without_cdn),
                row("steady, behind the CDN", &z.steady),
                row("burst, behind the CDN", &z.burst),
            ],
        }],
    }
}

fn slo_section(r: &Report) -> Section {
    let slo = r.project.slo;
    let burn = &r.availability.burn;
    let mut rows: Vec<Vec<String>> = r
        .availability
        .slo_table
        .iter()
        .map(|row| {
            let ours = if (row.slo - slo).abs() < 1e-12 {
                " — our SLO"
            } else {
                ""
            };
            vec![
                format!("{}{ours}", percent(row.slo)),
                trimmed(row.unavailable, 6),
                format!("{} min", figures3(row.downtime_min_per_month)),
                duration(row.downtime_min_per_year),
            ]
        })
        .collect();
    if !rows.iter().any(|row| row[0].ends_with("our SLO")) {
        let month = availability::downtime_minutes(slo, MonthLength::ThirtyDays.minutes());
        let year = availability::downtime_minutes(slo, availability::MINUTES_PER_YEAR);
        rows.push(vec![
            format!("{} — our SLO", percent(slo)),
            trimmed(1.0 - slo, 6),
            format!("{} min", figures3(month)),
            duration(year),
        ]);
    }
    let mut lines = Vec::new();
    for b in &burn.incidents {
        lines.push(format!(
            "An outage of {} min for {} of users spends {} % of the budget, leaving {} min.",
            trimmed(b.incident.minutes, 1),
            percent(b.incident.users_affected),
            trimmed(b.consumed * 100.0, 1),
            trimmed(b.left_after_min, 1)
        ));
    }
    Section {
        id: "slo",
        title: "SLO and error budget",
        lines,
        formulas: vec![
            Formula {
                general: "budget = (1 − SLO) × 43,200 min (a 30-day month)",
                filled: format!(
                    "budget = (1 − {}) × 43,200 = {} min/month",
                    trimmed(slo, 6),
                    trimmed(burn.budget_min, 2)
                ),
            },
            Formula {
                general: "budget consumed = outage minutes × share of users ÷ budget",
                filled: match burn.incidents.last() {
                    Some(b) => format!(
                        "{} × {} ÷ {} = {} %",
                        trimmed(b.incident.minutes, 1),
                        trimmed(b.incident.users_affected, 2),
                        trimmed(burn.budget_min, 2),
                        trimmed(b.consumed * 100.0, 1)
                    ),
                    None => String::new(),
                },
            },
        ],
        tables: vec![TextTable {
            id: "slo-table",
            caption: "Downtime each SLO allows".into(),
            head: vec![
                "SLO",
                "unavailable",
                "downtime / 30-day month",
                "downtime / year",
            ],
            rows,
        }],
    }
}

fn availability_section(r: &Report, params: &availability::AvailabilityParams) -> Section {
    let c = &r.availability.composition;
    let name = |i: usize| params.path.get(i).map_or("—", |b| b.component.name());
    let rows = params
        .path
        .iter()
        .zip(&c.blocks)
        .map(|(b, a)| {
            let how = if b.units > 1 {
                format!(
                    "{} of {} needed, each {}",
                    b.needed,
                    b.units,
                    percent(b.availability)
                )
            } else {
                "one".to_string()
            };
            vec![b.component.name().to_string(), how, percent(*a)]
        })
        .collect();
    let verdict = if c.meets_slo { "meets" } else { "misses" };
    Section {
        id: "availability",
        title: "Composed availability",
        lines: vec![
            format!(
                "The request path is ≈ {} % available ({} min of downtime a month); it {verdict} the {} SLO.",
                trimmed(c.availability * 100.0, 2),
                figures3(c.downtime_min_per_month),
                percent(r.project.slo)
            ),
            format!(
                "The weakest link is the {} ({}).",
                name(c.weakest).to_lowercase(),
                percent(c.blocks.get(c.weakest).copied().unwrap_or(0.0))
            ),
        ],
        formulas: vec![Formula {
            general: "A = A₁ × A₂ × … (in series); a block of n where k must be up: P(at least k of n up)",
            filled: format!(
                "A = {} = {} %",
                c.blocks.iter().map(|a| trimmed(*a, 6)).collect::<Vec<_>>().join(" × "),
                trimmed(c.availability * 100.0, 3)
            ),
        }],
        tables: vec![TextTable {
            id: "availability-table",
            caption: "The request path, in series".into(),
            head: vec!["block", "redundancy", "availability"],
            rows,
        }],
    }
}

fn bill_section(r: &Report) -> Section {
    let b = &r.bill;
    let mut lines: Vec<Vec<String>> = b
        .rows
        .iter()
        .map(|row| {
            vec![
                row.label(Cloud::Aws),
                row.unit.to_string(),
                exact(row.quantity),
                exact(row.unit_price_usd),
                usd(row.on_demand_usd),
            ]
        })
        .collect();
    lines.push(vec![
        "on-demand total".into(),
        String::new(),
        String::new(),
        String::new(),
        usd(b.on_demand_usd),
    ]);
    let mut levers: Vec<Vec<String>> = b
        .levers
        .iter()
        .map(|l| {
            let discount = match (l.group, l.discount) {
                (Group::CdnOffload, _) | (_, None) => "already in the bill".to_string(),
                (_, Some(d)) if d > 0.0 => format!("−{}", percent(d)),
                _ => "0 %".to_string(),
            };
            vec![
                l.group.name(Cloud::Aws),
                l.group.applies_to(Cloud::Aws),
                discount,
                usd(l.on_demand_usd),
                usd(l.optimized_usd),
            ]
        })
        .collect();
    levers.push(vec![
        "optimized total".into(),
        String::new(),
        String::new(),
        usd(b.on_demand_usd),
        usd(b.optimized_usd),
    ]);
    let largest = b
        .rows
        .get(b.largest_optimized.row)
        .map(|row| row.line.name(Cloud::Aws));
    Section {
        id: "bill",
        title: "Monthly bill",
        lines: vec![
            format!(
                "Committing the always-on tiers for a year takes the bill from {} to {} a month: {} % less (about {} a year).",
                dollars(b.on_demand_usd),
                dollars(b.optimized_usd),
                trimmed(b.saving_share * 100.0, 0),
                dollars(b.saving_per_year_usd)
            ),
            format!(
                "The largest line once optimized is {} ({} % of the bill).",
                largest.unwrap_or_default(),
                trimmed(b.largest_optimized.share * 100.0, 0)
            ),
        ],
        formulas: vec![Formula {
            general: "line = quantity × unit price, rounded half a cent up; total = the sum of the lines",
            filled: format!(
                "saving = {} − {} = {} ({} %)",
                usd(b.on_demand_usd),
                usd(b.optimized_usd),
                usd(b.saving_usd),
                trimmed(b.saving_share * 100.0, 1)
            ),
        }],
        tables: vec![
            TextTable {
                id: "bill-table",
                caption: "On demand, line by line".into(),
                head: vec!["component", "unit", "qty", "$/unit", "$/month"],
                rows: lines,
            },
            TextTable {
                id: "levers-table",
                caption: "The levers".into(),
                head: vec!["lever", "applies to", "discount", "on-demand", "optimized"],
                rows: levers,
            },
        ],
    }
}

fn functions_section(r: &Report) -> Section {
    let at = &r.functions.at;
    let cheaper = match at.cheaper {
        Cheaper::Functions => "the functions are cheaper",
        Cheaper::Fleet => "the always-on fleet is cheaper",
        Cheaper::Same => "both cost the same",
    };
    Section {
        id: "serverless",
        title: "Serverless crossover",
        lines: vec![
            format!(
                "At the project's origin load of {} req/s, {cheaper}: functions {} a month against {} for a fleet of {} tasks (with the load balancer).",
                trimmed(at.rate_per_s, 2),
                usd(at.functions.total_usd),
                usd(at.fleet.total_usd),
                at.fleet.tasks
            ),
            r.functions.curves.verdict(),
        ],
        formulas: vec![Formula {
            general: "functions = requests × price + GB-seconds × price (after the free tier); fleet = tasks × hours × task price + load balancer",
            filled: format!(
                "{} requests a month, {} GB-s billed",
                grouped(at.functions.requests_per_month as f64, 0),
                exact(at.functions.gb_s)
            ),
        }],
        tables: Vec::new(),
    }
}

fn tradeoffs_section(r: &Report) -> Section {
    let p = &r.project;
    let c = &r.availability.composition;
    let db_line = r
        .bill
        .rows
        .iter()
        .find(|row| row.line.group() == Group::DatabaseReserved)
        .map(|row| usd(row.on_demand_usd));
    let availability = if p.multi_az {
        (
            format!(
                "≈ {} % ({} min/mo budget), survives the loss of one AZ",
                trimmed(c.availability * 100.0, 1),
                figures3(r.availability.burn.budget_min)
            ),
            format!(
                "Multi-AZ pays for two database instances ({} a month on demand); 99.99 % would need a second region",
                db_line.unwrap_or_default()
            ),
        )
    } else {
        (
            format!(
                "≈ {} %, one AZ holds the database",
                trimmed(c.availability * 100.0, 1)
            ),
            "a single-AZ database is cheaper, but losing its AZ stops the app".to_string(),
        )
    };
    let mut elasticity =
        "new capacity takes time to start; a very spiky load wants a warm floor".to_string();
    if r.sizing.burst.tasks > p.max_tasks {
        elasticity = format!(
            "the burst needs {} tasks, above the ceiling",
            r.sizing.burst.tasks
        );
    }
    let largest = r
        .bill
        .rows
        .get(r.bill.largest_optimized.row)
        .map(|row| row.line.name(Cloud::Aws));
    Section {
        id: "tradeoffs",
        title: "Results and trade-offs",
        lines: Vec::new(),
        formulas: Vec::new(),
        tables: vec![TextTable {
            id: "tradeoffs-table",
            caption: "What the design buys, and what it costs".into(),
            head: vec!["dimension", "this design", "trade-off accepted"],
            rows: vec![
                vec!["Availability".into(), availability.0, availability.1],
                vec![
                    "Elasticity".into(),
                    format!(
                        "{} → {} tasks, scale-out in ~{} s",
                        p.min_tasks, p.max_tasks, r.startup_s
                    ),
                    elasticity,
                ],
                vec![
                    "Consistency".into(),
                    "the primary database is consistent (CP); cache and CDN stay available (AP)"
                        .into(),
                    "a reader may see cached data a few seconds old".into(),
                ],
                vec![
                    "Cost".into(),
                    format!("~{}/mo optimized", dollars(r.bill.optimized_usd)),
                    format!(
                        "a 1-year commitment; the largest line is {}",
                        largest.unwrap_or_default()
                    ),
                ],
                vec![
                    "Operability".into(),
                    "everything in Terraform, rolling deploys from CI, the error budget decides"
                        .into(),
                    "the state and the pipeline need upkeep of their own".into(),
                ],
            ],
        }],
    }
}
