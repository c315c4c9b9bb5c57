//! Typed decoding on the client: an error response of any built-in envelope
//! (or of a format of your own that reads its documents back, see
//! [`FormatDecode`](crate::FormatDecode)) read back into the error type
//! that declared it.
//!
//! With the `client` feature, `#[derive(ApiError)]` implements [`Decode`]
//! for the type: `MyError::from_response(status, content_type, body)`
//! matches the body's code (or, in envelopes without codes, its status and
//! detail template) to a variant and rebuilds the variant's fields: from
//! the detail text (the template parsed back), the meta members, the
//! response headers, or `Default`. A code no variant declares, or a variant
//! whose fields the body cannot give back (a source error, a field the body
//! never shows and that has no `Default`), decodes as
//! [`Decoded::Unknown`], carrying everything the body said; decoding never
//! panics.
//!
//! ```
//! # #[cfg(feature = "client")] fn main() {
//! use errcodes::ApiErrorExt as _;
//! use errcodes::client::{Decode, Decoded};
//! use errcodes::{ApiError, Envelope};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! enum SignupError {
//!     #[api(status = 409, code = "duplicate", detail = "user {email} already exists")]
//!     Duplicate { email: String },
//! }
//!
//! let body = SignupError::Duplicate { email: "bob@example.com".into() }.render_to_vec(Envelope::JsonApi);
//! let decoded = SignupError::from_response(409, Some("application/vnd.api+json"), &body).unwrap();
//! assert_eq!(decoded, Decoded::Known(SignupError::Duplicate { email: "bob@example.com".into() }));
//!
//! let other = br#"{"type":"about:blank","title":"Gone","status":410,"code":"archived"}"#;
//! let Decoded::Unknown(unknown) = SignupError::from_response(410, Some("application/problem+json"), other).unwrap() else {
//!     unreachable!()
//! };
//! assert_eq!(unknown.code(), Some("archived"));
//! # }
//! # #[cfg(not(feature = "client"))] fn main() {}
//! ```

use core::fmt;

use http::StatusCode;

use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;
use crate::error::Envelope;
use crate::error::Settings;
use crate::location::{DEFAULT_POINTER_PREFIX, NON_FIELD_KEY};
use crate::received::ReceivedError;
use crate::visit::{HeaderVisitor, MetaVisitor};

/// What a response decoded into: one of the type's own errors, or an error
/// it does not know.
///
/// ```
/// # #[cfg(feature = "client")] fn main() {
/// use errcodes::client::{Decode, Decoded};
/// use errcodes::ApiError;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
/// struct OrderNotFound {
///     id: u64,
/// }
///
/// let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No order 9.","code":"order_not_found"}"#;
/// match OrderNotFound::from_response(404, "application/problem+json", body).unwrap() {
///     Decoded::Known(err) => assert_eq!(err.id, 9),
///     Decoded::Unknown(other) => panic!("unexpected {:?}", other.code()),
/// }
/// # }
/// # #[cfg(not(feature = "client"))] fn main() {}
/// ```
// Not boxed: a `Box<ReceivedError>` would answer `code()` with `ApiError`'s
// (through `Box`'s impl) before `ReceivedError`'s own, a trap; one value per
// decoded response is no size worth that.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded<E> {
    /// A variant of the type, with its fields.
    Known(E),
    /// An error the type has no variant for (or whose fields the body does
    /// not give back), as the body stated it. It is an [`ApiError`] too, so
    /// it can be passed on as it came.
    Unknown(ReceivedError),
}

impl<E: ApiError> Decoded<E> {
    /// Whether the request may be sent again: a known variant as the type
    /// declares it (`retryable`, `throttled`, else AIP-194's default for its
    /// status); an unknown error as [`ReceivedError::is_retryable`] reads
    /// its answer.
    ///
    /// ```
    /// # #[cfg(feature = "client")] {
    /// use errcodes::client::Decoded;
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
    /// struct Throttled;
    ///
    /// assert!(Decoded::Known(Throttled).is_retryable());
    /// # }
    /// ```
    pub fn is_retryable(&self) -> bool {
        match self {
            Decoded::Known(err) => err.settings().effective_retry(err.status()).is_retryable(),
            Decoded::Unknown(received) => received.is_retryable(),
        }
    }

