//! Token-bucket rate limiting (§6's design patterns).
//!
//! The lesson: a bucket that refills at r tokens a second and holds at most b
//! lets a client burst b requests at once and then r a second, and nothing more
//! in any window (b + r·t). Put in front of the app tier at its capacity, it
//! turns a spike the autoscaler has not caught up with into fast 429s for the
//! excess while every admitted request is served in time — instead of an
//! overloaded fleet that answers everyone slowly or not at all. One bucket per
//! client goes further: an abusive client empties only its own bucket, so the
//! well-behaved clients keep their share.
//!
//! Deterministic, one-second steps: within a second, queued requests are served
//! first (oldest first), then that second's arrivals.

mod bucket;
mod notes;

pub use bucket::*;
pub use notes::*;

use crate::claim::number;
use crate::link::{number_text, LinkReader};
use crate::params::{self, Fields, Spec, Table};
use crate::photoshare;
use bucket::{Admission, Bucket};

/// Most clients simulated.
pub const MAX_CLIENTS: u32 = 100;
/// Longest run, in one-second steps.
pub const MAX_DURATION_S: u32 = 3_600;
/// Highest rate, burst, capacity or client load accepted, per second.
pub const MAX_RATE_PER_S: f64 = 1_000_000.0;
/// Longest a queued request may wait.
pub const MAX_WAIT_S: u32 = 600;

/// Where the limiting happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limiter {
    /// Everything goes to the app tier.
    None,
    /// One bucket for all clients.
    Global,
    /// One bucket per client, each with an equal share of the rate and burst.
    PerClient,
}

impl Limiter {
    pub const ALL: [Limiter; 3] = [Limiter::None, Limiter::Global, Limiter::PerClient];

    pub fn title(self) -> &'static str {
        match self {
            Limiter::None => "No limiter",
            Limiter::Global => "One global bucket",
            Limiter::PerClient => "A bucket per client",
        }
    }
}

/// Everything the rate-limiting demo lets a student change.
#[derive(Clone, Debug, PartialEq)]
pub struct RateLimitParams {
    /// The global bucket: refill per second and size.
    pub rate_per_s: f64,
    pub burst: f64,
    /// 0: no queue, excess is rejected at once.
    pub max_wait_s: u32,
    /// K clients; client 1 turns abusive during the burst.
    pub clients: u32,
    /// Every client's steady requests per second.
    pub normal_per_s: f64,
    /// The abusive client's requests per second during the burst.
    pub abusive_per_s: f64,
    pub burst_start_s: u32,
    pub burst_length_s: u32,
    /// What the app tier serves per second before the autoscaler catches up.
    pub capacity_per_s: f64,
    pub duration_s: u32,
}

impl Default for RateLimitParams {
    /// PhotoShare's origin before the scale-out lands: 2 tasks serving 150 req/s each
    /// (300 req/s), a limiter at that capacity (300/s, burst 300); 12 clients share the steady
    /// 96 req/s (8 each) until one of them pushes the origin to the burst's 720 req/s for a
    /// minute (632 req/s on its own).
    fn default() -> Self {
        use photoshare::*;
        let clients = 12;
        let capacity = f64::from(MIN_TASKS) * TASK_CAPACITY_PER_S;
        let normal = printed::ORIGIN_LOAD_STEADY_PER_S / f64::from(clients);
        RateLimitParams {
            rate_per_s: capacity,
            burst: capacity,
            max_wait_s: 0,
            clients,
            normal_per_s: normal,
            abusive_per_s: printed::ORIGIN_LOAD_BURST_PER_S - normal * f64::from(clients - 1),
            burst_start_s: 10,
            burst_length_s: 60,
            capacity_per_s: capacity,
            duration_s: 120,
        }
    }
}

/// One second of one scenario, over all clients: the limiter's step, and what the app tier
/// made of it. It reads as its step too (`second.rejected`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Second {
    /// Summed over the buckets (the one global bucket, or the clients'); with no limiter,
    /// every arrival admitted at once.
    pub step: BucketStep,
    /// Offered to the app tier, served, and failed for lack of capacity.
    pub offered_to_app: u64,
    pub served: f64,
    pub failed: f64,
    /// More was offered than the app tier serves: everything this second is slow.
    pub overloaded: bool,
}

