//! The dev server: `congkhai serve`.
//!
//! - [`incremental`]: the site kept in memory and updated file by file, equal to a full build;
//! - [`watch`]: file-system events (native, or polling where there are none), debounced;
//! - [`server`]: HTTP from memory, live reload over server-sent events, the error overlay.
//!
//! The watcher and the server are separate so either can be swapped; both drive the same
//! pipeline functions as `build`.

mod cross;
pub mod incremental;
pub mod overlay;
pub mod server;
pub mod watch;

pub use incremental::{IndexJob, IndexResult, Site, Update};
