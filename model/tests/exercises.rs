//! Every exercise of every demo, checked against its own model: the reference answer passes,
//! a wrong answer fails, "show me" answers it, and every question is written from the model.

use cloud_lab_model::exercises::{Answer, Exercise, Kind, Model};
use std::collections::HashSet;
use std::fmt::Debug;

/// Checks one demo's exercises on the worked example; returns how many there are and of which kinds.
fn check_demo<P: Clone + Default + Debug, O>(
    demo: &str,
    exercises: &[Exercise<P, O>],
    model: Model<P, O>,
) -> [usize; 3] {
    let base = P::default();
    let mut kinds = [0; 3];
    let mut slugs = HashSet::new();
    assert!(exercises.len() >= 2, "{demo}: at least two exercises");
    for ex in exercises {
        let name = format!("{demo}.{}", ex.slug);
        assert!(slugs.insert(ex.slug), "{name}: slug used twice");
        assert!(
            ex.slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{name}: a slug is lower-case words joined by '-'"
        );
        let question = ex
            .question_on(&base, model)
            .unwrap_or_else(|e| panic!("{name}: the model refuses the asked params: {e:?}"));
        assert!(
            question.ends_with('?') || question.ends_with('.'),
            "{name}: {question}"
        );
        assert!(!ex.hint.is_empty(), "{name}: a hint");
        let reference = ex
            .reference(&base, model)
            .unwrap_or_else(|e| panic!("{name}: no reference answer: {e:?}"));
        let right = ex.check(&base, &reference, model);
        assert!(
            right.correct,
            "{name}: the reference answer fails: {}",
            right.text
        );
        assert!(
            right.text.chars().any(|c| c.is_ascii_digit()),
            "{name}: the why has numbers: {}",
            right.text
        );
        match ex.kind {
            Kind::Predict { within, .. } => {
                kinds[0] += 1;
                let Answer::Number(x) = reference else {
                    panic!("{name}: a number")
                };
                for wrong in [x + within + 1.0, x - within - 1.0, x * 2.0 + 1.0, f64::NAN] {
                    let f = ex.check(&base, &Answer::Number(wrong), model);
                    assert!(!f.correct, "{name}: {wrong} passes, the answer is {x}");
                }
                assert!(within >= 0.0);
            }
            Kind::Choose { options, .. } => {
                kinds[1] += 1;
                let Answer::Choice(i) = reference else {
                    panic!("{name}: a choice")
                };
                assert!(
                    options.len() >= 2 && i < options.len(),
                    "{name}: option {i}"
                );
                for wrong in (0..options.len() + 1).filter(|&k| k != i) {
                    assert!(
                        !ex.check(&base, &Answer::Choice(wrong), model).correct,
                        "{name}: {wrong}"
                    );
                }
            }
            Kind::Goal { .. } => {
                kinds[2] += 1;
                let asked = ex.asked(&base);
                let f = ex.check(&base, &Answer::Settings(asked), model);
                assert!(
                    !f.correct,
                    "{name}: the goal is met before the student does anything"
                );
                let shown = ex.shown(&base);
                assert!(
                    model(&shown).is_ok(),
                    "{name}: show me's settings are valid"
                );
            }
        }
        // A number given to a goal, a choice to a prediction: refused, never a panic.
        assert!(
            !ex.check(&base, &Answer::Choice(0), model).correct
                || matches!(ex.kind, Kind::Choose { .. })
        );
    }
    kinds
}

#[test]
fn every_demo_has_exercises_whose_reference_answers_pass_and_wrong_ones_fail() {
    use cloud_lab_model::{exercises as ex, *};
    let counts = [
        check_demo(
            "autoscaling",
            &ex::autoscaling::EXERCISES,
            autoscaling::simulate,
        ),
        check_demo(
            "availability",
            &ex::availability::EXERCISES,
            availability::evaluate,
        ),
        check_demo("cost", &ex::cost::EXERCISES, cost::evaluate),
        check_demo("cache-cdn", &ex::cache_cdn::EXERCISES, cache_cdn::evaluate),
        check_demo(
            "failure-drill",
            &ex::failure_drill::EXERCISES,
            failure_drill::simulate,
        ),
        check_demo("iac-drift", &ex::iac_drift::EXERCISES, iac_drift::evaluate),
        check_demo(
            "multi-region",
            &ex::multi_region::EXERCISES,
            multi_region::evaluate,
        ),
        check_demo(
            "rate-limiting",
            &ex::rate_limiting::EXERCISES,
            rate_limiting::simulate,
        ),
        check_demo(
            "rolling-deploy",
            &ex::rolling_deploy::EXERCISES,
            rolling_deploy::simulate,
        ),
        check_demo(
            "serverless",
            &ex::serverless::EXERCISES,
            serverless::evaluate,
        ),
        check_demo(
            "service-models",
            &ex::service_models::EXERCISES,
            service_models::evaluate,
        ),
        check_demo(
            "vm-vs-container",
            &ex::vm_vs_container::EXERCISES,
            vm_vs_container::evaluate,
        ),
    ];
    let total: [usize; 3] = counts
        .iter()
        .fold([0; 3], |t, c| [t[0] + c[0], t[1] + c[1], t[2] + c[2]]);
    assert_eq!(counts.len(), 12, "every demo");
    assert!(
        total.iter().sum::<usize>() >= 30,
        "at least 30 exercises: {total:?}"
    );
    println!(
        "predict {}, choose {}, goal {}",
        total[0], total[1], total[2]
    );
    assert!(total.iter().all(|&k| k > 0), "all three kinds: {total:?}");
}
