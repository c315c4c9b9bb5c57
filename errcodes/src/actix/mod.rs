//! actix-web integration (cargo feature `actix-web`): errors answer from
//! handlers as they are, and [`ErrorMiddleware`] answers every error of an
//! app in the envelope the request asked for.
//!
//! With the feature on, `#[derive(ApiError)]` also makes the type an
//! actix error, so a handler returns `Result<_, T>` (and `?` works) or `T`
//! itself (`Responder`):
//!
//! * a type that derives thiserror's `Error` (the derive sees its
//!   `#[error(...)]` attributes, so the type has a `Display`) implements
//!   actix's own `ResponseError`, answering with [`error_response`];
//! * any other type gets `From<T> for actix_web::Error` instead, which
//!   needs no `Display`: errcodes renders the error when it becomes an
//!   `actix_web::Error`, and that error's `Display` is the public detail,
//!   never the source's text. Do not implement `ResponseError` for such a
//!   type yourself: the two `From`s would conflict.
//!
//! [`ApiErrors`], [`FieldError`] and [`Rejection`] convert and respond the
//! second way.
//!
//! Inside an [`ErrorMiddleware`] the answer is the same as the axum
//! layer's:
//!
//! * the envelope, negotiated from `Accept` ([`crate::negotiate`]): 406
//!   when nothing acceptable is offered, 415 for a JSON:API `Content-Type`
//!   with a parameter JSON:API forbids, both before the handler runs;
//! * the request context: the path becomes the Problem `instance` of an
//!   error that names none, and a correlation id (the request's
//!   `x-request-id`, else the trace id of its `traceparent`, else, for an
//!   error, a new one) becomes the JSON:API error `id` and the Problem
//!   `request_id`, and goes back in the response's `x-request-id`;
//! * actix's own empty 404 (no route) and 405 (no route for the method)
//!   become errors in the envelope (405 keeps `Allow`), and a handler that
//!   panics answers a 500 that says nothing of the panic;
//! * with the `tracing` feature, every error it answers is logged once.
//!
//! actix's extractors reject in the envelope too once [`extractors`] has
//! configured them (`App::configure(errcodes::actix::extractors)`): a body
//! that is not JSON is a 400 `malformed_json`, the wrong `Content-Type` a
//! 415, a bad path parameter a 400 `invalid_path` (see [`Rejection`]).
//!
//! actix-web 4 speaks `http` 0.2 while errcodes speaks `http` 1: the
//! conversion (status, headers) happens here, and users see only actix's
//! own types.
//!
//! ```
//! use actix_web::{web, App, HttpResponse};
//! use errcodes::actix::ErrorMiddleware;
//! use errcodes::{ApiError, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404, code = "order_not_found", detail = "No order {0}.")]
//! struct OrderNotFound(u64);
//!
//! async fn order(id: web::Path<u64>) -> Result<HttpResponse, OrderNotFound> {
//!     Err(OrderNotFound(id.into_inner()))
//! }
//!
//! let app = App::new()
//!     .wrap(ErrorMiddleware::new(Envelope::Problem))
//!     .configure(errcodes::actix::extractors)
//!     .route("/orders/{id}", web::get().to(order));
//! # let _ = app;
//! ```

mod extract;
mod middleware;

use core::fmt;

use actix_web::body::BoxBody;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, Responder, ResponseError};

use crate::carried::Carried;
use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;
use crate::ext::ApiErrorExt as _;

pub use crate::serve::Rejection;
pub use extract::{Json, Query, extractors, form_config, json_config, path_config, query_config};
pub use middleware::{ErrorMiddleware, ErrorMiddlewareFuture, ErrorMiddlewareService};

/// The response of any error: [`ApiErrorExt::to_response`](crate::ApiErrorExt::to_response)'s, as an actix
/// response, carrying an owned copy of the error, which an
/// [`ErrorMiddleware`] around the app answers in the envelope and with the
/// context of its request.
///
/// ```
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Taken.")]
/// struct Taken;
///
/// let response = errcodes::actix::error_response(&Taken);
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// ```
pub fn error_response<E: ApiError + ?Sized>(err: &E) -> HttpResponse {
    carrying_response(&Carried::copied(err))
}

