//! The IaC drift demo in the lab's registry: the worked example's figures it checks and
//! the careful reader's note on its Terraform.

use super::params::{evaluate, IacDriftOutcome, IacDriftParams};
use crate::claim::{Live, Note};

crate::demo! {
    IacDrift: IacDriftParams => IacDriftOutcome, evaluate: evaluate, exercises: iac_drift,
    claims: [DESIRED_COUNT, LOCK_TABLE],
    notes: &[NO_LISTENER],
}

crate::claims! { IacDrift: IacDriftParams => IacDriftOutcome {
    /// §2's service: `desired_count = 4`, the baseline the autoscaler starts from.
    DESIRED_COUNT: "The service's desired_count", "desired_count = 4", Places(0),
        |_, o| o.task_count.configured.map(Live::Number);
    /// §2's backend: state locking in the `tf-locks` table.
    LOCK_TABLE: "The state lock table", "tf-locks", Words,
        |_, o| {
            let table = o.config.backend.as_ref()?.dynamodb_table.clone()?;
            Some(Live::Words(table))
        };
}}

/// The worked example's load balancer has no listener.
const NO_LISTENER: Note = Note {
    text: "The worked example's Terraform, kept here as printed, declares the load balancer and its target group but no aws_lb_listener. An Application Load Balancer without a listener receives no traffic from clients: a listener, with a protocol, a port and a default action that forwards to the target group, has to be added before it serves anything.",
    source: "Elastic Load Balancing: Listeners for your Application Load Balancers",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
};
