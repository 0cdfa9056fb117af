//! Benchmarks of the VM-vs-container demo's entry points on PhotoShare's task and host.

use crate::{read_write, time};
use cloud_lab_model::vm_vs_container::{self, VmVsContainerParams};
use criterion::Criterion;

pub fn bench(c: &mut Criterion) {
    let p = VmVsContainerParams::default();
    time(
        c,
        "vm_vs_container::evaluate (PhotoShare)",
        &p,
        vm_vs_container::evaluate,
    );
    let items = vec![p.demand(vm_vs_container::Isolation::Container); 64];
    time(
        c,
        "vm_vs_container::pack (64 containers)",
        &items,
        |items| vm_vs_container::pack(p.free(), items),
    );
    let query = "hcpu=8&hmem=64&cpu=0.25&mem=0.5&build=single";
    read_write::<VmVsContainerParams>(c, "vm_vs_container::from_query + to_query", query);
}