    /// How long to wait before retrying, when the answer said: a known
    /// variant's `Retry-After` header field, an unknown error's
    /// [`ReceivedError::retry_delay`].
    ///
    /// ```
    /// # #[cfg(feature = "client")] {
    /// use std::time::Duration;
    /// use errcodes::client::Decoded;
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
    /// struct Throttled {
    ///     #[api(header = "Retry-After")]
    ///     wait: Duration,
    /// }
    ///
    /// let decoded = Decoded::Known(Throttled { wait: Duration::from_secs(20) });
    /// assert_eq!(decoded.retry_delay(), Some(Duration::from_secs(20)));
    /// # }
    /// ```
    pub fn retry_delay(&self) -> Option<std::time::Duration> {
        match self {
            Decoded::Known(err) => {
                let mut seconds = None;
                err.visit_headers(
                    &mut |name: &http::HeaderName, value: &dyn core::fmt::Display| {
                        if *name == http::header::RETRY_AFTER {
                            seconds = crate::visit::delta_seconds(value);
                        }
                    },
                );
                seconds.map(std::time::Duration::from_secs)
            }
            Decoded::Unknown(received) => received.retry_delay(),
        }
    }
}

impl<E> Decoded<E> {
    /// The known error, if it is one.
    ///
    /// ```
    /// use errcodes::client::Decoded;
    /// assert_eq!(Decoded::Known(7).known(), Some(7));
    /// ```
    pub fn known(self) -> Option<E> {
        match self {
            Decoded::Known(err) => Some(err),
            Decoded::Unknown(_) => None,
        }
    }
}

/// Why a response could not be read as errors at all (a body of a known
/// envelope with an unknown code is [`Decoded::Unknown`], not this).
///
/// ```
/// use errcodes::client::{read, DecodeError};
/// use errcodes::Envelope;
///
/// let err = read(502, "text/html", "<h1>Bad Gateway</h1>", Envelope::Problem).unwrap_err();
/// assert!(matches!(err, DecodeError::NotJson(_)));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum DecodeError {
    /// The status is not an error status (4xx or 5xx).
    NotAnError(u16),
    /// The body is not JSON.
    NotJson(serde_json::Error),
    /// The body is JSON, but in no envelope errcodes can read.
    UnknownEnvelope,
    /// The body could not be read (a transport error, or over
    /// [`MAX_BODY`] bytes).
    Body(String),
}

impl fmt::Display for DecodeError {
    /// ```
    /// let err = errcodes::client::DecodeError::UnknownEnvelope;
    /// assert_eq!(err.to_string(), "the body is in no known error envelope");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotAnError(status) => write!(f, "status {status} is not an error"),
            DecodeError::NotJson(err) => write!(f, "the body is not JSON: {err}"),
            DecodeError::UnknownEnvelope => f.write_str("the body is in no known error envelope"),
            DecodeError::Body(why) => write!(f, "the body could not be read: {why}"),
        }
    }
}

mod transport;
pub use transport::MAX_BODY;
#[cfg(feature = "http-body")]
pub use transport::from_body;
#[cfg(feature = "reqwest")]
pub use transport::from_reqwest;

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::NotJson(err) => Some(err),
            _ => None,
        }
    }
}

/// A response's status as decoding takes it: a `u16` (integer literals
/// included) or an `http::StatusCode`.
///
/// ```
/// use errcodes::client::IntoStatus;
/// assert_eq!(404.into_status(), 404);
/// assert_eq!(http::StatusCode::GONE.into_status(), 410);
/// ```
pub trait IntoStatus {
    /// The status code.
    fn into_status(self) -> u16;
}

impl IntoStatus for u16 {
    fn into_status(self) -> u16 {
        self
    }
}

impl IntoStatus for StatusCode {
    fn into_status(self) -> u16 {
        self.as_u16()
    }
}

impl IntoStatus for &StatusCode {
    fn into_status(self) -> u16 {
        self.as_u16()
    }
}

