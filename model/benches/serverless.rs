//! Benchmarks of the serverless crossover's entry points on both presets.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::serverless::{self, Preset, ServerlessParams};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    for preset in Preset::ALL {
        let p = ServerlessParams::preset(preset);
        c.bench_function(&format!("serverless::evaluate ({})", preset.slug()), |b| {
            b.iter(|| serverless::evaluate(black_box(&p)))
        });
    }
    let p = ServerlessParams::default();
    c.bench_function("serverless::functions_bill (PhotoShare API)", |b| {
        b.iter(|| serverless::functions_bill(black_box(&p), black_box(96.0)))
    });
    c.bench_function("serverless::fleet_bill (PhotoShare API)", |b| {
        b.iter(|| serverless::fleet_bill(black_box(&p), black_box(96.0)))
    });
    let query = Query::parse("preset=thumbnails&rate=1.5&arch=arm");
    c.bench_function("serverless::from_query", |b| {
        b.iter(|| ServerlessParams::from_query(black_box(&query)))
    });
}
