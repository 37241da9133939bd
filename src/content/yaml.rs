//! YAML parsing with serde-saphyr, and its errors turned into diagnostics editors can act on.

use serde::de::DeserializeOwned;
use serde_saphyr::Error;
use serde_saphyr::budget::{Budget, BudgetBreach};

use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::model::labels::key_label;

/// Parses one YAML document into `T`. `line_offset` is the number of lines before the YAML in
/// the file (the `---` line of Markdown front matter), so positions point into the real file.
/// `what` names the thing being read for messages ("a procedure", "site.yaml").
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    line_offset: u32,
    what: &str,
) -> Result<T, Box<Diagnostic>> {
    // serde-saphyr's default budget bounds alias expansion, so YAML bombs become an error.
    serde_saphyr::from_str::<T>(yaml)
        .map_err(|error| Box::new(to_diagnostic(&error, file, line_offset, what)))
}

fn to_diagnostic(error: &Error, file: &str, line_offset: u32, what: &str) -> Diagnostic {
    let inner = error.without_snippet();
    let diagnostic = match inner {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let mut d = Diagnostic::error(Code::CK011, file, format!("unknown key `{field}`"))
                .label(format!("not a key of {what}"));
            d = match did_you_mean(field, expected.iter().copied()) {
                Some(suggestion) => d.help(match key_label(suggestion) {
                    Some(label) => format!("did you mean `{suggestion}`? ({label})"),
                    None => format!("did you mean `{suggestion}`?"),
                }),
                None => d.help(format!(
                    "the keys allowed here are: {}",
                    expected.join(", ")
                )),
            };
            d
        }
        Error::SerdeMissingField { field, .. } => {
            let label = key_label(field)
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            Diagnostic::error(
                Code::CK010,
                file,
                format!("missing required key `{field}`{label}"),
            )
            .label(format!("`{field}` is missing here"))
            .help(format!(
                "add `{field}:` with a value; see `congkhai schema` for its shape"
            ))
        }
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let d = Diagnostic::error(
                Code::CK013,
                file,
                format!("`{variant}` is not an allowed value"),
            )
            .label("not allowed here");
            match did_you_mean(variant, expected.iter().copied()) {
                Some(s) => d.help(format!(
                    "did you mean `{s}`? allowed: {}",
                    expected.join(", ")
                )),
                None => d.help(format!("write one of: {}", expected.join(", "))),
            }
        }
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => Diagnostic::error(
            Code::CK012,
            file,
            format!("expected {expected}, found {unexpected}"),
        )
        .label("wrong type")
        .help(type_help(expected)),
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Diagnostic::error(
            Code::CK016,
            file,
            format!("invalid value {unexpected}, expected {expected}"),
        )
        .label("invalid value"),
        Error::Budget { breach, .. } => budget_diagnostic(breach, file),
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_else(|| "?".to_owned());
            Diagnostic::error(Code::CK014, file, format!("the key `{key}` appears twice"))
                .label("second occurrence")
                .help("keep one of them: YAML would silently drop the other")
        }
        Error::Unexpected { expected, .. } => {
            let what = match *expected {
                e if e.contains("sequence") => "a list",
                e if e.contains("mapping") => "a mapping",
                e => e,
            };
            Diagnostic::error(Code::CK012, file, format!("expected {what} here"))
                .label("wrong type")
                .help(type_help(expected))
        }
        other => {
            let message = strip_location(&plain_message(other));
            // Our own deserializers (dates, dossier entries) report through serde's `custom`,
            // which arrives as a plain message; everything else here comes from the scanner.
            let code = if is_date_message(&message) {
                Code::CK015
            } else if matches!(other, Error::Message { .. }) {
                Code::CK016
            } else {
                Code::CK002
            };
            let mut d = Diagnostic::error(code, file, message);
            if code == Code::CK015 {
                d = d.help("write dates as YYYY-MM-DD, for example 2026-03-15");
            } else if code == Code::CK002 {
                d = d.help("check indentation, colons after keys, and quotes around text that contains `: ` or `#`");
            }
            d
        }
    };
    match error.location() {
        Some(location) => diagnostic.at_location(&location, line_offset),
        None => diagnostic,
    }
}

