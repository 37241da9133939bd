//! The build cache of `build --cache DIR`: what earlier builds computed, kept between runs (CI
//! keeps the folder with its cache step) and keyed by content, so that a build computes again
//! only what changed.
//!
//! A cache file is a table of entries (a 128-bit key → bytes) behind a header that names the
//! file's format and the binary that wrote it, and before a checksum of everything above it.
//! A file of another format or another binary, truncated or damaged, is not used: the build
//! computes everything and says why ([`Ignored`]). Keys hash the whole input of what is stored
//! (a record's path and text, a page's every template value), so an entry can only be found by
//! the input it was made from: the cache can make a build faster, never different.
//!
//! Entries are written after the site is published, each file through a temporary file and a
//! rename: a build killed while writing leaves the previous cache or none, never half of one.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// Where `--cache` keeps its files when given no folder, under the site root: the folder CI's
/// cache steps are told to keep.
pub const DEFAULT_DIR: &str = ".congkhai-cache";

/// The first bytes of every cache file.
const MAGIC: &[u8; 16] = b"congkhai-cache\n\0";

/// The layout of cache files; changed whenever what an entry holds changes.
const FORMAT: u32 = 1;

/// A key: the hash of an entry's whole input.
pub type Key = u128;

/// The key of `parts`, each one's length hashed before it so that ("ab", "c") and ("a", "bc")
/// differ.
pub fn key(parts: &[&[u8]]) -> Key {
    let mut hasher = Xxh3::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

/// A hasher that takes bytes as an [`io::Write`], for values serialised straight into it.
#[derive(Default)]
pub struct KeyWriter(Xxh3);

impl KeyWriter {
    /// The key of everything written.
    pub fn finish(&self) -> Key {
        self.0.digest128()
    }
}

impl Write for KeyWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The identity of the running binary: the hash of everything it was compiled from (see
/// `build.rs`). A cache written by a binary of other sources is not used, since its entries
/// may not be what this one would compute; the same sources compiled again keep using it.
pub fn binary_id() -> Key {
    u128::from_str_radix(env!("CONGKHAI_BUILD_ID"), 16).unwrap_or_default()
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// Written by another build of congkhai, or in another format.
    OtherVersion,
    /// Truncated or damaged (its checksum does not match, or it ends early).
    Corrupt,
    /// It could not be read.
    Unreadable(String),
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ignored::OtherVersion => f.write_str("other version"),
            Ignored::Corrupt => f.write_str("corrupt"),
            Ignored::Unreadable(error) => f.write_str(error),
        }
    }
}

/// The cache folder of a build: its stores as the previous build left them.
#[derive(Debug)]
pub struct Cache {
    /// The folder.
    pub dir: PathBuf,
    /// The running binary ([`binary_id`]).
    pub binary: Key,
    /// Procedure records by their path and text.
    pub records: Store,
    /// The pages of the site last published, by their path and [`page_key`]: the stat of the
    /// file published (`publish::FileStat`).
    pub pages: Store,
    /// The changes of the commits the change history compared, by the hash of each commit's
    /// record files and blob ids (`content::history`).
    pub history: Store,
}

/// The file of [`Cache::pages`].
pub const PAGES: &str = "pages.bin";

/// The key of a page in [`Cache::pages`]: its path and the key of its template values.
pub fn page_key(path: &str, values: Key) -> Key {
    key(&[path.as_bytes(), &values.to_le_bytes()])
}

/// The file of [`Cache::records`].
pub const RECORDS: &str = "records.bin";

/// The file of [`Cache::history`].
pub const HISTORY: &str = "history.bin";

impl Cache {
    /// Opens the cache in `dir` (which need not exist yet). A store that cannot be used is
    /// left empty, with the reason, and replaced after the build.
    pub fn open(dir: &Path) -> (Cache, Option<Ignored>) {
        let binary = binary_id();
        let mut ignored = None;
        let mut read = |name| {
            Store::read(dir, name, binary).unwrap_or_else(|why| {
                ignored.get_or_insert(why);
                Store::default()
            })
        };
        let records = read(RECORDS);
        let pages = read(PAGES);
        let history = read(HISTORY);
        let cache = Cache {
            dir: dir.to_path_buf(),
            binary,
            records,
            pages,
            history,
        };
        (cache, ignored)
    }
}

/// The entries of one cache file, in one buffer.
#[derive(Debug, Default)]
pub struct Store {
    entries: HashMap<Key, Range<usize>, rustc_hash::FxBuildHasher>,
    data: Vec<u8>,
}

impl Store {
    /// The bytes stored under `key`.
    pub fn get(&self, key: Key) -> Option<&[u8]> {
        self.entries
            .get(&key)
            .map(|range| &self.data[range.clone()])
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reads the store `name` of `dir` written by the binary `binary`: empty when there is none
    /// yet, an error saying why when there is one that cannot be used.
    pub fn read(dir: &Path, name: &str, binary: Key) -> Result<Store, Ignored> {
        let data = match std::fs::read(dir.join(name)) {
            Ok(data) => data,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Store::default()),
            Err(e) => return Err(Ignored::Unreadable(e.to_string())),
        };
        Store::parse(data, binary)
    }

