//! A `.yaml` procedure record from arbitrary bytes: a diagnostic with the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(diagnostic) =
        congkhai::content::parse_record(data, "content/procedures/x.yaml", false)
    {
        assert_eq!(diagnostic.file, "content/procedures/x.yaml");
    }
});
