//! `terraform apply`: the plan carried out step by step, and the state written.
//!
//! Steps run in dependency order: destroys first (an object before what it depends on),
//! then creates and updates (an object after what it refers to), a replacement's new object
//! after the old one is gone. A step AWS refuses stops only what waits for it; what ran
//! stays done and is recorded in the state, as Terraform records a partial apply.

use std::collections::BTreeMap;

use super::config::{Config, Object, Value};
use super::plan::{changed_keys, effective_body, plan, Action, Plan, Summary};
use super::references::{dependencies, parse_ref};
use super::refresh::{refresh, Refresh};
use super::refusals::{refuse_destroy, refuse_update, Failure};
use super::render::scalar_text;
use super::schema::waits_for_maintenance_window;
use super::world::{create, module_output, read, resolve_body, Resource, World};

/// What one apply step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    Create,
    Update,
    Destroy,
}

/// One line pair of `terraform apply`'s log, for the view to animate.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplyStep {
    pub address: String,
    pub action: StepAction,
    /// e.g. `aws_db_instance.pg: Modifying... [id=db-…]`
    pub started: String,
    /// e.g. `aws_db_instance.pg: Modifications complete [id=db-…]` (Terraform adds a duration;
    /// the lab does not time steps); `None` when the step failed.
    pub finished: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The steps that ran, in order; a replacement is a destroy step then a create step.
    pub steps: Vec<ApplyStep>,
    /// What was done.
    pub summary: Summary,
    /// `Apply complete! Resources: …`; `None` when a step failed (Terraform prints the errors instead).
    pub complete_line: Option<String>,
    /// The steps AWS or the provider refused.
    pub failures: Vec<Failure>,
    /// (address, attribute) RDS holds for the next maintenance window.
    pub pending: Vec<(String, String)>,
    /// What became of the changes made outside Terraform, in words.
    pub note: String,
}

impl Applied {
    /// The log as Terraform prints it after `shown` steps; the full log ends with the
    /// errors, or the line that says the apply is complete.
    pub fn log(&self, shown: usize) -> String {
        let mut t = String::new();
        for s in self.steps.iter().take(shown) {
            t.push_str(&s.started);
            t.push('\n');
            if let Some(f) = &s.finished {
                t.push_str(f);
                t.push('\n');
            }
        }
        if shown >= self.steps.len() {
            for f in &self.failures {
                t.push_str(&f.error);
            }
            if let Some(line) = &self.complete_line {
                t.push('\n');
                t.push_str(line);
                t.push('\n');
            }
        }
        t
    }
}

/// One step to run, and the steps it waits for (by key).
struct Step {
    address: String,
    action: StepAction,
    waits_for: Vec<(String, StepAction)>,
}

/// Makes the account match the configuration, step by step, and records it in the state.
pub fn apply(config: &Config, world: &mut World) -> Applied {
    let before = refresh(config, world);
    let planned = plan(config, world);
    apply_planned(config, world, &before, &planned)
}

