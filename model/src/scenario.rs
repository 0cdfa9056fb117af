//! One PhotoShare across the lab: the values the demos share.
//!
//! The lesson: the worked example is one system, so a decision made in one demo
//! shows up in the others. The CDN's hit ratio sets the origin load the
//! autoscaler sizes for, the egress split of the bill and the request rate a
//! function would see; the Multi-AZ database is both a line of the bill and the
//! weakest link of the availability chain; the autoscaler's average task count
//! is what the bill pays for; the health check times both a rolling deploy and
//! the detection of a failure.
//!
//! A [`Scenario`] holds those values, each with the demo it came from. The
//! `apply_to_*` functions put them into a demo's params; the `from_*` functions
//! read them back from a demo's params as a [`ScenarioUpdate`], so a change in
//! one demo can be carried to the others. Each demo's [`Demo::take`] and
//! [`Demo::give`] name its pair.
//!
//! Moving through the lab is two explicit operations: [`Scenario::open`] gives a demo
//! its params from its link (or from the scenario, when the link has none of its own),
//! and [`Scenario::navigate`] takes back the values of the demo being left, then the
//! scenario a link carries.

use crate::autoscaling::{self, AutoscalingOutcome, AutoscalingParams, Policy};
use crate::availability::{AvailabilityParams, DatabaseChoice};
use crate::catalog::DemoId;
use crate::cost::{self, CostParams};
use crate::demo::Demo;
use crate::failure_drill::{self, FailureDrillParams};
use crate::link::{from_percent, Ignored, LinkReader, LinkState, Query, GLOBAL_KEYS};
use crate::params::{shared, Spec};
use crate::photoshare::{self, HealthCheck};
use crate::rolling_deploy::RollingDeployParams;
use crate::serverless::{self, ServerlessParams};

/// Prefix of the scenario's keys in a link, so they sit beside a demo's own keys.
pub const KEY_PREFIX: &str = "s.";

/// Where a linked value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// A demo's id, or "" for the worked example.
    pub demo_id: &'static str,
    /// The demo's title, or "the worked example".
    pub label: &'static str,
}

impl Provenance {
    pub const WORKED_EXAMPLE: Provenance = Provenance {
        demo_id: "",
        label: "the worked example",
    };

    /// The provenance of a demo.
    pub fn of(demo: DemoId) -> Provenance {
        let info = demo.info();
        Provenance {
            demo_id: info.slug,
            label: info.title,
        }
    }

    /// The provenance a link's `~demo-id` names, if the lab has that demo.
    pub fn from_slug(slug: &str) -> Option<Provenance> {
        DemoId::from_slug(slug).map(Provenance::of)
    }

    /// "from the worked example" or "from the Cost model demo", for the page.
    pub fn describe(&self) -> String {
        if self.demo_id.is_empty() {
            format!("from {}", self.label)
        } else {
            format!("from the {} demo", self.label)
        }
    }
}

/// A value of the shared PhotoShare, as the "Linked to PhotoShare" panel lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedValue {
    EdgeLoad,
    CdnHitRatio,
    MultiAz,
    HealthCheck,
    AverageTasks,
}

impl SharedValue {
    /// Its link key after `s.`, and its name in test ids: `linked-maz`.
    pub fn slug(self) -> &'static str {
        match self {
            SharedValue::EdgeLoad => "load",
            SharedValue::CdnHitRatio => "hit",
            SharedValue::MultiAz => "maz",
            SharedValue::HealthCheck => "hc",
            SharedValue::AverageTasks => "tasks",
        }
    }
}

/// A shared value and where it was last set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linked<T> {
    pub value: T,
    pub from: Provenance,
}

impl<T> Linked<T> {
    fn worked_example(value: T) -> Linked<T> {
        Linked {
            value,
            from: Provenance::WORKED_EXAMPLE,
        }
    }
}

/// The PhotoShare every demo shares.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    /// Steady load at the edge, req/s.
    pub edge_load_per_s: Linked<f64>,
    /// 0–1.
    pub cdn_hit_ratio: Linked<f64>,
    /// A synchronous standby database in the second AZ.
    pub multi_az: Linked<bool>,
    pub health_check: Linked<HealthCheck>,
    /// Fargate tasks running on average over the month: what the bill pays for.
    pub average_tasks: Linked<f64>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            edge_load_per_s: Linked::worked_example(photoshare::EDGE_LOAD_STEADY_PER_S),
            cdn_hit_ratio: Linked::worked_example(photoshare::CDN_HIT_RATIO),
            multi_az: Linked::worked_example(true),
            health_check: Linked::worked_example(photoshare::HEALTH_CHECK),
            average_tasks: Linked::worked_example(photoshare::cost::AVERAGE_TASKS),
        }
    }
}

