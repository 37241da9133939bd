//! The change history of procedures, read from git: every committed version of every record
//! file, read as the parts the history compares, compared with the version before it
//! ([`crate::model::history::diff`]).
//!
//! One `git log --raw` lists, commit by commit, the record files each commit changed with the
//! blob ids before and after. Blobs are immutable, so what a commit changed depends on those
//! lines alone: with a build cache, the changes of each commit are kept under the hash of its
//! lines, and a later build reads the log and the changes of the commits it has seen, no
//! version. For the commits it has not seen (all of them without a cache), one `git cat-file
//! --batch` reads every distinct blob once. A version's text is cut into the lines of the keys
//! the history compares ([`Loaded`]), and of a pair of versions only the keys whose lines
//! differ are read and compared ([`compare_pair`]): an edit of the fees reads the fees, not the
//! documents. A text that cannot be cut so is read whole, as the keys the history compares
//! ([`Version`]). The cost so grows with the number of changed versions not seen before, not
//! with the length of the log nor the size of the catalogue: a commit that touches 20% of
//! 10,000 records reads 4,000 blobs, once.
//!
//! A record is followed by its code, not its path: in one commit, the deletion of a file and
//! the addition of another with the same code is a move (or a rename), compared like an edit.
//! A record's first version (the file added) is not a change: catalogues are usually imported
//! whole, and "added" would be every procedure of the first commit. A record removed from the
//! catalogue leaves its changes without a page to show them, and they are dropped later
//! (the views only show changes of procedures that exist). Without git, outside a repository
//! or in a shallow clone of one commit, the history is empty.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::process::Command;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cache::Key;
use crate::content::CacheEntry;
use crate::content::git::{RecordChange, is_zero};
use crate::model::history::{Change, Compared, History, Recorded, diff};
use crate::model::{Announcement, Documents, Fee, Part, Procedure, ProcessingTime, Status, Text};
use crate::vi::Date;

/// A record file a commit changed: the blob before, the blob after (a zero id for "none"), and
/// its path.
type File = (String, String, String);

/// One commit of the log: its hash, date, and the record files it changed.
#[derive(Debug, PartialEq)]
struct Commit {
    hash: String,
    date: Date,
    files: Vec<File>,
}

/// A commit whose changes are not in the cache: its position in the log, its key there and
/// its compared files.
struct Pending<'c> {
    order: usize,
    key: Key,
    files: Vec<&'c File>,
}

impl Commit {
    /// The files whose versions can have a version to compare with: both sides of a file
    /// changed in place, and the deleted and added files of a commit that does both (a move).
    /// A commit that only adds files (the first import, or the one commit of a shallow clone,
    /// which git shows as adding everything) has none, and costs nothing.
    fn compared_files(&self) -> Vec<&File> {
        let deletes = self.files.iter().any(|(_, new, _)| is_zero(new));
        let adds = self.files.iter().any(|(old, _, _)| is_zero(old));
        self.files
            .iter()
            .filter(|(old, new, _)| {
                if is_zero(old) {
                    deletes
                } else if is_zero(new) {
                    adds
                } else {
                    true
                }
            })
            .collect()
    }
}

/// The key of the changes of a commit whose compared files are `files`, in the build cache's
/// history store: their blob ids and paths, which are everything the changes depend on (the
/// store is only read by the binary that wrote it).
fn commit_key(files: &[&File]) -> Key {
    let mut parts: Vec<&[u8]> = Vec::with_capacity(1 + 3 * files.len());
    parts.push(b"history commit");
    for (old, new, path) in files {
        parts.extend([old.as_bytes(), new.as_bytes(), path.as_bytes()]);
    }
    crate::cache::key(&parts)
}

/// The changes of one record in one commit, as the build cache keeps them.
#[derive(Debug, Serialize, Deserialize)]
struct Found {
    /// The record's code.
    code: Text,
    /// What changed, in [`diff`]'s order.
    changes: Vec<Change>,
    /// The date of the decision the new version adds, when it gives one.
    decided: Option<Date>,
}

/// Where the history finds what it computed or read already, so that it reads as few versions
/// as it can.
#[derive(Clone, Copy, Default)]
pub struct Versions<'a> {
    /// The records as loaded now, by file relative to the root: a version that is the file on
    /// disk as it is in git's index (most records' newest version) is taken from there.
    pub current: Option<&'a HashMap<&'a str, &'a Procedure>>,
    /// The build cache's history store: the changes of each commit an earlier build compared,
    /// by [`commit_key`]. With a cache, the entries of this log's commits come back for the
    /// next build.
    pub cache: Option<&'a crate::cache::Store>,
}

