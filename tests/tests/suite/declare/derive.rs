//! What the derive generates, attribute by attribute.

use std::fmt;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Envelope, Location, UnredactedDetail};
use http::StatusCode;
use serde_json::json;

#[test]
fn defaults_code_title_and_status() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        #[api(detail = "bad")]
        BadThing,
        #[api(status = 422, detail = "x")]
        HTTPVersionMismatch,
        #[api(status = 499, detail = "x")]
        ClientClosed,
        #[api(status = 599, detail = "x")]
        NetworkTimeout,
    }
    assert_eq!(E::BadThing.status(), StatusCode::BAD_REQUEST);
    assert_eq!(E::BadThing.code(), "bad_thing");
    assert_eq!(E::BadThing.title(), "Bad Request");
    assert_eq!(E::HTTPVersionMismatch.code(), "http_version_mismatch");
    assert_eq!(E::HTTPVersionMismatch.title(), "Unprocessable Entity");
    assert_eq!(E::ClientClosed.status().as_u16(), 499);
    assert_eq!(E::ClientClosed.title(), "Client Error");
    assert_eq!(E::NetworkTimeout.title(), "Server Error");
}

#[test]
fn status_as_a_status_code_constant() {
    use http::StatusCode as Status;
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = StatusCode::NOT_FOUND, detail = "x")]
        A,
        #[api(status = http::StatusCode::IM_A_TEAPOT, detail = "x")]
        B,
        #[api(status = Status::GONE, detail = "x")]
        C,
    }
    assert_eq!(E::A.status(), StatusCode::NOT_FOUND);
    assert_eq!(E::B.status(), StatusCode::IM_A_TEAPOT);
    assert_eq!(E::B.title(), "I'm a teapot");
    assert_eq!(E::C.status(), StatusCode::GONE);
}

#[test]
fn detail_templates_read_fields() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 404, detail = "order {id} of {owner:?} not found")]
        Named { id: u64, owner: String },
        #[api(status = 404, detail = "item {0} in {1}, again {0}: {{literal}}")]
        Tuple(u32, &'static str),
        #[api(status = 400, detail = "hex {0:#x}, padded [{0:>5}]")]
        Spec(u32),
        #[api(status = 400, detail = "only {{braces}}")]
        Braces,
        #[api(status = 400, detail = "type is {type}")]
        Raw { r#type: String },
    }
    let d = |e: &E| UnredactedDetail(e).to_string();
    assert_eq!(
        d(&E::Named {
            id: 7,
            owner: "ana".into()
        }),
        r#"order 7 of "ana" not found"#
    );
    assert_eq!(d(&E::Tuple(3, "box")), "item 3 in box, again 3: {literal}");
    assert_eq!(d(&E::Spec(255)), "hex 0xff, padded [  255]");
    assert_eq!(d(&E::Braces), "only {braces}");
    assert_eq!(
        d(&E::Raw {
            r#type: "pdf".into()
        }),
        "type is pdf"
    );
}

#[test]
fn client_errors_without_detail_use_display() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 404)]
        NotFound(u64),
    }
    impl fmt::Display for E {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                E::NotFound(id) => write!(f, "no order {id}"),
            }
        }
    }
    assert_eq!(UnredactedDetail(&E::NotFound(9)).to_string(), "no order 9");
    assert_eq!(
        E::NotFound(9).to_json_value(Envelope::Laravel),
        json!({"message": "no order 9"})
    );
}

#[test]
fn server_errors_without_detail_never_use_display() {
    #[derive(Debug, ApiError)]
    #[api(status = 503)]
    struct Down;
    impl fmt::Display for Down {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("replica db-3 is down")
        }
    }
    assert!(Down.settings().redact_detail);
    for envelope in Envelope::ALL {
        let body = String::from_utf8(Down.render_to_vec(envelope)).unwrap();
        assert!(!body.contains("db-3"), "{body}");
    }
    assert_eq!(
        Down.to_json_value(Envelope::Problem),
        json!({"type": "about:blank", "title": "Service Unavailable", "status": 503,
               "detail": "The server hit an unexpected condition."})
    );
    // The default code of a 5xx is its variant's name: kept for logs, never
    // sent (drf writes its own generic code).
    assert!(Down.settings().redact_code);
    assert_eq!(Down.code(), "down");
    assert_eq!(
        Down.to_json_value(Envelope::Drf),
        json!({"type": "server_error", "errors": [{"code": "error", "detail": "A server error occurred.", "attr": null}]})
    );
    assert!(
        Down.to_json_value(Envelope::JsonApi)["errors"][0]
            .get("code")
            .is_none()
    );
}

