//! Where in the request an error is: [`Location`], and its owned form for
//! errors kept in collections.

use core::fmt;

use crate::path::FieldPath;

/// drf's `NON_FIELD_ERRORS_KEY`: the default key of object-level errors in
/// the dotted envelopes (Laravel, drf, `ShipStream`).
pub(crate) const NON_FIELD_KEY: &str = "non_field_errors";

/// The JSON:API `source.pointer` prefix of member errors unless set.
pub const DEFAULT_POINTER_PREFIX: &str = "/data/attributes";

/// Where in the request an error is.
///
/// Each envelope writes it its own way: see the [crate docs](crate#locations).
///
/// ```
/// use errcodes::{ApiError, Location};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 422, attr = "email", detail = "Enter a valid email address.")]
/// struct BadEmail;
///
/// assert_eq!(BadEmail.location(), Some(Location::Field("email")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location<'a> {
    /// A member of the request body, as a dotted path such as `items.0.sku`.
    Field(&'a str),
    /// An explicit JSON Pointer into the request document, such as `/data/id`.
    Pointer(&'a str),
    /// A query parameter, such as `page`.
    Parameter(&'a str),
    /// A request header, such as `X-Api-Key`.
    Header(&'a str),
    /// A member of the request body, as a [`FieldPath`] of segments (for
    /// names that contain `.`, or paths built at run time).
    FieldPath(&'a FieldPath),
    /// The request as a whole (an object-level validation error, such as
    /// "delivery date must be after order date"): drf's `non_field_errors`.
    NonField,
}

/// An owned [`Location`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OwnedLocation {
    /// A dotted path as given, such as `items.0.sku` (rendered as written,
    /// with no re-joining of segments).
    Dotted(String),
    Path(FieldPath),
    Pointer(String),
    Parameter(String),
    Header(String),
    NonField,
}

impl OwnedLocation {
    pub(crate) fn of(location: Location<'_>) -> OwnedLocation {
        match location {
            Location::Field(dotted) => OwnedLocation::Dotted(dotted.to_owned()),
            Location::FieldPath(path) => OwnedLocation::Path(path.clone()),
            Location::Pointer(pointer) => OwnedLocation::Pointer(pointer.to_owned()),
            Location::Parameter(name) => OwnedLocation::Parameter(name.to_owned()),
            Location::Header(name) => OwnedLocation::Header(name.to_owned()),
            Location::NonField => OwnedLocation::NonField,
        }
    }

    pub(crate) fn as_location(&self) -> Location<'_> {
        match self {
            OwnedLocation::Dotted(dotted) => Location::Field(dotted),
            OwnedLocation::Path(path) => Location::FieldPath(path),
            OwnedLocation::Pointer(pointer) => Location::Pointer(pointer),
            OwnedLocation::Parameter(name) => Location::Parameter(name),
            OwnedLocation::Header(name) => Location::Header(name),
            OwnedLocation::NonField => Location::NonField,
        }
    }
}

/// `member: ` before a message in `Display` output; nothing for an error
/// about the request as a whole.
pub(crate) fn write_member(
    f: &mut fmt::Formatter<'_>,
    location: Option<Location<'_>>,
) -> fmt::Result {
    match location {
        Some(
            Location::Field(name)
            | Location::Pointer(name)
            | Location::Parameter(name)
            | Location::Header(name),
        ) => write!(f, "{name}: "),
        Some(Location::FieldPath(path)) => write!(f, "{path}: "),
        Some(Location::NonField) | None => Ok(()),
    }
}