/// The change history, and the cache entries of its commits when asked to keep them.
#[derive(Debug, Default)]
pub struct Read {
    /// The changes.
    pub history: History,
    /// One entry per commit that has versions to compare, for the history store. A commit
    /// with a version git could not give (a partial clone) has none: it is compared again.
    pub entries: Vec<CacheEntry>,
}

/// Reads the change history of `root/content/procedures`, taking changes and versions from
/// `versions` where it can.
pub fn read(root: &Path, versions: Versions<'_>) -> Read {
    let Ok(log) = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--format=%x00%H %cs",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--relative",
            "--",
            "content/procedures",
        ])
        .output()
    else {
        return Read::default();
    };
    if !log.status.success() {
        return Read::default();
    }
    let commits = parse_log(&String::from_utf8_lossy(&log.stdout));
    let keep = versions.cache.is_some();
    // Each commit's changes: from the cache, or compared below (`None` until then).
    let mut found: Vec<Option<Vec<Found>>> = Vec::with_capacity(commits.len());
    let mut entries = Vec::new();
    let mut pending = Vec::new();
    for (order, commit) in commits.iter().enumerate() {
        let files = commit.compared_files();
        if files.is_empty() {
            found.push(Some(Vec::new()));
            continue;
        }
        let key = commit_key(&files);
        let cached = versions
            .cache
            .and_then(|store| store.get(key))
            .and_then(|bytes| serde_json::from_slice::<Vec<Found>>(bytes).ok());
        if let Some(changes) = cached {
            entries.push(CacheEntry::Hit(key));
            found.push(Some(changes));
        } else {
            found.push(None);
            pending.push(Pending { order, key, files });
        }
    }
    if !pending.is_empty() {
        let compared = compare(root, versions.current, &pending);
        for (commit, (changes, complete)) in pending.iter().zip(compared) {
            if keep
                && complete
                && let Ok(bytes) = serde_json::to_vec(&changes)
            {
                entries.push(CacheEntry::Fresh(commit.key, bytes));
            }
            found[commit.order] = Some(changes);
        }
    }
    let mut changes = Vec::new();
    for (order, (commit, found)) in commits.iter().zip(found).enumerate() {
        for Found {
            code,
            changes: found,
            decided,
        } in found.into_iter().flatten()
        {
            let date = decided.unwrap_or(commit.date);
            changes.extend(found.into_iter().enumerate().map(|(seq, change)| Recorded {
                code: code.clone(),
                commit: commit.hash.clone(),
                commit_order: order,
                date,
                seq,
                change,
            }));
        }
    }
    Read {
        history: History::new(changes),
        entries,
    }
}

