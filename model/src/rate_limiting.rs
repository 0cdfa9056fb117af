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

use std::collections::VecDeque;

use crate::documented::Documented;
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
use crate::photoshare;

/// Most clients simulated.
pub const MAX_CLIENTS: u32 = 100;
/// Longest run, in one-second steps.
pub const MAX_DURATION_S: u32 = 3_600;
/// Highest rate, burst, capacity or client load accepted, per second.
pub const MAX_RATE_PER_S: f64 = 1_000_000.0;
/// Longest a queued request may wait.
pub const MAX_WAIT_S: u32 = 600;

/// How the model treats an overloaded app tier and the queue, for the page.
pub const OVERLOAD_MODEL_NOTE: &str = "The app tier serves at most its capacity each second. \
Without a limiter, requests beyond it fail (the load balancer's 503 or a client timeout), spread \
over all clients in proportion to what they sent, and every request of an overloaded second is \
slow: it counts as served but outside the latency objective. A limiter rejects its excess at \
once with 429 Too Many Requests. With a queue, a request waits for a token when the queue holds \
fewer than rate × longest wait requests, and is rejected at once otherwise. One global bucket \
shares its tokens among the clients of each second in proportion to what they sent, in whole \
requests; a request left over after the proportional shares goes to the clients in turn, so \
identical clients get equal shares over a run. Per-client buckets each get an equal share of \
the global rate and burst.";

/// What API Gateway, WAF and NGINX document about limiting requests.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "API Gateway throttles with a token bucket, one token a request: a steady-state \
rate refills it and the burst is its size. Requests beyond both get 429 Too Many Requests. \
The limits are targets applied on a best-effort basis, not exact ceilings.",
        lab: "The global bucket: r refills it each second up to b, and it starts full. The lab's \
bucket is exact, so any window admits at most b + r·t; API Gateway's may overshoot a little.",
        source: "Amazon API Gateway Developer Guide: Throttle requests to your REST APIs",
        url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html",
    },
    Documented {
        says: "A usage plan identifies clients by API key and sets a rate and a burst that apply \
to each key's requests.",
        lab: "A bucket per client. The lab gives each client an equal share of the global rate \
and burst; a real plan may give each key any limits.",
        source: "Amazon API Gateway Developer Guide: Usage plans and API keys for REST APIs",
        url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html",
    },
    Documented {
        says: "API Gateway's guide describes throttled requests as answered with 429 and left \
to the client to send again later; it describes no queue. NGINX's limit_req (a leaky bucket) \
delays excess requests instead, until more than its burst are waiting, and rejects the rest \
with an error.",
        lab: "The queue option reads NGINX's way: a request waits for a token while fewer than \
rate × longest wait are queued, and is rejected at once otherwise. With the wait at 0 the \
limiter behaves as API Gateway does.",
        source: "NGINX documentation: Module ngx_http_limit_req_module",
        url: "https://nginx.org/en/docs/http/ngx_http_limit_req_module.html",
    },
    Documented {
        says: "An AWS WAF rate-based rule is not a token bucket: it counts each client's \
requests over a trailing window of 1, 2, 5 or 10 minutes, checks that count every so often, \
and applies its action (block, for one) to the client's requests while it is over the limit.",
        lab: "Not modelled: a WAF rule reacts over minutes, so it stops a sustained abuser, \
while a token bucket shapes traffic second by second, as this demo does.",
        source: "AWS WAF Developer Guide: Rate-based rule high-level settings",
        url: "https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html",
    },
];

/// One second of one bucket.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BucketStep {
    pub t_s: u32,
    pub arrived: u64,
    /// Admitted the second they arrived.
    pub admitted_now: u64,
    /// Admitted this second after waiting in the queue.
    pub admitted_from_queue: u64,
    /// Turned away with 429 this second.
    pub rejected: u64,
    /// Waiting at the end of the second.
    pub queued: u64,
    /// Tokens left at the end of the second.
    pub tokens: f64,
}

