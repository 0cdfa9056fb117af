//! Stale reads of one image's cached metadata: the price of an "AP" cache.

use super::share;

/// How stale one image's cached metadata gets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Staleness {
    pub invalidate_on_write: bool,
    /// The longest a reader can see the old value after a write.
    pub worst_window_s: f64,
    /// The average time readers can see it after a write (0 when no copy is cached).
    pub expected_window_s: f64,
    /// Share of time a copy is cached.
    pub cached_share: f64,
    /// Share of reads answered with an old value.
    pub stale_read_share: f64,
    pub stale_reads_per_hour: f64,
}

/// ∫₀ˣ e^(−wt) dt = (1 − e^(−wx)) / w, and x when nothing is written.
fn decayed(w: f64, x: f64) -> f64 {
    if w * x < 1e-12 {
        x
    } else {
        -(-w * x).exp_m1() / w
    }
}

/// Staleness of one cached object read `reads_per_s` and written `writes_per_s` (both
/// Poisson), whose copy lives `ttl_s`; `invalidation_delay_s` is `Some` when writes delete
/// the copy, that long after the commit.
pub fn staleness(
    reads_per_s: f64,
    writes_per_s: f64,
    ttl_s: f64,
    invalidation_delay_s: Option<f64>,
) -> Staleness {
    let t = ttl_s.max(0.0);
    let d = invalidation_delay_s.map_or(t, |d| d.clamp(0.0, t));
    let w = writes_per_s.max(0.0);
    let lambda = reads_per_s.max(0.0);
    // One cycle: a miss fetches the copy, it lives until expiry or invalidation, then the
    // next read misses. Copy lifetime and stale time are averaged over the first write.
    let life_s = d + decayed(w, t - d);
    let stale_s = d - decayed(w, t) + decayed(w, t - d);
    let cycle_reads = 1.0 + lambda * life_s;
    let stale_read_share = share(lambda * stale_s, cycle_reads);
    let cached_share = share(lambda * life_s, cycle_reads);
    let (worst, expected) = if t > 0.0 && lambda > 0.0 {
        (d, cached_share * (d - d * d / (2.0 * t)))
    } else {
        (0.0, 0.0)
    };
    Staleness {
        invalidate_on_write: invalidation_delay_s.is_some(),
        worst_window_s: worst,
        expected_window_s: expected,
        cached_share,
        stale_read_share,
        stale_reads_per_hour: lambda * 3_600.0 * stale_read_share,
    }
}
