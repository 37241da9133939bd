//! Diagnostics: what went wrong in the editor's content, where, and what to write instead.
//!
//! Every problem a user can cause becomes a [`Diagnostic`] with a stable [`Code`], the file and
//! position it comes from, a message, an optional label for the caret and a `help:` line. The
//! pipeline collects all of them before it stops, so an editor sees every mistake of a build at
//! once, rendered rustc-style for terminals ([`Diagnostics::render_terminal`]) or as JSON for tools
//! ([`Diagnostics::to_json`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

mod vi;

/// Stable diagnostic codes. The number never changes meaning once released; new problems get new
/// numbers. `congkhai check --format json` exposes them to tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Code {
    /// A file could not be read.
    CK001,
    /// YAML syntax error.
    CK002,
    /// A Markdown record's front matter is not closed by a `---` line.
    CK003,
    /// A required key is missing.
    CK010,
    /// A key that is not part of the record format.
    CK011,
    /// A value of the wrong type.
    CK012,
    /// A value outside its allowed set (enumerations).
    CK013,
    /// A key appears twice in the same mapping.
    CK014,
    /// An invalid date.
    CK015,
    /// Any other invalid value.
    CK016,
    /// A link that browsers would run as a script (`javascript:`, `vbscript:`, `data:`) or that
    /// congkhai does not publish: only `https:`, `http:`, `mailto:`, `tel:` and paths on the
    /// site are allowed ([`crate::links`]).
    CK017,
    /// A name too long for a file: a title, slug, id, code or form file name that becomes a
    /// path component longer than the file system allows (255 bytes), or a page path longer
    /// than it allows.
    CK018,
    /// A file beyond a limit of the YAML reader: a list too long, nesting too deep, too many
    /// aliases, too much text.
    CK019,
    /// Two records share a procedure code.
    CK020,
    /// Two records or free pages would be published at the same URL, or a free page at a
    /// route the site itself uses.
    CK021,
    /// A `field` id that `fields.yaml` does not define.
    CK022,
    /// A form id that the record's `forms` does not define.
    CK023,
    /// A fee id that the record's `fees` does not define.
    CK024,
    /// An officer id that `site.yaml` does not define.
    CK025,
    /// A related or replaced procedure code that no record has.
    CK026,
    /// A form file that does not exist or leaves `content/`.
    CK027,
    /// `effective_to` is not after `effective_from`, or a status contradicts the dates.
    CK028,
    /// Duplicate ids inside one list (fees, forms, fields, officers).
    CK029,
    /// Site configuration problem (`site.yaml`, `fields.yaml`, stats).
    CK030,
    /// Statistics that do not add up.
    CK031,
    /// Warning: a required part of a record is stated as `unknown`.
    CK032,
    /// Warning: a required part of a record is stated as `not_published`.
    CK033,
    /// A fee's unit names another currency than the fee's `currency` ("USD/bản" in đồng).
    CK034,
    /// A fee has both `amount` and `tiers`.
    CK035,
    /// A file of `content/static/` whose path cannot be published (a colon, a backslash, a
    /// control character).
    CK043,
    /// Warning: the record was last verified more than a year ago.
    CK040,
    /// Warning: an officer no procedure refers to.
    CK041,
    /// Warning: a procedure without a plain-language guide or keywords.
    CK042,
    /// Theme or template error.
    CK050,
}

impl Code {
    /// The code as printed, `CK012`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::CK001 => "CK001",
            Code::CK002 => "CK002",
            Code::CK003 => "CK003",
            Code::CK010 => "CK010",
            Code::CK011 => "CK011",
            Code::CK012 => "CK012",
            Code::CK013 => "CK013",
            Code::CK014 => "CK014",
            Code::CK015 => "CK015",
            Code::CK016 => "CK016",
            Code::CK017 => "CK017",
            Code::CK018 => "CK018",
            Code::CK019 => "CK019",
            Code::CK020 => "CK020",
            Code::CK021 => "CK021",
            Code::CK022 => "CK022",
            Code::CK023 => "CK023",
            Code::CK024 => "CK024",
            Code::CK025 => "CK025",
            Code::CK026 => "CK026",
            Code::CK027 => "CK027",
            Code::CK028 => "CK028",
            Code::CK029 => "CK029",
            Code::CK030 => "CK030",
            Code::CK031 => "CK031",
            Code::CK032 => "CK032",
            Code::CK033 => "CK033",
            Code::CK034 => "CK034",
            Code::CK035 => "CK035",
            Code::CK043 => "CK043",
            Code::CK040 => "CK040",
            Code::CK041 => "CK041",
            Code::CK042 => "CK042",
            Code::CK050 => "CK050",
        }
    }
}

