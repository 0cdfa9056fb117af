//! VM vs container: the density win (§2 of the worked example).
//!
//! The lesson: a VM carries a whole guest OS — memory, disk and a boot of tens
//! of seconds — so fewer app instances fit on a host and each one starts
//! slowly. Containers share the host's kernel and its image cache, so more fit
//! and they start in about the time it takes to pull the image. A microVM
//! (Firecracker, under Fargate and Lambda) keeps a VM's isolation at close to
//! a container's cost. A multi-stage build ships only the runtime and the built
//! app, so the image is smaller and every scale-out pulls less.
//!
//! Every overhead figure is an editable assumption; [`SOURCES`] says where
//! each default comes from.

mod fargate;
mod image;
mod isolation;
mod notes;
mod packing;
mod params;

pub use fargate::{fargate_size, FargateSize};
pub use image::*;
pub use isolation::{Isolation, IsolationCosts};
pub use notes::{DOCUMENTED, SOURCES};
pub use packing::*;
pub use params::VmVsContainer;

use crate::link::number_text;
use crate::params::{within, Problems};
use crate::photoshare;

/// Largest host the demo packs (vCPU, GiB).
pub const MAX_HOST_VCPU: f64 = 512.0;
pub const MAX_HOST_MEMORY_GIB: f64 = 32_768.0;
/// Smallest app instance: keeps one host's layout to at most 8,192 slots.
pub const MIN_APP_VCPU: f64 = 0.0625;
pub const MIN_APP_MEMORY_GIB: f64 = 0.0625;
/// Most instances a scale-out may ask for.
pub const MAX_INSTANCES: u32 = 10_000;
/// Most items `pack` places in one call.
pub const MAX_PACK_ITEMS: usize = 8_192;

/// Everything the VM-vs-container demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct VmVsContainerParams {
    pub host: Footprint,
    /// Kept by the host's own OS and agent, whatever runs on it.
    pub host_reserved: Footprint,
    /// One app instance: the worked example's task size.
    pub app: Footprint,
    /// How many instances a scale-out starts.
    pub instances: u32,
    pub full_vm: IsolationCosts,
    pub micro_vm: IsolationCosts,
    pub container: IsolationCosts,
    /// From the instance's init running to the app answering.
    pub app_start_s: f64,
    /// A host's effective pull rate from the registry.
    pub pull_mbit_per_s: f64,
    pub image: ImageInputs,
    pub build: Build,
    /// The kind whose host the view draws large.
    pub shown: Isolation,
}

impl Default for VmVsContainerParams {
    /// PhotoShare's task (1 vCPU, 2 GB) on a 16 vCPU / 32 GiB host; the 8 tasks of
    /// the 9,000 req/s burst as the scale-out; the multi-stage image.
    fn default() -> Self {
        VmVsContainerParams {
            host: Footprint {
                vcpu: 16.0,
                memory_gib: 32.0,
            },
            host_reserved: Footprint {
                vcpu: 0.0,
                memory_gib: 0.5,
            },
            app: Footprint {
                vcpu: photoshare::cost::TASK_VCPU,
                memory_gib: photoshare::cost::TASK_MEMORY_GB,
            },
            instances: photoshare::printed::TASKS_BURST,
            full_vm: Isolation::FullVm.assumed(),
            micro_vm: Isolation::MicroVm.assumed(),
            container: Isolation::Container.assumed(),
            app_start_s: 1.0,
            pull_mbit_per_s: 200.0,
            image: ImageInputs::default(),
            build: Build::MultiStage,
            shown: Isolation::Container,
        }
    }
}

impl VmVsContainerParams {
    pub fn costs(&self, kind: Isolation) -> &IsolationCosts {
        match kind {
            Isolation::FullVm => &self.full_vm,
            Isolation::MicroVm => &self.micro_vm,
            Isolation::Container => &self.container,
        }
    }

