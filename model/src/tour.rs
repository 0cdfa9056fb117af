//! The tour: the worked example read in order, one demo per step.
//!
//! The lesson: every figure the worked example prints comes out of a model a
//! student can run. Each step opens a demo in the worked example's state and
//! checks the printed figures against the live model, so a student who changes
//! the shared [`Scenario`] sees which of the worked example's numbers move.
//! The trade-offs table (§5) is built from the same live models.

use crate::autoscaling::{self, AutoscalingParams, Policy};
use crate::availability::{
    self, budget_consumed, AvailabilityParams, DatabaseChoice, Incident, MonthLength,
};
use crate::cost::{self, BillLine, CostParams};
use crate::failure_drill::{self, DbState};
use crate::iac_drift::{self, ConfigVariant};
use crate::link::{Ignored, LinkReader, LinkState, Query, Route};
use crate::photoshare;
use crate::rolling_deploy::{self, RollingDeployParams};
use crate::scenario::{self, Scenario};
use crate::serverless::{self, ServerlessParams};
use crate::vocabulary::Cloud;

/// A figure the worked example prints, and how to get it from the model.
#[derive(Clone, Copy)]
pub struct Check {
    pub label: &'static str,
    /// Exactly as the worked example prints it.
    pub printed: &'static str,
    /// The live figure, formatted as the worked example formats it.
    pub live: fn(&Scenario) -> String,
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Check({}: {})", self.label, self.printed)
    }
}

/// A check on a scenario: what the worked example prints, what the model gives now.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    pub label: &'static str,
    pub printed: &'static str,
    pub live: String,
    pub agrees: bool,
}

impl Check {
    pub fn run(&self, s: &Scenario) -> CheckResult {
        let live = (self.live)(s);
        CheckResult {
            label: self.label,
            printed: self.printed,
            agrees: live == self.printed,
            live,
        }
    }
}

/// One stop of the tour.
#[derive(Clone, Copy, Debug)]
pub struct TourStep {
    pub id: &'static str,
    pub title: &'static str,
    /// The worked example's section.
    pub section: &'static str,
    /// The demo the step opens.
    pub demo_id: &'static str,
    /// The demo's own link state for this step ("" = its defaults, the worked example).
    pub query: &'static str,
    /// What to try once there, in the course's words.
    pub now_try: &'static str,
    pub checks: &'static [Check],
}

impl TourStep {
    /// `#/<demo>?<query>` with the scenario's keys added.
    pub fn hash(&self, s: &Scenario) -> String {
        let query = [self.query.to_string(), s.to_query()]
            .into_iter()
            .filter(|q| !q.is_empty())
            .collect::<Vec<_>>()
            .join("&");
        Route::hash(self.demo_id, &query)
    }

    pub fn run_checks(&self, s: &Scenario) -> Vec<CheckResult> {
        self.checks.iter().map(|c| c.run(s)).collect()
    }
}

