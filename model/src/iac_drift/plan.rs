//! `terraform plan`: what it takes to make the account match the configuration.

use std::collections::BTreeSet;

use super::config::{Config, Object, ResourceConfig};
use super::render::Render;
use super::schema::forces_replacement;
use super::world::{Resource, World};

/// What a plan does to one resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    /// Destroy, then create the replacement.
    Replace,
}

impl Action {
    pub fn symbol(self) -> &'static str {
        match self {
            Action::Create => "+",
            Action::Update => "~",
            Action::Delete => "-",
            Action::Replace => "-/+",
        }
    }
}

/// One resource's planned change.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceChange {
    pub address: String,
    pub action: Action,
    /// Top-level attributes and block types that differ, sorted.
    pub changed: Vec<String>,
    /// Those of `changed` that force the replacement.
    pub forcing: Vec<String>,
}

/// `Plan: X to add, Y to change, Z to destroy.` (a replacement counts one add and one destroy).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub add: u32,
    pub change: u32,
    pub destroy: u32,
}

impl Summary {
    fn of(changes: &[ResourceChange]) -> Summary {
        let mut s = Summary::default();
        for c in changes {
            match c.action {
                Action::Create => s.add += 1,
                Action::Update => s.change += 1,
                Action::Delete => s.destroy += 1,
                Action::Replace => {
                    s.add += 1;
                    s.destroy += 1;
                }
            }
        }
        s
    }

    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }

    /// The line that ends `terraform plan`.
    pub fn plan_line(&self) -> String {
        format!(
            "Plan: {} to add, {} to change, {} to destroy.",
            self.add, self.change, self.destroy
        )
    }

    /// The line that ends `terraform apply`.
    pub fn apply_line(&self) -> String {
        format!(
            "Apply complete! Resources: {} added, {} changed, {} destroyed.",
            self.add, self.change, self.destroy
        )
    }
}

/// `terraform plan`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Sorted by address, as Terraform prints them.
    pub changes: Vec<ResourceChange>,
    pub summary: Summary,
    /// The plan as Terraform prints it (after the refresh note, which is [`Refresh::text`]).
    pub text: String,
}

pub const NO_CHANGES: &str = "No changes. Your infrastructure matches the configuration.";

/// Compares the configuration with the (refreshed) real account.
pub fn plan(config: &Config, world: &World) -> Plan {
    let mut changes = Vec::new();
    let mut blocks = Vec::new();
    let addresses: BTreeSet<&String> = config.resources.keys().chain(world.state.keys()).collect();
    let pending: BTreeSet<String> = addresses
        .iter()
        .filter(|a| config.resources.contains_key(**a) && !world.actual.contains_key(**a))
        .map(|a| a.to_string())
        .collect();
    for address in addresses {
        let wanted = config.resources.get(address);
        let current = world
            .state
            .get(address)
            .and_then(|_| world.actual.get(address));
        let Some(change) = resource_change(address, wanted, current) else {
            continue;
        };
        let mut pending = pending.clone();
        if change.action == Action::Replace {
            pending.insert(address.clone());
        }
        let view = Render {
            actual: &world.actual,
            pending: &pending,
        };
        blocks.push(view.resource(&change, current, wanted));
        changes.push(change);
    }
    let summary = Summary::of(&changes);
    let text = if changes.is_empty() {
        format!(
            "{NO_CHANGES}\n\nTerraform has compared your real infrastructure against your configuration\n\
             and found no differences, so no changes are needed.\n"
        )
    } else {
        let mut t = String::from(
            "Terraform used the selected providers to generate the following execution\n\
             plan. Resource actions are indicated with the following symbols:\n",
        );
        for (action, legend) in [
            (Action::Create, "  + create\n"),
            (Action::Update, "  ~ update in-place\n"),
            (Action::Delete, "  - destroy\n"),
            (Action::Replace, "-/+ destroy and then create replacement\n"),
        ] {
            if changes.iter().any(|c| c.action == action) {
                t.push_str(legend);
            }
        }
        t.push_str("\nTerraform will perform the following actions:\n\n");
        for b in &blocks {
            t.push_str(b);
            t.push('\n');
        }
        t.push_str(&summary.plan_line());
        t.push('\n');
        t
    };
    Plan {
        changes,
        summary,
        text,
    }
}

/// The configuration's body with ignored attributes taken from the account.
pub(super) fn effective_body(rc: &ResourceConfig, current: &Resource) -> Object {
    if rc.ignore_all_changes {
        return current.body.clone();
    }
    let mut body = rc.body.clone();
    for key in &rc.ignore_changes {
        match current.body.attributes.get(key) {
            Some(v) => {
                body.attributes.insert(key.clone(), v.clone());
            }
            None => {
                body.attributes.remove(key);
            }
        }
        match current.body.blocks.get(key) {
            Some(b) => {
                body.blocks.insert(key.clone(), b.clone());
            }
            None => {
                body.blocks.remove(key);
            }
        }
    }
    body
}

fn resource_change(
    address: &str,
    wanted: Option<&ResourceConfig>,
    current: Option<&Resource>,
) -> Option<ResourceChange> {
    let (action, changed, forcing) = match (wanted, current) {
        (Some(_), None) => (Action::Create, Vec::new(), Vec::new()),
        (None, Some(_)) => (Action::Delete, Vec::new(), Vec::new()),
        (None, None) => return None,
        (Some(rc), Some(cur)) => {
            let desired = effective_body(rc, cur);
            let changed = changed_keys(&cur.body, &desired);
            if changed.is_empty() {
                return None;
            }
            let forcing: Vec<String> = changed
                .iter()
                .filter(|k| forces_replacement(&rc.resource_type, k))
                .cloned()
                .collect();
            let action = if forcing.is_empty() {
                Action::Update
            } else {
                Action::Replace
            };
            (action, changed, forcing)
        }
    };
    Some(ResourceChange {
        address: address.to_string(),
        action,
        changed,
        forcing,
    })
}

pub(super) fn changed_keys(before: &Object, after: &Object) -> Vec<String> {
    let attrs = before.attributes.keys().chain(after.attributes.keys());
    let blocks = before.blocks.keys().chain(after.blocks.keys());
    let keys: BTreeSet<&String> = attrs.chain(blocks).collect();
    keys.into_iter()
        .filter(|k| {
            before.attributes.get(*k) != after.attributes.get(*k)
                || before.blocks.get(*k).map_or(&[][..], Vec::as_slice)
                    != after.blocks.get(*k).map_or(&[][..], Vec::as_slice)
        })
        .cloned()
        .collect()
}