    pub fn costs_mut(&mut self, kind: Isolation) -> &mut IsolationCosts {
        match kind {
            Isolation::FullVm => &mut self.full_vm,
            Isolation::MicroVm => &mut self.micro_vm,
            Isolation::Container => &mut self.container,
        }
    }

    /// One instance of `kind`: the app plus what its isolation adds.
    pub fn demand(&self, kind: Isolation) -> Demand {
        let c = self.costs(kind);
        Demand {
            app: self.app,
            overhead: Footprint {
                vcpu: c.cpu_overhead_vcpu,
                memory_gib: (c.guest_os_memory_mib + c.isolation_memory_mib) / 1_024.0,
            },
        }
    }

    /// What the host offers once its own reserve is taken.
    pub fn free(&self) -> Footprint {
        Footprint {
            vcpu: (self.host.vcpu - self.host_reserved.vcpu).max(0.0),
            memory_gib: (self.host.memory_gib - self.host_reserved.memory_gib).max(0.0),
        }
    }
}

/// A step of starting an instance, for a stacked bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartStep {
    /// A VM's boot, or creating a container.
    Start,
    /// Fetching the app's image.
    Pull,
    /// Node.js loading the server.
    AppStart,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Phase {
    pub step: StartStep,
    pub from_s: f64,
    pub to_s: f64,
}

/// How long a scale-out of `instances` takes until all of them serve.
#[derive(Clone, Debug, PartialEq)]
pub struct Startup {
    pub hosts: u32,
    /// Instances on the busiest host.
    pub per_host: u32,
    /// Image copies that host pulls: 1 with a shared layer cache, else one per instance.
    pub image_copies_per_host: u32,
    pub pull_s: f64,
    pub total_s: f64,
    /// In order: a VM boots, then pulls; a container's image is pulled before it starts.
    pub phases: Vec<Phase>,
}

