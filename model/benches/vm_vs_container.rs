//! Benchmarks of the VM-vs-container demo's entry points on PhotoShare's task and host.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::vm_vs_container::{self, VmVsContainerParams};
use criterion::Criterion;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let p = VmVsContainerParams::default();
    c.bench_function("vm_vs_container::evaluate (PhotoShare)", |b| {
        b.iter(|| vm_vs_container::evaluate(black_box(&p)))
    });
    let items = vec![p.demand(vm_vs_container::Isolation::Container); 64];
    c.bench_function("vm_vs_container::pack (64 containers)", |b| {
        b.iter(|| vm_vs_container::pack(black_box(p.free()), black_box(&items)))
    });
    let query = Query::parse("hcpu=8&hmem=64&cpu=0.25&mem=0.5&build=single");
    c.bench_function("vm_vs_container::from_query + to_query", |b| {
        b.iter(|| {
            VmVsContainerParams::from_query(black_box(&query))
                .0
                .to_query()
        })
    });
}
