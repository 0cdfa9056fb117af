//! Cache and CDN: each layer takes its share of the reads; a cached copy can be out of date.

use super::{number, percent, Exercise, Kind};
use crate::cache_cdn::{CacheCdnOutcome, CacheCdnParams};

type P = CacheCdnParams;
type O = CacheCdnOutcome;

fn no_invalidation(p: &mut P) {
    p.invalidate_on_write = false;
}

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "database-reads",
        title: "Reads that reach the database",
        setup: |_| {},
        question: |_, o| {
            format!(
                "In the burst, {} req/s reach the edge. The CDN serves {} of them, and Redis \
                 answers {} of the metadata lookups the rest make (one lookup per request). How \
                 many reads per second reach the database?",
                number(o.burst.edge_per_s),
                percent(o.burst.cdn_hit_ratio),
                percent(o.burst.redis_hit_ratio)
            )
        },
        kind: Kind::predict(|_, o| o.burst.db_reads_per_s, 1.0, "reads/s"),
        hint: "Each layer passes on only its misses: multiply the load by each miss ratio.",
        why: |_, o| {
            let b = &o.burst;
            format!(
                "Database reads = edge × (1 − CDN hit) × (1 − Redis hit) = {} × {} × {} = {} \
                 reads/s.",
                number(b.edge_per_s),
                number(1.0 - b.cdn_hit_ratio),
                number(1.0 - b.redis_hit_ratio),
                number(b.db_reads_per_s)
            )
        },
    },
    Exercise {
        slug: "stale-caption",
        title: "How long a stale caption lasts",
        setup: no_invalidation,
        question: |p, _| {
            format!(
                "A caption is edited while Redis holds its metadata for {} s, and the app does \
                 not delete the cached copy on write. At worst, how long can readers still see \
                 the old caption?",
                number(p.meta_ttl_s)
            )
        },
        kind: Kind::Choose {
            options: &[
                "Until the delete reaches the cache, a few seconds",
                "Up to one TTL",
                "Until Redis restarts",
            ],
            answer: |p, _| if p.invalidate_on_write { 0 } else { 1 },
        },
        hint: "Without a delete on write, nothing removes the copy before it expires.",
        why: |_, o| {
            let s = &o.staleness;
            format!(
                "The copy lives its TTL: the worst window is {} s, the expected one {} s, and {} \
                 of reads ({} an hour) see an old caption. Deleting on write shrinks the worst \
                 window to {} s.",
                number(s.worst_window_s),
                number(s.expected_window_s),
                percent(s.stale_read_share),
                number(s.stale_reads_per_hour),
                number(o.staleness_other.worst_window_s)
            )
        },
    },
    Exercise {
        slug: "stale-under-one-percent",
        title: "Fewer than 1 % stale reads",
        setup: no_invalidation,
        question: |_, o| {
            format!(
                "Without a delete on write, {} of the metadata reads see an old value. Keep \
                 delete-on-write off and bring stale reads under 1 %.",
                percent(o.staleness.stale_read_share)
            )
        },
        kind: Kind::Goal {
            met: |p, o| !p.invalidate_on_write && o.staleness.stale_read_share < 0.01,
            show_me: |p| p.meta_ttl_s = 10.0,
        },
        hint: "A shorter TTL fetches fresh metadata sooner, at the price of more database reads.",
        why: |p, o| {
            format!(
                "With a {} s TTL, {} of reads are stale ({} an hour), and {} of lookups find a \
                 cached copy.",
                number(p.meta_ttl_s),
                percent(o.staleness.stale_read_share),
                number(o.staleness.stale_reads_per_hour),
                percent(o.staleness.cached_share)
            )
        },
    },
];
