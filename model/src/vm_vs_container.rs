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

use crate::documented::Documented;
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
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

/// How an app instance is isolated from its neighbours on a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Isolation {
    /// A full VM: its own kernel and OS, booted from firmware.
    FullVm,
    /// A Firecracker microVM: its own minimal kernel, no firmware or devices to speak of.
    MicroVm,
    /// A container: a process in its own namespaces and cgroups on the host's kernel.
    Container,
}

impl Isolation {
    pub const ALL: [Isolation; 3] = [Isolation::FullVm, Isolation::MicroVm, Isolation::Container];

    pub fn slug(self) -> &'static str {
        match self {
            Isolation::FullVm => "vm",
            Isolation::MicroVm => "uvm",
            Isolation::Container => "ctr",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Isolation::FullVm => "Full VM",
            Isolation::MicroVm => "MicroVM (Firecracker)",
            Isolation::Container => "Container",
        }
    }

    /// Containers on one host share its image layers; each VM has its own
    /// disk and fetches its own copy.
    pub fn shares_image_cache(self) -> bool {
        self == Isolation::Container
    }

    /// The lab's default costs of this isolation.
    pub fn assumed(self) -> IsolationCosts {
        match self {
            Isolation::FullVm => IsolationCosts {
                guest_os_memory_mib: 512.0,
                isolation_memory_mib: 64.0,
                cpu_overhead_vcpu: 0.1,
                guest_os_disk_mib: 8_192.0,
                start_s: 45.0,
            },
            Isolation::MicroVm => IsolationCosts {
                guest_os_memory_mib: 32.0,
                isolation_memory_mib: 5.0,
                cpu_overhead_vcpu: 0.05,
                guest_os_disk_mib: 64.0,
                start_s: 0.125,
            },
            Isolation::Container => IsolationCosts {
                guest_os_memory_mib: 0.0,
                isolation_memory_mib: 8.0,
                cpu_overhead_vcpu: 0.0,
                guest_os_disk_mib: 0.0,
                start_s: 0.5,
            },
        }
    }
}

/// What one instance costs on top of the app itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IsolationCosts {
    /// The guest kernel and OS inside the instance (0 for a container: it has none).
    pub guest_os_memory_mib: f64,
    /// The isolation layer's own share: the hypervisor's per-VM process, or the container's shim.
    pub isolation_memory_mib: f64,
    pub cpu_overhead_vcpu: f64,
    /// The guest OS's own disk, per instance.
    pub guest_os_disk_mib: f64,
    /// From "start" to the instance's own init running: a boot, or creating a container.
    pub start_s: f64,
}

/// Where each default figure comes from. All are approximate and editable.
pub const SOURCES: [(&str, &str); 17] = [
    ("Full VM: 512 MiB guest OS", "Assumption: a minimal Linux server guest with its agents idles at a few hundred MiB."),
    ("Full VM: 64 MiB hypervisor overhead", "Assumption: the hypervisor's per-VM process, device emulation and page tables take tens of MiB."),
    (
        "Full VM: 0.1 vCPU overhead",
        "Assumption: guest kernel housekeeping and agents. Felter et al., \"An Updated Performance Comparison of Virtual Machines and Linux Containers\" (IBM Research Report RC25482, 2014), found compute-bound work near native under KVM, with the real cost in I/O paths.",
    ),
    ("Full VM: 8 GiB guest disk", "Assumption: a typical root volume for a Linux VM image."),
    ("Full VM: 45 s boot", "Assumption: a full VM takes 30–60 s through firmware, kernel, init and agents."),
    (
        "MicroVM: 5 MiB overhead, 0.125 s start",
        "Firecracker's SPECIFICATION.md: the VMM's threads use at most 5 MiB, and at most 125 ms pass from InstanceStart to the guest's /sbin/init (2 vCPU, 256 MiB microVM).",
    ),
    (
        "MicroVM: 0.05 vCPU overhead",
        "Firecracker's SPECIFICATION.md: guest compute performance above 95 % of bare metal.",
    ),
    ("MicroVM: 32 MiB guest OS, 64 MiB disk", "Assumption: a Firecracker-tuned guest kernel and a minimal init and root filesystem."),
    ("Container: 8 MiB overhead", "Assumption: the container runtime's per-container shim takes a few MiB."),
    ("Container: no CPU overhead", "Felter et al. (2014): Docker's CPU and memory overhead is negligible."),
    ("Container: 0.5 s start", "Assumption: creating namespaces and cgroups and starting the process takes well under a second."),
    ("Host reserve: 0.5 GiB", "Assumption: the host's own OS and the hypervisor or container agent."),
    ("App start: 1 s", "Assumption: Node.js loads the server and opens its port in about a second."),
    ("Pull rate: 200 Mbit/s", "Assumption: an effective registry pull rate per host, unpacking included."),
    (
        "node:20-bookworm-slim: ≈ 70 MB compressed, ≈ 200 MB unpacked",
        "Approximate sizes as registries and `docker images` report them; they change with every release.",
    ),
    (
        "distroless nodejs20-debian12: ≈ 45 MB compressed, ≈ 181 MB unpacked",
        "Approximate: `docker images` listed 181 MB in 2024 (GoogleContainerTools/distroless issue #1548).",
    ),
    (
        "node_modules 30/80 MB, npm cache 25 MB, source 2/6 MB, dist 1/3 MB",
        "Assumption: production dependencies of an Express app with an image library and Postgres and Redis clients; npm ci leaves its already-compressed download cache in the layer.",
    ),
];

