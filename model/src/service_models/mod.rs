//! Service models: who manages what (§1 of the worked example).
//!
//! The lesson: moving from on-premises to IaaS, containers, PaaS, FaaS and
//! SaaS hands more of the stack to the provider, but never all of it — your
//! data and who may reach it stay yours in every model. PhotoShare puts its
//! tiers at different points on that line: the app tier runs in containers
//! (close to IaaS: the team owns the image and the scaling policy), while
//! Postgres, Redis and S3 are managed services the provider patches,
//! replicates and backs up.

mod matrix;
mod notes;
mod self_check;
mod tiers;

pub use matrix::*;
pub use notes::DOCUMENTED;
pub use self_check::*;
pub use tiers::*;

use crate::claim::{Claim, Live};
use crate::params::{Field, Fields, Spec, Table};

/// Everything the service-models demo lets a student change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceModelsParams {
    /// The tier whose card is open.
    pub selected_tier: Option<Tier>,
    /// The column highlighted; when `None`, the selected tier's model.
    pub selected_model: Option<Model>,
    /// The option chosen for each self-check question, if answered.
    pub answers: [Option<usize>; SELF_CHECK.len()],
}

/// One cell of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub layer: Layer,
    pub manager: Manager,
    pub note: Option<&'static str>,
}

/// One column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub model: Model,
    /// Top to bottom, in `Layer::ALL` order.
    pub cells: Vec<Cell>,
    /// Layers above the dotted line (yours or shared): where the boundary is drawn.
    pub above_line: usize,
    pub yours: usize,
    pub shared: usize,
    pub providers: usize,
    /// PhotoShare's tiers in this model, to place on the column.
    pub tiers: Vec<Tier>,
}

/// One tier's card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierCard {
    pub tier: Tier,
    pub model: Model,
    pub why: &'static str,
    pub duties: [Duty; 4],
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceModelsOutcome {
    pub columns: Vec<Column>,
    pub highlighted_model: Option<Model>,
    pub tiers: Vec<TierCard>,
    /// One entry per question: the feedback if it was answered.
    pub feedback: Vec<Option<Feedback>>,
    pub answered: usize,
    pub correct: usize,
}

