//! What AWS (or the AWS provider) refuses during `terraform apply`, with the error as
//! Terraform prints it, what the failed apply leaves behind, and the way past it.
//!
//! Error texts follow the AWS provider 5.x: its own messages, and the AWS SDK's wording for
//! each API call (SDK v2 for ModifyDBInstance and DeleteBucket, SDK v1 for DeleteDBInstance).
//! Request IDs are stand-ins.

use super::config::{Object, ResourceConfig, Value};
use super::world::{fnv, Resource, World};

/// One step AWS or the provider refused.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub address: String,
    /// Terraform's error box.
    pub error: String,
    /// What the failed apply left in the account and the state.
    pub left: String,
    /// How to get past it.
    pub fix: String,
}

/// Why the provider or AWS refuses to destroy `recorded` (the object as the state and the
/// account hold it), or `None`.
pub(super) fn refuse_destroy(recorded: &Resource, world: &World) -> Option<Failure> {
    let attr = |k: &str| recorded.body.attributes.get(k);
    let is_true = |k: &str| attr(k) == Some(&Value::Bool(true));
    let address = recorded.address();
    let name = |k: &str| match attr(k) {
        Some(Value::Str(s)) => s.clone(),
        _ => recorded.id.clone(),
    };
    let nothing_destroyed = "Nothing was destroyed: the object and its data are as they were and stay in the state. \
        Its replacement was not created, nor anything that waits for it; the other steps of this apply ran.";
    match recorded.resource_type.as_str() {
        "aws_db_instance" if !is_true("skip_final_snapshot") && attr("final_snapshot_identifier").is_none() => {
            Some(Failure {
                error: error_box("final_snapshot_identifier is required when skip_final_snapshot is false", None),
                left: nothing_destroyed.into(),
                fix: "The AWS provider reads skip_final_snapshot and final_snapshot_identifier from the state when it \
                      destroys a database, and PhotoShare's sets neither. Add final_snapshot_identifier (RDS keeps a last \
                      snapshot) or skip_final_snapshot = true, apply that on its own, then run the replacement."
                    .into(),
                address,
            })
        }
        "aws_db_instance" if is_true("deletion_protection") => {
            let id = name("identifier");
            Some(Failure {
                error: error_box(
                    &format!(
                        "deleting RDS DB Instance ({id}): InvalidParameterCombination: Cannot delete protected DB Instance, \
                         please disable deletion protection and try again.\n\tstatus code: 400, request id: {}",
                        uuid(&address, 2)
                    ),
                    None,
                ),
                left: nothing_destroyed.into(),
                fix: "deletion_protection = true did its job: RDS deletes no protected database. If it really has to go, \
                      set deletion_protection = false and apply that first (RDS checks the database itself), then replace. \
                      Better: avoid the replacement, since most database settings change in place."
                    .into(),
                address,
            })
        }
        "aws_s3_bucket" if world.buckets_with_objects.contains(&recorded.id) && !is_true("force_destroy") => {
            let bucket = recorded.id.clone();
            let h = fnv(&address, 3);
            Some(Failure {
                error: error_box(
                    &format!(
                        "deleting S3 Bucket ({bucket}): operation error S3: DeleteBucket, https response error StatusCode: 409, \
                         RequestID: {:016X}, HostID: {}, api error BucketNotEmpty: The bucket you tried to delete is not empty",
                        h,
                        host_id(h)
                    ),
                    None,
                ),
                left: "The bucket and every object in it are still there and still in the state; nothing that waits for \
                       it ran. Steps that finished before it stay done: destroying the bucket's aws_s3_bucket_versioning \
                       suspended versioning on it (the provider's documented delete), and the next plan creates it again."
                    .into(),
                fix: "S3 deletes only an empty bucket. Empty it first, or set force_destroy = true and apply that before the \
                      destroy: the provider reads it from the state, so set in the same apply it has no effect. \
                      force_destroy deletes every object for good. A bucket cannot be renamed: a new name is a new, \
                      empty bucket, and the objects have to be copied across."
                    .into(),
                address,
            })
        }
        "aws_security_group" => {
            let users: Vec<String> = world
                .actual
                .iter()
                .filter(|(a, r)| **a != address && mentions(&r.body, &recorded.id))
                .map(|(a, _)| a.clone())
                .collect();
            if users.is_empty() {
                return None;
            }
            let id = recorded.id.clone();
            Some(Failure {
                error: error_box(
                    &format!(
                        "deleting Security Group ({id}): operation error EC2: DeleteSecurityGroup, https response error \
                         StatusCode: 400, RequestID: {}, api error DependencyViolation: resource {id} has a dependent object",
                        uuid(&address, 4)
                    ),
                    None,
                ),
                left: format!(
                    "The old group is still there, still in use by {} and still in the state: the provider retried the \
                     delete until its timeout (15 minutes by default), then gave up. Nothing that waits for the \
                     replacement ran.",
                    users.join(", ")
                ),
                fix: "AWS deletes no security group that something still uses, and destroy-then-create deletes the old \
                      group first. Terraform's way out is lifecycle { create_before_destroy = true } on the group, with \
                      name_prefix instead of name (two groups in a VPC cannot share a name): the new group is created and \
                      attached before the old one goes. The lab does not model create_before_destroy; here, keep the \
                      description as it was."
                    .into(),
                address,
            })
        }
        _ => None,
    }
}

