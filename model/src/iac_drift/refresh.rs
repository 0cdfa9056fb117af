//! The drift report: what changed outside Terraform since the last apply.

use std::collections::BTreeSet;

use super::config::{Config, Object, Value};
use super::plan::changed_keys;
use super::render::{Line, Mode, Render, Shown};
use super::world::{Resource, World};

/// How one object drifted from the state file.
#[derive(Clone, Debug, PartialEq)]
pub struct Drift {
    pub address: String,
    /// `None`: the object was deleted outside Terraform.
    pub changed: Option<Vec<String>>,
}

/// `terraform refresh` / the start of `terraform plan`.
#[derive(Clone, Debug, PartialEq)]
pub struct Refresh {
    /// Drift that matters to the plan, sorted by address.
    pub drift: Vec<Drift>,
    /// (address, attribute) changed outside Terraform but ignored by `lifecycle`.
    pub ignored: Vec<(String, String)>,
    /// Objects in the account that no state records (the lab's own inventory, not Terraform's).
    pub unmanaged: Vec<Resource>,
    /// Terraform's "Objects have changed outside of Terraform" note; empty when nothing drifted.
    pub text: String,
    /// The lab's inventory of unmanaged objects, in words; empty when there are none.
    pub unmanaged_text: String,
}

/// Compares the state file with the real account.
pub fn refresh(config: &Config, world: &World) -> Refresh {
    let mut drift = Vec::new();
    let mut ignored = Vec::new();
    let mut blocks = Vec::new();
    let no_pending = BTreeSet::new();
    let view = Render {
        actual: &world.actual,
        pending: &no_pending,
    };
    for (address, recorded) in &world.state {
        let rc = config.resources.get(address);
        let (resource_type, name) = (&recorded.resource_type, &recorded.name);
        match world.actual.get(address) {
            None => {
                drift.push(Drift {
                    address: address.clone(),
                    changed: None,
                });
                let mut lines = Vec::new();
                let computed = recorded.removed_identity();
                view.object(
                    &mut lines,
                    6,
                    Some(&recorded.body),
                    None,
                    Mode::Delete,
                    resource_type,
                    &computed,
                );
                blocks.push(drift_block(
                    address,
                    "has been deleted",
                    "-",
                    resource_type,
                    name,
                    &lines,
                ));
            }
            Some(now) => {
                let changed = changed_keys(&recorded.body, &now.body);
                let (skip, keep): (Vec<String>, Vec<String>) = changed
                    .into_iter()
                    .partition(|k| rc.is_some_and(|rc| rc.ignores(k)));
                ignored.extend(skip.iter().map(|k| (address.clone(), k.clone())));
                if keep.is_empty() {
                    continue;
                }
                let mut shown_now = now.body.clone();
                for k in &skip {
                    restore(&mut shown_now, &recorded.body, k);
                }
                let mut lines = Vec::new();
                let computed = [(
                    "id".to_string(),
                    Line::Same(Shown::Value(Value::Str(recorded.id.clone()))),
                )];
                // No resource type: a drift report never says "forces replacement".
                view.object(
                    &mut lines,
                    6,
                    Some(&recorded.body),
                    Some(&shown_now),
                    Mode::Update,
                    "",
                    &computed,
                );
                blocks.push(drift_block(
                    address,
                    "has changed",
                    "~",
                    resource_type,
                    name,
                    &lines,
                ));
                drift.push(Drift {
                    address: address.clone(),
                    changed: Some(keep),
                });
            }
        }
    }
    let text = if blocks.is_empty() {
        String::new()
    } else {
        let mut t = String::from(
            "Note: Objects have changed outside of Terraform\n\n\
             Terraform detected the following changes made outside of Terraform since the\n\
             last \"terraform apply\" which may have affected this plan:\n\n",
        );
        for b in &blocks {
            t.push_str(b);
            t.push('\n');
        }
        t.push_str(
            "Unless you have made equivalent changes to your configuration, or ignored the\n\
             relevant attributes using ignore_changes, the following plan may include\n\
             actions to undo or respond to these changes.\n",
        );
        t
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

fn restore(body: &mut Object, from: &Object, key: &str) {
    match from.attributes.get(key) {
        Some(v) => body.attributes.insert(key.to_string(), v.clone()),
        None => body.attributes.remove(key),
    };
    match from.blocks.get(key) {
        Some(b) => body.blocks.insert(key.to_string(), b.clone()),
        None => body.blocks.remove(key),
    };
}

fn drift_block(
    address: &str,
    what: &str,
    symbol: &str,
    resource_type: &str,
    name: &str,
    lines: &[String],
) -> String {
    let mut out =
        format!("  # {address} {what}\n  {symbol} resource \"{resource_type}\" \"{name}\" {{\n");
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("    }\n");
    out
}
