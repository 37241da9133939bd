//! The output folder, run through the real binary: refusals, the lock, exit codes, and builds
//! killed at any moment (the output is always a whole site, and the next build cleans up).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use common::copy_dir;
use congkhai::publish::{Lock, MARKER, Target};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("congkhai-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::canonicalize(dir).unwrap()
}

/// A site root in `dir`: the sample catalogue, its records copied `copies` more times (with
/// their own codes, titles and slugs).
fn site(dir: &Path, copies: usize) -> PathBuf {
    let root = dir.join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    let mut records = Vec::new();
    let mut stack = vec![root.join("content/procedures")];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                records.push(path);
            }
        }
    }
    for record in records {
        let text = std::fs::read_to_string(&record).unwrap();
        let (stem, ext) = (
            record.file_stem().unwrap().to_string_lossy().into_owned(),
            record.extension().unwrap().to_string_lossy().into_owned(),
        );
        for k in 1..=copies {
            let copy: String = text
                .lines()
                .map(|line| {
                    if let Some(code) = line.strip_prefix("code: ") {
                        format!("code: \"{}.{k}\"", code.trim_matches('"'))
                    } else if let Some(title) = line.strip_prefix("title: \"") {
                        format!("title: \"{} {k}\"", title.trim_end_matches('"'))
                    } else if let Some(slug) = line.strip_prefix("slug: ") {
                        format!("slug: {}-{k}", slug.trim_matches('"'))
                    } else {
                        line.to_owned()
                    }
                })
                .map(|line| line + "\n")
                .collect();
            std::fs::write(record.with_file_name(format!("{stem}-{k}.{ext}")), copy).unwrap();
        }
    }
    root
}

fn congkhai(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_congkhai"));
    command
        .args(args)
        .args(["--now", "2026-01-01", "--lang", "en"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn build(root: &Path, out: &Path, more: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(more);
    congkhai(&args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir` (none when it does not exist), relative, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn outputs_that_are_not_congkhai_outputs_are_refused_with_exit_2_and_nothing_touched() {
    let dir = temp_dir("refused");
    let root = site(&dir, 0);
    std::fs::create_dir_all(root.join("themes/mine")).unwrap();
    std::fs::write(root.join("themes/mine/base.html"), "mine").unwrap();
    std::fs::write(dir.join("notes.txt"), "keep").unwrap();
    std::fs::create_dir(dir.join("photos")).unwrap();
    std::fs::write(dir.join("photos/a.jpg"), "keep").unwrap();
    let home = dir.join("home");
    std::fs::create_dir(&home).unwrap();
    let before = snapshot(&dir);
    let cases: &[(PathBuf, &str, bool)] = &[
        (root.clone(), "is the site root", true),
        (root.join("content"), "content/", true),
        (root.join("themes"), "themes/", true),
        (dir.clone(), "holds the site root", true),
        (PathBuf::from("/"), "root of the file system", true),
        (home.clone(), "home folder", true),
        (dir.join("notes.txt"), "is a file", true),
        (dir.join("photos"), "--force", false),
    ];
    for (out, why, with_force) in cases {
        let mut runs = vec![vec![]];
        if *with_force {
            runs.push(vec!["--force"]);
        }
        for more in runs {
            let mut command = congkhai(&[
                "build",
                "--root",
                root.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ]);
            command.args(&more).env("HOME", &home);
            let run = command.output().unwrap();
            let text = stderr(&run);
            assert_eq!(
                run.status.code(),
                Some(2),
                "{} {more:?}: {text}",
                out.display()
            );
            assert!(text.contains(&out.display().to_string()), "{text}");
            assert!(text.contains(why), "{why}: {text}");
            assert!(text.contains("Nothing was touched"), "{text}");
        }
    }
    assert_eq!(snapshot(&dir), before);

    // An older output without the marker is adopted once with --force.
    let run = build(&root, &dir.join("photos"), &["--force"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(dir.join("photos").join(MARKER).is_file());
    assert!(!dir.join("photos/a.jpg").exists());
    let run = build(&root, &dir.join("photos"), &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_stays_a_link_to_the_published_site() {
    let dir = temp_dir("link");
    let root = site(&dir, 0);
    std::fs::create_dir(dir.join("real")).unwrap();
    std::os::unix::fs::symlink(dir.join("real"), dir.join("link")).unwrap();
    for _ in 0..2 {
        let run = build(&root, &dir.join("link"), &[]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let link = std::fs::symlink_metadata(dir.join("link")).unwrap();
        assert!(link.file_type().is_symlink());
        assert!(dir.join("real/index.html").is_file());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn io_errors_exit_2_and_content_errors_exit_1() {
    let run = congkhai(&["check", "--root", "/nonexistent"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("/nonexistent"), "{}", stderr(&run));
    let dir = temp_dir("codes");
    let run = build(Path::new("/nonexistent"), &dir.join("out"), &[]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(!dir.join("out").exists());

    let broken = repo().join("tests/fixtures/broken");
    let run = build(&broken, &dir.join("out"), &[]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(!dir.join("out").exists());

    // The output's parent cannot be written: an I/O error, and nothing published.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let root = site(&dir, 0);
        let locked = dir.join("locked");
        std::fs::create_dir(&locked).unwrap();
        let run = build(&root, &locked.join("public"), &[]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let before = snapshot(&locked.join("public"));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        // root ignores permissions: only check when the folder really is read-only.
        let writable = std::fs::write(locked.join("probe"), "").is_ok();
        let run = build(
            &root,
            &locked.join("public"),
            &["--base-url", "https://x.example/"],
        );
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        if !writable {
            assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
            assert!(stderr(&run).contains("the previous site was left as it was"));
            assert_eq!(snapshot(&locked.join("public")), before);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_build_into_an_output_another_build_holds_exits_2_naming_it() {
    let dir = temp_dir("busy");
    let root = site(&dir, 0);
    let out = dir.join("public");
    // This process is the running build.
    let target = Target::resolve(&root, &out, false).unwrap();
    let lock = Lock::take(&target).unwrap();
    let run = build(&root, &out, &[]);
    let text = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!("pid {}", std::process::id())),
        "{text}"
    );
    assert!(text.contains(&out.display().to_string()), "{text}");
    assert!(!out.exists());
    drop(lock);
    let run = build(&root, &out, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_cleans_up() {
    let dir = temp_dir("kill");
    let root = site(&dir, 2);
    let out = dir.join("public");
    let old_url = ["--base-url", "https://old.example/"];
    let new_url = ["--base-url", "https://new.example/"];
    // The two sites in full, and how long a build takes.
    assert!(build(&root, &dir.join("new"), &new_url).status.success());
    let new = snapshot(&dir.join("new"));
    assert!(build(&root, &out, &old_url).status.success());
    let old = snapshot(&out);
    assert_ne!(old, new);
    let start = Instant::now();
    assert!(build(&root, &out, &old_url).status.success());
    let took = start.elapsed();
    for percent in [10, 50, 80, 92, 98, 102] {
        let mut child = congkhai(&[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            new_url[0],
            new_url[1],
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        std::thread::sleep(took * percent / 100);
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        let published = snapshot(&out);
        assert!(
            published == old || published == new,
            "killed at {percent}%: neither the whole old site nor the whole new one ({} files)",
            published.len()
        );
        // The next build (of the old site) succeeds and leaves nothing beside the output.
        let run = build(&root, &out, &old_url);
        assert!(run.status.success(), "after {percent}%: {}", stderr(&run));
        assert_eq!(snapshot(&out), old);
        let beside: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public."))
            .collect();
        assert!(beside.is_empty(), "after {percent}%: {beside:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
