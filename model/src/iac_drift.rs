//! Infrastructure as Code and drift (§2 of the worked example).
//!
//! The lesson: Terraform keeps three pictures of the world — the configuration
//! you wrote (desired), the state file it wrote at the last apply, and the real
//! account (actual). A click in the console changes only the real account:
//! `terraform refresh` notices the difference ("drift"), `terraform plan` shows
//! what it would take to bring the account back to the configuration, and
//! `terraform apply` does it, silently undoing the click. Two side lessons: the
//! state lock that stops two applies from writing the state at once, and the
//! autoscaler that owns `desired_count`, which Terraform fights unless told to
//! ignore it.
//!
//! The configuration is real HCL, parsed with `hcl-edit`. The lab does not run
//! Terraform: references such as `aws_security_group.alb.id` are kept as
//! written and resolved only for display, from a simulated provider's IDs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use hcl_edit::expr::{Expression, UnaryOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span;

use crate::link::{Ignored, LinkReader, LinkState, Query};
use crate::photoshare;
use crate::vocabulary::Service;

/// PhotoShare's Terraform: the worked example's resources and values, written for the lab.
pub const PHOTOSHARE_TF: &str = include_str!("iac_drift/photoshare.tf");
/// Longest configuration text parsed; longer text is refused with a message.
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;
/// Most resource blocks one configuration may declare.
pub const MAX_RESOURCES: usize = 100;
/// Most console clicks one link may replay.
pub const MAX_CLICKS: usize = 16;

/// The account the simulated provider reports ARNs in.
const ACCOUNT: &str = "123456789012";
const REGION: &str = "eu-west-1";

// ---------------------------------------------------------------------------
// Values and configuration
// ---------------------------------------------------------------------------

/// An attribute's value, as the configuration gives it or the provider reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Str(String),
    List(Vec<Value>),
    /// An expression the lab does not evaluate (a reference, a function call), as written.
    Expr(String),
}

impl Value {
    fn str(s: &str) -> Value {
        Value::Str(s.to_string())
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A resource body or a nested block: attributes, then nested blocks by type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object {
    pub attributes: BTreeMap<String, Value>,
    /// Nested blocks by type, in the order written (e.g. `health_check`, `ingress`).
    pub blocks: BTreeMap<String, Vec<Object>>,
}

/// A configuration that could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Where the state lives: `backend "s3" { … }`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backend {
    pub kind: String,
    pub bucket: Option<String>,
    pub key: Option<String>,
    pub region: Option<String>,
    /// The DynamoDB table that holds the state lock; `None` means no locking.
    pub dynamodb_table: Option<String>,
}

impl Backend {
    /// The lock's path: `bucket/key`, as Terraform's lock info prints it.
    pub fn state_path(&self) -> String {
        format!(
            "{}/{}",
            self.bucket.as_deref().unwrap_or("?"),
            self.key.as_deref().unwrap_or("terraform.tfstate")
        )
    }
}

/// One `resource "type" "name" { … }` block.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceConfig {
    pub resource_type: String,
    pub name: String,
    pub body: Object,
    /// Attributes named in `lifecycle { ignore_changes = [...] }`.
    pub ignore_changes: Vec<String>,
    /// `ignore_changes = all`.
    pub ignore_all_changes: bool,
}

impl ResourceConfig {
    pub fn address(&self) -> String {
        format!("{}.{}", self.resource_type, self.name)
    }

    fn ignores(&self, attribute: &str) -> bool {
        self.ignore_all_changes || self.ignore_changes.iter().any(|a| a == attribute)
    }
}

/// What the configuration declares.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub required_version: Option<String>,
    pub backend: Option<Backend>,
    /// Provider names, e.g. `aws`.
    pub providers: Vec<String>,
    /// Module calls by name, e.g. `vpc`. The lab does not expand modules.
    pub modules: Vec<String>,
    /// Resources by address (`type.name`), sorted as Terraform prints them.
    pub resources: BTreeMap<String, ResourceConfig>,
    /// Things the lab read but does not model, in words.
    pub warnings: Vec<String>,
}

/// Which version of PhotoShare's configuration a link asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConfigVariant {
    /// As the worked example wrote it.
    #[default]
    WorkedExample,
    /// With `lifecycle { ignore_changes = [desired_count] }` on the ECS service.
    IgnoreDesiredCount,
}

/// The text of a configuration variant.
pub fn config_text(variant: ConfigVariant) -> String {
    match variant {
        ConfigVariant::WorkedExample => PHOTOSHARE_TF.to_string(),
        ConfigVariant::IgnoreDesiredCount => with_ignore_desired_count(PHOTOSHARE_TF),
    }
}

/// What [`ConfigVariant::IgnoreDesiredCount`] adds after the service's `desired_count` line.
const IGNORE_DESIRED_COUNT_BLOCK: &str =
    "\n  # The autoscaler owns the task count; Terraform only sets it at creation.\n  \
     lifecycle {\n    ignore_changes = [desired_count]\n  }\n";

/// Adds the lifecycle block after the service's `desired_count` line (the text is
/// returned unchanged if it has no such line, or has the block already).
pub fn with_ignore_desired_count(text: &str) -> String {
    if text.contains(IGNORE_DESIRED_COUNT_BLOCK) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + IGNORE_DESIRED_COUNT_BLOCK.len());
    let mut added = false;
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        if !added && line.trim_start().starts_with("desired_count") {
            out.push_str(IGNORE_DESIRED_COUNT_BLOCK);
            added = true;
        }
    }
    out
}

/// Takes out the block [`with_ignore_desired_count`] adds, if the text still holds it as added.
pub fn without_ignore_desired_count(text: &str) -> String {
    text.replacen(IGNORE_DESIRED_COUNT_BLOCK, "", 1)
}

/// Reads a configuration. Bad text gives the first problem with its line and column.
pub fn parse_config(text: &str) -> Result<Config, ParseError> {
    if text.len() > MAX_CONFIG_BYTES {
        return Err(ParseError {
            line: 1,
            column: 1,
            message: format!(
                "The configuration is longer than the lab reads ({MAX_CONFIG_BYTES} bytes)."
            ),
        });
    }
    let body = hcl_edit::parser::parse_body(text).map_err(|e| ParseError {
        line: e.location().line(),
        column: e.location().column(),
        message: e.message().to_string(),
    })?;
    let mut config = Config::default();
    for structure in body.iter() {
        if let Some(attr) = structure.as_attribute() {
            return Err(error_at(
                text,
                attr.span(),
                format!(
                    "Unsupported argument: an argument named \"{}\" is not expected at the top level.",
                    attr.key.as_str()
                ),
            ));
        }
        let Some(block) = structure.as_block() else {
            continue;
        };
        read_top_block(text, block, &mut config)?;
    }
    Ok(config)
}

fn read_top_block(text: &str, block: &Block, config: &mut Config) -> Result<(), ParseError> {
    let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
    match block.ident.as_str() {
        "terraform" => {
            if let Some(v) = string_attr(&block.body, "required_version") {
                config.required_version = Some(v);
            }
            for inner in block.body.blocks() {
                if inner.ident.as_str() == "backend" {
                    let kind = inner
                        .labels
                        .first()
                        .map(|l| l.as_str().to_string())
                        .unwrap_or_default();
                    config.backend = Some(Backend {
                        kind,
                        bucket: string_attr(&inner.body, "bucket"),
                        key: string_attr(&inner.body, "key"),
                        region: string_attr(&inner.body, "region"),
                        dynamodb_table: string_attr(&inner.body, "dynamodb_table"),
                    });
                }
            }
        }
        "provider" => config
            .providers
            .extend(labels.first().map(|l| l.to_string())),
        "module" => config.modules.extend(labels.first().map(|l| l.to_string())),
        "resource" => {
            let [resource_type, name] = labels.as_slice() else {
                return Err(error_at(
                    text,
                    block.span(),
                    "A resource block needs two labels: the type and the name.".into(),
                ));
            };
            if config.resources.len() >= MAX_RESOURCES {
                return Err(error_at(
                    text,
                    block.span(),
                    format!("The lab reads at most {MAX_RESOURCES} resources."),
                ));
            }
            let resource = read_resource(resource_type, name, &block.body, &mut config.warnings);
            let address = resource.address();
            if config.resources.contains_key(&address) {
                return Err(error_at(
                    text,
                    block.span(),
                    format!(
                        "Duplicate resource \"{resource_type}\" configuration named \"{name}\"."
                    ),
                ));
            }
            config.resources.insert(address, resource);
        }
        "variable" | "output" | "locals" | "data" => config.warnings.push(format!(
            "{} blocks are read but not evaluated by the lab.",
            block.ident.as_str()
        )),
        other => {
            return Err(error_at(
                text,
                block.span(),
                format!(
                    "Unsupported block type: blocks of type \"{other}\" are not expected here."
                ),
            ))
        }
    }
    Ok(())
}