/// The language diagnostics are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese.
    Vi,
    /// English (the language they are written in).
    #[default]
    En,
}

impl Lang {
    /// Vietnamese for a Vietnamese site, English otherwise.
    pub fn for_site(language: &str) -> Lang {
        if language.eq_ignore_ascii_case("vi") || language.to_ascii_lowercase().starts_with("vi-") {
            Lang::Vi
        } else {
            Lang::En
        }
    }
}

/// Whether a diagnostic stops the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build fails.
    Error,
    /// Reported; the build goes on.
    Warning,
}

/// A 1-based line and column in a source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Position {
    /// A position from serde-saphyr's location, shifted by `line_offset` lines (the front matter
    /// of a Markdown record starts after its opening `---`).
    pub fn from_location(location: &serde_saphyr::Location, line_offset: u32) -> Option<Position> {
        let line = u32::try_from(location.line()).ok()?;
        let column = u32::try_from(location.column()).ok()?;
        (line > 0).then_some(Position {
            line: line + line_offset,
            column: column.max(1),
        })
    }
}

/// One problem in the content, with enough context for an editor to fix it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root, with `/` separators.
    pub file: String,
    /// Where in the file, when known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// A short note under the caret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What to write instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.into(),
            position: None,
            message: message.into(),
            label: None,
            help: None,
        }
    }

    /// A warning in `file`.
    pub fn warning(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    /// Sets the position.
    pub fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    /// Sets the position from a serde-saphyr location.
    pub fn at_location(self, location: &serde_saphyr::Location, line_offset: u32) -> Self {
        self.at(Position::from_location(location, line_offset))
    }

    /// Sets the caret label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// All diagnostics of a run, and the sources they point into (for snippets).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<String, String>,
    /// Where files without a kept source are read from when a snippet quotes them: the site
    /// root. Records that parsed are not kept in memory (46 MB at 10,000 records), since few
    /// builds ever quote one.
    root: Option<PathBuf>,
    /// The language of the words around the messages ("error", "help").
    lang: Lang,
    /// Files that could not be read or parsed, with the procedure code a broken record
    /// declares (read from its `code:` line) when it has one. Their diagnostics are the causes:
    /// shown first, and what only follows from them is summarised ([`Diagnostics::settle`]).
    broken: BTreeMap<String, Option<String>>,
}

/// `site.yaml`, which defines the officers records refer to.
pub const SITE_FILE: &str = "content/site.yaml";
/// `fields.yaml`, which defines the fields records belong to.
pub const FIELDS_FILE: &str = "content/fields.yaml";

impl Diagnostics {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Remembers the text of `file` so that snippets can quote it.
    pub fn add_source(&mut self, file: &str, text: &str) {
        if !self.sources.contains_key(file) {
            self.sources.insert(file.to_owned(), text.to_owned());
        }
    }

    /// [`Diagnostics::add_source`] for strings the caller no longer needs: nothing is copied.
    pub fn add_source_owned(&mut self, file: String, text: String) {
        self.sources.entry(file).or_insert(text);
    }

    /// Reads the files that have no kept source from under `root` (paths of diagnostics are
    /// relative to it) when a snippet needs them.
    pub fn read_sources_from(&mut self, root: &Path) {
        self.root = Some(root.to_path_buf());
    }

