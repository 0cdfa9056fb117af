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

mod apply;
mod link;

pub use apply::*;

use crate::autoscaling;
use crate::availability::DatabaseChoice;
use crate::catalog::DemoId;
use crate::cost;
use crate::demo::Demo;
use crate::link::{Ignored, LinkState, Query, GLOBAL_KEYS};
use crate::params::shared;
use crate::photoshare::HealthCheck;
use crate::project::Project;

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

/// The project every linked demo shares (PhotoShare unless a group set its own), and the
/// values the demos have changed since.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// What the linked demos open on; each linked value below starts as the project's.
    pub project: Project,
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
        Scenario::of(Project::default())
    }
}

impl Scenario {
    /// A project's scenario: every linked value the project's own.
    pub fn of(project: Project) -> Scenario {
        Scenario {
            edge_load_per_s: Linked::worked_example(project.edge_load_per_s),
            cdn_hit_ratio: Linked::worked_example(project.cdn_hit_ratio),
            multi_az: Linked::worked_example(project.multi_az),
            health_check: Linked::worked_example(project.health_check),
            average_tasks: Linked::worked_example(average_tasks(&project)),
            project,
        }
    }

    /// The scenario with none of the demos' changes: the project's own values.
    pub fn base(&self) -> Scenario {
        Scenario::of(self.project.clone())
    }

    /// "from the worked example" (PhotoShare's own value), "from ChatterBox" (another
    /// project's own value) or "from the Cost model demo", for the panel.
    pub fn source(&self, from: Provenance) -> String {
        if from.demo_id.is_empty() && self.project != Project::default() {
            format!("from {}", self.project.name)
        } else {
            from.describe()
        }
    }
}

/// The fleet the bill pays for on average: the steady load's sizing behind the CDN, at
/// least the floor (PhotoShare's 2 tasks). A project whose sizing cannot be computed pays
/// for its floor.
pub fn average_tasks(p: &Project) -> f64 {
    let steady = autoscaling::tasks_needed(
        p.edge_load_per_s,
        p.cdn_hit_ratio,
        p.task_capacity_per_s,
        p.cpu_target,
    )
    .unwrap_or(0);
    f64::from(steady.max(p.min_tasks))
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
        let d = self.base();
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
    crate::rolling_deploy::health_check_problems(h).is_empty()
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
            *self = self.base().with_link(&scenario_keys).0;
        }
    }

    /// The scenario as a demo giving `update` would leave it.
    /// Not generic, so the lab's wasm holds it once rather than once per demo.
    #[inline(never)]
    pub fn after(&self, update: Option<ScenarioUpdate>) -> Scenario {
        let mut s = self.clone();
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

/// The demos that take part in the scenario (their `Demo::SHARES` is not empty), in the
/// course's order: the demos a project opens on.
pub fn linked_demos() -> Vec<DemoId> {
    struct Shares;
    impl crate::demo::Visitor for Shares {
        type Output = bool;
        fn visit<D: Demo>(&mut self) -> bool {
            !D::SHARES.is_empty()
        }
    }
    DemoId::ALL
        .into_iter()
        .filter(|id| id.visit(&mut Shares))
        .collect()
}
