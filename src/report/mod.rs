//! The completeness report: the table an office sends its supervisor.
//!
//! Per record: which required parts are stated as unknown or not published, the placeholders
//! `congkhai new` left, when it was last checked against the source and how old its sources
//! are; then the totals, per part and over the catalogue. It reads the records as `check` does
//! ([`crate::content::load`]), so a record that does not read is listed as such, not dropped,
//! and it needs no valid catalogue: an office with errors still learns what is missing.
//!
//! Its words are here, in both languages, one table ([`Words`]): the report is for the office,
//! not for citizens, so it does not go through the site's theme.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::Loaded;
use crate::diagnostics::{Lang, Severity};
use crate::model::{MissingStatus, Procedure, labels};
use crate::vi::Date;

/// The version of the JSON report's shape; raised when a key changes meaning or goes.
pub const VERSION: u32 = 1;

/// What the report measures against.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// "Today".
    pub now: Date,
    /// A check or a source older than this many days is stale.
    pub stale_days: i64,
}

/// The report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// [`VERSION`].
    pub version: u32,
    /// The day it was made for.
    pub date: Date,
    /// The age from which a check or a source is stale, in days.
    pub stale_days: i64,
    /// Over the whole catalogue.
    pub totals: Totals,
    /// Per required part, in the order of the law.
    pub parts: Vec<PartTotal>,
    /// Every record that reads, by file.
    pub records: Vec<RecordRow>,
    /// Records that do not read, by file, with their first error.
    pub unreadable: Vec<Unreadable>,
}

/// Counts over the catalogue.
#[derive(Debug, Default, Serialize)]
pub struct Totals {
    /// Records that read.
    pub records: usize,
    /// Records with nothing to do: every part stated, no placeholder, checked within
    /// `stale_days`, no stale source.
    pub complete: usize,
    /// Records with at least one part stated as unknown.
    pub with_unknown: usize,
    /// Records with at least one part stated as not published.
    pub with_not_published: usize,
    /// Records with a placeholder left.
    pub with_placeholders: usize,
    /// Records checked longer ago than `stale_days`.
    pub verified_long_ago: usize,
    /// Records with no `verified_on`.
    pub never_verified: usize,
    /// Records that name no source.
    pub without_sources: usize,
    /// Records with a source read longer ago than `stale_days`.
    pub with_stale_sources: usize,
    /// Record files that do not read.
    pub unreadable: usize,
}

/// One part over the catalogue.
#[derive(Debug, Serialize)]
pub struct PartTotal {
    /// The record key, `fees`.
    pub key: &'static str,
    /// Its name in the report's language.
    pub label: &'static str,
    /// Records that state it as unknown.
    pub unknown: usize,
    /// Records that state it as not published.
    pub not_published: usize,
}

/// One record.
#[derive(Debug, Serialize)]
pub struct RecordRow {
    /// Path from the site root.
    pub file: String,
    /// Procedure code.
    pub code: String,
    /// Title.
    pub title: String,
    /// Field id.
    pub field: String,
    /// Keys of the parts stated as unknown.
    pub unknown: Vec<&'static str>,
    /// Keys of the parts stated as not published.
    pub not_published: Vec<&'static str>,
    /// Keys whose value is a placeholder `congkhai new` wrote.
    pub placeholders: Vec<&'static str>,
    /// When it was last checked against the source.
    pub verified_on: Option<Date>,
    /// Days since then.
    pub verified_days_ago: Option<i64>,
    /// How many sources it names.
    pub sources: usize,
    /// Its sources read longer ago than `stale_days`.
    pub stale_sources: Vec<StaleSource>,
    /// Nothing to do (see [`Totals::complete`]).
    pub complete: bool,
}

/// A source read long ago.
#[derive(Debug, Serialize)]
pub struct StaleSource {
    /// Its title.
    pub title: String,
    /// When it was read.
    pub retrieved_on: Date,
    /// Days since then.
    pub days_ago: i64,
}

/// A record file that does not read.
#[derive(Debug, Serialize)]
pub struct Unreadable {
    /// Path from the site root.
    pub file: String,
    /// Line of the first error, when known.
    pub line: Option<u32>,
    /// The first error, in the report's language.
    pub error: String,
    /// How many errors the file has.
    pub errors: usize,
}

