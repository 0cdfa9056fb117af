//! Serverless crossover (extension B of the worked example).
//!
//! The lesson: functions bill per request and per GB-second, so their cost is a
//! straight line through zero; an always-on fleet bills by the hour, so its
//! cost is a staircase that starts at the availability floor. Below the
//! crossover rate the functions are cheaper (the fleet would sit idle); above
//! it the fleet is. Scaling to zero has a price in latency too: after an idle
//! spell the next request waits for a cold start.
//!
//! Money is exact (see [`crate::money`]): a month is a whole number of requests,
//! Lambda bills each run's duration rounded up to the millisecond at a whole
//! number of MB, each charge is rounded half a cent up, and a bill is the sum of
//! its charges. The crossover is the first whole number of requests a month at
//! which the functions' bill reaches the fleet's, to the cent.

mod bills;
mod crossover;
mod params;

pub use bills::*;
pub use crossover::*;
pub use params::*;

use crate::documented::Documented;
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
use crate::money::{Decimal, Usd, TOO_LARGE};
use crate::photoshare::{self, cost as ps, printed};

/// When the function prices were read.
pub const PRICES_AS_OF: &str = "2025 (first pricing tier; illustrative)";
/// Where the function prices come from, for the page's footnote.
pub const PRICE_SOURCE: &str = "AWS Lambda and API Gateway pricing pages, us-east-1 list prices as shown in 2025 \
     (Lambda's eu-west-1 rates are the same), first tier only. Illustrative: re-check before relying on them. \
     The fleet uses the worked example's Fargate prices.";

/// What AWS documents about what the functions cost, and how the lab follows it.
pub const DOCUMENTED: [Documented; 5] = [
    Documented {
        says: "Lambda charges for requests and for duration: the time the code runs, rounded up \
to the nearest millisecond, times the memory configured, priced per GB-second. Each month's \
first 1 million requests and 400,000 GB-seconds are free.",
        lab: "A month's requests are rate × seconds, to the whole request; each run bills whole \
milliseconds (rounded up) at whole MB; a GB-second is 1,024 MB for 1,000 ms. Each charge is \
rounded to the cent, half a cent up.",
        source: "AWS Lambda Pricing",
        url: "https://aws.amazon.com/lambda/pricing/",
    },
    Documented {
        says: "A function's memory is set from 128 MB to 10,240 MB in 1-MB increments.",
        lab: "Memory is a whole number of MB in that range; anything else is refused in words.",
        source: "AWS Lambda Developer Guide: Configure Lambda function memory",
        url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
    },
    Documented {
        says: "Since 1 August 2025 the initialization (INIT) phase of a cold start is billed like \
the invocation's duration for every on-demand function.",
        lab:
            "Each cold start adds its init time to the billed duration (a switch turns this off to \
compare with the old rule); cold starts are e^(−λT) of the requests, to the whole invocation.",
        source: "AWS Compute Blog: AWS Lambda standardizes billing for INIT Phase",
        url: "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/",
    },
    Documented {
        says: "API Gateway charges per million API calls: HTTP APIs $1.00 and REST APIs $3.50 in \
the first tier.",
        lab:
            "The gateway's charge is requests × its price per million, rounded half a cent up; an \
S3 event has no gateway.",
        source: "Amazon API Gateway Pricing",
        url: "https://aws.amazon.com/api-gateway/pricing/",
    },
    Documented {
        says: "Lambda keeps an execution environment for a while after an invocation so the next \
can reuse it; how long is not published.",
        lab: "The lab's assumption: an idle environment is kept 10 minutes (5–15 is what \
measurements commonly see); the keep-alive field changes it.",
        source:
            "AWS Lambda Developer Guide: Understanding the Lambda execution environment lifecycle",
        url: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html",
    },
];

crate::demo! {
    /// The serverless demo in the lab's registry.
    Serverless: ServerlessParams => ServerlessOutcome, evaluate: evaluate, exercises: serverless,
    shares: [EdgeLoad, CdnHitRatio],
    take: crate::scenario::apply_to_serverless,
}

crate::claims! { Serverless: ServerlessParams => () {
    /// §3: the API preset's rate is the origin load behind the CDN, "≈ 96 req/s". It reads
    /// the params alone, so the page checks it without the curves (`Claim<_, ()>`); `None`
    /// for the thumbnail preset, where the figure does not apply.
    API_RATE: "The API's rate: the origin load", "≈ 96 req/s", Places(0),
        |p, _| (p.preset == Preset::Api).then_some(crate::claim::Live::Number(p.rate_per_s));
}}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_text_keeps_three_figures() {
        for (x, s) in [
            (19.7427, "19.7"),
            (2.4221, "2.42"),
            (0.001234, "0.00123"),
            (200.0, "200"),
            (1_234.6, "1235"),
            (0.0, "0"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(rate_text(x), s);
        }
    }

    #[test]
    fn first_reach_finds_the_lowest_crossing_of_a_line() {
        let line = |r: u64| Usd::from_cents(i128::from(r) * 2);
        assert_eq!(
            first_reach(&line, 0, 1_000, Usd::from_cents(501)),
            Some(251)
        );
        assert_eq!(
            first_reach(&line, 0, 1_000, Usd::from_cents(500)),
            Some(250)
        );
        assert_eq!(first_reach(&line, 0, 10, Usd::from_cents(500)), None);
        assert_eq!(first_reach(&line, 7, 7, Usd::from_cents(1)), None);
    }
}
