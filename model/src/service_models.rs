//! Service models: who manages what (§1 of the worked example).
//!
//! The lesson: moving from on-premises to IaaS, containers, PaaS, FaaS and
//! SaaS hands more of the stack to the provider, but never all of it — your
//! data and who may reach it stay yours in every model. PhotoShare puts its
//! tiers at different points on that line: the app tier runs in containers
//! (close to IaaS: the team owns the image and the scaling policy), while
//! Postgres, Redis and S3 are managed services the provider patches,
//! replicates and backs up.

use crate::documented::Documented;
use crate::link::{number_text, Ignored, LinkReader, LinkState, Query};
use crate::photoshare::{self, service_models as data};
use crate::vocabulary::Service;

/// A layer of the stack, from the top (closest to the user) down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Data,
    Application,
    Runtime,
    Middleware,
    Os,
    Virtualization,
    Servers,
    Storage,
    Networking,
}

impl Layer {
    /// Top to bottom, the order the matrix is drawn in.
    pub const ALL: [Layer; 9] = [
        Layer::Data,
        Layer::Application,
        Layer::Runtime,
        Layer::Middleware,
        Layer::Os,
        Layer::Virtualization,
        Layer::Servers,
        Layer::Storage,
        Layer::Networking,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Data => "Data",
            Layer::Application => "Application",
            Layer::Runtime => "Runtime",
            Layer::Middleware => "Middleware",
            Layer::Os => "Operating system",
            Layer::Virtualization => "Virtualization",
            Layer::Servers => "Servers",
            Layer::Storage => "Storage",
            Layer::Networking => "Networking",
        }
    }
}

/// A delivery model, from "you run everything" to "you only bring data".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    OnPremises,
    Iaas,
    /// Containers as a service (ECS Fargate, Container Apps).
    Caas,
    Paas,
    Faas,
    Saas,
}

impl Model {
    /// Left to right, the order the matrix is drawn in.
    pub const ALL: [Model; 6] = [
        Model::OnPremises,
        Model::Iaas,
        Model::Caas,
        Model::Paas,
        Model::Faas,
        Model::Saas,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Model::OnPremises => "onprem",
            Model::Iaas => "iaas",
            Model::Caas => "caas",
            Model::Paas => "paas",
            Model::Faas => "faas",
            Model::Saas => "saas",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Model::OnPremises => "On-premises",
            Model::Iaas => "IaaS",
            Model::Caas => "Containers (CaaS)",
            Model::Paas => "PaaS",
            Model::Faas => "FaaS",
            Model::Saas => "SaaS",
        }
    }

    /// Who decides how much capacity there is, in this model.
    pub fn scaling(self) -> &'static str {
        match self {
            Model::OnPremises => "You buy servers for the peak, months ahead.",
            Model::Iaas => "You size VMs and add or remove them.",
            Model::Caas => {
                "You size each task and write the scaling policy; the provider finds the hosts."
            }
            Model::Paas => "You pick a size or tier; the provider applies it.",
            Model::Faas => {
                "Per request: the provider runs as many copies as requests arrive, down to zero."
            }
            Model::Saas => "The provider's concern; you pick a plan.",
        }
    }
}

/// Who looks after a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Manager {
    You,
    /// Both: the split is spelled out in the cell's note.
    Shared,
    Provider,
}

/// Who manages `layer` in `model`.
pub fn manager(model: Model, layer: Layer) -> Manager {
    use Layer::*;
    use Manager::*;
    match (model, layer) {
        (Model::OnPremises, _) => You,
        // Your data and its access rules stay yours even in SaaS.
        (_, Data) => You,
        (Model::Saas, _) => Provider,
        (Model::Faas | Model::Paas, Application) => You,
        (Model::Faas | Model::Paas, _) => Provider,
        (Model::Iaas, Application | Runtime | Middleware | Os) => You,
        (Model::Caas, Application | Runtime | Middleware) => You,
        // The image's userland is yours, the kernel under it is not.
        (Model::Caas, Os) => Shared,
        (Model::Iaas | Model::Caas, Virtualization | Servers | Storage | Networking) => Provider,
    }
}

