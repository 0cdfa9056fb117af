//! The project profile: PhotoShare by default, its table's link and range messages, the
//! JSON file's round trip and its refusals, and the example projects.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::money::Decimal;
use cloud_lab_model::params;
use cloud_lab_model::project::examples::Example;
use cloud_lab_model::project::json::{from_json, to_json};
use cloud_lab_model::project::{validate, Project};
use proptest::prelude::*;

#[test]
fn the_default_project_is_photoshare_and_valid() {
    let p = Project::default();
    assert_eq!(p.name, "PhotoShare");
    assert_eq!(p.edge_load_per_s, 1_200.0);
    assert_eq!(p.edge_burst_per_s, 9_000.0);
    assert_eq!(p.cdn_hit_ratio, 0.92);
    assert_eq!(p.task_capacity_per_s, 150.0);
    assert_eq!(p.cpu_target, 0.6);
    assert_eq!((p.min_tasks, p.max_tasks), (2, 20));
    assert_eq!((p.task_vcpu, p.task_memory_gb), (1.0, 2.0));
    assert_eq!(p.slo, 0.999);
    assert!(p.multi_az);
    assert_eq!((p.db_storage_gb, p.cache_nodes), (100.0, 2));
    assert_eq!((p.stored_tb, p.egress_tb), (2.0, 5.0));
    assert_eq!(p.prices.db_instance_hour_usd, Decimal::lit("0.24"));
    assert_eq!(p.prices.fargate_vcpu_hour_usd, Decimal::lit("0.0445"));
    assert_eq!(validate(&p), Ok(()));
    assert_eq!(p.to_query(), "");
    assert_eq!(p.assumptions().len(), 2, "{:?}", p.assumptions());
}

#[test]
fn a_link_round_trips_with_the_demos_keys() {
    let p = Example::ChatBackend.project();
    let q = p.to_query();
    assert!(q.starts_with("name=ChatterBox+%28chat+backend%29&load=2000&edgeburst=6000&hit=15&rhit=60&slo=99.95&cap=400"), "{q}");
    let (back, ignored) = Project::from_query(&Query::parse(&q));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(back, p);
}

#[test]
fn a_bad_link_value_is_ignored_with_its_reason() {
    let (p, ignored) = Project::from_query(&Query::parse("load=-5&hit=abc&name=&p_db=-1&min=3"));
    assert_eq!(p.min_tasks, 3);
    assert_eq!(p.edge_load_per_s, 1_200.0);
    let reasons: Vec<String> = ignored.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        reasons,
        [
            "name=: a name of 1–60 characters",
            "load=-5: outside 0–1000000",
            "hit=abc: not a number",
            "p_db=-1: outside 0–1000000"
        ]
    );
}

#[test]
fn validation_gives_a_message_per_bad_field_and_per_clash() {
    let p = Project {
        name: "  ".into(),
        edge_load_per_s: f64::NAN,
        cdn_hit_ratio: 1.5,
        min_tasks: 5,
        max_tasks: 3,
        request_memory_mb: 64,
        ..Project::default()
    };
    assert_eq!(
        validate(&p),
        Err(vec![
            "The project needs a name.".to_string(),
            "Steady load at the edge: must be between 0 and 1000000 req/s.".into(),
            "CDN hit ratio: must be between 0 and 100 %.".into(),
            "The function's memory (MB) must be between 128 and 10240.".into(),
            "The fleet's floor must not be above its ceiling.".into(),
        ])
    );
    let burst_below = Project {
        edge_burst_per_s: 1_000.0,
        ..Project::default()
    };
    assert_eq!(
        validate(&burst_below),
        Err(vec![
            "The burst must be at least the steady load.".to_string()
        ])
    );
}

#[test]
fn the_json_file_round_trips_every_example_exactly() {
    for e in Example::ALL {
        let p = e.project();
        assert_eq!(validate(&p), Ok(()), "{e:?}");
        let text = to_json(&p);
        assert_eq!(from_json(&text), Ok(p), "{e:?}\n{text}");
    }
    let text = to_json(&Project::default());
    assert!(
        text.starts_with(
            "{\n  \"cloud-lab-project\": 1,\n  \"name\": \"PhotoShare\",\n  \"load\": 1200,\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\"maz\": true,") && text.contains("\"p_vcpu\": 0.0445,"),
        "{text}"
    );
}

