//! One sort for every list the lab puts in order. Each closure handed to the standard
//! `sort_by` is a copy of Rust's whole sort in the wasm: ten call sites made 106 functions.
//! Here every list is ordered by a `u128` key through one instantiation, and the keys carry
//! the order each call site needs (`f64_key` for `f64::total_cmp`, `descending`). A `BTreeMap`
//! or `BTreeSet` built by `collect()` sorts its items first, with one more copy of the stable
//! sort per item type: `map` and `set` build them by inserting instead.

use std::collections::{BTreeMap, BTreeSet};

/// Orders `items` by `key`, smallest first; items with equal keys keep their order, as
/// `sort_by_key` would.
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let mut order: Vec<(u128, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    sort(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The one copy of the standard sort. Each key carries its item's place, so no two are
/// equal and the unstable sort (smaller than the stable one) keeps equal keys in order.
#[inline(never)]
fn sort(order: &mut [(u128, usize)]) {
    order.sort_unstable();
}

/// `x`'s place in `f64::total_cmp`'s order: −NaN < −∞ < … < −0 < +0 < … < +∞ < NaN.
pub fn f64_key(x: f64) -> u128 {
    let bits = x.to_bits();
    let ordered = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    u128::from(ordered)
}

/// The reverse of `key`'s order: by `descending(key)`, the largest comes first.
pub fn descending(key: u128) -> u128 {
    !key
}

/// The map `collect()` would build (a later value for a key wins), built by inserting.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// The set `collect()` would build, built by inserting.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn orders_as_the_standard_stable_sort(items in prop::collection::vec((0u8..8, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            by_key(&mut ours, |&(k, _)| u128::from(k));
            let mut std = items;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn f64_keys_keep_total_cmp_order(a in any::<f64>(), b in any::<f64>()) {
            prop_assert_eq!(f64_key(a).cmp(&f64_key(b)), a.total_cmp(&b));
            prop_assert_eq!(descending(f64_key(a)).cmp(&descending(f64_key(b))), b.total_cmp(&a));
        }
    }

    #[test]
    fn maps_and_sets_are_the_ones_collect_builds() {
        let pairs = [(3, "c"), (1, "a"), (3, "z"), (2, "b")];
        assert_eq!(map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(
            set([5, 1, 5, 3]),
            [5, 1, 5, 3].into_iter().collect::<BTreeSet<_>>()
        );
    }

    #[test]
    fn f64_keys_at_the_edges() {
        let xs = [
            f64::NEG_INFINITY,
            -1.0,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            1.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for pair in xs.windows(2) {
            assert!(f64_key(pair[0]) < f64_key(pair[1]), "{pair:?}");
        }
        assert!(f64_key(-f64::NAN) < f64_key(f64::NEG_INFINITY));
    }
}
