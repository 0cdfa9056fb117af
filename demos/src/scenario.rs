//! One PhotoShare across the demos: how each demo's params take the shared
//! scenario and give their linked values back. The model's `scenario` module
//! does the work; this only says which of its functions belongs to which demo.

use cloud_lab_model::autoscaling::{self, AutoscalingParams};
use cloud_lab_model::availability::AvailabilityParams;
use cloud_lab_model::cache_cdn::CacheCdnParams;
use cloud_lab_model::cost::CostParams;
use cloud_lab_model::failure_drill::FailureDrillParams;
use cloud_lab_model::iac_drift::IacDriftParams;
use cloud_lab_model::multi_region::MultiRegionParams;
use cloud_lab_model::photoshare;
use cloud_lab_model::rate_limiting::RateLimitParams;
use cloud_lab_model::rolling_deploy::RollingDeployParams;
use cloud_lab_model::scenario::{self, Scenario, ScenarioUpdate};
use cloud_lab_model::serverless::ServerlessParams;
use cloud_lab_model::service_models::ServiceModelsParams;
use cloud_lab_model::vm_vs_container::VmVsContainerParams;

/// A linked value of the scenario, as the "Linked to PhotoShare" panel names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    EdgeLoad,
    CdnHitRatio,
    MultiAz,
    HealthCheck,
    AverageTasks,
}

/// A demo's params and the shared PhotoShare: what they take, what they give back.
pub trait Shared {
    /// The linked values the demo uses or sets; empty for a demo outside the scenario.
    const USES: &'static [Field] = &[];
    /// Puts the scenario's values into the params.
    fn apply(&mut self, _s: &Scenario) {}
    /// The linked values the params hold, for the other demos.
    fn read(&self) -> Option<ScenarioUpdate> {
        None
    }
}

impl Shared for AvailabilityParams {
    const USES: &'static [Field] = &[Field::MultiAz];
    fn apply(&mut self, s: &Scenario) {
        scenario::apply_to_availability(s, self)
    }
    fn read(&self) -> Option<ScenarioUpdate> {
        Some(scenario::from_availability(self))
    }
}

impl Shared for CostParams {
    const USES: &'static [Field] = &[
        Field::EdgeLoad,
        Field::CdnHitRatio,
        Field::MultiAz,
        Field::AverageTasks,
    ];
    fn apply(&mut self, s: &Scenario) {
        scenario::apply_to_cost(s, self)
    }
    fn read(&self) -> Option<ScenarioUpdate> {
        Some(scenario::from_cost(self))
    }
}

impl Shared for AutoscalingParams {
    const USES: &'static [Field] = &[Field::EdgeLoad, Field::CdnHitRatio, Field::AverageTasks];
    fn apply(&mut self, s: &Scenario) {
        scenario::apply_to_autoscaling(s, self)
    }
    /// The average fleet of the run goes to the bill once the run differs from the worked
    /// example's; on the worked example's run the bill keeps its own 2 tasks (the burst day
    /// is not the month's average).
    fn read(&self) -> Option<ScenarioUpdate> {
        let mut u = scenario::from_autoscaling(self);
        u.average_tasks = if *self == AutoscalingParams::default() {
            Some(photoshare::cost::AVERAGE_TASKS)
        } else {
            autoscaling::simulate(self)
                .ok()
                .and_then(|o| scenario::average_tasks_from_autoscaling(self, &o))
        };
        Some(u)
    }
}

impl Shared for ServerlessParams {
    const USES: &'static [Field] = &[Field::EdgeLoad, Field::CdnHitRatio];
    fn apply(&mut self, s: &Scenario) {
        scenario::apply_to_serverless(s, self)
    }
}

impl Shared for RollingDeployParams {
    const USES: &'static [Field] = &[Field::HealthCheck];
    fn apply(&mut self, s: &Scenario) {
        scenario::apply_to_rolling_deploy(s, self)
    }
    fn read(&self) -> Option<ScenarioUpdate> {
        Some(scenario::from_rolling_deploy(self))
    }
}

impl Shared for FailureDrillParams {
    const USES: &'static [Field] = &[
        Field::EdgeLoad,
        Field::CdnHitRatio,
        Field::MultiAz,
        Field::HealthCheck,
    ];
    fn apply(&mut self, s: &Scenario) {
        scenario::apply_to_failure_drill(s, self)
    }
    fn read(&self) -> Option<ScenarioUpdate> {
        Some(scenario::from_failure_drill(self))
    }
}

impl Shared for ServiceModelsParams {}
impl Shared for VmVsContainerParams {}
impl Shared for IacDriftParams {}
impl Shared for CacheCdnParams {}
impl Shared for RateLimitParams {}
impl Shared for MultiRegionParams {}

/// The scenario as a demo with these params would leave it.
/// Not generic, so the lab's wasm holds it once rather than once per demo.
#[inline(never)]
pub fn after(s: &Scenario, update: Option<ScenarioUpdate>) -> Scenario {
    let mut s = *s;
    if let Some(u) = update {
        s.update(&u);
    }
    s
}

/// A linked value's name and its value as the panel shows it.
pub fn describe(field: Field, s: &Scenario) -> (&'static str, String, String) {
    use crate::format;
    match field {
        Field::EdgeLoad => (
            "Steady load at the edge",
            format::per_s(s.edge_load_per_s.value),
            s.edge_load_per_s.from.describe(),
        ),
        Field::CdnHitRatio => (
            "CDN hit ratio",
            format!("{} %", format::trimmed(s.cdn_hit_ratio.value * 100.0, 1)),
            s.cdn_hit_ratio.from.describe(),
        ),
        Field::MultiAz => (
            "Database",
            if s.multi_az.value {
                "Multi-AZ".to_string()
            } else {
                "Single-AZ".to_string()
            },
            s.multi_az.from.describe(),
        ),
        Field::HealthCheck => {
            let h = s.health_check.value;
            (
                "Health check",
                format!(
                    "every {} s, timeout {} s, {} to pass, {} to fail",
                    h.interval_s, h.timeout_s, h.healthy_threshold, h.unhealthy_threshold
                ),
                s.health_check.from.describe(),
            )
        }
        Field::AverageTasks => (
            "Average tasks the bill pays for",
            format::trimmed(s.average_tasks.value, 2),
            s.average_tasks.from.describe(),
        ),
    }
}

/// The field's name in test ids: `linked-maz`.
pub fn slug(field: Field) -> &'static str {
    match field {
        Field::EdgeLoad => "load",
        Field::CdnHitRatio => "hit",
        Field::MultiAz => "maz",
        Field::HealthCheck => "hc",
        Field::AverageTasks => "tasks",
    }
}