impl Scenario {
    pub fn database_choice(&self) -> DatabaseChoice {
        if self.multi_az.value {
            DatabaseChoice::MultiAz
        } else {
            DatabaseChoice::SingleAz
        }
    }

    /// Requests per second that reach the app.
    pub fn origin_load_per_s(&self) -> f64 {
        autoscaling::origin_load_per_s(self.edge_load_per_s.value, self.cdn_hit_ratio.value)
    }

    /// Takes the update's values that are usable and differ from ours; returns the names of
    /// the fields that changed (for the page's "updated from …" note).
    pub fn update(&mut self, u: &ScenarioUpdate) -> Vec<&'static str> {
        let mut changed = Vec::new();
        let from = u.from;
        let d = Scenario::default();
        if let Some(x) = u.edge_load_per_s.filter(|x| valid_load(*x)) {
            set(
                &mut self.edge_load_per_s,
                x,
                from,
                d.edge_load_per_s.value,
                "edge_load_per_s",
                &mut changed,
            );
        }
        if let Some(x) = u.cdn_hit_ratio.filter(|x| valid_ratio(*x)) {
            set(
                &mut self.cdn_hit_ratio,
                x,
                from,
                d.cdn_hit_ratio.value,
                "cdn_hit_ratio",
                &mut changed,
            );
        }
        if let Some(x) = u.multi_az {
            set(
                &mut self.multi_az,
                x,
                from,
                d.multi_az.value,
                "multi_az",
                &mut changed,
            );
        }
        if let Some(x) = u.health_check.filter(valid_health_check) {
            set(
                &mut self.health_check,
                x,
                from,
                d.health_check.value,
                "health_check",
                &mut changed,
            );
        }
        if let Some(x) = u.average_tasks.filter(|x| valid_tasks(*x)) {
            set(
                &mut self.average_tasks,
                x,
                from,
                d.average_tasks.value,
                "average_tasks",
                &mut changed,
            );
        }
        changed
    }
}

/// A value equal to the worked example's is the worked example's again, whoever set it,
/// so a demo reset to the worked example leaves a clean link.
fn set<T: PartialEq>(
    field: &mut Linked<T>,
    value: T,
    from: Provenance,
    worked_example: T,
    name: &'static str,
    changed: &mut Vec<&'static str>,
) {
    let from = if value == worked_example {
        Provenance::WORKED_EXAMPLE
    } else {
        from
    };
    // A demo that holds the same value does not take it over from the demo that set it.
    if field.value != value || (from == Provenance::WORKED_EXAMPLE && field.from != from) {
        *field = Linked { value, from };
        changed.push(name);
    }
}

fn valid_load(x: f64) -> bool {
    shared::EDGE_LOAD.holds(x)
}

fn valid_ratio(x: f64) -> bool {
    shared::CDN_HIT_RATIO.holds(shared::CDN_HIT_RATIO.shown(x))
}

fn valid_tasks(x: f64) -> bool {
    x.is_finite() && (0.0..=cost::MAX_AVERAGE_TASKS).contains(&x)
}

/// The health check's shared limits, which every demo that takes a health check accepts.
fn valid_health_check(h: &HealthCheck) -> bool {
    let within = |spec: Spec, x: u32| spec.holds(f64::from(x));
    within(shared::HEALTH_CHECK_INTERVAL, h.interval_s)
        && within(shared::HEALTH_CHECK_TIMEOUT, h.timeout_s)
        && h.timeout_s < h.interval_s
        && within(shared::HEALTHY_THRESHOLD, h.healthy_threshold)
        && within(shared::UNHEALTHY_THRESHOLD, h.unhealthy_threshold)
}

/// Linked values read back from one demo's params; `None` where that demo does not hold one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScenarioUpdate {
    pub from: Provenance,
    pub edge_load_per_s: Option<f64>,
    pub cdn_hit_ratio: Option<f64>,
    pub multi_az: Option<bool>,
    pub health_check: Option<HealthCheck>,
    pub average_tasks: Option<f64>,
}