/// Whether a value anywhere in `body` is `needle` (a security group's ID in a list, a rule).
fn mentions(body: &Object, needle: &str) -> bool {
    fn value(v: &Value, needle: &str) -> bool {
        match v {
            Value::Str(s) => s == needle,
            Value::List(items) => items.iter().any(|i| value(i, needle)),
            Value::Object(attrs) => attrs.values().any(|i| value(i, needle)),
            _ => false,
        }
    }
    body.attributes.values().any(|v| value(v, needle))
        || body.blocks.values().flatten().any(|b| mentions(b, needle))
}

/// Why AWS refuses an in-place update of `recorded` (as the state holds it) to `wanted`, or
/// `None`. `real` is the object as it runs.
pub(super) fn refuse_update(
    rc: &ResourceConfig,
    real: &Resource,
    wanted: &Object,
) -> Option<Failure> {
    if rc.resource_type != "aws_db_instance" {
        return None;
    }
    let text = |o: &Object, k: &str| match o.attributes.get(k) {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    };
    let running = text(&real.body, "engine_version")?;
    let asked = text(wanted, "engine_version")?;
    // A prefix ("16" for 16.4) asks for no change of the running version.
    if asked == running || running.starts_with(&format!("{asked}.")) {
        return None;
    }
    let engine = text(wanted, "engine").unwrap_or_else(|| "postgres".into());
    let major = |v: &str| v.split('.').next().and_then(|m| m.parse::<u32>().ok());
    let message = if version_key(&asked) < version_key(&running) {
        format!("Cannot upgrade {engine} from {running} to {asked}")
    } else if major(&asked) > major(&running)
        && wanted.attributes.get("allow_major_version_upgrade") != Some(&Value::Bool(true))
    {
        "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version."
            .into()
    } else {
        return None;
    };
    let address = rc.address();
    let id = text(wanted, "identifier").unwrap_or_else(|| rc.name.clone());
    let fix = if message.starts_with("Cannot upgrade") {
        format!(
            "RDS never moves an engine back to an older version. Write the version that runs (engine_version = \"{running}\"), \
             or only its major version (\"{}\"): with automatic minor upgrades on, the AWS provider accepts a prefix of \
             the running version.",
            major(&running).map_or_else(|| running.clone(), |m| m.to_string())
        )
    } else {
        "Set allow_major_version_upgrade = true to let RDS upgrade across a major version.".into()
    };
    Some(Failure {
        error: error_box(
            &format!(
                "updating RDS DB Instance ({id}): operation error RDS: ModifyDBInstance, https response error StatusCode: 400, \
                 RequestID: {}, api error InvalidParameterCombination: {message}",
                uuid(&address, 1)
            ),
            Some((rc, rc.line)),
        ),
        left: format!(
            "RDS refused the whole modification, so none of it was made: the database still runs {running}, and the \
             state records it as it runs. The other steps of this apply ran."
        ),
        fix,
        address,
    })
}

/// A dotted version as numbers, for ordering ("16.10" after "16.4").
fn version_key(v: &str) -> Vec<u64> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

/// Terraform's error box: the summary, and the resource block it concerns (an update's
/// error points at its block; a destroy has no configuration to point at).
pub(super) fn error_box(summary: &str, subject: Option<(&ResourceConfig, usize)>) -> String {
    let mut lines: Vec<String> = format!("Error: {summary}")
        .lines()
        .map(str::to_string)
        .collect();
    lines.push(String::new());
    if let Some((rc, line)) = subject {
        let (t, n) = (&rc.resource_type, &rc.name);
        lines.push(format!("  with {t}.{n},"));
        lines.push(format!(
            "  on main.tf line {line}, in resource \"{t}\" \"{n}\":"
        ));
        lines.push(format!("{line:>4}: resource \"{t}\" \"{n}\" {{"));
        lines.push(String::new());
    }
    let mut out = String::from("╷\n");
    for l in lines {
        out.push_str(if l.is_empty() { "│" } else { "│ " });
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str("╵\n");
    out
}

fn uuid(seed: &str, n: u32) -> String {
    let h = fnv(seed, n);
    let g = fnv(seed, n.wrapping_add(100));
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        h >> 32,
        (h >> 16) & 0xffff,
        h & 0xffff,
        g >> 48,
        g & 0xffff_ffff_ffff
    )
}

/// A stand-in for S3's extended request ID (base64 text).
fn host_id(seed: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut h = seed;
    (0..76)
        .map(|_| {
            h = h
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(ALPHABET[(h >> 58) as usize])
        })
        .collect::<String>()
        + "="
}
