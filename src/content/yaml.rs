//! YAML parsing with serde-saphyr, and its errors turned into diagnostics editors can act on.

use serde::de::DeserializeOwned;
use serde_saphyr::Error;
use serde_saphyr::budget::{Budget, BudgetBreach};
use serde_saphyr::granit_parser::ErrorKind;

use crate::diagnostics::{
    Diagnostic, Expected, Found, Limit, Message, Syntax, Thing, did_you_mean,
};
use crate::model::labels::{key_label, key_named};

/// Parses one YAML document into `T`. `line_offset` is the number of lines before the YAML in
/// the file (the `---` line of Markdown front matter), so positions point into the real file.
/// `what` names the thing being read for messages.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    line_offset: u32,
    what: Thing,
) -> Result<T, Box<Diagnostic>> {
    // serde-saphyr's default budget bounds alias expansion, so YAML bombs become an error.
    serde_saphyr::from_str::<T>(yaml)
        .map_err(|error| Box::new(to_diagnostic(&error, file, line_offset, what)))
}

fn to_diagnostic(error: &Error, file: &str, line_offset: u32, what: Thing) -> Diagnostic {
    let diagnostic = Diagnostic::new(file, message(error.without_snippet(), what));
    match error.location() {
        Some(location) => diagnostic.at_location(&location, line_offset),
        None => diagnostic,
    }
}

/// The message of a serde-saphyr error, by its kind.
fn message(error: &Error, what: Thing) -> Message {
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let suggestion = did_you_mean(field, expected.iter().copied())
                .map(str::to_owned)
                .or_else(|| key_named(field, expected));
            Message::UnknownKey {
                key: field.clone(),
                what,
                suggestion_label: suggestion.as_deref().and_then(key_label).map(str::to_owned),
                suggestion,
                allowed: expected.iter().map(|e| (*e).to_owned()).collect(),
            }
        }
        Error::SerdeMissingField { field, .. } => Message::MissingKey {
            key: (*field).to_owned(),
            label: key_label(field).map(str::to_owned),
        },
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Message::NotAllowedValue {
            value: variant.clone(),
            allowed: expected.iter().map(|e| (*e).to_owned()).collect(),
            suggestion: did_you_mean(variant, expected.iter().copied()).map(str::to_owned),
        },
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => Message::WrongType {
            expected: expected_kind(expected),
            found: found_kind(unexpected),
        },
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Message::InvalidValue {
            found: found_kind(unexpected),
            expected: expected_kind(expected),
        },
        Error::InvalidScalar { ty, .. } => Message::ExpectedHere {
            expected: expected_kind(ty),
        },
        Error::Unexpected { expected, .. } => Message::ExpectedHere {
            expected: expected_kind(expected),
        },
        Error::Budget { breach, .. } => Message::YamlLimit {
            limit: limit(breach),
        },
        Error::DuplicateMappingKey { key, .. } => Message::DuplicateKey {
            key: key.clone().unwrap_or_else(|| "?".to_owned()),
        },
        Error::Message { msg, .. } => custom(msg),
        Error::AliasError { error, .. } => message(error, what),
        other => Message::YamlSyntax {
            kind: syntax(other),
            detail: strip_location(&plain_message(other)),
        },
    }
}

/// The kind of a syntax error: the YAML scanner's kind ([`ErrorKind`]) for what it found, or
/// serde-saphyr's for what it found while reading the events.
fn syntax(error: &Error) -> Syntax {
    use serde_saphyr::ExternalMessageSource;
    match error {
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => scan_kind(scan.kind()),
            _ => Syntax::Other,
        },
        Error::Eof { .. } => Syntax::UnexpectedEnd,
        Error::MultipleDocuments { .. } => Syntax::Document,
        Error::UnknownAnchor { .. } => Syntax::Alias,
        Error::UnexpectedSequenceEnd { .. } | Error::UnexpectedMappingEnd { .. } => {
            Syntax::Indentation
        }
        Error::ContainerEndMismatch { .. } => Syntax::Bracket,
        _ => Syntax::Other,
    }
}