impl ScenarioUpdate {
    fn from_demo(demo: DemoId) -> ScenarioUpdate {
        ScenarioUpdate {
            from: Provenance::of(demo),
            edge_load_per_s: None,
            cdn_hit_ratio: None,
            multi_az: None,
            health_check: None,
            average_tasks: None,
        }
    }
}

/// The database choice.
pub fn apply_to_availability(s: &Scenario, p: &mut AvailabilityParams) {
    p.set_database(s.database_choice());
}

/// Hit ratio (egress split), Multi-AZ (database line), average tasks (Fargate lines), steady load (the day).
pub fn apply_to_cost(s: &Scenario, p: &mut CostParams) {
    p.cdn_hit_ratio = s.cdn_hit_ratio.value;
    p.multi_az = s.multi_az.value;
    p.average_tasks = s.average_tasks.value;
    p.day.steady_edge_per_s = s.edge_load_per_s.value;
}

/// Steady load and hit ratio: the origin load the scaler sizes for.
pub fn apply_to_autoscaling(s: &Scenario, p: &mut AutoscalingParams) {
    p.edge_load_per_s = s.edge_load_per_s.value;
    p.cdn_hit_ratio = s.cdn_hit_ratio.value;
}

/// The API preset's request rate is the origin load; the thumbnail preset's uploads are not linked.
pub fn apply_to_serverless(s: &Scenario, p: &mut ServerlessParams) {
    if p.preset == serverless::Preset::Api {
        // 1,200 × (1 − 0.92) is 95.99999999999996 in floating point; a micro-request
        // per second is below anything the demo shows, and 96 stays the worked example's 96.
        // The function demo takes rates up to its own maximum, below the lab's shared
        // maximum load: a larger origin load is priced at that end of its range.
        p.rate_per_s =
            ((s.origin_load_per_s() * 1e6).round() / 1e6).min(serverless::MAX_RATE_PER_S);
    }
}

pub fn apply_to_rolling_deploy(s: &Scenario, p: &mut RollingDeployParams) {
    p.health_check = s.health_check.value;
}

/// Load, hit ratio, database and health check; the starting fleet is the autoscaler's choice for that load.
pub fn apply_to_failure_drill(s: &Scenario, p: &mut FailureDrillParams) {
    p.edge_load_per_s = s.edge_load_per_s.value;
    p.cdn_hit_ratio = s.cdn_hit_ratio.value;
    p.multi_az = s.multi_az.value;
    p.health_check = s.health_check.value;
    p.tasks = p.autoscaler_choice();
}

pub fn from_availability(p: &AvailabilityParams) -> ScenarioUpdate {
    ScenarioUpdate {
        multi_az: p.database_choice().map(|c| c == DatabaseChoice::MultiAz),
        ..ScenarioUpdate::from_demo(DemoId::Availability)
    }
}

pub fn from_cost(p: &CostParams) -> ScenarioUpdate {
    ScenarioUpdate {
        edge_load_per_s: Some(p.day.steady_edge_per_s),
        cdn_hit_ratio: Some(p.cdn_hit_ratio),
        multi_az: Some(p.multi_az),
        average_tasks: Some(p.average_tasks),
        ..ScenarioUpdate::from_demo(DemoId::Cost)
    }
}

/// Load and hit ratio; [`from_autoscaling_with_fleet`] adds the run's average fleet.
pub fn from_autoscaling(p: &AutoscalingParams) -> ScenarioUpdate {
    ScenarioUpdate {
        edge_load_per_s: Some(p.edge_load_per_s),
        cdn_hit_ratio: Some(p.cdn_hit_ratio),
        ..ScenarioUpdate::from_demo(DemoId::Autoscaling)
    }
}

pub fn from_rolling_deploy(p: &RollingDeployParams) -> ScenarioUpdate {
    ScenarioUpdate {
        health_check: Some(p.health_check),
        ..ScenarioUpdate::from_demo(DemoId::RollingDeploy)
    }
}

pub fn from_failure_drill(p: &FailureDrillParams) -> ScenarioUpdate {
    ScenarioUpdate {
        edge_load_per_s: Some(p.edge_load_per_s),
        cdn_hit_ratio: Some(p.cdn_hit_ratio),
        multi_az: Some(p.multi_az),
        health_check: Some(p.health_check),
        ..ScenarioUpdate::from_demo(DemoId::FailureDrill)
    }
}

