//! The tour: the worked example read in order, one demo per step.
//!
//! The lesson: every figure the worked example prints comes out of a model a
//! student can run. Each step opens a demo in the worked example's state and
//! checks the printed figures against the live model, so a student who changes
//! the shared [`Scenario`] sees which of the worked example's numbers move.
//! The trade-offs table (§5) is built from the same live models.

use crate::autoscaling::{self, AutoscalingParams, Policy};
use crate::availability::{self, Availability, AvailabilityParams, DatabaseChoice};
use crate::catalog::DemoId;
use crate::claim::{number, Claim, Live, Rounding, Verdict};
use crate::cost::{self, BillLine, CostParams};
use crate::demo::{check_on, Demo};
use crate::failure_drill::{self, DbState};
use crate::iac_drift::{self, ConfigVariant};
use crate::link::{Ignored, LinkReader, LinkState, Query, Route};
use crate::money::Usd;
use crate::rolling_deploy::{RollingDeploy, RollingDeployParams};
use crate::scenario::{self, Scenario};
use crate::serverless::{self, ServerlessParams};
use crate::vocabulary::Cloud;

/// A figure the worked example prints, checked on a scenario: a demo's claim on the
/// demo's params in that scenario, or one of the tour's own below.
pub type Check = fn(&Scenario) -> Verdict;

/// One stop of the tour.
#[derive(Clone, Copy, Debug)]
pub struct TourStep {
    pub id: &'static str,
    pub title: &'static str,
    /// The worked example's section.
    pub section: &'static str,
    /// The demo the step opens.
    pub demo: DemoId,
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
        Route::hash(self.demo.slug(), &query)
    }

    pub fn run_checks(&self, s: &Scenario) -> Vec<Verdict> {
        self.checks.iter().map(|check| check(s)).collect()
    }
}

pub const TOUR: [TourStep; 10] = [
    TourStep {
        id: "requirements",
        title: "Requirements and where each tier sits",
        section: "§1 Requirements & architecture",
        demo: DemoId::ServiceModels,
        query: "",
        now_try: "Find PhotoShare's app tier and its database on the line between what you manage and what the provider manages. Which tier would move if the app ran as functions?",
        checks: &[|s| on_availability(&Availability::BUDGET, s)],
    },
    TourStep {
        id: "container",
        title: "The container image",
        section: "§2 IaC, container & deploy",
        demo: DemoId::VmVsContainer,
        query: "",
        now_try: "Switch between the single-stage and multi-stage build and watch the image size and the pull time; then count how many tasks fit on one host against VMs.",
        checks: &[],
    },
    TourStep {
        id: "iac",
        title: "Infrastructure as code and drift",
        section: "§2 IaC, container & deploy",
        demo: DemoId::IacDrift,
        query: "",
        now_try: "Change something in the console, run a plan and read what Terraform wants to put back. Then try two applies at once and see the state lock stop one.",
        checks: &[|s| LOCK_TABLE.check(s, &())],
    },
    TourStep {
        id: "deploy",
        title: "Rolling deploy behind health checks",
        section: "§2 IaC, container & deploy",
        demo: DemoId::RollingDeploy,
        query: "",
        now_try: "Ship a bad build and watch it never take traffic. Then lose an AZ halfway through the rollout.",
        checks: &[
            |s| on_rolling(&HEALTH_CHECK_INTERVAL, s),
            |s| on_rolling(&HEALTHY_THRESHOLD, s),
            |s| on_rolling(&UNHEALTHY_THRESHOLD, s),
        ],
    },
    TourStep {
        id: "autoscaling",
        title: "Sizing the fleet and the burst",
        section: "§3 Scaling & reliability",
        demo: DemoId::Autoscaling,
        query: "",
        now_try: "Lower the CDN hit ratio to 80 % and see how many tasks the burst needs. Then shorten the scale-in cooldown and make the fleet flap.",
        checks: &[
            |s| TASKS_WITHOUT_CDN.check(s, &()),
            |s| ORIGIN_STEADY.check(s, &()),
            |s| TASKS_STEADY.check(s, &()),
            |s| TASKS_BURST.check(s, &()),
            |s| SCALE_OUT.check(s, &()),
        ],
    },
    TourStep {
        id: "availability",
        title: "Composed availability and the error budget",
        section: "§3 Scaling & reliability",
        demo: DemoId::Availability,
        query: "",
        now_try: "Swap the Multi-AZ database for a single-AZ one and see the path miss the SLO. Add a third incident and watch the deploy policy turn to a freeze.",
        checks: &[
            |s| on_availability(&Availability::COMPOSED, s),
            |s| on_availability(&Availability::BUDGET, s),
            |s| on_availability(&Availability::LEFT_AFTER_30, s),
            |s| on_availability(&Availability::PARTIAL_BURN, s),
        ],
    },
    TourStep {
        id: "failure-drill",
        title: "Failure drill",
        section: "§3 Scaling & reliability",
        demo: DemoId::FailureDrill,
        query: "fail=az%3Aa%40600",
        now_try: "Lose the AZ with the database primary, then the other one. Turn Multi-AZ off and fail the database: how much of the month's budget is left?",
        checks: &[|s| SURVIVES_AZ_LOSS.check(s, &())],
    },
    TourStep {
        id: "cost",
        title: "The monthly bill and its levers",
        section: "§4 FinOps cost model",
        demo: DemoId::Cost,
        query: "",
        now_try: "Turn the levers off one at a time and see which saves most. Then raise the average task count to what the autoscaler ran during the burst.",
        checks: &[
            |s| ON_DEMAND.check(s, &()),
            |s| OPTIMIZED.check(s, &()),
            |s| SAVING.check(s, &()),
            |s| SAVING_A_YEAR.check(s, &()),
        ],
    },
    TourStep {
        id: "tradeoffs",
        title: "Results and trade-offs",
        section: "§5 Results & trade-offs",
        demo: DemoId::Cost,
        query: "maz=0",
        now_try: "This is the single-AZ database: compare its bill with the Multi-AZ one, then open the availability demo from here and see what the saving costs in nines.",
        checks: &[
            |s| DB_LINE.check(s, &()),
            |s| SINGLE_AZ_COMPOSED.check(s, &()),
        ],
    },
    TourStep {
        id: "extensions",
        title: "Extensions: functions and a second region",
        section: "§7 Extensions",
        demo: DemoId::Serverless,
        query: "",
        now_try: "Find the request rate where the always-on fleet becomes cheaper than functions, then switch to the thumbnail function and find it again. Four nines allow a month only a tenth of three nines' budget: what would a second region have to buy?",
        checks: &[
            |s| SERVERLESS_RATE.check(s, &()),
            |s| on_availability(&Availability::FOUR_NINES, s),
        ],
    },
];

