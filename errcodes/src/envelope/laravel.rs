//! Laravel's JSON errors, as laravel/framework writes them
//! (`ValidationException`, `Handler::invalidJson`, `convertExceptionToArray`):
//! `{"message", "errors"?: {"<dotted.key>": ["message", ...]}}`, served as
//! `application/json`.
//!
//! * A single error is `{"message"}`, plus `errors` when it is about a
//!   request member; a 5xx says "Server Error" as production Laravel does.
//! * A collection's `message` is the first message and "(and N more
//!   error[s])" counting every other message (Laravel 9+), or the legacy
//!   "The given data was invalid."; `errors` groups messages by key in the
//!   order keys were first added.
//! * No status, code or title appears in the body.

use super::write::{self, Doc};
use crate::error::ApiError;
use crate::error::{ErrorList, Format};
use crate::json;
use crate::received::FormatDecode;
use crate::received::ReceivedError;
use crate::schema::DocumentedErrors;
use crate::schema::FormatSchema;
use http::StatusCode;
use serde_json::{Value, json};

/// Laravel's production text for a server error.
const SERVER_MESSAGE: &str = "Server Error";

/// The Laravel format.
pub(crate) struct Laravel;

impl Format for Laravel {
    fn name(&self) -> &'static str {
        "laravel"
    }

    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        let whole = errors.whole().settings();
        out.extend_from_slice(b"{\"message\":");
        if whole.laravel_legacy_message {
            json::string(out, "The given data was invalid.");
        } else {
            // The first message, then "(and N more error[s])" counting every
            // other message, as Laravel 9+ does.
            out.push(b'"');
            if let Some(first) = errors.iter().next() {
                write::detail_or_inner(&first, &first.settings(), out, SERVER_MESSAGE);
            }
            let more = errors.len().saturating_sub(1);
            if more > 0 && !and_more_localized(&errors, more, out) {
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
        let groups = KeyGroups::of(errors, Doc::of(&whole));
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
                    write::detail_or(&err, &err.settings(), out, SERVER_MESSAGE);
                }
                member = groups.entries[i].next;
            }
            out.push(b']');
        }
        out.extend_from_slice(b"}}");
    }

    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }

    fn schema(&self) -> Option<&dyn FormatSchema> {
        Some(self)
    }
}

impl FormatDecode for Laravel {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        decode(status, body)
    }
}

impl FormatSchema for Laravel {
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> Value {
        json_schema(input)
    }
}

/// One error's document; generic, so derived types reach it monomorphized.
/// `" (and N more errors)"` in the language the list answers in (feature
/// `fluent`); false, writing nothing, when it answers in none.
#[cfg(feature = "fluent")]
fn and_more_localized(errors: &ErrorList<'_>, more: usize, out: &mut Vec<u8>) -> bool {
    let Some(locale) = errors.locale() else {
        return false;
    };
    let mark = out.len();
    out.push(b' ');
    let visit = |visitor: &mut dyn crate::l10n::ArgVisitor| {
        visitor.visit("count", crate::l10n::Arg::Unsigned(more as u128));
    };
    if crate::l10n::write_own(out, locale, "and_more_errors", &visit) {
        return true;
    }
    out.truncate(mark);
    false
}

#[cfg(not(feature = "fluent"))]
fn and_more_localized(_: &ErrorList<'_>, _: usize, _: &mut Vec<u8>) -> bool {
    false
}

pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    let settings = err.settings();
    out.extend_from_slice(b"{\"message\":");
    write::detail_or(err, &settings, out, SERVER_MESSAGE);
    let mark = out.len();
    out.extend_from_slice(b",\"errors\":{");
    if write::dotted_key(err.location(), Doc::of(&settings), out) {
        out.extend_from_slice(b":[");
        write::detail_or(err, &settings, out, SERVER_MESSAGE);
        out.extend_from_slice(b"]}");
    } else {
        out.truncate(mark);
    }
    out.push(b'}');
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
    fn of(errors: ErrorList<'_>, doc: Doc<'_>) -> KeyGroups {
        let mut keys = Vec::with_capacity(errors.len() * 16);
        let mut entries = Vec::with_capacity(errors.len());
        for err in errors.iter() {
            let start = keys.len();
            if !write::dotted_key(err.location(), doc, &mut keys) {
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

/// A Laravel error read back: the `message` as the detail, each message
/// under `errors` as an entry keyed by its dotted path, in the body's order.
/// Laravel's shape has no code.
pub(crate) fn decode(status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
    let document: Document = serde_json::from_slice(body).ok()?;
    let mut received = ReceivedError::new(status).with_detail(document.message);
    for (key, messages) in document.errors.0 {
        for message in messages {
            let entry = ReceivedError::new(status)
                .with_location(key.clone())
                .with_detail(message);
            received.entries.push(entry);
        }
    }
    Some(vec![received])
}

/// Laravel's document: `message`, and `errors` if any; nothing else.
struct Document {
    message: String,
    errors: Keyed,
}

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Document, D::Error> {
        use serde::de::Error as _;
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = Document;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a Laravel error document")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Document, A::Error> {
                let mut message = None;
                let mut errors = Keyed::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "message" => message = Some(map.next_value()?),
                        "errors" => errors = map.next_value()?,
                        _ => return Err(A::Error::unknown_field(&key, &["message", "errors"])),
                    }
                }
                let message = message.ok_or_else(|| A::Error::missing_field("message"))?;
                Ok(Document { message, errors })
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// The `errors` object's entries in the order the body has them.
#[derive(Default)]
struct Keyed(Vec<(String, Vec<String>)>);

impl<'de> serde::Deserialize<'de> for Keyed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Keyed, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Keyed;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an object of message lists")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Keyed, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Keyed(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// The JSON Schema of Laravel's error shape: a `message`, and `errors`
/// lists keyed by dotted path. It has no place for codes.
pub(crate) fn json_schema(input: &DocumentedErrors<'_>) -> Value {
    let _ = input;
    json!({
        "type": "object",
        "required": ["message"],
        "properties": {
            "message": {"type": "string"},
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}}
            }
        },
        "additionalProperties": false
    })
}