/// Compares the versions of the `pending` commits' files: for each commit, the changes of its
/// records in code order, and whether every version it names could be read from git.
fn compare(
    root: &Path,
    current: Option<&HashMap<&str, &Procedure>>,
    pending: &[Pending<'_>],
) -> Vec<(Vec<Found>, bool)> {
    // Every distinct version, once: a blob, read as the file it was in would be (a Markdown
    // file has front matter).
    let mut blobs: std::collections::BTreeSet<(&str, bool)> = Default::default();
    for commit in pending {
        for (old, new, path) in &commit.files {
            for id in [old, new] {
                if !is_zero(id) {
                    blobs.insert((id.as_str(), is_markdown(path)));
                }
            }
        }
    }
    let on_disk = current
        .map(|current| unchanged_on_disk(root, current))
        .unwrap_or_default();
    let wanted: Vec<(&str, bool)> = blobs
        .iter()
        .copied()
        .filter(|(id, markdown)| on_disk.get(*id).is_none_or(|(_, md, _)| md != markdown))
        .collect();
    let ids: Vec<&str> = wanted.iter().map(|(id, _)| *id).collect();
    let bytes = crate::content::git::cat_blobs(root, &ids);
    // A version git could not give is `None` here; one that is no record, `Some(None)`.
    let read: Vec<Option<Option<Loaded<'_>>>> = wanted
        .par_iter()
        .zip(bytes.into_par_iter())
        .map(|((_, markdown), bytes)| bytes.map(|bytes| Loaded::read(bytes, *markdown)))
        .collect();
    let mut parsed: rustc_hash::FxHashMap<(&str, bool), Option<Loaded<'_>>> = wanted
        .iter()
        .zip(read)
        .filter_map(|(blob, version)| Some((*blob, version?)))
        .collect();
    // The versions that are the files on disk, with their file's text cut to compare it with
    // the version before (the record's values are taken as loaded).
    let disk: Vec<((&str, bool), Loaded<'_>)> = blobs
        .par_iter()
        .filter_map(|&(id, markdown)| {
            let (procedure, md, path) = on_disk.get(id)?;
            if *md != markdown {
                return None;
            }
            let cut = std::fs::read(root.join(path))
                .ok()
                .and_then(|bytes| yaml_of(bytes, markdown))
                .and_then(|yaml| Cut::new(yaml).ok());
            Some(((id, markdown), Loaded::Disk(procedure, cut)))
        })
        .collect();
    for (blob, version) in disk {
        parsed.insert(blob, Some(version));
    }
    pending
        .iter()
        .map(|Pending { files, .. }| {
            let complete = files.iter().all(|(old, new, path)| {
                [old, new]
                    .into_iter()
                    .all(|id| is_zero(id) || parsed.contains_key(&(id.as_str(), is_markdown(path))))
            });
            (changes_of(files, &parsed), complete)
        })
        .collect()
}

/// The changes of a commit's compared `files`, from their versions in `parsed`.
fn changes_of<'v>(
    files: &[&'v File],
    parsed: &'v rustc_hash::FxHashMap<(&str, bool), Option<Loaded<'_>>>,
) -> Vec<Found> {
    let version = |id: &'v str, path: &'v str| parsed.get(&(id, is_markdown(path)))?.as_ref();
    // Code → (version before, version after) in this commit.
    type Pair<'v, 'a> = (Option<&'v Loaded<'a>>, Option<&'v Loaded<'a>>);
    let mut by_code: BTreeMap<&str, Pair<'_, '_>> = BTreeMap::new();
    for (old, new, path) in files {
        if let Some(p) = version(old, path) {
            by_code.entry(p.code().trim()).or_default().0 = Some(p);
        }
        if let Some(p) = version(new, path) {
            by_code.entry(p.code().trim()).or_default().1 = Some(p);
        }
    }
    let pairs: Vec<(&str, &Loaded<'_>, &Loaded<'_>)> = by_code
        .into_iter()
        .filter_map(|(code, versions)| match versions {
            (Some(old), Some(new)) => Some((code, old, new)),
            _ => None,
        })
        .collect();
    pairs
        .into_par_iter()
        .filter_map(|(code, old, new)| {
            let (changes, decided) = compare_pair(old, new)?;
            Some(Found {
                code: Text::new(code),
                changes,
                decided,
            })
        })
        .filter(|found| !found.changes.is_empty())
        .collect()
}

/// The changes from `old` to `new`, two versions of one record, as [`diff`] finds them. When
/// both texts are cut into the compared keys' lines, only the keys whose lines differ are read
/// and compared: a key of the same text in both has the same value, and no change (the
/// status is read too when the announcements differ, for the decision they add). Otherwise
/// both versions are read whole. `None` when a key that differs does not read in one of them:
/// that version is not a record, and the pair is not compared.
fn compare_pair(old: &Loaded<'_>, new: &Loaded<'_>) -> Option<(Vec<Change>, Option<Date>)> {
    let (Some(a), Some(b)) = (old.cut(), new.cut()) else {
        let (whole_old, whole_new);
        let old = match old.whole() {
            Whole::Borrowed(c) => c,
            Whole::Owned(v) => {
                whole_old = v?;
                whole_old.compared()
            }
        };
        let new = match new.whole() {
            Whole::Borrowed(c) => c,
            Whole::Owned(v) => {
                whole_new = v?;
                whole_new.compared()
            }
        };
        return Some(diff(old, new));
    };
    let mut need = [false; COMPARED.len()];
    for (i, need) in need.iter_mut().enumerate().skip(1) {
        *need = a.bytes(i) != b.bytes(i);
    }
    need[STATUS] |= need[ANNOUNCEMENTS];
    if !need.iter().any(|n| *n) {
        return Some((Vec::new(), None));
    }
    let same = SAME.as_ref()?;
    let (keys_old, keys_new) = (old.keys(&need)?, new.keys(&need)?);
    Some(diff(
        old.compared(&keys_old, &need, same),
        new.compared(&keys_new, &need, same),
    ))
}

/// The values a pair's two sides both take for a key whose lines are the same in both: any
/// values do, as long as they are the same on both sides.
static SAME: std::sync::LazyLock<Option<Version>> = std::sync::LazyLock::new(|| {
    serde_saphyr::from_str(
        "code: x\ntitle: x\nstatus: active\nfees: []\n\
         processing_time:\n  status: unknown\ndocuments:\n  status: unknown\n",
    )
    .ok()
});

/// The positions in [`COMPARED`] of the keys [`compare_pair`] treats apart.
const STATUS: usize = 2;
const ANNOUNCEMENTS: usize = 6;

/// Whether the record file `path` is Markdown (front matter and a guide).
fn is_markdown(path: &str) -> bool {
    path.ends_with(".md")
}

/// A committed version of a record, as the keys the history compares: the rest of a record
/// is most of its text, and reading it was most of the cost of the history (a version read
/// as a whole record took about 0.2 ms). The types are the record's own, so a version reads
/// as its record would; a version whose other keys are wrong is still compared (a commit
/// that broke an unrelated key does not hide the changes made in it). A version whose text
/// is cut ([`Cut`]) is read so only when the version beside it in a pair cannot be cut; a
/// compared key of the same text in both versions of a pair is not read at all, so a key
/// broken in both does not hide the changes of the others either.
#[derive(Debug, Deserialize)]
struct Version {
    code: Text,
    title: Text,
    status: Status,
    fees: Part<Vec<Fee>>,
    processing_time: Part<ProcessingTime>,
    documents: Part<Documents>,
    #[serde(default)]
    announcements: Vec<Announcement>,
}

/// The top-level keys a [`Version`] reads.
const COMPARED: [&str; 7] = [
    "code",
    "title",
    "status",
    "fees",
    "processing_time",
    "documents",
    "announcements",
];

impl Version {
    /// The version the bytes of a record file say (a Markdown file when `markdown`), `None`
    /// when they do not say one.
    #[cfg(test)]
    fn read(bytes: Vec<u8>, markdown: bool) -> Option<Version> {
        let yaml = String::from_utf8(yaml_of(bytes, markdown)?).ok()?;
        match compared_lines(&yaml) {
            Some(lines) => serde_saphyr::from_str(&lines).ok(),
            None => serde_saphyr::from_str(&yaml).ok(),
        }
    }

    fn compared(&self) -> Compared<'_> {
        Compared {
            code: &self.code,
            title: &self.title,
            status: self.status,
            fees: &self.fees,
            processing_time: &self.processing_time,
            documents: &self.documents,
            announcements: &self.announcements,
        }
    }
}

/// The YAML of a record file's bytes (its front matter when `markdown`), `None` when it has
/// none. A YAML file without a byte order mark is its bytes, as they are: the text is checked
/// to be UTF-8 where it is read ([`Cut::key`]), not as a whole.
fn yaml_of(bytes: Vec<u8>, markdown: bool) -> Option<Vec<u8>> {
    const BOM: &[u8] = "\u{feff}".as_bytes();
    if !markdown && !bytes.starts_with(BOM) {
        return Some(bytes);
    }
    let text = String::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let yaml = if markdown {
        crate::content::split_front_matter(text, "").ok()?.yaml
    } else {
        text
    };
    Some(yaml.as_bytes().to_vec())
}

/// A committed version, as read to be compared with the versions beside it.
enum Loaded<'a> {
    /// Cut into the compared keys' lines, with its code read: the other keys are read when a
    /// pair needs them ([`compare_pair`]).
    Cut(Cut, Text),
    /// A text that could not be cut, read whole.
    Whole(Version),
    /// The record as loaded from the file on disk, with the file's text cut when it can be.
    Disk(&'a Procedure, Option<Cut>),
}

/// A version read whole: borrowed, or read now (`None` when it is no record).
enum Whole<'a> {
    Borrowed(Compared<'a>),
    Owned(Option<Version>),
}

impl<'a> Loaded<'a> {
    /// The version the bytes of a record file say (a Markdown file when `markdown`), `None`
    /// when they do not say one: not a text, or (when cut) without a key the history needs
    /// (only the announcements may be left out) or with a code that does not read.
    fn read(bytes: Vec<u8>, markdown: bool) -> Option<Loaded<'a>> {
        let yaml = yaml_of(bytes, markdown)?;
        match Cut::new(yaml) {
            Ok(cut) => {
                if cut.spans[..ANNOUNCEMENTS].iter().any(Option::is_none) {
                    return None;
                }
                #[derive(Deserialize)]
                struct Code {
                    code: Text,
                }
                let code: Code = serde_saphyr::from_str(cut.key(0)?).ok()?;
                Some(Loaded::Cut(cut, code.code))
            }
            Err(yaml) => {
                let yaml = String::from_utf8(yaml).ok()?;
                serde_saphyr::from_str(&yaml).ok().map(Loaded::Whole)
            }
        }
    }

    fn code(&self) -> &Text {
        match self {
            Loaded::Cut(_, code) => code,
            Loaded::Whole(version) => &version.code,
            Loaded::Disk(procedure, _) => &procedure.code.value,
        }
    }

    fn cut(&self) -> Option<&Cut> {
        match self {
            Loaded::Cut(cut, _) | Loaded::Disk(_, Some(cut)) => Some(cut),
            _ => None,
        }
    }

    fn whole(&self) -> Whole<'_> {
        match self {
            Loaded::Cut(cut, _) => Whole::Owned(cut.whole()),
            Loaded::Whole(version) => Whole::Borrowed(version.compared()),
            Loaded::Disk(procedure, _) => Whole::Borrowed(Compared::from(*procedure)),
        }
    }

    /// The keys of a cut version that `need` marks, read; none to read for the record on disk.
    /// `None` when one does not read.
    fn keys(&self, need: &[bool; COMPARED.len()]) -> Option<Keys> {
        let Loaded::Cut(cut, _) = self else {
            return Some(Keys::default());
        };
        let mut text = String::new();
        for i in (1..COMPARED.len()).filter(|i| need[*i]) {
            if let Some(bytes) = cut.bytes(i) {
                text.push_str(std::str::from_utf8(bytes).ok()?);
            }
        }
        if text.is_empty() {
            return Some(Keys::default());
        }
        let keys: Keys = serde_saphyr::from_str(&text).ok()?;
        let read = [
            true,
            keys.title.is_some(),
            keys.status.is_some(),
            keys.fees.is_some(),
            keys.processing_time.is_some(),
            keys.documents.is_some(),
            true,
        ];
        need.iter()
            .zip(read)
            .all(|(need, read)| !need || read)
            .then_some(keys)
    }

    /// The version's compared parts: the keys `need` marks from the version (`keys` for a
    /// cut one), the others from `same`.
    fn compared<'k>(
        &'k self,
        keys: &'k Keys,
        need: &[bool; COMPARED.len()],
        same: &'k Version,
    ) -> Compared<'k> {
        let mut c = same.compared();
        c.code = self.code();
        match self {
            Loaded::Disk(p, _) => {
                let p = Compared::from(*p);
                if need[1] {
                    c.title = p.title;
                }
                if need[2] {
                    c.status = p.status;
                }
                if need[3] {
                    c.fees = p.fees;
                }
                if need[4] {
                    c.processing_time = p.processing_time;
                }
                if need[5] {
                    c.documents = p.documents;
                }
                if need[6] {
                    c.announcements = p.announcements;
                }
            }
            _ => {
                if let (true, Some(title)) = (need[1], &keys.title) {
                    c.title = title;
                }
                if let (true, Some(status)) = (need[2], keys.status) {
                    c.status = status;
                }
                if let (true, Some(fees)) = (need[3], &keys.fees) {
                    c.fees = fees;
                }
                if let (true, Some(time)) = (need[4], &keys.processing_time) {
                    c.processing_time = time;
                }
                if let (true, Some(documents)) = (need[5], &keys.documents) {
                    c.documents = documents;
                }
                if need[6] {
                    c.announcements = keys.announcements.as_deref().unwrap_or_default();
                }
            }
        }
        c
    }
}

