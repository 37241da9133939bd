//! Loading: walk `content/`, split front matter, parse YAML into typed records.
//!
//! This stage reads files and nothing else: it does not check references between records (that
//! is [`crate::model::validate`]). Every file is parsed even when others fail, so that one run
//! reports every broken file.

pub mod git;
pub mod history;
mod lenient;
pub mod markdown;
pub(crate) mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Message, Thing, display_path};
use crate::model::Procedure;
use crate::model::config::{Field, PageMeta, SiteConfig, StatsPeriod};

pub use yaml::parse as parse_yaml;

/// A procedure record as read from its file.
#[derive(Debug)]
pub struct RawRecord {
    /// Path relative to the site root, `/`-separated.
    pub file: String,
    /// The typed record (boxed: it is 1.1 KB, and lists of records are moved between steps).
    pub procedure: Box<Procedure>,
    /// The Markdown body of a `.md` record.
    pub body: Option<String>,
}

/// A free page as read from its file.
#[derive(Debug, Clone)]
pub struct RawPage {
    /// Path relative to the site root.
    pub file: String,
    /// File stem, the default slug.
    pub stem: String,
    /// Front matter.
    pub meta: PageMeta,
    /// Markdown body.
    pub body: String,
    /// The line of the file the body starts on.
    pub body_line: u32,
}

/// Everything read from `content/`, and the problems met while reading.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The site root.
    pub root: PathBuf,
    /// `site.yaml`, when it parsed.
    pub site: Option<SiteConfig>,
    /// `fields.yaml`.
    pub fields: Vec<Field>,
    /// Procedure records that parsed.
    pub records: Vec<RawRecord>,
    /// Statistics periods.
    pub stats: Vec<StatsPeriod>,
    /// Free pages.
    pub pages: Vec<RawPage>,
    /// The files under `content/static/`, published as they are at the same path under the
    /// site's root (`CNAME`, `favicon.ico`, a search engine's verification file).
    pub static_files: Vec<crate::model::Attachment>,
    /// Problems, with the sources they point into.
    pub diagnostics: Diagnostics,
    /// With a record cache: the entry of each record that was read, to keep for the next
    /// build ([`CacheEntry`]), and the files whose record came from the cache.
    pub cache: CacheUse,
}

/// What [`load`] asks of the record cache.
#[derive(Clone, Copy)]
pub struct RecordCache<'a> {
    /// The records of the previous build, by [`record_key`].
    pub store: &'a crate::cache::Store,
    /// Files to parse even when the cache has them.
    pub bypass: &'a rustc_hash::FxHashSet<String>,
}

/// How a load used the record cache.
#[derive(Debug, Default)]
pub struct CacheUse {
    /// One entry per record that was read, in path order.
    pub entries: Vec<CacheEntry>,
    /// Files whose record came from the cache (their positions are not kept there: a
    /// diagnostic that points into one needs the file parsed).
    pub hits: rustc_hash::FxHashSet<String>,
    /// One entry per commit the change history compared, for the history store (set by the
    /// pipeline: [`history::Read::entries`]).
    pub commits: Vec<CacheEntry>,
}

/// An entry of a cache store after a build used it: a record's after a load, a commit's
/// after the change history.
#[derive(Debug)]
pub enum CacheEntry {
    /// Found in the cache, under this key.
    Hit(crate::cache::Key),
    /// Computed: its key and its bytes (a record's [`to_cache_form`]).
    Fresh(crate::cache::Key, Vec<u8>),
}

/// The key of a record in the cache: its path and its text.
pub fn record_key(file: &str, text: &str) -> crate::cache::Key {
    crate::cache::key(&[file.as_bytes(), text.as_bytes()])
}

/// A record in the cache: the length of its guide (`u32::MAX` for none), the guide, and the
/// procedure as JSON. Positions are not kept (they only serve diagnostics).
pub fn to_cache_form(record: &Record) -> Option<Vec<u8>> {
    let (procedure, body) = record;
    let mut bytes = Vec::new();
    match body {
        Some(body) => {
            bytes.extend_from_slice(&u32::try_from(body.len()).ok()?.to_le_bytes());
            bytes.extend_from_slice(body.as_bytes());
        }
        None => bytes.extend_from_slice(&u32::MAX.to_le_bytes()),
    }
    serde_json::to_writer(&mut bytes, procedure).ok()?;
    Some(bytes)
}