impl std::ops::Deref for Second {
    type Target = BucketStep;

    fn deref(&self) -> &BucketStep {
        &self.step
    }
}

/// One client's totals over a scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ClientTotals {
    pub abusive: bool,
    pub arrived: u64,
    pub admitted: u64,
    pub rejected: u64,
    pub served: f64,
    pub failed: f64,
    /// Served within the latency objective (not in an overloaded second).
    pub served_in_time: f64,
}

/// One limiter's run over the traffic.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioRun {
    pub limiter: Limiter,
    pub seconds: Vec<Second>,
    /// Client 1 is the abusive one.
    pub clients: Vec<ClientTotals>,
    pub totals: ClientTotals,
    pub overloaded_seconds: u32,
    /// Share of all requests not served in time: rejected, failed or slow, 0–1.
    pub error_share: f64,
    /// Share of the well-behaved clients' requests served in time (`None` with one client).
    pub well_behaved_in_time_share: Option<f64>,
    pub abusive_in_time_share: f64,
    /// Average wait of the requests admitted from the queue.
    pub mean_wait_s: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RateLimitOutcome {
    /// What all clients send together outside the burst and during it, per second.
    pub offered_steady_per_s: f64,
    pub offered_burst_per_s: f64,
    /// Each client's bucket in the per-client scenario.
    pub per_client_rate_per_s: f64,
    pub per_client_burst: f64,
    /// The global bucket's ceiling over the burst's length: b + r·t.
    pub max_admitted_in_burst: f64,
    /// In [`Limiter::ALL`]'s order.
    pub runs: Vec<ScenarioRun>,
}

/// Runs the traffic through no limiter, one global bucket and per-client buckets.
pub fn simulate(p: &RateLimitParams) -> Result<RateLimitOutcome, Vec<String>> {
    let problems = validate(p);
    if !problems.is_empty() {
        return Err(problems);
    }
    let arrivals = arrivals(p);
    let k = f64::from(p.clients);
    let others = p.normal_per_s * (k - 1.0);
    Ok(RateLimitOutcome {
        offered_steady_per_s: p.normal_per_s * k,
        offered_burst_per_s: others + p.abusive_per_s,
        per_client_rate_per_s: p.rate_per_s / k,
        per_client_burst: p.burst / k,
        max_admitted_in_burst: max_admitted(p.rate_per_s, p.burst, f64::from(p.burst_length_s)),
        runs: Limiter::ALL
            .into_iter()
            .map(|limiter| run(p, limiter, &arrivals))
            .collect(),
    })
}

/// Requests each client sends each second, `[second][client]`; whole requests, with the
/// fractions carried to the next second.
fn arrivals(p: &RateLimitParams) -> Vec<Vec<u64>> {
    let clients = p.clients as usize;
    let mut carry = vec![0.0f64; clients];
    let burst_end = p.burst_start_s.saturating_add(p.burst_length_s);
    (0..p.duration_s)
        .map(|t| {
            (0..clients)
                .map(|c| {
                    let abusive = c == 0 && (p.burst_start_s..burst_end).contains(&t);
                    carry[c] += if abusive {
                        p.abusive_per_s
                    } else {
                        p.normal_per_s
                    };
                    // Snap so that 8.000000001 carries stay whole.
                    let n = (carry[c] + 1e-9).floor().max(0.0);
                    carry[c] -= n;
                    n as u64
                })
                .collect()
        })
        .collect()
}

