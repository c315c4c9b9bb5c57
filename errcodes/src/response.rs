//! Building an [`http::Response`] from an error.

use core::fmt::{self, Write as _};

use http::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use http::HeaderName;

use crate::envelope::Envelope;
use crate::error::ApiError;

/// The response for `err` in `envelope`: status, `Content-Type`, the error's
/// headers (each value checked; an invalid one, or one longer than 256
/// bytes, is left out: never sent and never a panic) and the JSON body.
pub fn build<E: ApiError + ?Sized>(err: &E, envelope: Envelope) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(err.render_to_vec(envelope));
    *response.status_mut() = err.status();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(envelope.content_type()),
    );
    err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
        // The response owns these; an error cannot override them.
        if [CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING].contains(name) {
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
    response
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
