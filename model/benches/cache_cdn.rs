//! Benchmarks of the cache & CDN model: the worked example (measured 92 %) and the
//! popularity preset: 100,000 images in rank groups, the burst, and the cold-cache series.

use cloud_lab_model::cache_cdn::{self, CacheCdnParams};
use cloud_lab_model::link::{LinkState, Query};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = CacheCdnParams::default();
    c.bench_function("cache_cdn::evaluate (PhotoShare, measured 92 %)", |b| {
        b.iter(|| cache_cdn::evaluate(black_box(&p)))
    });
    let zipf = CacheCdnParams::zipf_preset();
    c.bench_function("cache_cdn::evaluate (Zipf preset)", |b| {
        b.iter(|| cache_cdn::evaluate(black_box(&zipf)))
    });
    c.bench_function("cache_cdn::staleness", |b| {
        b.iter(|| cache_cdn::staleness(black_box(5.0), 6.0 / 3_600.0, 300.0, Some(2.0)))
    });
    let query = Query::parse(&zipf.to_query());
    c.bench_function("cache_cdn::to_query + from_query", |b| {
        b.iter(|| {
            (
                black_box(&zipf).to_query(),
                CacheCdnParams::from_query(black_box(&query)),
            )
        })
    });
}
