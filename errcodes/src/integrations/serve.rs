//! What every web-framework integration answers the same way, whatever the
//! framework: the errors a framework produces on its own (a rejected
//! request, an unknown route, a panicking handler), correlation ids, and
//! the one function that answers an error to a request.
//!
//! The framework modules (`axum`, `actix`) only translate: their request
//! and response types in, `http` 1 responses out.

use core::fmt;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::Poll;
use std::thread::LocalKey;

use http::StatusCode;
use http::header::{HeaderName, HeaderValue};

use crate::context::InContext;
use crate::error::ApiError;
use crate::error::Envelope;
use crate::error::Settings;
use crate::ext::ApiErrorExt as _;
use crate::negotiate::Negotiation;
use crate::profile::Profile;

/// What every request a layer or middleware answers shares: how it
/// negotiates, and the app's settings.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) negotiation: Negotiation,
    pub(crate) profile: Profile,
}

impl Config {
    /// Answers with `profile`, negotiating from its envelope.
    pub(crate) fn new(profile: Profile) -> Config {
        Config {
            negotiation: Negotiation::new(profile.envelope()),
            profile,
        }
    }

    /// The same profile, negotiated with `negotiation`.
    pub(crate) fn negotiating(&self, negotiation: Negotiation) -> Config {
        Config {
            negotiation,
            profile: self.profile.clone(),
        }
    }
}

/// The header a correlation id travels in, both ways.
pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// `err` answered to the request `method path`, in `envelope` under
/// `profile`, and logged (feature `tracing`). An error always carries a
/// correlation id: `given_id`, else a new one, in the body and in
/// `x-request-id`.
pub(crate) fn respond<E: ApiError + ?Sized>(
    err: &E,
    envelope: Envelope,
    profile: &Profile,
    method: &str,
    path: &str,
    given_id: Option<&str>,
) -> http::Response<Vec<u8>> {
    let generated;
    let request_id = if let Some(id) = given_id {
        id
    } else {
        generated = new_request_id();
        generated.as_str()
    };
    crate::log::answered(&err, method, path, request_id);
    let answered = InContext::new(err)
        .path(path)
        .request_id(request_id)
        .profile(profile);
    // A type that opted out of negotiation answers in its own envelope.
    let own = err.settings();
    let envelope = if own.fixed_envelope {
        own.envelope
    } else {
        envelope
    };
    let mut response = answered.to_response_in(envelope);
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// Polls a handler with `answering` made current in `slot` (so that errors
/// it converts answer this request), catching a panic; gives back what the
/// poll returned (`Err` for a panic) and `answering`. `None` cannot happen:
/// only the integrations write their slot, and each write is undone before
/// this returns.
pub(crate) fn poll_current<A: 'static, T>(
    slot: &'static LocalKey<RefCell<Option<A>>>,
    answering: A,
    poll: impl FnOnce() -> Poll<T>,
) -> Option<(std::thread::Result<Poll<T>>, A)> {
    let previous = slot.with(|current| current.replace(Some(answering)));
    let polled = catch_unwind(AssertUnwindSafe(poll));
    let answering = slot.with(|current| current.replace(previous))?;
    Some((polled, answering))
}

/// Whether a framework's response is one of its own bare route errors (a
/// 404 or 405 with no body and no `Content-Type`), which the integrations
/// answer in the envelope instead. The response is looked at only for
/// those two statuses: a success pays one comparison.
pub(crate) fn is_bare_route_error(
    status: u16,
    has_content_type: impl FnOnce() -> bool,
    empty: impl FnOnce() -> bool,
) -> bool {
    matches!(status, 404 | 405) && !has_content_type() && empty()
}

/// Whether a request's `x-request-id` is usable as its correlation id: a
/// short printable token.
pub(crate) fn usable_request_id(id: &[u8]) -> bool {
    !id.is_empty() && id.len() <= 128 && id.iter().all(u8::is_ascii_graphic)
}

/// The trace id of a W3C `traceparent`, the correlation id of a request
/// that brought no usable `x-request-id`.
pub(crate) fn trace_id(traceparent: &[u8]) -> Option<&str> {
    let trace = traceparent.split(|b| *b == b'-').nth(1)?;
    if trace.len() == 32 && trace.iter().all(u8::is_ascii_hexdigit) {
        core::str::from_utf8(trace).ok()
    } else {
        None
    }
}

