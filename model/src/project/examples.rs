//! Example projects beside PhotoShare, each a link an instructor can hand to a group:
//! `#/project?<its link>`. Their figures are illustrative, chosen so that each one
//! teaches a different answer: a write-heavy app the CDN cannot shield, a spike far beyond
//! the ceiling a quiet day needs, and a tool so small that functions cost less.

use super::Project;
use crate::link::LinkState;
use crate::money::Decimal;

/// An example: its link slug (`example=chat`), what it teaches, and its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    PhotoShare,
    ChatBackend,
    TicketSale,
    InternalTool,
}

impl Example {
    pub const ALL: [Example; 4] = [
        Example::PhotoShare,
        Example::ChatBackend,
        Example::TicketSale,
        Example::InternalTool,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Example::PhotoShare => "photoshare",
            Example::ChatBackend => "chat",
            Example::TicketSale => "tickets",
            Example::InternalTool => "internal",
        }
    }

    /// What the example is for, in one line.
    pub fn teaches(self) -> &'static str {
        match self {
            Example::PhotoShare => "The worked example: read-heavy, shielded by a 92 % CDN.",
            Example::ChatBackend => {
                "Write-heavy: messages miss the CDN, so the origin carries most of the load and the database is the bill's weight."
            }
            Example::TicketSale => {
                "A 50× spike when sales open: the ceiling, not the quiet day, sizes the fleet."
            }
            Example::InternalTool => {
                "A few requests a second for one office: an always-on fleet idles, and functions cost less."
            }
        }
    }

    pub fn project(self) -> Project {
        match self {
            Example::PhotoShare => Project::default(),
            Example::ChatBackend => Project {
                edge_load_per_s: 2_000.0,
                edge_burst_per_s: 6_000.0,
                cdn_hit_ratio: 0.15,
                cache_hit_ratio: 0.6,
                task_capacity_per_s: 400.0,
                cpu_target: 0.6,
                min_tasks: 3,
                max_tasks: 30,
                task_vcpu: 0.5,
                task_memory_gb: 1.0,
                slo: 0.9995,
                db_storage_gb: 500.0,
                cache_nodes: 3,
                stored_tb: 0.5,
                egress_tb: 3.0,
                request_ms: 40.0,
                request_memory_mb: 256,
                ..Project::named("ChatterBox (chat backend)")
            },
            Example::TicketSale => Project {
                edge_load_per_s: 200.0,
                edge_burst_per_s: 10_000.0,
                cdn_hit_ratio: 0.8,
                cache_hit_ratio: 0.95,
                task_capacity_per_s: 150.0,
                cpu_target: 0.5,
                min_tasks: 2,
                max_tasks: 40,
                stored_tb: 0.2,
                egress_tb: 1.0,
                ..Project::named("GigTix (ticket sales)")
            },
            Example::InternalTool => {
                let mut p = Project {
                    edge_load_per_s: 2.0,
                    edge_burst_per_s: 10.0,
                    cdn_hit_ratio: 0.0,
                    task_capacity_per_s: 50.0,
                    min_tasks: 2,
                    max_tasks: 4,
                    task_vcpu: 0.25,
                    task_memory_gb: 0.5,
                    slo: 0.99,
                    multi_az: false,
                    db_storage_gb: 20.0,
                    cache_nodes: 0,
                    stored_tb: 0.05,
                    egress_tb: 0.05,
                    request_ms: 80.0,
                    request_memory_mb: 256,
                    ..Project::named("RoomBook (internal tool)")
                };
                // A small instance (db.t4g.medium's illustrative rate) for a small tool.
                p.prices.db_instance_hour_usd = Decimal::lit("0.072");
                p
            }
        }
    }

    /// `#/project?…`: the link an instructor hands out.
    pub fn hash(self) -> String {
        crate::link::Route::hash("project", &self.project().to_query())
    }
}