/// [`apply`] given the refresh and the plan it would make first, for a caller that has them.
pub fn apply_planned(
    config: &Config,
    world: &mut World,
    before: &Refresh,
    planned: &Plan,
) -> Applied {
    // What Terraform believes after each step, starting from the refreshed state.
    let mut recorded: BTreeMap<String, Resource> = world.refreshed();
    let mut steps = Vec::new();
    let mut failures = Vec::new();
    let mut done = Summary::default();
    let mut stopped: Vec<(String, StepAction)> = Vec::new();
    for step in order_steps(config, &recorded, &planned.changes) {
        let key = (step.address.clone(), step.action);
        if step.waits_for.iter().any(|w| stopped.contains(w)) {
            stopped.push(key);
            continue;
        }
        let address = &step.address;
        let old_id = recorded
            .get(address)
            .map(|r| r.id.clone())
            .unwrap_or_default();
        let started = match step.action {
            StepAction::Destroy => format!("{address}: Destroying... [id={old_id}]"),
            StepAction::Create => format!("{address}: Creating..."),
            StepAction::Update => format!("{address}: Modifying... [id={old_id}]"),
        };
        // The finished line, or what AWS refused; `None`: nothing to do after all.
        let outcome: Option<Result<String, Failure>> = match step.action {
            StepAction::Destroy => recorded
                .get(address)
                .map(|r| match refuse_destroy(r, world) {
                    Some(f) => Err(f),
                    None => {
                        if let Some(gone) = world.actual.remove(address) {
                            if gone.resource_type == "aws_s3_bucket" {
                                // force_destroy emptied it first.
                                world.buckets_with_objects.retain(|b| *b != gone.id);
                            }
                        }
                        done.destroy += 1;
                        Ok(format!("{address}: Destruction complete"))
                    }
                }),
            StepAction::Create => config.resources.get(address).map(|rc| {
                let body = resolve_body(&rc.body, &|e| applied_reference(&world.actual, e));
                let created = create(rc, body, dependencies(&rc.body), world);
                world.actual.insert(address.clone(), created.clone());
                recorded.insert(address.clone(), created);
                done.add += 1;
                Ok(format!(
                    "{address}: Creation complete [id={}]",
                    recorded[address].id
                ))
            }),
            StepAction::Update => {
                match (
                    config.resources.get(address),
                    recorded.get(address).cloned(),
                    world.actual.get(address).cloned(),
                ) {
                    (Some(rc), Some(current), Some(real)) => {
                        let resolved =
                            resolve_body(&rc.body, &|e| applied_reference(&world.actual, e));
                        let wanted = effective_body(rc, resolved, &current);
                        Some(match refuse_update(rc, &real, &wanted) {
                            Some(f) => Err(f),
                            None => {
                                update(world, address, &current.body, &wanted);
                                let mut now = current;
                                now.body = wanted;
                                now.dependencies = dependencies(&rc.body);
                                recorded.insert(address.clone(), now);
                                done.change += 1;
                                Ok(format!("{address}: Modifications complete [id={old_id}]"))
                            }
                        })
                    }
                    _ => None,
                }
            }
        };
        let finished = match outcome {
            None => continue,
            Some(Ok(line)) => Some(line),
            Some(Err(f)) => {
                failures.push(f);
                stopped.push(key);
                None
            }
        };
        if step.action == StepAction::Destroy && finished.is_some() {
            recorded.remove(address);
        }
        steps.push(ApplyStep {
            address: address.clone(),
            action: step.action,
            started,
            finished,
        });
    }
    // The state records every object Terraform still manages, as the provider reads it back.
    world.state.clear();
    for (a, r) in &recorded {
        if let Some(real) = world.actual.get(a) {
            world.state.insert(a.clone(), read(r, real));
        }
    }
    let pending: Vec<(String, String)> = world
        .actual
        .iter()
        .flat_map(|(a, r)| r.pending.keys().map(move |k| (a.clone(), k.clone())))
        .collect();
    let note = apply_note(before, &failures, world, &steps);
    Applied {
        complete_line: failures.is_empty().then(|| done.apply_line()),
        summary: done,
        failures,
        pending,
        note,
        steps,
    }
}

/// The provider carrying out an in-place update. RDS holds the changes that wait for the
/// maintenance window unless the configuration says `apply_immediately = true`, which also
/// releases whatever it held before.
fn update(world: &mut World, address: &str, current: &Object, wanted: &Object) {
    let Some(real) = world.actual.get_mut(address) else {
        return;
    };
    let now = wanted.attributes.get("apply_immediately") == Some(&Value::Bool(true));
    if now {
        let held = std::mem::take(&mut real.pending);
        real.body.attributes.extend(held);
    }
    for key in changed_keys(current, wanted) {
        if key == "engine_version" && is_version_prefix(wanted, &real.body) {
            // A prefix of the running version ("16" for 16.4) asks RDS for nothing.
            continue;
        }
        if !now && waits_for_maintenance_window(&real.resource_type, &key) {
            if let Some(v) = wanted.attributes.get(&key) {
                real.pending.insert(key, v.clone());
            }
            continue;
        }
        super::plan::take_key(&mut real.body, wanted, &key);
    }
}

/// Whether the asked engine version is a prefix of the running one.
fn is_version_prefix(wanted: &Object, real: &Object) -> bool {
    match (
        wanted.attributes.get("engine_version"),
        real.attributes.get("engine_version"),
    ) {
        (Some(Value::Str(asked)), Some(Value::Str(running))) => {
            running.starts_with(&format!("{asked}."))
        }
        _ => false,
    }
}

/// A reference's value once the objects it names exist; `None` keeps it as written.
fn applied_reference(actual: &BTreeMap<String, Resource>, expr: &str) -> Option<Value> {
    if let Some(v) = module_output(expr) {
        return Some(v);
    }
    let (address, attribute) = parse_ref(expr)?;
    let target = actual.get(&address)?;
    match attribute {
        "id" => Some(Value::Str(target.id.clone())),
        "arn" => target.arn.clone().map(Value::Str),
        a => target.body.attributes.get(a).cloned(),
    }
}

