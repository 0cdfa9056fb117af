//! Token buckets worked by hand, and the default scenario's numbers: a limiter at the
//! fleet's capacity during a spike the autoscaler has not caught up with yet.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::rate_limiting::*;

mod common;

/// (admitted now, admitted from the queue, rejected, queued) per second.
fn steps(arrivals: &[u64], rate: f64, burst: f64, wait: u32) -> Vec<(u64, u64, u64, u64)> {
    token_bucket(arrivals, rate, burst, wait)
        .unwrap()
        .iter()
        .map(|s| (s.admitted_now, s.admitted_from_queue, s.rejected, s.queued))
        .collect()
}

fn burst_of_100() -> Vec<u64> {
    let mut a = vec![0; 10];
    a[0] = 100;
    a
}

#[test]
fn a_burst_of_100_into_r10_b20_with_a_queue_drains_at_10_a_second() {
    let got = steps(&burst_of_100(), 10.0, 20.0, 10);
    assert_eq!(got[0], (20, 0, 0, 80));
    for (t, step) in got.iter().enumerate().skip(1).take(8) {
        assert_eq!(*step, (0, 10, 0, 80 - 10 * t as u64), "t = {t}");
    }
    assert_eq!(got[9], (0, 0, 0, 0));
}

#[test]
fn without_a_queue_the_excess_is_rejected_at_once() {
    let got = steps(&burst_of_100(), 10.0, 20.0, 0);
    assert_eq!(got[0], (20, 0, 80, 0));
    assert!(got[1..].iter().all(|s| *s == (0, 0, 0, 0)));
}

#[test]
fn a_5_s_queue_holds_50_and_rejects_30() {
    let got = steps(&burst_of_100(), 10.0, 20.0, 5);
    assert_eq!(got[0], (20, 0, 30, 50));
    for step in &got[1..=5] {
        assert_eq!(step.1, 10);
    }
    assert_eq!(got[5].3, 0);
    let waited: Vec<f64> = token_bucket(&burst_of_100(), 10.0, 20.0, 5)
        .unwrap()
        .iter()
        .map(|s| s.tokens)
        .collect();
    assert_eq!(waited[0], 0.0);
    assert_eq!(
        waited[9], 20.0,
        "refilled to the burst once the queue is empty"
    );
}

#[test]
fn a_steady_15_a_second_settles_at_the_rate() {
    // r = 10, b = 20: 15 (tokens 5), 15 (10 + 5 → 0), then 10 admitted, 5 rejected each second.
    let got = steps(&[15; 5], 10.0, 20.0, 0);
    assert_eq!(got[0], (15, 0, 0, 0));
    assert_eq!(got[1], (15, 0, 0, 0));
    for step in &got[2..] {
        assert_eq!(*step, (10, 0, 5, 0));
    }
    let admitted: u64 = got.iter().map(|s| s.0).sum();
    assert_eq!(
        admitted as f64,
        max_admitted(10.0, 20.0, 4.0),
        "b + r·t over 5 s"
    );
}

#[test]
fn the_hand_worked_example_on_the_page() {
    // (with no queue, with a 10 s queue): the same rows as worked above.
    let none = hand_worked(0);
    let queued = hand_worked(HAND_MAX_WAIT_S);
    assert_eq!((none.len(), queued.len()), (10, 10));
    assert_eq!(
        (none[0].admitted_now, none[0].rejected, none[0].tokens),
        (20, 80, 0.0)
    );
    assert_eq!(none[9].tokens, 20.0);
    assert_eq!((queued[0].admitted_now, queued[0].queued), (20, 80));
    assert_eq!((queued[8].admitted_from_queue, queued[8].queued), (10, 0));
    let admitted: u64 = queued
        .iter()
        .map(|s| s.admitted_now + s.admitted_from_queue)
        .sum();
    assert_eq!(admitted, 100);
}

