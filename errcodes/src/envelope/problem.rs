//! RFC 9457 Problem Details (rfc-editor.org/rfc/rfc9457), with the `errors`
//! extension of its section 3 example: `{"type", "title", "status": 422,
//! "detail", "instance"?, "code", ...meta, "errors"?}`, served as
//! `application/problem+json`.
//!
//! * `status` is a **number**; `type` is always written, `about:blank`
//!   unless a `type_base` joins the code.
//! * The code travels as a `code` extension member, an occurrence id (the
//!   request's correlation id) as `request_id`, and meta members are
//!   flattened into extension members (never over one of these).
//! * A located error, and every error of a collection, is an `errors` item
//!   `{detail, pointer: "#/..." | parameter | header, code}`.

use super::write;
use super::{code_schema, meta_value_schema, status_schema};
use crate::error::ApiError;
use crate::error::{ErrorList, Format};
use crate::error::{ProblemStyle, Settings};
use crate::json;
use crate::location::Location;
use crate::path;
use crate::received::FormatDecode;
use crate::received::{ReceivedError, read};
use crate::schema::DocumentedErrors;
use crate::schema::FormatSchema;
use http::StatusCode;
use serde_json::{Value, json};

/// The Problem Details format.
pub(crate) struct Problem;

impl Format for Problem {
    fn name(&self) -> &'static str {
        "problem"
    }

    fn media_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    /// The collection's own members, then one `errors` item per error.
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        let whole = errors.whole().settings();
        head(errors.whole(), &whole, out);
        out.extend_from_slice(b",\"errors\":[");
        write::each_item(errors.iter(), out, |err, out| {
            let location = err.location().unwrap_or(Location::NonField);
            item(
                &err,
                &err.settings(),
                whole.effective_problem_style(),
                location,
                out,
            );
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

impl FormatDecode for Problem {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        decode(status, &serde_json::from_slice(body).ok()?)
    }
}

impl FormatSchema for Problem {
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> Value {
        json_schema(input)
    }
}

/// One error's document; generic, so derived types reach it monomorphized.
pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let settings = err.settings();
    head(err, &settings, out);
    meta(err, out);
    if let Some(location) = err.location() {
        out.extend_from_slice(b",\"errors\":[");
        item(
            err,
            &settings,
            settings.effective_problem_style(),
            location,
            out,
        );
        out.push(b']');
    }
    out.push(b'}');
}

/// The standard members and `code`, without the closing brace.
fn head<E: ApiError + ?Sized>(err: &E, s: &Settings<'_>, out: &mut Vec<u8>) {
    let rfc = s.effective_problem_style() == ProblemStyle::Rfc9457;
    if rfc {
        out.extend_from_slice(b"{\"type\":");
        // A type URI names the code, so an undeclared code leaves `about:blank`.
        match s.type_base.filter(|_| !s.redact_code) {
            Some(base) => {
                out.push(b'"');
                json::escape_into(out, base);
                json::escape_into(out, err.code());
                out.push(b'"');
            }
            None => out.extend_from_slice(b"\"about:blank\""),
        }
        out.extend_from_slice(b",\"title\":");
    } else {
        out.extend_from_slice(b"{\"title\":");
    }
    json::string(out, err.title());
    if rfc {
        out.extend_from_slice(b",\"status\":");
        json::unsigned(out, usize::from(err.status().as_u16()));
    }
    out.extend_from_slice(b",\"detail\":");
    write::detail_or(err, s, out, write::GENERIC_SERVER_DETAIL);
    write::instance(out, err);
    if rfc && !s.redact_code {
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
    }
    if let Some(id) = err.occurrence().id {
        out.extend_from_slice(b",\"request_id\":");
        json::string(out, id);
    }
}

/// Meta members flattened into the object, skipping any that would
/// overwrite a standard member.
fn meta<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    write::each_meta(err, out, |out, name, _| {
        if errcodes_rules::is_reserved_problem_member(name) {
            return false;
        }
        out.push(b',');
        json::key(out, name);
        true
    });
}

