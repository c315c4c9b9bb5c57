//! The built-in envelopes: one [`Format`](crate::Format) per file, each the whole truth
//! about its envelope, and the [`Envelope`] constants that name them.

pub(crate) mod aip193;
mod connect;
mod drf;
mod jsonapi;
mod laravel;
mod problem;
mod shipstream;
mod write;

use core::fmt;
use core::str::FromStr;

use crate::error::ApiError;
use crate::error::{Builtin, Envelope, Format, Repr};

// The built-ins keep the names they had as enum variants, so
// `Envelope::JsonApi` reads the same as before.
#[allow(non_upper_case_globals)]
impl Envelope {
    /// [JSON:API 1.1 error objects](https://jsonapi.org/format/1.1/#errors):
    /// `{"errors": [{"status": "422", "code", "title", "detail", "source", "links", "meta"}]}`,
    /// served as `application/vnd.api+json`. Name: `"jsonapi"`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::JsonApi.name(), "jsonapi");
    /// ```
    pub const JsonApi: Envelope = Envelope::builtin(Builtin::JsonApi);

    /// [RFC 9457 Problem Details](https://www.rfc-editor.org/rfc/rfc9457):
    /// `{"type", "title", "status": 422, "detail", "code", ...meta, "errors"?}`,
    /// served as `application/problem+json`. Name: `"problem"`. The default.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Problem, errcodes::Envelope::default());
    /// ```
    pub const Problem: Envelope = Envelope::builtin(Builtin::Problem);

    /// Laravel's JSON error shape: `{"message", "errors"?: {"field": ["message"]}}`,
    /// served as `application/json`. Name: `"laravel"`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Laravel.name(), "laravel");
    /// ```
    pub const Laravel: Envelope = Envelope::builtin(Builtin::Laravel);

    /// drf-standardized-errors: `{"type", "errors": [{"code", "detail", "attr"}]}`,
    /// served as `application/json`. Name: `"drf"`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Drf.name(), "drf");
    /// ```
    pub const Drf: Envelope = Envelope::builtin(Builtin::Drf);

    /// The ShipStream Global API shape:
    /// `{"errors": [{"type", "message", "details"?: [{"key", "message"}]}]}`,
    /// served as `application/json`. Name: `"shipstream"`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::ShipStream.name(), "shipstream");
    /// ```
    pub const ShipStream: Envelope = Envelope::builtin(Builtin::ShipStream);

    /// [Google's AIP-193](https://google.aip.dev/193) errors, a
    /// `google.rpc.Status` in JSON: `{"error": {"code": 404, "message",
    /// "status": "NOT_FOUND", "details": [{"@type": ".../google.rpc.ErrorInfo",
    /// "reason", "domain", "metadata"}, ...]}}`, served as `application/json`.
    /// Name: `"aip193"`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Aip193.name(), "aip193");
    /// ```
    pub const Aip193: Envelope = Envelope::builtin(Builtin::Aip193);

    /// [Connect's error body](https://connectrpc.com/docs/protocol#error-end-of-stream):
    /// `{"code": "not_found", "message", "details": [{"type":
    /// "google.rpc.ErrorInfo", "value": "<base64 protobuf>"}]}`, served as
    /// `application/json`. Name: `"connect"`. Its code and details are
    /// AIP-193's (see [`rpc`](crate::rpc)).
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Connect.name(), "connect");
    /// ```
    pub const Connect: Envelope = Envelope::builtin(Builtin::Connect);

    /// Every built-in envelope, in a fixed order.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::ALL.len(), 7);
    /// ```
    pub const ALL: [Envelope; 7] = [
        Envelope::JsonApi,
        Envelope::Problem,
        Envelope::Laravel,
        Envelope::Drf,
        Envelope::ShipStream,
        Envelope::Aip193,
        Envelope::Connect,
    ];

    /// The format that writes this envelope's bodies.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::JsonApi.format().name(), "jsonapi");
    /// ```
    #[must_use]
    pub fn format(self) -> &'static dyn Format {
        match self.0 {
            Repr::Builtin(Builtin::JsonApi) => &jsonapi::JsonApi,
            Repr::Builtin(Builtin::Problem) => &problem::Problem,
            Repr::Builtin(Builtin::Laravel) => &laravel::Laravel,
            Repr::Builtin(Builtin::Drf) => &drf::Drf,
            Repr::Builtin(Builtin::ShipStream) => &shipstream::ShipStream,
            Repr::Builtin(Builtin::Aip193) => &aip193::Aip193,
            Repr::Builtin(Builtin::Connect) => &connect::Connect,
            Repr::Custom(format) => format,
        }
    }

    /// Appends `err`'s body in this envelope to `out`: the one path from an
    /// error to bytes, which [`ApiErrorExt`](crate::ApiErrorExt) takes too.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 401, detail = "Unauthenticated.")]
    /// struct Unauthenticated;
    ///
    /// let mut out = Vec::new();
    /// Envelope::Laravel.write(&Unauthenticated, &mut out);
    /// assert_eq!(out, br#"{"message":"Unauthenticated."}"#);
    /// ```
    pub fn write(self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write(err, self, out);
    }
}

/// The HTTP status `err` answers with in `envelope`: its format's
/// [`Format::status`] (`&E` is an error too, and sized, so any `E` becomes
/// a `&dyn`).
pub(crate) fn http_status<E: ApiError + ?Sized>(err: &E, envelope: Envelope) -> http::StatusCode {
    envelope.format().status(&err)
}