#[test]
fn a_name_with_quotes_and_accents_survives_the_file() {
    let p = Project::named("Café \"Nº 1\" \\ ✓");
    assert_eq!(from_json(&to_json(&p)), Ok(p));
}

#[test]
fn a_broken_or_foreign_file_is_refused_in_words() {
    let cases: [(&str, &str); 8] = [
        (
            "",
            "This file is not a Cloud Lab project: it is not a JSON object.",
        ),
        (
            "[1, 2]",
            "This file is not a Cloud Lab project: it is not a JSON object.",
        ),
        (
            "{\"name\": \"x\"}",
            "This file is not a Cloud Lab project: it has no \"cloud-lab-project\" key.",
        ),
        (
            "{\"cloud-lab-project\": 2}",
            "This project file's version (2) is not one this lab reads (it reads 1).",
        ),
        (
            "{\"cloud-lab-project\": 1, \"load\": 12",
            "This file is not a Cloud Lab project: the object is not closed.",
        ),
        (
            "{\"cloud-lab-project\": 1, \"wat\": 1}",
            "\"wat\" is not a value of a project.",
        ),
        (
            "{\"cloud-lab-project\": 1, \"hit\": 120}",
            "\"hit\": 120 (outside 0–100).",
        ),
        (
            "{\"cloud-lab-project\": 1, \"min\": 9, \"max\": 3}",
            "The fleet's floor must not be above its ceiling.",
        ),
    ];
    for (text, first) in cases {
        let problems = from_json(text).expect_err(text);
        assert_eq!(problems[0], first, "{text}");
    }
}

#[test]
fn a_file_without_some_keys_takes_photoshares_values_for_them() {
    let p = from_json("{\"cloud-lab-project\": 1, \"name\": \"Tiny\", \"load\": 300}").unwrap();
    assert_eq!(p.name, "Tiny");
    assert_eq!(p.edge_load_per_s, 300.0);
    assert_eq!(p.cdn_hit_ratio, 0.92);
}

#[test]
fn every_example_has_its_own_link() {
    let links: Vec<String> = Example::ALL.iter().map(|e| e.hash()).collect();
    assert_eq!(links[0], "#/project");
    for (i, e) in Example::ALL.iter().enumerate().skip(1) {
        let q = links[i].strip_prefix("#/project?").unwrap();
        assert_eq!(Project::from_query(&Query::parse(q)).0, e.project());
    }
    assert_eq!(Example::TicketSale.project().spike_factor(), 50.0);
}

#[test]
fn the_table_describes_every_value_once() {
    let keys: Vec<&str> = params::fields::<Project>().map(|f| f.spec.key).collect();
    for (i, k) in keys.iter().enumerate() {
        assert!(!keys[i + 1..].contains(k), "{k} twice");
    }
    assert_eq!(keys.len(), 33);
}

proptest! {
    #[test]
    fn any_text_as_a_file_gives_a_project_or_reasons(text in ".{0,200}") {
        let _ = from_json(&text);
    }

    #[test]
    fn any_file_shaped_text_gives_a_project_or_reasons(
        key in "[a-z_]{1,8}",
        value in prop_oneof![
            "-?[0-9]{0,6}(\\.[0-9]{0,6})?(e-?[0-9]{1,4})?",
            "\"[^\"\\\\]{0,10}\"",
            Just("true".to_string()),
            Just("null".to_string()),
            "[\\[\\]{}\\\\\",:]{0,6}",
        ],
    ) {
        let text = format!("{{\"cloud-lab-project\": 1, \"{key}\": {value}}}");
        if let Ok(p) = from_json(&text) {
            prop_assert_eq!(validate(&p), Ok(()));
        }
    }

    #[test]
    fn a_valid_project_round_trips_through_link_and_file(
        load in 0.0..100_000.0f64,
        hit in 0u32..=100,
        min in 1u32..10,
        extra in 0u32..50,
    ) {
        let p = Project {
            edge_load_per_s: (load * 10.0).round() / 10.0,
            edge_burst_per_s: (load * 10.0).round() / 10.0 + 500.0,
            cdn_hit_ratio: f64::from(hit) / 100.0,
            min_tasks: min,
            max_tasks: min + extra,
            ..Project::default()
        };
        prop_assert_eq!(validate(&p), Ok(()));
        prop_assert_eq!(from_json(&to_json(&p)), Ok(p.clone()));
        prop_assert_eq!(Project::from_query(&Query::parse(&p.to_query())).0, p);
    }
}

