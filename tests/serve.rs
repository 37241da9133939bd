//! The dev server: the incremental site equals a full build after every kind of change, and
//! the running `congkhai serve` reloads the browser, shows errors and refuses paths outside the
//! site.

mod common;
use common::copy_dir;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use congkhai::render::RenderOptions;
use congkhai::serve::Site;
use congkhai::theme::Theme;
use congkhai::{BuildOptions, Timings};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the sample catalogue in a fresh folder.
fn sample_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("congkhai-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&repo().join("content"), &dir.join("content"));
    dir
}

fn options(root: &Path) -> BuildOptions {
    let mut options = BuildOptions::new(root);
    options.now = Some("2026-12-01".parse().unwrap());
    options
}

/// What `build` publishes for the files as they are now, read back from the disk.
fn full_build(root: &Path) -> congkhai::output::Output {
    let mut options = options(root);
    let out = root.with_extension("build");
    options.out = Some(out.clone());
    if let Err(e) = congkhai::build(&options) {
        panic!("must build:\n{e}");
    }
    let mut output = congkhai::output::Output::default();
    for entry in walkdir::WalkDir::new(&out).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path().strip_prefix(&out).unwrap();
        if entry.file_type().is_file() && path != Path::new(congkhai::publish::MARKER) {
            let path = path.to_str().unwrap().replace('\\', "/");
            let path = congkhai::output::OutputPath::new(path).unwrap();
            output.insert(path, std::fs::read(entry.path()).unwrap());
        }
    }
    output
}

