//! The conveniences every error has: [`ApiErrorExt`], implemented for every
//! [`ApiError`], so they behave the same for all of them and nobody can
//! override one (or forget to forward it).

use crate::error::ApiError;
use crate::error::Envelope;
use crate::{envelope, response};

/// Rendering and responses, for every [`ApiError`] (including `dyn
/// ApiError`). `use errcodes::prelude::*` brings it with the trait.
///
/// Every method reaches the body through the same path: the error's
/// collection, if it is one, else the single error, written by the
/// envelope's [`Format`](crate::Format).
///
/// ```
/// use errcodes::prelude::*;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "laravel", status = 404, detail = "No order {0}.")]
/// struct OrderNotFound(u64);
///
/// assert_eq!(OrderNotFound(7).render_to_vec(Envelope::Laravel), br#"{"message":"No order 7."}"#);
/// assert_eq!(OrderNotFound(7).to_response().status(), 404);
/// ```
pub trait ApiErrorExt: ApiError {
    /// Appends this error's JSON body in `envelope` to `out`.
    ///
    /// Nothing is allocated beyond what `out` needs to grow: with a reused
    /// buffer of sufficient capacity, rendering allocates nothing.
    ///
    /// ```
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "No order with id {id} exists.")]
    /// struct OrderNotFound { id: u64 }
    ///
    /// let mut buf = Vec::with_capacity(256);
    /// OrderNotFound { id: 42 }.render(Envelope::Laravel, &mut buf);
    /// assert_eq!(buf, br#"{"message":"No order with id 42 exists."}"#);
    /// ```
    fn render(&self, envelope: Envelope, out: &mut Vec<u8>) {
        envelope::write(self, envelope, out);
    }

    /// This error's JSON body in `envelope`, as a new vector.
    ///
    /// ```
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 401, detail = "Unauthenticated.")]
    /// struct Unauthenticated;
    ///
    /// assert_eq!(Unauthenticated.render_to_vec(Envelope::Laravel), br#"{"message":"Unauthenticated."}"#);
    /// ```
    fn render_to_vec(&self, envelope: Envelope) -> Vec<u8> {
        // Single-error bodies of every built-in envelope fit (AIP-193's, with
        // its typed details, are the largest), so the buffer is allocated once.
        let mut out = Vec::with_capacity(512);
        envelope::write(self, envelope, &mut out);
        out
    }

    /// This error's JSON body in `envelope`, parsed into a
    /// [`serde_json::Value`] (handy in tests). `serde_json` parses at most 128
    /// levels of nesting: a body with meta nested deeper is
    /// [`Value::Null`](serde_json::Value::Null) here, while
    /// [`render`](ApiErrorExt::render) and the response keep every level.
    ///
    /// ```
    /// use errcodes::prelude::*;
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "order_not_found", detail = "No order with id {0} exists.")]
    /// struct OrderNotFound(u64);
    ///
    /// assert_eq!(
    ///     OrderNotFound(42).to_json_value(Envelope::JsonApi),
    ///     json!({"errors": [{"status": "404", "code": "order_not_found",
    ///            "title": "Not Found", "detail": "No order with id 42 exists."}]})
    /// );
    /// ```
    fn to_json_value(&self, envelope: Envelope) -> serde_json::Value {
        // The built-in formats write valid JSON by construction; the fallback
        // keeps the promise that rendering never panics.
        serde_json::from_slice(&self.render_to_vec(envelope)).unwrap_or(serde_json::Value::Null)
    }

    /// An HTTP response in this error's own envelope: its status, the
    /// envelope's `Content-Type`, its headers and its JSON body.
    ///
    /// ```
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "jsonapi", status = 429, detail = "Slow down.")]
    /// struct RateLimited {
    ///     #[api(header = "Retry-After")]
    ///     retry_after: u32,
    /// }
    ///
    /// let response = RateLimited { retry_after: 30 }.to_response();
    /// assert_eq!(response.status(), 429);
    /// assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
    /// assert_eq!(response.headers()["retry-after"], "30");
    /// ```
    fn to_response(&self) -> http::Response<Vec<u8>> {
        self.to_response_in(self.settings().envelope)
    }

    /// An HTTP response in `envelope`, whatever the type's own envelope is.
    ///
    /// ```
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Not found.")]
    /// struct NotFound;
    ///
    /// let response = NotFound.to_response_in(Envelope::Drf);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// ```
    fn to_response_in(&self, envelope: Envelope) -> http::Response<Vec<u8>> {
        response::build(
            crate::envelope::http_status(self, envelope),
            envelope.media_type(),
            self.render_to_vec(envelope),
            |headers| self.visit_headers(headers),
        )
    }
}

impl<E: ApiError + ?Sized> ApiErrorExt for E {}
