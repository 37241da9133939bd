//! `congkhai schema`: the JSON Schema of a procedure record, for yaml-language-server.

use super::{CliError, Outcome};

/// Arguments of `schema`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Prints the schema to stdout.
pub fn run(_args: Args) -> Result<Outcome, CliError> {
    print!("{}", congkhai::schema::procedure_schema_json());
    Ok(Outcome::Success)
}