/// Load, hit ratio and the average fleet for the bill. The average goes to the bill once the
/// run differs from the worked example's; on the worked example's run the bill keeps its own
/// 2 tasks (the burst day is not the month's average).
pub fn from_autoscaling_with_fleet(p: &AutoscalingParams) -> ScenarioUpdate {
    let mut u = from_autoscaling(p);
    u.average_tasks = if *p == AutoscalingParams::default() {
        Some(photoshare::cost::AVERAGE_TASKS)
    } else {
        autoscaling::simulate(p)
            .ok()
            .and_then(|o| average_tasks_from_autoscaling(p, &o))
    };
    u
}

/// Task-hours ÷ hours of the target-tracking run (or the first run): the average fleet the
/// bill pays for. `None` when the outcome has no run.
pub fn average_tasks_from_autoscaling(
    p: &AutoscalingParams,
    outcome: &AutoscalingOutcome,
) -> Option<f64> {
    let run = outcome
        .runs
        .iter()
        .find(|r| r.policy == Policy::TargetTracking)
        .or_else(|| outcome.runs.first())?;
    let hours = f64::from(p.duration_s.min(autoscaling::MAX_DURATION_S)) / 3_600.0;
    (hours > 0.0).then(|| run.task_hours / hours)
}

/// A demo opened from its link.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened<P> {
    pub params: P,
    /// What the link held that the demo could not use, the scenario's keys included.
    pub ignored: Vec<Ignored>,
    /// The demo uses the shared PhotoShare here (not inside the tour, which owns the link).
    pub takes_part: bool,
    /// It takes part and its link does not say `linked=0`.
    pub linked: bool,
}

impl Scenario {
    /// Opens demo `D` on a link. A linked demo whose link holds none of its own values takes
    /// the scenario's; a demo embedded in another page keeps its link's values and stays apart.
    pub fn open<D: Demo>(&self, link: &Query, embedded: bool) -> Opened<D::Params> {
        let (scenario_keys, own) = split(link);
        let (mut params, mut ignored) = D::Params::from_query(&own);
        ignored.extend(Scenario::from_query(&scenario_keys).1);
        let takes_part = !D::SHARES.is_empty() && !embedded;
        let linked = takes_part && own.get("linked") != Some("0");
        let own_values = own.keys().any(|k| !GLOBAL_KEYS.contains(&k));
        if linked && !own_values {
            D::take(&mut params, self);
        }
        Opened {
            params,
            ignored,
            takes_part,
            linked,
        }
    }

    /// Moving to another page: the scenario as the linked demo being left shows it (`left`,
    /// its values in: [`Scenario::after`] with what it gives), then a link that carries the
    /// scenario (`s.*` keys) sets it; a bare link (the navigation) keeps the one in memory.
    pub fn navigate(&mut self, left: Option<Scenario>, link: &Query) {
        if let Some(left) = left {
            *self = left;
        }
        let (scenario_keys, _) = split(link);
        if scenario_keys.keys().next().is_some() {
            *self = Scenario::from_query(&scenario_keys).0;
        }
    }

    /// The scenario as a demo giving `update` would leave it.
    /// Not generic, so the lab's wasm holds it once rather than once per demo.
    #[inline(never)]
    pub fn after(&self, update: Option<ScenarioUpdate>) -> Scenario {
        let mut s = *self;
        if let Some(u) = update {
            s.update(&u);
        }
        s
    }
}

/// Splits a link's query into the scenario's keys (`s.…`) and the demo's own.
pub fn split(query: &Query) -> (Query, Query) {
    let mut scenario = Vec::new();
    let mut demo = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for key in query.keys() {
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let value = query.get(key).unwrap_or_default().to_string();
        if key.starts_with(KEY_PREFIX) {
            scenario.push((key, value));
        } else {
            demo.push((key, value));
        }
    }
    (
        Query::parse(&Query::encode(scenario)),
        Query::parse(&Query::encode(demo)),
    )
}

