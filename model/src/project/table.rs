//! The project's parameter table: one description per value, with the keys the demos use
//! for the same quantity, so `load=3000` means the same on the project page and in a demo.

use super::{Project, MAX_NAME_CHARS};
use crate::autoscaling::specs::{MAX_TASKS, MIN_TASKS};
use crate::cache_cdn::CacheCdnParams;
use crate::cost::CostParams;
use crate::field_at;
use crate::params::{shared, Field, Spec, Table};
use crate::serverless::{ServerlessParams, MEMORY_MB_RANGE};

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
    field_at!(number, shared::EDGE_LOAD, edge_load_per_s),
    field_at!(number, CacheCdnParams::BURST.spec, edge_burst_per_s),
    field_at!(number, shared::CDN_HIT_RATIO, cdn_hit_ratio),
    field_at!(number, CacheCdnParams::REDIS_HIT.spec, cache_hit_ratio),
    field_at!(number, shared::SLO, slo),
];

const FLEET: [Field<Project>; 6] = [
    field_at!(number, shared::TASK_CAPACITY, task_capacity_per_s),
    field_at!(number, shared::CPU_TARGET, cpu_target),
    field_at!(whole, MIN_TASKS, min_tasks),
    field_at!(whole, MAX_TASKS, max_tasks),
    field_at!(number, shared::TASK_VCPU, task_vcpu),
    field_at!(number, shared::TASK_MEMORY_GB, task_memory_gb),
];

/// The data tier, with the cost demo's keys and limits.
const DATA: [Field<Project>; 5] = [
    field_at!(flag, shared::MULTI_AZ, multi_az),
    field_at!(number, CostParams::DB_STORAGE_GB.spec, db_storage_gb),
    field_at!(whole, CostParams::REDIS_NODES.spec, cache_nodes),
    field_at!(number, CostParams::STORED_TB.spec, stored_tb),
    field_at!(number, CostParams::TOTAL_EGRESS_TB.spec, egress_tb),
];

/// The serverless variant, with the serverless demo's keys and limits.
const FUNCTION: [Field<Project>; 2] = [
    field_at!(number, ServerlessParams::DURATION_MS.spec, request_ms),
    field_at!(
        whole,
        Spec::new(
            "mb",
            "Memory, MB",
            "",
            (MEMORY_MB_RANGE.0 as f64, MEMORY_MB_RANGE.1 as f64),
            1.0
        )
        .said("The function's memory (MB)"),
        request_memory_mb
    ),
];

/// The bill's unit prices with the cost demo's keys and limits, in its order.
const PRICES: [Field<Project>; 10] = [
    field_at!(
        price,
        CostParams::PRICES_FARGATE_VCPU_HOUR_USD.spec,
        prices.fargate_vcpu_hour_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_FARGATE_GB_HOUR_USD.spec,
        prices.fargate_gb_hour_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_DB_INSTANCE_HOUR_USD.spec,
        prices.db_instance_hour_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_DB_STORAGE_GB_MONTH_USD.spec,
        prices.db_storage_gb_month_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_REDIS_NODE_HOUR_USD.spec,
        prices.redis_node_hour_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_ALB_MONTH_USD.spec,
        prices.alb_month_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_S3_GB_MONTH_USD.spec,
        prices.s3_gb_month_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_CDN_EGRESS_GB_USD.spec,
        prices.cdn_egress_gb_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_ORIGIN_EGRESS_GB_USD.spec,
        prices.origin_egress_gb_usd
    ),
    field_at!(
        price,
        CostParams::PRICES_NAT_MONTH_USD.spec,
        prices.nat_month_usd
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
