//! The output set and its atomic publication.
//!
//! Pages are rendered into memory ([`Output`]), a part of the site at a time; publishing writes
//! each part into a staging directory beside the target ([`Staging`]), then swaps the two.
//!
//! - The output folder is only ever a congkhai output ([`Target::resolve`]): it holds a marker
//!   file ([`MARKER`]), and a folder that cannot be one (the site root, `content/`, `themes/`,
//!   a folder above the root, `/`, the home folder, a file, a non-empty folder without the
//!   marker) is refused before anything is touched.
//! - One build at a time per output: a lock file beside it ([`Lock`]) holds the running
//!   build's pid; a second build fails at once ([`PublishError::Busy`]).
//! - The swap is one `renameat2(RENAME_EXCHANGE)` after one `syncfs(2)` of the staging tree's
//!   file system (two renames where the exchange is not supported), then an fsync of the parent.
//!   A build that fails removes its staging directory; a killed build leaves a staging or old
//!   tree with the marker, which the next build removes. The published site is always a
//!   complete previous build or a complete new one.
//! - Every outcome is a value: [`Published`] (with what went wrong after the swap, if
//!   anything) or [`PublishError`] (saying what happened to the previous site).

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

pub use crate::output::{Action, MARKER, PreviousSite, Refusal};
use crate::output::{Output, OutputPath};

/// What the marker says.
fn marker_text() -> String {
    format!(
        "This folder was made by congkhai {} (`congkhai build`). Each build replaces all of it.\n\
         Thư mục này do congkhai {} tạo (`congkhai build`). Mỗi lần dựng, toàn bộ thư mục được thay mới.\n",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_VERSION"),
    )
}

/// Why a site was not published.
#[derive(Debug)]
pub enum PublishError {
    /// The output folder cannot be a congkhai output; nothing was touched.
    Refused {
        /// The output as given.
        out: PathBuf,
        /// Why.
        refusal: Refusal,
    },
    /// Another build holds the output's lock; nothing was touched.
    Busy {
        /// The output as given.
        out: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The running build's pid, when its lock file says.
        pid: Option<u32>,
    },
    /// An I/O error; the staging tree was removed.
    Failed {
        /// The output as given.
        out: PathBuf,
        /// What was being done.
        action: Action,
        /// The path the error is about.
        path: PathBuf,
        /// The error.
        error: io::Error,
        /// What is at the output now.
        previous: PreviousSite,
    },
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Refused { out, refusal } => {
                write!(f, "refused output {}: {refusal:?}", out.display())
            }
            PublishError::Busy { out, pid, .. } => {
                write!(f, "{} is being built by pid {pid:?}", out.display())
            }
            PublishError::Failed {
                action,
                path,
                error,
                previous,
                ..
            } => write!(f, "{action:?} {}: {error} ({previous:?})", path.display()),
        }
    }
}

impl std::error::Error for PublishError {}

/// A problem after the new site was published.
#[derive(Debug)]
pub enum AfterPublish {
    /// The parent folder could not be flushed: the swap may not survive a power cut.
    NotDurable(io::Error),
    /// The previous tree could not be removed; it is at `path` (the next build removes it).
    OldTreeLeft {
        /// Where it is.
        path: PathBuf,
        /// Why it could not be removed.
        error: io::Error,
    },
}

/// A published site.
#[derive(Debug)]
pub struct Published {
    /// What went wrong after the swap (the new site is published all the same).
    pub problems: Vec<AfterPublish>,
}

/// An output folder that passed the checks of [`Target::resolve`].
#[derive(Debug, Clone)]
pub struct Target {
    /// As the user gave it.
    out: PathBuf,
    /// The folder the site is published as: canonical, a symbolic link followed.
    dir: PathBuf,
}

