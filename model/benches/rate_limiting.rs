//! Benchmarks of the rate-limiting model: the default two minutes through three limiters,
//! and one bucket over an hour of arrivals.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::rate_limiting::{self, RateLimitParams};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = RateLimitParams::default();
    c.bench_function(
        "rate_limiting::simulate (PhotoShare spike, 12 clients)",
        |b| b.iter(|| rate_limiting::simulate(black_box(&p))),
    );
    let arrivals: Vec<u64> = (0..3_600)
        .map(|t| if t % 60 < 5 { 500 } else { 50 })
        .collect();
    c.bench_function("rate_limiting::token_bucket (1 h, queue 10 s)", |b| {
        b.iter(|| rate_limiting::token_bucket(black_box(&arrivals), 100.0, 200.0, 10))
    });
    let changed = RateLimitParams {
        max_wait_s: 5,
        clients: 20,
        ..RateLimitParams::default()
    };
    let query = Query::parse(&changed.to_query());
    c.bench_function("rate_limiting::to_query + from_query", |b| {
        b.iter(|| {
            (
                black_box(&changed).to_query(),
                RateLimitParams::from_query(black_box(&query)),
            )
        })
    });
}
