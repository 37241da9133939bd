//! `congkhai schema [FILE]`: the JSON Schema of a content file, for yaml-language-server.

use clap::ValueEnum;
use congkhai::schema::Kind;

use super::{CliError, Outcome};

/// Arguments of `schema`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Which file: a procedure record (default), site.yaml, fields.yaml or stats/*.yaml.
    #[arg(value_enum, default_value_t = Which::Record)]
    file: Which,
}

/// The files with a schema.
#[derive(ValueEnum, Clone, Copy, Debug)]
enum Which {
    /// A procedure record (congkhai.schema.json).
    Record,
    /// content/site.yaml (congkhai-site.schema.json).
    Site,
    /// content/fields.yaml (congkhai-fields.schema.json).
    Fields,
    /// content/stats/*.yaml (congkhai-stats.schema.json).
    Stats,
}

/// Prints the schema to stdout.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let kind = match args.file {
        Which::Record => Kind::Record,
        Which::Site => Kind::Site,
        Which::Fields => Kind::Fields,
        Which::Stats => Kind::Stats,
    };
    print!("{}", kind.schema_json());
    Ok(Outcome::Success)
}
