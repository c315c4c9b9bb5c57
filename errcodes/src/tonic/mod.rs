//! gRPC answers from the same declaration (feature `tonic`): every derived
//! type, [`ApiErrors`](crate::ApiErrors) and [`FieldError`](crate::FieldError)
//! convert into a [`tonic::Status`] with
//!
//! * the canonical code of its status by `code.proto` (a 404 is
//!   `NOT_FOUND`, a 422 `INVALID_ARGUMENT`), or the variant's own
//!   `#[api(rpc_code = "FAILED_PRECONDITION")]`;
//! * the detail as the message, redacted as over HTTP (a 5xx says only its
//!   generic text, never its source's);
//! * `grpc-status-details-bin`: the `google.rpc.Status` with Google's
//!   standard details, as [`rpc`](mod@crate::rpc) describes them (`ErrorInfo`
//!   with the code as `reason`, `BadRequest` field violations, `RetryInfo`,
//!   `LocalizedMessage`, `Help`), readable with tonic-types'
//!   `StatusExt::get_error_details`. Never a `DebugInfo`.
//!
//! ```
//! use errcodes::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(domain = "orders.example.com")]
//! enum OrderError {
//!     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
//!     NotFound { id: u64 },
//!     #[api(status = 500)]
//!     Database(String),
//! }
//!
//! // In a tonic handler: `Err(OrderError::NotFound { id })?`.
//! let status = tonic::Status::from(OrderError::NotFound { id: 42 });
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "No order 42 exists.");
//! assert!(!status.details().is_empty());
//! let internal = tonic::Status::from(OrderError::Database("password=hunter2".into()));
//! assert_eq!(internal.code(), tonic::Code::Internal);
//! assert!(!internal.message().contains("hunter2"));
//! ```
//!
//! Under [`ErrorLayer`] (a tower layer for the tonic server), each status
//! is answered again with the request's context: its correlation id (in
//! the response's `x-request-id` and the `ErrorInfo`), the language
//! `accept-language` asked for, panics as `INTERNAL`, and a 5xx-class
//! status from outside errcodes without its message.

mod layer;

use std::sync::Arc;

pub use layer::{ErrorFuture, ErrorLayer, ErrorService};

use crate::carried::Snapshot;
use crate::error::ApiError;
use crate::rpc;

/// `err` as a [`tonic::Status`]; see the [module
/// docs](self). The status carries a copy of the error (as its source),
/// which [`ErrorLayer`] answers again with the request's context.
///
/// ```
/// use errcodes::{ApiErrors, FieldError};
///
/// let errors = ApiErrors::from_errors([FieldError::new("email", "invalid", "Not an address.")]).unwrap();
/// let status = errcodes::tonic::status(&errors);
/// assert_eq!(status.code(), tonic::Code::InvalidArgument);
/// ```
#[must_use]
pub fn status<E: ApiError + ?Sized>(err: &E) -> ::tonic::Status {
    let mut status = to_tonic(rpc::Status::of(err));
    status.set_source(Arc::new(Traveling(Snapshot::of(err))));
    status
}

/// An errcodes status as tonic's (its details moved, not copied).
pub(crate) fn to_tonic(status: rpc::Status) -> ::tonic::Status {
    let (code, message, details) = status.into_parts();
    ::tonic::Status::with_details(
        ::tonic::Code::from_i32(code.number()),
        message,
        bytes::Bytes::from(details),
    )
}

/// The error a [`tonic::Status`] made by [`status`]
/// carries as its source, for the layer to answer again.
pub(crate) struct Traveling(pub(crate) Snapshot);

impl core::fmt::Debug for Traveling {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Traveling").field(&self.0.code()).finish()
    }
}

impl core::fmt::Display for Traveling {
    /// The code: a source's text reaches logs, never clients, and this one
    /// says which error it was.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "errcodes error `{}`", self.0.code())
    }
}

impl std::error::Error for Traveling {}

impl From<crate::ApiErrors> for ::tonic::Status {
    /// A collection as one `INVALID_ARGUMENT` (or its status's code) with
    /// a `BadRequest` field violation per error.
    fn from(errors: crate::ApiErrors) -> ::tonic::Status {
        status(&errors)
    }
}

impl From<crate::FieldError> for ::tonic::Status {
    /// One field error, with its field violation.
    fn from(err: crate::FieldError) -> ::tonic::Status {
        status(&err)
    }
}

/// A [`tonic::Status`] as a client receives it (feature
/// `client`): the code from its `ErrorInfo`'s `reason`, the meta from its
/// metadata, field violations as entries, the retry delay, and its
/// response metadata as headers (`x-request-id`). Its status is the one
/// `code.proto` gives the gRPC code ([`Code::http_status`](crate::rpc::Code::http_status)).
///
/// ```
/// # use errcodes::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
/// struct NotFound { #[api(meta)] id: u64 }
///
/// let received = errcodes::tonic::received(&tonic::Status::from(NotFound { id: 7 }));
/// assert!(received.is_code("order_not_found"));
/// assert_eq!(received.status(), 404);
/// assert_eq!(received.meta("id"), Some(&serde_json::json!("7")));
/// ```
#[cfg(feature = "client")]
#[must_use]
pub fn received(status: &::tonic::Status) -> crate::ReceivedError {
    use crate::rpc::Code;
    let code = Code::from_number(status.code() as i32).unwrap_or(Code::Unknown);
    let http = code.http_status();
    let document = rpc::proto::status_json(status.details(), http.as_u16())
        .filter(|_| !status.details().is_empty())
        .unwrap_or_else(|| {
            serde_json::json!({"error": {
                "code": http.as_u16(),
                "message": status.message(),
                "status": code.name(),
            }})
        });
    let mut received = crate::envelope::aip193::decode(http, &document)
        .and_then(|all| all.into_iter().next())
        .unwrap_or_else(|| crate::ReceivedError::new(http));
    received.headers = status.metadata().clone().into_headers();
    received.rpc = Some(code);
    received
}

/// A [`tonic::Status`] decoded into the variant of `T`
/// that answered it, with its fields (feature `client`); else
/// [`Decoded::Unknown`](crate::client::Decoded::Unknown), as for HTTP
/// answers. The variant is found by its code (the `ErrorInfo`'s `reason`)
/// and its canonical code, so a 422 that travelled as `INVALID_ARGUMENT`
/// comes back as itself.
///
/// ```
/// # use errcodes::ApiError;
/// use errcodes::client::Decoded;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// enum OrderError {
///     #[api(status = 422, code = "too_many", detail = "At most {max} items.")]
///     TooMany { max: u32 },
/// }
///
/// let status = tonic::Status::from(OrderError::TooMany { max: 10 });
/// assert_eq!(status.code(), tonic::Code::InvalidArgument);
/// assert_eq!(errcodes::tonic::decode::<OrderError>(&status), Decoded::Known(OrderError::TooMany { max: 10 }));
/// ```
#[cfg(feature = "client")]
#[must_use]
pub fn decode<T: crate::client::Decode>(status: &::tonic::Status) -> crate::client::Decoded<T> {
    let received = received(status);
    match T::from_received(&received) {
        Some(known) => crate::client::Decoded::Known(known),
        None => crate::client::Decoded::Unknown(received),
    }
}
