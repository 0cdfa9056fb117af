//! Benchmarks of the cost model's entry points on the worked example's bill.

use crate::{round_trip, time};
use cloud_lab_model::cost::{self, CostParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = CostParams::default();
    time(c, "cost::evaluate (PhotoShare)", &p, cost::evaluate);
    let outcome = cost::evaluate(&p).expect("the worked example is valid");
    time(c, "cost::bill_csv (PhotoShare)", &outcome, cost::bill_csv);
    let changed = CostParams {
        multi_az: false,
        average_tasks: 3.0,
        ..CostParams::default()
    };
    round_trip(c, "cost::to_query + from_query", &changed);
}
