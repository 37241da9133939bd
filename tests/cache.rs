//! The build cache (`build --cache DIR`) can make a build faster, never different: a sequence
//! of edits (edit, add, delete, rename, a template, `site.yaml`, a record with an error, a
//! damaged and a cut cache file), each built with the cache and without it, gives the same
//! files byte for byte and the same diagnostics, at the same lines; and so do the commits of a
//! site in git, whose change history is read partly from the cache.

mod common;

use common::git::{commit, edit, git};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every file under `dir`: its path relative to `dir` → its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = Vec::new();
    common::files(dir, &mut files);
    files
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&path).unwrap();
            (name, bytes)
        })
        .collect()
}

/// What a build said and made.
struct Built {
    code: Option<i32>,
    /// stderr without the cache's own lines, the output folder's name replaced.
    said: String,
    /// The cache's lines.
    cache_lines: Vec<String>,
    files: BTreeMap<String, Vec<u8>>,
}

fn build(root: &Path, out: &Path, cache: Option<&Path>) -> Built {
    let mut command = Command::new(env!("CARGO_BIN_EXE_congkhai"));
    command
        .args(["build", "--now", "2026-12-01", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out);
    if let Some(cache) = cache {
        command.arg("--cache").arg(cache);
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let (cache_lines, said): (Vec<&str>, Vec<&str>) =
        stderr.lines().partition(|l| l.contains("bộ nhớ đệm"));
    Built {
        code: output.status.code(),
        said: said.join("\n").replace(&out.display().to_string(), "OUT"),
        cache_lines: cache_lines.into_iter().map(str::to_owned).collect(),
        files: if out.is_dir() {
            snapshot(out)
        } else {
            BTreeMap::new()
        },
    }
}

/// Builds `root` cold (no cache, a fresh output) and with the cache (into the output of the
/// previous cached build), and asserts they are the same. Returns the cache's lines.
fn same(root: &Path, step: &str) -> Vec<String> {
    let cold_out = root.with_extension("cold");
    let _ = std::fs::remove_dir_all(&cold_out);
    let cold = build(root, &cold_out, None);
    let out = root.with_extension("out");
    let before = if out.is_dir() {
        snapshot(&out)
    } else {
        BTreeMap::new()
    };
    let cached = build(root, &out, Some(&root.with_extension("cache")));
    assert_eq!(
        cold.code, cached.code,
        "{step}: exit codes\n{}",
        cached.said
    );
    assert_eq!(cold.said, cached.said, "{step}: what the build said");
    if cold.code != Some(0) {
        assert!(cold.files.is_empty(), "{step}: a failed build published");
        assert!(
            before == cached.files,
            "{step}: a failed build changed the site"
        );
        return cached.cache_lines;
    }
    let cold_names: Vec<&String> = cold.files.keys().collect();
    let cached_names: Vec<&String> = cached.files.keys().collect();
    assert_eq!(cold_names, cached_names, "{step}: the files");
    assert!(!cold.files.is_empty(), "{step}: nothing built");
    for (name, bytes) in &cold.files {
        assert!(
            cached.files[name] == *bytes,
            "{step}: {name} differs with the cache"
        );
    }
    let _ = std::fs::remove_dir_all(&cold_out);
    cached.cache_lines
}

/// Runs `check` with and without the cache and asserts they say the same; returns the cache's
/// lines.
fn check_same(root: &Path, step: &str) -> Vec<String> {
    let run = |cache: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_congkhai"));
        command
            .args(["check", "--now", "2026-12-01", "--root"])
            .arg(root);
        if cache {
            command.arg("--cache").arg(root.with_extension("cache"));
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        let (cache_lines, said): (Vec<&str>, Vec<&str>) =
            stderr.lines().partition(|l| l.contains("bộ nhớ đệm"));
        (
            output.status.code(),
            said.join("\n"),
            cache_lines
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        )
    };
    let (cold_code, cold_said, _) = run(false);
    let (code, said, lines) = run(true);
    assert_eq!(cold_code, code, "{step}: check's exit code");
    assert_eq!(cold_said, said, "{step}: what check said");
    lines
}

/// The "X/Y" after `word` in the cache's line: ("dùng lại ", "dùng lại 52/53 thủ tục") is
/// (52, 53).
fn figures_after(lines: &[String], word: &str) -> (usize, usize) {
    let line = lines
        .iter()
        .find(|l| l.contains(word))
        .unwrap_or_else(|| panic!("no {word:?} in the cache's lines {lines:?}"));
    let figures = line.split(word).nth(1).unwrap();
    let (part, total) = figures.split_once('/').unwrap();
    let total: String = total.chars().take_while(char::is_ascii_digit).collect();
    (part.parse().unwrap(), total.parse().unwrap())
}

/// Records reused of records read: "dùng lại 52/53 thủ tục" is (52, 53).
fn reused(lines: &[String]) -> (usize, usize) {
    figures_after(lines, "dùng lại ")
}

/// Pages kept of pages made: "giữ 160/170 trang" is (160, 170).
fn kept_pages(lines: &[String]) -> (usize, usize) {
    figures_after(lines, "giữ ")
}

#[test]
fn every_build_with_the_cache_equals_a_build_without_it() {
    // Records shaped like real catalogues' (unknown and unpublished parts, which also warn),
    // beside the sample's.
    let root: PathBuf = common::partial::site_with_fixtures("cache", str::to_owned);
    let cache = root.with_extension("cache");
    let _ = std::fs::remove_dir_all(root.with_extension("out"));
    let _ = std::fs::remove_dir_all(&cache);
    let procedures = root.join("content/procedures");
    let birth = procedures.join("ho-tich/dang-ky-khai-sinh.yaml");

    let lines = same(&root, "first build, empty cache");
    let (_, total) = reused(&lines);
    assert_eq!(reused(&lines), (0, total), "{lines:?}");
    assert!(cache.join("records.bin").is_file());

    // Records the sample's unknown parts warn about are parsed again, for the warnings' lines.
    let lines = same(&root, "nothing changed");
    let (base, _) = reused(&lines);
    assert!(base > total / 2 && base < total, "{lines:?}");
    let lines = same(&root, "nothing changed, again");
    assert_eq!(reused(&lines), (base, total), "{lines:?}");
    let (kept, pages) = kept_pages(&lines);
    assert!(pages > total && kept == pages, "every page kept: {lines:?}");

    // A published page changed by hand (same size, other bytes) is made again, not kept.
    let contact = root.with_extension("out").join("lien-he/index.html");
    let mut bytes = std::fs::read(&contact).unwrap();
    bytes.reverse();
    std::fs::write(&contact, &bytes).unwrap();
    let lines = same(&root, "a published page changed by hand");
    assert_eq!(kept_pages(&lines), (pages - 1, pages), "{lines:?}");

    edit(
        &birth,
        "title: \"Đăng ký khai sinh\"",
        "title: \"Đăng ký khai sinh cho trẻ em\"",
    );
    let lines = same(&root, "a title edited");
    assert_eq!(reused(&lines), (base - 1, total), "{lines:?}");
    // Its page, its listings, the search page and the pages that link it are made again;
    // the other procedures' pages are kept.
    let (kept, pages) = kept_pages(&lines);
    assert!(kept > pages / 2 && kept < pages, "{lines:?}");

    let added = procedures.join("ho-tich/dang-ky-khai-sinh-lai.yaml");
    let text = std::fs::read_to_string(&birth).unwrap();
    std::fs::write(
        &added,
        text.replace("code: \"1.001193\"", "code: \"1.009999\"")
            .replace("Đăng ký khai sinh cho trẻ em", "Đăng ký lại khai sinh"),
    )
    .unwrap();
    let lines = same(&root, "a record added");
    assert_eq!(reused(&lines), (base, total + 1), "{lines:?}");

    std::fs::remove_file(&added).unwrap();
    let lines = same(&root, "a record deleted");
    assert_eq!(reused(&lines), (base, total), "{lines:?}");

    // Moved to another field's folder: the path is part of the key, so it is read again.
    let moved = procedures.join("tu-phap/dang-ky-khai-sinh.yaml");
    std::fs::rename(&birth, &moved).unwrap();
    let lines = same(&root, "a record renamed");
    assert_eq!(reused(&lines), (base - 1, total), "{lines:?}");
    std::fs::rename(&moved, &birth).unwrap();
    same(&root, "renamed back");

    // A warning that points into a record the cache holds: said at the same line.
    edit(&birth, "verified_on: 2026-", "verified_on: 2024-");
    same(&root, "a warning with its line");
    let lines = check_same(&root, "check, a warning with its line");
    assert_eq!(reused(&lines), (base - 1, total), "{lines:?}");
    assert!(
        !lines[0].contains("trang"),
        "check makes no pages: {lines:?}"
    );
    let lines = same(&root, "the warning again, the record parsed for its line");
    assert_eq!(reused(&lines), (base - 1, total), "{lines:?}");

    let template = root.join("themes/default/templates/page.html");
    std::fs::create_dir_all(template.parent().unwrap()).unwrap();
    let embedded = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    std::fs::write(
        &template,
        embedded.replacen("<h1", "<h1 data-theme=\"sửa\"", 1),
    )
    .unwrap();
    same(&root, "a template overridden");

    edit(
        &root.join("content/site.yaml"),
        "name: ",
        "name: Cổng mới - ",
    );
    same(&root, "site.yaml changed");

    // An error: the build fails the same way, naming the same line, and publishes nothing.
    edit(&birth, "level: commune", "level: xa");
    check_same(&root, "check, a record with an error");
    let lines = same(&root, "a record with an error");
    assert!(
        lines.is_empty(),
        "a failed build says nothing of the cache: {lines:?}"
    );
    edit(&birth, "level: xa", "level: commune");

    let records = cache.join("records.bin");
    let mut bytes = std::fs::read(&records).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&records, &bytes).unwrap();
    let lines = same(&root, "a damaged cache");
    assert!(
        lines.iter().any(|l| l.contains("bị hỏng")),
        "the damage is not said: {lines:?}"
    );
    assert_eq!(reused(&lines), (0, total), "{lines:?}");

    let pages_file = cache.join("pages.bin");
    let bytes = std::fs::read(&pages_file).unwrap();
    std::fs::write(&pages_file, &bytes[..bytes.len() - 1]).unwrap();
    let lines = same(&root, "a cut page cache");
    assert!(lines.iter().any(|l| l.contains("bị hỏng")), "{lines:?}");
    assert_eq!(kept_pages(&lines).0, 0, "{lines:?}");

    let bytes = std::fs::read(&records).unwrap();
    std::fs::write(&records, &bytes[..bytes.len() - 100]).unwrap();
    let lines = same(&root, "a cut cache");
    assert!(lines.iter().any(|l| l.contains("bị hỏng")), "{lines:?}");

    std::fs::write(&records, b"not a cache at all").unwrap();
    let lines = same(&root, "another file in the cache's place");
    assert!(
        lines.iter().any(|l| l.contains("bản congkhai khác")),
        "{lines:?}"
    );
    let lines = same(&root, "after the cache was written anew");
    assert_eq!(reused(&lines), (base - 1, total), "{lines:?}");

    for dir in [root.with_extension("out"), cache, root] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// A cache inside `content/` would be committed, one inside the output published (and
/// replaced by the next build): both are refused before anything is read or written.
#[test]
fn a_cache_inside_the_content_or_the_output_is_refused() {
    let root = common::sample_copy("cache-inside");
    for (command, dir) in [
        ("build", "public/cache"),
        ("check", "content/cache"),
        ("build", "content"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
            .args([command, "--root"])
            .arg(&root)
            .arg("--cache")
            .arg(root.join(dir))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command} --cache {dir}: {stderr}"
        );
        assert!(stderr.contains("--cache .congkhai-cache"), "{stderr}");
        assert!(
            !root.join("public").exists(),
            "{command} --cache {dir} published"
        );
        assert!(!root.join(dir).join("records.bin").exists());
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// The entries of the Atom feed of every change in the site built at `out`.
fn changes_in_feed(out: &Path) -> usize {
    let feed = std::fs::read_to_string(out.join("cap-nhat/atom.xml")).unwrap();
    feed.matches("<entry>").count()
}

/// The identity of the file at `path` (a store written anew is a new file, renamed in).
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[test]
fn with_git_history_every_build_with_the_cache_equals_a_build_without_it() {
    let root = common::sample_copy("cache-history");
    let cache = root.with_extension("cache");
    let out = root.with_extension("out");
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&cache);
    let procedures = root.join("content/procedures");
    let marriage = procedures.join("ho-tich/cap-giay-xac-nhan-tinh-trang-hon-nhan.yaml");
    let records = cache.join("records.bin");
    let history = cache.join("history.bin");

    git(&root, &["init", "-q"]);
    commit(&root, "catalogue", "2026-01-05");
    same(&root, "one commit: no history");
    assert_eq!(changes_in_feed(&out), 0);

    edit(&marriage, "amount: 10000", "amount: 15000");
    commit(&root, "a fee", "2026-02-10");
    same(&root, "a fee edited");
    assert_eq!(changes_in_feed(&out), 1);
    // Nothing new: the changes of the commits, like the files, come from the cache, which is
    // not written.
    let written = (inode(&records), inode(&history));
    same(&root, "nothing changed");
    assert_eq!(
        (inode(&records), inode(&history)),
        written,
        "the cache was written again"
    );

    // The only document of its case: the case goes with it.
    edit(
        &marriage,
        "  - case: \"Trường hợp đề nghị cấp lại để kết hôn khi Giấy xác nhận trước đó chưa sử dụng\"\n    mode: submit\n    items:\n      - {name: \"Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó (nộp lại)\", originals: 1, copies: 0}\n",
        "",
    );
    commit(&root, "a document removed", "2026-03-01");
    let lines = same(&root, "a document removed");
    assert!(!lines.is_empty(), "the build failed");
    assert_eq!(changes_in_feed(&out), 2);

    let moved = procedures.join("ho-tich/xac-nhan-tinh-trang-hon-nhan.yaml");
    std::fs::rename(&marriage, &moved).unwrap();
    commit(&root, "a file renamed", "2026-04-01");
    same(&root, "a file renamed");
    assert_eq!(changes_in_feed(&out), 2, "a rename alone is no change");

    // The first fee again, in the renamed file.
    edit(&moved, "amount: 15000", "amount: 10000");
    commit(&root, "the fee back", "2026-05-01");
    same(&root, "the fee back");
    assert_eq!(changes_in_feed(&out), 3);

    // Edited and not committed: not history yet, and the version in git is read from git.
    edit(&moved, "amount: 10000", "amount: 20000");
    same(&root, "an edit not committed");
    assert_eq!(changes_in_feed(&out), 3);
    git(&root, &["checkout", "-q", "--", "."]);
    same(&root, "the edit undone");

    // A damaged history store is not used: every commit is compared again, with the same
    // changes, and the store is written anew.
    let mut bytes = std::fs::read(&history).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&history, &bytes).unwrap();
    let lines = same(&root, "a damaged history cache");
    assert!(lines.iter().any(|l| l.contains("bị hỏng")), "{lines:?}");
    assert_eq!(changes_in_feed(&out), 3);
    let written = inode(&history);
    same(&root, "the history cache written again");
    assert_eq!(inode(&history), written, "the history cache was not kept");
    std::fs::write(&history, b"not a cache at all").unwrap();
    same(&root, "another file in the history cache's place");
    assert_eq!(changes_in_feed(&out), 3);

    for dir in [out, cache, root] {
        let _ = std::fs::remove_dir_all(dir);
    }
}
