//! Benchmarks of the shared scenario: applying it to every demo, and its link.

use cloud_lab_model::autoscaling::AutoscalingParams;
use cloud_lab_model::availability::AvailabilityParams;
use cloud_lab_model::cost::CostParams;
use cloud_lab_model::failure_drill::FailureDrillParams;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::rolling_deploy::RollingDeployParams;
use cloud_lab_model::scenario::{self, Scenario};
use cloud_lab_model::serverless::ServerlessParams;
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let s = Scenario::default();
    c.bench_function("scenario::apply_to_* (every demo)", |b| {
        b.iter(|| {
            let s = black_box(&s);
            let mut a = AvailabilityParams::default();
            scenario::apply_to_availability(s, &mut a);
            let mut k = CostParams::default();
            scenario::apply_to_cost(s, &mut k);
            let mut p = AutoscalingParams::default();
            scenario::apply_to_autoscaling(s, &mut p);
            let mut v = ServerlessParams::default();
            scenario::apply_to_serverless(s, &mut v);
            let mut r = RollingDeployParams::default();
            scenario::apply_to_rolling_deploy(s, &mut r);
            let mut f = FailureDrillParams::default();
            scenario::apply_to_failure_drill(s, &mut f);
            (a, k, p, v, r, f)
        })
    });
    let cost = CostParams {
        multi_az: false,
        ..CostParams::default()
    };
    c.bench_function("scenario::from_cost + update", |b| {
        b.iter(|| {
            let mut s = Scenario::default();
            s.update(&scenario::from_cost(black_box(&cost)));
            s
        })
    });
    let query =
        Query::parse("maz=0&s.hit=85~autoscaling&s.maz=0~cost&s.hc=15/5/2/2~rolling-deploy");
    c.bench_function("scenario::split + from_query + to_query", |b| {
        b.iter(|| {
            let (s, _) = scenario::split(black_box(&query));
            Scenario::from_query(&s).0.to_query()
        })
    });
}
