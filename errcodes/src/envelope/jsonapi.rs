//! JSON:API 1.1 error objects, as the specification's "Errors" section and
//! its "Error Objects" examples give them (jsonapi.org/format/1.1/#errors):
//! `{"errors": [{"status": "422", "code", "title", "detail", "source",
//! "links", "meta"}]}`, served as `application/vnd.api+json`.
//!
//! * `status` is a **string**; every member other than it is optional.
//! * `source` holds one of `pointer` (under the pointer prefix, by default
//!   `/data/attributes`), `parameter` or `header`, and is left out for an
//!   object-level error.
//! * `links.type` is `type_base` + code; meta members go into `meta`; an
//!   occurrence id (the request's correlation id) is the error's `id`.
//! * A document carries no top-level `jsonapi` member.

use super::write::{self, Doc};
use super::{code_schema, enum_of, meta_value_schema};
use crate::error::ApiError;
use crate::error::Settings;
use crate::error::{ErrorList, Format};
use crate::json;
use crate::location::Location;
use crate::path;
use crate::received::FormatDecode;
use crate::received::{ReceivedError, read};
use crate::schema::DocumentedErrors;
use crate::schema::FormatSchema;
use http::StatusCode;
use serde_json::{Value, json};

/// The JSON:API format.
pub(crate) struct JsonApi;

impl Format for JsonApi {
    fn name(&self) -> &'static str {
        "jsonapi"
    }

    fn media_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    /// One error object per error; the HTTP status is the collection's.
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        let whole = errors.whole().settings();
        let doc = Doc::of(&whole);
        out.extend_from_slice(b"{\"errors\":[");
        write::each_item(errors.iter(), out, |err, out| {
            object(
                &err,
                &write::in_collection(err.settings(), &whole),
                doc,
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

impl FormatDecode for JsonApi {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        decode(status, &serde_json::from_slice(body).ok()?)
    }
}

impl FormatSchema for JsonApi {
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> Value {
        json_schema(input)
    }
}

/// One error's document; generic, so derived types reach it monomorphized.
pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let settings = err.settings();
    out.extend_from_slice(b"{\"errors\":[");
    object(err, &settings, Doc::of(&settings), out);
    out.extend_from_slice(b"]}");
}

/// One JSON:API error object.
fn object<E: ApiError + ?Sized>(err: &E, s: &Settings<'_>, doc: Doc<'_>, out: &mut Vec<u8>) {
    out.push(b'{');
    if let Some(id) = err.occurrence().id {
        out.extend_from_slice(b"\"id\":");
        json::string(out, id);
        out.push(b',');
    }
    out.extend_from_slice(b"\"status\":\"");
    json::unsigned(out, usize::from(err.status().as_u16()));
    out.push(b'"');
    if !s.redact_code {
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
    }
    out.extend_from_slice(b",\"title\":");
    json::string(out, err.title());
    out.extend_from_slice(b",\"detail\":");
    write::detail_or(err, s, out, write::GENERIC_SERVER_DETAIL);
    match s.jsonapi_source.or_else(|| err.location()) {
        // An object-level error has no member to point at: no `source`.
        None | Some(Location::NonField) => {}
        Some(Location::Field(dotted)) => {
            out.extend_from_slice(b",\"source\":{\"pointer\":\"");
            if !begins_with(doc.pointer_prefix, dotted.split('.')) {
                json::escape_into(out, doc.pointer_prefix);
            }
            path::write_pointer_from_dotted(out, dotted, false);
            out.extend_from_slice(b"\"}");
        }
        Some(Location::FieldPath(field_path)) => {
            out.extend_from_slice(b",\"source\":{\"pointer\":\"");
            let keys = field_path.segments().iter().map(|segment| match segment {
                crate::path::Segment::Key(key) => &**key,
                crate::path::Segment::Index(_) => "",
            });
            if !begins_with(doc.pointer_prefix, keys) {
                json::escape_into(out, doc.pointer_prefix);
            }
            path::write_pointer(out, field_path, false);
            out.extend_from_slice(b"\"}");
        }
        Some(Location::Pointer(pointer)) => {
            out.extend_from_slice(b",\"source\":{\"pointer\":");
            json::string(out, pointer);
            out.push(b'}');
        }
        Some(Location::Parameter(name)) => {
            out.extend_from_slice(b",\"source\":{\"parameter\":");
            json::string(out, name);
            out.push(b'}');
        }
        Some(Location::Header(name)) => {
            out.extend_from_slice(b",\"source\":{\"header\":");
            json::string(out, name);
            out.push(b'}');
        }
    }
    if let Some(base) = s.type_base.filter(|_| !s.redact_code) {
        out.extend_from_slice(b",\"links\":{\"type\":\"");
        json::escape_into(out, base);
        json::escape_into(out, err.code());
        out.extend_from_slice(b"\"}");
    }
    meta(err, out);
    out.push(b'}');
}

/// Whether a member path (its segments) already begins with the members
/// `prefix` points at (`/data/attributes`): the path of a request body
/// member as a parser reports it, such as `data.attributes.room_id`, is
/// prefixed once, never twice.
fn begins_with<'p>(prefix: &str, mut path: impl Iterator<Item = &'p str>) -> bool {
    let mut any = false;
    for member in prefix.split('/').skip(1) {
        if path.next() != Some(member) {
            return false;
        }
        any = true;
    }
    // The path must name a member past the prefix.
    any && path.next().is_some()
}

