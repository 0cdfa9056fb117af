//! Predict, then check: the graded exercises of every demo, as data.
//!
//! An [`Exercise`] is asked on a demo's params: the base (today the worked example, later the
//! student's own project) with the exercise's `setup` applied. Every reference answer comes
//! from the demo's model on those params, never from a number written here, so an exercise
//! stays right while the demos' models are refined. Three kinds:
//! - *predict* a number, checked within a stated tolerance;
//! - *choose* one of a few options, the right one computed by the model;
//! - *reach a goal* with the controls, checked against the model's outcome of the student's
//!   own settings.
//!
//! The feedback says why, with the formula and the numbers; "show me" is a state of the demo
//! that answers the exercise. The native tests (`model/tests/exercises.rs`) prove that every
//! reference answer passes its own check, a wrong one fails, and every "show me" state
//! reaches its goal.

pub mod autoscaling;
pub mod availability;
pub mod cache_cdn;
pub mod cost;
pub mod failure_drill;
pub mod iac_drift;
pub mod lab;
pub mod multi_region;
pub mod progress;
pub mod rate_limiting;
pub mod rolling_deploy;
pub mod serverless;
pub mod service_models;
pub mod vm_vs_container;

/// One exercise of a demo whose params are `P` and outcome `O`.
pub struct Exercise<P, O> {
    /// Its name in links and in the student's progress, unique in its demo: `origin-tasks`.
    pub slug: &'static str,
    /// A few words for the list of exercises.
    pub title: &'static str,
    /// Turns the base params into the ones the question is asked on.
    pub setup: fn(&mut P),
    /// The question, with the numbers of the params it is asked on.
    pub question: fn(&P, &O) -> String,
    pub kind: Kind<P, O>,
    pub hint: &'static str,
    /// Why the answer is what it is: the formula with the numbers of the params it is given
    /// (the asked ones for a prediction or a choice, the student's own for a goal).
    pub why: fn(&P, &O) -> String,
}

impl<P, O> Clone for Exercise<P, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P, O> Copy for Exercise<P, O> {}

impl<P, O> std::fmt::Debug for Exercise<P, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Exercise({})", self.slug)
    }
}

/// What is asked, and how an answer is checked.
pub enum Kind<P, O> {
    /// A number in `unit`, right when it is within `within` of the model's.
    Predict {
        answer: fn(&P, &O) -> f64,
        within: f64,
        unit: &'static str,
    },
    /// One of `options`; the model says which is right.
    Choose {
        options: &'static [&'static str],
        answer: fn(&P, &O) -> usize,
    },
    /// Settings the student makes with the demo's controls; `met` checks the model's outcome
    /// of them. `show_me` turns the asked params into settings that meet it.
    Goal {
        met: fn(&P, &O) -> bool,
        show_me: fn(&mut P),
    },
}

impl<P, O> Kind<P, O> {
    /// A number in `unit`, right within `within` of the model's `answer`.
    pub const fn predict(answer: fn(&P, &O) -> f64, within: f64, unit: &'static str) -> Self {
        Kind::Predict {
            answer,
            within,
            unit,
        }
    }
}

impl<P, O> Clone for Kind<P, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P, O> Copy for Kind<P, O> {}

/// What the student gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer<P> {
    Number(f64),
    /// The index of the chosen option.
    Choice(usize),
    /// The student's own settings, for a goal.
    Settings(P),
}

/// The check of an answer: right or not, and why, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub correct: bool,
    pub text: String,
}

/// The model of a demo, as the checks call it.
pub type Model<P, O> = fn(&P) -> Result<O, Vec<String>>;

impl<P: Clone, O> Exercise<P, O> {
    /// The params the question is asked on.
    pub fn asked(&self, base: &P) -> P {
        let mut p = base.clone();
        (self.setup)(&mut p);
        p
    }

    /// A state of the demo that answers the exercise: the asked params, and for a goal the
    /// settings that meet it.
    pub fn shown(&self, base: &P) -> P {
        let mut p = self.asked(base);
        if let Kind::Goal { show_me, .. } = self.kind {
            show_me(&mut p);
        }
        p
    }

    /// The question on the asked params, or the model's problems with them.
    pub fn question_on(&self, base: &P, model: Model<P, O>) -> Result<String, Vec<String>> {
        let p = self.asked(base);
        model(&p).map(|o| (self.question)(&p, &o))
    }

    /// The reference answer on the asked params: what passes the check.
    pub fn reference(&self, base: &P, model: Model<P, O>) -> Result<Answer<P>, Vec<String>> {
        let p = self.asked(base);
        Ok(match self.kind {
            Kind::Predict { answer, .. } => Answer::Number(answer(&p, &model(&p)?)),
            Kind::Choose { answer, .. } => Answer::Choice(answer(&p, &model(&p)?)),
            Kind::Goal { .. } => Answer::Settings(self.shown(base)),
        })
    }

