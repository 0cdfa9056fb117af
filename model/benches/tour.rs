//! Benchmarks of the tour: every check on the worked example, and the trade-offs table.

use cloud_lab_model::scenario::Scenario;
use cloud_lab_model::tour::{self, TOUR};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let s = Scenario::default();
    c.bench_function("tour: every step's checks", |b| {
        b.iter(|| {
            TOUR.iter()
                .map(|step| step.run_checks(black_box(&s)).len())
                .sum::<usize>()
        })
    });
    c.bench_function("tour::tradeoffs", |b| {
        b.iter(|| tour::tradeoffs(black_box(&s)))
    });
}