impl Target {
    /// Checks that `out` may hold the site built from `root`, before anything is touched.
    /// Refused: the root or a folder above it, `content/` and `themes/` (or in them), `/`, the
    /// home folder, a file, a dangling link, a mount point, and a non-empty folder without
    /// [`MARKER`] unless `force` (an older output made before the marker, adopted once).
    /// Paths are compared canonical (for an `out` that does not exist yet, its longest
    /// existing prefix); a symbolic link is followed, and the site published where it points.
    pub fn resolve(root: &Path, out: &Path, force: bool) -> Result<Target, PublishError> {
        let refused = |refusal| PublishError::Refused {
            out: out.to_path_buf(),
            refusal,
        };
        let failed = |path: &Path, error| PublishError::Failed {
            out: out.to_path_buf(),
            action: Action::Inspect,
            path: path.to_path_buf(),
            error,
            previous: PreviousSite::Kept,
        };
        let root_dir = fs::canonicalize(root).map_err(|e| failed(root, e))?;
        let dir = canonical_prefix(out).map_err(|e| failed(out, e))?;
        if dir.parent().is_none() {
            return Err(refused(Refusal::FileSystemRoot));
        }
        let home = std::env::var_os("HOME").and_then(|h| fs::canonicalize(h).ok());
        if home.as_deref() == Some(dir.as_path()) {
            return Err(refused(Refusal::Home));
        }
        if dir == root_dir {
            return Err(refused(Refusal::Root));
        }
        if root_dir.starts_with(&dir) {
            return Err(refused(Refusal::AboveRoot));
        }
        for name in ["content", "themes"] {
            let folder = root_dir.join(name);
            let folder = fs::canonicalize(&folder).unwrap_or(folder);
            if dir.starts_with(&folder) || folder.starts_with(&dir) {
                return Err(refused(Refusal::SiteFolder(name)));
            }
        }
        match fs::symlink_metadata(&dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(failed(&dir, e)),
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refused(Refusal::DanglingLink));
            }
            Ok(meta) if !meta.is_dir() => return Err(refused(Refusal::NotAFolder)),
            Ok(meta) => {
                let empty = fs::read_dir(&dir)
                    .map_err(|e| failed(&dir, e))?
                    .next()
                    .is_none();
                if !empty && !is_output(&dir) && !force {
                    return Err(refused(Refusal::NotAnOutput));
                }
                let parent = dir.parent().unwrap_or(&dir);
                let parent_meta = fs::metadata(parent).map_err(|e| failed(parent, e))?;
                if device(&meta) != device(&parent_meta) {
                    return Err(refused(Refusal::MountPoint));
                }
            }
        }
        Ok(Target {
            out: out.to_path_buf(),
            dir,
        })
    }

    /// The output as the user gave it.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// The folder the site is published as (canonical).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn parent(&self) -> &Path {
        self.dir.parent().unwrap_or(Path::new("/"))
    }

    /// `.NAME.suffix` beside the output.
    fn beside(&self, suffix: &str) -> PathBuf {
        let name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_owned());
        self.parent().join(format!(".{name}.{suffix}"))
    }

    /// The lock file of this output.
    pub fn lock_path(&self) -> PathBuf {
        self.beside("lock")
    }

    fn failed(&self, action: Action, path: &Path, error: io::Error) -> PublishError {
        PublishError::Failed {
            out: self.out.clone(),
            action,
            path: path.to_path_buf(),
            error,
            previous: PreviousSite::Kept,
        }
    }
}

/// The device of a file, to tell a mount point.
#[cfg(unix)]
fn device(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::dev(meta)
}

#[cfg(not(unix))]
fn device(_: &fs::Metadata) -> u64 {
    0
}

/// True when `dir` holds the marker.
fn is_output(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
}

