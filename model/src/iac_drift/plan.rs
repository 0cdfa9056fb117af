//! `terraform plan`: what it takes to make the account match the configuration.

use crate::sort;
use std::collections::BTreeMap;

use super::config::{Config, Object, ResourceConfig, Value};
use super::references::{dependency_order, parse_ref, resource_refs};
use super::refresh::{drift_note, drifted, Drift, NoteEnd};
use super::render::{change_block, drift_block};
use super::schema::{forces_replacement, keeps_value_when_omitted};
use super::world::{module_output, provider_identity, resolve_body, Resource, World};

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
    /// The changes made outside Terraform that fed this plan: since Terraform 1.2 a normal
    /// plan reports only drift in attributes that the planned changes refer to
    /// (`terraform plan -refresh-only` reports it all, see [`Refresh`](super::Refresh)).
    pub relevant_drift: Vec<Drift>,
    /// The whole output: the note on relevant drift, if there is any, then the plan.
    pub text: String,
}

pub const NO_CHANGES: &str = "No changes. Your infrastructure matches the configuration.";

/// The rule Terraform draws between the drift note and the plan (78 columns, less one).
pub(super) const RULE: &str =
    "─────────────────────────────────────────────────────────────────────────────";

/// What the plan expects of one resource once applied.
#[derive(Clone, Debug)]
pub(super) struct Planned {
    /// `None`: no change.
    pub action: Option<Action>,
    /// Its arguments with references resolved; [`Value::Unknown`] where only apply can tell.
    pub body: Object,
    pub id: Value,
    pub arn: Option<Value>,
}

/// Compares the configuration with the refreshed state, resource by resource in dependency
/// order, so that a value a replacement makes unknown reaches everything that refers to it.
pub fn plan(config: &Config, world: &World) -> Plan {
    let refreshed = world.refreshed();
    let planned = planned_values(config, &refreshed);
    let mut changes = Vec::new();
    let mut blocks = Vec::new();
    let addresses = sort::set(config.resources.keys().chain(refreshed.keys()));
    for address in addresses {
        let current = refreshed.get(address);
        let entry = planned.iter().find(|(a, _)| a == address).map(|(_, p)| p);
        let change = match (entry, current) {
            (Some(p), _) => p.action.map(|action| (action, Some(&p.body))),
            (None, Some(_)) => Some((Action::Delete, None)),
            (None, None) => None,
        };
        let Some((action, after)) = change else {
            continue;
        };
        let (changed, forcing) = match (current, after) {
            (Some(cur), Some(after)) if action != Action::Create => {
                let changed = changed_keys(&cur.body, after);
                let forcing = changed
                    .iter()
                    .filter(|k| forces_replacement(&cur.resource_type, k))
                    .cloned()
                    .collect();
                (changed, forcing)
            }
            _ => (Vec::new(), Vec::new()),
        };
        blocks.push(change_block(address, action, current, after));
        changes.push(ResourceChange {
            address: address.clone(),
            action,
            changed,
            forcing,
        });
    }
    let summary = Summary::of(&changes);
    let relevant_drift = relevant_drift(config, world, &refreshed, &changes);
    let mut text = String::new();
    if !changes.is_empty() && !relevant_drift.is_empty() {
        let refreshed_body = |a: &str| refreshed.get(a).map(|r| r.body.clone());
        let drift_blocks: Vec<String> = relevant_drift
            .iter()
            .filter_map(|d| {
                let before = world.state.get(&d.address)?;
                Some(match &d.changed {
                    None => drift_block(before, None),
                    Some(keys) => {
                        // Only the relevant attributes show as changed; the rest as they were.
                        let now = refreshed_body(&d.address)?;
                        let mut shown = before.body.clone();
                        for k in keys {
                            take_key(&mut shown, &now, k);
                        }
                        drift_block(before, Some(&shown))
                    }
                })
            })
            .collect();
        text.push_str(&drift_note(&drift_blocks, NoteEnd::Plan));
        text.push_str(&format!("\n{RULE}\n\n"));
    }
    if changes.is_empty() {
        text.push_str(&format!(
            "{NO_CHANGES}\n\nTerraform has compared your real infrastructure against your configuration\n\
             and found no differences, so no changes are needed.\n"
        ));
    } else {
        text.push_str(
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
                text.push_str(legend);
            }
        }
        text.push_str("\nTerraform will perform the following actions:\n\n");
        for b in &blocks {
            text.push_str(b);
            text.push('\n');
        }
        text.push_str(&summary.plan_line());
        text.push('\n');
    }
    Plan {
        changes,
        summary,
        relevant_drift,
        text,
    }
}