/// A limit of the YAML reader (serde-saphyr's budget, which keeps YAML bombs and runaway files
/// from exhausting memory) in the editor's words: what is too long and how long it may be.
fn budget_diagnostic(breach: &BudgetBreach, file: &str) -> Diagnostic {
    let budget = Budget::default();
    let (message, help) = match breach {
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => (
            format!("the list is too long: at most {} items", budget.max_nodes),
            format!(
                "a file holds at most {} values (list items, keys and texts together); split the list or remove repeated items",
                budget.max_nodes
            ),
        ),
        BudgetBreach::Depth { .. } => (
            format!(
                "the lists and mappings are nested too deeply: at most {} levels",
                budget.max_depth
            ),
            "check the indentation: each level of a record is indented under its key".to_owned(),
        ),
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. }
        | BudgetBreach::MergeKeys { .. } => (
            format!(
                "the file repeats too much through aliases (`&name`, `*name`): at most {} aliases",
                budget.max_aliases
            ),
            "write the values out instead of repeating them with `*name`".to_owned(),
        ),
        BudgetBreach::ScalarBytes { .. } | BudgetBreach::InputBytes { .. } => (
            format!(
                "the file is too large: at most {} MB of text",
                budget.max_total_scalar_bytes / (1024 * 1024)
            ),
            "a record is a few kilobytes; check that the file is the record you meant".to_owned(),
        ),
        BudgetBreach::Documents { .. } => (
            format!(
                "the file has too many YAML documents (`---` lines): at most {}",
                budget.max_documents
            ),
            "a record is one YAML document; remove the extra `---` lines".to_owned(),
        ),
        _ => (
            "the file is too complex for the YAML reader".to_owned(),
            "simplify the file: shorter lists, less nesting, no aliases".to_owned(),
        ),
    };
    Diagnostic::error(Code::CK019, file, message).help(help)
}

fn plain_message(error: &Error) -> String {
    let formatter = serde_saphyr::DefaultMessageFormatter;
    let options = serde_saphyr::render_options! {
        formatter: &formatter,
        snippets: serde_saphyr::SnippetMode::Off,
    };
    error.render_with_options(options)
}

/// serde-saphyr appends " at line X, column Y"; the diagnostic shows that itself.
fn strip_location(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_owned(),
        None => first.to_owned(),
    }
}

fn is_date_message(message: &str) -> bool {
    message.contains("YYYY-MM-DD") || message.contains("days") || message.contains("month")
}

fn type_help(expected: &str) -> String {
    if expected.contains("sequence") {
        "write a list: one `- item` per line under the key".to_owned()
    } else if expected.contains("string") || expected.contains("Text") {
        "write text; put it in double quotes if it contains `: ` or starts with a digit".to_owned()
    } else if expected.contains("integer") || expected.contains("u64") || expected.contains("u32") {
        "write a whole number without dots or spaces, for example 8000".to_owned()
    } else if expected.contains("bool") {
        "write `true` or `false`".to_owned()
    } else if expected.contains("struct") || expected.contains("map") {
        "write a mapping: `key: value` lines indented under this key".to_owned()
    } else {
        format!("write {expected}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        title: String,
        fees: Vec<u64>,
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let d = parse::<Small>("title: a\nfees: []\nfess: 1\n", "a.yaml", 0, "a procedure")
            .unwrap_err();
        assert_eq!(d.code, Code::CK011);
        assert_eq!(d.position.map(|p| p.line), Some(3));
        assert!(d.help.as_deref().unwrap_or("").contains("`fees`"), "{d:?}");
    }

    #[test]
    fn duplicate_keys_are_rejected_with_their_line() {
        let d = parse::<Small>("title: a\nfees: []\ntitle: b\n", "a.yaml", 2, "a procedure")
            .unwrap_err();
        assert_eq!(d.code, Code::CK014, "{d:?}");
        assert_eq!(d.position.map(|p| p.line), Some(5));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let d = parse::<Small>("title: [a\nfees: []\n", "a.yaml", 0, "a procedure").unwrap_err();
        assert!(d.position.is_some(), "{d:?}");
    }
}