/// The most a bucket admits in any window of `seconds`: its burst plus its refill.
pub fn max_admitted(rate_per_s: f64, burst: f64, seconds: f64) -> f64 {
    burst + rate_per_s * seconds
}

/// The example worked by hand on the page: r = 10/s, b = 20, 100 requests at once, 10 s shown.
pub const HAND_RATE_PER_S: f64 = 10.0;
pub const HAND_BURST: f64 = 20.0;
pub const HAND_ARRIVALS: u64 = 100;
pub const HAND_SECONDS: usize = 10;
/// The queue of the hand-worked example's second run: 10 s, enough to hold all 80 left over.
pub const HAND_MAX_WAIT_S: u32 = 10;

/// The hand-worked example, second by second, with a queue of `max_wait_s` (0: none).
pub fn hand_worked(max_wait_s: u32) -> Vec<BucketStep> {
    let mut arrivals = vec![0; HAND_SECONDS];
    arrivals[0] = HAND_ARRIVALS;
    // Constant, valid arguments: always Ok.
    token_bucket(
        &arrivals,
        HAND_RATE_PER_S,
        HAND_BURST,
        max_wait_s.min(MAX_WAIT_S),
    )
    .unwrap_or_default()
}

/// A token bucket with an optional queue, shared by some clients.
#[derive(Clone, Debug)]
struct Bucket {
    rate_per_s: f64,
    burst: f64,
    tokens: f64,
    queue_cap: u64,
    /// (arrival second, waiting requests per client), oldest first.
    queue: VecDeque<(u32, Vec<u64>)>,
    queued: u64,
    /// Ties when draining the queue, and when admitting or queueing new arrivals: being
    /// admitted now and getting a place in the queue are both wins, and share their turns;
    /// who drains first from the queue only decides when, not whether.
    drain_turns: Turns,
    turns: Turns,
}

/// What one bucket did with one second's arrivals, per client.
struct Admission {
    admitted_now: Vec<u64>,
    admitted_from_queue: Vec<u64>,
    rejected: Vec<u64>,
    /// Seconds waited, summed over the requests admitted from the queue.
    waited_s: u64,
}

impl Bucket {
    fn new(rate_per_s: f64, burst: f64, max_wait_s: u32) -> Bucket {
        Bucket {
            rate_per_s,
            burst,
            tokens: burst,
            queue_cap: (rate_per_s * f64::from(max_wait_s)).floor() as u64,
            queue: VecDeque::new(),
            queued: 0,
            drain_turns: Turns::default(),
            turns: Turns::default(),
        }
    }

    fn whole_tokens(&self) -> u64 {
        // Tokens never exceed the validated burst, so the cast is exact.
        self.tokens.max(0.0).floor() as u64
    }

    fn step(&mut self, t_s: u32, arrivals: &[u64]) -> Admission {
        if t_s > 0 {
            self.tokens = (self.tokens + self.rate_per_s).min(self.burst);
        }
        let clients = arrivals.len();
        let mut admitted_from_queue = vec![0; clients];
        let mut waited_s = 0;
        loop {
            let tokens = self.whole_tokens();
            let Some((arrived_at, waiting)) = self.queue.front_mut().filter(|_| tokens > 0) else {
                break;
            };
            let total: u64 = waiting.iter().sum();
            let take = tokens.min(total);
            for (c, n) in split(take, waiting, &mut self.drain_turns)
                .into_iter()
                .enumerate()
            {
                waiting[c] -= n;
                admitted_from_queue[c] += n;
            }
            waited_s += take.saturating_mul(u64::from(t_s - *arrived_at));
            self.tokens -= take as f64;
            self.queued -= take;
            if take == total {
                self.queue.pop_front();
            }
        }
        let total: u64 = arrivals.iter().sum();
        let admit = self.whole_tokens().min(total);
        let admitted_now = split(admit, arrivals, &mut self.turns);
        self.tokens -= admit as f64;
        let left: Vec<u64> = arrivals
            .iter()
            .zip(&admitted_now)
            .map(|(a, n)| a - n)
            .collect();
        let room = self.queue_cap.saturating_sub(self.queued);
        let waiting = split(room.min(total - admit), &left, &mut self.turns);
        let enqueued: u64 = waiting.iter().sum();
        if enqueued > 0 {
            self.queued += enqueued;
            self.queue.push_back((t_s, waiting.clone()));
        }
        Admission {
            rejected: left.iter().zip(&waiting).map(|(l, w)| l - w).collect(),
            admitted_now,
            admitted_from_queue,
            waited_s,
        }
    }
}

