//! What is done with an error's description: a [`Format`] writes it, a
//! [`FormatDecode`] reads it back, a [`FormatSchema`] describes it; an
//! [`Envelope`] names a format, and an [`ErrorList`] is a collection as a
//! format reads it.
//!
//! Writing, reading and describing are three traits, as serde keeps
//! `Deserializer` apart from `Serializer`; a format that also reads or
//! describes says so with [`Format::decoder`] and [`Format::schema`].

use core::fmt;
use core::hash::{Hash, Hasher};

use http::StatusCode;

use crate::error::ApiError;
use crate::received::Received;
use crate::schema::SchemaInput;

/// How a response body is written: one error, and a collection of many.
///
/// Each built-in [`Envelope`] is one `Format`; implement it for an API whose
/// documented error shape is none of them, and use it like a built-in:
/// `#[api(envelope = MyFormat)]` on a type, or [`Envelope::custom`] at run
/// time. A format reads errors only through [`ApiError`]; the [`json`](crate::json)
/// module has the small writer the built-ins use, and [`Detail`](crate::Detail)
/// the detail a client may see.
///
/// A format's methods are the engine's hooks: render through
/// [`ApiErrorExt`](crate::ApiErrorExt) or [`Envelope::write`], which pick
/// [`write_errors`](Format::write_errors) for a collection.
///
/// ```
/// use errcodes::prelude::*;
/// use errcodes::{json, Detail, ErrorList, Format};
///
/// /// `{"error": "<code>", "message": "<detail>"}`, many as a list.
/// struct Terse;
///
/// impl Terse {
///     fn object(err: &dyn ApiError, out: &mut Vec<u8>) {
///         out.extend_from_slice(b"{\"error\":");
///         json::string(out, err.code());
///         out.extend_from_slice(b",\"message\":");
///         json::display(out, &Detail::new(err));
///         out.push(b'}');
///     }
/// }
///
/// impl Format for Terse {
///     fn name(&self) -> &str { "terse" }
///     fn media_type(&self) -> &str { "application/json" }
///     fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
///         Terse::object(err, out);
///     }
///     fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
///         out.push(b'[');
///         for (i, err) in errors.iter().enumerate() {
///             if i > 0 { out.push(b','); }
///             Terse::object(err, out);
///         }
///         out.push(b']');
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = Terse, status = 404, detail = "No order {0}.")]
/// struct OrderNotFound(u64);
///
/// assert_eq!(OrderNotFound(7).settings().envelope, Envelope::custom(&Terse));
/// assert_eq!(OrderNotFound(7).to_response().into_body(), br#"{"error":"order_not_found","message":"No order 7."}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error format",
    label = "`{Self}` does not implement `errcodes::Format`",
    note = "implement `errcodes::Format` for it (a name, a media type, and how it writes one error and a collection), or name a built-in envelope: `envelope = \"jsonapi\"`"
)]
pub trait Format: Sync {
    /// The format's name, such as `jsonapi`: what [`Envelope`]s are compared
    /// by and what `Envelope`'s `FromStr` knows the built-ins by. Give your
    /// format a name no other format has.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Drf.format().name(), "drf");
    /// ```
    fn name(&self) -> &str;

    /// The `Content-Type` of the bodies it writes, such as
    /// `application/problem+json`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Problem.format().media_type(), "application/problem+json");
    /// ```
    fn media_type(&self) -> &str;

