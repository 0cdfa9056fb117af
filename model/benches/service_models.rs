//! Benchmarks of the service-models demo's entry points on the default view.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::service_models::{self, ServiceModelsParams};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = ServiceModelsParams::default();
    c.bench_function("service_models::evaluate (PhotoShare)", |b| {
        b.iter(|| service_models::evaluate(black_box(&p)))
    });
    c.bench_function("service_models::grade", |b| {
        b.iter(|| service_models::grade(black_box(5), black_box(0)))
    });
    let query = Query::parse("tier=db&model=paas&ans=10-2");
    c.bench_function("service_models::from_query + to_query", |b| {
        b.iter(|| {
            ServiceModelsParams::from_query(black_box(&query))
                .0
                .to_query()
        })
    });
}
