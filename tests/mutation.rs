//! A seeded mutation corpus: thousands of damaged versions of the sample records (flipped
//! bytes, deleted or doubled lines, changed indentation, truncation, YAML specials, huge
//! numbers, invalid UTF-8) go through the record parser, and some through the whole check
//! (load + validate) of a site. Nothing may panic, and every failure is a diagnostic that names
//! the file. The seed is fixed, so a failure is reproducible: its message names the mutation.

mod common;
use common::copy_dir;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use congkhai::diagnostics::Lang;
use congkhai::{BuildOptions, Timings};

const SEED: u64 = 0x00C0_96C4_A1D0;
/// Mutated versions of each sample record through the parser.
const PER_RECORD: usize = 60;
/// Mutated records through the whole check of a copy of the sample site.
const THROUGH_CHECK: usize = 12;

/// Texts that mean something to YAML (or to a Markdown record's front matter).
const SPECIALS: &[&str] = &[
    "&a ",
    "*a",
    "!!binary ",
    "!!str ",
    "!<tag:x> ",
    ": ",
    "\t",
    "- ",
    "? ",
    "{",
    "}",
    "[",
    "]",
    "|",
    ">-",
    "#",
    "'",
    "\"",
    "\\",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "<<: *a\n",
    "~",
    "null",
    "99999999999999999999999999999",
    "-9223372036854775809",
    "1e999",
    ".nan",
    "0x",
    "2026-02-30",
    "\u{feff}",
    "\u{2028}",
    "e\u{301}",
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample_records() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = congkhai::content::record_files(repo());
    files.sort();
    assert!(files.len() >= 20, "the sample has records");
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

/// One mutation of `bytes`, and what it was.
fn mutate(rng: &mut fastrand::Rng, bytes: &[u8]) -> (Vec<u8>, String) {
    let mut out = bytes.to_vec();
    let mut lines: Vec<Vec<u8>> = bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    let what = match rng.u8(0..10) {
        0 => {
            let n = rng.usize(1..=8);
            for _ in 0..n {
                let i = rng.usize(..out.len());
                out[i] ^= 1 << rng.u8(0..8);
            }
            format!("{n} bit flips")
        }
        1 => {
            let i = rng.usize(..lines.len());
            lines.remove(i);
            out = lines.concat();
            format!("line {} deleted", i + 1)
        }
        2 => {
            let i = rng.usize(..lines.len());
            let line = lines[i].clone();
            lines.insert(i, line);
            out = lines.concat();
            format!("line {} doubled", i + 1)
        }
        3 => {
            let i = rng.usize(..lines.len());
            let line = &mut lines[i];
            let indent = line.iter().take_while(|b| **b == b' ').count();
            let replacement: &[u8] = match rng.u8(0..3) {
                0 => b"\t",
                1 => b" ",
                _ => b"      ",
            };
            line.splice(..indent, replacement.iter().copied());
            out = lines.concat();
            format!("indentation of line {} changed", i + 1)
        }
        4 => {
            let at = rng.usize(..out.len());
            out.truncate(at);
            format!("truncated at byte {at}")
        }
        5 | 6 => {
            let special = SPECIALS[rng.usize(..SPECIALS.len())];
            let at = if rng.bool() {
                // At the start of a line or just after a key.
                let i = rng.usize(..lines.len());
                let start: usize = lines[..i].iter().map(Vec::len).sum();
                match lines[i].windows(2).position(|w| w == b": ") {
                    Some(colon) if rng.bool() => start + colon + 2,
                    _ => start,
                }
            } else {
                rng.usize(..=out.len())
            };
            out.splice(at..at, special.bytes());
            format!("{special:?} inserted at byte {at}")
        }
        7 => {
            let invalid: &[u8] = match rng.u8(0..4) {
                0 => b"\xff",
                1 => b"\xc3",
                2 => b"\xed\xa0\x80",
                _ => b"\xe1\xbb",
            };
            let at = rng.usize(..=out.len());
            out.splice(at..at, invalid.iter().copied());
            format!("invalid UTF-8 at byte {at}")
        }
        8 => {
            // Two lines swapped.
            let (i, j) = (rng.usize(..lines.len()), rng.usize(..lines.len()));
            lines.swap(i, j);
            out = lines.concat();
            format!("lines {} and {} swapped", i + 1, j + 1)
        }
        _ => {
            // A few mutations in a row.
            let mut what = Vec::new();
            for _ in 0..3 {
                if out.is_empty() {
                    break;
                }
                let (next, step) = mutate(rng, &out);
                out = next;
                what.push(step);
            }
            what.join(", then ")
        }
    };
    (out, what)
}

#[test]
fn mutated_records_give_diagnostics_with_a_file_never_panics() {
    let records = sample_records();
    let mut rng = fastrand::Rng::with_seed(SEED);
    let (mut parsed, mut refused) = (0, 0);
    for (path, bytes) in &records {
        let markdown = path.extension().is_some_and(|e| e == "md");
        let file = congkhai::diagnostics::display_path(repo(), path);
        for k in 0..PER_RECORD {
            let (mutated, what) = mutate(&mut rng, bytes);
            let result = catch_unwind(AssertUnwindSafe(|| {
                congkhai::content::parse_record(&mutated, &file, markdown)
            }));
            match result {
                Err(_) => panic!(
                    "{file}, mutation {k} ({what}) panicked; bytes: {:?}",
                    String::from_utf8_lossy(&mutated)
                ),
                Ok(Ok(_)) => parsed += 1,
                Ok(Err(diagnostic)) => {
                    refused += 1;
                    assert_eq!(diagnostic.file, file, "{what}");
                    for lang in [Lang::En, Lang::Vi] {
                        let text = diagnostic.text(lang);
                        assert!(!text.message.is_empty(), "{file}: {what}");
                    }
                }
            }
        }
    }
    let total = records.len() * PER_RECORD;
    assert_eq!(parsed + refused, total);
    // The corpus damages most records; a mutator that changed nothing would parse them all.
    assert!(
        refused > total / 4,
        "only {refused} of {total} were refused"
    );
    eprintln!("{total} mutated records: {parsed} parsed, {refused} refused with a diagnostic");
}

#[test]
fn mutated_records_through_the_whole_check_give_diagnostics_with_a_file() {
    let records = sample_records();
    let root = std::env::temp_dir().join(format!("congkhai-mutation-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&repo().join("content"), &root.join("content"));
    let mut options = BuildOptions::new(&root);
    options.now = Some("2026-06-01".parse().unwrap());
    let mut rng = fastrand::Rng::with_seed(SEED ^ 1);
    for k in 0..THROUGH_CHECK {
        let (path, bytes) = &records[rng.usize(..records.len())];
        let relative = path.strip_prefix(repo()).unwrap();
        let target = root.join(relative);
        let (mutated, what) = mutate(&mut rng, bytes);
        std::fs::write(&target, &mutated).unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| {
            congkhai::check(&options, &mut Timings::default())
        }));
        let Ok((catalogue, diagnostics)) = result else {
            panic!("check {k} ({}: {what}) panicked", relative.display());
        };
        assert_eq!(
            catalogue.is_none(),
            diagnostics.has_errors(),
            "{}: {what}",
            relative.display()
        );
        for d in diagnostics.iter() {
            assert!(!d.file.is_empty(), "{}: {what}: {d:?}", relative.display());
            assert!(
                root.join(&d.file).exists(),
                "{}: {what}: the diagnostic names {:?}, not a file of the site",
                relative.display(),
                d.file
            );
        }
        // Rendered as the command line would, quoting the damaged file.
        let mut diagnostics = diagnostics;
        diagnostics.read_sources_from(&root);
        let _ = diagnostics.render_terminal(false);
        let _ = diagnostics.to_json();
        let _ = diagnostics.to_github();
        std::fs::write(&target, bytes).unwrap();
    }
    let _ = std::fs::remove_dir_all(&root);
}
