//! The architecture invariants of ARCHITECTURE.md that the compiler does not check, checked on
//! the source: the modules form the pipeline's layers, and none reaches up.

use std::collections::BTreeSet;
use std::path::Path;

/// The library's modules, lowest first: each may use only modules listed before it. The
/// pipeline's steps in their order, with the shared vocabulary below them and `serve`, which
/// keeps the pipeline's values between edits, above.
const LAYERS: &[&str] = &[
    // Vocabulary every stage shares.
    "vi",
    "links",
    "route",
    "output",
    "cache",
    "diagnostics",
    // The data: records, site configuration, the validated catalogue.
    "model",
    "schema",
    // load (records, the theme).
    "content",
    // import: other formats into records (model, content); nothing else uses it.
    "import",
    "theme",
    // validate.
    "validate",
    // the completeness report reads loaded records.
    "report",
    // views and cards: what both the index and the pages show.
    "view",
    // the open data.
    "export",
    // index.
    "search",
    // plan and render.
    "render",
    // publish.
    "publish",
    // the steps composed.
    "pipeline",
    // the dev server.
    "serve",
];

/// Strips `//` comments (doc comments included: an intra-doc link is not a dependency) and
/// string literals, crudely but enough for this source: neither holds `crate::` code.
fn code_of(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let mut in_string = false;
        let mut previous = ' ';
        let mut kept = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_string && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '"' && previous != '\\' && previous != '\'' {
                in_string = !in_string;
            } else if !in_string {
                kept.push(c);
            }
            previous = c;
            i += 1;
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// The modules of `crate` that `code` names: `crate::x`, and each name inside a
/// `use crate::{x, y::…}` group.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                used.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            used.insert(name);
        }
    }
    used
}

#[test]
fn no_module_uses_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rank = |module: &str| LAYERS.iter().position(|m| *m == module);
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let top = relative.components().next().unwrap().as_os_str();
        let top = top.to_str().unwrap().trim_end_matches(".rs");
        // The crate root re-exports, and the binary (`main.rs`, `cmd/`) sits above everything.
        if matches!(top, "lib" | "main" | "cmd") {
            continue;
        }
        seen.insert(top.to_owned());
        let Some(own) = rank(top) else {
            problems.push(format!(
                "{}: module `{top}` is not in LAYERS",
                relative.display()
            ));
            continue;
        };
        let code = code_of(&std::fs::read_to_string(path).unwrap());
        for used in used_modules(&code) {
            if used == top || used == "self" {
                continue;
            }
            match rank(&used) {
                Some(theirs) if theirs < own => {}
                Some(_) => problems.push(format!(
                    "{}: `{top}` uses `{used}`, a later stage",
                    relative.display()
                )),
                None => problems.push(format!(
                    "{}: `{top}` uses `crate::{used}`, which is not a module in LAYERS (the \
                     crate root only re-exports)",
                    relative.display()
                )),
            }
        }
    }
    for module in LAYERS {
        assert!(
            seen.contains(*module),
            "LAYERS names `{module}`, which is gone"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_uses_in_groups_and_paths_but_not_in_comments() {
    let code = code_of(
        "use crate::{model::Text, vi};\n/// [`crate::serve`]\nlet x = crate::render::plan(); // crate::publish\nlet s = \"crate::theme\";\n",
    );
    let used: Vec<String> = used_modules(&code).into_iter().collect();
    assert_eq!(used, ["model", "render", "vi"]);
}
