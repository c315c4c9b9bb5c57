//! One error, rendered into each of the five envelopes exactly as
//! `envelopes.md` specifies.

use crate::envelope::Envelope;
use crate::error::{ApiError, Location, MetaValue};
use crate::json;

/// The generic detail of a 5xx that declares none (JSON:API, Problem Details
/// and ShipStream).
pub const GENERIC_SERVER_DETAIL: &str = "The server hit an unexpected condition.";
/// Laravel's production text for a server error.
pub const LARAVEL_SERVER_MESSAGE: &str = "Server Error";
/// drf-standardized-errors' text for a server error.
pub const DRF_SERVER_DETAIL: &str = "A server error occurred.";

/// Problem Details members that meta members must not overwrite.
const PROBLEM_RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "instance", "code", "errors",
];

/// Appends `err` in `envelope` to `out`.
pub fn single<E: ApiError + ?Sized>(err: &E, envelope: Envelope, out: &mut Vec<u8>) {
    match envelope {
        Envelope::JsonApi => {
            out.extend_from_slice(b"{\"errors\":[");
            jsonapi_object(err, out);
            out.extend_from_slice(b"]}");
        }
        Envelope::Problem => problem(err, out),
        Envelope::Laravel => laravel(err, out),
        Envelope::Drf => {
            out.extend_from_slice(b"{\"type\":");
            json::string(out, drf_type(err));
            out.extend_from_slice(b",\"errors\":[");
            drf_item(err, out);
            out.extend_from_slice(b"]}");
        }
        Envelope::ShipStream => {
            out.extend_from_slice(b"{\"errors\":[");
            shipstream_item(err, out);
            out.extend_from_slice(b"]}");
        }
    }
}

/// Parses bytes this module wrote. They are valid JSON by construction; the
/// fallback keeps the promise that rendering never panics.
pub fn to_value(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap_or(serde_json::Value::Null)
}

/// The detail, or `generic` when the error declares none (a 5xx without a
/// public detail): never the source error's text.
fn detail_or<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>, generic: &str) {
    if err.has_detail() {
        json::detail(out, err);
    } else if err.status().is_server_error() {
        json::string(out, generic);
    } else {
        json::string(out, err.title());
    }
}

/// The key of a location in the dotted envelopes (Laravel, drf, ShipStream).
/// Returns false when there is no key to write.
fn dotted_key(location: Option<Location<'_>>, out: &mut Vec<u8>) -> bool {
    match location {
        None | Some(Location::Pointer("")) => false,
        Some(Location::Pointer(pointer)) => {
            out.push(b'"');
            json::path_from_pointer(out, pointer);
            out.push(b'"');
            true
        }
        Some(Location::Field(name) | Location::Parameter(name) | Location::Header(name)) => {
            json::string(out, name);
            true
        }
    }
}

/// Calls `write` for each meta member whose value serializes, telling it
/// how many members were written before; a member whose value fails is
/// removed again, so the document stays valid. Returns how many were written.
fn each_meta<E: ApiError + ?Sized>(
    err: &E,
    out: &mut Vec<u8>,
    mut write: impl FnMut(&mut Vec<u8>, &str, usize) -> bool,
) -> usize {
    let mut written = 0;
    err.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
        let mark = out.len();
        if !write(out, name, written) {
            return;
        }
        if value.write_json(out).is_ok() {
            written += 1;
        } else {
            out.truncate(mark);
        }
    });
    written
}

/// One JSON:API error object.
pub fn jsonapi_object<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let status = err.status();
    out.extend_from_slice(b"{\"status\":\"");
    json::number(out, status.as_u16());
    out.extend_from_slice(b"\",\"code\":");
    json::string(out, err.code());
    out.extend_from_slice(b",\"title\":");
    json::string(out, err.title());
    out.extend_from_slice(b",\"detail\":");
    detail_or(err, out, GENERIC_SERVER_DETAIL);
    if let Some(location) = err.location() {
        out.extend_from_slice(b",\"source\":{");
        match location {
            Location::Field(path) => {
                out.extend_from_slice(b"\"pointer\":\"");
                json::escape_into(out, err.pointer_prefix());
                json::pointer_from_path(out, path, false);
                out.push(b'"');
            }
            Location::Pointer(pointer) => {
                json::key(out, "pointer");
                json::string(out, pointer);
            }
            Location::Parameter(name) => {
                json::key(out, "parameter");
                json::string(out, name);
            }
            Location::Header(name) => {
                json::key(out, "header");
                json::string(out, name);
            }
        }
        out.push(b'}');
    }
    if let Some(base) = err.type_base() {
        out.extend_from_slice(b",\"links\":{\"type\":\"");
        json::escape_into(out, base);
        json::escape_into(out, err.code());
        out.extend_from_slice(b"\"}");
    }
    let written = each_meta(err, out, |out, name, before| {
        out.extend_from_slice(if before == 0 { b",\"meta\":{" } else { b"," });
        json::key(out, name);
        true
    });
    if written > 0 {
        out.push(b'}');
    }
    out.push(b'}');
}

