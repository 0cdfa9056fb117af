//! What Terraform and the AWS provider document about the mechanisms this demo models.

use crate::documented::Documented;

pub const DOCUMENTED: [Documented; 6] = [
    Documented {
        says: "During planning, a value derived from an unknown result of another object is itself \
unknown: Terraform shows it as (known after apply), and the object that uses it is planned to change \
with it.",
        lab: "The plan resolves references in dependency order. A target group being replaced has an \
unknown ARN, so the service that names it changes too: editing the port plans 1 to add, 1 to change, \
1 to destroy. The AWS provider plans a list or set holding an unknown member as unknown as a whole \
(the lab's reading).",
        source: "Terraform: Resource Instance Change Lifecycle",
        url: "https://github.com/hashicorp/terraform/blob/main/docs/resource-instance-change-lifecycle.md",
    },
    Documented {
        says: "Since Terraform 1.2, terraform plan shows changes made outside Terraform only if they \
relate to resources and attributes that contributed to the changes it proposes. terraform plan \
-refresh-only reports every such change and proposes only to record it in the state.",
        lab: "The plan's note lists drifted attributes that a changing resource refers to, directly or \
through what it refers to; a change the plan simply reverts shows in the plan alone. The \
-refresh-only switch shows all drift, ignore_changes included.",
        source: "Terraform v1.2 changelog",
        url: "https://github.com/hashicorp/terraform/blob/v1.2/CHANGELOG.md",
    },
    Documented {
        says: "Changes to a DB instance can wait for the next maintenance window, so Terraform may \
report a difference in its planning phase because a modification has not yet taken place; \
apply_immediately applies them at once. A major engine upgrade needs allow_major_version_upgrade, \
and with deletion_protection the database can't be deleted.",
        lab: "Instance class, engine version, storage and Multi-AZ wait for the window (RDS's \
PendingModifiedValues) until \"Let the maintenance window pass\"; other settings change at once \
(the lab's reading). Apply fails where RDS refuses: a downgrade (\"Cannot upgrade postgres from \
16.4 to 16.3\"), a major upgrade without the flag, deleting a protected database, and — the \
provider's own check — a destroy with neither final_snapshot_identifier nor skip_final_snapshot.",
        source: "AWS provider: aws_db_instance",
        url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    },
    Documented {
        says: "force_destroy deletes every object when the bucket is destroyed, and works only once a \
successful apply has written it to the state: set in the same run that replaces or destroys the \
bucket, it has no effect. A bucket name forces a new resource.",
        lab: "The uploads bucket holds users' photos, so renaming it fails with BucketNotEmpty unless \
force_destroy was applied first. Destroying aws_s3_bucket_versioning suspends versioning.",
        source: "AWS provider: aws_s3_bucket",
        url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket",
    },
    Documented {
        says: "A security group's ingress and egress arguments are processed in attribute-as-blocks \
mode; its description has no update API, so changing it makes a new group.",
        lab: "A rule added in the console shows as ~ ingress = [ - { … }, ], one element of a set. \
Replacing a group that the load balancer still uses fails with DependencyViolation after the \
provider's delete timeout: destroy-then-create deletes the old group first.",
        source: "AWS provider: aws_security_group",
        url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group",
    },
    Documented {
        says: "When an apply stops at an error, Terraform keeps what it already changed and records it \
in the state; there is no automatic rollback.",
        lab: "A refused step stops only what waits for it: the steps before and beside it are done and \
in the state, and the next plan shows what is left. Error texts follow the AWS provider 5.x; \
request IDs are stand-ins.",
        source: "Terraform tutorial: Apply Terraform configuration (errors during apply)",
        url: "https://developer.hashicorp.com/terraform/tutorials/cli/apply",
    },
];