#[track_caller]
fn assert_same_as_build(site: &mut Site, what: &str) {
    site.index();
    assert!(
        !site.diagnostics().has_errors(),
        "{what}: {}",
        site.diagnostics().render_terminal(false)
    );
    let expected = full_build(site.root());
    let actual = site.output();
    let mut problems = Vec::new();
    for (path, bytes) in expected.iter() {
        match actual.get(path) {
            None => problems.push(format!("missing {path}")),
            Some(b) if b != bytes.as_slice() => problems.push(format!("differs {path}")),
            Some(_) => {}
        }
    }
    for (path, _) in actual.iter() {
        if expected.get(path).is_none() {
            problems.push(format!("extra {path}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{what}: the incremental site differs from a full build:\n{}",
        problems.join("\n")
    );
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The site's diagnostics, checked to be what `check` of the same files says.
fn diagnostics_as_check(site: &Site, root: &Path, what: &str) -> String {
    let (_, checked) = congkhai::check(&options(root), &mut Timings::default());
    let ours = site.diagnostics().render_terminal(false);
    assert_eq!(ours, checked.render_terminal(false), "{what}");
    ours
}

/// [`edit`], then the site told of the file.
fn edit_and_apply(site: &mut Site, path: &Path, from: &str, to: &str) {
    edit(path, from, to);
    site.apply(&[path.to_path_buf()]);
}

fn record(root: &Path, name: &str) -> PathBuf {
    root.join("content/procedures").join(name)
}

/// Writes a new record `name`, a copy of "Đăng ký lại khai sinh" with its own code and title.
fn add_record(root: &Path, name: &str, code: &str, title: &str) -> PathBuf {
    let added = record(root, name);
    let text = std::fs::read_to_string(record(root, "ho-tich/dang-ky-lai-khai-sinh.yaml")).unwrap();
    let code_line = text.lines().find(|l| l.starts_with("code:")).unwrap();
    let title_line = text.lines().find(|l| l.starts_with("title:")).unwrap();
    let text = text
        .replacen(code_line, &format!("code: \"{code}\""), 1)
        .replacen(title_line, &format!("title: \"{title}\""), 1);
    std::fs::write(&added, text).unwrap();
    added
}

/// The record file of the site at `root` whose code is `code`.
fn record_with_code(root: &Path, code: &str) -> PathBuf {
    let line = format!("code: \"{code}\"");
    std::fs::read_dir(root.join("content/procedures"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .map(|f| f.unwrap().path())
        .find(|p| std::fs::read_to_string(p).unwrap().contains(&line))
        .unwrap_or_else(|| panic!("a record with code {code}"))
}

/// A record added with the title of another: both pages move to their code's address, in
/// serve as in build, and back when it goes.
#[test]
fn a_record_with_another_records_title_moves_both_pages_in_serve_as_in_build() {
    let root = sample_copy("same-title");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    assert_same_as_build(&mut site, "opened");
    let twin = add_record(
        &root,
        "ho-tich/giam-ho-2.yaml",
        "9.999990",
        "Đăng ký giám hộ",
    );
    let update = site.apply(std::slice::from_ref(&twin));
    assert!(
        update
            .changed
            .contains(&"thu-tuc/dang-ky-giam-ho-1-004837/index.html".to_owned()),
        "{update:?}"
    );
    assert_same_as_build(&mut site, "twin added");
    std::fs::remove_file(&twin).unwrap();
    site.apply(std::slice::from_ref(&twin));
    assert_same_as_build(&mut site, "twin removed");
}

#[test]
fn incremental_site_equals_full_build_after_edits_additions_deletions_and_renames() {
    let root = sample_copy("equal");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    assert_same_as_build(&mut site, "opened");
    site.defer_index(true);

    // A change inside one page only.
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    edit(&birth, "Nộp hồ sơ", "Nộp hồ sơ (đã sửa)");
    let update = site.apply(std::slice::from_ref(&birth));
    assert!(
        update
            .changed
            .contains(&"thu-tuc/dang-ky-khai-sinh/index.html".to_owned()),
        "{update:?}"
    );
    assert!(
        update.rendered < 20,
        "an edit of a step renders a few pages, not {}",
        update.rendered
    );
    assert_same_as_build(&mut site, "step edited");

    // A new title: a new URL, a new place in every list, new links from related records.
    edit(
        &birth,
        "title: \"Đăng ký khai sinh\"",
        "title: \"Khai sinh cho trẻ em\"",
    );
    let update = site.apply(std::slice::from_ref(&birth));
    assert!(
        update
            .removed
            .contains(&"thu-tuc/dang-ky-khai-sinh/index.html".to_owned()),
        "{update:?}"
    );
    // The page open at the old address is told where its record went.
    assert_eq!(
        update.moved,
        [(
            "thu-tuc/dang-ky-khai-sinh/index.html".to_owned(),
            "thu-tuc/khai-sinh-cho-tre-em/index.html".to_owned()
        )]
    );
    assert_same_as_build(&mut site, "title edited");

    // Another field and level: counts and listings on both sides.
    edit(&birth, "field: ho-tich", "field: chung-thuc");
    edit_and_apply(&mut site, &birth, "level: commune", "level: district");
    assert_same_as_build(&mut site, "field and level changed");

    // Repealed: leaves the lists, keeps its page.
    edit_and_apply(&mut site, &birth, "status: active", "status: repealed");
    assert_same_as_build(&mut site, "repealed");

    // A new record.
    let added = add_record(
        &root,
        "ho-tich/dang-ky-khai-sinh-moi.yaml",
        "9.999999",
        "Thủ tục thêm mới để thử",
    );
    site.apply(std::slice::from_ref(&added));
    assert_same_as_build(&mut site, "record added");

    // Renamed file (and folder).
    let renamed = record(&root, "tu-phap/da-doi-ten.yaml");
    std::fs::create_dir_all(renamed.parent().unwrap()).unwrap();
    std::fs::rename(&added, &renamed).unwrap();
    site.apply(&[added.clone(), renamed.clone()]);
    assert_same_as_build(&mut site, "record renamed");
    let folder = root.join("content/procedures/tu-phap");
    let moved = root.join("content/procedures/tu-phap-moi");
    std::fs::rename(&folder, &moved).unwrap();
    site.apply(&[folder.clone(), moved.clone()]);
    assert_same_as_build(&mut site, "folder renamed");

    // Deleted.
    std::fs::remove_file(moved.join("da-doi-ten.yaml")).unwrap();
    site.apply(&[moved.join("da-doi-ten.yaml")]);
    assert_same_as_build(&mut site, "record deleted");

    // A record others name in `related` changes its title.
    let related_target = std::fs::read_dir(root.join("content/procedures/ho-tich"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("code: \"1.003583\"")
        });
    if let Some(target) = related_target {
        let text = std::fs::read_to_string(&target).unwrap();
        let title_line = text.lines().find(|l| l.starts_with("title:")).unwrap();
        std::fs::write(
            &target,
            text.replacen(title_line, "title: \"Tên mới của thủ tục liên quan\"", 1),
        )
        .unwrap();
        site.apply(std::slice::from_ref(&target));
        assert_same_as_build(&mut site, "related title changed");
    }
}

/// Edits that keep every page's URL and every list's order reuse the plan and the cards of the
/// other records (see `plan_key` and `EntryParts::update_cards`); the output must still be
/// the full build's, edit after edit.
#[test]
fn incremental_site_equals_full_build_after_edits_that_keep_the_plan() {
    let root = sample_copy("same-plan");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);

    // A fee: the card changes (fee summary in every listing), the plan does not.
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    edit_and_apply(&mut site, &birth, "amount: 8000", "amount: 9000");
    assert_same_as_build(&mut site, "fee edited");

    // Another record, then the first again: cards kept from earlier updates stay right.
    let death = record(&root, "ho-tich/dang-ky-khai-tu.md");
    edit_and_apply(&mut site, &death, "amount: 8000", "amount: 7000");
    assert_same_as_build(&mut site, "second record's fee edited");
    edit_and_apply(&mut site, &birth, "amount: 9000", "amount: 10000");
    assert_same_as_build(&mut site, "first record edited again");

    // Two records in one update.
    edit(&birth, "Nộp hồ sơ", "Nộp hồ sơ (sửa)");
    edit(&death, "amount: 7000", "amount: 8000");
    site.apply(&[birth.clone(), death.clone()]);
    assert_same_as_build(&mut site, "two records edited");

    // `replaces` names another record: that record's page shows who replaces it.
    let record_check = record(&root, "tu-phap/cap-phieu-ly-lich-tu-phap.yaml");
    edit_and_apply(
        &mut site,
        &record_check,
        "replaces: [\"2.000488\"]",
        "replaces: [\"1.001193\"]",
    );
    assert_same_as_build(&mut site, "replaces edited");
    edit_and_apply(&mut site, &birth, "Nộp hồ sơ (sửa)", "Nộp hồ sơ");
    assert_same_as_build(&mut site, "replaced record edited");
}

/// Replaces the top-level `key` of the record at `path` (its line and the indented lines under
/// it) by `key: value`.
fn replace_key(path: &Path, key: &str, value: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with(&format!("{key}:")) {
            out.push_str(&format!("{key}: {value}\n"));
            inside = true;
            continue;
        }
        if inside && (line.starts_with(' ') || line.is_empty()) {
            continue;
        }
        inside = false;
        out.push_str(line);
        out.push('\n');
    }
    assert!(out != text, "{} has no `{key}`", path.display());
    std::fs::write(path, out).unwrap();
}

/// Parts stated as unknown or not published: the home page's counts, the search facets, the
/// agency listings (the only procedure of an agency leaves it) and the pages follow.
#[test]
fn incremental_site_equals_full_build_when_parts_become_unknown() {
    let root = sample_copy("unknown-parts");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let school = record(&root, "giao-duc/chuyen-truong-hoc-sinh-thcs.yaml");
    replace_key(&school, "fees", "not_published");
    site.apply(std::slice::from_ref(&school));
    assert_same_as_build(&mut site, "fees not published");
    replace_key(
        &school,
        "agencies",
        "{status: unknown, note: \"Hỏi Bộ phận Một cửa\"}",
    );
    site.apply(std::slice::from_ref(&school));
    assert_same_as_build(&mut site, "agencies unknown");
    edit_and_apply(
        &mut site,
        &school,
        "online_level: partial",
        "online_level: unknown",
    );
    assert_same_as_build(&mut site, "online level unknown");
    replace_key(&school, "fees", "[]");
    site.apply(std::slice::from_ref(&school));
    assert_same_as_build(&mut site, "fees stated again");
}

/// The dev server keeps the checks across records (unique codes and slugs, references,
/// officers in use) up to date record by record: after each edit its diagnostics are those of
/// a fresh load of the same files, and those of a full build's `check` (which walks every
/// record, without the dev server's indexes).
#[test]
fn cross_record_diagnostics_follow_edits() {
    let root = sample_copy("cross");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let same_as_fresh = |site: &Site, what: &str, errors: bool| {
        let fresh = Site::open(&options(&root), RenderOptions::default());
        let (ours, theirs) = (
            site.diagnostics().render_terminal(false),
            fresh.diagnostics().render_terminal(false),
        );
        assert_eq!(ours, theirs, "{what}");
        let (_, built) = congkhai::check(&options(&root), &mut Timings::default());
        assert_eq!(
            ours,
            built.render_terminal(false),
            "{what}: as `build` checks"
        );
        assert_eq!(site.diagnostics().has_errors(), errors, "{what}: {ours}");
    };
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    let death = record(&root, "ho-tich/dang-ky-khai-tu.md");

    // Two records with one code, then each with its own again.
    edit_and_apply(
        &mut site,
        &death,
        "code: \"1.000656\"",
        "code: \"1.001193\"",
    );
    same_as_fresh(&site, "duplicate code", true);
    // The other one moves away: the code is no longer shared.
    edit_and_apply(
        &mut site,
        &birth,
        "code: \"1.001193\"",
        "code: \"1.000656\"",
    );
    same_as_fresh(&site, "codes swapped", false);
    // Both entries were replaced where they were, with each other's codes.
    assert_same_as_build(&mut site, "codes swapped");
    // A reference to a code that no longer exists, then to one that does.
    edit_and_apply(
        &mut site,
        &birth,
        "related: [\"1.003583\"",
        "related: [\"9.999999\"",
    );
    same_as_fresh(&site, "unknown reference", true);
    edit_and_apply(
        &mut site,
        &birth,
        "related: [\"9.999999\"",
        "related: [\"1.003583\"",
    );
    same_as_fresh(&site, "reference fixed", false);
    // The record a reference names disappears, and comes back.
    let named = record_with_code(&root, "1.003583");
    let text = std::fs::read_to_string(&named).unwrap();
    std::fs::remove_file(&named).unwrap();
    site.apply(std::slice::from_ref(&named));
    same_as_fresh(&site, "named record deleted", true);
    std::fs::write(&named, &text).unwrap();
    site.apply(std::slice::from_ref(&named));
    same_as_fresh(&site, "named record back", false);
    // Two records at one URL, then apart again.
    edit_and_apply(
        &mut site,
        &death,
        "code: \"1.001193\"",
        "slug: dang-ky-khai-sinh\ncode: \"1.001193\"",
    );
    // A written slug equal to another record's made one: the written one keeps the address,
    // the other gets its code after it.
    same_as_fresh(&site, "written slug over a made one", false);
    let birth_text = std::fs::read_to_string(&birth).unwrap();
    std::fs::write(&birth, format!("slug: dang-ky-khai-sinh\n{birth_text}")).unwrap();
    site.apply(std::slice::from_ref(&birth));
    same_as_fresh(&site, "duplicate slug", true);
    std::fs::write(&birth, &birth_text).unwrap();
    site.apply(std::slice::from_ref(&birth));
    edit_and_apply(&mut site, &death, "slug: dang-ky-khai-sinh\n", "");
    same_as_fresh(&site, "slug removed", false);
    // The records naming an officer stop naming it: a warning; one names it again.
    let business: Vec<PathBuf> = [
        "tam-ngung-kinh-doanh-ho-kinh-doanh.yaml",
        "cham-dut-hoat-dong-ho-kinh-doanh.yaml",
        "dang-ky-thay-doi-noi-dung-ho-kinh-doanh.yaml",
        "dang-ky-thanh-lap-ho-kinh-doanh.yaml",
    ]
    .iter()
    .map(|f| record(&root, &format!("ho-kinh-doanh/{f}")))
    .collect();
    for file in &business {
        edit(
            file,
            "officers: [pham-thu-ha]",
            "officers: [nguyen-thi-lan]",
        );
    }
    site.apply(&business);
    assert!(
        site.diagnostics()
            .render_terminal(false)
            .contains("pham-thu-ha"),
        "the unused officer is reported"
    );
    same_as_fresh(&site, "officer unused", false);
    edit(
        &business[0],
        "officers: [nguyen-thi-lan]",
        "officers: [pham-thu-ha]",
    );
    site.apply(&business[..1]);
    same_as_fresh(&site, "officer used again", false);
    assert!(site.diagnostics().is_empty());
}

#[test]
fn broken_record_keeps_the_last_good_site_until_it_is_fixed() {
    let root = sample_copy("broken");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let before = site.output().clone();
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    let good = std::fs::read_to_string(&birth).unwrap();
    std::fs::write(&birth, good.replacen("level: commune", "level: [", 1)).unwrap();
    let update = site.apply(std::slice::from_ref(&birth));
    assert!(update.errors);
    assert!(!update.touched());
    assert!(site.diagnostics().has_errors());
    assert_eq!(site.output().len(), before.len());
    assert_eq!(
        site.output().get("thu-tuc/dang-ky-khai-sinh/index.html"),
        before.get("thu-tuc/dang-ky-khai-sinh/index.html")
    );
    // Meanwhile another record changes; fixing the first publishes both.
    let death = record(&root, "ho-tich/dang-ky-khai-tu.md");
    edit(&death, "title:", "title: ");
    let other = record(&root, "ho-tich/dang-ky-lai-khai-sinh.yaml");
    edit_and_apply(&mut site, &other, "status: active", "status: suspended");
    std::fs::write(&birth, &good).unwrap();
    let update = site.apply(std::slice::from_ref(&birth));
    assert!(
        !update.errors,
        "{}",
        site.diagnostics().render_terminal(false)
    );
    assert_same_as_build(&mut site, "fixed");
}

#[test]
fn theme_and_site_changes_render_everything_again() {
    let root = sample_copy("theme");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let templates = root.join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    let base = Theme::embedded().templates["base.html"].clone();
    let override_path = templates.join("base.html");
    std::fs::write(
        &override_path,
        base.replacen("<body>", "<body data-theme=\"override\">", 1),
    )
    .unwrap();
    let update = site.apply(std::slice::from_ref(&override_path));
    assert!(update.full);
    assert!(
        String::from_utf8_lossy(site.output().get("index.html").unwrap())
            .contains("data-theme=\"override\"")
    );
    assert_same_as_build(&mut site, "theme override");

    let site_yaml = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    let title_line = text.lines().find(|l| l.starts_with("title:")).unwrap();
    std::fs::write(
        &site_yaml,
        text.replacen(title_line, "title: \"Cổng thủ tục đã đổi tên\"", 1),
    )
    .unwrap();
    site.apply(std::slice::from_ref(&site_yaml));
    assert_same_as_build(&mut site, "site.yaml edited");
}

// ─────────────────────────────── the running server ───────────────────────────────

/// A `congkhai serve` child process, killed on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(root: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args([
            "serve",
            "--port",
            "0",
            "--now",
            "2026-12-01",
            "--lang",
            "en",
            "--root",
        ])
        .arg(root)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("serving at http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    let server = Server { child, addr };
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (status, _, _) = http(&server.addr, "GET", "/");
        if status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "the first build never finished");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// One HTTP/1.1 request with a raw path (nothing is normalised): status, headers, body.
fn http(addr: &str, method: &str, path: &str) -> (u16, String, String) {
    http_to(addr, addr, method, path)
}

/// [`http`] with the `Host` header given.
fn http_to(addr: &str, host: &str, method: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

fn get(addr: &str, path: &str) -> String {
    let (status, head, body) = http(addr, "GET", path);
    assert_eq!(status, 200, "GET {path}: {head}");
    body
}

/// Server-sent events of `/__congkhai/events` as (event, data), read in a thread.
fn subscribe(addr: &str) -> mpsc::Receiver<(String, String)> {
    let (sender, receiver) = mpsc::channel();
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET /__congkhai/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        // Headers.
        let mut chunked = false;
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line
                .to_ascii_lowercase()
                .contains("transfer-encoding: chunked")
            {
                chunked = true;
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut pending = String::new();
        let (mut event, mut data) = (String::new(), String::new());
        loop {
            let text = if chunked {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
                if size == 0 {
                    return;
                }
                let mut chunk = vec![0; size + 2];
                if reader.read_exact(&mut chunk).is_err() {
                    return;
                }
                String::from_utf8_lossy(&chunk[..size]).into_owned()
            } else {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                line.clone()
            };
            pending.push_str(&text);
            while let Some(end) = pending.find('\n') {
                let l: String = pending.drain(..=end).collect();
                let l = l.trim_end_matches(['\n', '\r']);
                if l.is_empty() {
                    if !event.is_empty() && sender.send((event.clone(), data.clone())).is_err() {
                        return;
                    }
                    event.clear();
                    data.clear();
                } else if let Some(v) = l.strip_prefix("event:") {
                    event = v.trim().to_owned();
                } else if let Some(v) = l.strip_prefix("data:") {
                    data.push_str(v.trim_start());
                }
            }
        }
    });
    let (event, _) = receiver
        .recv_timeout(Duration::from_secs(30))
        .expect("the event stream says hello");
    assert_eq!(event, "hello");
    receiver
}

/// Waits for a reload event that names `path` (or all pages).
#[track_caller]
fn wait_reload(events: &mpsc::Receiver<(String, String)>, path: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Ok((event, data)) = events.recv_timeout(left) else {
            break;
        };
        let value: serde_json::Value = serde_json::from_str(&data).unwrap();
        if event == "reload"
            && (value["all"] == true
                || value["paths"]
                    .as_array()
                    .is_some_and(|p| p.iter().any(|p| p == path)))
        {
            return;
        }
    }
    panic!("no reload event for {path}");
}

/// Waits for reload events that name `page` until the page fetched after one satisfies
/// `done`. An editor's save can reach the watcher as two changes (the file emptied, then
/// written), each with its own reload: the page is right after the last one.
#[track_caller]
fn wait_page(
    events: &mpsc::Receiver<(String, String)>,
    addr: &str,
    page: &str,
    done: impl Fn(&str) -> bool,
) -> String {
    let path = format!("{}index.html", page.trim_start_matches('/'));
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        wait_reload(events, &path);
        let html = get(addr, page);
        if done(&html) || Instant::now() > deadline {
            return html;
        }
    }
}

