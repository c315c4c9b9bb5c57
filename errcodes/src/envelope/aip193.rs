//! Google's AIP-193 error model (google.aip.dev/193): a `google.rpc.Status`
//! in its HTTP/JSON form, served as `application/json`:
//!
//! ```text
//! {"error": {"code": 404, "message": "...", "status": "NOT_FOUND", "details": [
//!   {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ORDER_NOT_FOUND",
//!    "domain": "orders.example.com", "metadata": {"orderId": "42"}},
//!   {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [...]},
//!   {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}]}}
//! ```
//!
//! * `code` is the HTTP status (a number), `status` its canonical name from
//!   `google/rpc/code.proto`'s "HTTP Mapping" comments (see [`canonical`]),
//!   unless the variant declares another (`rpc_code`, or a `kind` that is
//!   a canonical name).
//! * Exactly one `ErrorInfo`, first: `reason` is the stable code in
//!   `UPPER_SNAKE_CASE` (the canonical name when the code is not declared),
//!   `domain` the type's `domain`, `metadata` the meta members as strings
//!   under lowerCamelCase keys. Empty members are left out, as proto3 JSON does.
//! * A `BadRequest` when an error is about request members: one field
//!   violation each, its `field` a dotted path with list indexes in brackets
//!   and names in lowerCamelCase (`emailAddresses[1].email`, as
//!   `error_details.proto` writes it in JSON).
//! * A `RetryInfo` when the error sets `Retry-After` in seconds, unless it is
//!   declared `retryable = false`.
//!
//! This format is written only through errcodes' public API, as a format of
//! your own would be.

use core::fmt;

use http::header::RETRY_AFTER;
use http::{HeaderName, StatusCode};

use super::write;
use super::{enum_of, status_schema, unique};
use crate::case::{metadata_key, upper_snake};
use crate::error::ApiError;
use crate::error::Settings;
use crate::error::{ErrorList, Format};
use crate::json;
use crate::location::Location;
use crate::path::Segment;
use crate::received::FormatDecode;
use crate::received::{ReceivedError, read};
use crate::redact::GENERIC;
use crate::rpc::code::Code;
use crate::rpc::proto::TYPE_PREFIX;
use crate::schema::DocumentedErrors;
use crate::schema::FormatSchema;
use crate::visit::{MetaValue, delta_seconds};
use serde_json::{Value, json};

/// The AIP-193 format.
pub(crate) struct Aip193;

impl Format for Aip193 {
    fn name(&self) -> &'static str {
        "aip193"
    }

    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    /// The collection as a whole, with one field violation per error.
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        let whole = errors.whole();
        status(whole, &whole.settings(), out, |out| {
            bad_request(errors.iter(), out);
        });
    }

    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }

    fn schema(&self) -> Option<&dyn FormatSchema> {
        Some(self)
    }
}

impl FormatDecode for Aip193 {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        decode(status, &serde_json::from_slice(body).ok()?)
    }
}

impl FormatSchema for Aip193 {
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> Value {
        json_schema(input)
    }
}

/// One error's document; generic, so derived types reach it monomorphized.
pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let located = err.location().is_some();
    status(err, &err.settings(), out, |out| {
        if located {
            // `&E` is an error too, and sized: any `E` becomes a `&dyn`.
            bad_request(core::iter::once(err), out);
        }
    });
}

/// The canonical code name of `status`: [`Code::for_status`]'s.
#[must_use]
pub(crate) fn canonical(status: StatusCode) -> &'static str {
    Code::for_status(status).name()
}