#[test]
fn server_errors_may_declare_a_public_detail() {
    #[derive(Debug, ApiError)]
    #[api(status = 503, code = "maintenance", detail = "Back at {until}.")]
    struct Maintenance {
        #[api(public)]
        until: &'static str,
    }
    let err = Maintenance { until: "14:00 UTC" };
    assert!(!err.settings().redact_detail);
    assert_eq!(
        err.to_json_value(Envelope::Drf),
        json!({"type": "server_error", "errors": [{"code": "maintenance", "detail": "Back at 14:00 UTC.", "attr": null}]})
    );
}

#[test]
fn structs_carry_type_and_variant_keys_together() {
    #[derive(Debug, ApiError)]
    #[api(
        envelope = "jsonapi",
        type_base = "https://errors.example.com/",
        status = 404,
        code = "order_not_found",
        title = "Order not found",
        detail = "No order with id {id} exists."
    )]
    struct OrderNotFound {
        id: u64,
    }
    let err = OrderNotFound { id: 42 };
    assert_eq!(err.settings().envelope, Envelope::JsonApi);
    assert_eq!(
        String::from_utf8(err.to_response().into_body()).unwrap(),
        r#"{"errors":[{"status":"404","code":"order_not_found","title":"Order not found","detail":"No order with id 42 exists.","links":{"type":"https://errors.example.com/order_not_found"}}]}"#
    );
    assert_eq!(
        err.to_json_value(Envelope::Problem)["type"],
        "https://errors.example.com/order_not_found"
    );
}

#[test]
fn locations() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, pointer_prefix = "/data")]
    enum E {
        #[api(attr = "items.1.qty", detail = "x")]
        Field,
        #[api(pointer = "/data/relationships/a~1b", detail = "x")]
        Pointer,
        #[api(parameter = "page", detail = "x")]
        Parameter,
        #[api(header = "X-Api-Key", detail = "x")]
        Header,
        #[api(detail = "x")]
        Nowhere,
        #[api(detail = "x")]
        Runtime(#[api(attr)] &'static str),
    }
    assert_eq!(E::Field.location(), Some(Location::Field("items.1.qty")));
    assert_eq!(E::Runtime("a.b").location(), Some(Location::Field("a.b")));
    assert_eq!(E::Nowhere.location(), None);

    let source = |e: &E| e.to_json_value(Envelope::JsonApi)["errors"][0]["source"].clone();
    assert_eq!(source(&E::Field), json!({"pointer": "/data/items/1/qty"}));
    assert_eq!(
        source(&E::Pointer),
        json!({"pointer": "/data/relationships/a~1b"})
    );
    assert_eq!(source(&E::Parameter), json!({"parameter": "page"}));
    assert_eq!(source(&E::Header), json!({"header": "X-Api-Key"}));
    assert_eq!(source(&E::Nowhere), json!(null));

    let item = |e: &E| e.to_json_value(Envelope::Problem)["errors"][0].clone();
    assert_eq!(item(&E::Field)["pointer"], "#/items/1/qty");
    assert_eq!(item(&E::Pointer)["pointer"], "#/data/relationships/a~1b");
    assert_eq!(item(&E::Parameter)["parameter"], "page");
    assert_eq!(item(&E::Header)["header"], "X-Api-Key");

    let attr = |e: &E| e.to_json_value(Envelope::Drf)["errors"][0]["attr"].clone();
    assert_eq!(attr(&E::Pointer), "data.relationships.a/b");
    assert_eq!(attr(&E::Parameter), "page");
    assert_eq!(attr(&E::Nowhere), json!(null));

    let ship = |e: &E| e.to_json_value(Envelope::ShipStream)["errors"][0]["type"].clone();
    assert_eq!(ship(&E::Parameter), "parameters");
    assert_eq!(ship(&E::Field), "application");
}

#[test]
fn kind_overrides_the_category() {
    #[derive(Debug, ApiError)]
    #[api(
        status = 400,
        kind = "parser",
        attr = "json",
        detail = "JSON parse error - expected value"
    )]
    struct ParseError;
    assert_eq!(
        ParseError.to_json_value(Envelope::ShipStream)["errors"][0]["type"],
        "parser"
    );
    // drf's `type` is one of its own three words: "parser" is not one, so
    // the status and location decide.
    assert_eq!(
        ParseError.to_json_value(Envelope::Drf)["type"],
        "validation_error"
    );
}

