//! Benchmarks of the cost model's entry points on the worked example's bill.

use cloud_lab_model::cost::{self, CostParams};
use cloud_lab_model::link::{LinkState, Query};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = CostParams::default();
    c.bench_function("cost::evaluate (PhotoShare)", |b| {
        b.iter(|| cost::evaluate(black_box(&p)))
    });
    let outcome = cost::evaluate(&p).expect("the worked example is valid");
    c.bench_function("cost::bill_csv (PhotoShare)", |b| {
        b.iter(|| cost::bill_csv(black_box(&outcome)))
    });
    let changed = CostParams {
        multi_az: false,
        average_tasks: 3.0,
        ..CostParams::default()
    };
    let query = Query::parse(&changed.to_query());
    c.bench_function("cost::to_query + from_query", |b| {
        b.iter(|| {
            (
                black_box(&changed).to_query(),
                CostParams::from_query(black_box(&query)),
            )
        })
    });
}
