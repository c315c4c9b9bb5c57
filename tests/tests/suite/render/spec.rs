//! Conformance with the public specifications: the examples they publish,
//! reproduced, and every body errcodes writes checked member by member
//! against each envelope's rules (names, JSON types, required members).

use crate::support;
use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, FieldPath};
use http::StatusCode;
use serde_json::{Map, Value, json};

// ---- The rules of each envelope -------------------------------------------------

/// JSON:API 1.1: a document with `errors` (and no `data`); each error object
/// has only the members the spec defines, at least one of them, `status` as
/// a string, and a `source` with one of pointer / parameter / header.
fn check_jsonapi(doc: &Value, http: StatusCode) {
    let top = doc.as_object().expect("document is an object");
    assert!(
        top.keys()
            .all(|k| ["errors", "jsonapi", "meta", "links"].contains(&k.as_str())),
        "{doc}"
    );
    assert!(!top.contains_key("data"));
    let errors = top["errors"].as_array().expect("errors is an array");
    assert!(!errors.is_empty());
    let mut statuses = Vec::new();
    for error in errors {
        let obj = error.as_object().expect("error object");
        assert!(!obj.is_empty(), "at least one member");
        for (key, value) in obj {
            match key.as_str() {
                "id" | "code" | "title" | "detail" => {
                    assert!(value.is_string(), "{key} must be a string: {doc}")
                }
                "status" => {
                    let s = value.as_str().expect("status is a string, never a number");
                    assert!(s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()), "{s}");
                    statuses.push(s.parse::<u16>().unwrap());
                }
                "source" => {
                    let source = value.as_object().expect("source is an object");
                    assert_eq!(source.len(), 1, "source holds one member: {doc}");
                    let (kind, v) = source.iter().next().unwrap();
                    assert!(["pointer", "parameter", "header"].contains(&kind.as_str()));
                    let v = v.as_str().expect("source member is a string");
                    if kind == "pointer" {
                        assert!(v.is_empty() || v.starts_with('/'), "pointer {v}");
                    }
                }
                "links" => {
                    for (name, link) in value.as_object().expect("links is an object") {
                        assert!(["about", "type"].contains(&name.as_str()));
                        assert!(link.is_string() || link.is_object() || link.is_null());
                    }
                }
                "meta" => assert!(value.is_object(), "meta is an object"),
                other => panic!("JSON:API error objects have no member `{other}`: {doc}"),
            }
        }
    }
    // The HTTP status is the shared one, or the most general.
    let all_same = statuses.windows(2).all(|w| w[0] == w[1]);
    let expected = if all_same {
        statuses[0]
    } else if statuses.iter().any(|s| *s >= 500) {
        500
    } else {
        400
    };
    assert_eq!(http.as_u16(), expected);
}

/// RFC 9457: standard members with their JSON types, `status` a number equal
/// to the HTTP status, `type` always present here, extension names that
/// follow the RFC's advice, and our `errors` items.
fn check_problem(doc: &Value, http: StatusCode) {
    let obj = doc.as_object().expect("problem is an object");
    assert!(obj["type"].is_string(), "type is always written");
    assert!(obj["title"].is_string());
    assert_eq!(
        obj["status"],
        json!(http.as_u16()),
        "status is a number equal to the HTTP status"
    );
    assert!(obj["detail"].is_string());
    for (key, value) in obj {
        match key.as_str() {
            "type" | "title" | "status" | "detail" | "instance" => {}
            "errors" => {
                for item in value.as_array().expect("errors is an array") {
                    let item = item.as_object().unwrap();
                    assert!(item["detail"].is_string());
                    if let Some(pointer) = item.get("pointer") {
                        let p = pointer.as_str().unwrap();
                        assert!(p.starts_with("#/") || p == "#", "fragment form: {p}");
                    }
                    for k in item.keys() {
                        assert!(
                            ["detail", "pointer", "parameter", "header", "code", "title"]
                                .contains(&k.as_str()),
                            "{k}"
                        );
                    }
                }
            }
            name => {
                let mut chars = name.chars();
                assert!(
                    chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
                    "{name}"
                );
                assert!(
                    chars.all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{name}"
                );
                assert!(
                    name.len() >= 3,
                    "extension names have 3 characters or more: {name}"
                );
            }
        }
    }
}

