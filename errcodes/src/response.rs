//! Building an [`http::Response`] from an error.

use core::fmt::{self, Write as _};

use http::header::{HeaderValue, CONTENT_TYPE};
use http::HeaderName;

use crate::envelope::Envelope;
use crate::error::ApiError;

/// The response for `err` in `envelope`: status, `Content-Type`, the error's
/// headers (each value checked; an invalid one is left out, never sent and
/// never a panic) and the JSON body.
pub fn build<E: ApiError + ?Sized>(err: &E, envelope: Envelope) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(err.render_to_vec(envelope));
    *response.status_mut() = err.status();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(envelope.content_type()),
    );
    let mut text = String::new();
    err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
        text.clear();
        if write!(text, "{value}").is_err() {
            return;
        }
        if let Ok(value) = HeaderValue::from_str(&text) {
            headers.append(name.clone(), value);
        }
    });
    response
}
