//! The one path from errors to OpenAPI responses: the errors an operation
//! can answer with ([`Shown`]), each rendered by a caller-given answer
//! function in every envelope it can be negotiated to, grouped by status.
//! Each status gets a schema that admits exactly what it carries (that
//! status, those codes, those meta members), the examples as rendered,
//! and the headers the rendered answers set.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::error::{ApiError, Envelope};
use crate::schema::DocumentedErrors;

/// One error a document shows.
pub(crate) struct Shown<'a> {
    /// Renders the example.
    pub(crate) err: Box<dyn ApiError + 'a>,
    /// The example's name.
    pub(crate) key: String,
    /// The example's summary.
    pub(crate) summary: String,
    /// `Some` when it answers in that envelope alone (a type that opted
    /// out of negotiation, a 406).
    pub(crate) only: Option<Envelope>,
    /// Its meta members' JSON types, as its catalog entry declares them.
    pub(crate) meta_types: Vec<(String, String)>,
}

impl<'a> Shown<'a> {
    /// `err`, named after its code (or its title when its code is kept from
    /// clients), in every envelope.
    pub(crate) fn new(err: impl ApiError + 'a) -> Shown<'a> {
        let key = if err.settings().redact_code {
            crate::case::snake_words(err.title())
        } else {
            err.code().to_owned()
        };
        Shown {
            summary: key.clone(),
            key,
            err: Box::new(err),
            only: None,
            meta_types: Vec::new(),
        }
    }

    /// Named `key`, with `summary`.
    pub(crate) fn named(mut self, key: impl Into<String>, summary: impl Into<String>) -> Shown<'a> {
        self.key = key.into();
        self.summary = summary.into();
        self
    }

    /// Answering in `envelope` alone.
    pub(crate) fn only(mut self, envelope: Envelope) -> Shown<'a> {
        self.only = Some(envelope);
        self
    }
}

/// One media type an answer can come in, and the envelope that answers it.
#[derive(Clone, Debug)]
pub(crate) struct Media {
    pub(crate) media_type: String,
    pub(crate) envelope: Envelope,
}

impl Media {
    /// `envelope` under its own media type.
    pub(crate) fn of(envelope: Envelope) -> Media {
        Media {
            media_type: envelope.format().media_type().to_owned(),
            envelope,
        }
    }
}

/// The responses of one status.
pub(crate) struct StatusDoc {
    pub(crate) status: u16,
    /// Each code clients may retry at this status, and how (`retryable`,
    /// `throttled`): the response's `x-retry`.
    pub(crate) retry: BTreeMap<String, &'static str>,
    /// Header names as the answers set them (lower case).
    pub(crate) headers: BTreeSet<String>,
    pub(crate) contents: Vec<ContentDoc>,
}

/// One media type's content of a status.
pub(crate) struct ContentDoc {
    pub(crate) media_type: String,
    pub(crate) schema: Value,
    /// `(name, example object)`, in the order shown.
    pub(crate) examples: Vec<(String, Value)>,
}

/// What one status's errors put in the schema.
#[derive(Default)]
struct Admits {
    codes: BTreeSet<String>,
    any_code: bool,
    withheld: bool,
    open: bool,
    /// Each meta member and its JSON type (`any` where errors disagree or
    /// do not say).
    meta: BTreeMap<String, String>,
}

impl Admits {
    fn add(&mut self, one: &Shown<'_>) {
        let err = &*one.err;
        // A collection's entries carry codes of their own.
        if err.errors().is_some() {
            self.any_code = true;
        } else if err.settings().redact_code {
            self.withheld = true;
        } else {
            self.codes.insert(err.code().to_owned());
        }
        self.open |= err.settings().open_codes;
        err.visit_meta(&mut |name: &str, _: &dyn crate::visit::MetaValue| {
            let kind = one
                .meta_types
                .iter()
                .find(|(n, _)| n == name)
                .map_or("any", |(_, kind)| kind.as_str());
            self.meta
                .entry(name.to_owned())
                .and_modify(|k| {
                    if k != kind {
                        "any".clone_into(k);
                    }
                })
                .or_insert_with(|| kind.to_owned());
        });
    }

    fn schema(&self, status: u16, envelope: Envelope, open: bool) -> Value {
        let codes: Vec<&str> = self.codes.iter().map(String::as_str).collect();
        let meta: Vec<&str> = self.meta.keys().map(String::as_str).collect();
        let meta_types: Vec<&str> = self.meta.values().map(String::as_str).collect();
        let statuses = [status];
        let mut input = DocumentedErrors::new(&statuses)
            .meta(&meta)
            .meta_types(&meta_types)
            .open_codes(open || self.open)
            .withheld(self.withheld);
        if !self.any_code {
            input = input.codes(&codes);
        }
        envelope.format().schema().map_or_else(
            || json!({"type": "object"}),
            |schema| schema.json_schema(&input),
        )
    }
}

/// How an example is answered: an error, negotiated to an envelope.
pub(crate) type Answer<'a> = dyn Fn(&dyn ApiError, Envelope) -> http::Response<Vec<u8>> + 'a;

