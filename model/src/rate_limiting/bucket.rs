//! One token bucket, second by second: refill, the queue, and fair shares of a bucket
//! several clients use.

use std::collections::VecDeque;

use super::{MAX_RATE_PER_S, MAX_WAIT_S};
use crate::sort;

/// One second of one bucket (or of several, summed: a scenario's [`Second`](super::Second)).
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
pub(super) struct Bucket {
    rate_per_s: f64,
    burst: f64,
    pub tokens: f64,
    queue_cap: u64,
    /// (arrival second, waiting requests per client), oldest first.
    queue: VecDeque<(u32, Vec<u64>)>,
    pub queued: u64,
    /// Ties in who is granted something (a token now or a place in the queue), and in who
    /// goes first (which granted requests take the tokens now, which drain first): the
    /// first decides whether a request is served, the second only when.
    grant_turns: Turns,
    order_turns: Turns,
}

/// What one bucket did with one second's arrivals, per client. Its owner keeps one from
/// second to second, so a second allocates only for the requests it queues (a 17-minute run of
/// twelve clients: 1,259 allocations, where a fresh `Admission` a second made 185,677).
#[derive(Debug, Default)]
pub(super) struct Admission {
    pub admitted_now: Vec<u64>,
    pub admitted_from_queue: Vec<u64>,
    pub rejected: Vec<u64>,
    /// Seconds waited, summed over the requests admitted from the queue.
    pub waited_s: u64,
    /// Granted a token or a place in the queue.
    granted: Vec<u64>,
    /// Split off for one queued second, or granted but left to wait.
    share: Vec<u64>,
}

impl Bucket {
    pub(super) fn new(rate_per_s: f64, burst: f64, max_wait_s: u32) -> Bucket {
        Bucket {
            rate_per_s,
            burst,
            tokens: burst,
            queue_cap: (rate_per_s * f64::from(max_wait_s)).floor() as u64,
            queue: VecDeque::new(),
            queued: 0,
            grant_turns: Turns::default(),
            order_turns: Turns::default(),
        }
    }

    fn whole_tokens(&self) -> u64 {
        // Tokens never exceed the validated burst, so the cast is exact.
        self.tokens.max(0.0).floor() as u64
    }

    /// One second: `out` says what became of `arrivals`.
    pub(super) fn step(&mut self, t_s: u32, arrivals: &[u64], out: &mut Admission) {
        if t_s > 0 {
            self.tokens = (self.tokens + self.rate_per_s).min(self.burst);
        }
        let clients = arrivals.len();
        out.admitted_from_queue.clear();
        out.admitted_from_queue.resize(clients, 0);
        out.waited_s = 0;
        loop {
            let tokens = self.whole_tokens();
            let Some((arrived_at, waiting)) = self.queue.front_mut().filter(|_| tokens > 0) else {
                break;
            };
            let total: u64 = waiting.iter().sum();
            let take = tokens.min(total);
            split(take, waiting, &mut self.order_turns, &mut out.share);
            for (c, &n) in out.share.iter().enumerate() {
                waiting[c] -= n;
                out.admitted_from_queue[c] += n;
            }
            out.waited_s += take.saturating_mul(u64::from(t_s - *arrived_at));
            self.tokens -= take as f64;
            self.queued -= take;
            if take == total {
                self.queue.pop_front();
            }
        }
        // The second's arrivals: what the tokens and the queue's room can take is granted
        // in proportion to what each client sent; of that, the tokens go in proportion too,
        // and the rest waits.
        let total: u64 = arrivals.iter().sum();
        let admit = self.whole_tokens().min(total);
        let room = self.queue_cap.saturating_sub(self.queued);
        split(
            admit + room.min(total - admit),
            arrivals,
            &mut self.grant_turns,
            &mut out.granted,
        );
        split(
            admit,
            &out.granted,
            &mut self.order_turns,
            &mut out.admitted_now,
        );
        self.tokens -= admit as f64;
        out.share.clear();
        out.share.extend(
            out.granted
                .iter()
                .zip(&out.admitted_now)
                .map(|(g, n)| g - n),
        );
        let enqueued: u64 = out.share.iter().sum();
        if enqueued > 0 {
            self.queued += enqueued;
            self.queue.push_back((t_s, out.share.clone()));
        }
        out.rejected.clear();
        out.rejected
            .extend(arrivals.iter().zip(&out.granted).map(|(a, g)| a - g));
    }
}

/// Who won the ties of a bucket's past splits, so that the next ones go to someone else.
#[derive(Clone, Debug, Default)]
struct Turns {
    /// Per client, when it last got a left-over request (0: never).
    last_won: Vec<u64>,
    clock: u64,
}

/// Splits `n` (at most their sum) over `counts` in proportion, into `out`: each gets the
/// floor of its share, and the requests left over go to the largest remainders. Equal
/// remainders go to the client that got a left-over request longest ago, so identical
/// clients (whose remainders are always equal) are favoured in rotation, never the same
/// ones. Integer arithmetic, so equal shares tie exactly.
fn split(n: u64, counts: &[u64], turns: &mut Turns, out: &mut Vec<u64>) {
    let k = counts.len();
    out.clear();
    out.resize(k, 0);
    let total: u64 = counts.iter().sum();
    if total == 0 || n == 0 {
        return;
    }
    turns.last_won.resize(k, 0);
    let n = n.min(total);
    // A count's share of `n`: its floor (at most the count) and the remainder (below
    // `total`), both u64. In u64 arithmetic while count × n fits, which is nearly always:
    // u128 division is done in software on wasm.
    let small = total.checked_mul(n).is_some();
    let share = |c: u64| {
        if small {
            (c * n / total, c * n % total)
        } else {
            let (x, t) = (u128::from(c) * u128::from(n), u128::from(total));
            ((x / t) as u64, (x % t) as u64)
        }
    };
    let mut given = 0;
    for (o, &c) in out.iter_mut().zip(counts) {
        *o = share(c).0;
        given += *o;
    }
    let short = (n - given) as usize;
    if short == 0 {
        return;
    }
    let mut order: Vec<usize> = (0..k).collect();
    // Largest remainder first, then the one that won a request longest ago, then the first:
    // the remainder and the turn fit one key, 64 bits each.
    sort::by_key(&mut order, |&i| {
        let remainder = share(counts[i]).1;
        (u128::from(u64::MAX - remainder) << 64) | u128::from(turns.last_won[i])
    });
    // The remainders add up to `short` whole requests, so the first `short` are all above 0.
    for &i in &order[..short] {
        out[i] += 1;
        turns.clock += 1;
        turns.last_won[i] = turns.clock;
    }
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
    let mut step = Admission::default();
    Ok(arrivals
        .iter()
        .zip(0u32..)
        .map(|(&a, t_s)| {
            bucket.step(t_s, &[a], &mut step);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(n: u64, counts: &[u64], turns: &mut Turns) -> Vec<u64> {
        let mut out = Vec::new();
        super::split(n, counts, turns, &mut out);
        out
    }

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
    fn split_of_counts_whose_product_needs_128_bits() {
        // 2^61 requests over 2^62 and 2^61: shares of 2/3 and 1/3 of 2^61, the one left over
        // to the larger remainder (the second's .67 against the first's .33).
        let out = split(1 << 61, &[1 << 62, 1 << 61], &mut Turns::default());
        assert_eq!(
            out,
            vec![1_537_228_672_809_129_301, 768_614_336_404_564_651]
        );
        assert_eq!(out.iter().sum::<u64>(), 1 << 61);
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
