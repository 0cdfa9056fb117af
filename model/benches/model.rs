//! Criterion benchmarks for every model entry point.

use cloud_lab_model::availability::{self, AvailabilityParams};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn availability(c: &mut Criterion) {
    let p = AvailabilityParams::default();
    c.bench_function("availability::evaluate (PhotoShare)", |b| {
        b.iter(|| availability::evaluate(black_box(&p)))
    });
}

criterion_group!(benches, availability);
criterion_main!(benches);