fn read_resource(
    resource_type: &str,
    name: &str,
    body: &Body,
    warnings: &mut Vec<String>,
) -> ResourceConfig {
    let mut resource = ResourceConfig {
        resource_type: resource_type.to_string(),
        name: name.to_string(),
        body: Object::default(),
        ignore_changes: Vec::new(),
        ignore_all_changes: false,
    };
    for attr in body.attributes() {
        let key = attr.key.as_str();
        match key {
            "count" | "for_each" => warnings.push(format!(
                "{resource_type}.{name}: `{key}` is not modelled; the lab treats it as one instance."
            )),
            "depends_on" | "provider" => {}
            _ => {
                if let Some(v) = to_value(&attr.value) {
                    resource.body.attributes.insert(key.to_string(), v);
                }
            }
        }
    }
    for block in body.blocks() {
        if block.ident.as_str() == "lifecycle" {
            read_lifecycle(&block.body, &mut resource, warnings);
        } else {
            resource
                .body
                .blocks
                .entry(block.ident.as_str().to_string())
                .or_default()
                .push(to_object(&block.body));
        }
    }
    resource
}

fn read_lifecycle(body: &Body, resource: &mut ResourceConfig, warnings: &mut Vec<String>) {
    let Some(attr) = body.get_attribute("ignore_changes") else {
        return;
    };
    let address = resource.address();
    match &attr.value {
        Expression::Variable(v) if v.as_str() == "all" => resource.ignore_all_changes = true,
        Expression::Array(items) => {
            for item in items.iter() {
                match item {
                    Expression::Variable(v) => resource.ignore_changes.push(v.as_str().to_string()),
                    Expression::String(s) => resource.ignore_changes.push(s.as_str().to_string()),
                    other => warnings.push(format!(
                        "{address}: ignore_changes entry `{}` is not modelled; the lab ignores whole top-level attributes only.",
                        expression_text(other)
                    )),
                }
            }
        }
        other => warnings.push(format!(
            "{address}: ignore_changes must be a list or `all`, not `{}`.",
            expression_text(other)
        )),
    }
}

fn to_object(body: &Body) -> Object {
    let mut object = Object::default();
    for attr in body.attributes() {
        if let Some(v) = to_value(&attr.value) {
            object.attributes.insert(attr.key.as_str().to_string(), v);
        }
    }
    for block in body.blocks() {
        object
            .blocks
            .entry(block.ident.as_str().to_string())
            .or_default()
            .push(to_object(&block.body));
    }
    object
}

/// A literal becomes a value; `null` becomes nothing (Terraform treats it as unset).
fn to_value(expr: &Expression) -> Option<Value> {
    Some(match expr {
        Expression::Null(_) => return None,
        Expression::Bool(b) => Value::Bool(**b),
        Expression::Number(n) => match n.as_f64() {
            Some(x) => Value::Number(x),
            None => Value::Expr(expression_text(expr)),
        },
        Expression::String(s) => Value::Str(s.as_str().to_string()),
        Expression::Array(items) => Value::List(items.iter().filter_map(to_value).collect()),
        Expression::Parenthesis(p) => return to_value(p.inner()),
        Expression::UnaryOp(op) if *op.operator.value() == UnaryOperator::Neg => {
            match to_value(&op.expr) {
                Some(Value::Number(x)) => Value::Number(-x),
                _ => Value::Expr(expression_text(expr)),
            }
        }
        _ => Value::Expr(expression_text(expr)),
    })
}

/// An expression as written, on one line.
fn expression_text(expr: &Expression) -> String {
    expr.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn string_attr(body: &Body, key: &str) -> Option<String> {
    body.get_attribute(key)
        .and_then(|a| a.value.as_str())
        .map(str::to_string)
}

fn error_at(text: &str, span: Option<std::ops::Range<usize>>, message: String) -> ParseError {
    let offset = span.map_or(0, |s| s.start).min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ParseError {
        line,
        column,
        message,
    }
}

// ---------------------------------------------------------------------------
// Schema: which attribute changes force a replacement
// ---------------------------------------------------------------------------

/// How a change to one attribute is carried out, and where the lab read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttributeRule {
    pub resource_type: &'static str,
    pub attribute: &'static str,
    pub forces_replacement: bool,
    pub source: &'static str,
}

const TG_DOCS: &str = "AWS provider docs, aws_lb_target_group: name, port, protocol, vpc_id and target_type are marked \"Forces new resource\".";
const DB_DOCS: &str = "AWS provider docs, aws_db_instance (as recalled): identifier, engine, username and storage_encrypted force a new resource; engine_version, instance_class, allocated_storage, multi_az, backup_retention_period are modified in place (during the maintenance window unless apply_immediately = true).";
const REDIS_DOCS: &str = "AWS provider docs, aws_elasticache_replication_group (as recalled): replication_group_id forces a new resource; num_cache_clusters, node_type and automatic_failover_enabled change in place.";
const S3_DOCS: &str = "AWS provider docs, aws_s3_bucket and aws_s3_bucket_versioning (as recalled): bucket forces a new resource; versioning status changes in place.";
const LB_DOCS: &str = "AWS provider docs, aws_lb (as recalled): name, internal and load_balancer_type force a new resource; subnets and security groups of an ALB change in place.";
const ECS_DOCS: &str = "AWS provider docs, aws_ecs_service (as recalled): name, cluster and launch_type force a new resource; desired_count, task_definition and network_configuration change in place. aws_ecs_task_definition: every argument forces a new revision. aws_ecs_cluster: name forces a new resource.";
const SG_DOCS: &str = "AWS provider docs, aws_security_group (as recalled): name, description and vpc_id force a new resource; ingress and egress rules change in place.";
const SCALING_DOCS: &str = "AWS provider docs, aws_appautoscaling_target and aws_appautoscaling_policy (as recalled): service_namespace, resource_id, scalable_dimension (and a policy's name) force a new resource; capacities and the policy configuration change in place.";

/// The force-new attributes of PhotoShare's resource types, plus the in-place ones the drills touch.
pub const SCHEMA: [AttributeRule; 38] = {
    const fn r(t: &'static str, a: &'static str, new: bool, s: &'static str) -> AttributeRule {
        AttributeRule {
            resource_type: t,
            attribute: a,
            forces_replacement: new,
            source: s,
        }
    }
    [
        r("aws_lb", "name", true, LB_DOCS),
        r("aws_lb", "internal", true, LB_DOCS),
        r("aws_lb", "load_balancer_type", true, LB_DOCS),
        r("aws_lb", "subnets", false, LB_DOCS),
        r("aws_lb_target_group", "name", true, TG_DOCS),
        r("aws_lb_target_group", "port", true, TG_DOCS),
        r("aws_lb_target_group", "protocol", true, TG_DOCS),
        r("aws_lb_target_group", "vpc_id", true, TG_DOCS),
        r("aws_lb_target_group", "target_type", true, TG_DOCS),
        r("aws_lb_target_group", "health_check", false, TG_DOCS),
        r("aws_db_instance", "identifier", true, DB_DOCS),
        r("aws_db_instance", "engine", true, DB_DOCS),
        r("aws_db_instance", "username", true, DB_DOCS),
        r("aws_db_instance", "storage_encrypted", true, DB_DOCS),
        r("aws_db_instance", "engine_version", false, DB_DOCS),
        r("aws_db_instance", "instance_class", false, DB_DOCS),
        r("aws_db_instance", "multi_az", false, DB_DOCS),
        r(
            "aws_elasticache_replication_group",
            "replication_group_id",
            true,
            REDIS_DOCS,
        ),
        r(
            "aws_elasticache_replication_group",
            "num_cache_clusters",
            false,
            REDIS_DOCS,
        ),
        r("aws_s3_bucket", "bucket", true, S3_DOCS),
        r("aws_s3_bucket_versioning", "bucket", true, S3_DOCS),
        r(
            "aws_s3_bucket_versioning",
            "versioning_configuration",
            false,
            S3_DOCS,
        ),
        r("aws_ecs_service", "name", true, ECS_DOCS),
        r("aws_ecs_service", "cluster", true, ECS_DOCS),
        r("aws_ecs_service", "launch_type", true, ECS_DOCS),
        r("aws_ecs_service", "desired_count", false, ECS_DOCS),
        r("aws_ecs_cluster", "name", true, ECS_DOCS),
        r("aws_security_group", "name", true, SG_DOCS),
        r("aws_security_group", "description", true, SG_DOCS),
        r("aws_security_group", "vpc_id", true, SG_DOCS),
        r("aws_security_group", "ingress", false, SG_DOCS),
        r(
            "aws_appautoscaling_target",
            "service_namespace",
            true,
            SCALING_DOCS,
        ),
        r(
            "aws_appautoscaling_target",
            "resource_id",
            true,
            SCALING_DOCS,
        ),
        r(
            "aws_appautoscaling_target",
            "scalable_dimension",
            true,
            SCALING_DOCS,
        ),
        r("aws_appautoscaling_policy", "name", true, SCALING_DOCS),
        r(
            "aws_appautoscaling_policy",
            "service_namespace",
            true,
            SCALING_DOCS,
        ),
        r(
            "aws_appautoscaling_policy",
            "resource_id",
            true,
            SCALING_DOCS,
        ),
        r(
            "aws_appautoscaling_policy",
            "scalable_dimension",
            true,
            SCALING_DOCS,
        ),
    ]
};

