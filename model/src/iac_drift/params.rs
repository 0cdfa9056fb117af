//! The demo: what a student can set, everything shown for it, and the link.

use super::apply::{apply, apply_planned, Applied};
use super::config::{
    config_text, variant_config, with_ignore_desired_count, without_ignore_desired_count, Config,
    ConfigVariant, Object, ParseError, Value,
};
use super::console::{click, ConsoleClick};
use super::lock::{concurrent_applies, LockOutcome, LockScenario, MAX_LOCK_SCENARIO_S};
use super::plan::{plan, Plan};
use super::refresh::{refresh, Refresh};
use super::world::World;
use super::MAX_CLICKS;
use crate::params::{self, Field, Fields, Spec, Table};

/// What a student can set. The clicks, the variant and the lock scenario are in links;
/// typed text and the page's applies are not (too long for a URL), so a link replays the
/// clicks on a fresh deploy of the variant.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IacDriftParams {
    /// Changes made outside Terraform since the last apply, in order.
    pub clicks: Vec<ConsoleClick>,
    pub config: ConfigVariant,
    pub lock: LockScenario,
    /// Show `terraform plan -refresh-only` instead of `terraform plan`.
    pub refresh_only: bool,
    /// The configuration as typed in the page; `None`: the variant's text.
    pub edit: Option<Edit>,
    /// The last apply run in the page; `None`: the account is a fresh deploy of the variant.
    pub last_apply: Option<LastApply>,
}

/// Text typed into the editor, and the last configuration that parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub text: String,
    /// Why `text` does not parse; `None` when it does.
    pub error: Option<ParseError>,
    /// The last text that parsed, read: plans keep using it while `text` is broken.
    pub config: Config,
    /// `text` waits for the parser (the page's module of it); `error` and `config` are still
    /// those of the text read before it.
    pub unread: bool,
}

/// An apply run in the page: the account as it found it, and the configuration it applied.
#[derive(Clone, Debug, PartialEq)]
pub struct LastApply {
    pub before: World,
    pub config: Config,
}

impl IacDriftParams {
    /// The configuration the plan compares against: the typed one (its last good parse), or the variant's.
    pub fn desired(&self) -> Result<Config, ParseError> {
        match &self.edit {
            Some(e) => Ok(e.config.clone()),
            None => variant_config(self.config).cloned(),
        }
    }

    /// These params with the lock scenario and the choice of plan output at their defaults:
    /// all that the account, the plan and the apply depend on. A page keyed on them runs
    /// [`evaluate`] only when one of those changes, and takes the lock from
    /// [`IacDriftParams::lock_outcome`].
    pub fn account_inputs(&self) -> IacDriftParams {
        IacDriftParams {
            lock: LockScenario::default(),
            refresh_only: false,
            ..self.clone()
        }
    }

    /// The lock lesson on its own, for a page that re-runs only this when a lock slider
    /// moves: the range messages of the lock's fields, or the two applies against `config`.
    pub fn lock_outcome(&self, config: &Config) -> Result<LockOutcome, Vec<String>> {
        let problems: Vec<String> = [Self::APPLY_S, Self::SECOND_AT, Self::LOCK_TIMEOUT]
            .iter()
            .filter(|f| !f.holds(self))
            .map(|f| f.spec.out_of_range())
            .collect();
        if problems.is_empty() {
            Ok(concurrent_applies(config, &self.lock))
        } else {
            Err(problems)
        }
    }

    /// The editor's text.
    pub fn text(&self) -> String {
        match &self.edit {
            Some(e) => e.text.clone(),
            None => config_text(self.config),
        }
    }

    /// Takes typed text: a text that parses becomes the desired configuration; one that does not
    /// keeps the last good one and says where it broke. Typing the variant's text back ends the edit.
    /// With the feature `read-at-once` the text is read at once; without it (the page, whose
    /// parser is a module fetched when first needed) it waits, [`IacDriftParams::unread`], for
    /// [`IacDriftParams::take_read`].
    pub fn type_config(&mut self, text: String) {
        self.type_unread(text);
        #[cfg(feature = "read-at-once")]
        if let Some(text) = self.unread().map(str::to_string) {
            let read = super::parse_config(&text);
            self.take_read(&text, read);
        }
    }

    /// Takes typed text without reading it: the plans keep the last text read until
    /// [`IacDriftParams::take_read`] brings its parse.
    pub fn type_unread(&mut self, text: String) {
        if text == config_text(self.config) {
            self.edit = None;
            return;
        }
        let (config, error) = match self.edit.take() {
            Some(e) => (e.config, e.error),
            None => (self.desired().unwrap_or_default(), None),
        };
        self.edit = Some(Edit {
            text,
            error,
            config,
            unread: true,
        });
    }

