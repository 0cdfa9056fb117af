//! Criterion benchmarks for every model entry point, on the worked example's params.
//! Run with `cargo bench -p cloud-lab-model --bench model`.

mod autoscaling;
mod cache_cdn;
mod cost;
mod failure_drill;
mod iac_drift;
mod multi_region;
mod rate_limiting;
mod rolling_deploy;
mod scenario;
mod serverless;
mod service_models;
mod tour;
mod vm_vs_container;

use cloud_lab_model::availability::{self, AvailabilityParams};
use cloud_lab_model::link::{LinkState, Query};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// Times `f` on `input`, hidden from the optimizer: a benchmark in one statement.
pub fn time<I, O>(c: &mut Criterion, name: &str, input: &I, f: impl Fn(&I) -> O) {
    c.bench_function(name, |b| b.iter(|| f(black_box(input))));
}

/// Times `f` on each input, named `<name> (<what the input is>)`.
pub fn time_each<I, O>(c: &mut Criterion, name: &str, runs: &[(&str, I)], f: impl Fn(&I) -> O) {
    for (what, input) in runs {
        time(c, &format!("{name} ({what})"), input, &f);
    }
}

/// Times writing params to their link and reading the link back.
pub fn round_trip<P: LinkState>(c: &mut Criterion, name: &str, p: &P) {
    let query = Query::parse(&p.to_query());
    time(c, name, p, |p| {
        (p.to_query(), P::from_query(black_box(&query)))
    });
}

/// Times reading a link and writing the params it gives back as a link.
pub fn read_write<P: LinkState>(c: &mut Criterion, name: &str, query: &str) {
    time(c, name, &Query::parse(query), |q| {
        P::from_query(q).0.to_query()
    });
}

fn availability(c: &mut Criterion) {
    time(
        c,
        "availability::evaluate",
        &AvailabilityParams::default(),
        availability::evaluate,
    );
}

criterion_group!(
    benches,
    availability,
    autoscaling::bench,
    cache_cdn::bench,
    cost::bench,
    failure_drill::bench,
    iac_drift::bench,
    multi_region::bench,
    rate_limiting::bench,
    rolling_deploy::bench,
    scenario::bench,
    serverless::bench,
    service_models::bench,
    tour::bench,
    vm_vs_container::bench
);
criterion_main!(benches);
