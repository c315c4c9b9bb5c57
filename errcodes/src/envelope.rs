//! The five built-in error envelopes.

use core::fmt;
use core::str::FromStr;

/// The JSON shape an error is rendered into.
///
/// A type picks its default with `#[api(envelope = "...")]`; any error can
/// also be rendered in another envelope at run time, for example one chosen
/// by API version.
///
/// ```
/// use errcodes::Envelope;
///
/// let envelope: Envelope = "jsonapi".parse().unwrap();
/// assert_eq!(envelope, Envelope::JsonApi);
/// assert_eq!(envelope.content_type(), "application/vnd.api+json");
/// assert_eq!(Envelope::default(), Envelope::Problem);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Envelope {
    /// [JSON:API 1.1 error objects](https://jsonapi.org/format/1.1/#errors):
    /// `{"errors": [{"status": "422", "code", "title", "detail", "source", "links", "meta"}]}`.
    /// Name: `"jsonapi"`.
    JsonApi,
    /// [RFC 9457 Problem Details](https://www.rfc-editor.org/rfc/rfc9457):
    /// `{"type", "title", "status": 422, "detail", "code", ...meta, "errors"?}`.
    /// Name: `"problem"`. The default.
    #[default]
    Problem,
    /// Laravel's JSON error shape: `{"message", "errors"?: {"field": ["message"]}}`.
    /// Name: `"laravel"`.
    Laravel,
    /// drf-standardized-errors: `{"type", "errors": [{"code", "detail", "attr"}]}`.
    /// Name: `"drf"`.
    Drf,
    /// The ShipStream Global API shape:
    /// `{"errors": [{"type", "message", "details"?: [{"key", "message"}]}]}`.
    /// Name: `"shipstream"`.
    ShipStream,
}

impl Envelope {
    /// All five envelopes, in a fixed order.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::ALL.len(), 5);
    /// ```
    pub const ALL: [Envelope; 5] = [
        Envelope::JsonApi,
        Envelope::Problem,
        Envelope::Laravel,
        Envelope::Drf,
        Envelope::ShipStream,
    ];

    /// The name used in `#[api(envelope = "...")]` and by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Drf.name(), "drf");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Envelope::JsonApi => "jsonapi",
            Envelope::Problem => "problem",
            Envelope::Laravel => "laravel",
            Envelope::Drf => "drf",
            Envelope::ShipStream => "shipstream",
        }
    }

    /// The `Content-Type` a response in this envelope carries.
    ///
    /// ```
    /// use errcodes::Envelope;
    /// assert_eq!(Envelope::Problem.content_type(), "application/problem+json");
    /// assert_eq!(Envelope::Laravel.content_type(), "application/json");
    /// ```
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Envelope::JsonApi => "application/vnd.api+json",
            Envelope::Problem => "application/problem+json",
            Envelope::Laravel | Envelope::Drf | Envelope::ShipStream => "application/json",
        }
    }
}

impl fmt::Display for Envelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an unknown envelope name.
///
/// ```
/// let err = "xml".parse::<errcodes::Envelope>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown envelope `xml`; expected one of jsonapi, problem, laravel, drf, shipstream");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEnvelope(String);

impl fmt::Display for UnknownEnvelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown envelope `{}`; expected one of jsonapi, problem, laravel, drf, shipstream",
            self.0
        )
    }
}

impl std::error::Error for UnknownEnvelope {}

impl FromStr for Envelope {
    type Err = UnknownEnvelope;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Envelope::ALL
            .into_iter()
            .find(|e| e.name() == name)
            .ok_or_else(|| UnknownEnvelope(name.to_owned()))
    }
}