/// The kind of a YAML scanner's error.
fn scan_kind(kind: &ErrorKind) -> Syntax {
    use ErrorKind as K;
    match kind {
        K::InvalidIndentation
        | K::InvalidBlockScalarIndent
        | K::InvalidFlowScalarIndent
        | K::ExpectedNodeContent => Syntax::Indentation,
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabInIndentation
        | K::TabAtBlockScalarStart
        | K::TabInPlainScalar => Syntax::Tab,
        K::MappingValueNotAllowed
        | K::InvalidMappingValueWhitespace
        | K::InvalidColonPlacement
        | K::FlowMappingValueAdjacentCollection => Syntax::ColonInText,
        K::ExpectedBlockMappingKey
        | K::SimpleKeyExpected
        | K::InvalidSimpleKey
        | K::MappingKeyNotAllowed => Syntax::ExpectedKey,
        K::ExpectedBlockSequenceEntry
        | K::BlockSequenceEntryNotAllowed
        | K::BlockEntryInFlowCollection
        | K::InvalidBlockEntryWhitespace
        | K::PlainScalarStartsWithDashFlowIndicator => Syntax::ListItem,
        // A quoted text that runs on to lines indented less than it is, most often, one whose
        // closing quote is missing.
        K::UnclosedQuotedScalar
        | K::DocumentIndicatorInQuotedScalar
        | K::InvalidQuotedScalarIndent => Syntax::UnclosedQuote,
        K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => {
            Syntax::AfterQuote
        }
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => Syntax::Escape,
        K::UnexpectedEofFlowSequence
        | K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::ExpectedFlowMappingSeparator
        | K::ExpectedFlowSequenceSeparator
        | K::MisplacedFlowCollectionEnd
        | K::MismatchedFlowCollectionEnd { .. }
        | K::UnclosedFlowCollection { .. } => Syntax::Bracket,
        K::UnexpectedCharacter { .. }
        | K::ExpectedTagBang
        | K::InvalidTagTerminator
        | K::MissingTagUri
        | K::UndeclaredTagHandle
        | K::InvalidBlockScalarHeader
        | K::ZeroBlockScalarIndent
        | K::MissingDirectiveName
        | K::InvalidDirectiveName
        | K::InvalidDirectiveTerminator
        | K::DirectiveDisallowed => Syntax::ReservedStart,
        K::CommentNotSeparated | K::CommentInterceptedScalar => Syntax::Comment,
        K::UnknownAnchor | K::MissingAnchorOrAliasName => Syntax::Alias,
        K::ExpectedDocumentStart
        | K::InvalidDocumentEnd
        | K::MissingDocumentEndBeforeDirective
        | K::MultipleDocumentsUnsupported => Syntax::Document,
        K::UnexpectedEofBlockSequence | K::UnexpectedEofBlockMapping | K::UnexpectedEof => {
            Syntax::UnexpectedEnd
        }
        _ => Syntax::Other,
    }
}

/// A message of serde's `custom`: the typed problems of congkhai's own deserializers (dates,
/// dossier entries) read back, anything else kept as text.
fn custom(message: &str) -> Message {
    Message::from_custom(message).unwrap_or_else(|| Message::Custom {
        text: strip_location(message),
    })
}

/// A limit of the YAML reader (serde-saphyr's budget, which keeps YAML bombs and runaway files
/// from exhausting memory), with the limit in force.
fn limit(breach: &BudgetBreach) -> Limit {
    let budget = Budget::default();
    match breach {
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => Limit::Nodes {
            max: budget.max_nodes,
        },
        BudgetBreach::Depth { .. } => Limit::Depth {
            max: budget.max_depth,
        },
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. }
        | BudgetBreach::MergeKeys { .. } => Limit::Aliases {
            max: budget.max_aliases,
        },
        BudgetBreach::ScalarBytes { .. } | BudgetBreach::InputBytes { .. } => Limit::Size {
            mb: budget.max_total_scalar_bytes / (1024 * 1024),
        },
        BudgetBreach::Documents { .. } => Limit::Documents {
            max: budget.max_documents,
        },
        _ => Limit::Other,
    }
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

/// The kind of value serde's description of what it expected names ("a sequence", "u64",
/// "struct Agencies", "a date written YYYY-MM-DD"). serde gives only text here: this is the
/// one place it is read.
fn expected_kind(expected: &str) -> Expected {
    let e = expected.to_ascii_lowercase();
    let has = |word: &str| {
        e.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == word)
    };
    if e.contains("yyyy-mm-dd") || has("date") {
        Expected::Date
    } else if has("sequence") || has("seq") || has("list") || has("array") || has("tuple") {
        Expected::List
    } else if has("struct") || has("map") || has("mapping") {
        Expected::Mapping
    } else if has("string") || has("str") || has("text") || has("char") || has("character") {
        Expected::Text
    } else if has("bool") || has("boolean") {
        Expected::Bool
    } else if [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "integer",
    ]
    .iter()
    .any(|w| has(w))
    {
        Expected::WholeNumber
    } else if has("f32") || has("f64") || has("float") || has("number") {
        Expected::Number
    } else {
        Expected::Other(expected.to_owned())
    }
}

