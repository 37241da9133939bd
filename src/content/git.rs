//! Dates from git history: when each file last changed, and the date of the last commit; and
//! the addresses procedures had before, so that old links keep working.
//!
//! One `git log` per build (what Hugo does) rather than one per file: at 10,000 records a
//! process per file would dominate the build. Without git, or outside a repository, there are
//! simply no dates; the build does not fail.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::vi::Date;

/// Last-change dates of files under `root`, keyed by path relative to `root` (`/`-separated).
#[derive(Debug, Default, Clone)]
pub struct GitDates {
    /// File → date of the newest commit that touched it.
    pub files: HashMap<String, Date>,
    /// Date of the newest commit, the build's default "today".
    pub head: Option<Date>,
    /// Procedure code → the slugs its record had in earlier commits, each with the date of
    /// the commit that changed it (the latest such date when several did).
    pub old_slugs: HashMap<String, BTreeMap<String, Date>>,
    /// Whether the clone is shallow: then the history, and the old addresses, are partial.
    pub shallow: bool,
    /// What changed in each procedure between its committed versions: empty from [`read`],
    /// filled from [`crate::content::history::read`] (a step of its own, which takes the
    /// records as loaded).
    pub history: std::sync::Arc<crate::model::history::History>,
}

/// Reads the history of `root/content` with one `git log`.
pub fn read(root: &Path) -> GitDates {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--format=%x00%cs",
            "--name-only",
            "--relative",
            "--no-renames",
            "--",
            ".",
        ])
        .output();
    let Ok(output) = output else {
        return GitDates::default();
    };
    if !output.status.success() {
        return GitDates::default();
    }
    let mut dates = parse_log(&String::from_utf8_lossy(&output.stdout));
    dates.old_slugs = old_slugs(root);
    dates.shallow = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--is-shallow-repository"])
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"true"));
    dates
}

/// The slugs records had before a commit changed their title or slug, by code.
///
/// One `git log -G` lists the record files whose `title:`, `slug:` or `code:` line a commit
/// changed (renames and deletions included, as a deletion and an addition), with the blob each
/// had before; one `git cat-file --batch` reads those blobs. Only they are read: a catalogue's
/// ordinary edits (a fee, a document) cost nothing here. The record is followed by its code,
/// so a file that moved or was renamed keeps its old addresses.
///
/// `-G` searches only the commits that changed or deleted a record file, which a `git log`
/// without it lists from the trees alone: over the whole history it also searched every
/// record a commit added, which has no earlier address (the first commit of a catalogue of
/// 10,000 records made the step take 0.5 s instead of 0.03 s).
fn old_slugs(root: &Path) -> HashMap<String, BTreeMap<String, Date>> {
    let mut out: HashMap<String, BTreeMap<String, Date>> = HashMap::new();
    let Ok(changed) = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--format=%H",
            "--diff-filter=MD",
            "--no-renames",
            "--relative",
            "--",
            RECORDS,
        ])
        .output()
    else {
        return out;
    };
    if !changed.status.success() || changed.stdout.is_empty() {
        return out;
    }
    let Ok(log) = git_with_input(
        root,
        &[
            "log",
            "--no-walk=unsorted",
            "--stdin",
            "--format=%x00%cs",
            "-G^(title|slug|code):",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--relative",
            "--",
            RECORDS,
        ],
        changed.stdout,
    ) else {
        return out;
    };
    if !log.status.success() {
        return out;
    }
    let blobs = changed_blobs(&String::from_utf8_lossy(&log.stdout));
    if blobs.is_empty() {
        return out;
    }
    for (text, (date, markdown)) in read_blobs(root, &blobs) {
        if let Some((code, slug)) = slug_of(&text, markdown) {
            let slot = out.entry(code).or_default().entry(slug).or_insert(date);
            *slot = (*slot).max(date);
        }
    }
    out
}

/// The folder of the record files, relative to the site root.
const RECORDS: &str = "content/procedures";

/// Runs git with `args` in `root`, `input` written to its standard input from a thread (git
/// answers while it reads, and a full pipe would stop both), and its output.
fn git_with_input(
    root: &Path,
    args: &[&str],
    input: Vec<u8>,
) -> std::io::Result<std::process::Output> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            let _ = stdin.write_all(&input);
        }
        drop(stdin);
    });
    let output = child.wait_with_output();
    let _ = writer.join();
    output
}

/// A record file's line in `git log --raw --no-abbrev`: ":100644 100644 <old> <new> M\tpath".
pub(crate) struct RecordChange<'a> {
    /// The blob before the commit (zeros when the file was added).
    pub old: &'a str,
    /// The blob after it (zeros when the file was deleted).
    pub new: &'a str,
    /// `A`, `M`, `D`, …
    pub status: &'a str,
    /// The file, relative to the root.
    pub path: &'a str,
}

