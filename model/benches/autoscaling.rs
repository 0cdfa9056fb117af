//! Benchmarks of the autoscaling model's entry points: the worked example's two hours,
//! and a whole diurnal day at one-second steps (the budget: about 2 ms).

use crate::{round_trip, time, time_each};
use cloud_lab_model::autoscaling::{self, AutoscalingParams, Preset};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let day = Preset::DiurnalDay.params();
    let runs = [
        ("PhotoShare, 2 h", AutoscalingParams::default()),
        ("diurnal day, 2 policies", day.clone()),
    ];
    time_each(c, "autoscaling::simulate", &runs, autoscaling::simulate);
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
