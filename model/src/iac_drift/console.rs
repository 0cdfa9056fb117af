//! Changes made behind Terraform's back: console clicks and the autoscaler.

use std::collections::BTreeMap;

use super::config::{Object, Value};
use super::render::scalar_text;
use super::world::{provider_identity, Resource, World};
use crate::photoshare;
use crate::vocabulary::Service;

/// A change made outside Terraform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleClick {
    /// Someone sets the service's task count by hand.
    SetDesiredCount,
    /// The autoscaler scales out for a burst (not a person, but still outside Terraform).
    AutoscalerScalesOut,
    /// SSH opened to the world on the app's security group.
    OpenSshPort,
    /// The database's standby switched off to save money.
    MultiAzOff,
    /// Versioning on the uploads bucket suspended.
    SuspendVersioning,
    /// The database resized by hand.
    ResizeDatabase,
    /// A minor engine upgrade (by hand, or by auto minor version upgrade).
    UpgradeEngine,
    /// The Redis replica deleted (failover has to go off first).
    DeleteRedisReplica,
    /// The autoscaling policy deleted.
    DeleteScalingPolicy,
    /// An EC2 instance launched by hand, with no tags.
    LaunchUntaggedInstance,
    /// Time passes to the database's weekly maintenance window: RDS carries out the
    /// modifications it held (not a click, but a change Terraform does not make either).
    MaintenanceWindow,
}

/// Task count someone types into the console.
pub const HAND_SET_DESIRED_COUNT: u32 = 6;
pub const RESIZED_INSTANCE_CLASS: &str = "db.r6g.xlarge";
pub const UPGRADED_ENGINE_VERSION: &str = "16.4";

impl ConsoleClick {
    pub const ALL: [ConsoleClick; 11] = [
        ConsoleClick::SetDesiredCount,
        ConsoleClick::AutoscalerScalesOut,
        ConsoleClick::OpenSshPort,
        ConsoleClick::MultiAzOff,
        ConsoleClick::SuspendVersioning,
        ConsoleClick::ResizeDatabase,
        ConsoleClick::UpgradeEngine,
        ConsoleClick::DeleteRedisReplica,
        ConsoleClick::DeleteScalingPolicy,
        ConsoleClick::LaunchUntaggedInstance,
        ConsoleClick::MaintenanceWindow,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ConsoleClick::SetDesiredCount => "desired_count",
            ConsoleClick::AutoscalerScalesOut => "autoscaler",
            ConsoleClick::OpenSshPort => "ssh",
            ConsoleClick::MultiAzOff => "multi_az_off",
            ConsoleClick::SuspendVersioning => "versioning_off",
            ConsoleClick::ResizeDatabase => "instance_class",
            ConsoleClick::UpgradeEngine => "engine_version",
            ConsoleClick::DeleteRedisReplica => "redis_replica",
            ConsoleClick::DeleteScalingPolicy => "delete_policy",
            ConsoleClick::LaunchUntaggedInstance => "ec2_by_hand",
            ConsoleClick::MaintenanceWindow => "maintenance_window",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ConsoleClick> {
        ConsoleClick::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// A button label.
    pub fn label(self) -> &'static str {
        match self {
            ConsoleClick::SetDesiredCount => "Set the service to 6 tasks by hand",
            ConsoleClick::AutoscalerScalesOut => "Autoscaler scales out to 8 tasks",
            ConsoleClick::OpenSshPort => "Open port 22 to 0.0.0.0/0",
            ConsoleClick::MultiAzOff => "Switch off Multi-AZ",
            ConsoleClick::SuspendVersioning => "Suspend bucket versioning",
            ConsoleClick::ResizeDatabase => "Resize the database to db.r6g.xlarge",
            ConsoleClick::UpgradeEngine => "Upgrade Postgres to 16.4",
            ConsoleClick::DeleteRedisReplica => "Delete the Redis replica",
            ConsoleClick::DeleteScalingPolicy => "Delete the scaling policy",
            ConsoleClick::LaunchUntaggedInstance => "Launch an untagged EC2 instance",
            ConsoleClick::MaintenanceWindow => "Let the maintenance window pass",
        }
    }

    /// The resource it changes (none for a new, unmanaged object).
    pub fn target(self) -> Option<&'static str> {
        match self {
            ConsoleClick::SetDesiredCount | ConsoleClick::AutoscalerScalesOut => {
                Some("aws_ecs_service.app")
            }
            ConsoleClick::OpenSshPort => Some("aws_security_group.app"),
            ConsoleClick::MultiAzOff
            | ConsoleClick::ResizeDatabase
            | ConsoleClick::UpgradeEngine
            | ConsoleClick::MaintenanceWindow => Some("aws_db_instance.pg"),
            ConsoleClick::SuspendVersioning => Some("aws_s3_bucket_versioning.uploads"),
            ConsoleClick::DeleteRedisReplica => Some("aws_elasticache_replication_group.redis"),
            ConsoleClick::DeleteScalingPolicy => Some("aws_appautoscaling_policy.cpu"),
            ConsoleClick::LaunchUntaggedInstance => None,
        }
    }

    /// The service whose console the click is made in, for AWS / Azure labels
    /// (none for the hand-launched VM: the vocabulary has no row for plain VMs).
    pub fn service(self) -> Option<Service> {
        Some(match self {
            ConsoleClick::SetDesiredCount => Service::ContainerService,
            ConsoleClick::AutoscalerScalesOut | ConsoleClick::DeleteScalingPolicy => {
                Service::Autoscaling
            }
            ConsoleClick::OpenSshPort => Service::Firewall,
            ConsoleClick::MultiAzOff
            | ConsoleClick::ResizeDatabase
            | ConsoleClick::UpgradeEngine
            | ConsoleClick::MaintenanceWindow => Service::ManagedPostgres,
            ConsoleClick::SuspendVersioning => Service::ObjectStorage,
            ConsoleClick::DeleteRedisReplica => Service::ManagedRedis,
            ConsoleClick::LaunchUntaggedInstance => return None,
        })
    }
}

