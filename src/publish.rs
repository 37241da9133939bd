//! The output set and its atomic publication.
//!
//! Pages are rendered into memory ([`Output`]), a part of the site at a time; publishing writes
//! each part into a staging directory beside the target ([`Staging`]), then swaps the two with
//! renames. A build that fails removes its staging directory without touching the target, and
//! a build killed while writing leaves only a stale staging directory: the published site is
//! always a complete previous build or a complete new one.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// A path inside the output folder, checked: `/`-separated normal components only. No
/// component is empty, `.` or `..`, or holds a backslash, a colon (a drive prefix such as
/// `C:` or a stream name), NUL or another control character; so the path is relative and
/// cannot leave the folder it is joined to, on any system. [`Output`] takes only these: every
/// page, free page, code page, form, static and index file goes through [`OutputPath::new`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutputPath(String);

impl OutputPath {
    /// Checks `path`.
    pub fn new(path: impl Into<String>) -> Result<OutputPath, InvalidPath> {
        let path = path.into();
        let reason = if path.is_empty() {
            Some("it is empty")
        } else if path.starts_with('/') {
            Some("it is absolute")
        } else {
            path.split('/').find_map(|component| match component {
                "" => Some("it has an empty component (`//` or a trailing `/`)"),
                "." | ".." => Some("it has a `.` or `..` component"),
                c if c.contains('\\') => Some("it has a backslash"),
                c if c.contains(':') => Some("it has a colon (a drive prefix or stream name)"),
                c if c.chars().any(char::is_control) => {
                    Some("it has a NUL or another control character")
                }
                _ => None,
            })
        };
        match reason {
            None => Ok(OutputPath(path)),
            Some(reason) => Err(InvalidPath { path, reason }),
        }
    }

    /// The path, `/`-separated.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for OutputPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for OutputPath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for OutputPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl AsRef<Path> for OutputPath {
    fn as_ref(&self) -> &Path {
        Path::new(&self.0)
    }
}

/// A path [`OutputPath::new`] refused, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPath {
    /// The path as given.
    pub path: String,
    /// Why it was refused.
    pub reason: &'static str,
}

impl std::fmt::Display for InvalidPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the output path {:?} is not inside the output folder: {}",
            self.path, self.reason
        )
    }
}

impl std::error::Error for InvalidPath {}

/// Every file of the site: path relative to the output root → bytes.
#[derive(Debug, Default, Clone)]
pub struct Output {
    files: BTreeMap<OutputPath, Vec<u8>>,
}

impl Output {
    /// Files from unchecked paths (the index step's), or the first path that is refused.
    pub fn from_paths(
        files: impl IntoIterator<Item = (String, Vec<u8>)>,
    ) -> Result<Output, InvalidPath> {
        files
            .into_iter()
            .map(|(path, bytes)| Ok((OutputPath::new(path)?, bytes)))
            .collect()
    }

    /// Adds or replaces a file.
    pub fn insert(&mut self, path: OutputPath, bytes: Vec<u8>) {
        self.files.insert(path, bytes);
    }

    /// The bytes at `path`.
    pub fn get(&self, path: &(impl AsRef<str> + ?Sized)) -> Option<&[u8]> {
        self.files.get(path.as_ref()).map(Vec::as_slice)
    }

    /// Removes a file.
    pub fn remove(&mut self, path: &(impl AsRef<str> + ?Sized)) -> Option<Vec<u8>> {
        self.files.remove(path.as_ref())
    }

    /// All files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&OutputPath, &Vec<u8>)> {
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

/// Files added in turn, replacing files at the same paths (another [`Output`] included).
impl Extend<(OutputPath, Vec<u8>)> for Output {
    fn extend<I: IntoIterator<Item = (OutputPath, Vec<u8>)>>(&mut self, files: I) {
        self.files.extend(files);
    }
}

impl FromIterator<(OutputPath, Vec<u8>)> for Output {
    fn from_iter<I: IntoIterator<Item = (OutputPath, Vec<u8>)>>(files: I) -> Output {
        Output {
            files: files.into_iter().collect(),
        }
    }
}

impl IntoIterator for Output {
    type Item = (OutputPath, Vec<u8>);
    type IntoIter = std::collections::btree_map::IntoIter<OutputPath, Vec<u8>>;

    fn into_iter(self) -> Self::IntoIter {
        self.files.into_iter()
    }
}

/// Writes `output` to `target` atomically: a complete new tree is written to a staging
/// directory beside `target`, then swapped in. Files whose bytes equal those already published
/// are hard-linked from the previous tree instead of written again.
pub fn publish(output: &Output, target: &Path) -> io::Result<()> {
    let mut staging = Staging::begin(target)?;
    staging.write(output)?;
    staging.commit()
}

/// A new tree being written beside `target`, part by part ([`Staging::write`]), and swapped
/// in by [`Staging::commit`]. Dropped without a commit, it is removed and `target` is left as
/// it was. A build writes its pages in parts so that the whole site is never in memory at once.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    /// The published tree, to hard-link unchanged files from.
    previous: Option<PathBuf>,
    /// Folders made so far (relative).
    dirs: HashSet<PathBuf>,
    /// Files and bytes written so far.
    files: usize,
    bytes: u64,
    committed: bool,
}

