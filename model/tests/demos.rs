//! One suite over every registered demo (`DemoId::ALL`, through `DemoId::visit`): a demo is
//! tested by being registered. Links are generated from the demos' own tables, so the
//! random text forms real keys with values in, at and beyond their ranges.

use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::claim::Rounding;
use cloud_lab_model::demo::{Demo, Visitor};
use cloud_lab_model::link::{LinkState, Query, GLOBAL_KEYS};
use cloud_lab_model::money::Decimal;
use cloud_lab_model::params::{self, Access, Field, Spec};
use cloud_lab_model::scenario::{Scenario, KEY_PREFIX};
use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, Union};
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// The text a link may give a field: in range, at the limits, beyond them, not a number.
fn value(field: &Field<()>) -> BoxedStrategy<String> {
    let s = field.spec;
    match field.access {
        Access::Number { .. } | Access::Whole { .. } | Access::Price { .. } => {
            let whole = matches!(field.access, Access::Whole { .. });
            let inside = (s.min..=s.max).prop_map(move |x| {
                if whole {
                    format!("{}", x.round())
                } else {
                    format!("{x:.4}")
                }
            });
            prop_oneof![
                4 => inside,
                1 => Just(params_text(s.min)),
                1 => Just(params_text(s.max)),
                1 => Just(params_text(s.max + s.step.max(1.0))),
                1 => Just(params_text(s.min - s.step.max(1.0))),
                1 => prop::sample::select(vec!["NaN", "inf", "-0", "", "1e400", "x", "0x10"])
                    .prop_map(String::from),
            ]
            .boxed()
        }
        Access::Flag { .. } => prop::sample::select(vec!["0", "1", "2", "yes", ""])
            .prop_map(String::from)
            .boxed(),
        Access::Choice { options, .. } => {
            let slugs: Vec<String> = options.iter().map(|o| o.slug.to_string()).collect();
            prop_oneof![4 => prop::sample::select(slugs), 1 => ".{0,8}"].boxed()
        }
        Access::Text { .. } => ".{0,40}".boxed(),
    }
}

fn params_text(x: f64) -> String {
    cloud_lab_model::link::number_text(x)
}

/// A field of any params, seen without its accessors (only its spec and kind matter here).
fn erased<P>(f: &Field<P>) -> Field<()> {
    let access = match f.access {
        Access::Number { .. } => Access::Number {
            get: |_| 0.0,
            set: |_, _| {},
        },
        Access::Whole { .. } => Access::Whole {
            get: |_| 0,
            set: |_, _| {},
        },
        Access::Flag { .. } => Access::Flag {
            get: |_| false,
            set: |_, _| {},
        },
        Access::Choice { options, .. } => Access::Choice {
            options,
            get: |_| "",
            set: |_, _| {},
        },
        Access::Price { .. } => Access::Price {
            get: |_| Decimal::ZERO,
            set: |_, _| {},
        },
        Access::Text { .. } => Access::Text {
            write: |_| String::new(),
            parse: |_, _| Ok(()),
        },
    };
    Field {
        spec: f.spec,
        access,
    }
}

/// Link text for demo `D`: pairs of its own keys (with the text of its worked example's
/// lists, cut short, among the values), the scenario's, the shell's and unknown ones.
fn link_text<D: Demo>() -> BoxedStrategy<String> {
    let d = D::Params::default();
    let mut pairs: Vec<BoxedStrategy<(String, String)>> = params::fields::<D::Params>()
        .map(|f| {
            let key = f.spec.key.to_string();
            let own = f.text_of(&d);
            let cut = (0..=own.len()).prop_map(move |n| own.chars().take(n).collect::<String>());
            prop_oneof![3 => value(&erased(f)), 1 => cut]
                .prop_map(move |v| (key.clone(), v))
                .boxed()
        })
        .collect();
    let scenario = prop::sample::select(vec!["s.load", "s.hit", "s.maz", "s.hc", "s.tasks"]);
    let scenario_value = prop::sample::select(vec![
        "1500",
        "85~cost",
        "0",
        "1~availability",
        "10/5/3/2",
        "15/5/2/3~rolling-deploy",
        "3.5",
        "NaN",
        "-1",
        "5/9/2/3",
        "1e9",
        "x~nowhere",
    ]);
    pairs.push(
        (scenario, scenario_value)
            .prop_map(|(k, v)| (k.to_string(), v.to_string()))
            .boxed(),
    );
    pairs.push(
        (
            prop::sample::select(GLOBAL_KEYS.to_vec()),
            "(0|1|azure|aws|.{0,4})",
        )
            .prop_map(|(k, v)| (k.to_string(), v))
            .boxed(),
    );
    pairs.push(("[a-z]{1,6}", ".{0,12}").boxed());
    prop::collection::vec(Union::new(pairs), 0..10)
        .prop_map(|pairs| Query::encode(pairs.iter().map(|(k, v)| (k.as_str(), v.clone()))))
        .boxed()
}

