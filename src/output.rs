//! The site as files: [`OutputPath`] (a checked path inside the output folder) and [`Output`]
//! (path → bytes), made by the index and render steps and written by the publish step; and
//! [`content_hash`], which names files by their content; and what can stop the output folder
//! being published ([`Refusal`], [`Action`], [`PreviousSite`]), which messages name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

    /// The files, for the publish step's parallel writes.
    pub(crate) fn files(&self) -> &BTreeMap<OutputPath, Vec<u8>> {
        &self.files
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

/// FNV-1a: a stable content hash for asset file names (not for security).
pub fn content_hash(bytes: &[u8]) -> String {
    content_hash_of([bytes])
}

/// [`content_hash`] of the concatenation of `parts`, without concatenating them.
pub fn content_hash_of<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.into_iter().flatten() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", hash >> 32)
}

/// Appends `value` to `out` as compact JSON with every `<` written `\u003c`: the same string
/// to every JSON reader, and record text such as `</script>` stays inert where the JSON sits
/// in a page or a file is wrongly sniffed as HTML. The bytes are those of `serde_json`'s
/// compact text with each `<` replaced (outside strings, JSON has no `<`), written in one
/// pass: with the text and then its replaced copy, at 10,000 procedures the 52 MB of
/// `thu-tuc.json` were held twice over (and the text grown by copies into twice its room).
/// Nothing is appended when `value` cannot be written as JSON (a map with keys that are not
/// strings).
pub fn push_inert_json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    /// `serde_json`'s compact formatter, but for `<` in strings (keys included).
    struct Inert;
    impl serde_json::ser::Formatter for Inert {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            let bytes = fragment.as_bytes();
            // Most fragments have no `<`: one scan (memchr) and one write.
            if !bytes.contains(&b'<') {
                return writer.write_all(bytes);
            }
            for (i, part) in bytes.split(|b| *b == b'<').enumerate() {
                if i > 0 {
                    writer.write_all(b"\\u003c")?;
                }
                writer.write_all(part)?;
            }
            Ok(())
        }
    }
    let start = out.len();
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Inert);
    if value.serialize(&mut serializer).is_err() {
        out.truncate(start);
    }
}

/// [`push_inert_json`] into a new string.
pub fn inert_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(128);
    push_inert_json(&mut out, value);
    // serde_json writes UTF-8 only; the check cannot fail.
    String::from_utf8(out).unwrap_or_default()
}

/// The file every congkhai output holds at its top, so that a build only ever replaces a
/// folder a build made (and a killed build's leftovers are recognised as its own).
pub const MARKER: &str = ".congkhai-output";

/// Why an output folder was refused (by [`crate::publish`]). Nothing was touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It is the site root.
    Root,
    /// It holds the site root.
    AboveRoot,
    /// It is, holds or lies in `content/` or `themes/` (the name).
    SiteFolder(&'static str),
    /// It is `/`.
    FileSystemRoot,
    /// It is the home folder.
    Home,
    /// It is a file (or something else that is not a folder).
    NotAFolder,
    /// It is a symbolic link to nothing.
    DanglingLink,
    /// It is a non-empty folder without the marker (allowed with `--force`).
    NotAnOutput,
    /// It is a mount point, or on another file system than its parent: it cannot be renamed.
    MountPoint,
    /// A `.NAME.staging` or `.NAME.old` beside it is not a congkhai leftover (no marker).
    Leftover(PathBuf),
}

/// What the publication was doing when an I/O error happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Looking at the output folder and the site root.
    Inspect,
    /// Taking the lock.
    Lock,
    /// Removing a killed build's leftovers.
    Clean,
    /// Making the staging tree.
    Stage,
    /// Writing files into the staging tree.
    Write,
    /// Flushing the staging tree to disk.
    Flush,
    /// Swapping the staging tree in.
    Swap,
}

/// What an error left at the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviousSite {
    /// The previous site is there as it was (or there was none, and there is still none).
    Kept,
    /// There is no site at the output: the previous one is at this path (the two-rename swap
    /// failed half way and could not be undone). The next build cleans it up.
    MovedAside(PathBuf),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_json_is_serde_jsons_text_with_every_less_than_escaped() {
        let value = serde_json::json!({
            "<k": ["a<b", "</script><!--", 1.5, null, true],
            "t": "Tờ khai \"mẫu\" \\ <số 1>\n",
        });
        let inert = inert_json(&value);
        assert_eq!(inert, value.to_string().replace('<', "\\u003c"));
        assert!(!inert.contains('<'));
        let mut out = b"x".to_vec();
        push_inert_json(&mut out, &value);
        assert_eq!(out, format!("x{inert}").into_bytes());
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
}
