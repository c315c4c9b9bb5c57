//! Errors rendered into each of the five envelopes exactly as the
//! specification says: one error ([`single`]) or a collection ([`many`]).

use crate::collection::ApiErrors;
use crate::envelope::Envelope;
use crate::error::{ApiError, Location, MetaValue};
use crate::json;

/// The generic detail of a 5xx that declares none (JSON:API, Problem Details
/// and `ShipStream`).
pub const GENERIC_SERVER_DETAIL: &str = "The server hit an unexpected condition.";
/// Laravel's production text for a server error.
pub const LARAVEL_SERVER_MESSAGE: &str = "Server Error";
/// drf-standardized-errors' text for a server error.
pub const DRF_SERVER_DETAIL: &str = "A server error occurred.";
/// drf's `NON_FIELD_ERRORS_KEY`, the key of object-level errors.
pub const NON_FIELD_KEY: &str = "non_field_errors";

/// Problem Details members that meta members must not overwrite.
const PROBLEM_RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "instance", "code", "errors",
];

/// What a document decides for all of its errors.
#[derive(Clone, Copy)]
struct Doc<'a> {
    /// The JSON:API `source.pointer` prefix of field errors.
    pointer_prefix: &'a str,
    /// The key of object-level errors in the dotted envelopes.
    non_field_key: &'a str,
}

/// Appends `err` in `envelope` to `out`.
pub fn single<E: ApiError + ?Sized>(err: &E, envelope: Envelope, out: &mut Vec<u8>) {
    let doc = Doc {
        pointer_prefix: err.pointer_prefix(),
        non_field_key: NON_FIELD_KEY,
    };
    match envelope {
        Envelope::JsonApi => {
            out.extend_from_slice(b"{\"errors\":[");
            jsonapi_object(err, doc, out);
            out.extend_from_slice(b"]}");
        }
        Envelope::Problem => {
            problem_head(err, out);
            problem_meta(err, out);
            if let Some(location) = err.location() {
                out.extend_from_slice(b",\"errors\":[");
                problem_item(err, location, out);
                out.push(b']');
            }
            out.push(b'}');
        }
        Envelope::Laravel => {
            out.extend_from_slice(b"{\"message\":");
            detail_or(err, out, LARAVEL_SERVER_MESSAGE);
            let mark = out.len();
            out.extend_from_slice(b",\"errors\":{");
            if dotted_key(err.location(), doc, out) {
                out.extend_from_slice(b":[");
                detail_or(err, out, LARAVEL_SERVER_MESSAGE);
                out.extend_from_slice(b"]}");
            } else {
                out.truncate(mark);
            }
            out.push(b'}');
        }
        Envelope::Drf => {
            out.extend_from_slice(b"{\"type\":");
            json::string(out, drf_type(err));
            out.extend_from_slice(b",\"errors\":[");
            drf_item(err, doc, out);
            out.extend_from_slice(b"]}");
        }
        Envelope::ShipStream => {
            out.extend_from_slice(b"{\"errors\":[{\"type\":");
            json::string(out, shipstream_type(err));
            out.extend_from_slice(b",\"message\":");
            // An error about a request member carries its title as the
            // message and its detail in one `details` entry.
            let mark = out.len();
            json::string(out, err.title());
            out.extend_from_slice(b",\"details\":[");
            if shipstream_detail(err, doc, out) {
                out.push(b']');
            } else {
                out.truncate(mark);
                detail_or(err, out, GENERIC_SERVER_DETAIL);
            }
            out.extend_from_slice(b"}]}");
        }
    }
}