/// The kind of value serde's description of what it found names (`string "8000đ"`,
/// `integer `5``, `a sequence`, `unit value`): the other place its text is read.
fn found_kind(found: &str) -> Found {
    let f = found.trim();
    let f = f
        .strip_prefix("a ")
        .or_else(|| f.strip_prefix("an "))
        .unwrap_or(f);
    let quoted = |rest: &str| -> Option<String> {
        let rest = rest.trim();
        ['"', '`', '\'']
            .iter()
            .find_map(|q| rest.strip_prefix(*q)?.strip_suffix(*q))
            .map(str::to_owned)
    };
    if let Some(rest) = f.strip_prefix("string") {
        return Found::Text(quoted(rest));
    }
    for prefix in ["integer", "floating point", "float", "number"] {
        if let Some(rest) = f.strip_prefix(prefix) {
            return match quoted(rest) {
                Some(n) => Found::Number(n),
                None => Found::Number(rest.trim().to_owned()),
            };
        }
    }
    if let Some(rest) = f.strip_prefix("boolean") {
        return Found::Bool(quoted(rest).unwrap_or_else(|| rest.trim().to_owned()));
    }
    match f {
        "sequence" | "list" => Found::List,
        "map" | "mapping" => Found::Mapping,
        "unit value" | "null" | "none" | "option value" => Found::Nothing,
        "char" | "character" => Found::Text(None),
        _ => Found::Other(found.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Lang};
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
        let d = parse::<Small>(
            "title: a\nfees: []\nfess: 1\n",
            "a.yaml",
            0,
            Thing::Procedure,
        )
        .unwrap_err();
        assert_eq!(d.code, Code::CK011);
        assert_eq!(d.position.map(|p| p.line), Some(3));
        let help = d.text(Lang::En).help.unwrap_or_default();
        assert!(help.contains("`fees`"), "{d:?}");
    }

    #[test]
    fn duplicate_keys_are_rejected_with_their_line() {
        let d = parse::<Small>(
            "title: a\nfees: []\ntitle: b\n",
            "a.yaml",
            2,
            Thing::Procedure,
        )
        .unwrap_err();
        assert_eq!(d.code, Code::CK014, "{d:?}");
        assert_eq!(d.position.map(|p| p.line), Some(5));
    }

    #[test]
    fn syntax_errors_are_explained_by_their_kind_in_vietnamese() {
        let cases = [
            (
                "title: Cấp bản sao: trích lục\nfees: []\n",
                Syntax::ColonInText,
            ),
            ("title: \"abc\" def\nfees: []\n", Syntax::AfterQuote),
            ("title: \"a\\qb\"\nfees: []\n", Syntax::Escape),
            ("title: @abc\nfees: []\n", Syntax::ReservedStart),
            ("title: *x\nfees: []\n", Syntax::Alias),
            ("title: \"abc\nfees: []\n", Syntax::UnclosedQuote),
            ("title: a\n fees: []\n", Syntax::ColonInText),
            ("title: a\n\tfees: []\n", Syntax::Tab),
        ];
        for (yaml, kind) in cases {
            let d = parse::<Small>(yaml, "a.yaml", 0, Thing::Procedure).unwrap_err();
            assert_eq!(d.code, Code::CK002, "{yaml:?}: {d:?}");
            assert!(
                matches!(d.message.as_ref(), Message::YamlSyntax { kind: k, .. } if *k == kind),
                "{yaml:?}: {d:?}"
            );
            assert!(d.position.is_some(), "{yaml:?}: {d:?}");
            let vi = d.text(Lang::Vi).message;
            assert!(vi.starts_with("lỗi cú pháp YAML: "), "{vi}");
            assert!(crate::vi::english_words(&vi).is_empty(), "{vi}");
        }
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let d = parse::<Small>("title: [a\nfees: []\n", "a.yaml", 0, Thing::Procedure).unwrap_err();
        assert!(d.position.is_some(), "{d:?}");
    }
}