/// What a cell's label leaves out, where the honest answer needs a sentence.
pub fn note(model: Model, layer: Layer) -> Option<&'static str> {
    use Layer::*;
    match (model, layer) {
        (Model::Saas, Data) => {
            Some("The provider stores it; what goes in, who may see it and how long it is kept are yours.")
        }
        (Model::Saas, Application) => Some("You still configure it: users, roles, settings."),
        (Model::Caas, Os) => {
            Some("The base image's userland is yours to update; the host kernel is the provider's.")
        }
        (Model::Caas, Runtime) => Some("Node.js ships inside your image: you rebuild to patch it."),
        (Model::Paas, Runtime) => Some("You pick the version; the provider patches it."),
        (Model::Faas, Runtime) => Some("A managed runtime: the provider patches it; you move off it before it is retired."),
        (Model::Iaas | Model::Caas | Model::Paas | Model::Faas, Networking) => {
            Some("The provider runs the physical network; you still design the virtual one (subnets, security groups).")
        }
        _ => None,
    }
}

/// What AWS documents about who looks after what, for the services PhotoShare uses.
pub const DOCUMENTED: [Documented; 6] = [
    Documented {
        says: "AWS is responsible for security of the cloud (the hardware, software, network and \
buildings that run its services); the customer for security in the cloud, a share that depends \
on the service: for EC2 the guest OS and everything above it, for abstracted services such as \
S3 the data, its encryption options and who may reach it.",
        lab: "The matrix: the line moves up the stack from IaaS to SaaS, and data with its access \
rules stays yours in every column.",
        source: "AWS Shared Responsibility Model",
        url: "https://aws.amazon.com/compliance/shared-responsibility-model/",
    },
    Documented {
        says: "AWS maintains Fargate's infrastructure: a platform version is a kernel and \
container runtime, and when a revision needs patching AWS retires the tasks running on it; a \
service's scheduler starts replacements on the patched revision.",
        lab: "The app tier's Patch row: the provider patches the platform under the tasks, the \
team rebuilds the image for what runs inside it.",
        source: "Amazon ECS Developer Guide: Task retirement and maintenance for AWS Fargate",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-maintenance.html",
    },
    Documented {
        says: "RDS maintains the instance's hardware, operating system and engine version; \
required patches and, when auto minor version upgrade is on, minor versions are applied in \
the maintenance window the customer chooses.",
        lab: "The database's Patch row: the team picks the version and the window, RDS patches \
in it. Auto minor version upgrade is on by default; the worked example's Terraform leaves it so.",
        source: "Amazon RDS User Guide: Maintaining a DB instance",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html",
    },
    Documented {
        says: "RDS takes a daily automated backup in the backup window and keeps the \
transaction logs, so an instance can be restored to any point within the retention period.",
        lab: "The database's Back up row, with the worked example's 7-day retention.",
        source: "Amazon RDS User Guide: Introduction to backups",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    },
    Documented {
        says: "With automatic failover on, ElastiCache promotes a read replica to primary when \
the primary fails, in a replication group spread over Availability Zones.",
        lab: "The cache's Scale row: the worked example's Terraform turns automatic failover on \
for its primary and replica in two AZs.",
        source: "Amazon ElastiCache User Guide: Minimizing downtime with Multi-AZ",
        url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
    },
    Documented {
        says: "S3 encrypts every new object with S3-managed keys (SSE-S3) by default, since \
5 January 2023; the bucket owner may choose KMS keys instead.",
        lab: "Object storage's Secure row: encryption at rest is the provider's default, the key \
choice and the bucket policy are the team's.",
        source: "Amazon S3 User Guide: Using server-side encryption with Amazon S3 managed keys (SSE-S3)",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html",
    },
];

/// A tier of PhotoShare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    Cdn,
    LoadBalancer,
    App,
    Database,
    Cache,
    ObjectStorage,
}

/// A chore every tier has, split between the team and the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concern {
    Patch,
    Scale,
    BackUp,
    Secure,
}

impl Concern {
    pub const ALL: [Concern; 4] = [
        Concern::Patch,
        Concern::Scale,
        Concern::BackUp,
        Concern::Secure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Concern::Patch => "Patch",
            Concern::Scale => "Scale",
            Concern::BackUp => "Back up",
            Concern::Secure => "Secure",
        }
    }
}

/// One chore of one tier: what the team still does, and what the provider does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duty {
    pub concern: Concern,
    pub team: String,
    pub provider: String,
}

fn duty(concern: Concern, team: impl Into<String>, provider: impl Into<String>) -> Duty {
    Duty {
        concern,
        team: team.into(),
        provider: provider.into(),
    }
}