#[test]
fn serve_reloads_shows_errors_in_the_page_and_updates_listings() {
    let root = sample_copy("http");
    let server = start_server(&root, &[]);
    let addr = server.addr.clone();
    let page = "/thu-tuc/dang-ky-khai-sinh/";
    let html = get(&addr, page);
    assert!(
        html.contains("/__congkhai/events"),
        "serve injects the reload script"
    );
    assert!(html.contains("Đăng ký khai sinh"));
    let events = subscribe(&addr);

    // An edit reloads the page with the new text.
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    edit(&birth, "Nộp hồ sơ", "Nộp hồ sơ tại quầy số 9");
    let html = wait_page(&events, &addr, page, |h| h.contains("quầy số 9"));
    assert!(html.contains("Nộp hồ sơ tại quầy số 9"));

    // A broken record: the overlay on every page, the last good page under it.
    let good = std::fs::read_to_string(&birth).unwrap();
    std::fs::write(
        &birth,
        good.replacen("level: commune", "level: county  # <b>", 1),
    )
    .unwrap();
    let html = wait_page(&events, &addr, page, |h| h.contains("CK013"));
    assert!(html.contains("congkhai-overlay"), "the overlay is shown");
    assert!(html.contains("CK013"), "with the diagnostic's code");
    assert!(
        html.contains("content/procedures/ho-tich/dang-ky-khai-sinh.yaml:4:8"),
        "with file:line:col"
    );
    assert!(
        html.contains("county  # &lt;b&gt;"),
        "with the snippet, escaped"
    );
    assert!(html.contains("help"), "with the help line");
    assert!(
        html.contains("Nộp hồ sơ tại quầy số 9"),
        "over the last good page"
    );
    assert!(
        get(&addr, "/").contains("congkhai-overlay"),
        "on every page"
    );

    // Fixed: the overlay goes away.
    std::fs::write(&birth, good.replacen("quầy số 9", "quầy số 10", 1)).unwrap();
    let html = wait_page(&events, &addr, page, |html| {
        !html.contains("congkhai-overlay")
    });
    assert!(!html.contains("congkhai-overlay"));
    assert!(html.contains("quầy số 10"));

    // Added and deleted records show in and leave the field's listing.
    let added = add_record(
        &root,
        "ho-tich/thu-tuc-moi.yaml",
        "9.999998",
        "Thủ tục mới thêm trong lúc xem trước",
    );
    let listing = wait_page(&events, &addr, "/linh-vuc/ho-tich/", |h| {
        h.contains("Thủ tục mới thêm")
    });
    assert!(listing.contains("Thủ tục mới thêm trong lúc xem trước"));
    assert!(get(&addr, "/ma/9.999998/").contains("thu-tuc-moi-them-trong-luc-xem-truoc"));
    std::fs::remove_file(&added).unwrap();
    wait_reload(&events, "linh-vuc/ho-tich/index.html");
    assert!(!get(&addr, "/linh-vuc/ho-tich/").contains("Thủ tục mới thêm trong lúc xem trước"));
    let (status, _, _) = http(
        &addr,
        "GET",
        "/thu-tuc/thu-tuc-moi-them-trong-luc-xem-truoc/",
    );
    assert_eq!(status, 404);

    // A new title moves the page: the event tells the page open at the old address where
    // to go (the reload script follows it).
    edit(
        &birth,
        "title: \"Đăng ký khai sinh\"",
        "title: \"Khai sinh cho trẻ em\"",
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    let moved = loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .expect("a reload event that says where the page went");
        let Ok((event, data)) = events.recv_timeout(left) else {
            panic!("no event");
        };
        let value: serde_json::Value = serde_json::from_str(&data).unwrap();
        if event == "reload" && value["moved"].as_object().is_some_and(|m| !m.is_empty()) {
            break value["moved"].clone();
        }
    };
    assert_eq!(
        moved["thu-tuc/dang-ky-khai-sinh/index.html"],
        "thu-tuc/khai-sinh-cho-tre-em/index.html"
    );
    let html = get(&addr, "/thu-tuc/khai-sinh-cho-tre-em/");
    assert!(html.contains("Khai sinh cho trẻ em"));
    assert!(
        html.contains("location.replace"),
        "the script follows moves"
    );
}