#[test]
fn transparent_delegates_everything_but_the_envelope() {
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://db.example.com/")]
    enum DbError {
        #[api(status = 409, detail = "row {0} is locked")]
        Locked(u32, #[api(meta = "lock_holder")] &'static str),
        #[api(status = 503)]
        Down(#[api(source)] std::io::Error),
    }
    #[derive(Debug, ApiError)]
    #[api(envelope = "drf")]
    enum AppError {
        #[api(transparent)]
        Db(DbError),
        #[api(status = 429, detail = "slow down")]
        Busy(#[api(header = "Retry-After")] u8),
    }
    let err = AppError::Db(DbError::Locked(5, "job-7"));
    assert_eq!(err.status(), 409);
    assert_eq!(err.code(), "locked");
    assert_eq!(UnredactedDetail(&err).to_string(), "row 5 is locked");
    assert_eq!(err.settings().envelope, Envelope::Drf);
    assert_eq!(err.settings().type_base, Some("https://db.example.com/"));
    assert_eq!(
        err.to_json_value(Envelope::JsonApi)["errors"][0]["meta"],
        json!({"lock_holder": "job-7"})
    );

    let down = AppError::Db(DbError::Down(std::io::Error::other("disk on fire")));
    assert!(down.settings().redact_detail);
    assert_eq!(down.source_error().unwrap().to_string(), "disk on fire");
    assert!(
        !String::from_utf8(down.to_response().into_body())
            .unwrap()
            .contains("fire")
    );
    assert_eq!(
        AppError::Busy(3).to_response().headers()["retry-after"],
        "3"
    );
}

#[test]
fn generics_and_lifetimes() {
    #[derive(ApiError)]
    enum E<'a, T, M>
    where
        T: Copy,
    {
        #[api(status = 404, detail = "no {0} for {1}")]
        Missing(T, &'a str),
        #[api(status = 409, detail = "conflict")]
        WithMeta(#[api(meta = "value")] M),
        #[api(transparent)]
        Inner(Box<dyn ApiError + 'a>),
    }
    let e: E<'_, u8, Vec<u8>> = E::Missing(3, "x");
    assert_eq!(UnredactedDetail(&e).to_string(), "no 3 for x");
    let m: E<'_, u8, Vec<u8>> = E::WithMeta(vec![1, 2]);
    assert_eq!(m.to_json_value(Envelope::Problem)["value"], json!([1, 2]));
    assert_eq!(
        m.to_json_value(Envelope::JsonApi)["errors"][0]["meta"],
        json!({"value": [1, 2]})
    );
    let boxed: E<'_, u8, ()> = E::Inner(Box::new(E::<u8, ()>::Missing(1, "y")));
    assert_eq!(boxed.code(), "missing");
}

#[test]
fn dyn_api_error() {
    #[derive(Debug, ApiError)]
    #[api(status = 404, detail = "a")]
    struct A;
    #[derive(Debug, ApiError)]
    #[api(status = 409, envelope = "laravel", detail = "b")]
    struct B;
    let errors: Vec<Box<dyn ApiError>> = vec![Box::new(A), Box::new(B)];
    let bodies: Vec<Vec<u8>> = errors.iter().map(|e| e.to_response().into_body()).collect();
    assert_eq!(bodies[1], br#"{"message":"b"}"#);
    assert_eq!(
        errors[0].to_response().headers()["content-type"],
        "application/problem+json"
    );
    let by_ref: &dyn ApiError = &A;
    assert_eq!(
        by_ref.render_to_vec(Envelope::Laravel),
        br#"{"message":"a"}"#
    );
}

#[test]
fn invalid_header_values_are_left_out() {
    #[derive(Debug, ApiError)]
    #[api(status = 429, detail = "x")]
    struct Limited {
        #[api(header = "Retry-After")]
        after: String,
        #[api(header = "X-Limit")]
        limit: u32,
    }
    let err = Limited {
        after: "30\r\nSet-Cookie: a=b".into(),
        limit: 10,
    };
    let response = err.to_response();
    assert!(response.headers().get("retry-after").is_none());
    assert!(response.headers().get("set-cookie").is_none());
    assert_eq!(response.headers()["x-limit"], "10");
    assert_eq!(response.status(), 429);
}

#[test]
fn meta_that_fails_to_serialize_is_left_out() {
    use std::collections::HashMap;
    #[derive(Debug, ApiError)]
    #[api(status = 400, detail = "x")]
    struct E {
        #[api(meta)]
        bad: HashMap<(u8, u8), u8>,
        #[api(meta)]
        good: u8,
    }
    let err = E {
        bad: HashMap::from([((1, 2), 3)]),
        good: 1,
    };
    assert_eq!(
        err.to_json_value(Envelope::JsonApi)["errors"][0]["meta"],
        json!({"good": 1})
    );
    assert_eq!(err.to_json_value(Envelope::Problem)["good"], 1);
    let only_bad = E {
        bad: HashMap::from([((1, 2), 3)]),
        good: 2,
    };
    let body = only_bad.render_to_vec(Envelope::JsonApi);
    serde_json::from_slice::<serde_json::Value>(&body).unwrap();
}

#[test]
fn strings_are_escaped() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, detail = "bad {0}")]
    struct E(&'static str);
    let err = E("quote \" backslash \\ newline \n tab \t nul \u{0} emoji 😀");
    for envelope in Envelope::ALL {
        let value: serde_json::Value =
            serde_json::from_slice(&err.render_to_vec(envelope)).unwrap();
        assert!(value.to_string().contains("emoji 😀"), "{envelope}");
    }
    assert_eq!(
        err.to_json_value(Envelope::Laravel)["message"],
        "bad quote \" backslash \\ newline \n tab \t nul \u{0} emoji 😀"
    );
}

#[test]
fn render_appends_to_the_buffer() {
    #[derive(Debug, ApiError)]
    #[api(status = 404, detail = "x")]
    struct E;
    let mut buf = b"prefix:".to_vec();
    E.render(Envelope::Laravel, &mut buf);
    assert_eq!(buf, br#"prefix:{"message":"x"}"#);
}

#[test]
fn one_code_may_serve_several_variants_with_one_status() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 404, code = "not_found", detail = "No order {0}.")]
        Order(u64),
        #[api(status = 404, code = "not_found", detail = "No user {0}.")]
        User(u64),
    }
    assert_eq!(E::Order(1).code(), E::User(2).code());
    assert_eq!(UnredactedDetail(&E::User(2)).to_string(), "No user 2.");
}

#[test]
fn an_error_cannot_override_the_content_type() {
    struct Sneaky;
    impl ApiError for Sneaky {
        fn status(&self) -> StatusCode {
            StatusCode::BAD_REQUEST
        }
        fn code(&self) -> &str {
            "sneaky"
        }
        fn title(&self) -> &str {
            "Bad Request"
        }
        fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("x")
        }
        fn visit_headers(&self, visitor: &mut dyn errcodes::HeaderVisitor) {
            visitor.visit(&http::header::CONTENT_TYPE, &"text/html");
            visitor.visit(&http::header::CONTENT_LENGTH, &"0");
            visitor.visit(&http::header::WARNING, &"199 - ok");
        }
    }
    let response = Sneaky.to_response();
    let types: Vec<_> = response.headers().get_all("content-type").iter().collect();
    assert_eq!(types, ["application/problem+json"]);
    assert!(response.headers().get("content-length").is_none());
    assert_eq!(response.headers()["warning"], "199 - ok");
}

#[test]
fn header_values_longer_than_256_bytes_are_left_out() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, detail = "x")]
    struct E(#[api(header = "X-Long")] String);
    assert!(
        E("a".repeat(257))
            .to_response()
            .headers()
            .get("x-long")
            .is_none()
    );
    assert_eq!(
        E("a".repeat(256)).to_response().headers()["x-long"].len(),
        256
    );
}

