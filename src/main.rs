//! The `congkhai` command line. Argument parsing and dispatch only: every command is a function
//! in `cmd/`, and exit codes are decided here, in one place.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(cmd::Outcome::Success) => ExitCode::SUCCESS,
        // Content errors: the editor has something to fix.
        Ok(cmd::Outcome::ContentErrors) => ExitCode::from(1),
        // Usage or I/O errors.
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
