//! `congkhai check`: validate only, fast, for pre-commit hooks and CI annotations.

use congkhai::diagnostics::{Lang, Line};

use super::{CliError, Format, Outcome, SiteArgs, report, say};

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    #[command(flatten)]
    cache: super::CacheArgs,
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

/// Loads and validates the content and reports every problem.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let mut options = args.site.options()?;
    options.cache = args.cache.dir(&options.root, &options.out_dir())?;
    // A root that cannot be read is the tool's I/O error (exit 2), not the content's.
    if let Err(congkhai::BuildError::Root { path, error }) = congkhai::read_root(&options.root) {
        return Err(super::build::root_line(&path, &error).into());
    }
    let mut timings = congkhai::Timings::default();
    let (catalogue, diagnostics, cache) = congkhai::check_report(&options, &mut timings);
    report(&diagnostics, args.format, args.site.lang(), args.site.quiet);
    if args.format == Format::Text {
        super::CacheArgs::report(cache.as_ref(), args.site.lang(), args.site.quiet);
    }
    let errors = diagnostics.error_count();
    if args.format == Format::Text && !(args.site.quiet && errors == 0) {
        let warnings = diagnostics.warning_count();
        let line = match &catalogue {
            Some(c) if errors == 0 => Line::Checked {
                procedures: c.procedures.len(),
                fields: c.fields.len(),
                warnings,
            },
            _ => Line::CheckFailed { errors, warnings },
        };
        say(line, args.site.lang());
    }
    Ok(if errors == 0 && catalogue.is_some() {
        Outcome::Success
    } else {
        Outcome::ContentErrors
    })
}