/// The one path from an error to bytes. A collection goes to its format's
/// `write_errors`; a single error to the built-in writer, generic over `E`
/// so that a concrete type's methods are called directly (no virtual call
/// per method), or to a format of the user's through `&dyn ApiError`.
pub(crate) fn write<E: ApiError + ?Sized>(err: &E, envelope: Envelope, out: &mut Vec<u8>) {
    if let Some(errors) = err.errors() {
        return envelope.format().write_errors(errors, out);
    }
    match envelope.0 {
        Repr::Builtin(Builtin::JsonApi) => jsonapi::write_error(err, out),
        Repr::Builtin(Builtin::Problem) => problem::write_error(err, out),
        Repr::Builtin(Builtin::Laravel) => laravel::write_error(err, out),
        Repr::Builtin(Builtin::Drf) => drf::write_error(err, out),
        Repr::Builtin(Builtin::ShipStream) => shipstream::write_error(err, out),
        Repr::Builtin(Builtin::Aip193) => aip193::write_error(err, out),
        Repr::Builtin(Builtin::Connect) => connect::write_error(err, out),
        // `&E` is itself an error, and sized, so any `E` becomes a `&dyn`.
        Repr::Custom(format) => format.write_error(&err, out),
    }
}

impl Default for Envelope {
    /// RFC 9457 Problem Details.
    fn default() -> Envelope {
        Envelope::Problem
    }
}

/// The error of parsing an unknown envelope name.
///
/// ```
/// let err = "xml".parse::<errcodes::Envelope>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown envelope `xml`; expected one of jsonapi, problem, laravel, drf, shipstream, aip193, connect");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEnvelope(String);

impl fmt::Display for UnknownEnvelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown envelope `{}`; expected one of ", self.0)?;
        for (i, envelope) in Envelope::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(envelope.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownEnvelope {}

impl FromStr for Envelope {
    type Err = UnknownEnvelope;

    /// A built-in envelope by name; a format of your own is named with
    /// [`Envelope::custom`].
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Envelope::ALL
            .into_iter()
            .find(|e| e.name() == name)
            .ok_or_else(|| UnknownEnvelope(name.to_owned()))
    }
}

/// The schema of a code member: a string, one of `codes` when they are
/// known (`None`: any code, as a collection's entries have). With `open`,
/// the known codes are examples and an `x-extensible-enum` (Zalando's
/// guidelines): a string, so a new code is no change of type for a diff
/// tool or a generated client.
pub(crate) fn code_schema(codes: Option<&[&str]>, open: bool) -> serde_json::Value {
    let any = serde_json::json!({"type": "string"});
    match codes {
        Some(codes) if open => {
            let known = unique(codes.iter().copied());
            let mut schema = any;
            if !known.is_empty() {
                schema["examples"] = serde_json::json!(known);
                schema["x-extensible-enum"] = serde_json::json!(known);
            }
            schema
        }
        Some(codes) => enum_of(any, &unique(codes.iter().copied())),
        None => any,
    }
}

/// The schema of a meta member whose JSON type is `kind` (as
/// [`CatalogEntry::meta_types`](crate::CatalogEntry::meta_types) names
/// it): any value when it is not known.
pub(crate) fn meta_value_schema(kind: Option<&str>) -> serde_json::Value {
    let Some(kind) = kind else {
        return any_value();
    };
    let (base, nullable) = match kind.strip_suffix(" or null") {
        Some(base) => (base, true),
        None => (kind, false),
    };
    if !matches!(
        base,
        "integer" | "number" | "string" | "boolean" | "array" | "object"
    ) {
        return any_value();
    }
    let description = "A meta member of the error.";
    if nullable {
        serde_json::json!({"type": [base, "null"], "description": description})
    } else {
        serde_json::json!({"type": base, "description": description})
    }
}

/// `schema`, limited to `values` when there are any.
pub(crate) fn enum_of<T: serde::Serialize>(
    mut schema: serde_json::Value,
    values: &[T],
) -> serde_json::Value {
    if !values.is_empty() {
        schema["enum"] = serde_json::json!(values);
    }
    schema
}

/// A status as a number (Problem Details, AIP-193): one of `statuses` when
/// they are known.
pub(crate) fn status_schema(statuses: &[u16]) -> serde_json::Value {
    enum_of(
        serde_json::json!({"type": "integer", "minimum": 400, "maximum": 599}),
        statuses,
    )
}

/// `items` without repeats, in first-seen order: JSON Schema asks that an
/// `enum`'s values be unique, and validators hold to it.
pub(crate) fn unique<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The schema of a meta member: any JSON value, spelled out (OpenAPI tools
/// do not all read the empty schema `{}`).
pub(crate) fn any_value() -> serde_json::Value {
    serde_json::json!({
        "type": ["string", "number", "boolean", "object", "array", "null"],
        "description": "A meta member of the error."
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The derive's `envelope = "..."` and `FromStr` know the same names.
    #[test]
    fn the_builtin_names_are_the_rules_names() {
        let names: Vec<&str> = Envelope::ALL.iter().map(|e| e.name()).collect();
        assert_eq!(names, errcodes_rules::ENVELOPES);
    }
}
