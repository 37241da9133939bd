//! The change history from git: each commit that changes a record is compared with the
//! version before it, as typed records; the procedure page and `/cap-nhat/` say what changed,
//! newest first, and the Atom feeds are valid with stable ids. Without git, or in a shallow
//! clone, there is no history and the build still works.

mod common;

use common::git::{commit, edit, git_on, read};

use std::path::Path;
use std::process::Command;

use scraper::{Html, Selector};

/// The text of each element `selector` matches, whitespace collapsed.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

const MARRIAGE: &str = "content/procedures/ho-tich/cap-giay-xac-nhan-tinh-trang-hon-nhan.yaml";
const SCHOOL: &str = "content/procedures/giao-duc/chuyen-truong-hoc-sinh-thcs.yaml";
const PAUSE: &str = "content/procedures/ho-kinh-doanh/tam-ngung-kinh-doanh-ho-kinh-doanh.yaml";

/// A sample catalogue in git with one commit per kind of change.
fn history_site(name: &str) -> std::path::PathBuf {
    let root = common::sample_copy(name);
    git_on(&root, &["init", "-q"], None);
    commit(&root, "catalogue", "2026-01-05");
    let marriage = root.join(MARRIAGE);
    edit(&marriage, "amount: 10000", "amount: 15000");
    commit(&root, "fee", "2026-02-10");
    edit(
        &marriage,
        "text: \"03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thì thời hạn được kéo dài thêm không quá 20 ngày.\"\n  value: 3",
        "text: \"05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ\"\n  value: 5",
    );
    commit(&root, "time", "2026-03-01");
    edit(
        &marriage,
        "      - {name: \"Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó (nộp lại)\", originals: 1, copies: 0}",
        "      - {name: \"Ảnh 4x6 chụp không quá 06 tháng\", originals: 1, copies: 0}",
    );
    commit(&root, "documents", "2026-04-01");
    let text = std::fs::read_to_string(&marriage).unwrap();
    let start = text.find("\nfees:\n").unwrap() + 1;
    let end = text.find("\nresults:").unwrap() + 1;
    std::fs::write(
        &marriage,
        format!("{}fees: not_published\n{}", &text[..start], &text[end..]),
    )
    .unwrap();
    // The channels name the fee that is no longer stated.
    let text = std::fs::read_to_string(&marriage).unwrap();
    std::fs::write(&marriage, text.replace(", fees: [le-phi-xac-nhan]", "")).unwrap();
    commit(&root, "fees not published", "2026-05-01");
    // Renamed and moved, with a new title.
    let school = root.join(SCHOOL);
    let moved = root.join("content/procedures/giao-duc/chuyen-truong-thcs.yaml");
    std::fs::rename(&school, &moved).unwrap();
    edit(
        &moved,
        "title: \"Chuyển trường đối với học sinh trung học cơ sở\"",
        "title: \"Chuyển trường cho học sinh trung học cơ sở\"",
    );
    commit(&root, "school", "2026-06-01");
    let pause = root.join(PAUSE);
    edit(&pause, "status: active", "status: repealed");
    let text = std::fs::read_to_string(&pause).unwrap();
    let text = match text.find("\nannouncements:\n") {
        Some(at) => {
            let at = at + "\nannouncements:\n".len();
            format!(
                "{}  - {{number: \"99/QĐ-UBND\", date: 2026-06-20, change: repealed}}\n{}",
                &text[..at],
                &text[at..]
            )
        }
        None => format!(
            "{text}announcements:\n  - {{number: \"99/QĐ-UBND\", date: 2026-06-20, change: repealed}}\n"
        ),
    };
    std::fs::write(&pause, text).unwrap();
    commit(&root, "repeal", "2026-07-01");
    root
}

