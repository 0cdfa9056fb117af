//! Benchmarks of the failure drill on PhotoShare's steady state.

use crate::{read_write, time_each};
use cloud_lab_model::failure_drill::{self, FailureDrillParams, Preset};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let runs = [
        ("one task fails", FailureDrillParams::default()),
        ("AZ lost at the burst", Preset::AzLossAtBurst.params()),
    ];
    time_each(c, "failure_drill::simulate", &runs, failure_drill::simulate);
    let query = "load=9000&n=8&maz=0&fail=az:b@900,db@1200";
    read_write::<FailureDrillParams>(c, "failure_drill::from_query + to_query", query);
}
