//! Compile-time diagnostics: every misuse of `#[api(...)]` is a spanned error
//! in our own words. Each case under `ui/<topic>/` holds one intended mistake;
//! its `.stderr` file is the exact message, reviewed like code.
//! Regenerate with `TRYBUILD=overwrite cargo test -p errcodes-tests --all-features --test test_ui`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}

/// Cases whose message quotes rustc's list of the types implementing
/// `ApiError`: that list grows with errcodes' features (`ReceivedError` with
/// `client`, `Rejection` with a web framework), so these run only with every
/// feature on, where the list is the same on every machine.
#[test]
#[cfg(all(
    feature = "axum",
    feature = "actix-web",
    feature = "client",
    feature = "utoipa",
    feature = "validator",
    feature = "tracing"
))]
fn ui_with_every_feature() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui-all-features/*.rs");
}

/// The compile-time checks of message catalogs (`#[api(locales = "...")]`,
/// feature `fluent`); each case's catalogs are under `ui-l10n/locales/`.
#[test]
#[cfg(feature = "fluent")]
fn ui_catalogs() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui-l10n/*.rs");
    t.pass("ui-l10n/pass/*.rs");
}