/// One isolation kind's results.
#[derive(Clone, Debug, PartialEq)]
pub struct KindOutcome {
    pub kind: Isolation,
    pub per_instance: Demand,
    pub fits_per_host: u32,
    pub binding: Binding,
    /// The host filling up with `fits_per_host` instances.
    pub packing: Packing,
    /// Instances per host compared with full VMs (`None` when no VM fits).
    pub density_vs_full_vm: Option<f64>,
    /// Disk on a full host: guest OS disks plus unpacked image copies.
    pub disk_per_host_gib: f64,
    /// `None` when not even one instance fits on a host.
    pub startup: Option<Startup>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImageOutcome {
    pub layers: Vec<ImageLayer>,
    pub multi_stage: ImageSize,
    pub single_stage: ImageSize,
    /// Share of the compressed (pulled) bytes the multi-stage split saves, 0–1.
    pub saved: f64,
    /// The image the scale-out pulls.
    pub shipped: ImageSize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VmVsContainerOutcome {
    /// In `Isolation::ALL` order.
    pub kinds: Vec<KindOutcome>,
    pub free: Footprint,
    pub image: ImageOutcome,
    /// The app instance as a Fargate task.
    pub fargate: FargateSize,
}

impl VmVsContainerOutcome {
    pub fn kind(&self, kind: Isolation) -> Option<&KindOutcome> {
        self.kinds.iter().find(|k| k.kind == kind)
    }
}

/// Packs each kind onto the host, times the scale-out, and sizes the image.
pub fn evaluate(p: &VmVsContainerParams) -> Result<VmVsContainerOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let free = p.free();
    let multi_stage = image_size(&p.image, Build::MultiStage, p.pull_mbit_per_s);
    let single_stage = image_size(&p.image, Build::SingleStage, p.pull_mbit_per_s);
    let shipped = match p.build {
        Build::MultiStage => multi_stage,
        Build::SingleStage => single_stage,
    };
    let vm_fit = fit_identical(free, &p.demand(Isolation::FullVm)).0;
    let mut kinds = Vec::new();
    for kind in Isolation::ALL {
        let demand = p.demand(kind);
        let (fit, binding) = fit_identical(free, &demand);
        let slots = vec![demand; usize::try_from(fit).unwrap_or(0)];
        let packing = pack(free, &slots).map_err(|e| vec![e])?;
        let costs = p.costs(kind);
        let copies = if kind.shares_image_cache() {
            fit.min(1)
        } else {
            fit
        };
        let disk_mib = f64::from(fit) * costs.guest_os_disk_mib;
        kinds.push(KindOutcome {
            kind,
            per_instance: demand,
            fits_per_host: fit,
            binding,
            packing,
            density_vs_full_vm: (vm_fit > 0).then(|| f64::from(fit) / f64::from(vm_fit)),
            disk_per_host_gib: disk_mib / 1_024.0
                + f64::from(copies) * shipped.uncompressed_mb / 1_073.741_824,
            startup: startup(p, kind, fit, &shipped),
        });
    }
    Ok(VmVsContainerOutcome {
        kinds,
        free,
        fargate: fargate_size(p.app),
        image: ImageOutcome {
            layers: layers(&p.image),
            saved: if single_stage.compressed_mb > 0.0 {
                1.0 - multi_stage.compressed_mb / single_stage.compressed_mb
            } else {
                0.0
            },
            multi_stage,
            single_stage,
            shipped,
        },
    })
}

fn startup(
    p: &VmVsContainerParams,
    kind: Isolation,
    fit: u32,
    image: &ImageSize,
) -> Option<Startup> {
    if fit == 0 {
        return None;
    }
    let hosts = p.instances.div_ceil(fit);
    let per_host = p.instances.min(fit);
    let copies = if kind.shares_image_cache() {
        1
    } else {
        per_host
    };
    // Copies pulled at once share the host's link.
    let pull_s = f64::from(copies) * image.pull_s;
    let start_s = p.costs(kind).start_s;
    let order = if kind.shares_image_cache() {
        [(StartStep::Pull, pull_s), (StartStep::Start, start_s)]
    } else {
        [(StartStep::Start, start_s), (StartStep::Pull, pull_s)]
    };
    let mut phases = Vec::new();
    let mut t = 0.0;
    for (step, seconds) in order
        .into_iter()
        .chain([(StartStep::AppStart, p.app_start_s)])
    {
        phases.push(Phase {
            step,
            from_s: t,
            to_s: t + seconds,
        });
        t += seconds;
    }
    Some(Startup {
        hosts,
        per_host,
        image_copies_per_host: copies,
        pull_s,
        total_s: t,
        phases,
    })
}

fn validate(p: &VmVsContainerParams) -> Vec<String> {
    let mut problems = Problems::default();
    problems.check(
        within(p.host.vcpu, 0.0, MAX_HOST_VCPU) && p.host.vcpu > 0.0,
        format!("The host needs more than 0 and at most {MAX_HOST_VCPU} vCPU."),
    );
    problems.check(
        within(p.host.memory_gib, 0.0, MAX_HOST_MEMORY_GIB) && p.host.memory_gib > 0.0,
        format!("The host needs more than 0 and at most {MAX_HOST_MEMORY_GIB} GiB of memory."),
    );
    problems.check(
        within(p.host_reserved.vcpu, 0.0, MAX_HOST_VCPU)
            && within(p.host_reserved.memory_gib, 0.0, MAX_HOST_MEMORY_GIB),
        "The host's reserve must be zero or more, and no bigger than the largest host.".into(),
    );
    problems.check(
        within(p.app.vcpu, MIN_APP_VCPU, MAX_HOST_VCPU),
        format!("An app instance needs {MIN_APP_VCPU}–{MAX_HOST_VCPU} vCPU."),
    );
    problems.check(
        within(p.app.memory_gib, MIN_APP_MEMORY_GIB, MAX_HOST_MEMORY_GIB),
        format!("An app instance needs {MIN_APP_MEMORY_GIB}–{MAX_HOST_MEMORY_GIB} GiB of memory."),
    );
    problems.check(
        (1..=MAX_INSTANCES).contains(&p.instances),
        format!("The scale-out must start 1–{MAX_INSTANCES} instances."),
    );
    for kind in Isolation::ALL {
        let c = p.costs(kind);
        let name = kind.label();
        for (what, x, hi) in [
            ("guest OS memory", c.guest_os_memory_mib, MAX_OVERHEAD_MIB),
            ("isolation memory", c.isolation_memory_mib, MAX_OVERHEAD_MIB),
            ("CPU overhead", c.cpu_overhead_vcpu, MAX_OVERHEAD_VCPU),
            ("guest OS disk", c.guest_os_disk_mib, MAX_DISK_MIB),
            ("start time", c.start_s, MAX_SECONDS),
        ] {
            problems.check(
                within(x, 0.0, hi),
                format!("{name}: {what} must be between 0 and {hi}."),
            );
        }
    }
    problems.check(
        within(p.app_start_s, 0.0, MAX_SECONDS),
        format!("The app's start time must be between 0 and {MAX_SECONDS} s."),
    );
    problems.check(
        within(p.pull_mbit_per_s, MIN_PULL_MBIT_PER_S, MAX_PULL_MBIT_PER_S),
        format!("The pull rate must be {MIN_PULL_MBIT_PER_S}–{MAX_PULL_MBIT_PER_S} Mbit/s."),
    );
    for (what, size) in image_fields(&p.image) {
        problems.check(
            within(size.compressed_mb, 0.0, MAX_LAYER_MB)
                && within(size.uncompressed_mb, 0.0, MAX_LAYER_MB),
            format!("{what}: sizes must be between 0 and {MAX_LAYER_MB} MB."),
        );
    }
    problems.into_vec()
}

const MAX_OVERHEAD_MIB: f64 = 65_536.0;
const MAX_OVERHEAD_VCPU: f64 = 64.0;
const MAX_DISK_MIB: f64 = 1_048_576.0;
const MAX_SECONDS: f64 = 3_600.0;
const MIN_PULL_MBIT_PER_S: f64 = 1.0;
const MAX_PULL_MBIT_PER_S: f64 = 100_000.0;
const MAX_LAYER_MB: f64 = 100_000.0;

fn image_fields(i: &ImageInputs) -> [(&'static str, LayerSize); 6] {
    [
        ("Build base image", i.build_base),
        ("Runtime base image", i.runtime_base),
        ("node_modules", i.node_modules),
        ("npm cache", i.npm_cache),
        ("Source", i.source),
        ("Built app", i.dist),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photoshare::vm_vs_container as image;

    #[test]
    fn every_layer_is_a_line_of_the_dockerfile() {
        let lines: Vec<&str> = DOCKERFILE.lines().collect();
        for l in layers(&ImageInputs::default()) {
            assert!(lines.contains(&l.instruction), "{}", l.instruction);
        }
    }

    #[test]
    fn the_dockerfile_carries_the_worked_examples_values() {
        for value in [
            format!("FROM {} AS build", image::BUILD_BASE_IMAGE),
            format!("FROM {} AS runtime", image::RUNTIME_BASE_IMAGE),
            format!("PORT={}", image::APP_PORT),
            format!("EXPOSE {}", image::APP_PORT),
            format!("USER {}", image::RUN_AS),
            format!(
                "--interval={}s --timeout={}s",
                image::IMAGE_HEALTHCHECK_INTERVAL_S,
                image::IMAGE_HEALTHCHECK_TIMEOUT_S
            ),
            "NODE_ENV=production".to_string(),
            "RUN npm ci".to_string(),
            "RUN npm run build".to_string(),
        ] {
            assert!(DOCKERFILE.contains(&value), "{value}");
        }
    }
}
