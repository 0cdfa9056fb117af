//! Serverless: what functions bill (requests and GB-seconds), and the load below which they
//! cost less than an always-on fleet.

use super::{number, Exercise, Kind};
use crate::serverless::{Cheaper, ServerlessOutcome, ServerlessParams};

type P = ServerlessParams;
type O = ServerlessOutcome;

fn bills(o: &O) -> String {
    let crossover = o.curves.crossover.map_or(String::new(), |c| {
        format!(
            " They cost the same at {} {}.",
            number(c.rate_per_s),
            o.at.rate_unit
        )
    });
    format!(
        "At {} {}, functions cost ${} a month (requests ${}, front door ${}, compute ${}) and \
         the fleet of {} task(s) ${}.{crossover}",
        number(o.at.rate_per_s),
        o.at.rate_unit,
        o.at.functions.total_usd,
        o.at.functions.requests_usd,
        o.at.functions.gateway_usd,
        o.at.functions.compute_usd,
        o.at.fleet.tasks,
        o.at.fleet.total_usd
    )
}

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "gb-seconds",
        title: "A month's GB-seconds",
        setup: |_| {},
        question: |p, o| {
            format!(
                "Requests arrive at {} {} all month ({} h), each running {} ms in a function with {} MB of \
                 memory. How many million GB-seconds does Lambda bill a month?",
                number(o.at.rate_per_s),
                o.at.rate_unit,
                number(p.hours_per_month),
                number(p.duration_ms),
                p.memory_mb
            )
        },
        kind: Kind::predict(
            |_, o| o.at.functions.gb_s.to_f64() / 1e6,
            0.1,
            "million GB-s",
        ),
        hint: "GB-seconds = invocations × seconds each × GB of memory (1,024 MB to the GB).",
        why: |p, o| {
            format!(
                "{} invocations × {} s × {} GB = {} GB-s.",
                number(o.at.functions.requests_per_month as f64),
                number(p.duration_ms / 1000.0),
                number(f64::from(p.memory_mb) / 1024.0),
                number(o.at.functions.gb_s.to_f64())
            )
        },
    },
    Exercise {
        slug: "cheaper-at-this-load",
        title: "Functions or the fleet",
        setup: |_| {},
        question: |_, o| {
            format!(
                "PhotoShare's API gets {} {} all month. Which costs less to run it?",
                number(o.at.rate_per_s),
                o.at.rate_unit
            )
        },
        kind: Kind::Choose {
            options: &[
                "Lambda functions",
                "The Fargate fleet",
                "They cost the same",
            ],
            answer: |_, o| match o.at.cheaper {
                Cheaper::Functions => 0,
                Cheaper::Fleet => 1,
                Cheaper::Same => 2,
            },
        },
        hint: "Functions bill every request; the fleet bills its tasks whether busy or idle.",
        why: |_, o| bills(o),
    },
    Exercise {
        slug: "where-functions-win",
        title: "A load where functions win",
        setup: |_| {},
        question: |_, o| {
            format!(
                "At {} {}, the fleet is cheaper. Find a steady load at which functions cost less \
                 than the fleet.",
                number(o.at.rate_per_s),
                o.at.rate_unit
            )
        },
        kind: Kind::Goal {
            met: |_, o| o.at.cheaper == Cheaper::Functions,
            show_me: |p| p.rate_per_s /= 20.0,
        },
        hint: "The fleet's floor of tasks costs the same at any load below what it can serve.",
        why: |_, o| bills(o),
    },
];
