//! A project as a JSON file a group keeps and uploads again: one flat object with the
//! link's keys and the page's units (a hit ratio as 92), and a marker saying what it is.
//!
//! ```json
//! { "cloud-lab-project": 1, "name": "PhotoShare", "load": 1200, "hit": 92, "maz": true, … }
//! ```
//!
//! Written and read by hand: the file is one level of keys and scalars, and a small reader
//! here costs the download less than a JSON crate (docs/project.md has the measurement).
//! Reading never panics and is all or nothing: a file that is not a project, or holds one
//! value the lab cannot use, gives the reasons and no project.

use super::{validate, Project};
use crate::link::Query;
use crate::params::{self, fields, Access};

/// The key that marks a Cloud Lab project file, and the format's version.
pub const MARKER: &str = "cloud-lab-project";
pub const VERSION: u32 = 1;
/// Largest file read, in bytes: a project is about 1 KB.
pub const MAX_BYTES: usize = 64 * 1024;

/// The whole project, every field, one per line.
pub fn to_json(p: &Project) -> String {
    let mut lines = vec![format!("  \"{MARKER}\": {VERSION}")];
    for f in fields::<Project>() {
        let value = match f.access {
            Access::Flag { get, .. } => get(p).to_string(),
            Access::Text { .. } | Access::Choice { .. } => quoted(&f.text_of(p)),
            _ => f.text_of(p),
        };
        lines.push(format!("  \"{}\": {value}", f.spec.key));
    }
    format!("{{\n{}\n}}\n", lines.join(",\n"))
}

/// A project from a file's text, or every reason it cannot be used.
pub fn from_json(text: &str) -> Result<Project, Vec<String>> {
    let not_a_project = |why: &str| vec![format!("This file is not a Cloud Lab project: {why}.")];
    if text.len() > MAX_BYTES {
        return Err(not_a_project(&format!(
            "it is larger than {} KB",
            MAX_BYTES / 1024
        )));
    }
    let pairs = Reader::new(text)
        .object()
        .map_err(|why| not_a_project(&why))?;
    match pairs.iter().find(|(k, _)| k == MARKER) {
        None => return Err(not_a_project(&format!("it has no \"{MARKER}\" key"))),
        Some((_, Value::Number(v))) if v == "1" => {}
        Some((_, v)) => {
            return Err(vec![format!(
                "This project file's version ({}) is not one this lab reads (it reads {VERSION}).",
                v.text()
            )])
        }
    }
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, _) in &pairs {
        if seen.contains(&key.as_str()) {
            problems.push(format!("\"{key}\" is given twice."));
        } else if key != MARKER && params::field::<Project>(key).is_none() {
            problems.push(format!("\"{key}\" is not a value of a project."));
        }
        seen.push(key);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let query = Query::parse(&Query::encode(
        pairs
            .iter()
            .filter(|(k, _)| k != MARKER)
            .map(|(k, v)| (k.as_str(), v.text())),
    ));
    let (project, ignored) = params::from_query::<Project>(&query);
    if !ignored.is_empty() {
        return Err(ignored
            .iter()
            .map(|i| format!("\"{}\": {} ({}).", i.key, i.value, i.reason))
            .collect());
    }
    validate(&project)?;
    Ok(project)
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A scalar of the file: numbers keep their text, so a price reads back exactly.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Number(String),
    Text(String),
    Flag(bool),
    Null,
}

impl Value {
    /// As a link writes it.
    fn text(&self) -> String {
        match self {
            Value::Number(n) => n.clone(),
            Value::Text(t) => t.clone(),
            Value::Flag(on) => if *on { "1" } else { "0" }.into(),
            Value::Null => "null".into(),
        }
    }
}

