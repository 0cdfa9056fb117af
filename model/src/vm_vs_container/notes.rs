//! The VM-vs-container page's prose: where each default figure comes from, and what AWS
//! documents about running containers.

use crate::documented::Documented;

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
