//! `congkhai completions SHELL`: the shell's completion script, made from the command-line
//! definition, on stdout.

use clap::CommandFactory;

use super::{Cli, CliError, Outcome};

/// Arguments of `completions`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: clap_complete::Shell,
}

/// Prints the completion script.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "congkhai", &mut std::io::stdout());
    Ok(Outcome::Success)
}