/// A version's YAML and where the compared keys are in it ([`compared_spans`]).
struct Cut {
    yaml: Vec<u8>,
    spans: [Option<Range<usize>>; COMPARED.len()],
}

impl Cut {
    /// The text cut, or given back when it cannot be.
    fn new(yaml: Vec<u8>) -> Result<Cut, Vec<u8>> {
        match compared_spans(&yaml) {
            Some(spans) => Ok(Cut { yaml, spans }),
            None => Err(yaml),
        }
    }

    /// The bytes of the lines of the `i`-th key of [`COMPARED`].
    fn bytes(&self, i: usize) -> Option<&[u8]> {
        self.yaml.get(self.spans.get(i)?.clone()?)
    }

    /// The lines of the `i`-th key of [`COMPARED`], when they are UTF-8.
    fn key(&self, i: usize) -> Option<&str> {
        std::str::from_utf8(self.bytes(i)?).ok()
    }

    /// The version read from all its compared keys' lines, as [`Version::read`] reads it.
    fn whole(&self) -> Option<Version> {
        let mut spans: Vec<&Range<usize>> = self.spans.iter().flatten().collect();
        spans.sort_by_key(|span| span.start);
        let lines: Vec<u8> = spans
            .into_iter()
            .filter_map(|span| self.yaml.get(span.clone()))
            .flatten()
            .copied()
            .collect();
        serde_saphyr::from_str(std::str::from_utf8(&lines).ok()?).ok()
    }
}