impl<'a> RecordChange<'a> {
    /// The change `line` tells, when it is a file line of a record file.
    pub(crate) fn of_line(line: &'a str) -> Option<RecordChange<'a>> {
        let (meta, path) = line.strip_prefix(':')?.split_once('\t')?;
        let mut fields = meta.split(' ').skip(2);
        let (old, new, status) = (fields.next()?, fields.next()?, fields.next()?);
        let is_record = crate::content::RECORD_EXTENSIONS
            .iter()
            .any(|e| path.strip_suffix(e).is_some_and(|p| p.ends_with('.')));
        is_record.then_some(RecordChange {
            old,
            new,
            status,
            path,
        })
    }
}

/// Whether `id` is git's id of no blob (all zeros).
pub(crate) fn is_zero(id: &str) -> bool {
    id.bytes().all(|b| b == b'0')
}

/// From `git log --raw`: each old blob (the version a commit replaced or deleted) of a record
/// file, with the date of that commit and whether the file is Markdown. Sorted by blob id.
fn changed_blobs(log: &str) -> Vec<(String, Date, bool)> {
    let mut blobs: BTreeMap<String, (Date, bool)> = BTreeMap::new();
    let mut current: Option<Date> = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = date.trim().parse().ok();
            continue;
        }
        let (Some(date), Some(change)) = (current, RecordChange::of_line(line)) else {
            continue;
        };
        if is_zero(change.old)
            || !(change.status.starts_with('M') || change.status.starts_with('D'))
        {
            continue;
        }
        // The newest commit comes first: keep the date of the first sight of a blob.
        blobs
            .entry(change.old.to_owned())
            .or_insert((date, change.path.ends_with(".md")));
    }
    blobs
        .into_iter()
        .map(|(id, (date, markdown))| (id, date, markdown))
        .collect()
}

/// The texts of `blobs`, read with one `git cat-file --batch`; a blob that cannot be read is
/// left out.
fn read_blobs(root: &Path, blobs: &[(String, Date, bool)]) -> Vec<(String, (Date, bool))> {
    let ids: Vec<&str> = blobs.iter().map(|(id, _, _)| id.as_str()).collect();
    cat_blobs(root, &ids)
        .into_iter()
        .zip(blobs)
        .filter_map(|(bytes, (_, date, markdown))| {
            String::from_utf8(bytes?)
                .ok()
                .map(|t| (t, (*date, *markdown)))
        })
        .collect()
}

/// The bytes of the blobs `ids`, in their order, read with one `git cat-file --batch`; `None`
/// for a blob that cannot be read.
pub(crate) fn cat_blobs(root: &Path, ids: &[&str]) -> Vec<Option<Vec<u8>>> {
    let Ok(mut child) = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return vec![None; ids.len()];
    };
    let mut stdin = child.stdin.take();
    let input: String = ids.iter().map(|id| format!("{id}\n")).collect();
    // Write from a thread: git answers while it reads, and a full pipe would stop both.
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            let _ = stdin.write_all(input.as_bytes());
        }
        drop(stdin);
    });
    let mut out = Vec::with_capacity(ids.len());
    if let Some(stdout) = child.stdout.take() {
        let mut reader = BufReader::new(stdout);
        for _ in ids {
            // "<id> blob <size>\n<bytes>\n", or "<id> missing\n".
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                break;
            }
            let Some(size) = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse::<usize>().ok())
            else {
                out.push(None);
                continue;
            };
            let mut bytes = vec![0; size + 1];
            if reader.read_exact(&mut bytes).is_err() {
                break;
            }
            bytes.pop();
            out.push(Some(bytes));
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    out.resize(ids.len(), None);
    out
}

/// The code and the slug of a record's old text (its `slug:`, or the one its title makes), when
/// it reads.
fn slug_of(text: &str, markdown: bool) -> Option<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Head {
        code: String,
        title: String,
        #[serde(default)]
        slug: Option<String>,
    }
    let yaml = if markdown {
        crate::content::split_front_matter(text, "").ok()?.yaml
    } else {
        text
    };
    let head: Head = serde_saphyr::from_str(yaml).ok()?;
    let slug = crate::vi::record_slug(head.slug.as_deref(), &crate::vi::nfc(&head.title));
    (!slug.is_empty()).then(|| (head.code.trim().to_owned(), slug))
}

fn parse_log(log: &str) -> GitDates {
    let mut dates = GitDates::default();
    let mut current: Option<Date> = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = date.trim().parse().ok();
            if dates.head.is_none() {
                dates.head = current;
            }
        } else if !line.is_empty()
            && let Some(date) = current
        {
            // git log lists newest first: the first date seen for a file is its last change.
            dates.files.entry(line.to_owned()).or_insert(date);
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_date_seen_is_the_last_change() {
        let log = "\x002026-05-02\n\ncontent/a.yaml\n\n\x002026-01-01\n\ncontent/a.yaml\ncontent/b.yaml\n";
        let dates = parse_log(log);
        assert_eq!(dates.head.map(|d| d.iso()), Some("2026-05-02".to_owned()));
        assert_eq!(dates.files["content/a.yaml"].iso(), "2026-05-02");
        assert_eq!(dates.files["content/b.yaml"].iso(), "2026-01-01");
    }
}