    /// Appends one error's document to `out`.
    ///
    /// ```
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 401, detail = "Unauthenticated.")]
    /// struct Unauthenticated;
    ///
    /// let mut out = Vec::new();
    /// Envelope::Laravel.format().write_error(&Unauthenticated, &mut out);
    /// assert_eq!(out, br#"{"message":"Unauthenticated."}"#);
    /// ```
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>);

    /// Appends a collection's document to `out`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// let mut out = Vec::new();
    /// Envelope::Laravel.format().write_errors(errors.errors().unwrap(), &mut out);
    /// assert_eq!(out, br#"{"message":"Required.","errors":{"name":["Required."]}}"#);
    /// ```
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>);

    /// The format's reader, when it can read its own documents back (the
    /// `client` module uses it): `Some(self)` from a format that also
    /// implements [`FormatDecode`].
    ///
    /// ```
    /// assert!(errcodes::Envelope::JsonApi.format().decoder().is_some());
    /// ```
    fn decoder(&self) -> Option<&dyn FormatDecode> {
        None
    }

    /// The format's describer, when it can give the JSON Schema of its
    /// documents (the `openapi` module uses it): `Some(self)` from a format
    /// that also implements [`FormatSchema`].
    ///
    /// ```
    /// assert!(errcodes::Envelope::JsonApi.format().schema().is_some());
    /// ```
    fn schema(&self) -> Option<&dyn FormatSchema> {
        None
    }
}

/// Reads a [`Format`]'s documents back, one [`Received`] per error object
/// (a format whose single error holds entries, such as Problem Details'
/// `errors`, may return one with [`Received::entries`]).
///
/// ```
/// use errcodes::{Format, FormatDecode};
/// use http::StatusCode;
///
/// let decoder = errcodes::Envelope::Laravel.format().decoder().unwrap();
/// let read = decoder.decode(StatusCode::UNAUTHORIZED, br#"{"message":"Unauthenticated."}"#).unwrap();
/// assert_eq!(read[0].detail(), Some("Unauthenticated."));
/// ```
pub trait FormatDecode: Sync {
    /// The errors in `body`, answered with `status`; `None` when the body
    /// is not one of this format's documents.
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<Received>>;
}

/// Describes a [`Format`]'s documents as JSON Schema (2020-12, as OpenAPI
/// 3.1 uses it).
///
/// ```
/// use errcodes::{Format, FormatSchema, SchemaInput};
///
/// let schema = errcodes::Envelope::Problem.format().schema().unwrap();
/// let described = schema.json_schema(&SchemaInput::new(&[404]));
/// assert_eq!(described["properties"]["status"]["enum"], serde_json::json!([404]));
/// ```
pub trait FormatSchema: Sync {
    /// The schema of the documents of errors answering `input`'s statuses
    /// with its codes and meta members.
    fn json_schema(&self, input: &SchemaInput<'_>) -> serde_json::Value;
}

/// The error format a response is written in: a small `Copy` value naming a
/// [`Format`].
///
/// The built-ins are constants (`Envelope::JsonApi`, `Envelope::Problem`,
/// ...; see [`Envelope::ALL`]); [`Envelope::custom`] names a format of your
/// own. A type picks its default with `#[api(envelope = ...)]`, and any
/// error can be rendered in another envelope at run time, for example one
/// chosen by API version. Two envelopes are equal when their formats have
/// the same name.
///
/// ```
/// use errcodes::Envelope;
///
/// let envelope: Envelope = "jsonapi".parse().unwrap();
/// assert_eq!(envelope, Envelope::JsonApi);
/// assert_eq!(envelope.media_type(), "application/vnd.api+json");
/// assert_eq!(Envelope::default(), Envelope::Problem);
/// ```
#[derive(Clone, Copy)]
pub struct Envelope(pub(crate) Repr);

/// A built-in envelope, by name, or a format of the user's.
#[derive(Clone, Copy)]
pub(crate) enum Repr {
    Builtin(Builtin),
    Custom(&'static dyn Format),
}

/// The built-in envelopes; `envelope/` has one module each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    JsonApi,
    Problem,
    Laravel,
    Drf,
    ShipStream,
    Aip193,
}

impl Envelope {
    /// The envelope of a format of your own, for use at run time (the
    /// derive's `#[api(envelope = MyFormat)]` builds the same).
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, ErrorList, Format};
    ///
    /// struct Empty;
    /// impl Format for Empty {
    ///     fn name(&self) -> &str { "empty" }
    ///     fn media_type(&self) -> &str { "application/json" }
    ///     fn write_error(&self, _: &dyn ApiError, out: &mut Vec<u8>) { out.extend_from_slice(b"{}"); }
    ///     fn write_errors(&self, _: ErrorList<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}"); }
    /// }
    ///
    /// assert_eq!(Envelope::custom(&Empty).name(), "empty");
    /// ```
    #[must_use]
    pub const fn custom(format: &'static dyn Format) -> Envelope {
        Envelope(Repr::Custom(format))
    }