/// Reads an error response into the errors it holds: by its
/// `Content-Type` (`application/problem+json`, `application/vnd.api+json`,
/// or the media type of `preferred`), else by the shape of the JSON, trying
/// `preferred` first and then every built-in envelope.
///
/// # Errors
///
/// A status that is not 4xx or 5xx, a body that is not JSON, or JSON in no
/// envelope errcodes can read.
///
/// ```
/// use errcodes::Envelope;
///
/// let body = br#"{"type":"client_error","errors":[{"code":"not_found","detail":"Not found.","attr":null}]}"#;
/// let errors = errcodes::client::read(404, Some("application/json"), body, Envelope::Problem).unwrap();
/// assert_eq!(errors[0].code(), Some("not_found"));
/// ```
pub fn read<'c>(
    status: impl IntoStatus,
    content_type: impl Into<Option<&'c str>>,
    body: impl AsRef<[u8]>,
    preferred: Envelope,
) -> Result<Vec<ReceivedError>, DecodeError> {
    let (status, content_type, body) = (status.into_status(), content_type.into(), body.as_ref());
    let status = StatusCode::from_u16(status)
        .ok()
        .filter(|s| s.is_client_error() || s.is_server_error())
        .ok_or(DecodeError::NotAnError(status))?;
    serde_json::from_slice::<serde::de::IgnoredAny>(body).map_err(DecodeError::NotJson)?;
    let media_type = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|ct| ct.trim().to_ascii_lowercase());
    let by_media_type = Envelope::ALL
        .iter()
        .copied()
        .chain([preferred])
        .filter(|e| e.format().media_type() != "application/json")
        .find(|e| media_type.as_deref() == Some(e.format().media_type()));
    let order = by_media_type
        .into_iter()
        .chain([preferred])
        .chain(Envelope::ALL.iter().copied());
    for envelope in order {
        if let Some(errors) = envelope
            .format()
            .decoder()
            .and_then(|decoder| decoder.decode(status, body))
            && !errors.is_empty()
        {
            return Ok(errors);
        }
    }
    Err(DecodeError::UnknownEnvelope)
}

/// An error type a client decodes responses into. `#[derive(ApiError)]`
/// implements it with the `client` feature; see the [module docs](self).
///
/// ```
/// # #[cfg(feature = "client")] fn main() {
/// use errcodes::client::Decode;
/// use errcodes::{ApiError, ReceivedError};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api(status = 409, code = "taken", detail = "{name} is taken.")]
/// struct Taken {
///     name: String,
/// }
///
/// let received = ReceivedError::new(http::StatusCode::CONFLICT).with_code("taken").with_detail("bob is taken.");
/// assert_eq!(Taken::from_received(&received), Some(Taken { name: "bob".into() }));
/// # }
/// # #[cfg(not(feature = "client"))] fn main() {}
/// ```
pub trait Decode: Sized {
    /// The variant `received` is, with its fields; `None` when no variant
    /// matches it or its fields cannot be given back.
    fn from_received(received: &ReceivedError) -> Option<Self>;

    /// The envelope to try first when the `Content-Type` does not say: the
    /// type's own.
    ///
    /// ```
    /// use errcodes::client::Decode;
    /// assert_eq!(errcodes::ApiErrors::preferred_envelope(), errcodes::Envelope::Problem);
    /// ```
    #[must_use]
    fn preferred_envelope() -> Envelope {
        Envelope::Problem
    }

