//! [`FieldError`]: a plain "member + code + message" entry for checks that
//! have no enum variant of their own.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

use crate::error::ApiError;
use crate::location::{Location, OwnedLocation, write_member};
use crate::path::FieldPath;

/// A plain validation entry, "field + code + message", for checks that have
/// no enum variant of their own.
///
/// Its status is 422 unless set with [`with_status`](Self::with_status); its
/// title is the status's reason phrase.
///
/// ```
/// use errcodes::ApiErrorExt as _;
/// use errcodes::{ApiError, Envelope, FieldError, FieldPath};
///
/// let err = FieldError::new("items.0.sku", "required", "This field is required.");
/// assert_eq!(err.status(), 422);
/// assert_eq!(
///     err.render_to_vec(Envelope::Drf),
///     br#"{"type":"validation_error","errors":[{"code":"required","detail":"This field is required.","attr":"items.0.sku"}]}"#
/// );
///
/// // A member name that itself contains a dot: build the path from segments.
/// let path = FieldPath::new().key("prices").key("1.5kg");
/// let err = FieldError::new(path, "invalid", "Not a price.").with_status(http::StatusCode::BAD_REQUEST);
/// assert_eq!(err.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"], "/data/attributes/prices/1.5kg");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    location: OwnedLocation,
    code: Cow<'static, str>,
    detail: Cow<'static, str>,
    status: StatusCode,
    /// The message of errcodes' own catalogs the detail is the English of
    /// (a validator rule's default message), with its arguments.
    #[cfg(feature = "fluent")]
    rule: Option<Box<RuleMessage>>,
    /// The validation rule it reports, for the answering layer's profile.
    #[cfg(feature = "validator")]
    validation: Option<crate::error::Rule>,
}

/// A detail that errcodes' own catalogs can say in other languages: the
/// message id and its arguments.
#[cfg(feature = "fluent")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RuleMessage {
    pub(crate) id: &'static str,
    pub(crate) args: Vec<(&'static str, RuleArg)>,
}

/// One argument of a [`RuleMessage`].
#[cfg(feature = "fluent")]
#[cfg_attr(not(feature = "validator"), allow(dead_code))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RuleArg {
    Number(serde_json::Number),
    Text(String),
}

impl FieldError {
    /// An error about the request member at `path`: a dotted path such as
    /// `items.0.sku` (a `&str` or `String`), or a [`FieldPath`] built from
    /// segments (for member names that contain `.`).
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError, FieldPath, Location};
    ///
    /// let dotted = FieldError::new("items.0.sku", "required", "SKU is required.");
    /// assert_eq!(dotted.location(), Some(Location::Field("items.0.sku")));
    /// let built = FieldError::new(FieldPath::new().key("items").index(0), "invalid", "Bad item.");
    /// assert!(matches!(built.location(), Some(Location::FieldPath(_))));
    /// ```
    pub fn new(
        path: impl Into<AnyFieldPath>,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        let location = match path.into().0 {
            PathRepr::Dotted(dotted) => OwnedLocation::Dotted(dotted),
            PathRepr::Segments(path) => OwnedLocation::Path(path),
        };
        FieldError::at(location, code, detail)
    }

    /// An object-level error, about the request as a whole (drf's
    /// `non_field_errors`).
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, Envelope, FieldError};
    ///
    /// let err = FieldError::non_field("invalid", "Delivery date must be after order date.");
    /// assert_eq!(err.to_json_value(Envelope::Drf)["errors"][0]["attr"], "non_field_errors");
    /// ```
    pub fn non_field(
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError::at(OwnedLocation::NonField, code, detail)
    }

    /// An error about the query parameter `name`.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, Envelope, FieldError};
    ///
    /// let err = FieldError::parameter("limit", "out_of_range", "Must be between 1 and 100.");
    /// assert_eq!(err.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["parameter"], "limit");
    /// ```
    pub fn parameter(
        name: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError::at(OwnedLocation::Parameter(name.into()), code, detail)
    }

    /// An error about the request header `name`.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, Envelope, FieldError};
    ///
    /// let err = FieldError::header("X-Api-Key", "invalid", "Unknown key.");
    /// assert_eq!(err.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["header"], "X-Api-Key");
    /// ```
    pub fn header(
        name: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError::at(OwnedLocation::Header(name.into()), code, detail)
    }

    fn at(
        location: OwnedLocation,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError {
            location,
            code: code.into(),
            detail: detail.into(),
            status: StatusCode::UNPROCESSABLE_ENTITY,
            #[cfg(feature = "fluent")]
            rule: None,
            #[cfg(feature = "validator")]
            validation: None,
        }
    }

    /// The same entry, reporting the validation `rule` (its code is the
    /// rule's name), which the answering layer's profile maps.
    #[cfg(feature = "validator")]
    pub(crate) fn reporting(mut self, rule: crate::error::Rule) -> Self {
        self.validation = Some(rule);
        self
    }

    /// The same entry, its detail being the English of `rule` in
    /// errcodes' own catalogs.
    #[cfg(all(feature = "fluent", feature = "validator"))]
    pub(crate) fn with_rule(mut self, rule: RuleMessage) -> Self {
        self.rule = Some(Box::new(rule));
        self
    }

    /// The same entry with another status. A status that is not 4xx or 5xx
    /// is not an error status and leaves the entry unchanged.
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError};
    /// use http::StatusCode;
    ///
    /// let err = FieldError::new("email", "invalid", "Enter a valid email address.");
    /// assert_eq!(err.clone().with_status(StatusCode::BAD_REQUEST).status(), 400);
    /// assert_eq!(err.with_status(StatusCode::OK).status(), 422);
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        if status.is_client_error() || status.is_server_error() {
            self.status = status;
        }
        self
    }
}

