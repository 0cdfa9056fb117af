//! Resources written out in Terraform's plan format.

use std::collections::{BTreeMap, BTreeSet};

use super::config::{Object, ResourceConfig, Value};
use super::plan::{effective_body, Action, ResourceChange};
use super::schema::forces_replacement;
use super::world::{provider_identity, resolve, Resource};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Create,
    Delete,
    Update,
}

/// Renders resources in Terraform's plan format.
pub(super) struct Render<'a> {
    pub(super) actual: &'a BTreeMap<String, Resource>,
    pub(super) pending: &'a BTreeSet<String>,
}

const KNOWN_AFTER_APPLY: &str = "(known after apply)";

impl Render<'_> {
    pub(super) fn resource(
        &self,
        change: &ResourceChange,
        current: Option<&Resource>,
        wanted: Option<&ResourceConfig>,
    ) -> String {
        let (resource_type, name) = change
            .address
            .split_once('.')
            .unwrap_or((&change.address, ""));
        let what = match change.action {
            Action::Create => "will be created",
            Action::Update => "will be updated in-place",
            Action::Delete => "will be destroyed",
            Action::Replace => "must be replaced",
        };
        let mut out = format!("  # {} {what}\n", change.address);
        if change.action == Action::Delete {
            out.push_str(&format!(
                "  # (because {} is not in configuration)\n",
                change.address
            ));
        }
        let symbol = match change.action {
            Action::Replace => "-/+".to_string(),
            a => format!("  {}", a.symbol()),
        };
        out.push_str(&format!(
            "{symbol} resource \"{resource_type}\" \"{name}\" {{\n"
        ));
        let empty = Object::default();
        let has_arn = |t: &str| {
            provider_identity(t, name, &empty, self.actual, 0)
                .1
                .is_some()
        };
        let mut computed: Vec<(String, Line)> = Vec::new();
        let mut lines = Vec::new();
        match (change.action, current, wanted) {
            (Action::Create, _, Some(rc)) => {
                computed.push(("id".into(), Line::Add(Shown::Unknown)));
                if has_arn(resource_type) {
                    computed.push(("arn".into(), Line::Add(Shown::Unknown)));
                }
                self.object(
                    &mut lines,
                    6,
                    None,
                    Some(&rc.body),
                    Mode::Create,
                    resource_type,
                    &computed,
                );
            }
            (Action::Delete, Some(cur), _) => {
                computed.extend(cur.removed_identity());
                self.object(
                    &mut lines,
                    6,
                    Some(&cur.body),
                    None,
                    Mode::Delete,
                    resource_type,
                    &computed,
                );
            }
            (_, Some(cur), Some(rc)) => {
                let desired = effective_body(rc, cur);
                if change.action == Action::Replace {
                    computed.push((
                        "id".into(),
                        Line::Change(
                            Shown::Value(Value::Str(cur.id.clone())),
                            Shown::Unknown,
                            false,
                        ),
                    ));
                    if let Some(arn) = &cur.arn {
                        computed.push((
                            "arn".into(),
                            Line::Change(
                                Shown::Value(Value::Str(arn.clone())),
                                Shown::Unknown,
                                false,
                            ),
                        ));
                    }
                } else {
                    computed.push((
                        "id".into(),
                        Line::Same(Shown::Value(Value::Str(cur.id.clone()))),
                    ));
                }
                self.object(
                    &mut lines,
                    6,
                    Some(&cur.body),
                    Some(&desired),
                    Mode::Update,
                    resource_type,
                    &computed,
                );
            }
            _ => {}
        }
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        out.push_str("    }\n");
        out
    }

    fn shown(&self, v: &Value) -> Shown {
        match v {
            Value::Expr(e) => match resolve(e, self.actual, self.pending) {
                Some(v) => Shown::Value(v),
                None if looks_like_reference(e) => Shown::Unknown,
                None => Shown::Value(v.clone()),
            },
            Value::List(items) => Shown::Value(Value::List(
                items
                    .iter()
                    .map(|i| match self.shown(i) {
                        Shown::Value(v) => v,
                        Shown::Unknown => Value::Expr(KNOWN_AFTER_APPLY.into()),
                    })
                    .collect(),
            )),
            v => Shown::Value(v.clone()),
        }
    }

    /// Writes an object's lines at `indent` (the column of the change symbol).
    /// `resource_type` is set at the top level only, for `# forces replacement`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn object(
        &self,
        out: &mut Vec<String>,
        indent: usize,
        before: Option<&Object>,
        after: Option<&Object>,
        mode: Mode,
        resource_type: &str,
        computed: &[(String, Line)],
    ) {
        let empty = Object::default();
        let b = before.unwrap_or(&empty);
        let a = after.unwrap_or(&empty);
        let mut rows: BTreeMap<String, Line> = computed.iter().cloned().collect();
        let keys: BTreeSet<&String> = b.attributes.keys().chain(a.attributes.keys()).collect();
        let mut hidden_attrs = 0usize;
        for key in keys {
            let line = match (b.attributes.get(key), a.attributes.get(key), mode) {
                (_, Some(v), Mode::Create) => Line::Add(self.shown(v)),
                (Some(v), _, Mode::Delete) => Line::Remove(self.shown(v)),
                (Some(old), Some(new), Mode::Update) if old == new => {
                    if key == "name" {
                        Line::Same(self.shown(old))
                    } else {
                        hidden_attrs += 1;
                        continue;
                    }
                }
                (Some(old), Some(new), _) => Line::Change(
                    self.shown(old),
                    self.shown(new),
                    forces_replacement(resource_type, key),
                ),
                (Some(old), None, _) => Line::Remove(self.shown(old)),
                (None, Some(new), _) => Line::Add(self.shown(new)),
                (None, None, _) => continue,
            };
            rows.insert(key.clone(), line);
        }
        let width = b
            .attributes
            .keys()
            .chain(a.attributes.keys())
            .chain(computed.iter().map(|(k, _)| k))
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        for (key, line) in &rows {
            line.write(out, indent, key, width);
        }
        let pad = " ".repeat(indent);
        if hidden_attrs > 0 {
            out.push(format!(
                "{pad}  # ({hidden_attrs} unchanged {} hidden)",
                plural(hidden_attrs, "attribute")
            ));
        }
        let block_keys: BTreeSet<&String> = b.blocks.keys().chain(a.blocks.keys()).collect();
        let mut block_lines = Vec::new();
        let mut hidden_blocks = 0usize;
        for key in block_keys {
            let olds = b.blocks.get(key).map_or(&[][..], Vec::as_slice);
            let news = a.blocks.get(key).map_or(&[][..], Vec::as_slice);
            let force = if forces_replacement(resource_type, key) {
                " # forces replacement"
            } else {
                ""
            };
            match mode {
                Mode::Create => {
                    for n in news {
                        self.block(
                            &mut block_lines,
                            indent,
                            key,
                            "+",
                            None,
                            Some(n),
                            Mode::Create,
                            "",
                        );
                    }
                }
                Mode::Delete => {
                    for o in olds {
                        self.block(
                            &mut block_lines,
                            indent,
                            key,
                            "-",
                            Some(o),
                            None,
                            Mode::Delete,
                            "",
                        );
                    }
                }
                Mode::Update => {
                    if let ([o], [n]) = (olds, news) {
                        if o == n {
                            hidden_blocks += 1;
                        } else {
                            self.block(
                                &mut block_lines,
                                indent,
                                key,
                                "~",
                                Some(o),
                                Some(n),
                                Mode::Update,
                                force,
                            );
                        }
                        continue;
                    }
                    for o in olds {
                        if news.contains(o) {
                            hidden_blocks += 1;
                        } else {
                            self.block(
                                &mut block_lines,
                                indent,
                                key,
                                "-",
                                Some(o),
                                None,
                                Mode::Delete,
                                force,
                            );
                        }
                    }
                    for n in news.iter().filter(|n| !olds.contains(n)) {
                        self.block(
                            &mut block_lines,
                            indent,
                            key,
                            "+",
                            None,
                            Some(n),
                            Mode::Create,
                            force,
                        );
                    }
                }
            }
        }
        if hidden_blocks > 0 {
            block_lines.push(format!(
                "{pad}  # ({hidden_blocks} unchanged {} hidden)",
                plural(hidden_blocks, "block")
            ));
        }
        if !block_lines.is_empty() {
            if !out.is_empty() {
                out.push(String::new());
            }
            out.extend(block_lines);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn block(
        &self,
        out: &mut Vec<String>,
        indent: usize,
        key: &str,
        symbol: &str,
        before: Option<&Object>,
        after: Option<&Object>,
        mode: Mode,
        suffix: &str,
    ) {
        let pad = " ".repeat(indent);
        out.push(format!("{pad}{symbol} {key} {{{suffix}"));
        let mut inner = Vec::new();
        self.object(&mut inner, indent + 4, before, after, mode, "", &[]);
        out.extend(inner);
        out.push(format!("{pad}  }}"));
    }
}

fn looks_like_reference(expr: &str) -> bool {
    !expr.is_empty()
        && expr
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// A value as a plan shows it: known, or only known after apply.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Shown {
    Value(Value),
    Unknown,
}

/// One attribute line of a plan.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Line {
    Same(Shown),
    Add(Shown),
    Remove(Shown),
    /// Old, new, and whether the change forces a replacement.
    Change(Shown, Shown, bool),
}

