//! **import**: records made from what offices already have — the national public-service
//! portal's procedure-detail JSON ([`dvc`]) and an office's catalogue list in CSV or a
//! spreadsheet ([`list`]) — written into `content/` ([`write`]).
//!
//! The first rule: nothing is stated that the source does not say. A part the source leaves
//! empty becomes an explicit `unknown` with a note naming the source (the portal's `fees: []`
//! is not "free"); a value the record cannot hold is reported as not imported; a conflict
//! inside the source is reported, not resolved. Importing is two steps: read every source into
//! [`Record`]s and problems, then [`write::plan`] merges them with what `content/` holds and
//! checks that each file reads back, before [`write::Plan::write`] writes anything.

pub mod dvc;
pub mod list;
pub mod message;
pub mod write;
pub mod yaml;

use crate::diagnostics::{Lang, Severity};
pub use message::{Change, Message};
use yaml::Yaml;

/// A problem found while importing, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Errors stop the import (nothing is written); warnings are reported.
    pub severity: Severity,
    /// The source file (or the record file being written).
    pub file: String,
    /// The row of a list (1-based, as a spreadsheet numbers it), when it is about one.
    pub row: Option<usize>,
    /// The procedure code, when known.
    pub code: Option<String>,
    /// What it says.
    pub message: Message,
}

impl Problem {
    /// An error about `file`.
    pub fn error(file: &str, message: Message) -> Problem {
        Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            row: None,
            code: None,
            message,
        }
    }

    /// A warning about `file`.
    pub fn warning(file: &str, message: Message) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, message)
        }
    }

    /// The same, about row `row`.
    pub fn at_row(mut self, row: usize) -> Problem {
        self.row = Some(row);
        self
    }

    /// The same, about the record `code`.
    pub fn for_code(mut self, code: &str) -> Problem {
        self.code = Some(code.to_owned());
        self
    }

    /// `file:row: [code] message`, with the severity first, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        message::problem_line(self, lang)
    }
}

/// Where a record's field comes from: a name as the source writes it, or an id given by the
/// user (`--field`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldRef {
    /// "HỘ TỊCH", "Hộ tịch": matched with `fields.yaml` by name, else a new field.
    Name(String),
    /// An id that must be in `fields.yaml`.
    Id(String),
}

/// One top-level key of a record made from a source.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The record key.
    pub key: &'static str,
    /// Its value.
    pub value: Yaml,
    /// Whether the source states it. A re-import replaces the keys a source states and writes
    /// the others (explicit unknowns) only where the record has no such key yet, so that what
    /// an editor filled in is kept.
    pub stated: bool,
}

/// A procedure record made from a source, before it is merged with `content/`.
#[derive(Clone, Debug)]
pub struct Record {
    /// The national code.
    pub code: String,
    /// The title, for the file name.
    pub title: String,
    /// The field.
    pub field: FieldRef,
    /// The keys, in any order (they are written in the record format's order). `field` is
    /// added when the field is resolved.
    pub entries: Vec<Entry>,
    /// The source file (and row), for messages.
    pub origin: String,
}

impl Record {
    /// A record with its code and title, both stated by the source.
    pub fn new(code: &str, title: &str, field: FieldRef, origin: String) -> Record {
        let mut record = Record {
            code: code.to_owned(),
            title: title.to_owned(),
            field,
            entries: Vec::new(),
            origin,
        };
        record.state("code", Yaml::Quoted(code.to_owned()));
        record.state("title", Yaml::str(title));
        record
    }

    /// Sets a key the source states.
    pub fn state(&mut self, key: &'static str, value: Yaml) {
        self.set(key, value, true);
    }

    /// Sets a key the source leaves empty: an explicit unknown, or a default that says nothing.
    pub fn leave(&mut self, key: &'static str, value: Yaml) {
        self.set(key, value, false);
    }

    fn set(&mut self, key: &'static str, value: Yaml, stated: bool) {
        self.entries.retain(|e| e.key != key);
        self.entries.push(Entry { key, value, stated });
    }

    /// The value of `key`, when set.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.value)
    }
}

/// A part stated as `unknown`, with a note for citizens and where it was looked for.
pub fn unknown(note: &str, source: &str) -> Yaml {
    Yaml::map([
        ("status", Yaml::word("unknown")),
        ("note", Yaml::str(note)),
        ("source", Yaml::str(source)),
    ])
}

/// Everything one run read: records and problems.
#[derive(Debug, Default)]
pub struct Batch {
    /// The records, in the order read.
    pub records: Vec<Record>,
    /// What was found on the way.
    pub problems: Vec<Problem>,
}

impl Batch {
    /// Whether an error stops the import.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// A field name as the site shows it: an all-capitals name ("GIÁO DỤC VÀ ĐÀO TẠO") in
/// Vietnamese title case, the first word and the first word after "và" or a comma
/// capitalised ("Giáo dục và Đào tạo"); any other name as written.
pub fn field_name(name: &str) -> String {
    let name = crate::vi::nfc(name.trim())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let has_lower = name.chars().any(char::is_lowercase);
    if has_lower {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut capitalise = true;
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if capitalise {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&lower);
        }
        capitalise = lower == "và" || word.ends_with([',', ';', '-']);
    }
    out
}

/// A date from a list or the portal: `YYYY-MM-DD` (with an optional time after it) or
/// `dd/mm/yyyy`.
pub fn parse_date(text: &str) -> Option<crate::vi::Date> {
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    if let Ok(date) = crate::vi::Date::parse(head) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    if let [d, m, y] = parts[..]
        && y.len() == 4
        && (1..=2).contains(&d.len())
        && (1..=2).contains(&m.len())
    {
        return crate::vi::Date::parse(&format!("{y}-{m:0>2}-{d:0>2}")).ok();
    }
    None
}

/// The date in Vietnam (UTC+7) of a time in milliseconds since 1970, as the portal writes it.
pub fn date_of_millis(millis: i64) -> crate::vi::Date {
    const DAY_MS: i64 = 86_400_000;
    const VIETNAM_MS: i64 = 7 * 3_600_000;
    crate::vi::Date::from_days_since_epoch((millis.saturating_add(VIETNAM_MS)).div_euclid(DAY_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_capitals_field_names_get_vietnamese_title_case() {
        assert_eq!(field_name("GIÁO DỤC VÀ ĐÀO TẠO"), "Giáo dục và Đào tạo");
        assert_eq!(field_name("HỘ TỊCH"), "Hộ tịch");
        assert_eq!(field_name("LAO ĐỘNG, TIỀN LƯƠNG"), "Lao động, Tiền lương");
        assert_eq!(field_name("Đất đai"), "Đất đai");
    }

    #[test]
    fn dates_read_in_both_orders_and_portal_times_in_vietnam() {
        assert_eq!(parse_date("2026-09-03").unwrap().iso(), "2026-09-03");
        assert_eq!(parse_date("3/9/2026").unwrap().iso(), "2026-09-03");
        assert!(parse_date("31/02/2026").is_none());
        assert_eq!(date_of_millis(1_564_592_400_000).iso(), "2019-08-01");
    }
}
