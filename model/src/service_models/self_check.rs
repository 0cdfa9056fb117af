//! Check yourself: seven questions on who does what, marked at once.

use super::Tier;

/// A self-check question with immediate feedback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub prompt: &'static str,
    pub options: &'static [&'static str],
    /// Index into `options`.
    pub answer: usize,
    /// Shown after any answer, right or wrong.
    pub explanation: &'static str,
    /// The tier the question is about, to highlight while it is shown.
    pub tier: Option<Tier>,
}

const TEAM: &str = "The PhotoShare team";
const PROVIDER: &str = "The cloud provider";
const BOTH: &str = "Both, split between them";

pub const SELF_CHECK: [Question; 7] = [
    Question {
        prompt: "Who patches the operating system under the Postgres primary?",
        options: &[TEAM, PROVIDER, "Nobody: a managed database has no OS"],
        answer: 1,
        explanation: "A managed database is PaaS: the provider patches the OS in the maintenance window the team chose. There is an OS; you just never log in to it.",
        tier: Some(Tier::Database),
    },
    Question {
        prompt: "Who decides how much CPU and memory one Fargate task gets?",
        options: &[TEAM, PROVIDER, "Fargate works it out from the load"],
        answer: 0,
        explanation: "The task definition says 1 vCPU and 2 GB, and the team's scaling policy says how many tasks. Fargate only finds room for them.",
        tier: Some(Tier::App),
    },
    Question {
        prompt: "Who decides who may read the photos in the uploads bucket?",
        options: &[TEAM, PROVIDER, BOTH],
        answer: 0,
        explanation: "The bucket policy and public-access settings are configuration, and configuration is always the customer's. A leaky bucket is the team's mistake, not the provider's.",
        tier: Some(Tier::ObjectStorage),
    },
    Question {
        prompt: "Who encrypts the photos at rest in S3?",
        options: &[TEAM, PROVIDER, "Nobody, unless the app encrypts before upload"],
        answer: 1,
        explanation: "S3 encrypts every new object by default. The team still chooses the key (S3-managed or its own KMS key) and who may use it.",
        tier: Some(Tier::ObjectStorage),
    },
    Question {
        prompt: "A fix is released for Node.js 20. Who gets it into the app tier?",
        options: &[TEAM, PROVIDER, "Nobody: Fargate updates running tasks"],
        answer: 0,
        explanation: "Node.js is inside the team's image. Only a rebuild and a rolling deploy puts the fix into production; Fargate patches the host, not the image.",
        tier: Some(Tier::App),
    },
    Question {
        prompt: "Someone drops a table by mistake. Who brings the data back?",
        options: &[TEAM, PROVIDER, "Nobody: Multi-AZ copied the mistake"],
        answer: 0,
        explanation: "The provider keeps the backups, but only the team knows a restore is needed and to which minute. Multi-AZ copies the drop to the standby at once: replication is not a backup.",
        tier: Some(Tier::Database),
    },
    Question {
        prompt: "In the serverless variant, who patches the Python runtime the thumbnail function runs on?",
        options: &[TEAM, PROVIDER, BOTH],
        answer: 1,
        explanation: "FaaS runs your code on a managed runtime that the provider patches. The team still owns the code and its libraries, and moves to a newer runtime before the old one is retired.",
        tier: None,
    },
];

/// What the page shows after an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feedback {
    pub correct: bool,
    pub right_answer: &'static str,
    pub explanation: &'static str,
}

/// Grades option `choice` of question `question`.
pub fn grade(question: usize, choice: usize) -> Result<Feedback, String> {
    let q = SELF_CHECK
        .get(question)
        .ok_or_else(|| format!("There is no question {}.", question.saturating_add(1)))?;
    if choice >= q.options.len() {
        return Err(format!(
            "Question {} has {} options.",
            question + 1,
            q.options.len()
        ));
    }
    Ok(Feedback {
        correct: choice == q.answer,
        right_answer: q.options.get(q.answer).copied().unwrap_or_default(),
        explanation: q.explanation,
    })
}