/// A new correlation id: a per-process prefix (from the clock when the
/// first id is made, so unlikely to repeat across restarts) and a counter,
/// as 24 hex digits. Unique within the process; not a secret.
fn new_request_id() -> RequestId {
    static PREFIX: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let prefix = *PREFIX.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            // The low 64 bits of the nanoseconds: they change fastest.
            .map_or(0, |d| {
                u64::try_from(d.as_nanos() & u128::from(u64::MAX)).unwrap_or(0)
            })
    });
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut id = RequestId([0; 24]);
    for (i, digit) in id.0.iter_mut().enumerate() {
        let nibble = if i < 8 {
            (prefix >> (28 - 4 * i)) & 0xf
        } else {
            (count >> (60 - 4 * (i - 8))) & 0xf
        };
        *digit = b"0123456789abcdef"[usize::try_from(nibble).unwrap_or(0)];
    }
    id
}

/// A generated correlation id, on the stack.
struct RequestId([u8; 24]);

impl RequestId {
    fn as_str(&self) -> &str {
        // Hex digits only.
        core::str::from_utf8(&self.0).unwrap_or("0")
    }
}

/// The counter behind generated correlation ids.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// A router's own 404 and 405, as errors.
pub(crate) struct RouteError<'a> {
    pub(crate) status: StatusCode,
    pub(crate) method: &'a str,
}

impl ApiError for RouteError<'_> {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &'static str {
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            "method_not_allowed"
        } else {
            "not_found"
        }
    }
    fn title(&self) -> &'static str {
        self.status.canonical_reason().unwrap_or("Not Found")
    }
    /// drf's texts: `Not found.` and `Method "PATCH" not allowed.`
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            write!(f, "Method \"{}\" not allowed.", self.method)
        } else {
            f.write_str("Not found.")
        }
    }
}

/// A handler that panicked: a 500 with no code and the generic detail.
pub(crate) struct Panicked;

impl ApiError for Panicked {
    fn status(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }
    fn code(&self) -> &'static str {
        "panic"
    }
    fn title(&self) -> &'static str {
        "Internal Server Error"
    }
    fn fmt_detail(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
    fn settings(&self) -> Settings<'_> {
        Settings::new().redact_code(true).redact_detail(true)
    }
}

/// A request the framework could not extract (a body that is not JSON, a
/// query string or path parameter of the wrong type, a form of the wrong
/// content type), as an error: a stable code per kind, a 4xx status, and a
/// detail that says what was wrong and, for JSON, where (line and column),
/// never the parser's words about the input itself.
///
/// Both integrations answer the same request the same way:
///
/// | code | status | when |
/// |---|---|---|
/// | `malformed_json` | 400 | the body is not JSON |
/// | `invalid_body` | 422 | JSON without the expected members and types |
/// | `unsupported_media_type` | 415 | the wrong `Content-Type` |
/// | `invalid_path` | 400 | a path parameter of the wrong type |
/// | `invalid_query` | 400 | a query string of the wrong shape |
/// | `invalid_form` | 400 or 422 | a form of the wrong shape |
/// | `body_too_large` | 413 | a body over the limit |
/// | `unreadable_body` | 400 | a body cut off or badly encoded |
///
/// A route whose extractor asks for parameters the route does not have is
/// the server's mistake: a 500 that says nothing of it.
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use errcodes::axum::Rejection;
/// use errcodes::ApiError;
///
/// let rejection = Rejection::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(Default::default()));
/// assert_eq!(rejection.status(), 415);
/// assert_eq!(rejection.code(), "unsupported_media_type");
/// # }
/// ```
#[derive(Debug)]
pub struct Rejection {
    status: StatusCode,
    code: &'static str,
    what: &'static str,
    /// Line and column of a JSON error.
    position: Option<(usize, usize)>,
}

impl Rejection {
    pub(crate) fn new(status: StatusCode, code: &'static str, what: &'static str) -> Rejection {
        Rejection {
            status,
            code,
            what,
            position: None,
        }
    }