/// Cases per demo: the simulations (a day of autoscaling at one-second steps) are the slow part.
const CASES: u32 = 48;

/// Runs `test` on `CASES` values of `strategy`; a failing case panics with proptest's report.
fn run_cases<S: Strategy>(strategy: &S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(strategy, test) {
        panic!("{e}");
    }
}

/// Runs `v`'s checks on every registered demo.
fn every_demo(v: &mut impl Visitor<Output = ()>) {
    for id in DemoId::ALL {
        id.visit(v);
    }
}

struct AnyLinkGivesValidParams;
impl Visitor for AnyLinkGivesValidParams {
    type Output = ();
    fn visit<D: Demo>(&mut self) {
        run_cases(&link_text::<D>(), |text| {
            let query = Query::parse(&text);
            let opened = Scenario::default().open::<D>(&query, false);
            prop_assert!(
                D::evaluate(&opened.params).is_ok(),
                "{}: #/{}?{text} gives params the model refuses: {:?}",
                D::info().slug,
                D::info().slug,
                D::evaluate(&opened.params).err()
            );
            Ok(())
        });
    }
}

#[test]
fn any_link_text_gives_valid_params() {
    every_demo(&mut AnyLinkGivesValidParams);
}

struct LinksRoundTrip;
impl Visitor for LinksRoundTrip {
    type Output = ();
    fn visit<D: Demo>(&mut self) {
        run_cases(&link_text::<D>(), |text| {
            let (p, _) = D::Params::from_query(&Query::parse(&text));
            let written = p.to_query();
            let (back, ignored) = D::Params::from_query(&Query::parse(&written));
            prop_assert!(
                ignored.is_empty(),
                "{}: {written} ignored {ignored:?}",
                D::info().slug
            );
            prop_assert_eq!(&back, &p, "{}: {} → {}", D::info().slug, text, written);
            prop_assert_eq!(back.to_query(), written);
            Ok(())
        });
    }
}

#[test]
fn links_round_trip() {
    every_demo(&mut LinksRoundTrip);
}

struct SharedScenarioKeepsParamsValid;
impl Visitor for SharedScenarioKeepsParamsValid {
    type Output = ();
    fn visit<D: Demo>(&mut self) {
        let keys = prop::collection::vec(
            (
                prop::sample::select(vec!["s.load", "s.hit", "s.maz", "s.hc", "s.tasks"]),
                prop_oneof![
                    (0.0..1_000_000.0f64).prop_map(|x| format!("{x:.2}")),
                    (0.0..=100.0f64).prop_map(|x| format!("{x:.3}")),
                    (5u32..=300, 2u32..=120, 2u32..=10, 2u32..=10)
                        .prop_map(|(i, t, h, u)| format!("{i}/{t}/{h}/{u}")),
                    prop::sample::select(vec!["0", "1", "0~cost", "1~failure-drill"])
                        .prop_map(String::from),
                ],
            ),
            0..6,
        );
        run_cases(&keys, |pairs| {
            let query = Query::encode(pairs.iter().map(|(k, v)| (*k, v.clone())));
            let (s, _) = Scenario::from_query(&Query::parse(&query));
            let mut p = D::Params::default();
            D::take(&mut p, &s);
            prop_assert!(
                D::evaluate(&p).is_ok(),
                "{}: the scenario {query} makes params the model refuses: {:?}",
                D::info().slug,
                D::evaluate(&p).err()
            );
            // What the demo gives back, the scenario takes without complaint.
            let mut after = s;
            if let Some(u) = D::give(&p) {
                after.update(&u);
            }
            let (back, ignored) = Scenario::from_query(&Query::parse(&after.to_query()));
            prop_assert!(ignored.is_empty(), "{:?}", ignored);
            prop_assert_eq!(back.to_query(), after.to_query());
            Ok(())
        });
    }
}

#[test]
fn the_shared_scenario_applied_to_a_demo_keeps_its_params_valid() {
    every_demo(&mut SharedScenarioKeepsParamsValid);
}