impl Line {
    /// A removed value ends in `-> null`, as Terraform writes it.
    fn write(&self, out: &mut Vec<String>, indent: usize, key: &str, width: usize) {
        let pad = " ".repeat(indent);
        let head = |symbol: &str| format!("{pad}{symbol} {key:<width$} = ");
        match self {
            Line::Same(v) => push_value(out, head(" "), v, None, indent),
            Line::Add(v) => push_value(out, head("+"), v, Some('+'), indent),
            Line::Remove(v) => {
                let start = out.len();
                push_value(out, head("-"), v, Some('-'), indent);
                if let Some(last) = out.get_mut(start..).and_then(|l| l.last_mut()) {
                    last.push_str(" -> null");
                }
            }
            Line::Change(old, new, force) => {
                let suffix = if *force { " # forces replacement" } else { "" };
                match (old, new) {
                    (Shown::Value(Value::List(o)), Shown::Value(Value::List(n))) => {
                        out.push(format!("{}[{suffix}", head("~")));
                        let item_pad = " ".repeat(indent + 4);
                        for v in o {
                            let sym = if n.contains(v) { ' ' } else { '-' };
                            out.push(format!("{item_pad}{sym} {},", scalar_text(v)));
                        }
                        for v in n.iter().filter(|v| !o.contains(v)) {
                            out.push(format!("{item_pad}+ {},", scalar_text(v)));
                        }
                        out.push(format!("{pad}  ]"));
                    }
                    _ => out.push(format!(
                        "{}{} -> {}{suffix}",
                        head("~"),
                        shown_text(old),
                        shown_text(new)
                    )),
                }
            }
        }
    }
}

/// Writes `head` and a value; lists go one item per line, marked with `symbol`.
fn push_value(out: &mut Vec<String>, head: String, v: &Shown, symbol: Option<char>, indent: usize) {
    match v {
        Shown::Value(Value::List(items)) if !items.is_empty() => {
            out.push(format!("{head}["));
            let item_pad = " ".repeat(indent + 4);
            let sym = symbol.unwrap_or(' ');
            for i in items {
                out.push(format!("{item_pad}{sym} {},", scalar_text(i)));
            }
            out.push(format!("{}  ]", " ".repeat(indent)));
        }
        v => out.push(format!("{head}{}", shown_text(v))),
    }
}

fn shown_text(v: &Shown) -> String {
    match v {
        Shown::Value(v) => scalar_text(v),
        Shown::Unknown => KNOWN_AFTER_APPLY.into(),
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Number(x) => number_text(*x),
        Value::Str(s) => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        Value::List(items) => {
            let inner: Vec<String> = items.iter().map(scalar_text).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Expr(e) => e.clone(),
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