/// Appends a collection in `envelope` to `out`: one document for all of its
/// errors, as each envelope shapes many errors.
pub fn many(errors: &ApiErrors, envelope: Envelope, out: &mut Vec<u8>) {
    let doc = Doc {
        pointer_prefix: errors.pointer_prefix_setting(),
        non_field_key: errors.non_field_key(),
    };
    match envelope {
        Envelope::JsonApi => {
            out.extend_from_slice(b"{\"errors\":[");
            for (i, err) in errors.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                jsonapi_object(err, doc, out);
            }
            out.extend_from_slice(b"]}");
        }
        Envelope::Problem => {
            problem_head(errors, out);
            out.extend_from_slice(b",\"errors\":[");
            for (i, err) in errors.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                problem_item(err, err.location().unwrap_or(Location::NonField), out);
            }
            out.extend_from_slice(b"]}");
        }
        Envelope::Laravel => laravel_many(errors, doc, out),
        Envelope::Drf => {
            // Only validation produces many items in drf; a 5xx among them
            // makes the whole a server error.
            let kind = if errors.status().is_server_error() {
                "server_error"
            } else {
                "validation_error"
            };
            out.extend_from_slice(b"{\"type\":");
            json::string(out, kind);
            out.extend_from_slice(b",\"errors\":[");
            for (i, err) in errors.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                drf_item(err, doc, out);
            }
            out.extend_from_slice(b"]}");
        }
        Envelope::ShipStream => {
            let parameters = errors.status().is_client_error()
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
            json::detail(out, errors);
            out.extend_from_slice(b",\"details\":[");
            for (i, err) in errors.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                if !shipstream_detail(err, doc, out) {
                    // Every entry keeps its message, under the non-field key.
                    out.extend_from_slice(b"{\"key\":");
                    json::string(out, doc.non_field_key);
                    out.extend_from_slice(b",\"message\":");
                    detail_or(err, out, GENERIC_SERVER_DETAIL);
                    out.push(b'}');
                }
            }
            out.extend_from_slice(b"]}]}");
        }
    }
}

/// Parses bytes this module wrote. They are valid JSON by construction; the
/// fallback keeps the promise that rendering never panics.
pub fn to_value(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap_or(serde_json::Value::Null)
}

/// The detail as a JSON string, or `generic` when the error declares none (a
/// 5xx without a public detail): never the source error's text.
fn detail_or<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>, generic: &str) {
    out.push(b'"');
    detail_or_inner(err, out, generic);
    out.push(b'"');
}

/// [`detail_or`] without the quotes, for text that continues the string.
fn detail_or_inner<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>, generic: &str) {
    if err.has_detail() {
        json::detail_inner(out, err);
    } else if err.status().is_server_error() {
        json::escape_into(out, generic);
    } else {
        json::escape_into(out, err.title());
    }
}

/// The key of a location in the dotted envelopes (Laravel, drf, `ShipStream`),
/// as a JSON string. Returns false, writing nothing, when there is none.
fn dotted_key(location: Option<Location<'_>>, doc: Doc<'_>, out: &mut Vec<u8>) -> bool {
    match location {
        None | Some(Location::Pointer("")) => return false,
        Some(Location::NonField) => json::string(out, doc.non_field_key),
        Some(Location::Pointer(pointer)) => {
            out.push(b'"');
            json::path_from_pointer(out, pointer);
            out.push(b'"');
        }
        Some(Location::Path(path)) => {
            out.push(b'"');
            json::dotted_from_segments(out, path);
            out.push(b'"');
        }
        Some(Location::Field(name) | Location::Parameter(name) | Location::Header(name)) => {
            json::string(out, name);
        }
    }
    true
}

/// `,"meta":{...}` for JSON:API; nothing when there are no meta members.
fn jsonapi_meta<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let written = each_meta(err, out, |out, name, before| {
        out.extend_from_slice(if before == 0 { b",\"meta\":{" } else { b"," });
        json::key(out, name);
        true
    });
    if written > 0 {
        out.push(b'}');
    }
}