/// Laravel: `message`, and `errors` mapping keys to non-empty string lists.
fn check_laravel(doc: &Value) {
    let obj = doc.as_object().unwrap();
    assert!(obj["message"].is_string());
    assert!(obj.keys().all(|k| k == "message" || k == "errors"));
    if let Some(errors) = obj.get("errors") {
        for (_, messages) in errors.as_object().expect("errors is an object") {
            let messages = messages.as_array().expect("a list of messages");
            assert!(!messages.is_empty() && messages.iter().all(Value::is_string));
        }
    }
}

/// drf-standardized-errors: a known `type`, items with exactly `code`,
/// `detail` and `attr` (a string or null).
fn check_drf(doc: &Value, http: StatusCode) {
    let obj = doc.as_object().unwrap();
    assert_eq!(obj.len(), 2);
    let kind = obj["type"].as_str().unwrap();
    assert!(
        ["validation_error", "client_error", "server_error"].contains(&kind),
        "{kind}"
    );
    if http.is_server_error() {
        assert_eq!(kind, "server_error");
    }
    for item in obj["errors"].as_array().unwrap() {
        let item: &Map<String, Value> = item.as_object().unwrap();
        assert_eq!(item.len(), 3, "code, detail and attr, always: {doc}");
        assert!(item["code"].is_string() && item["detail"].is_string());
        assert!(item["attr"].is_string() || item["attr"].is_null());
    }
}

/// ShipStream: `errors` of `{type, message, details?: [{key, message}]}`.
fn check_shipstream(doc: &Value) {
    let obj = doc.as_object().unwrap();
    assert_eq!(obj.len(), 1);
    for item in obj["errors"].as_array().unwrap() {
        let item = item.as_object().unwrap();
        assert!(item["type"].is_string() && item["message"].is_string());
        assert!(
            item.keys()
                .all(|k| ["type", "message", "details"].contains(&k.as_str()))
        );
        if let Some(details) = item.get("details") {
            for d in details.as_array().unwrap() {
                let d = d.as_object().unwrap();
                assert_eq!(d.len(), 2);
                assert!(d["key"].is_string() && d["message"].is_string());
            }
        }
    }
}

/// AIP-193: `{"error": {code, message, status, details}}` with exactly one
/// `ErrorInfo` (first), each detail type at most once, `reason` in
/// UPPER_SNAKE_CASE (at most 63), metadata a map of string to string with
/// lowerCamelCase keys (at most 64).
fn check_aip193(doc: &Value, status: StatusCode) {
    let obj = doc.as_object().unwrap();
    assert_eq!(obj.len(), 1);
    let error = obj["error"].as_object().unwrap();
    assert!(
        error
            .keys()
            .all(|k| ["code", "message", "status", "details"].contains(&k.as_str()))
    );
    assert_eq!(error["code"], status.as_u16());
    assert!(error["message"].is_string());
    let canonical = error["status"].as_str().unwrap();
    assert!(
        canonical.len() > 1
            && canonical
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'_'),
        "{canonical}"
    );
    let details = error["details"].as_array().unwrap();
    let types: Vec<&str> = details
        .iter()
        .map(|d| d["@type"].as_str().unwrap())
        .collect();
    assert_eq!(types[0], "type.googleapis.com/google.rpc.ErrorInfo");
    for (i, t) in types.iter().enumerate() {
        assert!(!types[i + 1..].contains(t), "{t} twice");
    }
    let info = details[0].as_object().unwrap();
    let reason = info["reason"].as_str().unwrap();
    let bytes = reason.as_bytes();
    assert!(reason.len() <= 63 && bytes.len() >= 3, "{reason}");
    assert!(bytes[0].is_ascii_uppercase(), "{reason}");
    assert!(
        bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
    );
    assert_ne!(bytes[bytes.len() - 1], b'_');
    if let Some(metadata) = info.get("metadata") {
        for (key, value) in metadata.as_object().unwrap() {
            assert!(value.is_string(), "metadata {key} is not a string");
            assert!(
                key.len() <= 64 && key.as_bytes()[0].is_ascii_lowercase(),
                "{key}"
            );
            assert!(!key.contains('_'), "{key} is not lowerCamelCase");
        }
    }
    for detail in &details[1..] {
        match detail["@type"].as_str().unwrap() {
            "type.googleapis.com/google.rpc.BadRequest" => {
                for v in detail["fieldViolations"].as_array().unwrap() {
                    let v = v.as_object().unwrap();
                    assert!(v["description"].is_string());
                    assert!(
                        v.keys()
                            .all(|k| ["field", "description", "reason"].contains(&k.as_str()))
                    );
                }
            }
            "type.googleapis.com/google.rpc.RetryInfo" => {
                let delay = detail["retryDelay"].as_str().unwrap();
                assert!(delay.ends_with('s') && delay[..delay.len() - 1].parse::<u64>().is_ok());
            }
            other => panic!("unexpected detail {other}"),
        }
    }
}

