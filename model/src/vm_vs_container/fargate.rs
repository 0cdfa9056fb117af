//! Fargate's task sizes: the combinations of CPU and memory a task may ask for.

use super::Footprint;

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
