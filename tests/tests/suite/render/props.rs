//! Property tests: whatever text reaches errcodes (control characters,
//! quotes, backslashes, U+2028/U+2029, astral characters, long values) in
//! details, meta, instance templates, runtime member names, `FieldError`s,
//! `FieldPath` segments and collection settings, every envelope writes a
//! document that parses, carries the values back unchanged, and is valid
//! against that envelope's strict schema.

use crate::support;

use errcodes::{ApiError, ApiErrorExt as _, ApiErrors, Envelope, FieldError, FieldPath, Segment};
use proptest::prelude::*;
use serde_json::Value;
use support::assert_conforms;

/// Text mixing ordinary characters with the ones that break naive writers.
fn text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('/'),
        Just('~'),
        Just('.'),
        Just('%'),
        Just('{'),
        Just('}'),
        Just('\u{0}'),
        Just('\u{1f}'),
        Just('\u{7f}'),
        Just('\u{2028}'),
        Just('\u{2029}'),
        Just('\u{fffd}'),
        Just('😀'),
        Just(' '),
        any::<char>(),
    ];
    let ordinary = prop::char::range('a', 'z');
    prop::collection::vec(prop_oneof![3 => ordinary, 2 => tricky], 0..48)
        .prop_map(String::from_iter)
}

/// Sometimes long.
fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => text(), 1 => text().prop_map(|t| t.repeat(40))]
}

#[derive(Debug, ApiError)]
#[api(
    type_base = "https://errors.example.com/",
    domain = "props.example.com"
)]
enum Hostile {
    #[api(
        status = 422,
        code = "bad_value",
        detail = "bad {value}",
        instance = "/items/{value}"
    )]
    Value {
        value: String,
        #[api(meta)]
        note: String,
        #[api(meta)]
        tags: Vec<String>,
    },
    #[api(status = 400, code = "bad_member", detail = "member {name} is wrong")]
    Member {
        #[api(attr)]
        name: String,
    },
    #[api(status = 503, code = "later", detail = "try {what} later")]
    Later {
        #[api(public)]
        what: String,
        #[api(header = "Retry-After", meta, public)]
        seconds: u32,
    },
}

/// The one document member each envelope puts a single error's detail in.
fn detail_of(envelope: Envelope, doc: &Value) -> Value {
    match envelope.name() {
        "jsonapi" => doc["errors"][0]["detail"].clone(),
        "problem" | "laravel" => doc[if envelope == Envelope::Problem {
            "detail"
        } else {
            "message"
        }]
        .clone(),
        "drf" => doc["errors"][0]["detail"].clone(),
        "shipstream" => match doc["errors"][0].get("details") {
            Some(details) => details[0]["message"].clone(),
            None => doc["errors"][0]["message"].clone(),
        },
        "aip193" => doc["error"]["message"].clone(),
        "connect" => doc["message"].clone(),
        other => panic!("no detail member known for {other}"),
    }
}

/// Renders `err` in every envelope, checking each body against its schema
/// and the response against the body; returns the parsed documents.
fn every_envelope(err: &dyn ApiError) -> Vec<(Envelope, Value)> {
    Envelope::ALL
        .into_iter()
        .map(|envelope| {
            let response = err.to_response_in(envelope);
            assert_conforms(envelope, response.body());
            (envelope, serde_json::from_slice(response.body()).unwrap())
        })
        .collect()
}

