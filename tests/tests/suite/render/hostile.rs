//! What hostile or broken input cannot do at run time: make `to_string()`
//! panic, send a single-value header twice, or set credentials.

use core::fmt;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, HeaderVisitor, UnredactedDetail};
use http::{HeaderName, StatusCode};

/// A type whose `Display` writes a little, then fails, as a buggy or
/// hostile impl may.
#[derive(Debug, ApiError)]
#[api(status = 422, attr = "name")]
struct Flaky;

impl fmt::Display for Flaky {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial")?;
        Err(fmt::Error)
    }
}

#[test]
fn display_impls_are_total() {
    // `to_string()` panics when a `Display` impl returns an error; these
    // keep what was written instead.
    assert_eq!(UnredactedDetail(&Flaky).to_string(), "partial");
    assert_eq!(errcodes::Detail::new(&Flaky).to_string(), "partial");
    let errors = ApiErrors::from_errors([Flaky]).unwrap();
    assert_eq!(
        errors.to_string(),
        "1 field failed validation.\n  name: partial"
    );
    // Logging it as a `std::error::Error` is just as safe.
    let as_error: &dyn std::error::Error = &errors;
    assert!(format!("{as_error}").ends_with("partial"));
    // Every envelope still renders valid JSON around the partial text.
    for envelope in Envelope::ALL {
        let body = Flaky.render_to_vec(envelope);
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert!(value.to_string().contains("partial"), "{envelope}");
    }
}

#[test]
fn a_failing_writer_is_still_an_error() {
    // Only the item's own failure is forgiven: a formatter that fails
    // (here, after 3 bytes) still reports it.
    struct Short(usize);
    impl fmt::Write for Short {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 += s.len();
            if self.0 > 3 { Err(fmt::Error) } else { Ok(()) }
        }
    }
    let err = FieldError::new("name", "required", "This field is required.");
    assert!(fmt::write(&mut Short(0), format_args!("{}", UnredactedDetail(&err))).is_err());
}

#[derive(Debug, ApiError)]
#[api(status = 429, detail = "Slow down.")]
struct Throttled {
    #[api(header = "Retry-After")]
    seconds: u32,
}

#[test]
fn a_collection_sends_one_retry_after_the_longest() {
    let mut errors = ApiErrors::builder();
    errors
        .push(Throttled { seconds: 5 })
        .push(Throttled { seconds: 90 })
        .push(Throttled { seconds: 30 });
    let errors = errors.finish().unwrap_err();
    for envelope in Envelope::ALL {
        let response = errors.to_response_in(envelope);
        let values: Vec<_> = response.headers().get_all("retry-after").iter().collect();
        assert_eq!(values, ["90"], "{envelope}");
    }
}

/// A hand-written impl sets whatever headers it likes.
struct Greedy;

impl ApiError for Greedy {
    fn status(&self) -> StatusCode {
        StatusCode::UNAUTHORIZED
    }
    fn code(&self) -> &str {
        "expired"
    }
    fn title(&self) -> &str {
        "Unauthorized"
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Session expired.")
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        let set = |name: &'static str| HeaderName::from_static(name);
        visitor.visit(&set("set-cookie"), &"session=; Max-Age=0");
        visitor.visit(&set("authorization"), &"Bearer abc");
        visitor.visit(&set("www-authenticate"), &"Bearer");
    }
}

#[test]
fn credentials_and_session_headers_are_never_sent() {
    let response = Greedy.to_response();
    assert!(response.headers().get("set-cookie").is_none());
    assert!(response.headers().get("authorization").is_none());
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
}

#[test]
fn instance_values_are_percent_encoded() {
    #[derive(Debug, ApiError)]
    #[api(
        status = 404,
        detail = "No such order.",
        instance = "/orders/{id}?v={version}"
    )]
    struct OrderNotFound {
        id: String,
        version: u32,
    }
    let err = OrderNotFound {
        id: "a b/\"c\"~é%".into(),
        version: 3,
    };
    let body = err.to_json_value(Envelope::Problem);
    // Reserved and unsafe characters of the value are encoded; the
    // template's own `/` and `?` stay.
    assert_eq!(body["instance"], "/orders/a%20b%2F%22c%22~%C3%A9%25?v=3");
}

