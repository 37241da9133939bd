//! Every mistake of a record at once. serde stops at a record's first mistake; when a record
//! does not deserialise, it is read again leniently, as a tree of keys and values with their
//! positions, and that tree is checked against the record's JSON Schema (the one
//! `congkhai schema` prints, made from the same types), so that one `check` run names every
//! unknown key, every missing key, every value that is not allowed and every value of the
//! wrong kind, each at its line.
//!
//! The check follows the schema's shape: `$ref`, `properties`, `required`,
//! `additionalProperties: false`, `items`, `type`, `enum` and `const`, and for `anyOf`/`oneOf`
//! the branch of the value's kind (a mapping is checked against the mapping branch, so a
//! mistake inside a step is named, not "matches no form"). What the schema cannot say (dates,
//! references between files) stays serde's and validation's, and serde's own first error is
//! always reported too, so nothing is lost.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::{Location, Spanned};

use crate::diagnostics::{Diagnostic, Expected, Found, Message, Thing, did_you_mean};
use crate::model::labels::{key_label, key_named};

/// A YAML value with the positions of its keys and values.
enum Node {
    Map(Vec<(Spanned<Key>, Spanned<Node>)>),
    Seq(Vec<Spanned<Node>>),
    Scalar(Value),
}

/// A mapping key, whatever scalar it is written as.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(Key(match value {
            Value::String(s) => s,
            other => other.to_string(),
        }))
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<Key>>()? {
                    entries.push((key, map.next_value::<Spanned<Node>>()?));
                }
                Ok(Node::Map(entries))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Node>>()? {
                    items.push(item);
                }
                Ok(Node::Seq(items))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Scalar(Value::Bool(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Scalar(Value::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::Scalar(Value::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                Ok(Node::Scalar(Value::from(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Scalar(Value::String(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
                Ok(Node::Scalar(Value::String(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Scalar(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Scalar(Value::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// A mistake the schema finds, where it is.
struct Issue {
    at: Location,
    message: Message,
}

/// Every mistake of `yaml` against `schema` (a draft-07 schema with `definitions`), as
/// diagnostics of `file`. Empty when the YAML does not parse (serde's syntax error says it).
pub fn problems(
    yaml: &str,
    file: &str,
    line_offset: u32,
    what: Thing,
    schema: &Value,
) -> Vec<Diagnostic> {
    let Ok(root) = serde_saphyr::from_str::<Spanned<Node>>(yaml) else {
        return Vec::new();
    };
    let mut checker = Checker {
        definitions: &schema["definitions"],
        what,
        issues: Vec::new(),
    };
    checker.check(&root, schema, root.referenced);
    checker
        .issues
        .into_iter()
        .map(|issue| Diagnostic::new(file, issue.message).at_location(&issue.at, line_offset))
        .collect()
}

struct Checker<'a> {
    definitions: &'a Value,
    what: Thing,
    issues: Vec<Issue>,
}

impl<'a> Checker<'a> {
    fn resolve(&self, mut schema: &'a Value) -> &'a Value {
        // `#/definitions/Name`; a few hops at most (a reference to a reference).
        for _ in 0..8 {
            match schema["$ref"].as_str() {
                Some(reference) => {
                    let name = reference.rsplit('/').next().unwrap_or_default();
                    schema = &self.definitions[name];
                }
                None => break,
            }
        }
        schema
    }

    /// Checks `node` (whose key is at `key_at`) against `schema`.
    fn check(&mut self, node: &Spanned<Node>, schema: &'a Value, key_at: Location) {
        let schema = self.resolve(schema);
        if let Some(all) = schema["allOf"].as_array() {
            for part in all {
                self.check(node, part, key_at);
            }
        }
        let branches = schema["anyOf"]
            .as_array()
            .or_else(|| schema["oneOf"].as_array());
        if let Some(branches) = branches {
            self.check_branches(node, branches, key_at);
            return;
        }
        if !self.kind_allowed(&node.value, schema) {
            self.wrong_kind(node, schema);
            return;
        }
        match &node.value {
            Node::Map(entries) => self.check_map(node, entries, schema),
            Node::Seq(items) => {
                if schema["items"].is_object() {
                    for item in items {
                        self.check(item, &schema["items"], item.referenced);
                    }
                }
            }
            Node::Scalar(value) => {
                let allowed: Vec<&Value> = match (&schema["enum"], &schema["const"]) {
                    (Value::Array(values), _) => values.iter().collect(),
                    (_, Value::Null) => Vec::new(),
                    (_, one) => vec![one],
                };
                if !allowed.is_empty() && !allowed.contains(&value) {
                    self.not_allowed(node, value, allowed.iter().filter_map(|v| v.as_str()));
                } else if let (Value::String(text), Some("date")) =
                    (value, schema["format"].as_str())
                    && let Err(error) = text.parse::<crate::vi::Date>()
                {
                    self.issues.push(Issue {
                        at: node.referenced,
                        message: Message::InvalidDate {
                            text: text.clone(),
                            error,
                        },
                    });
                }
            }
        }
    }

    /// `anyOf`/`oneOf`: fine when a branch takes the value; else the mistakes of the branch
    /// for the value's kind, or that no value of this kind is allowed.
    fn check_branches(&mut self, node: &Spanned<Node>, branches: &'a [Value], key_at: Location) {
        let branches: Vec<&'a Value> = branches.iter().map(|b| self.resolve(b)).collect();
        let mut fewest: Option<Vec<Issue>> = None;
        let mut of_kind = 0;
        let mut constants: Vec<&str> = Vec::new();
        for branch in &branches {
            if !self.kind_allowed(&node.value, branch) {
                continue;
            }
            of_kind += 1;
            constants.extend(
                branch["enum"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(branch.get("const"))
                    .filter_map(Value::as_str),
            );
            let saved = std::mem::take(&mut self.issues);
            self.check(node, branch, key_at);
            let found = std::mem::replace(&mut self.issues, saved);
            if found.is_empty() {
                return;
            }
            if fewest.as_ref().is_none_or(|f| found.len() < f.len()) {
                fewest = Some(found);
            }
        }
        match (of_kind, fewest) {
            (0, _) => {
                // The kinds of every branch: a list, a mapping, text…
                let expected = branches
                    .iter()
                    .filter_map(|b| expected_of(b))
                    .next()
                    .unwrap_or(Expected::Other("?".to_owned()));
                self.issues.push(Issue {
                    at: node.referenced,
                    message: Message::WrongType {
                        expected,
                        found: found_of(&node.value),
                    },
                });
            }
            // A text that is none of the allowed words. When the main form (the first
            // branch: a list of applicants, rather than `unknown`) is not a text, the mistake
            // is the kind of value; else it is the word.
            (_, Some(_))
                if matches!(&node.value, Node::Scalar(Value::String(_)))
                    && !constants.is_empty() =>
            {
                match branches.first() {
                    Some(main) if !self.kind_allowed(&node.value, main) => {
                        self.wrong_kind(node, main)
                    }
                    _ => {
                        if let Node::Scalar(value) = &node.value {
                            self.not_allowed(node, value, constants.into_iter());
                        }
                    }
                }
            }
            (_, Some(found)) => self.issues.extend(found),
            (_, None) => {}
        }
    }

    fn check_map(
        &mut self,
        node: &Spanned<Node>,
        entries: &[(Spanned<Key>, Spanned<Node>)],
        schema: &'a Value,
    ) {
        let properties = schema["properties"].as_object();
        let closed = schema["additionalProperties"] == Value::Bool(false);
        let known: Vec<&str> = properties
            .into_iter()
            .flat_map(|p| p.keys().map(String::as_str))
            .collect();
        for (key, value) in entries {
            match properties.and_then(|p| p.get(&key.value.0)) {
                Some(property) => self.check(value, property, key.referenced),
                None if closed => {
                    let suggestion = did_you_mean(&key.value.0, known.iter().copied())
                        .map(str::to_owned)
                        .or_else(|| key_named(&key.value.0, &known));
                    self.issues.push(Issue {
                        at: key.referenced,
                        message: Message::UnknownKey {
                            key: key.value.0.clone(),
                            what: self.what,
                            suggestion_label: suggestion
                                .as_deref()
                                .and_then(key_label)
                                .map(str::to_owned),
                            suggestion,
                            allowed: known.iter().map(|k| (*k).to_owned()).collect(),
                        },
                    });
                }
                None => {}
            }
        }
        for required in schema["required"].as_array().into_iter().flatten() {
            let Some(required) = required.as_str() else {
                continue;
            };
            if !entries.iter().any(|(k, _)| k.value.0 == required) {
                self.issues.push(Issue {
                    // Where the mapping starts: its first key.
                    at: entries
                        .first()
                        .map_or(node.referenced, |(k, _)| k.referenced),
                    message: Message::MissingKey {
                        key: required.to_owned(),
                        label: key_label(required).map(str::to_owned),
                    },
                });
            }
        }
    }

    /// Whether the schema's `type` (when it has one) takes a node of this kind.
    fn kind_allowed(&self, node: &Node, schema: &Value) -> bool {
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return true,
        };
        let kind = match node {
            Node::Map(_) => "object",
            Node::Seq(_) => "array",
            Node::Scalar(Value::String(_)) => "string",
            Node::Scalar(Value::Bool(_)) => "boolean",
            Node::Scalar(Value::Null) => "null",
            Node::Scalar(Value::Number(n)) if n.is_u64() || n.is_i64() => "integer",
            Node::Scalar(_) => "number",
        };
        types
            .iter()
            .any(|t| *t == kind || (*t == "number" && kind == "integer"))
    }

    fn wrong_kind(&mut self, node: &Spanned<Node>, schema: &Value) {
        self.issues.push(Issue {
            at: node.referenced,
            message: Message::WrongType {
                expected: expected_of(schema).unwrap_or(Expected::Other("?".to_owned())),
                found: found_of(&node.value),
            },
        });
    }

    fn not_allowed<'v>(
        &mut self,
        node: &Spanned<Node>,
        value: &Value,
        allowed: impl Iterator<Item = &'v str>,
    ) {
        let allowed: Vec<String> = allowed.map(str::to_owned).collect();
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        self.issues.push(Issue {
            at: node.referenced,
            message: Message::NotAllowedValue {
                suggestion: did_you_mean(&text, allowed.iter().map(String::as_str))
                    .map(str::to_owned),
                value: text,
                allowed,
            },
        });
    }
}

/// What kind of value a schema asks for, in the words of diagnostics.
fn expected_of(schema: &Value) -> Option<Expected> {
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types.iter().find(|t| **t != "null").map(|t| match *t {
        "array" => Expected::List,
        "object" => Expected::Mapping,
        "integer" => Expected::WholeNumber,
        "number" => Expected::Number,
        "boolean" => Expected::Bool,
        _ => Expected::Text,
    })
}

fn found_of(node: &Node) -> Found {
    match node {
        Node::Map(_) => Found::Mapping,
        Node::Seq(_) => Found::List,
        Node::Scalar(Value::String(s)) => Found::Text(Some(s.clone())),
        Node::Scalar(Value::Bool(b)) => Found::Bool(b.to_string()),
        Node::Scalar(Value::Null) => Found::Nothing,
        Node::Scalar(n) => Found::Number(n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tree_with_positions() {
        let tree: Spanned<Node> = match serde_saphyr::from_str("a: 1\nb:\n  - x\n  - {c: d}\n") {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        };
        let Node::Map(entries) = &tree.value else {
            panic!("not a map")
        };
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].0.referenced.line(), 2);
    }
}

#[cfg(test)]
mod checks {
    use super::*;
    use crate::diagnostics::Lang;

    fn mistakes(yaml: &str) -> Vec<(u32, String)> {
        let schema = crate::schema::procedure_schema();
        problems(yaml, "x.yaml", 0, Thing::Procedure, &schema)
            .into_iter()
            .map(|d| (d.position.map_or(0, |p| p.line), d.text(Lang::En).message))
            .collect()
    }

    /// Every record of the sample catalogue deserialises, so the schema check must find
    /// nothing in any of them: it never reports a mistake that is not one.
    #[test]
    fn the_sample_records_have_no_mistakes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = crate::content::record_files(root);
        assert!(files.len() > 40);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let yaml = match crate::content::split_front_matter(&text, "x.md") {
                Ok(fm) if path.extension().is_some_and(|e| e == "md") => fm.yaml.to_owned(),
                _ => text,
            };
            assert_eq!(mistakes(&yaml), Vec::new(), "{}", path.display());
        }
    }

    #[test]
    fn mistakes_of_every_kind_are_found_at_their_lines() {
        let scaffold =
            include_str!("../scaffold/content/procedures/ho-tich/dang-ky-khai-sinh.yaml");
        let mut lines: Vec<String> = scaffold
            .lines()
            .filter(|l| !l.starts_with("title:"))
            .map(str::to_owned)
            .collect();
        for line in &mut lines {
            if line.starts_with("level:") {
                *line = "level: county".to_owned();
            }
        }
        lines.push("phi: 8000".to_owned());
        let found = mistakes(&(lines.join("\n") + "\n"));
        let texts: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(texts.iter().any(|t| t.contains("`county`")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("`title`")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("`phi`")), "{texts:?}");
        let phi = found.iter().find(|(_, m)| m.contains("`phi`")).unwrap();
        assert_eq!(phi.0 as usize, lines.len());
    }
}
