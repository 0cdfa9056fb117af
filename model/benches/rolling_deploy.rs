//! Benchmarks of the rolling-deploy simulation on PhotoShare's service.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::rolling_deploy::{self, NewBuild, RollingDeployParams};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = RollingDeployParams::default();
    c.bench_function("rolling_deploy::simulate (PhotoShare, good build)", |b| {
        b.iter(|| rolling_deploy::simulate(black_box(&p)))
    });
    let bad = RollingDeployParams {
        build: NewBuild::Bad,
        ..RollingDeployParams::default()
    };
    c.bench_function("rolling_deploy::simulate (bad build)", |b| {
        b.iter(|| rolling_deploy::simulate(black_box(&bad)))
    });
    let query = Query::parse("n=2&new=bad&cb=1&lose=120&az=b");
    c.bench_function("rolling_deploy::from_query + to_query", |b| {
        b.iter(|| {
            RollingDeployParams::from_query(black_box(&query))
                .0
                .to_query()
        })
    });
}