pub const TOUR: [TourStep; 10] = [
    TourStep {
        id: "requirements",
        title: "Requirements and where each tier sits",
        section: "§1 Requirements & architecture",
        demo_id: "service-models",
        query: "",
        now_try: "Find PhotoShare's app tier and its database on the line between what you manage and what the provider manages. Which tier would move if the app ran as functions?",
        checks: &[Check {
            label: "99.9 % SLO as monthly downtime",
            printed: "43.2 min",
            live: live_error_budget,
        }],
    },
    TourStep {
        id: "container",
        title: "The container image",
        section: "§2 IaC, container & deploy",
        demo_id: "vm-vs-container",
        query: "",
        now_try: "Switch between the single-stage and multi-stage build and watch the image size and the pull time; then count how many tasks fit on one host against VMs.",
        checks: &[],
    },
    TourStep {
        id: "iac",
        title: "Infrastructure as code and drift",
        section: "§2 IaC, container & deploy",
        demo_id: "iac-drift",
        query: "",
        now_try: "Change something in the console, run a plan and read what Terraform wants to put back. Then try two applies at once and see the state lock stop one.",
        checks: &[Check {
            label: "State lock table",
            printed: "tf-locks",
            live: live_lock_table,
        }],
    },
    TourStep {
        id: "deploy",
        title: "Rolling deploy behind health checks",
        section: "§2 IaC, container & deploy",
        demo_id: "rolling-deploy",
        query: "",
        now_try: "Ship a bad build and watch it never take traffic. Then lose an AZ halfway through the rollout.",
        // The worked example prints no health-check timing (issue 12, item 2).
        checks: &[],
    },
    TourStep {
        id: "autoscaling",
        title: "Sizing the fleet and the burst",
        section: "§3 Scaling & reliability",
        demo_id: "autoscaling",
        query: "",
        now_try: "Lower the CDN hit ratio to 80 % and see how many tasks the burst needs. Then shorten the scale-in cooldown and make the fleet flap.",
        checks: &[
            Check {
                label: "Tasks for 1,200 req/s without a CDN",
                printed: "14",
                live: live_tasks_without_cdn,
            },
            Check {
                label: "Origin load behind the CDN",
                printed: "96 req/s",
                live: live_origin_steady,
            },
            Check {
                label: "Tasks at steady state",
                printed: "2",
                live: live_tasks_steady,
            },
            Check {
                label: "Tasks for the 9,000 req/s burst",
                printed: "8",
                live: live_tasks_burst,
            },
            Check {
                label: "Scale-out: launch to first request",
                printed: "60 s",
                live: live_scale_out,
            },
        ],
    },
    TourStep {
        id: "availability",
        title: "Composed availability and the error budget",
        section: "§3 Scaling & reliability",
        demo_id: "availability",
        query: "",
        now_try: "Swap the Multi-AZ database for a single-AZ one and see the path miss the SLO. Add a third incident and watch the deploy policy turn to a freeze.",
        checks: &[
            Check {
                label: "Composed availability",
                printed: "99.9 %",
                live: live_composed,
            },
            Check {
                label: "Error budget",
                printed: "43.2 min",
                live: live_error_budget,
            },
            Check {
                label: "Left after a 30-minute outage",
                printed: "13.2 min",
                live: live_left_after_30,
            },
            Check {
                label: "9 minutes at 50 % of users",
                printed: "10.4 %",
                live: live_partial_burn,
            },
        ],
    },
    TourStep {
        id: "failure-drill",
        title: "Failure drill",
        section: "§3 Scaling & reliability",
        demo_id: "failure-drill",
        query: "fail=az%3Aa%40600",
        now_try: "Lose the AZ with the database primary, then the other one. Turn Multi-AZ off and fail the database: how much of the month's budget is left?",
        checks: &[Check {
            label: "Losing one AZ",
            printed: "survives 1 AZ loss",
            live: live_survives_az_loss,
        }],
    },
    TourStep {
        id: "cost",
        title: "The monthly bill and its levers",
        section: "§4 FinOps cost model",
        demo_id: "cost",
        query: "",
        now_try: "Turn the levers off one at a time and see which saves most. Then raise the average task count to what the autoscaler ran during the burst.",
        checks: &[
            Check {
                label: "On-demand total",
                printed: "$1,358.49",
                live: live_on_demand,
            },
            Check {
                label: "Optimized total",
                printed: "$1,047.63",
                live: live_optimized,
            },
            Check {
                label: "Saving",
                printed: "23 %",
                live: live_saving_pct,
            },
            Check {
                label: "Saving a year",
                printed: "$3,730",
                live: live_saving_year,
            },
        ],
    },
    TourStep {
        id: "tradeoffs",
        title: "Results and trade-offs",
        section: "§5 Results & trade-offs",
        demo_id: "cost",
        query: "maz=0",
        now_try: "This is the single-AZ database: compare its bill with the Multi-AZ one, then open the availability demo from here and see what the saving costs in nines.",
        checks: &[
            Check {
                label: "Multi-AZ database line (×2)",
                printed: "$350.40",
                live: live_db_line,
            },
            Check {
                label: "Single-AZ composed availability",
                printed: "99.5 %",
                live: live_single_az_composed,
            },
        ],
    },
    TourStep {
        id: "extensions",
        title: "Extensions: functions and a second region",
        section: "§7 Extensions",
        demo_id: "serverless",
        query: "",
        now_try: "Find the request rate where the always-on fleet becomes cheaper than functions, then switch to the thumbnail function and find it again.",
        checks: &[
            Check {
                label: "API rate the functions would see",
                printed: "96 req/s",
                live: live_serverless_rate,
            },
            Check {
                label: "Two regions, active-passive",
                printed: "99.99 %",
                live: live_two_regions,
            },
        ],
    },
];

