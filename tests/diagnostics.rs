//! Every broken record in `tests/fixtures/broken` yields its expected diagnostic, at the line
//! marked in the file itself with `# expect: CKnnn` (or anywhere in the file for
//! `# expect-file: CKnnn`), and nothing makes the checker panic.

mod common;
use common::copy_dir;

use std::path::Path;

use congkhai::diagnostics::Severity;
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
            assert!(d.help.is_some(), "error without help: {d:?}");
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
        let gutter = format!("{} | {line}", position.line);
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
