//! The catalog the derive writes agrees with what the errors render: same
//! status, code, title and `type` URI, variant by variant.

use crate::examples::tour;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Catalog, Envelope, assert_unique_codes, catalog};
use tour::SignupError;

#[test]
fn the_catalog_matches_the_rendered_errors() {
    let errors = [
        SignupError::NameMissing,
        SignupError::Duplicate {
            email: "bob@example.com".into(),
        },
        SignupError::RateLimited { retry_after: 30 },
        SignupError::Database(std::io::Error::other("db down")),
    ];
    let entries = SignupError::CATALOG;
    assert_eq!(entries.len(), errors.len());
    for (err, entry) in errors.iter().zip(entries) {
        let problem = err.to_json_value(Envelope::Problem);
        assert_eq!(problem["status"], entry.status(), "{}", entry.variant());
        assert_eq!(problem["title"], entry.title(), "{}", entry.variant());
        assert_eq!(err.code(), entry.code());
        assert_eq!(!err.settings().redact_code, entry.code_sent());
        match entry.type_uri() {
            Some(uri) => assert_eq!(problem["type"], uri),
            None => assert_eq!(problem["type"], "about:blank"),
        }
        if entry.code_sent() {
            assert_eq!(problem["code"], entry.code());
        } else {
            assert!(problem.get("code").is_none());
        }
    }
    assert_eq!(entries[0].location(), Some(("attr", "name")));
    assert_eq!(entries[1].detail(), Some("user {email} already exists"));
    assert_eq!(entries[2].headers(), ["Retry-After"]);
    assert_eq!(entries[2].meta(), ["retry_after"]);
    // The 500 declares its code, so it is sent, with a type URI and a page.
    assert_eq!(
        entries[3].type_uri(),
        Some("https://errors.example.com/internal")
    );
    assert!(catalog::page(&entries[3]).is_some());
}

#[test]
fn an_undeclared_server_error_code_is_not_sent() {
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://errors.example.com/")]
    enum DbError {
        #[api(status = 503)]
        ReplicaLagging(#[api(source)] std::io::Error),
    }
    let entry = DbError::CATALOG[0];
    assert!(!entry.code_sent());
    assert_eq!(entry.type_uri(), None);
    assert_eq!(catalog::page(&entry), None);
    assert!(
        catalog::to_markdown(DbError::CATALOG)
            .contains("| `(none sent)` | 503 | Service Unavailable |")
    );
    let err = DbError::ReplicaLagging(std::io::Error::other("lag"));
    assert_eq!(err.to_json_value(Envelope::Problem)["type"], "about:blank");
}

#[test]
fn exports() {
    let json: serde_json::Value =
        serde_json::from_str(&catalog::to_json(SignupError::CATALOG)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 4);
    assert_eq!(
        json[0]["location"],
        serde_json::json!({"kind": "attr", "value": "name"})
    );
    let markdown = catalog::to_markdown(SignupError::CATALOG);
    assert!(markdown.contains("| `rate_limited` | 429 | Too Many Requests | Too many signups; retry in {retry_after} seconds. |  |"));
    assert!(markdown.contains("| `internal` | 500 | Internal Server Error |"));
}

#[test]
fn transparent_variants_name_their_inner_type() {
    // Declared for their catalogs: never constructed.
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum AppError {
        #[api(transparent)]
        Signup(SignupError),
        #[api(status = 404, detail = "Not found.")]
        NotFound,
    }
    assert_eq!(AppError::CATALOG[0].transparent(), Some("SignupError"));
    assert_eq!(AppError::CATALOG[1].code(), "not_found");
    assert_unique_codes!(AppError, SignupError);
}

#[test]
#[should_panic(expected = "code `not_found` is 404 in A::NotFound but 410 in B::NotFound")]
fn a_code_with_two_statuses_across_types_is_caught() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum A {
        #[api(status = 404, detail = "Not found.")]
        NotFound,
    }
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    enum B {
        #[api(status = 410, detail = "Gone.")]
        NotFound,
    }
    assert_unique_codes!(A, B);
}

/// The README's catalog table is the tour's, as `catalog::to_markdown`
/// writes it.
#[test]
fn the_readme_shows_the_tours_catalog() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let section = &readme[readme.find("## Error catalog").unwrap()..];
    let marker = "prints the tour's (a test keeps this table equal to it):\n\n```text\n";
    let start = section.find(marker).unwrap() + marker.len();
    let shown = &section[start..start + section[start..].find("```").unwrap()];
    assert_eq!(shown, catalog::to_markdown(SignupError::CATALOG));
}