/// Meta members flattened into a Problem Details object, skipping any that
/// would overwrite a standard member.
fn problem_meta<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    each_meta(err, out, |out, name, _| {
        if PROBLEM_RESERVED.contains(&name) {
            return false;
        }
        out.push(b',');
        json::key(out, name);
        true
    });
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
fn jsonapi_object<E: ApiError + ?Sized>(err: &E, doc: Doc<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"status\":\"");
    json::number(out, err.status().as_u16());
    out.push(b'"');
    if err.has_code() {
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
    }
    out.extend_from_slice(b",\"title\":");
    json::string(out, err.title());
    out.extend_from_slice(b",\"detail\":");
    detail_or(err, out, GENERIC_SERVER_DETAIL);
    match err.jsonapi_source() {
        // An object-level error has no member to point at: no `source`.
        None | Some(Location::NonField) => {}
        Some(Location::Field(path)) => {
            out.extend_from_slice(b",\"source\":{\"pointer\":\"");
            json::escape_into(out, doc.pointer_prefix);
            json::pointer_from_path(out, path, false);
            out.extend_from_slice(b"\"}");
        }
        Some(Location::Path(path)) => {
            out.extend_from_slice(b",\"source\":{\"pointer\":\"");
            json::escape_into(out, doc.pointer_prefix);
            json::pointer_from_segments(out, path, false);
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
    if let Some(base) = err.type_base().filter(|_| err.has_code()) {
        out.extend_from_slice(b",\"links\":{\"type\":\"");
        json::escape_into(out, base);
        json::escape_into(out, err.code());
        out.extend_from_slice(b"\"}");
    }
    jsonapi_meta(err, out);
    out.push(b'}');
}

/// The standard members of a Problem Details object and `code`, without the
/// closing brace.
fn problem_head<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"type\":");
    // A type URI names the code, so an undeclared code leaves `about:blank`.
    match err.type_base().filter(|_| err.has_code()) {
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
    if err.has_instance() {
        out.extend_from_slice(b",\"instance\":");
        json::instance(out, err);
    }
    if err.has_code() {
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
    }
}

/// One item of the Problem Details `errors` extension:
/// `{detail, pointer | parameter | header, code}`.
fn problem_item<E: ApiError + ?Sized>(err: &E, location: Location<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"detail\":");
    detail_or(err, out, GENERIC_SERVER_DETAIL);
    match location {
        Location::NonField => {}
        Location::Field(path) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            json::pointer_from_path(out, path, true);
            out.push(b'"');
        }
        Location::Path(path) => {
            out.extend_from_slice(b",\"pointer\":\"#");
            json::pointer_from_segments(out, path, true);
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
    if err.has_code() {
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
    }
    out.push(b'}');
}

/// Laravel's validation shape for many errors: the summary message and the
/// messages grouped by key, keys in the order first added.
fn laravel_many(errors: &ApiErrors, doc: Doc<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"message\":");
    if errors.laravel_legacy_message() {
        json::string(out, "The given data was invalid.");
    } else {
        // The first message, then "(and N more error[s])" counting every
        // other message, as Laravel 9+ does.
        out.push(b'"');
        if let Some(first) = errors.iter().next() {
            detail_or_inner(first, out, LARAVEL_SERVER_MESSAGE);
        }
        let more = errors.len().saturating_sub(1);
        if more > 0 {
            out.extend_from_slice(b" (and ");
            json::unsigned(out, more);
            out.extend_from_slice(if more == 1 {
                b" more error)"
            } else {
                b" more errors)"
            });
        }
        out.push(b'"');
    }
    out.extend_from_slice(b",\"errors\":{");
    let groups = KeyGroups::of(errors, doc);
    let mut first_group = true;
    for start in 0..groups.entries.len() {
        if !groups.entries[start].leads {
            continue; // written with the first entry of its key
        }
        if !first_group {
            out.push(b',');
        }
        first_group = false;
        out.extend_from_slice(groups.key(start));
        out.extend_from_slice(b":[");
        let mut member = Some(start);
        while let Some(i) = member {
            if i != start {
                out.push(b',');
            }
            if let Some(err) = errors.get(i) {
                detail_or(err, out, LARAVEL_SERVER_MESSAGE);
            }
            member = groups.entries[i].next;
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}}");
}

