//! `congkhai build`: the full build, published atomically.

use std::path::PathBuf;

use super::{CliError, Format, Outcome, SiteArgs, report};

/// Arguments of `build`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder (default: ROOT/public).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Absolute URL the site is published at; overrides base_url in site.yaml.
    #[arg(long)]
    base_url: Option<String>,
    /// Print the time of each pipeline step.
    #[arg(long)]
    timings: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Builds the site and reports warnings or errors.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let mut options = args.site.options()?;
    options.out = args.out;
    if let Some(url) = &args.base_url
        && !congkhai::links::is_site_address(url)
    {
        return Err(format!(
            "--base-url {url:?} is not an absolute http(s) address; \
             write it like https://thutuc.example.gov.vn or https://example.gov.vn/thu-tuc"
        )
        .into());
    }
    options.base_url = args.base_url;
    match congkhai::build(&options) {
        Ok(result) => {
            report(&result.diagnostics, args.format, args.site.lang());
            if args.timings {
                eprint!("{}", result.timings.render());
            }
            eprintln!(
                "built {} procedures: {} files, {:.1} MB in {}",
                result.procedures,
                result.files,
                result.bytes as f64 / 1_048_576.0,
                result.out.display()
            );
            Ok(Outcome::Success)
        }
        Err(diagnostics) => {
            report(&diagnostics, args.format, args.site.lang());
            eprintln!(
                "build failed: {} error(s); the previous site was left as it was",
                diagnostics.error_count()
            );
            Ok(Outcome::ContentErrors)
        }
    }
}
