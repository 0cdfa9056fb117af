//! Invariants of the availability model, over generated inputs.

use cloud_lab_model::availability::*;
use proptest::prelude::*;

mod common;
use common::any_f64;

/// The range the model is usually given, beside the odd numbers.
const USUAL: std::ops::Range<f64> = 0.0..1.0;

proptest! {
    #[test]
    fn a_parallel_replica_never_lowers_availability(a in 0.0..=1.0f64, units in 1u32..40, needed_seed in 0u32..40) {
        let needed = 1 + needed_seed % units;
        let b = Block { component: Component::AppTask, availability: a, units, needed };
        let more = Block { units: units + 1, ..b };
        prop_assert!(block_availability(&more) + 1e-12 >= block_availability(&b));
    }

    #[test]
    fn a_series_chain_is_never_more_available_than_its_weakest_block(blocks in prop::collection::vec((0.0..=1.0f64, 1u32..6), 1..8)) {
        let path: Vec<Block> = blocks.iter().map(|&(a, units)| Block { component: Component::Database, availability: a, units, needed: 1 }).collect();
        let p = AvailabilityParams { path, incidents: vec![], ..Default::default() };
        let c = evaluate(&p).unwrap().composition;
        let weakest = c.blocks.iter().cloned().fold(1.0, f64::min);
        prop_assert!(c.availability <= weakest + 1e-12);
        prop_assert_eq!(c.blocks[c.weakest], weakest);
    }

    #[test]
    fn any_input_gives_a_value_or_an_error(a in any_f64(USUAL), slo in any_f64(USUAL), minutes in any_f64(USUAL), share in any_f64(USUAL), freeze in any_f64(USUAL), units in 0u32..100, needed in 0u32..100, day in 0u32..40, regions in 0u32..4) {
        let p = AvailabilityParams {
            path: vec![Block { component: Component::Cdn, availability: a, units, needed }],
            regions,
            slo,
            month: MonthLength::Average,
            incidents: vec![Incident { day, minutes, users_affected: share }],
            freeze_below: freeze,
        };
        if let Ok(o) = evaluate(&p) {
            prop_assert!(o.composition.availability.is_finite());
            prop_assert!((0.0..=1.0).contains(&o.composition.availability));
            prop_assert!(o.burn.left_min.is_finite());
        }
    }
}
