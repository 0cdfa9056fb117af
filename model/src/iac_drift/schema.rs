//! Which attribute changes force a replacement, read from the AWS provider's documentation.

/// How a change to one attribute is carried out, and where the lab read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttributeRule {
    pub resource_type: &'static str,
    pub attribute: &'static str,
    pub forces_replacement: bool,
    pub source: &'static str,
}

const TG_DOCS: &str = "AWS provider docs, aws_lb_target_group: name, port, protocol, vpc_id and target_type are marked \"Forces new resource\".";
const DB_DOCS: &str = "AWS provider source, aws_db_instance (v5, internal/service/rds/instance.go): engine, username, storage_encrypted, db_name, kms_key_id and availability_zone are ForceNew; identifier, engine_version, instance_class, allocated_storage, multi_az, deletion_protection and backup_retention_period are modified in place with ModifyDBInstance.";
const REDIS_DOCS: &str = "AWS provider docs, aws_elasticache_replication_group (as recalled): replication_group_id forces a new resource; num_cache_clusters, node_type and automatic_failover_enabled change in place.";
const S3_DOCS: &str = "AWS provider docs, aws_s3_bucket: bucket is marked \"Forces new resource\"; aws_s3_bucket_versioning (as recalled): bucket forces a new resource, the versioning status changes in place.";
const LB_DOCS: &str = "AWS provider docs, aws_lb (as recalled): name, internal and load_balancer_type force a new resource; subnets and security groups of an ALB change in place.";
const ECS_DOCS: &str = "AWS provider docs, aws_ecs_service (as recalled): name, cluster and launch_type force a new resource; desired_count, task_definition and network_configuration change in place, and the provider's source sends a changed load_balancer to UpdateService (in place). aws_ecs_task_definition: every argument forces a new revision. aws_ecs_cluster: name forces a new resource.";
const SG_DOCS: &str = "AWS provider docs, aws_security_group: description maps to GroupDescription, \"for which there is no Update API\" (a new resource), as do name and vpc_id (as recalled); ingress and egress are \"processed in attribute-as-blocks mode\" and change in place.";
const SCALING_DOCS: &str = "AWS provider docs, aws_appautoscaling_target and aws_appautoscaling_policy (as recalled): service_namespace, resource_id, scalable_dimension (and a policy's name) force a new resource; capacities and the policy configuration change in place.";

/// The force-new attributes of PhotoShare's resource types, plus the in-place ones the drills touch.
pub const SCHEMA: &[AttributeRule] = &{
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
        r("aws_db_instance", "engine", true, DB_DOCS),
        r("aws_db_instance", "username", true, DB_DOCS),
        r("aws_db_instance", "storage_encrypted", true, DB_DOCS),
        r("aws_db_instance", "db_name", true, DB_DOCS),
        r("aws_db_instance", "kms_key_id", true, DB_DOCS),
        r("aws_db_instance", "availability_zone", true, DB_DOCS),
        r("aws_db_instance", "identifier", false, DB_DOCS),
        r("aws_db_instance", "engine_version", false, DB_DOCS),
        r("aws_db_instance", "instance_class", false, DB_DOCS),
        r("aws_db_instance", "multi_az", false, DB_DOCS),
        r("aws_db_instance", "allocated_storage", false, DB_DOCS),
        r("aws_db_instance", "deletion_protection", false, DB_DOCS),
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
        r("aws_ecs_service", "load_balancer", false, ECS_DOCS),
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

/// Arguments written as blocks that the provider stores as a set of objects ("attributes as
/// blocks"): a plan shows them as `~ ingress = [ - { … }, ]`, not as block diffs. Reading the
/// HCL (`read.rs`) applies it.
const ATTRIBUTES_AS_BLOCKS: [(&str, &str); 2] = [
    ("aws_security_group", "ingress"),
    ("aws_security_group", "egress"),
];

pub(super) fn is_attribute_as_blocks(resource_type: &str, key: &str) -> bool {
    ATTRIBUTES_AS_BLOCKS.contains(&(resource_type, key))
}

/// Nested blocks the provider keeps as sets (`schema.TypeSet`): a changed element is shown as
/// the old one removed and a new one added, not as an update of the block.
const SET_BLOCKS: [(&str, &str); 2] = [
    ("aws_ecs_service", "load_balancer"),
    ("aws_ecs_service", "placement_constraints"),
];

pub(super) fn is_set_block(resource_type: &str, key: &str) -> bool {
    SET_BLOCKS.contains(&(resource_type, key))
}

/// Changes RDS holds for the next maintenance window unless `apply_immediately = true`
/// (RDS API, ModifyDBInstance and PendingModifiedValues: instance class, engine version,
/// allocated storage and Multi-AZ are among the pending values).
pub const MAINTENANCE_WINDOW_ATTRIBUTES: [&str; 4] = [
    "allocated_storage",
    "engine_version",
    "instance_class",
    "multi_az",
];

pub(super) fn waits_for_maintenance_window(resource_type: &str, attribute: &str) -> bool {
    resource_type == "aws_db_instance" && MAINTENANCE_WINDOW_ATTRIBUTES.contains(&attribute)
}

/// Arguments the AWS provider marks Optional and Computed: left out of the configuration, the
/// provider keeps what the object has, so the plan shows no change (Terraform plugin framework,
/// "Optional + Computed"; provider source, aws_db_instance's schema in
/// internal/service/rds/instance.go).
const OPTIONAL_COMPUTED: [(&str, &str); 5] = [
    ("aws_db_instance", "allocated_storage"),
    ("aws_db_instance", "backup_retention_period"),
    ("aws_db_instance", "engine_version"),
    ("aws_db_instance", "identifier"),
    ("aws_db_instance", "multi_az"),
];

pub(super) fn keeps_value_when_omitted(resource_type: &str, attribute: &str) -> bool {
    OPTIONAL_COMPUTED.contains(&(resource_type, attribute))
}

/// Arguments a resource cannot be planned without (AWS provider docs, aws_db_instance:
/// `instance_class` "(Required)"): Terraform stops with "Missing required argument".
pub const REQUIRED: [(&str, &str); 1] = [("aws_db_instance", "instance_class")];
