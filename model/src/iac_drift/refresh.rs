//! The drift report: what changed outside Terraform since the last apply.
//!
//! Every plan starts by reading the real objects back ("refreshing"). Since Terraform 1.2
//! a normal `terraform plan` reports only the outside changes that fed a planned change
//! ([`Plan::relevant_drift`](super::Plan)); `terraform plan -refresh-only` reports them all
//! and plans nothing but recording them in the state. This module is the second.

use std::collections::BTreeMap;

use super::config::{Config, Value};
use super::plan::changed_keys;
use super::render::{drift_block, wrap};
use super::world::{Resource, World};

/// How one object drifted from the state file.
#[derive(Clone, Debug, PartialEq)]
pub struct Drift {
    pub address: String,
    /// `None`: the object was deleted outside Terraform.
    pub changed: Option<Vec<String>>,
}

/// `terraform plan -refresh-only`: every change made outside Terraform.
#[derive(Clone, Debug, PartialEq)]
pub struct Refresh {
    /// Every object that drifted, sorted by address.
    pub drift: Vec<Drift>,
    /// (address, attribute) changed outside Terraform that `lifecycle { ignore_changes }`
    /// keeps out of the plan.
    pub ignored: Vec<(String, String)>,
    /// Objects in the account that no state records (the lab's own inventory, not Terraform's).
    pub unmanaged: Vec<Resource>,
    /// The command's output, as Terraform prints it.
    pub text: String,
    /// The lab's inventory of unmanaged objects, in words; empty when there are none.
    pub unmanaged_text: String,
}

/// How the drift note ends: a refresh-only plan records the changes, a normal plan may undo them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum NoteEnd {
    Plan,
    RefreshOnly,
}

/// One object the state records that the account no longer matches.
pub(super) struct Drifted {
    pub address: String,
    /// `None`: deleted outside Terraform; otherwise the attributes and block types that differ.
    pub changed: Option<Vec<String>>,
}

/// The state file against what the provider reads back (`refreshed`, the world's
/// [`World::refreshed`]), object by object.
pub(super) fn drifted(world: &World, refreshed: &BTreeMap<String, Resource>) -> Vec<Drifted> {
    world
        .state
        .iter()
        .filter_map(|(address, recorded)| {
            let changed = match refreshed.get(address) {
                None => None,
                Some(now) => {
                    let keys = changed_keys(&recorded.body, &now.body);
                    if keys.is_empty() {
                        return None;
                    }
                    Some(keys)
                }
            };
            Some(Drifted {
                address: address.clone(),
                changed,
            })
        })
        .collect()
}

/// "Note: Objects have changed outside of Terraform", the changed objects, and the ending.
pub(super) fn drift_note(blocks: &[String], end: NoteEnd) -> String {
    let mut t = String::from("Note: Objects have changed outside of Terraform\n\n");
    t.push_str(&wrap(
        "Terraform detected the following changes made outside of Terraform since the last \"terraform apply\" which may have affected this plan:",
    ));
    t.push('\n');
    for b in blocks {
        t.push('\n');
        t.push_str(b);
    }
    t.push_str("\n\n");
    t.push_str(&wrap(match end {
        NoteEnd::Plan => "Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.",
        NoteEnd::RefreshOnly => "This is a refresh-only plan, so Terraform will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the Terraform state without changing any remote objects.",
    }));
    t.push('\n');
    t
}

/// Compares the state file with the real account, as `terraform plan -refresh-only` does.
pub fn refresh(config: &Config, world: &World) -> Refresh {
    let refreshed = world.refreshed();
    let mut drift = Vec::new();
    let mut ignored = Vec::new();
    let mut blocks = Vec::new();
    for d in drifted(world, &refreshed) {
        let Some(before) = world.state.get(&d.address) else {
            continue;
        };
        let now = refreshed.get(&d.address).map(|r| &r.body);
        blocks.push(drift_block(before, now));
        if let (Some(keys), Some(rc)) = (&d.changed, config.resources.get(&d.address)) {
            ignored.extend(
                keys.iter()
                    .filter(|k| rc.ignores(k))
                    .map(|k| (d.address.clone(), k.clone())),
            );
        }
        drift.push(Drift {
            address: d.address,
            changed: d.changed,
        });
    }
    let text = if blocks.is_empty() {
        format!(
            "No changes. Your infrastructure still matches the configuration.\n\n{}\n",
            wrap("Terraform has checked that the real remote objects still match the result of your most recent changes, and found no differences.")
        )
    } else {
        drift_note(&blocks, NoteEnd::RefreshOnly)
    };
    let unmanaged_text = if world.unmanaged.is_empty() {
        String::new()
    } else {
        let mut t = String::from(
            "Not managed by Terraform (the lab's inventory of the account, not Terraform output):\n",
        );
        for r in &world.unmanaged {
            let kind = r
                .body
                .attributes
                .get("instance_type")
                .and_then(Value::as_str)
                .unwrap_or("?");
            t.push_str(&format!("  {} {} {kind}, no tags\n", r.resource_type, r.id));
        }
        t.push_str(
            "No state file records these objects, so terraform plan neither shows them nor removes\n\
             them. Import them into the configuration, or delete them.\n",
        );
        t
    };
    Refresh {
        drift,
        ignored,
        unmanaged: world.unmanaged.clone(),
        text,
        unmanaged_text,
    }
}
