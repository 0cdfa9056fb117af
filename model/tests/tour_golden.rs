//! The tour: on the worked example's state every printed figure agrees with the live model.

use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::cost::CostParams;
use cloud_lab_model::link::Route;
use cloud_lab_model::scenario::*;
use cloud_lab_model::tour::*;

#[test]
fn every_check_agrees_on_the_worked_example() {
    let s = Scenario::default();
    let mut checked = 0;
    for step in TOUR {
        for r in step.run_checks(&s) {
            assert!(
                r.agrees,
                "{}: {} printed {}, live {}",
                step.id, r.label, r.printed, r.live
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked}");
}

#[test]
fn a_changed_scenario_shows_which_figures_move() {
    let mut s = Scenario::default();
    s.update(&from_cost(&CostParams {
        multi_az: false,
        ..CostParams::default()
    }));
    let moved: Vec<&str> = TOUR
        .iter()
        .flat_map(|step| step.run_checks(&s))
        .filter(|r| !r.agrees)
        .map(|r| r.label)
        .collect();
    assert_eq!(
        moved,
        [
            "Composed availability",
            "Losing one AZ",
            "On-demand total",
            "Optimized total",
            "Saving",
            "Saving a year",
        ]
    );
    let composed = step("availability").unwrap().run_checks(&s);
    assert_eq!(composed[0].live, "99.5 %");
}

#[test]
fn steps_follow_the_worked_example_and_open_known_demos() {
    let ids: Vec<&str> = TOUR.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "requirements",
            "container",
            "iac",
            "deploy",
            "autoscaling",
            "availability",
            "failure-drill",
            "cost",
            "tradeoffs",
            "extensions"
        ]
    );
    for s in TOUR {
        // Every step opens a demo of the lab: `demo` is a `DemoId`, so this holds by type.
        assert_eq!(DemoId::from_slug(s.demo.slug()), Some(s.demo));
        assert!(!s.now_try.is_empty());
    }
    let mut sections: Vec<&str> = TOUR.iter().map(|s| s.section).collect();
    sections.dedup();
    assert_eq!(sections.len(), 6);
}

#[test]
fn a_step_link_carries_the_scenario() {
    let mut s = Scenario::default();
    assert_eq!(step("cost").unwrap().hash(&s), "#/cost");
    s.update(&from_cost(&CostParams {
        multi_az: false,
        ..CostParams::default()
    }));
    let hash = step("failure-drill").unwrap().hash(&s);
    assert_eq!(hash, "#/failure-drill?fail=az%3Aa%40600&s.maz=0%7Ecost");
    let route = Route::parse(&hash);
    let (scenario, demo) = split(&route.query);
    assert_eq!(demo.get("fail"), Some("az:a@600"));
    assert_eq!(scenario.get("s.maz"), Some("0~cost"));
}

#[test]
fn the_tradeoffs_table_is_built_from_the_models() {
    let rows = tradeoffs(&Scenario::default());
    let dims: Vec<&str> = rows.iter().map(|r| r.dimension).collect();
    assert_eq!(
        dims,
        [
            "Availability",
            "Elasticity",
            "Consistency",
            "Cost",
            "Operability"
        ]
    );
    assert_eq!(
        rows[0].this_design,
        "≈ 99.9 % (43.2 min/mo budget), survives 1 AZ loss"
    );
    assert!(
        rows[0].cost_of_choice.contains("$175.20 → $350.40"),
        "{}",
        rows[0].cost_of_choice
    );
    assert!(
        rows[0].cost_of_choice.contains("99.99 %"),
        "{}",
        rows[0].cost_of_choice
    );
    assert_eq!(rows[1].this_design, "2 → 20 tasks, scale-out in ~60 s");
    assert!(rows[2].cost_of_choice.starts_with("92 %"));
    assert_eq!(
        rows[3].this_design,
        "≈ $1,048 a month optimized ($1,358 on demand)"
    );
    assert!(rows[4].this_design.contains("serves 60 s after launch"));
    let single = tradeoffs(&{
        let mut s = Scenario::default();
        s.update(&from_cost(&CostParams {
            multi_az: false,
            ..CostParams::default()
        }));
        s
    });
    assert!(
        single[0].this_design.contains("does not survive"),
        "{}",
        single[0].this_design
    );
    assert!(
        single[0].cost_of_choice.contains("99.5 %"),
        "{}",
        single[0].cost_of_choice
    );
}

#[test]
fn dollars_are_formatted_as_printed() {
    for (x, s) in [
        (1_358.49, "$1,358.49"),
        (3_730.0, "$3,730"),
        (350.4, "$350.40"),
        (0.05, "$0.05"),
        (1_234_567.0, "$1,234,567"),
    ] {
        assert_eq!(dollars(x), s);
    }
}

#[test]
fn the_tour_position_lives_in_the_link() {
    use cloud_lab_model::link::{LinkState, Query};
    let p = TourPosition::at(3);
    assert_eq!(p.step().id, "iac");
    assert_eq!(p.to_query(), "step=3");
    assert_eq!(
        TourPosition::from_query(&Query::parse("step=3")),
        (p, vec![])
    );
    assert_eq!(TourPosition::default().to_query(), "");
    assert_eq!(TourPosition::default().previous(), TourPosition::default());
    let last = TourPosition::at(TOUR.len());
    assert!(last.is_last());
    assert_eq!(last.next(), last);
    assert_eq!(TourPosition::at(99), last);
    assert_eq!(TourPosition::at(0).number(), 1);
    for bad in ["step=0", "step=11", "step=two", "step=3&x=1"] {
        let (p, ignored) = TourPosition::from_query(&Query::parse(bad));
        assert_eq!(ignored.len(), 1, "{bad}");
        assert_eq!(
            p.number(),
            if bad.ends_with("x=1") { 3 } else { 1 },
            "{bad}"
        );
    }
}
