//! Service models (§1): the responsibility matrix and where PhotoShare's tiers sit on it.

use cloud_lab_model::link::{LinkState, Query};
use cloud_lab_model::service_models::*;
use cloud_lab_model::vocabulary::Cloud;

mod common;

#[test]
fn the_line_between_you_and_the_provider_moves_up_model_by_model() {
    // (model, layers above the line, yours, shared, provider's)
    let rows = [
        (Model::OnPremises, 9, 9, 0, 0),
        (Model::Iaas, 5, 5, 0, 4),
        (Model::Caas, 5, 4, 1, 4),
        (Model::Paas, 2, 2, 0, 7),
        (Model::Faas, 2, 2, 0, 7),
        (Model::Saas, 1, 1, 0, 8),
    ];
    let o = evaluate(&ServiceModelsParams::default()).unwrap();
    assert_eq!(o.columns.len(), rows.len());
    for (c, (model, above, yours, shared, providers)) in o.columns.iter().zip(rows) {
        assert_eq!(c.model, model);
        assert_eq!(
            (c.above_line, c.yours, c.shared, c.providers),
            (above, yours, shared, providers),
            "{model:?}"
        );
    }
}

#[test]
fn cells_the_course_asks_about() {
    let rows = [
        (Model::Saas, Layer::Data, Manager::You),
        (Model::Saas, Layer::Application, Manager::Provider),
        (Model::Faas, Layer::Runtime, Manager::Provider),
        (Model::Faas, Layer::Application, Manager::You),
        (Model::Paas, Layer::Os, Manager::Provider),
        (Model::Caas, Layer::Os, Manager::Shared),
        (Model::Caas, Layer::Runtime, Manager::You),
        (Model::Iaas, Layer::Os, Manager::You),
        (Model::Iaas, Layer::Virtualization, Manager::Provider),
        (Model::OnPremises, Layer::Networking, Manager::You),
    ];
    for (model, layer, want) in rows {
        assert_eq!(manager(model, layer), want, "{model:?} {layer:?}");
    }
    assert!(
        note(Model::Saas, Layer::Data).is_some(),
        "data stays yours even in SaaS, and the cell says why"
    );
    assert!(
        note(Model::Caas, Layer::Os).is_some(),
        "every shared cell explains the split"
    );
}

#[test]
fn photoshares_app_tier_is_containers_and_its_data_tier_is_paas() {
    let rows = [
        (Tier::App, Model::Caas, "ECS Fargate", "Container Apps"),
        (
            Tier::Database,
            Model::Paas,
            "RDS for PostgreSQL",
            "Azure Database for PostgreSQL",
        ),
        (
            Tier::Cache,
            Model::Paas,
            "ElastiCache for Redis",
            "Azure Cache for Redis",
        ),
        (Tier::ObjectStorage, Model::Paas, "S3", "Blob Storage"),
        (
            Tier::LoadBalancer,
            Model::Paas,
            "ALB",
            "Application Gateway",
        ),
        (Tier::Cdn, Model::Paas, "CloudFront", "Front Door"),
    ];
    for (tier, model, aws, azure) in rows {
        assert_eq!(tier.model(), model);
        assert!(!tier.label().is_empty());
        assert_eq!(tier.service().name(Cloud::Aws), aws);
        assert_eq!(tier.service().name(Cloud::Azure), azure);
    }
    // The app tier keeps what IaaS keeps above the OS: the image and the scaling policy are the team's.
    for layer in [
        Layer::Data,
        Layer::Application,
        Layer::Runtime,
        Layer::Middleware,
    ] {
        assert_eq!(manager(Model::Caas, layer), manager(Model::Iaas, layer));
    }
}

#[test]
fn the_duties_quote_the_terraforms_settings() {
    let text = |tier: Tier| {
        tier.duties()
            .iter()
            .map(|d| format!("{} {}", d.team, d.provider))
            .collect::<String>()
    };
    let rows = [
        (Tier::App, vec!["1 vCPU, 2 GB", "60 % CPU, 2–20 tasks"]),
        (
            Tier::Database,
            vec!["16.3", "db.r6g.large", "100 GB", "7 days", "standby"],
        ),
        (Tier::Cache, vec!["cache.r6g.large", "how many (2)"]),
        (
            Tier::ObjectStorage,
            vec![
                "photoshare-user-uploads",
                "versioning",
                "bucket policy",
                "11 nines",
            ],
        ),
    ];
    for (tier, phrases) in rows {
        let t = text(tier);
        for phrase in phrases {
            assert!(t.contains(phrase), "{tier:?}: {phrase:?} not in {t:?}");
        }
    }
    for tier in Tier::ALL {
        let concerns: Vec<Concern> = tier.duties().iter().map(|d| d.concern).collect();
        assert_eq!(concerns, Concern::ALL, "{tier:?}");
    }
}