/// Whether changing a top-level attribute (or nested block type) replaces the resource.
/// A task definition is immutable: any change makes a new revision. Unknown types change in place.
pub fn forces_replacement(resource_type: &str, attribute: &str) -> bool {
    resource_type == "aws_ecs_task_definition"
        || SCHEMA.iter().any(|r| {
            r.resource_type == resource_type && r.attribute == attribute && r.forces_replacement
        })
}

// ---------------------------------------------------------------------------
// The world: state file and real account
// ---------------------------------------------------------------------------

/// A deployed object, as the provider reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub resource_type: String,
    pub name: String,
    pub body: Object,
    /// Provider-assigned identity (stand-in values, stable per creation).
    pub id: String,
    pub arn: Option<String>,
}

impl Resource {
    pub fn address(&self) -> String {
        format!("{}.{}", self.resource_type, self.name)
    }

    /// The provider-assigned `id` (and `arn`) lines of this object going away.
    fn removed_identity(&self) -> Vec<(String, Line)> {
        let gone = |v: &String| Line::Remove(Shown::Value(Value::Str(v.clone())));
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
}

impl World {
    /// The account right after `terraform apply` of `config` into an empty account.
    pub fn deployed(config: &Config) -> World {
        let mut world = World::default();
        apply(config, &mut world);
        world
    }
}

/// Stand-in module outputs: the lab does not expand the VPC module.
fn module_output(reference: &str) -> Option<Value> {
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

fn fnv(text: &str, serial: u32) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes().chain(serial.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The provider's ID and ARN for a new object, in each service's format.
fn provider_identity(
    resource_type: &str,
    name: &str,
    body: &Object,
    actual: &BTreeMap<String, Resource>,
    serial: u32,
) -> (String, Option<String>) {
    let hex = fnv(&format!("{resource_type}.{name}"), serial);
    let attr = |k: &str| match body.attributes.get(k) {
        Some(Value::Str(s)) => s.clone(),
        Some(Value::Expr(e)) => match resolve(e, actual, &BTreeSet::new()) {
            Some(Value::Str(s)) => s,
            _ => name.to_string(),
        },
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

/// Resolves `type.name.attribute` or a module output against the real account.
/// `None` when the value would only be known after apply.
fn resolve(
    expr: &str,
    actual: &BTreeMap<String, Resource>,
    pending: &BTreeSet<String>,
) -> Option<Value> {
    if let Some(v) = module_output(expr) {
        return Some(v);
    }
    let mut parts = expr.split('.');
    let (Some(t), Some(n), Some(a), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let address = format!("{t}.{n}");
    if pending.contains(&address) {
        return None;
    }
    let target = actual.get(&address)?;
    match a {
        "id" => Some(Value::Str(target.id.clone())),
        "arn" => target.arn.clone().map(Value::Str),
        other => match target.body.attributes.get(other)? {
            Value::Expr(_) => None,
            v => Some(v.clone()),
        },
    }
}

/// The provider creating an object from its configuration.
fn create(rc: &ResourceConfig, world: &mut World) -> Resource {
    world.serial = world.serial.saturating_add(1);
    let (id, arn) = provider_identity(
        &rc.resource_type,
        &rc.name,
        &rc.body,
        &world.actual,
        world.serial,
    );
    Resource {
        resource_type: rc.resource_type.clone(),
        name: rc.name.clone(),
        body: rc.body.clone(),
        id,
        arn,
    }
}

// ---------------------------------------------------------------------------
// Console clicks: changes behind Terraform's back
// ---------------------------------------------------------------------------

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
}

/// Task count someone types into the console.
pub const HAND_SET_DESIRED_COUNT: u32 = 6;
pub const RESIZED_INSTANCE_CLASS: &str = "db.r6g.xlarge";
pub const UPGRADED_ENGINE_VERSION: &str = "16.4";

impl ConsoleClick {
    pub const ALL: [ConsoleClick; 10] = [
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
            | ConsoleClick::UpgradeEngine => Some("aws_db_instance.pg"),
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
            | ConsoleClick::UpgradeEngine => Service::ManagedPostgres,
            ConsoleClick::SuspendVersioning => Service::ObjectStorage,
            ConsoleClick::DeleteRedisReplica => Service::ManagedRedis,
            ConsoleClick::LaunchUntaggedInstance => return None,
        })
    }
}

/// Makes the change in the real account only, and says what happened.
pub fn click(world: &mut World, click: ConsoleClick) -> String {
    if click == ConsoleClick::LaunchUntaggedInstance {
        world.serial = world.serial.saturating_add(1);
        let name = format!("by_hand_{}", world.unmanaged.len().saturating_add(1));
        let mut body = Object::default();
        body.attributes
            .insert("ami".into(), Value::str("ami-0a9b8c7d6e5f40312"));
        body.attributes
            .insert("instance_type".into(), Value::str("t3.large"));
        let (id, arn) =
            provider_identity("aws_instance", &name, &body, &world.actual, world.serial);
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
            let mut rule = Object::default();
            rule.attributes
                .insert("from_port".into(), Value::Number(22.0));
            rule.attributes
                .insert("to_port".into(), Value::Number(22.0));
            rule.attributes.insert("protocol".into(), Value::str("tcp"));
            rule.attributes.insert(
                "cidr_blocks".into(),
                Value::List(vec![Value::str("0.0.0.0/0")]),
            );
            let rules = resource.body.blocks.entry("ingress".into()).or_default();
            if !rules.contains(&rule) {
                rules.push(rule);
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
        ConsoleClick::DeleteScalingPolicy | ConsoleClick::LaunchUntaggedInstance => String::new(),
    }
}

// ---------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------

/// What a plan does to one resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    /// Destroy, then create the replacement.
    Replace,
}

impl Action {
    pub fn symbol(self) -> &'static str {
        match self {
            Action::Create => "+",
            Action::Update => "~",
            Action::Delete => "-",
            Action::Replace => "-/+",
        }
    }
}

/// One resource's planned change.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceChange {
    pub address: String,
    pub action: Action,
    /// Top-level attributes and block types that differ, sorted.
    pub changed: Vec<String>,
    /// Those of `changed` that force the replacement.
    pub forcing: Vec<String>,
}

/// `Plan: X to add, Y to change, Z to destroy.` (a replacement counts one add and one destroy).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub add: u32,
    pub change: u32,
    pub destroy: u32,
}

impl Summary {
    fn of(changes: &[ResourceChange]) -> Summary {
        let mut s = Summary::default();
        for c in changes {
            match c.action {
                Action::Create => s.add += 1,
                Action::Update => s.change += 1,
                Action::Delete => s.destroy += 1,
                Action::Replace => {
                    s.add += 1;
                    s.destroy += 1;
                }
            }
        }
        s
    }

    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }

    /// The line that ends `terraform plan`.
    pub fn plan_line(&self) -> String {
        format!(
            "Plan: {} to add, {} to change, {} to destroy.",
            self.add, self.change, self.destroy
        )
    }

    /// The line that ends `terraform apply`.
    pub fn apply_line(&self) -> String {
        format!(
            "Apply complete! Resources: {} added, {} changed, {} destroyed.",
            self.add, self.change, self.destroy
        )
    }
}

/// `terraform plan`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Sorted by address, as Terraform prints them.
    pub changes: Vec<ResourceChange>,
    pub summary: Summary,
    /// The plan as Terraform prints it (after the refresh note, which is [`Refresh::text`]).
    pub text: String,
}

