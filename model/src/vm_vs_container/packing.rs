//! Placing instances on a host until its CPU or memory runs out.

use super::{MAX_HOST_MEMORY_GIB, MAX_HOST_VCPU, MAX_PACK_ITEMS};

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