/// Who won the ties of a bucket's past splits, so that the next ones go to someone else.
#[derive(Clone, Debug, Default)]
struct Turns {
    /// Per client, when it last got a left-over request (0: never).
    last_won: Vec<u64>,
    clock: u64,
}

/// Splits `n` (at most their sum) over `counts` in proportion: each gets the floor of its
/// share, and the requests left over go to the largest remainders. Equal remainders go to
/// the client that got a left-over request longest ago, so identical clients (whose
/// remainders are always equal) are favoured in rotation, never the same ones. Integer
/// arithmetic, so equal shares tie exactly.
fn split(n: u64, counts: &[u64], turns: &mut Turns) -> Vec<u64> {
    let k = counts.len();
    let total: u64 = counts.iter().sum();
    if total == 0 || n == 0 {
        return vec![0; k];
    }
    turns.last_won.resize(k, 0);
    let n = u128::from(n.min(total));
    let total = u128::from(total);
    let scaled: Vec<u128> = counts.iter().map(|&c| u128::from(c) * n).collect();
    // Each floor is at most its count, so it fits back in u64.
    let mut out: Vec<u64> = scaled.iter().map(|x| (x / total) as u64).collect();
    let short = (n - out.iter().map(|&x| u128::from(x)).sum::<u128>()) as usize;
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
        (scaled[b] % total)
            .cmp(&(scaled[a] % total))
            .then(turns.last_won[a].cmp(&turns.last_won[b]))
            .then(a.cmp(&b))
    });
    // The remainders add up to `short` whole requests, so the first `short` are all above 0.
    for &i in &order[..short] {
        out[i] += 1;
        turns.clock += 1;
        turns.last_won[i] = turns.clock;
    }
    out
}

/// One bucket over a series of per-second arrivals: the hand-workable core of the demo.
/// `max_wait_s = 0` means no queue. Bad input (rate or burst not finite, negative, or
/// above [`MAX_RATE_PER_S`]; a wait above [`MAX_WAIT_S`]) gives an error.
pub fn token_bucket(
    arrivals: &[u64],
    rate_per_s: f64,
    burst: f64,
    max_wait_s: u32,
) -> Result<Vec<BucketStep>, String> {
    let within = |x: f64| x.is_finite() && (0.0..=MAX_RATE_PER_S).contains(&x);
    if !(within(rate_per_s) && within(burst)) {
        return Err(format!(
            "The rate and the burst must be between 0 and {MAX_RATE_PER_S}."
        ));
    }
    if max_wait_s > MAX_WAIT_S {
        return Err(format!("The longest wait must be at most {MAX_WAIT_S} s."));
    }
    let mut bucket = Bucket::new(rate_per_s, burst, max_wait_s);
    Ok(arrivals
        .iter()
        .zip(0u32..)
        .map(|(&a, t_s)| {
            let step = bucket.step(t_s, &[a]);
            BucketStep {
                t_s,
                arrived: a,
                admitted_now: step.admitted_now[0],
                admitted_from_queue: step.admitted_from_queue[0],
                rejected: step.rejected[0],
                queued: bucket.queued,
                tokens: bucket.tokens,
            }
        })
        .collect())
}

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

