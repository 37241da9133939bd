//! English words left in a Vietnamese text: what the tests of congkhai's own messages look for.

/// English words that no Vietnamese message of congkhai holds outside backticks. None is a
/// Vietnamese word when written without diacritics.
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "not",
    "of",
    "and",
    "or",
    "with",
    "for",
    "this",
    "that",
    "cannot",
    "write",
    "error",
    "errors",
    "warning",
    "warnings",
    "expected",
    "found",
    "missing",
    "unknown",
    "must",
    "be",
    "has",
    "have",
    "did",
    "you",
    "your",
    "mean",
    "key",
    "keys",
    "value",
    "values",
    "field",
    "fields",
    "help",
    "note",
    "file",
    "files",
    "folder",
    "page",
    "pages",
    "built",
    "here",
    "line",
    "list",
    "text",
    "number",
    "date",
    "procedure",
    "procedures",
    "record",
    "records",
    "name",
    "from",
    "into",
    "at",
    "by",
    "it",
    "its",
    "was",
    "will",
    "would",
    "should",
    "use",
    "add",
    "remove",
    "see",
    "which",
    "when",
    "other",
    "another",
    "only",
    "each",
    "every",
    "empty",
    "invalid",
    "allowed",
    "required",
    "please",
    "fix",
    "first",
    "again",
    "choose",
    "there",
    "nothing",
];

/// The English words of `text`, a Vietnamese message, outside backticks (keys and code),
/// paths, addresses, `--flags` and capitalised words (names: "GitHub Pages", "VS Code"): a
/// message that has any was not fully translated.
///
/// ```
/// use congkhai::vi::english_words;
///
/// assert_eq!(english_words("thiếu key `phi`"), ["key"]);
/// assert!(english_words("không có khóa `the key` trong content/site.yaml").is_empty());
/// ```
pub fn english_words(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            continue;
        }
        for token in part.split_whitespace() {
            if token.trim_start_matches(['(', '"']).starts_with("--") {
                continue;
            }
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if token.contains(['/', '.', '@', '_', '=', '-']) {
                continue;
            }
            found.extend(
                token
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
                    .filter(|word| ENGLISH.contains(word)),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_found_outside_backticks_only() {
        assert!(english_words("không có `the key` trong content/site.yaml").is_empty());
        assert_eq!(english_words("thiếu key `phi`"), ["key"]);
        assert!(english_words("dùng --field hoặc https://a.gov.vn/the").is_empty());
        assert_eq!(english_words("(the) Tệp"), ["the"]);
        assert!(english_words("xuất bản lên GitHub Pages").is_empty());
    }
}