/// The record of [`to_cache_form`]'s bytes; `None` when they are not one.
pub fn from_cache_form(bytes: &[u8]) -> Option<Record> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
    let (body, json) = if len == u32::MAX {
        (None, bytes.get(4..)?)
    } else {
        let end = 4 + len as usize;
        let body = std::str::from_utf8(bytes.get(4..end)?).ok()?.to_owned();
        (Some(body), bytes.get(end..)?)
    };
    let mut procedure: Procedure = serde_json::from_slice(json).ok()?;
    procedure.shrink_to_fit();
    Some((Box::new(procedure), body))
}

/// One file read from disk: where it is, its text, and the result of parsing it.
#[derive(Debug)]
pub struct Parsed<T> {
    /// Path relative to the site root, `/`-separated.
    pub file: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
    /// The typed value, or why there is none (its first mistake).
    pub result: Result<T, Box<Diagnostic>>,
    /// The file's other mistakes, when it has several: a record is checked against its schema
    /// when it does not deserialise, so that every mistake is reported in one run.
    pub more: Vec<Diagnostic>,
}

/// Reads the site under `root` (which holds `content/`).
pub fn load(root: &Path) -> Loaded {
    load_with(root, None)
}

/// [`load`], taking records from `cache` where it has them; with a cache, the entries of the
/// records read come back for the next build's cache ([`Loaded::cache`]).
pub fn load_with(root: &Path, cache: Option<RecordCache<'_>>) -> Loaded {
    // Records repeat each other's texts; while loading, equal texts share one allocation.
    let _sharing = crate::model::intern::Scope::begin();
    let mut loaded = load_site(root);
    if loaded.site.is_none() && !root.join("content").is_dir() {
        return loaded;
    }
    let record_files = record_files(root);
    let parsed: Vec<(Parsed<Record>, Option<CacheEntry>)> = std::thread::scope(|scope| {
        prefetch(scope, &record_files);
        record_files
            .par_iter()
            .map(|path| {
                let (mut parsed, entry) = read_record_cached(root, path, cache);
                if parsed.result.is_ok() {
                    // Not kept (see below): dropped here, not after every file is read.
                    parsed.text = String::new();
                }
                (parsed, entry)
            })
            .collect()
    });
    // The sources of records that parsed are not kept (46 MB at 10,000 records): the few
    // diagnostics that validation finds in them read the file again for their snippet.
    loaded.diagnostics.read_sources_from(root);
    loaded.records.reserve_exact(parsed.len());
    for (p, entry) in parsed {
        if let Some(entry) = entry {
            if matches!(entry, CacheEntry::Hit(_)) {
                loaded.cache.hits.insert(p.file.clone());
            }
            loaded.cache.entries.push(entry);
        }
        match p.result {
            Ok((procedure, body)) => {
                loaded.records.push(RawRecord {
                    file: p.file,
                    procedure,
                    body,
                });
            }
            Err(d) => {
                loaded
                    .diagnostics
                    .mark_broken(&p.file, declared_code(&p.text));
                loaded.diagnostics.add_source_owned(p.file, p.text);
                loaded.diagnostics.push(*d);
                loaded.diagnostics.extend_items(p.more);
            }
        }
    }
    loaded
}

/// Threads that ask the kernel to read record files ahead of the parsers.
const PREFETCH_THREADS: usize = 4;

