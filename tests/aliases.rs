//! Old links keep working: a procedure whose address changed (seen in git history, followed by
//! its code through renames and moves) or that lists `aliases:` gets a redirect page at each
//! old address; a live page keeps its address; a shallow clone says its history is partial.

mod common;

use common::git::{commit, edit, git, read};

use std::path::Path;
use std::process::Command;

use congkhai::diagnostics::{Code, Lang};
use congkhai::{BuildOptions, Timings};

/// Whether `page` is a redirect to the procedure page `slug` that search engines skip.
fn assert_redirect(root: &Path, old: &str, slug: &str) {
    let html = read(root, &format!("thu-tuc/{old}/index.html"));
    assert!(
        html.contains(&format!("url=../../thu-tuc/{slug}/\"")),
        "{old} → {slug}: {html}"
    );
    assert!(
        html.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{html}"
    );
    assert!(html.contains("rel=\"icon\""), "{html}");
}

#[test]
fn old_addresses_from_history_and_aliases_redirect_and_live_pages_keep_theirs() {
    let root = common::sample_copy("aliases");
    let procedures = root.join("content/procedures");
    git(&root, &["init", "-q"]);
    commit(&root, "catalogue", "2026-01-05");

    // A title that changes (its address comes from the title).
    edit(
        &procedures.join("ho-tich/dang-ky-giam-ho.yaml"),
        "title: \"Đăng ký giám hộ\"",
        "title: \"Đăng ký giám hộ cho người chưa thành niên\"",
    );
    // A Markdown record moved to another folder and renamed, with a new title too.
    std::fs::rename(
        procedures.join("ho-tich/dang-ky-ket-hon.md"),
        procedures.join("tu-phap/ket-hon.md"),
    )
    .unwrap();
    edit(
        &procedures.join("tu-phap/ket-hon.md"),
        "title: \"Đăng ký kết hôn\"",
        "title: \"Đăng ký kết hôn trong nước\"",
    );
    // An explicit slug that changes.
    edit(
        &procedures.join("chung-thuc/chung-thuc-chu-ky.yaml"),
        "slug: chung-thuc-chu-ky",
        "slug: chung-thuc-chu-ky-tren-giay-to",
    );
    commit(&root, "renames", "2026-03-10");

    // A hand-written alias.
    edit(
        &procedures.join("ho-tich/dang-ky-khai-sinh.yaml"),
        "title: \"Đăng ký khai sinh\"\n",
        "title: \"Đăng ký khai sinh\"\naliases: [khai-sinh]\n",
    );
    commit(&root, "alias", "2026-04-01");

    common::run_ok(&root, "build");
    assert_redirect(
        &root,
        "dang-ky-giam-ho",
        "dang-ky-giam-ho-cho-nguoi-chua-thanh-nien",
    );
    assert_redirect(&root, "dang-ky-ket-hon", "dang-ky-ket-hon-trong-nuoc");
    assert_redirect(&root, "chung-thuc-chu-ky", "chung-thuc-chu-ky-tren-giay-to");
    assert_redirect(&root, "khai-sinh", "dang-ky-khai-sinh");
    let sitemap = read(&root, "sitemap.xml");
    assert!(!sitemap.contains("thu-tuc/dang-ky-giam-ho/<"), "{sitemap}");
    assert!(sitemap.contains("thu-tuc/dang-ky-giam-ho-cho-nguoi-chua-thanh-nien/<"));

    // An old address another record now has: the live page keeps it, no redirect.
    edit(
        &procedures.join("ho-tich/dang-ky-lai-khai-sinh.yaml"),
        "title: \"Đăng ký lại khai sinh\"",
        "title: \"Đăng ký lại khai sinh\"\nslug: dang-ky-giam-ho",
    );
    commit(&root, "take the old address", "2026-05-01");
    common::run_ok(&root, "build");
    let page = read(&root, "thu-tuc/dang-ky-giam-ho/index.html");
    assert!(
        page.contains("Đăng ký lại khai sinh"),
        "the live page is there"
    );
    assert!(!page.contains("http-equiv=\"refresh\""));

    // The same input gives the same site.
    let first = read(&root, "thu-tuc/dang-ky-ket-hon/index.html");
    common::run_ok(&root, "build");
    assert_eq!(first, read(&root, "thu-tuc/dang-ky-ket-hon/index.html"));

    // A hand alias that is another record's address is an error naming both files.
    edit(
        &procedures.join("ho-tich/dang-ky-khai-sinh.yaml"),
        "aliases: [khai-sinh]",
        "aliases: [khai-sinh, dang-ky-khai-tu, \"Khai Sinh Cu\"]",
    );
    let (catalogue, diagnostics) =
        congkhai::check(&BuildOptions::new(&root), &mut Timings::default());
    assert!(catalogue.is_none());
    let errors: Vec<String> = diagnostics
        .sorted()
        .iter()
        .filter(|d| d.file.ends_with("dang-ky-khai-sinh.yaml"))
        .map(|d| {
            let t = d.text(Lang::Vi);
            format!(
                "{} {} | {}",
                d.code.as_str(),
                t.message,
                t.help.unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(Code::CK021.as_str())
            && errors[0].contains("dang-ky-khai-tu")
            && errors[0].contains("ho-tich/dang-ky-khai-tu.md"),
        "{errors:?}"
    );
    assert!(errors[1].contains("`khai-sinh-cu`"), "{errors:?}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_shallow_clone_builds_and_says_its_history_is_partial() {
    let origin = common::sample_copy("aliases-origin");
    git(&origin, &["init", "-q"]);
    commit(&origin, "catalogue", "2026-01-05");
    edit(
        &origin.join("content/procedures/ho-tich/dang-ky-giam-ho.yaml"),
        "title: \"Đăng ký giám hộ\"",
        "title: \"Đăng ký giám hộ mới\"",
    );
    commit(&origin, "rename", "2026-03-10");
    let clone = origin.with_file_name(format!(
        "{}-clone",
        origin.file_name().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&clone);
    let output = Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", origin.display()))
        .arg(&clone)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let built = common::run_ok(&clone, "build");
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(stderr.contains("lịch sử git không đầy đủ"), "{stderr}");
    assert!(stderr.contains("fetch-depth: 0"), "{stderr}");
    assert!(read(&clone, "thu-tuc/dang-ky-giam-ho-moi/index.html").contains("Đăng ký giám hộ mới"));
    // The full history has the redirect; the shallow one cannot know it.
    let full = common::run_ok(&origin, "build");
    assert!(!String::from_utf8_lossy(&full.stderr).contains("lịch sử git không đầy đủ"));
    assert!(
        origin
            .join("public/thu-tuc/dang-ky-giam-ho/index.html")
            .exists()
    );
    assert!(
        !clone
            .join("public/thu-tuc/dang-ky-giam-ho/index.html")
            .exists()
    );
    let _ = std::fs::remove_dir_all(&origin);
    let _ = std::fs::remove_dir_all(&clone);
}
