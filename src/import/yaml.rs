//! The YAML that `import` writes: a small ordered tree and a deterministic emitter.
//!
//! Written by hand because no maintained crate serialises in the style the records need (block
//! mappings in the record's key order, long texts as literal blocks, codes always quoted).
//! [`Yaml`] also reads a record back (through serde-saphyr), so that a re-import can keep the
//! keys an editor added.

use std::fmt::Write as _;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A YAML value, mappings in their order.
#[derive(Clone, Debug, PartialEq)]
pub enum Yaml {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// A text, written plain only where that cannot be misread.
    Str(String),
    /// A word the format defines (an enum value, a date): written plain.
    Word(String),
    /// A text always written in double quotes (codes).
    Quoted(String),
    /// A sequence.
    Seq(Vec<Yaml>),
    /// A mapping, in order.
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// A text value.
    pub fn str(s: impl Into<String>) -> Yaml {
        Yaml::Str(s.into())
    }

    /// A word of the format.
    pub fn word(s: impl Into<String>) -> Yaml {
        Yaml::Word(s.into())
    }

    /// A mapping from pairs.
    pub fn map<const N: usize>(pairs: [(&str, Yaml); N]) -> Yaml {
        Yaml::Map(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string value, however it is written.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Str(s) | Yaml::Word(s) | Yaml::Quoted(s) => Some(s),
            _ => None,
        }
    }

    /// Whether two values say the same, however their strings are written.
    pub fn same(&self, other: &Yaml) -> bool {
        match (self, other) {
            (Yaml::Seq(a), Yaml::Seq(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
            }
            (Yaml::Map(a), Yaml::Map(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((ka, va), (kb, vb))| ka == kb && va.same(vb))
            }
            (Yaml::Float(a), Yaml::Int(b)) | (Yaml::Int(b), Yaml::Float(a)) => *a == *b as f64,
            _ => match (self.as_str(), other.as_str()) {
                (Some(a), Some(b)) => a == b,
                _ => self == other,
            },
        }
    }
}

/// Writes a top-level mapping as a YAML document.
pub fn emit_document(pairs: &[(String, Yaml)]) -> String {
    let mut out = String::new();
    emit_map(&mut out, pairs, 0);
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn emit_map(out: &mut String, pairs: &[(String, Yaml)], at: usize) {
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            indent(out, at);
        }
        out.push_str(key);
        out.push(':');
        emit_value_after_key(out, value, at);
    }
}

/// A value after `key:`: inline for scalars and empty collections, on the next lines otherwise.
fn emit_value_after_key(out: &mut String, value: &Yaml, at: usize) {
    match value {
        Yaml::Map(pairs) if !pairs.is_empty() => {
            out.push('\n');
            indent(out, at + 2);
            emit_map(out, pairs, at + 2);
        }
        Yaml::Seq(items) if !items.is_empty() => {
            out.push('\n');
            emit_seq(out, items, at);
        }
        _ => {
            out.push(' ');
            emit_scalar(out, value, at + 2);
            out.push('\n');
        }
    }
}

fn emit_seq(out: &mut String, items: &[Yaml], at: usize) {
    for item in items {
        indent(out, at);
        out.push_str("- ");
        match item {
            Yaml::Map(pairs) if !pairs.is_empty() => emit_map(out, pairs, at + 2),
            Yaml::Seq(inner) if !inner.is_empty() => {
                out.push('\n');
                emit_seq(out, inner, at + 2);
            }
            _ => {
                emit_scalar(out, item, at + 2);
                out.push('\n');
            }
        }
    }
}

