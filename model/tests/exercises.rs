//! Every exercise of every demo, checked against its own model: the reference answer passes,
//! a wrong answer fails, "show me" answers it, and every question is written from the model.

use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::demo::{Demo, Visitor};
use cloud_lab_model::exercises::{lab, Answer, Exercise, Kind, Model};
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

struct CheckAll;
impl Visitor for CheckAll {
    type Output = [usize; 3];
    fn visit<D: Demo>(&mut self) -> [usize; 3] {
        check_demo(D::info().slug, D::EXERCISES, D::evaluate)
    }
}

#[test]
fn every_demo_has_exercises_whose_reference_answers_pass_and_wrong_ones_fail() {
    let counts: Vec<[usize; 3]> = DemoId::ALL
        .iter()
        .map(|id| id.visit(&mut CheckAll))
        .collect();
    let total: [usize; 3] = counts
        .iter()
        .fold([0; 3], |t, c| [t[0] + c[0], t[1] + c[1], t[2] + c[2]]);
    assert!(total.iter().all(|&k| k > 0), "all three kinds: {total:?}");
    assert!(
        total.iter().sum::<usize>() >= 30,
        "at least 30 exercises: {total:?}"
    );
    assert_eq!(lab::all().len(), total.iter().sum::<usize>());
}

/// The answers as the browser keeps them and a results link carries them: the reference answer
/// written as text checks right, a wrong one wrong, and text that does not read checks nothing.
struct AsText;
impl Visitor for AsText {
    type Output = ();
    fn visit<D: Demo>(&mut self) {
        for ex in D::EXERCISES {
            let base = lab::base::<D>();
            let reference = ex
                .reference(&base, D::evaluate)
                .expect("a reference answer");
            let text = lab::answer_text(&reference);
            let f = lab::check_text(D::ID, ex.slug, &text).expect("the text reads");
            assert!(
                f.correct,
                "{}.{}: {text} → {}",
                D::info().slug,
                ex.slug,
                f.text
            );
            let wrong = match reference {
                Answer::Number(x) => lab::answer_text::<D::Params>(&Answer::Number(x * 3.0 + 7.0)),
                Answer::Choice(i) => ((i + 1) % 2).to_string(),
                Answer::Settings(_) => lab::answer_text(&Answer::Settings(ex.asked(&base))),
            };
            let f = lab::check_text(D::ID, ex.slug, &wrong).expect("the text reads");
            assert!(!f.correct, "{}.{}: {wrong} passes", D::info().slug, ex.slug);
            if !matches!(ex.kind, Kind::Goal { .. }) {
                assert_eq!(lab::check_text(D::ID, ex.slug, "lots"), None);
            }
        }
        assert_eq!(lab::check_text(D::ID, "no-such-exercise", "1"), None);
    }
}

#[test]
fn answers_written_as_text_check_as_the_answers_do() {
    for id in DemoId::ALL {
        id.visit(&mut AsText);
    }
}

/// A goal met by changing what the question holds fixed is not met: the cost budget by a
/// bigger discount or cheaper prices, the spike by less load or a higher ceiling.
#[test]
fn goals_are_not_met_by_changing_what_the_question_holds_fixed() {
    use cloud_lab_model::autoscaling::Autoscaling;
    use cloud_lab_model::cost::Cost;
    use cloud_lab_model::money::Decimal;
    fn goal<D: Demo>(slug: &str) -> &'static Exercise<D::Params, D::Outcome> {
        D::EXERCISES.iter().find(|e| e.slug == slug).expect(slug)
    }
    let met = |ex: &Exercise<_, _>, p| {
        ex.check(&Default::default(), &Answer::Settings(p), Cost::evaluate)
            .correct
    };
    let budget = goal::<Cost>("under-budget");
    assert!(
        met(budget, budget.shown(&Default::default())),
        "show me meets it"
    );
    let mut bigger_discount = budget.asked(&Default::default());
    bigger_discount.savings_plan.discount = 0.9;
    assert!(Cost::evaluate(&bigger_discount).is_ok());
    assert!(
        !met(budget, bigger_discount),
        "a 90 % discount does not meet the budget"
    );
    let mut cheaper_vcpu = budget.asked(&Default::default());
    cheaper_vcpu.prices.fargate_vcpu_hour_usd = Decimal::parse("0.001").expect("a price");
    assert!(
        !met(budget, cheaper_vcpu),
        "a cheaper price does not meet the budget"
    );

    let spike = goal::<Autoscaling>("drop-under-one-percent");
    let met = |p| {
        spike
            .check(
                &Default::default(),
                &Answer::Settings(p),
                Autoscaling::evaluate,
            )
            .correct
    };
    assert!(met(spike.shown(&Default::default())), "show me meets it");
    let mut less_load = spike.asked(&Default::default());
    less_load.edge_load_per_s /= 10.0;
    assert!(
        !met(less_load),
        "a tenth of the load does not meet the goal"
    );
    let mut higher_ceiling = spike.shown(&Default::default());
    higher_ceiling.max_tasks += 10;
    assert!(
        !met(higher_ceiling),
        "a higher ceiling than the question's does not meet it"
    );
}
