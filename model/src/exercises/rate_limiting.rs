//! Rate limiting: what a token bucket admits, whom a per-client bucket protects, and a limit
//! set to what the app can serve.

use super::{number, percent, Exercise, Kind};
use crate::rate_limiting::{Limiter, RateLimitOutcome, RateLimitParams, ScenarioRun};

type P = RateLimitParams;
type O = RateLimitOutcome;

fn run(o: &O, limiter: Limiter) -> Option<&ScenarioRun> {
    o.runs.iter().find(|r| r.limiter == limiter)
}

fn in_time(r: &ScenarioRun) -> f64 {
    r.well_behaved_in_time_share.unwrap_or(0.0)
}

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "bucket-admits",
        title: "What a token bucket admits",
        setup: |_| {},
        question: |p, _| {
            format!(
                "A token bucket holds {} tokens and gets {} new ones a second. At most, how many \
                 requests can it admit in a {} s flood?",
                number(p.burst),
                number(p.rate_per_s),
                p.burst_length_s
            )
        },
        kind: Kind::predict(|_, o| o.max_admitted_in_burst, 0.5, "requests"),
        hint: "A full bucket lets its whole burst through at once, then the refill is the pace.",
        why: |p, o| {
            format!(
                "Most admitted = burst + rate × seconds = {} + {} × {} = {}.",
                number(p.burst),
                number(p.rate_per_s),
                p.burst_length_s,
                number(o.max_admitted_in_burst)
            )
        },
    },
    Exercise {
        slug: "who-is-protected",
        title: "Which limiter protects the others",
        setup: |_| {},
        question: |p, o| {
            format!(
                "{} clients use the origin; one of them floods it for {} s, pushing the load to \
                 {} req/s. Which limiter keeps the most of the other clients' requests served in \
                 time?",
                p.clients,
                p.burst_length_s,
                number(o.offered_burst_per_s)
            )
        },
        kind: Kind::Choose {
            options: &["No limiter", "One global bucket", "A bucket per client"],
            answer: |_, o| {
                let share = |l| run(o, l).map_or(-1.0, in_time);
                let mut best = 0;
                for (k, l) in Limiter::ALL.into_iter().enumerate() {
                    if share(l) > share(Limiter::ALL[best]) {
                        best = k;
                    }
                }
                best
            },
        },
        hint: "A global bucket does not know whose request it is refusing.",
        why: |_, o| {
            let parts: Vec<String> = o
                .runs
                .iter()
                .map(|r| format!("{}: {}", r.limiter.title(), percent(in_time(r))))
                .collect();
            format!(
                "Well-behaved requests served in time — {}. A bucket per client gives each {} \
                 req/s and a burst of {}.",
                parts.join("; "),
                number(o.per_client_rate_per_s),
                number(o.per_client_burst)
            )
        },
    },
    Exercise {
        slug: "limit-at-capacity",
        title: "A limit the app can serve",
        setup: |p| {
            p.rate_per_s = p.capacity_per_s * 5.0 / 3.0;
            p.burst = p.rate_per_s;
        },
        question: |p, _| {
            format!(
                "The global bucket admits {} req/s with a burst of {}, but the app serves only \
                 {} req/s. Set the limiter so that the app is never overloaded, even during the \
                 flood.",
                number(p.rate_per_s),
                number(p.burst),
                number(p.capacity_per_s)
            )
        },
        kind: Kind::Goal {
            met: |_, o| run(o, Limiter::Global).is_some_and(|r| r.overloaded_seconds == 0),
            show_me: |p| {
                p.rate_per_s = p.capacity_per_s;
                p.burst = p.capacity_per_s;
            },
        },
        hint: "A limiter protects the app only if it admits no more than the app can serve.",
        why: |p, o| match run(o, Limiter::Global) {
            Some(r) => format!(
                "A bucket of {} req/s (burst {}) in front of an app serving {} req/s: {} \
                 overloaded second(s), {} of requests failed or refused.",
                number(p.rate_per_s),
                number(p.burst),
                number(p.capacity_per_s),
                r.overloaded_seconds,
                percent(r.error_share)
            ),
            None => "The run with one global bucket is missing.".into(),
        },
    },
];
