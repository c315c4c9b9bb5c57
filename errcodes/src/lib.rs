//! Declare your API errors once; answer every failed request correctly.
#![deny(missing_docs)]
#![warn(clippy::pedantic)]

mod envelope;
mod error;
mod json;
mod render;
mod response;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::envelope::{Envelope, UnknownEnvelope};
pub use crate::error::{ApiError, Detail, HeaderVisitor, Location, MetaValue, MetaVisitor};

/// Derives [`ApiError`]; see the [crate docs](crate) for the attributes.
pub use errcodes_derive::ApiError;
