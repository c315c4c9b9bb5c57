//! What hostile or broken input cannot do at run time: make `to_string()`
//! panic, send a single-value header twice, or set credentials.

use core::fmt;

use errcodes::{ApiError, ApiErrors, Detail, Envelope, FieldError, HeaderVisitor};
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
    assert_eq!(Detail(&Flaky).to_string(), "partial");
    assert_eq!(errcodes::PublicDetail::new(&Flaky).to_string(), "partial");
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
            if self.0 > 3 {
                Err(fmt::Error)
            } else {
                Ok(())
            }
        }
    }
    let err = FieldError::new("name", "required", "This field is required.");
    assert!(fmt::write(&mut Short(0), format_args!("{}", Detail(&err))).is_err());
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