/// Some of the keys of a [`Version`], as a pair reads them: a key left out is `None`, a key
/// present reads as it does in a whole version.
#[derive(Default, Deserialize)]
struct Keys {
    #[serde(default, deserialize_with = "present")]
    title: Option<Text>,
    #[serde(default, deserialize_with = "present")]
    status: Option<Status>,
    #[serde(default, deserialize_with = "present")]
    fees: Option<Part<Vec<Fee>>>,
    #[serde(default, deserialize_with = "present")]
    processing_time: Option<Part<ProcessingTime>>,
    #[serde(default, deserialize_with = "present")]
    documents: Option<Part<Documents>>,
    #[serde(default, deserialize_with = "present")]
    announcements: Option<Vec<Announcement>>,
}

/// A key's value read as its type reads it (a null included), for [`Keys`].
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// The lines of a record's YAML that hold the keys of [`COMPARED`], for the parser to skip the
/// rest without reading it ([`compared_spans`], in the order of the text).
#[cfg(test)]
fn compared_lines(yaml: &str) -> Option<String> {
    let mut spans: Vec<Range<usize>> = compared_spans(yaml.as_bytes())?
        .into_iter()
        .flatten()
        .collect();
    spans.sort_by_key(|span| span.start);
    Some(spans.into_iter().map(|span| &yaml[span]).collect())
}