    /// Checks an answer: a number or a choice against the model on the asked params, the
    /// student's settings against the goal.
    pub fn check(&self, base: &P, given: &Answer<P>, model: Model<P, O>) -> Feedback {
        let asked;
        let (p, given) = match given {
            Answer::Number(x) => {
                asked = self.asked(base);
                (&asked, Given::Number(*x))
            }
            Answer::Choice(i) => {
                asked = self.asked(base);
                (&asked, Given::Choice(*i))
            }
            Answer::Settings(p) => (p, Given::Settings),
        };
        match model(p) {
            Ok(o) => self.verdict(p, &o, given),
            Err(problems) => refused(&problems),
        }
    }

    /// The verdict on params and their outcome; the words are written by functions that are
    /// not generic, so the lab's wasm holds them once.
    fn verdict(&self, p: &P, o: &O, given: Given) -> Feedback {
        let why = (self.why)(p, o);
        match self.kind {
            Kind::Predict {
                answer,
                within,
                unit,
            } => predicted(given, answer(p, o), within, unit, why),
            Kind::Choose { options, answer } => chosen(given, answer(p, o), options, why),
            Kind::Goal { met, .. } => reached(given, met(p, o), why),
        }
    }
}

/// An answer without the student's settings: what the words need.
#[derive(Clone, Copy)]
enum Given {
    Number(f64),
    Choice(usize),
    Settings,
}

const OTHER_KIND: &str = "This exercise asks for another kind of answer.";

fn predicted(given: Given, right: f64, within: f64, unit: &str, why: String) -> Feedback {
    let Given::Number(x) = given else {
        return feedback(false, OTHER_KIND.into(), why);
    };
    let correct = x.is_finite() && (x - right).abs() <= within + 1e-9;
    let verdict = if correct {
        format!("Right: the model gives {}.", amount(right, unit))
    } else {
        format!(
            "Not quite: you said {}, the model gives {}.",
            amount(x, unit),
            amount(right, unit)
        )
    };
    feedback(correct, verdict, why)
}

fn chosen(given: Given, right: usize, options: &[&str], why: String) -> Feedback {
    let Given::Choice(i) = given else {
        return feedback(false, OTHER_KIND.into(), why);
    };
    let name = options.get(right).copied().unwrap_or("?");
    let correct = i == right;
    let verdict = if correct {
        format!("Right: {name}.")
    } else {
        format!("Not quite: the answer is {name}.")
    };
    feedback(correct, verdict, why)
}

fn reached(given: Given, met: bool, why: String) -> Feedback {
    if !matches!(given, Given::Settings) {
        return feedback(false, OTHER_KIND.into(), why);
    }
    let verdict = if met {
        "Goal reached with your settings."
    } else {
        "Not yet: your settings do not reach the goal."
    };
    feedback(met, verdict.into(), why)
}

fn refused(problems: &[String]) -> Feedback {
    Feedback {
        correct: false,
        text: format!(
            "The model cannot run these settings: {}",
            problems.join(" ")
        ),
    }
}

fn feedback(correct: bool, verdict: String, why: String) -> Feedback {
    Feedback {
        correct,
        text: format!("{verdict} {why}"),
    }
}

/// A number with its unit: "$47.57", "43.2 min", "6".
fn amount(x: f64, unit: &str) -> String {
    match unit {
        "" => number(x),
        "$" => format!("${x:.2}"),
        u => format!("{} {u}", number(x)),
    }
}

/// A number as the feedback writes it: at most three decimals, no trailing zeros,
/// thousands grouped.
pub fn number(x: f64) -> String {
    let text = crate::link::number_text((x * 1000.0).round() / 1000.0);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A share (0–1) as a percent for the questions: "85 %", "99.95 %".
pub fn percent(share: f64) -> String {
    format!("{} %", number(share * 100.0))
}

/// Reads a student's typed number: "1,200", " 6 ", "99.9 %" and "6,5" all read.
pub fn read_number(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim();
    let t: String =
        if t.matches(',').count() == 1 && !t.contains('.') && t.len() - t.find(',')? != 4 {
            t.replace(',', ".")
        } else {
            t.replace(',', "")
        };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(read_number("6"), Some(6.0));
        assert_eq!(read_number(" 1,200 "), Some(1200.0));
        assert_eq!(read_number("99.9 %"), Some(99.9));
        assert_eq!(read_number("6,5"), Some(6.5));
        assert_eq!(read_number("NaN"), None);
        assert_eq!(read_number("lots"), None);
        assert_eq!(read_number(""), None);
    }

    #[test]
    fn numbers_write_grouped() {
        assert_eq!(number(1200.0), "1,200");
        assert_eq!(number(-43.2), "-43.2");
        assert_eq!(number(0.12345), "0.123");
        assert_eq!(number(999.0), "999");
        assert_eq!(percent(0.85), "85 %");
    }
}
