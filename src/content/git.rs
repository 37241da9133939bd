//! Dates from git history: when each file last changed, and the date of the last commit.
//!
//! One `git log` per build (what Hugo does) rather than one per file: at 10,000 records a
//! process per file would dominate the build. Without git, or outside a repository, there are
//! simply no dates; the build does not fail.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::vi::Date;

/// Last-change dates of files under `root`, keyed by path relative to `root` (`/`-separated).
#[derive(Debug, Default)]
pub struct GitDates {
    /// File → date of the newest commit that touched it.
    pub files: HashMap<String, Date>,
    /// Date of the newest commit, the build's default "today".
    pub head: Option<Date>,
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
    parse_log(&String::from_utf8_lossy(&output.stdout))
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
