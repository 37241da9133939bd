//! Markdown guides to HTML: never a panic, and raw HTML never comes through as a tag.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    let html = congkhai::content::markdown::to_html(markdown);
    assert!(!html.contains("<script"), "{markdown:?} gave {html:?}");
});
