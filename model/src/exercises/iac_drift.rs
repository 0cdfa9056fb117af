//! IaC and drift: what a plan makes of changes made behind Terraform's back, and the
//! autoscaler Terraform fights until it is told to ignore the count.

use super::{Exercise, Kind};
use crate::iac_drift::{Action, ConfigVariant, ConsoleClick, IacDriftOutcome, IacDriftParams};

type P = IacDriftParams;
type O = IacDriftOutcome;

fn autoscaler_scaled_out(p: &mut P) {
    p.clicks = vec![ConsoleClick::AutoscalerScalesOut];
}

fn count(x: Option<f64>) -> String {
    x.map_or("?".into(), super::number)
}

/// The plan's line, "Plan: 0 to add, 1 to change, 0 to destroy", and what each change touches.
fn plan_line(o: &O) -> String {
    let s = o.plan.summary;
    let changes: Vec<String> = o
        .plan
        .changes
        .iter()
        .map(|c| format!("{} ({})", c.address, c.changed.join(", ")))
        .collect();
    let listed = if changes.is_empty() {
        String::new()
    } else {
        format!(": {}", changes.join("; "))
    };
    format!(
        "The plan says {} to add, {} to change, {} to destroy{listed}.",
        s.add, s.change, s.destroy
    )
}

pub const EXERCISES: [Exercise<P, O>; 4] = [
    Exercise {
        slug: "resources-in-the-plan",
        title: "How many resources the plan touches",
        setup: |p| {
            p.clicks = vec![
                ConsoleClick::OpenSshPort,
                ConsoleClick::MultiAzOff,
                ConsoleClick::ResizeDatabase,
                ConsoleClick::LaunchUntaggedInstance,
            ]
        },
        question: |p, _| {
            format!(
                "In the console, someone made {} changes: opened SSH on the app's security group, \
                 switched the database's standby off, resized the database, and launched an \
                 untagged EC2 instance. How many resources will `terraform plan` add, change or \
                 destroy?",
                p.clicks.len()
            )
        },
        kind: Kind::predict(
            |_, o| {
                let s = o.plan.summary;
                f64::from(s.add + s.change + s.destroy)
            },
            0.0,
            "resources",
        ),
        hint: "A plan counts resources, not attributes, and only resources in its state.",
        why: |_, o| {
            format!(
                "{} {} resource(s) outside the state are not in it at all.",
                plan_line(o),
                o.refresh.unmanaged.len()
            )
        },
    },
    Exercise {
        slug: "hand-launched-instance",
        title: "An instance launched by hand",
        setup: |p| p.clicks = vec![ConsoleClick::LaunchUntaggedInstance],
        question: |_, _| {
            "Someone launched an EC2 instance by hand, outside Terraform. What does the next \
             `terraform plan` propose for it?"
                .to_string()
        },
        kind: Kind::Choose {
            options: &[
                "To destroy it",
                "To import it into the state",
                "Nothing: it is not in the state, so the plan does not see it",
            ],
            answer: |_, o| {
                if o.plan.changes.iter().any(|c| c.action == Action::Delete) {
                    0
                } else {
                    2
                }
            },
        },
        hint: "Terraform plans from its configuration and its state; what neither mentions is not \
               its business.",
        why: |_, o| {
            format!(
                "{} Finding the {} unmanaged resource(s) takes a look at the account itself (a \
                 tag policy, AWS Config).",
                plan_line(o),
                o.refresh.unmanaged.len()
            )
        },
    },
    Exercise {
        slug: "autoscaler-versus-apply",
        title: "The autoscaler and the next apply",
        setup: autoscaler_scaled_out,
        question: |_, o| {
            format!(
                "The configuration says {} tasks; for a burst, the autoscaler has raised the \
                 service to {}. What does the next `terraform apply` do to the count?",
                count(o.task_count.configured),
                count(o.task_count.running)
            )
        },
        kind: Kind::Choose {
            options: &[
                "Leaves the autoscaler's count alone",
                "Puts the configured count back, in the middle of the burst",
                "Replaces the service",
            ],
            answer: |_, o| {
                if o.plan.changes.iter().any(|c| c.action == Action::Replace) {
                    2
                } else {
                    usize::from(o.task_count.reverted)
                }
            },
        },
        hint: "To Terraform, the autoscaler is just another change made outside it.",
        why: |_, o| plan_line(o),
    },
    Exercise {
        slug: "stop-the-tug-of-war",
        title: "Stop Terraform fighting the autoscaler",
        setup: autoscaler_scaled_out,
        question: |_, _| {
            "The autoscaler has scaled the service out. Change the configuration so that the next \
             apply leaves the autoscaler's count alone, with the scale-out still there."
                .to_string()
        },
        kind: Kind::Goal {
            met: |p, o| {
                p.clicks.contains(&ConsoleClick::AutoscalerScalesOut) && !o.task_count.reverted
            },
            show_me: |p| p.config = ConfigVariant::IgnoreDesiredCount,
        },
        hint: "A `lifecycle` block can tell Terraform which attributes someone else owns.",
        why: |_, o| {
            let t = &o.task_count;
            format!(
                "{} Configured {} tasks, running {}: the apply {}.",
                plan_line(o),
                count(t.configured),
                count(t.running),
                if t.reverted {
                    "puts the configured count back"
                } else if t.ignored {
                    "leaves the count alone (ignore_changes)"
                } else {
                    "leaves the count alone"
                }
            )
        },
    },
];
