//! VM vs container (§2): packing, start-up and image sizes worked by hand.

use cloud_lab_model::link::LinkState;
use cloud_lab_model::photoshare;
use cloud_lab_model::vm_vs_container::*;

mod common;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn fp(vcpu: f64, memory_gib: f64) -> Footprint {
    Footprint { vcpu, memory_gib }
}

fn bare(vcpu: f64, memory_gib: f64) -> Demand {
    Demand {
        app: fp(vcpu, memory_gib),
        overhead: fp(0.0, 0.0),
    }
}

#[test]
fn identical_instances_fit_by_the_scarcer_resource() {
    // (free host, one instance) → (fit, binding)
    let rows = [
        (fp(4.0, 8.0), bare(1.0, 1.0), (4, Binding::Cpu)),
        (fp(4.0, 8.0), bare(0.5, 2.0), (4, Binding::Memory)),
        (fp(2.0, 4.0), bare(1.0, 2.0), (2, Binding::Both)),
        (fp(1.0, 1.0), bare(2.0, 0.5), (0, Binding::Cpu)),
        // 16 vCPU / 31.5 GiB, 1 vCPU + 2 GiB + 576 MiB of guest OS and hypervisor: ⌊32256 / 2624⌋ = 12.
        (
            fp(16.0, 31.5),
            Demand {
                app: fp(1.0, 2.0),
                overhead: fp(0.1, 0.5625),
            },
            (12, Binding::Memory),
        ),
        // 0.3 vCPU ten times is exactly 3 vCPU: counted in milli-vCPU, not floats.
        (fp(3.0, 64.0), bare(0.3, 1.0), (10, Binding::Cpu)),
    ];
    for (free, each, want) in rows {
        assert_eq!(fit_identical(free, &each), want, "{free:?} {each:?}");
    }
}

#[test]
fn a_mix_is_placed_first_fit_with_offsets() {
    let p = pack(
        fp(4.0, 8.0),
        &[bare(2.0, 4.0), bare(2.0, 4.0), bare(1.0, 1.0)],
    )
    .unwrap();
    let at: Vec<(usize, f64, f64)> = p
        .placed
        .iter()
        .map(|x| (x.item, x.vcpu_from, x.memory_gib_from))
        .collect();
    assert_eq!(at, [(0, 0.0, 0.0), (1, 2.0, 4.0)]);
    assert_eq!(p.not_placed, [2]);
    assert_eq!(p.left, fp(0.0, 0.0));
    // A smaller item after one that did not fit still goes in.
    let p = pack(
        fp(3.0, 4.0),
        &[bare(2.0, 2.0), bare(2.0, 2.0), bare(1.0, 2.0)],
    )
    .unwrap();
    assert_eq!(p.placed.iter().map(|x| x.item).collect::<Vec<_>>(), [0, 2]);
    assert_eq!(p.not_placed, [1]);
    assert_eq!(
        (p.placed[1].vcpu_from, p.placed[1].memory_gib_from),
        (2.0, 2.0)
    );
    assert!(pack(fp(f64::NAN, 1.0), &[]).is_err());
    assert!(pack(fp(1.0, 1.0), &[bare(-1.0, 1.0)]).is_err());
}

#[test]
fn photoshare_tasks_on_a_16_vcpu_32_gib_host() {
    let p = VmVsContainerParams::default();
    assert_eq!(
        p.app,
        fp(
            photoshare::cost::TASK_VCPU,
            photoshare::cost::TASK_MEMORY_GB
        )
    );
    assert_eq!(p.instances, photoshare::printed::TASKS_BURST);
    let o = evaluate(&p).unwrap();
    assert_eq!(o.free, fp(16.0, 31.5));
    // (kind, fit, binding, density vs VM, vCPU and GiB left)
    let rows = [
        // 2048 + 512 + 64 = 2624 MiB each: ⌊32256 / 2624⌋ = 12; 1.1 vCPU each would allow 14.
        (Isolation::FullVm, 12, Binding::Memory, 1.0, 2.8, 0.75),
        // 2048 + 32 + 5 = 2085 MiB → 15; 1.05 vCPU → 15.
        (
            Isolation::MicroVm,
            15,
            Binding::Both,
            1.25,
            0.25,
            981.0 / 1024.0,
        ),
        // 2048 + 8 = 2056 MiB → 15; 1 vCPU → 16.
        (
            Isolation::Container,
            15,
            Binding::Memory,
            1.25,
            1.0,
            1416.0 / 1024.0,
        ),
    ];
    for (kind, fit, binding, density, vcpu_left, gib_left) in rows {
        let k = o.kind(kind).unwrap();
        assert_eq!((k.fits_per_host, k.binding), (fit, binding), "{kind:?}");
        assert_eq!(k.packing.placed.len(), fit as usize);
        assert!(close(k.density_vs_full_vm.unwrap(), density), "{kind:?}");
        assert!(
            close(k.packing.left.vcpu, vcpu_left) && close(k.packing.left.memory_gib, gib_left),
            "{kind:?} {:?}",
            k.packing.left
        );
    }
    let slots = &o.kind(Isolation::FullVm).unwrap().packing.placed;
    assert!(
        close(slots[11].vcpu_from, 12.1)
            && close(slots[11].memory_gib_from, 11.0 * 2624.0 / 1024.0)
    );
}

