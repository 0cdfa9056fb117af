//! Autoscaling: size the fleet for the peak, and see how fast each policy follows a spike.

use super::{number, percent, Exercise, Kind};
use crate::autoscaling::{AutoscalingOutcome, AutoscalingParams, Policy, PolicyRun};

type P = AutoscalingParams;
type O = AutoscalingOutcome;

fn both_policies(p: &mut P) {
    p.policies = vec![Policy::TargetTracking, Policy::Hpa];
}

/// The spike goal changes only the scaling settings: the traffic, the task's capacity and
/// the length of the run stay as asked, and the ceiling is not raised.
fn same_traffic_same_ceiling(p: &P) -> bool {
    let mut asked = P::default();
    both_policies(&mut asked);
    (
        p.profile,
        p.edge_load_per_s,
        p.spike_factor,
        p.spike_start_s,
        p.spike_length_s,
        p.ramp_s,
    ) == (
        asked.profile,
        asked.edge_load_per_s,
        asked.spike_factor,
        asked.spike_start_s,
        asked.spike_length_s,
        asked.ramp_s,
    ) && (
        p.noise,
        p.seed,
        p.cdn_hit_ratio,
        p.capacity_per_task_per_s,
        p.duration_s,
    ) == (
        asked.noise,
        asked.seed,
        asked.cdn_hit_ratio,
        asked.capacity_per_task_per_s,
        asked.duration_s,
    ) && p.custom_points == asked.custom_points
        && p.max_tasks <= asked.max_tasks
}

fn run(o: &O, policy: Policy) -> Option<&PolicyRun> {
    o.runs.iter().find(|r| r.policy == policy)
}

fn seconds(s: Option<u32>) -> String {
    s.map_or("never".into(), |s| format!("{s} s"))
}

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "peak-tasks",
        title: "Tasks for the peak",
        setup: |_| {},
        question: |p, o| {
            format!(
                "At the peak, {} req/s reach the edge and the CDN serves {} of them. A task \
                 handles {} req/s and the autoscaler aims for {} CPU. How many tasks does the \
                 peak need?",
                number(o.peak_edge_per_s),
                percent(p.cdn_hit_ratio),
                number(p.capacity_per_task_per_s),
                percent(p.cpu_target)
            )
        },
        kind: Kind::predict(|_, o| f64::from(o.tasks_for_peak), 0.0, "tasks"),
        hint: "Only the CDN's misses reach the tasks; a task is only loaded up to the target; round up.",
        why: |p, o| {
            format!(
                "Tasks = ⌈edge × (1 − hit ratio) ÷ (capacity × target)⌉ = ⌈{} × {} ÷ ({} × {})⌉ \
                 = ⌈{} ÷ {}⌉ = {}.",
                number(o.peak_edge_per_s),
                number(1.0 - p.cdn_hit_ratio),
                number(p.capacity_per_task_per_s),
                number(p.cpu_target),
                number(o.peak_origin_per_s),
                number(p.capacity_per_task_per_s * p.cpu_target),
                o.tasks_for_peak
            )
        },
    },
    Exercise {
        slug: "first-to-scale",
        title: "Which policy scales out first",
        setup: both_policies,
        question: |p, _| {
            format!(
                "The load jumps at minute {}. Which policy adds tasks first?",
                p.spike_start_s / 60
            )
        },
        kind: Kind::Choose {
            options: &["ECS target tracking", "The Kubernetes HPA"],
            answer: |_, o| {
                let first = |policy| {
                    run(o, policy)
                        .and_then(|r| r.first_scale_out_s)
                        .unwrap_or(u32::MAX)
                };
                usize::from(first(Policy::Hpa) < first(Policy::TargetTracking))
            },
        },
        hint: "Compare how long each one watches the CPU before it acts: CloudWatch alarms count \
               one-minute datapoints, the HPA looks every 15 s.",
        why: |_, o| {
            let out = |policy| seconds(run(o, policy).and_then(|r| r.first_scale_out_s));
            format!(
                "Target tracking first scaled out at {}, the HPA at {}: target tracking waits \
                 for its alarm's one-minute datapoints, the HPA acts on its next 15 s look.",
                out(Policy::TargetTracking),
                out(Policy::Hpa)
            )
        },
    },
    Exercise {
        slug: "drop-under-one-percent",
        title: "Drop under 1 % in the spike",
        setup: both_policies,
        question: |p, _| {
            format!(
                "With target tracking, the spike now drops some requests. Change the scaling \
                 settings (not the load) so that target tracking drops under 1 % of the \
                 origin's requests, keeping at most {} tasks.",
                p.max_tasks
            )
        },
        kind: Kind::Goal {
            met: |p, o| {
                same_traffic_same_ceiling(p)
                    && run(o, Policy::TargetTracking).is_some_and(|r| r.dropped_share < 0.01)
            },
            show_me: |p| p.min_tasks = p.min_tasks.max(6).min(p.max_tasks),
        },
        hint: "New tasks take minutes to serve. A higher floor (minimum tasks) keeps spare room \
               ready before the spike arrives.",
        why: |p, o| match run(o, Policy::TargetTracking) {
            Some(_) if !same_traffic_same_ceiling(p) => "The load, the task's capacity, the run's \
                length or a higher ceiling than the question's changed: the goal is met by the \
                scaling settings alone."
                .into(),
            Some(r) => format!(
                "With a floor of {} and a ceiling of {}, target tracking drops {} of {} origin \
                 requests ({}) and runs {} task-hours (${}).",
                p.min_tasks,
                p.max_tasks,
                number(r.dropped_requests),
                number(r.origin_requests),
                percent(r.dropped_share),
                number(r.task_hours),
                r.cost_usd
            ),
            None => "Target tracking is not among the policies compared: turn it back on.".into(),
        },
    },
];
