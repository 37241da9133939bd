//! The output set and its atomic publication.
//!
//! Pages are rendered into memory ([`Output`]); publishing writes them into a staging directory
//! beside the target, then swaps the two with renames. A failed build never reaches this stage,
//! and a build killed while writing leaves only a stale staging directory: the published site
//! is always a complete previous build or a complete new one.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Every file of the site: path relative to the output root (`/`-separated) → bytes.
#[derive(Debug, Default, Clone)]
pub struct Output {
    files: BTreeMap<String, Vec<u8>>,
}

impl Output {
    /// Adds or replaces a file.
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        self.files.insert(path, bytes);
    }

    /// The bytes at `path`.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Removes a file.
    pub fn remove(&mut self, path: &str) -> Option<Vec<u8>> {
        self.files.remove(path)
    }

    /// All files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.files.iter()
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Total bytes.
    pub fn total_bytes(&self) -> u64 {
        self.files.values().map(|b| b.len() as u64).sum()
    }
}

/// Writes `output` to `target` atomically: a complete new tree is written to a staging
/// directory beside `target`, then swapped in. Files whose bytes equal those already published
/// are hard-linked from the previous tree instead of written again.
pub fn publish(output: &Output, target: &Path) -> io::Result<()> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_owned());
    let staging = parent.join(format!(".{name}.staging"));
    let old = parent.join(format!(".{name}.old"));
    // Leftovers of a killed build are ours to remove.
    remove_if_exists(&staging)?;
    remove_if_exists(&old)?;
    fs::create_dir_all(&staging)?;

    // A page is `a/b/index.html`, so a site has about as many folders as files; creating them
    // was a seventh of the build. Create them level by level, each level in parallel, with
    // plain `create_dir` (the parents exist by then) instead of `create_dir_all` per file.
    let mut dirs: Vec<PathBuf> = output
        .files
        .keys()
        .filter_map(|p| Path::new(p).parent().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .flat_map(|p| p.ancestors().map(Path::to_path_buf).collect::<Vec<_>>())
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    dirs.sort();
    dirs.dedup();
    let depth = |p: &PathBuf| p.components().count();
    let max_depth = dirs.iter().map(depth).max().unwrap_or(0);
    for level in 1..=max_depth {
        dirs.par_iter()
            .filter(|d| depth(d) == level)
            .try_for_each(|dir| match fs::create_dir(staging.join(dir)) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
                _ => Ok(()),
            })?;
    }
    let previous = target.is_dir().then(|| target.to_path_buf());
    output
        .files
        .par_iter()
        .try_for_each(|(path, bytes)| -> io::Result<()> {
            let destination = staging.join(path);
            if let Some(previous) = &previous {
                let old_file = previous.join(path);
                if let Ok(meta) = fs::metadata(&old_file)
                    && meta.len() == bytes.len() as u64
                    && fs::read(&old_file).is_ok_and(|old_bytes| old_bytes == *bytes)
                    && fs::hard_link(&old_file, &destination).is_ok()
                {
                    return Ok(());
                }
            }
            fs::write(&destination, bytes)
        })?;

    // The swap: two renames. Between them `target` does not exist for an instant, but it never
    // holds a partial tree.
    if target.exists() {
        fs::rename(target, &old)?;
    }
    if let Err(e) = fs::rename(&staging, target) {
        // Put the previous site back before reporting.
        if old.exists() {
            let _ = fs::rename(&old, target);
        }
        return Err(e);
    }
    remove_if_exists(&old)?;
    Ok(())
}

fn remove_if_exists(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_replaces_the_tree_and_removes_stale_files() {
        let dir = std::env::temp_dir().join(format!("congkhai-publish-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let target = dir.join("public");
        let mut first = Output::default();
        first.insert("a/index.html".into(), b"one".to_vec());
        first.insert("gone.html".into(), b"x".to_vec());
        publish(&first, &target).unwrap();
        let mut second = Output::default();
        second.insert("a/index.html".into(), b"one".to_vec());
        second.insert("b.html".into(), b"two".to_vec());
        publish(&second, &target).unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");
        assert_eq!(fs::read(target.join("b.html")).unwrap(), b"two");
        assert!(!target.join("gone.html").exists());
        assert!(!dir.join(".public.staging").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
