//! The change history of procedures, read from git: every committed version of every record
//! file, parsed as a typed record, compared with the version before it
//! ([`crate::model::history::diff`]).
//!
//! One `git log --raw` lists, commit by commit, the record files each commit changed with the
//! blob ids before and after; one `git cat-file --batch` reads every distinct blob once (blobs
//! are immutable: a version shared by several commits or files is parsed once). The cost grows
//! with the number of changed versions, not with the length of the log nor the size of the
//! catalogue: a commit that touches 20% of 10,000 records reads and parses 4,000 blobs.
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

use crate::content::git::{RecordChange, is_zero};
use crate::model::Procedure;
use crate::model::history::{History, Recorded, diff};
use crate::vi::Date;

/// One commit of the log: its hash, date, and the record files it changed (old blob, new
/// blob, path; a zero id for "none").
#[derive(Debug, PartialEq)]
struct Commit {
    hash: String,
    date: Date,
    files: Vec<(String, String, String)>,
}

/// Where the history finds versions already read, so that it parses as few as it can.
#[derive(Clone, Copy, Default)]
pub struct Versions<'a> {
    /// The records as loaded now, by file relative to the root: a version that is the file on
    /// disk as it is in git's index (most records' newest version) is taken from there.
    pub current: Option<&'a HashMap<&'a str, &'a Procedure>>,
    /// The build cache's records: a version is keyed like a file on disk, by its path in its
    /// commit and its text ([`crate::content::record_key`]), and taken from there when an
    /// earlier build parsed it (as a version or as a file); with a cache, the entries of the
    /// versions read come back for the next build.
    pub cache: Option<&'a crate::cache::Store>,
}

/// The change history, and the cache entries of the versions it read when asked to keep them
/// (the versions that are records on disk are not among them: the load keeps those).
#[derive(Debug, Default)]
pub struct Read {
    /// The changes.
    pub history: History,
    /// One entry per version read from git.
    pub entries: Vec<crate::content::CacheEntry>,
}

/// Reads the change history of `root/content/procedures`, taking versions from `versions`
/// where it can.
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
    // Only versions that can have a version to compare with are read: both sides of a file
    // changed in place, and the deleted and added files of a commit that does both (a move).
    // A commit that only adds files (the first import, or the one commit of a shallow clone,
    // which git shows as adding everything) costs nothing.
    let mut blobs: BTreeMap<&str, &str> = BTreeMap::new();
    for commit in &commits {
        let deletes = commit.files.iter().any(|(_, new, _)| is_zero(new));
        let adds = commit.files.iter().any(|(old, _, _)| is_zero(old));
        for (old, new, path) in &commit.files {
            let (added, deleted) = (is_zero(old), is_zero(new));
            if (added && !deletes) || (deleted && !adds) {
                continue;
            }
            for id in [old, new] {
                if !is_zero(id) {
                    blobs.entry(id.as_str()).or_insert(path.as_str());
                }
            }
        }
    }
    if blobs.is_empty() {
        return Read::default();
    }
    let on_disk = versions
        .current
        .map(|current| unchanged_on_disk(root, current))
        .unwrap_or_default();
    let ids: Vec<&str> = blobs
        .keys()
        .copied()
        .filter(|id| !on_disk.contains_key(*id))
        .collect();
    let bytes = crate::content::git::cat_blobs(root, &ids);
    let (read, entries): (Vec<_>, Vec<_>) = ids
        .par_iter()
        .zip(bytes.into_par_iter())
        .map(|(id, bytes)| {
            let Some(bytes) = bytes else {
                return ((*id, None), None);
            };
            let (procedure, entry) = crate::content::read_version(bytes, blobs[id], versions.cache);
            ((*id, procedure), entry)
        })
        .unzip();
    let entries = entries.into_iter().flatten().collect();
    let mut parsed: HashMap<&str, &Procedure> = read
        .iter()
        .filter_map(|(id, p)| Some((*id, &**p.as_ref()?)))
        .collect();
    for id in blobs.keys() {
        if let Some(&p) = on_disk.get(*id) {
            parsed.insert(id, p);
        }
    }
    let mut changes = Vec::new();
    for (order, commit) in commits.iter().enumerate() {
        // Code → (version before, version after) in this commit.
        let mut by_code: BTreeMap<&str, (Option<&Procedure>, Option<&Procedure>)> = BTreeMap::new();
        for (old, new, _) in &commit.files {
            if let Some(p) = parsed.get(old.as_str()) {
                by_code.entry(p.code.value.trim()).or_default().0 = Some(p);
            }
            if let Some(p) = parsed.get(new.as_str()) {
                by_code.entry(p.code.value.trim()).or_default().1 = Some(p);
            }
        }
        for (code, versions) in by_code {
            let (Some(old), Some(new)) = versions else {
                continue;
            };
            let (found, decided) = diff(old, new);
            let date = decided.unwrap_or(commit.date);
            changes.extend(found.into_iter().enumerate().map(|(seq, change)| Recorded {
                code: crate::model::Text::new(code),
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

/// The records of `current` whose file is as git's index has it, by blob id: one `git
/// ls-files -s` for the ids, one `git diff --name-only` for the files edited since.
fn unchanged_on_disk<'a>(
    root: &Path,
    current: &HashMap<&str, &'a Procedure>,
) -> HashMap<String, &'a Procedure> {
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
            Some((id.to_owned(), *current.get(path)?))
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
}
