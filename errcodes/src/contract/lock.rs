//! The lock file: JSON, every object's members in sorted order, two spaces
//! of indent, one member per line; written and read back here.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::clause::Clause;

/// The version of the lock's shape, its first member.
const SHAPE: u64 = 1;

/// A lock file read back.
pub(crate) struct Locked {
    pub(crate) clauses: BTreeMap<String, Clause>,
    pub(crate) acknowledged: Vec<Value>,
}

/// An object from members given in any order, inserted sorted, so the text
/// is the same whether or not `serde_json` keeps insertion order.
fn object(members: Vec<(&str, Value)>) -> Value {
    let sorted: BTreeMap<&str, Value> = members.into_iter().collect();
    Value::Object(
        sorted
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<Map<String, Value>>(),
    )
}

fn text(value: Option<&String>) -> Value {
    value.map_or(Value::Null, |v| Value::String(v.clone()))
}

/// The lock's text for `clauses`, with the breaking changes acknowledged so
/// far.
pub(crate) fn write(clauses: &BTreeMap<String, Clause>, acknowledged: &[Value]) -> String {
    let codes: Vec<(&str, Value)> = clauses
        .iter()
        .map(|(key, c)| {
            let location = c.location.as_ref().map_or(Value::Null, |(kind, name)| {
                object(vec![
                    ("kind", Value::String(kind.clone())),
                    ("name", Value::String(name.clone())),
                ])
            });
            let meta = object(
                c.meta
                    .iter()
                    .map(|(k, v)| (k.as_str(), Value::String(v.clone())))
                    .collect(),
            );
            let clause = object(vec![
                ("code", Value::String(c.code.clone())),
                ("sent", Value::Bool(c.sent)),
                ("status", Value::from(c.status)),
                (
                    "declared_by",
                    c.declared_by.iter().cloned().map(Value::String).collect(),
                ),
                ("envelope", Value::String(c.envelope.clone())),
                ("media_type", Value::String(c.media_type.clone())),
                ("negotiable", Value::Bool(c.negotiable)),
                ("type", text(c.type_uri.as_ref())),
                ("title", Value::String(c.title.clone())),
                ("location", location),
                ("meta", meta),
                (
                    "headers",
                    c.headers.iter().cloned().map(Value::String).collect(),
                ),
                ("retry", Value::String(c.retry.clone())),
                ("rpc_code", Value::String(c.rpc_code.clone())),
                ("detail", text(c.detail.as_ref())),
            ]);
            (key.as_str(), clause)
        })
        .collect();
    let lock = object(vec![
        ("errcodes_contract", Value::from(SHAPE)),
        ("codes", object(codes)),
        ("acknowledged", Value::Array(acknowledged.to_vec())),
    ]);
    let mut out = serde_json::to_string_pretty(&lock).unwrap_or_default();
    out.push('\n');
    out
}

/// Reads a lock's text back.
pub(crate) fn read(text: &str) -> Result<Locked, String> {
    let lock: Value =
        serde_json::from_str(text).map_err(|err| format!("not an error-contract lock: {err}"))?;
    if lock.get("errcodes_contract").and_then(Value::as_u64) != Some(SHAPE) {
        return Err(format!(
            "not an error-contract lock of shape {SHAPE} (its `errcodes_contract` member)"
        ));
    }
    let mut clauses = BTreeMap::new();
    for (key, c) in lock
        .get("codes")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        clauses.insert(key.clone(), clause(key, c)?);
    }
    let acknowledged = lock
        .get("acknowledged")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok(Locked {
        clauses,
        acknowledged,
    })
}

fn clause(key: &str, c: &Value) -> Result<Clause, String> {
    let missing = |member: &str| format!("the lock's `{key}` has no valid `{member}`");
    let string = |member: &str| -> Result<String, String> {
        c.get(member)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| missing(member))
    };
    let optional = |member: &str| c.get(member).and_then(Value::as_str).map(str::to_owned);
    let strings = |member: &str| -> Vec<String> {
        c.get(member)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    let flag = |member: &str| {
        c.get(member)
            .and_then(Value::as_bool)
            .ok_or_else(|| missing(member))
    };
    let status = c
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .ok_or_else(|| missing("status"))?;
    let location = c.get("location").and_then(|l| {
        Some((
            l.get("kind")?.as_str()?.to_owned(),
            l.get("name")?.as_str()?.to_owned(),
        ))
    });
    let meta = c
        .get("meta")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
        .collect();
    Ok(Clause {
        code: string("code")?,
        sent: flag("sent")?,
        status,
        declared_by: strings("declared_by"),
        envelope: string("envelope")?,
        media_type: string("media_type")?,
        negotiable: flag("negotiable")?,
        type_uri: optional("type"),
        title: string("title")?,
        location,
        meta,
        headers: strings("headers"),
        retry: string("retry")?,
        // Locks written before RPC codes were locked have none: nothing to
        // compare with until the lock is written again.
        rpc_code: optional("rpc_code").unwrap_or_default(),
        detail: optional("detail"),
    })
}