pub const NO_CHANGES: &str = "No changes. Your infrastructure matches the configuration.";

/// Compares the configuration with the (refreshed) real account.
pub fn plan(config: &Config, world: &World) -> Plan {
    let mut changes = Vec::new();
    let mut blocks = Vec::new();
    let addresses: BTreeSet<&String> = config.resources.keys().chain(world.state.keys()).collect();
    let pending: BTreeSet<String> = addresses
        .iter()
        .filter(|a| config.resources.contains_key(**a) && !world.actual.contains_key(**a))
        .map(|a| a.to_string())
        .collect();
    for address in addresses {
        let wanted = config.resources.get(address);
        let current = world
            .state
            .get(address)
            .and_then(|_| world.actual.get(address));
        let Some(change) = resource_change(address, wanted, current) else {
            continue;
        };
        let mut pending = pending.clone();
        if change.action == Action::Replace {
            pending.insert(address.clone());
        }
        let view = Render {
            actual: &world.actual,
            pending: &pending,
        };
        blocks.push(view.resource(&change, current, wanted));
        changes.push(change);
    }
    let summary = Summary::of(&changes);
    let text = if changes.is_empty() {
        format!(
            "{NO_CHANGES}\n\nTerraform has compared your real infrastructure against your configuration\n\
             and found no differences, so no changes are needed.\n"
        )
    } else {
        let mut t = String::from(
            "Terraform used the selected providers to generate the following execution\n\
             plan. Resource actions are indicated with the following symbols:\n",
        );
        for (action, legend) in [
            (Action::Create, "  + create\n"),
            (Action::Update, "  ~ update in-place\n"),
            (Action::Delete, "  - destroy\n"),
            (Action::Replace, "-/+ destroy and then create replacement\n"),
        ] {
            if changes.iter().any(|c| c.action == action) {
                t.push_str(legend);
            }
        }
        t.push_str("\nTerraform will perform the following actions:\n\n");
        for b in &blocks {
            t.push_str(b);
            t.push('\n');
        }
        t.push_str(&summary.plan_line());
        t.push('\n');
        t
    };
    Plan {
        changes,
        summary,
        text,
    }
}

/// The configuration's body with ignored attributes taken from the account.
fn effective_body(rc: &ResourceConfig, current: &Resource) -> Object {
    if rc.ignore_all_changes {
        return current.body.clone();
    }
    let mut body = rc.body.clone();
    for key in &rc.ignore_changes {
        match current.body.attributes.get(key) {
            Some(v) => {
                body.attributes.insert(key.clone(), v.clone());
            }
            None => {
                body.attributes.remove(key);
            }
        }
        match current.body.blocks.get(key) {
            Some(b) => {
                body.blocks.insert(key.clone(), b.clone());
            }
            None => {
                body.blocks.remove(key);
            }
        }
    }
    body
}

fn resource_change(
    address: &str,
    wanted: Option<&ResourceConfig>,
    current: Option<&Resource>,
) -> Option<ResourceChange> {
    let (action, changed, forcing) = match (wanted, current) {
        (Some(_), None) => (Action::Create, Vec::new(), Vec::new()),
        (None, Some(_)) => (Action::Delete, Vec::new(), Vec::new()),
        (None, None) => return None,
        (Some(rc), Some(cur)) => {
            let desired = effective_body(rc, cur);
            let changed = changed_keys(&cur.body, &desired);
            if changed.is_empty() {
                return None;
            }
            let forcing: Vec<String> = changed
                .iter()
                .filter(|k| forces_replacement(&rc.resource_type, k))
                .cloned()
                .collect();
            let action = if forcing.is_empty() {
                Action::Update
            } else {
                Action::Replace
            };
            (action, changed, forcing)
        }
    };
    Some(ResourceChange {
        address: address.to_string(),
        action,
        changed,
        forcing,
    })
}

fn changed_keys(before: &Object, after: &Object) -> Vec<String> {
    let attrs = before.attributes.keys().chain(after.attributes.keys());
    let blocks = before.blocks.keys().chain(after.blocks.keys());
    let keys: BTreeSet<&String> = attrs.chain(blocks).collect();
    keys.into_iter()
        .filter(|k| {
            before.attributes.get(*k) != after.attributes.get(*k)
                || before.blocks.get(*k).map_or(&[][..], Vec::as_slice)
                    != after.blocks.get(*k).map_or(&[][..], Vec::as_slice)
        })
        .cloned()
        .collect()
}

/// Which side of a diff a line shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Create,
    Delete,
    Update,
}

/// Renders resources in Terraform's plan format.
struct Render<'a> {
    actual: &'a BTreeMap<String, Resource>,
    pending: &'a BTreeSet<String>,
}

const KNOWN_AFTER_APPLY: &str = "(known after apply)";