/// The canonical code name an error answers with
/// ([`Code::answered`]).
pub(crate) fn code_name<E: ApiError + ?Sized>(err: &E, s: &Settings<'_>) -> &'static str {
    Code::answered(err.status(), s.rpc_code, s.kind).name()
}

/// `err` as this envelope's JSON, with a `Help` link to its type URI: the
/// content every RPC shape carries (`rpc`, the Connect envelope).
pub(crate) fn document<E: ApiError + ?Sized>(err: &E) -> Value {
    let mut body = Vec::with_capacity(512);
    super::write(err, super::Envelope::Aip193, &mut body);
    let mut document: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let settings = err.settings();
    if let Some(base) = settings.type_base.filter(|_| !settings.redact_code)
        && err.errors().is_none()
        && let Some(details) = document
            .pointer_mut("/error/details")
            .and_then(Value::as_array_mut)
    {
        details.push(json!({
            "@type": format!("{TYPE_PREFIX}google.rpc.Help"),
            "links": [{"description": err.title(), "url": format!("{base}{}", err.code())}],
        }));
    }
    document
}

/// `{"error": {code, message, status, details: [ErrorInfo, ..., RetryInfo?]}}`,
/// with `more` writing the details between the two (each preceded by a comma).
fn status<E: ApiError + ?Sized>(
    err: &E,
    s: &Settings<'_>,
    out: &mut Vec<u8>,
    more: impl FnOnce(&mut Vec<u8>),
) {
    let name = code_name(err, s);
    out.extend_from_slice(b"{\"error\":{\"code\":");
    json::unsigned(out, usize::from(err.status().as_u16()));
    out.extend_from_slice(b",\"message\":");
    out.push(b'"');
    developer_message(err, s, out);
    out.push(b'"');
    out.extend_from_slice(b",\"status\":");
    json::string(out, name);
    out.extend_from_slice(b",\"details\":[");
    error_info(err, s, name, out);
    more(out);
    retry_info(err, out);
    if let Some(locale) = err.occurrence().language {
        out.extend_from_slice(b",{\"@type\":\"type.googleapis.com/google.rpc.LocalizedMessage\",");
        localized_message(err, s, locale, out);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}}");
}

/// A `message` or `description`: the developer-facing text, in the
/// fallback language when the error is localized (AIP-193 keeps it so and
/// adds a `LocalizedMessage`).
fn developer_message<E: ApiError + ?Sized>(err: &E, s: &Settings<'_>, out: &mut Vec<u8>) {
    #[cfg(feature = "fluent")]
    write::fallback_detail_inner(err, s, out, GENERIC);
    #[cfg(not(feature = "fluent"))]
    write::detail_or_inner(err, s, out, GENERIC);
}

/// The members of a `google.rpc.LocalizedMessage`: `"locale":...,"message":...`.
fn localized_message<E: ApiError + ?Sized>(
    err: &E,
    s: &Settings<'_>,
    locale: &str,
    out: &mut Vec<u8>,
) {
    out.extend_from_slice(b"\"locale\":");
    json::string(out, locale);
    out.extend_from_slice(b",\"message\":\"");
    write::detail_or_inner(err, s, out, GENERIC);
    out.push(b'"');
}

/// The one `ErrorInfo`.
fn error_info<E: ApiError + ?Sized>(
    err: &E,
    s: &Settings<'_>,
    canonical_name: &str,
    out: &mut Vec<u8>,
) {
    out.extend_from_slice(b"{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"");
    let mark = out.len();
    if !s.redact_code {
        upper_snake(out, err.code());
    }
    if out.len() - mark < 3 {
        // No declared code, or none that makes a reason (at least three
        // characters): the canonical name.
        out.truncate(mark);
        out.extend_from_slice(canonical_name.as_bytes());
    }
    out.push(b'"');
    if let Some(domain) = s.domain.filter(|d| !d.is_empty()) {
        out.extend_from_slice(b",\"domain\":");
        json::string(out, domain);
    }
    let mut written = 0;
    err.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
        let mark = out.len();
        out.extend_from_slice(if written == 0 {
            b",\"metadata\":{\""
        } else {
            b",\""
        });
        let key_start = out.len();
        metadata_key(out, name);
        if out.len() == key_start {
            out.truncate(mark); // a name with no letters or digits
            return;
        }
        out.extend_from_slice(b"\":");
        if metadata_value(value, out) {
            written += 1;
        } else {
            out.truncate(mark);
        }
    });
    if written > 0 {
        out.push(b'}');
    }
    out.push(b'}');
}