pub fn step(id: &str) -> Option<&'static TourStep> {
    TOUR.iter().find(|s| s.id == id)
}

/// Where a reader is in the tour. The link counts from 1 (`#/tour?step=3`), as a lecture does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TourPosition {
    /// 0-based, always within [`TOUR`].
    index: usize,
}

impl TourPosition {
    /// The position of step `number` (1-based), kept within the tour.
    pub fn at(number: usize) -> TourPosition {
        TourPosition {
            index: number.clamp(1, TOUR.len()) - 1,
        }
    }

    /// 1-based, for the page and the link.
    pub fn number(self) -> usize {
        self.index + 1
    }

    pub fn step(self) -> &'static TourStep {
        &TOUR[self.index.min(TOUR.len() - 1)]
    }

    /// The next step; the last stays put.
    pub fn next(self) -> TourPosition {
        TourPosition::at(self.number() + 1)
    }

    /// The previous step; the first stays put.
    pub fn previous(self) -> TourPosition {
        TourPosition::at(self.number().saturating_sub(1))
    }

    pub fn is_first(self) -> bool {
        self.index == 0
    }

    pub fn is_last(self) -> bool {
        self.index + 1 >= TOUR.len()
    }
}

/// Link format: `step=3`; the first step writes nothing.
impl LinkState for TourPosition {
    fn to_query(&self) -> String {
        if self.is_first() {
            String::new()
        } else {
            Query::encode([("step", self.number().to_string())])
        }
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut r = LinkReader::new(query);
        let position = r
            .whole("step", 1, TOUR.len() as u32)
            .map_or_else(TourPosition::default, |n| TourPosition::at(n as usize));
        (position, r.finish())
    }
}

/// A row of §5's table.
#[derive(Clone, Debug, PartialEq)]
pub struct TradeoffRow {
    pub dimension: &'static str,
    pub this_design: String,
    pub cost_of_choice: String,
}

/// §5's table from the live models on the scenario.
pub fn tradeoffs(s: &Scenario) -> Vec<TradeoffRow> {
    let composed = composed_percent(s, s.database_choice(), 1);
    let p = availability_params(s);
    let budget = availability::error_budget_minutes(p.slo, p.month);
    let db_line = |multi_az: bool| {
        let p = CostParams {
            multi_az,
            ..cost_params(s)
        };
        cost::evaluate(&p).ok().and_then(|o| {
            o.rows
                .iter()
                .find(|r| r.line == BillLine::DbInstance)
                .map(|r| r.on_demand_usd)
        })
    };
    let (single, multi) = (db_line(false), db_line(true));
    let availability_cost = if s.multi_az.value {
        format!(
            "Multi-AZ doubles the database line ({} → {} a month on demand); 99.99 % would need a second region ({} %).",
            money(single),
            money(multi),
            composed_percent(s, s.database_choice(), 2)
        )
    } else {
        format!(
            "Single-AZ saves {} a month, but the path drops to {} % and a database failure waits for a restore.",
            money(multi.zip(single).map(|(m, s)| m - s)),
            composed_percent(s, DatabaseChoice::SingleAz, 1)
        )
    };

    let scaling = AutoscalingParams {
        policies: vec![Policy::TargetTracking],
        ..autoscaling_params(s)
    };
    let (elastic, elastic_cost) = match autoscaling::simulate(&scaling) {
        Ok(o) => {
            let run = o.runs.first();
            (
                format!(
                    "{} → {} tasks, scale-out in ~{} s",
                    scaling.min_tasks, scaling.max_tasks, o.startup_delay_s
                ),
                format!(
                    "Cold capacity is not instant: in the {} req/s burst {} % of origin requests were dropped over {} minutes before new tasks served; a warm floor helps very spiky load.",
                    thousands(o.peak_edge_per_s.round()),
                    format_args!("{:.1}", run.map_or(0.0, |r| r.dropped_share * 100.0)),
                    run.map_or(0, |r| r.bad_minutes)
                ),
            )
        }
        Err(e) => (e.join(" "), String::new()),
    };

    let (cost_design, cost_cost) = match cost::evaluate(&cost_params(s)) {
        Ok(o) => {
            let largest = &o.rows[o.largest_optimized.row];
            (
                format!(
                    "≈ {} a month optimized ({} on demand)",
                    dollars(o.optimized_usd.whole_dollars().to_f64()),
                    dollars(o.on_demand_usd.whole_dollars().to_f64())
                ),
                format!(
                    "Reservations lock in a 1-year commitment; the largest line is {} ({}).",
                    largest.line.name(Cloud::Aws),
                    dollars(largest.optimized_usd.to_f64())
                ),
            )
        }
        Err(e) => (e.join(" "), String::new()),
    };

    vec![
        TradeoffRow {
            dimension: "Availability",
            this_design: format!(
                "≈ {composed} % ({:.1} min/mo budget), {}",
                budget,
                live_survives_az_loss(s)
            ),
            cost_of_choice: availability_cost,
        },
        TradeoffRow {
            dimension: "Elasticity",
            this_design: elastic,
            cost_of_choice: elastic_cost,
        },
        TradeoffRow {
            dimension: "Consistency",
            this_design: if s.multi_az.value {
                "CP primary database with a synchronous standby; AP cache and CDN".to_string()
            } else {
                "CP primary database, no standby; AP cache and CDN".to_string()
            },
            cost_of_choice: format!(
                "{} % of reads come from the CDN's cache, and readers can see a few seconds of stale data.",
                pct_text(s.cdn_hit_ratio.value * 100.0)
            ),
        },
        TradeoffRow {
            dimension: "Cost",
            this_design: cost_design,
            cost_of_choice: cost_cost,
        },
        TradeoffRow {
            dimension: "Operability",
            this_design: format!(
                "100 % IaC, rolling deploys gated by /healthz (a new task serves {} after launch), error-budget driven",
                live_rolling_startup(s)
            ),
            cost_of_choice:
                "The Terraform state and the pipeline are systems too, and must be maintained."
                    .to_string(),
        },
    ]
}

