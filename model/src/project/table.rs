//! The project's parameter table: one description per value, with the keys the demos use
//! for the same quantity, so `load=3000` means the same on the project page and in a demo.

use super::{Project, MAX_NAME_CHARS};
use crate::cost::{self, MAX_AVERAGE_TASKS, MAX_DB_STORAGE_GB, MAX_REDIS_NODES, MAX_TB};
use crate::cost::{TASK_MEMORY_GB_RANGE, TASK_VCPU_RANGE};
use crate::params::{shared, Field, Spec, Table};
use crate::serverless::{MAX_DURATION_MS, MEMORY_MB_RANGE};

/// Most tasks in a fleet's floor or ceiling.
pub const MAX_FLEET_TASKS: u32 = 1_000;

pub const NAME: Field<Project> = Field::text(
    Spec::named("name", "Project name"),
    |p| p.name.clone(),
    |p, text| {
        let name = text.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(format!("a name of 1–{MAX_NAME_CHARS} characters"));
        }
        p.name = name.to_string();
        Ok(())
    },
);

const LOAD: [Field<Project>; 5] = [
    Field::number(
        shared::EDGE_LOAD,
        |p| p.edge_load_per_s,
        |p, x| p.edge_load_per_s = x,
    ),
    Field::number(
        Spec::new(
            "edgeburst",
            "Burst at the edge",
            "req/s",
            (0.0, shared::MAX_LOAD_PER_S),
            100.0,
        ),
        |p| p.edge_burst_per_s,
        |p, x| p.edge_burst_per_s = x,
    ),
    Field::number(
        shared::CDN_HIT_RATIO,
        |p| p.cdn_hit_ratio,
        |p, x| p.cdn_hit_ratio = x,
    ),
    Field::number(
        Spec::percent("rhit", "Redis hit ratio", (0.0, 100.0), 1.0),
        |p| p.cache_hit_ratio,
        |p, x| p.cache_hit_ratio = x,
    ),
    Field::number(shared::SLO, |p| p.slo, |p, x| p.slo = x),
];

const FLEET: [Field<Project>; 6] = [
    Field::number(
        shared::TASK_CAPACITY,
        |p| p.task_capacity_per_s,
        |p, x| p.task_capacity_per_s = x,
    ),
    Field::number(
        shared::CPU_TARGET,
        |p| p.cpu_target,
        |p, x| p.cpu_target = x,
    ),
    Field::whole(
        Spec::new(
            "min",
            "Fleet floor",
            "tasks",
            (1.0, MAX_FLEET_TASKS as f64),
            1.0,
        ),
        |p| p.min_tasks,
        |p, x| p.min_tasks = x,
    ),
    Field::whole(
        Spec::new(
            "max",
            "Fleet ceiling",
            "tasks",
            (1.0, MAX_FLEET_TASKS as f64),
            1.0,
        ),
        |p| p.max_tasks,
        |p, x| p.max_tasks = x,
    ),
    Field::number(
        Spec::new("vcpu", "vCPU per task", "", TASK_VCPU_RANGE, 0.25).said("A task's vCPU"),
        |p| p.task_vcpu,
        |p, x| p.task_vcpu = x,
    ),
    Field::number(
        Spec::new("mem", "GB per task", "", TASK_MEMORY_GB_RANGE, 0.5).said("A task's memory (GB)"),
        |p| p.task_memory_gb,
        |p, x| p.task_memory_gb = x,
    ),
];

