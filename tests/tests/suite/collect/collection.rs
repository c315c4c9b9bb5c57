//! Many errors in one response: exact output in every envelope, the path
//! model, statuses, composition and the empty case.

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, FieldPath};
use http::StatusCode;
use serde_json::json;

/// Three fields, one nested member and one list item.
fn signup_failure() -> ApiErrors {
    let mut errors = ApiErrors::builder();
    errors
        .push(FieldError::new(
            "email",
            "invalid",
            "Enter a valid email address.",
        ))
        .push(FieldError::new(
            "name",
            "required",
            "This field is required.",
        ))
        .push(FieldError::new(
            "password",
            "min_length",
            "Ensure this field has at least 8 characters.",
        ))
        .push(FieldError::new(
            FieldPath::new().key("shipping_address").key("zip"),
            "invalid",
            "Postal code is not valid for US.",
        ))
        .push(FieldError::new(
            FieldPath::new().key("items").index(0).key("sku"),
            "required",
            "SKU is required.",
        ));
    errors.finish().unwrap_err()
}

fn body(errors: &ApiErrors, envelope: Envelope) -> String {
    String::from_utf8(errors.render_to_vec(envelope)).unwrap()
}

#[test]
fn validation_failure_in_every_envelope() {
    let errors = signup_failure();
    assert_eq!(errors.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let expected = [
        r#"{"errors":[{"status":"422","code":"invalid","title":"Unprocessable Entity","detail":"Enter a valid email address.","source":{"pointer":"/data/attributes/email"}},{"status":"422","code":"required","title":"Unprocessable Entity","detail":"This field is required.","source":{"pointer":"/data/attributes/name"}},{"status":"422","code":"min_length","title":"Unprocessable Entity","detail":"Ensure this field has at least 8 characters.","source":{"pointer":"/data/attributes/password"}},{"status":"422","code":"invalid","title":"Unprocessable Entity","detail":"Postal code is not valid for US.","source":{"pointer":"/data/attributes/shipping_address/zip"}},{"status":"422","code":"required","title":"Unprocessable Entity","detail":"SKU is required.","source":{"pointer":"/data/attributes/items/0/sku"}}]}"#,
        r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"5 fields failed validation.","code":"validation_failed","errors":[{"detail":"Enter a valid email address.","pointer":"#/email","code":"invalid"},{"detail":"This field is required.","pointer":"#/name","code":"required"},{"detail":"Ensure this field has at least 8 characters.","pointer":"#/password","code":"min_length"},{"detail":"Postal code is not valid for US.","pointer":"#/shipping_address/zip","code":"invalid"},{"detail":"SKU is required.","pointer":"#/items/0/sku","code":"required"}]}"##,
        r#"{"message":"Enter a valid email address. (and 4 more errors)","errors":{"email":["Enter a valid email address."],"name":["This field is required."],"password":["Ensure this field has at least 8 characters."],"shipping_address.zip":["Postal code is not valid for US."],"items.0.sku":["SKU is required."]}}"#,
        r#"{"type":"validation_error","errors":[{"code":"invalid","detail":"Enter a valid email address.","attr":"email"},{"code":"required","detail":"This field is required.","attr":"name"},{"code":"min_length","detail":"Ensure this field has at least 8 characters.","attr":"password"},{"code":"invalid","detail":"Postal code is not valid for US.","attr":"shipping_address.zip"},{"code":"required","detail":"SKU is required.","attr":"items.0.sku"}]}"#,
        r#"{"errors":[{"type":"application","message":"5 fields failed validation.","details":[{"key":"email","message":"Enter a valid email address."},{"key":"name","message":"This field is required."},{"key":"password","message":"Ensure this field has at least 8 characters."},{"key":"shipping_address.zip","message":"Postal code is not valid for US."},{"key":"items.0.sku","message":"SKU is required."}]}]}"#,
    ];
    for (envelope, want) in Envelope::ALL.into_iter().zip(expected) {
        assert_eq!(body(&errors, envelope), want, "{envelope}");
        let response = errors.to_response_in(envelope);
        assert_eq!(response.status(), 422);
        assert_eq!(response.headers()["content-type"], envelope.media_type());
        assert_eq!(String::from_utf8(response.into_body()).unwrap(), want);
    }
}