/// The percent-decoded form of a URI component, to read values back.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn details_meta_and_instances(value in long_text(), note in text(), tags in prop::collection::vec(text(), 0..4)) {
        let err = Hostile::Value { value: value.clone(), note: note.clone(), tags: tags.clone() };
        for (envelope, doc) in every_envelope(&err) {
            prop_assert_eq!(detail_of(envelope, &doc), Value::from(format!("bad {value}")), "{}", envelope);
            match envelope.name() {
                "problem" => {
                    prop_assert_eq!(&doc["note"], &Value::from(note.clone()));
                    prop_assert_eq!(&doc["tags"], &serde_json::json!(tags));
                    let instance = doc["instance"].as_str().unwrap();
                    let segment = instance.strip_prefix("/items/").unwrap();
                    prop_assert!(!segment.contains('/'), "a value added a path segment: {}", instance);
                    prop_assert_eq!(percent_decode(segment), value.clone());
                }
                "jsonapi" => {
                    prop_assert_eq!(&doc["errors"][0]["meta"]["note"], &Value::from(note.clone()));
                }
                "aip193" => {
                    let metadata = &doc["error"]["details"][0]["metadata"];
                    prop_assert_eq!(&metadata["note"], &Value::from(note.clone()));
                    prop_assert_eq!(&metadata["tags"], &Value::from(serde_json::to_string(&tags).unwrap()));
                }
                _ => {}
            }
        }
    }

    #[test]
    fn runtime_member_names(name in text().prop_filter("a member has a name", |n| !n.is_empty())) {
        let err = Hostile::Member { name: name.clone() };
        for (envelope, doc) in every_envelope(&err) {
            prop_assert_eq!(detail_of(envelope, &doc), Value::from(format!("member {name} is wrong")));
            match envelope.name() {
                "laravel" => prop_assert!(doc["errors"].get(&name).is_some()),
                "drf" => prop_assert_eq!(&doc["errors"][0]["attr"], &Value::from(name.clone())),
                "shipstream" => prop_assert_eq!(&doc["errors"][0]["details"][0]["key"], &Value::from(name.clone())),
                _ => {}
            }
        }
    }

    #[test]
    fn public_server_error_text(what in long_text(), seconds in any::<u32>()) {
        let err = Hostile::Later { what: what.clone(), seconds };
        for (envelope, doc) in every_envelope(&err) {
            prop_assert_eq!(detail_of(envelope, &doc), Value::from(format!("try {what} later")));
        }
        let response = err.to_response();
        prop_assert_eq!(response.headers()["retry-after"].to_str().unwrap(), seconds.to_string());
    }

    #[test]
    fn field_errors_and_collection_settings(
        entries in prop::collection::vec((text(), text(), long_text()), 1..6),
        segments in prop::collection::vec(prop_oneof![text().prop_map(Segment::from), (0usize..1000).prop_map(Segment::Index)], 1..5),
        settings in (text(), text(), text(), text(), text(), text()),
    ) {
        let (title, detail, non_field_key, type_base, code, prefix) = settings;
        let mut builder = ApiErrors::builder();
        for (path, code, message) in &entries {
            builder.push(FieldError::new(path.as_str(), code.clone(), message.clone()));
        }
        builder.push(FieldError::new(segments.iter().cloned().collect::<FieldPath>(), "path", "from segments"));
        builder.push(FieldError::non_field("whole", "about it all"));
        builder.push(FieldError::parameter(title.clone(), "param", "a parameter"));
        let errors = builder
            .finish()
            .unwrap_err()
            .with_title(title.clone())
            .with_detail(detail.clone())
            .with_non_field_key(non_field_key.clone())
            .with_type_base(type_base)
            .with_code(code)
            .with_pointer_prefix(prefix);
        for (envelope, doc) in every_envelope(&errors) {
            match envelope.name() {
                "problem" => {
                    prop_assert_eq!(&doc["title"], &Value::from(title.clone()));
                    prop_assert_eq!(&doc["detail"], &Value::from(detail.clone()));
                    let items = doc["errors"].as_array().unwrap();
                    prop_assert_eq!(items.len(), entries.len() + 3);
                    for (item, (_, code, message)) in items.iter().zip(&entries) {
                        prop_assert_eq!(&item["detail"], &Value::from(message.clone()));
                        prop_assert_eq!(&item["code"], &Value::from(code.clone()));
                    }
                }
                "drf" => {
                    let items = doc["errors"].as_array().unwrap();
                    for (item, (path, _, _)) in items.iter().zip(&entries) {
                        prop_assert_eq!(&item["attr"], &Value::from(path.clone()));
                    }
                    prop_assert_eq!(&items[entries.len() + 1]["attr"], &Value::from(non_field_key.clone()));
                }
                "shipstream" => {
                    prop_assert_eq!(&doc["errors"][0]["message"], &Value::from(detail.clone()));
                }
                "laravel" => {
                    let count: usize = doc["errors"].as_object().unwrap().values().map(|v| v.as_array().unwrap().len()).sum();
                    prop_assert_eq!(count, entries.len() + 3);
                }
                _ => {}
            }
        }
    }
}