impl Render<'_> {
    fn resource(
        &self,
        change: &ResourceChange,
        current: Option<&Resource>,
        wanted: Option<&ResourceConfig>,
    ) -> String {
        let (resource_type, name) = change
            .address
            .split_once('.')
            .unwrap_or((&change.address, ""));
        let what = match change.action {
            Action::Create => "will be created",
            Action::Update => "will be updated in-place",
            Action::Delete => "will be destroyed",
            Action::Replace => "must be replaced",
        };
        let mut out = format!("  # {} {what}\n", change.address);
        if change.action == Action::Delete {
            out.push_str(&format!(
                "  # (because {} is not in configuration)\n",
                change.address
            ));
        }
        let symbol = match change.action {
            Action::Replace => "-/+".to_string(),
            a => format!("  {}", a.symbol()),
        };
        out.push_str(&format!(
            "{symbol} resource \"{resource_type}\" \"{name}\" {{\n"
        ));
        let empty = Object::default();
        let has_arn = |t: &str| {
            provider_identity(t, name, &empty, self.actual, 0)
                .1
                .is_some()
        };
        let mut computed: Vec<(String, Line)> = Vec::new();
        let mut lines = Vec::new();
        match (change.action, current, wanted) {
            (Action::Create, _, Some(rc)) => {
                computed.push(("id".into(), Line::Add(Shown::Unknown)));
                if has_arn(resource_type) {
                    computed.push(("arn".into(), Line::Add(Shown::Unknown)));
                }
                self.object(
                    &mut lines,
                    6,
                    None,
                    Some(&rc.body),
                    Mode::Create,
                    resource_type,
                    &computed,
                );
            }
            (Action::Delete, Some(cur), _) => {
                computed.extend(cur.removed_identity());
                self.object(
                    &mut lines,
                    6,
                    Some(&cur.body),
                    None,
                    Mode::Delete,
                    resource_type,
                    &computed,
                );
            }
            (_, Some(cur), Some(rc)) => {
                let desired = effective_body(rc, cur);
                if change.action == Action::Replace {
                    computed.push((
                        "id".into(),
                        Line::Change(
                            Shown::Value(Value::Str(cur.id.clone())),
                            Shown::Unknown,
                            false,
                        ),
                    ));
                    if let Some(arn) = &cur.arn {
                        computed.push((
                            "arn".into(),
                            Line::Change(
                                Shown::Value(Value::Str(arn.clone())),
                                Shown::Unknown,
                                false,
                            ),
                        ));
                    }
                } else {
                    computed.push((
                        "id".into(),
                        Line::Same(Shown::Value(Value::Str(cur.id.clone()))),
                    ));
                }
                self.object(
                    &mut lines,
                    6,
                    Some(&cur.body),
                    Some(&desired),
                    Mode::Update,
                    resource_type,
                    &computed,
                );
            }
            _ => {}
        }
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        out.push_str("    }\n");
        out
    }

    fn shown(&self, v: &Value) -> Shown {
        match v {
            Value::Expr(e) => match resolve(e, self.actual, self.pending) {
                Some(v) => Shown::Value(v),
                None if looks_like_reference(e) => Shown::Unknown,
                None => Shown::Value(v.clone()),
            },
            Value::List(items) => Shown::Value(Value::List(
                items
                    .iter()
                    .map(|i| match self.shown(i) {
                        Shown::Value(v) => v,
                        Shown::Unknown => Value::Expr(KNOWN_AFTER_APPLY.into()),
                    })
                    .collect(),
            )),
            v => Shown::Value(v.clone()),
        }
    }

    /// Writes an object's lines at `indent` (the column of the change symbol).
    /// `resource_type` is set at the top level only, for `# forces replacement`.
    #[allow(clippy::too_many_arguments)]
    fn object(
        &self,
        out: &mut Vec<String>,
        indent: usize,
        before: Option<&Object>,
        after: Option<&Object>,
        mode: Mode,
        resource_type: &str,
        computed: &[(String, Line)],
    ) {
        let empty = Object::default();
        let b = before.unwrap_or(&empty);
        let a = after.unwrap_or(&empty);
        let mut rows: BTreeMap<String, Line> = computed.iter().cloned().collect();
        let keys: BTreeSet<&String> = b.attributes.keys().chain(a.attributes.keys()).collect();
        let mut hidden_attrs = 0usize;
        for key in keys {
            let line = match (b.attributes.get(key), a.attributes.get(key), mode) {
                (_, Some(v), Mode::Create) => Line::Add(self.shown(v)),
                (Some(v), _, Mode::Delete) => Line::Remove(self.shown(v)),
                (Some(old), Some(new), Mode::Update) if old == new => {
                    if key == "name" {
                        Line::Same(self.shown(old))
                    } else {
                        hidden_attrs += 1;
                        continue;
                    }
                }
                (Some(old), Some(new), _) => Line::Change(
                    self.shown(old),
                    self.shown(new),
                    forces_replacement(resource_type, key),
                ),
                (Some(old), None, _) => Line::Remove(self.shown(old)),
                (None, Some(new), _) => Line::Add(self.shown(new)),
                (None, None, _) => continue,
            };
            rows.insert(key.clone(), line);
        }
        let width = b
            .attributes
            .keys()
            .chain(a.attributes.keys())
            .chain(computed.iter().map(|(k, _)| k))
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        for (key, line) in &rows {
            line.write(out, indent, key, width);
        }
        let pad = " ".repeat(indent);
        if hidden_attrs > 0 {
            out.push(format!(
                "{pad}  # ({hidden_attrs} unchanged {} hidden)",
                plural(hidden_attrs, "attribute")
            ));
        }
        let block_keys: BTreeSet<&String> = b.blocks.keys().chain(a.blocks.keys()).collect();
        let mut block_lines = Vec::new();
        let mut hidden_blocks = 0usize;
        for key in block_keys {
            let olds = b.blocks.get(key).map_or(&[][..], Vec::as_slice);
            let news = a.blocks.get(key).map_or(&[][..], Vec::as_slice);
            let force = if forces_replacement(resource_type, key) {
                " # forces replacement"
            } else {
                ""
            };
            match mode {
                Mode::Create => {
                    for n in news {
                        self.block(
                            &mut block_lines,
                            indent,
                            key,
                            "+",
                            None,
                            Some(n),
                            Mode::Create,
                            "",
                        );
                    }
                }
                Mode::Delete => {
                    for o in olds {
                        self.block(
                            &mut block_lines,
                            indent,
                            key,
                            "-",
                            Some(o),
                            None,
                            Mode::Delete,
                            "",
                        );
                    }
                }
                Mode::Update => {
                    if let ([o], [n]) = (olds, news) {
                        if o == n {
                            hidden_blocks += 1;
                        } else {
                            self.block(
                                &mut block_lines,
                                indent,
                                key,
                                "~",
                                Some(o),
                                Some(n),
                                Mode::Update,
                                force,
                            );
                        }
                        continue;
                    }
                    for o in olds {
                        if news.contains(o) {
                            hidden_blocks += 1;
                        } else {
                            self.block(
                                &mut block_lines,
                                indent,
                                key,
                                "-",
                                Some(o),
                                None,
                                Mode::Delete,
                                force,
                            );
                        }
                    }
                    for n in news.iter().filter(|n| !olds.contains(n)) {
                        self.block(
                            &mut block_lines,
                            indent,
                            key,
                            "+",
                            None,
                            Some(n),
                            Mode::Create,
                            force,
                        );
                    }
                }
            }
        }
        if hidden_blocks > 0 {
            block_lines.push(format!(
                "{pad}  # ({hidden_blocks} unchanged {} hidden)",
                plural(hidden_blocks, "block")
            ));
        }
        if !block_lines.is_empty() {
            if !out.is_empty() {
                out.push(String::new());
            }
            out.extend(block_lines);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn block(
        &self,
        out: &mut Vec<String>,
        indent: usize,
        key: &str,
        symbol: &str,
        before: Option<&Object>,
        after: Option<&Object>,
        mode: Mode,
        suffix: &str,
    ) {
        let pad = " ".repeat(indent);
        out.push(format!("{pad}{symbol} {key} {{{suffix}"));
        let mut inner = Vec::new();
        self.object(&mut inner, indent + 4, before, after, mode, "", &[]);
        out.extend(inner);
        out.push(format!("{pad}  }}"));
    }
}

fn looks_like_reference(expr: &str) -> bool {
    !expr.is_empty()
        && expr
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// A value as a plan shows it: known, or only known after apply.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Value(Value),
    Unknown,
}

/// One attribute line of a plan.
#[derive(Clone, Debug, PartialEq)]
enum Line {
    Same(Shown),
    Add(Shown),
    Remove(Shown),
    /// Old, new, and whether the change forces a replacement.
    Change(Shown, Shown, bool),
}

impl Line {
    /// A removed value ends in `-> null`, as Terraform writes it.
    fn write(&self, out: &mut Vec<String>, indent: usize, key: &str, width: usize) {
        let pad = " ".repeat(indent);
        let head = |symbol: &str| format!("{pad}{symbol} {key:<width$} = ");
        match self {
            Line::Same(v) => push_value(out, head(" "), v, None, indent),
            Line::Add(v) => push_value(out, head("+"), v, Some('+'), indent),
            Line::Remove(v) => {
                let start = out.len();
                push_value(out, head("-"), v, Some('-'), indent);
                if let Some(last) = out.get_mut(start..).and_then(|l| l.last_mut()) {
                    last.push_str(" -> null");
                }
            }
            Line::Change(old, new, force) => {
                let suffix = if *force { " # forces replacement" } else { "" };
                match (old, new) {
                    (Shown::Value(Value::List(o)), Shown::Value(Value::List(n))) => {
                        out.push(format!("{}[{suffix}", head("~")));
                        let item_pad = " ".repeat(indent + 4);
                        for v in o {
                            let sym = if n.contains(v) { ' ' } else { '-' };
                            out.push(format!("{item_pad}{sym} {},", scalar_text(v)));
                        }
                        for v in n.iter().filter(|v| !o.contains(v)) {
                            out.push(format!("{item_pad}+ {},", scalar_text(v)));
                        }
                        out.push(format!("{pad}  ]"));
                    }
                    _ => out.push(format!(
                        "{}{} -> {}{suffix}",
                        head("~"),
                        shown_text(old),
                        shown_text(new)
                    )),
                }
            }
        }
    }
}

/// Writes `head` and a value; lists go one item per line, marked with `symbol`.
fn push_value(out: &mut Vec<String>, head: String, v: &Shown, symbol: Option<char>, indent: usize) {
    match v {
        Shown::Value(Value::List(items)) if !items.is_empty() => {
            out.push(format!("{head}["));
            let item_pad = " ".repeat(indent + 4);
            let sym = symbol.unwrap_or(' ');
            for i in items {
                out.push(format!("{item_pad}{sym} {},", scalar_text(i)));
            }
            out.push(format!("{}  ]", " ".repeat(indent)));
        }
        v => out.push(format!("{head}{}", shown_text(v))),
    }
}

fn shown_text(v: &Shown) -> String {
    match v {
        Shown::Value(v) => scalar_text(v),
        Shown::Unknown => KNOWN_AFTER_APPLY.into(),
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Number(x) => number_text(*x),
        Value::Str(s) => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        Value::List(items) => {
            let inner: Vec<String> = items.iter().map(scalar_text).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Expr(e) => e.clone(),
    }
}

/// Numbers as Terraform prints them: `60`, not `60.0`.
fn number_text(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

// ---------------------------------------------------------------------------
// Refresh: what changed outside Terraform
// ---------------------------------------------------------------------------

/// How one object drifted from the state file.
#[derive(Clone, Debug, PartialEq)]
pub struct Drift {
    pub address: String,
    /// `None`: the object was deleted outside Terraform.
    pub changed: Option<Vec<String>>,
}

/// `terraform refresh` / the start of `terraform plan`.
#[derive(Clone, Debug, PartialEq)]
pub struct Refresh {
    /// Drift that matters to the plan, sorted by address.
    pub drift: Vec<Drift>,
    /// (address, attribute) changed outside Terraform but ignored by `lifecycle`.
    pub ignored: Vec<(String, String)>,
    /// Objects in the account that no state records (the lab's own inventory, not Terraform's).
    pub unmanaged: Vec<Resource>,
    /// Terraform's "Objects have changed outside of Terraform" note; empty when nothing drifted.
    pub text: String,
    /// The lab's inventory of unmanaged objects, in words; empty when there are none.
    pub unmanaged_text: String,
}

/// Compares the state file with the real account.
pub fn refresh(config: &Config, world: &World) -> Refresh {
    let mut drift = Vec::new();
    let mut ignored = Vec::new();
    let mut blocks = Vec::new();
    let no_pending = BTreeSet::new();
    let view = Render {
        actual: &world.actual,
        pending: &no_pending,
    };
    for (address, recorded) in &world.state {
        let rc = config.resources.get(address);
        let (resource_type, name) = (&recorded.resource_type, &recorded.name);
        match world.actual.get(address) {
            None => {
                drift.push(Drift {
                    address: address.clone(),
                    changed: None,
                });
                let mut lines = Vec::new();
                let computed = recorded.removed_identity();
                view.object(
                    &mut lines,
                    6,
                    Some(&recorded.body),
                    None,
                    Mode::Delete,
                    resource_type,
                    &computed,
                );
                blocks.push(drift_block(
                    address,
                    "has been deleted",
                    "-",
                    resource_type,
                    name,
                    &lines,
                ));
            }
            Some(now) => {
                let changed = changed_keys(&recorded.body, &now.body);
                let (skip, keep): (Vec<String>, Vec<String>) = changed
                    .into_iter()
                    .partition(|k| rc.is_some_and(|rc| rc.ignores(k)));
                ignored.extend(skip.iter().map(|k| (address.clone(), k.clone())));
                if keep.is_empty() {
                    continue;
                }
                let mut shown_now = now.body.clone();
                for k in &skip {
                    restore(&mut shown_now, &recorded.body, k);
                }
                let mut lines = Vec::new();
                let computed = [(
                    "id".to_string(),
                    Line::Same(Shown::Value(Value::Str(recorded.id.clone()))),
                )];
                // No resource type: a drift report never says "forces replacement".
                view.object(
                    &mut lines,
                    6,
                    Some(&recorded.body),
                    Some(&shown_now),
                    Mode::Update,
                    "",
                    &computed,
                );
                blocks.push(drift_block(
                    address,
                    "has changed",
                    "~",
                    resource_type,
                    name,
                    &lines,
                ));
                drift.push(Drift {
                    address: address.clone(),
                    changed: Some(keep),
                });
            }
        }
    }
    let text = if blocks.is_empty() {
        String::new()
    } else {
        let mut t = String::from(
            "Note: Objects have changed outside of Terraform\n\n\
             Terraform detected the following changes made outside of Terraform since the\n\
             last \"terraform apply\" which may have affected this plan:\n\n",
        );
        for b in &blocks {
            t.push_str(b);
            t.push('\n');
        }
        t.push_str(
            "Unless you have made equivalent changes to your configuration, or ignored the\n\
             relevant attributes using ignore_changes, the following plan may include\n\
             actions to undo or respond to these changes.\n",
        );
        t
    };
    let unmanaged_text = if world.unmanaged.is_empty() {
        String::new()
    } else {
        let mut t = String::from(
            "Not managed by Terraform (the lab's inventory of the account, not Terraform output):\n",
        );
        for r in &world.unmanaged {
            let kind = r
                .body
                .attributes
                .get("instance_type")
                .and_then(Value::as_str)
                .unwrap_or("?");
            t.push_str(&format!("  {} {} {kind}, no tags\n", r.resource_type, r.id));
        }
        t.push_str(
            "No state file records these objects, so terraform plan neither shows them nor removes\n\
             them. Import them into the configuration, or delete them.\n",
        );
        t
    };
    Refresh {
        drift,
        ignored,
        unmanaged: world.unmanaged.clone(),
        text,
        unmanaged_text,
    }
}

fn restore(body: &mut Object, from: &Object, key: &str) {
    match from.attributes.get(key) {
        Some(v) => body.attributes.insert(key.to_string(), v.clone()),
        None => body.attributes.remove(key),
    };
    match from.blocks.get(key) {
        Some(b) => body.blocks.insert(key.to_string(), b.clone()),
        None => body.blocks.remove(key),
    };
}

fn drift_block(
    address: &str,
    what: &str,
    symbol: &str,
    resource_type: &str,
    name: &str,
    lines: &[String],
) -> String {
    let mut out =
        format!("  # {address} {what}\n  {symbol} resource \"{resource_type}\" \"{name}\" {{\n");
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("    }\n");
    out
}

// ---------------------------------------------------------------------------
// Apply
// ---------------------------------------------------------------------------

/// What one apply step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    Create,
    Update,
    Destroy,
}

/// One line pair of `terraform apply`'s log, for the view to animate.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplyStep {
    pub address: String,
    pub action: StepAction,
    /// e.g. `aws_db_instance.pg: Modifying... [id=db-…]`
    pub started: String,
    /// e.g. `aws_db_instance.pg: Modifications complete [id=db-…]` (Terraform adds a duration; the lab does not time steps).
    pub finished: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// In the plan's order; a replacement is a destroy step then a create step.
    pub steps: Vec<ApplyStep>,
    pub summary: Summary,
    /// `Apply complete! Resources: …`
    pub complete_line: String,
    /// What became of the changes made outside Terraform, in words.
    pub note: String,
}

/// Makes the account match the configuration, step by step, and records it in the state.
pub fn apply(config: &Config, world: &mut World) -> Applied {
    let before = refresh(config, world);
    let planned = plan(config, world);
    let mut steps = Vec::new();
    for change in &planned.changes {
        let address = &change.address;
        let wanted = config.resources.get(address);
        let old_id = world
            .actual
            .get(address)
            .map(|r| r.id.clone())
            .unwrap_or_default();
        if matches!(change.action, Action::Delete | Action::Replace) {
            world.actual.remove(address);
            steps.push(ApplyStep {
                address: address.clone(),
                action: StepAction::Destroy,
                started: format!("{address}: Destroying... [id={old_id}]"),
                finished: format!("{address}: Destruction complete"),
            });
        }
        match (change.action, wanted) {
            (Action::Create | Action::Replace, Some(rc)) => {
                let created = create(rc, world);
                steps.push(ApplyStep {
                    address: address.clone(),
                    action: StepAction::Create,
                    started: format!("{address}: Creating..."),
                    finished: format!("{address}: Creation complete [id={}]", created.id),
                });
                world.actual.insert(address.clone(), created);
            }
            (Action::Update, Some(rc)) => {
                if let Some(cur) = world.actual.get_mut(address) {
                    cur.body = effective_body(rc, cur);
                }
                steps.push(ApplyStep {
                    address: address.clone(),
                    action: StepAction::Update,
                    started: format!("{address}: Modifying... [id={old_id}]"),
                    finished: format!("{address}: Modifications complete [id={old_id}]"),
                });
            }
            _ => {}
        }
    }
    // The state now records every object Terraform manages, as it really is.
    world.state = world
        .actual
        .iter()
        .filter(|(a, _)| config.resources.contains_key(*a))
        .map(|(a, r)| (a.clone(), r.clone()))
        .collect();
    Applied {
        complete_line: planned.summary.apply_line(),
        summary: planned.summary,
        note: apply_note(&before, &steps),
        steps,
    }
}

fn apply_note(before: &Refresh, steps: &[ApplyStep]) -> String {
    let mut parts = Vec::new();
    if !before.drift.is_empty() {
        let undone: Vec<&str> = before.drift.iter().map(|d| d.address.as_str()).collect();
        parts.push(format!(
            "The changes made in the console are gone: Terraform put {} back as the configuration says. \
             A fix made by hand lasts only until the next apply — make it in the configuration instead.",
            undone.join(", ")
        ));
    }
    for (address, attribute) in &before.ignored {
        parts.push(format!(
            "{address}: {attribute} keeps the value set outside Terraform — the configuration ignores changes to it."
        ));
    }
    if !before.unmanaged.is_empty() {
        parts.push("The instance launched by hand is still running: apply only touches what the state records.".into());
    }
    if parts.is_empty() {
        parts.push(if steps.is_empty() {
            "Nothing to do: the account already matched the configuration.".into()
        } else {
            "The account now matches the edited configuration.".into()
        });
    }
    parts.join(" ")
}

// ---------------------------------------------------------------------------
// State locking
// ---------------------------------------------------------------------------

/// Who holds the lock, as Terraform's "Lock Info" prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockInfo {
    pub id: String,
    pub path: String,
    pub operation: String,
    pub who: String,
    pub version: String,
    pub created: String,
}

