//! `google.rpc.Status` and its standard details in the protobuf binary
//! encoding, to and from their JSON form as AIP-193 writes it: the one
//! content the three RPC shapes share (AIP-193's JSON, Connect's details,
//! gRPC's `grpc-status-details-bin`).
//!
//! Only what errcodes writes is encoded (`ErrorInfo`, `BadRequest`,
//! `RetryInfo`, `LocalizedMessage`, `Help`); a detail of another type is
//! skipped, as a client skips a detail it does not know. proto3 leaves out
//! empty strings and zeros, so this does too.

use serde_json::{Map, Value, json};

use super::code::Code;

/// The type URL prefix of `google.protobuf.Any` (and of AIP-193's `@type`).
pub(crate) const TYPE_PREFIX: &str = "type.googleapis.com/";

// ---- writing ----------------------------------------------------------

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        #[allow(clippy::cast_possible_truncation)] // the low seven bits
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    #[allow(clippy::cast_possible_truncation)] // below 0x80
    out.push(value as u8);
}

fn key(out: &mut Vec<u8>, field: u32, wire_type: u8) {
    varint(out, u64::from(field << 3 | u32::from(wire_type)));
}

/// A length-delimited field (string, bytes, message); left out when empty.
fn bytes(out: &mut Vec<u8>, field: u32, value: &[u8]) {
    if value.is_empty() {
        return;
    }
    key(out, field, 2);
    varint(out, value.len() as u64);
    out.extend_from_slice(value);
}

/// An `int32`/`int64` field; left out when zero (a negative one takes ten
/// bytes, as protobuf encodes it).
fn int(out: &mut Vec<u8>, field: u32, value: i64) {
    if value == 0 {
        return;
    }
    key(out, field, 0);
    #[allow(clippy::cast_sign_loss)] // two's complement, as protobuf encodes it
    varint(out, value as u64);
}

fn text<'a>(value: &'a Value, name: &str) -> &'a str {
    value.get(name).and_then(Value::as_str).unwrap_or_default()
}

/// One detail of AIP-193's JSON as its message's binary encoding, with the
/// message's full name; `None` for a type errcodes does not write.
pub(crate) fn detail(value: &Value) -> Option<(&'static str, Vec<u8>)> {
    let name = text(value, "@type").strip_prefix(TYPE_PREFIX)?;
    let mut out = Vec::new();
    let name = match name {
        "google.rpc.ErrorInfo" => {
            bytes(&mut out, 1, text(value, "reason").as_bytes());
            bytes(&mut out, 2, text(value, "domain").as_bytes());
            if let Some(metadata) = value.get("metadata").and_then(Value::as_object) {
                for (k, v) in metadata {
                    let mut entry = Vec::new();
                    bytes(&mut entry, 1, k.as_bytes());
                    bytes(&mut entry, 2, v.as_str().unwrap_or_default().as_bytes());
                    // A map entry is written even when empty: its key is
                    // the point.
                    key(&mut out, 3, 2);
                    varint(&mut out, entry.len() as u64);
                    out.extend_from_slice(&entry);
                }
            }
            "google.rpc.ErrorInfo"
        }
        "google.rpc.RetryInfo" => {
            let seconds = text(value, "retryDelay")
                .strip_suffix('s')
                .and_then(|s| s.split('.').next())
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(0);
            let mut duration = Vec::new();
            int(&mut duration, 1, seconds);
            key(&mut out, 1, 2);
            varint(&mut out, duration.len() as u64);
            out.extend_from_slice(&duration);
            "google.rpc.RetryInfo"
        }
        "google.rpc.BadRequest" => {
            for violation in value
                .get("fieldViolations")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let mut one = Vec::new();
                bytes(&mut one, 1, text(violation, "field").as_bytes());
                bytes(&mut one, 2, text(violation, "description").as_bytes());
                bytes(&mut one, 3, text(violation, "reason").as_bytes());
                if let Some(localized) = violation.get("localizedMessage") {
                    bytes(&mut one, 4, &localized_message(localized));
                }
                key(&mut out, 1, 2);
                varint(&mut out, one.len() as u64);
                out.extend_from_slice(&one);
            }
            "google.rpc.BadRequest"
        }
        "google.rpc.LocalizedMessage" => {
            out = localized_message(value);
            "google.rpc.LocalizedMessage"
        }
        "google.rpc.Help" => {
            for link in value
                .get("links")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let mut one = Vec::new();
                bytes(&mut one, 1, text(link, "description").as_bytes());
                bytes(&mut one, 2, text(link, "url").as_bytes());
                key(&mut out, 1, 2);
                varint(&mut out, one.len() as u64);
                out.extend_from_slice(&one);
            }
            "google.rpc.Help"
        }
        _ => return None,
    };
    Some((name, out))
}

