//! Benchmarks of the autoscaling model's entry points: the worked example's two hours,
//! and a whole diurnal day at one-second steps (the budget: about 2 ms).

use crate::{round_trip, time};
use cloud_lab_model::autoscaling::{self, AutoscalingParams, Preset};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = AutoscalingParams::default();
    time(
        c,
        "autoscaling::simulate (PhotoShare, 2 h)",
        &p,
        autoscaling::simulate,
    );
    let day = Preset::DiurnalDay.params();
    time(
        c,
        "autoscaling::simulate (diurnal day, 2 policies)",
        &day,
        autoscaling::simulate,
    );
    time(
        c,
        "autoscaling::tasks_needed (9,000 req/s)",
        &9_000.0,
        |&load| autoscaling::tasks_needed(load, 0.92, 150.0, 0.60),
    );
    time(
        c,
        "autoscaling::edge_profile (diurnal day)",
        &day,
        autoscaling::edge_profile,
    );
    let flapping = Preset::Flapping.params();
    round_trip(
        c,
        "autoscaling::to_query + from_query (flapping)",
        &flapping,
    );
}