    /// Decodes a response from its status (a `u16` or an
    /// `http::StatusCode`), `Content-Type` (a `&str`, an `Option<&str>`)
    /// and body (bytes, a `Vec<u8>`, a `&str`) as one answer: a variant of
    /// this type, or [`Decoded::Unknown`]. A document holding several
    /// errors is read as a whole (the variant wrapping a collection claims
    /// it), never as its first error alone; [`from_response_all`](Decode::from_response_all)
    /// gives each error on its own.
    ///
    /// # Errors
    ///
    /// See [`read`].
    ///
    /// ```
    /// use errcodes::client::{Decode, Decoded};
    /// use errcodes::ApiErrors;
    ///
    /// let body = br#"{"message":"The name field is required.","errors":{"name":["The name field is required."]}}"#;
    /// let Decoded::Known(errors) = ApiErrors::from_response(422, Some("application/json"), body).unwrap() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(errors.len(), 1);
    /// ```
    fn from_response<'c>(
        status: impl IntoStatus,
        content_type: impl Into<Option<&'c str>>,
        body: impl AsRef<[u8]>,
    ) -> Result<Decoded<Self>, DecodeError> {
        let status = status.into_status();
        let errors = read(status, content_type, body, Self::preferred_envelope())?;
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
        Ok(decode_one(document(status, errors)))
    }

    /// Decodes every error of a response on its own, in document order:
    /// each object of a JSON:API document, each item of a Problem's or an
    /// AIP-193 `errors` / `fieldViolations`, each key's messages in
    /// Laravel, each drf item, each ShipStream detail.
    ///
    /// # Errors
    ///
    /// See [`read`].
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::client::{Decode, Decoded};
    /// use errcodes::{ApiErrors, Envelope, FieldError, ReceivedError};
    ///
    /// let sent = ApiErrors::from_errors([
    ///     FieldError::new("email", "invalid", "Enter a valid email address."),
    ///     FieldError::new("name", "required", "This field is required."),
    /// ]).unwrap();
    /// let body = sent.render_to_vec(Envelope::JsonApi);
    /// let all = ReceivedError::from_response_all(422, Some("application/vnd.api+json"), &body).unwrap();
    /// let codes: Vec<_> = all.iter().map(|d| match d {
    ///     Decoded::Known(e) | Decoded::Unknown(e) => e.code().unwrap_or_default().to_owned(),
    /// }).collect();
    /// assert_eq!(codes, ["invalid", "required"]);
    /// ```
    fn from_response_all<'c>(
        status: impl IntoStatus,
        content_type: impl Into<Option<&'c str>>,
        body: impl AsRef<[u8]>,
    ) -> Result<Vec<Decoded<Self>>, DecodeError> {
        let errors = read(status, content_type, body, Self::preferred_envelope())?;
        Ok(each_error(errors).into_iter().map(decode_one).collect())
    }

    /// Decodes an `http` response as one answer, as
    /// [`from_response`](Decode::from_response) does, reading its headers
    /// too (`Retry-After` and the other headers errors declare).
    ///
    /// # Errors
    ///
    /// See [`read`].
    ///
    /// ```
    /// # #[cfg(feature = "client")] fn main() {
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::client::{Decode, Decoded};
    /// use errcodes::{ApiError, Envelope};
    /// use std::time::Duration;
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api(status = 429, code = "throttled", detail = "Slow down.")]
    /// struct Throttled {
    ///     #[api(header = "Retry-After")]
    ///     wait: Duration,
    /// }
    ///
    /// let response = Throttled { wait: Duration::from_secs(30) }.to_response();
    /// let decoded = Throttled::from_http_response(&response).unwrap();
    /// assert_eq!(decoded, Decoded::Known(Throttled { wait: Duration::from_secs(30) }));
    /// # }
    /// # #[cfg(not(feature = "client"))] fn main() {}
    /// ```
    fn from_http_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Decoded<Self>, DecodeError> {
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        let errors = read(
            response.status(),
            content_type,
            response.body().as_ref(),
            Self::preferred_envelope(),
        )?;
        let mut whole = document(response.status(), errors);
        whole.headers = response.headers().clone();
        Ok(decode_one(whole))
    }
}

impl Decode for ReceivedError {
    /// Every answer as it was received: what a client with no error type
    /// of its own decodes into (`Decoded::Known` always).
    fn from_received(received: &ReceivedError) -> Option<ReceivedError> {
        Some(received.clone())
    }
}

/// `received` as a variant of `E`, else unknown.
fn decode_one<E: Decode>(received: ReceivedError) -> Decoded<E> {
    match E::from_received(&received) {
        Some(err) => Decoded::Known(err),
        None => Decoded::Unknown(received),
    }
}

/// One response's errors as one answer: the error itself when there is
/// one, else a document answered with `status` whose entries they are.
fn document(status: StatusCode, mut errors: Vec<ReceivedError>) -> ReceivedError {
    if errors.len() == 1 {
        return errors.swap_remove(0);
    }
    let mut whole = ReceivedError::new(status);
    whole.entries = errors;
    whole
}