/// Connect: `code` one of Connect's 16 (lower snake case, `canceled`), a
/// non-empty `message` when there is one, `details` each a fully qualified
/// message name and that message in base64 (read here with the `base64`
/// crate and, with the `tonic` feature, decoded with prost into
/// tonic-types' own `google.rpc` messages); exactly one `ErrorInfo`, first,
/// its `reason` in UPPER_SNAKE_CASE.
fn check_connect(doc: &Value) {
    use base64::Engine as _;
    let obj = doc.as_object().unwrap();
    assert!(
        obj.keys()
            .all(|k| ["code", "message", "details"].contains(&k.as_str())),
        "{doc}"
    );
    let code = obj["code"].as_str().unwrap();
    assert!(
        [
            "canceled",
            "unknown",
            "invalid_argument",
            "deadline_exceeded",
            "not_found",
            "already_exists",
            "permission_denied",
            "resource_exhausted",
            "failed_precondition",
            "aborted",
            "out_of_range",
            "unimplemented",
            "internal",
            "unavailable",
            "data_loss",
            "unauthenticated",
        ]
        .contains(&code),
        "{code}"
    );
    if let Some(message) = obj.get("message") {
        assert!(!message.as_str().unwrap().is_empty());
    }
    let details = obj["details"].as_array().unwrap();
    assert_eq!(details[0]["type"], "google.rpc.ErrorInfo", "{doc}");
    let infos = details
        .iter()
        .filter(|d| d["type"] == "google.rpc.ErrorInfo")
        .count();
    assert_eq!(infos, 1, "{doc}");
    for detail in details {
        let text = detail["value"].as_str().unwrap();
        assert!(!text.ends_with('='), "padded: {text}");
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"));
        #[cfg(feature = "tonic")]
        {
            use prost::Message as _;
            use tonic_types::pb;
            match detail["type"].as_str().unwrap() {
                "google.rpc.ErrorInfo" => {
                    let info = pb::ErrorInfo::decode(&*bytes).unwrap();
                    assert!(
                        info.reason.len() >= 3
                            && info
                                .reason
                                .bytes()
                                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
                        "{}",
                        info.reason
                    );
                }
                "google.rpc.BadRequest" => {
                    let bad = pb::BadRequest::decode(&*bytes).unwrap();
                    assert!(!bad.field_violations.is_empty());
                }
                "google.rpc.RetryInfo" => {
                    let retry = pb::RetryInfo::decode(&*bytes).unwrap();
                    assert!(retry.retry_delay.is_some());
                }
                "google.rpc.LocalizedMessage" => {
                    pb::LocalizedMessage::decode(&*bytes).unwrap();
                }
                "google.rpc.Help" => {
                    let help = pb::Help::decode(&*bytes).unwrap();
                    assert!(help.links.iter().all(|l| l.url.starts_with("http")));
                }
                other => panic!("unexpected detail {other}"),
            }
        }
        #[cfg(not(feature = "tonic"))]
        assert!(!bytes.is_empty() || detail["type"] != "google.rpc.ErrorInfo");
    }
}

fn conforms(err: &dyn ApiError) {
    for envelope in Envelope::ALL {
        let response = err.to_response_in(envelope);
        support::assert_conforms(envelope, response.body());
        // The trait object's own path writes the same document.
        let mut dynamic = Vec::new();
        envelope.write(err, &mut dynamic);
        assert_eq!(
            &dynamic,
            response.body(),
            "{envelope}: Envelope::write differs"
        );
        let doc: Value = serde_json::from_slice(response.body()).expect("valid JSON");
        let status = response.status();
        assert!(status.is_client_error() || status.is_server_error());
        match envelope.name() {
            "jsonapi" => check_jsonapi(&doc, status),
            "problem" => check_problem(&doc, status),
            "laravel" => check_laravel(&doc),
            "drf" => check_drf(&doc, status),
            "shipstream" => check_shipstream(&doc),
            "aip193" => check_aip193(&doc, status),
            "connect" => check_connect(&doc),
            other => panic!("no conformance check for envelope `{other}`"),
        }
    }
}

