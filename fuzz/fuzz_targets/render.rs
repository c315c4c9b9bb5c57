//! Fuzzes rendering: `cargo +nightly fuzz run render` from `fuzz/`.
#![no_main]

#[path = "../src/render_case.rs"]
mod render_case;

libfuzzer_sys::fuzz_target!(|data: &[u8]| render_case::check(data));
