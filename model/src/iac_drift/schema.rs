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
