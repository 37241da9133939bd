//! `congkhai serve`: preview from memory with live reload; errors shown in the page.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use congkhai::serve::server::{self, ServeOptions};
use congkhai::serve::watch::Mode;

use congkhai::diagnostics::{Lang, Line};

use super::{CliError, Outcome, SiteArgs};

/// Arguments of `serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Port to listen on (0 picks a free one).
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// Address to listen on. Anything but a loopback address shows the preview to the network.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Scan for changes every MS milliseconds instead of using file-system events (for network
    /// shares and virtual machines that do not report changes).
    #[arg(long, value_name = "MS", num_args = 0..=1, default_missing_value = "300")]
    poll: Option<u64>,
    /// Close a connection that sends no request head for MS milliseconds (tests use a short
    /// one).
    #[arg(long, value_name = "MS", hide = true)]
    idle_timeout: Option<u64>,
}

impl Args {
    /// The language of messages: `--lang`, else the site's.
    pub fn lang(&self) -> Lang {
        self.site.lang()
    }
}

/// Serves the site until Ctrl-C.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let options = args.site.options()?;
    if !options.root.join("content").is_dir() {
        return Err(Line::ServeNoContent {
            root: options.root.display().to_string(),
        }
        .into());
    }
    let watch = match args.poll {
        Some(ms) => Mode::Poll(Duration::from_millis(ms.max(10))),
        None => Mode::Native,
    };
    server::run(
        options,
        ServeOptions {
            addr: SocketAddr::new(args.bind, args.port),
            watch,
            open: args.open,
            lang: Some(args.site.lang()),
            idle_timeout: args
                .idle_timeout
                .map_or(server::IDLE_TIMEOUT, Duration::from_millis),
        },
    )
    .map_err(|e| Line::CannotServe {
        addr: SocketAddr::new(args.bind, args.port).to_string(),
        error: e.to_string(),
    })?;
    Ok(Outcome::Success)
}