impl ApiError for FieldError {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        &self.code
    }
    fn title(&self) -> &str {
        reason(self.status)
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
    fn detail_str(&self) -> Option<&str> {
        Some(&self.detail)
    }
    #[cfg(feature = "validator")]
    fn settings(&self) -> crate::error::Settings<'_> {
        let settings = crate::error::Settings::new();
        match self.validation {
            Some(rule) => settings.rule(rule),
            None => settings,
        }
    }
    fn location(&self) -> Option<Location<'_>> {
        Some(self.location.as_location())
    }
    /// A validation rule's message comes from errcodes' own catalogs; an
    /// app's own field error from a profile's
    /// ([`Profile::catalogs`](crate::Profile::catalogs)), by its code.
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        let rule = self.rule.as_ref()?;
        Some(crate::l10n::Message::new(&crate::l10n::OWN, rule.id, self))
    }
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for FieldError {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        use crate::l10n::Arg;
        for &(name, ref arg) in self.rule.iter().flat_map(|rule| &rule.args) {
            match arg {
                RuleArg::Number(n) => {
                    let arg = match (n.as_u64(), n.as_i64()) {
                        (Some(n), _) => Arg::Unsigned(n.into()),
                        (None, Some(n)) => Arg::Signed(n.into()),
                        (None, None) => Arg::Number(n.as_f64().unwrap_or(f64::NAN)),
                    };
                    visitor.visit(name, arg);
                }
                RuleArg::Text(text) => visitor.visit(name, Arg::Text(text)),
            }
        }
    }
}

impl fmt::Display for FieldError {
    /// The detail, prefixed with the member it is about.
    ///
    /// ```
    /// use errcodes::FieldError;
    ///
    /// let err = FieldError::new("items.0.sku", "required", "SKU is required.");
    /// assert_eq!(err.to_string(), "items.0.sku: SKU is required.");
    /// assert_eq!(FieldError::non_field("invalid", "Dates out of order.").to_string(), "Dates out of order.");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_member(f, Some(self.location.as_location()))?;
        f.write_str(&self.detail)
    }
}

impl std::error::Error for FieldError {}

/// The path argument of [`FieldError::new`]: a dotted path (`&str`,
/// `String`) or a [`FieldPath`].
///
/// ```
/// use errcodes::{FieldPath, AnyFieldPath};
///
/// let _: AnyFieldPath = "items.0.sku".into();
/// let _: AnyFieldPath = String::from("email").into();
/// let _: AnyFieldPath = FieldPath::new().key("a.b").into();
/// ```
#[derive(Clone, Debug)]
pub struct AnyFieldPath(PathRepr);

#[derive(Clone, Debug)]
enum PathRepr {
    Dotted(String),
    Segments(FieldPath),
}

impl From<&str> for AnyFieldPath {
    fn from(dotted: &str) -> Self {
        AnyFieldPath(PathRepr::Dotted(dotted.to_owned()))
    }
}

impl From<String> for AnyFieldPath {
    fn from(dotted: String) -> Self {
        AnyFieldPath(PathRepr::Dotted(dotted))
    }
}

impl From<FieldPath> for AnyFieldPath {
    fn from(path: FieldPath) -> Self {
        AnyFieldPath(PathRepr::Segments(path))
    }
}

/// The reason phrase of a status, or a class name for one without.
pub(crate) fn reason(status: StatusCode) -> &'static str {
    match status.canonical_reason() {
        Some(reason) => reason,
        None if status.is_server_error() => "Server Error",
        None => "Client Error",
    }
}