/// The tour's own checks: figures of demos whose claims are not in their models yet, and
/// figures that combine demos. Each demo's owner moves the figure into the demo's
/// `CLAIMS` and the step then checks that one (as the availability steps do).
type TourClaim = Claim<Scenario>;

const LOCK_TABLE: TourClaim = Claim {
    label: "State lock table",
    printed: "tf-locks",
    rounding: Rounding::Words,
    live: |_, _| {
        iac_drift::variant_config(ConfigVariant::WorkedExample)
            .ok()
            .and_then(|c| c.backend.as_ref())
            .and_then(|b| b.dynamodb_table.clone())
            .map(Live::Words)
    },
};

/// The target group's health check as the Terraform prints it, on the rolling deploy's params.
const HEALTH_CHECK_INTERVAL: Claim<RollingDeployParams> = Claim {
    label: "Health-check interval",
    printed: "interval = 15",
    rounding: Rounding::Places(0),
    live: |p, _| number(f64::from(p.health_check.interval_s)),
};
const HEALTHY_THRESHOLD: Claim<RollingDeployParams> = Claim {
    label: "Checks to pass",
    printed: "healthy_threshold = 2",
    rounding: Rounding::Places(0),
    live: |p, _| number(f64::from(p.health_check.healthy_threshold)),
};
const UNHEALTHY_THRESHOLD: Claim<RollingDeployParams> = Claim {
    label: "Checks to fail",
    printed: "unhealthy_threshold = 3",
    rounding: Rounding::Places(0),
    live: |p, _| number(f64::from(p.health_check.unhealthy_threshold)),
};

fn on_rolling(claim: &Claim<RollingDeployParams>, s: &Scenario) -> Verdict {
    let mut p = RollingDeployParams::default();
    RollingDeploy::take(&mut p, s);
    claim.check(&p, &())
}

fn on_availability(
    claim: &Claim<AvailabilityParams, availability::AvailabilityOutcome>,
    s: &Scenario,
) -> Verdict {
    check_on::<Availability>(claim, &availability_params(s))
}

const TASKS_WITHOUT_CDN: TourClaim = Claim {
    label: "Tasks for 1,200 req/s without a CDN",
    printed: "14",
    rounding: Rounding::Places(0),
    live: |s, _| tasks(s.edge_load_per_s.value, 0.0),
};
const ORIGIN_STEADY: TourClaim = Claim {
    label: "Origin load behind the CDN",
    printed: "≈ 96 req/s",
    rounding: Rounding::Places(0),
    live: |s, _| number(s.origin_load_per_s()),
};
const TASKS_STEADY: TourClaim = Claim {
    label: "Tasks at steady state",
    printed: "2",
    rounding: Rounding::Places(0),
    live: |s, _| tasks(s.edge_load_per_s.value, s.cdn_hit_ratio.value),
};
const TASKS_BURST: TourClaim = Claim {
    label: "Tasks for the 9,000 req/s burst",
    printed: "8",
    rounding: Rounding::Places(0),
    live: |s, _| {
        let p = autoscaling_params(s);
        tasks(p.edge_load_per_s * p.spike_factor, p.cdn_hit_ratio)
    },
};
/// §5's "scale-out in ~60 s", which the lab reads as launch to first request.
const SCALE_OUT: TourClaim = Claim {
    label: "Scale-out: launch to first request",
    printed: "~60 s",
    rounding: Rounding::Places(0),
    live: |s, _| number(f64::from(autoscaling_params(s).startup_delay_s())),
};

