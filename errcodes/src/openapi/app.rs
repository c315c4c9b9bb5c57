//! The document of a whole app, from the settings its layer answers with
//! (`ErrorLayer::openapi`, `ErrorMiddleware::openapi`): every operation's
//! error responses rendered by the layer's own answer function, in every
//! media type it negotiates, with the layer's own answers added, and
//! schemas, examples and headers registered once as components.
//!
//! The derived `IntoResponses` always returns a type's real responses, and
//! notes the type in a process-wide registry of documented types (its
//! catalog, settings, inner types, and the responses it returned). Once the
//! app's `OpenApi` is built, each operation's error responses are matched
//! to the types whose responses they are, and written again by the layer,
//! now that the operation's path, method and parameters are known. Nothing
//! depends on the thread that builds, and a document that cannot be
//! rewritten keeps the types' real responses.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use http::StatusCode;
use serde_json::{Map, Value, json};
use utoipa::openapi::response::Response;
use utoipa::openapi::{OpenApi, RefOr};

use super::responses::{self, Media, Shown, by_status};
use super::{Inner, shown_of};
use crate::catalog::CatalogEntry;
use crate::error::{ApiError, Settings};
use crate::serve::rejection::{ForeignError, Takes, own_answers};
use crate::serve::{Config, answer};

/// The request path examples are shown for (an answer's `instance` is the
/// path of the request it answers, which no example knows): one for every
/// operation, so that operations that answer alike refer to one response.
const SAMPLE_PATH: &str = "/any/path";

/// The correlation id examples carry (the layer makes one per request).
const SAMPLE_REQUEST_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";

/// The methods an OpenAPI path item can hold.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The noted types that wrote the response at `status` in an operation
/// whose responses are `responses`. Types whose every response is there as
/// they wrote it come first: a selection of variants that shares a
/// response with another selection (their 409 alike, their 404s not) is
/// not taken for the other. A response none of those wrote is a type's
/// that lost another status to a type listed after it (utoipa keeps the
/// last response per status): one whose every status is there and that
/// wrote this one.
fn listed_at(
    noted: &[Noted],
    responses: &Map<String, Value>,
    status: &str,
    response: &Value,
) -> Vec<usize> {
    let wrote = |n: &Noted| n.responses.get(status) == Some(response);
    let whole = |n: &Noted| {
        !n.responses.is_empty() && n.responses.iter().all(|(s, r)| responses.get(s) == Some(r))
    };
    let exact: Vec<usize> = (0..noted.len())
        .filter(|&i| whole(&noted[i]) && wrote(&noted[i]))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    (0..noted.len())
        .filter(|&i| {
            wrote(&noted[i]) && noted[i].responses.keys().all(|s| responses.contains_key(s))
        })
        .collect()
}

/// One error type a document listed: what the layer renders it from, and
/// the responses it listed itself with, by status.
#[derive(Clone)]
pub(crate) struct Noted {
    /// `core::any::type_name` of the type: one entry per type.
    key: &'static str,
    name: String,
    catalog: &'static [CatalogEntry],
    settings: Settings<'static>,
    inners: Vec<Inner>,
    examples: super::Examples,
    responses: BTreeMap<String, Value>,
}

/// Every error type whose `IntoResponses` ran in this process (a registry of
/// types, the same for every thread; it grows by one entry per type).
static NOTED: Mutex<Vec<Noted>> = Mutex::new(Vec::new());

/// Notes the type `key` (named `name` in documents) with the `responses`
/// its `IntoResponses` returns, so that an app's document can find it in an
/// operation and write its responses as the layer answers.
pub(crate) fn note(
    key: &'static str,
    name: &str,
    catalog: &'static [CatalogEntry],
    settings: Settings<'static>,
    inners: &[Inner],
    examples: &super::Examples,
    responses: &BTreeMap<String, RefOr<Response>>,
) {
    let Ok(mut noted) = NOTED.lock() else {
        return;
    };
    if noted.iter().any(|n| n.key == key) {
        return;
    }
    let responses = responses
        .iter()
        .filter_map(|(status, response)| {
            Some((status.clone(), serde_json::to_value(response).ok()?))
        })
        .collect();
    noted.push(Noted {
        key,
        name: name.to_owned(),
        catalog,
        settings,
        inners: inners.to_vec(),
        examples: examples.clone(),
        responses,
    });
}