impl Staging {
    /// Starts a tree for `target` (whose parent is created if needed).
    pub fn begin(target: &Path) -> io::Result<Staging> {
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
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            old,
            previous: target.is_dir().then(|| target.to_path_buf()),
            dirs: HashSet::new(),
            files: 0,
            bytes: 0,
            committed: false,
        })
    }

    /// Writes the files of `output` into the tree.
    pub fn write(&mut self, output: &Output) -> io::Result<()> {
        // A page is `a/b/index.html`, so a site has about as many folders as files; creating
        // them was a seventh of the build. Create the new ones level by level, each level in
        // parallel, with plain `create_dir` (the parents exist by then).
        let mut dirs: Vec<PathBuf> = output
            .files
            .keys()
            .filter_map(|p| Path::new(p.as_str()).parent())
            .flat_map(Path::ancestors)
            .filter(|p| !p.as_os_str().is_empty() && !self.dirs.contains(*p))
            .map(Path::to_path_buf)
            .collect();
        dirs.sort();
        dirs.dedup();
        let depth = |p: &PathBuf| p.components().count();
        let max_depth = dirs.iter().map(depth).max().unwrap_or(0);
        for level in 1..=max_depth {
            dirs.par_iter().filter(|d| depth(d) == level).try_for_each(
                |dir| match fs::create_dir(self.staging.join(dir)) {
                    Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
                    _ => Ok(()),
                },
            )?;
        }
        self.dirs.extend(dirs);
        let staging = &self.staging;
        let previous = &self.previous;
        output
            .files
            .par_iter()
            .try_for_each(|(path, bytes)| -> io::Result<()> {
                let destination = staging.join(path);
                if let Some(previous) = previous {
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
        self.files += output.len();
        self.bytes += output.total_bytes();
        Ok(())
    }

    /// Files written so far.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Bytes written so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Swaps the tree in for `target`.
    pub fn commit(mut self) -> io::Result<()> {
        self.committed = true;
        // The swap: two renames. Between them `target` does not exist for an instant, but it
        // never holds a partial tree.
        if self.target.exists() {
            fs::rename(&self.target, &self.old)?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            // Put the previous site back before reporting.
            if self.old.exists() {
                let _ = fs::rename(&self.old, &self.target);
            }
            return Err(e);
        }
        remove_if_exists(&self.old)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_if_exists(&self.staging);
        }
    }
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

    /// An output of (path, text) files.
    fn output(files: &[(&str, &str)]) -> Output {
        let mut out = Output::default();
        for (path, text) in files {
            out.insert(OutputPath::new(*path).unwrap(), text.as_bytes().to_vec());
        }
        out
    }

    /// A fresh folder for a test, and `public` in it.
    fn fresh(name: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("congkhai-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let target = dir.join("public");
        (dir, target)
    }

    #[test]
    fn output_paths_stay_inside_the_output() {
        for ok in [
            "index.html",
            "thu-tuc/x/index.html",
            "ma/1.004772.000.00.00.H54/index.html",
        ] {
            assert_eq!(OutputPath::new(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            "/etc/passwd",
            "../escaped/index.html",
            "a/../../b",
            "./index.html",
            "a//b",
            "a/",
            "a\\..\\b",
            "C:/x",
            "c:x",
            "a\0b",
            "a\nb",
        ] {
            let error = OutputPath::new(bad).unwrap_err();
            assert!(
                error.to_string().contains("not inside the output folder"),
                "{bad:?}"
            );
        }
        assert!(Output::from_paths([("../x".to_owned(), vec![])]).is_err());
    }

    #[test]
    fn publish_replaces_the_tree_and_removes_stale_files() {
        let (dir, target) = fresh("publish");
        publish(
            &output(&[("a/index.html", "one"), ("gone.html", "x")]),
            &target,
        )
        .unwrap();
        publish(
            &output(&[("a/index.html", "one"), ("b.html", "two")]),
            &target,
        )
        .unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");
        assert_eq!(fs::read(target.join("b.html")).unwrap(), b"two");
        assert!(!target.join("gone.html").exists());
        assert!(!dir.join(".public.staging").exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn staging_in_parts_or_abandoned() {
        let (dir, target) = fresh("staging");
        publish(&output(&[("a/b/index.html", "one")]), &target).unwrap();

        // Parts that share folders, then a commit.
        let mut staging = Staging::begin(&target).unwrap();
        staging
            .write(&output(&[
                ("a/b/index.html", "one"),
                ("a/c/index.html", "two"),
            ]))
            .unwrap();
        staging
            .write(&output(&[("a/d/index.html", "three")]))
            .unwrap();
        assert_eq!((staging.files(), staging.bytes()), (3, 11));
        // Nothing is published before the commit.
        assert!(!target.join("a/c/index.html").exists());
        staging.commit().unwrap();
        assert_eq!(fs::read(target.join("a/d/index.html")).unwrap(), b"three");

        // A build that fails between parts drops its staging tree and publishes nothing.
        let mut staging = Staging::begin(&target).unwrap();
        staging.write(&output(&[("x.html", "new")])).unwrap();
        drop(staging);
        assert!(!dir.join(".public.staging").exists());
        assert!(!target.join("x.html").exists());
        assert_eq!(fs::read(target.join("a/c/index.html")).unwrap(), b"two");
        let _ = fs::remove_dir_all(&dir);
    }
}
