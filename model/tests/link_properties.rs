//! The deep-link reader over arbitrary text: it never panics, and what it writes it reads back.

use cloud_lab_model::link::{LinkReader, Query, Route};
use proptest::prelude::*;

proptest! {
    #[test]
    fn any_hash_parses(hash in ".{0,300}") {
        let route = Route::parse(&hash);
        prop_assert!(route.page.chars().count() <= 64);
        let mut reader = LinkReader::new(&route.query);
        let _ = reader.number("a", 0.0, 1.0);
        let _ = reader.whole("b", 0, 10);
        let _ = reader.flag("c");
        let _ = reader.finish();
    }

    #[test]
    fn pairs_round_trip_through_a_query(pairs in prop::collection::vec(("[a-z]{1,8}", ".{0,40}"), 0..10)) {
        let query = Query::encode(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())));
        let back = Query::parse(&query);
        for (k, _) in &pairs {
            // The last value given for a key wins.
            let last = pairs.iter().rev().find(|(k2, _)| k2 == k).map(|(_, v)| v.as_str());
            prop_assert_eq!(back.get(k), last);
        }
    }
}