/// The entries of a collection grouped by their Laravel key, in linear time
/// after one sort by hash: each group is a chain from its first entry.
struct KeyGroups {
    /// Every entry's key, as a JSON string, back to back.
    keys: Vec<u8>,
    entries: Vec<KeyEntry>,
}

struct KeyEntry {
    span: (usize, usize),
    hash: u64,
    /// The next entry with the same key.
    next: Option<usize>,
    /// Whether this is the first entry with its key.
    leads: bool,
}

impl KeyGroups {
    fn of(errors: &ApiErrors, doc: Doc<'_>) -> KeyGroups {
        let mut keys = Vec::with_capacity(errors.len() * 16);
        let mut entries = Vec::with_capacity(errors.len());
        for err in errors.iter() {
            let start = keys.len();
            if !dotted_key(err.location(), doc, &mut keys) {
                json::string(&mut keys, doc.non_field_key);
            }
            entries.push(KeyEntry {
                span: (start, keys.len()),
                hash: fnv1a(&keys[start..]),
                next: None,
                leads: true,
            });
        }
        let mut groups = KeyGroups { keys, entries };
        // Sorting by (hash, index) puts equal keys next to each other, each
        // run in the order the entries were added.
        let mut order: Vec<usize> = (0..groups.entries.len()).collect();
        order.sort_unstable_by_key(|&i| (groups.entries[i].hash, i));
        let mut run_start = 0;
        while run_start < order.len() {
            let hash = groups.entries[order[run_start]].hash;
            let run_end = order[run_start..]
                .iter()
                .position(|&i| groups.entries[i].hash != hash)
                .map_or(order.len(), |n| run_start + n);
            groups.link(&order[run_start..run_end]);
            run_start = run_end;
        }
        groups
    }

    /// Chains the entries of one hash run that share a key (a run holds
    /// different keys only on a hash collision).
    fn link(&mut self, run: &[usize]) {
        for (n, &a) in run.iter().enumerate() {
            if !self.entries[a].leads {
                continue;
            }
            let mut last = a;
            for &b in &run[n + 1..] {
                if self.entries[b].leads && self.key(b) == self.key(a) {
                    self.entries[b].leads = false;
                    self.entries[last].next = Some(b);
                    last = b;
                }
            }
        }
    }

    fn key(&self, i: usize) -> &[u8] {
        let (start, end) = self.entries[i].span;
        &self.keys[start..end]
    }
}

/// FNV-1a: a tiny hash, enough to bring equal keys together.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The drf-standardized-errors `type` of one error.
fn drf_type<E: ApiError + ?Sized>(err: &E) -> &str {
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
fn drf_item<E: ApiError + ?Sized>(err: &E, doc: Doc<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"code\":");
    // drf-standardized-errors' own code for a server error.
    json::string(out, if err.has_code() { err.code() } else { "error" });
    out.extend_from_slice(b",\"detail\":");
    detail_or(err, out, DRF_SERVER_DETAIL);
    out.extend_from_slice(b",\"attr\":");
    if !dotted_key(err.location(), doc, out) {
        out.extend_from_slice(b"null");
    }
    out.push(b'}');
}

/// The `ShipStream` `type` of one error.
fn shipstream_type<E: ApiError + ?Sized>(err: &E) -> &str {
    match (err.kind(), err.location()) {
        (Some(kind), _) => kind,
        (None, Some(Location::Parameter(_))) if err.status().is_client_error() => "parameters",
        _ => "application",
    }
}

/// One `ShipStream` `details` entry, `{key, message}`; false (nothing
/// written) when the error has no key.
fn shipstream_detail<E: ApiError + ?Sized>(err: &E, doc: Doc<'_>, out: &mut Vec<u8>) -> bool {
    let mark = out.len();
    out.extend_from_slice(b"{\"key\":");
    if !dotted_key(err.location(), doc, out) {
        out.truncate(mark);
        return false;
    }
    out.extend_from_slice(b",\"message\":");
    detail_or(err, out, GENERIC_SERVER_DETAIL);
    out.push(b'}');
    true
}
