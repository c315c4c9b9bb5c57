//! Google AIP-193 output, checked against the AIP's own examples and
//! `error_details.proto`'s, and the behaviour of formats reached through the
//! public `Format` trait (user-defined ones included).

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Detail, Envelope, ErrorList, FieldError, Format, json};
use serde_json::{Value, json};

/// AIP-193's "JSON representation" example, declared as a variant: every
/// dynamic part of the message is also a meta member.
#[derive(Debug, ApiError)]
#[api(envelope = "aip193", domain = "compute.googleapis.com")]
enum ComputeError {
    #[api(
        status = 429,
        code = "resource_availability",
        detail = "The zone '{zone}' does not have enough resources available to fulfill the request. Try a different zone, or try again later."
    )]
    ResourceAvailability {
        #[api(meta)]
        zone: String,
        #[api(meta)]
        vm_type: String,
        #[api(meta)]
        attachment: String,
        #[api(meta)]
        zones_with_capacity: String,
    },
    #[api(
        status = 409,
        code = "stale_read",
        kind = "ABORTED",
        detail = "Read again."
    )]
    Stale,
    #[api(status = 503, detail = "Down for maintenance.")]
    Maintenance {
        #[api(header = "Retry-After")]
        seconds: u32,
    },
    #[api(status = 500)]
    Database(#[api(source)] std::io::Error),
}

#[test]
fn the_aip_example_error_info() {
    let err = ComputeError::ResourceAvailability {
        zone: "us-east1-a".into(),
        vm_type: "e2-medium".into(),
        attachment: "local-ssd=3,nvidia-t4=2".into(),
        zones_with_capacity: "us-central1-f,us-central1-c".into(),
    };
    let response = err.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["content-type"], "application/json");
    // The AIP's example, less its LocalizedMessage and Help details, which
    // errcodes does not write.
    let expected = json!({
      "error": {
        "code": 429,
        "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RESOURCE_AVAILABILITY",
            "domain": "compute.googleapis.com",
            "metadata": {
              "zone": "us-east1-a",
              "vmType": "e2-medium",
              "attachment": "local-ssd=3,nvidia-t4=2",
              "zonesWithCapacity": "us-central1-f,us-central1-c"
            }
          }
        ]
      }
    });
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body, expected);
    // Member order as in the AIP: code, message, status, details.
    let text = String::from_utf8(response.body().clone()).unwrap();
    assert!(text.starts_with(r#"{"error":{"code":429,"message":"#));
    assert!(text.contains(r#""status":"RESOURCE_EXHAUSTED","details":[{"@type""#));
}

#[test]
fn error_details_proto_field_paths() {
    // error_details.proto: `email_addresses[1].email` in proto is
    // `emailAddresses[1].email` in JSON; `full_name` is `fullName`.
    let errors = ApiErrors::from_errors([
        FieldError::new("full_name", "required", "Full name is required."),
        FieldError::new(
            "email_addresses.1.email",
            "invalid",
            "Not an e-mail address.",
        ),
        FieldError::non_field("invalid", "Dates out of order."),
        FieldError::parameter("page_size", "out_of_range", "At most 100."),
    ])
    .unwrap()
    .with_domain("people.example.com");
    assert_eq!(
        String::from_utf8(errors.render_to_vec(Envelope::Aip193)).unwrap(),
        concat!(
            r#"{"error":{"code":422,"message":"4 errors occurred.","status":"INVALID_ARGUMENT","details":["#,
            r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_FAILED","domain":"people.example.com"},"#,
            r#"{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":["#,
            r#"{"field":"fullName","description":"Full name is required.","reason":"REQUIRED"},"#,
            r#"{"field":"emailAddresses[1].email","description":"Not an e-mail address.","reason":"INVALID"},"#,
            r#"{"description":"Dates out of order.","reason":"INVALID"},"#,
            r#"{"field":"page_size","description":"At most 100.","reason":"OUT_OF_RANGE"}]}]}}"#
        )
    );
}

#[test]
fn kind_names_another_canonical_code() {
    let body = ComputeError::Stale.to_json_value(Envelope::Aip193);
    assert_eq!(body["error"]["code"], 409);
    assert_eq!(body["error"]["status"], "ABORTED");
    // A `kind` that is no canonical code (a drf word) leaves the mapping.
    #[derive(Debug, ApiError)]
    #[api(status = 400, kind = "parser", detail = "Malformed request.")]
    struct Parse;
    assert_eq!(
        Parse.to_json_value(Envelope::Aip193)["error"]["status"],
        "INVALID_ARGUMENT"
    );
}

#[test]
fn retry_after_seconds_become_retry_info() {
    let body = ComputeError::Maintenance { seconds: 120 }.to_json_value(Envelope::Aip193);
    assert_eq!(body["error"]["status"], "UNAVAILABLE");
    assert_eq!(
        body["error"]["details"][1],
        json!({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "120s"})
    );
    // A collection keeps one RetryInfo: the longest wait.
    let mut errors = ApiErrors::builder();
    errors
        .push(ComputeError::Maintenance { seconds: 5 })
        .push(ComputeError::Maintenance { seconds: 90 });
    let body = errors.finish().unwrap_err().to_json_value(Envelope::Aip193);
    let retry: Vec<&Value> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["@type"] == "type.googleapis.com/google.rpc.RetryInfo")
        .collect();
    assert_eq!(
        retry,
        [&json!({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "90s"})]
    );
}

#[test]
fn a_server_error_says_nothing_of_its_source() {
    let err = ComputeError::Database(std::io::Error::other("replica db-7 lagging"));
    let body = String::from_utf8(err.render_to_vec(Envelope::Aip193)).unwrap();
    assert_eq!(
        body,
        r#"{"error":{"code":500,"message":"The server hit an unexpected condition.","status":"INTERNAL","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INTERNAL","domain":"compute.googleapis.com"}]}}"#
    );
}

#[test]
fn metadata_values_are_strings() {
    #[derive(Debug, serde::Serialize)]
    struct Limits {
        max: u32,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 422, detail = "Bad.")]
    struct Odd {
        #[api(meta)]
        flag: bool,
        #[api(meta)]
        nothing: Option<u32>,
        #[api(meta)]
        quoted: String,
        #[api(meta = "limits")]
        limits: Limits,
        #[api(meta)]
        ratio: f64,
    }
    let err = Odd {
        flag: true,
        nothing: None,
        quoted: "say \"hi\"".into(),
        limits: Limits { max: 3 },
        ratio: 0.5,
    };
    assert_eq!(
        err.to_json_value(Envelope::Aip193)["error"]["details"][0]["metadata"],
        json!({"flag": "true", "nothing": "", "quoted": "say \"hi\"", "limits": "{\"max\":3}", "ratio": "0.5"})
    );
}

/// A user-defined format, chosen at run time.
struct Codes;

impl Format for Codes {
    fn name(&self) -> &str {
        "codes"
    }
    fn media_type(&self) -> &str {
        "application/vnd.codes+json"
    }
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        out.push(b'[');
        json::string(out, err.code());
        out.push(b']');
    }
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, err) in errors.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json::display(out, &Detail::new(&err));
        }
        out.push(b']');
    }
}