/// `,"meta":{...}`; nothing when there are no meta members.
fn meta<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let written = write::each_meta(err, out, |out, name, before| {
        out.extend_from_slice(if before == 0 { b",\"meta\":{" } else { b"," });
        json::key(out, name);
        true
    });
    if written > 0 {
        out.push(b'}');
    }
}

/// A JSON:API errors document read back: one [`ReceivedError`] per error
/// object (`status` a string, `source` as pointer, parameter or header).
pub(crate) fn decode(status: StatusCode, body: &Value) -> Option<Vec<ReceivedError>> {
    // A document's top-level members and an error object's, as JSON:API
    // 1.1 lists them: anything else is another envelope's shape.
    const TOP: [&str; 4] = ["errors", "meta", "jsonapi", "links"];
    const ITEM: [&str; 8] = [
        "id", "links", "status", "code", "title", "detail", "source", "meta",
    ];
    if !body
        .as_object()?
        .keys()
        .all(|key| TOP.contains(&key.as_str()))
    {
        return None;
    }
    let items = read::array(body, "errors")?;
    let mut errors = Vec::with_capacity(items.len());
    for item in items {
        if !item
            .as_object()?
            .keys()
            .all(|key| ITEM.contains(&key.as_str()))
        {
            return None;
        }
        let mut received = ReceivedError::new(
            read::text(item, "status")
                .and_then(|s| s.parse::<u16>().ok())
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(status),
        );
        received.code = read::text(item, "code");
        received.title = read::text(item, "title");
        received.detail = read::text(item, "detail");
        received.location = item.get("source").and_then(|source| {
            ["pointer", "parameter", "header"]
                .iter()
                .find_map(|key| read::text(source, key))
        });
        if let Some(meta) = read::object(item, "meta") {
            received.meta.clone_from(meta);
        }
        errors.push(received);
    }
    Some(errors)
}

/// The `meta` object: the members the type declares (typed where their
/// JSON type is known), and any other.
fn meta_schema(input: &DocumentedErrors<'_>) -> Value {
    let properties: serde_json::Map<String, Value> = input
        .meta
        .iter()
        .map(|name| ((*name).to_owned(), meta_value_schema(input.meta_type(name))))
        .collect();
    json!({"type": "object", "properties": properties, "additionalProperties": true})
}

/// The JSON Schema (2020-12, as OpenAPI 3.1 embeds it) of this envelope's
/// documents for an error type answering `statuses` with `codes` (any code
/// when `None`): `status` a string, `source` one of its three members.
pub(crate) fn json_schema(input: &DocumentedErrors<'_>) -> Value {
    let string = json!({"type": "string"});
    let statuses: Vec<String> = input.statuses.iter().map(u16::to_string).collect();
    let status = enum_of(
        json!({"type": "string", "pattern": "^[45][0-9][0-9]$"}),
        &statuses,
    );
    json!({
        "type": "object",
        "required": ["errors"],
        "properties": {
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {
                        "id": string,
                        "status": status,
                        "code": code_schema(input.codes, input.open_codes),
                        "title": string,
                        "detail": string,
                        "source": {
                            "type": "object",
                            "properties": {
                                "pointer": {"type": "string", "format": "json-pointer"},
                                "parameter": string,
                                "header": string
                            },
                            "additionalProperties": false
                        },
                        "links": {
                            "type": "object",
                            "properties": {"type": {"type": "string", "format": "uri"}}
                        },
                        "meta": meta_schema(input)
                    },
                    "additionalProperties": false
                }
            }
        }
    })
}