#[test]
fn serve_refuses_paths_outside_the_site() {
    let root = sample_copy("paths");
    std::fs::write(root.join("secret.txt"), "secret").unwrap();
    let server = start_server(&root, &[]);
    let addr = &server.addr;
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/thu-tuc/..%2f..%2fsecret.txt",
        "/a//b",
        "/%ff",
        "/a%5c..%5csecret.txt",
        "/%00",
    ] {
        let (status, _, body) = http(addr, "GET", path);
        assert_eq!(status, 400, "{path}");
        assert!(!body.contains("secret"), "{path}");
    }
    for path in [
        "/secret.txt",
        "/content/site.yaml",
        "/khong-co/",
        "/__congkhai/x",
    ] {
        let (status, _, body) = http(addr, "GET", path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("secret"), "{path}");
    }
    let (status, head, _) = http(addr, "GET", "/thu-tuc/dang-ky-khai-sinh");
    assert_eq!(status, 301, "{head}");
    assert!(
        head.contains("location: /thu-tuc/dang-ky-khai-sinh/"),
        "{head}"
    );
    let (status, _, _) = http(addr, "POST", "/");
    assert_eq!(status, 405);
    let (status, _, _) = http(addr, "GET", "not-a-path");
    assert!(status == 400 || status == 404, "{status}");
}