/// Every configured resource's planned values, in dependency order: a reference to a
/// resource that will be created or replaced is unknown (its new ID, or any attribute the
/// lab does not model); a reference to one that stays reads its planned value.
pub(super) fn planned_values(
    config: &Config,
    refreshed: &BTreeMap<String, Resource>,
) -> Vec<(String, Planned)> {
    let mut planned: Vec<(String, Planned)> = Vec::new();
    for address in dependency_order(config) {
        let Some(rc) = config.resources.get(&address) else {
            continue;
        };
        let resolved = resolve_body(&rc.body, &|e| planned_reference(&planned, e));
        let current = refreshed.get(&address);
        let body = match current {
            Some(cur) => effective_body(rc, resolved, cur),
            None => resolved,
        };
        let action = match current {
            None => Some(Action::Create),
            Some(cur) => {
                let changed = changed_keys(&cur.body, &body);
                if changed.is_empty() {
                    None
                } else if changed
                    .iter()
                    .any(|k| forces_replacement(&rc.resource_type, k))
                {
                    Some(Action::Replace)
                } else {
                    Some(Action::Update)
                }
            }
        };
        let (id, arn) = match (action, current) {
            (Some(Action::Update) | None, Some(cur)) => {
                (Value::Str(cur.id.clone()), cur.arn.clone().map(Value::Str))
            }
            _ => {
                let has_arn = provider_identity(&rc.resource_type, &rc.name, &Object::default(), 0)
                    .1
                    .is_some();
                (Value::Unknown, has_arn.then_some(Value::Unknown))
            }
        };
        planned.push((
            address,
            Planned {
                action,
                body,
                id,
                arn,
            },
        ));
    }
    planned
}

/// A reference's planned value; `None` keeps it as written (a module output the lab does not
/// know, an attribute of an existing object it does not model).
fn planned_reference(planned: &[(String, Planned)], expr: &str) -> Option<Value> {
    if let Some(v) = module_output(expr) {
        return Some(v);
    }
    let (address, attribute) = parse_ref(expr)?;
    let (_, p) = planned.iter().find(|(a, _)| *a == address)?;
    let new = matches!(p.action, Some(Action::Create | Action::Replace));
    match attribute {
        "id" => Some(p.id.clone()),
        "arn" => p.arn.clone(),
        a => p
            .body
            .attributes
            .get(a)
            .cloned()
            .or_else(|| new.then_some(Value::Unknown)),
    }
}

/// The drift a normal plan reports: attributes that the changing resources refer to, directly
/// or through the resources they refer to (Terraform's "relevant attributes").
fn relevant_drift(
    config: &Config,
    world: &World,
    refreshed: &BTreeMap<String, Resource>,
    changes: &[ResourceChange],
) -> Vec<Drift> {
    let mut relevant: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut stack: Vec<String> = changes.iter().map(|c| c.address.clone()).collect();
    while let Some(address) = stack.pop() {
        if seen.contains(&address) {
            continue;
        }
        seen.push(address.clone());
        let Some(rc) = config.resources.get(&address) else {
            continue;
        };
        for (target, attribute) in resource_refs(&rc.body) {
            stack.push(target.clone());
            relevant.push((target, attribute));
        }
    }
    drifted(world, refreshed)
        .into_iter()
        .filter_map(|d| {
            if !relevant.iter().any(|(a, _)| *a == d.address) {
                return None;
            }
            match d.changed {
                None => Some(Drift {
                    address: d.address,
                    changed: None,
                }),
                Some(keys) => {
                    let keys: Vec<String> = keys
                        .into_iter()
                        .filter(|k| relevant.iter().any(|(a, x)| *a == d.address && x == k))
                        .collect();
                    (!keys.is_empty()).then_some(Drift {
                        address: d.address,
                        changed: Some(keys),
                    })
                }
            }
        })
        .collect()
}

/// Sets `key` (an attribute or a block type) of `body` to its value in `from`.
pub(super) fn take_key(body: &mut Object, from: &Object, key: &str) {
    match from.attributes.get(key) {
        Some(v) => body.attributes.insert(key.to_string(), v.clone()),
        None => body.attributes.remove(key),
    };
    match from.blocks.get(key) {
        Some(b) => body.blocks.insert(key.to_string(), b.clone()),
        None => body.blocks.remove(key),
    };
}

/// The planned body with the attributes `lifecycle { ignore_changes }` names kept as they are.
pub(super) fn effective_body(rc: &ResourceConfig, desired: Object, current: &Resource) -> Object {
    if rc.ignore_all_changes {
        return current.body.clone();
    }
    let mut body = desired;
    for key in &rc.ignore_changes {
        take_key(&mut body, &current.body, key);
    }
    for (key, value) in &current.body.attributes {
        if keeps_value_when_omitted(&rc.resource_type, key) && !body.attributes.contains_key(key) {
            body.attributes.insert(key.clone(), value.clone());
        }
    }
    body
}

pub(super) fn changed_keys(before: &Object, after: &Object) -> Vec<String> {
    let attrs = before.attributes.keys().chain(after.attributes.keys());
    let blocks = before.blocks.keys().chain(after.blocks.keys());
    let keys = sort::set(attrs.chain(blocks));
    keys.into_iter()
        .filter(|k| {
            before.attributes.get(*k) != after.attributes.get(*k)
                || before.blocks.get(*k).map_or(&[][..], Vec::as_slice)
                    != after.blocks.get(*k).map_or(&[][..], Vec::as_slice)
        })
        .cloned()
        .collect()
}
