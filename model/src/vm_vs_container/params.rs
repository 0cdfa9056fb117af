//! The demo's parameters, described once: the link, the controls and the generic tests read
//! this table; its claims against the worked example; its place in the lab's registry.

use super::*;
use crate::claim::{number, Live};
use crate::params::{Choice, Field, Fields, Spec, Table};

/// A number of one of the table's repeated groups (an isolation kind's costs, a layer's
/// sizes), from 0 to `max`: its link key and label are the group's, then the quantity's.
macro_rules! part {
    ($key:literal $suffix:literal, $name:literal $what:literal, $unit:literal, $max:expr,
        $step:expr, $($path:ident).+) => {
        crate::field_at!(
            number,
            Spec::new(concat!($key, $suffix), concat!($name, $what), $unit, (0.0, $max), $step),
            $($path).+
        )
    };
}

/// The five costs of one isolation kind, keyed `<kind>.os` … `<kind>.start`.
macro_rules! cost_fields {
    ($kind:ident, $key:literal, $name:literal) => {
        [
            part!($key ".os", $name ": Guest OS memory", "MiB", MAX_OVERHEAD_MIB, 1.0,
                $kind.guest_os_memory_mib),
            part!($key ".iso", $name ": Hypervisor or shim memory", "MiB", MAX_OVERHEAD_MIB, 1.0,
                $kind.isolation_memory_mib),
            part!($key ".cpu", $name ": CPU overhead", "vCPU", MAX_OVERHEAD_VCPU, 0.01,
                $kind.cpu_overhead_vcpu),
            part!($key ".disk", $name ": Guest OS disk", "MiB", MAX_DISK_MIB, 1.0,
                $kind.guest_os_disk_mib),
            part!($key ".start", $name ": Boot or create", "s", MAX_SECONDS, 0.1,
                $kind.start_s),
        ]
    };
}

/// One layer's two sizes, keyed `<layer>.mb` (compressed) and `<layer>.raw` (unpacked).
macro_rules! layer_fields {
    ($layer:ident, $key:literal, $name:literal) => {
        [
            part!($key ".mb", $name ", compressed", "MB", MAX_LAYER_MB, 1.0,
                image.$layer.compressed_mb),
            part!($key ".raw", $name ", unpacked", "MB", MAX_LAYER_MB, 1.0,
                image.$layer.uncompressed_mb),
        ]
    };
}

const BUILDS: [Choice; 2] = [
    Choice {
        slug: "multi",
        label: "the runtime stage only (multi-stage)",
    },
    Choice {
        slug: "single",
        label: "the build stage as it is (single-stage)",
    },
];

const SHOWN: [Choice; 3] = [
    Choice {
        slug: "vm",
        label: "Full VM",
    },
    Choice {
        slug: "uvm",
        label: "MicroVM (Firecracker)",
    },
    Choice {
        slug: "ctr",
        label: "Container",
    },
];

impl VmVsContainerParams {
    crate::fields! {
        HOST_VCPU: number host.vcpu,
            Spec::new("hcpu", "Host vCPU", "vCPU", (MIN_APP_VCPU, MAX_HOST_VCPU), 1.0);
        HOST_MEMORY: number host.memory_gib,
            Spec::new("hmem", "Host memory", "GiB", (MIN_APP_MEMORY_GIB, MAX_HOST_MEMORY_GIB), 1.0);
        RESERVED_VCPU: number host_reserved.vcpu,
            Spec::new("rcpu", "Kept by the host's own OS and agent, CPU", "vCPU",
                (0.0, MAX_HOST_VCPU), 0.25);
        RESERVED_MEMORY: number host_reserved.memory_gib,
            Spec::new("rmem", "Kept by the host's own OS and agent", "GiB",
                (0.0, MAX_HOST_MEMORY_GIB), 0.25);
        APP_VCPU: number app.vcpu,
            Spec::new("cpu", "App instance CPU", "vCPU", (MIN_APP_VCPU, MAX_HOST_VCPU), 0.25);
    }
    pub const APP_MEMORY: Field<Self> = Field::number(
        // The cost demo's `mem`: the same quantity, a task's memory.
        Spec::new(
            "mem",
            "GB per task",
            "",
            (MIN_APP_MEMORY_GIB, MAX_HOST_MEMORY_GIB),
            0.25,
        ),
        |p| p.app.memory_gib,
        |p, x| p.app.memory_gib = x,
    );
    crate::fields! {
        APP_START: number app_start_s,
            Spec::new("appstart", "The app's own start", "s", (0.0, MAX_SECONDS), 0.5);
        PULL_RATE: number pull_mbit_per_s,
            Spec::new("bw", "Pull rate", "Mbit/s", (MIN_PULL_MBIT_PER_S, MAX_PULL_MBIT_PER_S),
                50.0);
        INSTANCES: whole instances,
            Spec::new("inst", "Instances to start", "", (1.0, MAX_INSTANCES as f64), 1.0);
        BUILD: choice(&BUILDS, Build) build, Spec::named("build", "Ship");
        SHOWN: choice(&SHOWN, Isolation) shown, Spec::named("show", "Look inside one instance of");
    }

