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

#[macro_use]
mod macros;
pub mod line;
pub mod message;

pub use line::Line;

pub use message::{
    EntryProblem, Expected, FormPath, Found, Ids, Limit, Message, NameOf, Syntax, Text, Thing,
    Waits,
};

codes! {
    /// Stable diagnostic codes. The number never changes meaning once released; new problems get
    /// new numbers. `congkhai check --format json` exposes them to tools. Each is declared once,
    /// here: its name is what is printed ([`Code::as_str`]), and [`Code::ALL`] lists them.
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
        /// A source of a record that cannot be right: `covers` names no part, `sha256` is not
        /// a hash.
        CK036,
        /// A file of `content/static/` whose path cannot be published (a colon, a backslash, a
        /// control character).
        CK043,
        /// Warning: a date that has come or passed contradicts what the record or site.yaml
        /// says (an `upcoming` procedure that applies already, an end date passed, a future
        /// `verified_on`, a closure that is over).
        CK044,
        /// Warning: a placeholder `congkhai new` wrote is still there (the temporary code).
        CK045,
        /// Warning: the record was last verified more than a year ago.
        CK040,
        /// Warning: an officer no procedure refers to.
        CK041,
        /// Warning: a procedure without a plain-language guide or keywords.
        CK042,
        /// Theme or template error.
        CK050,
    }
}

impl Code {
    /// Whether problems of this code stop the build: CK032, CK033, CK040–CK042, CK044 and
    /// CK045 are warnings.
    pub fn severity(self) -> Severity {
        match self {
            Code::CK032
            | Code::CK033
            | Code::CK040
            | Code::CK041
            | Code::CK042
            | Code::CK044
            | Code::CK045 => Severity::Warning,
            _ => Severity::Error,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

/// One problem in the content, with enough context for an editor to fix it: a [`Message`] (the
/// kind of problem and its values), where it is, and the code and severity of its kind. Its
/// words are chosen when it is shown ([`Diagnostic::text`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Stable code: `message.code()`.
    pub code: Code,
    /// Error or warning: the code's.
    pub severity: Severity,
    /// The file, relative to the site root, with `/` separators.
    pub file: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, typed (boxed: the largest kinds carry several texts, and a diagnostic
    /// travels in the `Err` of many results).
    pub message: Box<Message>,
}

impl Diagnostic {
    /// The diagnostic of `message` in `file`, with the code and severity of its kind.
    pub fn new(file: impl Into<String>, message: Message) -> Self {
        let code = message.code();
        Diagnostic {
            code,
            severity: code.severity(),
            file: file.into(),
            position: None,
            message: Box::new(message),
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

    /// The message, caret label and help in `lang`.
    pub fn text(&self, lang: Lang) -> Text {
        self.message.render(lang)
    }
}

/// A diagnostic as JSON shows it: its words in one language.
#[derive(Serialize)]
struct Rendered<'a> {
    code: Code,
    severity: Severity,
    file: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
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
        // (broken file, what the dependants refer to) → how many.
        let mut waiting: BTreeMap<(String, Waits), usize> = BTreeMap::new();
        self.items.retain(|d| {
            let cause = match d.message.as_ref() {
                Message::UnknownOfficer { .. } | Message::DefaultOfficerUnknown { .. }
                    if site && d.file != SITE_FILE =>
                {
                    Some((SITE_FILE.to_owned(), Waits::Officers))
                }
                Message::UnknownField { .. } | Message::SiteUnknownField { .. }
                    if fields && d.file != FIELDS_FILE =>
                {
                    Some((FIELDS_FILE.to_owned(), Waits::Fields))
                }
                Message::UnknownCode { code, .. } => codes
                    .get(code)
                    .map(|file| (file.clone(), Waits::Code(code.clone()))),
                _ => None,
            };
            match cause {
                Some(key) => {
                    *waiting.entry(key).or_default() += 1;
                    false
                }
                None => true,
            }
        });
        for ((file, on), count) in waiting {
            self.items.push(Diagnostic::new(
                file.clone(),
                Message::Waiting { on, count, file },
            ));
        }
    }

    /// Adds several diagnostics.
    pub fn extend_items(&mut self, items: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(items);
    }

    /// These diagnostics without the warnings (`--quiet`).
    pub fn errors_only(&self) -> Diagnostics {
        let mut out = self.clone();
        out.items.retain(|d| d.severity == Severity::Error);
        out
    }

    /// The same diagnostics, shown in `lang` (messages and the words around them: "lỗi",
    /// "gợi ý").
    pub fn localized(&self, lang: Lang) -> Diagnostics {
        let mut out = self.clone();
        out.lang = lang;
        out
    }

    /// The language they are shown in.
    pub fn lang(&self) -> Lang {
        self.lang
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
        // Ties (one file, position and code) in the order of their English message, whatever
        // the language shown, so that every rendering lists them alike.
        items.sort_by_cached_key(|d| {
            let d: &Diagnostic = d;
            let broken = self.broken.contains_key(&d.file);
            (
                (!broken, broken && d.position.is_none()),
                &d.file,
                d.position,
                d.code,
                d.message.render(Lang::En).message,
            )
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
            .filter(|d| seen.insert((&d.file, d.position, &d.message)))
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
        let rendered: Vec<Rendered<'_>> = self
            .sorted()
            .into_iter()
            .map(|d| {
                let Text {
                    message,
                    label,
                    help,
                } = d.text(self.lang);
                Rendered {
                    code: d.code,
                    severity: d.severity,
                    file: &d.file,
                    position: d.position,
                    message,
                    label,
                    help,
                }
            })
            .collect();
        serde_json::to_string_pretty(&rendered).unwrap_or_else(|_| "[]".to_owned())
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
            let text = d.text(self.lang);
            let mut message = text.message;
            if let Some(help) = &text.help {
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
    let text = d.text(lang);
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
        shorten(&text.message)
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
    let label = text.label.as_deref().map(shorten);
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
    if let Some(help) = &text.help {
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
                Diagnostic::new(
                    "a.yaml",
                    Message::YamlSyntax {
                        kind: Syntax::Other,
                        detail: "broken".to_owned(),
                    },
                )
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
            Diagnostic::new(
                "a.yaml",
                Message::UnknownKey {
                    key: "phi".to_owned(),
                    what: Thing::Procedure,
                    suggestion: Some("fees".to_owned()),
                    suggestion_label: None,
                    allowed: Vec::new(),
                },
            )
            .at(Some(Position { line: 2, column: 1 })),
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
            Diagnostic::new("a.yaml", Message::FrontMatterNotClosed).at(Some(Position {
                line: 1,
                column: 3001,
            })),
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
        assert!(caret.ends_with("^ opened here"), "{caret}");
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
            Diagnostic::new(
                "a.yaml",
                Message::MissingKey {
                    key: "title".to_owned(),
                    label: None,
                },
            )
            .at(Some(Position { line: 1, column: 1 })),
        );
        assert_eq!(
            diagnostics.to_github(),
            "::error file=a.yaml,line=1,col=1,title=CK010::missing required key `title`%0Ahelp: add `title:` with a value; see `congkhai schema` for its shape\n"
        );
    }
}
