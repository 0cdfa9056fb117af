//! The Kubernetes Horizontal Pod Autoscaler: its 15 s syncs, tolerance, not-ready pods and
//! scale-down stabilization window.

use super::*;

/// The HPA's raw recommendation: ⌈ready × CPU ÷ target⌉, or no change within the tolerance.
/// `current` counts every pod; those not yet ready count as idle when that would scale up.
pub fn hpa_recommendation(current: u32, ready: u32, cpu: f64, target: f64) -> u32 {
    let ratio = cpu / target;
    if !ratio.is_finite() || (ratio - 1.0).abs() <= HPA_TOLERANCE {
        return current;
    }
    if ready < current && ratio > 1.0 {
        let with_idle = f64::from(ready) * cpu / (f64::from(current) * target);
        if with_idle <= 1.0 + HPA_TOLERANCE {
            return current;
        }
    }
    ceil_count(f64::from(ready) * ratio)
}

/// The most pods one 15 s period may scale up to: double, or 4 more, whichever is larger.
pub fn hpa_scale_up_limit(current: u32) -> u32 {
    current.saturating_mul(2).max(current.saturating_add(4))
}

/// The HPA's memory: recommendations of the last 300 s, for the scale-down window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hpa {
    pub(super) window: [u32; HPA_WINDOW_SYNCS],
    pub(super) len: usize,
    pub(super) next: usize,
}

impl Hpa {
    /// One 15 s sync; returns the new desired count.
    pub fn sync(
        &mut self,
        current: u32,
        ready: u32,
        cpu: f64,
        target: f64,
        min: u32,
        max: u32,
    ) -> u32 {
        let raw = hpa_recommendation(current, ready, cpu, target);
        self.window[self.next] = raw;
        self.next = (self.next + 1) % HPA_WINDOW_SYNCS;
        self.len = (self.len + 1).min(HPA_WINDOW_SYNCS);
        let highest = self.window[..self.len].iter().copied().max().unwrap_or(raw);
        let stabilized = if raw > current {
            raw.min(hpa_scale_up_limit(current))
        } else {
            highest.min(current)
        };
        bounded(stabilized, min, max)
    }
}