/// A Problem Details document.
fn problem<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"type\":");
    match err.type_base() {
        Some(base) => {
            out.push(b'"');
            json::escape_into(out, base);
            json::escape_into(out, err.code());
            out.push(b'"');
        }
        None => out.extend_from_slice(b"\"about:blank\""),
    }
    out.extend_from_slice(b",\"title\":");
    json::string(out, err.title());
    out.extend_from_slice(b",\"status\":");
    json::number(out, err.status().as_u16());
    out.extend_from_slice(b",\"detail\":");
    detail_or(err, out, GENERIC_SERVER_DETAIL);
    out.extend_from_slice(b",\"code\":");
    json::string(out, err.code());
    each_meta(err, out, |out, name, _| {
        if PROBLEM_RESERVED.contains(&name) {
            return false;
        }
        out.push(b',');
        json::key(out, name);
        true
    });
    if let Some(location) = err.location() {
        out.extend_from_slice(b",\"errors\":[");
        problem_item(err, location, out);
        out.push(b']');
    }
    out.push(b'}');
}

/// One item of the Problem Details `errors` extension.
pub fn problem_item<E: ApiError + ?Sized>(err: &E, location: Location<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"detail\":");
    detail_or(err, out, GENERIC_SERVER_DETAIL);
    match location {
        Location::Field(path) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            json::pointer_from_path(out, path, true);
            out.push(b'"');
        }
        Location::Pointer(pointer) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            json::pointer_as_fragment(out, pointer);
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
    out.extend_from_slice(b",\"code\":");
    json::string(out, err.code());
    out.push(b'}');
}

/// A Laravel JSON error.
fn laravel<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"message\":");
    detail_or(err, out, LARAVEL_SERVER_MESSAGE);
    let mark = out.len();
    out.extend_from_slice(b",\"errors\":{");
    if dotted_key(err.location(), out) {
        out.extend_from_slice(b":[");
        detail_or(err, out, LARAVEL_SERVER_MESSAGE);
        out.extend_from_slice(b"]}");
    } else {
        out.truncate(mark);
    }
    out.push(b'}');
}

/// The drf-standardized-errors `type` of one error.
pub fn drf_type<E: ApiError + ?Sized>(err: &E) -> &str {
    if let Some(kind) = err.kind() {
        kind
    } else if err.status().is_server_error() {
        "server_error"
    } else if err.location().is_some() {
        "validation_error"
    } else {
        "client_error"
    }
}

/// One drf-standardized-errors item: `{code, detail, attr}`, all present.
pub fn drf_item<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"code\":");
    json::string(out, err.code());
    out.extend_from_slice(b",\"detail\":");
    detail_or(err, out, DRF_SERVER_DETAIL);
    out.extend_from_slice(b",\"attr\":");
    if !dotted_key(err.location(), out) {
        out.extend_from_slice(b"null");
    }
    out.push(b'}');
}

/// The ShipStream `type` of one error.
pub fn shipstream_type<E: ApiError + ?Sized>(err: &E) -> &str {
    match (err.kind(), err.location()) {
        (Some(kind), _) => kind,
        (None, Some(Location::Parameter(_))) if err.status().is_client_error() => "parameters",
        _ => "application",
    }
}

/// One ShipStream error item. An error with a location carries its title as
/// the message and its detail in one `details` entry.
fn shipstream_item<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"type\":");
    json::string(out, shipstream_type(err));
    out.extend_from_slice(b",\"message\":");
    let mark = out.len();
    json::string(out, err.title());
    out.extend_from_slice(b",\"details\":[{\"key\":");
    if dotted_key(err.location(), out) {
        out.extend_from_slice(b",\"message\":");
        detail_or(err, out, GENERIC_SERVER_DETAIL);
        out.extend_from_slice(b"}]");
    } else {
        out.truncate(mark);
        detail_or(err, out, GENERIC_SERVER_DETAIL);
    }
    out.push(b'}');
}