/// One second of one scenario, over all clients.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Second {
    pub t_s: u32,
    pub arrived: u64,
    pub admitted_now: u64,
    pub admitted_from_queue: u64,
    /// 429s.
    pub rejected: u64,
    pub queued: u64,
    /// Tokens left in all buckets (the one global bucket, or the sum of the clients').
    pub tokens: f64,
    /// Offered to the app tier, served, and failed for lack of capacity.
    pub offered_to_app: u64,
    pub served: f64,
    pub failed: f64,
    /// More was offered than the app tier serves: everything this second is slow.
    pub overloaded: bool,
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
    for (t_s, arrived) in (0u32..).zip(arrivals) {
        let mut now = vec![0; k];
        let mut queued_in = vec![0; k];
        let mut rejected = vec![0; k];
        match limiter {
            Limiter::None => now.clone_from(arrived),
            Limiter::Global => {
                let a = buckets[0].step(t_s, arrived);
                (now, queued_in, rejected) = (a.admitted_now, a.admitted_from_queue, a.rejected);
                waited_s += a.waited_s;
            }
            Limiter::PerClient => {
                for (c, bucket) in buckets.iter_mut().enumerate() {
                    let a = bucket.step(t_s, &arrived[c..=c]);
                    now[c] = a.admitted_now[0];
                    queued_in[c] = a.admitted_from_queue[0];
                    rejected[c] = a.rejected[0];
                    waited_s += a.waited_s;
                }
            }
        }
        let admitted: Vec<u64> = now.iter().zip(&queued_in).map(|(a, b)| a + b).collect();
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
            t_s,
            arrived: arrived.iter().sum(),
            admitted_now: now.iter().sum(),
            admitted_from_queue: queued_in.iter().sum(),
            rejected: rejected.iter().sum(),
            queued: buckets.iter().map(|b| b.queued).sum(),
            tokens: buckets.iter().map(|b| b.tokens).sum(),
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
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(message);
        }
    };
    let within = |x: f64| x.is_finite() && (0.0..=MAX_RATE_PER_S).contains(&x);
    check(
        within(p.rate_per_s) && p.rate_per_s > 0.0,
        format!("The bucket's rate must be above 0 and at most {MAX_RATE_PER_S} per second."),
    );
    check(
        within(p.burst),
        format!("The burst must be between 0 and {MAX_RATE_PER_S} requests."),
    );
    check(
        (1..=MAX_CLIENTS).contains(&p.clients),
        format!("There must be 1 to {MAX_CLIENTS} clients."),
    );
    check(
        !within(p.burst) || p.burst >= f64::from(p.clients.clamp(1, MAX_CLIENTS)),
        "The burst must be at least one request per client, or a per-client bucket admits nothing."
            .into(),
    );
    check(
        within(p.normal_per_s) && within(p.abusive_per_s),
        format!("A client's requests must be between 0 and {MAX_RATE_PER_S} per second."),
    );
    check(
        within(p.capacity_per_s),
        format!("The app tier's capacity must be between 0 and {MAX_RATE_PER_S} req/s."),
    );
    check(
        p.max_wait_s <= MAX_WAIT_S,
        format!("The longest wait must be at most {MAX_WAIT_S} s."),
    );
    check(
        (1..=MAX_DURATION_S).contains(&p.duration_s),
        format!("The run must last 1 to {MAX_DURATION_S} s."),
    );
    check(
        p.burst_start_s <= MAX_DURATION_S && p.burst_length_s <= MAX_DURATION_S,
        format!("The burst must start and last within {MAX_DURATION_S} s."),
    );
    problems
}