/// A meta value as a metadata string (a map of string to string): a string
/// as it is, `null` as empty, anything else as its JSON text. False, with
/// nothing kept, when the value does not serialize.
fn metadata_value(value: &dyn MetaValue, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    if value.write_json(out).is_err() {
        out.truncate(start);
        return false;
    }
    let written = &out[start..];
    if written.first() == Some(&b'"') {
        json::escape_markup_from(out, start);
        return true; // already a JSON string
    }
    if written == b"null" {
        out.truncate(start);
        out.extend_from_slice(b"\"\"");
    } else if !written.iter().any(|&b| b == b'"' || b == b'\\') {
        // A number or a boolean, or structure without strings: quoting is
        // enough.
        out.insert(start, b'"');
        out.push(b'"');
    } else {
        let text = String::from_utf8_lossy(&out[start..]).into_owned();
        out.truncate(start);
        json::string(out, &text);
    }
    true
}

/// A `BadRequest` with one field violation per error in `errors`.
fn bad_request<E: ApiError>(errors: impl Iterator<Item = E>, out: &mut Vec<u8>) {
    out.extend_from_slice(
        b",{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[",
    );
    for (i, err) in errors.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'{');
        let mark = out.len();
        out.extend_from_slice(b"\"field\":\"");
        let field_start = out.len();
        field(err.location(), out);
        if out.len() == field_start {
            out.truncate(mark); // about the request as a whole: no field
        } else {
            out.extend_from_slice(b"\",");
        }
        out.extend_from_slice(b"\"description\":");
        let settings = err.settings();
        out.push(b'"');
        developer_message(&err, &settings, out);
        out.push(b'"');
        if !settings.redact_code {
            let mark = out.len();
            out.extend_from_slice(b",\"reason\":\"");
            let reason_start = out.len();
            upper_snake(out, err.code());
            if out.len() - reason_start < 3 {
                out.truncate(mark);
            } else {
                out.push(b'"');
            }
        }
        if let Some(locale) = err.occurrence().language {
            out.extend_from_slice(b",\"localizedMessage\":{");
            localized_message(&err, &settings, locale, out);
            out.push(b'}');
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
}

/// A field violation's path, escaped for a JSON string: dotted, list
/// indexes in brackets, names in lowerCamelCase.
fn field(location: Option<Location<'_>>, out: &mut Vec<u8>) {
    let start = out.len();
    match location {
        None | Some(Location::NonField) => {}
        Some(Location::Field(dotted)) => {
            for part in dotted.split('.') {
                field_part(out, start, part);
            }
        }
        Some(Location::FieldPath(path)) => {
            for segment in path.segments() {
                match segment {
                    Segment::Key(key) => field_name(out, start, key),
                    Segment::Index(index) => {
                        out.push(b'[');
                        json::unsigned(out, *index);
                        out.push(b']');
                    }
                }
            }
        }
        Some(Location::Pointer(pointer)) => {
            for part in pointer.split('/').skip(1) {
                field_part(out, start, &part.replace("~1", "/").replace("~0", "~"));
            }
        }
        // Query parameters and headers are named as they are sent.
        Some(Location::Parameter(name) | Location::Header(name)) => json::escape_into(out, name),
    }
}

/// One part of a dotted path: a list index in brackets (unless it starts
/// the path), else a name.
fn field_part(out: &mut Vec<u8>, start: usize, part: &str) {
    if out.len() > start && !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
        out.push(b'[');
        out.extend_from_slice(part.as_bytes());
        out.push(b']');
    } else {
        field_name(out, start, part);
    }
}