    /// The text of `file`: kept, or read from under the root. `None` when neither has it.
    fn source(&self, file: &str) -> Option<Cow<'_, str>> {
        if let Some(text) = self.sources.get(file) {
            return Some(Cow::Borrowed(text));
        }
        let root = self.root.as_ref()?;
        std::fs::read_to_string(root.join(file))
            .ok()
            .map(Cow::Owned)
    }

    /// Adds the error of a file that could not be read or parsed (see [`Diagnostics::mark_broken`]).
    pub fn push_broken(&mut self, diagnostic: Diagnostic) {
        self.broken.entry(diagnostic.file.clone()).or_insert(None);
        self.items.push(diagnostic);
    }

    /// Notes that `file` could not be read or parsed; `code` is the procedure code it declares,
    /// when it is a record and one can be read from it.
    pub fn mark_broken(&mut self, file: &str, code: Option<String>) {
        self.broken.insert(file.to_owned(), code);
    }

    /// Replaces the errors that only follow from a broken file by one summary per broken file
    /// and kind: every "unknown officer" while `site.yaml` does not parse, every "unknown
    /// field" while `fields.yaml` does not, every "no procedure has the code" naming the code
    /// of a record that does not parse. They would go away with the fix of that file, and 62
    /// of them bury the one error that matters. Run once all diagnostics are in.
    pub fn settle(&mut self) {
        if self.broken.is_empty() {
            return;
        }
        let site = self.broken.contains_key(SITE_FILE);
        let fields = self.broken.contains_key(FIELDS_FILE);
        let codes: HashMap<String, String> = self
            .broken
            .iter()
            .filter_map(|(file, code)| Some((code.clone()?, file.clone())))
            .collect();
        // (broken file, code of the dependants, what they refer to) → how many.
        let mut waiting: BTreeMap<(String, Code, Waits), usize> = BTreeMap::new();
        self.items.retain(|d| {
            let cause = match d.code {
                Code::CK025
                    if site
                        && d.file != SITE_FILE
                        && d.message.starts_with("unknown officer `") =>
                {
                    Some((SITE_FILE.to_owned(), Waits::Officers))
                }
                Code::CK022
                    if fields
                        && d.file != FIELDS_FILE
                        && d.message.starts_with("unknown field `") =>
                {
                    Some((FIELDS_FILE.to_owned(), Waits::Fields))
                }
                Code::CK026 => d
                    .message
                    .strip_prefix("no procedure has the code `")
                    .and_then(|rest| rest.strip_suffix('`'))
                    .and_then(|code| {
                        Some((codes.get(code)?.clone(), Waits::Code(code.to_owned())))
                    }),
                _ => None,
            };
            match cause {
                Some((file, waits)) => {
                    *waiting.entry((file, d.code, waits)).or_default() += 1;
                    false
                }
                None => true,
            }
        });
        for ((file, code, waits), n) in waiting {
            let what = match &waits {
                Waits::Officers if n == 1 => "1 reference to an officer waits on".to_owned(),
                Waits::Officers => format!("{n} references to officers wait on"),
                Waits::Fields if n == 1 => "1 reference to a field waits on".to_owned(),
                Waits::Fields => format!("{n} references to fields wait on"),
                Waits::Code(c) if n == 1 => format!("1 reference to the code `{c}` waits on"),
                Waits::Code(c) => format!("{n} references to the code `{c}` wait on"),
            };
            let help = match waits {
                Waits::Officers => {
                    "the records' `officers:` are checked once content/site.yaml reads without errors"
                }
                Waits::Fields => {
                    "the records' `field:` is checked once content/fields.yaml reads without errors"
                }
                Waits::Code(_) => {
                    "`related` and `replaces` are checked once the record with that code reads without errors"
                }
            };
            let message = format!("{what} {file}; fix it first");
            self.items
                .push(Diagnostic::error(code, file, message).help(help));
        }
    }

    /// Adds several diagnostics.
    pub fn extend_items(&mut self, items: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(items);
    }

    /// The same diagnostics in `lang`: messages, labels and helps translated where the table
    /// of [`vi`] has them, and the words of the rendering ("lỗi", "gợi ý").
    pub fn localized(&self, lang: Lang) -> Diagnostics {
        let mut out = self.clone();
        out.lang = lang;
        if lang == Lang::Vi {
            for d in &mut out.items {
                if let Some(m) =
                    vi::translate(d.code, &d.message).or_else(|| vi::fallback(d.code, &d.message))
                {
                    d.message = m;
                }
                for text in [&mut d.label, &mut d.help].into_iter().flatten() {
                    if let Some(t) = vi::translate(d.code, text) {
                        *text = t;
                    }
                }
            }
        }
        out
    }

    /// Moves everything from `other` into `self`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        for (file, text) in other.sources {
            self.sources.entry(file).or_insert(text);
        }
        if self.root.is_none() {
            self.root = other.root;
        }
        self.broken.extend(other.broken);
    }

    /// The diagnostics in a stable order, causes first: the files that could not be read or
    /// parsed (their own errors, then the summaries of what waits on them), then the others;
    /// each by file, position, code.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        let key = |d: &Diagnostic| {
            let broken = self.broken.contains_key(&d.file);
            (!broken, broken && d.position.is_none())
        };
        items.sort_by(|a, b| {
            (key(a), &a.file, a.position, a.code, &a.message).cmp(&(
                key(b),
                &b.file,
                b.position,
                b.code,
                &b.message,
            ))
        });
        items.dedup();
        items
    }

    /// Every diagnostic, unsorted.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// Distinct diagnostics of `severity` (the same problem reported twice counts once, as in
    /// [`Diagnostics::sorted`]), without sorting them all.
    fn count(&self, severity: Severity) -> usize {
        let mut seen = std::collections::HashSet::new();
        self.items
            .iter()
            .filter(|d| d.severity == severity)
            .filter(|d| seen.insert((&d.file, d.position, d.code, &d.message, &d.label, &d.help)))
            .count()
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// True when there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// rustc-style text: code, `--> file:line:col`, the line with a caret, `= help:`.
    pub fn render_terminal(&self, color: bool) -> String {
        let mut out = String::new();
        // Sorted by file, so one read serves every diagnostic of a file.
        let mut source: Option<(&str, Option<Cow<'_, str>>)> = None;
        for diagnostic in self.sorted() {
            if source
                .as_ref()
                .is_none_or(|(file, _)| *file != diagnostic.file)
            {
                source = Some((&diagnostic.file, self.source(&diagnostic.file)));
            }
            let text = source.as_ref().and_then(|(_, text)| text.as_deref());
            render_one(&mut out, diagnostic, text, color, self.lang);
            out.push('\n');
        }
        out
    }

    /// The diagnostics as a JSON array (stable order), for editors and CI tools.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.sorted()).unwrap_or_else(|_| "[]".to_owned())
    }

    /// GitHub Actions workflow commands, one per line, so that a pull request shows each error
    /// on its line.
    pub fn to_github(&self) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = write!(out, "::{kind} file={}", escape_property(&d.file));
            if let Some(p) = d.position {
                let _ = write!(out, ",line={},col={}", p.line, p.column);
            }
            let _ = write!(out, ",title={}::", d.code.as_str());
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(match self.lang {
                    Lang::Vi => "\ngợi ý: ",
                    Lang::En => "\nhelp: ",
                });
                message.push_str(help);
            }
            out.push_str(&escape_data(&message));
            out.push('\n');
        }
        out
    }
}

