//! The ShipStream Global API error shape, as its published JSON Schema and
//! examples give it (docs.shipstream.io, "Response Codes & Errors"):
//! `{"errors": [{"type", "message", "details"?: [{"key", "message"}]}]}`,
//! served as `application/json`.
//!
//! * `type` is the variant's `kind` when it is one of ShipStream's words
//!   (`application`, `parameters`, `parser`, `openapi`), else `parameters`
//!   for a 4xx about a query parameter, else `application`.
//! * A single error about a request member carries its title as `message`
//!   and its detail in one `details` entry.
//! * A collection is one item: the collection's detail as `message`, one
//!   `{key, message}` per error (object-level ones under the non-field key).

use super::write::{self, Doc};
use crate::error::ApiError;
use crate::error::Settings;
use crate::error::{ErrorList, Format};
use crate::json;
use crate::location::Location;
use crate::received::FormatDecode;
use crate::received::{ReceivedError, read};
use crate::schema::DocumentedErrors;
use crate::schema::FormatSchema;
use http::StatusCode;
use serde_json::{Value, json};

/// The `ShipStream` format.
pub(crate) struct ShipStream;

impl Format for ShipStream {
    fn name(&self) -> &'static str {
        "shipstream"
    }

    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        let whole = errors.whole().settings();
        let doc = Doc::of(&whole);
        let parameters = errors.whole().status().is_client_error()
            && errors
                .iter()
                .all(|e| matches!(e.location(), Some(Location::Parameter(_))));
        out.extend_from_slice(b"{\"errors\":[{\"type\":");
        json::string(
            out,
            if parameters {
                "parameters"
            } else {
                "application"
            },
        );
        out.extend_from_slice(b",\"message\":");
        write::detail_or(errors.whole(), &whole, out, write::GENERIC_SERVER_DETAIL);
        out.extend_from_slice(b",\"details\":[");
        write::each_item(errors.iter(), out, |err, out| {
            let settings = err.settings();
            if !detail(&err, &settings, doc, out) {
                // Every entry keeps its message, under the non-field key.
                out.extend_from_slice(b"{\"key\":");
                json::string(out, doc.non_field_key);
                out.extend_from_slice(b",\"message\":");
                write::detail_or(&err, &settings, out, write::GENERIC_SERVER_DETAIL);
                out.push(b'}');
            }
        });
        out.extend_from_slice(b"]}]}");
    }

    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }

    fn schema(&self) -> Option<&dyn FormatSchema> {
        Some(self)
    }
}

impl FormatDecode for ShipStream {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        decode(status, &serde_json::from_slice(body).ok()?)
    }
}

impl FormatSchema for ShipStream {
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> Value {
        json_schema(input)
    }
}

/// One error's document; generic, so derived types reach it monomorphized.
pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let settings = err.settings();
    out.extend_from_slice(b"{\"errors\":[{\"type\":");
    json::string(out, error_type(err, &settings));
    out.extend_from_slice(b",\"message\":");
    // An error about a request member carries its title as the message
    // and its detail in one `details` entry.
    let mark = out.len();
    json::string(out, err.title());
    out.extend_from_slice(b",\"details\":[");
    if detail(err, &settings, Doc::of(&settings), out) {
        out.push(b']');
    } else {
        out.truncate(mark);
        write::detail_or(&err, &settings, out, write::GENERIC_SERVER_DETAIL);
    }
    out.extend_from_slice(b"}]}");
}

/// The `type` words ShipStream documents: its schema's `application` and
/// the examples' `parameters`, `parser` and `openapi`.
const TYPES: [&str; 4] = ["application", "parameters", "parser", "openapi"];

/// The `type` of one error: its `kind` when that is one of ShipStream's
/// words, else from the status and location.
fn error_type<'a, E: ApiError + ?Sized>(err: &E, s: &Settings<'a>) -> &'a str {
    match (s.kind.filter(|kind| TYPES.contains(kind)), err.location()) {
        (Some(kind), _) => kind,
        (None, Some(Location::Parameter(_))) if err.status().is_client_error() => "parameters",
        _ => "application",
    }
}

/// One `details` entry, `{key, message}`; false (nothing written) when the
/// error has no key.
fn detail<E: ApiError + ?Sized>(
    err: &E,
    s: &Settings<'_>,
    doc: Doc<'_>,
    out: &mut Vec<u8>,
) -> bool {
    let mark = out.len();
    out.extend_from_slice(b"{\"key\":");
    if !write::dotted_key(err.location(), doc, out) {
        out.truncate(mark);
        return false;
    }
    out.extend_from_slice(b",\"message\":");
    write::detail_or(err, s, out, write::GENERIC_SERVER_DETAIL);
    out.push(b'}');
    true
}

/// A ShipStream document read back: one [`ReceivedError`] per error, its
/// `details` as entries. A single error about a request member carries its
/// title as the message and its detail in its one `details` entry, and is
/// read back so. ShipStream's shape has no code.
pub(crate) fn decode(status: StatusCode, body: &Value) -> Option<Vec<ReceivedError>> {
    let items = read::array(body, "errors")?;
    let mut errors = Vec::with_capacity(items.len());
    for item in items {
        read::text(item, "type")?;
        let message = read::text(item, "message")?;
        let mut received = ReceivedError::new(status);
        for detail in read::array(item, "details").unwrap_or_default() {
            let entry = ReceivedError::new(status)
                .with_location(read::text(detail, "key")?)
                .with_detail(read::text(detail, "message")?);
            received.entries.push(entry);
        }
        match received.entries.as_slice() {
            [only] if status.canonical_reason() == Some(message.as_str()) => {
                received.detail.clone_from(&only.detail);
                received.location.clone_from(&only.location);
                received.title = Some(message);
            }
            _ => received.detail = Some(message),
        }
        errors.push(received);
    }
    Some(errors)
}

/// The JSON Schema of ShipStream's shape. It has no place for codes.
pub(crate) fn json_schema(input: &DocumentedErrors<'_>) -> Value {
    let _ = input;
    json!({
        "type": "object",
        "required": ["errors"],
        "properties": {
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["type", "message"],
                    "properties": {
                        "type": {"type": "string", "enum": TYPES},
                        "message": {"type": "string"},
                        "details": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["key", "message"],
                                "properties": {
                                    "key": {"type": "string"},
                                    "message": {"type": "string"}
                                },
                                "additionalProperties": false
                            }
                        }
                    },
                    "additionalProperties": false
                }
            }
        },
        "additionalProperties": false
    })
}