static CODES: Codes = Codes;

#[test]
fn a_custom_format_at_run_time_and_in_the_derive() {
    let envelope = Envelope::custom(&CODES);
    assert_eq!(envelope.name(), "codes");
    assert_ne!(envelope, Envelope::Problem);
    assert!(
        "codes".parse::<Envelope>().is_err(),
        "FromStr knows the built-ins only"
    );
    let response = ComputeError::Stale.to_response_in(envelope);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.codes+json"
    );
    assert_eq!(response.body(), br#"["stale_read"]"#);

    // A transparent collection is written as a collection in any format.
    #[derive(Debug, ApiError)]
    #[api(envelope = CODES)]
    enum AppError {
        #[api(transparent)]
        Invalid(ApiErrors),
    }
    let errors = ApiErrors::from_errors([
        FieldError::new("a", "x", "First."),
        FieldError::new("b", "y", "Second."),
    ])
    .unwrap();
    let app = AppError::Invalid(errors);
    assert_eq!(app.settings().envelope, envelope);
    assert_eq!(app.to_response().into_body(), br#"["First.","Second."]"#);
}

#[test]
fn an_invalid_media_type_never_panics() {
    struct Broken;
    impl Format for Broken {
        fn name(&self) -> &str {
            "broken"
        }
        fn media_type(&self) -> &str {
            "application/json\r\nX-Injected: 1"
        }
        fn write_error(&self, _: &dyn ApiError, out: &mut Vec<u8>) {
            out.extend_from_slice(b"{}");
        }
        fn write_errors(&self, _: ErrorList<'_>, out: &mut Vec<u8>) {
            out.extend_from_slice(b"{}");
        }
    }
    static BROKEN: Broken = Broken;
    let response = ComputeError::Stale.to_response_in(Envelope::custom(&BROKEN));
    assert_eq!(response.headers()["content-type"], "application/json");
    assert!(response.headers().get("x-injected").is_none());
}
