//! Tests of errcodes live in `tests/`. This crate's only item compiles the
//! README's Rust examples as doc tests, so the README cannot drift from the
//! API.

// The README's examples use the OpenAPI, client, axum, fluent and tonic features: they run in
// the README's own test command, `cargo test --workspace --all-features`.
#[cfg(all(
    feature = "utoipa",
    feature = "client",
    feature = "axum",
    feature = "fluent",
    feature = "tonic"
))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