/// A scalar (or an empty collection); a multi-line text becomes a literal block indented at
/// `block_indent`.
fn emit_scalar(out: &mut String, value: &Yaml, block_indent: usize) {
    match value {
        Yaml::Null => out.push_str("null"),
        Yaml::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Yaml::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Yaml::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => {
            let _ = write!(out, "{}", *f as i64);
        }
        Yaml::Float(f) if f.is_finite() => {
            let _ = write!(out, "{f}");
        }
        Yaml::Float(_) => out.push_str("null"),
        Yaml::Word(w) if is_plain_safe(w) || crate::vi::Date::parse(w).is_ok() => out.push_str(w),
        Yaml::Word(s) | Yaml::Quoted(s) => quote(out, s),
        Yaml::Str(s) if is_literal_block_safe(s) => {
            out.push_str(if s.ends_with('\n') { "|" } else { "|-" });
            for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
                out.push('\n');
                if !line.is_empty() {
                    indent(out, block_indent);
                    out.push_str(line);
                }
            }
        }
        // A date reads back as the same text (YAML 1.2 has no timestamps), and is written as
        // the format's own dates are, so that a record read back is written the same.
        Yaml::Str(s) if is_plain_safe(s) || crate::vi::Date::parse(s).is_ok() => out.push_str(s),
        Yaml::Str(s) => quote(out, s),
        Yaml::Seq(_) => out.push_str("[]"),
        Yaml::Map(_) => out.push_str("{}"),
    }
}

/// A double-quoted scalar, escaped as YAML (and JSON) escape.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether a multi-line text reads back exactly from a literal block: lines of printable
/// characters, the first not starting with a space (that would need an indentation
/// indicator), at most one final line break, no line break before a blank last line.
fn is_literal_block_safe(s: &str) -> bool {
    s.contains('\n')
        && !s.starts_with([' ', '\n'])
        && !s.ends_with("\n\n")
        && !s.trim_end_matches('\n').ends_with([' ', '\n'])
        && !s.chars().any(|c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}')
        })
}

/// Whether a one-line text reads back as the same string when written plain: it starts with a
/// letter, holds only letters, digits, spaces and harmless punctuation, and is no word YAML
/// reads as something else.
fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let reserved = matches!(
        s.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "nan" | "inf"
    );
    first.is_alphabetic()
        && !reserved
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '(' | ')' | '-' | '_' | '/' | ';')
        })
}

impl<'de> Deserialize<'de> for Yaml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YamlVisitor;
        impl<'de> Visitor<'de> for YamlVisitor {
            type Value = Yaml;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Yaml, E> {
                Ok(Yaml::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Yaml, E> {
                Ok(Yaml::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Yaml, E> {
                Ok(i64::try_from(v).map_or(Yaml::Float(v as f64), Yaml::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Yaml, E> {
                Ok(Yaml::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Yaml, E> {
                Ok(Yaml::Str(crate::vi::nfc(v).into_owned()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Yaml, E> {
                Ok(Yaml::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Yaml, E> {
                Ok(Yaml::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Yaml, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Yaml::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Yaml, A::Error> {
                let mut pairs = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Yaml>()? {
                    pairs.push((key, value));
                }
                Ok(Yaml::Map(pairs))
            }
        }
        deserializer.deserialize_any(YamlVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(value: Yaml) {
        let doc = emit_document(&[("k".to_owned(), value.clone())]);
        let back: Yaml = serde_saphyr::from_str(&doc).unwrap();
        assert!(
            back.get("k").unwrap().same(&value),
            "{doc:?} read back as {back:?}"
        );
    }

    #[test]
    fn texts_read_back_as_written() {
        for s in [
            "Đăng ký khai sinh",
            "1.001193",
            "yes",
            "a: b",
            "- item",
            "#tag",
            "  leading",
            "trailing ",
            "line\nnext",
            "line\nnext\n",
            "- a  \n+ b\n(i) c",
            " first line space\nsecond",
            "ends\n\n",
            "tab\there",
            "quote \" and \\",
            "",
            "@at",
            "50.000 đồng/lần",
            "2026-09-03",
        ] {
            round_trip(Yaml::str(s));
        }
        round_trip(Yaml::Seq(vec![
            Yaml::map([("a", Yaml::Int(1))]),
            Yaml::Null,
        ]));
        round_trip(Yaml::Seq(vec![]));
        round_trip(Yaml::map([("x", Yaml::Seq(vec![Yaml::str("a\nb")]))]));
    }
}
