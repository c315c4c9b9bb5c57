//! axum integration (cargo feature `axum`): errors are `IntoResponse`, and
//! [`ErrorLayer`] answers every error of a router in the envelope the
//! request asked for.
//!
//! With the feature on, `#[derive(ApiError)]` also implements
//! `axum::response::IntoResponse` for the type, so a handler returns it
//! directly; [`ApiErrors`] and [`FieldError`] implement it too. The
//! response is the one [`ApiErrorExt::to_response`](crate::ApiErrorExt::to_response) builds, in the type's
//! own envelope, and it carries the error itself in its extensions. Under
//! an [`ErrorLayer`] the layer answers that error once more, wherever the
//! response was made (in the handler, in a task it spawned, in a service
//! polled on another thread), and decides:
//!
//! * the envelope, negotiated from `Accept` ([`crate::negotiate`]): 406
//!   when nothing acceptable is offered, 415 for a JSON:API `Content-Type`
//!   with a parameter JSON:API forbids, both before the handler runs;
//! * the request context: the path becomes the Problem `instance` of an
//!   error that names none, and a correlation id (the request's
//!   `x-request-id`, else the trace id of its `traceparent`, else, for an
//!   error, a new one) becomes the JSON:API error `id` and the Problem
//!   `request_id`, and goes back in the response's `x-request-id` (a
//!   success carries back the id its request brought);
//! * the router's own empty 404 and 405 become errors in the envelope (405
//!   keeps `Allow`), and a handler that panics answers a 500 that says
//!   nothing of the panic;
//! * with the `tracing` feature, every error it answers is logged once: a
//!   5xx at `error` with its whole source chain, a 4xx at `debug` (or the
//!   variant's `#[api(log = "...")]`), with the correlation id, method and
//!   path.
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use errcodes::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(envelope = "jsonapi", status = 404, detail = "No order {0}.")]
//! struct OrderNotFound(u64);
//!
//! async fn handler() -> Result<String, OrderNotFound> {
//!     Err(OrderNotFound(42))
//! }
//!
//! let response = OrderNotFound(42).into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
//! ```

mod body;
mod extract;
mod layer;

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

use crate::carried::Carried;
use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;

pub use crate::serve::Rejection;
pub use extract::{Form, Json, Path, Query};
pub use layer::{ErrorFuture, ErrorLayer, ErrorService};

/// The response of any error: [`ApiErrorExt::to_response`](crate::ApiErrorExt::to_response), carrying an
/// owned copy of the error, which an [`ErrorLayer`] above answers in the
/// envelope and with the context of its request. (A type's own
/// `IntoResponse` moves the error into the response instead of copying it.)
///
/// ```
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Taken.")]
/// struct Taken;
///
/// let response = errcodes::axum::into_response(&Taken);
/// assert_eq!(response.status(), 409);
/// ```
pub fn into_response<E: ApiError + ?Sized>(err: &E) -> Response {
    carrying(Carried::copied(err))
}

/// The response that carries `carried`: its status, `Content-Type` and
/// headers now, its body written in its own envelope when first read (a
/// layer above answers it again and never reads it).
pub(crate) fn carrying(carried: Carried) -> Response {
    let err = carried.error();
    let envelope = err.settings().envelope;
    let (mut parts, _) = crate::response::build(
        crate::envelope::http_status(err, envelope),
        envelope.media_type(),
        Vec::new(),
        |headers| {
            err.visit_headers(headers);
        },
    )
    .into_parts();
    parts.extensions.insert(carried.clone());
    Response::from_parts(parts, Body::new(body::ErrorBody::new(carried, envelope)))
}

impl IntoResponse for ApiErrors {
    fn into_response(self) -> Response {
        carrying(Carried::owned(self))
    }
}

impl IntoResponse for FieldError {
    fn into_response(self) -> Response {
        carrying(Carried::owned(self))
    }
}
