//! How an instance is isolated from its neighbours, and what that costs it.

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