    fn parse(data: Vec<u8>, binary: Key) -> Result<Store, Ignored> {
        const HEADER: usize = 16 + 4 + 16 + 8;
        const CHECKSUM: usize = 16;
        if data.len() < HEADER + CHECKSUM || &data[..16] != MAGIC {
            return Err(if data.starts_with(MAGIC) || MAGIC.starts_with(&data) {
                Ignored::Corrupt
            } else {
                Ignored::OtherVersion
            });
        }
        let u32_at =
            |at: usize| u32::from_le_bytes(data[at..at + 4].try_into().unwrap_or_default());
        let u64_at =
            |at: usize| u64::from_le_bytes(data[at..at + 8].try_into().unwrap_or_default());
        let u128_at =
            |at: usize| u128::from_le_bytes(data[at..at + 16].try_into().unwrap_or_default());
        if u32_at(16) != FORMAT || u128_at(20) != binary {
            return Err(Ignored::OtherVersion);
        }
        let body = data.len() - CHECKSUM;
        if xxh3_128(&data[..body]) != u128_at(body) {
            return Err(Ignored::Corrupt);
        }
        let count = usize::try_from(u64_at(36)).map_err(|_| Ignored::Corrupt)?;
        let mut entries =
            HashMap::with_capacity_and_hasher(count.min(body / 20), Default::default());
        let mut at = HEADER;
        for _ in 0..count {
            if at + 20 > body {
                return Err(Ignored::Corrupt);
            }
            let key = u128_at(at);
            let len = u32_at(at + 16) as usize;
            let start = at + 20;
            if start + len > body {
                return Err(Ignored::Corrupt);
            }
            entries.insert(key, start..start + len);
            at = start + len;
        }
        if at != body {
            return Err(Ignored::Corrupt);
        }
        Ok(Store { entries, data })
    }

    /// Writes `entries` as the store `name` of `dir` (made when missing), through a temporary
    /// file and a rename.
    pub fn write<'a>(
        dir: &Path,
        name: &str,
        binary: Key,
        entries: impl ExactSizeIterator<Item = (Key, &'a [u8])>,
    ) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            // The standard mark of a cache folder (backup tools skip it).
            std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# congkhai's build cache (congkhai build --cache); safe to delete.\n",
            )?;
        }
        let mut data = Vec::new();
        data.extend_from_slice(MAGIC);
        data.extend_from_slice(&FORMAT.to_le_bytes());
        data.extend_from_slice(&binary.to_le_bytes());
        data.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (key, bytes) in entries {
            let len = u32::try_from(bytes.len())
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "entry over 4 GiB"))?;
            data.extend_from_slice(&key.to_le_bytes());
            data.extend_from_slice(&len.to_le_bytes());
            data.extend_from_slice(bytes);
        }
        let checksum = xxh3_128(&data);
        data.extend_from_slice(&checksum.to_le_bytes());
        let temporary: PathBuf = dir.join(format!(".{name}.{}", std::process::id()));
        let written = std::fs::write(&temporary, &data)
            .and_then(|()| std::fs::rename(&temporary, dir.join(name)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("congkhai-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn entries_come_back_and_damage_is_told() {
        let dir = dir("store");
        assert!(
            Store::read(&dir, "x.bin", 7).unwrap().is_empty(),
            "none yet"
        );
        let entries: Vec<(Key, &[u8])> = vec![(1, b"one"), (2, b""), (3, b"three")];
        Store::write(&dir, "x.bin", 7, entries.iter().copied()).unwrap();
        let store = Store::read(&dir, "x.bin", 7).unwrap();
        assert_eq!(store.len(), 3);
        assert_eq!(store.get(1), Some(&b"one"[..]));
        assert_eq!(store.get(2), Some(&b""[..]));
        assert_eq!(store.get(3), Some(&b"three"[..]));
        assert_eq!(store.get(4), None);
        assert!(dir.join("CACHEDIR.TAG").is_file());

        assert_eq!(
            Store::read(&dir, "x.bin", 8).unwrap_err(),
            Ignored::OtherVersion
        );
        let bytes = std::fs::read(dir.join("x.bin")).unwrap();
        for cut in [0, 10, 40, bytes.len() - 1] {
            std::fs::write(dir.join("x.bin"), &bytes[..cut]).unwrap();
            assert_eq!(
                Store::read(&dir, "x.bin", 7).unwrap_err(),
                Ignored::Corrupt,
                "cut at {cut}"
            );
        }
        let mut flipped = bytes.clone();
        flipped[50] ^= 1;
        std::fs::write(dir.join("x.bin"), &flipped).unwrap();
        assert_eq!(Store::read(&dir, "x.bin", 7).unwrap_err(), Ignored::Corrupt);
        std::fs::write(dir.join("x.bin"), b"something else entirely, not a cache").unwrap();
        assert_eq!(
            Store::read(&dir, "x.bin", 7).unwrap_err(),
            Ignored::OtherVersion
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn keys_tell_where_parts_split() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
    }
}
