//! Reading the configuration's HCL text (with `hcl-edit`) into the lab's [`Config`]: resources,
//! a backend and warnings, or the first problem with its line and column. In the browser it is a
//! wasm module of its own (`demos/src/split.rs`), fetched when typed text first needs reading.

use hcl_edit::expr::{Expression, UnaryOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span;

use super::config::{Backend, Config, Object, ParseError, ResourceConfig, Value};
use super::references::{graph, parse_ref};
use super::schema::is_attribute_as_blocks;
use super::{MAX_CONFIG_BYTES, MAX_RESOURCES};

/// Reads a configuration. Bad text gives the first problem with its line and column.
pub fn parse_config(text: &str) -> Result<Config, ParseError> {
    if text.len() > MAX_CONFIG_BYTES {
        return Err(ParseError {
            line: 1,
            column: 1,
            message: format!(
                "The configuration is longer than the lab reads ({MAX_CONFIG_BYTES} bytes)."
            ),
        });
    }
    let body = hcl_edit::parser::parse_body(text).map_err(|e| ParseError {
        line: e.location().line(),
        column: e.location().column(),
        message: e.message().to_string(),
    })?;
    let mut config = Config::default();
    for structure in body.iter() {
        if let Some(attr) = structure.as_attribute() {
            return Err(error_at(
                text,
                attr.span(),
                format!(
                    "Unsupported argument: an argument named \"{}\" is not expected at the top level.",
                    attr.key.as_str()
                ),
            ));
        }
        let Some(block) = structure.as_block() else {
            continue;
        };
        read_top_block(text, block, &mut config)?;
    }
    check_references(text, &body, &config)?;
    Ok(config)
}

fn read_top_block(text: &str, block: &Block, config: &mut Config) -> Result<(), ParseError> {
    let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
    match block.ident.as_str() {
        "terraform" => {
            if let Some(v) = string_attr(&block.body, "required_version") {
                config.required_version = Some(v);
            }
            for inner in block.body.blocks() {
                if inner.ident.as_str() == "backend" {
                    let kind = inner
                        .labels
                        .first()
                        .map(|l| l.as_str().to_string())
                        .unwrap_or_default();
                    config.backend = Some(Backend {
                        kind,
                        bucket: string_attr(&inner.body, "bucket"),
                        key: string_attr(&inner.body, "key"),
                        region: string_attr(&inner.body, "region"),
                        dynamodb_table: string_attr(&inner.body, "dynamodb_table"),
                    });
                }
            }
        }
        "provider" => config
            .providers
            .extend(labels.first().map(|l| l.to_string())),
        "module" => config.modules.extend(labels.first().map(|l| l.to_string())),
        "resource" => {
            let [resource_type, name] = labels.as_slice() else {
                return Err(error_at(
                    text,
                    block.span(),
                    "A resource block needs two labels: the type and the name.".into(),
                ));
            };
            if config.resources.len() >= MAX_RESOURCES {
                return Err(error_at(
                    text,
                    block.span(),
                    format!("The lab reads at most {MAX_RESOURCES} resources."),
                ));
            }
            let mut resource =
                read_resource(resource_type, name, &block.body, &mut config.warnings);
            resource.line = error_at(text, block.span(), String::new()).line;
            if let Some((_, missing)) = super::schema::REQUIRED.iter().find(|&&(t, a)| {
                t == resource.resource_type && !resource.body.attributes.contains_key(a)
            }) {
                return Err(error_at(
                    text,
                    block.span(),
                    format!(
                        "Missing required argument: the argument \"{missing}\" is required, but no definition was found."
                    ),
                ));
            }
            let address = resource.address();
            if config.resources.contains_key(&address) {
                return Err(error_at(
                    text,
                    block.span(),
                    format!(
                        "Duplicate resource \"{resource_type}\" configuration named \"{name}\"."
                    ),
                ));
            }
            config.resources.insert(address, resource);
        }
        "variable" | "output" | "locals" | "data" => config.warnings.push(format!(
            "{} blocks are read but not evaluated by the lab.",
            block.ident.as_str()
        )),
        other => {
            return Err(error_at(
                text,
                block.span(),
                format!(
                    "Unsupported block type: blocks of type \"{other}\" are not expected here."
                ),
            ))
        }
    }
    Ok(())
}

fn read_resource(
    resource_type: &str,
    name: &str,
    body: &Body,
    warnings: &mut Vec<String>,
) -> ResourceConfig {
    let mut resource = ResourceConfig {
        resource_type: resource_type.to_string(),
        name: name.to_string(),
        body: Object::default(),
        line: 1,
        ignore_changes: Vec::new(),
        ignore_all_changes: false,
    };
    for attr in body.attributes() {
        let key = attr.key.as_str();
        match key {
            "count" | "for_each" => warnings.push(format!(
                "{resource_type}.{name}: `{key}` is not modelled; the lab treats it as one instance."
            )),
            "depends_on" | "provider" => {}
            _ => {
                if let Some(v) = to_value(&attr.value) {
                    resource.body.attributes.insert(key.to_string(), v);
                }
            }
        }
    }
    for block in body.blocks() {
        let key = block.ident.as_str();
        if key == "lifecycle" {
            read_lifecycle(&block.body, &mut resource, warnings);
        } else if is_attribute_as_blocks(resource_type, key) {
            let rule = Value::Object(to_object(&block.body).attributes);
            match resource.body.attributes.get_mut(key) {
                Some(Value::List(rules)) => rules.push(rule),
                Some(_) => {}
                None => {
                    resource
                        .body
                        .attributes
                        .insert(key.to_string(), Value::List(vec![rule]));
                }
            }
        } else {
            resource
                .body
                .blocks
                .entry(key.to_string())
                .or_default()
                .push(to_object(&block.body));
        }
    }
    resource
}

fn read_lifecycle(body: &Body, resource: &mut ResourceConfig, warnings: &mut Vec<String>) {
    let Some(attr) = body.get_attribute("ignore_changes") else {
        return;
    };
    let address = resource.address();
    match &attr.value {
        Expression::Variable(v) if v.as_str() == "all" => resource.ignore_all_changes = true,
        Expression::Array(items) => {
            for item in items.iter() {
                match item {
                    Expression::Variable(v) => resource.ignore_changes.push(v.as_str().to_string()),
                    Expression::String(s) => resource.ignore_changes.push(s.as_str().to_string()),
                    other => warnings.push(format!(
                        "{address}: ignore_changes entry `{}` is not modelled; the lab ignores whole top-level attributes only.",
                        expression_text(other)
                    )),
                }
            }
        }
        other => warnings.push(format!(
            "{address}: ignore_changes must be a list or `all`, not `{}`.",
            expression_text(other)
        )),
    }
}

fn to_object(body: &Body) -> Object {
    let mut object = Object::default();
    for attr in body.attributes() {
        if let Some(v) = to_value(&attr.value) {
            object.attributes.insert(attr.key.as_str().to_string(), v);
        }
    }
    for block in body.blocks() {
        object
            .blocks
            .entry(block.ident.as_str().to_string())
            .or_default()
            .push(to_object(&block.body));
    }
    object
}

/// A literal becomes a value; `null` becomes nothing (Terraform treats it as unset).
fn to_value(expr: &Expression) -> Option<Value> {
    Some(match expr {
        Expression::Null(_) => return None,
        Expression::Bool(b) => Value::Bool(**b),
        Expression::Number(n) => match n.as_f64() {
            Some(x) => Value::Number(x),
            None => Value::Expr(expression_text(expr)),
        },
        Expression::String(s) => Value::Str(s.as_str().to_string()),
        Expression::Array(items) => Value::List(items.iter().filter_map(to_value).collect()),
        Expression::Parenthesis(p) => return to_value(p.inner()),
        Expression::UnaryOp(op) if *op.operator.value() == UnaryOperator::Neg => {
            match to_value(&op.expr) {
                Some(Value::Number(x)) => Value::Number(-x),
                _ => Value::Expr(expression_text(expr)),
            }
        }
        _ => Value::Expr(expression_text(expr)),
    })
}

/// An expression as written, on one line.
fn expression_text(expr: &Expression) -> String {
    expr.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn string_attr(body: &Body, key: &str) -> Option<String> {
    body.get_attribute(key)
        .and_then(|a| a.value.as_str())
        .map(str::to_string)
}

fn error_at(text: &str, span: Option<std::ops::Range<usize>>, message: String) -> ParseError {
    let offset = span.map_or(0, |s| s.start).min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ParseError {
        line,
        column,
        message,
    }
}

/// Refuses references Terraform refuses: to undeclared resources or modules, to the resource
/// itself, and cycles. Messages follow Terraform's ("Reference to undeclared resource", …).
fn check_references(text: &str, body: &Body, config: &Config) -> Result<(), ParseError> {
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
