//! What every answer carries, single or collection, and what no answer
//! can carry: the request's context on every object of a collection,
//! markup escaped, a `Duration` meta the same number as its header, a
//! summary that counts what it says.

use std::time::Duration;

use errcodes::{ApiError, ApiErrorExt as _, ApiErrors, Envelope, FieldError, InContext, Profile};
use serde_json::json;

fn three_errors_on_two_fields() -> ApiErrors {
    ApiErrors::from_errors([
        FieldError::new("email", "invalid", "Enter a valid email address."),
        FieldError::new("email", "too_long", "At most 254 characters."),
        FieldError::new("name", "required", "This field is required."),
    ])
    .unwrap()
}

#[test]
fn every_object_of_a_jsonapi_collection_carries_the_request_id_and_type_link() {
    let errors = three_errors_on_two_fields();
    let profile = Profile::new(Envelope::JsonApi).type_base("https://errors.example.com/");
    let answered = InContext::new(&errors).request_id("r-1").profile(&profile);
    let doc = answered.to_json_value(Envelope::JsonApi);
    let objects = doc["errors"].as_array().unwrap();
    assert_eq!(objects.len(), 3);
    for (object, code) in objects.iter().zip(["invalid", "too_long", "required"]) {
        assert_eq!(object["id"], "r-1", "{object}");
        assert_eq!(
            object["links"]["type"],
            format!("https://errors.example.com/{code}"),
            "{object}"
        );
    }
    // A single error carries the same.
    let one = FieldError::new("email", "invalid", "Enter a valid email address.");
    let single = InContext::new(&one).request_id("r-1").profile(&profile);
    let object = &single.to_json_value(Envelope::JsonApi)["errors"][0];
    assert_eq!(
        (&object["id"], &object["links"]["type"]),
        (&json!("r-1"), &json!("https://errors.example.com/invalid"))
    );
}

#[test]
fn the_summary_counts_fields_and_errors_apart() {
    let errors = three_errors_on_two_fields();
    assert_eq!(
        errors.to_json_value(Envelope::Problem)["detail"],
        "2 fields failed validation (3 errors)."
    );
    let distinct = ApiErrors::from_errors([
        FieldError::new("email", "invalid", "Invalid."),
        FieldError::new("name", "required", "Required."),
    ])
    .unwrap();
    assert_eq!(
        distinct.to_json_value(Envelope::Problem)["detail"],
        "2 fields failed validation."
    );
    // Pushed one by one, the count is the same.
    let mut pushed =
        ApiErrors::from_errors([FieldError::new("email", "invalid", "Invalid.")]).unwrap();
    pushed.push(FieldError::new("email", "too_long", "Too long."));
    assert_eq!(
        pushed.to_json_value(Envelope::Problem)["detail"],
        "1 field failed validation (2 errors)."
    );
}

#[derive(Debug, ApiError)]
#[api(
    status = 422,
    code = "bad_name",
    detail = "The name {name} is not allowed."
)]
struct BadName {
    name: String,
    #[api(meta)]
    suggestion: String,
}

#[test]
fn no_body_carries_markup() {
    let err = BadName {
        name: "<script>alert(1)</script>".into(),
        suggestion: "<b>bob</b>".into(),
    };
    for envelope in Envelope::ALL {
        let body = String::from_utf8(err.render_to_vec(envelope)).unwrap();
        assert!(
            !body.contains('<') && !body.contains('>'),
            "{envelope}: {body}"
        );
        assert!(body.contains(r"\u003cscript\u003e"), "{envelope}: {body}");
    }
    let problem = err.to_json_value(Envelope::Problem);
    assert_eq!(
        problem["detail"],
        "The name <script>alert(1)</script> is not allowed."
    );
    assert_eq!(problem["suggestion"], "<b>bob</b>");
}

#[derive(Debug, ApiError)]
#[api(status = 429, code = "throttled", detail = "Slow down.")]
struct Throttled {
    #[api(header = "Retry-After", meta)]
    retry_after: Duration,
}

#[test]
fn a_duration_meta_is_the_number_its_header_says() {
    let err = Throttled {
        retry_after: Duration::from_millis(1500),
    };
    let response = err.to_response_in(Envelope::Problem);
    assert_eq!(response.headers()["retry-after"], "2");
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["retry_after"], 2);
    assert_eq!(
        err.to_json_value(Envelope::JsonApi)["errors"][0]["meta"]["retry_after"],
        2
    );
}

#[test]
fn every_error_response_is_nosniff() {
    let err = three_errors_on_two_fields();
    for envelope in Envelope::ALL {
        assert_eq!(
            err.to_response_in(envelope).headers()["x-content-type-options"],
            "nosniff"
        );
    }
}
