//! OpenAPI documents of an API's errors (cargo feature `utoipa`), from the
//! same declaration as the responses: the envelope's schema, and the
//! responses per status with one example per variant, rendered by the real
//! renderer, so documentation and wire never drift.
//!
//! With the feature on, `#[derive(ApiError)]` implements
//! `utoipa::ToSchema` (the component schema: the type's envelope, its codes
//! as an `enum`, its statuses) and `utoipa::IntoResponses` (one response
//! per status, its examples and headers) for the type; [`ApiErrors`] has
//! both too. A handler lists its error type once:
//!
//! ```
//! use errcodes::ApiError;
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://errors.example.com/")]
//! enum OrderError {
//!     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
//!     NotFound { id: u64 },
//!     #[api(status = 429, code = "throttled", detail = "Slow down.")]
//!     Throttled {
//!         #[api(header = "Retry-After")]
//!         wait: std::time::Duration,
//!     },
//! }
//!
//! #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), OrderError))]
//! async fn order() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(order), components(schemas(OrderError)))]
//! struct Api;
//!
//! let doc = serde_json::to_value(Api::openapi()).unwrap();
//! let not_found = &doc["paths"]["/orders/{id}"]["get"]["responses"]["404"];
//! let example = &not_found["content"]["application/problem+json"]["examples"]["NotFound"]["value"];
//! assert_eq!(example["detail"], "No order {id} exists.");
//! assert_eq!(example["type"], "https://errors.example.com/order_not_found");
//! let throttled = &doc["paths"]["/orders/{id}"]["get"]["responses"]["429"];
//! assert!(throttled["headers"]["Retry-After"].is_object());
//! assert_eq!(doc["components"]["schemas"]["OrderError"]["properties"]["code"]["enum"][0], "order_not_found");
//! ```
//!
//! The examples show each variant as declared: a detail template with its
//! placeholders (`No order {id} exists.`), meta members as `"{name}"`, a
//! field named at run time as `{field}`. A `transparent` variant brings its
//! inner type's responses in the outer type's envelope: a derived type's
//! variants, or a 422 of field errors for [`ApiErrors`]. The same documents are
//! available as plain JSON ([`schema`], [`responses`]) for any other
//! OpenAPI tooling.

use core::fmt;
use std::collections::BTreeMap;

use http::StatusCode;
use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::Schema;

use crate::catalog::{Catalog, CatalogEntry};
use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;
use crate::error::Envelope;
use crate::error::Settings;
use crate::ext::ApiErrorExt as _;
use crate::location::Location;
use crate::schema::DocumentedErrors;
use crate::visit::MetaVisitor;

/// The JSON Schema of `envelope`'s documents for the errors of `entries`:
/// their statuses, and their codes as an `enum` (any code when a variant is
/// `transparent`). A format without a schema of its own is any object.
///
/// ```
/// use errcodes::{ApiError, Catalog, Envelope};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "order_not_found", detail = "No such order.")]
/// struct OrderNotFound;
///
/// let schema = errcodes::openapi::schema(Envelope::JsonApi, OrderNotFound::CATALOG);
/// let item = &schema["properties"]["errors"]["items"]["properties"];
/// assert_eq!(item["status"]["enum"][0], "404");
/// assert_eq!(item["code"]["enum"][0], "order_not_found");
/// ```
#[must_use]
pub fn schema(envelope: Envelope, entries: &[CatalogEntry]) -> Value {
    let mut statuses: Vec<u16> = entries
        .iter()
        .map(|e| e.status)
        .filter(|s| *s != 0)
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    let codes: Option<Vec<&str>> = if entries.iter().any(|e| e.transparent.is_some()) {
        None
    } else {
        Some(
            entries
                .iter()
                .filter(|e| e.code_sent)
                .map(|e| e.code)
                .collect::<Vec<&str>>(),
        )
    };
    let mut meta: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.meta.iter().copied())
        .collect();
    meta.sort_unstable();
    meta.dedup();
    let mut input = DocumentedErrors::new(&statuses).meta(&meta);
    if let Some(codes) = &codes {
        input = input.codes(codes);
    }
    envelope.format().schema().map_or_else(
        || json!({"type": "object"}),
        |schema| schema.json_schema(&input),
    )
}

