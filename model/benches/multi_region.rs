//! Benchmarks of the multi-region model on the worked example's defaults.

use crate::{round_trip, time};
use cloud_lab_model::multi_region::{self, MultiRegionParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = MultiRegionParams::default();
    time(
        c,
        "multi_region::evaluate (PhotoShare)",
        &p,
        multi_region::evaluate,
    );
    time(c, "multi_region::failover", &p, multi_region::failover);
    let changed = MultiRegionParams {
        health_check_interval_s: 10,
        standby_multi_az: false,
        ..MultiRegionParams::default()
    };
    round_trip(c, "multi_region::to_query + from_query", &changed);
}
