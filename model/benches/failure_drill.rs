//! Benchmarks of the failure drill on PhotoShare's steady state.

use crate::{read_write, time};
use cloud_lab_model::failure_drill::{self, FailureDrillParams, Preset};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = FailureDrillParams::default();
    time(
        c,
        "failure_drill::simulate (one task fails)",
        &p,
        failure_drill::simulate,
    );
    let burst = Preset::AzLossAtBurst.params();
    time(
        c,
        "failure_drill::simulate (AZ lost at the burst)",
        &burst,
        failure_drill::simulate,
    );
    let query = "load=9000&n=8&maz=0&fail=az:b@900,db@1200";
    read_write::<FailureDrillParams>(c, "failure_drill::from_query + to_query", query);
}