/// What AWS documents about running containers on Fargate and on EC2.
pub const DOCUMENTED: [Documented; 5] = [
    Documented {
        says: "A Fargate task takes one of a fixed set of sizes: 0.25 vCPU with 0.5, 1 or 2 GB; \
0.5 vCPU with 1–4 GB; 1 vCPU with 2–8 GB; 2 vCPU with 4–16 GB and 4 vCPU with 8–30 GB, in \
1 GB steps; 8 vCPU with 16–60 GB in 4 GB steps; 16 vCPU with 32–120 GB in 8 GB steps.",
        lab: "The page checks the app instance against this table. PhotoShare's 1 vCPU and 2 GB \
is one of the sizes; for any other, it names the smallest size that holds it.",
        source: "Amazon ECS Developer Guide: Troubleshoot task definition invalid CPU or memory errors",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
    },
    Documented {
        says: "Fargate runs each task in its own isolated virtual environment: a task shares no \
kernel, CPU, memory, ephemeral storage or network interface with other tasks.",
        lab: "That is the microVM row's isolation: each instance has its own kernel, unlike \
containers that share the host's.",
        source: "Amazon ECS Best Practices Guide: Fargate security considerations",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/fargate-security-considerations.html",
    },
    Documented {
        says: "Each Fargate task runs on a single-use, single-tenant instance that caches no \
images or layers, so every task pulls its whole image; smaller images start faster.",
        lab: "The microVM row pulls one copy per instance. The lab packs microVMs onto one host \
whose link the copies share, as on a Firecracker host; Fargate's tasks each pull on their own \
instance, so a Fargate scale-out waits about one pull, not one per task.",
        source: "Amazon ECS Developer Guide: Container image pull behavior for Fargate",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-pull-behavior.html",
    },
    Documented {
        says: "On EC2, the ECS agent pulls a task's image and keeps a local copy on the instance; \
with ECS_IMAGE_PULL_BEHAVIOR set to once or prefer-cached, later tasks there use that copy.",
        lab: "The container row pulls one copy per host and every container on it shares the \
layers. With the default behaviour the agent still asks the registry, and the lab assumes \
only layers the host lacks are downloaded.",
        source: "Amazon ECS Developer Guide: Container image pull behavior for the EC2 launch type",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/pull-behavior.html",
    },
    Documented {
        says: "An EC2 container instance offers tasks less memory than its type advertises, \
because the kernel and platform use some; ECS_RESERVED_MEMORY keeps more back for system \
processes.",
        lab: "The host's reserve. ECS documents no fixed figure, so 0.5 GiB is an assumption to \
vary.",
        source: "Amazon ECS Developer Guide: Reserving Amazon ECS Linux container instance memory",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html",
    },
];

/// Fargate's task sizes (see [`DOCUMENTED`]): vCPU, and the memory in GB it accepts as
/// (lowest, highest, step). 0.25 vCPU's 0.5, 1 and 2 GB are two rows.
const FARGATE_SIZES: [(f64, f64, f64, f64); 8] = [
    (0.25, 0.5, 0.5, 1.0),
    (0.25, 1.0, 2.0, 1.0),
    (0.5, 1.0, 4.0, 1.0),
    (1.0, 2.0, 8.0, 1.0),
    (2.0, 4.0, 16.0, 1.0),
    (4.0, 8.0, 30.0, 1.0),
    (8.0, 16.0, 60.0, 4.0),
    (16.0, 32.0, 120.0, 8.0),
];

