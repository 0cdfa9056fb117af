//! The worked example's figures this demo shows, as claims the badges, the tour and the
//! golden tests read; and the careful reader's note it owns.

use super::*;
use crate::claim::{Claim, Live, Rounding};

type AutoscalingClaim = Claim<AutoscalingParams, AutoscalingOutcome>;

/// The tasks a sizing row needs, from the params alone.
fn sized(p: &AutoscalingParams, pick: fn(&Sizing) -> SizingRow) -> Option<Live> {
    sizing(p)
        .ok()
        .map(|s| Live::Number(f64::from(pick(&s).tasks)))
}

impl Autoscaling {
    /// §3: ⌈1,200 ÷ 90⌉ = 14 tasks with no CDN in front.
    pub const TASKS_WITHOUT_CDN: AutoscalingClaim = Claim {
        label: "Tasks for the base load without a CDN",
        printed: "14",
        rounding: Rounding::Places(0),
        live: |p, _| sized(p, |s| s.without_cdn),
    };
    /// §3: behind the CDN the base load needs 2 tasks.
    pub const TASKS_STEADY: AutoscalingClaim = Claim {
        label: "Tasks for the base load behind the CDN",
        printed: "2",
        rounding: Rounding::Places(0),
        live: |p, _| sized(p, |s| s.steady),
    };
    /// §3: the 9,000 req/s burst needs 8 tasks behind the CDN.
    pub const TASKS_BURST: AutoscalingClaim = Claim {
        label: "Tasks for the peak behind the CDN",
        printed: "8",
        rounding: Rounding::Places(0),
        live: |p, _| sized(p, |s| s.burst),
    };
    /// §5's "scale-out in ~60 s", which the lab reads as launch to first request.
    pub const SCALE_OUT: AutoscalingClaim = Claim {
        label: "Scale-out: launch to first request",
        printed: "~60 s",
        rounding: Rounding::Places(0),
        live: |_, o| Some(Live::Number(f64::from(o.startup_delay_s))),
    };
}