/// The responses of `shown`, by status, each rendered by `answer` in every
/// one of `media` it answers in (the first is the default).
/// With `open`, codes are documented as open strings whatever the types
/// say (an app's [`Profile::open_codes`](crate::Profile::open_codes)).
pub(crate) fn by_status(
    shown: &[Shown<'_>],
    media: &[Media],
    answer: &Answer<'_>,
    open: bool,
) -> Vec<StatusDoc> {
    // Each error under the status it answers with in each media type's
    // envelope (its own, but Connect's is its code's), with the media types
    // it answers in under that status.
    let mut statuses: BTreeMap<u16, Vec<(&Shown<'_>, Vec<usize>)>> = BTreeMap::new();
    for one in shown {
        for (i, m) in media.iter().enumerate() {
            if one.only.is_some_and(|only| only != m.envelope) {
                continue;
            }
            let status = crate::envelope::http_status(&*one.err, m.envelope).as_u16();
            let at = statuses.entry(status).or_default();
            match at.iter_mut().find(|(s, _)| core::ptr::eq(*s, one)) {
                Some((_, media)) => media.push(i),
                None => at.push((one, vec![i])),
            }
        }
    }
    statuses
        .into_iter()
        .map(|(status, shown)| {
            let mut headers = BTreeSet::new();
            let mut retry = BTreeMap::new();
            for (one, _) in &shown {
                let err = &*one.err;
                let how = err.settings().effective_retry(err.status());
                if how.is_retryable() && err.errors().is_none() {
                    let code = if err.settings().redact_code {
                        crate::case::snake_words(err.title())
                    } else {
                        err.code().to_owned()
                    };
                    retry.insert(code, how.name());
                }
            }
            let contents = media
                .iter()
                .enumerate()
                .filter_map(|(i, media)| {
                    let here: Vec<&Shown<'_>> = shown
                        .iter()
                        .filter(|(_, answered)| answered.contains(&i))
                        .map(|(one, _)| *one)
                        .collect();
                    if here.is_empty() {
                        return None;
                    }
                    let mut admits = Admits::default();
                    let mut examples: Vec<(String, Value)> = Vec::new();
                    for one in here {
                        admits.add(one);
                        let response = answer(&*one.err, media.envelope);
                        for name in response.headers().keys() {
                            if !matches!(
                                name.as_str(),
                                "content-type" | "content-length" | "x-content-type-options"
                            ) {
                                headers.insert(name.as_str().to_owned());
                            }
                        }
                        let value: Value =
                            serde_json::from_slice(response.body()).unwrap_or(Value::Null);
                        let key = free_key(&examples, &one.key);
                        let mut example = json!({"summary": one.summary, "value": value});
                        let how = one.err.settings().effective_retry(one.err.status());
                        if how.is_retryable() {
                            example["description"] = Value::from(retry_text(how));
                        }
                        examples.push((key, example));
                    }
                    Some(ContentDoc {
                        media_type: media.media_type.clone(),
                        schema: admits.schema(status, media.envelope, open),
                        examples,
                    })
                })
                .collect();
            StatusDoc {
                status,
                retry,
                headers,
                contents,
            }
        })
        .collect()
}

/// What an example says of retrying it.
fn retry_text(how: crate::Retry) -> &'static str {
    match how {
        crate::Retry::Throttled => {
            "Retryable (throttled): send the request again after the delay the answer gives."
        }
        _ => "Retryable: the request may be sent again, with backoff.",
    }
}

/// The response's `x-retry`: each code clients may retry, and how.
pub(crate) fn retry_extension(retry: &BTreeMap<String, &'static str>) -> Option<Value> {
    (!retry.is_empty()).then(|| {
        Value::Object(
            retry
                .iter()
                .map(|(code, how)| (code.clone(), Value::from(*how)))
                .collect(),
        )
    })
}

/// `base`, or `base_2`, `base_3`, ... : the first name no example has.
fn free_key(examples: &[(String, Value)], base: &str) -> String {
    let taken = |key: &str| examples.iter().any(|(k, _)| k == key);
    if !taken(base) {
        return base.to_owned();
    }
    // One of `examples.len() + 1` names beyond the first is free.
    (2..=examples.len() + 2)
        .map(|n| format!("{base}_{n}"))
        .find(|key| !taken(key))
        .unwrap_or_else(|| base.to_owned())
}

/// A status's description: its reason phrase.
pub(crate) fn description(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error")
}

/// A header's name as documents spell it (`retry-after` as `Retry-After`).
pub(crate) fn header_name(name: &str) -> String {
    match name {
        "www-authenticate" => "WWW-Authenticate".to_owned(),
        _ => name
            .split('-')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_uppercase().to_string() + chars.as_str()
                })
            })
            .collect::<Vec<String>>()
            .join("-"),
    }
}

/// The OpenAPI header object of a header an answer sets.
pub(crate) fn header(name: &str) -> Value {
    let description = match name {
        "retry-after" => "How long to wait before retrying: delta-seconds, or an HTTP-date.",
        "www-authenticate" => "The authentication scheme and parameters to retry with.",
        "allow" => "The methods the resource supports.",
        "x-request-id" => "The request's correlation id, also in the body.",
        "vary" => "The request headers the answer depends on.",
        "content-language" => {
            "The language of the title and detail, as the request's Accept-Language chose (examples are in the fallback language)."
        }
        _ => "Set by the error.",
    };
    json!({"description": description, "schema": {"type": "string"}})
}

/// The response objects of `docs`, their schemas and examples inline.
pub(crate) fn inline(docs: Vec<StatusDoc>) -> BTreeMap<String, Value> {
    docs.into_iter()
        .map(|doc| {
            let mut content = serde_json::Map::new();
            for one in doc.contents {
                let examples: serde_json::Map<String, Value> = one.examples.into_iter().collect();
                content.insert(
                    one.media_type,
                    json!({"schema": one.schema, "examples": examples}),
                );
            }
            let mut response = json!({"description": description(doc.status), "content": content});
            if !doc.headers.is_empty() {
                let headers: serde_json::Map<String, Value> = doc
                    .headers
                    .iter()
                    .map(|name| (header_name(name), header(name)))
                    .collect();
                response["headers"] = Value::Object(headers);
            }
            if let Some(retry) = retry_extension(&doc.retry) {
                response["x-retry"] = retry;
            }
            (doc.status.to_string(), response)
        })
        .collect()
}
