//! Invariants of the responsibility matrix and the self-check.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::service_models::*;
use proptest::prelude::*;

mod common;

fn rank(m: Manager) -> u8 {
    match m {
        Manager::You => 0,
        Manager::Shared => 1,
        Manager::Provider => 2,
    }
}

/// Along `managers` the provider's share never shrinks: no "you" after a "provider".
fn hands_over_in_order(managers: impl Iterator<Item = Manager>) -> bool {
    let ranks: Vec<u8> = managers.map(rank).collect();
    ranks.windows(2).all(|w| w[0] <= w[1])
}

#[test]
fn each_column_hands_over_from_the_bottom_up() {
    for model in Model::ALL {
        let column = Layer::ALL.iter().map(|&l| manager(model, l));
        assert!(hands_over_in_order(column), "{model:?}");
    }
}

#[test]
fn each_row_hands_over_from_left_to_right() {
    // Across a row, a later model never gives a layer back to you.
    for layer in Layer::ALL {
        let row = Model::ALL.iter().map(|&m| manager(m, layer));
        assert!(hands_over_in_order(row), "{layer:?}");
    }
}

#[test]
fn data_is_never_the_providers() {
    for model in Model::ALL {
        assert_eq!(manager(model, Layer::Data), Manager::You, "{model:?}");
    }
}

#[test]
fn every_shared_cell_has_a_note() {
    for model in Model::ALL {
        for layer in Layer::ALL {
            if manager(model, layer) == Manager::Shared {
                assert!(note(model, layer).is_some(), "{model:?} {layer:?}");
            }
        }
    }
}

proptest! {
    #[test]
    fn grading_any_pair_gives_a_value_or_an_error(q in any::<usize>(), choice in any::<usize>()) {
        if let Ok(f) = grade(q, choice) {
            prop_assert_eq!(f.correct, SELF_CHECK[q].answer == choice);
        }
    }

    #[test]
    fn any_answers_give_a_score_or_an_error(answers in prop::array::uniform7(proptest::option::of(0usize..6))) {
        let p = ServiceModelsParams { answers, ..Default::default() };
        if let Ok(o) = evaluate(&p) {
            prop_assert!(o.correct <= o.answered);
            prop_assert_eq!(o.answered, answers.iter().flatten().count());
        }
    }

    #[test]
    fn answer_links_round_trip(text in "[-0-9]{0,9}") {
        let (p, _) = ServiceModelsParams::from_query(&Query::parse(&format!("ans={text}")));
        prop_assert!(evaluate(&p).is_ok());
        common::round_trips(&p)?;
    }
}