/// How an app instance's size fits Fargate's table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateSize {
    /// The instance is exactly one of Fargate's sizes.
    pub exact: bool,
    /// The smallest size that holds it (fewest vCPU, then least memory); `None` above 16 vCPU
    /// or 120 GB.
    pub smallest: Option<Footprint>,
}

/// Fargate's task size for an app instance. Fargate's memory figures are GiB (1 GB = 1,024
/// MiB in its table), the unit of [`Footprint::memory_gib`].
pub fn fargate_size(app: Footprint) -> FargateSize {
    const EPS: f64 = 1e-9;
    let mut sizes = FARGATE_SIZES.iter().flat_map(|&(vcpu, lo, hi, step)| {
        let steps = ((hi - lo) / step).round() as u32;
        (0..=steps).map(move |k| Footprint {
            vcpu,
            memory_gib: lo + f64::from(k) * step,
        })
    });
    let smallest = sizes.find(|s| s.vcpu + EPS >= app.vcpu && s.memory_gib + EPS >= app.memory_gib);
    FargateSize {
        exact: smallest.is_some_and(|s| {
            (s.vcpu - app.vcpu).abs() < EPS && (s.memory_gib - app.memory_gib).abs() < EPS
        }),
        smallest,
    }
}

/// The image's Dockerfile, as the page shows it. Its lines are the layers in [`layers`].
pub const DOCKERFILE: &str = r#"# Stage 1, build: Node's toolchain, dropped once the app is built.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
RUN npm run build

# Stage 2, runtime: the Node runtime and the built app, nothing else.
FROM gcr.io/distroless/nodejs20-debian12 AS runtime
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
ENV NODE_ENV=production PORT=8080
# An unprivileged user: a compromised process gets no root.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s CMD ["/nodejs/bin/node", "dist/healthcheck.js"]
CMD ["dist/server.js"]
"#;

/// A layer's size in MB (10⁶ bytes, as registries report): as pulled, and unpacked on disk.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerSize {
    pub compressed_mb: f64,
    pub uncompressed_mb: f64,
}

const NO_BYTES: LayerSize = LayerSize {
    compressed_mb: 0.0,
    uncompressed_mb: 0.0,
};

/// The sizes the layers are made of. Approximate and editable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageInputs {
    /// `node:20-bookworm-slim`, the build stage's base.
    pub build_base: LayerSize,
    /// `gcr.io/distroless/nodejs20-debian12`, the runtime stage's base.
    pub runtime_base: LayerSize,
    pub node_modules: LayerSize,
    /// What `npm ci` leaves in `~/.npm`: only the build stage carries it.
    pub npm_cache: LayerSize,
    /// Everything `COPY . .` brings in: source, tests, assets.
    pub source: LayerSize,
    /// The built app.
    pub dist: LayerSize,
}

impl Default for ImageInputs {
    fn default() -> Self {
        ImageInputs {
            build_base: LayerSize {
                compressed_mb: 70.0,
                uncompressed_mb: 200.0,
            },
            runtime_base: LayerSize {
                compressed_mb: 45.0,
                uncompressed_mb: 181.0,
            },
            node_modules: LayerSize {
                compressed_mb: 30.0,
                uncompressed_mb: 80.0,
            },
            npm_cache: LayerSize {
                compressed_mb: 25.0,
                uncompressed_mb: 25.0,
            },
            source: LayerSize {
                compressed_mb: 2.0,
                uncompressed_mb: 6.0,
            },
            dist: LayerSize {
                compressed_mb: 1.0,
                uncompressed_mb: 3.0,
            },
        }
    }
}

/// Which stage of the Dockerfile a layer belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Thrown away by a multi-stage build; shipped whole by a single-stage one.
    Build,
    /// What a multi-stage build ships.
    Runtime,
}

/// Ship the runtime stage only, or the build stage as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Build {
    #[default]
    MultiStage,
    SingleStage,
}

impl Build {
    pub fn shipped_stage(self) -> Stage {
        match self {
            Build::MultiStage => Stage::Runtime,
            Build::SingleStage => Stage::Build,
        }
    }
}

