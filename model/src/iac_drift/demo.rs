//! The IaC drift demo in the lab's registry: the worked example's figures it checks and
//! the careful reader's note on its Terraform.

use super::params::{evaluate, IacDriftOutcome, IacDriftParams};
use crate::catalog::DemoId;
use crate::claim::{Claim, Live, Note, Rounding};
use crate::demo::Demo;

pub struct IacDrift;

type IacDriftClaim = Claim<IacDriftParams, IacDriftOutcome>;

impl IacDrift {
    /// §2's service: `desired_count = 4`, the baseline the autoscaler starts from.
    pub const DESIRED_COUNT: IacDriftClaim = Claim {
        label: "The service's desired_count",
        printed: "desired_count = 4",
        rounding: Rounding::Places(0),
        live: |_, o| o.task_count.configured.map(Live::Number),
    };
    /// §2's backend: state locking in the `tf-locks` table.
    pub const LOCK_TABLE: IacDriftClaim = Claim {
        label: "The state lock table",
        printed: "tf-locks",
        rounding: Rounding::Words,
        live: |_, o| {
            let table = o.config.backend.as_ref()?.dynamodb_table.clone()?;
            Some(Live::Words(table))
        },
    };
}

impl Demo for IacDrift {
    const ID: DemoId = DemoId::IacDrift;
    type Params = IacDriftParams;
    type Outcome = IacDriftOutcome;
    const EXERCISES: &'static [crate::exercises::Exercise<Self::Params, Self::Outcome>] =
        &crate::exercises::iac_drift::EXERCISES;

    fn evaluate(p: &IacDriftParams) -> Result<IacDriftOutcome, Vec<String>> {
        evaluate(p)
    }

    const CLAIMS: &'static [IacDriftClaim] = &[Self::DESIRED_COUNT, Self::LOCK_TABLE];

    const NOTES: &'static [Note] = &[Note {
        text: "The worked example's Terraform, kept here as printed, declares the load balancer and its target group but no aws_lb_listener. An Application Load Balancer without a listener receives no traffic from clients: a listener, with a protocol, a port and a default action that forwards to the target group, has to be added before it serves anything.",
        source: "Elastic Load Balancing: Listeners for your Application Load Balancers",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
    }];
}