#[test]
fn serve_answers_only_to_its_own_host_names() {
    let root = sample_copy("hosts");
    let server = start_server(&root, &[]);
    let addr = &server.addr;
    let port = addr.rsplit_once(':').unwrap().1;
    for host in [
        addr.to_owned(),
        "127.0.0.1".to_owned(),
        format!("localhost:{port}"),
        "localhost".to_owned(),
        format!("[::1]:{port}"),
    ] {
        let (status, head, _) = http_to(addr, &host, "GET", "/");
        assert_eq!(status, 200, "Host: {host}\n{head}");
    }
    // A page of `evil.example` whose name was rebound to 127.0.0.1 sends its own name.
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
    ] {
        for path in ["/", "/thu-tuc/dang-ky-khai-sinh/", "/__congkhai/events"] {
            let (status, head, body) = http_to(addr, &host, "GET", path);
            assert_eq!(status, 403, "Host: {host} {path}\n{head}");
            assert!(head.contains("text/plain"), "{head}");
            assert!(body.contains("DNS rebinding"), "{body}");
            assert!(body.contains("chỉ trả lời"), "{body}");
            assert!(!body.contains("<html"), "{body}");
        }
    }
}

#[test]
fn serve_closes_idle_connections_but_keeps_the_event_stream() {
    let root = sample_copy("idle");
    let server = start_server(&root, &["--idle-timeout", "500"]);
    let events = subscribe(&server.addr);
    // A connection that sends nothing is closed after the timeout.
    let started = Instant::now();
    let mut idle = TcpStream::connect(&server.addr).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut response = Vec::new();
    let read = idle.read_to_end(&mut response);
    let waited = started.elapsed();
    // Closed by the server (perhaps after a 408): `read_to_end` returns only at the end of the
    // stream; had the connection been left open, the test's own 20 s read timeout would have
    // made it an error. No assertion on how long it took: a loaded machine may be slow.
    assert!(read.is_ok(), "{read:?} after {waited:?}");
    // So is one that sends half a request head.
    let mut slow = TcpStream::connect(&server.addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(slow, "GET / HTTP/1.1\r\nHost: {}\r\n", server.addr).unwrap();
    let mut response = Vec::new();
    let _ = slow.read_to_end(&mut response);
    assert!(
        !String::from_utf8_lossy(&response).contains("200 OK"),
        "{response:?}"
    );
    // The event stream outlives the timeout and still reports edits.
    std::thread::sleep(Duration::from_millis(1500));
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    edit(&birth, "Nộp hồ sơ", "Nộp hồ sơ (sau thời gian chờ)");
    wait_reload(&events, "thu-tuc/dang-ky-khai-sinh/index.html");
}

#[test]
fn serve_with_polling_sees_changes_too() {
    let root = sample_copy("poll");
    let server = start_server(&root, &["--poll", "100"]);
    let events = subscribe(&server.addr);
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    edit(&birth, "Nộp hồ sơ", "Nộp hồ sơ (thấy qua quét định kỳ)");
    let html = wait_page(&events, &server.addr, "/thu-tuc/dang-ky-khai-sinh/", |h| {
        h.contains("thấy qua quét định kỳ")
    });
    assert!(html.contains("thấy qua quét định kỳ"));
}

#[test]
fn build_output_has_no_reload_script() {
    let root = sample_copy("build");
    let output = full_build(&root);
    for (path, bytes) in output.iter() {
        assert!(
            !String::from_utf8_lossy(bytes).contains("__congkhai"),
            "{path} carries the dev server's script"
        );
    }
}

/// Colliding and empty stable links, a broken record and a broken site.yaml, edited in and out
/// while serving: the diagnostics (causes first, their dependants summarised) are a fresh
/// check's.
#[test]
fn causes_and_stable_links_follow_edits() {
    let root = sample_copy("causes");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let same_as_fresh = |site: &Site, what: &str| {
        let (_, built) = congkhai::check(&options(&root), &mut Timings::default());
        let ours = site.diagnostics().render_terminal(false);
        assert_eq!(ours, built.render_terminal(false), "{what}");
        ours
    };
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    let death = record(&root, "ho-tich/dang-ky-khai-tu.md");

    // Two codes, one stable link; then an empty one; then both as they were.
    edit(&birth, "code: \"1.001193\"", "code: \"9.99 A\"");
    edit(&death, "code: \"1.000656\"", "code: \"9-99-a\"");
    site.apply(&[birth.clone(), death.clone()]);
    assert!(same_as_fresh(&site, "one link").contains("CK021"));
    edit_and_apply(&mut site, &death, "code: \"9-99-a\"", "code: \"***\"");
    let text = same_as_fresh(&site, "empty link");
    assert!(text.contains("CK016") && !text.contains("CK021"), "{text}");
    edit(&birth, "code: \"9.99 A\"", "code: \"1.001193\"");
    edit(&death, "code: \"***\"", "code: \"1.000656\"");
    site.apply(&[birth.clone(), death.clone()]);
    assert_eq!(same_as_fresh(&site, "codes back"), "");

    // A record that others name stops parsing: one summary line waits on it.
    let named = record_with_code(&root, "1.003583");
    let good = std::fs::read_to_string(&named).unwrap();
    std::fs::write(&named, good.replacen("level: ", "level: [", 1)).unwrap();
    site.apply(std::slice::from_ref(&named));
    let text = same_as_fresh(&site, "named record broken");
    assert!(text.contains("to the code `1.003583` wait"), "{text}");
    std::fs::write(&named, &good).unwrap();
    site.apply(std::slice::from_ref(&named));
    assert_eq!(same_as_fresh(&site, "named record fixed"), "");

    // site.yaml stops parsing: its error first, the officers' references one line.
    let site_yaml = root.join("content/site.yaml");
    let good = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("agency: [\n{good}")).unwrap();
    site.apply(std::slice::from_ref(&site_yaml));
    let text = same_as_fresh(&site, "site.yaml broken");
    assert!(text.starts_with("error[CK012]"), "{text}");
    assert!(
        text.contains("62 references to officers wait on content/site.yaml"),
        "{text}"
    );
    std::fs::write(&site_yaml, &good).unwrap();
    site.apply(std::slice::from_ref(&site_yaml));
    assert_eq!(same_as_fresh(&site, "site.yaml fixed"), "");
}

