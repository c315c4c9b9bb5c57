//! Byte-exact output of one error enum in every envelope, for each case the
//! specification calls out: a 4xx with meta, a 4xx naming a field, a 4xx with
//! a runtime field name, a 401, a 405 whose detail interpolates a field, a 429
//! with `Retry-After`, and a 5xx whose source error must not leak.

use crate::support;
use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Envelope};

use crate::examples::orders::OrderError;

/// Asserts the exact body in each envelope, in `Envelope::ALL` order
/// (jsonapi, problem, laravel, drf, shipstream, aip193), and that each body is the
/// one the response carries.
fn golden(err: &OrderError, expected: [&str; 6]) {
    for (envelope, want) in Envelope::ALL.into_iter().zip(expected) {
        let body = err.render_to_vec(envelope);
        assert_eq!(
            String::from_utf8(body.clone()).unwrap(),
            want,
            "{envelope} body of {err:?}"
        );
        // Through the format's trait object, as a format of your own is
        // reached: the same bytes as the derived (monomorphized) path.
        let mut dynamic = Vec::new();
        envelope.format().write_error(err, &mut dynamic);
        assert_eq!(
            dynamic, body,
            "{envelope}: Format::write_error differs from render"
        );
        let response = err.to_response_in(envelope);
        assert_eq!(response.body(), &body, "{envelope} response body");
        assert_eq!(response.status(), err.status());
        assert_eq!(response.headers()["content-type"], envelope.media_type());
        // Every body is valid against its envelope's strict schema.
        support::assert_conforms(envelope, &body);
    }
}

#[test]
fn client_error_with_meta() {
    golden(
        &OrderError::Conflict {
            order: 42,
            current_version: 7,
            editor: "ana".into(),
        },
        [
            r#"{"errors":[{"status":"409","code":"version_conflict","title":"Conflict","detail":"Order 42 changed since you read it.","meta":{"current_version":7,"editor":"ana"}}]}"#,
            r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Order 42 changed since you read it.","code":"version_conflict","current_version":7,"editor":"ana"}"#,
            r#"{"message":"Order 42 changed since you read it."}"#,
            r#"{"type":"client_error","errors":[{"code":"version_conflict","detail":"Order 42 changed since you read it.","attr":null}]}"#,
            r#"{"errors":[{"type":"application","message":"Order 42 changed since you read it."}]}"#,
            r#"{"error":{"code":409,"message":"Order 42 changed since you read it.","status":"ALREADY_EXISTS","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VERSION_CONFLICT","metadata":{"currentVersion":"7","editor":"ana"}}]}}"#,
        ],
    );
}

#[test]
fn client_error_naming_a_field() {
    golden(
        &OrderError::InvalidEmail {
            value: "bob@".into(),
        },
        [
            r#"{"errors":[{"status":"422","code":"invalid_email","title":"Unprocessable Entity","detail":"\"bob@\" is not a valid e-mail address.","source":{"pointer":"/data/attributes/email"}}]}"#,
            r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"\"bob@\" is not a valid e-mail address.","code":"invalid_email","errors":[{"detail":"\"bob@\" is not a valid e-mail address.","pointer":"#/email","code":"invalid_email"}]}"##,
            r#"{"message":"\"bob@\" is not a valid e-mail address.","errors":{"email":["\"bob@\" is not a valid e-mail address."]}}"#,
            r#"{"type":"validation_error","errors":[{"code":"invalid_email","detail":"\"bob@\" is not a valid e-mail address.","attr":"email"}]}"#,
            r#"{"errors":[{"type":"application","message":"Unprocessable Entity","details":[{"key":"email","message":"\"bob@\" is not a valid e-mail address."}]}]}"#,
            r#"{"error":{"code":422,"message":"\"bob@\" is not a valid e-mail address.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_EMAIL"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"email","description":"\"bob@\" is not a valid e-mail address.","reason":"INVALID_EMAIL"}]}]}}"#,
        ],
    );
}

#[test]
fn client_error_with_a_runtime_field_name() {
    golden(
        &OrderError::Required {
            field: "items.0.sku".into(),
        },
        [
            r#"{"errors":[{"status":"422","code":"required","title":"Unprocessable Entity","detail":"This field is required.","source":{"pointer":"/data/attributes/items/0/sku"}}]}"#,
            r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"This field is required.","code":"required","errors":[{"detail":"This field is required.","pointer":"#/items/0/sku","code":"required"}]}"##,
            r#"{"message":"This field is required.","errors":{"items.0.sku":["This field is required."]}}"#,
            r#"{"type":"validation_error","errors":[{"code":"required","detail":"This field is required.","attr":"items.0.sku"}]}"#,
            r#"{"errors":[{"type":"application","message":"Unprocessable Entity","details":[{"key":"items.0.sku","message":"This field is required."}]}]}"#,
            r#"{"error":{"code":422,"message":"This field is required.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"REQUIRED"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"items[0].sku","description":"This field is required.","reason":"REQUIRED"}]}]}}"#,
        ],
    );
}