/// The lock row in the DynamoDB table: at most one holder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateLock {
    pub holder: Option<LockInfo>,
}

impl StateLock {
    /// A conditional put: succeeds only if nobody holds the lock.
    pub fn acquire(&mut self, info: LockInfo) -> Result<(), Box<LockInfo>> {
        match &self.holder {
            Some(h) => Err(Box::new(h.clone())),
            None => {
                self.holder = Some(info);
                Ok(())
            }
        }
    }

    pub fn release(&mut self) {
        self.holder = None;
    }
}

/// Two people run `terraform apply` against the same state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockScenario {
    /// How long the first apply holds the lock, s.
    pub first_apply_s: u32,
    /// When the second apply starts, s after the first.
    pub second_starts_after_s: u32,
    /// The second apply's `-lock-timeout`, s (Terraform's default is 0: fail at once).
    pub lock_timeout_s: u32,
}

impl Default for LockScenario {
    fn default() -> Self {
        LockScenario {
            first_apply_s: 120,
            second_starts_after_s: 30,
            lock_timeout_s: 0,
        }
    }
}

/// Longest time the lock scenario accepts, s.
pub const MAX_LOCK_SCENARIO_S: u32 = 3_600;

/// How the second apply fared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondApply {
    /// It got the lock, after waiting this long.
    Ran { waited_s: u32 },
    /// "Error acquiring the state lock", as Terraform prints it.
    Failed { error: String },
    /// No lock table: both applies wrote the state, and the last write won.
    RanUnlocked,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOutcome {
    /// (seconds from the first apply's start, who, what happened), in time order.
    pub log: Vec<(u32, String, String)>,
    pub second: SecondApply,
}

