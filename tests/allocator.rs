//! The binary runs on jemalloc with the options `main.rs` sets (see there for why).

#![cfg(not(target_env = "msvc"))]

use std::process::Command;

/// jemalloc's `confirm_conf` option makes it list, at start-up, every source of options it read
/// and each value it set: the binary's own `malloc_conf` must be among them, so the allocator
/// is jemalloc and the purge delay is in effect.
#[test]
fn jemalloc_reads_the_binary_options() {
    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .arg("--version")
        .env("_RJEM_MALLOC_CONF", "confirm_conf:true")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("global variable malloc_conf): \"dirty_decay_ms:100\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("Set conf value: dirty_decay_ms:100"),
        "{stderr}"
    );
}
