//! congkhai: a static-site generator for public catalogues of administrative procedures
//! (thủ tục hành chính).
//!
//! The build is an ordered list of named steps, each a function of the previous step's value:
//!
//! ```text
//! load      content/ → typed records + diagnostics            content::load
//! validate  records → Catalogue | Diagnostics                 validate::validate
//! cards     Catalogue → the rows of lists and search results  render::Renderer::new
//! index     search data, open data, feeds → Output            search, export
//! plan      Catalogue → Vec<PagePlan>                         render::plan
//! render    pages → Output (path → bytes), in parallel        render::Renderer
//! publish   Output → public/, atomically                      publish::Staging
//! ```
//!
//! `build` publishes the index step's files as soon as they are made, then renders and
//! publishes the pages in parts of a few hundred, so that the whole site is never in memory at
//! once; the published tree is swapped in only when every part is written. (`serve` keeps the
//! whole site in memory instead.)
//!
//! The build is a pure function of the content, the theme, the options and the git history:
//! the same input gives byte-identical output.

pub mod cache;
pub mod content;
pub mod diagnostics;
pub mod export;
pub mod import;
pub mod links;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod publish;
pub mod render;
pub mod report;
pub mod route;
pub mod schema;
pub mod search;
pub mod serve;
pub mod theme;
pub mod validate;
pub mod vi;
pub mod view;

pub use pipeline::{
    BuildError, BuildOptions, BuildReport, CacheReport, IndexOutput, Step, Timings, build, check,
    check_report, index_site, read_root,
};