// ---- A corpus of errors -------------------------------------------------------

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum Corpus {
    #[api(
        status = 404,
        code = "order_not_found",
        title = "Order not found",
        detail = "No order with id {0} exists."
    )]
    NotFound(u64),
    #[api(status = 422, attr = "items.0.sku", detail = "Each item needs a SKU.")]
    Sku,
    #[api(status = 400, pointer = "", detail = "Missing data member.")]
    WholeDocument,
    #[api(status = 400, parameter = "page[size]", detail = "Too large.")]
    Page,
    #[api(status = 401, header = "Authorization", detail = "Bad token.")]
    Token,
    #[api(status = 409, detail = "Conflict on {what}.")]
    Conflict {
        what: String,
        #[api(meta)]
        current_version: u32,
        #[api(meta = "holder_ids")]
        holders: Vec<u32>,
    },
    #[api(status = 503)]
    Down(#[api(source)] std::io::Error),
}

#[test]
fn every_envelope_follows_its_rules() {
    let corpus = [
        Corpus::NotFound(42),
        Corpus::Sku,
        Corpus::WholeDocument,
        Corpus::Page,
        Corpus::Token,
        Corpus::Conflict {
            what: "\"x\" / ~y".into(),
            current_version: 3,
            holders: vec![1, 2],
        },
        Corpus::Down(std::io::Error::other("secret")),
    ];
    for err in &corpus {
        conforms(err);
    }
    let mut many = ApiErrors::builder();
    many.push(FieldError::new(
        "email",
        "invalid",
        "Enter a valid email address.",
    ))
    .push(FieldError::new(
        FieldPath::new().key("a/b").index(0),
        "invalid",
        "Bad.",
    ))
    .push(FieldError::non_field("invalid", "Whole request."))
    .push(FieldError::parameter("page", "invalid", "Bad page."))
    .push(Corpus::NotFound(1));
    conforms(&many.finish().unwrap_err());
    let mut with_5xx = ApiErrors::builder();
    with_5xx
        .push(Corpus::Sku)
        .push(Corpus::Down(std::io::Error::other("x")));
    conforms(&with_5xx.finish().unwrap_err());
}

// ---- The specifications' own examples ----------------------------------------

#[test]
fn jsonapi_examples() {
    // J1, without its optional `jsonapi` member and `meta.field`.
    let j1 = ApiErrors::from_errors([
        FieldError::new(
            "email",
            "invalid_email",
            "\"bob@\" is not a valid e-mail address.",
        ),
        FieldError::new("items.0", "required", "Each item needs a SKU."),
    ])
    .unwrap();
    let doc = j1.to_json_value(Envelope::JsonApi);
    assert_eq!(
        doc["errors"][0]["source"],
        json!({"pointer": "/data/attributes/email"})
    );
    assert_eq!(
        doc["errors"][1]["source"],
        json!({"pointer": "/data/attributes/items/0"})
    );
    assert_eq!(doc["errors"][1]["status"], "422");

    // J3.
    #[derive(Debug, ApiError)]
    #[api(status = 500, code = "internal")]
    struct Internal;
    assert_eq!(
        Internal.to_json_value(Envelope::JsonApi),
        json!({"errors": [{"status": "500", "code": "internal", "title": "Internal Server Error",
            "detail": "The server hit an unexpected condition."}]})
    );
}

