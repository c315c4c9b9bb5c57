//! Shared by the tests that check documents against the strict schemas in
//! `tests/schemas/`, one per envelope, written from the specifications.
// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::sync::OnceLock;

use errcodes::Envelope;
use serde_json::Value;

/// The compiled schema of each built-in envelope, by name.
fn validators() -> &'static [(&'static str, jsonschema::Validator)] {
    static VALIDATORS: OnceLock<Vec<(&'static str, jsonschema::Validator)>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        [
            ("jsonapi", include_str!("../../schemas/jsonapi.schema.json")),
            ("problem", include_str!("../../schemas/problem.schema.json")),
            ("laravel", include_str!("../../schemas/laravel.schema.json")),
            ("drf", include_str!("../../schemas/drf.schema.json")),
            (
                "shipstream",
                include_str!("../../schemas/shipstream.schema.json"),
            ),
            ("aip193", include_str!("../../schemas/aip193.schema.json")),
            ("connect", include_str!("../../schemas/connect.schema.json")),
        ]
        .into_iter()
        .map(|(name, text)| {
            let schema: Value = serde_json::from_str(text).expect("schema is JSON");
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{name} schema: {e}"));
            (name, validator)
        })
        .collect()
    })
}

/// Panics, saying why, unless `body` parses and is valid against
/// `envelope`'s schema.
pub fn assert_conforms(envelope: Envelope, body: &[u8]) {
    let doc: Value = serde_json::from_slice(body).unwrap_or_else(|e| {
        panic!(
            "{envelope}: not JSON ({e}): {}",
            String::from_utf8_lossy(body)
        )
    });
    let (_, validator) = validators()
        .iter()
        .find(|(name, _)| *name == envelope.name())
        .unwrap_or_else(|| panic!("no schema for {envelope}"));
    let problems: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        problems.is_empty(),
        "{envelope} document breaks its schema: {problems:#?}\n{doc}"
    );
}

/// The schemas reject what they must: a check that they are not vacuous.
pub fn assert_rejects(envelope: Envelope, doc: &Value) {
    let (_, validator) = validators()
        .iter()
        .find(|(name, _)| *name == envelope.name())
        .unwrap_or_else(|| panic!("no schema for {envelope}"));
    assert!(!validator.is_valid(doc), "{envelope} schema accepts {doc}");
}

/// `doc` with each operation's response references
/// (`#/components/responses/...`, where a layer registers the responses
/// operations share) replaced by the responses they name, as a client
/// reading one operation resolves them.
pub fn inline_responses(mut doc: Value) -> Value {
    let shared = doc
        .pointer("/components/responses")
        .cloned()
        .unwrap_or(Value::Null);
    for item in doc["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|p| p.values_mut())
    {
        for operation in item
            .as_object_mut()
            .into_iter()
            .flat_map(|i| i.values_mut())
        {
            for response in operation
                .get_mut("responses")
                .and_then(Value::as_object_mut)
                .into_iter()
                .flat_map(|r| r.values_mut())
            {
                let name = response
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/responses/"))
                    .map(str::to_owned);
                if let Some(name) = name {
                    *response = shared[name.as_str()].clone();
                }
            }
        }
    }
    doc
}
