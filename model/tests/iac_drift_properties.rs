//! Invariants of the IaC drift model, over generated clicks, texts and links.

use cloud_lab_model::iac_drift::*;
use proptest::prelude::*;

mod common;

fn any_click() -> impl Strategy<Value = ConsoleClick> {
    (0..ConsoleClick::ALL.len()).prop_map(|i| ConsoleClick::ALL[i])
}

fn any_variant() -> impl Strategy<Value = ConfigVariant> {
    prop_oneof![
        Just(ConfigVariant::WorkedExample),
        Just(ConfigVariant::IgnoreDesiredCount)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_clicks_then_apply_and_the_maintenance_window_leave_no_changes(clicks in prop::collection::vec(any_click(), 0..12), variant in any_variant()) {
        let config = parse_config(&config_text(variant)).unwrap();
        let mut world = World::deployed(&config);
        for c in &clicks {
            click(&mut world, *c);
        }
        let p = plan(&config, &world);
        prop_assert_eq!(p.summary.destroy, 0, "clicks never make Terraform destroy");
        let last_line = format!("{}\n", p.summary.plan_line());
        prop_assert!(p.changes.is_empty() || p.text.ends_with(&last_line));
        let r = refresh(&config, &world);
        for c in &p.changes {
            prop_assert!(r.drift.iter().any(|d| d.address == c.address), "every planned change undoes drift");
        }
        prop_assert!(p.relevant_drift.is_empty(), "nothing in PhotoShare refers to what a click changes");
        let upgraded = world.actual["aws_db_instance.pg"].body.attributes["engine_version"] != Value::Str("16.3".into());
        let applied = apply(&config, &mut world);
        prop_assert_eq!(applied.failures.len(), usize::from(upgraded), "only the engine downgrade is refused");
        prop_assert_eq!(applied.complete_line.is_some(), !upgraded);
        // What is left is the database: refused, or held for the maintenance window.
        let after = plan(&config, &world);
        prop_assert!(after.changes.iter().all(|c| c.address == "aws_db_instance.pg"));
        click(&mut world, ConsoleClick::MaintenanceWindow);
        if !upgraded {
            prop_assert!(plan(&config, &world).changes.is_empty());
        }
    }

    #[test]
    fn random_text_never_panics_and_errors_have_a_position(text in ".{0,300}") {
        match parse_config(&text) {
            Ok(config) => {
                let world = World::deployed(&config);
                prop_assert!(plan(&config, &world).changes.is_empty());
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.column >= 1);
                prop_assert!(e.line <= text.lines().count().max(1) + 1);
            }
        }
    }

    #[test]
    fn random_edits_of_the_config_parse_or_give_a_position(
        at in 0usize..10_000, cut in 0usize..40, insert in "[a-z{}\\[\\]=\"#\n ,.0-9]{0,12}"
    ) {
        let text = PHOTOSHARE_TF;
        let mut start = at % text.len();
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let edited = format!("{}{}{}", &text[..start], insert, &text[end..]);
        let deployed = World::deployed(&parse_config(text).unwrap());
        match parse_config(&edited) {
            Ok(config) => {
                // Whatever the edit, apply either converges, or says why not: AWS refused a
                // step, or RDS holds a change for the maintenance window.
                let mut world = deployed.clone();
                let _ = refresh(&config, &world);
                let p = plan(&config, &world);
                let applied = apply(&config, &mut world);
                let left = plan(&config, &world);
                prop_assert!(
                    left.changes.is_empty() || !applied.failures.is_empty() || !applied.pending.is_empty(),
                    "{}\n{}", p.text, left.text
                );
                prop_assert_eq!(applied.complete_line.is_some(), applied.failures.is_empty());
            }
            Err(e) => prop_assert!(e.line >= 1 && e.column >= 1 && e.line <= edited.lines().count() + 1),
        }
    }

    #[test]
    fn any_lock_scenario_gives_one_outcome(first in 0u32..5000, start in 0u32..5000, timeout in 0u32..5000) {
        let config = parse_config(PHOTOSHARE_TF).unwrap();
        let o = concurrent_applies(&config, &LockScenario { first_apply_s: first, second_starts_after_s: start, lock_timeout_s: timeout });
        let times: Vec<u32> = o.log.iter().map(|l| l.0).collect();
        let mut sorted = times.clone();
        sorted.sort();
        prop_assert_eq!(times, sorted, "the log is in time order");
        if let SecondApply::Ran { waited_s } = o.second {
            prop_assert!(waited_s <= timeout.min(MAX_LOCK_SCENARIO_S));
        }
    }

    #[test]
    fn typed_text_never_loses_the_plan(text in ".{0,300}", cut in 0usize..6000) {
        let mut p = IacDriftParams::default();
        p.type_config(text);
        prop_assert!(evaluate(&p).is_ok(), "broken text keeps the last good configuration");
        let prefix: String = PHOTOSHARE_TF.chars().take(cut).collect();
        p.type_config(prefix);
        prop_assert!(evaluate(&p).is_ok());
    }

    #[test]
    fn links_round_trip(clicks in prop::collection::vec(any_click(), 0..MAX_CLICKS), variant in any_variant(), t in 0u32..=MAX_LOCK_SCENARIO_S, refresh_only in any::<bool>()) {
        let p = IacDriftParams { clicks, config: variant, lock: LockScenario { lock_timeout_s: t, ..Default::default() }, refresh_only, ..Default::default() };
        common::round_trips(&p)?;
    }
}

#[test]
fn very_deep_nesting_and_huge_text_are_refused_not_crashed() {
    let deep = format!("x = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(parse_config(&deep).is_err());
    let huge = "#".repeat(MAX_CONFIG_BYTES + 1);
    let e = parse_config(&huge).unwrap_err();
    assert_eq!((e.line, e.column), (1, 1));
    let ops = format!(
        "resource \"a\" \"b\" {{\n  x = {}1\n}}",
        "1 + ".repeat(5_000)
    );
    assert!(parse_config(&ops).is_err());
}