#[test]
fn invalid_collection_settings_are_refused() {
    let errors = ApiErrors::from_errors([FieldError::new("a.b", "required", "Required.")]).unwrap();
    let errors = errors
        .with_type_base("https://errors.example.com/")
        .with_code("invalid_order")
        .with_pointer_prefix("/data");
    // Each refused value leaves the setting as it was.
    let errors = errors
        .with_type_base("https://errors.example.com/has space/")
        .with_type_base("relative/")
        .with_type_base("https://errors.example.com/no-separator")
        .with_code("two words")
        .with_code("")
        .with_code("a/b")
        .with_pointer_prefix("data")
        .with_pointer_prefix("/a~2")
        .with_pointer_prefix("/trailing~");
    let problem = errors.to_json_value(Envelope::Problem);
    assert_eq!(problem["type"], "https://errors.example.com/invalid_order");
    assert_eq!(problem["code"], "invalid_order");
    let jsonapi = errors.to_json_value(Envelope::JsonApi);
    assert_eq!(jsonapi["errors"][0]["source"]["pointer"], "/data/a/b");
    // Valid ones are taken: the empty pointer is the whole document.
    let errors = errors.with_pointer_prefix("").with_code("v2.invalid-order");
    assert_eq!(
        errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"],
        "/a/b"
    );
    assert_eq!(errors.code(), "v2.invalid-order");
}

/// A meta value nested `depth` arrays deep.
fn nested(depth: usize) -> serde_json::Value {
    (0..depth).fold(serde_json::Value::from(1), |inner, _| {
        serde_json::Value::Array(vec![inner])
    })
}

#[test]
fn deep_meta_is_never_lost() {
    #[derive(Debug, ApiError)]
    #[api(status = 422, detail = "Too deep.")]
    struct Deep {
        #[api(meta)]
        tree: serde_json::Value,
    }
    let err = Deep { tree: nested(200) };
    let expected = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    for envelope in [Envelope::Problem, Envelope::JsonApi] {
        let body = String::from_utf8(err.render_to_vec(envelope)).unwrap();
        assert!(body.contains(&expected), "{envelope} rendering lost depth");
    }
    // Borrowed into a collection (a snapshot), every level is kept: alone,
    // and as an item's JSON:API `meta`.
    let mut errors = ApiErrors::builder();
    errors.push_ref(&err);
    let errors = errors.finish().unwrap_err();
    let item = errors.get(0).unwrap();
    let body = String::from_utf8(item.render_to_vec(Envelope::Problem)).unwrap();
    assert!(body.contains(&expected), "push_ref dropped deep meta");
    let body = String::from_utf8(errors.render_to_vec(Envelope::JsonApi)).unwrap();
    assert!(body.contains(&format!("\"meta\":{{\"tree\":{expected}}}")));
    // The documented limit: `to_json_value` parses with serde_json, which
    // stops at 128 levels.
    assert_eq!(
        err.to_json_value(Envelope::Problem),
        serde_json::Value::Null
    );
    assert!(
        Deep { tree: nested(100) }
            .to_json_value(Envelope::Problem)
            .is_object()
    );
}

#[test]
fn widths_and_precisions_from_fields() {
    #[derive(Debug, ApiError)]
    enum Padded {
        #[api(status = 400, detail = "[{name:>width$}] {ratio:.digits$}")]
        Named {
            name: &'static str,
            width: usize,
            ratio: f64,
            digits: usize,
        },
        #[api(status = 400, detail = "[{0:1$}]")]
        Tuple(u32, usize),
    }
    let named = Padded::Named {
        name: "ab",
        width: 5,
        ratio: 0.123_456,
        digits: 2,
    };
    assert_eq!(UnredactedDetail(&named).to_string(), "[   ab] 0.12");
    assert_eq!(UnredactedDetail(&Padded::Tuple(7, 4)).to_string(), "[   7]");
}
