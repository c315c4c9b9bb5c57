//! Compile-time diagnostics: every misuse of `#[api(...)]` is a spanned error
//! in our own words. Each case under `ui/<topic>/` holds one intended mistake;
//! its `.stderr` file is the exact message, reviewed like code.
//! Regenerate with `TRYBUILD=overwrite cargo test -p errcodes-diagnostics --all-features`.

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
    catalogs_beside_the_cases();
    let t = trybuild::TestCases::new();
    t.compile_fail("ui-l10n/*.rs");
}

/// Copies the cases' catalogs into the crate trybuild compiles them in
/// (`<target>/tests/trybuild/errcodes-diagnostics`, its `CARGO_MANIFEST_DIR`, which
/// `locales = "..."` is read from), as `ui-l10n-locales`: the cases then name
/// them by a path that holds wherever `CARGO_TARGET_DIR` points.
#[cfg(feature = "fluent")]
fn catalogs_beside_the_cases() {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    // Cargo's scratch folder for integration tests is `<target>/tmp`.
    let target = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap();
    let project = target.join("tests/trybuild/errcodes-diagnostics/ui-l10n-locales");
    let _ = std::fs::remove_dir_all(&project);
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui-l10n/locales"),
        &project,
    );
}
