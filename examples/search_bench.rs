//! Builds a site and reports what its search costs: the index step's time and share of the
//! build, the number and size of the search files, and the ranking time of a query in Rust.
//!
//! ```text
//! cargo run --release --example search_bench -- --root DIR --out DIR [--index-only] [--query Q]
//! ```
//!
//! With `--index-only` only the search files are written (for catalogues too large to build
//! whole on a small machine); otherwise the whole site is built with `congkhai::build`.
//! Prints one JSON object; `bench/search.sh` adds compressed sizes and browser timings.

use std::path::PathBuf;
use std::time::Instant;

use congkhai::render::{RenderOptions, Renderer};
use congkhai::search::{self, Index};
use congkhai::theme::Theme;
use congkhai::{BuildOptions, Timings};

fn main() {
    let mut root = None;
    let mut out = None;
    let mut index_only = false;
    let mut query = "dang ky khai sinh".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--root" => root = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            "--index-only" => index_only = true,
            "--query" => query = args.next().unwrap_or_default(),
            _ => {
                eprintln!("usage: search_bench --root DIR --out DIR [--index-only] [--query Q]");
                std::process::exit(2);
            }
        }
    }
    let (Some(root), Some(out)) = (root, out) else {
        eprintln!("usage: search_bench --root DIR --out DIR [--index-only] [--query Q]");
        std::process::exit(2);
    };
    let mut options = BuildOptions::new(&root);
    options.out = Some(out.clone());

    let mut timings = Timings::default();
    let (catalogue, diagnostics) = congkhai::check(&options, &mut timings);
    let Some(catalogue) = catalogue else {
        eprintln!("{} error(s) in the catalogue", diagnostics.error_count());
        std::process::exit(1);
    };
    let theme = Theme::load(&root, "default").expect("theme");
    let labels = theme.i18n.get("vi").cloned().unwrap_or_default();

    // The index alone: built from the catalogue, as in the pipeline's "index" step.
    let renderer = Renderer::new(&catalogue, &theme, &RenderOptions::default()).expect("render");
    let start = Instant::now();
    let files = search::build(&catalogue, renderer.cards(), &labels);
    let index_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let index = Index::build(&catalogue, &labels);
    let index_build_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let _ = search::write(&index, renderer.cards(), &labels, files.tier);
    let index_write_ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!("index: terms {index_build_ms:.0} ms, files {index_write_ms:.0} ms");
    let start = Instant::now();
    let hits = search::search(&index, &query).hits.len();
    let query_ms = start.elapsed().as_secs_f64() * 1000.0;

    let (build_ms, steps) = if index_only {
        for (path, bytes) in &files.files {
            let path = out.join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        (None, String::new())
    } else {
        let report = congkhai::build(&options).unwrap_or_else(|e| {
            eprintln!("build failed: {e}");
            std::process::exit(if e.is_io() { 2 } else { 1 })
        });
        let total: f64 = report
            .timings
            .steps
            .iter()
            .map(|s| s.duration.as_secs_f64())
            .sum();
        let steps = report
            .timings
            .steps
            .iter()
            .map(|s| format!("\"{}\":{:.1}", s.name, s.duration.as_secs_f64() * 1000.0))
            .collect::<Vec<_>>()
            .join(",");
        (Some(total * 1000.0), steps)
    };

    let bytes: usize = files.files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{{\"procedures\":{},\"tier\":\"{}\",\"files\":{},\"bytes\":{},\"script\":\"{}\",\"index_ms\":{:.1},\"build_ms\":{},\"steps\":{{{}}},\"query\":\"{}\",\"hits\":{},\"rust_query_ms\":{:.2}}}",
        files.procedures,
        files.tier.id(),
        files.files.len(),
        bytes,
        files.script,
        index_ms,
        build_ms.map_or("null".to_owned(), |b| format!("{b:.1}")),
        steps,
        query,
        hits,
        query_ms,
    );
}