/// Makes the report of the records `loaded` read.
pub fn make(loaded: &Loaded, options: Options, lang: Lang) -> Report {
    let now = options.now.days_since_epoch();
    let mut parts: Vec<PartTotal> = Procedure::PARTS
        .into_iter()
        .map(|key| PartTotal {
            key,
            label: part_label(key, lang),
            unknown: 0,
            not_published: 0,
        })
        .collect();
    let mut totals = Totals::default();
    let mut records: Vec<RecordRow> = loaded
        .records
        .iter()
        .map(|record| {
            let p = &record.procedure;
            let mut row = RecordRow {
                file: record.file.clone(),
                code: p.code.value.to_string(),
                title: p.title.value.to_string(),
                field: p.field.value.clone(),
                unknown: Vec::new(),
                not_published: Vec::new(),
                placeholders: Vec::new(),
                verified_on: p.verified_on.as_ref().map(|d| d.value),
                verified_days_ago: p
                    .verified_on
                    .as_ref()
                    .map(|d| now - d.value.days_since_epoch()),
                sources: p.sources.len(),
                stale_sources: p
                    .sources
                    .iter()
                    .filter_map(|s| {
                        let on = s.retrieved_on.as_ref()?.value;
                        let days_ago = now - on.days_since_epoch();
                        (days_ago > options.stale_days).then(|| StaleSource {
                            title: s.title.to_string(),
                            retrieved_on: on,
                            days_ago,
                        })
                    })
                    .collect(),
                complete: false,
            };
            for (key, missing) in p.missing_parts() {
                match missing.status {
                    MissingStatus::Unknown => row.unknown.push(key),
                    MissingStatus::NotPublished => row.not_published.push(key),
                }
            }
            if p.code.value.starts_with(Procedure::TEMPORARY_CODE_PREFIX) {
                row.placeholders.push("code");
            }
            let stale = row.verified_days_ago.is_none_or(|d| d > options.stale_days);
            row.complete = row.unknown.is_empty()
                && row.not_published.is_empty()
                && row.placeholders.is_empty()
                && !stale
                && row.stale_sources.is_empty();
            row
        })
        .collect();
    records.sort_by(|a, b| a.file.cmp(&b.file));
    for row in &records {
        totals.records += 1;
        totals.complete += usize::from(row.complete);
        totals.with_unknown += usize::from(!row.unknown.is_empty());
        totals.with_not_published += usize::from(!row.not_published.is_empty());
        totals.with_placeholders += usize::from(!row.placeholders.is_empty());
        match row.verified_days_ago {
            None => totals.never_verified += 1,
            Some(days) if days > options.stale_days => totals.verified_long_ago += 1,
            Some(_) => {}
        }
        totals.without_sources += usize::from(row.sources == 0);
        totals.with_stale_sources += usize::from(!row.stale_sources.is_empty());
        for part in &mut parts {
            part.unknown += usize::from(row.unknown.contains(&part.key));
            part.not_published += usize::from(row.not_published.contains(&part.key));
        }
    }

    // A record that does not read: its first error, and how many it has.
    let mut broken: BTreeMap<&str, Vec<&crate::diagnostics::Diagnostic>> = BTreeMap::new();
    for d in loaded.diagnostics.sorted() {
        if d.severity == Severity::Error && d.file.starts_with("content/procedures/") {
            broken.entry(d.file.as_str()).or_default().push(d);
        }
    }
    let read: std::collections::HashSet<&str> =
        loaded.records.iter().map(|r| r.file.as_str()).collect();
    let unreadable: Vec<Unreadable> = broken
        .into_iter()
        .filter(|(file, _)| !read.contains(file))
        .map(|(file, list)| Unreadable {
            file: file.to_owned(),
            line: list[0].position.map(|p| p.line),
            error: list[0].text(lang).message,
            errors: list.len(),
        })
        .collect();
    totals.unreadable = unreadable.len();

    Report {
        version: VERSION,
        date: options.now,
        stale_days: options.stale_days,
        totals,
        parts,
        records,
        unreadable,
    }
}

/// The name of a part in `lang`: the label editors know in Vietnamese, the key in English.
fn part_label(key: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => labels::key_label(key).unwrap_or(key),
        Lang::En => key,
    }
}

/// The report's words in one language.
#[derive(Debug, Serialize)]
pub struct Words {
    /// The title.
    pub title: &'static str,
    /// "for the day".
    pub date: &'static str,
    /// "records", "complete", …: the totals' names, in [`Totals`]' order.
    pub records: &'static str,
    pub complete: &'static str,
    pub with_unknown: &'static str,
    pub with_not_published: &'static str,
    pub with_placeholders: &'static str,
    pub verified_long_ago: &'static str,
    pub never_verified: &'static str,
    pub without_sources: &'static str,
    pub with_stale_sources: &'static str,
    pub unreadable: &'static str,
    /// Table headings.
    pub part: &'static str,
    pub unknown: &'static str,
    pub not_published: &'static str,
    pub code: &'static str,
    pub procedure: &'static str,
    pub placeholders: &'static str,
    pub verified_on: &'static str,
    pub stale_sources: &'static str,
    pub file: &'static str,
    pub error: &'static str,
    /// Section headings.
    pub totals: &'static str,
    pub by_part: &'static str,
    pub to_do: &'static str,
    pub nothing_to_do: &'static str,
    /// "days ago", "never", "older than {n} days is stale".
    pub days_ago: &'static str,
    pub never: &'static str,
    pub stale_after: &'static str,
    /// What a placeholder code is.
    pub placeholder_code: &'static str,
    /// "errors".
    pub errors: &'static str,
}

