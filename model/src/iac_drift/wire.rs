//! A read configuration as plain text, and back: how the lab ships PhotoShare's two
//! configurations already read (`photoshare*.wire`), so that the page needs no parser (a
//! module of the wasm of its own) until a student edits the text.
//!
//! The text is a sequence of items, each `<byte length>:<bytes>`: no escaping, no separators,
//! and a number is its shortest round-trip decimal (`f64`'s `Display`), so `read(write(x))` is
//! `x` exactly. Reading never panics: anything malformed gives `None`.

use crate::sort;
use std::collections::BTreeMap;

use super::config::{Backend, Config, Object, ResourceConfig, Value};

/// A configuration as text.
pub fn write_config(config: &Config) -> String {
    let mut w = Writer::default();
    w.config(config);
    w.out
}

/// The configuration written by [`write_config`]; `None` if the text is not one.
pub fn read_config(text: &str) -> Option<Config> {
    let mut r = Reader { rest: text };
    let config = r.config()?;
    r.rest.is_empty().then_some(config)
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn item(&mut self, item: impl ToString) {
        let item = item.to_string();
        self.out.push_str(&item.len().to_string());
        self.out.push(':');
        self.out.push_str(&item);
    }

    /// A tag (a value's kind, an option's presence) and the one item it announces.
    fn tagged(&mut self, tag: &str, item: impl ToString) {
        self.item(tag);
        self.item(item);
    }

    fn option(&mut self, item: &Option<String>) {
        match item {
            Some(s) => self.tagged("1", s),
            None => self.item("0"),
        }
    }

    fn strings(&mut self, items: &[String]) {
        self.item(items.len());
        items.iter().for_each(|s| self.item(s));
    }

    fn config(&mut self, c: &Config) {
        self.option(&c.required_version);
        match &c.backend {
            Some(b) => {
                self.item("1");
                self.item(&b.kind);
                for part in [&b.bucket, &b.key, &b.region, &b.dynamodb_table] {
                    self.option(part);
                }
            }
            None => self.item("0"),
        }
        self.strings(&c.providers);
        self.strings(&c.modules);
        self.item(c.resources.len());
        for (address, rc) in &c.resources {
            self.item(address);
            self.item(&rc.resource_type);
            self.item(&rc.name);
            self.item(rc.line);
            self.strings(&rc.ignore_changes);
            self.item(u8::from(rc.ignore_all_changes));
            self.object(&rc.body);
        }
        self.strings(&c.warnings);
    }

    fn object(&mut self, o: &Object) {
        self.attributes(&o.attributes);
        self.item(o.blocks.len());
        for (kind, blocks) in &o.blocks {
            self.item(kind);
            self.item(blocks.len());
            blocks.iter().for_each(|b| self.object(b));
        }
    }

    fn attributes(&mut self, attributes: &BTreeMap<String, Value>) {
        self.item(attributes.len());
        for (key, value) in attributes {
            self.item(key);
            self.value(value);
        }
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::Bool(b) => self.item(if *b { "t" } else { "f" }),
            Value::Number(x) => self.tagged("n", x),
            Value::Str(s) => self.tagged("s", s),
            Value::List(items) => {
                self.item("l");
                self.item(items.len());
                items.iter().for_each(|i| self.value(i));
            }
            Value::Object(attributes) => {
                self.item("o");
                self.attributes(attributes);
            }
            Value::Expr(e) => self.tagged("e", e),
            Value::Unknown => self.item("u"),
        }
    }
}

struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    fn item(&mut self) -> Option<&'a str> {
        let (len, rest) = self.rest.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let item = rest.get(..len)?;
        self.rest = rest.get(len..)?;
        Some(item)
    }

    fn number<T: std::str::FromStr>(&mut self) -> Option<T> {
        self.item()?.parse().ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.item()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    fn option(&mut self) -> Option<Option<String>> {
        Some(match self.flag()? {
            true => Some(self.item()?.to_string()),
            false => None,
        })
    }

    /// A count of items, each read by `each`. The count is not trusted for allocation.
    fn many<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n: usize = self.number()?;
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(each(self)?);
        }
        Some(out)
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        self.many(|r| r.item().map(str::to_string))
    }

    fn config(&mut self) -> Option<Config> {
        let required_version = self.option()?;
        let backend = match self.flag()? {
            true => Some(Backend {
                kind: self.item()?.to_string(),
                bucket: self.option()?,
                key: self.option()?,
                region: self.option()?,
                dynamodb_table: self.option()?,
            }),
            false => None,
        };
        let providers = self.strings()?;
        let modules = self.strings()?;
        let resources = self.many(|r| {
            let address = r.item()?.to_string();
            let rc = ResourceConfig {
                resource_type: r.item()?.to_string(),
                name: r.item()?.to_string(),
                line: r.number()?,
                ignore_changes: r.strings()?,
                ignore_all_changes: r.flag()?,
                body: r.object()?,
            };
            Some((address, rc))
        })?;
        Some(Config {
            required_version,
            backend,
            providers,
            modules,
            resources: sort::map(resources),
            warnings: self.strings()?,
        })
    }

    fn object(&mut self) -> Option<Object> {
        let attributes = self.attributes()?;
        let blocks = self.many(|r| Some((r.item()?.to_string(), r.many(Self::object)?)))?;
        Some(Object {
            attributes,
            blocks: sort::map(blocks),
        })
    }

    fn attributes(&mut self) -> Option<BTreeMap<String, Value>> {
        let pairs = self.many(|r| Some((r.item()?.to_string(), r.value()?)))?;
        Some(sort::map(pairs))
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.item()? {
            "t" => Value::Bool(true),
            "f" => Value::Bool(false),
            "n" => Value::Number(self.number()?),
            "s" => Value::Str(self.item()?.to_string()),
            "l" => Value::List(self.many(Self::value)?),
            "o" => Value::Object(self.attributes()?),
            "e" => Value::Expr(self.item()?.to_string()),
            "u" => Value::Unknown,
            _ => return None,
        })
    }
}