/// What a summary of [`Diagnostics::settle`] says its errors refer to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Waits {
    Officers,
    Fields,
    Code(String),
}

/// Characters of a source line shown in a snippet: a 10 MB line is quoted as a window around
/// the column, not whole.
const SNIPPET_WIDTH: usize = 120;
/// Of which before the column, when the line is cut.
const SNIPPET_BEFORE: usize = 40;
/// Characters of a message, label or help shown (values quoted in them can be huge).
const MESSAGE_WIDTH: usize = 400;

/// The part of `line` a snippet shows, with `…` where it is cut (on character boundaries), and
/// the 1-based column of `column` in it.
fn snippet_window(line: &str, column: usize) -> (Cow<'_, str>, usize) {
    let count = line.chars().count();
    if count <= SNIPPET_WIDTH {
        return (Cow::Borrowed(line), column);
    }
    let at = column.saturating_sub(1).min(count);
    let start = at.saturating_sub(SNIPPET_BEFORE).min(count - SNIPPET_WIDTH);
    let end = (start + SNIPPET_WIDTH).min(count);
    let mut out = String::with_capacity(SNIPPET_WIDTH * 4 + 6);
    if start > 0 {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(end - start));
    if end < count {
        out.push('…');
    }
    (Cow::Owned(out), at - start + 1 + usize::from(start > 0))
}