#[test]
fn an_explicit_source_wins_in_jsonapi_only() {
    #[derive(Debug, ApiError)]
    #[api(status = 422)]
    enum E {
        #[api(
            attr = "email",
            pointer = "/data/attributes/contact/email",
            detail = "Invalid."
        )]
        Email,
        #[api(parameter = "page", detail = "Bad page.")]
        Page(#[api(attr)] &'static str),
        #[api(detail = "No source.")]
        Plain,
    }
    let jsonapi = |e: &E| e.to_json_value(Envelope::JsonApi)["errors"][0]["source"].clone();
    assert_eq!(
        jsonapi(&E::Email),
        json!({"pointer": "/data/attributes/contact/email"})
    );
    assert_eq!(
        E::Email.to_json_value(Envelope::Drf)["errors"][0]["attr"],
        "email"
    );
    assert_eq!(
        E::Email.to_json_value(Envelope::Problem)["errors"][0]["pointer"],
        "#/email"
    );
    assert_eq!(
        E::Email.to_json_value(Envelope::Laravel)["errors"]["email"],
        json!(["Invalid."])
    );
    assert_eq!(
        jsonapi(&E::Page("query.page")),
        json!({"parameter": "page"})
    );
    assert_eq!(
        E::Page("query.page").location(),
        Some(Location::Field("query.page"))
    );
    assert_eq!(E::Plain.settings().jsonapi_source, None);
    // Copied into a collection, both places survive.
    let mut errors = errcodes::ApiErrors::builder();
    errors.push_ref(&E::Email);
    let errors = errors.finish().unwrap_err();
    assert_eq!(
        errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"],
        "/data/attributes/contact/email"
    );
    assert_eq!(
        errors.to_json_value(Envelope::Drf)["errors"][0]["attr"],
        "email"
    );
}