/// The status of `err`, as actix's `StatusCode` (`http` 0.2): what the
/// derived `ResponseError::status_code` returns. For generated code.
#[doc(hidden)]
pub fn status_code<E: ApiError + ?Sized>(err: &E) -> actix_web::http::StatusCode {
    let status = crate::envelope::http_status(err, err.settings().envelope);
    actix_web::http::StatusCode::from_u16(status.as_u16())
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// `err` as an `actix_web::Error` carrying an owned copy of it: what
/// `From<T> for actix_web::Error` does for errcodes' own types. The error's
/// `Display` is the public detail. Write `actix_web::Error::from(err)`.
#[doc(hidden)]
pub fn into_error<E: ApiError + ?Sized>(err: &E) -> actix_web::Error {
    carrying_error(Carried::copied(err))
}

/// The `actix_web::Error` carrying `carried`.
pub(crate) fn carrying_error(carried: Carried) -> actix_web::Error {
    Answered::Carrying(carried).into()
}

/// The response carrying `carried`: rendered in its own envelope, the error
/// in its extensions for the middleware to answer again.
pub(crate) fn carrying_response(carried: &Carried) -> HttpResponse {
    let response = carried.error().to_response().map(Bytes::from);
    let mut converted = to_actix(&response);
    converted.extensions_mut().insert(carried.clone());
    converted
}

pub(crate) fn to_actix(response: &http::Response<Bytes>) -> HttpResponse {
    let status = actix_web::http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
    let mut converted = HttpResponse::with_body(status, response.body().clone());
    // errcodes' own answer: the middleware leaves it as it is.
    if response
        .extensions()
        .get::<crate::serve::Written>()
        .is_some()
    {
        converted.extensions_mut().insert(crate::serve::Written);
    }
    let headers = converted.headers_mut();
    for (name, value) in response.headers() {
        // Both sides validate the same bytes: a header errcodes wrote is
        // one actix accepts.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    converted.map_into_boxed_body()
}

/// An error errcodes answers, inside an `actix_web::Error`.
pub(crate) enum Answered {
    /// An error the middleware answers for its request; without one, in
    /// its own envelope.
    Carrying(Carried),
    /// An answer the middleware already wrote (a panic's 500), with the
    /// public detail: the `Display` actix and loggers see.
    Written {
        response: http::Response<Bytes>,
        detail: &'static str,
    },
}

impl fmt::Debug for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answered::Carrying(carried) => f.debug_tuple("Answered").field(carried).finish(),
            Answered::Written { response, detail } => f
                .debug_struct("Answered")
                .field("status", &response.status())
                .field("detail", detail)
                .finish_non_exhaustive(),
        }
    }
}

impl fmt::Display for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answered::Carrying(carried) => {
                fmt::Display::fmt(&crate::redact::Detail::new(carried.error()), f)
            }
            Answered::Written { detail, .. } => f.write_str(detail),
        }
    }
}

impl ResponseError for Answered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        let status = match self {
            Answered::Carrying(carried) => {
                let err = carried.error();
                crate::envelope::http_status(err, err.settings().envelope)
            }
            Answered::Written { response, .. } => response.status(),
        };
        actix_web::http::StatusCode::from_u16(status.as_u16())
            .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Answered::Carrying(carried) => carrying_response(carried),
            Answered::Written { response, .. } => to_actix(response),
        }
    }
}

/// Implements `From<$ty> for actix_web::Error` and `Responder` for one of
/// this crate's error types, moving the error into the answer.
macro_rules! answers {
    ($($ty:ty),*) => {$(
        impl From<$ty> for actix_web::Error {
            fn from(err: $ty) -> actix_web::Error {
                carrying_error(Carried::owned(err))
            }
        }

        impl Responder for $ty {
            type Body = BoxBody;

            fn respond_to(self, _: &HttpRequest) -> HttpResponse {
                carrying_response(&Carried::owned(self))
            }
        }
    )*};
}

answers!(ApiErrors, FieldError, Rejection);
