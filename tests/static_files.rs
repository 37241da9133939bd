//! `content/static/`: files published as they are at the same path under the site's root
//! (`CNAME`, a search engine's verification file, `.well-known/security.txt`), and the
//! errors when one would take a path the site publishes itself.

mod common;

use std::process::Command;

#[test]
fn static_files_are_published_at_the_same_path() {
    let root = common::sample_copy("static-published");
    let dir = root.join("content/static");
    std::fs::create_dir_all(dir.join(".well-known")).unwrap();
    std::fs::create_dir_all(dir.join("xac-minh")).unwrap();
    std::fs::write(dir.join("CNAME"), "thutuc.example.gov.vn\n").unwrap();
    std::fs::write(
        dir.join(".well-known/security.txt"),
        "Contact: mailto:it@example.gov.vn\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("xac-minh/google1234.html"),
        "google-site-verification",
    )
    .unwrap();
    // Editors' and systems' hidden files are not published.
    std::fs::write(dir.join(".DS_Store"), "junk").unwrap();
    std::fs::write(dir.join("xac-minh/.ghi-chu"), "junk").unwrap();

    common::run_ok(&root, "build");
    let public = root.join("public");
    assert_eq!(
        std::fs::read_to_string(public.join("CNAME")).unwrap(),
        "thutuc.example.gov.vn\n"
    );
    assert!(public.join(".well-known/security.txt").is_file());
    assert_eq!(
        std::fs::read_to_string(public.join("xac-minh/google1234.html")).unwrap(),
        "google-site-verification"
    );
    assert!(!public.join(".DS_Store").exists());
    assert!(!public.join("xac-minh/.ghi-chu").exists());
    // The site's own pages are all still there.
    assert!(public.join("index.html").is_file());
}

#[test]
fn a_static_file_on_a_path_of_the_site_is_an_error_naming_it() {
    for (path, like) in [
        ("thu-tuc/x.html", "các trang thủ tục"),
        ("index.html", "trang chủ"),
        ("robots.txt", "robots.txt"),
        ("gioi-thieu/index.html", "content/pages/"),
    ] {
        let root = common::sample_copy("static-collision");
        let file = root.join("content/static").join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "x").unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
            .args(["build", "--lang", "en", "--root"])
            .arg(&root)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{path}: {stderr}");
        assert!(stderr.contains("CK021"), "{path}: {stderr}");
        assert!(
            stderr.contains(&format!("content/static/{path}")),
            "{path}: {stderr}"
        );
        assert!(stderr.contains(like), "{path}: {stderr}");
        assert!(
            !root.join("public").exists(),
            "{path}: a failed build published"
        );
    }
}