/// `path` made absolute and canonical: its longest existing prefix canonicalised, the rest
/// (which does not exist, so holds no links) appended with `..` applied.
fn canonical_prefix(path: &Path) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let components: Vec<Component> = absolute.components().collect();
    for end in (1..=components.len()).rev() {
        let prefix: PathBuf = components[..end].iter().collect();
        match fs::canonicalize(&prefix) {
            Ok(mut canonical) => {
                for component in &components[end..] {
                    match component {
                        Component::ParentDir => {
                            canonical.pop();
                        }
                        Component::Normal(name) => canonical.push(name),
                        _ => {}
                    }
                }
                return Ok(canonical);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(PathBuf::from("/"))
}

/// One build at a time into an output: a file beside it (`.NAME.lock`), locked with
/// `flock` (`File::try_lock`), holding the running build's pid. Released and removed on drop.
#[derive(Debug)]
pub struct Lock {
    /// Held for the lock, which goes with the handle.
    _file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock of `target` (making its parent folder if needed), or fails at once with
    /// [`PublishError::Busy`].
    pub fn take(target: &Target) -> Result<Lock, PublishError> {
        let parent = target.parent();
        fs::create_dir_all(parent).map_err(|e| target.failed(Action::Stage, parent, e))?;
        let path = target.lock_path();
        let failed = |e| target.failed(Action::Lock, &path, e);
        // The holder removes the file before it unlocks, so a lock taken on a file that is no
        // longer at `path` is not the lock: try again with the file there now.
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(failed)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    let pid = fs::read_to_string(&path)
                        .ok()
                        .and_then(|text| text.trim().parse().ok());
                    return Err(PublishError::Busy {
                        out: target.out.clone(),
                        lock: path,
                        pid,
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(failed(e)),
            }
            if !same_file(&file, &path) {
                continue;
            }
            let mut file = file;
            file.set_len(0).map_err(failed)?;
            writeln!(file, "{}", std::process::id()).map_err(failed)?;
            return Ok(Lock { _file: file, path });
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked (see `take`); the lock goes with the file handle.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// Writes `output` to `target` atomically (see [`Staging`]).
pub fn publish(output: &Output, target: &Target) -> Result<Published, PublishError> {
    let mut staging = Staging::begin(target, Lock::take(target)?)?;
    staging
        .write(output)
        .map_err(|e| target.failed(Action::Write, target.dir(), e))?;
    staging.commit()
}

/// Writes a file of the staging tree and starts its write-back to disk without waiting for it
/// (`sync_file_range(SYNC_FILE_RANGE_WRITE)`): the disk writes overlap the rendering of the
/// next parts, so that the one `syncfs` before the swap has little left to wait for. Measured
/// on a fresh build of 10,000 procedures (214 MB, 21,000 files): `syncfs` alone waited 1.29 s.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<File> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    start_writeback(&file);
    Ok(file)
}

/// Whether the file at `path` of the site published at `target` is the one published with
/// `stat`: the same size and modification time to the nanosecond (as rsync's quick check; a
/// file written to since has another time). The inode is not compared, so that a site
/// restored by a CI cache step (tar keeps times) is recognised.
pub fn is_published(target: &Target, path: &OutputPath, stat: &FileStat) -> bool {
    fs::symlink_metadata(target.dir().join(path))
        .ok()
        .and_then(|meta| FileStat::of(&meta))
        .is_some_and(|now| now == *stat)
}

/// What tells a published file from another: its size and modification time. A file written
/// to since it was published has another time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    /// Size in bytes.
    pub len: u64,
    mtime: i64,
    mtime_ns: i64,
}

impl FileStat {
    /// Bytes of [`FileStat::to_bytes`].
    pub const SIZE: usize = 24;

    /// The stat of a file's metadata (`None` off Unix, where nothing is reused).
    pub fn of(meta: &fs::Metadata) -> Option<FileStat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileStat {
                len: meta.len(),
                mtime: meta.mtime(),
                mtime_ns: meta.mtime_nsec(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// As bytes, for the cache.
    pub fn to_bytes(&self) -> [u8; FileStat::SIZE] {
        let mut bytes = [0; FileStat::SIZE];
        let parts = [
            self.len.to_le_bytes(),
            self.mtime.to_le_bytes(),
            self.mtime_ns.to_le_bytes(),
        ];
        for (chunk, part) in bytes.chunks_exact_mut(8).zip(parts) {
            chunk.copy_from_slice(&part);
        }
        bytes
    }

    /// The stat of [`FileStat::to_bytes`]'s bytes.
    pub fn from_bytes(bytes: &[u8]) -> Option<FileStat> {
        if bytes.len() != FileStat::SIZE {
            return None;
        }
        let word = |i: usize| -> [u8; 8] { bytes[i * 8..i * 8 + 8].try_into().unwrap_or_default() };
        Some(FileStat {
            len: u64::from_le_bytes(word(0)),
            mtime: i64::from_le_bytes(word(1)),
            mtime_ns: i64::from_le_bytes(word(2)),
        })
    }
}

#[cfg(target_os = "linux")]
fn start_writeback(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: the descriptor is open for the duration of the call. A failure only means the
    // write-back starts later, at the `syncfs`.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_: &File) {}

/// The file-system operations of the swap, behind a seam so that tests can make each one fail.
pub trait SwapOps {
    /// Flushes the file system that holds `dir` to disk.
    fn sync_fs(&self, dir: &Path) -> io::Result<()>;
    /// Exchanges `a` and `b` atomically; `EINVAL`/`ENOSYS` (or `Unsupported`) where the file
    /// system or the system cannot.
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()>;
    /// Renames `from` to `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Flushes the folder `dir` (its entries) to disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Removes the tree at `dir` (see [`remove_tree`]).
    fn remove_tree(&self, dir: &Path) -> io::Result<()>;
}

/// The real file system.
pub struct System;

impl SwapOps for System {
    fn sync_fs(&self, dir: &Path) -> io::Result<()> {
        sync_fs(dir)
    }

    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
        exchange(a, b)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    fn remove_tree(&self, dir: &Path) -> io::Result<()> {
        remove_tree(dir)
    }
}

/// One `syncfs(2)`: the whole staging tree reaches the disk with one call rather than an fsync
/// per file (a site of 10,000 procedures is 21,000 files).
#[cfg(target_os = "linux")]
fn sync_fs(dir: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let folder = File::open(dir)?;
    // SAFETY: the descriptor is open for the duration of the call.
    if unsafe { libc::syncfs(folder.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
fn sync_fs(_: &Path) -> io::Result<()> {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
    Ok(())
}

#[cfg(not(unix))]
fn sync_fs(_: &Path) -> io::Result<()> {
    Ok(())
}

/// `renameat2(a, b, RENAME_EXCHANGE)`.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    const RENAME_EXCHANGE: libc::c_uint = 1 << 1;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are NUL-terminated and live for the duration of the call. The raw
    // system call rather than libc's wrapper: older C libraries lack the wrapper.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// True when `error` says the exchange is not supported here (use two renames).
fn unsupported(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Unsupported
        || matches!(error.raw_os_error(), Some(code) if is_code(code, &[EINVAL, ENOSYS, ENOTSUP]))
}

/// True when `error` says the output cannot be renamed: a mount point, or another device.
fn cannot_rename(error: &io::Error) -> bool {
    matches!(error.raw_os_error(), Some(code) if is_code(code, &[EBUSY, EXDEV]))
}

fn is_code(code: i32, codes: &[i32]) -> bool {
    codes.contains(&code)
}

#[cfg(unix)]
use libc::{EBUSY, EINVAL, ENOSYS, ENOTSUP, EXDEV};
#[cfg(not(unix))]
const EBUSY: i32 = -1;
#[cfg(not(unix))]
const EINVAL: i32 = -1;
#[cfg(not(unix))]
const ENOSYS: i32 = -1;
#[cfg(not(unix))]
const ENOTSUP: i32 = -1;
#[cfg(not(unix))]
const EXDEV: i32 = -1;

/// Removes the tree at `dir`, the marker last: a removal cut short (a killed build) leaves a
/// tree that is still recognised as a congkhai output and removed by the next build. A tree
/// whose folders were made read-only (an output folder of mode 555) is ours to remove all the
/// same: its folders are made writable and the removal tried again.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
    match remove_tree_once(dir) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_folders_writable(dir);
            remove_tree_once(dir)
        }
        result => result,
    }
}

fn remove_tree_once(dir: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        entries => entries?,
    };
    for entry in entries {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    match fs::remove_file(dir.join(MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::remove_dir(dir)
}

/// Gives the owner read, write and search permission on every folder under `dir` (links are
/// not followed). Best effort: what fails shows in the removal's error.
#[cfg(unix)]
fn make_folders_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(meta) = fs::symlink_metadata(&folder) else {
            continue;
        };
        if !meta.is_dir() {
            continue;
        }
        let mode = meta.permissions().mode();
        if mode & 0o700 != 0o700 {
            let _ = fs::set_permissions(&folder, fs::Permissions::from_mode(mode | 0o700));
        }
        if let Ok(entries) = fs::read_dir(&folder) {
            stack.extend(entries.flatten().map(|e| e.path()));
        }
    }
}

#[cfg(not(unix))]
fn make_folders_writable(_: &Path) {}

/// A new tree being written beside the target, part by part ([`Staging::write`]), and swapped
/// in by [`Staging::commit`]. It holds the output's [`Lock`] until it is committed or dropped. Dropped without a commit, it is removed and the target is left as
/// it was. A build writes its pages in parts so that the whole site is never in memory at once.
pub struct Staging {
    target: Target,
    staging: PathBuf,
    old: PathBuf,
    /// The published tree, to hard-link unchanged files from.
    previous: Option<PathBuf>,
    /// Folders made so far (relative).
    dirs: HashSet<PathBuf>,
    /// Files and bytes written so far.
    files: usize,
    bytes: u64,
    /// Whether the staging path still holds the new tree (removed on drop).
    staged: bool,
    /// The stats of the files put into the tree, once [`Staging::keep_stats`] asked for them.
    stats: Option<Vec<(OutputPath, FileStat)>>,
    /// Whether files of the previous tree can be hard-linked into this one.
    links: bool,
    _lock: Lock,
}

impl Staging {
    /// With the lock of `target` ([`Lock::take`]), removes a killed build's leftovers beside
    /// it (recognised by the marker) and starts a tree with the marker.
    pub fn begin(target: &Target, lock: Lock) -> Result<Staging, PublishError> {
        let staging = target.beside("staging");
        let old = target.beside("old");
        for leftover in [&staging, &old] {
            match fs::symlink_metadata(leftover) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(target.failed(Action::Clean, leftover, e)),
                Ok(meta) => {
                    let ours = meta.is_dir()
                        && (is_output(leftover)
                            || fs::read_dir(leftover).is_ok_and(|mut d| d.next().is_none()));
                    if !ours {
                        return Err(PublishError::Refused {
                            out: target.out.clone(),
                            refusal: Refusal::Leftover(leftover.clone()),
                        });
                    }
                    remove_tree(leftover).map_err(|e| target.failed(Action::Clean, leftover, e))?;
                }
            }
        }
        fs::create_dir(&staging).map_err(|e| target.failed(Action::Stage, &staging, e))?;
        let staging_tree = Staging {
            target: target.clone(),
            previous: target.dir.is_dir().then(|| target.dir.clone()),
            staging,
            old,
            dirs: HashSet::new(),
            files: 0,
            bytes: 0,
            staged: true,
            stats: None,
            links: false,
            _lock: lock,
        };
        let mut staging_tree = staging_tree;
        fs::write(staging_tree.staging.join(MARKER), marker_text())
            .map_err(|e| target.failed(Action::Stage, &staging_tree.staging, e))?;
        if let Some(previous) = &staging_tree.previous {
            let probe = staging_tree.staging.join(".congkhai-link");
            staging_tree.links = fs::hard_link(previous.join(MARKER), &probe).is_ok();
            let _ = fs::remove_file(probe);
        }
        Ok(staging_tree)
    }

    /// Makes the folders that `paths` need and the tree lacks.
    fn make_folders<'p>(&mut self, paths: impl Iterator<Item = &'p OutputPath>) -> io::Result<()> {
        // A page is `a/b/index.html`, so a site has about as many folders as files; creating
        // them was a seventh of the build. Create the new ones level by level, each level in
        // parallel, with plain `create_dir` (the parents exist by then).
        let mut dirs: Vec<PathBuf> = paths
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
        Ok(())
    }

    /// Writes the files of `output` into the tree.
    pub fn write(&mut self, output: &Output) -> io::Result<()> {
        self.make_folders(output.files().keys())?;
        let staging = &self.staging;
        let previous = &self.previous;
        let keep = self.stats.is_some();
        let stat =
            |path: &OutputPath, meta: &fs::Metadata| FileStat::of(meta).map(|s| (path.clone(), s));
        let stats: Vec<Option<(OutputPath, FileStat)>> = output
            .files()
            .par_iter()
            .map(|(path, bytes)| -> io::Result<_> {
                let destination = staging.join(path);
                if let Some(previous) = previous {
                    let old_file = previous.join(path);
                    if let Ok(meta) = fs::metadata(&old_file)
                        && meta.len() == bytes.len() as u64
                        && fs::read(&old_file).is_ok_and(|old_bytes| old_bytes == *bytes)
                        && fs::hard_link(&old_file, &destination).is_ok()
                    {
                        return Ok(if keep { stat(path, &meta) } else { None });
                    }
                }
                let file = write_file(&destination, bytes)?;
                // Only a build with a cache asks: the stat is one more system call a file.
                Ok(if keep {
                    stat(path, &file.metadata()?)
                } else {
                    None
                })
            })
            .collect::<io::Result<_>>()?;
        if let Some(kept) = &mut self.stats {
            kept.extend(stats.into_iter().flatten());
        }
        self.files += output.len();
        self.bytes += output.total_bytes();
        Ok(())
    }

    /// Records the stat of every file put into the tree from now on ([`Staging::take_stats`]).
    pub fn keep_stats(&mut self) {
        self.stats.get_or_insert_with(Vec::new);
    }

    /// The stats recorded since [`Staging::keep_stats`], by path (given once).
    pub fn take_stats(&mut self) -> Vec<(OutputPath, FileStat)> {
        self.stats.take().unwrap_or_default()
    }

    /// Whether files of the previous site can be kept ([`Staging::keep_previous`]): there is
    /// one, and the file system links files.
    pub fn can_keep_previous(&self) -> bool {
        self.links
    }

    /// Puts the previous site's files at `paths` into the tree as they are (hard links), for
    /// pages known to be the same ([`is_published`]).
    pub fn keep_previous(&mut self, paths: &[OutputPath]) -> io::Result<()> {
        if paths.is_empty() {
            return Ok(());
        }
        let Some(previous) = self.previous.clone() else {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "no previous site to keep files from",
            ));
        };
        self.make_folders(paths.iter())?;
        let staging = &self.staging;
        let kept: Vec<(Option<(OutputPath, FileStat)>, u64)> = paths
            .par_iter()
            .map(|path| -> io::Result<_> {
                let old_file = previous.join(path);
                fs::hard_link(&old_file, staging.join(path))?;
                let meta = fs::symlink_metadata(&old_file)?;
                Ok((FileStat::of(&meta).map(|s| (path.clone(), s)), meta.len()))
            })
            .collect::<io::Result<_>>()?;
        let bytes: u64 = kept.iter().map(|(_, len)| len).sum();
        if let Some(stats) = &mut self.stats {
            stats.extend(kept.into_iter().filter_map(|(stat, _)| stat));
        }
        self.files += paths.len();
        self.bytes += bytes;
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

    /// Swaps the tree in for the target.
    pub fn commit(self) -> Result<Published, PublishError> {
        self.commit_with(&System)
    }

    /// [`Staging::commit`] with the file-system operations of `ops`: one `syncfs`, then an
    /// exchange of the two trees (two renames where the file system cannot exchange, a plain
    /// rename when there is no previous site), an fsync of the parent, and the removal of the
    /// old tree. Whatever fails, the target holds the whole previous site or the whole new one,
    /// and the result says which.
    pub fn commit_with(mut self, ops: &dyn SwapOps) -> Result<Published, PublishError> {
        let target = self.target.clone();
        let dir = target.dir.clone();
        let parent = target.parent().to_path_buf();
        let swap_failed = |path: &Path, error: io::Error| {
            if cannot_rename(&error) {
                PublishError::Refused {
                    out: target.out.clone(),
                    refusal: Refusal::MountPoint,
                }
            } else {
                target.failed(Action::Swap, path, error)
            }
        };
        ops.sync_fs(&self.staging)
            .map_err(|e| target.failed(Action::Flush, &self.staging, e))?;
        let mut problems = Vec::new();
        let exists = fs::symlink_metadata(&dir).is_ok();
        // The tree to remove once the new one is in place.
        let old = if !exists {
            ops.rename(&self.staging, &dir)
                .map_err(|e| swap_failed(&dir, e))?;
            self.staged = false;
            None
        } else {
            match ops.exchange(&self.staging, &dir) {
                Ok(()) => {
                    self.staged = false;
                    // The staging path holds the previous tree now: mark it ours (an adopted
                    // older output has no marker) so that a kill before its removal leaves a
                    // leftover the next build recognises.
                    let _ = fs::write(self.staging.join(MARKER), marker_text());
                    Some(self.staging.clone())
                }
                Err(e) if unsupported(&e) => {
                    // Two renames: between them the target does not exist for an instant, but
                    // it never holds a partial tree.
                    ops.rename(&dir, &self.old)
                        .map_err(|e| swap_failed(&dir, e))?;
                    if let Err(e) = ops.rename(&self.staging, &dir) {
                        // Put the previous site back before reporting.
                        let previous = match ops.rename(&self.old, &dir) {
                            Ok(()) => PreviousSite::Kept,
                            Err(_) => PreviousSite::MovedAside(self.old.clone()),
                        };
                        return Err(match swap_failed(&dir, e) {
                            PublishError::Failed {
                                out,
                                action,
                                path,
                                error,
                                ..
                            } => PublishError::Failed {
                                out,
                                action,
                                path,
                                error,
                                previous,
                            },
                            // A mount point: the first rename would have failed already.
                            refused => refused,
                        });
                    }
                    self.staged = false;
                    Some(self.old.clone())
                }
                Err(e) => return Err(swap_failed(&dir, e)),
            }
        };
        if let Err(e) = ops.sync_dir(&parent) {
            problems.push(AfterPublish::NotDurable(e));
        }
        if let Some(old) = old
            && let Err(error) = ops.remove_tree(&old)
        {
            problems.push(AfterPublish::OldTreeLeft { path: old, error });
        }
        Ok(Published { problems })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.staged {
            let _ = remove_tree(&self.staging);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// An output of (path, text) files.
    fn output(files: &[(&str, &str)]) -> Output {
        let mut out = Output::default();
        for (path, text) in files {
            out.insert(OutputPath::new(*path).unwrap(), text.as_bytes().to_vec());
        }
        out
    }

    /// A fresh folder for a test, with a site root `site/` (holding `content/`) in it, and the
    /// target `public` beside the root.
    fn fresh(name: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("congkhai-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("site/content")).unwrap();
        let dir = fs::canonicalize(&dir).unwrap();
        let target = dir.join("public");
        (dir, target)
    }

    fn resolve(dir: &Path, out: &Path) -> Target {
        Target::resolve(&dir.join("site"), out, false).unwrap()
    }

    fn refusal(dir: &Path, out: &Path, force: bool) -> Option<Refusal> {
        match Target::resolve(&dir.join("site"), out, force) {
            Err(PublishError::Refused { refusal, .. }) => Some(refusal),
            _ => None,
        }
    }

    /// Every file under `dir` but the marker, relative, with its text.
    fn snapshot(dir: &Path) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(folder) = stack.pop() {
            for entry in fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.file_name().unwrap() != MARKER {
                    let relative = path
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    files.push((relative, fs::read_to_string(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn publish_replaces_the_tree_and_removes_stale_files() {
        let (dir, target) = fresh("publish");
        let t = resolve(&dir, &target);
        publish(&output(&[("a/index.html", "one"), ("gone.html", "x")]), &t).unwrap();
        publish(&output(&[("a/index.html", "one"), ("b.html", "two")]), &t).unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");
        assert_eq!(fs::read(target.join("b.html")).unwrap(), b"two");
        assert!(!target.join("gone.html").exists());
        assert!(is_output(&target), "the output holds the marker");
        assert!(!dir.join(".public.staging").exists());
        assert!(
            !dir.join(".public.lock").exists(),
            "the lock file is removed"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn staging_in_parts_or_abandoned() {
        let (dir, target) = fresh("staging");
        let t = resolve(&dir, &target);
        publish(&output(&[("a/b/index.html", "one")]), &t).unwrap();

        // Parts that share folders, then a commit.
        let mut staging = Staging::begin(&t, Lock::take(&t).unwrap()).unwrap();
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
        let mut staging = Staging::begin(&t, Lock::take(&t).unwrap()).unwrap();
        staging.write(&output(&[("x.html", "new")])).unwrap();
        drop(staging);
        assert!(!dir.join(".public.staging").exists());
        assert!(!target.join("x.html").exists());
        assert_eq!(fs::read(target.join("a/c/index.html")).unwrap(), b"two");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn folders_that_cannot_be_an_output_are_refused_untouched() {
        let (dir, _) = fresh("refuse");
        let site = dir.join("site");
        fs::create_dir_all(site.join("themes/mine")).unwrap();
        fs::write(site.join("content/site.yaml"), "x").unwrap();
        let cases = [
            (site.clone(), Refusal::Root),
            (site.join("."), Refusal::Root),
            (dir.clone(), Refusal::AboveRoot),
            (site.join("content/../.."), Refusal::AboveRoot),
            (site.join("content"), Refusal::SiteFolder("content")),
            (site.join("content/public"), Refusal::SiteFolder("content")),
            (site.join("themes"), Refusal::SiteFolder("themes")),
            (PathBuf::from("/"), Refusal::FileSystemRoot),
            (
                site.join("content/site.yaml"),
                Refusal::SiteFolder("content"),
            ),
        ];
        for (out, expected) in &cases {
            for force in [false, true] {
                assert_eq!(
                    refusal(&dir, out, force).as_ref(),
                    Some(expected),
                    "{} force={force}",
                    out.display()
                );
            }
        }
        // A file, and a folder of someone else's files (unless adopted with --force).
        fs::write(dir.join("notes.txt"), "keep").unwrap();
        assert_eq!(
            refusal(&dir, &dir.join("notes.txt"), true),
            Some(Refusal::NotAFolder)
        );
        fs::create_dir(dir.join("photos")).unwrap();
        fs::write(dir.join("photos/a.jpg"), "keep").unwrap();
        assert_eq!(
            refusal(&dir, &dir.join("photos"), false),
            Some(Refusal::NotAnOutput)
        );
        assert_eq!(refusal(&dir, &dir.join("photos"), true), None);
        // Allowed: a new folder (even below a missing one), an empty one, the root's public/.
        fs::create_dir(dir.join("empty")).unwrap();
        for out in [
            dir.join("new/deeper"),
            dir.join("empty"),
            site.join("public"),
        ] {
            assert_eq!(refusal(&dir, &out, false), None, "{}", out.display());
        }
        // Nothing was touched.
        assert_eq!(fs::read_to_string(dir.join("notes.txt")).unwrap(), "keep");
        assert_eq!(
            fs::read_to_string(dir.join("photos/a.jpg")).unwrap(),
            "keep"
        );
        assert_eq!(
            fs::read_to_string(site.join("content/site.yaml")).unwrap(),
            "x"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_publishes_where_it_points_and_stays_a_link() {
        let (dir, _) = fresh("symlink");
        let real = dir.join("real");
        let link = dir.join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(
            refusal(&dir, &link, true),
            Some(Refusal::DanglingLink),
            "a link to nothing"
        );
        fs::create_dir(&real).unwrap();
        for text in ["one", "two"] {
            publish(&output(&[("index.html", text)]), &resolve(&dir, &link)).unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read_to_string(real.join("index.html")).unwrap(), text);
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_killed_builds_leftovers_are_removed_and_others_refused() {
        let (dir, target) = fresh("leftovers");
        let t = resolve(&dir, &target);
        publish(&output(&[("index.html", "one")]), &t).unwrap();
        // A killed build: a staging tree with the marker, an old tree cut short in removal
        // (the marker goes last), an empty staging folder.
        for name in [".public.staging", ".public.old"] {
            fs::create_dir_all(dir.join(name).join("a")).unwrap();
            fs::write(dir.join(name).join(MARKER), "").unwrap();
            fs::write(dir.join(name).join("a/x.html"), "").unwrap();
        }
        publish(&output(&[("index.html", "two")]), &t).unwrap();
        assert!(!dir.join(".public.staging").exists());
        assert!(!dir.join(".public.old").exists());
        fs::create_dir(dir.join(".public.staging")).unwrap();
        publish(&output(&[("index.html", "three")]), &t).unwrap();
        assert!(!dir.join(".public.staging").exists());
        // Not ours: refused, and kept.
        fs::create_dir(dir.join(".public.old")).unwrap();
        fs::write(dir.join(".public.old/mine.txt"), "keep").unwrap();
        let refused = publish(&output(&[("index.html", "four")]), &t).unwrap_err();
        assert!(
            matches!(&refused, PublishError::Refused { refusal: Refusal::Leftover(p), .. } if p.ends_with(".public.old")),
            "{refused:?}"
        );
        assert_eq!(
            fs::read_to_string(dir.join(".public.old/mine.txt")).unwrap(),
            "keep"
        );
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "three"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_second_build_into_the_same_output_is_busy() {
        let (dir, target) = fresh("lock");
        let t = resolve(&dir, &target);
        let first = Staging::begin(&t, Lock::take(&t).unwrap()).unwrap();
        let lock = t.lock_path();
        assert_eq!(
            fs::read_to_string(&lock).unwrap().trim(),
            std::process::id().to_string()
        );
        // A second handle on the same lock file (flock locks are per open file).
        match Lock::take(&t) {
            Err(PublishError::Busy { pid, lock: l, .. }) => {
                assert_eq!(pid, Some(std::process::id()));
                assert_eq!(l, lock);
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        first.commit().unwrap();
        assert!(!lock.exists());
        publish(&output(&[("index.html", "next")]), &t).unwrap();
        let _ = fs::remove_dir_all(&dir);
    }

    /// A step of the swap.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Op {
        SyncFs,
        Exchange,
        /// The n-th rename (from 0).
        Rename(u8),
        SyncDir,
        RemoveTree,
    }

    /// The real file system, where the exchange may be unsupported and one step fails.
    struct Faulty {
        exchange: bool,
        fail: Op,
        error: i32,
        renames: Cell<u8>,
    }

    impl Faulty {
        fn check(&self, op: Op) -> io::Result<()> {
            if op == self.fail {
                Err(io::Error::from_raw_os_error(self.error))
            } else {
                Ok(())
            }
        }
    }

    impl SwapOps for Faulty {
        fn sync_fs(&self, dir: &Path) -> io::Result<()> {
            self.check(Op::SyncFs)?;
            System.sync_fs(dir)
        }
        fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
            if !self.exchange {
                return Err(io::Error::from_raw_os_error(libc::EINVAL));
            }
            self.check(Op::Exchange)?;
            System.exchange(a, b)
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            let n = self.renames.get();
            self.renames.set(n + 1);
            self.check(Op::Rename(n))?;
            System.rename(from, to)
        }
        fn sync_dir(&self, dir: &Path) -> io::Result<()> {
            self.check(Op::SyncDir)?;
            System.sync_dir(dir)
        }
        fn remove_tree(&self, dir: &Path) -> io::Result<()> {
            self.check(Op::RemoveTree)?;
            System.remove_tree(dir)
        }
    }

    /// What a swap is expected to end in.
    #[derive(Debug, PartialEq)]
    enum End {
        /// Published, with these problems (by name).
        New(&'static [&'static str]),
        /// Not published; the previous site as it was.
        Old,
        /// Not published; the previous site moved aside.
        Aside,
        /// Refused as a mount point; the previous site as it was.
        Mount,
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_failure_at_any_step_of_the_swap_leaves_a_whole_site_and_says_which() {
        let old_site = [("a/index.html", "old"), ("gone.html", "old")];
        let new_site = [("a/index.html", "new"), ("b.html", "new")];
        let eio = libc::EIO;
        let cases: &[(bool, Op, i32, End)] = &[
            // renameat2(RENAME_EXCHANGE).
            (true, Op::SyncFs, eio, End::Old),
            (true, Op::Exchange, eio, End::Old),
            (true, Op::Exchange, libc::EBUSY, End::Mount),
            (true, Op::SyncDir, eio, End::New(&["NotDurable"])),
            (true, Op::RemoveTree, eio, End::New(&["OldTreeLeft"])),
            (true, Op::Rename(9), eio, End::New(&[])),
            // Two renames (the exchange unsupported).
            (false, Op::SyncFs, eio, End::Old),
            (false, Op::Rename(0), eio, End::Old),
            (false, Op::Rename(0), libc::EXDEV, End::Mount),
            (false, Op::Rename(1), eio, End::Old),
            (false, Op::SyncDir, eio, End::New(&["NotDurable"])),
            (false, Op::RemoveTree, eio, End::New(&["OldTreeLeft"])),
            (false, Op::Rename(9), eio, End::New(&[])),
        ];
        for (i, (exchange, fail, error, expected)) in cases.iter().enumerate() {
            let (dir, target) = fresh(&format!("fault-{i}"));
            let t = resolve(&dir, &target);
            publish(&output(&old_site), &t).unwrap();
            let mut staging = Staging::begin(&t, Lock::take(&t).unwrap()).unwrap();
            staging.write(&output(&new_site)).unwrap();
            let ops = Faulty {
                exchange: *exchange,
                fail: *fail,
                error: *error,
                renames: Cell::new(0),
            };
            let end = match staging.commit_with(&ops) {
                Ok(published) => {
                    let names: Vec<&str> = published
                        .problems
                        .iter()
                        .map(|p| match p {
                            AfterPublish::NotDurable(_) => "NotDurable",
                            AfterPublish::OldTreeLeft { .. } => "OldTreeLeft",
                        })
                        .collect();
                    End::New(match names.as_slice() {
                        [] => &[],
                        ["NotDurable"] => &["NotDurable"],
                        ["OldTreeLeft"] => &["OldTreeLeft"],
                        other => panic!("{other:?}"),
                    })
                }
                Err(PublishError::Failed {
                    previous: PreviousSite::Kept,
                    ..
                }) => End::Old,
                Err(PublishError::Failed {
                    previous: PreviousSite::MovedAside(_),
                    ..
                }) => End::Aside,
                Err(PublishError::Refused {
                    refusal: Refusal::MountPoint,
                    ..
                }) => End::Mount,
                Err(other) => panic!("{other:?}"),
            };
            let case = format!("case {i}: exchange={exchange} fail={fail:?}");
            assert_eq!(&end, expected, "{case}");
            let published = snapshot(&target);
            let wanted = match end {
                End::New(_) => &new_site,
                _ => &old_site,
            };
            let wanted: Vec<(String, String)> = wanted
                .iter()
                .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
                .collect();
            assert_eq!(published, wanted, "{case}");
            assert!(is_output(&target), "{case}");
            // The staging tree is gone (or, when the old tree could not be removed, holds the
            // old tree, marked, for the next build to remove).
            let leftovers: Vec<PathBuf> = [".public.staging", ".public.old"]
                .iter()
                .map(|n| dir.join(n))
                .filter(|p| p.exists())
                .collect();
            match end {
                End::New(["OldTreeLeft"]) => {
                    assert_eq!(leftovers.len(), 1, "{case}");
                    assert!(is_output(&leftovers[0]), "{case}");
                }
                _ => assert!(leftovers.is_empty(), "{case}: {leftovers:?}"),
            }
            // The next build succeeds and cleans up.
            publish(&output(&[("index.html", "next")]), &t).unwrap();
            assert_eq!(
                snapshot(&target),
                [("index.html".to_owned(), "next".to_owned())]
            );
            assert!(!dir.join(".public.staging").exists() && !dir.join(".public.old").exists());
            let _ = fs::remove_dir_all(&dir);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_two_rename_swap_that_cannot_be_undone_says_where_the_old_site_is() {
        let (dir, target) = fresh("aside");
        let t = resolve(&dir, &target);
        publish(&output(&[("index.html", "old")]), &t).unwrap();
        let mut staging = Staging::begin(&t, Lock::take(&t).unwrap()).unwrap();
        staging.write(&output(&[("index.html", "new")])).unwrap();
        /// Fails the second rename and the one that would undo the first.
        struct Stuck(Cell<u8>);
        impl SwapOps for Stuck {
            fn sync_fs(&self, _: &Path) -> io::Result<()> {
                Ok(())
            }
            fn exchange(&self, _: &Path, _: &Path) -> io::Result<()> {
                Err(io::Error::from_raw_os_error(libc::ENOSYS))
            }
            fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
                self.0.set(self.0.get() + 1);
                if self.0.get() == 1 {
                    fs::rename(from, to)
                } else {
                    Err(io::Error::from_raw_os_error(libc::EIO))
                }
            }
            fn sync_dir(&self, _: &Path) -> io::Result<()> {
                Ok(())
            }
            fn remove_tree(&self, dir: &Path) -> io::Result<()> {
                remove_tree(dir)
            }
        }
        match staging.commit_with(&Stuck(Cell::new(0))) {
            Err(PublishError::Failed {
                previous: PreviousSite::MovedAside(aside),
                ..
            }) => {
                assert_eq!(fs::read_to_string(aside.join("index.html")).unwrap(), "old");
                assert!(!target.exists());
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert!(!dir.join(".public.staging").exists());
        publish(&output(&[("index.html", "next")]), &t).unwrap();
        assert!(!dir.join(".public.old").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
