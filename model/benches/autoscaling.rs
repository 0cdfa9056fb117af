//! Benchmarks of the autoscaling model's entry points: the worked example's two hours,
//! and a whole diurnal day at one-second steps (the budget: about 2 ms).

use cloud_lab_model::autoscaling::{self, AutoscalingParams, Preset};
use cloud_lab_model::link::{LinkState, Query};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = AutoscalingParams::default();
    c.bench_function("autoscaling::simulate (PhotoShare, 2 h)", |b| {
        b.iter(|| autoscaling::simulate(black_box(&p)))
    });
    let day = Preset::DiurnalDay.params();
    c.bench_function("autoscaling::simulate (diurnal day, 2 policies)", |b| {
        b.iter(|| autoscaling::simulate(black_box(&day)))
    });
    c.bench_function("autoscaling::tasks_needed (9,000 req/s)", |b| {
        b.iter(|| autoscaling::tasks_needed(black_box(9_000.0), 0.92, 150.0, 0.60))
    });
    c.bench_function("autoscaling::edge_profile (diurnal day)", |b| {
        b.iter(|| autoscaling::edge_profile(black_box(&day)))
    });
    let flapping = Preset::Flapping.params();
    let query = Query::parse(&flapping.to_query());
    c.bench_function("autoscaling::to_query + from_query (flapping)", |b| {
        b.iter(|| {
            (
                black_box(&flapping).to_query(),
                AutoscalingParams::from_query(black_box(&query)),
            )
        })
    });
}