#[test]
fn grading_gives_the_right_answer_and_the_why() {
    // (question, choice) → correct?
    let rows = [
        ((0, 1), true),
        ((0, 0), false),
        ((1, 0), true),
        ((2, 0), true),
        ((3, 1), true),
        ((4, 0), true),
        ((5, 0), true),
        ((5, 1), false),
        ((6, 1), true),
    ];
    for ((q, choice), want) in rows {
        let f = grade(q, choice).unwrap();
        assert_eq!(f.correct, want, "question {q}, option {choice}");
        assert_eq!(f.right_answer, SELF_CHECK[q].options[SELF_CHECK[q].answer]);
        assert!(!f.explanation.is_empty());
    }
    assert_eq!(grade(0, 0).unwrap().right_answer, "The cloud provider");
    assert_eq!(grade(99, 0), Err("There is no question 100.".into()));
    assert_eq!(grade(0, 3), Err("Question 1 has 3 options.".into()));
    assert!(SELF_CHECK.len() >= 5);
}

#[test]
fn the_outcome_scores_the_answers_and_highlights_the_selection() {
    let mut p = ServiceModelsParams {
        selected_tier: Some(Tier::Database),
        ..Default::default()
    };
    p.answers[0] = Some(1);
    p.answers[1] = Some(2);
    p.answers[6] = Some(1);
    let o = evaluate(&p).unwrap();
    assert_eq!((o.answered, o.correct), (3, 2));
    assert_eq!(o.feedback[1].map(|f| f.correct), Some(false));
    assert_eq!(o.feedback[2], None);
    assert_eq!(
        o.highlighted_model,
        Some(Model::Paas),
        "the selected tier's model"
    );
    assert!(o
        .tiers
        .iter()
        .all(|t| t.selected == (t.tier == Tier::Database)));
    let p = ServiceModelsParams {
        selected_model: Some(Model::Faas),
        ..p
    };
    assert_eq!(evaluate(&p).unwrap().highlighted_model, Some(Model::Faas));
    let paas = evaluate(&p)
        .unwrap()
        .columns
        .into_iter()
        .find(|c| c.model == Model::Paas)
        .unwrap();
    assert_eq!(
        paas.tiers,
        [
            Tier::Cdn,
            Tier::LoadBalancer,
            Tier::Database,
            Tier::Cache,
            Tier::ObjectStorage
        ]
    );
}

#[test]
fn an_out_of_range_answer_is_an_error_not_a_panic() {
    let mut p = ServiceModelsParams::default();
    p.answers[2] = Some(7);
    assert_eq!(evaluate(&p).unwrap_err(), ["Question 3 has 3 options."]);
}

#[test]
fn links_round_trip_and_the_default_is_an_empty_query() {
    assert_eq!(ServiceModelsParams::default().to_query(), "");
    let mut p = ServiceModelsParams {
        selected_tier: Some(Tier::App),
        selected_model: Some(Model::Iaas),
        ..Default::default()
    };
    p.answers[0] = Some(1);
    p.answers[3] = Some(2);
    common::assert_link(&p, "tier=app&model=iaas&ans=1--2");
}

#[test]
fn a_bad_link_keeps_the_defaults_and_says_what_it_ignored() {
    let ignored = common::assert_bad_link::<ServiceModelsParams>(
        "tier=mainframe&model=xaas&ans=19&x=1",
        &["tier", "model", "ans", "x"],
    );
    assert_eq!(
        ignored[2].reason,
        "question 2: '9' is not one of its options"
    );
    let (_, ignored) = ServiceModelsParams::from_query(&Query::parse("ans=11111111111"));
    assert_eq!(ignored[0].reason, "more than 7 answers");
}
