//! One declaration, every RPC protocol: an error as a `google.rpc.Status`
//! (its canonical [`Code`], its message and its standard details), the
//! model gRPC, Connect and AIP-193 share.
//!
//! The content is AIP-193's, written by the one writer of that envelope:
//! the message with the same redaction as every HTTP answer (a 5xx says
//! only its generic text), one `ErrorInfo` (the code as `reason`, the
//! `domain`, the meta members as `metadata`), a `BadRequest` with a field
//! violation per member error, a `RetryInfo` from `Retry-After`, a
//! `LocalizedMessage` when the answer is localized, and a `Help` link to
//! the code's type URI when the type has a `type_base`. Never a
//! `DebugInfo`.
//!
//! ```
//! use errcodes::ApiError;
//! use errcodes::rpc::{Code, Status};
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://errors.example.com/", domain = "orders.example.com")]
//! enum OrderError {
//!     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
//!     NotFound { id: u64 },
//!     #[api(status = 422, code = "out_of_stock", rpc_code = "FAILED_PRECONDITION", detail = "Sold out.")]
//!     OutOfStock,
//!     #[api(status = 500)]
//!     Database(String),
//! }
//!
//! let status = Status::of(&OrderError::NotFound { id: 42 });
//! assert_eq!(status.code(), Code::NotFound);
//! assert_eq!(status.message(), "No order 42 exists.");
//! assert_eq!(Status::of(&OrderError::OutOfStock).code(), Code::FailedPrecondition);
//! // A 5xx never says more over RPC than over HTTP.
//! let internal = Status::of(&OrderError::Database("db-1 password=hunter2".into()));
//! assert_eq!(internal.code(), Code::Internal);
//! assert!(!internal.message().contains("hunter2"));
//! ```

pub(crate) mod base64;
pub(crate) mod code;
pub(crate) mod proto;

use serde_json::Value;

pub use code::Code;

use crate::envelope::aip193::document;
use crate::error::ApiError;

/// An error as a `google.rpc.Status`: its [`Code`], its message, and the
/// binary encoding of the whole status with its details (what gRPC sends
/// as `grpc-status-details-bin`, and what `tonic::Status::details` holds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    code: Code,
    message: String,
    details: Vec<u8>,
}

impl Status {
    /// `err` as a status: see the [module docs](self) for what it holds.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    /// use errcodes::rpc::{Code, Status};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("email", "invalid", "Not an address.")]).unwrap();
    /// let status = Status::of(&errors);
    /// assert_eq!(status.code(), Code::InvalidArgument);
    /// assert!(!status.details().is_empty());
    /// ```
    #[must_use]
    pub fn of<E: ApiError + ?Sized>(err: &E) -> Status {
        Status::from_document(&document(err))
    }

    /// The code, message and binary details, moved out.
    #[cfg(feature = "tonic")]
    pub(crate) fn into_parts(self) -> (Code, String, Vec<u8>) {
        (self.code, self.message, self.details)
    }

    fn from_document(document: &Value) -> Status {
        let error = &document["error"];
        Status {
            code: Code::from_name(error["status"].as_str().unwrap_or_default())
                .unwrap_or(Code::Unknown),
            message: error["message"].as_str().unwrap_or_default().to_owned(),
            details: proto::status(document),
        }
    }

    /// The canonical code.
    ///
    /// ```
    /// # use errcodes::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 429, detail = "Slow down.")]
    /// struct Throttled;
    /// assert_eq!(errcodes::rpc::Status::of(&Throttled).code(), errcodes::rpc::Code::ResourceExhausted);
    /// ```
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// The message: the detail as HTTP answers would give it, in the
    /// fallback language (a localized one is in a `LocalizedMessage`).
    ///
    /// ```
    /// # use errcodes::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 429, detail = "Slow down.")]
    /// struct Throttled;
    /// assert_eq!(errcodes::rpc::Status::of(&Throttled).message(), "Slow down.");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The binary `google.rpc.Status` with its details.
    ///
    /// ```
    /// # use errcodes::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 429, detail = "Slow down.")]
    /// struct Throttled;
    /// let details = errcodes::rpc::Status::of(&Throttled).details().to_vec();
    /// assert_eq!(&details[..2], [0x08, 8]); // field 1 (code) = 8, RESOURCE_EXHAUSTED
    /// ```
    #[must_use]
    pub fn details(&self) -> &[u8] {
        &self.details
    }
}