/// Asks the kernel to start reading `files` while the parsers work. When the records are not in
/// the page cache (a fresh machine, or after a large build pushed them out), each parsing thread
/// otherwise waits on one small file at a time: `check` on 100,000 records took 50.7 s so,
/// against 23.5 s with the files in the cache. Opening a file and advising `WILLNEED` starts its
/// read without waiting for it. When a sample of the files is in the cache already (the usual
/// case: an editor's or CI's second build), nothing is done: `check` on 10,000 cached records
/// then makes 112,000 system calls instead of 142,000 (its CPU time moved within the noise).
fn prefetch<'scope>(scope: &'scope std::thread::Scope<'scope, '_>, files: &'scope [PathBuf]) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        if sample_is_cached(files) {
            return;
        }
        // Thread `t` takes files t, t + 4, t + 8…: together they go through the list in order.
        for t in 0..PREFETCH_THREADS {
            scope.spawn(move || {
                for path in files.iter().skip(t).step_by(PREFETCH_THREADS) {
                    if let Ok(file) = std::fs::File::open(path) {
                        // SAFETY: the descriptor is open for the call; the advice only starts
                        // reading ahead and changes nothing that Rust tracks.
                        unsafe {
                            libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED);
                        }
                    }
                }
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (scope, files);
}

/// Whether the first page of each of 16 files spread over `files` is in the page cache: a read
/// with `RWF_NOWAIT` fails rather than wait for the disk. `false` when the system cannot tell.
#[cfg(target_os = "linux")]
fn sample_is_cached(files: &[PathBuf]) -> bool {
    #[cfg(target_env = "gnu")]
    {
        use std::os::fd::AsRawFd;
        const SAMPLE: usize = 16;
        let step = (files.len() / SAMPLE).max(1);
        !files.is_empty()
            && files.iter().step_by(step).take(SAMPLE).all(|path| {
                let Ok(file) = std::fs::File::open(path) else {
                    return false;
                };
                let mut byte = [0u8; 1];
                let buffer = libc::iovec {
                    iov_base: byte.as_mut_ptr().cast(),
                    iov_len: byte.len(),
                };
                // SAFETY: the descriptor is open for the call, and the one buffer it is given
                // points to `byte`, which lives across the call and has room for `iov_len`.
                let read =
                    unsafe { libc::preadv2(file.as_raw_fd(), &buffer, 1, 0, libc::RWF_NOWAIT) };
                read >= 0
            })
    }
    #[cfg(not(target_env = "gnu"))]
    {
        let _ = files;
        false
    }
}

/// The procedure record files under `root/content/procedures`, in path order.
pub fn record_files(root: &Path) -> Vec<PathBuf> {
    files_under(&root.join("content/procedures"), RECORD_EXTENSIONS)
}

/// File extensions of procedure records.
pub const RECORD_EXTENSIONS: &[&str] = &["yaml", "yml", "md"];

/// Reads everything under `root/content` except the procedure records: site.yaml, fields.yaml,
/// statistics and free pages. [`load`] adds the records.
pub fn load_site(root: &Path) -> Loaded {
    let content = root.join("content");
    let mut loaded = Loaded {
        root: root.to_path_buf(),
        ..Loaded::default()
    };
    if !content.is_dir() {
        loaded
            .diagnostics
            .push(Diagnostic::new("content/", Message::NoContentFolder));
        return loaded;
    }

    let site_path = content.join("site.yaml");
    match read_one::<SiteConfig>(root, &site_path, Thing::SiteYaml) {
        Some(parsed) => {
            loaded.diagnostics.add_source(&parsed.file, &parsed.text);
            match parsed.result {
                Ok(site) => loaded.site = Some(site),
                Err(d) => loaded.diagnostics.push_broken(*d),
            }
        }
        None => loaded.diagnostics.push(Diagnostic::new(
            "content/site.yaml",
            Message::SiteYamlMissing,
        )),
    }

    match read_one::<Vec<Field>>(root, &content.join("fields.yaml"), Thing::FieldsYaml) {
        Some(parsed) => {
            loaded.diagnostics.add_source(&parsed.file, &parsed.text);
            match parsed.result {
                Ok(fields) => loaded.fields = fields,
                Err(d) => loaded.diagnostics.push_broken(*d),
            }
        }
        None => loaded.diagnostics.push(Diagnostic::new(
            "content/fields.yaml",
            Message::FieldsYamlMissing,
        )),
    }

    for path in files_under(&content.join("stats"), &["yaml", "yml"]) {
        if let Some(parsed) = read_one::<StatsPeriod>(root, &path, Thing::StatsPeriod) {
            loaded.diagnostics.add_source(&parsed.file, &parsed.text);
            match parsed.result {
                Ok(stats) => loaded.stats.push(stats),
                Err(d) => loaded.diagnostics.push_broken(*d),
            }
        }
    }

    for path in files_under(&content.join("pages"), &["md"]) {
        let file = display_path(root, &path);
        let text = match read_text(&path, &file) {
            Ok(text) => text,
            Err(d) => {
                loaded.diagnostics.push_broken(*d);
                continue;
            }
        };
        loaded.diagnostics.add_source(&file, &text);
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match split_front_matter(&text, &file).and_then(|fm| {
            let body_line = fm.line_offset + fm.yaml.lines().count() as u32 + 2;
            parse_yaml::<PageMeta>(fm.yaml, &file, fm.line_offset, Thing::Page)
                .map(|meta| (meta, fm.body, body_line))
        }) {
            Ok((meta, body, body_line)) => loaded.pages.push(RawPage {
                file,
                stem,
                meta,
                body: body.to_owned(),
                body_line,
            }),
            Err(d) => loaded.diagnostics.push_broken(*d),
        }
    }
    loaded.static_files = static_files(&content.join(STATIC));
    loaded
}

/// The folder under `content/` whose files are published as they are.
pub const STATIC: &str = "static";

/// The files under `dir`, `/`-separated paths relative to it, in path order; hidden files and
/// folders are left out but `.well-known/` (where sites publish `security.txt` and the
/// like), and so are links, as everywhere in `content/`.
fn static_files(dir: &Path) -> Vec<crate::model::Attachment> {
    let hidden = |e: &walkdir::DirEntry| {
        e.depth() > 0
            && e.file_name().to_string_lossy().starts_with('.')
            && !(e.depth() == 1 && e.file_name() == ".well-known")
    };
    let mut files: Vec<crate::model::Attachment> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let relative = e.path().strip_prefix(dir).ok()?;
            let path = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let size = e.metadata().map_or(0, |m| m.len());
            Some(crate::model::Attachment { path, size })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The procedure code a record's text declares on a `code:` line at the top level, read
/// without parsing: a record that does not parse still tells which code the references to it
/// name.
pub fn declared_code(text: &str) -> Option<String> {
    let line = text.lines().find_map(|l| l.strip_prefix("code:"))?;
    let value = match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    };
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Files under `dir` with one of `extensions`, sorted by path so that every run sees them in
/// the same order. Hidden files and folders (editor swap files, `.git`) are skipped, and links
/// are not followed. The entries right under `dir` (a catalogue's field folders) are walked in
/// parallel: walking and sorting 10,000 records took 34 ms on one core (perf) while the others
/// waited.
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let is_hidden = |name: &std::ffi::OsStr| name.to_string_lossy().starts_with('.');
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    // Links are left out here as the walks below leave them out (a walk follows its root).
    let roots: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !is_hidden(&e.file_name()) && e.file_type().is_ok_and(|t| !t.is_symlink()))
        .map(|e| e.path())
        .collect();
    let mut files: Vec<PathBuf> = roots
        .par_iter()
        .flat_map_iter(|root| {
            walkdir::WalkDir::new(root)
                .follow_links(false)
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| extensions.contains(&e))
                })
        })
        .collect();
    files.par_sort_unstable();
    files
}