/// `text` cut to [`MESSAGE_WIDTH`] characters, with `…` where it is cut.
fn shorten(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MESSAGE_WIDTH) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn render_one(out: &mut String, d: &Diagnostic, source: Option<&str>, color: bool, lang: Lang) {
    let vi = lang == Lang::Vi;
    let (kind, paint) = match d.severity {
        Severity::Error => (if vi { "lỗi" } else { "error" }, "\x1b[1;31m"),
        Severity::Warning => (if vi { "cảnh báo" } else { "warning" }, "\x1b[1;33m"),
    };
    let (note_word, help_word) = if vi {
        ("ghi chú", "gợi ý")
    } else {
        ("note", "help")
    };
    let (bold, blue, reset) = if color {
        ("\x1b[1m", "\x1b[1;34m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let paint = if color { paint } else { "" };
    let _ = writeln!(
        out,
        "{paint}{kind}[{}]{reset}{bold}: {}{reset}",
        d.code.as_str(),
        shorten(&d.message)
    );
    let line_text = d.position.and_then(|p| {
        // Positions are 1-based; a line 0 (an unknown position) has no source line.
        let index = (p.line as usize).checked_sub(1)?;
        source.and_then(|s| s.lines().nth(index))
    });
    let gutter = d
        .position
        .map(|p| p.line.to_string().len())
        .unwrap_or(1)
        .max(1);
    let pad = " ".repeat(gutter);
    match d.position {
        Some(p) => {
            let _ = writeln!(
                out,
                "{pad}{blue}-->{reset} {}:{}:{}",
                d.file, p.line, p.column
            );
        }
        None => {
            let _ = writeln!(out, "{pad}{blue}-->{reset} {}", d.file);
        }
    }
    let label = d.label.as_deref().map(shorten);
    if let (Some(p), Some(text)) = (d.position, line_text) {
        let line = text.trim_end_matches('\r');
        let (text, column) = snippet_window(line, p.column as usize);
        let text = &*text;
        let _ = writeln!(out, "{pad} {blue}|{reset}");
        let _ = writeln!(out, "{blue}{}{reset} {blue}|{reset} {text}", p.line);
        let before: String = text
            .chars()
            .take(column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        // A quoted value cut by the window ends at its `…`, not under it.
        let shown = text
            .chars()
            .count()
            .saturating_sub(column.saturating_sub(1));
        let width = caret_width(text, column)
            .min(shown.saturating_sub(usize::from(text.ends_with('…') && text != line)))
            .max(1);
        let carets = "^".repeat(width);
        match &label {
            Some(label) => {
                let _ = writeln!(
                    out,
                    "{pad} {blue}|{reset} {before}{paint}{carets} {label}{reset}"
                );
            }
            None => {
                let _ = writeln!(out, "{pad} {blue}|{reset} {before}{paint}{carets}{reset}");
            }
        }
    } else if let Some(label) = &label {
        let _ = writeln!(out, "{pad} {blue}={reset} {note_word}: {label}");
    }
    if let Some(help) = &d.help {
        let help = shorten(help);
        let _ = writeln!(out, "{pad} {blue}={reset} {bold}{help_word}{reset}: {help}");
    }
}

/// How many characters the caret covers: the key or scalar starting at `column`.
fn caret_width(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    if rest.is_empty() {
        return 1;
    }
    let stop = |c: &char| matches!(c, ':' | ',' | '}' | ']' | '#') || c.is_whitespace();
    let width = if rest[0] == '"' || rest[0] == '\'' {
        let quote = rest[0];
        rest[1..]
            .iter()
            .position(|c| *c == quote)
            .map_or(rest.len(), |i| i + 2)
    } else {
        rest.iter().take_while(|c| !stop(c)).count()
    };
    width.max(1)
}

/// The suggestion closest to `input` among `candidates`, if any is close enough to be a likely
/// misspelling (Jaro-Winkler on folded text, so missing tone marks still match).
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let folded = crate::vi::fold(input);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&folded, &crate::vi::fold(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// `path` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `diagnostics_render` fuzz target: a position at line 0 or column 0 (an
    /// unknown one) with a quoted source overflowed a subtraction.
    #[test]
    fn a_position_at_line_or_column_zero_renders() {
        for (line, column) in [(0, 0), (0, 5), (1, 0)] {
            let mut all = Diagnostics::new();
            all.push(
                Diagnostic::error(Code::CK002, "a.yaml", "broken")
                    .at(Some(Position { line, column })),
            );
            all.add_source("a.yaml", "key: value\n");
            let text = all.render_terminal(false);
            assert!(text.contains("a.yaml"), "{text}");
        }
    }

    #[test]
    fn terminal_rendering_has_code_location_caret_and_help() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.add_source("a.yaml", "code: \"1\"\nphi: 8000\n");
        diagnostics.push(
            Diagnostic::error(Code::CK011, "a.yaml", "unknown key `phi`")
                .at(Some(Position { line: 2, column: 1 }))
                .label("not a key of a procedure")
                .help("did you mean `fees`?"),
        );
        let text = diagnostics.render_terminal(false);
        assert!(text.contains("error[CK011]: unknown key `phi`"), "{text}");
        assert!(text.contains("--> a.yaml:2:1"), "{text}");
        assert!(text.contains("2 | phi: 8000"), "{text}");
        assert!(text.contains("| ^^^ not a key of a procedure"), "{text}");
        assert!(text.contains("= help: did you mean `fees`?"), "{text}");
    }

    #[test]
    fn a_long_line_is_quoted_as_a_window_with_the_caret_under_its_column() {
        let line = format!("{}X{}", "ä".repeat(3000), "ö".repeat(3000));
        let mut diagnostics = Diagnostics::new();
        diagnostics.add_source("a.yaml", &format!("{line}\n"));
        diagnostics.push(
            Diagnostic::error(Code::CK002, "a.yaml", "here")
                .at(Some(Position {
                    line: 1,
                    column: 3001,
                }))
                .label("this one")
                .help("fix it"),
        );
        let text = diagnostics.render_terminal(false);
        let quoted = text.lines().find(|l| l.starts_with("1 | ")).unwrap();
        let caret = text.lines().find(|l| l.contains('^')).unwrap();
        assert!(
            quoted.starts_with("1 | …ä") && quoted.ends_with("ö…"),
            "{quoted}"
        );
        assert!(quoted.chars().count() <= SNIPPET_WIDTH + 6, "{quoted}");
        let x = quoted.chars().position(|c| c == 'X').unwrap();
        assert_eq!(caret.chars().position(|c| c == '^'), Some(x), "{text}");
        assert!(caret.ends_with("^ this one"), "{caret}");
        // A short line is quoted whole.
        assert_eq!(snippet_window("code: 1", 7), (Cow::Borrowed("code: 1"), 7));
        // The end of a line: no `…` after it.
        let (window, column) = snippet_window(&line, 6001);
        assert!(window.starts_with('…') && window.ends_with('ö'), "{window}");
        assert_eq!(window.chars().count(), SNIPPET_WIDTH + 1);
        assert_eq!(column, SNIPPET_WIDTH + 1);
    }

    #[test]
    fn did_you_mean_suggests_the_close_key() {
        let keys = ["fees", "forms", "field", "results"];
        assert_eq!(did_you_mean("feess", keys), Some("fees"));
        assert_eq!(did_you_mean("xyzzy", keys), None);
    }

    #[test]
    fn github_annotations_escape_newlines() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(
            Diagnostic::error(Code::CK010, "a.yaml", "missing `title`")
                .at(Some(Position { line: 1, column: 1 }))
                .help("add it"),
        );
        assert_eq!(
            diagnostics.to_github(),
            "::error file=a.yaml,line=1,col=1,title=CK010::missing `title`%0Ahelp: add it\n"
        );
    }
}