struct DefaultIsTheWorkedExample;
impl Visitor for DefaultIsTheWorkedExample {
    type Output = usize;
    fn visit<D: Demo>(&mut self) -> usize {
        let slug = D::info().slug;
        let p = D::Params::default();
        assert_eq!(
            p.to_query(),
            "",
            "{slug}: the worked example has an empty link"
        );
        assert_eq!(params::check(&p), Vec::<String>::new(), "{slug}");
        let o = D::evaluate(&p).unwrap_or_else(|e| panic!("{slug}: {e:?}"));
        for claim in D::CLAIMS {
            let v = claim.check(&p, &o);
            assert!(
                v.agrees,
                "{slug}: {} printed {}, live {}",
                v.label, v.printed, v.live
            );
        }
        // The default scenario leaves the worked example as it is.
        let mut taken = p.clone();
        D::take(&mut taken, &Scenario::default());
        assert_eq!(taken, p, "{slug}");
        if let Some(u) = D::give(&p) {
            let mut s = Scenario::default();
            assert!(
                s.update(&u).is_empty(),
                "{slug} moves the worked example's scenario"
            );
        }
        D::CLAIMS.len()
    }
}

#[test]
fn default_reproduces_the_worked_example_and_every_claim_agrees() {
    let claims: usize = DemoId::ALL
        .into_iter()
        .map(|id| id.visit(&mut DefaultIsTheWorkedExample))
        .sum();
    assert!(claims >= 5, "{claims}");
}

struct TablesAreSound {
    specs: Vec<(&'static str, Spec)>,
}
impl Visitor for TablesAreSound {
    type Output = ();
    fn visit<D: Demo>(&mut self) {
        let slug = D::info().slug;
        let d = D::Params::default();
        let keys: Vec<&str> = params::fields::<D::Params>().map(|f| f.spec.key).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(key), "{slug}: {key} twice");
            assert!(
                !GLOBAL_KEYS.contains(key) && !key.starts_with(KEY_PREFIX),
                "{slug}: {key}"
            );
        }
        for f in params::fields::<D::Params>() {
            let s = f.spec;
            assert!(!s.label.is_empty(), "{slug}: {}", s.key);
            // One link key, one meaning: the same key is the same quantity (label, unit, scale)
            // in every demo; a demo may take a narrower range of it.
            if let Some((other, spec)) = self.specs.iter().find(|(_, x)| x.key == s.key) {
                let meaning = |x: &Spec| (x.label, x.unit, x.scale);
                assert_eq!(
                    meaning(spec),
                    meaning(&s),
                    "{slug} and {other} read `{}` differently",
                    s.key
                );
            }
            self.specs.push((slug, s));
            if let Some(shown) = f.shown(&d) {
                assert!(
                    s.min < s.max && s.step > 0.0 && s.scale > 0.0,
                    "{slug}: {}",
                    s.key
                );
                if matches!(
                    f.access,
                    Access::Number { .. } | Access::Whole { .. } | Access::Price { .. }
                ) {
                    assert!(
                        s.holds(shown),
                        "{slug}: the worked example's {} is out of range",
                        s.key
                    );
                    // Both limits read from a link; a value beyond one is ignored and said.
                    for limit in [s.min, s.max] {
                        // A limit that clashes with the worked example's other values (the
                        // model refuses the whole, as the serverless demo's top rate does
                        // with a task's capacity) is the demo's `Fields::repair` to undo.
                        let mut alone = D::Params::default();
                        f.set_shown(&mut alone, limit);
                        if D::evaluate(&alone).is_err() {
                            continue;
                        }
                        let q = Query::parse(&Query::encode([(s.key, params_text(limit))]));
                        let (p, ignored) = D::Params::from_query(&q);
                        assert!(
                            ignored.is_empty(),
                            "{slug}: {} at {limit}: {ignored:?}",
                            s.key
                        );
                        assert_eq!(f.shown(&p), Some(limit), "{slug}: {}", s.key);
                    }
                    let beyond = Query::encode([(s.key, params_text(s.max + s.step.max(1.0)))]);
                    let (_, ignored) = D::Params::from_query(&Query::parse(&beyond));
                    assert_eq!(ignored.len(), 1, "{slug}: {beyond}");
                }
            }
        }
        for claim in D::CLAIMS {
            match (claim.rounding, claim.printed_number()) {
                (Rounding::Places(places), Some((_, shown))) => {
                    assert_eq!(places, shown, "{slug}: {claim:?} rounds unlike its print")
                }
                (Rounding::Words, _) => {}
                (rounding, None) => panic!("{slug}: {claim:?} has no number for {rounding:?}"),
            }
        }
        for note in D::NOTES {
            assert!(note.url.starts_with("https://"), "{slug}: {note:?}");
            assert!(!note.text.is_empty() && !note.source.is_empty());
        }
    }
}

#[test]
fn tables_claims_and_notes_are_sound_and_a_key_means_one_thing_everywhere() {
    every_demo(&mut TablesAreSound { specs: Vec::new() });
}
