//! Multi-region: what a regional failover loses (RPO), how long it takes (RTO), and which
//! step dominates.

use super::{number, Exercise, Kind};
use crate::multi_region::{Failover, MultiRegionOutcome, MultiRegionParams};

type P = MultiRegionParams;
type O = MultiRegionOutcome;

/// The failover's steps at worst, in the "slowest step" options' order.
fn steps(f: &Failover) -> [f64; 3] {
    [
        f.detection_worst_s,
        f.users_on_standby_worst_s - f.detection_worst_s,
        f.database_promoted_worst_s - f.detection_worst_s,
    ]
}

/// Worst-case recovery the goal asks for, in seconds.
const RTO_GOAL_S: f64 = 180.0;

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "writes-lost",
        title: "Writes a failover loses",
        setup: |_| {},
        question: |p, _| {
            format!(
                "The standby's database replica runs {} s behind the primary, and PhotoShare \
                 writes {} times a second. If the primary region is lost, how many writes can be \
                 lost with it?",
                number(p.replication_lag_s),
                number(p.writes_per_s)
            )
        },
        kind: Kind::predict(|_, o| o.failover.writes_lost, 0.5, "writes"),
        hint: "What the replica has not received yet is gone: the lag is the recovery point.",
        why: |p, o| {
            format!(
                "RPO = replication lag = {} s; writes lost = RPO × writes per second = {} × {} = \
                 {}.",
                number(o.failover.rpo_s),
                number(o.failover.rpo_s),
                number(p.writes_per_s),
                number(o.failover.writes_lost)
            )
        },
    },
    Exercise {
        slug: "slowest-step",
        title: "The failover's slowest step",
        setup: |_| {},
        question: |p, _| {
            format!(
                "Route 53 checks the primary every {} s and fails over after {} failed checks; \
                 resolvers cache the answer for up to {} s; promoting the replica takes {} s. \
                 Which step makes the failover longest?",
                p.health_check_interval_s,
                p.failure_threshold,
                p.record.ttl_s() + p.client_cache_extra_s,
                p.promotion_s + p.decision_s
            )
        },
        kind: Kind::Choose {
            options: &[
                "Detecting the failure",
                "Resolvers still caching the old answer",
                "Promoting the database replica",
            ],
            answer: |_, o| {
                let s = steps(&o.failover);
                let later = usize::from(s[2] > s[1]) + 1;
                if s[0] >= s[later] {
                    0
                } else {
                    later
                }
            },
        },
        hint: "After detection, the DNS switch and the promotion happen side by side: the longer \
               of the two counts.",
        why: |_, o| {
            let [detect, dns, promote] = steps(&o.failover);
            format!(
                "At worst: detection {} s, then DNS {} s and promotion {} s side by side; \
                 recovery (RTO) = {} + max({}, {}) = {} s.",
                number(detect),
                number(dns),
                number(promote),
                number(detect),
                number(dns),
                number(promote),
                number(o.failover.rto_worst_s)
            )
        },
    },
    Exercise {
        slug: "rto-under-three-minutes",
        title: "Recover within 3 minutes",
        setup: |_| {},
        question: |_, o| {
            format!(
                "At worst, users wait {} s before the standby region serves them fully. Bring the \
                 worst-case recovery time under {} s.",
                number(o.failover.rto_worst_s),
                number(RTO_GOAL_S)
            )
        },
        kind: Kind::Goal {
            met: |_, o| o.failover.rto_worst_s < RTO_GOAL_S,
            show_me: |p| p.promotion_s = p.promotion_s.min(60),
        },
        hint: "Find the slowest step first: shortening the others changes nothing.",
        why: |_, o| {
            let f = &o.failover;
            format!(
                "Your settings: detection {} s, users on the standby after {} s, database \
                 promoted after {} s: recovery at worst {} s.",
                number(f.detection_worst_s),
                number(f.users_on_standby_worst_s),
                number(f.database_promoted_worst_s),
                number(f.rto_worst_s)
            )
        },
    },
];