fn run(p: &RateLimitParams, limiter: Limiter, arrivals: &[Vec<u64>]) -> ScenarioRun {
    let k = p.clients as usize;
    let mut buckets: Vec<Bucket> = match limiter {
        Limiter::None => Vec::new(),
        Limiter::Global => vec![Bucket::new(p.rate_per_s, p.burst, p.max_wait_s)],
        Limiter::PerClient => {
            let share = f64::from(p.clients);
            (0..k)
                .map(|_| Bucket::new(p.rate_per_s / share, p.burst / share, p.max_wait_s))
                .collect()
        }
    };
    let mut clients = vec![ClientTotals::default(); k];
    if let Some(first) = clients.first_mut() {
        first.abusive = true;
    }
    let mut waited_s = 0u64;
    let mut from_queue = 0u64;
    let mut seconds = Vec::with_capacity(arrivals.len());
    // One second's figures per client, kept from second to second.
    let mut a = Admission::default();
    let (mut now, mut queued_in, mut rejected) = (vec![0; k], vec![0; k], vec![0; k]);
    let mut admitted = vec![0; k];
    for (t_s, arrived) in (0u32..).zip(arrivals) {
        match limiter {
            Limiter::None => now.copy_from_slice(arrived),
            Limiter::Global => {
                buckets[0].step(t_s, arrived, &mut a);
                now.copy_from_slice(&a.admitted_now);
                queued_in.copy_from_slice(&a.admitted_from_queue);
                rejected.copy_from_slice(&a.rejected);
                waited_s += a.waited_s;
            }
            Limiter::PerClient => {
                for (c, bucket) in buckets.iter_mut().enumerate() {
                    bucket.step(t_s, &arrived[c..=c], &mut a);
                    now[c] = a.admitted_now[0];
                    queued_in[c] = a.admitted_from_queue[0];
                    rejected[c] = a.rejected[0];
                    waited_s += a.waited_s;
                }
            }
        }
        for (sum, (n, q)) in admitted.iter_mut().zip(now.iter().zip(&queued_in)) {
            *sum = n + q;
        }
        let offered: u64 = admitted.iter().sum();
        let served_total = (offered as f64).min(p.capacity_per_s.max(0.0));
        let overloaded = offered as f64 > p.capacity_per_s;
        let served_share = if offered > 0 {
            served_total / offered as f64
        } else {
            0.0
        };
        for c in 0..k {
            let totals = &mut clients[c];
            let served = admitted[c] as f64 * served_share;
            totals.arrived += arrived[c];
            totals.admitted += admitted[c];
            totals.rejected += rejected[c];
            totals.served += served;
            totals.failed += admitted[c] as f64 - served;
            if !overloaded {
                totals.served_in_time += served;
            }
        }
        from_queue += queued_in.iter().sum::<u64>();
        seconds.push(Second {
            step: BucketStep {
                t_s,
                arrived: arrived.iter().sum(),
                admitted_now: now.iter().sum(),
                admitted_from_queue: queued_in.iter().sum(),
                rejected: rejected.iter().sum(),
                queued: buckets.iter().map(|b| b.queued).sum(),
                tokens: buckets.iter().map(|b| b.tokens).sum(),
            },
            offered_to_app: offered,
            served: served_total,
            failed: offered as f64 - served_total,
            overloaded,
        });
    }
    let sum = |list: &[ClientTotals]| {
        list.iter()
            .fold(ClientTotals::default(), |a, c| ClientTotals {
                abusive: false,
                arrived: a.arrived + c.arrived,
                admitted: a.admitted + c.admitted,
                rejected: a.rejected + c.rejected,
                served: a.served + c.served,
                failed: a.failed + c.failed,
                served_in_time: a.served_in_time + c.served_in_time,
            })
    };
    let in_time = |t: &ClientTotals| {
        if t.arrived > 0 {
            t.served_in_time / t.arrived as f64
        } else {
            1.0
        }
    };
    let totals = sum(&clients);
    ScenarioRun {
        limiter,
        overloaded_seconds: seconds.iter().filter(|s| s.overloaded).count() as u32,
        error_share: 1.0 - in_time(&totals),
        well_behaved_in_time_share: (k > 1).then(|| in_time(&sum(&clients[1..]))),
        abusive_in_time_share: clients.first().map_or(1.0, in_time),
        mean_wait_s: if from_queue > 0 {
            waited_s as f64 / from_queue as f64
        } else {
            0.0
        },
        totals,
        clients,
        seconds,
    }
}