#[test]
fn static_files_added_changed_and_removed_follow_in_serve() {
    let root = sample_copy("static");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let dir = root.join("content/static/.well-known");
    std::fs::create_dir_all(&dir).unwrap();
    let cname = root.join("content/static/CNAME");
    std::fs::write(&cname, "thutuc.example.gov.vn\n").unwrap();
    let security = dir.join("security.txt");
    std::fs::write(&security, "Contact: mailto:it@example.gov.vn\n").unwrap();
    site.apply(&[cname.clone(), security.clone()]);
    assert_eq!(
        site.output().get("CNAME"),
        Some(&b"thutuc.example.gov.vn\n"[..])
    );
    assert!(site.output().get(".well-known/security.txt").is_some());
    assert_same_as_build(&mut site, "static files added");

    std::fs::write(&cname, "tthc.example.gov.vn\n").unwrap();
    site.apply(std::slice::from_ref(&cname));
    assert_eq!(
        site.output().get("CNAME"),
        Some(&b"tthc.example.gov.vn\n"[..])
    );
    assert_same_as_build(&mut site, "static file changed");

    std::fs::remove_file(&cname).unwrap();
    site.apply(std::slice::from_ref(&cname));
    assert!(site.output().get("CNAME").is_none());
    assert_same_as_build(&mut site, "static file removed");
}

