//! The `congkhai` command line. Argument parsing and dispatch only: every command is a function
//! in `cmd/`, and exit codes are decided here, in one place.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// jemalloc instead of the system allocator. A build allocates many small values on two or more
/// threads at once (parsed records, template values, rendered pages), and glibc's malloc spent
/// about a tenth of the build's instructions. Medians of seven alternating builds of 10,000
/// records: 4.61 s with glibc, 4.24 s with jemalloc (CPU 8.38 against 7.80 s). Peak RSS at
/// 100,000 records: 891 MB, against 922 MB with glibc the same day. mimalloc was as fast but
/// peaked at 1,006 MB or more at 100,000, over the 1 GB the catalogue must fit in (987 MB when
/// made to return freed pages at once, which cost about a third of its gain).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read before `main` (the symbol is weak in jemalloc, so this one wins).
/// Freed pages go back to the system after 100 ms rather than the default 10 s: at 100,000
/// records that kept the peak RSS at 891 MB instead of 971 MB, at no cost measured at 10,000
/// (4.24 s against 4.20 s with 1 s; medians of seven). jemalloc reads the symbol as a
/// `const char *`: `Option<&u8>` has that layout (null for `None`), and the bytes end in NUL.
/// `tests/allocator.rs` checks that jemalloc reads and applies it.
#[cfg(not(target_env = "msvc"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
#[allow(non_upper_case_globals)]
pub static malloc_conf: Option<&'static u8> = Some(&b"dirty_decay_ms:100\0"[0]);

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    let lang = cli.lang();
    match cmd::run(cli) {
        Ok(cmd::Outcome::Success) => ExitCode::SUCCESS,
        // Content errors: the editor has something to fix.
        Ok(cmd::Outcome::ContentErrors) => ExitCode::from(1),
        // Usage or I/O errors.
        Err(cmd::CliError(line)) => {
            let word = congkhai::diagnostics::Line::ErrorWord;
            eprintln!("{}: {}", word.render(lang), line.render(lang));
            ExitCode::from(2)
        }
    }
}