/// The matrix, the tiers on it and the self-check's marks.
pub fn evaluate(p: &ServiceModelsParams) -> Result<ServiceModelsOutcome, Vec<String>> {
    let mut problems = Vec::new();
    let mut feedback = Vec::new();
    for (i, answer) in p.answers.iter().enumerate() {
        match answer.map(|choice| grade(i, choice)) {
            None => feedback.push(None),
            Some(Ok(f)) => feedback.push(Some(f)),
            Some(Err(why)) => problems.push(why),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let columns = Model::ALL.into_iter().map(column).collect();
    let tiers = Tier::ALL
        .into_iter()
        .map(|tier| TierCard {
            tier,
            model: tier.model(),
            why: tier.why(),
            duties: tier.duties(),
            selected: p.selected_tier == Some(tier),
        })
        .collect();
    let answered = feedback.iter().flatten().count();
    let correct = feedback.iter().flatten().filter(|f| f.correct).count();
    Ok(ServiceModelsOutcome {
        columns,
        highlighted_model: p.selected_model.or(p.selected_tier.map(Tier::model)),
        tiers,
        feedback,
        answered,
        correct,
    })
}

fn column(model: Model) -> Column {
    let cells: Vec<Cell> = Layer::ALL
        .into_iter()
        .map(|layer| Cell {
            layer,
            manager: manager(model, layer),
            note: note(model, layer),
        })
        .collect();
    let count = |m: Manager| cells.iter().filter(|c| c.manager == m).count();
    let (yours, shared, providers) = (
        count(Manager::You),
        count(Manager::Shared),
        count(Manager::Provider),
    );
    Column {
        model,
        above_line: cells
            .iter()
            .take_while(|c| c.manager != Manager::Provider)
            .count(),
        yours,
        shared,
        providers,
        tiers: Tier::ALL
            .into_iter()
            .filter(|t| t.model() == model)
            .collect(),
        cells,
    }
}

/// A selection that may be empty, in a link by its slug (`tier=db`); nothing selected, no key.
macro_rules! selection {
    ($spec:expr, $kind:ident, $path:ident, $unknown:literal) => {
        Field::text(
            $spec,
            |p| p.$path.map_or("", $kind::slug).to_string(),
            |p, text| {
                p.$path = Some($kind::from_slug(text).ok_or($unknown)?);
                Ok(())
            },
        )
    };
}

impl ServiceModelsParams {
    pub const TIER: Field<Self> = selection!(
        Spec::named("tier", "PhotoShare's tier"),
        Tier,
        selected_tier,
        "not a tier of PhotoShare"
    );
    pub const MODEL: Field<Self> = selection!(
        Spec::named("model", "Service model"),
        Model,
        selected_model,
        "not a service model"
    );
    crate::fields! {
        /// One character per question: the chosen option, or `-`.
        ANSWERS: text(answers_text, parse_answers) answers,
            Spec::named("ans", "Self-check answers");
    }
}

/// Link format: `tier=db&model=paas&ans=10-2`.
impl Fields for ServiceModelsParams {
    const FIELDS: Table<Self> = &[&[Self::TIER, Self::MODEL, Self::ANSWERS]];
}

crate::link_from_table!(ServiceModelsParams);

fn answers_text(answers: &[Option<usize>]) -> String {
    let mut text: String = answers
        .iter()
        .map(|a| match a {
            Some(i) => char::from_digit(u32::try_from(*i).unwrap_or(u32::MAX), 10).unwrap_or('-'),
            None => '-',
        })
        .collect();
    let kept = text.trim_end_matches('-').len();
    text.truncate(kept);
    text
}

fn parse_answers(text: &str) -> Result<[Option<usize>; SELF_CHECK.len()], String> {
    let mut answers = [None; SELF_CHECK.len()];
    if text.chars().count() > SELF_CHECK.len() {
        return Err(format!("more than {} answers", SELF_CHECK.len()));
    }
    for (i, ((slot, q), c)) in answers
        .iter_mut()
        .zip(&SELF_CHECK)
        .zip(text.chars())
        .enumerate()
    {
        if c == '-' {
            continue;
        }
        let choice = c
            .to_digit(10)
            .map(|d| d as usize)
            .filter(|&d| d < q.options.len())
            .ok_or_else(|| format!("question {}: '{c}' is not one of its options", i + 1))?;
        *slot = Some(choice);
    }
    Ok(answers)
}

crate::demo! {
    /// The service models demo in the lab's registry.
    ServiceModels: ServiceModelsParams => ServiceModelsOutcome, evaluate: evaluate,
    exercises: service_models,
    claims: [APP, DATABASE, CACHE, OBJECT_STORAGE],
}

/// The model the lab places a tier in, in the worked example's words where it has them.
fn placed(o: &ServiceModelsOutcome, tier: Tier) -> Option<Live> {
    let model = o.tiers.iter().find(|c| c.tier == tier)?.model;
    Some(Live::Words(
        match model {
            // Containers are the column next to IaaS: the app tier's place in §1.
            Model::Caas => APP_TIER_PRINTED,
            other => other.label(),
        }
        .to_string(),
    ))
}

const APP_TIER_PRINTED: &str = "closest to IaaS/containers";

crate::claims! { ServiceModels: ServiceModelsParams => ServiceModelsOutcome {
    /// §1: "the app tier is closest to IaaS/containers".
    APP: "App tier", APP_TIER_PRINTED, Words,
        |_, o| placed(o, Tier::App);
    /// §1: "Postgres, Redis and S3 are PaaS".
    DATABASE: "Database", "PaaS", Words,
        |_, o| placed(o, Tier::Database);
    CACHE: "Cache", "PaaS", Words,
        |_, o| placed(o, Tier::Cache);
    OBJECT_STORAGE: "Object storage", "PaaS", Words,
        |_, o| placed(o, Tier::ObjectStorage);
}}

impl ServiceModels {
    /// The worked example's figure for a tier, where it prints one.
    pub fn claim(tier: Tier) -> Option<&'static Claim<ServiceModelsParams, ServiceModelsOutcome>> {
        match tier {
            Tier::App => Some(&Self::APP),
            Tier::Database => Some(&Self::DATABASE),
            Tier::Cache => Some(&Self::CACHE),
            Tier::ObjectStorage => Some(&Self::OBJECT_STORAGE),
            Tier::Cdn | Tier::LoadBalancer => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_its_answer_among_its_options() {
        for (i, q) in SELF_CHECK.iter().enumerate() {
            assert!(q.answer < q.options.len(), "question {}", i + 1);
            assert!(q.options.len() <= 10, "options must fit one link character");
        }
    }

    #[test]
    fn answers_text_drops_trailing_blanks() {
        let mut a = [None; SELF_CHECK.len()];
        a[0] = Some(1);
        a[2] = Some(0);
        assert_eq!(answers_text(&a), "1-0");
        assert_eq!(parse_answers("1-0"), Ok(a));
    }
}