fn read_text(path: &Path, file: &str) -> Result<String, Box<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(Diagnostic::new(
            file,
            Message::CannotRead {
                error: e.to_string(),
            },
        ))
    })?;
    decode_text(bytes, file)
}

/// The text of a file's bytes: UTF-8 (CK001 otherwise), without a byte-order mark.
fn decode_text(bytes: Vec<u8>, file: &str) -> Result<String, Box<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() as u32 + 1;
        Box::new(
            Diagnostic::new(file, Message::NotUtf8 { theme: false })
                .at(Some(crate::diagnostics::Position { line, column: 1 })),
        )
    })?;
    // A byte-order mark is invisible in editors; accept it rather than report a syntax error.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

fn read_one<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
    what: Thing,
) -> Option<Parsed<T>> {
    if !path.exists() {
        return None;
    }
    let file = display_path(root, path);
    Some(match read_text(path, &file) {
        Ok(text) => {
            let result = parse_yaml::<T>(&text, &file, 0, what);
            Parsed {
                file,
                text,
                result,
                more: Vec::new(),
            }
        }
        Err(d) => Parsed {
            file,
            text: String::new(),
            result: Err(d),
            more: Vec::new(),
        },
    })
}

/// Reads and parses one procedure record (`.yaml`, or `.md` with front matter and a guide).
pub fn read_record(root: &Path, path: &Path) -> Parsed<(Box<Procedure>, Option<String>)> {
    read_record_cached(root, path, None).0
}

