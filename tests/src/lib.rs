//! Tests of errcodes live in `tests/`. This crate's only item compiles the
//! README's Rust examples as doc tests, so the README cannot drift from the
//! API.

#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