const SURVIVES_AZ_LOSS: TourClaim = Claim {
    label: "Losing one AZ",
    printed: "survives 1 AZ loss",
    rounding: Rounding::Words,
    live: |s, _| Some(Live::Words(survives_az_loss(s))),
};

const ON_DEMAND: TourClaim = Claim {
    label: "On-demand total",
    printed: "$1,358.49",
    rounding: Rounding::Places(2),
    live: |s, _| bill(s).and_then(|o| number(o.on_demand_usd.to_f64())),
};
const OPTIMIZED: TourClaim = Claim {
    label: "Optimized total",
    printed: "$1,047.63",
    rounding: Rounding::Places(2),
    live: |s, _| bill(s).and_then(|o| number(o.optimized_usd.to_f64())),
};
const SAVING: TourClaim = Claim {
    label: "Saving",
    printed: "23 %",
    rounding: Rounding::Places(0),
    live: |s, _| bill(s).and_then(|o| number(o.saving_share * 100.0)),
};
const SAVING_A_YEAR: TourClaim = Claim {
    label: "Saving a year",
    printed: "~$3,730/yr",
    rounding: Rounding::Places(0),
    live: |s, _| bill(s).and_then(|o| number(o.saving_per_year_usd.to_f64())),
};
const DB_LINE: TourClaim = Claim {
    label: "Multi-AZ database line (×2)",
    printed: "$350.40",
    rounding: Rounding::Places(2),
    live: |s, _| db_line_usd(s, true).and_then(|u| number(u.to_f64())),
};
/// §4: "the difference between 99.9 % and a single-AZ ~99.5 %".
const SINGLE_AZ_COMPOSED: TourClaim = Claim {
    label: "Single-AZ composed availability",
    printed: "~99.5 %",
    rounding: Rounding::Places(1),
    live: |s, _| composed(s, DatabaseChoice::SingleAz, 1).and_then(number),
};
/// The API preset's request rate is the origin load, "≈ 96 req/s" in §3.
const SERVERLESS_RATE: TourClaim = Claim {
    label: "API rate the functions would see",
    printed: "≈ 96 req/s",
    rounding: Rounding::Places(0),
    live: |s, _| {
        let mut p = ServerlessParams::default();
        scenario::apply_to_serverless(s, &mut p);
        serverless::at_rate(&p)
            .ok()
            .and_then(|o| number(o.rate_per_s))
    },
};

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
    let composed = composed_text(s, s.database_choice(), 1, 1);
    let p = availability_params(s);
    let budget = availability::error_budget_minutes(p.slo, p.month);
    let (single, multi) = (db_line_usd(s, false), db_line_usd(s, true));
    let availability_cost = if s.multi_az.value {
        format!(
            "Multi-AZ doubles the database line ({} → {} a month on demand); 99.99 % would need a second region, and even with instant failover the global edge holds the path at {} %.",
            money(single),
            money(multi),
            composed_text(s, s.database_choice(), 2, 5)
        )
    } else {
        format!(
            "Single-AZ saves {} a month, but the path drops to {} % and a database failure waits for a restore.",
            money(multi.zip(single).map(|(m, s)| m - s)),
            composed_text(s, DatabaseChoice::SingleAz, 1, 1)
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
                survives_az_loss(s)
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
                rolling_startup(s)
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

/// The path's availability in percent with this database and this many regions.
fn composed(s: &Scenario, db: DatabaseChoice, regions: u32) -> Option<f64> {
    let mut p = availability_params(s);
    p.set_database(db);
    p.regions = regions;
    availability::evaluate(&p)
        .ok()
        .map(|o| o.composition.availability * 100.0)
}

/// The composed availability with `places` decimals, or "—".
fn composed_text(s: &Scenario, db: DatabaseChoice, regions: u32, places: usize) -> String {
    composed(s, db, regions).map_or("—".into(), |x| format!("{x:.places$}"))
}

/// How long after its launch a new task of the rolling deploy serves, as "60 s".
fn rolling_startup(s: &Scenario) -> String {
    let mut p = RollingDeployParams::default();
    RollingDeploy::take(&mut p, s);
    RollingDeploy::evaluate(&p).map_or("—".into(), |o| format!("{} s", o.startup_s))
}

fn tasks(edge: f64, hit: f64) -> Option<Live> {
    let p = AutoscalingParams::default();
    autoscaling::tasks_needed(edge, hit, p.capacity_per_task_per_s, p.cpu_target)
        .ok()
        .and_then(|n| number(f64::from(n)))
}

fn survives_az_loss(s: &Scenario) -> String {
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

/// The database instance line on demand, with or without the standby.
fn db_line_usd(s: &Scenario, multi_az: bool) -> Option<Usd> {
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
    crate::claim::thousands(&format!("{:.0}", x.abs()))
}