/// The OpenAPI response objects for the errors of `entries` in `envelope`,
/// by status: the reason phrase as the description, the envelope's schema,
/// one example per variant (named after it, rendered by the envelope's
/// writer) and the headers the variants set. `domain` is the type's
/// (AIP-193's `ErrorInfo.domain`).
///
/// ```
/// use errcodes::{ApiError, Catalog, Envelope};
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
///     NotFound { id: u64 },
///     #[api(status = 404, code = "customer_not_found", detail = "No such customer.")]
///     NoCustomer,
/// }
///
/// let responses = errcodes::openapi::responses(Envelope::Drf, OrderError::CATALOG, None);
/// let examples = &responses["404"]["content"]["application/json"]["examples"];
/// assert_eq!(examples["NotFound"]["value"]["errors"][0]["detail"], "No order {id}.");
/// assert_eq!(examples["NoCustomer"]["value"]["errors"][0]["code"], "customer_not_found");
/// ```
#[must_use]
pub fn responses(
    envelope: Envelope,
    entries: &[CatalogEntry],
    domain: Option<&str>,
) -> BTreeMap<String, Value> {
    responses_of(envelope, entries, domain, false)
}

/// [`responses`], with a 422 collection example when `collection`.
fn responses_of(
    envelope: Envelope,
    entries: &[CatalogEntry],
    domain: Option<&str>,
    collection: bool,
) -> BTreeMap<String, Value> {
    let schema = schema(envelope, entries);
    let media_type = envelope.format().media_type().to_owned();
    let mut responses: BTreeMap<String, Value> = BTreeMap::new();
    for entry in entries.iter().filter(|e| e.status != 0) {
        let Ok(status) = StatusCode::from_u16(entry.status) else {
            continue;
        };
        let response = responses
            .entry(entry.status.to_string())
            .or_insert_with(|| {
                json!({
                    "description": status.canonical_reason().unwrap_or("Error"),
                    "content": {media_type.clone(): {"schema": schema.clone(), "examples": {}}}
                })
            });
        let example = Example::new(entry, domain);
        let value: Value =
            serde_json::from_slice(&example.render_to_vec(envelope)).unwrap_or(Value::Null);
        // A variant whose code is kept from clients (a 5xx's default code is
        // its name) is not named in the document either: its example is
        // keyed by its title, `internal_server_error`, `_2` for another.
        let examples = &mut response["content"][&media_type]["examples"];
        let key = if entry.code_sent {
            entry.variant.to_owned()
        } else {
            let base = crate::case::snake_words(entry.title);
            // At most one key per example already there: a free one exists.
            (1..=examples.as_object().map_or(0, serde_json::Map::len) + 1)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}_{n}")
                    }
                })
                .find(|key| examples.get(key).is_none())
                .unwrap_or(base)
        };
        examples[key] = json!({
            "summary": if entry.code_sent { entry.code } else { entry.title },
            "value": value
        });
        for name in entry.headers {
            // Indexing a missing member of an object (or null) inserts it.
            if response["headers"].get(*name).is_none() {
                response["headers"][*name] = header(name);
            }
        }
    }
    if collection {
        let response = responses.entry("422".to_owned()).or_insert_with(|| {
            json!({
                "description": "Unprocessable Entity",
                "content": {media_type.clone(): {"schema": schema.clone(), "examples": {}}}
            })
        });
        response["content"][&media_type]["examples"]["validation_failed"] = json!({
            "summary": "validation_failed",
            "value": collection_example(envelope)
        });
    }
    responses
}

