//! The derive's compile errors, proven with trybuild (`tests/ui.rs`): every
//! misuse of `#[api(...)]` is one spanned error in errcodes' own words. A
//! crate of its own, so that trybuild builds only what the cases use.
