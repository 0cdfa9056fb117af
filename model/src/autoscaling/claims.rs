//! The worked example's figures this demo shows, as claims the badges, the tour and the
//! golden tests read; and the careful reader's note it owns.

use super::*;
use crate::claim::{number, Live};

/// The tasks a sizing row needs, from the params alone.
fn sized(p: &AutoscalingParams, pick: fn(&Sizing) -> SizingRow) -> Option<Live> {
    sizing(p)
        .ok()
        .map(|s| Live::Number(f64::from(pick(&s).tasks)))
}

crate::claims! { Autoscaling: AutoscalingParams => AutoscalingOutcome {
    /// §3: ⌈1,200 ÷ 90⌉ = 14 tasks with no CDN in front.
    TASKS_WITHOUT_CDN: "Tasks for the base load without a CDN", "14", Places(0),
        |p, _| sized(p, |s| s.without_cdn);
    /// §3: behind the CDN the base load needs 2 tasks.
    TASKS_STEADY: "Tasks for the base load behind the CDN", "2", Places(0),
        |p, _| sized(p, |s| s.steady);
    /// §3: the 9,000 req/s burst needs 8 tasks behind the CDN.
    TASKS_BURST: "Tasks for the peak behind the CDN", "8", Places(0),
        |p, _| sized(p, |s| s.burst);
    /// §5's "scale-out in ~60 s", which the lab reads as launch to first request.
    SCALE_OUT: "Scale-out: launch to first request", "~60 s", Places(0),
        |_, o| number(f64::from(o.startup_delay_s));
}}