#[test]
fn scaling_out_by_eight_tasks() {
    let o = evaluate(&VmVsContainerParams::default()).unwrap();
    // 76 MB at 200 Mbit/s = 3.04 s per copy. VMs pull 8 copies over the host's link.
    let rows = [
        (Isolation::FullVm, 8, 24.32, 45.0 + 24.32 + 1.0),
        (Isolation::MicroVm, 8, 24.32, 0.125 + 24.32 + 1.0),
        (Isolation::Container, 1, 3.04, 3.04 + 0.5 + 1.0),
    ];
    for (kind, copies, pull_s, total_s) in rows {
        let s = o.kind(kind).unwrap().startup.clone().unwrap();
        assert_eq!(
            (s.hosts, s.per_host, s.image_copies_per_host),
            (1, 8, copies),
            "{kind:?}"
        );
        assert!(
            close(s.pull_s, pull_s) && close(s.total_s, total_s),
            "{kind:?} {s:?}"
        );
        assert!(close(s.phases.last().unwrap().to_s, total_s));
    }
    let vm = o.kind(Isolation::FullVm).unwrap().startup.clone().unwrap();
    assert_eq!(
        vm.phases.iter().map(|p| p.step).collect::<Vec<_>>(),
        [StartStep::Start, StartStep::Pull, StartStep::AppStart]
    );
    let ctr = o
        .kind(Isolation::Container)
        .unwrap()
        .startup
        .clone()
        .unwrap();
    assert_eq!(
        ctr.phases[0].step,
        StartStep::Pull,
        "a container's image is there before it starts"
    );
    // 40 instances need ⌈40 / 12⌉ = 4 VM hosts.
    let p = VmVsContainerParams {
        instances: 40,
        ..Default::default()
    };
    let o = evaluate(&p).unwrap();
    let s = o.kind(Isolation::FullVm).unwrap().startup.clone().unwrap();
    assert_eq!((s.hosts, s.per_host), (4, 12));
}

#[test]
fn the_multi_stage_split_ships_76_mb_instead_of_128() {
    let o = evaluate(&VmVsContainerParams::default()).unwrap().image;
    // Runtime stage: distroless 45 + dist 1 + node_modules 30. Build stage: slim 70 + npm ci 55 + source 2 + dist 1.
    assert!(
        close(o.multi_stage.compressed_mb, 76.0) && close(o.multi_stage.uncompressed_mb, 264.0)
    );
    assert!(
        close(o.single_stage.compressed_mb, 128.0) && close(o.single_stage.uncompressed_mb, 314.0)
    );
    assert!(close(o.saved, 1.0 - 76.0 / 128.0));
    assert!(close(o.multi_stage.pull_s, 3.04) && close(o.single_stage.pull_s, 5.12));
    assert_eq!(o.shipped, o.multi_stage);
    let single = VmVsContainerParams {
        build: Build::SingleStage,
        ..Default::default()
    };
    let s = evaluate(&single).unwrap();
    assert!(close(
        s.kind(Isolation::Container)
            .unwrap()
            .startup
            .clone()
            .unwrap()
            .pull_s,
        5.12
    ));
    assert!(close(pull_seconds(100.0, 800.0), 1.0));
}

