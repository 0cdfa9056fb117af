//! Benchmarks of the rolling-deploy simulation on PhotoShare's service.

use crate::{read_write, time_each};
use cloud_lab_model::rolling_deploy::{self, NewBuild, RollingDeployParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let bad = RollingDeployParams {
        build: NewBuild::Bad,
        ..RollingDeployParams::default()
    };
    let runs = [
        ("PhotoShare, good build", RollingDeployParams::default()),
        ("bad build", bad),
    ];
    time_each(
        c,
        "rolling_deploy::simulate",
        &runs,
        rolling_deploy::simulate,
    );
    let query = "n=2&new=bad&cb=1&lose=120&az=b";
    read_write::<RollingDeployParams>(c, "rolling_deploy::from_query + to_query", query);
}
