//! Benchmarks of the rate-limiting model: the default two minutes and a 17-minute run through
//! three limiters, and one bucket over an hour of arrivals.

use crate::{round_trip, time};
use cloud_lab_model::rate_limiting::{self, RateLimitParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = RateLimitParams::default();
    let name = "rate_limiting::simulate (PhotoShare spike, 12 clients)";
    time(c, name, &p, rate_limiting::simulate);
    // The run-length field a quarter of its range up: 17 minutes, second by second.
    let long = RateLimitParams {
        duration_s: 1_020,
        ..RateLimitParams::default()
    };
    let name = "rate_limiting::simulate (17 min, 12 clients)";
    time(c, name, &long, rate_limiting::simulate);
    let arrivals: Vec<u64> = (0..3_600)
        .map(|t| if t % 60 < 5 { 500 } else { 50 })
        .collect();
    time(
        c,
        "rate_limiting::token_bucket (1 h, queue 10 s)",
        &arrivals,
        |a| rate_limiting::token_bucket(a, 100.0, 200.0, 10),
    );
    let changed = RateLimitParams {
        max_wait_s: 5,
        clients: 20,
        ..RateLimitParams::default()
    };
    round_trip(c, "rate_limiting::to_query + from_query", &changed);
}
