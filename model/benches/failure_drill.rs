//! Benchmarks of the failure drill on PhotoShare's steady state.

use cloud_lab_model::failure_drill::{self, FailureDrillParams, Preset};
use cloud_lab_model::link::{LinkState, Query};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = FailureDrillParams::default();
    c.bench_function("failure_drill::simulate (one task fails)", |b| {
        b.iter(|| failure_drill::simulate(black_box(&p)))
    });
    let burst = Preset::AzLossAtBurst.params();
    c.bench_function("failure_drill::simulate (AZ lost at the burst)", |b| {
        b.iter(|| failure_drill::simulate(black_box(&burst)))
    });
    let query = Query::parse("load=9000&n=8&maz=0&fail=az:b@900,db@1200");
    c.bench_function("failure_drill::from_query + to_query", |b| {
        b.iter(|| {
            FailureDrillParams::from_query(black_box(&query))
                .0
                .to_query()
        })
    });
}
