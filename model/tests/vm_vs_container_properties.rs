//! Invariants of the VM-vs-container model, over generated inputs.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::vm_vs_container::*;
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..100.0;

fn fp(vcpu: f64, memory_gib: f64) -> Footprint {
    Footprint { vcpu, memory_gib }
}

proptest! {
    #[test]
    fn more_host_memory_never_fits_fewer(host_gib in 1.0..512.0f64, extra in 0.0..512.0f64, cpu in 0.0625..8.0f64, gib in 0.0625..16.0f64) {
        let base = VmVsContainerParams { host: fp(64.0, host_gib), app: fp(cpu, gib), ..Default::default() };
        let more = VmVsContainerParams { host: fp(64.0, host_gib + extra), ..base.clone() };
        let (a, b) = (evaluate(&base).unwrap(), evaluate(&more).unwrap());
        for (x, y) in a.kinds.iter().zip(&b.kinds) {
            prop_assert!(y.fits_per_host >= x.fits_per_host, "{:?}", x.kind);
        }
    }

    #[test]
    fn more_host_cpu_never_fits_fewer(vcpu in 1.0..256.0f64, extra in 0.0..256.0f64, cpu in 0.0625..8.0f64) {
        let base = VmVsContainerParams { host: fp(vcpu, 256.0), app: fp(cpu, 1.0), ..Default::default() };
        let more = VmVsContainerParams { host: fp(vcpu + extra, 256.0), ..base.clone() };
        let (a, b) = (evaluate(&base).unwrap(), evaluate(&more).unwrap());
        for (x, y) in a.kinds.iter().zip(&b.kinds) {
            prop_assert!(y.fits_per_host >= x.fits_per_host, "{:?}", x.kind);
        }
    }

    #[test]
    fn a_heavier_guest_os_never_fits_more(os_mib in 0.0..4096.0f64, extra in 0.0..4096.0f64) {
        let mut base = VmVsContainerParams::default();
        base.full_vm.guest_os_memory_mib = os_mib;
        let mut heavier = base.clone();
        heavier.full_vm.guest_os_memory_mib = os_mib + extra;
        let fit = |p: &VmVsContainerParams| evaluate(p).unwrap().kind(Isolation::FullVm).unwrap().fits_per_host;
        prop_assert!(fit(&heavier) <= fit(&base));
    }

    #[test]
    fn with_default_overheads_containers_pack_at_least_as_densely_as_vms(host in (1.0..128.0f64, 1.0..512.0f64), app in (0.0625..4.0f64, 0.0625..8.0f64)) {
        let p = VmVsContainerParams { host: fp(host.0, host.1), app: fp(app.0, app.1), ..Default::default() };
        let o = evaluate(&p).unwrap();
        let fit = |k| o.kind(k).unwrap().fits_per_host;
        prop_assert!(fit(Isolation::Container) >= fit(Isolation::MicroVm));
        prop_assert!(fit(Isolation::MicroVm) >= fit(Isolation::FullVm));
    }

    #[test]
    fn packing_never_overfills_the_host(free in (0.0..64.0f64, 0.0..256.0f64), items in prop::collection::vec((0.0..8.0f64, 0.0..32.0f64, 0.0..1.0f64, 0.0..2.0f64), 0..60)) {
        let items: Vec<Demand> = items.iter().map(|&(c, m, oc, om)| Demand { app: fp(c, m), overhead: fp(oc, om) }).collect();
        let p = pack(fp(free.0, free.1), &items).unwrap();
        prop_assert_eq!(p.placed.len() + p.not_placed.len(), items.len());
        // Offsets grow, and the last slot ends within the host (up to the unit rounding).
        for w in p.placed.windows(2) {
            prop_assert!(w[1].vcpu_from >= w[0].vcpu_from && w[1].memory_gib_from >= w[0].memory_gib_from);
        }
        prop_assert!(p.left.vcpu >= 0.0 && p.left.memory_gib >= 0.0);
        prop_assert!(p.left.vcpu <= free.0 + 1e-3 && p.left.memory_gib <= free.1 + 1e-3);
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        host in (any_f64(USUAL), any_f64(USUAL)), reserve in (any_f64(USUAL), any_f64(USUAL)), app in (any_f64(USUAL), any_f64(USUAL)),
        costs in (any_f64(USUAL), any_f64(USUAL), any_f64(USUAL), any_f64(USUAL), any_f64(USUAL)),
        start in any_f64(USUAL), bw in any_f64(USUAL), layer in (any_f64(USUAL), any_f64(USUAL)), n in 0u32..20_000,
    ) {
        let mut p = VmVsContainerParams {
            host: fp(host.0, host.1),
            host_reserved: fp(reserve.0, reserve.1),
            app: fp(app.0, app.1),
            instances: n,
            app_start_s: start,
            pull_mbit_per_s: bw,
            ..Default::default()
        };
        p.container = IsolationCosts { guest_os_memory_mib: costs.0, isolation_memory_mib: costs.1, cpu_overhead_vcpu: costs.2, guest_os_disk_mib: costs.3, start_s: costs.4 };
        p.image.node_modules = LayerSize { compressed_mb: layer.0, uncompressed_mb: layer.1 };
        if let Ok(o) = evaluate(&p) {
            for k in &o.kinds {
                prop_assert!(k.fits_per_host as usize <= MAX_PACK_ITEMS);
                prop_assert!(k.disk_per_host_gib.is_finite());
                if let Some(s) = &k.startup {
                    prop_assert!(s.total_s.is_finite() && s.total_s >= 0.0);
                }
            }
            prop_assert!(o.image.saved.is_finite());
        }
    }

    #[test]
    fn any_link_of_known_keys_gives_valid_params(
        values in prop::collection::vec((prop::sample::select(vec!["hcpu", "hmem", "rcpu", "rmem", "cpu", "mem", "inst", "bw", "vm.os", "ctr.start", "rt.mb", "build", "show"]), "-?[0-9.e]{0,6}"), 0..10)
    ) {
        let text = common::link_text(&values);
        let (p, _) = VmVsContainerParams::from_query(&Query::parse(&text));
        prop_assert!(evaluate(&p).is_ok(), "{} gave {:?}", text, p);
    }
}
