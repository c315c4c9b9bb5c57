//! Fuzzes the derive over proc-macro2 tokens: `cargo +nightly fuzz run
//! derive` from `fuzz/`. The derive's modules are compiled in directly (a
//! proc-macro crate cannot be linked into a binary); `crate::` paths in them
//! resolve because they sit at this crate's root, as in the derive crate.
#![no_main]

#[path = "../../errcodes-derive/src/ast.rs"]
mod ast;
#[path = "../../errcodes-derive/src/attr.rs"]
mod attr;
#[path = "../../errcodes-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../src/derive_case.rs"]
mod derive_case;
#[path = "../../errcodes-derive/src/expand.rs"]
mod expand;
#[path = "../../errcodes-derive/src/fallback.rs"]
mod fallback;
#[path = "../../errcodes-derive/src/fmt.rs"]
mod fmt;
#[path = "../../errcodes-derive/src/status.rs"]
mod status;
#[path = "../../errcodes-derive/src/symbol.rs"]
mod symbol;
#[path = "../../errcodes-derive/src/valid.rs"]
mod valid;

libfuzzer_sys::fuzz_target!(|data: &[u8]| derive_case::check(data, expand::derive));