/// The plan's changes as steps in the order they can run: destroys first, each after the
/// destroys of what depends on it; then creates and updates, each after the steps of what it
/// refers to (and a replacement's create after its destroy). Ties go in address order.
fn order_steps(
    config: &Config,
    recorded: &BTreeMap<String, Resource>,
    changes: &[super::plan::ResourceChange],
) -> Vec<Step> {
    // `changes` is in address order, so each list below is too.
    let destroyed: Vec<&String> = changes
        .iter()
        .filter(|c| matches!(c.action, Action::Delete | Action::Replace))
        .map(|c| &c.address)
        .collect();
    let built: Vec<(&String, StepAction)> = changes
        .iter()
        .filter_map(|c| match c.action {
            Action::Create | Action::Replace => Some((&c.address, StepAction::Create)),
            Action::Update => Some((&c.address, StepAction::Update)),
            Action::Delete => None,
        })
        .collect();
    let mut todo: Vec<Step> = Vec::new();
    for address in &destroyed {
        let dependents = destroyed
            .iter()
            .filter(|d| {
                recorded
                    .get(**d)
                    .is_some_and(|r| r.dependencies.contains(*address))
            })
            .map(|d| ((*d).clone(), StepAction::Destroy))
            .collect();
        todo.push(Step {
            address: (*address).clone(),
            action: StepAction::Destroy,
            waits_for: dependents,
        });
    }
    for (address, action) in &built {
        let refers_to = config
            .resources
            .get(*address)
            .map(|rc| dependencies(&rc.body))
            .unwrap_or_default();
        let mut waits_for: Vec<(String, StepAction)> = built
            .iter()
            .filter(|(d, _)| refers_to.contains(*d))
            .map(|(d, a)| ((*d).clone(), *a))
            .collect();
        if destroyed.contains(address) {
            waits_for.push(((*address).clone(), StepAction::Destroy));
        }
        todo.push(Step {
            address: (*address).clone(),
            action: *action,
            waits_for,
        });
    }
    let mut ordered: Vec<Step> = Vec::with_capacity(todo.len());
    while !todo.is_empty() {
        let placed =
            |w: &(String, StepAction)| ordered.iter().any(|s| s.address == w.0 && s.action == w.1);
        let ready = todo
            .iter()
            .position(|s| s.waits_for.iter().all(placed))
            // Waiting in a circle cannot happen for a configuration without cycles; if it
            // did, take the next step anyway rather than stop.
            .unwrap_or(0);
        ordered.push(todo.remove(ready));
    }
    ordered
}

fn apply_note(
    before: &Refresh,
    failures: &[Failure],
    world: &World,
    steps: &[ApplyStep],
) -> String {
    let mut parts = Vec::new();
    if !failures.is_empty() {
        let failed: Vec<&str> = failures.iter().map(|f| f.address.as_str()).collect();
        parts.push(format!(
            "The apply stopped at {}: AWS refused it (the error says why). What ran before and beside it is done and \
             recorded in the state; run plan again to see what is left.",
            failed.join(", ")
        ));
    }
    let finished = |a: &str| steps.iter().any(|s| s.address == a && s.finished.is_some());
    let held = |a: &str| world.actual.get(a).is_some_and(|r| !r.pending.is_empty());
    let undone: Vec<&str> = before
        .drift
        .iter()
        .map(|d| d.address.as_str())
        .filter(|a| finished(a) && !held(a))
        .collect();
    if !undone.is_empty() {
        parts.push(format!(
            "The changes made in the console are gone: Terraform put {} back as the configuration says. \
             A fix made by hand lasts only until the next apply — make it in the configuration instead.",
            undone.join(", ")
        ));
    }
    for (address, db) in world.actual.iter().filter(|(_, r)| !r.pending.is_empty()) {
        let list: Vec<String> = db
            .pending
            .iter()
            .map(|(k, v)| format!("{k} = {}", scalar_text(v)))
            .collect();
        parts.push(format!(
            "RDS holds {} on {address} for the next maintenance window (the configuration does not say \
             apply_immediately = true): until then the database runs as before, and every plan shows the same change again.",
            list.join(", ")
        ));
    }
    for (address, attribute) in &before.ignored {
        parts.push(format!(
            "{address}: {attribute} keeps the value set outside Terraform — the configuration ignores changes to it."
        ));
    }
    if !before.unmanaged.is_empty() {
        parts.push("The instance launched by hand is still running: apply only touches what the state records.".into());
    }
    if parts.is_empty() {
        parts.push(if steps.is_empty() {
            "Nothing to do: the account already matched the configuration.".into()
        } else {
            "The account now matches the edited configuration.".into()
        });
    }
    parts.join(" ")
}
