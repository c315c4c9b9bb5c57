//! Building an [`http::Response`] from a rendered body: the status, the
//! `Content-Type`, and the error's own headers, each one checked.

use core::fmt::{self, Write as _};

use http::header::{CONTENT_TYPE, HeaderValue, X_CONTENT_TYPE_OPTIONS};
use http::{HeaderName, StatusCode};

use crate::visit::HeaderVisitor;

/// The `Content-Type` sent when a format names a media type that is not a
/// valid header value (a user-defined format can; the built-ins do not).
const FALLBACK_CONTENT_TYPE: &str = "application/json";

/// The response: `status`, `content_type`, the headers `visit_headers`
/// hands over (each value checked; an invalid one, or one longer than 256
/// bytes, is left out: never sent and never a panic) and `body`.
pub(crate) fn build(
    status: StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
    visit_headers: impl FnOnce(&mut dyn HeaderVisitor),
) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    set_content_type(headers, content_type);
    add_error_headers(headers, visit_headers);
    response
}

/// Sets the `Content-Type` of an error body (and that it is not to be
/// sniffed), replacing what `headers` had.
pub(crate) fn set_content_type(headers: &mut http::HeaderMap, content_type: &'static str) {
    headers.insert(CONTENT_TYPE, static_value(content_type));
    // An error body is JSON whatever a client guesses: never sniffed into
    // something a browser would run.
    headers.insert(
        X_CONTENT_TYPE_OPTIONS,
        const { HeaderValue::from_static("nosniff") },
    );
}

/// Adds the headers `visit_headers` hands over, each value checked (see
/// [`build`]).
pub(crate) fn add_error_headers(
    headers: &mut http::HeaderMap,
    visit_headers: impl FnOnce(&mut dyn HeaderVisitor),
) {
    visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
        // The response owns some headers; an error cannot override them,
        // nor set credentials or session state (the derive refuses them at
        // compile time, by the same rule; this covers hand-written impls).
        if errcodes_rules::check_response_header(name.as_str()).is_err() {
            return;
        }
        // Format on the stack; only the header value itself is allocated.
        let mut text = StackText::default();
        if write!(text, "{value}").is_err() {
            return; // too long for a header value we would send
        }
        if let Ok(value) = HeaderValue::from_bytes(text.as_bytes()) {
            headers.append(name.clone(), value);
        }
    });
}

/// A static header value, checked first so that an invalid one (from a
/// user-defined format) falls back instead of panicking in `from_static`.
fn static_value(text: &'static str) -> HeaderValue {
    // The built-in envelopes' media types, checked at compile time.
    const PROBLEM: HeaderValue = HeaderValue::from_static("application/problem+json");
    const JSON: HeaderValue = HeaderValue::from_static("application/json");
    const JSONAPI: HeaderValue = HeaderValue::from_static("application/vnd.api+json");
    match text {
        "application/problem+json" => return PROBLEM,
        "application/json" => return JSON,
        "application/vnd.api+json" => return JSONAPI,
        _ => {}
    }
    // `HeaderValue::from_static` accepts visible ASCII, space and tab.
    let valid = !text.is_empty()
        && text
            .bytes()
            .all(|b| b == b'\t' || (b' '..0x7f).contains(&b));
    HeaderValue::from_static(if valid { text } else { FALLBACK_CONTENT_TYPE })
}

/// A small on-stack text buffer; writing more than it holds fails.
struct StackText {
    buf: [u8; 256],
    len: usize,
}

impl Default for StackText {
    fn default() -> Self {
        StackText {
            buf: [0; 256],
            len: 0,
        }
    }
}

impl StackText {
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