/// What one error type a document lists answers with, for its contract:
/// its name, its catalog and settings, and what its `transparent` variants
/// hold.
pub(crate) struct Listed {
    pub(crate) name: String,
    pub(crate) catalog: &'static [CatalogEntry],
    pub(crate) settings: Settings<'static>,
    pub(crate) inners: Vec<Inner>,
}

/// The error types `doc` (as its `utoipa::OpenApi` built it, before a
/// layer wrote its responses again) lists in its operations' responses,
/// each once, in the order first listed.
pub(crate) fn listed_types(doc: &OpenApi) -> Vec<Listed> {
    let noted = NOTED.lock().map(|noted| noted.clone()).unwrap_or_default();
    let Ok(value) = serde_json::to_value(doc) else {
        return Vec::new();
    };
    let mut found: Vec<usize> = Vec::new();
    let operations = value
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|paths| paths.values())
        .flat_map(|item| METHODS.into_iter().filter_map(move |m| item.get(m)));
    for operation in operations {
        let Some(responses) = operation.get("responses").and_then(Value::as_object) else {
            continue;
        };
        for (status, response) in responses {
            for i in listed_at(&noted, responses, status, response) {
                if !found.contains(&i) {
                    found.push(i);
                }
            }
        }
    }
    found
        .into_iter()
        .map(|i| {
            let n = &noted[i];
            Listed {
                name: n.name.clone(),
                catalog: n.catalog,
                settings: n.settings,
                inners: n.inners.clone(),
            }
        })
        .collect()
}

/// The document `build` makes, its error responses written as `config`
/// answers them.
pub(crate) fn document(config: &Config, build: impl FnOnce() -> OpenApi) -> OpenApi {
    let doc = build();
    let noted = NOTED.lock().map(|noted| noted.clone()).unwrap_or_default();
    let Ok(mut value) = serde_json::to_value(&doc) else {
        return doc;
    };
    let mut writer = Writer {
        config,
        noted: &noted,
        media: media(config),
        components: Components::default(),
    };
    if let Some(paths) = value.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let served: Vec<&str> = METHODS
                .into_iter()
                .filter(|method| item.get(*method).is_some())
                .collect();
            let other_method = ["DELETE", "PUT", "PATCH", "POST", "GET"]
                .into_iter()
                .find(|m| !served.contains(&m.to_ascii_lowercase().as_str()))
                .unwrap_or("TRACE");
            let shared = item.get("parameters").cloned();
            for method in served {
                if let Some(operation) = item.get_mut(method) {
                    writer.operation(path, other_method, shared.as_ref(), operation);
                }
            }
        }
    }
    writer.components.install(&mut value, &noted);
    match serde_json::from_value(value) {
        Ok(doc) => doc,
        Err(_) => doc,
    }
}

/// The media types the layer answers errors in: each envelope negotiation
/// picks for one of the media types it offers, under its own media type
/// (the one its answers carry); the default's first.
fn media(config: &Config) -> Vec<Media> {
    let negotiation = &config.negotiation;
    let mut media = vec![Media::of(negotiation.default_envelope())];
    for envelope in negotiation.offered() {
        let chosen = negotiation
            .choose(Some(envelope.format().media_type()))
            .unwrap_or(negotiation.default_envelope());
        if !media.iter().any(|m| m.envelope == chosen) {
            media.push(Media::of(chosen));
        }
    }
    media
}

/// An operation's responses as declared; see [`Writer::declared`].
struct Declared {
    kept: Map<String, Value>,
    listed: BTreeSet<usize>,
    foreign: Vec<(u16, String)>,
}

/// Writes every operation's error responses.
struct Writer<'a> {
    config: &'a Config,
    noted: &'a [Noted],
    media: Vec<Media>,
    components: Components,
}

