//! A `.md` procedure record (front matter and guide) from arbitrary bytes; a guide that parses
//! is rendered too, as the build does.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match congkhai::content::parse_record(data, "content/procedures/x.md", true) {
        Ok((_, Some(guide))) => {
            let _ = congkhai::content::markdown::to_html(&guide);
        }
        Ok((_, None)) => {}
        Err(diagnostic) => assert_eq!(diagnostic.file, "content/procedures/x.md"),
    }
});
