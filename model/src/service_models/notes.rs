//! The service-models page's cited documentation.

use crate::documented::Documented;

/// What AWS documents about who looks after what, for the services PhotoShare uses.
pub const DOCUMENTED: [Documented; 6] = [
    Documented {
        says: "AWS is responsible for security of the cloud (the hardware, software, network and \
buildings that run its services); the customer for security in the cloud, a share that depends \
on the service: for EC2 the guest OS and everything above it, for abstracted services such as \
S3 the data, its encryption options and who may reach it.",
        lab: "The matrix: the line moves up the stack from IaaS to SaaS, and data with its access \
rules stays yours in every column.",
        source: "AWS Shared Responsibility Model",
        url: "https://aws.amazon.com/compliance/shared-responsibility-model/",
    },
    Documented {
        says: "AWS maintains Fargate's infrastructure: a platform version is a kernel and \
container runtime, and when a revision needs patching AWS retires the tasks running on it; a \
service's scheduler starts replacements on the patched revision.",
        lab: "The app tier's Patch row: the provider patches the platform under the tasks, the \
team rebuilds the image for what runs inside it.",
        source: "Amazon ECS Developer Guide: Task retirement and maintenance for AWS Fargate",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-maintenance.html",
    },
    Documented {
        says: "RDS maintains the instance's hardware, operating system and engine version; \
required patches and, when auto minor version upgrade is on, minor versions are applied in \
the maintenance window the customer chooses.",
        lab: "The database's Patch row: the team picks the version and the window, RDS patches \
in it. Auto minor version upgrade is on by default; the worked example's Terraform leaves it so.",
        source: "Amazon RDS User Guide: Maintaining a DB instance",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html",
    },
    Documented {
        says: "RDS takes a daily automated backup in the backup window and keeps the \
transaction logs, so an instance can be restored to any point within the retention period.",
        lab: "The database's Back up row, with the worked example's 7-day retention.",
        source: "Amazon RDS User Guide: Introduction to backups",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    },
    Documented {
        says: "With automatic failover on, ElastiCache promotes a read replica to primary when \
the primary fails, in a replication group spread over Availability Zones.",
        lab: "The cache's Scale row: the worked example's Terraform turns automatic failover on \
for its primary and replica in two AZs.",
        source: "Amazon ElastiCache User Guide: Minimizing downtime with Multi-AZ",
        url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
    },
    Documented {
        says: "S3 encrypts every new object with S3-managed keys (SSE-S3) by default, since \
5 January 2023; the bucket owner may choose KMS keys instead.",
        lab: "Object storage's Secure row: encryption at rest is the provider's default, the key \
choice and the bucket policy are the team's.",
        source: "Amazon S3 User Guide: Using server-side encryption with Amazon S3 managed keys (SSE-S3)",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html",
    },
];