/// One line of the Dockerfile and the bytes it adds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageLayer {
    pub stage: Stage,
    /// The Dockerfile line, exactly as in [`DOCKERFILE`].
    pub instruction: &'static str,
    pub size: LayerSize,
}

/// Both stages' layers in Dockerfile order. Settings-only lines add no bytes.
pub fn layers(inputs: &ImageInputs) -> Vec<ImageLayer> {
    let both = |a: LayerSize, b: LayerSize| LayerSize {
        compressed_mb: a.compressed_mb + b.compressed_mb,
        uncompressed_mb: a.uncompressed_mb + b.uncompressed_mb,
    };
    let layer = |stage, instruction, size| ImageLayer {
        stage,
        instruction,
        size,
    };
    use Stage::*;
    vec![
        layer(
            Build,
            "FROM node:20-bookworm-slim AS build",
            inputs.build_base,
        ),
        layer(Build, "WORKDIR /app", NO_BYTES),
        layer(Build, "COPY package.json package-lock.json ./", NO_BYTES),
        layer(
            Build,
            "RUN npm ci --omit=dev",
            both(inputs.node_modules, inputs.npm_cache),
        ),
        layer(Build, "COPY . .", inputs.source),
        layer(Build, "RUN npm run build", inputs.dist),
        layer(
            Runtime,
            "FROM gcr.io/distroless/nodejs20-debian12 AS runtime",
            inputs.runtime_base,
        ),
        layer(Runtime, "WORKDIR /app", NO_BYTES),
        layer(Runtime, "COPY --from=build /app/dist ./dist", inputs.dist),
        layer(
            Runtime,
            "COPY --from=build /app/node_modules ./node_modules",
            inputs.node_modules,
        ),
    ]
}

/// An image's size and how long one host takes to pull it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageSize {
    pub compressed_mb: f64,
    pub uncompressed_mb: f64,
    pub pull_s: f64,
}

/// Size of the image a build ships.
pub fn image_size(inputs: &ImageInputs, build: Build, pull_mbit_per_s: f64) -> ImageSize {
    let shipped = layers(inputs)
        .into_iter()
        .filter(|l| l.stage == build.shipped_stage());
    let (compressed_mb, uncompressed_mb) = shipped.fold((0.0, 0.0), |(c, u), l| {
        (c + l.size.compressed_mb, u + l.size.uncompressed_mb)
    });
    ImageSize {
        compressed_mb,
        uncompressed_mb,
        pull_s: pull_seconds(compressed_mb, pull_mbit_per_s),
    }
}

/// Seconds to move `mb` megabytes at `mbit_per_s`.
pub fn pull_seconds(mb: f64, mbit_per_s: f64) -> f64 {
    mb * 8.0 / mbit_per_s
}

/// CPU and memory, as a host offers them or an instance takes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Footprint {
    pub vcpu: f64,
    pub memory_gib: f64,
}

/// One instance to place: the app's share and the isolation's share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Demand {
    pub app: Footprint,
    pub overhead: Footprint,
}

/// Where one instance landed on the host: its slot starts at these offsets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Index into the items given to [`pack`].
    pub item: usize,
    pub vcpu_from: f64,
    pub memory_gib_from: f64,
    pub demand: Demand,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Packing {
    /// In placement order; offsets grow along both axes, so the view can fill the host bar by bar.
    pub placed: Vec<Placement>,
    /// Indexes of the items that did not fit.
    pub not_placed: Vec<usize>,
    pub left: Footprint,
}

/// Whole milli-vCPUs and MiB: packing counts in integers, so "exactly fits" is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Units {
    milli_vcpu: u64,
    mib: u64,
}

impl Units {
    fn of(f: Footprint) -> Units {
        // Callers validate: finite, non-negative and bounded, so the casts are exact enough and cannot wrap.
        Units {
            milli_vcpu: (f.vcpu * 1_000.0).round() as u64,
            mib: (f.memory_gib * 1_024.0).round() as u64,
        }
    }

    fn plus(self, o: Units) -> Units {
        Units {
            milli_vcpu: self.milli_vcpu.saturating_add(o.milli_vcpu),
            mib: self.mib.saturating_add(o.mib),
        }
    }

    fn footprint(self) -> Footprint {
        Footprint {
            vcpu: self.milli_vcpu as f64 / 1_000.0,
            memory_gib: self.mib as f64 / 1_024.0,
        }
    }
}