#[test]
fn problem_examples() {
    // P3, exactly: a 5xx that declares no code carries none.
    #[derive(Debug, ApiError)]
    #[api(status = 500)]
    struct Internal(#[api(source)] std::io::Error);
    assert_eq!(
        Internal(std::io::Error::other("boom")).to_json_value(Envelope::Problem),
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
            "detail": "The server hit an unexpected condition."})
    );
    // P2: an `instance` for the occurrence (plus our `code` extension).
    #[derive(Debug, ApiError)]
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order with id {id} exists.",
        instance = "/orders/{id}"
    )]
    struct OrderNotFound {
        id: u64,
    }
    let mut p2 = OrderNotFound { id: 42 }.to_json_value(Envelope::Problem);
    assert_eq!(
        p2.as_object_mut().unwrap().remove("code"),
        Some(json!("order_not_found"))
    );
    assert_eq!(
        p2,
        json!({"type": "about:blank", "title": "Not Found", "status": 404,
            "detail": "No order with id 42 exists.", "instance": "/orders/42"})
    );
    // Only Problem Details has a place for it.
    for envelope in [
        Envelope::JsonApi,
        Envelope::Laravel,
        Envelope::Drf,
        Envelope::ShipStream,
    ] {
        let body = String::from_utf8(OrderNotFound { id: 42 }.render_to_vec(envelope)).unwrap();
        assert!(!body.contains("/orders/42"), "{envelope}: {body}");
    }
    // With a declared code, the code extension is added.
    #[derive(Debug, ApiError)]
    #[api(status = 500, code = "internal")]
    struct Declared;
    assert_eq!(
        Declared.to_json_value(Envelope::Problem)["code"],
        "internal"
    );
    // P1's items: `{detail, pointer: "#/..", code}`.
    let p1 = ApiErrors::from_errors([
        FieldError::new(
            "email",
            "invalid_email",
            "\"bob@\" is not a valid e-mail address.",
        ),
        FieldError::new("items.0.sku", "required", "Each item needs a SKU."),
    ])
    .unwrap()
    .with_type_base("https://errors.example.com/")
    .with_title("Request validation failed");
    let doc = p1.to_json_value(Envelope::Problem);
    assert_eq!(doc["detail"], "2 fields failed validation.");
    assert_eq!(doc["code"], "validation_failed");
    assert_eq!(doc["status"], 422);
    assert_eq!(
        doc["errors"],
        json!([
            {"detail": "\"bob@\" is not a valid e-mail address.", "pointer": "#/email", "code": "invalid_email"},
            {"detail": "Each item needs a SKU.", "pointer": "#/items/0/sku", "code": "required"}])
    );
}

#[test]
fn laravel_examples() {
    // L3 and L4.
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 500)]
        Crash(#[api(source)] std::io::Error),
        #[api(status = 404, detail = "Order {0} was not found.")]
        Missing(u64),
    }
    assert_eq!(
        E::Crash(std::io::Error::other("x")).to_json_value(Envelope::Laravel),
        json!({"message": "Server Error"})
    );
    assert_eq!(
        E::Missing(42).to_json_value(Envelope::Laravel),
        json!({"message": "Order 42 was not found."})
    );
}

#[test]
fn drf_examples() {
    // D2 and D3 (D3 with the code drf-standardized-errors uses).
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 404, detail = "Not found.")]
        NotFound,
        #[api(status = 500, code = "error")]
        Crash(#[api(source)] std::io::Error),
    }
    assert_eq!(
        E::NotFound.to_json_value(Envelope::Drf),
        json!({"type": "client_error", "errors": [{"code": "not_found", "detail": "Not found.", "attr": null}]})
    );
    assert_eq!(
        E::Crash(std::io::Error::other("x")).to_json_value(Envelope::Drf),
        json!({"type": "server_error", "errors": [{"code": "error", "detail": "A server error occurred.", "attr": null}]})
    );
}

#[test]
fn shipstream_examples() {
    // S2 and S3.
    let s2 = ApiErrors::from_errors([
        FieldError::new(
            "shipping_address.zip",
            "invalid",
            "Postal code is not valid for US.",
        ),
        FieldError::new("items.0.sku", "required", "SKU is required."),
    ])
    .unwrap()
    .with_detail("The order could not be created.");
    assert_eq!(
        s2.to_json_value(Envelope::ShipStream),
        json!({"errors": [{"type": "application", "message": "The order could not be created.",
            "details": [{"key": "shipping_address.zip", "message": "Postal code is not valid for US."},
                        {"key": "items.0.sku", "message": "SKU is required."}]}]})
    );
    #[derive(Debug, ApiError)]
    #[api(status = 404, detail = "Order {0} was not found.")]
    struct Missing(u64);
    assert_eq!(
        Missing(42).to_json_value(Envelope::ShipStream),
        json!({"errors": [{"type": "application", "message": "Order 42 was not found."}]})
    );
}
