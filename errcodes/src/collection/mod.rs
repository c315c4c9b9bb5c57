//! Many errors in one response: a non-empty [`ApiErrors`], gathered with an
//! [`ApiErrorsBuilder`] from derived errors, trait objects and plain
//! [`FieldError`] entries.

mod builder;
mod errors;
mod field;

pub use self::builder::ApiErrorsBuilder;
pub use self::errors::ApiErrors;
pub use self::field::{AnyFieldPath, FieldError};
#[cfg(all(feature = "fluent", feature = "validator"))]
pub(crate) use self::field::{RuleArg, RuleMessage};
