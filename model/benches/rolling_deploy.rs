//! Benchmarks of the rolling-deploy simulation on PhotoShare's service.

use crate::{read_write, time};
use cloud_lab_model::rolling_deploy::{self, NewBuild, RollingDeployParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = RollingDeployParams::default();
    time(
        c,
        "rolling_deploy::simulate (PhotoShare, good build)",
        &p,
        rolling_deploy::simulate,
    );
    let bad = RollingDeployParams {
        build: NewBuild::Bad,
        ..RollingDeployParams::default()
    };
    time(
        c,
        "rolling_deploy::simulate (bad build)",
        &bad,
        rolling_deploy::simulate,
    );
    let query = "n=2&new=bad&cb=1&lose=120&az=b";
    read_write::<RollingDeployParams>(c, "rolling_deploy::from_query + to_query", query);
}