mod linked_demos {
    use cloud_lab_model::autoscaling::Autoscaling;
    use cloud_lab_model::availability::Availability;
    use cloud_lab_model::cost::Cost;
    use cloud_lab_model::demo::Demo;
    use cloud_lab_model::failure_drill::FailureDrill;
    use cloud_lab_model::link::{LinkState, Query};
    use cloud_lab_model::project::examples::Example;
    use cloud_lab_model::project::Project;
    use cloud_lab_model::scenario::{Provenance, Scenario};
    use cloud_lab_model::serverless::Serverless;

    fn opened<D: Demo>(s: &Scenario) -> D::Params {
        s.open::<D>(&Query::parse(""), false).params
    }

    #[test]
    fn photoshare_s_scenario_leaves_every_linked_demo_on_the_worked_example() {
        let s = Scenario::of(Project::default());
        assert_eq!(s, Scenario::default());
        assert_eq!(opened::<Cost>(&s), Default::default());
        assert_eq!(opened::<Autoscaling>(&s), Default::default());
        assert_eq!(opened::<Availability>(&s), Default::default());
        assert_eq!(opened::<Serverless>(&s), Default::default());
        assert_eq!(opened::<FailureDrill>(&s), Default::default());
        assert_eq!(
            s.source(Provenance::WORKED_EXAMPLE),
            "from the worked example"
        );
    }

    #[test]
    fn the_linked_demos_open_on_another_project_s_values() {
        let chat = Example::ChatBackend.project();
        let s = Scenario::of(chat.clone());
        let cost = opened::<Cost>(&s);
        assert_eq!(
            (cost.cdn_hit_ratio, cost.db_storage_gb, cost.redis_nodes),
            (0.15, 500.0, 3)
        );
        assert_eq!(
            (cost.task_vcpu, cost.task_memory_gb, cost.total_egress_tb),
            (0.5, 1.0, 3.0)
        );
        // 2,000 × 0.85 ÷ (400 × 0.6) = 7.08… ⇒ 8 tasks on average.
        assert_eq!(cost.average_tasks, 8.0);
        let scaling = opened::<Autoscaling>(&s);
        assert_eq!(
            (scaling.edge_load_per_s, scaling.spike_factor),
            (2_000.0, 3.0)
        );
        assert_eq!(
            (
                scaling.min_tasks,
                scaling.max_tasks,
                scaling.capacity_per_task_per_s
            ),
            (3, 30, 400.0)
        );
        let availability = opened::<Availability>(&s);
        assert_eq!(availability.slo, 0.9995);
        let functions = opened::<Serverless>(&s);
        assert_eq!(
            (
                functions.rate_per_s,
                functions.duration_ms,
                functions.memory_mb
            ),
            (1_700.0, 40.0, 256)
        );
        assert_eq!(functions.max_rate_per_s, 3_400.0);
        assert_eq!(
            s.source(Provenance::WORKED_EXAMPLE),
            "from ChatterBox (chat backend)"
        );
        // A demo's change is measured from the project's values, not PhotoShare's.
        assert_eq!(s.to_query(), "");
        let mut changed = s.clone();
        changed.update(&cloud_lab_model::scenario::from_cost(
            &cloud_lab_model::cost::CostParams {
                cdn_hit_ratio: 0.5,
                ..cost
            },
        ));
        assert_eq!(changed.to_query(), "s.hit=50%7Ecost");
        let mut moved = s.clone();
        moved.navigate(None, &Query::parse("s.hit=50~cost"));
        assert_eq!(moved, changed);
        assert_eq!(moved.project, chat);
    }
}