/// Reads one flat JSON object. Anything else — an array, a nested object, trailing text —
/// is an error in words.
struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Reader {
            chars: text.chars().peekable(),
        }
    }

    fn skip_space(&mut self) {
        while self.chars.next_if(|c| c.is_ascii_whitespace()).is_some() {}
    }

    fn expect(&mut self, wanted: char, what: &str) -> Result<(), String> {
        self.skip_space();
        match self.chars.next() {
            Some(c) if c == wanted => Ok(()),
            Some(c) => Err(format!("expected {what}, found '{c}'")),
            None => Err(format!("expected {what}, but the file ends")),
        }
    }

    fn object(mut self) -> Result<Vec<(String, Value)>, String> {
        self.skip_space();
        if self.chars.peek() != Some(&'{') {
            return Err("it is not a JSON object".into());
        }
        self.chars.next();
        let mut pairs = Vec::new();
        self.skip_space();
        if self.chars.next_if_eq(&'}').is_none() {
            loop {
                self.expect('"', "a key in quotes")?;
                let key = self.string()?;
                self.expect(':', "':' after a key")?;
                let value = self.value()?;
                pairs.push((key, value));
                self.skip_space();
                match self.chars.next() {
                    Some(',') => continue,
                    Some('}') => break,
                    Some(c) => return Err(format!("expected ',' or '}}', found '{c}'")),
                    None => return Err("the object is not closed".into()),
                }
            }
        }
        self.skip_space();
        match self.chars.next() {
            None => Ok(pairs),
            Some(_) => Err("there is more after the object".into()),
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_space();
        match self.chars.peek().copied() {
            Some('"') => {
                self.chars.next();
                self.string().map(Value::Text)
            }
            Some(c) if c == '-' || c.is_ascii_digit() => Ok(Value::Number(self.number())),
            Some(c) if c.is_ascii_alphabetic() => match self.word().as_str() {
                "true" => Ok(Value::Flag(true)),
                "false" => Ok(Value::Flag(false)),
                "null" => Ok(Value::Null),
                w => Err(format!("'{w}' is not a JSON value")),
            },
            Some('{') | Some('[') => Err("it holds a nested object or list".into()),
            Some(c) => Err(format!("'{c}' does not start a value")),
            None => Err("a value is missing at the end".into()),
        }
    }

    fn word(&mut self) -> String {
        let mut w = String::new();
        while let Some(c) = self.chars.next_if(|c| c.is_ascii_alphanumeric()) {
            w.push(c);
        }
        w
    }

    /// The number's text as written; the table's reader checks it is one.
    fn number(&mut self) -> String {
        let mut n = String::new();
        while let Some(c) = self
            .chars
            .next_if(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        {
            n.push(c);
        }
        n
    }

    /// The rest of a string after its opening quote.
    fn string(&mut self) -> Result<String, String> {
        let mut s = String::new();
        loop {
            match self.chars.next() {
                None => return Err("a string is not closed".into()),
                Some('"') => return Ok(s),
                Some('\\') => s.push(self.escape()?),
                Some(c) if (c as u32) < 0x20 => {
                    return Err("a string holds a control character".into())
                }
                Some(c) => s.push(c),
            }
        }
    }

    fn escape(&mut self) -> Result<char, String> {
        Ok(match self.chars.next() {
            Some('"') => '"',
            Some('\\') => '\\',
            Some('/') => '/',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                let high = self.hex4()?;
                if (0xD800..0xDC00).contains(&high) {
                    if self.chars.next() != Some('\\') || self.chars.next() != Some('u') {
                        return Err("a surrogate pair is broken".into());
                    }
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err("a surrogate pair is broken".into());
                    }
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    char::from_u32(code).ok_or("a \\u escape is not a character")?
                } else {
                    char::from_u32(high).ok_or("a \\u escape is not a character")?
                }
            }
            _ => return Err("a string holds an unknown escape".into()),
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .chars
                .next()
                .and_then(|c| c.to_digit(16))
                .ok_or("a \\u escape needs four hex digits")?;
            code = code * 16 + digit;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_read_back_with_their_escapes() {
        let pairs =
            Reader::new(r#"{"a": "x\"y\\z\u00e9\ud83d\ude00", "b": -1.5e2, "c": true, "d": null}"#)
                .object()
                .unwrap();
        assert_eq!(pairs[0].1, Value::Text("x\"y\\zé😀".into()));
        assert_eq!(pairs[1].1, Value::Number("-1.5e2".into()));
        assert_eq!(pairs[2].1, Value::Flag(true));
        assert_eq!(pairs[3].1, Value::Null);
        assert_eq!(quoted("a\"b\\c\n"), r#""a\"b\\c\u000a""#);
    }
}