#[test]
fn unauthorized() {
    golden(
        &OrderError::Unauthenticated,
        [
            r#"{"errors":[{"status":"401","code":"not_authenticated","title":"Unauthorized","detail":"Authentication credentials were not provided."}]}"#,
            r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Authentication credentials were not provided.","code":"not_authenticated"}"#,
            r#"{"message":"Authentication credentials were not provided."}"#,
            r#"{"type":"client_error","errors":[{"code":"not_authenticated","detail":"Authentication credentials were not provided.","attr":null}]}"#,
            r#"{"errors":[{"type":"application","message":"Authentication credentials were not provided."}]}"#,
            r#"{"error":{"code":401,"message":"Authentication credentials were not provided.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"NOT_AUTHENTICATED"}]}}"#,
        ],
    );
}

#[test]
fn method_not_allowed_interpolates_the_method() {
    let err = OrderError::MethodNotAllowed {
        method: "PATCH".into(),
        allow: "GET, POST",
    };
    golden(
        &err,
        [
            r#"{"errors":[{"status":"405","code":"method_not_allowed","title":"Method Not Allowed","detail":"Method \"PATCH\" not allowed."}]}"#,
            r#"{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"Method \"PATCH\" not allowed.","code":"method_not_allowed"}"#,
            r#"{"message":"Method \"PATCH\" not allowed."}"#,
            r#"{"type":"client_error","errors":[{"code":"method_not_allowed","detail":"Method \"PATCH\" not allowed.","attr":null}]}"#,
            r#"{"errors":[{"type":"application","message":"Method \"PATCH\" not allowed."}]}"#,
            r#"{"error":{"code":405,"message":"Method \"PATCH\" not allowed.","status":"UNIMPLEMENTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"METHOD_NOT_ALLOWED"}]}}"#,
        ],
    );
    assert_eq!(err.to_response().headers()["allow"], "GET, POST");
}

#[test]
fn too_many_requests_sets_retry_after() {
    let err = OrderError::Throttled { retry_after: 30 };
    golden(
        &err,
        [
            r#"{"errors":[{"status":"429","code":"throttled","title":"Too Many Requests","detail":"Request was throttled. Expected available in 30 seconds.","meta":{"retry_after":30}}]}"#,
            r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Request was throttled. Expected available in 30 seconds.","code":"throttled","retry_after":30}"#,
            r#"{"message":"Request was throttled. Expected available in 30 seconds."}"#,
            r#"{"type":"client_error","errors":[{"code":"throttled","detail":"Request was throttled. Expected available in 30 seconds.","attr":null}]}"#,
            r#"{"errors":[{"type":"application","message":"Request was throttled. Expected available in 30 seconds."}]}"#,
            r#"{"error":{"code":429,"message":"Request was throttled. Expected available in 30 seconds.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"THROTTLED","metadata":{"retryAfter":"30"}},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}]}}"#,
        ],
    );
    for envelope in Envelope::ALL {
        let response = err.to_response_in(envelope);
        let values: Vec<_> = response.headers().get_all("retry-after").iter().collect();
        assert_eq!(values, ["30"], "{envelope}");
    }
}

#[test]
fn server_error_hides_its_source() {
    let secret = "connection refused: db-primary.internal:5432 (password=hunter2)";
    let err = OrderError::Io(std::io::Error::other(secret));
    golden(
        &err,
        [
            r#"{"errors":[{"status":"500","code":"internal","title":"Internal Server Error","detail":"The server hit an unexpected condition."}]}"#,
            r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"The server hit an unexpected condition.","code":"internal"}"#,
            r#"{"message":"Server Error"}"#,
            r#"{"type":"server_error","errors":[{"code":"internal","detail":"A server error occurred.","attr":null}]}"#,
            r#"{"errors":[{"type":"application","message":"The server hit an unexpected condition."}]}"#,
            r#"{"error":{"code":500,"message":"The server hit an unexpected condition.","status":"INTERNAL","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INTERNAL"}]}}"#,
        ],
    );
    let debug = format!("{err:?}");
    for envelope in Envelope::ALL {
        let response = err.to_response_in(envelope);
        let body = String::from_utf8(response.body().clone()).unwrap();
        for leak in ["db-primary", "hunter2", "refused", "Custom", &debug] {
            assert!(
                !body.contains(leak),
                "{envelope} body leaks {leak:?}: {body}"
            );
        }
        for value in response.headers().values() {
            assert!(!value.to_str().unwrap().contains("db-primary"));
        }
    }
    // The cause stays available to the server's own logs.
    assert_eq!(err.source_error().unwrap().to_string(), secret);
}
