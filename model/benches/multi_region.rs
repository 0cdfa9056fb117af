//! Benchmarks of the multi-region model on the worked example's defaults.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::multi_region::{self, MultiRegionParams};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = MultiRegionParams::default();
    c.bench_function("multi_region::evaluate (PhotoShare)", |b| {
        b.iter(|| multi_region::evaluate(black_box(&p)))
    });
    c.bench_function("multi_region::failover", |b| {
        b.iter(|| multi_region::failover(black_box(&p)))
    });
    let changed = MultiRegionParams {
        health_check_interval_s: 10,
        standby_multi_az: false,
        ..MultiRegionParams::default()
    };
    let query = Query::parse(&changed.to_query());
    c.bench_function("multi_region::to_query + from_query", |b| {
        b.iter(|| {
            (
                black_box(&changed).to_query(),
                MultiRegionParams::from_query(black_box(&query)),
            )
        })
    });
}
