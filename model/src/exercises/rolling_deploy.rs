//! Rolling deploy: how many tasks a rollout runs, what a bad build does to it, the circuit
//! breaker that undoes it, and the one way a bad build still reaches users.

use super::{Exercise, Kind};
use crate::rolling_deploy::{
    DeployResult, NewBuild, RollingDeployOutcome, RollingDeployParams, Wait,
};

type P = RollingDeployParams;
type O = RollingDeployOutcome;

fn bad_build(p: &mut P) {
    p.build = NewBuild::Bad;
}

fn result_text(o: &O) -> String {
    let result = match o.result {
        DeployResult::Completed { at_s } => format!("the rollout completed at {at_s} s"),
        DeployResult::RolledBack {
            tripped_s,
            stable_s,
        } => format!(
            "the circuit breaker tripped at {tripped_s} s and the old version was stable again at \
             {stable_s} s"
        ),
        DeployResult::RollingBack { tripped_s } => {
            format!("the circuit breaker tripped at {tripped_s} s and is rolling back")
        }
        DeployResult::InProgress => "the rollout was still in progress when the run ended".into(),
    };
    let wait = match o.wait {
        Wait::Stable { at_s } => format!("the pipeline's wait saw the service stable at {at_s} s"),
        Wait::TimedOut { at_s } => format!("the pipeline's wait gave up at {at_s} s"),
        Wait::Waiting => "the pipeline was still waiting".into(),
    };
    format!(
        "{result}; {wait}; {} new task(s) failed their health check (the breaker trips at {}).",
        o.failed_tasks, o.breaker_threshold
    )
}

pub const EXERCISES: [Exercise<P, O>; 4] = [
    Exercise {
        slug: "tasks-at-once",
        title: "Tasks running during the rollout",
        setup: |_| {},
        question: |p, _| {
            format!(
                "The service runs {} tasks with a minimum healthy percent of {} % and a maximum \
                 percent of {} %. At most, how many tasks run at once during the rollout?",
                p.desired_count, p.min_healthy_percent, p.max_percent
            )
        },
        kind: Kind::predict(|_, o| f64::from(o.max_running_tasks), 0.0, "tasks"),
        hint: "The maximum percent is a ceiling on running tasks, old and new together.",
        why: |p, o| {
            format!(
                "At most ⌊{} × {} %⌋ = {} tasks run; at least ⌈{} × {} %⌉ = {} stay healthy.",
                p.desired_count,
                p.max_percent,
                o.max_running_tasks,
                p.desired_count,
                p.min_healthy_percent,
                o.min_healthy_tasks
            )
        },
    },
    Exercise {
        slug: "bad-build-without-breaker",
        title: "A bad build, no circuit breaker",
        setup: |p| {
            bad_build(p);
            p.circuit_breaker = false;
        },
        question: |p, _| {
            format!(
                "The new image never passes its health check, and the circuit breaker is off. \
                 What happens in the {} minutes after the deploy starts?",
                p.duration_s / 60
            )
        },
        kind: Kind::Choose {
            options: &[
                "The rollout completes with the new image",
                "ECS keeps replacing failed tasks; the pipeline's wait times out",
                "ECS rolls back to the old image",
            ],
            answer: |_, o| match o.result {
                DeployResult::Completed { .. } => 0,
                DeployResult::InProgress => 1,
                DeployResult::RolledBack { .. } | DeployResult::RollingBack { .. } => 2,
            },
        },
        hint: "Without the breaker, nothing in ECS decides to give up.",
        why: |_, o| format!("In the run, {}", result_text(o)),
    },
    Exercise {
        slug: "undo-a-bad-build",
        title: "Let the deployment undo itself",
        setup: bad_build,
        question: |_, _| {
            "The new image never passes its health check. Change the deployment settings so that \
             ECS rolls the bad build back by itself."
                .to_string()
        },
        kind: Kind::Goal {
            met: |p, o| {
                p.build == NewBuild::Bad && matches!(o.result, DeployResult::RolledBack { .. })
            },
            show_me: |p| p.circuit_breaker = true,
        },
        hint: "ECS has a deployment circuit breaker that counts failed tasks.",
        why: |_, o| format!("With your settings, {}", result_text(o)),
    },
    Exercise {
        slug: "bad-build-reaches-users",
        title: "Make the bad build reach users",
        setup: bad_build,
        question: |_, _| {
            "A failed health check keeps the bad build away from users. Can you find settings \
             where the load balancer sends users to it anyway?"
                .to_string()
        },
        kind: Kind::Goal {
            met: |p, o| p.build == NewBuild::Bad && o.fail_open_seconds > 0,
            show_me: |p| {
                p.min_healthy_percent = 0;
                p.max_percent = 100;
            },
        },
        hint: "When no target in a group is healthy, an ALB stops trusting its health checks.",
        why: |p, o| {
            format!(
                "With a minimum healthy percent of {} %, at least {} old task(s) stay; the \
                 load balancer failed open (sending to every target, broken ones too) for {} s. In the run, {}",
                p.min_healthy_percent,
                o.min_healthy_tasks,
                o.fail_open_seconds,
                result_text(o)
            )
        },
    },
];
