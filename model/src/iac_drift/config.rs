//! Reading the configuration: HCL text into resources, a backend and warnings.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use hcl_edit::expr::{Expression, UnaryOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span;

use super::references::check_references;
use super::schema::is_attribute_as_blocks;
use super::{MAX_CONFIG_BYTES, MAX_RESOURCES, PHOTOSHARE_TF};

/// An attribute's value, as the configuration gives it or the provider reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Str(String),
    List(Vec<Value>),
    /// One element of an argument written as blocks but stored as a list of objects
    /// (a security group's `ingress` rules: the provider's "attributes as blocks").
    Object(BTreeMap<String, Value>),
    /// An expression the lab does not evaluate (a function call, an unmodelled
    /// attribute), as written.
    Expr(String),
    /// A value the plan cannot know yet: an attribute of an object still to be created.
    Unknown,
}

impl Value {
    pub(super) fn str(s: &str) -> Value {
        Value::Str(s.to_string())
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A resource body or a nested block: attributes, then nested blocks by type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object {
    pub attributes: BTreeMap<String, Value>,
    /// Nested blocks by type, in the order written (e.g. `health_check`, `ingress`).
    pub blocks: BTreeMap<String, Vec<Object>>,
}

/// A configuration that could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Where the state lives: `backend "s3" { … }`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backend {
    pub kind: String,
    pub bucket: Option<String>,
    pub key: Option<String>,
    pub region: Option<String>,
    /// The DynamoDB table that holds the state lock; `None` means no locking.
    pub dynamodb_table: Option<String>,
}

impl Backend {
    /// The lock's path: `bucket/key`, as Terraform's lock info prints it.
    pub fn state_path(&self) -> String {
        format!(
            "{}/{}",
            self.bucket.as_deref().unwrap_or("?"),
            self.key.as_deref().unwrap_or("terraform.tfstate")
        )
    }
}

/// One `resource "type" "name" { … }` block.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceConfig {
    pub resource_type: String,
    pub name: String,
    pub body: Object,
    /// The line of `resource "type" "name" {` in the text, for error messages.
    pub line: usize,
    /// Attributes named in `lifecycle { ignore_changes = [...] }`.
    pub ignore_changes: Vec<String>,
    /// `ignore_changes = all`.
    pub ignore_all_changes: bool,
}

impl ResourceConfig {
    pub fn address(&self) -> String {
        format!("{}.{}", self.resource_type, self.name)
    }

    pub(super) fn ignores(&self, attribute: &str) -> bool {
        self.ignore_all_changes || self.ignore_changes.iter().any(|a| a == attribute)
    }
}

/// What the configuration declares.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub required_version: Option<String>,
    pub backend: Option<Backend>,
    /// Provider names, e.g. `aws`.
    pub providers: Vec<String>,
    /// Module calls by name, e.g. `vpc`. The lab does not expand modules.
    pub modules: Vec<String>,
    /// Resources by address (`type.name`), sorted as Terraform prints them.
    pub resources: BTreeMap<String, ResourceConfig>,
    /// Things the lab read but does not model, in words.
    pub warnings: Vec<String>,
}

/// Which version of PhotoShare's configuration a link asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConfigVariant {
    /// As the worked example wrote it.
    #[default]
    WorkedExample,
    /// With `lifecycle { ignore_changes = [desired_count] }` on the ECS service.
    IgnoreDesiredCount,
}

/// The text of a configuration variant.
pub fn config_text(variant: ConfigVariant) -> String {
    match variant {
        ConfigVariant::WorkedExample => PHOTOSHARE_TF.to_string(),
        ConfigVariant::IgnoreDesiredCount => with_ignore_desired_count(PHOTOSHARE_TF),
    }
}

/// A variant's configuration, read once: every evaluation compares against it, and reading
/// PhotoShare's text again took most of an evaluation's time.
pub fn variant_config(variant: ConfigVariant) -> Result<&'static Config, ParseError> {
    static READ: [OnceLock<Result<Config, ParseError>>; 2] = [OnceLock::new(), OnceLock::new()];
    READ[variant as usize]
        .get_or_init(|| parse_config(&config_text(variant)))
        .as_ref()
        .map_err(Clone::clone)
}

/// What [`ConfigVariant::IgnoreDesiredCount`] adds after the service's `desired_count` line.
const IGNORE_DESIRED_COUNT_BLOCK: &str =
    "\n  # The autoscaler owns the task count; Terraform only sets it at creation.\n  \
     lifecycle {\n    ignore_changes = [desired_count]\n  }\n";

/// Adds the lifecycle block after the service's `desired_count` line (the text is
/// returned unchanged if it has no such line, or has the block already).
pub fn with_ignore_desired_count(text: &str) -> String {
    if text.contains(IGNORE_DESIRED_COUNT_BLOCK) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + IGNORE_DESIRED_COUNT_BLOCK.len());
    let mut added = false;
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        if !added && line.trim_start().starts_with("desired_count") {
            out.push_str(IGNORE_DESIRED_COUNT_BLOCK);
            added = true;
        }
    }
    out
}

/// Takes out the block [`with_ignore_desired_count`] adds, if the text still holds it as added.
pub fn without_ignore_desired_count(text: &str) -> String {
    text.replacen(IGNORE_DESIRED_COUNT_BLOCK, "", 1)
}

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
pub(super) fn expression_text(expr: &Expression) -> String {
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

pub(super) fn error_at(
    text: &str,
    span: Option<std::ops::Range<usize>>,
    message: String,
) -> ParseError {
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
