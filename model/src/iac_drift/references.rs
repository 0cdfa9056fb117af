//! Which resources refer to which: Terraform's dependency graph, as far as the lab reads it.
//!
//! `aws_security_group.alb.id` in the load balancer's arguments makes the load balancer
//! depend on the security group: it is created after it, destroyed before it, and a value
//! of it that becomes unknown (a replacement's new ID) makes the load balancer change too.

use super::config::{Config, Object, Value};

/// Names that start a reference to something other than a managed resource.
const NOT_RESOURCES: [&str; 9] = [
    "module",
    "var",
    "local",
    "data",
    "path",
    "count",
    "each",
    "self",
    "terraform",
];

/// `type.name.attribute` as a resource's address and the attribute; `None` for anything else
/// (a module output, a variable, an indexed or longer traversal, a function call).
pub(super) fn parse_ref(expr: &str) -> Option<(String, &str)> {
    let mut parts = expr.split('.');
    let (Some(t), Some(n), Some(a), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let ident = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    (ident(t) && ident(n) && ident(a) && !NOT_RESOURCES.contains(&t))
        .then(|| (format!("{t}.{n}"), a))
}

/// Every (address, attribute) an object's arguments refer to, nested blocks included.
pub(super) fn resource_refs(body: &Object) -> Vec<(String, String)> {
    fn value_refs(v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Expr(e) => out.extend(parse_ref(e).map(|(a, k)| (a, k.to_string()))),
            Value::List(items) => items.iter().for_each(|i| value_refs(i, out)),
            Value::Object(attrs) => attrs.values().for_each(|i| value_refs(i, out)),
            _ => {}
        }
    }
    fn object_refs(o: &Object, out: &mut Vec<(String, String)>) {
        o.attributes.values().for_each(|v| value_refs(v, out));
        o.blocks
            .values()
            .flatten()
            .for_each(|b| object_refs(b, out));
    }
    let mut out = Vec::new();
    object_refs(body, &mut out);
    out
}

/// The resources a resource's arguments refer to.
pub(super) fn dependencies(body: &Object) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (address, _) in resource_refs(body) {
        if !out.contains(&address) {
            out.push(address);
        }
    }
    out
}

/// Each configured resource with the resources it refers to, in address order.
pub(super) fn graph(config: &Config) -> Vec<(&String, Vec<String>)> {
    config
        .resources
        .iter()
        .map(|(a, rc)| (a, dependencies(&rc.body)))
        .collect()
}

/// The configuration's resources, each after the ones it refers to (ties in address order,
/// as Terraform prints them). The configuration has no cycle: reading it refused any (`read.rs`).
pub(super) fn dependency_order(config: &Config) -> Vec<String> {
    let deps = graph(config);
    let mut done: Vec<String> = Vec::new();
    let mut order = Vec::with_capacity(deps.len());
    while order.len() < deps.len() {
        let ready = |(a, d): &&(&String, Vec<String>)| {
            !done.contains(*a)
                && d.iter()
                    .all(|x| done.contains(x) || !config.resources.contains_key(x))
        };
        let next = deps
            .iter()
            .find(ready)
            // A cycle cannot reach here; if one did, take the rest in address order.
            .or_else(|| deps.iter().find(|(a, _)| !done.contains(*a)));
        let Some((address, _)) = next else { break };
        done.push((*address).clone());
        order.push((*address).clone());
    }
    order
}
