//! Benchmarks of the shared scenario: applying it to every demo, and its link.

use crate::time;
use cloud_lab_model::cost::CostParams;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::scenario::{self, Scenario};
use criterion::Criterion;

/// A demo's default params with the scenario's values taken in.
fn taken<P: Default>(s: &Scenario, take: fn(&Scenario, &mut P)) -> P {
    let mut p = P::default();
    take(s, &mut p);
    p
}

pub fn bench(c: &mut Criterion) {
    time(
        c,
        "scenario::apply_to_* (every demo)",
        &Scenario::default(),
        |s| {
            (
                taken(s, scenario::apply_to_availability),
                taken(s, scenario::apply_to_cost),
                taken(s, scenario::apply_to_autoscaling),
                taken(s, scenario::apply_to_serverless),
                taken(s, scenario::apply_to_rolling_deploy),
                taken(s, scenario::apply_to_failure_drill),
            )
        },
    );
    let cost = CostParams {
        multi_az: false,
        ..CostParams::default()
    };
    time(c, "scenario::from_cost + update", &cost, |cost| {
        let mut s = Scenario::default();
        s.update(&scenario::from_cost(cost));
        s
    });
    let query = "maz=0&s.hit=85~autoscaling&s.maz=0~cost&s.hc=15/5/2/2~rolling-deploy";
    time(
        c,
        "scenario::split + from_query + to_query",
        &Query::parse(query),
        |q| {
            let (s, _) = scenario::split(q);
            Scenario::from_query(&s).0.to_query()
        },
    );
}