impl Words {
    /// The words of `lang`.
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

static VI: Words = Words {
    title: "Báo cáo mức độ đầy đủ của danh mục thủ tục hành chính",
    date: "Tính đến ngày",
    records: "Số thủ tục",
    complete: "Đủ thông tin, đã rà soát",
    with_unknown: "Có phần chưa có thông tin",
    with_not_published: "Có phần chưa công bố",
    with_placeholders: "Còn nội dung giữ chỗ",
    verified_long_ago: "Rà soát đã quá hạn",
    never_verified: "Chưa ghi ngày rà soát",
    without_sources: "Chưa ghi nguồn thông tin",
    with_stale_sources: "Có nguồn lấy đã lâu",
    unreadable: "Tệp không đọc được",
    part: "Phần thông tin",
    unknown: "Chưa có thông tin",
    not_published: "Chưa công bố",
    code: "Mã thủ tục",
    procedure: "Tên thủ tục",
    placeholders: "Giữ chỗ",
    verified_on: "Rà soát lần cuối",
    stale_sources: "Nguồn lấy đã lâu",
    file: "Tệp",
    error: "Lỗi đầu tiên",
    totals: "Tổng hợp",
    by_part: "Theo từng phần thông tin",
    to_do: "Các thủ tục cần bổ sung, rà soát",
    nothing_to_do: "Mọi thủ tục đều đủ thông tin và đã được rà soát.",
    days_ago: "ngày trước",
    never: "chưa rà soát",
    stale_after: "ngày rà soát và nguồn cũ hơn {n} ngày là quá hạn",
    placeholder_code: "mã tạm",
    errors: "lỗi",
};

static EN: Words = Words {
    title: "Completeness report of the catalogue of administrative procedures",
    date: "As of",
    records: "Procedures",
    complete: "Complete and checked",
    with_unknown: "With a part not known",
    with_not_published: "With a part not published",
    with_placeholders: "With a placeholder left",
    verified_long_ago: "Checked too long ago",
    never_verified: "No check date",
    without_sources: "No source named",
    with_stale_sources: "With a source read long ago",
    unreadable: "Files that do not read",
    part: "Part",
    unknown: "Not known",
    not_published: "Not published",
    code: "Code",
    procedure: "Procedure",
    placeholders: "Placeholders",
    verified_on: "Last checked",
    stale_sources: "Sources read long ago",
    file: "File",
    error: "First error",
    totals: "Totals",
    by_part: "By part",
    to_do: "Procedures to complete or check",
    nothing_to_do: "Every procedure is complete and checked.",
    days_ago: "days ago",
    never: "never checked",
    stale_after: "checks and sources older than {n} days are stale",
    placeholder_code: "temporary code",
    errors: "errors",
};

impl Report {
    /// The rule of staleness, said.
    fn stale_after(&self, w: &Words) -> String {
        w.stale_after.replace("{n}", &self.stale_days.to_string())
    }

