//! Benchmarks of the IaC drift model's entry points on PhotoShare's configuration.

use cloud_lab_model::iac_drift::{self, ConsoleClick, IacDriftParams, World, PHOTOSHARE_TF};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    c.bench_function("iac_drift::parse_config (PhotoShare)", |b| {
        b.iter(|| iac_drift::parse_config(black_box(PHOTOSHARE_TF)))
    });
    let config = iac_drift::parse_config(PHOTOSHARE_TF).expect("the worked example parses");
    let mut drifted = World::deployed(&config);
    for click in ConsoleClick::ALL {
        iac_drift::click(&mut drifted, click);
    }
    c.bench_function("iac_drift::refresh (every click)", |b| {
        b.iter(|| iac_drift::refresh(black_box(&config), black_box(&drifted)))
    });
    c.bench_function("iac_drift::plan (every click)", |b| {
        b.iter(|| iac_drift::plan(black_box(&config), black_box(&drifted)))
    });
    c.bench_function("iac_drift::apply (every click)", |b| {
        b.iter(|| iac_drift::apply(black_box(&config), &mut drifted.clone()))
    });
    c.bench_function("iac_drift::evaluate (PhotoShare)", |b| {
        b.iter(|| iac_drift::evaluate(black_box(&IacDriftParams::default())))
    });
}
