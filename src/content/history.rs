//! The change history of procedures, read from git: every committed version of every record
//! file, read as the parts the history compares, compared with the version before it
//! ([`crate::model::history::diff`]).
//!
//! One `git log --raw` lists, commit by commit, the record files each commit changed with the
//! blob ids before and after. Blobs are immutable, so what a commit changed depends on those
//! lines alone: with a build cache, the changes of each commit are kept under the hash of its
//! lines, and a later build reads the log and the changes of the commits it has seen, no
//! version. For the commits it has not seen (all of them without a cache), one `git cat-file
//! --batch` reads every distinct blob once; a version is read as the keys the history compares
//! only ([`Version`]), not as a whole record. The cost so grows with the number of changed
//! versions not seen before, not with the length of the log nor the size of the catalogue: a
//! commit that touches 20% of 10,000 records reads 4,000 blobs, once.
//!
//! A record is followed by its code, not its path: in one commit, the deletion of a file and
//! the addition of another with the same code is a move (or a rename), compared like an edit.
//! A record's first version (the file added) is not a change: catalogues are usually imported
//! whole, and "added" would be every procedure of the first commit. A record removed from the
//! catalogue leaves its changes without a page to show them, and they are dropped later
//! (the views only show changes of procedures that exist). Without git, outside a repository
//! or in a shallow clone of one commit, the history is empty.

use std::collections::{BTreeMap, HashMap};
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
        .filter(|(id, markdown)| on_disk.get(*id).is_none_or(|(_, md)| md != markdown))
        .collect();
    let ids: Vec<&str> = wanted.iter().map(|(id, _)| *id).collect();
    let bytes = crate::content::git::cat_blobs(root, &ids);
    // A version git could not give is `None` here; one that is no record, `Some(None)`.
    let read: Vec<Option<Option<Version>>> = wanted
        .par_iter()
        .zip(bytes.into_par_iter())
        .map(|((_, markdown), bytes)| bytes.map(|bytes| Version::read(bytes, *markdown)))
        .collect();
    let mut parsed: HashMap<(&str, bool), Option<Compared<'_>>> = wanted
        .iter()
        .zip(&read)
        .filter_map(|(blob, version)| {
            Some((*blob, version.as_ref()?.as_ref().map(Version::compared)))
        })
        .collect();
    for &(id, markdown) in &blobs {
        if let Some(&(procedure, md)) = on_disk.get(id)
            && md == markdown
        {
            parsed.insert((id, markdown), Some(Compared::from(procedure)));
        }
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
fn changes_of(files: &[&File], parsed: &HashMap<(&str, bool), Option<Compared<'_>>>) -> Vec<Found> {
    let version = |id: &str, path: &str| parsed.get(&(id, is_markdown(path))).copied().flatten();
    // Code → (version before, version after) in this commit.
    let mut by_code: BTreeMap<&str, (Option<Compared<'_>>, Option<Compared<'_>>)> = BTreeMap::new();
    for (old, new, path) in files {
        if let Some(p) = version(old, path) {
            by_code.entry(p.code.trim()).or_default().0 = Some(p);
        }
        if let Some(p) = version(new, path) {
            by_code.entry(p.code.trim()).or_default().1 = Some(p);
        }
    }
    by_code
        .into_iter()
        .filter_map(|(code, versions)| {
            let (Some(old), Some(new)) = versions else {
                return None;
            };
            let (changes, decided) = diff(old, new);
            Some(Found {
                code: Text::new(code),
                changes,
                decided,
            })
        })
        .filter(|found| !found.changes.is_empty())
        .collect()
}

/// Whether the record file `path` is Markdown (front matter and a guide).
fn is_markdown(path: &str) -> bool {
    path.ends_with(".md")
}

/// A committed version of a record, as the keys the history compares: the rest of a record
/// is most of its text, and reading it was most of the cost of the history (a version read
/// as a whole record took about 0.2 ms). The types are the record's own, so a version reads
/// as its record would; a version whose other keys are wrong is still compared (a commit
/// that broke an unrelated key does not hide the changes made in it).
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
    fn read(bytes: Vec<u8>, markdown: bool) -> Option<Version> {
        let text = String::from_utf8(bytes).ok()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let yaml = if markdown {
            crate::content::split_front_matter(text, "").ok()?.yaml
        } else {
            text
        };
        match compared_lines(yaml) {
            Some(lines) => serde_saphyr::from_str(&lines).ok(),
            None => serde_saphyr::from_str(yaml).ok(),
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

/// The lines of a record's YAML that hold the keys of [`COMPARED`], for the parser to skip the
/// rest without reading it. A record is a mapping whose keys start at the first column, and
/// the value of a key is on the lines below it up to the next key (indented, or items of a
/// list at the first column): cut there, the kept keys read as they do in the whole text.
/// `None` when the text is not plain enough to be cut so, and is to be read whole: a line at
/// the first column that is not a key, a comment or a list item (a flow collection, a
/// directive, a second document), a key written otherwise (quoted, with a tab), a key twice,
/// or a kept line with a `*`, which may be an alias of an anchor in a key left out.
fn compared_lines(yaml: &str) -> Option<String> {
    let mut out = String::with_capacity(yaml.len() / 2);
    let mut seen = [false; COMPARED.len()];
    // Whether a key was met, and whether the lines are the current key's to keep.
    let (mut started, mut keep) = (false, false);
    for line in yaml.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match bare.as_bytes().first() {
            None | Some(b' ' | b'#') => {}
            Some(b'-') if bare == "-" || bare.starts_with("- ") => {
                if !started {
                    return None;
                }
            }
            Some(b'-') if bare == "---" && !started => continue,
            Some(b'a'..=b'z') => {
                let (key, rest) = bare.split_once(':')?;
                let plain = key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if !plain || !(rest.is_empty() || rest.starts_with(' ')) {
                    return None;
                }
                started = true;
                keep = match COMPARED.iter().position(|k| *k == key) {
                    Some(i) if seen[i] => return None,
                    Some(i) => {
                        seen[i] = true;
                        true
                    }
                    None => false,
                };
            }
            Some(_) => return None,
        }
        if keep {
            if line.contains('*') {
                return None;
            }
            out.push_str(line);
        }
    }
    Some(out)
}

/// The records of `current` whose file is as git's index has it, by blob id, with whether the
/// file is Markdown: one `git ls-files -s` for the ids, one `git diff --name-only` for the
/// files edited since.
fn unchanged_on_disk<'a>(
    root: &Path,
    current: &HashMap<&str, &'a Procedure>,
) -> HashMap<String, (&'a Procedure, bool)> {
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
            Some((id.to_owned(), (*current.get(path)?, is_markdown(path))))
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
}