/// A collection of one field error, as `envelope` writes it.
fn collection_example(envelope: Envelope) -> Value {
    let sample = ApiErrors::from(FieldError::new(
        "name",
        "required",
        "This field is required.",
    ));
    serde_json::from_slice(&sample.render_to_vec(envelope)).unwrap_or(Value::Null)
}

/// The OpenAPI header object of a header an error sets.
fn header(name: &str) -> Value {
    let description = match name.to_ascii_lowercase().as_str() {
        "retry-after" => "How long to wait before retrying: delta-seconds, or an HTTP-date.",
        "www-authenticate" => "The authentication scheme and parameters to retry with.",
        "allow" => "The methods the resource supports.",
        _ => "Set by the error.",
    };
    json!({"description": description, "schema": {"type": "string"}})
}

/// What a `transparent` variant's inner type answers, for the documents
/// of the type around it (which writes them in its own envelope). For
/// generated code: the derive passes one per `transparent` variant.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Inner {
    /// A derived type: its catalog.
    Entries(&'static [CatalogEntry]),
    /// A collection ([`ApiErrors`]): a 422 of field errors.
    Collection,
    /// A type errcodes knows nothing of.
    Undocumented,
}

/// `T`'s entries with its `transparent` variants' inner ones, and whether
/// one of them is a collection.
fn flatten<T: Catalog + ?Sized>(inners: &[Inner]) -> (Vec<CatalogEntry>, bool) {
    let mut entries = T::CATALOG.to_vec();
    // When every inner type is known by its catalog, the codes are known:
    // the `transparent` entries, which stand for any code, give way.
    if inners
        .iter()
        .all(|inner| matches!(inner, Inner::Entries(_)))
    {
        entries.retain(|e| e.transparent.is_none());
    }
    let mut collection = false;
    for inner in inners {
        match inner {
            Inner::Entries(more) => entries.extend(more.iter().filter(|e| e.status != 0)),
            Inner::Collection => collection = true,
            Inner::Undocumented => {}
        }
    }
    (entries, collection)
}

/// `T`'s component schema, for the derived `utoipa::PartialSchema`: [`schema`]
/// of its envelope and catalog, with its `transparent` variants' `inners`.
/// For generated code.
#[doc(hidden)]
#[must_use]
pub fn component<T: Catalog + ?Sized>(inners: &[Inner]) -> RefOr<Schema> {
    let (mut entries, collection) = flatten::<T>(inners);
    if collection {
        entries.push(CatalogEntry {
            status: 422,
            ..COLLECTION
        });
    }
    to_schema(schema(T::ENVELOPE, &entries))
}

/// `T`'s responses, for the derived `utoipa::IntoResponses`: [`responses`]
/// of its envelope, catalog and domain, with its `transparent` variants'
/// `inners`. For generated code.
#[doc(hidden)]
#[must_use]
pub fn into_responses<T: Catalog + ?Sized>(inners: &[Inner]) -> BTreeMap<String, RefOr<Response>> {
    let (entries, collection) = flatten::<T>(inners);
    to_responses(responses_of(T::ENVELOPE, &entries, T::DOMAIN, collection))
}

/// A collection's place in a schema: any code (it is `transparent`).
const COLLECTION: CatalogEntry = CatalogEntry {
    status: 422,
    title: "Unprocessable Entity",
    ..crate::__private::transparent_entry("", "ApiErrors")
};

/// A JSON schema as utoipa's model; any object should the model refuse it.
fn to_schema(value: Value) -> RefOr<Schema> {
    serde_json::from_value(value)
        .unwrap_or_else(|_| RefOr::T(Schema::Object(utoipa::openapi::schema::Object::new())))
}

/// Response objects as utoipa's model (those it refuses are left out).
fn to_responses(responses: BTreeMap<String, Value>) -> BTreeMap<String, RefOr<Response>> {
    responses
        .into_iter()
        .filter_map(|(status, response)| Some((status, serde_json::from_value(response).ok()?)))
        .collect()
}