    /// The totals, named, in order.
    fn named_totals(&self, w: &Words) -> [(&'static str, usize); 10] {
        let t = &self.totals;
        [
            (w.records, t.records),
            (w.complete, t.complete),
            (w.with_unknown, t.with_unknown),
            (w.with_not_published, t.with_not_published),
            (w.with_placeholders, t.with_placeholders),
            (w.verified_long_ago, t.verified_long_ago),
            (w.never_verified, t.never_verified),
            (w.without_sources, t.without_sources),
            (w.with_stale_sources, t.with_stale_sources),
            (w.unreadable, t.unreadable),
        ]
    }

    /// The labels of `keys` in `lang`, joined.
    fn labels(keys: &[&'static str], lang: Lang) -> String {
        let labels: Vec<&str> = keys.iter().map(|k| part_label(k, lang)).collect();
        labels.join("; ")
    }

    /// When a record was last checked, as the report says it.
    fn verified(row: &RecordRow, w: &Words) -> String {
        match (row.verified_on, row.verified_days_ago) {
            (Some(on), Some(days)) => format!("{} ({days} {})", on.vi(), w.days_ago),
            _ => w.never.to_owned(),
        }
    }

    /// The report as plain text, for a terminal or an e-mail.
    pub fn to_text(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let w = Words::of(lang);
        let mut out = String::new();
        let _ = writeln!(out, "{}", w.title);
        let _ = writeln!(
            out,
            "{} {}; {}\n",
            w.date,
            self.date.vi(),
            self.stale_after(w)
        );
        let _ = writeln!(out, "{}", w.totals);
        let totals = self.named_totals(w);
        let width = totals
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0);
        for (name, count) in totals {
            let _ = writeln!(out, "  {name:<width$}  {count:>6}");
        }
        let _ = writeln!(out, "\n{}", w.by_part);
        let width = self
            .parts
            .iter()
            .map(|p| p.label.chars().count())
            .chain([w.part.chars().count()])
            .max()
            .unwrap_or(0);
        let _ = writeln!(
            out,
            "  {:<width$}  {:>17}  {:>17}",
            w.part, w.unknown, w.not_published
        );
        for part in &self.parts {
            let _ = writeln!(
                out,
                "  {:<width$}  {:>17}  {:>17}",
                part.label, part.unknown, part.not_published
            );
        }
        let _ = writeln!(out, "\n{}", w.to_do);
        let to_do: Vec<&RecordRow> = self.records.iter().filter(|r| !r.complete).collect();
        if to_do.is_empty() && self.unreadable.is_empty() {
            let _ = writeln!(out, "  {}", w.nothing_to_do);
        }
        for row in to_do {
            let _ = writeln!(out, "  {}  {}  ({})", row.code, row.title, row.file);
            if !row.unknown.is_empty() {
                let _ = writeln!(
                    out,
                    "    {}: {}",
                    w.unknown,
                    Self::labels(&row.unknown, lang)
                );
            }
            if !row.not_published.is_empty() {
                let _ = writeln!(
                    out,
                    "    {}: {}",
                    w.not_published,
                    Self::labels(&row.not_published, lang)
                );
            }
            if !row.placeholders.is_empty() {
                let _ = writeln!(out, "    {}: {}", w.placeholders, w.placeholder_code);
            }
            if row.verified_days_ago.is_none_or(|d| d > self.stale_days) {
                let _ = writeln!(out, "    {}: {}", w.verified_on, Self::verified(row, w));
            }
            for source in &row.stale_sources {
                let _ = writeln!(
                    out,
                    "    {}: {}, {} ({} {})",
                    w.stale_sources,
                    source.title,
                    source.retrieved_on.vi(),
                    source.days_ago,
                    w.days_ago
                );
            }
        }
        if !self.unreadable.is_empty() {
            let _ = writeln!(out, "\n{}", w.unreadable);
            for u in &self.unreadable {
                let at = u.line.map(|l| format!(":{l}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {}{at}: {} ({} {})",
                    u.file, u.error, u.errors, w.errors
                );
            }
        }
        out
    }

    /// The report as one self-contained HTML page (styles inline, nothing to fetch), to send
    /// or print.
    pub fn to_html(&self, lang: Lang) -> Result<String, tera::Error> {
        let w = Words::of(lang);
        let rows: Vec<serde_json::Value> = self
            .records
            .iter()
            .filter(|r| !r.complete)
            .map(|r| {
                serde_json::json!({
                    "code": r.code,
                    "title": r.title,
                    "file": r.file,
                    "unknown": Self::labels(&r.unknown, lang),
                    "not_published": Self::labels(&r.not_published, lang),
                    "placeholders": if r.placeholders.is_empty() { "" } else { w.placeholder_code },
                    "verified": Self::verified(r, w),
                    "verified_stale": r.verified_days_ago.is_none_or(|d| d > self.stale_days),
                    "stale_sources": r.stale_sources.iter()
                        .map(|s| format!("{} ({})", s.title, s.retrieved_on.vi()))
                        .collect::<Vec<_>>()
                        .join("; "),
                })
            })
            .collect();
        let mut context = tera::Context::new();
        context.insert("w", w);
        context.insert(
            "lang",
            match lang {
                Lang::Vi => "vi",
                Lang::En => "en",
            },
        );
        context.insert("date", &self.date.vi());
        context.insert("stale_after", &self.stale_after(w));
        context.insert("totals", &self.named_totals(w));
        context.insert("parts", &self.parts);
        context.insert("rows", &rows);
        context.insert("unreadable", &self.unreadable);
        tera::Tera::one_off(include_str!("report.html"), &context, true)
    }
}