/// A member name, after a `.` unless it starts the path.
fn field_name(out: &mut Vec<u8>, start: usize, name: &str) {
    if out.len() > start {
        out.push(b'.');
    }
    lower_camel(out, name);
}

/// A `RetryInfo` when the error sets `Retry-After` in delta-seconds (the
/// largest, should it set several).
fn retry_info<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    // An error declared not retryable never tells a client when to retry.
    if err.settings().retry == Some(crate::error::Retry::Never) {
        return;
    }
    let mut seconds: Option<u64> = None;
    err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
        if *name == RETRY_AFTER
            && let Some(n) = delta_seconds(value)
        {
            seconds = Some(seconds.map_or(n, |s| s.max(n)));
        }
    });
    if let Some(seconds) = seconds {
        out.extend_from_slice(
            b",{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"",
        );
        json::unsigned(out, usize::try_from(seconds).unwrap_or(usize::MAX));
        out.extend_from_slice(b"s\"}");
    }
}

/// `retry_after` -> `retryAfter`, escaped for a JSON string: underscores
/// removed, the letter after each one upper-cased.
fn lower_camel(out: &mut Vec<u8>, name: &str) {
    let mut upper_next = false;
    let mut wrote = false;
    let mut buf = [0u8; 4];
    for c in name.chars() {
        if c == '_' {
            upper_next = wrote;
            continue;
        }
        let c = if upper_next {
            c.to_ascii_uppercase()
        } else {
            c
        };
        upper_next = false;
        wrote = true;
        json::escape_into(out, c.encode_utf8(&mut buf));
    }
}

/// A `google.rpc.Status` read back: the `ErrorInfo`'s `reason` as the code
/// and its `metadata` as meta (strings, lowerCamelCase keys), a
/// `BadRequest`'s field violations as entries.
///
/// Both JSON dialects: Google's (`{"error": {...}}`, the HTTP status in
/// `code`) and grpc-gateway's (the status object itself, the gRPC code's
/// number in `code`, which then says the status when the response's own
/// does not).
pub(crate) fn decode(status: StatusCode, body: &Value) -> Option<Vec<ReceivedError>> {
    let error = match body.get("error") {
        Some(error) => error,
        None if body.get("code").is_some_and(Value::is_u64) => body,
        None => return None,
    };
    let number = error.get("code")?.as_u64()?;
    let code = if number < 100 {
        // grpc-gateway: the canonical code's number.
        let rpc = i32::try_from(number).ok().and_then(Code::from_number);
        match rpc {
            Some(rpc) if !status.is_client_error() && !status.is_server_error() => {
                rpc.http_status()
            }
            _ => status,
        }
    } else {
        u16::try_from(number)
            .ok()
            .and_then(|s| StatusCode::from_u16(s).ok())
            .unwrap_or(status)
    };
    let mut received = ReceivedError::new(code);
    received.detail = read::text(error, "message");
    for detail in read::array(error, "details").unwrap_or_default() {
        match read::text(detail, "@type").as_deref() {
            Some("type.googleapis.com/google.rpc.ErrorInfo") => {
                if let Some(reason) = read::text(detail, "reason") {
                    received = received.with_reason(reason);
                }
                if let Some(metadata) = read::object(detail, "metadata") {
                    received.meta.clone_from(metadata);
                }
            }
            Some("type.googleapis.com/google.rpc.RetryInfo") => {
                received.retry_delay = read::text(detail, "retryDelay")
                    .and_then(|d| d.strip_suffix('s').map(str::to_owned))
                    .and_then(|d| d.split('.').next().and_then(|s| s.parse().ok()));
            }
            Some("type.googleapis.com/google.rpc.BadRequest") => {
                for violation in read::array(detail, "fieldViolations").unwrap_or_default() {
                    let mut entry = ReceivedError::new(code);
                    entry.location = read::text(violation, "field");
                    entry.detail = read::text(violation, "description");
                    if let Some(reason) = read::text(violation, "reason") {
                        entry = entry.with_reason(reason);
                    }
                    received.entries.push(entry);
                }
            }
            _ => {}
        }
    }
    Some(vec![received])
}