fn availability_params(s: &Scenario) -> AvailabilityParams {
    let mut p = AvailabilityParams::default();
    scenario::apply_to_availability(s, &mut p);
    p
}

fn autoscaling_params(s: &Scenario) -> AutoscalingParams {
    let mut p = AutoscalingParams::default();
    scenario::apply_to_autoscaling(s, &mut p);
    p
}

fn cost_params(s: &Scenario) -> CostParams {
    let mut p = CostParams::default();
    scenario::apply_to_cost(s, &mut p);
    p
}

fn composed_percent(s: &Scenario, db: DatabaseChoice, regions: u32) -> String {
    let mut p = availability_params(s);
    p.set_database(db);
    p.regions = regions;
    match availability::evaluate(&p) {
        Ok(o) => format!(
            "{:.*}",
            regions as usize,
            o.composition.availability * 100.0
        ),
        Err(_) => "—".into(),
    }
}

fn live_error_budget(_: &Scenario) -> String {
    let budget = availability::error_budget_minutes(photoshare::SLO, MonthLength::ThirtyDays);
    format!("{budget:.1} min")
}

fn live_left_after_30(_: &Scenario) -> String {
    let budget = availability::error_budget_minutes(photoshare::SLO, MonthLength::ThirtyDays);
    format!("{:.1} min", budget - 30.0)
}

fn live_partial_burn(_: &Scenario) -> String {
    let budget = availability::error_budget_minutes(photoshare::SLO, MonthLength::ThirtyDays);
    let incident = Incident {
        day: 20,
        minutes: 9.0,
        users_affected: 0.5,
    };
    format!("{:.1} %", budget_consumed(&incident, budget) * 100.0)
}

fn live_composed(s: &Scenario) -> String {
    format!("{} %", composed_percent(s, s.database_choice(), 1))
}

fn live_single_az_composed(s: &Scenario) -> String {
    format!("{} %", composed_percent(s, DatabaseChoice::SingleAz, 1))
}

fn live_two_regions(s: &Scenario) -> String {
    format!("{} %", composed_percent(s, s.database_choice(), 2))
}

fn live_lock_table(_: &Scenario) -> String {
    iac_drift::parse_config(&iac_drift::config_text(ConfigVariant::WorkedExample))
        .ok()
        .and_then(|c| c.backend)
        .and_then(|b| b.dynamodb_table)
        .unwrap_or_else(|| "none".into())
}

