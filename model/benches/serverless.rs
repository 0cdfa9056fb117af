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
    let pricing = serverless::Pricing::new(&ServerlessParams::default())
        .expect("the worked example's prices fit");
    // 96 req/s for 730 h.
    let requests = 252_288_000;
    c.bench_function("serverless::Pricing::functions (PhotoShare API)", |b| {
        b.iter(|| pricing.functions(black_box(requests)))
    });
    c.bench_function("serverless::Pricing::fleet (PhotoShare API)", |b| {
        b.iter(|| pricing.fleet(black_box(requests)))
    });
    let query = Query::parse("preset=thumbnails&rate=1.5&arch=arm");
    c.bench_function("serverless::from_query", |b| {
        b.iter(|| ServerlessParams::from_query(black_box(&query)))
    });
}
