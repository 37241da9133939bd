//! Themes: templates, static files and i18n labels. The default theme is embedded in the
//! binary; `themes/default/` in the site root overrides it file by file.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Diagnostics, Message, Thing, display_path};

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
    /// The labels of `language` (Vietnamese when the theme lacks it): every word a template or
    /// [`crate::view::Words`] shows.
    pub fn labels(&self, language: &str) -> serde_json::Value {
        self.i18n
            .get(language)
            .or_else(|| self.i18n.get("vi"))
            .cloned()
            .unwrap_or(serde_json::Value::Null)
    }

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
                let origin = display_path(root, entry.path());
                match std::fs::read(entry.path()) {
                    Ok(bytes) if relative.starts_with("i18n/") => {
                        if let Err(d) = theme.override_labels(&relative, &bytes, &origin) {
                            diagnostics.push(*d);
                        }
                    }
                    Ok(bytes) => theme.add(&relative, bytes, origin),
                    Err(e) => diagnostics.push(Diagnostic::new(
                        display_path(root, entry.path()),
                        Message::ThemeFileUnreadable {
                            error: e.to_string(),
                        },
                    )),
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(theme)
    }

    /// Lays the labels of a site's `i18n/<lang>.yaml` over the embedded ones of that language,
    /// key by key, so that a theme can change a few words and keep the rest. A file that does
    /// not parse is an error: its words would silently be the default ones.
    fn override_labels(
        &mut self,
        path: &str,
        bytes: &[u8],
        origin: &str,
    ) -> Result<(), Box<Diagnostic>> {
        let lang = language_of(path);
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Box::new(Diagnostic::new(origin, Message::NotUtf8 { theme: true })))?;
        let value: serde_json::Value =
            crate::content::yaml::parse(text, origin, 0, Thing::ThemeLabels)?;
        if !value.is_object() && !value.is_null() {
            return Err(Box::new(Diagnostic::new(
                origin,
                Message::ThemeLabelsNotMapping,
            )));
        }
        merge(
            self.i18n
                .entry(lang.to_owned())
                .or_insert(serde_json::Value::Null),
            value,
        );
        self.origins.insert(path.to_owned(), origin.to_owned());
        Ok(())
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
            let lang = language_of(file);
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(value) = serde_saphyr::from_str::<serde_json::Value>(&text) {
                self.i18n.insert(lang.to_owned(), value);
            }
            self.origins.insert(path.to_owned(), origin);
        }
    }
}

/// "en" of "i18n/en.yaml" or "en.yml".
fn language_of(path: &str) -> &str {
    let file = path.strip_prefix("i18n/").unwrap_or(path);
    file.trim_end_matches(".yaml").trim_end_matches(".yml")
}

/// `over` laid onto `base`: mappings merge key by key, anything else replaces.
fn merge(base: &mut serde_json::Value, over: serde_json::Value) {
    match (base, over) {
        (serde_json::Value::Object(base), serde_json::Value::Object(over)) => {
            for (key, value) in over {
                merge(base.entry(key).or_insert(serde_json::Value::Null), value);
            }
        }
        (_, serde_json::Value::Null) => {}
        (base, over) => *base = over,
    }
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files: Vec<&include_dir::File<'a>> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files
}
