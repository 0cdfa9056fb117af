//! Each linked demo's part of the scenario: `apply_to_*` puts the project's values and the
//! linked values into a demo's params (the demo's `Demo::take`); `from_*` reads the linked
//! values back from them (its `Demo::give`). On PhotoShare each `apply_to_*` leaves a
//! demo's worked example as it is.

use super::*;
use crate::autoscaling::{AutoscalingOutcome, AutoscalingParams, Policy};
use crate::availability::{AvailabilityParams, Component};
use crate::cost::CostParams;
use crate::failure_drill::{self, FailureDrillParams};
use crate::photoshare;
use crate::rolling_deploy::RollingDeployParams;
use crate::serverless::{self, ServerlessParams};

/// The fleet the autoscaling demo and the failure drill both size, from the same six
/// fields: the project's task capacity, CPU target, floor and ceiling, for the scenario's
/// steady load and hit ratio. A macro, as the two params share the fields but no type.
macro_rules! apply_fleet {
    ($s:ident, $p:ident) => {
        let project = &$s.project;
        $p.capacity_per_task_per_s = project.task_capacity_per_s;
        $p.cpu_target = project.cpu_target;
        $p.min_tasks = project.min_tasks;
        $p.max_tasks = project.max_tasks;
        $p.edge_load_per_s = $s.edge_load_per_s.value;
        $p.cdn_hit_ratio = $s.cdn_hit_ratio.value;
    };
}

/// The project's SLO and floor (the app tier's tasks); the database choice.
pub fn apply_to_availability(s: &Scenario, p: &mut AvailabilityParams) {
    p.slo = s.project.slo;
    for b in &mut p.path {
        if b.component == Component::AppTask {
            b.units = s.project.min_tasks.max(b.needed);
        }
    }
    p.set_database(s.database_choice());
}

/// The project's footprint, prices, burst and fleet; then the hit ratio (egress split),
/// Multi-AZ (database line), average tasks (Fargate lines), steady load (the day).
pub fn apply_to_cost(s: &Scenario, p: &mut CostParams) {
    let project = &s.project;
    p.task_vcpu = project.task_vcpu;
    p.task_memory_gb = project.task_memory_gb;
    p.db_storage_gb = project.db_storage_gb;
    p.redis_nodes = project.cache_nodes;
    p.stored_tb = project.stored_tb;
    p.total_egress_tb = project.egress_tb;
    p.prices = project.prices;
    p.day.peak_edge_per_s = project.edge_burst_per_s;
    p.day.task_capacity_per_s = project.task_capacity_per_s * project.cpu_target;
    p.day.min_tasks = project.min_tasks;
    p.cdn_hit_ratio = s.cdn_hit_ratio.value;
    p.multi_az = s.multi_az.value;
    p.average_tasks = s.average_tasks.value;
    p.day.steady_edge_per_s = s.edge_load_per_s.value;
}

/// The project's spike, task capacity, CPU target, floor, ceiling and health-check interval;
/// the steady load and hit ratio: the origin load the scaler sizes for.
pub fn apply_to_autoscaling(s: &Scenario, p: &mut AutoscalingParams) {
    apply_fleet!(s, p);
    p.spike_factor = s.project.spike_factor();
    p.health_check_interval_s = s.health_check.value.interval_s;
}

/// The API preset's request rate is the origin load; the thumbnail preset's uploads are not linked.
pub fn apply_to_serverless(s: &Scenario, p: &mut ServerlessParams) {
    if p.preset == serverless::Preset::Api {
        let project = &s.project;
        p.duration_ms = project.request_ms;
        p.memory_mb = project.request_memory_mb;
        p.fleet.floor_tasks = project.min_tasks;
        p.fleet.task_capacity_per_s = project.task_capacity_per_s * project.cpu_target;
        p.fleet.task_vcpu = project.task_vcpu;
        p.fleet.task_memory_gb = project.task_memory_gb;
        p.fleet.vcpu_hour_usd = project.prices.fargate_vcpu_hour_usd;
        p.fleet.gb_hour_usd = project.prices.fargate_gb_hour_usd;
        p.fleet.fixed_month_usd = project.prices.alb_month_usd;
        // 1,200 × (1 − 0.92) is 95.99999999999996 in floating point; a micro-request
        // per second is below anything the demo shows, and 96 stays the worked example's 96.
        // The function demo takes rates up to its own maximum, below the lab's shared
        // maximum load: a larger origin load is priced at that end of its range.
        p.rate_per_s =
            ((s.origin_load_per_s() * 1e6).round() / 1e6).min(serverless::MAX_RATE_PER_S);
        // The chart and the crossover search reach twice the project's rate, as far as
        // the demo's largest fleet serves.
        let largest_fleet_per_s =
            f64::from(serverless::MAX_FLEET_TASKS) * p.fleet.task_capacity_per_s;
        p.max_rate_per_s = p
            .max_rate_per_s
            .max((2.0 * p.rate_per_s).ceil())
            .min(serverless::MAX_RATE_PER_S)
            .min(largest_fleet_per_s.floor());
    }
}

pub fn apply_to_rolling_deploy(s: &Scenario, p: &mut RollingDeployParams) {
    p.health_check = s.health_check.value;
}

/// The project's task capacity, CPU target, floor, ceiling and SLO; load, hit ratio,
/// database and health check; the starting fleet is the autoscaler's choice for that load.
pub fn apply_to_failure_drill(s: &Scenario, p: &mut FailureDrillParams) {
    apply_fleet!(s, p);
    p.slo = s.project.slo;
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
    // The worked example's run is not needed: the bill keeps its own fleet there.
    let outcome = (*p != AutoscalingParams::default())
        .then(|| autoscaling::simulate(p).ok())
        .flatten();
    from_autoscaling_run(p, outcome.as_ref())
}

/// [`from_autoscaling_with_fleet`] from the run of `p` already simulated (`None` when the
/// model refused `p`): the page has it, and a second run would double a move's model time.
pub fn from_autoscaling_run(
    p: &AutoscalingParams,
    outcome: Option<&AutoscalingOutcome>,
) -> ScenarioUpdate {
    let mut u = from_autoscaling(p);
    u.average_tasks = if *p == AutoscalingParams::default() {
        Some(photoshare::cost::AVERAGE_TASKS)
    } else {
        outcome.and_then(|o| average_tasks_from_autoscaling(p, o))
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

/// The failure drill's default, for the tour and the trade-offs: the AZ holding the primary is lost.
pub fn az_loss_drill(s: &Scenario) -> FailureDrillParams {
    let mut p = failure_drill::Preset::AzLossPrimarySide.params();
    apply_to_failure_drill(s, &mut p);
    p
}