fn localized_message(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    bytes(&mut out, 1, text(value, "locale").as_bytes());
    bytes(&mut out, 2, text(value, "message").as_bytes());
    out
}

/// AIP-193's `{"error": {...}}` as a binary `google.rpc.Status`: its code
/// numbered from `status`, its message, and each detail as an `Any`.
pub(crate) fn status(document: &Value) -> Vec<u8> {
    let error = document.get("error").unwrap_or(document);
    let code = Code::from_name(text(error, "status")).unwrap_or(Code::Unknown);
    let mut out = Vec::new();
    int(&mut out, 1, i64::from(code.number()));
    bytes(&mut out, 2, text(error, "message").as_bytes());
    for one in error
        .get("details")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some((name, value)) = detail(one) {
            let mut any = Vec::new();
            bytes(&mut any, 1, format!("{TYPE_PREFIX}{name}").as_bytes());
            bytes(&mut any, 2, &value);
            key(&mut out, 3, 2);
            varint(&mut out, any.len() as u64);
            out.extend_from_slice(&any);
        }
    }
    out
}

// ---- reading ----------------------------------------------------------

/// A field read from a message: its number and its value.
enum Field<'a> {
    Int(u64),
    Bytes(&'a [u8]),
}

/// The fields of `message`, in order; `None` when it is not protobuf.
fn fields(mut message: &[u8]) -> Option<Vec<(u32, Field<'_>)>> {
    fn read_varint(input: &mut &[u8]) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = input.split_first()?;
            *input = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let mut out = Vec::new();
    while !message.is_empty() {
        let key = read_varint(&mut message)?;
        let number = u32::try_from(key >> 3).ok()?;
        match key & 7 {
            0 => out.push((number, Field::Int(read_varint(&mut message)?))),
            1 => {
                let (_, rest) = message.split_at_checked(8)?;
                message = rest;
            }
            2 => {
                let len = usize::try_from(read_varint(&mut message)?).ok()?;
                let (value, rest) = message.split_at_checked(len)?;
                message = rest;
                out.push((number, Field::Bytes(value)));
            }
            5 => {
                let (_, rest) = message.split_at_checked(4)?;
                message = rest;
            }
            _ => return None,
        }
    }
    Some(out)
}

fn string_of(fields: &[(u32, Field<'_>)], number: u32) -> Option<String> {
    fields.iter().rev().find_map(|(n, f)| match f {
        Field::Bytes(b) if *n == number => Some(String::from_utf8_lossy(b).into_owned()),
        _ => None,
    })
}

fn messages<'a>(
    fields: &'a [(u32, Field<'a>)],
    number: u32,
) -> impl Iterator<Item = &'a [u8]> + 'a {
    fields.iter().filter_map(move |(n, f)| match f {
        Field::Bytes(b) if *n == number => Some(*b),
        _ => None,
    })
}

/// Puts `name: value` into `object` when `value` is there.
fn put(object: &mut Map<String, Value>, name: &str, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        object.insert(name.to_owned(), Value::String(value));
    }
}

fn localized_json(message: &[u8]) -> Option<Value> {
    let fields = fields(message)?;
    let mut object = Map::new();
    put(&mut object, "locale", string_of(&fields, 1));
    put(&mut object, "message", string_of(&fields, 2));
    Some(Value::Object(object))
}