    /// The typed text that waits for the parser, if any.
    pub fn unread(&self) -> Option<&str> {
        self.edit
            .as_ref()
            .filter(|e| e.unread)
            .map(|e| e.text.as_str())
    }

    /// The parser's result for `text`: taken if `text` is still the one waiting (a reply for
    /// text typed over since is dropped).
    pub fn take_read(&mut self, text: &str, read: Result<Config, ParseError>) {
        let Some(edit) = self.edit.as_mut().filter(|e| e.unread && e.text == text) else {
            return;
        };
        match read {
            Ok(config) => {
                edit.config = config;
                edit.error = None;
            }
            Err(e) => edit.error = Some(e),
        }
        edit.unread = false;
    }

    /// Switches the variant; typed text gets the lifecycle block added or taken out too.
    pub fn set_variant(&mut self, variant: ConfigVariant) {
        if variant == self.config {
            return;
        }
        self.config = variant;
        if let Some(edit) = self.edit.take() {
            let text = match variant {
                ConfigVariant::IgnoreDesiredCount => with_ignore_desired_count(&edit.text),
                ConfigVariant::WorkedExample => without_ignore_desired_count(&edit.text),
            };
            self.edit = Some(edit);
            self.type_config(text);
        }
    }

    /// Records `terraform apply` of the desired configuration to the account as it is now;
    /// the clicks are then history (the next clicks are made on the applied account).
    pub fn record_apply(&mut self) {
        let Ok(desired) = self.desired() else {
            return;
        };
        let Ok(deployed) = World::deployed_variant(self.config) else {
            return;
        };
        let (before, _, _) = self.account(deployed);
        self.last_apply = Some(LastApply {
            before,
            config: desired,
        });
        self.clicks.clear();
    }

    /// The account now: the last apply's result (or the variant's first apply, `deployed`)
    /// with the clicks made since; the notes on the clicks; and what the last apply did.
    fn account(&self, deployed: &World) -> (World, Vec<String>, Option<Applied>) {
        let (mut world, applied) = match &self.last_apply {
            Some(last) => {
                let mut world = last.before.clone();
                let applied = apply(&last.config, &mut world);
                (world, Some(applied))
            }
            None => (deployed.clone(), None),
        };
        let notes = self.clicks.iter().map(|&c| click(&mut world, c)).collect();
        (world, notes, applied)
    }
}

/// Everything the drift demo shows for the params.
#[derive(Clone, Debug, PartialEq)]
pub struct IacDriftOutcome {
    /// The editor's text.
    pub config_text: String,
    /// Where the typed text breaks; the plan then uses the last text that parsed.
    pub parse_error: Option<ParseError>,
    /// The configuration the plan compares against.
    pub config: Config,
    /// The account now: deployed, perhaps applied in the page, then the clicks.
    pub world: World,
    /// One note per click, in order.
    pub click_notes: Vec<String>,
    /// The apply run in the page, while nothing has happened since (no click, no edit): its
    /// log, errors and what became of the clicks before it.
    pub last_apply: Option<Applied>,
    /// `terraform plan -refresh-only`: every change made outside Terraform.
    pub refresh: Refresh,
    /// `terraform plan`: the changes, after a note on the outside changes that fed them.
    pub plan: Plan,
    /// What `terraform apply` would do now.
    pub applied: Applied,
    /// The plan after that apply: "No changes." unless AWS refused a step or RDS holds a
    /// change for the maintenance window.
    pub plan_after_apply: Plan,
    /// The service's task count: who wins, the autoscaler or the configuration.
    pub task_count: TaskCount,
    pub lock: LockOutcome,
}

/// The ECS service's `desired_count` as configured and as running, and what the plan does about it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TaskCount {
    pub configured: Option<f64>,
    pub running: Option<f64>,
    /// The plan sets the running count back to the configured one.
    pub reverted: bool,
    /// The configuration ignores changes to it (`lifecycle { ignore_changes }`).
    pub ignored: bool,
}

const SERVICE: &str = "aws_ecs_service.app";
const DESIRED_COUNT: &str = "desired_count";

fn task_count(config: &Config, world: &World, plan: &Plan) -> TaskCount {
    let number = |body: &Object| match body.attributes.get(DESIRED_COUNT) {
        Some(Value::Number(x)) => Some(*x),
        _ => None,
    };
    let rc = config.resources.get(SERVICE);
    TaskCount {
        configured: rc.and_then(|rc| number(&rc.body)),
        running: world.actual.get(SERVICE).and_then(|r| number(&r.body)),
        reverted: plan
            .changes
            .iter()
            .any(|c| c.address == SERVICE && c.changed.iter().any(|k| k == DESIRED_COUNT)),
        ignored: rc.is_some_and(|rc| rc.ignores(DESIRED_COUNT)),
    }
}