/// Link format: `s.load=1200&s.hit=85~autoscaling&s.maz=0~cost&s.hc=15/5/2/3&s.tasks=3.4~autoscaling`.
/// A value's `~demo-id` says where it came from; without one it is the worked example's.
impl LinkState for Scenario {
    fn to_query(&self) -> String {
        let d = Scenario::default();
        let mut pairs = Vec::new();
        let tagged = |text: String, from: Provenance| {
            if from.demo_id.is_empty() {
                text
            } else {
                format!("{text}~{}", from.demo_id)
            }
        };
        let l = self.edge_load_per_s;
        if l != d.edge_load_per_s {
            pairs.push(("s.load", tagged(l.value.to_string(), l.from)));
        }
        let h = self.cdn_hit_ratio;
        if h != d.cdn_hit_ratio {
            pairs.push(("s.hit", tagged((h.value * 100.0).to_string(), h.from)));
        }
        let m = self.multi_az;
        if m != d.multi_az {
            pairs.push((
                "s.maz",
                tagged(if m.value { "1" } else { "0" }.into(), m.from),
            ));
        }
        let c = self.health_check;
        if c != d.health_check {
            let v = c.value;
            let text = format!(
                "{}/{}/{}/{}",
                v.interval_s, v.timeout_s, v.healthy_threshold, v.unhealthy_threshold
            );
            pairs.push(("s.hc", tagged(text, c.from)));
        }
        let t = self.average_tasks;
        if t != d.average_tasks {
            pairs.push(("s.tasks", tagged(t.value.to_string(), t.from)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut s = Scenario::default();
        let mut r = LinkReader::new(query);
        for key in ["s.load", "s.hit", "s.maz", "s.hc", "s.tasks"] {
            let Some(raw) = r.text(key) else { continue };
            let (text, tag) = raw.split_once('~').unwrap_or((raw, ""));
            let from = if tag.is_empty() {
                Some(Provenance::WORKED_EXAMPLE)
            } else {
                Provenance::from_slug(tag)
            };
            let Some(from) = from else {
                r.ignore(key, raw, format!("'{tag}' is not a demo of the lab"));
                continue;
            };
            let number = text.trim().parse::<f64>().ok();
            let ok = match key {
                "s.load" => number.filter(|x| valid_load(*x)).map(|value| {
                    s.edge_load_per_s = Linked { value, from };
                }),
                "s.hit" => number
                    .filter(|x| x.is_finite() && (0.0..=100.0).contains(x))
                    .map(|x| {
                        s.cdn_hit_ratio = Linked {
                            value: from_percent(x),
                            from,
                        };
                    }),
                "s.maz" => match text {
                    "1" | "0" => {
                        s.multi_az = Linked {
                            value: text == "1",
                            from,
                        };
                        Some(())
                    }
                    _ => None,
                },
                "s.hc" => parse_health_check(text).map(|value| {
                    s.health_check = Linked { value, from };
                }),
                _ => number.filter(|x| valid_tasks(*x)).map(|value| {
                    s.average_tasks = Linked { value, from };
                }),
            };
            if ok.is_none() {
                let why = match key {
                    "s.load" => format!("expected 0–{} req/s", shared::MAX_LOAD_PER_S),
                    "s.hit" => "expected 0–100 %".to_string(),
                    "s.maz" => "expected 1 or 0".to_string(),
                    "s.hc" => "expected interval/timeout/healthy/unhealthy, as 15/5/2/3, within the health check's limits".to_string(),
                    _ => format!("expected 0–{} tasks", cost::MAX_AVERAGE_TASKS),
                };
                r.ignore(key, raw, why);
            }
        }
        (s, r.finish())
    }
}

fn parse_health_check(text: &str) -> Option<HealthCheck> {
    let parts: Vec<u32> = text
        .split('/')
        .map(|p| p.trim().parse::<u32>().ok())
        .collect::<Option<_>>()?;
    let [interval_s, timeout_s, healthy_threshold, unhealthy_threshold] = parts.as_slice() else {
        return None;
    };
    let h = HealthCheck {
        interval_s: *interval_s,
        timeout_s: *timeout_s,
        healthy_threshold: *healthy_threshold,
        unhealthy_threshold: *unhealthy_threshold,
    };
    valid_health_check(&h).then_some(h)
}

/// The failure drill's default, for the tour and the trade-offs: the AZ holding the primary is lost.
pub fn az_loss_drill(s: &Scenario) -> FailureDrillParams {
    let mut p = failure_drill::Preset::AzLossPrimarySide.params();
    apply_to_failure_drill(s, &mut p);
    p
}