#[test]
fn the_default_scenario() {
    let p = RateLimitParams::default();
    assert_eq!(
        (p.rate_per_s, p.burst, p.capacity_per_s),
        (300.0, 300.0, 300.0)
    );
    assert_eq!(
        (p.clients, p.normal_per_s, p.abusive_per_s),
        (12, 8.0, 632.0)
    );
    let o = simulate(&p).unwrap();
    // PhotoShare's origin: 96 req/s steady, 720 in the burst (§3).
    assert_eq!(
        (o.offered_steady_per_s, o.offered_burst_per_s),
        (96.0, 720.0)
    );
    assert_eq!((o.per_client_rate_per_s, o.per_client_burst), (25.0, 25.0));
    let [none, global, per_client] = [0, 1, 2].map(|i| &o.runs[i]);
    assert_eq!(none.limiter, Limiter::None);

    // No limiter: 720 req/s at a 300 req/s fleet for 60 s: 420 fail each second, all slow.
    assert_eq!(none.overloaded_seconds, 60);
    let s = none.seconds[10];
    assert_eq!(
        (s.arrived, s.offered_to_app, s.served, s.failed),
        (720, 720, 300.0, 420.0)
    );
    assert_eq!(none.totals.rejected, 0);
    // Well-behaved clients are served in time only outside the burst: half their requests.
    assert!((none.well_behaved_in_time_share.unwrap() - 0.5).abs() < 1e-12);

    // One bucket at capacity: never overloaded, 420 fast 429s a second, but the abuser
    // takes 263⅓ of every 300 tokens. Each second's shares are 263⅓ and 3⅓: the 4 requests
    // left over go round the 12 clients, so each wins one every third second.
    assert_eq!(global.overloaded_seconds, 0);
    let s = global.seconds[10];
    assert_eq!(
        (s.admitted_now, s.rejected, s.served, s.failed),
        (300, 420, 300.0, 0.0)
    );
    assert_eq!(global.clients[0].rejected, 60 * 632 - (60 * 263 + 20));
    for c in &global.clients[1..] {
        assert_eq!(c.admitted, 10 * 8 + (60 * 3 + 20) + 50 * 8, "{c:?}");
    }
    // Served in time: all 5,280 outside the burst and 11 × 200 in it, of 10,560.
    let wb = global.well_behaved_in_time_share.unwrap();
    assert!((wb - 7_480.0 / 10_560.0).abs() < 1e-12, "{wb}");

    // A bucket per client (25/s, burst 25): the abuser gets 25 a second, everyone else all.
    assert_eq!(per_client.overloaded_seconds, 0);
    assert_eq!(per_client.well_behaved_in_time_share, Some(1.0));
    assert_eq!(per_client.seconds[10].admitted_now, 11 * 8 + 25);
    let abusive = per_client.clients[0];
    assert_eq!(
        (abusive.arrived, abusive.admitted),
        (60 * 8 + 60 * 632, 60 * 8 + 60 * 25)
    );
    // The price: per-client buckets leave capacity idle that the abuser's excess could have
    // used, so fewer requests in all are served (113 a second in the burst, not 300).
    let all = 120.0 * 96.0 + 60.0 * 624.0;
    assert!((global.error_share - (1.0 - (60.0 * 96.0 + 60.0 * 300.0) / all)).abs() < 1e-12);
    assert!((per_client.error_share - (1.0 - (60.0 * 96.0 + 60.0 * 113.0) / all)).abs() < 1e-12);
    assert!((none.error_share - (1.0 - 60.0 * 96.0 / all)).abs() < 1e-12);
}

#[test]
fn the_link_round_trips_and_keeps_the_burst_per_client() {
    let p = RateLimitParams {
        rate_per_s: 50.0,
        burst: 120.0,
        max_wait_s: 5,
        clients: 4,
        duration_s: 300,
        ..RateLimitParams::default()
    };
    common::assert_round_trip(&p);
    let (p, ignored) = RateLimitParams::from_query(&Query::parse("k=50&burst=10"));
    assert_eq!((p.clients, p.burst), (50, 300.0));
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].key, "burst");
}

#[test]
fn bad_input_is_explained() {
    let p = RateLimitParams {
        rate_per_s: f64::NAN,
        clients: 0,
        duration_s: 0,
        ..RateLimitParams::default()
    };
    assert_eq!(simulate(&p).unwrap_err().len(), 3);
    assert!(token_bucket(&[1], f64::INFINITY, 1.0, 0).is_err());
    assert!(token_bucket(&[1], 1.0, 1.0, MAX_WAIT_S + 1).is_err());
}