fn footprint_ok(f: &Footprint) -> bool {
    f.vcpu.is_finite()
        && f.memory_gib.is_finite()
        && (0.0..=MAX_HOST_VCPU).contains(&f.vcpu)
        && (0.0..=MAX_HOST_MEMORY_GIB).contains(&f.memory_gib)
}

/// Places items on one host in the order given (first fit on both CPU and memory).
/// Items that do not fit in what is left are skipped, and later, smaller ones may still fit.
pub fn pack(free: Footprint, items: &[Demand]) -> Result<Packing, String> {
    if !footprint_ok(&free) {
        return Err(format!(
            "The host must have 0–{MAX_HOST_VCPU} vCPU and 0–{MAX_HOST_MEMORY_GIB} GiB free."
        ));
    }
    if items.len() > MAX_PACK_ITEMS {
        return Err(format!(
            "At most {MAX_PACK_ITEMS} instances can be placed at once."
        ));
    }
    if let Some(i) = items
        .iter()
        .position(|d| !footprint_ok(&d.app) || !footprint_ok(&d.overhead))
    {
        return Err(format!("Instance {}: CPU and memory must be finite, non-negative and no bigger than the largest host.", i + 1));
    }
    let mut left = Units::of(free);
    let mut used = Units {
        milli_vcpu: 0,
        mib: 0,
    };
    let mut packing = Packing {
        placed: Vec::new(),
        not_placed: Vec::new(),
        left: free,
    };
    for (item, demand) in items.iter().enumerate() {
        let need = Units::of(demand.app).plus(Units::of(demand.overhead));
        if need.milli_vcpu <= left.milli_vcpu && need.mib <= left.mib {
            let at = used.footprint();
            packing.placed.push(Placement {
                item,
                vcpu_from: at.vcpu,
                memory_gib_from: at.memory_gib,
                demand: *demand,
            });
            used = used.plus(need);
            left.milli_vcpu -= need.milli_vcpu;
            left.mib -= need.mib;
        } else {
            packing.not_placed.push(item);
        }
    }
    packing.left = left.footprint();
    Ok(packing)
}

/// Which resource runs out first when identical instances fill a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    Cpu,
    Memory,
    /// Both run out at the same count.
    Both,
}

/// How many identical instances fit in `free`, and which resource stops them.
pub fn fit_identical(free: Footprint, each: &Demand) -> (u32, Binding) {
    let free = Units::of(free);
    let need = Units::of(each.app).plus(Units::of(each.overhead));
    let by_cpu = free
        .milli_vcpu
        .checked_div(need.milli_vcpu)
        .unwrap_or(u64::MAX);
    let by_memory = free.mib.checked_div(need.mib).unwrap_or(u64::MAX);
    let binding = match by_cpu.cmp(&by_memory) {
        std::cmp::Ordering::Less => Binding::Cpu,
        std::cmp::Ordering::Greater => Binding::Memory,
        std::cmp::Ordering::Equal => Binding::Both,
    };
    let fit = by_cpu.min(by_memory).min(MAX_PACK_ITEMS as u64);
    (u32::try_from(fit).unwrap_or(u32::MAX), binding)
}

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
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    let within = |x: f64, lo: f64, hi: f64| x.is_finite() && (lo..=hi).contains(&x);
    check(
        within(p.host.vcpu, 0.0, MAX_HOST_VCPU) && p.host.vcpu > 0.0,
        format!("The host needs more than 0 and at most {MAX_HOST_VCPU} vCPU."),
    );
    check(
        within(p.host.memory_gib, 0.0, MAX_HOST_MEMORY_GIB) && p.host.memory_gib > 0.0,
        format!("The host needs more than 0 and at most {MAX_HOST_MEMORY_GIB} GiB of memory."),
    );
    check(
        within(p.host_reserved.vcpu, 0.0, MAX_HOST_VCPU)
            && within(p.host_reserved.memory_gib, 0.0, MAX_HOST_MEMORY_GIB),
        "The host's reserve must be zero or more, and no bigger than the largest host.".into(),
    );
    check(
        within(p.app.vcpu, MIN_APP_VCPU, MAX_HOST_VCPU),
        format!("An app instance needs {MIN_APP_VCPU}–{MAX_HOST_VCPU} vCPU."),
    );
    check(
        within(p.app.memory_gib, MIN_APP_MEMORY_GIB, MAX_HOST_MEMORY_GIB),
        format!("An app instance needs {MIN_APP_MEMORY_GIB}–{MAX_HOST_MEMORY_GIB} GiB of memory."),
    );
    check(
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
            check(
                within(x, 0.0, hi),
                format!("{name}: {what} must be between 0 and {hi}."),
            );
        }
    }
    check(
        within(p.app_start_s, 0.0, MAX_SECONDS),
        format!("The app's start time must be between 0 and {MAX_SECONDS} s."),
    );
    check(
        within(p.pull_mbit_per_s, MIN_PULL_MBIT_PER_S, MAX_PULL_MBIT_PER_S),
        format!("The pull rate must be {MIN_PULL_MBIT_PER_S}–{MAX_PULL_MBIT_PER_S} Mbit/s."),
    );
    for (what, size) in image_fields(&p.image) {
        check(
            within(size.compressed_mb, 0.0, MAX_LAYER_MB)
                && within(size.uncompressed_mb, 0.0, MAX_LAYER_MB),
            format!("{what}: sizes must be between 0 and {MAX_LAYER_MB} MB."),
        );
    }
    problems
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

