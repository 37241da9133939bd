//! Every broken record in `tests/fixtures/broken` yields its expected diagnostic, at the line
//! marked in the file itself with `# expect: CKnnn` (or anywhere in the file for
//! `# expect-file: CKnnn`), and nothing makes the checker panic.

mod common;
use common::copy_dir;

use std::path::Path;

use congkhai::diagnostics::{Code, Lang, Severity};
use congkhai::{BuildOptions, Timings};

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken"
    ))
}

#[test]
fn each_broken_record_reports_its_code_at_its_line() {
    let options = BuildOptions::new(fixture());
    let (catalogue, diagnostics) = congkhai::check(&options, &mut Timings::default());
    assert!(
        catalogue.is_none(),
        "a catalogue with errors must not validate"
    );
    let all: Vec<_> = diagnostics.sorted();

    let mut expectations = 0;
    let records =
        congkhai::content::files_under(&fixture().join("content/procedures"), &["yaml", "md"]);
    let pages = congkhai::content::files_under(&fixture().join("content/pages"), &["md"]);
    let site = fixture().join("content/site.yaml");
    for path in records.into_iter().chain(pages).chain([site]) {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = congkhai::diagnostics::display_path(fixture(), &path);
        for (index, line) in text.lines().enumerate() {
            let (code, line_no) = if let Some(rest) = line.split("# expect: ").nth(1) {
                (rest.trim(), Some(index as u32 + 1))
            } else if let Some(rest) = line.split("# expect-file: ").nth(1) {
                (rest.trim(), None)
            } else {
                continue;
            };
            expectations += 1;
            let found = all.iter().any(|d| {
                d.file == file
                    && d.code.as_str() == code
                    && d.severity == Severity::Error
                    && line_no.is_none_or(|l| d.position.map(|p| p.line) == Some(l))
            });
            assert!(
                found,
                "{file}: expected {code} at line {line_no:?}; got:\n{}",
                diagnostics.render_terminal(false)
            );
        }
    }
    assert!(expectations >= 20, "only {expectations} expectations found");
}

#[test]
fn valid_record_in_the_broken_site_has_no_error() {
    let options = BuildOptions::new(fixture());
    let (_, diagnostics) = congkhai::check(&options, &mut Timings::default());
    assert!(
        !diagnostics.iter().any(|d| d.file.ends_with("hop-le.yaml")),
        "{}",
        diagnostics.render_terminal(false)
    );
}

#[test]
fn every_diagnostic_names_a_file_and_says_what_to_do() {
    let options = BuildOptions::new(fixture());
    let (_, diagnostics) = congkhai::check(&options, &mut Timings::default());
    for d in diagnostics.iter() {
        assert!(!d.file.is_empty(), "{d:?}");
        if d.severity == Severity::Error {
            for lang in [Lang::En, Lang::Vi] {
                assert!(d.text(lang).help.is_some(), "error without help: {d:?}");
            }
        }
    }
}

#[test]
fn json_output_parses_and_carries_codes_and_lines() {
    let options = BuildOptions::new(fixture());
    let (_, diagnostics) = congkhai::check(&options, &mut Timings::default());
    let parsed: serde_json::Value = serde_json::from_str(&diagnostics.to_json()).unwrap();
    let items = parsed.as_array().unwrap();
    assert!(items.iter().any(|d| d["code"] == "CK011"
        && d["file"] == "content/procedures/ho-tich/unknown-key.yaml"
        && d["line"].as_u64().is_some()));
}