#[test]
fn transparent_structs_and_named_fields() {
    #[derive(Debug, ApiError)]
    #[api(status = 404, detail = "missing {0}")]
    struct Missing(u32);
    #[derive(Debug, ApiError)]
    #[api(transparent)]
    struct Tuple(Missing);
    #[derive(Debug, ApiError)]
    #[api(envelope = "laravel", transparent)]
    struct Named {
        inner: Missing,
    }
    assert_eq!(Tuple(Missing(1)).status(), 404);
    assert_eq!(
        UnredactedDetail(&Tuple(Missing(2))).to_string(),
        "missing 2"
    );
    let named = Named { inner: Missing(3) };
    assert_eq!(
        named.to_response().into_body(),
        br#"{"message":"missing 3"}"#
    );
    assert_eq!(named.code(), "missing");
}

/// One merge, one order: what a wrapping type declares wins over its inner
/// error's, a declared default included; what it leaves unset is the
/// inner error's; redaction adds up; the request's data is never a setting.
#[test]
fn a_wrapper_s_declarations_win_even_when_they_are_the_default() {
    use errcodes::{InContext, ProblemStyle};

    #[derive(Debug, ApiError)]
    #[api(
        problem_style = "title_detail",
        domain = "inner.example.com",
        status = 404
    )]
    enum Inner {
        #[api(code = "missing", detail = "Nothing here.")]
        Missing,
    }

    #[derive(Debug, ApiError)]
    #[api(problem_style = "rfc9457", type_base = "https://errors.example.com/")]
    enum Outer {
        #[api(transparent)]
        Inner(Inner),
    }

    #[derive(Debug, ApiError)]
    #[api(no_code)]
    enum Quiet {
        #[api(transparent)]
        Inner(Inner),
    }

    let outer = Outer::Inner(Inner::Missing);
    let settings = outer.settings();
    assert_eq!(settings.problem_style, Some(ProblemStyle::Rfc9457));
    assert_eq!(settings.domain, Some("inner.example.com"));
    assert_eq!(settings.type_base, Some("https://errors.example.com/"));
    assert_eq!(
        outer.to_json_value(Envelope::Problem),
        json!({
            "type": "https://errors.example.com/missing",
            "title": "Not Found",
            "status": 404,
            "detail": "Nothing here.",
            "code": "missing"
        })
    );
    // Unset on the wrapper: the inner error's shape.
    assert_eq!(
        Inner::Missing.to_json_value(Envelope::Problem),
        json!({"title": "Not Found", "detail": "Nothing here."})
    );
    // A wrapper that withholds codes withholds its inner error's too.
    let quiet = Quiet::Inner(Inner::Missing);
    assert!(quiet.settings().redact_code);
    assert!(quiet.to_json_value(Envelope::Problem).get("code").is_none());
    // The correlation id is the answer's, not a setting.
    let answered = InContext::new(&outer).request_id("req-9");
    assert_eq!(answered.occurrence().id, Some("req-9"));
    assert_eq!(answered.settings(), outer.settings());
    assert_eq!(
        answered.to_json_value(Envelope::Problem)["request_id"],
        "req-9"
    );
}
