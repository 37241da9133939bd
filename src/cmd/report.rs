//! `congkhai report`: the completeness report an office sends its supervisor.

use std::path::PathBuf;

use clap::ValueEnum;
use congkhai::diagnostics::Line;
use congkhai::report::{self, Options};

use super::{CliError, Outcome, SiteArgs, say};

/// Arguments of `report`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// text and json print to stdout; html writes a page to --output.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Where the html page goes (never inside public/, which is published).
    #[arg(long, default_value = "bao-cao.html")]
    output: PathBuf,
    /// A check (`verified_on`) or a source older than this many days is stale.
    #[arg(long, default_value_t = 365)]
    stale_days: u32,
}

/// Output format of the report.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// A text table.
    Text,
    /// JSON, for other tools.
    Json,
    /// One self-contained HTML page, to send or print.
    Html,
}

impl Args {
    /// The language of the report: `--lang`, else the site's.
    pub fn lang(&self) -> congkhai::diagnostics::Lang {
        self.site.lang()
    }
}

/// Reads the records and prints or writes the report. Problems of the content are what the
/// report is about, so they do not make it fail; a root that cannot be read does.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let options = args.site.options()?;
    if let Err(congkhai::BuildError::Root { path, error }) = congkhai::read_root(&options.root) {
        return Err(super::build::root_line(&path, &error).into());
    }
    let lang = args.lang();
    // "Today": --now, else the clock (a report is about the day it is made, not a commit).
    let now = options.now.unwrap_or_else(congkhai::vi::Date::today);
    let loaded = congkhai::content::load(&options.root);
    let made = report::make(
        &loaded,
        Options {
            now,
            stale_days: i64::from(args.stale_days),
        },
        lang,
    );
    match args.format {
        ReportFormat::Text => print!("{}", made.to_text(lang)),
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&made).map_err(|e| Line::System {
                error: e.to_string()
            })?
        ),
        ReportFormat::Html => {
            let path = if args.output.is_absolute() {
                args.output.clone()
            } else {
                options.root.join(&args.output)
            };
            if inside_public(&options.root, &path) {
                return Err(Line::ReportInPublic {
                    path: path.display().to_string(),
                }
                .into());
            }
            let html = made.to_html(lang).map_err(|e| Line::System {
                error: e.to_string(),
            })?;
            write_whole(&path, html.as_bytes())?;
            say(
                Line::ReportWritten {
                    path: path.display().to_string(),
                },
                lang,
            );
        }
    }
    Ok(Outcome::Success)
}

/// Writes `bytes` to `path` through a temporary file beside it, so that a reader never sees
/// half a report.
fn write_whole(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Whether `path` is in the site's published folder.
fn inside_public(root: &std::path::Path, path: &std::path::Path) -> bool {
    let public = root.join("public");
    let canonical = |p: &std::path::Path| -> PathBuf {
        // The file may not exist yet: its folder does, or is made under the root.
        match (
            p.parent().and_then(|d| d.canonicalize().ok()),
            p.file_name(),
        ) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => p.to_path_buf(),
        }
    };
    let public = public.canonicalize().unwrap_or(public);
    canonical(path).starts_with(&public) || path.starts_with(root.join("public"))
}
