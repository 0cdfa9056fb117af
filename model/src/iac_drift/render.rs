//! Resources written out as Terraform prints plans (its `jsonformat` renderers): each level
//! four columns deeper, a change symbol before every line, keys aligned, unchanged
//! attributes, elements and blocks counted and hidden, `id`, `name` and `tags` always shown.

use crate::sort;
use std::collections::BTreeMap;

use super::config::{Object, Value};
use super::plan::Action;
use super::schema::{forces_replacement, is_set_block};
use super::world::{provider_identity, Resource};

pub(super) const KNOWN_AFTER_APPLY: &str = "(known after apply)";

/// Which side of a diff an object shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Create,
    Delete,
    Update,
}

/// One attribute line.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Line {
    Same(Value),
    Add(Value),
    Remove(Value),
    /// Old, new, and whether the change forces a replacement.
    Change(Value, Value, bool),
}

/// Attributes Terraform shows even when they did not change.
const ALWAYS_SHOWN: [&str; 3] = ["id", "name", "tags"];

/// What an object's lines need to know about the resource they belong to.
#[derive(Clone, Copy)]
struct Context<'a> {
    resource_type: &'a str,
    /// Mark changes that force a replacement (a plan does; a drift report does not).
    forcing: bool,
}

/// A planned change to one resource, as `terraform plan` prints it.
pub(super) fn change_block(
    address: &str,
    action: Action,
    current: Option<&Resource>,
    after: Option<&Object>,
) -> String {
    let (resource_type, name) = address.split_once('.').unwrap_or((address, ""));
    let what = match action {
        Action::Create => "will be created",
        Action::Update => "will be updated in-place",
        Action::Delete => "will be destroyed",
        Action::Replace => "must be replaced",
    };
    let mut head = format!("  # {address} {what}\n");
    if action == Action::Delete {
        head.push_str(&format!(
            "  # (because {address} is not in configuration)\n"
        ));
    }
    let symbol = match action {
        Action::Replace => "-/+".to_string(),
        a => format!("  {}", a.symbol()),
    };
    let ctx = Context {
        resource_type,
        forcing: true,
    };
    let mut computed: Vec<(String, Line)> = Vec::new();
    let mut lines = Vec::new();
    match (action, current, after) {
        (Action::Create, _, Some(after)) => {
            computed.push(("id".into(), Line::Add(Value::Unknown)));
            if provider_identity(resource_type, name, &Object::default(), 0)
                .1
                .is_some()
            {
                computed.push(("arn".into(), Line::Add(Value::Unknown)));
            }
            object_lines(
                &mut lines,
                6,
                None,
                Some(after),
                Mode::Create,
                ctx,
                &computed,
            );
        }
        (Action::Delete, Some(cur), _) => {
            computed.extend(cur.removed_identity());
            object_lines(
                &mut lines,
                6,
                Some(&cur.body),
                None,
                Mode::Delete,
                ctx,
                &computed,
            );
        }
        (Action::Update | Action::Replace, Some(cur), Some(after)) => {
            let id = Value::Str(cur.id.clone());
            if action == Action::Replace {
                computed.push(("id".into(), Line::Change(id, Value::Unknown, false)));
                if let Some(arn) = &cur.arn {
                    let arn = Value::Str(arn.clone());
                    computed.push(("arn".into(), Line::Change(arn, Value::Unknown, false)));
                }
            } else {
                computed.push(("id".into(), Line::Same(id)));
            }
            object_lines(
                &mut lines,
                6,
                Some(&cur.body),
                Some(after),
                Mode::Update,
                ctx,
                &computed,
            );
        }
        _ => {}
    }
    head + &resource_text(&symbol, resource_type, name, &lines)
}

/// An object that changed outside Terraform, as the drift note prints it: `after` is `None`
/// when it was deleted.
pub(super) fn drift_block(before: &Resource, after: Option<&Object>) -> String {
    let address = before.address();
    let ctx = Context {
        resource_type: &before.resource_type,
        forcing: false,
    };
    let mut lines = Vec::new();
    let (what, symbol) = match after {
        None => {
            let computed = before.removed_identity();
            object_lines(
                &mut lines,
                6,
                Some(&before.body),
                None,
                Mode::Delete,
                ctx,
                &computed,
            );
            ("has been deleted", "  -")
        }
        Some(after) => {
            let computed = [("id".to_string(), Line::Same(Value::Str(before.id.clone())))];
            object_lines(
                &mut lines,
                6,
                Some(&before.body),
                Some(after),
                Mode::Update,
                ctx,
                &computed,
            );
            ("has changed", "  ~")
        }
    };
    format!("  # {address} {what}\n")
        + &resource_text(symbol, &before.resource_type, &before.name, &lines)
}

