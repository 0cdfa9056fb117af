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
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn availability(c: &mut Criterion) {
    let p = AvailabilityParams::default();
    c.bench_function("availability::evaluate", |b| {
        b.iter(|| availability::evaluate(black_box(&p)))
    });
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