#[test]
fn aliases_and_form_folders_follow_edits_that_keep_or_change_addresses() {
    let root = sample_copy("addresses");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let same_as_build = |site: &Site, what: &str| diagnostics_as_check(site, &root, what);
    let birth = record(&root, "ho-tich/dang-ky-khai-sinh.yaml");
    let death = record(&root, "ho-tich/dang-ky-khai-tu.md");

    // An alias: its redirect page comes.
    edit_and_apply(
        &mut site,
        &birth,
        "title: \"Đăng ký khai sinh\"",
        "title: \"Đăng ký khai sinh\"\naliases: [khai-sinh]",
    );
    assert!(site.output().get("thu-tuc/khai-sinh/index.html").is_some());
    assert_same_as_build(&mut site, "alias added");
    // An alias that is another record's address: an error at the alias's line, which follows
    // the line when an edit above it moves it and when an edit elsewhere keeps it.
    edit_and_apply(
        &mut site,
        &death,
        "title: \"Đăng ký khai tử\"",
        "title: \"Đăng ký khai tử\"\naliases: [dang-ky-khai-sinh]",
    );
    assert!(same_as_build(&site, "alias taken").contains("CK021"));
    edit_and_apply(
        &mut site,
        &death,
        "code: \"1.000656\"",
        "# moved down\ncode: \"1.000656\"",
    );
    same_as_build(&site, "alias taken, a line above it");
    edit_and_apply(
        &mut site,
        &death,
        "level: commune",
        "level: commune\n# a line below",
    );
    same_as_build(&site, "alias taken, a line below it");
    // The record whose address it was takes another title: the alias is free, and a redirect.
    edit_and_apply(
        &mut site,
        &birth,
        "title: \"Đăng ký khai sinh\"",
        "title: \"Đăng ký khai sinh cho trẻ em\"",
    );
    same_as_build(&site, "alias freed");
    assert!(
        site.output()
            .get("thu-tuc/dang-ky-khai-sinh/index.html")
            .is_some_and(|page| String::from_utf8_lossy(page).contains("dang-ky-khai-tu"))
    );
    assert_same_as_build(&mut site, "alias freed");

    // A free page at the folder of a record's form files is refused while the form is there.
    std::fs::create_dir_all(root.join("content/giay-to")).unwrap();
    std::fs::copy(
        root.join("content/forms/ho-tich/to-khai-dang-ky-khai-sinh.docx"),
        root.join("content/giay-to/to-khai.docx"),
    )
    .unwrap();
    let page = root.join("content/pages/giay-to.md");
    std::fs::write(&page, "---\ntitle: \"Giấy tờ\"\n---\nGiấy tờ.\n").unwrap();
    site.apply(std::slice::from_ref(&page));
    same_as_build(&site, "a page, no form folder");
    edit_and_apply(
        &mut site,
        &birth,
        "file: forms/ho-tich/to-khai-dang-ky-khai-sinh.docx",
        "file: giay-to/to-khai.docx",
    );
    assert!(same_as_build(&site, "a page at a form folder").contains("CK021"));
    edit_and_apply(
        &mut site,
        &birth,
        "file: giay-to/to-khai.docx",
        "file: forms/ho-tich/to-khai-dang-ky-khai-sinh.docx",
    );
    same_as_build(&site, "the form moved back");
    assert_same_as_build(&mut site, "the form moved back");
}

