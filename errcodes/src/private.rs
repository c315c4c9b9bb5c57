//! What generated code needs. Not public API: nothing here follows semver.

pub use core::fmt::{Formatter, Result as FmtResult};
pub use core::option::Option::{self, None, Some};
pub use http::{HeaderName, StatusCode};
pub use serde::Serialize;

pub use crate::envelope::Envelope;
pub use crate::error::{ApiError, HeaderVisitor, Location, MetaValue, MetaVisitor};

/// A status code from a number the derive has already checked (400..=599),
/// evaluated in a `const` block.
#[must_use]
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        // Unreachable: the derive only emits 400..=599. In a const block this
        // would be a compile error, never a run-time panic.
        Err(_) => panic!("errcodes: status out of range"),
    }
}

/// A meta field as a trait object. The bound is spelled here, and the call is
/// spanned at the field, so a field that is not `Serialize` is reported
/// there.
#[must_use]
pub fn meta_value<T: serde::Serialize>(value: &T) -> &dyn MetaValue {
    value
}

/// A header field as a trait object; reported at the field when its type is
/// not `Display`.
#[must_use]
pub fn header_value<T: core::fmt::Display>(value: &T) -> &dyn core::fmt::Display {
    value
}

/// A runtime `#[api(attr)]` field as the request member's name; reported at
/// the field when its type is not string-like.
#[must_use]
pub fn attr_name<T: AsRef<str> + ?Sized>(value: &T) -> &str {
    value.as_ref()
}

/// The inner error of a `transparent` variant; reported at the field when
/// its type does not implement `ApiError`.
#[must_use]
pub fn transparent<T: ApiError>(inner: &T) -> &T {
    inner
}

/// An `#[api(source)]` field as `&dyn Error`: implemented for every error
/// type and, through auto-deref, for boxed trait objects.
pub trait AsDynError {
    /// The field as a trait object.
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static);
}

impl<T: std::error::Error + 'static> AsDynError for T {
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsDynError for dyn std::error::Error + 'static {
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsDynError for dyn std::error::Error + Send + Sync + 'static {
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}
