//! The crossover: where the functions' bill reaches the fleet's, and the curves around it.

use super::*;

/// The lowest whole number of requests a month at which the functions cost at
/// least as much as the fleet, to the cent.
///
/// The fleet's cost is a staircase, constant on each step (one more task from
/// just above a step's top), and the functions' cost rises with the requests,
/// so the crossover is found by scanning each step on a grid of
/// [`SCAN_POINTS_PER_STEP`] points and bisecting the first bracket down to one
/// request. The functions' cost rises with the rate unless billed init time
/// exceeds e² ≈ 7.4 × the duration (fewer cold starts as traffic grows can then
/// lower it); only in that case could a dip narrower than a grid cell be missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crossover {
    pub requests_per_month: u64,
    /// The same, as an average rate.
    pub rate_per_s: f64,
    pub functions_usd: Usd,
    pub fleet_usd: Usd,
    pub fleet_tasks: u32,
    /// Just above this rate the fleet adds a task and costs more than the
    /// functions again (when the functions' cost per request is below the
    /// fleet's cost per request at full steps). `None` if that never happens
    /// below the chart's top.
    pub functions_cheaper_again_above_per_s: Option<f64>,
    /// From this rate up to the chart's top the fleet is cheaper at every rate:
    /// the crossover itself when the fleet never loses again, `None` when the
    /// functions are still cheaper just above the last step in range.
    pub fleet_cheaper_from_per_s: Option<f64>,
}

/// Which side is cheaper at the compared rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cheaper {
    Functions,
    Fleet,
    /// The same to the cent.
    Same,
}

/// Cold starts at the compared rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColdStarts {
    /// 0–1: e^(−rate × keep-alive).
    pub share: f64,
    pub per_month: u64,
    /// What each cold start adds to a request's latency.
    pub init_ms: f64,
    /// Averaged over all requests: share × init.
    pub mean_added_ms: f64,
}

/// Both costs at one rate, for the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    pub rate_per_s: f64,
    pub functions_usd: Usd,
    pub fleet_usd: Usd,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServerlessOutcome {
    pub at: AtRate,
    pub curves: Curves,
}

/// Both bills at the chosen rate: what a move of the rate slider changes.
#[derive(Clone, Debug, PartialEq)]
pub struct AtRate {
    pub rate_per_s: f64,
    /// "req/s" or "uploads/s", for labels.
    pub rate_unit: &'static str,
    pub functions: FunctionsBill,
    pub fleet: FleetBill,
    pub cheaper: Cheaper,
    pub cold_starts: ColdStarts,
}

/// Both costs over the chart's range and where they cross: everything but the chosen
/// rate, so moving the rate recomputes none of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Curves {
    /// "req/s" or "uploads/s", for labels.
    pub rate_unit: &'static str,
    /// `None`: the functions stay cheaper up to `max_rate_per_s`.
    pub crossover: Option<Crossover>,
    pub max_rate_per_s: f64,
    /// [`CURVE_POINTS`] evenly spaced rates from 0 to the top.
    pub curve: Vec<CurvePoint>,
    /// The fleet's staircase as exact corners (rate, $), from 0 to the top, for the chart.
    pub fleet_steps: Vec<(f64, f64)>,
}

impl ServerlessParams {
    /// What the curves depend on: these params with the chosen rate left out.
    pub fn for_curves(&self) -> ServerlessParams {
        ServerlessParams {
            rate_per_s: 0.0,
            ..self.clone()
        }
    }
}

impl Curves {
    /// The crossover in one sentence for the page.
    pub fn verdict(&self) -> String {
        let unit = self.rate_unit;
        match self.crossover {
            None => format!(
                "The functions are cheaper at every rate up to {} {unit}.",
                rate_text(self.max_rate_per_s)
            ),
            Some(c) if c.rate_per_s <= 0.0 => {
                "The functions are never cheaper than this fleet.".to_string()
            }
            Some(c) => {
                let mut s = format!(
                    "Below ≈ {} {unit} the functions are cheaper; above it the fleet is.",
                    rate_text(c.rate_per_s)
                );
                if let Some(again) = c.functions_cheaper_again_above_per_s {
                    s = format!(
                        "Below ≈ {} {unit} the functions are cheaper. Each task the fleet adds makes it dearer \
                         for a while, so they win again just past {} {unit}",
                        rate_text(c.rate_per_s),
                        rate_text(again)
                    );
                    let top = rate_text(self.max_rate_per_s);
                    s.push_str(&match c.fleet_cheaper_from_per_s {
                        Some(from) => format!(
                            "; from ≈ {} {unit} up to {top} {unit} the fleet is cheaper throughout.",
                            rate_text(from)
                        ),
                        None => format!("; they are still cheaper in places up to {top} {unit}."),
                    });
                }
                s
            }
        }
    }
}