/// Link format: `rate=300&burst=300&wait=0&k=12&normal=8&abuse=632&at=10&len=60&cap=300&dur=120`.
impl LinkState for RateLimitParams {
    fn to_query(&self) -> String {
        let d = RateLimitParams::default();
        let mut pairs = Vec::new();
        for (key, x, default) in [
            ("rate", self.rate_per_s, d.rate_per_s),
            ("burst", self.burst, d.burst),
            ("normal", self.normal_per_s, d.normal_per_s),
            ("abuse", self.abusive_per_s, d.abusive_per_s),
            ("cap", self.capacity_per_s, d.capacity_per_s),
        ] {
            if x != default {
                pairs.push((key, number_text(x)));
            }
        }
        for (key, x, default) in [
            ("wait", self.max_wait_s, d.max_wait_s),
            ("k", self.clients, d.clients),
            ("at", self.burst_start_s, d.burst_start_s),
            ("len", self.burst_length_s, d.burst_length_s),
            ("dur", self.duration_s, d.duration_s),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = RateLimitParams::default();
        let mut r = LinkReader::new(query);
        for (key, field, lo) in [
            ("rate", &mut p.rate_per_s, 0.001),
            ("normal", &mut p.normal_per_s, 0.0),
            ("abuse", &mut p.abusive_per_s, 0.0),
            ("cap", &mut p.capacity_per_s, 0.0),
        ] {
            if let Some(x) = r.number(key, lo, MAX_RATE_PER_S) {
                *field = x;
            }
        }
        for (key, field, lo, hi) in [
            ("wait", &mut p.max_wait_s, 0, MAX_WAIT_S),
            ("at", &mut p.burst_start_s, 0, MAX_DURATION_S),
            ("len", &mut p.burst_length_s, 0, MAX_DURATION_S),
            ("dur", &mut p.duration_s, 1, MAX_DURATION_S),
        ] {
            if let Some(x) = r.whole(key, lo, hi) {
                *field = x;
            }
        }
        if let Some(k) = r.whole("k", 1, MAX_CLIENTS) {
            p.clients = k;
        }
        // The default burst covers the most clients; one from a link must cover them too.
        if let Some(b) = r.number("burst", 0.0, MAX_RATE_PER_S) {
            if b >= f64::from(p.clients) {
                p.burst = b;
            } else {
                r.ignore(
                    "burst",
                    &number_text(b),
                    format!("below one request for each of the {} clients", p.clients),
                );
            }
        }
        (p, r.finish())
    }
}

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for RateLimitParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The rate limiting demo in the lab's registry.
pub struct RateLimiting;

impl crate::demo::Demo for RateLimiting {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::RateLimiting;
    type Params = RateLimitParams;
    type Outcome = RateLimitOutcome;

    fn evaluate(p: &RateLimitParams) -> Result<RateLimitOutcome, Vec<String>> {
        simulate(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_proportional_and_exact() {
        let at_first = |n, counts: &[u64]| split(n, counts, &mut Turns::default());
        assert_eq!(at_first(300, &[632, 8, 8]), vec![292, 4, 4]);
        assert_eq!(at_first(10, &[2, 3]), vec![2, 3]);
        assert_eq!(at_first(0, &[2, 3]), vec![0, 0]);
        for n in 0..=20 {
            let out = at_first(n, &[7, 0, 13]);
            assert_eq!(out.iter().sum::<u64>(), n);
            assert_eq!(out[1], 0);
        }
    }

    #[test]
    fn ties_take_turns() {
        // 3 requests for 4 identical clients: the left-over one goes round.
        let mut turns = Turns::default();
        assert_eq!(split(3, &[1, 1, 1, 1], &mut turns), vec![1, 1, 1, 0]);
        assert_eq!(split(3, &[1, 1, 1, 1], &mut turns), vec![1, 1, 0, 1]);
        assert_eq!(split(3, &[1, 1, 1, 1], &mut turns), vec![1, 0, 1, 1]);
        // 300 tokens for 720 requests: every share is 1/3 of a request over a whole one, so
        // the 4 left over go to the next 4 clients in turn, the abuser included.
        let arrivals = [632, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8];
        let mut turns = Turns::default();
        let mut given = [0u64; 12];
        for _ in 0..3 {
            let out = split(300, &arrivals, &mut turns);
            assert_eq!(out.iter().sum::<u64>(), 300);
            for (g, o) in given.iter_mut().zip(out) {
                *g += o;
            }
        }
        // Three seconds: each client won one tie.
        assert_eq!(given, [790, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
        // Unequal remainders still come first, whoever won last.
        assert_eq!(split(1, &[1, 2], &mut turns), vec![0, 1]);
    }
}
