//! `congkhai man`: manual pages made from the command-line definition: `congkhai.1` on stdout,
//! or one page per command written into `--dir`.

use std::path::PathBuf;

use clap::CommandFactory;
use congkhai::diagnostics::Line;

use super::{Cli, CliError, Outcome};

/// Arguments of `man`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Write `congkhai.1` and a page per command (`congkhai-build.1`, …) into this folder
    /// instead of printing `congkhai.1`.
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// Prints or writes the manual pages.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let command = Cli::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| Line::CannotCreate {
                path: dir.display().to_string(),
                error: e.to_string(),
            })?;
            clap_mangen::generate_to(command, &dir).map_err(|e| Line::CannotWriteManPages {
                dir: dir.display().to_string(),
                error: e.to_string(),
            })?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            // A reader that stops early (`| head`) is not an error.
            match std::io::Write::write_all(&mut std::io::stdout(), &page) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
                _ => {}
            }
        }
    }
    Ok(Outcome::Success)
}