    pub(crate) const fn builtin(builtin: Builtin) -> Envelope {
        Envelope(Repr::Builtin(builtin))
    }

    /// The format's name, such as `jsonapi`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::ShipStream.name(), "shipstream");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.format().name()
    }

    /// The `Content-Type` of the bodies this envelope writes.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Problem.media_type(), "application/problem+json");
    /// ```
    #[must_use]
    pub fn media_type(self) -> &'static str {
        self.format().media_type()
    }
}

impl PartialEq for Envelope {
    fn eq(&self, other: &Envelope) -> bool {
        match (self.0, other.0) {
            (Repr::Builtin(a), Repr::Builtin(b)) => a == b,
            _ => self.name() == other.name(),
        }
    }
}

impl Eq for Envelope {}

impl Hash for Envelope {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for Envelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Envelope").field(&self.name()).finish()
    }
}

impl fmt::Display for Envelope {
    /// The format's name.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Laravel.to_string(), "laravel");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A collection of errors as a [`Format`] reads it: the document as a whole
/// (status, code, title, detail, and its [`Settings`](crate::Settings)) and
/// the errors in the order they were added, never none.
///
/// ```
/// use errcodes::{ApiError, ApiErrors, FieldError};
///
/// let errors = ApiErrors::from_errors([
///     FieldError::new("email", "invalid", "Enter a valid email address."),
///     FieldError::new("name", "required", "This field is required."),
/// ])
/// .unwrap();
/// let list = errors.errors().unwrap();
/// assert_eq!(list.whole().status(), 422);
/// assert_eq!(list.iter().map(|e| e.code()).collect::<Vec<_>>(), ["invalid", "required"]);
/// assert_eq!(list.whole().settings().non_field_key, "non_field_errors");
/// ```
#[derive(Clone, Copy)]
pub struct ErrorList<'a> {
    whole: &'a dyn ApiError,
    items: &'a [Box<dyn ApiError + Send + Sync>],
}

impl<'a> ErrorList<'a> {
    /// A list of `items` standing for `whole`.
    pub(crate) fn new(
        whole: &'a dyn ApiError,
        items: &'a [Box<dyn ApiError + Send + Sync>],
    ) -> Self {
        ErrorList { whole, items }
    }

    /// The document as a whole: its status, code, title, detail, headers
    /// and settings.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().whole().code(), "validation_failed");
    /// ```
    #[must_use]
    pub fn whole(&self) -> &'a dyn ApiError {
        self.whole
    }

    /// The errors, in the order they were added.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().iter().count(), 1);
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a dyn ApiError> + 'a {
        self.items.iter().map(|b| &**b as &dyn ApiError)
    }

    /// The same errors, standing for `whole` (a wrapper: a transparent
    /// variant, a request context), whose settings then apply.
    pub(crate) fn under(self, whole: &'a dyn ApiError) -> ErrorList<'a> {
        ErrorList { whole, ..self }
    }

    /// The error at `index`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().get(0).unwrap().code(), "required");
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&'a dyn ApiError> {
        self.items.get(index).map(|b| &**b as &dyn ApiError)
    }

    /// How many errors there are (at least one).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Always `false`: a collection holds at least one error.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert!(!errors.errors().unwrap().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
