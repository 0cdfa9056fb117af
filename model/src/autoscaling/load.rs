//! The edge load second by second: the profile's points, the spike or the day, and a seeded
//! noise so that a run is the same every time its link is opened.

use super::*;

/// The load's shape as points, straight lines between (diurnal: one point a minute).
pub fn edge_profile(p: &AutoscalingParams) -> Vec<LoadPoint> {
    let base = p.edge_load_per_s;
    let peak = base * p.spike_factor;
    let point = |t_s: u32, edge_per_s: f64| LoadPoint { t_s, edge_per_s };
    match p.profile {
        LoadProfile::Steady => vec![point(0, base)],
        LoadProfile::StepSpike => {
            let end = p.spike_start_s.saturating_add(p.spike_length_s);
            vec![
                point(0, base),
                point(p.spike_start_s, base),
                point(p.spike_start_s, peak),
                point(end, peak),
                point(end, base),
            ]
        }
        LoadProfile::RampSpike => {
            let top = p.spike_start_s.saturating_add(p.ramp_s);
            let end = top.saturating_add(p.spike_length_s);
            vec![
                point(0, base),
                point(p.spike_start_s, base),
                point(top, peak),
                point(end, peak),
                point(end.saturating_add(p.ramp_s), base),
            ]
        }
        LoadProfile::Diurnal => (0..=p.duration_s.min(MAX_DURATION_S).div_ceil(60))
            .map(|minute| {
                let t_s = minute * 60;
                let phase = (f64::from(t_s) - f64::from(DIURNAL_TROUGH_S)) / DAY_S;
                let rise = (1.0 - (std::f64::consts::TAU * phase).cos()) / 2.0;
                point(t_s, base + (peak - base) * rise)
            })
            .collect(),
        LoadProfile::Custom => p.custom_points.clone(),
    }
}

/// The edge load of every second, noise included.
pub(super) fn edge_per_second(p: &AutoscalingParams, profile: &[LoadPoint]) -> Vec<f64> {
    let seconds = p.duration_s.min(MAX_DURATION_S) as usize;
    let mut edge = Vec::with_capacity(seconds);
    let (Some(first), Some(last)) = (profile.first(), profile.last()) else {
        edge.resize(seconds, 0.0);
        return edge;
    };
    edge.resize((first.t_s as usize).min(seconds), first.edge_per_s);
    // Segment by segment, so each second costs one multiply-add; a zero-length
    // segment (a step) fills nothing.
    for pair in profile.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let end = (b.t_s as usize).min(seconds);
        if end > edge.len() {
            let slope = (b.edge_per_s - a.edge_per_s) / f64::from(b.t_s - a.t_s);
            let from = edge.len();
            edge.extend((from..end).map(|t| a.edge_per_s + slope * (t as f64 - f64::from(a.t_s))));
        }
    }
    edge.resize(seconds, last.edge_per_s);
    if p.noise > 0.0 {
        let mut rng = SplitMix64(p.seed);
        for load in &mut edge {
            let noisy = *load * (1.0 + p.noise * (2.0 * rng.next_unit() - 1.0));
            // A comparison, not `f64::max` (NaN handling, a call a second).
            *load = if noisy > 0.0 { noisy } else { 0.0 };
        }
    }
    edge
}

/// A tiny deterministic generator (splitmix64), enough for load noise.
pub(super) struct SplitMix64(u64);

impl SplitMix64 {
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(super) fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Seconds are summed in blocks of 5, which divide the HPA's 15 s, the metric's 60 s
/// and every series step; only the blocks are added into those longer sums.
pub(super) const BLOCK_S: u32 = 5;

/// The load every policy meets: per second, and averaged per series point.
pub(super) struct Load<'a> {
    pub(super) edge_per_s: &'a [f64],
    pub(super) miss: f64,
    pub(super) origin_requests: f64,
    /// (end of interval, average edge load, average origin load), one per series point after t = 0.
    pub(super) samples: Vec<(u32, f64, f64)>,
}

impl Load<'_> {
    pub(super) fn new(edge: &[f64], miss: f64, step_s: u32) -> Load<'_> {
        let mut edge_requests = 0.0;
        let samples = (0u32..)
            .zip(edge.chunks(step_s as usize))
            .map(|(k, chunk)| {
                let end = k.saturating_mul(step_s).saturating_add(chunk.len() as u32);
                let sum = chunk.iter().sum::<f64>();
                edge_requests += sum;
                let edge_avg = sum / chunk.len() as f64;
                (end, edge_avg, edge_avg * miss)
            })
            .collect();
        Load {
            edge_per_s: edge,
            miss,
            origin_requests: edge_requests * miss,
            samples,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic_and_in_range() {
        let mut a = SplitMix64(7);
        let mut b = SplitMix64(7);
        for _ in 0..1_000 {
            let x = a.next_unit();
            assert_eq!(x, b.next_unit());
            assert!((0.0..1.0).contains(&x));
        }
        // splitmix64's published first output for seed 0.
        assert_eq!(SplitMix64(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn a_step_is_two_points_at_the_same_time() {
        let p = AutoscalingParams::default();
        let edge = edge_per_second(&p, &edge_profile(&p));
        assert_eq!(edge[1_199], 1_200.0);
        assert_eq!(edge[1_200], 9_000.0);
        assert_eq!(edge[2_999], 9_000.0);
        assert_eq!(edge[3_000], 1_200.0);
    }

    #[test]
    fn a_ramp_is_linear() {
        let p = AutoscalingParams {
            profile: LoadProfile::RampSpike,
            ..Default::default()
        };
        let edge = edge_per_second(&p, &edge_profile(&p));
        assert_eq!(edge[1_200], 1_200.0);
        assert_eq!(edge[1_500], 5_100.0);
        assert_eq!(edge[1_800], 9_000.0);
    }
}