type Getter = Box<dyn Fn(&VmVsContainerParams) -> f64>;
type Setter = Box<dyn Fn(&mut VmVsContainerParams, f64)>;

/// A number a link may carry: its key, range, and where it lives in the params.
struct NumberField {
    key: &'static str,
    min: f64,
    max: f64,
    get: Getter,
    set: Setter,
}

fn field(
    key: &'static str,
    (min, max): (f64, f64),
    get: impl Fn(&VmVsContainerParams) -> f64 + 'static,
    set: impl Fn(&mut VmVsContainerParams, f64) + 'static,
) -> NumberField {
    NumberField {
        key,
        min,
        max,
        get: Box::new(get),
        set: Box::new(set),
    }
}

/// Link keys of one kind's costs: guest OS memory, isolation memory, CPU, disk, start.
fn cost_keys(kind: Isolation) -> [&'static str; 5] {
    match kind {
        Isolation::FullVm => ["vm.os", "vm.iso", "vm.cpu", "vm.disk", "vm.start"],
        Isolation::MicroVm => ["uvm.os", "uvm.iso", "uvm.cpu", "uvm.disk", "uvm.start"],
        Isolation::Container => ["ctr.os", "ctr.iso", "ctr.cpu", "ctr.disk", "ctr.start"],
    }
}

/// Every number in the link. Ranges match `validate`, so a link always gives valid params.
fn number_fields() -> Vec<NumberField> {
    let host_vcpu = (MIN_APP_VCPU, MAX_HOST_VCPU);
    let host_gib = (MIN_APP_MEMORY_GIB, MAX_HOST_MEMORY_GIB);
    let mut f = vec![
        field("hcpu", host_vcpu, |p| p.host.vcpu, |p, x| p.host.vcpu = x),
        field(
            "hmem",
            host_gib,
            |p| p.host.memory_gib,
            |p, x| p.host.memory_gib = x,
        ),
        field(
            "rcpu",
            (0.0, MAX_HOST_VCPU),
            |p| p.host_reserved.vcpu,
            |p, x| p.host_reserved.vcpu = x,
        ),
        field(
            "rmem",
            (0.0, MAX_HOST_MEMORY_GIB),
            |p| p.host_reserved.memory_gib,
            |p, x| p.host_reserved.memory_gib = x,
        ),
        field("cpu", host_vcpu, |p| p.app.vcpu, |p, x| p.app.vcpu = x),
        field(
            "mem",
            host_gib,
            |p| p.app.memory_gib,
            |p, x| p.app.memory_gib = x,
        ),
        field(
            "appstart",
            (0.0, MAX_SECONDS),
            |p| p.app_start_s,
            |p, x| p.app_start_s = x,
        ),
        field(
            "bw",
            (MIN_PULL_MBIT_PER_S, MAX_PULL_MBIT_PER_S),
            |p| p.pull_mbit_per_s,
            |p, x| p.pull_mbit_per_s = x,
        ),
    ];
    type Cost = fn(&mut IsolationCosts) -> &mut f64;
    let costs: [(Cost, f64); 5] = [
        (|c| &mut c.guest_os_memory_mib, MAX_OVERHEAD_MIB),
        (|c| &mut c.isolation_memory_mib, MAX_OVERHEAD_MIB),
        (|c| &mut c.cpu_overhead_vcpu, MAX_OVERHEAD_VCPU),
        (|c| &mut c.guest_os_disk_mib, MAX_DISK_MIB),
        (|c| &mut c.start_s, MAX_SECONDS),
    ];
    for kind in Isolation::ALL {
        for (key, (pick, max)) in cost_keys(kind).into_iter().zip(costs) {
            f.push(field(
                key,
                (0.0, max),
                move |p| {
                    let mut c = *p.costs(kind);
                    *pick(&mut c)
                },
                move |p, x| *pick(p.costs_mut(kind)) = x,
            ));
        }
    }
    type Part = fn(&mut ImageInputs) -> &mut LayerSize;
    let parts: [(&str, &str, Part); 6] = [
        ("base.mb", "base.raw", |i| &mut i.build_base),
        ("rt.mb", "rt.raw", |i| &mut i.runtime_base),
        ("mods.mb", "mods.raw", |i| &mut i.node_modules),
        ("cache.mb", "cache.raw", |i| &mut i.npm_cache),
        ("src.mb", "src.raw", |i| &mut i.source),
        ("dist.mb", "dist.raw", |i| &mut i.dist),
    ];
    for (packed, raw, part) in parts {
        let mb = (0.0, MAX_LAYER_MB);
        f.push(field(
            packed,
            mb,
            move |p| {
                let mut i = p.image;
                part(&mut i).compressed_mb
            },
            move |p, x| part(&mut p.image).compressed_mb = x,
        ));
        f.push(field(
            raw,
            mb,
            move |p| {
                let mut i = p.image;
                part(&mut i).uncompressed_mb
            },
            move |p, x| part(&mut p.image).uncompressed_mb = x,
        ));
    }
    f
}