#[test]
fn pages_and_feeds_say_what_changed_newest_first() {
    let root = history_site("history");
    common::run_ok(&root, "build");

    let page = read(
        &root,
        "thu-tuc/cap-giay-xac-nhan-tinh-trang-hon-nhan/index.html",
    );
    let entries = texts(&page, "#lich-su li");
    assert_eq!(
        entries,
        [
            "01/05/2026: Phí, lệ phí: 15.000 đồng (có trường hợp được miễn) → Chưa công bố mức phí, lệ phí",
            "01/04/2026: Thêm giấy tờ: Ảnh 4x6 chụp không quá 06 tháng",
            "01/04/2026: Bỏ giấy tờ: Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó (nộp lại)",
            "01/03/2026: Thời hạn giải quyết: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thì thời hạn được kéo dài thêm không quá 20 ngày. → 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
            "10/02/2026: Phí, lệ phí: 10.000 đồng (có trường hợp được miễn) → 15.000 đồng (có trường hợp được miễn)",
        ]
    );
    assert_eq!(
        texts(&page, "#lich-su h2"),
        ["Lịch sử thay đổi"],
        "the section's heading"
    );
    assert!(
        page.contains("href=\"../../cap-nhat/ho-tich/\""),
        "the full list"
    );
    // A procedure that never changed has no history section.
    let unchanged = read(&root, "thu-tuc/dang-ky-khai-sinh/index.html");
    assert!(texts(&unchanged, "#lich-su").is_empty());

    // The moved and renamed record keeps its history, at its new address.
    let school = read(
        &root,
        "thu-tuc/chuyen-truong-cho-hoc-sinh-trung-hoc-co-so/index.html",
    );
    assert_eq!(
        texts(&school, "#lich-su li"),
        [
            "01/06/2026: Tên thủ tục: Chuyển trường đối với học sinh trung học cơ sở → Chuyển trường cho học sinh trung học cơ sở"
        ]
    );

    let all = read(&root, "cap-nhat/index.html");
    let listed = texts(&all, "ul.changes li");
    println!("{}", listed.join("\n"));
    assert_eq!(listed.len(), 7, "{listed:#?}");
    // The repeal is dated by its decision, not by its commit.
    assert!(
        listed[0].starts_with("20/06/2026 · Tạm ngừng kinh doanh")
            && listed[0]
                .ends_with("Tình trạng: Đang áp dụng → Đã bãi bỏ theo Quyết định 99/QĐ-UBND"),
        "{}",
        listed[0]
    );
    assert!(listed[1].starts_with("01/06/2026 · Chuyển trường cho học sinh"));
    assert!(listed[6].starts_with("10/02/2026 · Cấp Giấy xác nhận tình trạng hôn nhân"));
    assert!(all.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    // Filters by field, without JavaScript: a page per field, linked from the top.
    let filters = texts(&all, "nav.filters li");
    assert!(filters.iter().any(|f| f == "Hộ tịch (5)"), "{filters:?}");
    let field = read(&root, "cap-nhat/ho-tich/index.html");
    assert_eq!(texts(&field, "ul.changes li").len(), 5);
    assert!(field.contains("href=\"../../cap-nhat/ho-tich/atom.xml\""));
    let empty_field = read(&root, "cap-nhat/dat-dai/index.html");
    assert_eq!(
        texts(&empty_field, "main p:not(.lead)")
            .last()
            .map(String::as_str),
        Some("Chưa có thay đổi nào được ghi nhận.")
    );

    // The same repository gives the same bytes, feeds included.
    let first: Vec<String> = [
        "cap-nhat/atom.xml",
        "cap-nhat/ho-tich/atom.xml",
        "cap-nhat/index.html",
    ]
    .iter()
    .map(|p| read(&root, p))
    .collect();
    common::run_ok(&root, "build");
    for (i, p) in [
        "cap-nhat/atom.xml",
        "cap-nhat/ho-tich/atom.xml",
        "cap-nhat/index.html",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(read(&root, p), first[i], "{p} differs between two builds");
    }
    check_feed(&root.join("public/cap-nhat/atom.xml"), 7);
    check_feed(&root.join("public/cap-nhat/ho-tich/atom.xml"), 5);
}

/// Parses a feed with Python's feedparser: not `bozo`, `entries` entries with unique ids,
/// titles and links, newest first.
fn check_feed(path: &Path, entries: usize) {
    let script = r#"
import sys, feedparser
d = feedparser.parse(sys.argv[1])
assert not d.bozo, d.bozo_exception
ids = [e.id for e in d.entries]
assert len(ids) == len(set(ids)), ids
updated = [e.updated_parsed for e in d.entries]
assert updated == sorted(updated, reverse=True), updated
assert d.feed.title and d.feed.updated
for e in d.entries:
    assert e.title and e.link.startswith("https://binhan.example.gov.vn/thu-tuc/"), e
print(len(d.entries))
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 with feedparser is required (scripts/test installs it)");
    assert!(
        output.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        entries.to_string()
    );
}

#[test]
fn a_folder_without_git_has_no_history_and_says_so() {
    let root = common::sample_copy("history-nogit");
    common::run_ok(&root, "build");
    let page = read(
        &root,
        "thu-tuc/cap-giay-xac-nhan-tinh-trang-hon-nhan/index.html",
    );
    assert!(texts(&page, "#lich-su").is_empty());
    let all = read(&root, "cap-nhat/index.html");
    assert!(texts(&all, "ul.changes li").is_empty());
    assert!(all.contains("Chưa có thay đổi nào được ghi nhận."));
    check_feed(&root.join("public/cap-nhat/atom.xml"), 0);
}

#[test]
fn a_shallow_clone_builds_without_history() {
    let source = history_site("history-deep");
    let root =
        std::env::temp_dir().join(format!("congkhai-history-shallow-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let url = format!("file://{}", source.display());
    let output = Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(&root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    common::run_ok(&root, "build");
    let all = read(&root, "cap-nhat/index.html");
    assert!(texts(&all, "ul.changes li").is_empty());
    assert!(
        all.contains("Lịch sử thay đổi chưa đầy đủ"),
        "the note on partial history"
    );
}

#[test]
fn the_changes_kept_in_the_cache_are_the_changes_compared() {
    use congkhai::cache::Store;
    use congkhai::content::CacheEntry;
    use congkhai::content::history::{Versions, read};
    let root = history_site("history-store");
    // Everything the views say (the positions of values in their files, which only
    // diagnostics use, are not kept).
    let changes = |read: &congkhai::content::history::Read| {
        read.history
            .changes
            .iter()
            .map(|c| {
                let change = serde_json::to_string(&c.change).unwrap();
                let (code, date) = (&c.code, c.date.iso());
                format!(
                    "{code} {} {} {date} {} {change}",
                    c.commit, c.commit_order, c.seq
                )
            })
            .collect::<Vec<_>>()
    };
    let cold = read(&root, Versions::default());
    assert_eq!(cold.history.changes.len(), 7);
    assert!(cold.entries.is_empty(), "nothing to keep without a cache");

    // The first build with a cache compares every commit and keeps its changes.
    let first = read(
        &root,
        Versions {
            current: None,
            cache: Some(&Store::default()),
        },
    );
    assert_eq!(changes(&first), changes(&cold));
    let fresh: Vec<(u128, Vec<u8>)> = first
        .entries
        .into_iter()
        .map(|entry| match entry {
            CacheEntry::Fresh(key, bytes) => (key, bytes),
            CacheEntry::Hit(_) => panic!("a hit in an empty store"),
        })
        .collect();
    assert_eq!(fresh.len(), 6, "one entry per commit that changes a record");
    let dir = root.with_extension("store");
    let store_of = |entries: Vec<(u128, &[u8])>| {
        Store::write(&dir, "history.bin", 1, entries.into_iter()).unwrap();
        Store::read(&dir, "history.bin", 1).unwrap()
    };

    // The next reads none: every commit's changes come from the store.
    let store = store_of(fresh.iter().map(|(k, b)| (*k, b.as_slice())).collect());
    let cached = read(
        &root,
        Versions {
            current: None,
            cache: Some(&store),
        },
    );
    assert!(
        cached
            .entries
            .iter()
            .all(|e| matches!(e, CacheEntry::Hit(_)))
    );
    assert_eq!(changes(&cached), changes(&cold));

    // Entries that do not read as changes are not used: those commits are compared again.
    let store = store_of(fresh.iter().map(|(k, _)| (*k, &b"[{"[..])).collect());
    let again = read(
        &root,
        Versions {
            current: None,
            cache: Some(&store),
        },
    );
    assert!(
        again
            .entries
            .iter()
            .all(|e| matches!(e, CacheEntry::Fresh(..)))
    );
    assert_eq!(changes(&again), changes(&cold));
    let _ = std::fs::remove_dir_all(&dir);
}

/// What `build` publishes for `root` as it is now, read back from the disk.
fn full_build(root: &Path) -> congkhai::output::Output {
    let mut options = congkhai::BuildOptions::new(root);
    options.now = Some("2026-12-01".parse().unwrap());
    let out = root.with_extension("build");
    options.out = Some(out.clone());
    if let Err(e) = congkhai::build(&options) {
        panic!("must build:\n{e}");
    }
    let mut files = Vec::new();
    common::files(&out, &mut files);
    let mut output = congkhai::output::Output::default();
    for file in files {
        let path = file
            .strip_prefix(&out)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        if path != congkhai::publish::MARKER {
            let bytes = std::fs::read(&file).unwrap();
            output.insert(congkhai::output::OutputPath::new(path).unwrap(), bytes);
        }
    }
    output
}

#[track_caller]
fn assert_serve_equals_build(site: &mut congkhai::serve::Site, what: &str) {
    site.index();
    let expected = full_build(site.root());
    let actual = site.output();
    let mut problems: Vec<String> = expected
        .iter()
        .filter(|(path, bytes)| actual.get(path) != Some(bytes.as_slice()))
        .map(|(path, _)| format!("differs or missing {path}"))
        .collect();
    problems.extend(
        actual
            .iter()
            .filter(|(path, _)| expected.get(path).is_none())
            .map(|(path, _)| format!("extra {path}")),
    );
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

#[test]
fn serve_shows_the_history_as_build_does_through_edits() {
    let root = history_site("history-serve");
    let mut options = congkhai::BuildOptions::new(&root);
    options.now = Some("2026-12-01".parse().unwrap());
    let mut site =
        congkhai::serve::Site::open(&options, congkhai::render::RenderOptions::default());
    assert_serve_equals_build(&mut site, "opened");
    assert!(
        site.output().iter().any(
            |(path, bytes)| path.as_str() == "cap-nhat/ho-tich/index.html"
                && String::from_utf8_lossy(bytes).contains("Bỏ giấy tờ")
        ),
        "serve shows the history"
    );
    site.defer_index(true);
    // A new title (not committed): the lists of changes name the procedure by it, at its new
    // address.
    let marriage = root.join(MARRIAGE);
    edit(
        &marriage,
        "title: \"Cấp Giấy xác nhận tình trạng hôn nhân\"",
        "title: \"Cấp Giấy xác nhận tình trạng hôn nhân (mới)\"",
    );
    site.apply(std::slice::from_ref(&marriage));
    assert_serve_equals_build(&mut site, "title edited");
    // An edit in place (the moved record's status): its page keeps its history.
    let school = root.join("content/procedures/giao-duc/chuyen-truong-thcs.yaml");
    edit(&school, "status: active", "status: suspended");
    site.apply(std::slice::from_ref(&school));
    assert_serve_equals_build(&mut site, "status edited");
}
