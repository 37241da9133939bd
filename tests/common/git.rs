//! Sites that are git repositories: commits with fixed authors and dates, edits that must
//! find what they replace.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Runs `git` in `root`, as a test user, with commit dates at `date` when given.
pub fn git_on(root: &Path, args: &[&str], date: Option<&str>) {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(args);
    if let Some(date) = date {
        for key in ["GIT_COMMITTER_DATE", "GIT_AUTHOR_DATE"] {
            command.env(key, format!("{date}T10:00:00Z"));
        }
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Runs `git` in `root`.
pub fn git(root: &Path, args: &[&str]) {
    git_on(root, args, None);
}

/// Commits everything in `root` as `message`, dated `date` (`YYYY-MM-DD`).
pub fn commit(root: &Path, message: &str, date: &str) {
    git(root, &["add", "-A"]);
    git_on(root, &["commit", "-q", "-m", message], Some(date));
}

/// Replaces the first `from` in the file `path` by `to`; `from` must be there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{}: {from}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The text of `path` in the site built at `root/public`.
pub fn read(root: &Path, path: &str) -> String {
    let file = root.join("public").join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}
