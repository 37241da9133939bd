//! `congkhai init DIR`: a new site with one example record; the theme stays embedded.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use congkhai::diagnostics::{Lang, Line};

use super::{CliError, LangArg, Outcome, say};

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

impl Args {
    /// The language of messages: `--lang`, else Vietnamese (the new site's language).
    pub fn lang(&self) -> Lang {
        self.lang.map_or(Lang::Vi, Lang::from)
    }
}

/// Writes the scaffold into `dir`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let dir = &args.dir;
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| Line::CannotReadFolder {
                path: dir.display().to_string(),
                error: e.to_string(),
            })?
            .next()
            .is_some()
    {
        return Err(Line::InitNotEmpty {
            dir: dir.display().to_string(),
        }
        .into());
    }
    write_dir(&SCAFFOLD, dir)?;
    // The schemas come from the content types of this binary, so it always matches them;
    // .vscode/settings.json maps each to its files for yaml-language-server.
    for kind in congkhai::schema::Kind::ALL {
        let schema = dir.join(kind.file());
        std::fs::write(&schema, kind.schema_json()).map_err(|e| cannot_write(&schema, &e))?;
    }
    // `.gitignore` is stored without its dot so that it does not apply to this repository.
    let ignore = dir.join("gitignore");
    if ignore.exists() {
        let target = dir.join(".gitignore");
        std::fs::rename(&ignore, &target).map_err(|e| cannot_write(&target, &e))?;
    }
    write_ci(dir)?;
    let lang = args.lang();
    say(
        Line::SiteCreated {
            dir: dir.display().to_string(),
        },
        lang,
    );
    if env!("CARGO_PKG_REPOSITORY").is_empty() {
        say(Line::SetCiRepository, lang);
    }
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
            std::fs::create_dir_all(parent).map_err(|e| Line::CannotCreate {
                path: parent.display().to_string(),
                error: e.to_string(),
            })?;
        }
        let text = text.replace("@CONGKHAI_GIT@", env!("CARGO_PKG_REPOSITORY"));
        std::fs::write(&path, text).map_err(|e| cannot_write(&path, &e))?;
    }
    Ok(())
}

fn write_dir(source: &Dir<'_>, target: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(target).map_err(|e| Line::CannotCreate {
        path: target.display().to_string(),
        error: e.to_string(),
    })?;
    for file in source.files() {
        let path = target.join(file.path().file_name().unwrap_or_default());
        std::fs::write(&path, file.contents()).map_err(|e| cannot_write(&path, &e))?;
    }
    for sub in source.dirs() {
        write_dir(
            sub,
            &target.join(sub.path().file_name().unwrap_or_default()),
        )?;
    }
    Ok(())
}

fn cannot_write(path: &Path, error: &std::io::Error) -> Line {
    Line::CannotWrite {
        path: path.display().to_string(),
        error: error.to_string(),
    }
}
