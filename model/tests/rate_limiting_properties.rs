//! Invariants of the token bucket and the rate-limiting scenarios, over generated inputs.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::rate_limiting::*;
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..2_000.0;

/// Shell's case from the board (16:00): 8 identical clients, a 1 s queue.
#[test]
fn identical_clients_with_a_short_queue_are_granted_alike() {
    let p = RateLimitParams {
        rate_per_s: 39.36706003020792,
        burst: 7.703835906933674 * 8.0,
        max_wait_s: 1,
        clients: 8,
        normal_per_s: 5.038776702889267,
        abusive_per_s: 5.038776702889267,
        burst_start_s: 0,
        burst_length_s: 0,
        capacity_per_s: 39.36706003020792,
        duration_s: 74,
    };
    let o = simulate(&p).unwrap();
    for run in &o.runs {
        let spread = |f: fn(&ClientTotals) -> u64| {
            let xs = run.clients.iter().map(f);
            xs.clone().max().unwrap_or(0) - xs.min().unwrap_or(0)
        };
        assert!(spread(|c| c.rejected) <= 1, "{:?}", run.clients);
        assert!(spread(|c| c.admitted) <= 1, "{:?}", run.clients);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_request_is_admitted_rejected_or_still_waiting(
        arrivals in prop::collection::vec(0u64..500, 1..120), rate in 0.0..200.0f64, burst in 0.0..400.0f64, wait in 0u32..30,
    ) {
        let steps = token_bucket(&arrivals, rate, burst, wait).unwrap();
        let arrived: u64 = arrivals.iter().sum();
        let admitted: u64 = steps.iter().map(|s| s.admitted_now + s.admitted_from_queue).sum();
        let rejected: u64 = steps.iter().map(|s| s.rejected).sum();
        let waiting = steps.last().map_or(0, |s| s.queued);
        prop_assert_eq!(arrived, admitted + rejected + waiting);
        for s in &steps {
            prop_assert!(s.tokens >= -1e-9 && s.tokens <= burst + 1e-9);
        }
        // No window admits more than b + r·t: check every prefix (the bucket starts full).
        let mut total = 0u64;
        for (t, s) in steps.iter().enumerate() {
            total += s.admitted_now + s.admitted_from_queue;
            prop_assert!(total as f64 <= max_admitted(rate, burst, t as f64) + 1e-6);
        }
    }

    #[test]
    fn a_queue_never_admits_fewer(arrivals in prop::collection::vec(0u64..300, 1..60), rate in 1.0..100.0f64, burst in 1.0..200.0f64, wait in 1u32..30) {
        let admitted = |w| token_bucket(&arrivals, rate, burst, w).unwrap().iter().map(|s| s.admitted_now + s.admitted_from_queue).sum::<u64>();
        prop_assert!(admitted(wait) >= admitted(0));
    }

    #[test]
    fn per_client_buckets_never_serve_well_behaved_clients_less_than_a_global_one(
        clients in 2u32..20, normal in 0.0..20.0f64, abusive in 0.0..2_000.0f64, len in 0u32..100,
    ) {
        let rate = 20.0 * f64::from(clients);
        let p = RateLimitParams {
            rate_per_s: rate, burst: rate, capacity_per_s: rate, clients, normal_per_s: normal,
            abusive_per_s: abusive, burst_length_s: len, duration_s: 120, ..RateLimitParams::default()
        };
        let o = simulate(&p).unwrap();
        let share = |i: usize| o.runs[i].well_behaved_in_time_share.unwrap();
        prop_assert!(share(2) + 1e-9 >= share(1), "{} < {}", share(2), share(1));
        prop_assert!(share(1) + 1e-9 >= share(0));
        prop_assert_eq!(o.runs[1].overloaded_seconds, 0);
    }

    /// Issue 12, item 8: ties in the shared bucket take turns, so clients that send the same
    /// get the same within one request, whichever client number they have.
    #[test]
    fn identical_clients_get_shares_within_one_request(
        clients in 2u32..30, normal in 0.0..40.0f64, abusive in 0.0..2_000.0f64, same in any::<bool>(),
        rate in 1.0..600.0f64, burst_per_client in 1.0..20.0f64, wait in 0u32..10,
        at in 0u32..60, len in 0u32..120, dur in 1u32..240,
    ) {
        let p = RateLimitParams {
            rate_per_s: rate, max_wait_s: wait, clients,
            // The table's smallest bucket holds one request for each of 12 clients.
            burst: (burst_per_client * f64::from(clients)).max(RateLimitParams::BURST.spec.min),
            normal_per_s: normal, abusive_per_s: if same { normal } else { abusive },
            burst_start_s: at, burst_length_s: len, capacity_per_s: rate, duration_s: dur,
        };
        let o = simulate(&p).unwrap();
        for run in &o.runs {
            // Client 1 is identical to the others only when it does not turn abusive.
            let alike = if same { &run.clients[..] } else { &run.clients[1..] };
            let spread = |share: fn(&ClientTotals) -> u64| {
                let (lo, hi) = alike.iter().map(share).fold((u64::MAX, 0), |(lo, hi), x| (lo.min(x), hi.max(x)));
                hi - lo
            };
            // Each is granted a token now or a place in the queue for the same number of its
            // requests, within one; without a queue that is what each is admitted.
            prop_assert!(spread(|c| c.rejected) <= 1, "{:?}: {:?}", run.limiter, alike);
            // With a queue, requests still waiting at the end are granted but not yet admitted.
            if wait == 0 {
                prop_assert!(spread(|c| c.admitted) <= 1, "{:?}: {:?}", run.limiter, alike);
            }
        }
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(
        rate in any_f64(USUAL), burst in any_f64(USUAL), wait in 0u32..700, clients in 0u32..120, normal in any_f64(USUAL),
        abusive in any_f64(USUAL), at in 0u32..4_000, len in 0u32..4_000, cap in any_f64(USUAL), dur in 0u32..400,
    ) {
        let p = RateLimitParams { rate_per_s: rate, burst, max_wait_s: wait, clients, normal_per_s: normal, abusive_per_s: abusive, burst_start_s: at, burst_length_s: len, capacity_per_s: cap, duration_s: dur };
        if let Ok(o) = simulate(&p) {
            for run in &o.runs {
                prop_assert!((0.0..=1.0 + 1e-9).contains(&run.error_share));
                prop_assert_eq!(run.seconds.len(), dur as usize);
            }
        }
        let _ = token_bucket(&[5, 0, 7], rate, burst, wait);
    }

    #[test]
    fn links_with_known_keys_read_without_panic(
        key in prop::sample::select(vec!["r", "burst", "wait", "k", "normal", "abuse", "at", "len", "appcap", "dur"]),
        value in prop_oneof!["-?[0-9]{1,7}(\\.[0-9]{1,3})?", ".{0,12}"],
    ) {
        let (p, _) = RateLimitParams::from_query(&Query::parse(&format!("k=100&{key}={value}")));
        prop_assert!(simulate(&p).is_ok());
    }
}