/// Where each key of [`COMPARED`] is in a record's YAML: the byte range of its lines (the key's
/// line and its value's), `None` for a key the text does not have. A record is a mapping whose
/// keys start at the first column, and the value of a key is on the lines below it up to the
/// next key (indented, or items of a list at the first column): cut there, the kept keys read
/// as they do in the whole text, alone or together. `None` when the text is not plain enough
/// to be cut so, and is to be read whole: a line at the first column that is not a key, a
/// comment or a list item (a flow collection, a directive, a second document), a key written
/// otherwise (quoted, with a tab), a key twice, or a kept line with a `*`, which may be an
/// alias of an anchor in another key.
fn compared_spans(yaml: &[u8]) -> Option<[Option<Range<usize>>; COMPARED.len()]> {
    let mut spans: [Option<Range<usize>>; COMPARED.len()] = Default::default();
    // Whether a key was met, and the kept key the lines are of.
    let (mut started, mut keep) = (false, None);
    let mut at = 0;
    for line in yaml.split_inclusive(|b| *b == b'\n') {
        let start = at;
        at += line.len();
        let mut bare = line.strip_suffix(b"\n").unwrap_or(line);
        while let Some(rest) = bare.strip_suffix(b"\r") {
            bare = rest;
        }
        match bare.first() {
            None | Some(b' ' | b'#') => {}
            Some(b'-') if bare == b"-" || bare.starts_with(b"- ") => {
                if !started {
                    return None;
                }
            }
            Some(b'-') if bare == b"---" && !started => continue,
            Some(b'a'..=b'z') => {
                let colon = bare.iter().position(|b| *b == b':')?;
                let (key, rest) = (&bare[..colon], &bare[colon + 1..]);
                let plain = key
                    .iter()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
                if !plain || !(rest.is_empty() || rest.starts_with(b" ")) {
                    return None;
                }
                started = true;
                keep = match COMPARED.iter().position(|k| k.as_bytes() == key) {
                    Some(i) if spans[i].is_some() => return None,
                    Some(i) => {
                        spans[i] = Some(start..start);
                        Some(i)
                    }
                    None => None,
                };
            }
            Some(_) => return None,
        }
        if let Some(i) = keep {
            if line.contains(&b'*') {
                return None;
            }
            if let Some(span) = &mut spans[i] {
                span.end = at;
            }
        }
    }
    Some(spans)
}

/// The records of `current` whose file is as git's index has it, by blob id, with whether the
/// file is Markdown and its path: one `git ls-files -s` for the ids, one `git diff --name-only` for the
/// files edited since.
fn unchanged_on_disk<'a>(
    root: &Path,
    current: &HashMap<&str, &'a Procedure>,
) -> HashMap<String, (&'a Procedure, bool, String)> {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    if current.is_empty() {
        return HashMap::new();
    }
    let (Some(index), Some(edited)) = (
        git(&["ls-files", "-s", "--", "content/procedures"]),
        git(&[
            "diff",
            "--name-only",
            "--relative",
            "--",
            "content/procedures",
        ]),
    ) else {
        return HashMap::new();
    };
    let edited: std::collections::HashSet<&str> = edited.lines().collect();
    index
        .lines()
        .filter_map(|line| {
            // "100644 <id> 0\t<path>"
            let (meta, path) = line.split_once('\t')?;
            let id = meta.split(' ').nth(1)?;
            if edited.contains(path) {
                return None;
            }
            Some((
                id.to_owned(),
                (*current.get(path)?, is_markdown(path), path.to_owned()),
            ))
        })
        .collect()
}

