//! `#[api(from)]`: `From<Field>` for the type, so `?` converts the cause,
//! which stays the error's source and never reaches a 5xx body; and
//! `From<FieldError> for ApiErrors`.

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError};

#[derive(Debug, ApiError)]
enum StoreError {
    #[api(status = 503, code = "storage")]
    Io(#[api(from)] std::io::Error),
    #[api(status = 422, code = "bad_number", detail = "Not a number.")]
    Parse {
        #[api(from)]
        cause: std::num::ParseIntError,
    },
}

fn load(text: &str) -> Result<u32, StoreError> {
    if text.is_empty() {
        Err(std::io::Error::other("disk /dev/sda1 failed"))?;
    }
    Ok(text.parse::<u32>()?)
}

#[test]
fn question_mark_converts_the_cause() {
    assert_eq!(load("42").unwrap(), 42);
    let io = load("").unwrap_err();
    assert!(matches!(io, StoreError::Io(_)));
    assert_eq!(
        io.source_error().unwrap().to_string(),
        "disk /dev/sda1 failed"
    );
    // A `from` field is a source: never in the body.
    for envelope in Envelope::ALL {
        let body = String::from_utf8(io.render_to_vec(envelope)).unwrap();
        assert!(!body.contains("sda1"), "{envelope}: {body}");
    }
    let parse = load("x").unwrap_err();
    assert_eq!(parse.status(), 422);
    assert!(parse.source_error().is_some());
}

#[test]
fn a_struct_and_a_generic_type() {
    #[derive(Debug, ApiError)]
    #[api(status = 502, code = "upstream")]
    struct Upstream(#[api(from)] std::fmt::Error);
    let err: Upstream = std::fmt::Error.into();
    assert_eq!(err.code(), "upstream");

    #[derive(Debug, ApiError)]
    enum Wrapped<E: std::error::Error + 'static> {
        #[api(status = 500, code = "inner")]
        Inner(#[api(from)] E),
    }
    let err: Wrapped<std::fmt::Error> = std::fmt::Error.into();
    assert!(err.source_error().is_some());
}

#[test]
fn a_transparent_variant_converts_too() {
    #[derive(Debug, ApiError)]
    enum AppError {
        #[api(transparent)]
        Store(#[api(from)] StoreError),
        #[api(transparent)]
        Invalid(#[api(from)] ApiErrors),
    }
    fn run() -> Result<(), AppError> {
        load("")?;
        Ok(())
    }
    let err = run().unwrap_err();
    assert_eq!(err.status(), 503);
    assert_eq!(err.code(), "storage");
    let invalid: AppError = ApiErrors::from(FieldError::new("a", "x", "X.")).into();
    assert_eq!(invalid.errors().map(|e| e.len()), Some(1));
}

#[test]
fn a_field_error_becomes_a_collection() {
    fn validate(age: i64) -> Result<(), ApiErrors> {
        if age < 0 {
            Err(FieldError::new("age", "min_value", "Must be 0 or more."))?;
        }
        Ok(())
    }
    let errors = validate(-1).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.to_json_value(Envelope::Drf)["errors"][0]["attr"],
        "age"
    );
}
