//! Subcommands: one file each.

mod build;
mod check;
mod completions;
mod import;
mod init;
mod man;
mod new;
mod report;
mod schema;
mod serve;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use congkhai::diagnostics::{Lang, Line};

/// How a command ended when it did not fail on usage or I/O.
pub enum Outcome {
    /// Everything went well.
    Success,
    /// The content has errors; they were reported.
    ContentErrors,
}

/// Errors that are not the content's fault: usage and I/O, as a line of the table of lines
/// ([`Line`]), shown in the command's language.
#[derive(Debug)]
pub struct CliError(pub Line);

impl From<Line> for CliError {
    fn from(line: Line) -> Self {
        CliError(line)
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        CliError(Line::System {
            error: error.to_string(),
        })
    }
}

/// congkhai builds a public catalogue of administrative procedures (thủ tục hành chính) into a
/// fast, accessible static website.
#[derive(Parser, Debug)]
#[command(name = "congkhai", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options shared by commands that read a site.
#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site folder (the one that holds content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// "Today" as YYYY-MM-DD, for checks of dates; defaults to the last commit's date.
    #[arg(long)]
    now: Option<String>,
    /// Language of diagnostics: vi or en (default: the site's language in site.yaml).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print errors only: no warnings, no progress, and no summary line when all went well.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `--cache [DIR]`, of `build` and `check`.
#[derive(clap::Args, Debug)]
pub struct CacheArgs {
    /// Keep what was computed in DIR (default: ROOT/.congkhai-cache) and reuse it next time
    /// where the input is the same: a build after a small change re-reads only the records
    /// that changed and renders only the pages they reach. Keep the folder between CI runs
    /// with the CI's cache step. The output is the same with or without it.
    #[arg(
        long,
        value_name = "DIR",
        num_args = 0..=1,
        default_missing_value = congkhai::cache::DEFAULT_DIR
    )]
    cache: Option<PathBuf>,
}

impl CacheArgs {
    /// The cache folder, when asked for: `.congkhai-cache` is under the site root. Refused
    /// inside `content/` (it would be committed) or the output `out` (it would be published,
    /// and replaced by the next build).
    pub fn dir(
        &self,
        root: &std::path::Path,
        out: &std::path::Path,
    ) -> Result<Option<PathBuf>, CliError> {
        let Some(dir) = &self.cache else {
            return Ok(None);
        };
        let dir = if dir.as_os_str() == congkhai::cache::DEFAULT_DIR {
            root.join(dir)
        } else {
            dir.clone()
        };
        let absolute = |p: &std::path::Path| {
            std::path::absolute(p)
                .map(|p| p.components().collect::<PathBuf>())
                .unwrap_or_else(|_| p.to_path_buf())
        };
        for inside in [root.join("content"), out.to_path_buf()] {
            if absolute(&dir).starts_with(absolute(&inside)) {
                return Err(Line::CacheInside {
                    dir: dir.display().to_string(),
                    inside: inside.display().to_string(),
                }
                .into());
            }
        }
        Ok(Some(dir))
    }

    /// Says how the cache served (unless `quiet`): why it was not used, why it could not be
    /// kept, and what was reused.
    pub fn report(report: Option<&congkhai::CacheReport>, lang: Lang, quiet: bool) {
        let Some(cache) = report.filter(|_| !quiet) else {
            return;
        };
        if let Some(why) = &cache.ignored {
            say(Line::CacheIgnored { why: why.clone() }, lang);
        }
        if let Some(error) = &cache.not_kept {
            say(
                Line::CacheNotKept {
                    error: error.clone(),
                },
                lang,
            );
        }
        say(
            Line::CacheUsed {
                reused: cache.records_reused,
                records: cache.records,
                pages_reused: cache.pages_reused,
                pages: cache.pages,
            },
            lang,
        );
    }
}

/// Language of diagnostics.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    /// Vietnamese.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// Output format of diagnostics.
#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// rustc-style text.
    #[default]
    Text,
    /// A JSON array.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site into public/ (atomically: on error the previous site stays).
    Build(build::Args),
    /// Validate the content without building.
    Check(check::Args),
    /// Create a new site in DIR with one example record.
    Init(init::Args),
    /// Scaffold a new record that passes `check`.
    New(new::Args),
    /// Import records from the national portal's procedure JSON or an office's list.
    Import(import::Args),
    /// Report, per record, the parts not known or not published and how old its checks are.
    Report(report::Args),
    /// Preview the site with live reload; errors are shown in the page.
    Serve(serve::Args),
    /// Print the JSON Schema of a procedure record (for editors' autocompletion).
    Schema(schema::Args),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    Completions(completions::Args),
    /// Print the manual page, or write one per command into a folder.
    Man(man::Args),
}

impl Cli {
    /// The language of the command's messages: the one its diagnostics are shown in.
    pub fn lang(&self) -> Lang {
        match &self.command {
            Command::Build(args) => args.lang(),
            Command::Check(args) => args.lang(),
            Command::Init(args) => args.lang(),
            Command::New(args) => args.lang(),
            Command::Import(args) => args.lang(),
            Command::Report(args) => args.lang(),
            Command::Serve(args) => args.lang(),
            // No site: Vietnamese, as for a new site.
            Command::Schema(_) | Command::Completions(_) | Command::Man(_) => Lang::Vi,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, CliError> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
        Command::Init(args) => init::run(args),
        Command::New(args) => new::run(args),
        Command::Import(args) => import::run(args),
        Command::Report(args) => report::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}

/// The language of messages for the site at `root`: `lang` when given, else the site's
/// (Vietnamese unless its site.yaml says otherwise).
pub fn site_lang(root: &std::path::Path, lang: Option<LangArg>) -> Lang {
    if let Some(lang) = lang {
        return lang.into();
    }
    let language = std::fs::read_to_string(root.join("content/site.yaml"))
        .ok()
        .and_then(|text| serde_saphyr::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| {
            v.get("language")
                .and_then(|l| l.as_str())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "vi".to_owned());
    Lang::for_site(&language)
}

impl SiteArgs {
    /// The language of diagnostics: `--lang`, else the site's (Vietnamese unless site.yaml says
    /// otherwise).
    pub fn lang(&self) -> Lang {
        site_lang(&self.root, self.lang)
    }

    /// Build options from these arguments.
    pub fn options(&self) -> Result<congkhai::BuildOptions, CliError> {
        let mut options = congkhai::BuildOptions::new(&self.root);
        if let Some(now) = &self.now {
            options.now = Some(now.parse().map_err(|error| Line::NowArgument {
                now: now.clone(),
                error,
            })?);
        }
        Ok(options)
    }
}

/// Prints `line` to stderr in `lang`.
pub fn say(line: Line, lang: Lang) {
    eprintln!("{}", line.render(lang));
}

/// Prints diagnostics to stderr in `format` and `lang`, with colour on a terminal; only the
/// errors when `quiet`.
pub fn report(
    diagnostics: &congkhai::diagnostics::Diagnostics,
    format: Format,
    lang: Lang,
    quiet: bool,
) {
    use std::io::IsTerminal;
    let diagnostics = &if quiet {
        diagnostics.errors_only()
    } else {
        diagnostics.clone()
    }
    .localized(lang);
    match format {
        Format::Text => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!("{}", diagnostics.render_terminal(color));
        }
        Format::Json => println!("{}", diagnostics.to_json()),
        Format::Github => print!("{}", diagnostics.to_github()),
    }
}
