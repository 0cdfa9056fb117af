//! The configuration as the lab holds it once read: resources, a backend and warnings.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use super::PHOTOSHARE_TF;

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

/// PhotoShare's configurations as the parser reads them, written by `wire` (a test checks that
/// they are what `parse_config` reads from [`config_text`]: `BLESS=1` rewrites them).
pub const VARIANT_WIRES: [&str; 2] = [
    include_str!("photoshare.wire"),
    include_str!("photoshare_ignore.wire"),
];

/// A variant's configuration, read once from [`VARIANT_WIRES`]: the page needs no parser for
/// PhotoShare's own text, and every evaluation compares against it.
pub fn variant_config(variant: ConfigVariant) -> Result<&'static Config, ParseError> {
    static READ: [OnceLock<Option<Config>>; 2] = [OnceLock::new(), OnceLock::new()];
    READ[variant as usize]
        .get_or_init(|| super::wire::read_config(VARIANT_WIRES[variant as usize]))
        .as_ref()
        .ok_or_else(|| ParseError {
            line: 1,
            column: 1,
            message: "The lab's own copy of PhotoShare's configuration is damaged.".into(),
        })
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
