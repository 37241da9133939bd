//! `congkhai build`: the full build, published atomically.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use congkhai::BuildError;
use congkhai::diagnostics::{Lang, Line};
use congkhai::publish::{AfterPublish, PublishError};

use super::{CliError, Format, Outcome, SiteArgs, report, say};

/// Arguments of `build`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: ROOT/public). Only ever a congkhai output: each build replaces
    /// all of it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Publish into a non-empty --out that has no .congkhai-output marker (an output of an
    /// older congkhai, adopted once). Never the root, content/, themes/, a folder above the
    /// root, / or the home folder.
    #[arg(long)]
    force: bool,
    /// Absolute URL the site is published at; overrides base_url in site.yaml.
    #[arg(long)]
    base_url: Option<String>,
    #[command(flatten)]
    cache: super::CacheArgs,
    /// Print the time of each pipeline step.
    #[arg(long)]
    timings: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

impl Args {
    /// The language of messages: `--lang`, else the site's.
    pub fn lang(&self) -> Lang {
        self.site.lang()
    }
}

/// Builds the site and reports warnings or errors. Content errors are an outcome (exit 1);
/// the tool's I/O errors are returned (exit 2).
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let mut options = args.site.options()?;
    options.out = args.out;
    if let Some(url) = &args.base_url
        && !congkhai::links::is_site_address(url)
    {
        return Err(Line::BaseUrlArgument { url: url.clone() }.into());
    }
    options.base_url = args.base_url;
    options.force = args.force;
    options.cache = args.cache.dir(&options.root, &options.out_dir())?;
    let lang = args.site.lang();
    let quiet = args.site.quiet;
    // One updating line on a terminal while the build runs, gone when it ends.
    let progress = !quiet && args.format == Format::Text && std::io::stderr().is_terminal();
    if progress {
        let _ = PROGRESS_LANG.set(lang);
        options.progress = Some(show_step);
    }
    let built = congkhai::build(&options);
    if progress {
        eprint!("\r\x1b[K");
    }
    match built {
        Ok(result) => {
            report(&result.diagnostics, args.format, lang, quiet);
            if args.timings {
                eprint!("{}", result.timings.render());
            }
            for problem in &result.published.problems {
                say(after_publish_line(problem), lang);
            }
            super::CacheArgs::report(result.cache.as_ref(), lang, quiet);
            let built = Line::Built {
                procedures: result.procedures,
                files: result.files,
                bytes: result.bytes,
                out: result.out.display().to_string(),
            };
            if !quiet {
                if result.history_partial {
                    say(Line::ShallowHistory, lang);
                }
                say(built, lang);
            }
            Ok(Outcome::Success)
        }
        Err(BuildError::Content(diagnostics)) => {
            report(&diagnostics, args.format, lang, quiet);
            let errors = diagnostics.error_count();
            say(Line::BuildFailed { errors }, lang);
            Ok(Outcome::ContentErrors)
        }
        Err(BuildError::Root { path, error }) => Err(root_line(&path, &error).into()),
        Err(BuildError::Publish { diagnostics, error }) => {
            report(&diagnostics, args.format, lang, quiet);
            Err(publish_line(&error, &options.root).into())
        }
    }
}

/// The language of the progress line ([`show_step`] is a plain function).
static PROGRESS_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Shows the step that starts on the progress line, over the previous one.
fn show_step(step: &'static str) {
    let lang = PROGRESS_LANG.get().copied().unwrap_or(Lang::Vi);
    eprint!("\r\x1b[K{}", Line::Step { step }.render(lang));
}

/// The line for a site root that cannot be read (also `check`'s).
pub fn root_line(path: &Path, error: &std::io::Error) -> Line {
    Line::RootUnreadable {
        path: path.display().to_string(),
        error: error.to_string(),
    }
}

/// The line for an error of the publication.
fn publish_line(error: &PublishError, root: &Path) -> Line {
    match error {
        PublishError::Refused { out, refusal } => Line::Refused {
            out: out.display().to_string(),
            root: root.display().to_string(),
            refusal: refusal.clone(),
        },
        PublishError::Busy { out, lock, pid } => Line::Busy {
            out: out.display().to_string(),
            lock: lock.display().to_string(),
            pid: *pid,
        },
        PublishError::Failed {
            out,
            action,
            path,
            error,
            previous,
        } => Line::PublishFailed {
            out: out.display().to_string(),
            action: *action,
            path: path.display().to_string(),
            error: error.to_string(),
            previous: previous.clone(),
        },
    }
}

/// The line for a problem after the new site was published.
fn after_publish_line(problem: &AfterPublish) -> Line {
    match problem {
        AfterPublish::NotDurable(e) => Line::NotDurable {
            error: e.to_string(),
        },
        AfterPublish::OldTreeLeft { path, error } => Line::OldTreeLeft {
            path: path.display().to_string(),
            error: error.to_string(),
        },
    }
}
