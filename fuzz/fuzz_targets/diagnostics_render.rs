//! The three renderings of diagnostics (terminal, JSON, GitHub annotations) with arbitrary
//! messages, labels, help, positions and quoted sources: never a panic, and the JSON parses.
#![no_main]

use congkhai::diagnostics::{Code, Diagnostic, Diagnostics, Lang, Position};
use libfuzzer_sys::fuzz_target;

const CODES: [Code; 4] = [Code::CK001, Code::CK002, Code::CK010, Code::CK011];

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
    let code = CODES[usize::from(flags & 3)];
    let mut d = if flags & 4 == 0 {
        Diagnostic::error(code, file.clone(), message)
    } else {
        Diagnostic::warning(code, file.clone(), message)
    };
    if flags & 8 != 0 {
        d = d.at(Some(Position { line, column }));
    }
    if let Some(label) = label {
        d = d.label(label);
    }
    if let Some(help) = help {
        d = d.help(help);
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