impl Writer<'_> {
    /// `operation`'s responses as declared: those to keep (successes, and
    /// errors when the layer keeps foreign ones), the noted types listed,
    /// and the error statuses declared by hand (with their descriptions),
    /// which the layer answers again in the envelope.
    fn declared(&self, operation: &mut Value) -> Declared {
        let mut kept = Map::new();
        let mut listed: BTreeSet<usize> = BTreeSet::new();
        let mut foreign: Vec<(u16, String)> = Vec::new();
        let declared = operation
            .get_mut("responses")
            .and_then(Value::as_object_mut)
            .map(std::mem::take)
            .unwrap_or_default();
        let all = declared.clone();
        for (status, response) in declared {
            // A type's own response: the layer writes its errors again.
            let types = listed_at(self.noted, &all, &status, &response);
            if !types.is_empty() {
                listed.extend(types);
                continue;
            }
            match status.parse::<u16>() {
                // An error answer errcodes did not write: the layer
                // answers it again in the envelope.
                Ok(code) if code >= 400 && self.config.convert_foreign => {
                    let description = response
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    foreign.push((code, description));
                }
                _ => {
                    kept.insert(status, response);
                }
            }
        }

        // A selection of a type's variants within another one listed here
        // adds nothing.
        let within = |a: usize, b: usize| {
            a != b
                && self.noted[a]
                    .catalog
                    .iter()
                    .all(|e| self.noted[b].catalog.contains(e))
                && (self.noted[a].catalog.len() < self.noted[b].catalog.len() || a > b)
        };
        let listed: BTreeSet<usize> = listed
            .iter()
            .copied()
            .filter(|&a| !listed.iter().any(|&b| within(a, b)))
            .collect();
        Declared {
            kept,
            listed,
            foreign,
        }
    }

    fn operation(
        &mut self,
        path: &str,
        other_method: &str,
        shared: Option<&Value>,
        operation: &mut Value,
    ) {
        let mut parameters: Vec<&Value> = Vec::new();
        for list in [shared, operation.get("parameters")].into_iter().flatten() {
            parameters.extend(list.as_array().into_iter().flatten());
        }
        let in_ = |place: &str| {
            parameters
                .iter()
                .any(|p| p.get("in").and_then(Value::as_str) == Some(place))
        };
        let body = operation
            .pointer("/requestBody/content")
            .and_then(Value::as_object);
        let takes_body = |what: &str| body.is_some_and(|c| c.keys().any(|k| k.contains(what)));
        let takes = Takes {
            other_method,
            json_body: takes_body("json"),
            form_body: takes_body("x-www-form-urlencoded"),
            path_params: in_("path") || path.contains('{'),
            query_params: in_("query"),
        };

        let Declared {
            mut kept,
            listed,
            foreign,
        } = self.declared(operation);
        let mut shown: Vec<Shown<'_>> = Vec::new();
        for id in listed {
            if let Some(noted) = self.noted.get(id) {
                shown.extend(shown_of(
                    noted.catalog,
                    noted.settings,
                    &noted.inners,
                    &noted.examples,
                ));
            }
        }
        for (code, _) in &foreign {
            if let Ok(status) = StatusCode::from_u16(*code) {
                shown.push(Shown::new(ForeignError::new(status, None)));
            }
        }
        let default = self.config.negotiation.default_envelope();
        for err in own_answers(&self.config.negotiation, &takes) {
            let refusal = err.status() == StatusCode::NOT_ACCEPTABLE;
            let one = Shown::new(err);
            // A 406 answers in the default envelope: nothing else was acceptable.
            shown.push(if refusal { one.only(default) } else { one });
        }

        let config = self.config;
        let open = config.profile.open_codes_setting();
        let docs = by_status(
            &shown,
            &self.media,
            &|err, envelope| {
                // Examples in the fallback language: no locale asked for.
                answer(config, envelope, err, SAMPLE_PATH, SAMPLE_REQUEST_ID, None)
            },
            open,
        );
        let localized = !self.config.profile.locales_setting().is_empty();
        for mut doc in docs {
            // Answered in the request's language (the examples are in the
            // fallback's): said in `Content-Language`.
            if localized {
                doc.headers.insert("content-language".to_owned());
            }
            let description = foreign
                .iter()
                .find(|(code, text)| *code == doc.status && !text.is_empty())
                .map_or_else(
                    || responses::description(doc.status).to_owned(),
                    |(_, text)| text.clone(),
                );
            let status = doc.status;
            let response = self.response_object(&description, doc);
            let reference = self.components.response(&status.to_string(), response);
            kept.insert(status.to_string(), reference);
        }
        operation["responses"] = Value::Object(kept);
    }

    /// One status's response object: its content per media type (each
    /// schema a shared component), headers, and the codes clients may
    /// retry.
    fn response_object(&mut self, description: &str, doc: responses::StatusDoc) -> Value {
        let mut content = Map::new();
        for one in doc.contents {
            let envelope = self
                .media
                .iter()
                .find(|m| m.media_type == one.media_type)
                .map_or_else(String::new, |m| m.envelope.to_string());
            let schema = self
                .components
                .schema(&format!("{envelope}.{}", doc.status), one.schema);
            let examples: Map<String, Value> = one.examples.into_iter().collect();
            content.insert(
                one.media_type,
                json!({"schema": schema, "examples": examples}),
            );
        }
        let mut response = json!({"description": description, "content": content});
        if !doc.headers.is_empty() {
            let headers: Map<String, Value> = doc
                .headers
                .iter()
                .map(|name| (responses::header_name(name), responses::header(name)))
                .collect();
            response["headers"] = Value::Object(headers);
        }
        if let Some(retry) = responses::retry_extension(&doc.retry) {
            response["x-retry"] = retry;
        }
        response
    }
}

