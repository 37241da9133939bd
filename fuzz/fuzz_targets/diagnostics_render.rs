//! The three renderings of diagnostics (terminal, JSON, GitHub annotations) with messages
//! holding arbitrary values (keys, suggestions, the YAML reader's words), positions and quoted
//! sources, in both languages: never a panic, and the JSON parses.
#![no_main]

use congkhai::diagnostics::{Diagnostic, Diagnostics, Lang, Message, Position, Syntax, Thing};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Layout: 8 bytes of numbers (line, column, flags), then texts separated by 0xff.
    if data.len() < 8 {
        return;
    }
    let line = u32::from_le_bytes([data[0], data[1], 0, 0]);
    let column = u32::from_le_bytes([data[2], data[3], 0, 0]);
    let flags = data[4];
    let mut parts = data[8..]
        .split(|b| *b == 0xff)
        .map(|p| String::from_utf8_lossy(p).into_owned());
    let file = parts.next().unwrap_or_default();
    let message = parts.next().unwrap_or_default();
    let label = parts.next();
    let help = parts.next();
    let source = parts.next();
    let message = match flags & 3 {
        0 => Message::Custom { text: message },
        1 => Message::YamlSyntax {
            kind: Syntax::Other,
            detail: message,
        },
        2 => Message::MissingKey {
            key: message,
            label,
        },
        _ => Message::UnknownKey {
            key: message,
            what: Thing::Procedure,
            suggestion: label,
            suggestion_label: help,
            allowed: Vec::new(),
        },
    };
    let mut d = Diagnostic::new(file.clone(), message);
    if flags & 8 != 0 {
        d = d.at(Some(Position { line, column }));
    }
    let mut all = Diagnostics::new();
    all.push(d);
    if let Some(source) = source {
        all.add_source(&file, &source);
    }
    let all = if flags & 16 != 0 {
        all.localized(Lang::Vi)
    } else {
        all
    };
    let _ = all.render_terminal(flags & 32 != 0);
    let json = all.to_json();
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON rendering parses");
    let github = all.to_github();
    // One annotation a diagnostic: messages cannot break out onto lines of their own.
    assert_eq!(github.lines().count(), 1, "{github:?}");
});