/// Deploys the configuration, replays the clicks, then refreshes, plans and applies.
pub fn evaluate(p: &IacDriftParams) -> Result<IacDriftOutcome, Vec<String>> {
    let mut problems = Vec::new();
    if p.clicks.len() > MAX_CLICKS {
        problems.push(format!("At most {MAX_CLICKS} console clicks."));
    }
    problems.extend(params::check(p));
    let parsed = World::deployed_variant(p.config).and_then(|w| Ok((p.desired()?, w)));
    let (config, deployed) = match parsed {
        Ok(c) => c,
        Err(e) => {
            problems.push(format!("The configuration does not parse: {e}"));
            return Err(problems);
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let (world, click_notes, last_apply) = p.account(deployed);
    // The last apply's log stays on screen until something happens after it.
    let last_apply = last_apply.filter(|_| {
        p.clicks.is_empty() && p.last_apply.as_ref().is_some_and(|l| l.config == config)
    });
    let refresh = refresh(&config, &world);
    let plan = plan(&config, &world);
    let mut after = world.clone();
    let applied = apply_planned(&config, &mut after, &refresh, &plan);
    let plan_after_apply = self::plan(&config, &after);
    Ok(IacDriftOutcome {
        task_count: task_count(&config, &world, &plan),
        lock: concurrent_applies(&config, &p.lock),
        config_text: p.text(),
        parse_error: p.edit.as_ref().and_then(|e| e.error.clone()),
        config,
        world,
        click_notes,
        last_apply,
        refresh,
        plan,
        applied,
        plan_after_apply,
    })
}

// The link is the table's: `clicks=desired_count,multi_az_off&ignore=1&refresh_only=1&apply_s=120&second_at=30&lock_timeout=0`.
// Text typed into the editor is not in the link: it is too long for a URL.
crate::link_from_table!(IacDriftParams);

/// The lock scenario's times, in seconds: the slider's range in a link and in `validate`.
const LOCK_RANGE_S: (f64, f64) = (0.0, MAX_LOCK_SCENARIO_S as f64);

impl IacDriftParams {
    pub const CLICKS: Field<Self> = Field::text(
        Spec::named("clicks", "Console clicks since the last apply"),
        |p| {
            let slugs: Vec<&str> = p.clicks.iter().map(|c| c.slug()).collect();
            slugs.join(",")
        },
        read_clicks,
    );
    pub const IGNORE: Field<Self> = Field::flag(
        Spec::named(
            "ignore",
            "Add lifecycle { ignore_changes = [desired_count] } to the service",
        ),
        |p| p.config == ConfigVariant::IgnoreDesiredCount,
        |p, on| {
            p.set_variant(if on {
                ConfigVariant::IgnoreDesiredCount
            } else {
                ConfigVariant::WorkedExample
            })
        },
    );
    crate::fields! {
        REFRESH_ONLY: flag refresh_only,
            Spec::named("refresh_only", "Run terraform plan -refresh-only");
        APPLY_S: whole lock.first_apply_s,
            Spec::new("apply_s", "Alice's apply takes", "s", LOCK_RANGE_S, 5.0);
        SECOND_AT: whole lock.second_starts_after_s,
            Spec::new("second_at", "Bob's apply starts after", "s", LOCK_RANGE_S, 5.0);
        LOCK_TIMEOUT: whole lock.lock_timeout_s,
            Spec::new("lock_timeout", "Bob's -lock-timeout", "s", LOCK_RANGE_S, 5.0);
    }
}

impl Fields for IacDriftParams {
    const FIELDS: Table<Self> = &[&[
        Self::CLICKS,
        Self::IGNORE,
        Self::REFRESH_ONLY,
        Self::APPLY_S,
        Self::SECOND_AT,
        Self::LOCK_TIMEOUT,
    ]];
}

/// The clicks a link replays, by slug: all of them, or none and the first reason.
fn read_clicks(p: &mut IacDriftParams, text: &str) -> Result<(), String> {
    let mut clicks = Vec::new();
    for slug in text.split(',').filter(|s| !s.is_empty()) {
        let click =
            ConsoleClick::from_slug(slug).ok_or_else(|| format!("unknown click '{slug}'"))?;
        if clicks.len() == MAX_CLICKS {
            return Err(format!("more than {MAX_CLICKS} clicks"));
        }
        clicks.push(click);
    }
    p.clicks = clicks;
    Ok(())
}
