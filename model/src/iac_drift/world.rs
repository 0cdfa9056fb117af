//! The state file Terraform wrote and the simulated account it describes.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::apply::apply;
use super::config::{
    variant_config, Config, ConfigVariant, Object, ParseError, ResourceConfig, Value,
};
use super::render::Line;
use super::{ACCOUNT, REGION};

/// A deployed object, as the provider reports it: the arguments as applied, references
/// replaced by the values they had.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub resource_type: String,
    pub name: String,
    pub body: Object,
    /// Provider-assigned identity (stand-in values, stable per creation).
    pub id: String,
    pub arn: Option<String>,
    /// The resources its arguments came from, as the state file records them: a destroy
    /// goes before the destroy of what it depends on.
    pub dependencies: Vec<String>,
    /// Modifications RDS holds for the next maintenance window (its PendingModifiedValues);
    /// empty for everything else, and in the state.
    pub pending: BTreeMap<String, Value>,
}

impl Resource {
    pub fn address(&self) -> String {
        format!("{}.{}", self.resource_type, self.name)
    }

    /// The provider-assigned `id` (and `arn`) lines of this object going away.
    pub(super) fn removed_identity(&self) -> Vec<(String, Line)> {
        let gone = |v: &String| Line::Remove(Value::Str(v.clone()));
        let mut lines = vec![("id".to_string(), gone(&self.id))];
        lines.extend(self.arn.iter().map(|arn| ("arn".to_string(), gone(arn))));
        lines
    }
}

/// The state file Terraform wrote at its last apply, and the real account.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct World {
    /// What Terraform believes is deployed, by address.
    pub state: BTreeMap<String, Resource>,
    /// What is really deployed, for the addresses Terraform manages.
    pub actual: BTreeMap<String, Resource>,
    /// Objects made by hand that no state file records.
    pub unmanaged: Vec<Resource>,
    /// Creations so far: makes each new object's ID different.
    pub serial: u32,
    /// Buckets (by name) that hold objects: PhotoShare's users' uploads.
    pub buckets_with_objects: Vec<String>,
}

impl World {
    /// The account after `terraform apply` of `config` into an empty account, and some use:
    /// PhotoShare's users have uploaded photos to its buckets since.
    pub fn deployed(config: &Config) -> World {
        let mut world = World::default();
        apply(config, &mut world);
        for r in world.actual.values() {
            if r.resource_type == "aws_s3_bucket" {
                world.buckets_with_objects.push(r.id.clone());
            }
        }
        world
    }

    /// [`World::deployed`] of the worked example's configuration `variant`, made once: every
    /// evaluation of the page without an apply of its own starts from it, and making it runs
    /// a whole refresh, plan and apply.
    pub fn deployed_variant(variant: ConfigVariant) -> Result<&'static World, ParseError> {
        static DEPLOYED: [OnceLock<World>; 2] = [OnceLock::new(), OnceLock::new()];
        let config = variant_config(variant)?;
        Ok(DEPLOYED[variant as usize].get_or_init(|| World::deployed(config)))
    }

    /// What the provider reads back for every object the state records (the refresh
    /// `terraform plan` starts with); deleted objects are absent.
    pub fn refreshed(&self) -> BTreeMap<String, Resource> {
        let mut refreshed = BTreeMap::new();
        for (a, prior) in &self.state {
            if let Some(real) = self.actual.get(a) {
                refreshed.insert(a.clone(), read(prior, real));
            }
        }
        refreshed
    }
}

/// The provider's read of one object: the real object, except that the AWS provider keeps a
/// recorded engine version that is a prefix of the real one ("16" for 16.4) or that RDS holds
/// for the maintenance window (provider source, `compareActualEngineVersion`).
pub(super) fn read(prior: &Resource, real: &Resource) -> Resource {
    let mut r = Resource {
        resource_type: real.resource_type.clone(),
        name: real.name.clone(),
        body: real.body.clone(),
        id: real.id.clone(),
        arn: real.arn.clone(),
        dependencies: prior.dependencies.clone(),
        pending: BTreeMap::new(),
    };
    let version = |o: &Resource| match o.body.attributes.get("engine_version") {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    };
    if let (Some(old), Some(new)) = (version(prior), version(real)) {
        let waiting = real.pending.get("engine_version") == Some(&Value::Str(old.clone()));
        if waiting || new.starts_with(&format!("{old}.")) {
            r.body
                .attributes
                .insert("engine_version".into(), Value::Str(old));
        }
    }
    r
}

/// Stand-in module outputs: the lab does not expand the VPC module.
pub(super) fn module_output(reference: &str) -> Option<Value> {
    let subnets = |a: &str, b: &str| Value::List(vec![Value::str(a), Value::str(b)]);
    Some(match reference {
        "module.vpc.vpc_id" => Value::str("vpc-0c1d2e3f4a5b6c7d8"),
        "module.vpc.public_subnets" => {
            subnets("subnet-0a1b2c3d4e5f60000", "subnet-0a1b2c3d4e5f60001")
        }
        "module.vpc.private_subnets" => {
            subnets("subnet-0a1b2c3d4e5f60010", "subnet-0a1b2c3d4e5f60011")
        }
        _ => return None,
    })
}