/// A detail (`name` its message's full name) in AIP-193's JSON form;
/// `None` for a type errcodes does not read, or bytes that do not parse.
pub(crate) fn detail_json(name: &str, message: &[u8]) -> Option<Value> {
    let fields = fields(message)?;
    let mut object = Map::new();
    object.insert(
        "@type".to_owned(),
        Value::String(format!("{TYPE_PREFIX}{name}")),
    );
    match name {
        "google.rpc.ErrorInfo" => {
            put(&mut object, "reason", string_of(&fields, 1));
            put(&mut object, "domain", string_of(&fields, 2));
            let mut metadata = Map::new();
            for entry in messages(&fields, 3) {
                let entry = self::fields(entry)?;
                metadata.insert(
                    string_of(&entry, 1).unwrap_or_default(),
                    Value::String(string_of(&entry, 2).unwrap_or_default()),
                );
            }
            if !metadata.is_empty() {
                object.insert("metadata".to_owned(), Value::Object(metadata));
            }
        }
        "google.rpc.RetryInfo" => {
            let duration = match messages(&fields, 1).next() {
                Some(duration) => self::fields(duration)?,
                None => Vec::new(),
            };
            let seconds = duration.iter().find_map(|(n, f)| match f {
                Field::Int(v) if *n == 1 => Some(*v),
                _ => None,
            });
            object.insert(
                "retryDelay".to_owned(),
                Value::String(format!("{}s", seconds.unwrap_or(0))),
            );
        }
        "google.rpc.BadRequest" => {
            let mut violations = Vec::new();
            for one in messages(&fields, 1) {
                let one = self::fields(one)?;
                let mut violation = Map::new();
                put(&mut violation, "field", string_of(&one, 1));
                put(&mut violation, "description", string_of(&one, 2));
                put(&mut violation, "reason", string_of(&one, 3));
                if let Some(localized) = messages(&one, 4).next() {
                    violation.insert("localizedMessage".to_owned(), localized_json(localized)?);
                }
                violations.push(Value::Object(violation));
            }
            object.insert("fieldViolations".to_owned(), Value::Array(violations));
        }
        "google.rpc.LocalizedMessage" => {
            if let Some(Value::Object(localized)) = localized_json(message) {
                object.extend(localized);
            }
        }
        "google.rpc.Help" => {
            let mut links = Vec::new();
            for one in messages(&fields, 1) {
                let one = self::fields(one)?;
                let mut link = Map::new();
                put(&mut link, "description", string_of(&one, 1));
                put(&mut link, "url", string_of(&one, 2));
                links.push(Value::Object(link));
            }
            object.insert("links".to_owned(), Value::Array(links));
        }
        _ => return None,
    }
    Some(Value::Object(object))
}

/// A binary `google.rpc.Status` as AIP-193's `{"error": {...}}`, `code`
/// being `http` (AIP-193 carries the HTTP status there): its details that
/// errcodes reads, in order. `None` when the bytes are not a `Status`.
#[cfg_attr(not(all(feature = "tonic", feature = "client")), allow(dead_code))]
pub(crate) fn status_json(message: &[u8], http: u16) -> Option<Value> {
    let fields = fields(message)?;
    let number = fields.iter().find_map(|(n, f)| match f {
        Field::Int(v) if *n == 1 => i32::try_from(*v).ok(),
        _ => None,
    });
    let code = Code::from_number(number.unwrap_or(0)).unwrap_or(Code::Unknown);
    let mut details = Vec::new();
    for any in messages(&fields, 3) {
        let any = self::fields(any)?;
        let url = string_of(&any, 1).unwrap_or_default();
        let name = url.rsplit('/').next().unwrap_or_default();
        let value = messages(&any, 2).next().unwrap_or_default();
        if let Some(detail) = detail_json(name, value) {
            details.push(detail);
        }
    }
    Some(json!({"error": {
        "code": http,
        "message": string_of(&fields, 2).unwrap_or_default(),
        "status": code.name(),
        "details": details,
    }}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_back_as_it_was_written() {
        let document = json!({"error": {
            "code": 429,
            "message": "Slow down.",
            "status": "RESOURCE_EXHAUSTED",
            "details": [
                {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "THROTTLED",
                 "domain": "orders.example.com", "metadata": {"limit": "10", "empty": ""}},
                {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
                    {"field": "items[0].sku", "description": "Unknown.", "reason": "UNKNOWN_SKU",
                     "localizedMessage": {"locale": "de", "message": "Unbekannt."}}]},
                {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"},
                {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "de", "message": "Langsam."},
                {"@type": "type.googleapis.com/google.rpc.Help", "links": [
                    {"description": "throttled", "url": "https://errors.example.com/throttled"}]}
            ]
        }});
        let bytes = status(&document);
        assert_eq!(status_json(&bytes, 429).unwrap(), document);
    }

    #[test]
    fn bytes_that_are_not_protobuf_are_refused() {
        assert!(status_json(&[0x0a, 0x05, b'a'], 400).is_none());
        assert!(status_json(&[0xff; 11], 400).is_none());
    }
}