const BUILDS: [(&str, Build); 2] = [("multi", Build::MultiStage), ("single", Build::SingleStage)];
const SHOWN: [(&str, Isolation); 3] = [
    ("vm", Isolation::FullVm),
    ("uvm", Isolation::MicroVm),
    ("ctr", Isolation::Container),
];

/// Link format: `hcpu=16&hmem=32&cpu=1&mem=2&n=8&build=single&show=vm&vm.boot=30&base.mb=70…`;
/// only values that differ from the defaults are written.
impl LinkState for VmVsContainerParams {
    fn to_query(&self) -> String {
        let d = VmVsContainerParams::default();
        let mut pairs = Vec::new();
        for f in number_fields() {
            let x = (f.get)(self);
            if x != (f.get)(&d) {
                pairs.push((f.key, number_text(x)));
            }
        }
        if self.instances != d.instances {
            pairs.push(("n", self.instances.to_string()));
        }
        if self.build != d.build {
            pairs.push(("build", slug_of(&BUILDS, self.build).to_string()));
        }
        if self.shown != d.shown {
            pairs.push(("show", slug_of(&SHOWN, self.shown).to_string()));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = VmVsContainerParams::default();
        let mut r = LinkReader::new(query);
        for f in number_fields() {
            if let Some(x) = r.number(f.key, f.min, f.max) {
                (f.set)(&mut p, x);
            }
        }
        if let Some(n) = r.whole("n", 1, MAX_INSTANCES) {
            p.instances = n;
        }
        if let Some(b) = r.choice("build", &BUILDS) {
            p.build = b;
        }
        if let Some(s) = r.choice("show", &SHOWN) {
            p.shown = s;
        }
        (p, r.finish())
    }
}

fn slug_of<T: PartialEq + Copy>(options: &[(&'static str, T)], value: T) -> &'static str {
    options
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(s, _)| s)
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for VmVsContainerParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The vm vs container demo in the lab's registry.
pub struct VmVsContainer;

impl crate::demo::Demo for VmVsContainer {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::VmVsContainer;
    type Params = VmVsContainerParams;
    type Outcome = VmVsContainerOutcome;

    fn evaluate(p: &VmVsContainerParams) -> Result<VmVsContainerOutcome, Vec<String>> {
        evaluate(p)
    }
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

    #[test]
    fn every_number_key_is_distinct() {
        let keys: Vec<&str> = number_fields().into_iter().map(|f| f.key).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k} twice");
            assert!(!["n", "build", "show"].contains(k));
        }
    }
}