/// A variant as its catalog entry declares it, for examples: its template
/// text as the detail, its meta members as `"{name}"`.
struct Example<'a> {
    entry: &'a CatalogEntry,
    domain: Option<&'a str>,
    /// `{field}` for a member named at run time by `field`.
    runtime_attr: Option<String>,
}

impl<'a> Example<'a> {
    fn new(entry: &'a CatalogEntry, domain: Option<&'a str>) -> Example<'a> {
        let runtime_attr = match entry.location {
            Some(("attr field", field)) => Some(format!("{{{field}}}")),
            _ => None,
        };
        Example {
            entry,
            domain,
            runtime_attr,
        }
    }
}

impl ApiError for Example<'_> {
    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.entry.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
    fn code(&self) -> &str {
        self.entry.code
    }
    fn title(&self) -> &str {
        self.entry.title
    }
    /// The template as written; a 4xx without one (whose detail is its
    /// `Display`) shows its title.
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry.detail.unwrap_or(self.entry.title))
    }
    fn location(&self) -> Option<Location<'_>> {
        match self.entry.location? {
            ("attr", path) => Some(Location::Field(path)),
            ("attr field", _) => self.runtime_attr.as_deref().map(Location::Field),
            ("pointer", pointer) => Some(Location::Pointer(pointer)),
            ("parameter", name) => Some(Location::Parameter(name)),
            ("header", name) => Some(Location::Header(name)),
            _ => None,
        }
    }
    fn settings(&self) -> Settings<'_> {
        Settings {
            redact_code: !self.entry.code_sent,
            redact_detail: self.entry.detail.is_none() && self.entry.status >= 500,
            kind: self.entry.kind,
            type_base: self
                .entry
                .type_uri
                .and_then(|uri| uri.strip_suffix(self.entry.code)),
            domain: self.domain,
            ..Settings::new()
        }
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        for name in self.entry.meta {
            visitor.visit(name, &format!("{{{name}}}"));
        }
    }
}

impl utoipa::PartialSchema for ApiErrors {
    /// A collection's envelope (Problem Details unless a type around it says
    /// otherwise), with any code.
    fn schema() -> RefOr<Schema> {
        to_schema(Envelope::Problem.format().schema().map_or_else(
            || json!({"type": "object"}),
            |schema| schema.json_schema(&DocumentedErrors::new(&[])),
        ))
    }
}

impl utoipa::ToSchema for ApiErrors {}

impl utoipa::IntoResponses for ApiErrors {
    /// A 422 with an example collection of one field error.
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        to_responses(responses_of(Envelope::Problem, &[], None, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in envelope's schema and responses read into utoipa's
    /// model as they are: the fallbacks above are never taken.
    #[test]
    fn utoipa_reads_every_built_in_schema() {
        let entry = CatalogEntry {
            variant: "Throttled",
            status: 429,
            code: "throttled",
            code_sent: true,
            title: "Too Many Requests",
            type_uri: Some("https://errors.example.com/throttled"),
            detail: Some("Retry in {wait} seconds."),
            instance: None,
            location: Some(("attr", "items.0.sku")),
            kind: None,
            headers: &["Retry-After"],
            meta: &["wait"],
            transparent: None,
        };
        for envelope in Envelope::ALL {
            let schema = schema(envelope, &[entry]);
            assert!(
                serde_json::from_value::<RefOr<Schema>>(schema.clone()).is_ok(),
                "{envelope}: {schema}"
            );
            for (status, response) in responses(envelope, &[entry], Some("example.com")) {
                assert!(
                    serde_json::from_value::<RefOr<Response>>(response.clone()).is_ok(),
                    "{envelope} {status}: {response}"
                );
            }
        }
        assert!(
            serde_json::from_value::<RefOr<Schema>>(
                Envelope::Problem
                    .format()
                    .schema()
                    .unwrap()
                    .json_schema(&DocumentedErrors::new(&[]))
            )
            .is_ok()
        );
    }
}