#[test]
fn a_title_whose_address_a_shared_title_takes_is_refused_in_serve_as_in_build() {
    let root = sample_copy("distinct-slugs");
    let mut site = Site::open(&options(&root), RenderOptions::default());
    site.defer_index(true);
    let same_as_build = |site: &Site, what: &str| diagnostics_as_check(site, &root, what);
    // Two records titled "Đăng ký khai sinh": each takes the address with its code after it,
    // the first "dang-ky-khai-sinh-1-001193".
    let twin = add_record(
        &root,
        "ho-tich/khai-sinh-2.yaml",
        "1.009999",
        "Đăng ký khai sinh",
    );
    site.apply(std::slice::from_ref(&twin));
    same_as_build(&site, "two records of one title");
    // A third record whose own title makes that address: taken, in serve as in build.
    let death = record(&root, "ho-tich/dang-ky-khai-tu.md");
    let retitle = |site: &mut Site, title: &str| {
        let text = std::fs::read_to_string(&death).unwrap();
        let line = text.lines().find(|l| l.starts_with("title:")).unwrap();
        std::fs::write(
            &death,
            text.replacen(line, &format!("title: \"{title}\""), 1),
        )
        .unwrap();
        site.apply(std::slice::from_ref(&death));
    };
    retitle(&mut site, "Đăng ký khai sinh 1 001193");
    assert!(same_as_build(&site, "an address taken by a title").contains("CK021"));
    retitle(&mut site, "Đăng ký khai tử");
    same_as_build(&site, "the title back");
    // The other way round: the title first, then the record that makes its address shared.
    std::fs::remove_file(&twin).unwrap();
    site.apply(std::slice::from_ref(&twin));
    same_as_build(&site, "one record of the title again");
    retitle(&mut site, "Đăng ký khai sinh 1 001193");
    same_as_build(&site, "a title like an address, nothing shared");
    let twin = add_record(
        &root,
        "ho-tich/khai-sinh-2.yaml",
        "1.009999",
        "Đăng ký khai sinh",
    );
    site.apply(std::slice::from_ref(&twin));
    assert!(same_as_build(&site, "the address taken by a record added").contains("CK021"));
    retitle(&mut site, "Đăng ký khai tử");
    same_as_build(&site, "the title back again");
    assert_same_as_build(&mut site, "the title back again");
}
