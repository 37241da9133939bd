//! Themes: templates, static files and i18n labels. The default theme is embedded in the
//! binary; `themes/default/` in the site root overrides it file by file.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Code, Diagnostic, Diagnostics, display_path};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme as files, before templates are compiled.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// `templates/…` name → source.
    pub templates: BTreeMap<String, String>,
    /// `static/…` path (without `static/`) → bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// `i18n/<lang>.yaml` language → labels.
    pub i18n: BTreeMap<String, serde_json::Value>,
    /// Where each file came from, for diagnostics ("themes/default/templates/base.html" or
    /// "(embedded) templates/base.html").
    pub origins: BTreeMap<String, String>,
}

impl Theme {
    /// The embedded default theme.
    pub fn embedded() -> Theme {
        let mut theme = Theme::default();
        for file in all_files(&DEFAULT_THEME) {
            let path = file.path().to_string_lossy().replace('\\', "/");
            theme.add(
                &path,
                file.contents().to_vec(),
                format!("(embedded theme) {path}"),
            );
        }
        theme
    }

    /// The embedded default theme overridden by the files in `root/themes/<name>/`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
        let mut theme = Theme::embedded();
        let dir = root.join("themes").join(name);
        let mut diagnostics = Diagnostics::new();
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir)
                .into_iter()
                .filter_map(Result::ok)
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = display_path(&dir, entry.path());
                match std::fs::read(entry.path()) {
                    Ok(bytes) => theme.add(&relative, bytes, display_path(root, entry.path())),
                    Err(e) => diagnostics.push(Diagnostic::error(
                        Code::CK050,
                        display_path(root, entry.path()),
                        format!("cannot read the theme file: {e}"),
                    )),
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(theme)
    }

    fn add(&mut self, path: &str, bytes: Vec<u8>, origin: String) {
        if let Some(name) = path.strip_prefix("templates/") {
            self.templates.insert(
                name.to_owned(),
                String::from_utf8_lossy(&bytes).into_owned(),
            );
            self.origins.insert(path.to_owned(), origin);
        } else if let Some(name) = path.strip_prefix("static/") {
            self.static_files.insert(name.to_owned(), bytes);
        } else if let Some(file) = path.strip_prefix("i18n/") {
            let lang = file.trim_end_matches(".yaml").trim_end_matches(".yml");
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(value) = serde_saphyr::from_str::<serde_json::Value>(&text) {
                self.i18n.insert(lang.to_owned(), value);
            }
            self.origins.insert(path.to_owned(), origin);
        }
    }
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files: Vec<&include_dir::File<'a>> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files
}