fn resource_text(symbol: &str, resource_type: &str, name: &str, lines: &[String]) -> String {
    let mut out = format!("{symbol} resource \"{resource_type}\" \"{name}\" {{\n");
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("    }\n");
    out
}

/// Writes an object's lines at `indent` (the column of the change symbol): its attributes,
/// then its nested blocks, each group of blocks after a blank line.
fn object_lines(
    out: &mut Vec<String>,
    indent: usize,
    before: Option<&Object>,
    after: Option<&Object>,
    mode: Mode,
    ctx: Context<'_>,
    computed: &[(String, Line)],
) {
    let empty = Object::default();
    let b = before.unwrap_or(&empty);
    let a = after.unwrap_or(&empty);
    let mut rows = sort::map(computed.iter().cloned());
    let keys = sort::set(b.attributes.keys().chain(a.attributes.keys()));
    let mut hidden_attrs = 0usize;
    for key in &keys {
        let forces = ctx.forcing && forces_replacement(ctx.resource_type, key);
        let line = match (b.attributes.get(*key), a.attributes.get(*key), mode) {
            (_, Some(v), Mode::Create) => Line::Add(v.clone()),
            (Some(v), _, Mode::Delete) => Line::Remove(v.clone()),
            (Some(old), Some(new), Mode::Update) if old == new => {
                if ALWAYS_SHOWN.contains(&key.as_str()) {
                    Line::Same(old.clone())
                } else {
                    hidden_attrs += 1;
                    continue;
                }
            }
            (Some(old), Some(new), _) => Line::Change(old.clone(), new.clone(), forces),
            (Some(old), None, _) => Line::Remove(old.clone()),
            (None, Some(new), _) => Line::Add(new.clone()),
            (None, None, _) => continue,
        };
        rows.insert((*key).clone(), line);
    }
    let width = keys
        .iter()
        .map(|k| k.as_str())
        .chain(computed.iter().map(|(k, _)| k.as_str()))
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0);
    for (key, line) in &rows {
        write_line(out, indent, key, width, line);
    }
    if hidden_attrs > 0 {
        out.push(format!(
            "{}# ({hidden_attrs} unchanged {} hidden)",
            pad(indent + 2),
            plural(hidden_attrs, "attribute")
        ));
    }
    let has_attributes = !keys.is_empty() || !computed.is_empty();
    let block_keys = sort::set(b.blocks.keys().chain(a.blocks.keys()));
    let mut hidden_blocks = 0usize;
    for key in block_keys {
        let olds = b.blocks.get(key).map_or(&[][..], Vec::as_slice);
        let news = a.blocks.get(key).map_or(&[][..], Vec::as_slice);
        let suffix = if ctx.forcing && forces_replacement(ctx.resource_type, key) {
            " # forces replacement"
        } else {
            ""
        };
        let mut group = Vec::new();
        let mut block =
            |symbol: char, before: Option<&Object>, after: Option<&Object>, mode: Mode| {
                group.push(format!("{}{symbol} {key} {{{suffix}", pad(indent)));
                let inner = Context {
                    resource_type: "",
                    forcing: ctx.forcing,
                };
                object_lines(&mut group, indent + 4, before, after, mode, inner, &[]);
                group.push(format!("{}}}", pad(indent + 2)));
            };
        match mode {
            Mode::Create => news
                .iter()
                .for_each(|n| block('+', None, Some(n), Mode::Create)),
            Mode::Delete => olds
                .iter()
                .for_each(|o| block('-', Some(o), None, Mode::Delete)),
            Mode::Update if is_set_block(ctx.resource_type, key) => {
                hidden_blocks += olds.iter().filter(|o| news.contains(o)).count();
                for o in olds.iter().filter(|o| !news.contains(o)) {
                    block('-', Some(o), None, Mode::Delete);
                }
                for n in news.iter().filter(|n| !olds.contains(n)) {
                    block('+', None, Some(n), Mode::Create);
                }
            }
            Mode::Update => {
                for i in 0..olds.len().max(news.len()) {
                    match (olds.get(i), news.get(i)) {
                        (Some(o), Some(n)) if o == n => hidden_blocks += 1,
                        (Some(o), Some(n)) => block('~', Some(o), Some(n), Mode::Update),
                        (Some(o), None) => block('-', Some(o), None, Mode::Delete),
                        (None, Some(n)) => block('+', None, Some(n), Mode::Create),
                        (None, None) => {}
                    }
                }
            }
        }
        if !group.is_empty() {
            if has_attributes {
                out.push(String::new());
            }
            out.extend(group);
        }
    }
    if hidden_blocks > 0 {
        out.push(String::new());
        out.push(format!(
            "{}# ({hidden_blocks} unchanged {} hidden)",
            pad(indent + 2),
            plural(hidden_blocks, "block")
        ));
    }
}