/// Makes the change in the real account only, and says what happened.
pub fn click(world: &mut World, click: ConsoleClick) -> String {
    if click == ConsoleClick::MaintenanceWindow {
        return maintenance_window(world);
    }
    if click == ConsoleClick::LaunchUntaggedInstance {
        world.serial = world.serial.saturating_add(1);
        let name = format!("by_hand_{}", world.unmanaged.len().saturating_add(1));
        let mut body = Object::default();
        body.attributes
            .insert("ami".into(), Value::str("ami-0a9b8c7d6e5f40312"));
        body.attributes
            .insert("instance_type".into(), Value::str("t3.large"));
        let (id, arn) = provider_identity("aws_instance", &name, &body, world.serial);
        let note = format!(
            "An EC2 instance {id} (t3.large, no tags) now runs in the account. No state file records it, so \
             terraform plan will never show it — only an inventory of the account finds it."
        );
        world.unmanaged.push(Resource {
            resource_type: "aws_instance".into(),
            name,
            body,
            id,
            arn,
            dependencies: Default::default(),
            pending: Default::default(),
        });
        return note;
    }
    let Some(address) = click.target() else {
        return String::new();
    };
    if click == ConsoleClick::DeleteScalingPolicy {
        return match world.actual.remove(address) {
            Some(_) => "The target-tracking policy is gone: the service keeps its current task count and \
                        will not scale out for the next spike. The state file still lists the policy."
                .into(),
            None => format!("There is no {address} in the account to delete."),
        };
    }
    let Some(resource) = world.actual.get_mut(address) else {
        return format!("There is no {address} in the account to change.");
    };
    let attrs = &mut resource.body.attributes;
    match click {
        ConsoleClick::SetDesiredCount => {
            attrs.insert(
                "desired_count".into(),
                Value::Number(f64::from(HAND_SET_DESIRED_COUNT)),
            );
            "The service now runs 6 tasks; the state file still says 4.".into()
        }
        ConsoleClick::AutoscalerScalesOut => {
            let burst = photoshare::printed::TASKS_BURST;
            attrs.insert("desired_count".into(), Value::Number(f64::from(burst)));
            format!("A 9,000 req/s burst: the autoscaler set desired_count to {burst}, as it should. Terraform was not asked.")
        }
        ConsoleClick::OpenSshPort => {
            let mut rule = BTreeMap::new();
            rule.insert(
                "cidr_blocks".to_string(),
                Value::List(vec![Value::str("0.0.0.0/0")]),
            );
            rule.insert("from_port".to_string(), Value::Number(22.0));
            rule.insert("protocol".to_string(), Value::str("tcp"));
            rule.insert("to_port".to_string(), Value::Number(22.0));
            let rule = Value::Object(rule);
            match attrs.get_mut("ingress") {
                Some(Value::List(rules)) if !rules.contains(&rule) => rules.push(rule),
                Some(_) => {}
                None => {
                    attrs.insert("ingress".into(), Value::List(vec![rule]));
                }
            }
            "Port 22 is open to the whole internet on the app's security group.".into()
        }
        ConsoleClick::MultiAzOff => {
            attrs.insert("multi_az".into(), Value::Bool(false));
            "The database has no standby now: losing its AZ means an outage (99.5 % instead of 99.95 %).".into()
        }
        ConsoleClick::SuspendVersioning => {
            if let Some(v) = resource
                .body
                .blocks
                .get_mut("versioning_configuration")
                .and_then(|b| b.first_mut())
            {
                v.attributes
                    .insert("status".into(), Value::str("Suspended"));
            }
            "New uploads overwrite old versions: a bad deploy that overwrites images can no longer be undone.".into()
        }
        ConsoleClick::ResizeDatabase => {
            attrs.insert("instance_class".into(), Value::str(RESIZED_INSTANCE_CLASS));
            "The database is twice the size, and its line on the bill doubles.".into()
        }
        ConsoleClick::UpgradeEngine => {
            attrs.insert("engine_version".into(), Value::str(UPGRADED_ENGINE_VERSION));
            "Postgres is on 16.4. The plan will ask to go back to 16.3, which RDS refuses: pin only the major \
             version (\"16\") or update the configuration."
                .into()
        }
        ConsoleClick::DeleteRedisReplica => {
            attrs.insert("num_cache_clusters".into(), Value::Number(1.0));
            attrs.insert("automatic_failover_enabled".into(), Value::Bool(false));
            "Redis runs on one node: automatic failover had to be switched off first, so losing that node loses the cache.".into()
        }
        ConsoleClick::DeleteScalingPolicy
        | ConsoleClick::LaunchUntaggedInstance
        | ConsoleClick::MaintenanceWindow => String::new(),
    }
}

/// RDS carries out what it held for the maintenance window.
fn maintenance_window(world: &mut World) -> String {
    let mut done = Vec::new();
    for db in world.actual.values_mut() {
        for (key, value) in std::mem::take(&mut db.pending) {
            done.push(format!("{key} = {}", scalar_text(&value)));
            db.body.attributes.insert(key, value);
        }
    }
    if done.is_empty() {
        "The maintenance window passed; RDS held no modification for it.".into()
    } else {
        format!(
            "The maintenance window passed: RDS carried out the modifications it held ({}).",
            done.join(", ")
        )
    }
}
