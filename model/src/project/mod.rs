//! A group's own project: the values the lab needs to answer PhotoShare's questions — how
//! many tasks, what SLO and budget, what bill, whether functions win — for another app.
//!
//! The lesson: PhotoShare is one instance of the course's project. A [`Project`] holds what
//! a group decides or measures for its own app (loads, hit ratios, the fleet, the SLO, the
//! data tier, prices); its `Default` is PhotoShare, value for value. Its table
//! ([`Project::FIELDS`]) gives the link, the range messages and the page's controls, as a
//! demo's does; [`json`] writes and reads it as a file; [`examples`] are ready-made
//! variants an instructor can hand out; [`report`] is its design report, computed by the
//! demos' own models through the shared scenario.

pub mod examples;
pub mod json;
pub mod markdown;
pub mod report;

mod table;
pub mod text;

use crate::cost::UnitPrices;
use crate::params::{self, Fields};
use crate::photoshare::{self, cost as ps, HealthCheck};

pub use table::*;

/// Longest project name, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// What a group states about its app. Shares are 0–1; prices are exact decimals.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub name: String,
    /// Requests a second at the CDN's edge, steady and at the burst the design must absorb.
    pub edge_load_per_s: f64,
    pub edge_burst_per_s: f64,
    pub cdn_hit_ratio: f64,
    /// Reads the cache answers; the lab's bill and sizing do not use it (see the report).
    pub cache_hit_ratio: f64,
    /// Requests a second one task serves at 100 % CPU.
    pub task_capacity_per_s: f64,
    /// The average CPU the autoscaler holds, 0–1.
    pub cpu_target: f64,
    pub min_tasks: u32,
    pub max_tasks: u32,
    pub task_vcpu: f64,
    pub task_memory_gb: f64,
    /// The monthly availability objective, 0–1.
    pub slo: f64,
    /// A synchronous standby database in the second AZ.
    pub multi_az: bool,
    pub db_storage_gb: f64,
    pub cache_nodes: u32,
    pub stored_tb: f64,
    pub egress_tb: f64,
    pub health_check: HealthCheck,
    /// The serverless variant: one request's run time and the function's memory.
    pub request_ms: f64,
    pub request_memory_mb: u32,
    /// The bill's unit prices (the database's per instance: Multi-AZ pays two).
    pub prices: UnitPrices,
}

impl Default for Project {
    /// PhotoShare, as the worked example states it.
    fn default() -> Self {
        use crate::cost::GB_PER_TB;
        Project {
            name: "PhotoShare".into(),
            edge_load_per_s: photoshare::EDGE_LOAD_STEADY_PER_S,
            edge_burst_per_s: photoshare::EDGE_LOAD_BURST_PER_S,
            cdn_hit_ratio: photoshare::CDN_HIT_RATIO,
            cache_hit_ratio: ASSUMED_CACHE_HIT_RATIO,
            task_capacity_per_s: photoshare::TASK_CAPACITY_PER_S,
            cpu_target: photoshare::CPU_TARGET,
            min_tasks: photoshare::MIN_TASKS,
            max_tasks: photoshare::MAX_TASKS,
            task_vcpu: ps::TASK_VCPU,
            task_memory_gb: ps::TASK_MEMORY_GB,
            slo: photoshare::SLO,
            multi_az: true,
            db_storage_gb: ps::POSTGRES_STORAGE_GB,
            cache_nodes: ps::REDIS_NODES as u32,
            stored_tb: ps::S3_STORED_GB / GB_PER_TB,
            egress_tb: ps::TOTAL_EGRESS_GB / GB_PER_TB,
            health_check: photoshare::HEALTH_CHECK,
            request_ms: ASSUMED_REQUEST_MS,
            request_memory_mb: ASSUMED_REQUEST_MEMORY_MB,
            prices: UnitPrices::default(),
        }
    }
}

/// Values PhotoShare never states, which the profile takes with a default; the report
/// lists them as assumptions. The cache's hit ratio is the cache demo's starting value.
pub const ASSUMED_CACHE_HIT_RATIO: f64 = 0.9;
/// The serverless demo's API preset: a 120 ms handler at 512 MB.
pub const ASSUMED_REQUEST_MS: f64 = 120.0;
pub const ASSUMED_REQUEST_MEMORY_MB: u32 = 512;

impl Project {
    /// The same values under another name: an example's starting point.
    pub fn named(name: &str) -> Project {
        Project {
            name: name.into(),
            ..Project::default()
        }
    }

    /// Peak ÷ steady load at the edge: the spike the autoscaler must absorb.
    pub fn spike_factor(&self) -> f64 {
        if self.edge_load_per_s > 0.0 {
            self.edge_burst_per_s / self.edge_load_per_s
        } else {
            1.0
        }
    }

    /// The project's values the worked example does not state, as the report lists them.
    pub fn assumptions(&self) -> Vec<String> {
        let d = Project::default();
        let mut out = Vec::new();
        if self.cache_hit_ratio == d.cache_hit_ratio {
            out.push(format!(
                "Cache hit ratio {} %: PhotoShare does not state one; the lab takes the cache demo's starting value. No figure below uses it.",
                crate::link::number_text(d.cache_hit_ratio * 100.0)
            ));
        }
        if self.request_ms == d.request_ms && self.request_memory_mb == d.request_memory_mb {
            out.push(format!(
                "A request runs {} ms in a {} MB function: the serverless demo's assumption for PhotoShare's API, which the worked example does not state.",
                crate::link::number_text(d.request_ms),
                d.request_memory_mb
            ));
        }
        out
    }
}

/// Every problem with a project, in words: each field out of its range (the table's
/// messages), then the values that clash.
pub fn validate(p: &Project) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let name = p.name.trim();
    if name.is_empty() {
        problems.push("The project needs a name.".to_string());
    } else if name.chars().count() > MAX_NAME_CHARS {
        problems.push(format!(
            "The project's name must be at most {MAX_NAME_CHARS} characters."
        ));
    }
    problems.extend(params::check(p));
    let all_finite = p.edge_load_per_s.is_finite() && p.edge_burst_per_s.is_finite();
    if all_finite && p.edge_burst_per_s < p.edge_load_per_s {
        problems.push("The burst must be at least the steady load.".into());
    }
    if p.min_tasks > p.max_tasks {
        problems.push("The fleet's floor must not be above its ceiling.".into());
    }
    if p.health_check.timeout_s >= p.health_check.interval_s {
        problems.push("The health check's timeout must be shorter than its interval.".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

// A project's link: `#/project?name=Chat&load=3000…`, the values that differ from PhotoShare.
crate::link_from_table!(Project);

impl Fields for Project {
    const FIELDS: params::Table<Self> = TABLE;
}