/// The JSON Schema of a `google.rpc.Status` in its HTTP/JSON form for an
/// error type answering `statuses` with `codes` (as `UPPER_SNAKE_CASE`
/// `reason`s, beside the statuses' canonical names).
pub(crate) fn json_schema(input: &DocumentedErrors<'_>) -> Value {
    let (statuses, codes) = (input.statuses, input.codes);
    // A code not sent gives way to the status's canonical name.
    let reasons: Vec<String> = match codes {
        Some(codes) => unique(
            codes
                .iter()
                .map(|c| {
                    let mut out = Vec::new();
                    upper_snake(&mut out, c);
                    String::from_utf8(out).unwrap_or_default()
                })
                .chain(
                    statuses
                        .iter()
                        .filter(|_| input.withheld)
                        .filter_map(|s| StatusCode::from_u16(*s).ok())
                        .map(|s| canonical(s).to_owned()),
                ),
        ),
        None => Vec::new(),
    };
    let code = status_schema(statuses);
    let reason = if input.open_codes && !reasons.is_empty() {
        json!({"type": "string", "examples": reasons, "x-extensible-enum": reasons})
    } else {
        enum_of(json!({"type": "string"}), &reasons)
    };
    json!({
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "status"],
                "properties": {
                    "code": code,
                    "message": {"type": "string"},
                    "status": {"type": "string"},
                    "details": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["@type"],
                            "properties": {
                                "@type": {"type": "string"},
                                "reason": reason,
                                "domain": {"type": "string"},
                                "metadata": {
                                    "type": "object",
                                    "additionalProperties": {"type": "string"}
                                },
                                "fieldViolations": {"type": "array"},
                                "retryDelay": {"type": "string"}
                            }
                        }
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::written;

    #[test]
    fn names_are_lower_camel_case() {
        assert_eq!(written(|o| lower_camel(o, "retry_after")), "retryAfter");
        assert_eq!(
            written(|o| lower_camel(o, "email_addresses")),
            "emailAddresses"
        );
        assert_eq!(written(|o| lower_camel(o, "_private")), "private");
        assert_eq!(written(|o| lower_camel(o, "vmType")), "vmType");
    }

    #[test]
    fn fields_put_indexes_in_brackets() {
        let dotted = |p| written(|o| field(Some(Location::Field(p)), o));
        assert_eq!(dotted("email_addresses.1.email"), "emailAddresses[1].email");
        assert_eq!(dotted("items.0.sku"), "items[0].sku");
        assert_eq!(
            written(|o| field(Some(Location::Pointer("/data/a~1b/0")), o)),
            "data.a/b[0]"
        );
        assert_eq!(written(|o| field(Some(Location::NonField), o)), "");
    }

    #[test]
    fn canonical_names_follow_code_proto() {
        for (status, name) in [
            (400, "INVALID_ARGUMENT"),
            (401, "UNAUTHENTICATED"),
            (403, "PERMISSION_DENIED"),
            (404, "NOT_FOUND"),
            (409, "ALREADY_EXISTS"),
            (429, "RESOURCE_EXHAUSTED"),
            (499, "CANCELLED"),
            (500, "INTERNAL"),
            (501, "UNIMPLEMENTED"),
            (503, "UNAVAILABLE"),
            (504, "DEADLINE_EXCEEDED"),
            (422, "INVALID_ARGUMENT"),
            (405, "UNIMPLEMENTED"),
            (410, "NOT_FOUND"),
            (502, "UNAVAILABLE"),
            (507, "INTERNAL"),
        ] {
            assert_eq!(canonical(StatusCode::from_u16(status).unwrap()), name);
        }
    }
}
