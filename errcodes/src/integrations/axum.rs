//! axum integration (cargo feature `axum`): errors are `IntoResponse`.
//!
//! With the feature on, `#[derive(ApiError)]` also implements
//! `axum::response::IntoResponse` for the type, so a handler returns it
//! directly; [`ApiErrors`] and
//! [`FieldError`] implement it too. The response is the
//! one [`ApiError::to_response`] builds, in the type's own envelope.
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

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;

/// The axum response of any error: [`ApiError::to_response`] with an axum
/// body.
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
    err.to_response().map(Body::from)
}

impl IntoResponse for ApiErrors {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}

impl IntoResponse for FieldError {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}