const FIRST: &str = "alice@laptop";
const SECOND: &str = "bob@ci-runner";

/// Plays two overlapping applies against the configuration's backend.
pub fn concurrent_applies(config: &Config, s: &LockScenario) -> LockOutcome {
    let first = s.first_apply_s.min(MAX_LOCK_SCENARIO_S);
    let start = s.second_starts_after_s.min(MAX_LOCK_SCENARIO_S);
    let timeout = s.lock_timeout_s.min(MAX_LOCK_SCENARIO_S);
    let backend = config.backend.clone().unwrap_or_default();
    let path = backend.state_path();
    let mut log = vec![(
        0,
        FIRST.to_string(),
        "terraform apply: Acquiring state lock. This may take a few moments...".to_string(),
    )];
    let Some(table) = backend.dynamodb_table.clone() else {
        log.push((
            start,
            SECOND.into(),
            "terraform apply: no lock table configured, so it starts at once.".into(),
        ));
        log.push((
            first.max(start),
            "state".into(),
            format!("Both applies wrote {path}; the last write won and the other run's changes are missing from the state."),
        ));
        return LockOutcome {
            log,
            second: SecondApply::RanUnlocked,
        };
    };
    let mut lock = StateLock::default();
    let info = |who: &str, minute: u32| LockInfo {
        id: format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            fnv(who, 1) as u32,
            minute,
            0x4a1e,
            0x8c2d,
            fnv(&path, minute) & 0xffff_ffff_ffff
        ),
        path: path.clone(),
        operation: "OperationTypeApply".into(),
        who: who.into(),
        version: "1.6.6".into(),
        created: format!("2024-05-14 09:{:02}:00.000000000 +0000 UTC", minute % 60),
    };
    let alice = info(FIRST, 0);
    // The first apply's conditional put on an empty table cannot fail.
    let _ = lock.acquire(alice.clone());
    log.push((
        0,
        FIRST.into(),
        format!("Lock {} written to DynamoDB table {table}.", alice.id),
    ));
    let released_at = first;
    if start >= released_at {
        lock.release();
        log.push((
            released_at,
            FIRST.into(),
            "Apply complete; state written and lock released.".into(),
        ));
        let _ = lock.acquire(info(SECOND, start / 60));
        log.push((
            start,
            SECOND.into(),
            "Acquired the state lock and ran.".into(),
        ));
        return LockOutcome {
            log,
            second: SecondApply::Ran { waited_s: 0 },
        };
    }
    log.push((
        start,
        SECOND.into(),
        "terraform apply: Acquiring state lock. This may take a few moments...".into(),
    ));
    let holder = match lock.acquire(info(SECOND, start / 60)) {
        Err(holder) => *holder,
        Ok(()) => alice,
    };
    let wait = released_at - start;
    if timeout >= wait {
        lock.release();
        log.push((
            released_at,
            FIRST.into(),
            "Apply complete; state written and lock released.".into(),
        ));
        let _ = lock.acquire(info(SECOND, released_at / 60));
        log.push((
            released_at,
            SECOND.into(),
            format!("Acquired the state lock after waiting {wait} s, read the new state, and ran."),
        ));
        return LockOutcome {
            log,
            second: SecondApply::Ran { waited_s: wait },
        };
    }
    let error = lock_error(&holder);
    log.push((
        start.saturating_add(timeout),
        SECOND.into(),
        "Error acquiring the state lock.".into(),
    ));
    log.push((
        released_at,
        FIRST.into(),
        "Apply complete; state written and lock released.".into(),
    ));
    LockOutcome {
        log,
        second: SecondApply::Failed { error },
    }
}

/// Terraform's error box when the lock is held.
pub fn lock_error(holder: &LockInfo) -> String {
    let lines = [
        "Error: Error acquiring the state lock".to_string(),
        String::new(),
        "Error message: ConditionalCheckFailedException: The conditional request".to_string(),
        "failed".to_string(),
        "Lock Info:".to_string(),
        format!("  ID:        {}", holder.id),
        format!("  Path:      {}", holder.path),
        format!("  Operation: {}", holder.operation),
        format!("  Who:       {}", holder.who),
        format!("  Version:   {}", holder.version),
        format!("  Created:   {}", holder.created),
        "  Info:      ".to_string(),
        String::new(),
        String::new(),
        "Terraform acquires a state lock to protect the state from being written".to_string(),
        "by multiple users at the same time. Please resolve the issue above and try".to_string(),
        "again. For most commands, you can disable locking with the \"-lock=false\"".to_string(),
        "flag, but this is not recommended.".to_string(),
    ];
    let mut out = String::from("╷\n");
    for l in lines {
        out.push_str(format!("│ {l}").trim_end_matches(' '));
        out.push('\n');
    }
    out.push_str("╵\n");
    out
}

// ---------------------------------------------------------------------------
// The demo: params, outcome, link
// ---------------------------------------------------------------------------

/// What a student can set. The clicks, the variant and the lock scenario are in links;
/// typed text and the page's applies are not (too long for a URL), so a link replays the
/// clicks on a fresh deploy of the variant.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IacDriftParams {
    /// Changes made outside Terraform since the last apply, in order.
    pub clicks: Vec<ConsoleClick>,
    pub config: ConfigVariant,
    pub lock: LockScenario,
    /// The configuration as typed in the page; `None`: the variant's text.
    pub edit: Option<Edit>,
    /// The last apply run in the page; `None`: the account is a fresh deploy of the variant.
    pub last_apply: Option<LastApply>,
}

/// Text typed into the editor, and the last configuration that parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub text: String,
    /// Why `text` does not parse; `None` when it does.
    pub error: Option<ParseError>,
    /// The last text that parsed, read: plans keep using it while `text` is broken.
    pub config: Config,
}

/// An apply run in the page: the account as it found it, and the configuration it applied.
#[derive(Clone, Debug, PartialEq)]
pub struct LastApply {
    pub before: World,
    pub config: Config,
}

impl IacDriftParams {
    /// The configuration the plan compares against: the typed one (its last good parse), or the variant's.
    pub fn desired(&self) -> Result<Config, ParseError> {
        match &self.edit {
            Some(e) => Ok(e.config.clone()),
            None => parse_config(&config_text(self.config)),
        }
    }

    /// The editor's text.
    pub fn text(&self) -> String {
        match &self.edit {
            Some(e) => e.text.clone(),
            None => config_text(self.config),
        }
    }

    /// Takes typed text: a text that parses becomes the desired configuration; one that does not
    /// keeps the last good one and says where it broke. Typing the variant's text back ends the edit.
    pub fn type_config(&mut self, text: String) {
        if text == config_text(self.config) {
            self.edit = None;
            return;
        }
        let edit = match parse_config(&text) {
            Ok(config) => Edit {
                text,
                error: None,
                config,
            },
            Err(e) => Edit {
                config: self.desired().unwrap_or_default(),
                text,
                error: Some(e),
            },
        };
        self.edit = Some(edit);
    }