/// The components the responses refer to, each registered once: a second
/// one under a taken name with other content gets `.2`, `.3`, ...
#[derive(Default)]
struct Components {
    schemas: BTreeMap<String, Value>,
    responses: BTreeMap<String, Value>,
}

impl Components {
    /// `response` registered under `name` (or where the same is already):
    /// a response two operations give alike is written once.
    fn response(&mut self, name: &str, response: Value) -> Value {
        let name = register(&mut self.responses, name, response);
        json!({"$ref": format!("#/components/responses/{name}")})
    }

    /// `schema` registered under `name` (or where the same is already).
    fn schema(&mut self, name: &str, schema: Value) -> Value {
        let name = register(&mut self.schemas, name, schema);
        json!({"$ref": format!("#/components/schemas/{name}")})
    }

    /// Moves each member schema that two registered schemas have alike
    /// (JSON:API's `source`, Problem's `errors`, ...: every part of an
    /// envelope a status does not narrow) into a component of its own,
    /// named after the envelope and the member, largest first; small ones
    /// stay where a reference would be no shorter.
    fn share_members(&mut self) {
        /// A member schema shorter than this stays inline.
        const WORTH_SHARING: usize = 80;
        loop {
            let mut seen: BTreeMap<String, (usize, String, Value)> = BTreeMap::new();
            for (name, schema) in &self.schemas {
                let envelope = name.split('.').next().unwrap_or(name);
                members(schema, &mut |member, sub| {
                    let text = sub.to_string();
                    if text.len() >= WORTH_SHARING {
                        let entry = seen
                            .entry(text)
                            .or_insert_with(|| (0, format!("{envelope}.{member}"), sub.clone()));
                        entry.0 += 1;
                    }
                });
            }
            let Some((_, (_, hint, sub))) = seen
                .into_iter()
                .filter(|(_, (count, _, _))| *count > 1)
                .max_by_key(|(text, _)| text.len())
            else {
                return;
            };
            let name = register(&mut self.schemas, &hint, sub.clone());
            let reference = json!({"$ref": format!("#/components/schemas/{name}")});
            for (other, schema) in &mut self.schemas {
                if *other != name {
                    replace_members(schema, &sub, &reference);
                }
            }
        }
    }