    /// The costs of each isolation kind, in `Isolation::ALL` order; within a kind, guest OS
    /// memory, isolation memory, CPU overhead, guest OS disk, start.
    pub const COSTS: [[Field<Self>; 5]; 3] = [
        cost_fields!(full_vm, "vm", "Full VM"),
        cost_fields!(micro_vm, "uvm", "MicroVM"),
        cost_fields!(container, "ctr", "Container"),
    ];

    /// A cost of one isolation kind: `row` counts as in [`Self::COSTS`].
    pub fn cost_field(kind: Isolation, row: usize) -> Option<Field<Self>> {
        let i = Isolation::ALL.into_iter().position(|k| k == kind)?;
        Self::COSTS.get(i)?.get(row).copied()
    }
}

/// Link format: `hcpu=16&hmem=32&cpu=1&mem=2&vm.start=30&ctr.iso=2.5&rt.mb=50&n=8&build=single&show=vm`;
/// only values that differ from the defaults are written.
impl Fields for VmVsContainerParams {
    const FIELDS: Table<Self> = &[
        &[
            Self::HOST_VCPU,
            Self::HOST_MEMORY,
            Self::RESERVED_VCPU,
            Self::RESERVED_MEMORY,
            Self::APP_VCPU,
            Self::APP_MEMORY,
            Self::APP_START,
            Self::PULL_RATE,
        ],
        &Self::COSTS[0],
        &Self::COSTS[1],
        &Self::COSTS[2],
        &layer_fields!(build_base, "base", "Build base image"),
        &layer_fields!(runtime_base, "rt", "Runtime base image"),
        &layer_fields!(node_modules, "mods", "node_modules"),
        &layer_fields!(npm_cache, "cache", "npm cache"),
        &layer_fields!(source, "src", "Source"),
        &layer_fields!(dist, "dist", "Built app"),
        &[Self::INSTANCES, Self::BUILD, Self::SHOWN],
    ];
}

crate::link_from_table!(VmVsContainerParams);

crate::demo! {
    /// The VM-vs-container demo in the lab's registry.
    VmVsContainer: VmVsContainerParams => VmVsContainerOutcome, evaluate: evaluate,
    exercises: vm_vs_container,
    claims: [TASK, BURST_TASKS],
}

crate::claims! { VmVsContainer: VmVsContainerParams => VmVsContainerOutcome {
    /// §6's bill: "2 Fargate tasks … (each 1 vCPU + 2 GB)".
    TASK: "One task", "1 vCPU + 2 GB", Words,
        |p, _| {
            Some(Live::Words(format!(
                "{} vCPU + {} GB",
                number_text(p.app.vcpu),
                number_text(p.app.memory_gib)
            )))
        };
    /// §3: the 9,000 req/s burst needs "8 tasks".
    BURST_TASKS: "Tasks for the 9,000 req/s burst", "8 tasks", Places(0),
        |p, _| number(f64::from(p.instances));
}}