    /// Switches the variant; typed text gets the lifecycle block added or taken out too.
    pub fn set_variant(&mut self, variant: ConfigVariant) {
        if variant == self.config {
            return;
        }
        self.config = variant;
        if let Some(edit) = self.edit.take() {
            let text = match variant {
                ConfigVariant::IgnoreDesiredCount => with_ignore_desired_count(&edit.text),
                ConfigVariant::WorkedExample => without_ignore_desired_count(&edit.text),
            };
            self.edit = Some(edit);
            self.type_config(text);
        }
    }

    /// Records `terraform apply` of the desired configuration to the account as it is now;
    /// the clicks are then history (the next clicks are made on the applied account).
    pub fn record_apply(&mut self) {
        let Ok(desired) = self.desired() else {
            return;
        };
        let Ok(variant) = parse_config(&config_text(self.config)) else {
            return;
        };
        let (before, _, _) = self.account(&variant);
        self.last_apply = Some(LastApply {
            before,
            config: desired,
        });
        self.clicks.clear();
    }

    /// The account now: the last apply's result (or a fresh deploy of `variant`) with the
    /// clicks made since; the notes on the clicks; and what the last apply did.
    fn account(&self, variant: &Config) -> (World, Vec<String>, Option<Applied>) {
        let (mut world, applied) = match &self.last_apply {
            Some(last) => {
                let mut world = last.before.clone();
                let applied = apply(&last.config, &mut world);
                (world, Some(applied))
            }
            None => (World::deployed(variant), None),
        };
        let notes = self.clicks.iter().map(|&c| click(&mut world, c)).collect();
        (world, notes, applied)
    }
}

/// Everything the drift demo shows for the params.
#[derive(Clone, Debug, PartialEq)]
pub struct IacDriftOutcome {
    /// The editor's text.
    pub config_text: String,
    /// Where the typed text breaks; the plan then uses the last text that parsed.
    pub parse_error: Option<ParseError>,
    /// The configuration the plan compares against.
    pub config: Config,
    /// The account now: deployed, perhaps applied in the page, then the clicks.
    pub world: World,
    /// One note per click, in order.
    pub click_notes: Vec<String>,
    /// The apply run in the page, if any: its log and what became of the clicks before it.
    pub last_apply: Option<Applied>,
    pub refresh: Refresh,
    pub plan: Plan,
    /// What `terraform apply` would do now.
    pub applied: Applied,
    /// The plan after that apply: "No changes." for every configuration the lab reads.
    pub plan_after_apply: Plan,
    /// The service's task count: who wins, the autoscaler or the configuration.
    pub task_count: TaskCount,
    pub lock: LockOutcome,
}

/// The ECS service's `desired_count` as configured and as running, and what the plan does about it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TaskCount {
    pub configured: Option<f64>,
    pub running: Option<f64>,
    /// The plan sets the running count back to the configured one.
    pub reverted: bool,
    /// The configuration ignores changes to it (`lifecycle { ignore_changes }`).
    pub ignored: bool,
}

const SERVICE: &str = "aws_ecs_service.app";
const DESIRED_COUNT: &str = "desired_count";

fn task_count(config: &Config, world: &World, plan: &Plan) -> TaskCount {
    let number = |body: &Object| match body.attributes.get(DESIRED_COUNT) {
        Some(Value::Number(x)) => Some(*x),
        _ => None,
    };
    let rc = config.resources.get(SERVICE);
    TaskCount {
        configured: rc.and_then(|rc| number(&rc.body)),
        running: world.actual.get(SERVICE).and_then(|r| number(&r.body)),
        reverted: plan
            .changes
            .iter()
            .any(|c| c.address == SERVICE && c.changed.iter().any(|k| k == DESIRED_COUNT)),
        ignored: rc.is_some_and(|rc| rc.ignores(DESIRED_COUNT)),
    }
}

/// Deploys the configuration, replays the clicks, then refreshes, plans and applies.
pub fn evaluate(p: &IacDriftParams) -> Result<IacDriftOutcome, Vec<String>> {
    let mut problems = Vec::new();
    if p.clicks.len() > MAX_CLICKS {
        problems.push(format!("At most {MAX_CLICKS} console clicks."));
    }
    let l = &p.lock;
    for (what, v) in [
        ("The first apply's duration", l.first_apply_s),
        ("The second apply's start", l.second_starts_after_s),
        ("The lock timeout", l.lock_timeout_s),
    ] {
        if v > MAX_LOCK_SCENARIO_S {
            problems.push(format!("{what} must be at most {MAX_LOCK_SCENARIO_S} s."));
        }
    }
    let parsed = parse_config(&config_text(p.config)).and_then(|v| Ok((p.desired()?, v)));
    let (config, variant) = match parsed {
        Ok(c) => c,
        Err(e) => {
            problems.push(format!("The configuration does not parse: {e}"));
            return Err(problems);
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let (world, click_notes, last_apply) = p.account(&variant);
    let refresh = refresh(&config, &world);
    let plan = plan(&config, &world);
    let mut after = world.clone();
    let applied = apply(&config, &mut after);
    let plan_after_apply = self::plan(&config, &after);
    Ok(IacDriftOutcome {
        task_count: task_count(&config, &world, &plan),
        lock: concurrent_applies(&config, &p.lock),
        config_text: p.text(),
        parse_error: p.edit.as_ref().and_then(|e| e.error.clone()),
        config,
        world,
        click_notes,
        last_apply,
        refresh,
        plan,
        applied,
        plan_after_apply,
    })
}

/// Link format: `clicks=desired_count,multi_az_off&ignore=1&apply_s=120&second_at=30&lock_timeout=0`.
/// Text typed into the editor is not in the link: it is too long for a URL.
impl LinkState for IacDriftParams {
    fn to_query(&self) -> String {
        let d = IacDriftParams::default();
        let mut pairs = Vec::new();
        if self.clicks != d.clicks {
            let slugs: Vec<&str> = self.clicks.iter().map(|c| c.slug()).collect();
            pairs.push(("clicks", slugs.join(",")));
        }
        if self.config != d.config {
            pairs.push(("ignore", "1".to_string()));
        }
        if self.lock.first_apply_s != d.lock.first_apply_s {
            pairs.push(("apply_s", self.lock.first_apply_s.to_string()));
        }
        if self.lock.second_starts_after_s != d.lock.second_starts_after_s {
            pairs.push(("second_at", self.lock.second_starts_after_s.to_string()));
        }
        if self.lock.lock_timeout_s != d.lock.lock_timeout_s {
            pairs.push(("lock_timeout", self.lock.lock_timeout_s.to_string()));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = IacDriftParams::default();
        let mut r = LinkReader::new(query);
        if let Some(text) = r.text("clicks") {
            let mut bad = Vec::new();
            for slug in text.split(',').filter(|s| !s.is_empty()) {
                match ConsoleClick::from_slug(slug) {
                    Some(c) if p.clicks.len() < MAX_CLICKS => p.clicks.push(c),
                    Some(_) => bad.push(format!("more than {MAX_CLICKS} clicks")),
                    None => bad.push(format!("unknown click '{slug}'")),
                }
            }
            if let Some(first) = bad.first() {
                r.ignore("clicks", text, first.clone());
            }
        }
        if let Some(ignore) = r.flag("ignore") {
            p.config = if ignore {
                ConfigVariant::IgnoreDesiredCount
            } else {
                ConfigVariant::WorkedExample
            };
        }
        if let Some(v) = r.whole("apply_s", 0, MAX_LOCK_SCENARIO_S) {
            p.lock.first_apply_s = v;
        }
        if let Some(v) = r.whole("second_at", 0, MAX_LOCK_SCENARIO_S) {
            p.lock.second_starts_after_s = v;
        }
        if let Some(v) = r.whole("lock_timeout", 0, MAX_LOCK_SCENARIO_S) {
            p.lock.lock_timeout_s = v;
        }
        (p, r.finish())
    }
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for IacDriftParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The iac drift demo in the lab's registry.
pub struct IacDrift;

impl crate::demo::Demo for IacDrift {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::IacDrift;
    type Params = IacDriftParams;
    type Outcome = IacDriftOutcome;

    fn evaluate(p: &IacDriftParams) -> Result<IacDriftOutcome, Vec<String>> {
        evaluate(p)
    }
}