/// A rate to three significant figures: 19.74 → "19.7", 2.422 → "2.42", 0.001234 → "0.00123".
pub fn rate_text(rate_per_s: f64) -> String {
    if !(rate_per_s.is_finite() && rate_per_s > 0.0) {
        return "0".to_string();
    }
    let decimals = (2.0 - rate_per_s.log10().floor()).clamp(0.0, 9.0) as usize;
    let s = format!("{rate_per_s:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Both bills at the chosen rate, the crossover, the curves and the cold starts.
/// Bad input gives every problem found, in words.
pub fn evaluate(p: &ServerlessParams) -> Result<ServerlessOutcome, Vec<String>> {
    Ok(ServerlessOutcome {
        at: at_rate(p)?,
        curves: curves(p)?,
    })
}

/// The params checked, their month's pricing, and the chart's top as a month of requests.
struct Checked {
    pricing: Pricing,
    max_month: Decimal,
    max_requests: u64,
}

fn check(p: &ServerlessParams) -> Result<Checked, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let pricing = Pricing::new(p).ok_or_else(too_large)?;
    let max_month = Decimal::from_f64(p.max_rate_per_s)
        .and_then(|m| m.checked_mul(pricing.seconds))
        .ok_or_else(too_large)?;
    let max_requests = max_month
        .round_whole()
        .and_then(|r| u64::try_from(r).ok())
        .ok_or_else(too_large)?;
    match pricing.tasks_for(max_requests) {
        Some(t) if t <= MAX_FLEET_TASKS => {}
        _ => {
            return Err(vec![format!(
                "The chart's top rate would need more than {MAX_FLEET_TASKS} tasks: lower it or raise a task's capacity."
            )])
        }
    }
    // The largest bill: if it fits, every smaller one does.
    pricing.functions(max_requests).ok_or_else(too_large)?;
    Ok(Checked {
        pricing,
        max_month,
        max_requests,
    })
}

fn too_large() -> Vec<String> {
    vec![TOO_LARGE.to_string()]
}

/// Both bills at the chosen rate. Bad input gives every problem found, in words.
pub fn at_rate(p: &ServerlessParams) -> Result<AtRate, Vec<String>> {
    let pr = check(p)?.pricing;
    let requests = pr.requests_at(p.rate_per_s).ok_or_else(too_large)?;
    let functions = pr.functions(requests).ok_or_else(too_large)?;
    let fleet = pr.fleet(requests).ok_or_else(too_large)?;
    Ok(AtRate {
        rate_per_s: p.rate_per_s,
        rate_unit: p.preset.rate_unit(),
        cheaper: match functions.total_usd.cmp(&fleet.total_usd) {
            std::cmp::Ordering::Less => Cheaper::Functions,
            std::cmp::Ordering::Equal => Cheaper::Same,
            std::cmp::Ordering::Greater => Cheaper::Fleet,
        },
        cold_starts: ColdStarts {
            share: functions.cold_share,
            per_month: functions.cold_starts,
            init_ms: p.init_ms,
            mean_added_ms: functions.cold_share * p.init_ms,
        },
        functions,
        fleet,
    })
}

/// The curves, the fleet's staircase and the crossover. Bad input gives every problem found.
pub fn curves(p: &ServerlessParams) -> Result<Curves, Vec<String>> {
    let c = check(p)?;
    curves_of(p, &c).ok_or_else(too_large)
}

fn curves_of(p: &ServerlessParams, c: &Checked) -> Option<Curves> {
    let pr = &c.pricing;
    let last = (CURVE_POINTS - 1) as f64;
    let mut curve = Vec::with_capacity(CURVE_POINTS);
    for i in 0..CURVE_POINTS {
        // i/200 of the top, to the whole request: exact, as 1/200 is a finite decimal.
        let r = Decimal::product(&[
            c.max_month,
            Decimal::whole(i as i128),
            Decimal::lit("0.005"),
        ])?
        .round_whole()?;
        let r = u64::try_from(r).ok()?;
        curve.push(CurvePoint {
            rate_per_s: p.max_rate_per_s * i as f64 / last,
            functions_usd: pr.functions(r)?.total_usd,
            fleet_usd: pr.fleet(r)?.total_usd,
        });
    }
    let steps = steps(pr, c.max_requests)?;
    let mut fleet_steps = Vec::with_capacity(steps.len() * 2);
    for &(low, high, tasks) in &steps {
        let usd = pr.fleet_of(tasks)?.total_usd.to_f64();
        fleet_steps.push((pr.rate_of(low), usd));
        fleet_steps.push((pr.rate_of(high), usd));
    }
    Some(Curves {
        rate_unit: p.preset.rate_unit(),
        crossover: crossover(pr, &steps)?,
        max_rate_per_s: p.max_rate_per_s,
        curve,
        fleet_steps,
    })
}

/// The fleet's steps up to the top: (first request count, last, tasks); the
/// floor's step starts at 0, every later one just above the previous top.
fn steps(pr: &Pricing, max_requests: u64) -> Option<Vec<(u64, u64, u32)>> {
    let last = pr.tasks_for(max_requests)?;
    let mut out = Vec::new();
    let mut low = 0;
    for tasks in pr.floor_tasks..=last {
        let top = pr.step_top(tasks)?.min(max_requests);
        out.push((low, top, tasks));
        low = top;
    }
    Some(out)
}

/// `None` when a bill does not fit; `Some(None)` when the functions stay cheaper.
fn crossover(pr: &Pricing, steps: &[(u64, u64, u32)]) -> Option<Option<Crossover>> {
    // `check` made sure the largest bill fits, so no smaller one falls back to the maximum.
    let cost = |r: u64| {
        pr.functions(r)
            .map_or(Usd::from_cents(i128::MAX), |b| b.total_usd)
    };
    let mut found: Option<Crossover> = None;
    // The last step that starts with the functions cheaper, after the crossover.
    let mut last_lost_step = None;
    for &(low, high, tasks) in steps {
        let fleet_usd = pr.fleet_of(tasks)?.total_usd;
        match found.as_mut() {
            None => {
                let at = if cost(low) >= fleet_usd {
                    // Only at 0 on the floor step: every later step starts where the last one failed.
                    Some(low)
                } else {
                    first_reach(&cost, low, high, fleet_usd)
                };
                if let Some(r) = at {
                    let fleet = pr.fleet(r)?;
                    found = Some(Crossover {
                        requests_per_month: r,
                        rate_per_s: pr.rate_of(r),
                        functions_usd: cost(r),
                        fleet_usd: fleet.total_usd,
                        fleet_tasks: fleet.tasks,
                        functions_cheaper_again_above_per_s: None,
                        fleet_cheaper_from_per_s: Some(pr.rate_of(r)),
                    });
                }
            }
            Some(c) => {
                // The step's first request count is the first with one more task.
                if low < high && cost(low + 1) < fleet_usd {
                    c.functions_cheaper_again_above_per_s
                        .get_or_insert(pr.rate_of(low));
                    last_lost_step = Some((low, high, fleet_usd));
                }
            }
        }
    }
    if let (Some(c), Some((low, high, fleet_usd))) = (found.as_mut(), last_lost_step) {
        c.fleet_cheaper_from_per_s =
            first_reach(&cost, low, high, fleet_usd).map(|r| pr.rate_of(r));
    }
    Some(found)
}

/// The lowest count in (low, high] where `cost` reaches `target`, given `cost(low) < target`.
pub(super) fn first_reach(
    cost: &impl Fn(u64) -> Usd,
    low: u64,
    high: u64,
    target: Usd,
) -> Option<u64> {
    let mut below = low;
    let span = u128::from(high.saturating_sub(low));
    for j in 1..=u128::from(SCAN_POINTS_PER_STEP) {
        let r = low + u64::try_from((span * j).div_ceil(u128::from(SCAN_POINTS_PER_STEP))).ok()?;
        if r <= below {
            continue;
        }
        if cost(r) >= target {
            let mut above = r;
            while above - below > 1 {
                let mid = below + (above - below) / 2;
                if cost(mid) >= target {
                    above = mid;
                } else {
                    below = mid;
                }
            }
            return Some(above);
        }
        below = r;
    }
    None
}