fn rolling(s: &Scenario) -> Option<rolling_deploy::RollingDeployOutcome> {
    let mut p = RollingDeployParams::default();
    scenario::apply_to_rolling_deploy(s, &mut p);
    rolling_deploy::simulate(&p).ok()
}

fn live_rolling_startup(s: &Scenario) -> String {
    rolling(s).map_or("—".into(), |o| format!("{} s", o.startup_s))
}

fn tasks_text(edge: f64, hit: f64) -> String {
    let p = AutoscalingParams::default();
    autoscaling::tasks_needed(edge, hit, p.capacity_per_task_per_s, p.cpu_target)
        .map_or("—".into(), |n| n.to_string())
}

fn live_tasks_without_cdn(s: &Scenario) -> String {
    tasks_text(s.edge_load_per_s.value, 0.0)
}

fn live_tasks_steady(s: &Scenario) -> String {
    tasks_text(s.edge_load_per_s.value, s.cdn_hit_ratio.value)
}

fn live_tasks_burst(s: &Scenario) -> String {
    let p = autoscaling_params(s);
    tasks_text(p.edge_load_per_s * p.spike_factor, p.cdn_hit_ratio)
}

fn live_origin_steady(s: &Scenario) -> String {
    format!("{} req/s", pct_text(s.origin_load_per_s()))
}

fn live_scale_out(s: &Scenario) -> String {
    format!("{} s", autoscaling_params(s).startup_delay_s())
}

fn live_survives_az_loss(s: &Scenario) -> String {
    let Ok(o) = failure_drill::simulate(&scenario::az_loss_drill(s)) else {
        return "—".into();
    };
    let restored = o
        .samples
        .iter()
        .all(|x| !matches!(x.db, DbState::Recovering { .. }));
    if o.back_to_normal_s.is_some() && restored && o.slo_holds {
        "survives 1 AZ loss".into()
    } else {
        "does not survive 1 AZ loss".into()
    }
}

fn bill(s: &Scenario) -> Option<cost::CostOutcome> {
    cost::evaluate(&cost_params(s)).ok()
}

fn live_on_demand(s: &Scenario) -> String {
    money(bill(s).map(|o| o.on_demand_usd))
}

fn live_optimized(s: &Scenario) -> String {
    money(bill(s).map(|o| o.optimized_usd))
}

fn live_saving_pct(s: &Scenario) -> String {
    bill(s).map_or("—".into(), |o| format!("{:.0} %", o.saving_share * 100.0))
}

fn live_saving_year(s: &Scenario) -> String {
    money(bill(s).map(|o| o.saving_per_year_usd.whole_dollars()))
}

fn live_db_line(s: &Scenario) -> String {
    let p = CostParams {
        multi_az: true,
        ..cost_params(s)
    };
    cost::evaluate(&p)
        .ok()
        .and_then(|o| {
            o.rows
                .iter()
                .find(|r| r.line == BillLine::DbInstance)
                .map(|r| dollars(r.on_demand_usd.to_f64()))
        })
        .unwrap_or_else(|| "—".into())
}

fn live_serverless_rate(s: &Scenario) -> String {
    let mut p = ServerlessParams::default();
    scenario::apply_to_serverless(s, &mut p);
    match serverless::evaluate(&p) {
        Ok(o) => format!("{} {}", pct_text(o.rate_per_s), o.rate_unit),
        Err(_) => "—".into(),
    }
}

/// A figure with at most one decimal, trailing zeros dropped: 96, 92, 85.5.
fn pct_text(x: f64) -> String {
    crate::link::number_text((x * 10.0).round() / 10.0)
}

/// An exact amount as [`dollars`] writes it, or "—" when there is none.
fn money(x: Option<crate::money::Usd>) -> String {
    x.map_or("—".into(), |u| dollars(u.to_f64()))
}

/// 1358.49 → "$1,358.49"; whole dollars print without cents: 3730 → "$3,730".
pub fn dollars(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let sign = if x < 0.0 { "−" } else { "" };
    let cents = (x.abs() * 100.0).round();
    let whole = (cents / 100.0).trunc();
    let frac = cents - whole * 100.0;
    if frac == 0.0 {
        format!("{sign}${}", thousands(whole))
    } else {
        format!("{sign}${}.{:02}", thousands(whole), frac as u32)
    }
}

/// 1358 → "1,358".
fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