impl Tier {
    /// Request order: edge first, data last.
    pub const ALL: [Tier; 6] = [
        Tier::Cdn,
        Tier::LoadBalancer,
        Tier::App,
        Tier::Database,
        Tier::Cache,
        Tier::ObjectStorage,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Tier::Cdn => "cdn",
            Tier::LoadBalancer => "alb",
            Tier::App => "app",
            Tier::Database => "db",
            Tier::Cache => "cache",
            Tier::ObjectStorage => "s3",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Cdn => "CDN",
            Tier::LoadBalancer => "Load balancer",
            Tier::App => "App tier",
            Tier::Database => "Database",
            Tier::Cache => "Cache",
            Tier::ObjectStorage => "Object storage",
        }
    }

    /// The managed service behind the tier, for the AWS ↔ Azure labels.
    pub fn service(self) -> Service {
        match self {
            Tier::Cdn => Service::Cdn,
            Tier::LoadBalancer => Service::LoadBalancer,
            Tier::App => Service::ContainerService,
            Tier::Database => Service::ManagedPostgres,
            Tier::Cache => Service::ManagedRedis,
            Tier::ObjectStorage => Service::ObjectStorage,
        }
    }

    /// Where the tier sits on the line between you and the provider.
    pub fn model(self) -> Model {
        match self {
            Tier::App => Model::Caas,
            _ => Model::Paas,
        }
    }

    /// Why the tier is in that model, in a sentence.
    pub fn why(self) -> &'static str {
        match self {
            Tier::App => "Closest to IaaS: the team builds the image and owns the scaling policy; the provider runs the hosts.",
            Tier::Database | Tier::Cache => {
                "Managed: the team chooses size and settings; the provider runs, patches, replicates and backs it up."
            }
            Tier::ObjectStorage => "Managed: no servers or capacity to choose at all; the team decides what is stored and who may read it.",
            Tier::Cdn | Tier::LoadBalancer => "A managed network service: the team configures it; the provider runs and scales it.",
        }
    }

    /// What the team still does, and what the provider does, for each concern.
    pub fn duties(self) -> [Duty; 4] {
        use Concern::*;
        match self {
            Tier::Cdn => [
                duty(Patch, "Nothing to patch.", "Runs and patches the edge servers."),
                duty(
                    Scale,
                    "Sets cache lifetimes, which decide the hit ratio.",
                    "Absorbs bursts across its edge locations.",
                ),
                duty(BackUp, "Keeps the distribution's settings in Terraform.", "Nothing to back up: it caches the origin."),
                duty(
                    Secure,
                    "TLS certificate, origin access, firewall rules.",
                    "Absorbs network-level DDoS at the edge.",
                ),
            ],
            Tier::LoadBalancer => [
                duty(Patch, "Nothing to patch.", "Patches the load balancer's nodes."),
                duty(Scale, "Nothing to size.", "Adds nodes as traffic grows."),
                duty(BackUp, "Keeps listeners and target group in Terraform.", "Runs nodes in both AZs."),
                duty(
                    Secure,
                    "Listeners, TLS policy, a security group that admits only HTTPS.",
                    "Keeps the nodes themselves hardened.",
                ),
            ],
            Tier::App => [
                duty(
                    Patch,
                    "Rebuilds and redeploys the image when Node.js, the base image or a dependency has a fix.",
                    "Patches the Fargate platform (kernel, container runtime) and replaces tasks running on an old revision.",
                ),
                duty(
                    Scale,
                    format!(
                        "Sizes each task ({} vCPU, {} GB) and sets the policy: {} % CPU, {}–{} tasks.",
                        number_text(photoshare::cost::TASK_VCPU),
                        number_text(photoshare::cost::TASK_MEMORY_GB),
                        number_text(photoshare::CPU_TARGET * 100.0),
                        photoshare::MIN_TASKS,
                        photoshare::MAX_TASKS
                    ),
                    "Finds a host for every task the policy asks for.",
                ),
                duty(
                    BackUp,
                    "Nothing to back up: tasks are stateless; the code lives in git, the image in the registry.",
                    "Keeps registry images durable.",
                ),
                duty(
                    Secure,
                    "Runs as a non-root user, scopes the task role and security group, injects config at start.",
                    "Isolates each task from other customers' tasks.",
                ),
            ],
            Tier::Database => [
                duty(
                    Patch,
                    format!(
                        "Chooses the engine version ({}) and a maintenance window; plans major upgrades.",
                        data::POSTGRES_ENGINE_VERSION
                    ),
                    "Patches the OS and minor engine versions in that window.",
                ),
                duty(
                    Scale,
                    format!(
                        "Chooses the instance class ({}) and storage ({} GB).",
                        data::POSTGRES_INSTANCE_CLASS,
                        number_text(photoshare::cost::POSTGRES_STORAGE_GB)
                    ),
                    "Resizes when asked; fails over to the standby in the other AZ.",
                ),
                duty(
                    BackUp,
                    format!(
                        "Sets retention ({} days), turns on deletion protection, rehearses restores.",
                        data::POSTGRES_BACKUP_RETENTION_DAYS
                    ),
                    "Takes daily snapshots and keeps logs for point-in-time restore; keeps the standby in sync.",
                ),
                duty(
                    Secure,
                    "Turns on storage encryption, decides who may connect (security group, users).",
                    "Encrypts with the chosen key; keeps the hosts isolated.",
                ),
            ],
            Tier::Cache => [
                duty(
                    Patch,
                    "Chooses the engine version and a maintenance window.",
                    "Patches the OS and Redis.",
                ),
                duty(
                    Scale,
                    format!(
                        "Chooses the node type ({}) and how many ({}).",
                        data::REDIS_NODE_TYPE,
                        number_text(photoshare::cost::REDIS_NODES)
                    ),
                    "Promotes the replica automatically if the primary fails.",
                ),
                duty(
                    BackUp,
                    "Little to back up: sessions and cached reads can be rebuilt.",
                    "Takes snapshots if they are turned on.",
                ),
                duty(
                    Secure,
                    "Security group, auth token, encryption in transit.",
                    "Runs and isolates the nodes.",
                ),
            ],
            Tier::ObjectStorage => [
                duty(Patch, "Nothing to patch.", "Everything under the API."),
                duty(Scale, "Nothing to size.", "Scales storage and request rate."),
                duty(
                    BackUp,
                    format!(
                        "Turned on versioning for {}; may add cross-region replication.",
                        data::UPLOADS_BUCKET
                    ),
                    "Stores every object redundantly across AZs (11 nines of durability).",
                ),
                duty(
                    Secure,
                    "Writes the bucket policy, blocks public access, chooses the encryption key.",
                    "Encrypts every new object at rest by default.",
                ),
            ],
        }
    }
}

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