/// [`read_record`], with the record from `cache` when it has the file's text (and the file is
/// not to bypass it); with a cache, its entry for the next one when the record was read.
fn read_record_cached(
    root: &Path,
    path: &Path,
    cache: Option<RecordCache<'_>>,
) -> (Parsed<Record>, Option<CacheEntry>) {
    let file = display_path(root, path);
    let text = match read_text(path, &file) {
        Ok(text) => text,
        Err(d) => {
            let parsed = Parsed {
                file,
                text: String::new(),
                result: Err(d),
                more: Vec::new(),
            };
            return (parsed, None);
        }
    };
    let keep = cache.is_some();
    let store = cache.filter(|c| !c.bypass.contains(&file)).map(|c| c.store);
    let is_markdown = path.extension().is_some_and(|e| e == "md");
    let (mut result, entry) = record_of_text(&text, &file, is_markdown, store, keep);
    let more = match &mut result {
        Err(first) => {
            let mut more = more_mistakes(&text, &file, is_markdown);
            // serde's mistake is one the schema finds too: keep the schema's, which points at
            // the start of a mapping that lacks a key rather than at its end.
            if let Some(same) = more.iter().position(|d| {
                d.message == first.message || (d.code == first.code && d.position == first.position)
            }) {
                **first = more.remove(same);
            }
            more
        }
        Ok(_) => Vec::new(),
    };
    let parsed = Parsed {
        file,
        text,
        result,
        more,
    };
    (parsed, entry)
}

/// The record `text` of `file` says: from `store` when it holds it under [`record_key`], else
/// parsed; with its entry for the next build's cache when `keep` is set (none for a text that
/// does not parse: its mistakes are found again).
fn record_of_text(
    text: &str,
    file: &str,
    is_markdown: bool,
    store: Option<&crate::cache::Store>,
    keep: bool,
) -> (Result<Record, Box<Diagnostic>>, Option<CacheEntry>) {
    let key = (store.is_some() || keep).then(|| record_key(file, text));
    if let (Some(store), Some(key)) = (store, key)
        && let Some(record) = store.get(key).and_then(from_cache_form)
    {
        return (Ok(record), keep.then_some(CacheEntry::Hit(key)));
    }
    let result = parse_record_text(text, file, is_markdown);
    let entry = match (&result, key) {
        (Ok(record), Some(key)) if keep => to_cache_form(record).map(|b| CacheEntry::Fresh(key, b)),
        _ => None,
    };
    (result, entry)
}

/// A procedure and its Markdown guide (for a `.md` record with one).
pub type Record = (Box<Procedure>, Option<String>);

/// Parses one record from the bytes of its file, as [`read_record`] does with the file named
/// `file`: a `.md` record (`is_markdown`) has front matter and a guide. For fuzzing and tests,
/// which have bytes rather than files.
pub fn parse_record(
    bytes: &[u8],
    file: &str,
    is_markdown: bool,
) -> Result<Record, Box<Diagnostic>> {
    let text = decode_text(bytes.to_vec(), file)?;
    parse_record_text(&text, file, is_markdown)
}

fn parse_record_text(text: &str, file: &str, is_markdown: bool) -> Result<Record, Box<Diagnostic>> {
    if is_markdown {
        split_front_matter(text, file).and_then(|fm| {
            parse_yaml::<Procedure>(fm.yaml, file, fm.line_offset, Thing::Procedure).map(|p| {
                let body = fm.body.trim();
                (p, (!body.is_empty()).then(|| body.to_owned()))
            })
        })
    } else {
        parse_yaml::<Procedure>(text, file, 0, Thing::Procedure).map(|p| (p, None))
    }
    .map(|(mut procedure, body)| {
        procedure.shrink_to_fit();
        (Box::new(procedure), body)
    })
}

/// The mistakes of a record that does not deserialise, found by checking it against the record
/// schema ([`lenient`]).
fn more_mistakes(text: &str, file: &str, is_markdown: bool) -> Vec<Diagnostic> {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    let schema = SCHEMA.get_or_init(crate::schema::procedure_schema);
    let (yaml, line_offset) = if is_markdown {
        match split_front_matter(text, file) {
            Ok(fm) => (fm.yaml, fm.line_offset),
            Err(_) => return Vec::new(),
        }
    } else {
        (text, 0)
    };
    lenient::problems(yaml, file, line_offset, Thing::Procedure, schema)
}

