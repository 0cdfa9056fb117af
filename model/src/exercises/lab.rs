//! Every demo's exercises, their types erased: the list the exercises page shows, and the
//! check of an answer written as text (from the browser's storage or a results link).
//!
//! Exercises are asked on [`base`]: today the worked example. A student's own project would
//! come in here, in one place, and every question would be asked with its values.

use super::{read_number, Answer, Exercise, Feedback, Kind};
use crate::catalog::DemoId;
use crate::demo::{Demo, Visitor};
use crate::link::{number_text, LinkState, Query};

/// The params a demo's exercises are asked on.
pub fn base<D: Demo>() -> D::Params {
    D::Params::default()
}

/// What kind of answer an exercise wants, in words for the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindName {
    Predict,
    Choose,
    Goal,
}

impl KindName {
    pub fn of<P, O>(kind: &Kind<P, O>) -> KindName {
        match kind {
            Kind::Predict { .. } => KindName::Predict,
            Kind::Choose { .. } => KindName::Choose,
            Kind::Goal { .. } => KindName::Goal,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KindName::Predict => "Predict a number",
            KindName::Choose => "Choose",
            KindName::Goal => "Reach a goal",
        }
    }
}

/// One exercise in the lab's list.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub demo: DemoId,
    pub slug: &'static str,
    pub title: &'static str,
    pub kind: KindName,
}

/// Every exercise of every demo, demo by demo in the catalog's order.
pub fn all() -> Vec<Listed> {
    struct List;
    impl Visitor for List {
        type Output = Vec<Listed>;
        fn visit<D: Demo>(&mut self) -> Vec<Listed> {
            D::EXERCISES
                .iter()
                .map(|ex| Listed {
                    demo: D::ID,
                    slug: ex.slug,
                    title: ex.title,
                    kind: KindName::of(&ex.kind),
                })
                .collect()
        }
    }
    DemoId::ALL
        .iter()
        .flat_map(|id| id.visit(&mut List))
        .collect()
}

/// An answer as text: a number as typed, a choice as its index, a goal as the settings' link.
pub fn answer_text<P: LinkState>(answer: &Answer<P>) -> String {
    match answer {
        Answer::Number(x) => number_text(*x),
        Answer::Choice(i) => i.to_string(),
        Answer::Settings(p) => p.to_query(),
    }
}

/// Reads an answer's text for an exercise of this kind; `None` when it does not read.
pub fn read_answer<P: LinkState, O>(ex: &Exercise<P, O>, text: &str) -> Option<Answer<P>> {
    match ex.kind {
        Kind::Predict { .. } => read_number(text).map(Answer::Number),
        Kind::Choose { options, .. } => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&i| i < options.len())
            .map(Answer::Choice),
        Kind::Goal { .. } => Some(Answer::Settings(P::from_query(&Query::parse(text)).0)),
    }
}

/// Checks exercise `k` of demo `D`: a goal on the demo's `current` settings when they are
/// given, else the answer's text. Gives the feedback and the answer as it is kept.
pub fn check_at<D: Demo>(
    k: usize,
    text: &str,
    current: Option<&D::Params>,
) -> Option<(Feedback, String)> {
    let ex = D::EXERCISES.get(k)?;
    let answer = match (&ex.kind, current) {
        (Kind::Goal { .. }, Some(p)) => Answer::Settings(p.clone()),
        _ => read_answer(ex, text)?,
    };
    Some((
        ex.check(&base::<D>(), &answer, D::evaluate),
        answer_text(&answer),
    ))
}

/// Checks an answer written as text against demo `demo`'s exercise `slug`; `None` when there
/// is no such exercise or the text does not read.
pub fn check_text(demo: DemoId, slug: &str, text: &str) -> Option<Feedback> {
    struct Check<'a> {
        slug: &'a str,
        text: &'a str,
    }
    impl Visitor for Check<'_> {
        type Output = Option<Feedback>;
        fn visit<D: Demo>(&mut self) -> Option<Feedback> {
            let k = D::EXERCISES.iter().position(|ex| ex.slug == self.slug)?;
            check_at::<D>(k, self.text, None).map(|(f, _)| f)
        }
    }
    demo.visit(&mut Check { slug, text })
}
