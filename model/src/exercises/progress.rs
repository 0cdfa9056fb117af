//! A student's answers: kept in the browser, and written as a link to hand in.
//!
//! Each answered exercise is one pair, `<demo>.<slug>=<answer>`: a number as typed, a choice
//! as its option's index, a goal as the student's settings (the demo's own link query). The
//! browser keeps whether each answer was right; a link carries the answers alone, and whoever
//! opens it sees them checked again by the model.

use crate::link::Query;

/// One answered exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub demo: String,
    pub slug: String,
    /// The answer as text: `6`, `2`, or a goal's settings `min=2&max=10`.
    pub answer: String,
    pub correct: bool,
}

/// Every answered exercise, at most one record each: the latest answer counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    records: Vec<Record>,
}

impl Progress {
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn get(&self, demo: &str, slug: &str) -> Option<&Record> {
        self.records
            .iter()
            .find(|r| r.demo == demo && r.slug == slug)
    }

    /// Keeps an answer, replacing an earlier one to the same exercise.
    pub fn answer(&mut self, record: Record) {
        match self
            .records
            .iter_mut()
            .find(|r| r.demo == record.demo && r.slug == record.slug)
        {
            Some(old) => *old = record,
            None => self.records.push(record),
        }
    }

    /// Adds `other`'s answers; where both answered an exercise, a right answer wins.
    pub fn merge(&mut self, other: &Progress) {
        for r in &other.records {
            match self.get(&r.demo, &r.slug) {
                Some(mine) if mine.correct && !r.correct => {}
                _ => self.answer(r.clone()),
            }
        }
    }

    pub fn correct_count(&self) -> usize {
        self.records.iter().filter(|r| r.correct).count()
    }

    /// As the browser stores it: `<demo>.<slug>=<1|0>~<answer>` pairs.
    pub fn to_storage(&self) -> String {
        encode(
            self.records
                .iter()
                .map(|r| (key(r), format!("{}~{}", u8::from(r.correct), r.answer))),
        )
    }

    /// Reads what [`to_storage`](Self::to_storage) wrote; a pair that does not read is skipped.
    pub fn from_storage(text: &str) -> Progress {
        let mut progress = Progress::default();
        for (demo, slug, value) in pairs(text) {
            let Some((flag, answer)) = value.split_once('~') else {
                continue;
            };
            progress.answer(Record {
                demo,
                slug,
                answer: answer.to_string(),
                correct: flag == "1",
            });
        }
        progress
    }

    /// The answers alone, as a link's query: `autoscaling.origin-tasks=6&…`.
    pub fn to_link(&self) -> String {
        encode(self.records.iter().map(|r| (key(r), r.answer.clone())))
    }

    /// The answers of a link, not yet checked: every record says `correct: false` until the
    /// model has checked it again.
    pub fn from_link(query: &Query) -> Progress {
        let mut progress = Progress::default();
        for key in query.keys() {
            let Some((demo, slug)) = key.split_once('.') else {
                continue;
            };
            if let Some(answer) = query.get(key) {
                progress.answer(Record {
                    demo: demo.to_string(),
                    slug: slug.to_string(),
                    answer: answer.to_string(),
                    correct: false,
                });
            }
        }
        progress
    }
}

fn key(r: &Record) -> String {
    format!("{}.{}", r.demo, r.slug)
}

fn encode(pairs: impl Iterator<Item = (String, String)>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        out.append_pair(&k, &v);
    }
    out.finish()
}

fn pairs(text: &str) -> Vec<(String, String, String)> {
    let query = Query::parse(text);
    query
        .keys()
        .filter_map(|k| {
            let (demo, slug) = k.split_once('.')?;
            Some((
                demo.to_string(),
                slug.to_string(),
                query.get(k)?.to_string(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(demo: &str, slug: &str, answer: &str, correct: bool) -> Record {
        Record {
            demo: demo.into(),
            slug: slug.into(),
            answer: answer.into(),
            correct,
        }
    }

    #[test]
    fn storage_round_trips_goals_settings_and_all() {
        let mut p = Progress::default();
        p.answer(record("autoscaling", "origin-tasks", "6", true));
        p.answer(record("autoscaling", "floor-two", "min=2&max=10", false));
        p.answer(record("cost", "biggest-line", "1", true));
        assert_eq!(Progress::from_storage(&p.to_storage()), p);
        assert_eq!(p.correct_count(), 2);
    }

    #[test]
    fn a_link_carries_answers_but_not_verdicts() {
        let mut p = Progress::default();
        p.answer(record("autoscaling", "floor-two", "min=2&max=10", true));
        let back = Progress::from_link(&Query::parse(&p.to_link()));
        let r = back
            .get("autoscaling", "floor-two")
            .expect("the answer is in the link");
        assert_eq!(r.answer, "min=2&max=10");
        assert!(!r.correct);
    }

    #[test]
    fn the_latest_answer_counts_and_a_merge_keeps_a_right_one() {
        let mut p = Progress::default();
        p.answer(record("cost", "a", "1", false));
        p.answer(record("cost", "a", "2", true));
        assert_eq!(p.records().len(), 1);
        let mut wrong = Progress::default();
        wrong.answer(record("cost", "a", "3", false));
        wrong.answer(record("cost", "b", "3", false));
        p.merge(&wrong);
        assert_eq!(p.get("cost", "a").map(|r| r.answer.as_str()), Some("2"));
        assert_eq!(p.records().len(), 2);
    }

    #[test]
    fn broken_storage_reads_as_what_it_can() {
        let p = Progress::from_storage("cost.a=1~2&nodot=1~2&cost.b=noflag&%%%");
        assert_eq!(p.records().len(), 1);
    }
}
