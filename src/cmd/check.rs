//! `congkhai check`: validate only, fast, for pre-commit hooks and CI annotations.

use super::{CliError, Format, Messages, Outcome, SiteArgs, report};

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
        let m = Messages(args.site.lang());
        let warnings = diagnostics.warning_count();
        match &catalogue {
            Some(c) if errors == 0 => {
                eprintln!(
                    "{}",
                    m.checked(c.procedures.len(), c.fields.len(), warnings)
                );
            }
            _ => eprintln!("{}", m.check_failed(errors, warnings)),
        }
    }
    Ok(if errors == 0 && catalogue.is_some() {
        Outcome::Success
    } else {
        Outcome::ContentErrors
    })
}

impl Messages {
    fn checked(&self, procedures: usize, fields: usize, warnings: usize) -> String {
        self.pick(
            format!("ok: {procedures} procedures in {fields} fields, {warnings} warning(s)"),
            format!(
                "không có lỗi: {procedures} thủ tục thuộc {fields} lĩnh vực, {warnings} cảnh báo"
            ),
        )
    }

    fn check_failed(&self, errors: usize, warnings: usize) -> String {
        self.pick(
            format!("{errors} error(s), {warnings} warning(s)"),
            format!("{errors} lỗi, {warnings} cảnh báo"),
        )
    }
}
