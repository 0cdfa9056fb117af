//! Benchmarks of the cache & CDN model: the worked example (measured 92 %) and the
//! popularity preset: 100,000 images in rank groups, the burst, and the cold-cache series.

use crate::{round_trip, time};
use cloud_lab_model::cache_cdn::{self, CacheCdnParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = CacheCdnParams::default();
    time(
        c,
        "cache_cdn::evaluate (PhotoShare, measured 92 %)",
        &p,
        cache_cdn::evaluate,
    );
    let zipf = CacheCdnParams::zipf_preset();
    time(
        c,
        "cache_cdn::evaluate (Zipf preset)",
        &zipf,
        cache_cdn::evaluate,
    );
    time(c, "cache_cdn::staleness", &5.0, |&reads_per_s| {
        cache_cdn::staleness(reads_per_s, 6.0 / 3_600.0, 300.0, Some(2.0))
    });
    round_trip(c, "cache_cdn::to_query + from_query", &zipf);
}