fn validate(p: &RateLimitParams) -> Vec<String> {
    let mut problems = params::check(p);
    if p.clients >= 1 && p.burst.is_finite() && p.burst < f64::from(p.clients) {
        problems.push(
            "The burst must be at least one request per client, or a per-client bucket admits nothing."
                .into(),
        );
    }
    problems
}

impl RateLimitParams {
    crate::fields! {
        RATE: number rate_per_s,
            Spec::new("r", "Bucket rate r", "req/s", (0.001, MAX_RATE_PER_S), 10.0);
        /// At least one request for each of the worked example's 12 clients; with more clients,
        /// `validate` (and a link's `repair`) asks for one each.
        BURST: number burst,
            Spec::new("burst", "Bucket size b", "requests", (12.0, MAX_RATE_PER_S), 10.0);
        NORMAL: number normal_per_s,
            Spec::new("normal", "Each client's steady load", "req/s", (0.0, MAX_RATE_PER_S), 1.0);
        ABUSIVE: number abusive_per_s,
            Spec::new("abuse", "Abusive client sends", "req/s", (0.0, MAX_RATE_PER_S), 1.0);
        /// The whole app tier's capacity (`cap` is one task's, in the lab's other demos).
        CAPACITY: number capacity_per_s,
            Spec::new("appcap", "App tier serves", "req/s", (0.0, MAX_RATE_PER_S), 10.0);
        WAIT: whole max_wait_s,
            Spec::new("wait", "Longest wait in a queue", "s", (0.0, MAX_WAIT_S as f64), 1.0);
        CLIENTS: whole clients, Spec::new("k", "Clients", "", (1.0, MAX_CLIENTS as f64), 1.0);
        START: whole burst_start_s,
            Spec::new("at", "Spike starts at", "s", (0.0, MAX_DURATION_S as f64), 1.0);
        LENGTH: whole burst_length_s,
            Spec::new("len", "Spike holds for", "s", (0.0, MAX_DURATION_S as f64), 1.0);
        DURATION: whole duration_s,
            Spec::new("dur", "Run length", "s", (1.0, MAX_DURATION_S as f64), 1.0);
    }
}

/// Link format: `r=300&burst=300&normal=8&abuse=632&appcap=300&wait=0&k=12&at=10&len=60&dur=120`.
/// `at`, `len` and `dur` read as in the autoscaling demo: the spike's start and length, the run's.
impl Fields for RateLimitParams {
    const FIELDS: Table<Self> = &[
        &[Self::RATE, Self::BURST],
        &[Self::NORMAL, Self::ABUSIVE, Self::CAPACITY],
        &[
            Self::WAIT,
            Self::CLIENTS,
            Self::START,
            Self::LENGTH,
            Self::DURATION,
        ],
    ];

    /// The default burst covers the most clients; one from a link must cover them too.
    fn repair(&mut self, r: &mut LinkReader<'_>) {
        if self.burst < f64::from(self.clients) {
            r.ignore(
                "burst",
                &number_text(self.burst),
                format!("below one request for each of the {} clients", self.clients),
            );
            self.burst = RateLimitParams::default().burst;
        }
    }
}

crate::link_from_table!(RateLimitParams);

crate::demo! {
    /// The rate limiting demo in the lab's registry.
    RateLimiting: RateLimitParams => RateLimitOutcome, evaluate: simulate,
    exercises: rate_limiting,
    claims: [STEADY, PEAK],
}

crate::claims! { RateLimiting: RateLimitParams => RateLimitOutcome {
    /// §3: the steady load that reaches the origin, "≈ 96 req/s".
    STEADY: "Steady load at the origin", "≈ 96 req/s", Places(0),
        |_, o| number(o.offered_steady_per_s);
    /// §3: a 9,000 req/s burst at the edge is "~720 req/s at origin".
    PEAK: "Burst at the origin", "~720 req/s", Places(0),
        |_, o| number(o.offered_burst_per_s);
}}