pub(super) fn fnv(text: &str, serial: u32) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes().chain(serial.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The provider's ID and ARN for a new object, in each service's format.
pub(super) fn provider_identity(
    resource_type: &str,
    name: &str,
    body: &Object,
    serial: u32,
) -> (String, Option<String>) {
    let hex = fnv(&format!("{resource_type}.{name}"), serial);
    let attr = |k: &str| match body.attributes.get(k) {
        Some(Value::Str(s)) => s.clone(),
        _ => name.to_string(),
    };
    let arn = |service: &str, rest: String| format!("arn:aws:{service}:{REGION}:{ACCOUNT}:{rest}");
    match resource_type {
        "aws_security_group" => {
            let id = format!("sg-0{hex:016x}");
            let arn = arn("ec2", format!("security-group/{id}"));
            (id, Some(arn))
        }
        "aws_lb" => {
            let a = arn(
                "elasticloadbalancing",
                format!("loadbalancer/app/{}/{hex:016x}", attr("name")),
            );
            (a.clone(), Some(a))
        }
        "aws_lb_target_group" => {
            let a = arn(
                "elasticloadbalancing",
                format!("targetgroup/{}/{hex:016x}", attr("name")),
            );
            (a.clone(), Some(a))
        }
        "aws_ecs_cluster" => {
            let a = arn("ecs", format!("cluster/{}", attr("name")));
            (a.clone(), Some(a))
        }
        "aws_ecs_task_definition" => {
            let family = attr("family");
            (
                family.clone(),
                Some(arn(
                    "ecs",
                    format!("task-definition/{family}:{}", serial.saturating_add(1)),
                )),
            )
        }
        "aws_ecs_service" => (arn("ecs", format!("service/main/{}", attr("name"))), None),
        "aws_db_instance" => (
            format!("db-{:016X}{:010X}", hex, hex >> 24),
            Some(arn("rds", format!("db:{}", attr("identifier")))),
        ),
        "aws_elasticache_replication_group" => {
            let id = attr("replication_group_id");
            let a = arn("elasticache", format!("replicationgroup:{id}"));
            (id, Some(a))
        }
        "aws_s3_bucket" => {
            let bucket = attr("bucket");
            let a = format!("arn:aws:s3:::{bucket}");
            (bucket, Some(a))
        }
        "aws_s3_bucket_versioning" => (attr("bucket"), None),
        "aws_appautoscaling_target" => (
            attr("resource_id"),
            Some(arn(
                "application-autoscaling",
                format!("scalable-target/{hex:016x}"),
            )),
        ),
        "aws_appautoscaling_policy" => {
            let policy = attr("name");
            let a = arn(
                "autoscaling",
                format!("scalingPolicy:{hex:016x}:policyName/{policy}"),
            );
            (policy, Some(a))
        }
        "aws_instance" => {
            let id = format!("i-0{hex:016x}");
            let a = arn("ec2", format!("instance/{id}"));
            (id, Some(a))
        }
        _ => (format!("{hex:016x}"), None),
    }
}

/// An object's arguments with their references replaced: `lookup` answers a reference's
/// text (`None` keeps it as written). A list holding an unknown element becomes unknown as
/// a whole, as the AWS provider (plugin SDK) plans a set or list with an unknown member.
pub(super) fn resolve_body(body: &Object, lookup: &dyn Fn(&str) -> Option<Value>) -> Object {
    fn value(v: &mut Value, lookup: &dyn Fn(&str) -> Option<Value>) {
        match v {
            Value::Expr(e) => {
                if let Some(known) = lookup(e) {
                    *v = known;
                }
            }
            Value::List(items) => {
                items.iter_mut().for_each(|i| value(i, lookup));
                if items.contains(&Value::Unknown) {
                    *v = Value::Unknown;
                }
            }
            Value::Object(attrs) => attrs.values_mut().for_each(|i| value(i, lookup)),
            _ => {}
        }
    }
    fn object(o: &mut Object, lookup: &dyn Fn(&str) -> Option<Value>) {
        o.attributes.values_mut().for_each(|v| value(v, lookup));
        o.blocks
            .values_mut()
            .flatten()
            .for_each(|b| object(b, lookup));
    }
    let mut resolved = body.clone();
    object(&mut resolved, lookup);
    resolved
}

/// The provider creating an object from its resolved arguments.
pub(super) fn create(
    rc: &ResourceConfig,
    body: Object,
    dependencies: Vec<String>,
    world: &mut World,
) -> Resource {
    world.serial = world.serial.saturating_add(1);
    let (id, arn) = provider_identity(&rc.resource_type, &rc.name, &body, world.serial);
    Resource {
        resource_type: rc.resource_type.clone(),
        name: rc.name.clone(),
        body,
        id,
        arn,
        dependencies,
        pending: BTreeMap::new(),
    }
}
