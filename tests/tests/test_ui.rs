//! Compile-time diagnostics: every misuse of `#[api(...)]` is a spanned error
//! in our own words. Each case under `ui/<topic>/` holds one intended mistake;
//! its `.stderr` file is the exact message, reviewed like code.
//! Regenerate with `TRYBUILD=overwrite cargo test -p errcodes-tests --test test_ui`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}
