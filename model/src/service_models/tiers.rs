//! PhotoShare's tiers on the line, and who does each tier's chores.

use super::Model;
use crate::link::number_text;
use crate::photoshare::{self, service_models as data};
use crate::vocabulary::Service;

/// A tier of PhotoShare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    Cdn,
    LoadBalancer,
    App,
    Database,
    Cache,
    ObjectStorage,
}

/// A chore every tier has, split between the team and the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concern {
    Patch,
    Scale,
    BackUp,
    Secure,
}

impl Concern {
    pub const ALL: [Concern; 4] = [
        Concern::Patch,
        Concern::Scale,
        Concern::BackUp,
        Concern::Secure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Concern::Patch => "Patch",
            Concern::Scale => "Scale",
            Concern::BackUp => "Back up",
            Concern::Secure => "Secure",
        }
    }
}

/// One chore of one tier: what the team still does, and what the provider does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duty {
    pub concern: Concern,
    pub team: String,
    pub provider: String,
}

fn duty(concern: Concern, team: impl Into<String>, provider: impl Into<String>) -> Duty {
    Duty {
        concern,
        team: team.into(),
        provider: provider.into(),
    }
}

impl Tier {
    /// Request order: edge first, data last.
    pub const ALL: [Tier; 6] = [
        Tier::Cdn,
        Tier::LoadBalancer,
        Tier::App,
        Tier::Database,
        Tier::Cache,
        Tier::ObjectStorage,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Tier::Cdn => "cdn",
            Tier::LoadBalancer => "alb",
            Tier::App => "app",
            Tier::Database => "db",
            Tier::Cache => "cache",
            Tier::ObjectStorage => "s3",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Cdn => "CDN",
            Tier::LoadBalancer => "Load balancer",
            Tier::App => "App tier",
            Tier::Database => "Database",
            Tier::Cache => "Cache",
            Tier::ObjectStorage => "Object storage",
        }
    }

    /// The managed service behind the tier, for the AWS ↔ Azure labels.
    pub fn service(self) -> Service {
        match self {
            Tier::Cdn => Service::Cdn,
            Tier::LoadBalancer => Service::LoadBalancer,
            Tier::App => Service::ContainerService,
            Tier::Database => Service::ManagedPostgres,
            Tier::Cache => Service::ManagedRedis,
            Tier::ObjectStorage => Service::ObjectStorage,
        }
    }

    /// Where the tier sits on the line between you and the provider.
    pub fn model(self) -> Model {
        match self {
            Tier::App => Model::Caas,
            _ => Model::Paas,
        }
    }

    /// Why the tier is in that model, in a sentence.
    pub fn why(self) -> &'static str {
        match self {
            Tier::App => "Closest to IaaS: the team builds the image and owns the scaling policy; the provider runs the hosts.",
            Tier::Database | Tier::Cache => {
                "Managed: the team chooses size and settings; the provider runs, patches, replicates and backs it up."
            }
            Tier::ObjectStorage => "Managed: no servers or capacity to choose at all; the team decides what is stored and who may read it.",
            Tier::Cdn | Tier::LoadBalancer => "A managed network service: the team configures it; the provider runs and scales it.",
        }
    }

    /// What the team still does, and what the provider does, for each concern.
    pub fn duties(self) -> [Duty; 4] {
        use Concern::*;
        match self {
            Tier::Cdn => [
                duty(Patch, "Nothing to patch.", "Runs and patches the edge servers."),
                duty(
                    Scale,
                    "Sets cache lifetimes, which decide the hit ratio.",
                    "Absorbs bursts across its edge locations.",
                ),
                duty(BackUp, "Keeps the distribution's settings in Terraform.", "Nothing to back up: it caches the origin."),
                duty(
                    Secure,
                    "TLS certificate, origin access, firewall rules.",
                    "Absorbs network-level DDoS at the edge.",
                ),
            ],
            Tier::LoadBalancer => [
                duty(Patch, "Nothing to patch.", "Patches the load balancer's nodes."),
                duty(Scale, "Nothing to size.", "Adds nodes as traffic grows."),
                duty(BackUp, "Keeps listeners and target group in Terraform.", "Runs nodes in both AZs."),
                duty(
                    Secure,
                    "Listeners, TLS policy, a security group that admits only HTTPS.",
                    "Keeps the nodes themselves hardened.",
                ),
            ],
            Tier::App => [
                duty(
                    Patch,
                    "Rebuilds and redeploys the image when Node.js, the base image or a dependency has a fix.",
                    "Patches the Fargate platform (kernel, container runtime) and replaces tasks running on an old revision.",
                ),
                duty(
                    Scale,
                    format!(
                        "Sizes each task ({} vCPU, {} GB) and sets the policy: {} % CPU, {}–{} tasks.",
                        number_text(photoshare::cost::TASK_VCPU),
                        number_text(photoshare::cost::TASK_MEMORY_GB),
                        number_text(photoshare::CPU_TARGET * 100.0),
                        photoshare::MIN_TASKS,
                        photoshare::MAX_TASKS
                    ),
                    "Finds a host for every task the policy asks for.",
                ),
                duty(
                    BackUp,
                    "Nothing to back up: tasks are stateless; the code lives in git, the image in the registry.",
                    "Keeps registry images durable.",
                ),
                duty(
                    Secure,
                    "Runs as a non-root user, scopes the task role and security group, injects config at start.",
                    "Isolates each task from other customers' tasks.",
                ),
            ],
            Tier::Database => [
                duty(
                    Patch,
                    format!(
                        "Chooses the engine version ({}) and a maintenance window; plans major upgrades.",
                        data::POSTGRES_ENGINE_VERSION
                    ),
                    "Patches the OS and minor engine versions in that window.",
                ),
                duty(
                    Scale,
                    format!(
                        "Chooses the instance class ({}) and storage ({} GB).",
                        data::POSTGRES_INSTANCE_CLASS,
                        number_text(photoshare::cost::POSTGRES_STORAGE_GB)
                    ),
                    "Resizes when asked; fails over to the standby in the other AZ.",
                ),
                duty(
                    BackUp,
                    format!(
                        "Sets retention ({} days), turns on deletion protection, rehearses restores.",
                        data::POSTGRES_BACKUP_RETENTION_DAYS
                    ),
                    "Takes daily snapshots and keeps logs for point-in-time restore; keeps the standby in sync.",
                ),
                duty(
                    Secure,
                    "Turns on storage encryption, decides who may connect (security group, users).",
                    "Encrypts with the chosen key; keeps the hosts isolated.",
                ),
            ],
            Tier::Cache => [
                duty(
                    Patch,
                    "Chooses the engine version and a maintenance window.",
                    "Patches the OS and Redis.",
                ),
                duty(
                    Scale,
                    format!(
                        "Chooses the node type ({}) and how many ({}).",
                        data::REDIS_NODE_TYPE,
                        number_text(photoshare::cost::REDIS_NODES)
                    ),
                    "Promotes the replica automatically if the primary fails.",
                ),
                duty(
                    BackUp,
                    "Little to back up: sessions and cached reads can be rebuilt.",
                    "Takes snapshots if they are turned on.",
                ),
                duty(
                    Secure,
                    "Security group, auth token, encryption in transit.",
                    "Runs and isolates the nodes.",
                ),
            ],
            Tier::ObjectStorage => [
                duty(Patch, "Nothing to patch.", "Everything under the API."),
                duty(Scale, "Nothing to size.", "Scales storage and request rate."),
                duty(
                    BackUp,
                    format!(
                        "Turned on versioning for {}; may add cross-region replication.",
                        data::UPLOADS_BUCKET
                    ),
                    "Stores every object redundantly across AZs (11 nines of durability).",
                ),
                duty(
                    Secure,
                    "Writes the bucket policy, blocks public access, chooses the encryption key.",
                    "Encrypts every new object at rest by default.",
                ),
            ],
        }
    }
}
