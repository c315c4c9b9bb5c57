//! drf-standardized-errors, as its `docs/error_response.md` and
//! `formatter.py` give it (v0.16): `{"type": "validation_error" |
//! "client_error" | "server_error", "errors": [{"code", "detail", "attr"}]}`,
//! served as `application/json`.
//!
//! * All three item members are always present; `attr` is `null` when the
//!   error is about no request member.
//! * `type` comes from the variant's `kind` when it is one of those three
//!   words, else from the status and location; many errors are a `validation_error` (a `server_error` when
//!   any is a 5xx).
//! * A 5xx without a declared code writes drf's `error`, and "A server
//!   error occurred." without a declared detail.

use super::code_schema;
use super::write::{self, Doc};
use crate::error::ApiError;
use crate::error::Settings;
use crate::error::{ErrorList, Format};
use crate::json;
use crate::received::FormatDecode;
use crate::received::{ReceivedError, read};
use crate::schema::DocumentedErrors;
use crate::schema::FormatSchema;
use http::StatusCode;
use serde_json::{Value, json};

/// drf-standardized-errors' text for a server error.
const SERVER_DETAIL: &str = "A server error occurred.";

/// The drf-standardized-errors format.
pub(crate) struct Drf;

impl Format for Drf {
    fn name(&self) -> &'static str {
        "drf"
    }

    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        // Only validation produces many items in drf; a 5xx among them
        // makes the whole a server error.
        let kind = if errors.whole().status().is_server_error() {
            "server_error"
        } else {
            "validation_error"
        };
        let doc = Doc::of(&errors.whole().settings());
        out.extend_from_slice(b"{\"type\":");
        json::string(out, kind);
        out.extend_from_slice(b",\"errors\":[");
        write::each_item(errors.iter(), out, |err, out| {
            item(&err, &err.settings(), doc, out);
        });
        out.extend_from_slice(b"]}");
    }

    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }

    fn schema(&self) -> Option<&dyn FormatSchema> {
        Some(self)
    }
}

impl FormatDecode for Drf {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        decode(status, &serde_json::from_slice(body).ok()?)
    }
}

impl FormatSchema for Drf {
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> Value {
        json_schema(input)
    }
}

/// One error's document; generic, so derived types reach it monomorphized.
pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let settings = err.settings();
    out.extend_from_slice(b"{\"type\":");
    json::string(out, error_type(err, &settings));
    out.extend_from_slice(b",\"errors\":[");
    item(err, &settings, Doc::of(&settings), out);
    out.extend_from_slice(b"]}");
}

/// The three `type` words of drf-standardized-errors.
const TYPES: [&str; 3] = ["validation_error", "client_error", "server_error"];

/// The `type` of one error: its `kind` when that is one of drf's three
/// words, else from the status and location.
fn error_type<'a, E: ApiError + ?Sized>(err: &E, s: &Settings<'a>) -> &'a str {
    if let Some(kind) = s.kind.filter(|kind| TYPES.contains(kind)) {
        kind
    } else if err.status().is_server_error() {
        "server_error"
    } else if err.location().is_some() {
        "validation_error"
    } else {
        "client_error"
    }
}

/// One item: `{code, detail, attr}`, all present.
fn item<E: ApiError + ?Sized>(err: &E, s: &Settings<'_>, doc: Doc<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"code\":");
    // drf-standardized-errors' own code for a server error.
    json::string(out, if s.redact_code { "error" } else { err.code() });
    out.extend_from_slice(b",\"detail\":");
    write::detail_or(err, s, out, SERVER_DETAIL);
    out.extend_from_slice(b",\"attr\":");
    if !write::dotted_key(err.location(), doc, out) {
        out.extend_from_slice(b"null");
    }
    out.push(b'}');
}

/// A drf-standardized-errors document read back: one [`ReceivedError`] per item
/// (`attr` as the location).
pub(crate) fn decode(status: StatusCode, body: &Value) -> Option<Vec<ReceivedError>> {
    let kind = read::text(body, "type")?;
    if !["validation_error", "client_error", "server_error"].contains(&kind.as_str()) {
        return None;
    }
    let items = read::array(body, "errors")?;
    let mut errors = Vec::with_capacity(items.len());
    for item in items {
        let mut received = ReceivedError::new(status);
        received.code = read::text(item, "code");
        received.detail = read::text(item, "detail");
        received.location = read::text(item, "attr");
        errors.push(received);
    }
    Some(errors)
}

/// The JSON Schema of drf-standardized-errors' shape for an error type
/// with `codes` (drf's own `error` stands for a code not sent).
pub(crate) fn json_schema(input: &DocumentedErrors<'_>) -> Value {
    let code = match input.codes {
        Some(codes) => {
            let mut all: Vec<&str> = codes.to_vec();
            if input.withheld {
                all.push("error");
            }
            code_schema(Some(&all), input.open_codes)
        }
        None => code_schema(None, false),
    };
    json!({
        "type": "object",
        "required": ["type", "errors"],
        "properties": {
            "type": {"type": "string", "enum": ["validation_error", "client_error", "server_error"]},
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["code", "detail", "attr"],
                    "properties": {
                        "code": code,
                        "detail": {"type": "string"},
                        "attr": {"type": ["string", "null"]}
                    },
                    "additionalProperties": false
                }
            }
        },
        "additionalProperties": false
    })
}
