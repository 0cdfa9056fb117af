//! Benchmarks of the service-models demo's entry points on the default view.

use crate::{read_write, time};
use cloud_lab_model::service_models::{self, ServiceModelsParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = ServiceModelsParams::default();
    time(
        c,
        "service_models::evaluate (PhotoShare)",
        &p,
        service_models::evaluate,
    );
    time(
        c,
        "service_models::grade",
        &(5, 0),
        |&(question, choice)| service_models::grade(question, choice),
    );
    let query = "tier=db&model=paas&ans=10-2";
    read_write::<ServiceModelsParams>(c, "service_models::from_query + to_query", query);
}