/// The commits of `git log --format=%x00%H %cs --raw`, newest first, with their record files.
fn parse_log(log: &str) -> Vec<Commit> {
    let mut commits: Vec<Commit> = Vec::new();
    for line in log.lines() {
        if let Some(head) = line.strip_prefix('\0') {
            let Some((hash, date)) = head.trim().split_once(' ') else {
                continue;
            };
            let Ok(date) = date.parse() else { continue };
            commits.push(Commit {
                hash: hash.to_owned(),
                date,
                files: Vec::new(),
            });
            continue;
        }
        let (Some(commit), Some(change)) = (commits.last_mut(), RecordChange::of_line(line)) else {
            continue;
        };
        commit.files.push((
            change.old.to_owned(),
            change.new.to_owned(),
            change.path.to_owned(),
        ));
    }
    commits.retain(|c| !c.files.is_empty());
    commits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lists_each_commit_with_its_record_files() {
        let zero = "0".repeat(40);
        let (a, b) = ("a".repeat(40), "b".repeat(40));
        let log = format!(
            "\0h2 2026-05-02\n\n:100644 100644 {a} {b} M\tcontent/procedures/x/a.yaml\n\
             :100644 000000 {a} {zero} D\tcontent/procedures/x/notes.txt\n\
             \0h1 2026-05-01\n\n:000000 100644 {zero} {a} A\tcontent/procedures/x/a.yaml\n"
        );
        let commits = parse_log(&log);
        assert_eq!(commits.len(), 2);
        assert_eq!(commits[0].hash, "h2");
        assert_eq!(
            commits[0].files,
            vec![(a.clone(), b, "content/procedures/x/a.yaml".to_owned())]
        );
        assert_eq!(commits[1].date.iso(), "2026-05-01");
    }

    /// The compared parts of a version, as JSON: equal for equal parts.
    fn parts(p: Compared<'_>) -> String {
        serde_json::to_string(&(
            p.code,
            p.title,
            p.status,
            p.fees,
            p.processing_time,
            p.documents,
            p.announcements,
        ))
        .unwrap()
    }

    #[test]
    fn every_sample_record_reads_as_a_version_as_it_does_as_a_record() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = crate::content::record_files(root);
        assert!(files.len() > 50, "{} records", files.len());
        let mut cut = 0;
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let markdown = path.extension().is_some_and(|e| e == "md");
            let (record, _) = crate::content::parse_record(&bytes, "x", markdown).unwrap();
            let version = Version::read(bytes.clone(), markdown)
                .unwrap_or_else(|| panic!("{}", path.display()));
            assert_eq!(
                parts(version.compared()),
                parts(Compared::from(&*record)),
                "{}",
                path.display()
            );
            let text = String::from_utf8(bytes).unwrap();
            let yaml = if markdown {
                crate::content::split_front_matter(&text, "").unwrap().yaml
            } else {
                &text
            };
            cut += usize::from(compared_lines(yaml).is_some());
        }
        assert!(
            cut > 50,
            "only {cut} records were cut to their compared keys"
        );
    }

    #[test]
    fn only_the_compared_keys_are_kept() {
        let yaml = "---\n# a record\ncode: \"1.1\"\nfield: x\nsteps:\n  - a\n  - b\nfees:\n- id: f\n  kind: fee\n\n# note\nstatus: active\nkeywords: [a, \"*b\"]\n";
        assert_eq!(
            compared_lines(yaml).as_deref(),
            Some("code: \"1.1\"\nfees:\n- id: f\n  kind: fee\n\n# note\nstatus: active\n")
        );
        assert_eq!(
            compared_lines("code: x\r\nfield: y\r\n").as_deref(),
            Some("code: x\r\n")
        );
    }

    #[test]
    fn a_text_that_cannot_be_cut_is_read_whole() {
        for yaml in [
            "{code: \"1.1\", title: t}\n",
            "\"code\": x\n",
            "code: x\ncode: y\n",
            "title: &t x\ncode: *t\n",
            "code: x\n---\ncode: y\n",
            "%YAML 1.2\n---\ncode: x\n",
            "code: x\n...\n",
            "- code: x\n",
            "code:\tx\n",
            "fees: [\n{id: f}\n]\n",
            "Code: x\n",
        ] {
            assert_eq!(compared_lines(yaml), None, "{yaml:?}");
        }
        // An alias in a key left out does not matter.
        assert!(compared_lines("field: &f x\nkeywords: [*f]\ncode: y\n").is_some());
    }

    #[test]
    fn a_version_with_a_wrong_key_the_history_does_not_compare_is_still_compared() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let path = &crate::content::record_files(root)[0];
        let text = std::fs::read_to_string(path).unwrap();
        let broken = format!("{text}no_such_key: 1\nlevel: [\n");
        assert!(crate::content::parse_record(broken.as_bytes(), "x", false).is_err());
        assert!(Version::read(broken.into_bytes(), false).is_some());
        // Not a record at all, or without a compared key: none.
        assert!(Version::read(b"code: [".to_vec(), false).is_none());
        assert!(Version::read(vec![0xff, 0xfe], false).is_none());
        let without_fees: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("fees:"))
            .collect();
        assert!(Version::read(without_fees.into_bytes(), false).is_none());
    }

    /// A sample record with a fee of 0 đồng, and its text.
    fn sample() -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let path = root
            .join("content/procedures/bao-tro-xa-hoi/doi-cap-lai-giay-xac-nhan-khuyet-tat.yaml");
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains("\n    amount: 0\n"));
        text
    }

    /// The changes from `old` to `new` as a pair compares them, as JSON.
    fn pair(old: &str, new: &str) -> String {
        let old = Loaded::read(old.as_bytes().to_vec(), false).unwrap();
        let new = Loaded::read(new.as_bytes().to_vec(), false).unwrap();
        serde_json::to_string(&compare_pair(&old, &new).unwrap()).unwrap()
    }

    /// The changes from `old` to `new` with both read whole, as JSON.
    fn whole(old: &str, new: &str) -> String {
        let old = Version::read(old.as_bytes().to_vec(), false).unwrap();
        let new = Version::read(new.as_bytes().to_vec(), false).unwrap();
        serde_json::to_string(&diff(old.compared(), new.compared())).unwrap()
    }

    #[test]
    fn the_values_of_keys_of_the_same_text_read() {
        assert!(SAME.is_some());
    }

    #[test]
    fn a_pair_differing_in_its_fees_gives_the_fee_change_only() {
        let old = sample();
        let new = old.replacen("\n    amount: 0\n", "\n    amount: 1000\n", 1);
        let new = new.replacen("keywords: [", "keywords: [\"thêm\", ", 1);
        let (old_loaded, new_loaded) = (
            Loaded::read(old.clone().into_bytes(), false).unwrap(),
            Loaded::read(new.clone().into_bytes(), false).unwrap(),
        );
        assert!(matches!(old_loaded, Loaded::Cut(..)));
        let (changes, decided) = compare_pair(&old_loaded, &new_loaded).unwrap();
        assert!(matches!(&changes[..], [Change::Fees { .. }]), "{changes:?}");
        assert_eq!(decided, None);
        assert_eq!(pair(&old, &new), whole(&old, &new));
        // Both ways, and with the record on disk on either side.
        assert_eq!(pair(&new, &old), whole(&new, &old));
        let (record, _) = crate::content::parse_record(new.as_bytes(), "x", false).unwrap();
        let disk = Loaded::Disk(&record, Cut::new(new.clone().into_bytes()).ok());
        let json =
            |r: Option<(Vec<Change>, Option<Date>)>| serde_json::to_string(&r.unwrap()).unwrap();
        assert_eq!(json(compare_pair(&old_loaded, &disk)), whole(&old, &new));
        let disk_uncut = Loaded::Disk(&record, None);
        assert_eq!(
            json(compare_pair(&old_loaded, &disk_uncut)),
            whole(&old, &new)
        );
    }

    #[test]
    fn a_pair_whose_compared_lines_differ_in_their_text_only_gives_no_change() {
        let old = sample();
        let new = old
            .replacen("fees:\n", "fees:\n  # re-read 2026-12-08\n", 1)
            .replacen("\n    amount: 0\n", "\n    amount: 0 # free\n", 1)
            .replacen("title: \"", "title:   \"", 1)
            .replacen("status: active", "status: \"active\"", 1);
        assert_ne!(old, new);
        assert_eq!(pair(&old, &new), "[[],null]");
        assert_eq!(pair(&old, &new), whole(&old, &new));
    }

    #[test]
    fn a_text_that_cannot_be_cut_is_compared_whole_with_the_same_changes() {
        let old = sample();
        let changed = old.replacen("\n    amount: 0\n", "\n    amount: 1000\n", 1);
        let uncut = changed.replacen("\nfield: ", "\n\"field\": ", 1);
        assert!(compared_spans(uncut.as_bytes()).is_none());
        assert!(matches!(
            Loaded::read(uncut.clone().into_bytes(), false),
            Some(Loaded::Whole(_))
        ));
        assert_eq!(pair(&old, &uncut), pair(&old, &changed));
        assert_eq!(pair(&uncut, &old), pair(&changed, &old));
        assert_eq!(pair(&old, &uncut), whole(&old, &changed));
        assert!(pair(&old, &uncut).contains("Fees"));
    }

    #[test]
    fn a_pair_with_a_key_that_does_not_read_where_it_differs_is_not_compared() {
        let old = sample();
        let broken = old.replacen("\n    amount: 0\n", "\n    amount: [\n", 1);
        let (old, broken) = (
            Loaded::read(old.into_bytes(), false).unwrap(),
            Loaded::read(broken.into_bytes(), false).unwrap(),
        );
        assert!(compare_pair(&old, &broken).is_none());
        // Without a key the history needs, or with bytes that are not UTF-8 in one: no version.
        let text = sample();
        let without_title: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("title:"))
            .collect();
        assert!(Loaded::read(without_title.into_bytes(), false).is_none());
        let mut bytes = text.clone().into_bytes();
        bytes.splice(0..0, b"code: \"\xff\"\n".iter().copied());
        assert!(Loaded::read(bytes, false).is_none());
    }
}
