//! The seed pages' own examples, reproduced byte for byte from a
//! declaration: settings, not a format of our own.

use crate::support;
use errcodes::{ApiError, ApiErrorExt as _, ApiErrors, Envelope, FieldError};
use http::StatusCode;

/// Seed 000 (JSON:API): an error object without a `code` member, its
/// source an explicit pointer, its provided value in `meta`.
#[derive(Debug, ApiError)]
#[api(envelope = "jsonapi", no_code)]
enum GuidError {
    #[api(status = 422, title = "invalid field value", pointer = "/data/id")]
    #[api(detail = "the provided guid is not a valid UUIDv5")]
    InvalidGuid {
        #[api(meta)]
        provided_guid: String,
    },
}

#[test]
fn jsonapi_seed_example_without_a_code() {
    let err = GuidError::InvalidGuid {
        provided_guid: "1234-invalid-guid".into(),
    };
    let body = err.render_to_vec(Envelope::JsonApi);
    assert_eq!(
        String::from_utf8(body.clone()).unwrap(),
        r#"{"errors":[{"status":"422","title":"invalid field value","detail":"the provided guid is not a valid UUIDv5","source":{"pointer":"/data/id"},"meta":{"provided_guid":"1234-invalid-guid"}}]}"#
    );
    support::assert_conforms(Envelope::JsonApi, &body);
    // The code is still the error's own, for logs and the catalog.
    assert_eq!(err.code(), "invalid_guid");
    assert_eq!(err.to_response().status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Seed 002 (Astrada's Problem Details): `title` and `detail` only, and
/// `errors` items whose `title` is the item's code.
#[derive(Debug, ApiError)]
#[api(envelope = "problem", problem_style = "title_detail")]
enum AstradaError {
    #[api(transparent)]
    Invalid(ApiErrors),
}

#[test]
fn problem_seed_example_with_title_and_detail_only() {
    let errors = ApiErrors::from_errors([FieldError::non_field(
        "invalid_type",
        "`body.name` is `undefined`, but `string` is expected.",
    )
    .with_status(StatusCode::BAD_REQUEST)])
    .unwrap()
    .with_detail("Request failed validation");
    let err = AstradaError::Invalid(errors);
    let response = err.to_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        String::from_utf8(response.body().clone()).unwrap(),
        r#"{"title":"Bad Request","detail":"Request failed validation","errors":[{"title":"invalid_type","detail":"`body.name` is `undefined`, but `string` is expected."}]}"#
    );
    // Not held to tests/schemas/problem.schema.json: that schema is
    // errcodes' default style, which always writes `type` and `status`.
    // RFC 9457 makes every member optional, and this is the seed's shape.
}

/// The same style on a single located error: its code is its item's title.
#[derive(Debug, ApiError)]
#[api(problem_style = "title_detail")]
enum Located {
    #[api(
        status = 422,
        code = "too_long",
        attr = "name",
        detail = "At most 40 characters."
    )]
    NameTooLong,
}

#[test]
fn title_detail_style_on_a_single_error() {
    assert_eq!(
        String::from_utf8(Located::NameTooLong.render_to_vec(Envelope::Problem)).unwrap(),
        r##"{"title":"Unprocessable Entity","detail":"At most 40 characters.","errors":[{"title":"too_long","detail":"At most 40 characters.","pointer":"#/name"}]}"##
    );
}