    /// A body that is not JSON at all, `at` a line and column.
    pub(crate) fn malformed_json(at: Option<(usize, usize)>) -> Rejection {
        Rejection {
            position: at,
            ..Rejection::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "The request body is not valid JSON.",
            )
        }
    }

    /// JSON, but not the members and types the handler takes.
    pub(crate) fn invalid_body(at: Option<(usize, usize)>) -> Rejection {
        Rejection {
            position: at,
            ..Rejection::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_body",
                "The request body does not have the expected members and types.",
            )
        }
    }

    /// A body `serde_json` refused: malformed (400) or of the wrong shape
    /// (422), with its position and nothing else of its message.
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn from_json_error(err: &serde_json::Error) -> Rejection {
        let at = (err.line() > 0).then(|| (err.line(), err.column()));
        if err.is_data() {
            Rejection::invalid_body(at)
        } else {
            Rejection::malformed_json(at)
        }
    }

    /// `serde_json`'s position, read from the end of its message
    /// (`... at line 1 column 7`), and nothing else of it.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn json_position(message: &str) -> Option<(usize, usize)> {
        message.rsplit_once(" at line ").and_then(|(_, rest)| {
            let (line, column) = rest.split_once(" column ")?;
            Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
        })
    }

    /// A request whose `Content-Type` is not `expected`.
    pub(crate) fn unsupported_media_type(expected: &'static str) -> Rejection {
        Rejection::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            expected,
        )
    }

    /// JSON bodies: `Content-Type: application/json` expected.
    pub(crate) const EXPECTED_JSON: &'static str =
        "Expected a request with Content-Type: application/json.";

    /// Forms: `Content-Type: application/x-www-form-urlencoded` expected.
    pub(crate) const EXPECTED_FORM: &'static str =
        "Expected a request with Content-Type: application/x-www-form-urlencoded.";

    /// A path parameter of the wrong type.
    pub(crate) fn invalid_path() -> Rejection {
        Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid_path",
            "A path parameter is not valid.",
        )
    }

    /// A query string of the wrong shape.
    pub(crate) fn invalid_query() -> Rejection {
        Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            "The query string is not valid.",
        )
    }

    /// A form of the wrong shape.
    pub(crate) fn invalid_form(status: StatusCode) -> Rejection {
        Rejection::new(status, "invalid_form", "The form is not valid.")
    }

    /// A route without the parameters its extractor asks for: the server's
    /// mistake, answered as a 500 that says nothing of it.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn path_params_missing() -> Rejection {
        Rejection::new(StatusCode::INTERNAL_SERVER_ERROR, "path_params_missing", "")
    }

    /// A body that could not be read: too large, or cut off.
    pub(crate) fn body(status: StatusCode) -> Rejection {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Rejection::new(status, "body_too_large", "The request body is too large.")
        } else if status.is_server_error() {
            Rejection::new(status, "unreadable_body", "")
        } else {
            Rejection::new(
                status,
                "unreadable_body",
                "The request body could not be read.",
            )
        }
    }
}

impl ApiError for Rejection {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        self.code
    }
    fn title(&self) -> &str {
        self.status.canonical_reason().unwrap_or("Bad Request")
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                let what = self.what.trim_end_matches('.');
                write!(f, "{what} (line {line}, column {column}).")
            }
            None => f.write_str(self.what),
        }
    }
    fn settings(&self) -> Settings<'_> {
        let server = self.status.is_server_error();
        Settings::new().redact_code(server).redact_detail(server)
    }
}

impl fmt::Display for Rejection {
    /// The detail a client may read.
    ///
    /// ```
    /// # #[cfg(feature = "axum")] {
    /// use errcodes::axum::Rejection;
    /// let rejection = Rejection::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(Default::default()));
    /// assert_eq!(rejection.to_string(), "Expected a request with Content-Type: application/json.");
    /// # }
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::redact::Detail::new(self).fmt(f)
    }
}

impl std::error::Error for Rejection {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_id_is_a_short_printable_token_or_a_trace_id() {
        assert!(usable_request_id(b"abc-1"));
        assert!(!usable_request_id(b"has space"));
        assert!(!usable_request_id(&[b'a'; 129]));
        assert!(!usable_request_id(b""));
        let traceparent = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert_eq!(
            trace_id(traceparent),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        assert_eq!(trace_id(b"00-xyz-01"), None);
    }

    #[test]
    fn generated_ids_are_24_hex_digits_and_differ() {
        let (a, b) = (new_request_id(), new_request_id());
        assert_eq!(a.as_str().len(), 24);
        assert!(a.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a.as_str(), b.as_str());
    }

    #[test]
    fn json_positions_are_read_from_the_end_of_the_message() {
        assert_eq!(
            Rejection::json_position("EOF while parsing a value at line 1 column 10"),
            Some((1, 10))
        );
        assert_eq!(Rejection::json_position("no position"), None);
    }
}
