//! `congkhai init DIR`: a new site with one example record; the theme stays embedded.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use congkhai::diagnostics::Lang;

use super::{CliError, LangArg, Messages, Outcome};

static SCAFFOLD: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold");

/// Arguments of `init`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder to create (must not exist or be empty).
    dir: PathBuf,
    /// Language of this command's messages: vi or en (default: vi, the new site's language).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

/// Writes the scaffold into `dir`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let dir = &args.dir;
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        return Err(format!(
            "{} already exists and is not empty; choose a new folder name",
            dir.display()
        )
        .into());
    }
    write_dir(&SCAFFOLD, dir)?;
    // The schemas come from the content types of this binary, so it always matches them;
    // .vscode/settings.json maps each to its files for yaml-language-server.
    for kind in congkhai::schema::Kind::ALL {
        let schema = dir.join(kind.file());
        std::fs::write(&schema, kind.schema_json())
            .map_err(|e| format!("cannot write {}: {e}", schema.display()))?;
    }
    // `.gitignore` is stored without its dot so that it does not apply to this repository.
    let ignore = dir.join("gitignore");
    if ignore.exists() {
        std::fs::rename(&ignore, dir.join(".gitignore"))?;
    }
    write_ci(dir)?;
    let m = Messages(args.lang.map_or(Lang::Vi, Lang::from));
    eprintln!("{}", m.site_created(dir));
    Ok(Outcome::Success)
}

/// The CI files `init` writes: a GitHub Actions workflow that checks pull requests and
/// publishes to GitHub Pages, and its GitLab Pages twin.
pub const CI_FILES: [(&str, &str); 2] = [
    (
        ".github/workflows/congkhai.yml",
        include_str!("ci/github-pages.yml"),
    ),
    (".gitlab-ci.yml", include_str!("ci/gitlab-pages.yml")),
];

/// Writes the CI files, installing congkhai from this binary's repository (empty when it was
/// built without one: the workflow then says which line to fill in).
fn write_ci(dir: &Path) -> Result<(), CliError> {
    for (path, text) in CI_FILES {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let text = text.replace("@CONGKHAI_GIT@", env!("CARGO_PKG_REPOSITORY"));
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn write_dir(source: &Dir<'_>, target: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(target)
        .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    for file in source.files() {
        let path = target.join(file.path().file_name().unwrap_or_default());
        std::fs::write(&path, file.contents())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    for sub in source.dirs() {
        write_dir(
            sub,
            &target.join(sub.path().file_name().unwrap_or_default()),
        )?;
    }
    Ok(())
}

impl Messages {
    fn site_created(&self, dir: &Path) -> String {
        let dir = dir.display();
        let created = self.pick(
            format!(
                "created a new site in {dir}\n\nnext:\n  cd {dir}\n  congkhai check      # validate the records\n  congkhai serve      # preview at http://127.0.0.1:1111/ while you edit\n  congkhai build      # build the site into public/\n\nCI: .github/workflows/congkhai.yml checks pull requests and publishes to GitHub Pages (.gitlab-ci.yml: GitLab Pages).\nVS Code with the YAML extension (Red Hat) completes and checks records with congkhai.schema.json."
            ),
            format!(
                "đã tạo trang mới trong {dir}\n\ntiếp theo:\n  cd {dir}\n  congkhai check      # kiểm tra các thủ tục\n  congkhai serve      # xem trước tại http://127.0.0.1:1111/ trong khi sửa\n  congkhai build      # dựng trang vào thư mục public/\n\nCI: .github/workflows/congkhai.yml kiểm tra từng yêu cầu hợp nhất (pull request) và xuất bản lên GitHub Pages (.gitlab-ci.yml: GitLab Pages).\nVS Code với tiện ích YAML (Red Hat) gợi ý và kiểm tra từng thủ tục theo congkhai.schema.json."
            ),
        );
        if env!("CARGO_PKG_REPOSITORY").is_empty() {
            let fill = self.pick(
                "Before the first push, set CONGKHAI_GIT in both CI files to the git repository CI installs congkhai from.".to_owned(),
                "Trước lần đẩy (push) đầu tiên, hãy điền CONGKHAI_GIT trong cả hai tệp CI: địa chỉ kho git mà CI cài congkhai từ đó.".to_owned(),
            );
            format!("{created}\n\n{fill}")
        } else {
            created
        }
    }
}