/// Link format: `tier=db&model=paas&ans=10-2` (one character per question: the chosen option, or `-`).
impl LinkState for ServiceModelsParams {
    fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(t) = self.selected_tier {
            pairs.push(("tier", t.slug().to_string()));
        }
        if let Some(m) = self.selected_model {
            pairs.push(("model", m.slug().to_string()));
        }
        if self.answers.iter().any(Option::is_some) {
            pairs.push(("ans", answers_text(&self.answers)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = ServiceModelsParams::default();
        let mut r = LinkReader::new(query);
        if let Some(text) = r.text("tier") {
            match Tier::from_slug(text) {
                Some(t) => p.selected_tier = Some(t),
                None => r.ignore("tier", text, "not a tier of PhotoShare".into()),
            }
        }
        if let Some(text) = r.text("model") {
            match Model::from_slug(text) {
                Some(m) => p.selected_model = Some(m),
                None => r.ignore("model", text, "not a service model".into()),
            }
        }
        if let Some(text) = r.text("ans") {
            match parse_answers(text) {
                Ok(answers) => p.answers = answers,
                Err(why) => r.ignore("ans", text, why),
            }
        }
        (p, r.finish())
    }
}

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

/// Its link is still read by the hand-written `LinkState` above; its owner describes its
/// fields here (see `params` and the availability demo).
impl crate::params::Fields for ServiceModelsParams {
    const FIELDS: crate::params::Table<Self> = &[];
}

/// The service models demo in the lab's registry.
pub struct ServiceModels;

impl crate::demo::Demo for ServiceModels {
    const ID: crate::catalog::DemoId = crate::catalog::DemoId::ServiceModels;
    type Params = ServiceModelsParams;
    type Outcome = ServiceModelsOutcome;

    fn evaluate(p: &ServiceModelsParams) -> Result<ServiceModelsOutcome, Vec<String>> {
        evaluate(p)
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