const DATA: [Field<Project>; 5] = [
    Field::flag(shared::MULTI_AZ, |p| p.multi_az, |p, x| p.multi_az = x),
    Field::number(
        Spec::new(
            "dbgb",
            "Database storage, GB",
            "",
            (0.0, MAX_DB_STORAGE_GB),
            1.0,
        )
        .said("Database storage (GB)"),
        |p| p.db_storage_gb,
        |p, x| p.db_storage_gb = x,
    ),
    Field::whole(
        Spec::new(
            "redis",
            "Cache nodes",
            "",
            (0.0, MAX_REDIS_NODES as f64),
            1.0,
        )
        .said("Cache nodes"),
        |p| p.cache_nodes,
        |p, x| p.cache_nodes = x,
    ),
    Field::number(
        Spec::new("stored", "Stored uploads, TB", "", (0.0, MAX_TB), 0.1)
            .said("Stored uploads (TB)"),
        |p| p.stored_tb,
        |p, x| p.stored_tb = x,
    ),
    Field::number(
        Spec::new("egress", "Total egress, TB", "", (0.0, MAX_TB), 0.1).said("Total egress (TB)"),
        |p| p.egress_tb,
        |p, x| p.egress_tb = x,
    ),
];

const FUNCTION: [Field<Project>; 2] = [
    Field::number(
        Spec::new("ms", "Duration, ms", "", (1.0, MAX_DURATION_MS), 1.0).said("The duration (ms)"),
        |p| p.request_ms,
        |p, x| p.request_ms = x,
    ),
    Field::whole(
        Spec::new(
            "mb",
            "Memory, MB",
            "",
            (MEMORY_MB_RANGE.0 as f64, MEMORY_MB_RANGE.1 as f64),
            1.0,
        )
        .said("The function's memory (MB)"),
        |p| p.request_memory_mb,
        |p, x| p.request_memory_mb = x,
    ),
];

/// The bill's unit prices with the cost demo's keys and limits.
const PRICES: [Field<Project>; 10] = [
    Field::price(
        cost::PRICES[0].spec,
        |p| p.prices.fargate_vcpu_hour_usd,
        |p, x| p.prices.fargate_vcpu_hour_usd = x,
    ),
    Field::price(
        cost::PRICES[1].spec,
        |p| p.prices.fargate_gb_hour_usd,
        |p, x| p.prices.fargate_gb_hour_usd = x,
    ),
    Field::price(
        cost::PRICES[2].spec,
        |p| p.prices.db_instance_hour_usd,
        |p, x| p.prices.db_instance_hour_usd = x,
    ),
    Field::price(
        cost::PRICES[3].spec,
        |p| p.prices.db_storage_gb_month_usd,
        |p, x| p.prices.db_storage_gb_month_usd = x,
    ),
    Field::price(
        cost::PRICES[4].spec,
        |p| p.prices.redis_node_hour_usd,
        |p, x| p.prices.redis_node_hour_usd = x,
    ),
    Field::price(
        cost::PRICES[5].spec,
        |p| p.prices.alb_month_usd,
        |p, x| p.prices.alb_month_usd = x,
    ),
    Field::price(
        cost::PRICES[6].spec,
        |p| p.prices.s3_gb_month_usd,
        |p, x| p.prices.s3_gb_month_usd = x,
    ),
    Field::price(
        cost::PRICES[7].spec,
        |p| p.prices.cdn_egress_gb_usd,
        |p, x| p.prices.cdn_egress_gb_usd = x,
    ),
    Field::price(
        cost::PRICES[8].spec,
        |p| p.prices.origin_egress_gb_usd,
        |p, x| p.prices.origin_egress_gb_usd = x,
    ),
    Field::price(
        cost::PRICES[9].spec,
        |p| p.prices.nat_month_usd,
        |p, x| p.prices.nat_month_usd = x,
    ),
];

/// Each group's heading on the page, in the table's order.
pub const GROUP_TITLES: [&str; 7] = [
    "The project",
    "Load and SLO",
    "The app fleet",
    "Health check",
    "Data tier",
    "Serverless variant",
    "Unit prices",
];

pub const TABLE: Table<Project> = &[
    &[NAME],
    &LOAD,
    &FLEET,
    &crate::health_check_fields!(health_check),
    &DATA,
    &FUNCTION,
    &PRICES,
];

// The average-task limit bounds what the bill takes; a floor above it would be refused there.
const _: () = assert!(MAX_FLEET_TASKS as f64 <= MAX_AVERAGE_TASKS);