/// The parts of a Markdown file with YAML front matter.
#[derive(Debug, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Lines before the YAML (1: the opening `---`).
    pub line_offset: u32,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
}

/// Splits `---\nyaml\n---\nbody`. The closing line may also be `...`.
pub fn split_front_matter<'a>(
    text: &'a str,
    file: &str,
) -> Result<FrontMatter<'a>, Box<Diagnostic>> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(Box::new(
            Diagnostic::new(file, Message::FrontMatterNotOpened)
                .at(Some(crate::diagnostics::Position { line: 1, column: 1 })),
        ));
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(FrontMatter {
                yaml: &text[yaml_start..offset],
                line_offset: 1,
                body: &text[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(Box::new(
        Diagnostic::new(file, Message::FrontMatterNotClosed)
            .at(Some(crate::diagnostics::Position { line: 1, column: 1 })),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_splits_yaml_and_body() {
        let fm = split_front_matter("---\ntitle: a\n---\n# Body\n", "x.md").unwrap();
        assert_eq!(fm.yaml, "title: a\n");
        assert_eq!(fm.body, "# Body\n");
        assert_eq!(fm.line_offset, 1);
    }

    #[test]
    fn files_under_finds_nested_files_in_path_order_and_skips_hidden_ones() {
        let dir = std::env::temp_dir().join(format!("congkhai-files-under-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "b/z.yaml",
            "b/deep/er/a.md",
            "a-b/x.yaml",
            "a/y.yml",
            "top.yaml",
            "a/notes.txt",
            ".git/hidden.yaml",
            "a/.swap.yaml",
            "a/.hidden/c.yaml",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "x").unwrap();
        }
        // Links are not followed, at the top or deeper.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("b"), dir.join("link")).unwrap();
            std::os::unix::fs::symlink(dir.join("b"), dir.join("a/link")).unwrap();
            std::os::unix::fs::symlink(dir.join("top.yaml"), dir.join("top-link.yaml")).unwrap();
        }
        let found: Vec<String> = files_under(&dir, RECORD_EXTENSIONS)
            .iter()
            .map(|p| display_path(&dir, p))
            .collect();
        // Path order: the folder `a` and its files come before `a-b`.
        assert_eq!(
            found,
            [
                "a/y.yml",
                "a-b/x.yaml",
                "b/deep/er/a.md",
                "b/z.yaml",
                "top.yaml"
            ]
        );
        assert!(files_under(&dir.join("missing"), RECORD_EXTENSIONS).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn the_page_cache_probe_tells_cached_files_from_dropped_ones() {
        // Under target/, on a disk: a tmpfs (often /tmp) cannot drop a file from its cache.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(format!("congkhai-cached-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let files: Vec<PathBuf> = (0..40).map(|i| dir.join(format!("{i}.yaml"))).collect();
        for file in &files {
            std::fs::write(file, "code: \"1.000001\"\n").unwrap();
        }
        assert!(sample_is_cached(&files));
        assert!(!sample_is_cached(&[]));
        assert!(!sample_is_cached(&[dir.join("missing.yaml")]));
        // Written to disk and dropped from the cache, the files are not found there. The
        // kernel may keep a page that is still being written back when asked to drop it (seen
        // on a busy machine), so the drop is asked for again, a few times, before giving up.
        let mut dropped = false;
        for _ in 0..10 {
            for file in &files {
                use std::os::fd::AsRawFd;
                let file = std::fs::File::open(file).unwrap();
                file.sync_all().unwrap();
                // SAFETY: the descriptor is open for the call; the advice only drops cached
                // pages.
                unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
            }
            if !sample_is_cached(&files) {
                dropped = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert!(dropped, "the files stayed in the page cache");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_broken_record_still_tells_its_code() {
        assert_eq!(
            declared_code("title: [\ncode: \"1.001193\"   # mã\n").as_deref(),
            Some("1.001193")
        );
        assert_eq!(
            declared_code("---\ncode: '2.000635'\n---\n").as_deref(),
            Some("2.000635")
        );
        assert_eq!(
            declared_code("  code: \"1.0\"\n"),
            None,
            "only at the top level"
        );
        assert_eq!(declared_code("code: \"\"\n"), None);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let d = split_front_matter("---\ntitle: a\n", "x.md").unwrap_err();
        assert_eq!(d.code, crate::diagnostics::Code::CK003);
    }
}