#[test]
fn every_default_figure_has_a_source() {
    assert_eq!(SOURCES.len(), 17);
    assert!(SOURCES.iter().any(|(_, s)| s.contains("SPECIFICATION.md")));
    assert!(SOURCES.iter().any(|(_, s)| s.contains("Felter")));
    let vm = Isolation::FullVm.assumed();
    assert!((30.0..=60.0).contains(&vm.start_s));
    let micro = Isolation::MicroVm.assumed();
    assert_eq!((micro.isolation_memory_mib, micro.start_s), (5.0, 0.125));
}

#[test]
fn links_round_trip_and_the_default_is_an_empty_query() {
    assert_eq!(VmVsContainerParams::default().to_query(), "");
    let mut p = VmVsContainerParams {
        host: fp(8.0, 64.0),
        app: fp(0.25, 0.5),
        instances: 30,
        build: Build::SingleStage,
        shown: Isolation::MicroVm,
        ..Default::default()
    };
    p.full_vm.start_s = 30.0;
    p.container.isolation_memory_mib = 2.5;
    p.image.runtime_base.compressed_mb = 50.0;
    common::assert_link(&p, "hcpu=8&hmem=64&cpu=0.25&mem=0.5&vm.start=30&ctr.iso=2.5&rt.mb=50&inst=30&build=single&show=uvm");
}

#[test]
fn a_bad_link_keeps_the_defaults_and_says_what_it_ignored() {
    common::assert_bad_link::<VmVsContainerParams>(
        "hcpu=NaN&cpu=0.01&inst=0&build=fat&vm.os=-1&zzz=1",
        &["hcpu", "cpu", "vm.os", "inst", "build", "zzz"],
    );
}

#[test]
fn invalid_params_give_messages_not_a_panic() {
    let mut p = VmVsContainerParams::default();
    p.host.vcpu = f64::INFINITY;
    p.app.memory_gib = 0.0;
    p.micro_vm.start_s = f64::NAN;
    p.pull_mbit_per_s = 0.0;
    let problems = evaluate(&p).unwrap_err();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(
        problems[0],
        "The host needs more than 0 and at most 512 vCPU."
    );
}

#[test]
fn an_app_bigger_than_the_host_fits_nowhere_and_has_no_start_up() {
    let p = VmVsContainerParams {
        app: fp(32.0, 2.0),
        ..Default::default()
    };
    let o = evaluate(&p).unwrap();
    for k in &o.kinds {
        assert_eq!(k.fits_per_host, 0);
        assert_eq!(k.startup, None);
        assert_eq!(k.density_vs_full_vm, None);
    }
}

#[test]
fn fargate_accepts_only_its_table_of_task_sizes() {
    // (app vCPU, GiB) → (exact, the smallest Fargate size that holds it), from the ECS
    // developer guide's table of valid CPU and memory values.
    let rows = [
        ((1.0, 2.0), (true, Some(fp(1.0, 2.0)))), // PhotoShare's task
        ((0.25, 0.5), (true, Some(fp(0.25, 0.5)))),
        ((0.25, 0.75), (false, Some(fp(0.25, 1.0)))),
        ((0.25, 3.0), (false, Some(fp(0.5, 3.0)))),
        ((1.0, 1.0), (false, Some(fp(1.0, 2.0)))),
        ((1.0, 2.5), (false, Some(fp(1.0, 3.0)))),
        ((1.0, 9.0), (false, Some(fp(2.0, 9.0)))),
        ((1.5, 2.0), (false, Some(fp(2.0, 4.0)))),
        ((4.0, 30.0), (true, Some(fp(4.0, 30.0)))),
        ((4.0, 31.0), (false, Some(fp(8.0, 32.0)))),
        ((8.0, 18.0), (false, Some(fp(8.0, 20.0)))),
        ((16.0, 120.0), (true, Some(fp(16.0, 120.0)))),
        ((16.0, 121.0), (false, None)),
        ((17.0, 32.0), (false, None)),
    ];
    for ((vcpu, mem), (exact, smallest)) in rows {
        let f = fargate_size(fp(vcpu, mem));
        assert_eq!(
            (f.exact, f.smallest),
            (exact, smallest),
            "{vcpu} vCPU, {mem} GiB"
        );
    }
    let o = evaluate(&VmVsContainerParams::default()).unwrap();
    assert!(o.fargate.exact);
}