    /// Into `doc`'s components; the noted types' own schemas (registered
    /// by `components(schemas(...))`) go when nothing refers to them now.
    fn install(mut self, doc: &mut Value, noted: &[Noted]) {
        self.share_members();
        if !doc.get("components").is_some_and(Value::is_object) {
            doc["components"] = json!({});
        }
        for (kind, registered) in [("schemas", self.schemas), ("responses", self.responses)] {
            if registered.is_empty() {
                continue;
            }
            if !doc["components"].get(kind).is_some_and(Value::is_object) {
                doc["components"][kind] = json!({});
            }
            for (name, value) in registered {
                doc["components"][kind][name] = value;
            }
        }
        let names: BTreeSet<&str> = noted
            .iter()
            .map(|n| n.name.as_str())
            .chain(["ApiErrors"])
            .collect();
        for name in names {
            let reference = format!("\"#/components/schemas/{name}\"");
            let text = doc.to_string();
            if !text.contains(&reference)
                && let Some(schemas) = doc
                    .pointer_mut("/components/schemas")
                    .and_then(Value::as_object_mut)
            {
                schemas.remove(name);
            }
        }
        if doc["components"]
            .as_object()
            .is_some_and(serde_json::Map::is_empty)
            && let Some(doc) = doc.as_object_mut()
        {
            doc.remove("components");
        }
    }
}

/// Calls `each` with every member schema of `schema` (the values of each
/// `properties`, at any depth) and its name.
fn members(schema: &Value, each: &mut dyn FnMut(&str, &Value)) {
    let Some(object) = schema.as_object() else {
        return;
    };
    for (key, value) in object {
        if key == "properties" {
            for (member, sub) in value.as_object().into_iter().flatten() {
                each(member, sub);
                members(sub, each);
            }
        } else {
            members(value, each);
        }
    }
}

/// Replaces each member schema of `schema` equal to `shared` with
/// `reference`.
fn replace_members(schema: &mut Value, shared: &Value, reference: &Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    for (key, value) in object.iter_mut() {
        if key == "properties" {
            for sub in value
                .as_object_mut()
                .into_iter()
                .flat_map(|m| m.values_mut())
            {
                if sub == shared {
                    *sub = reference.clone();
                } else {
                    replace_members(sub, shared, reference);
                }
            }
        } else {
            replace_members(value, shared, reference);
        }
    }
}

/// `value` under `name` in `map` (or the first free `name.N`, unless the
/// same value is already there): the name it is under.
fn register(map: &mut BTreeMap<String, Value>, name: &str, value: Value) -> String {
    let base: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    for n in 1.. {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{base}.{n}")
        };
        match map.get(&name) {
            Some(existing) if *existing == value => return name,
            Some(_) => {}
            None => {
                map.insert(name.clone(), value);
                return name;
            }
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_taken_by_other_content_gets_the_next_number() {
        let mut map = BTreeMap::new();
        assert_eq!(register(&mut map, "problem.404", json!(1)), "problem.404");
        assert_eq!(register(&mut map, "problem.404", json!(1)), "problem.404");
        assert_eq!(register(&mut map, "problem.404", json!(2)), "problem.404.2");
        assert_eq!(register(&mut map, "a b/c", json!(3)), "a_b_c");
    }

    #[test]
    fn members_two_schemas_share_become_one_component() {
        let long = json!({"type": "object", "properties": {"pointer": {"type": "string"}, "parameter": {"type": "string"}}});
        let mut components = Components::default();
        for (name, status) in [("jsonapi.404", 404), ("jsonapi.409", 409)] {
            components.schemas.insert(
                name.to_owned(),
                json!({"type": "object", "properties": {"status": {"enum": [status]}, "source": long}}),
            );
        }
        components.share_members();
        assert_eq!(components.schemas["jsonapi.source"], long);
        for name in ["jsonapi.404", "jsonapi.409"] {
            assert_eq!(
                components.schemas[name]["properties"]["source"]["$ref"],
                "#/components/schemas/jsonapi.source"
            );
        }
        // Members that differ stay where they are.
        assert_eq!(
            components.schemas["jsonapi.409"]["properties"]["status"]["enum"][0],
            409
        );
    }
}
