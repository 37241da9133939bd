//! `congkhai check`: validate only, fast, for pre-commit hooks and CI annotations.

use super::{CliError, Format, Outcome, SiteArgs, report};

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Loads and validates the content and reports every problem.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let options = args.site.options()?;
    // A root that cannot be read is the tool's I/O error (exit 2), not the content's.
    if let Err(congkhai::BuildError::Root { path, error }) = congkhai::read_root(&options.root) {
        return Err(super::build::root_message(args.site.lang(), &path, &error).into());
    }
    let mut timings = congkhai::Timings::default();
    let (catalogue, diagnostics) = congkhai::check(&options, &mut timings);
    report(&diagnostics, args.format, args.site.lang());
    let errors = diagnostics.error_count();
    if args.format == Format::Text {
        match &catalogue {
            Some(c) if errors == 0 => eprintln!(
                "ok: {} procedures in {} fields, {} warning(s)",
                c.procedures.len(),
                c.fields.len(),
                diagnostics.warning_count()
            ),
            _ => eprintln!(
                "{errors} error(s), {} warning(s)",
                diagnostics.warning_count()
            ),
        }
    }
    Ok(if errors == 0 && catalogue.is_some() {
        Outcome::Success
    } else {
        Outcome::ContentErrors
    })
}