/// One item of the `errors` extension: `{detail, pointer | parameter |
/// header, code}`, or in the title-and-detail style `{title: code, detail,
/// pointer | parameter | header}`.
fn item<E: ApiError + ?Sized>(
    err: &E,
    s: &Settings<'_>,
    style: ProblemStyle,
    location: Location<'_>,
    out: &mut Vec<u8>,
) {
    if style == ProblemStyle::TitleDetail {
        out.extend_from_slice(b"{\"title\":");
        json::string(
            out,
            if s.redact_code {
                err.title()
            } else {
                err.code()
            },
        );
        out.extend_from_slice(b",\"detail\":");
    } else {
        out.extend_from_slice(b"{\"detail\":");
    }
    write::detail_or(err, s, out, write::GENERIC_SERVER_DETAIL);
    match location {
        Location::NonField => {}
        Location::Field(dotted) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            path::write_pointer_from_dotted(out, dotted, true);
            out.push(b'"');
        }
        Location::FieldPath(field_path) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            path::write_pointer(out, field_path, true);
            out.push(b'"');
        }
        Location::Pointer(pointer) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            path::write_pointer_as_fragment(out, pointer);
            out.push(b'"');
        }
        Location::Parameter(name) => {
            out.extend_from_slice(b",\"parameter\":");
            json::string(out, name);
        }
        Location::Header(name) => {
            out.extend_from_slice(b",\"header\":");
            json::string(out, name);
        }
    }
    if style == ProblemStyle::Rfc9457 && !s.redact_code {
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
    }
    out.push(b'}');
}

/// A problem read back: one [`ReceivedError`], its `errors` items as entries.
pub(crate) fn decode(status: StatusCode, body: &Value) -> Option<Vec<ReceivedError>> {
    let object = body.as_object()?;
    // A problem without any of these says nothing (drf's shape has a
    // `type` too, but none of them).
    if !["title", "status", "detail"]
        .iter()
        .any(|key| object.contains_key(*key))
    {
        return None;
    }
    let mut received = ReceivedError::new(
        body.get("status")
            .and_then(Value::as_u64)
            .and_then(|s| u16::try_from(s).ok())
            .and_then(|s| StatusCode::from_u16(s).ok())
            .unwrap_or(status),
    );
    received.code = read::text(body, "code");
    received.title = read::text(body, "title");
    received.detail = read::text(body, "detail");
    for (name, value) in object {
        if !errcodes_rules::is_reserved_problem_member(name) {
            received.meta.insert(name.clone(), value.clone());
        }
    }
    for item in read::array(body, "errors").unwrap_or_default() {
        let mut entry = ReceivedError::new(received.status);
        entry.code = read::text(item, "code");
        entry.detail = read::text(item, "detail");
        entry.location = ["pointer", "parameter", "header"]
            .iter()
            .find_map(|key| read::text(item, key));
        received.entries.push(entry);
    }
    Some(vec![received])
}

/// The JSON Schema of RFC 9457 problems for an error type answering
/// `statuses` with `codes`: `status` an integer, extension members (meta)
/// allowed, `errors` items as errcodes writes them.
pub(crate) fn json_schema(input: &DocumentedErrors<'_>) -> Value {
    let string = json!({"type": "string"});
    let mut schema = json!({
        "type": "object",
        "properties": {
            "type": {"type": "string", "format": "uri-reference"},
            "title": string,
            "status": status_schema(input.statuses),
            "detail": string,
            "instance": {"type": "string", "format": "uri-reference"},
            "code": code_schema(input.codes, input.open_codes),
            "request_id": string,
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "title": string,
                        "detail": string,
                        "pointer": string,
                        "parameter": string,
                        "header": string,
                        "code": string
                    },
                    "additionalProperties": false
                }
            }
        }
    });
    // Extension members (RFC 9457 section 3.2): the type's meta, and any
    // other a problem may carry.
    for name in input.meta {
        schema["properties"][*name] = meta_value_schema(input.meta_type(name));
    }
    schema["additionalProperties"] = json!(true);
    schema
}