/// One attribute of a resource or block (a removed one ends in `-> null`).
fn write_line(out: &mut Vec<String>, indent: usize, key: &str, width: usize, line: &Line) {
    let head = |symbol: char| format!("{}{symbol} {key:<width$} = ", pad(indent));
    match line {
        Line::Same(v) => write_value(out, head(' '), v, ' ', indent, ""),
        Line::Add(v) => write_value(out, head('+'), v, '+', indent, ""),
        Line::Remove(v) => write_value(out, head('-'), v, '-', indent, " -> null"),
        Line::Change(old, new, force) => {
            let suffix = if *force { " # forces replacement" } else { "" };
            match (old, new) {
                (Value::List(o), Value::List(n)) => {
                    out.push(format!("{}[{suffix}", head('~')));
                    let kept = o.iter().filter(|v| n.contains(v)).count();
                    for v in o.iter().filter(|v| !n.contains(v)) {
                        write_element(out, indent + 4, '-', v);
                    }
                    for v in n.iter().filter(|v| !o.contains(v)) {
                        write_element(out, indent + 4, '+', v);
                    }
                    if kept > 0 {
                        out.push(format!(
                            "{}# ({kept} unchanged {} hidden)",
                            pad(indent + 6),
                            plural(kept, "element")
                        ));
                    }
                    out.push(format!("{}]", pad(indent + 2)));
                }
                (old, Value::Unknown) => write_value(
                    out,
                    head('~'),
                    old,
                    '-',
                    indent,
                    &format!(" -> {KNOWN_AFTER_APPLY}{suffix}"),
                ),
                _ => out.push(format!(
                    "{}{} -> {}{suffix}",
                    head('~'),
                    scalar_text(old),
                    scalar_text(new)
                )),
            }
        }
    }
}

/// `head` and a value; a list or object spreads over lines, each element marked with
/// `symbol`; `end` follows the value's last line.
fn write_value(
    out: &mut Vec<String>,
    head: String,
    v: &Value,
    symbol: char,
    indent: usize,
    end: &str,
) {
    match v {
        Value::List(items) if !items.is_empty() => {
            out.push(format!("{head}["));
            for i in items {
                write_element(out, indent + 4, symbol, i);
            }
            out.push(format!("{}]{end}", pad(indent + 2)));
        }
        Value::Object(attrs) => {
            out.push(format!("{head}{{"));
            object_attributes(out, indent + 4, symbol, attrs);
            out.push(format!("{}}}{end}", pad(indent + 2)));
        }
        v => out.push(format!("{head}{}{end}", scalar_text(v))),
    }
}

/// One element of a list or set, at `indent`, ending in a comma.
fn write_element(out: &mut Vec<String>, indent: usize, symbol: char, v: &Value) {
    match v {
        Value::Object(attrs) => {
            out.push(format!("{}{symbol} {{", pad(indent)));
            object_attributes(out, indent + 4, symbol, attrs);
            out.push(format!("{}}},", pad(indent + 2)));
        }
        Value::List(_) => write_value(
            out,
            format!("{}{symbol} ", pad(indent)),
            v,
            symbol,
            indent,
            ",",
        ),
        v => out.push(format!("{}{symbol} {},", pad(indent), scalar_text(v))),
    }
}

/// The attributes of an object element, all with one symbol (it is added or removed whole).
fn object_attributes(
    out: &mut Vec<String>,
    indent: usize,
    symbol: char,
    attrs: &BTreeMap<String, Value>,
) {
    let width = attrs.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    for (key, v) in attrs {
        let head = format!("{}{symbol} {key:<width$} = ", pad(indent));
        write_value(out, head, v, symbol, indent, "");
    }
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// A value on one line, as Terraform writes it.
pub(super) fn scalar_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Number(x) => number_text(*x),
        Value::Str(s) => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        Value::List(items) => {
            let inner: Vec<String> = items.iter().map(scalar_text).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(attrs) => {
            let inner: Vec<String> = attrs
                .iter()
                .map(|(k, v)| format!("{k} = {}", scalar_text(v)))
                .collect();
            format!("{{ {} }}", inner.join(", "))
        }
        Value::Expr(e) => e.clone(),
        Value::Unknown => KNOWN_AFTER_APPLY.into(),
    }
}

/// Numbers as Terraform prints them: `60`, not `60.0`.
fn number_text(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Text word-wrapped as Terraform wraps its messages for a terminal of 78 columns
/// (lines of at most 77 characters, broken at spaces); paragraphs are kept.
pub(super) fn wrap(text: &str) -> String {
    const WIDTH: usize = 77;
    text.split('\n')
        .map(|paragraph| {
            let mut lines: Vec<String> = Vec::new();
            let mut line = String::new();
            for word in paragraph.split(' ') {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH {
                    lines.push(std::mem::take(&mut line));
                } else if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            lines.push(line);
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
