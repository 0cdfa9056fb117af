//! Benchmarks of the serverless crossover's entry points on both presets.

use crate::time;
use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::serverless::{self, Preset, ServerlessParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    for preset in Preset::ALL {
        let name = format!("serverless::evaluate ({})", preset.slug());
        time(
            c,
            &name,
            &ServerlessParams::preset(preset),
            serverless::evaluate,
        );
    }
    let pricing = serverless::Pricing::new(&ServerlessParams::default())
        .expect("the worked example's prices fit");
    // 96 req/s for 730 h.
    let requests = 252_288_000;
    time(
        c,
        "serverless::Pricing::functions (PhotoShare API)",
        &requests,
        |&n| pricing.functions(n),
    );
    time(
        c,
        "serverless::Pricing::fleet (PhotoShare API)",
        &requests,
        |&n| pricing.fleet(n),
    );
    let query = Query::parse("preset=thumbnails&rate=1.5&arch=arm");
    time(
        c,
        "serverless::from_query",
        &query,
        ServerlessParams::from_query,
    );
}
