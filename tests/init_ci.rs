//! The CI files `congkhai init` writes: each is valid YAML, and the commands of its publishing
//! job, run as a script with `congkhai` on `PATH` and the CI's variables set, check the new
//! site and build it for the Pages address.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn init(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("congkhai-init-ci-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(output.status.success());
    dir
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `PATH` with the directory of the `congkhai` under test first.
fn path_with_congkhai() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_congkhai")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs `script` with bash as the CI would (stop at the first failing command).
fn run(dir: &Path, script: &str, env: &[(String, String)]) -> String {
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path_with_congkhai())
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{script}\n{stderr}");
    format!("{}{stderr}", String::from_utf8_lossy(&output.stdout))
}

fn strings(map: &Value) -> Vec<(String, String)> {
    map.as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}

#[test]
fn the_github_workflow_checks_and_builds_for_pages() {
    let dir = init("github");
    let workflow = yaml(&dir.join(".github/workflows/congkhai.yml"));
    let on = workflow["on"].as_object().unwrap();
    assert!(on.contains_key("pull_request") && on.contains_key("push"));
    assert_eq!(workflow["jobs"]["deploy"]["needs"], "build");
    let steps = workflow["jobs"]["build"]["steps"].as_array().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    for action in [
        "actions/checkout@v4",
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
    ] {
        assert!(uses.contains(&action), "{action} in {uses:?}");
    }
    let mut base = strings(&workflow["env"]);
    let mut ran = Vec::new();
    for step in steps {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        // The one expression a run step reads: the Pages address of the repository.
        let mut env = base.clone();
        for (key, value) in strings(&step["env"]) {
            let value = if value.contains("steps.pages.outputs.base_url") {
                "https://so-tu-phap.github.io/thu-tuc".to_owned()
            } else {
                value
            };
            env.push((key, value));
        }
        ran.push(run(&dir, script, &env));
    }
    assert_eq!(ran.len(), 3, "install, check and build steps");
    assert!(ran[0].contains(env!("CARGO_PKG_VERSION")), "{}", ran[0]);
    let sitemap = std::fs::read_to_string(dir.join("public/sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://so-tu-phap.github.io/thu-tuc/"),
        "{sitemap}"
    );
    assert!(dir.join("public/index.html").is_file());
    assert!(
        dir.join(".congkhai-cache/records.bin").is_file(),
        "the build cache"
    );
    let cached = steps
        .iter()
        .find(|s| s["name"] == "Keep the build cache")
        .unwrap();
    assert_eq!(cached["with"]["path"], ".congkhai-cache\npublic\n");

    // Without congkhai on PATH and no repository to install it from, the install step stops
    // with an annotation that names the line to fill in.
    base.retain(|(k, _)| k != "CONGKHAI_GIT");
    base.push(("CONGKHAI_GIT".into(), String::new()));
    let install = steps
        .iter()
        .find(|s| s["name"] == "Install congkhai")
        .unwrap()["run"]
        .as_str()
        .unwrap();
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", install])
        .current_dir(&dir)
        .env("PATH", "/usr/bin:/bin")
        .envs(base.iter().map(|(k, v)| (k, v)))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("::error file=.github/workflows/congkhai.yml::set CONGKHAI_GIT")
    );
}

#[test]
fn the_gitlab_pipeline_checks_and_builds_for_pages() {
    let dir = init("gitlab");
    let pipeline = yaml(&dir.join(".gitlab-ci.yml"));
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
    let mut env = strings(&pipeline["variables"]);
    env.push(("CI_PROJECT_DIR".into(), dir.display().to_string()));
    env.push((
        "CI_PAGES_URL".into(),
        "https://so-tu-phap.gitlab.io/thu-tuc".into(),
    ));
    let lines = |key: &str| -> Vec<String> {
        pipeline[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_owned())
            .collect()
    };
    let mut script = lines("before_script");
    script.extend(
        pipeline["pages"]["script"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_owned()),
    );
    run(&dir, &script.join("\n"), &env);
    let sitemap = std::fs::read_to_string(dir.join("public/sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://so-tu-phap.gitlab.io/thu-tuc/"),
        "{sitemap}"
    );
    // The check job runs the same check.
    assert_eq!(pipeline["check"]["script"][0], "congkhai check --cache");
    let ignored = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(ignored.contains("/.congkhai-bin") && ignored.contains("/.congkhai-cache"));
    assert!(
        dir.join(".congkhai-cache/records.bin").is_file(),
        "the build cache"
    );
    assert_eq!(pipeline["cache"][1]["paths"][0], ".congkhai-cache/");
}