#[test]
fn laravel_groups_messages_in_first_added_order() {
    // The specification's example L1: three messages, two on one field.
    let errors = ApiErrors::from_errors([
        FieldError::new(
            "email",
            "email",
            "The email field must be a valid email address.",
        ),
        FieldError::new(
            "items.0.sku",
            "required",
            "The items.0.sku field is required.",
        ),
        FieldError::new(
            "items.0.sku",
            "string",
            "The items.0.sku field must be a string.",
        ),
    ])
    .unwrap();
    assert_eq!(
        errors.to_json_value(Envelope::Laravel),
        json!({"message": "The email field must be a valid email address. (and 2 more errors)",
               "errors": {"email": ["The email field must be a valid email address."],
                          "items.0.sku": ["The items.0.sku field is required.", "The items.0.sku field must be a string."]}})
    );
    // Interleaved keys keep the order each key was first added, never sorted.
    let interleaved = ApiErrors::from_errors([
        FieldError::new("zeta", "a", "z1"),
        FieldError::new("alpha", "b", "a1"),
        FieldError::new("zeta", "c", "z2"),
    ])
    .unwrap();
    assert_eq!(
        body(&interleaved, Envelope::Laravel),
        r#"{"message":"z1 (and 2 more errors)","errors":{"zeta":["z1","z2"],"alpha":["a1"]}}"#
    );
    // One more error is singular; a single error has no suffix.
    let two = ApiErrors::from_errors([
        FieldError::new("a", "x", "First."),
        FieldError::new("b", "y", "Second."),
    ])
    .unwrap();
    assert_eq!(
        two.to_json_value(Envelope::Laravel)["message"],
        "First. (and 1 more error)"
    );
    let one = ApiErrors::from_errors([FieldError::new(
        "name",
        "required",
        "The name field is required.",
    )])
    .unwrap();
    assert_eq!(
        one.to_json_value(Envelope::Laravel)["message"],
        "The name field is required."
    );
    // The legacy message (spec example L2).
    assert_eq!(
        body(&one.with_laravel_legacy_message(true), Envelope::Laravel),
        r#"{"message":"The given data was invalid.","errors":{"name":["The name field is required."]}}"#
    );
}

#[test]
fn drf_non_field_errors_and_status() {
    // The specification's example D1, answered with DRF's 400.
    let errors = ApiErrors::from_errors([
        FieldError::new("email", "invalid", "Enter a valid email address.")
            .with_status(StatusCode::BAD_REQUEST),
        FieldError::new("items.0.sku", "required", "This field is required.")
            .with_status(StatusCode::BAD_REQUEST),
        FieldError::non_field("invalid", "Delivery date must be after order date.")
            .with_status(StatusCode::BAD_REQUEST),
    ])
    .unwrap();
    assert_eq!(errors.status(), 400);
    assert_eq!(
        errors.to_json_value(Envelope::Drf),
        json!({"type": "validation_error", "errors": [
            {"code": "invalid", "detail": "Enter a valid email address.", "attr": "email"},
            {"code": "required", "detail": "This field is required.", "attr": "items.0.sku"},
            {"code": "invalid", "detail": "Delivery date must be after order date.", "attr": "non_field_errors"}]})
    );
    // Elsewhere an object-level error points at no member.
    let jsonapi = errors.to_json_value(Envelope::JsonApi);
    assert!(jsonapi["errors"][2].get("source").is_none());
    let problem = errors.to_json_value(Envelope::Problem);
    assert_eq!(
        problem["errors"][2],
        json!({"detail": "Delivery date must be after order date.", "code": "invalid"})
    );
    assert_eq!(problem["detail"], "3 errors occurred.");
    let laravel = errors.to_json_value(Envelope::Laravel);
    assert_eq!(
        laravel["errors"]["non_field_errors"],
        json!(["Delivery date must be after order date."])
    );
    // The key is configurable.
    let renamed = errors.with_non_field_key("_general");
    assert_eq!(
        renamed.to_json_value(Envelope::Drf)["errors"][2]["attr"],
        "_general"
    );
}

#[test]
fn shipstream_parameter_problems() {
    // The specification's example S1.
    let errors = ApiErrors::from_errors([FieldError::parameter(
        "limit",
        "out_of_range",
        "Must be between 1 and 100.",
    )
    .with_status(StatusCode::BAD_REQUEST)])
    .unwrap()
    .with_detail("One or more query parameters are invalid.");
    assert_eq!(
        body(&errors, Envelope::ShipStream),
        r#"{"errors":[{"type":"parameters","message":"One or more query parameters are invalid.","details":[{"key":"limit","message":"Must be between 1 and 100."}]}]}"#
    );
    assert_eq!(
        errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"],
        json!({"parameter": "limit"})
    );
    assert_eq!(
        errors.to_json_value(Envelope::Problem)["errors"][0]["parameter"],
        "limit"
    );
    assert_eq!(
        errors.to_json_value(Envelope::Drf)["errors"][0]["attr"],
        "limit"
    );
    let header =
        ApiErrors::from_errors([FieldError::header("X-Api-Key", "invalid", "Unknown key.")])
            .unwrap();
    assert_eq!(
        header.to_json_value(Envelope::JsonApi)["errors"][0]["source"],
        json!({"header": "X-Api-Key"})
    );
    assert_eq!(
        header.to_json_value(Envelope::ShipStream)["errors"][0]["type"],
        "application"
    );
}