/// Every error on its own: each error of the document, or each entry of
/// one that holds entries.
fn each_error(errors: Vec<ReceivedError>) -> Vec<ReceivedError> {
    errors
        .into_iter()
        .flat_map(|mut error| {
            if error.entries.is_empty() {
                vec![error]
            } else {
                core::mem::take(&mut error.entries)
            }
        })
        .collect()
}

impl Decode for ApiErrors {
    /// Every entry of `received` (or `received` itself, when it has none)
    /// as a [`FieldError`]: its location as the field, its code (or
    /// `invalid`) and its detail; but only for a collection's answer, the
    /// validation shape of each envelope: a 4xx about request members
    /// (located, or holding entries). A 5xx, an undeclared code, a router's
    /// 404 or 405 are not collections, and stay unknown.
    fn from_received(received: &ReceivedError) -> Option<ApiErrors> {
        let collection = received.status.is_client_error()
            && (received.location.is_some() || !received.entries.is_empty());
        if !collection {
            return None;
        }
        ApiErrors::from_errors(field_errors(received))
    }
}

/// The entries of `received` (or `received` itself) as field errors.
fn field_errors(received: &ReceivedError) -> Vec<FieldError> {
    let entries = if received.entries().is_empty() {
        core::slice::from_ref(received)
    } else {
        received.entries()
    };
    entries
        .iter()
        .map(|entry| {
            let code = entry.code().unwrap_or("invalid").to_owned();
            let detail = entry.detail().unwrap_or_default().to_owned();
            match entry.location().map(member) {
                Some(Some(path)) => FieldError::new(path, code, detail),
                _ => FieldError::non_field(code, detail),
            }
            .with_status(entry.status())
        })
        .collect()
}

/// The request member a location names, as a dotted path (`None` for the
/// non-field key): a JSON pointer (`/data/attributes/items/0/sku`, or the
/// fragment form `#/items/0/sku`) loses the default prefix; a dotted key or
/// a field name stays as it is.
pub(crate) fn member(location: &str) -> Option<String> {
    if location == NON_FIELD_KEY {
        return None;
    }
    if !location.starts_with('/') && !location.starts_with("#/") {
        return Some(location.to_owned());
    }
    // JSON:API's pointers start below the default prefix.
    let pointer = location
        .strip_prefix(DEFAULT_POINTER_PREFIX)
        .filter(|rest| rest.starts_with('/'))
        .unwrap_or(location);
    Some(crate::path::dotted_from_pointer(pointer))
}

impl ApiErrors {
    /// Decodes every error of a response (each field error of a collection,
    /// in any built-in envelope) into [`FieldError`]s: its location as the
    /// field, its code (or `invalid` where the envelope has none) and its
    /// detail.
    ///
    /// # Errors
    ///
    /// See [`read`].
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let sent = ApiErrors::from_errors([
    ///     FieldError::new("email", "invalid", "Enter a valid email address."),
    ///     FieldError::new("name", "required", "This field is required."),
    /// ]).unwrap();
    /// let body = sent.render_to_vec(Envelope::Drf);
    /// let received = ApiErrors::decode(422, Some("application/json"), &body).unwrap();
    /// assert_eq!(received.render_to_vec(Envelope::Drf), body);
    /// ```
    pub fn decode<'c>(
        status: impl IntoStatus,
        content_type: impl Into<Option<&'c str>>,
        body: impl AsRef<[u8]>,
    ) -> Result<ApiErrors, DecodeError> {
        let errors = read(status, content_type, body, Envelope::Problem)?;
        ApiErrors::from_errors(errors.iter().flat_map(field_errors))
            .ok_or(DecodeError::UnknownEnvelope)
    }
}

impl ApiError for ReceivedError {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        self.code.as_deref().unwrap_or_default()
    }
    fn title(&self) -> &str {
        self.title
            .as_deref()
            .or_else(|| self.status.canonical_reason())
            .unwrap_or_default()
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail.as_deref().unwrap_or_default())
    }
    fn detail_str(&self) -> Option<&str> {
        self.detail.as_deref()
    }
    fn settings(&self) -> Settings<'_> {
        Settings::new()
            .redact_code(self.code.is_none() || self.reason)
            .redact_detail(self.detail.is_none())
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        for (name, value) in &self.meta {
            visitor.visit(name, value);
        }
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        let _ = visitor;
    }
}
