//! Which resources refer to which: Terraform's dependency graph, as far as the lab reads it.
//!
//! `aws_security_group.alb.id` in the load balancer's arguments makes the load balancer
//! depend on the security group: it is created after it, destroyed before it, and a value
//! of it that becomes unknown (a replacement's new ID) makes the load balancer change too.

use hcl_edit::expr::Expression;
use hcl_edit::structure::Body;
use hcl_edit::Span;

use super::config::{error_at, expression_text, Config, Object, ParseError, Value};

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
fn graph(config: &Config) -> Vec<(&String, Vec<String>)> {
    config
        .resources
        .iter()
        .map(|(a, rc)| (a, dependencies(&rc.body)))
        .collect()
}

/// The configuration's resources, each after the ones it refers to (ties in address order,
/// as Terraform prints them). The configuration has no cycle: [`check_references`] refused it.
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

/// Refuses references Terraform refuses: to undeclared resources or modules, to the resource
/// itself, and cycles. Messages follow Terraform's ("Reference to undeclared resource", …).
pub(super) fn check_references(text: &str, body: &Body, config: &Config) -> Result<(), ParseError> {
    for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        let [t, n] = labels.as_slice() else { continue };
        let own = format!("{t}.{n}");
        let mut traversals = Vec::new();
        body_traversals(&block.body, &mut traversals);
        for expr in traversals {
            let written = expression_text(expr);
            let message = if let Some(module) = written
                .strip_prefix("module.")
                .and_then(|rest| rest.split('.').next())
            {
                (!config.modules.iter().any(|m| m == module)).then(|| {
                    format!(
                        "Reference to undeclared module: No module call named \"{module}\" is declared in the root module."
                    )
                })
            } else if let Some((address, _)) = parse_ref(&written) {
                if address == own {
                    Some(format!(
                        "Self-referential block: Configuration for {own} may not refer to itself."
                    ))
                } else if !config.resources.contains_key(&address) {
                    let (rt, rn) = address.split_once('.').unwrap_or((&address, ""));
                    Some(format!(
                        "Reference to undeclared resource: A managed resource \"{rt}\" \"{rn}\" has not been declared in the root module."
                    ))
                } else {
                    None
                }
            } else {
                None
            };
            if let Some(message) = message {
                return Err(error_at(text, expr.span(), message));
            }
        }
    }
    match find_cycle(config) {
        Some(cycle) => {
            let line = cycle
                .first()
                .and_then(|a| config.resources.get(a))
                .map_or(1, |rc| rc.line);
            Err(ParseError {
                line,
                column: 1,
                message: format!("Cycle: {}", cycle.join(", ")),
            })
        }
        None => Ok(()),
    }
}

/// The references (attribute traversals) in a block's arguments, nested blocks included.
fn body_traversals<'a>(body: &'a Body, out: &mut Vec<&'a Expression>) {
    for attr in body.attributes() {
        expr_traversals(&attr.value, out);
    }
    for block in body.blocks().filter(|b| b.ident.as_str() != "lifecycle") {
        body_traversals(&block.body, out);
    }
}

fn expr_traversals<'a>(expr: &'a Expression, out: &mut Vec<&'a Expression>) {
    match expr {
        Expression::Traversal(_) => out.push(expr),
        Expression::Array(items) => items.iter().for_each(|i| expr_traversals(i, out)),
        Expression::Object(object) => object
            .iter()
            .for_each(|(_, v)| expr_traversals(v.expr(), out)),
        Expression::Parenthesis(p) => expr_traversals(p.inner(), out),
        Expression::FuncCall(call) => call.args.iter().for_each(|a| expr_traversals(a, out)),
        Expression::Conditional(c) => {
            expr_traversals(&c.cond_expr, out);
            expr_traversals(&c.true_expr, out);
            expr_traversals(&c.false_expr, out);
        }
        Expression::UnaryOp(op) => expr_traversals(&op.expr, out),
        Expression::BinaryOp(op) => {
            expr_traversals(&op.lhs_expr, out);
            expr_traversals(&op.rhs_expr, out);
        }
        _ => {}
    }
}

/// The resources of one dependency cycle, sorted, or `None`.
fn find_cycle(config: &Config) -> Option<Vec<String>> {
    let deps = graph(config);
    let deps_of = |a: &String| deps.iter().find(|(x, _)| *x == a).map(|(_, d)| d);
    // Peel off resources with no remaining dependency; whatever is left sits on a cycle
    // or depends on one. Keep only the nodes that reach themselves.
    let mut left: Vec<&String> = deps.iter().map(|(a, _)| *a).collect();
    loop {
        let free: Vec<&String> = left
            .iter()
            .copied()
            .filter(|a| deps_of(a).is_none_or(|d| d.iter().all(|x| !left.contains(&x))))
            .collect();
        if free.is_empty() {
            break;
        }
        left.retain(|a| !free.contains(a));
    }
    let reaches_itself = |start: &String| {
        let mut seen: Vec<&String> = Vec::new();
        let mut stack: Vec<&String> = deps_of(start).into_iter().flatten().collect();
        while let Some(a) = stack.pop() {
            if a == start {
                return true;
            }
            if !seen.contains(&a) {
                seen.push(a);
                stack.extend(deps_of(a).into_iter().flatten());
            }
        }
        false
    };
    let cycle: Vec<String> = left
        .into_iter()
        .filter(|a| reaches_itself(a))
        .cloned()
        .collect();
    (!cycle.is_empty()).then_some(cycle)
}
