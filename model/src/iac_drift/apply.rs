//! `terraform apply`: the plan carried out step by step, and the state written.

use super::config::Config;
use super::plan::{effective_body, plan, Action, Summary};
use super::refresh::{refresh, Refresh};
use super::world::{create, World};

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
    /// e.g. `aws_db_instance.pg: Modifications complete [id=db-…]` (Terraform adds a duration; the lab does not time steps).
    pub finished: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// In the plan's order; a replacement is a destroy step then a create step.
    pub steps: Vec<ApplyStep>,
    pub summary: Summary,
    /// `Apply complete! Resources: …`
    pub complete_line: String,
    /// What became of the changes made outside Terraform, in words.
    pub note: String,
}

/// Makes the account match the configuration, step by step, and records it in the state.
pub fn apply(config: &Config, world: &mut World) -> Applied {
    let before = refresh(config, world);
    let planned = plan(config, world);
    let mut steps = Vec::new();
    for change in &planned.changes {
        let address = &change.address;
        let wanted = config.resources.get(address);
        let old_id = world
            .actual
            .get(address)
            .map(|r| r.id.clone())
            .unwrap_or_default();
        if matches!(change.action, Action::Delete | Action::Replace) {
            world.actual.remove(address);
            steps.push(ApplyStep {
                address: address.clone(),
                action: StepAction::Destroy,
                started: format!("{address}: Destroying... [id={old_id}]"),
                finished: format!("{address}: Destruction complete"),
            });
        }
        match (change.action, wanted) {
            (Action::Create | Action::Replace, Some(rc)) => {
                let created = create(rc, world);
                steps.push(ApplyStep {
                    address: address.clone(),
                    action: StepAction::Create,
                    started: format!("{address}: Creating..."),
                    finished: format!("{address}: Creation complete [id={}]", created.id),
                });
                world.actual.insert(address.clone(), created);
            }
            (Action::Update, Some(rc)) => {
                if let Some(cur) = world.actual.get_mut(address) {
                    cur.body = effective_body(rc, cur);
                }
                steps.push(ApplyStep {
                    address: address.clone(),
                    action: StepAction::Update,
                    started: format!("{address}: Modifying... [id={old_id}]"),
                    finished: format!("{address}: Modifications complete [id={old_id}]"),
                });
            }
            _ => {}
        }
    }
    // The state now records every object Terraform manages, as it really is.
    world.state = world
        .actual
        .iter()
        .filter(|(a, _)| config.resources.contains_key(*a))
        .map(|(a, r)| (a.clone(), r.clone()))
        .collect();
    Applied {
        complete_line: planned.summary.apply_line(),
        summary: planned.summary,
        note: apply_note(&before, &steps),
        steps,
    }
}

fn apply_note(before: &Refresh, steps: &[ApplyStep]) -> String {
    let mut parts = Vec::new();
    if !before.drift.is_empty() {
        let undone: Vec<&str> = before.drift.iter().map(|d| d.address.as_str()).collect();
        parts.push(format!(
            "The changes made in the console are gone: Terraform put {} back as the configuration says. \
             A fix made by hand lasts only until the next apply — make it in the configuration instead.",
            undone.join(", ")
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