#[test]
fn mixed_statuses_answer_the_most_general() {
    #[derive(Debug, ApiError)]
    enum OrderError {
        #[api(status = 404, detail = "No order {0}.")]
        Missing(u64),
        #[api(status = 409, detail = "Order {0} is locked.")]
        Locked(u64),
        #[api(status = 503)]
        Down(#[api(source)] std::io::Error),
    }
    let mut errors = ApiErrors::builder();
    errors
        .push(OrderError::Missing(1))
        .push(OrderError::Locked(2));
    errors.push(FieldError::new(
        "qty",
        "min_value",
        "Ensure this value is greater than or equal to 1.",
    ));
    let errors = errors.finish().unwrap_err();
    assert_eq!(errors.status(), StatusCode::BAD_REQUEST);
    let jsonapi = errors.to_json_value(Envelope::JsonApi);
    let statuses: Vec<_> = jsonapi["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].clone())
        .collect();
    assert_eq!(statuses, [json!("404"), json!("409"), json!("422")]);
    assert_eq!(errors.to_response_in(Envelope::JsonApi).status(), 400);
    assert_eq!(errors.title(), "Bad Request");

    let mut with_server = ApiErrors::builder();
    with_server
        .push(OrderError::Missing(1))
        .push(OrderError::Down(std::io::Error::other("db-7 gone")));
    let with_server = with_server.finish().unwrap_err();
    assert_eq!(with_server.status(), 500);
    assert_eq!(
        with_server.to_json_value(Envelope::Drf)["type"],
        "server_error"
    );
    for envelope in Envelope::ALL {
        assert!(!body(&with_server, envelope).contains("db-7"), "{envelope}");
    }
    // The same status everywhere is kept as it is.
    let same = ApiErrors::from_errors([OrderError::Missing(1), OrderError::Missing(2)]).unwrap();
    assert_eq!(same.status(), 404);
}

#[test]
fn an_empty_collection_is_not_an_error() {
    assert!(ApiErrors::builder().finish().is_ok());
    assert!(ApiErrors::from_errors(Vec::<FieldError>::new()).is_none());
    assert!(ApiErrors::from_boxed(Vec::new()).is_none());
    let errors = signup_failure();
    assert!(!errors.is_empty());
    assert_eq!(errors.len(), 5);
}

#[test]
fn mixed_types_boxed_and_borrowed() {
    #[derive(Debug, ApiError)]
    #[api(status = 409, detail = "Version {0} is stale.")]
    struct Stale(#[api(meta = "version")] u32);
    #[derive(Debug, ApiError)]
    #[api(status = 429, detail = "Slow down.")]
    struct Limited(#[api(header = "Retry-After")] u32);

    let borrowed: &dyn ApiError = &Stale(3);
    let mut errors = ApiErrors::builder();
    errors.push_ref(borrowed);
    errors.push_boxed(Box::new(Limited(9)));
    errors.push(FieldError::new(
        "name",
        "required",
        "This field is required.",
    ));
    let errors = errors.finish().unwrap_err();
    let jsonapi = errors.to_json_value(Envelope::JsonApi);
    assert_eq!(jsonapi["errors"][0]["meta"], json!({"version": 3}));
    assert_eq!(jsonapi["errors"][0]["detail"], "Version 3 is stale.");
    assert_eq!(jsonapi["errors"][1]["code"], "limited");
    // Headers of every entry reach the response.
    assert_eq!(errors.to_response().headers()["retry-after"], "9");
}

#[test]
fn a_collection_renders_in_place_inside_an_enum() {
    #[derive(Debug, ApiError)]
    #[api(envelope = "drf")]
    enum AppError {
        #[api(transparent)]
        Invalid(ApiErrors),
        #[api(status = 404, detail = "Not found.")]
        NotFound,
    }
    let err = AppError::Invalid(signup_failure());
    let response = err.to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        body(&signup_failure(), Envelope::Drf)
    );
    assert_eq!(
        AppError::NotFound.to_json_value(Envelope::Drf),
        json!({"type": "client_error", "errors": [{"code": "not_found", "detail": "Not found.", "attr": null}]})
    );
    // A lower layer's error wrapped twice keeps its status, code and field.
    #[derive(Debug, ApiError)]
    enum Outer {
        #[api(transparent)]
        App(AppError),
    }
    let outer = Outer::App(AppError::Invalid(signup_failure()));
    assert_eq!(
        outer.render_to_vec(Envelope::Laravel),
        signup_failure().render_to_vec(Envelope::Laravel)
    );
}

#[test]
fn paths_escape_and_keep_index_zero() {
    let path = FieldPath::new()
        .key("a/b")
        .key("c~d")
        .index(0)
        .key("first name");
    let errors = ApiErrors::from_errors([FieldError::new(path, "invalid", "Bad.")]).unwrap();
    assert_eq!(
        errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"],
        "/data/attributes/a~1b/c~0d/0/first name"
    );
    assert_eq!(
        errors.to_json_value(Envelope::Problem)["errors"][0]["pointer"],
        "#/a~1b/c~0d/0/first%20name"
    );
    assert_eq!(
        errors.to_json_value(Envelope::Drf)["errors"][0]["attr"],
        "a/b.c~d.0.first name"
    );
    let prefixed = errors.with_pointer_prefix("/data");
    assert_eq!(
        prefixed.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"],
        "/data/a~1b/c~0d/0/first name"
    );
    // Dotted input keeps index 0 too.
    let dotted = FieldError::new("items.0.sku", "required", "x");
    assert_eq!(
        dotted.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"],
        "/data/attributes/items/0/sku"
    );
}

#[test]
fn whole_document_settings() {
    let errors = signup_failure()
        .with_code("validation")
        .with_title("Request validation failed")
        .with_detail("5 fields failed validation.")
        .with_type_base("https://errors.example.com/")
        .with_envelope(Envelope::Problem);
    let problem = errors.to_json_value(Envelope::Problem);
    assert_eq!(problem["type"], "https://errors.example.com/validation");
    assert_eq!(problem["title"], "Request validation failed");
    assert_eq!(problem["code"], "validation");
    assert_eq!(
        errors.to_response().headers()["content-type"],
        "application/problem+json"
    );
}

#[test]
fn a_failing_display_never_panics() {
    use std::fmt;
    struct Broken;
    impl ApiError for Broken {
        fn status(&self) -> StatusCode {
            StatusCode::BAD_REQUEST
        }
        fn code(&self) -> &str {
            "broken"
        }
        fn title(&self) -> &str {
            "Bad Request"
        }
        fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("partial")?;
            Err(fmt::Error)
        }
    }
    for envelope in Envelope::ALL {
        let value: serde_json::Value =
            serde_json::from_slice(&Broken.render_to_vec(envelope)).unwrap();
        assert!(value.to_string().contains("partial"), "{envelope}");
    }
    let mut errors = ApiErrors::builder();
    errors.push_ref(&Broken);
    let errors = errors.finish().unwrap_err();
    assert_eq!(
        errors.to_json_value(Envelope::Drf)["errors"][0]["detail"],
        "partial"
    );
}

/// A collection in a transparent variant is written under the enclosing
/// type: its type_base, pointer prefix and domain apply to the whole.
#[test]
fn a_transparent_collection_takes_the_enclosing_types_settings() {
    #[derive(Debug, ApiError)]
    #[api(
        type_base = "https://errors.example.com/",
        pointer_prefix = "/data",
        domain = "shop.example.com"
    )]
    enum AppError {
        #[api(transparent)]
        Invalid(ApiErrors),
    }
    let err = AppError::Invalid(ApiErrors::from(FieldError::new(
        "items.0.sku",
        "required",
        "Required.",
    )));
    let problem = err.to_json_value(Envelope::Problem);
    assert_eq!(
        problem["type"],
        "https://errors.example.com/validation_failed"
    );
    assert_eq!(problem["errors"][0]["pointer"], "#/items/0/sku");
    let jsonapi = err.to_json_value(Envelope::JsonApi);
    assert_eq!(
        jsonapi["errors"][0]["source"]["pointer"],
        "/data/items/0/sku"
    );
    let aip = err.to_json_value(Envelope::Aip193);
    assert_eq!(aip["error"]["details"][0]["domain"], "shop.example.com");

    // Without settings of its own, the collection's are kept.
    #[derive(Debug, ApiError)]
    enum Plain {
        #[api(transparent)]
        Invalid(ApiErrors),
    }
    let inner = ApiErrors::from(FieldError::new("a", "x", "X."))
        .with_type_base("https://inner.example.com/")
        .with_pointer_prefix("/body");
    let plain = Plain::Invalid(inner).to_json_value(Envelope::JsonApi);
    assert_eq!(plain["errors"][0]["source"]["pointer"], "/body/a");
    assert_eq!(
        Plain::Invalid(
            ApiErrors::from(FieldError::new("a", "x", "X."))
                .with_type_base("https://inner.example.com/")
        )
        .to_json_value(Envelope::Problem)["type"],
        "https://inner.example.com/validation_failed"
    );
}