/// Arbitrary bytes as a record must give diagnostics, never a panic.
#[test]
fn garbage_records_never_panic() {
    let dir = std::env::temp_dir().join(format!("congkhai-garbage-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixture().join("content"), &dir.join("content"));
    let procedures = dir.join("content/procedures/ho-tich");
    let samples: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"---".to_vec(),
        b"- a\n- b\n".to_vec(),
        b"code: [\n".to_vec(),
        b"a: &a [*a, *a]\n".to_vec(),
        b"\xff\xfe\x00garbage".to_vec(),
        b"code: 1.5\ntitle: 2\n".to_vec(),
        "a: &x [1,2,3,4,5,6,7,8,9]\nb: &y [*x,*x,*x,*x,*x,*x,*x,*x,*x]\nc: &z [*y,*y,*y,*y,*y,*y,*y,*y,*y]\nd: [*z,*z,*z,*z,*z,*z,*z,*z,*z]\n".as_bytes().to_vec(),
        "documents: [{name: x, items: []}]\n".as_bytes().to_vec(),
        "steps: [1, {}, [x]]\n".as_bytes().to_vec(),
        "---\ntitle: x\n---\n<script>alert(1)</script>".as_bytes().to_vec(),
    ];
    for (i, bytes) in samples.iter().enumerate() {
        std::fs::write(procedures.join(format!("garbage-{i}.yaml")), bytes).unwrap();
        std::fs::write(procedures.join(format!("garbage-{i}.md")), bytes).unwrap();
    }
    let options = BuildOptions::new(&dir);
    let (_, diagnostics) = congkhai::check(&options, &mut Timings::default());
    for i in 0..samples.len() {
        assert!(
            diagnostics
                .iter()
                .any(|d| d.file.ends_with(&format!("garbage-{i}.yaml"))),
            "garbage-{i}.yaml gave no diagnostic"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Snippets quote the line a diagnostic points at, in files that failed to parse (kept in
/// memory) and in records that parsed but failed validation (read again from disk).
#[test]
fn snippets_quote_the_line_in_records_that_parsed_and_those_that_did_not() {
    let options = BuildOptions::new(fixture());
    let (_, diagnostics) = congkhai::check(&options, &mut Timings::default());
    let rendered = diagnostics.render_terminal(false);
    let mut quoted = 0;
    for d in diagnostics.iter() {
        let Some(position) = d.position else { continue };
        let text = std::fs::read_to_string(fixture().join(&d.file)).unwrap();
        let line = text.lines().nth(position.line as usize - 1).unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        // A long line is quoted as a window around the column (tested in `diagnostics.rs`'s
        // unit tests): the gutter and the text at the column must be there.
        let gutter = if line.chars().count() > 120 {
            let from = line
                .char_indices()
                .nth(position.column.saturating_sub(1) as usize)
                .map_or(0, |(i, _)| i);
            let near: String = line[from..].chars().take(40).collect();
            assert!(
                rendered.contains(&format!("{} | ", position.line)),
                "{}:{}",
                d.file,
                position.line
            );
            near
        } else {
            format!("{} | {line}", position.line)
        };
        assert!(
            rendered.contains(&gutter),
            "{}:{} must be quoted as `{gutter}`:\n{rendered}",
            d.file,
            position.line
        );
        quoted += 1;
    }
    // Validation errors (an unknown field id) point into records that parsed.
    assert!(
        diagnostics
            .iter()
            .any(|d| d.position.is_some() && d.code == congkhai::diagnostics::Code::CK022),
        "the fixture must have validation errors with positions"
    );
    assert!(quoted >= 20, "only {quoted} snippets checked");
}

/// A copy of the sample catalogue (53 records, 62 references to officers) in a folder of its
/// own, for tests that break one of its files.
fn sample_copy(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("congkhai-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.join("content"),
    );
    dir
}

/// The sample's record with the code `2.000635`, which four other records name in `related`.
const REFERENCED: &str = "content/procedures/ho-tich/cap-ban-sao-trich-luc-ho-tich.yaml";

#[test]
fn two_codes_with_one_stable_link_name_both_files() {
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(fixture()), &mut Timings::default());
    let collision = diagnostics
        .iter()
        .find(|d| d.code == Code::CK021 && d.file.ends_with("code-link-b.yaml"))
        .expect("`9.99 A` and `9-99-a` share /ma/9-99-a/");
    assert!(
        collision.text(Lang::En).message.contains("/ma/9-99-a/")
            && collision.text(Lang::En).message.contains("`9.99 A`")
            && collision
                .text(Lang::En)
                .message
                .contains("content/procedures/ho-tich/code-link-a.yaml:1"),
        "{collision:?}"
    );
    assert_eq!(collision.position.map(|p| p.line), Some(1));
    let empty = diagnostics
        .iter()
        .find(|d| d.file.ends_with("code-empty-link.yaml"))
        .expect("`***` gives no link");
    assert_eq!(empty.code, Code::CK016);
    assert!(
        empty
            .text(Lang::En)
            .help
            .as_deref()
            .unwrap_or("")
            .contains("1.001193"),
        "{empty:?}"
    );
}

#[test]
fn a_slug_too_long_for_a_file_is_an_error_of_its_record() {
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(fixture()), &mut Timings::default());
    let long = diagnostics
        .iter()
        .find(|d| d.file.ends_with("title-too-long.yaml"))
        .expect("a 299-character slug");
    assert_eq!(long.code, Code::CK018, "{long:?}");
    assert!(
        long.text(Lang::En)
            .message
            .starts_with("name too long for a file"),
        "{long:?}"
    );
    assert!(
        long.text(Lang::En).message.contains("299 bytes"),
        "{long:?}"
    );
    assert!(long.position.is_some(), "{long:?}");
}

#[test]
fn a_broken_site_yaml_comes_first_and_what_waits_on_it_is_one_line() {
    let dir = sample_copy("broken-site");
    let site = dir.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, format!("agency: [\n{text}")).unwrap();
    let (catalogue, diagnostics) =
        congkhai::check(&BuildOptions::new(&dir), &mut Timings::default());
    assert!(catalogue.is_none());
    let sorted = diagnostics.sorted();
    let rendered = diagnostics.render_terminal(false);
    assert_eq!(sorted[0].file, "content/site.yaml", "{rendered}");
    assert!(
        sorted[0].position.is_some(),
        "the parse error first:\n{rendered}"
    );
    let officers: Vec<_> = sorted.iter().filter(|d| d.code == Code::CK025).collect();
    assert_eq!(officers.len(), 1, "{rendered}");
    assert_eq!(officers[0].file, "content/site.yaml");
    assert_eq!(
        officers[0].text(Lang::En).message,
        "62 references to officers wait on content/site.yaml; fix it first"
    );
    assert_eq!(diagnostics.error_count(), 2, "{rendered}");
    let vietnamese = diagnostics.localized(Lang::Vi).render_terminal(false);
    assert!(
        vietnamese.contains("62 chỗ nhắc đến cán bộ đang chờ content/site.yaml"),
        "{vietnamese}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_ten_megabyte_line_is_quoted_as_a_window_and_references_to_its_record_wait_on_it() {
    let dir = sample_copy("long-line");
    let record = dir.join(REFERENCED);
    let text = std::fs::read_to_string(&record).unwrap();
    let long = format!("title: \"Cấp bản sao\" {}", "đ".repeat(5_000_000));
    let text = text.replacen("title: ", &format!("{long}\nold_title: "), 1);
    std::fs::write(&record, text).unwrap();
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(&dir), &mut Timings::default());
    let rendered = diagnostics.render_terminal(false);
    assert!(rendered.len() < 4_000, "{} bytes", rendered.len());
    let sorted = diagnostics.sorted();
    assert_eq!(sorted[0].file, REFERENCED, "{rendered}");
    // The quoted window is cut with `…`, and the caret stays under the column it marks.
    let column = sorted[0].position.unwrap().column as usize;
    let quoted = rendered
        .lines()
        .find(|l| l.starts_with("2 | "))
        .expect("the line is quoted");
    let caret = rendered
        .lines()
        .skip_while(|l| !l.starts_with("2 | "))
        .nth(1)
        .unwrap();
    assert!(quoted.ends_with('…'), "{quoted}");
    let at = caret.chars().position(|c| c == '^').unwrap();
    let window: Vec<char> = quoted.chars().collect();
    let line: Vec<char> = format!("2 | {long}").chars().collect();
    assert_eq!(window[at], line[column - 1 + 4], "{quoted}\n{caret}");
    // The four records that name its code are one line, not four errors.
    let waiting: Vec<_> = sorted.iter().filter(|d| d.code == Code::CK026).collect();
    assert_eq!(waiting.len(), 1, "{rendered}");
    assert_eq!(
        waiting[0].text(Lang::En).message,
        format!("4 references to the code `2.000635` wait on {REFERENCED}; fix it first")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_list_of_a_million_items_is_too_long_in_words() {
    let dir = sample_copy("huge-list");
    let record = dir.join(REFERENCED);
    let text = std::fs::read_to_string(&record).unwrap();
    let items = "  - \"Người yêu cầu\"\n".repeat(1_000_000);
    std::fs::write(
        &record,
        text.replacen("applicants:\n", &format!("applicants:\n{items}"), 1),
    )
    .unwrap();
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(&dir), &mut Timings::default());
    let rendered = diagnostics.render_terminal(false);
    let limit = diagnostics
        .iter()
        .find(|d| d.file == REFERENCED)
        .expect("the record's error");
    assert_eq!(limit.code, Code::CK019, "{rendered}");
    assert_eq!(
        limit.text(Lang::En).message,
        "the list is too long: at most 250000 items"
    );
    assert!(limit.position.is_some_and(|p| p.line > 1), "{limit:?}");
    assert!(!rendered.contains("Nodes"), "{rendered}");
    let vietnamese = diagnostics.localized(Lang::Vi).render_terminal(false);
    assert!(
        vietnamese.contains("lỗi[CK019]: danh sách quá dài: tối đa 250000 mục"),
        "{vietnamese}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_fields_yaml_comes_first_and_the_records_fields_wait_on_it() {
    let dir = sample_copy("broken-fields");
    let fields = dir.join("content/fields.yaml");
    let text = std::fs::read_to_string(&fields).unwrap();
    std::fs::write(&fields, format!("{text}\n  - broken: [\n")).unwrap();
    let (_, diagnostics) = congkhai::check(&BuildOptions::new(&dir), &mut Timings::default());
    let sorted = diagnostics.sorted();
    let rendered = diagnostics.render_terminal(false);
    assert_eq!(sorted[0].file, "content/fields.yaml", "{rendered}");
    assert!(sorted[0].position.is_some(), "{rendered}");
    let waiting: Vec<_> = sorted.iter().filter(|d| d.code == Code::CK022).collect();
    assert_eq!(waiting.len(), 1, "{rendered}");
    assert!(
        waiting[0]
            .text(Lang::En)
            .message
            .ends_with("references to fields wait on content/fields.yaml; fix it first"),
        "{rendered}"
    );
    assert_eq!(diagnostics.error_count(), 2, "{rendered}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_slug_too_long_for_a_file_is_an_error_of_its_page() {
    let dir = sample_copy("page-slug");
    let pages = dir.join("content/pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(
        pages.join("dai.md"),
        format!(
            "---\ntitle: \"Trang\"\nslug: {}\n---\nNội dung.\n",
            "a".repeat(300)
        ),
    )
    .unwrap();
    let (catalogue, diagnostics) =
        congkhai::check(&BuildOptions::new(&dir), &mut Timings::default());
    assert!(catalogue.is_none());
    let long = diagnostics
        .iter()
        .find(|d| d.file == "content/pages/dai.md")
        .expect("the page's error");
    assert_eq!(long.code, Code::CK018, "{long:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
