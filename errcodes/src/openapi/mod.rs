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
//! Each status's response has a schema of its own, admitting that status
//! and its codes only. The examples are rendered as each variant answers,
//! under its type's settings, showing it as declared: a detail template
//! with its placeholders (`No order {id} exists.`), meta members and
//! headers as `"{name}"`, a member named at run time by field `field` as
//! `field`. A `transparent` variant brings its inner type's responses in
//! the outer type's envelope and settings: a derived type's variants, or a
//! 422 of field errors for [`ApiErrors`]. The same documents are available
//! as plain JSON ([`schema`], [`responses`]) for any other OpenAPI tooling.
//!
//! A service under an errcodes layer documents itself with the layer:
//! `ErrorLayer::openapi(ApiDoc::openapi)` (or `ErrorMiddleware::openapi`)
//! writes every operation's error responses with the layer's own answer
//! function, under its profile, in every media type it negotiates, adds
//! the layer's own answers (unknown route, method, 406, 415, unreadable
//! body or parameters, panic) and shares each schema as a component.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::Schema;

use crate::catalog::{Catalog, CatalogEntry};
use crate::collection::{ApiErrors, FieldError};
use crate::error::Envelope;
use crate::error::Settings;
use crate::ext::ApiErrorExt as _;
use crate::schema::DocumentedErrors;
use responses::{Media, Shown, by_status};
use shown::{Example, Within};

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod app;
mod responses;
pub(crate) mod shown;

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
                .filter(|e| e.code_sent())
                .map(|e| e.code)
                .collect::<Vec<&str>>(),
        )
    };
    // Each meta member once, with its JSON type (`any` where variants
    // disagree).
    let mut typed: BTreeMap<&str, &str> = BTreeMap::new();
    for entry in entries {
        for (i, name) in entry.meta.iter().enumerate() {
            let kind = entry.meta_types.get(i).copied().unwrap_or("any");
            typed
                .entry(name)
                .and_modify(|k| {
                    if *k != kind {
                        *k = "any";
                    }
                })
                .or_insert(kind);
        }
    }
    let meta: Vec<&str> = typed.keys().copied().collect();
    let meta_types: Vec<&str> = typed.values().copied().collect();
    let withheld = entries
        .iter()
        .any(|e| !e.code_sent() && e.transparent.is_none());
    let open = entries.iter().any(|e| e.settings.open_codes);
    let mut input = DocumentedErrors::new(&statuses)
        .meta(&meta)
        .meta_types(&meta_types)
        .open_codes(open)
        .withheld(withheld);
    if let Some(codes) = &codes {
        input = input.codes(codes);
    }
    envelope.format().schema().map_or_else(
        || json!({"type": "object"}),
        |schema| schema.json_schema(&input),
    )
}

/// The OpenAPI response objects for the errors of `entries` in `envelope`,
/// by status: the reason phrase as the description, a schema admitting
/// exactly what that status carries (its status, its codes, its meta
/// members), one example per variant (named after it, rendered by the
/// envelope's writer under the variant's settings) and the headers the
/// variants set. `domain`, when given, is AIP-193's `ErrorInfo.domain`
/// (else the type's own).
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
///     #[api(status = 409, code = "stale", detail = "Stale version.")]
///     Stale,
/// }
///
/// let responses = errcodes::openapi::responses(Envelope::Drf, OrderError::CATALOG, None);
/// let not_found = &responses["404"]["content"]["application/json"];
/// assert_eq!(not_found["examples"]["NotFound"]["value"]["errors"][0]["detail"], "No order {id}.");
/// assert_eq!(not_found["examples"]["NoCustomer"]["value"]["errors"][0]["code"], "customer_not_found");
/// // The 404's schema admits the 404's codes, not the 409's.
/// let codes = &not_found["schema"]["properties"]["errors"]["items"]["properties"]["code"]["enum"];
/// assert_eq!(codes, &serde_json::json!(["customer_not_found", "order_not_found"]));
/// ```
#[must_use]
pub fn responses(
    envelope: Envelope,
    entries: &[CatalogEntry],
    domain: Option<&str>,
) -> BTreeMap<String, Value> {
    let shown: Vec<Shown<'_>> = entries
        .iter()
        .filter(|e| e.status != 0)
        .map(|entry| shown_entry(Example::new(entry).in_domain(domain)))
        .collect();
    responses::inline(by_status(
        &shown,
        &[Media::of(envelope)],
        &|err, envelope| err.to_response_in(envelope),
        false,
    ))
}

/// A variant shown: named after the variant when its code is sent, else
/// after its title (a 5xx's default code is its name, kept from clients,
/// and from the document too).
fn shown_entry(example: Example<'_>) -> Shown<'_> {
    let entry = example.entry();
    let fixed = entry
        .settings
        .fixed_envelope
        .then_some(entry.settings.envelope);
    let meta_types: Vec<(String, String)> = entry
        .meta
        .iter()
        .zip(entry.meta_types)
        .map(|(name, kind)| ((*name).to_owned(), (*kind).to_owned()))
        .collect();
    // A 5xx's example is named by its code, never by the variant, whose
    // name may say more about the server than a client should read.
    let mut shown = if entry.code_sent() && entry.status < 500 {
        Shown::new(example).named(entry.variant, entry.code)
    } else if entry.code_sent() {
        Shown::new(example).named(entry.code, entry.code)
    } else {
        Shown::new(example)
    };
    shown.meta_types = meta_types;
    if let Some(envelope) = fixed {
        shown = shown.only(envelope);
    }
    shown
}

/// The errors a type with `catalog` and `settings` answers with, its
/// `transparent` variants' `inners` included (a collection as one field
/// error), as a document shows them.
/// A variant whose fields declare `example` values is shown as built from
/// them (one of `examples`), through the renderer, as the wire carries it.
pub(crate) fn shown_of(
    catalog: &'static [CatalogEntry],
    settings: Settings<'static>,
    inners: &[Inner],
    examples: &Examples,
) -> Vec<Shown<'static>> {
    let mut shown: Vec<Shown<'static>> = catalog
        .iter()
        .filter(|e| e.status != 0)
        .map(|entry| {
            let one = shown_entry(Example::new(entry));
            match examples
                .iter()
                .find(|(variant, _)| *variant == entry.variant)
            {
                Some((_, built)) => Shown {
                    err: Box::new(shown::Built(std::sync::Arc::clone(built))),
                    ..one
                },
                None => one,
            }
        })
        .collect();
    for inner in inners {
        match inner {
            Inner::Entries(more) => shown.extend(
                more.iter()
                    .filter(|e| e.status != 0)
                    .map(|entry| shown_entry(Example::within(entry, settings))),
            ),
            Inner::Collection => {
                let within = Within {
                    err: Box::new(sample_collection()),
                    outer: settings,
                };
                let mut one = Shown::new(within).named("validation_failed", "validation_failed");
                if settings.fixed_envelope {
                    one = one.only(settings.envelope);
                }
                shown.push(one);
            }
            Inner::Undocumented => {}
        }
    }
    shown
}

/// A collection of one field error, as examples show a collection.
pub(crate) fn sample_collection() -> ApiErrors {
    ApiErrors::from(FieldError::new(
        "name",
        "required",
        "This field is required.",
    ))
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
    to_schema(schema(T::SETTINGS.envelope, &entries))
}

/// `T`'s responses, for the derived `utoipa::IntoResponses`: [`responses`]
/// of its envelope, catalog and settings, with its `transparent` variants'
/// `inners`. `T` is also noted (with a framework feature), so that an app's
/// document (see the layers' `openapi`) finds it in the operations that
/// list these responses and writes them as its layer answers. For
/// generated code.
#[doc(hidden)]
#[must_use]
pub fn into_responses<T: Catalog + Documented + utoipa::ToSchema + ?Sized>(
    inners: &[Inner],
) -> BTreeMap<String, RefOr<Response>> {
    responses_noted::<T>(core::any::type_name::<T>(), T::CATALOG, inners)
}

/// The responses of `catalog` (all of `T`'s variants, or a selection of
/// them) with `inners`, in `T`'s envelope, noted under `key` (with a
/// framework feature) for the app documents to find.
fn responses_noted<T: Catalog + Documented + utoipa::ToSchema + ?Sized>(
    key: &'static str,
    catalog: &'static [CatalogEntry],
    inners: &[Inner],
) -> BTreeMap<String, RefOr<Response>> {
    let examples = T::examples();
    let shown = shown_of(catalog, T::SETTINGS, inners, &examples);
    let responses = to_responses(responses::inline(by_status(
        &shown,
        &[Media::of(T::SETTINGS.envelope)],
        &|err, envelope| err.to_response_in(envelope),
        false,
    )));
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    app::note(
        key,
        &T::name(),
        catalog,
        T::SETTINGS,
        inners,
        &examples,
        &responses,
    );
    #[cfg(not(any(feature = "axum", feature = "actix-web")))]
    let _ = key;
    responses
}

/// What a derived type's `transparent` variants hold, in their order: the
/// derive implements it beside `utoipa::IntoResponses`, for [`Only`].
#[doc(hidden)]
pub trait Documented {
    /// One [`Inner`] per `transparent` variant, in declaration order.
    fn inners() -> Vec<Inner>;
    /// The variants built from their fields' declared `example` values.
    #[must_use]
    fn examples() -> Examples {
        Vec::new()
    }
}

/// Variants built from declared `example` values, by variant name, each an
/// owned copy: what documents render instead of a variant's template.
#[doc(hidden)]
pub type Examples = Vec<(
    &'static str,
    std::sync::Arc<dyn crate::ApiError + Send + Sync>,
)>;

/// `T`'s variants whose fields all declare an `example`, built from them.
/// For generated code.
#[doc(hidden)]
#[must_use]
pub fn examples_of<T: Catalog + crate::__private::Examples + crate::ApiError>() -> Examples {
    T::CATALOG
        .iter()
        .filter_map(|entry| {
            let example = T::example(entry.variant)?;
            let copy: std::sync::Arc<dyn crate::ApiError + Send + Sync> =
                std::sync::Arc::new(crate::carried::Snapshot::of(&example));
            Some((entry.variant, copy))
        })
        .collect()
}

/// The errors one operation can answer: the variants of `T` that
/// `VARIANTS` selects (see [`variants`]), listed in the operation's
/// `responses(...)` instead of the whole type, so the document shows only
/// what the operation answers; under a layer its own answers are still
/// added. A variant or code the type does not have is a compile error.
///
/// ```
/// use errcodes::openapi::{variants, Only};
/// use errcodes::ApiError;
/// use utoipa::OpenApi;
///
/// #[derive(Debug, ApiError)]
/// enum BookingError {
///     #[api(status = 404, code = "booking_not_found", detail = "No such booking.")]
///     NotFound,
///     #[api(status = 409, code = "room_taken", detail = "The room is taken.")]
///     RoomTaken,
///     #[api(status = 429, throttled, detail = "Slow down.")]
///     Throttled,
/// }
///
/// // GET answers 404 or 429, never 409: by variant name or by code.
/// #[utoipa::path(get, path = "/bookings/{id}", responses(
///     (status = 200, description = "The booking"),
///     Only<BookingError, { variants::<BookingError>(&["NotFound", "throttled"]) }>,
/// ))]
/// # #[allow(dead_code)]
/// async fn booking() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(booking))]
/// struct Api;
///
/// let doc = serde_json::to_value(Api::openapi()).unwrap();
/// let statuses: Vec<&String> = doc["paths"]["/bookings/{id}"]["get"]["responses"].as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["200", "404", "429"]);
/// ```
///
/// A name the type lacks fails the build where it is written:
///
/// ```compile_fail
/// # use errcodes::openapi::{variants, Only};
/// # use errcodes::ApiError;
/// # #[derive(Debug, ApiError)]
/// # enum BookingError {
/// #     #[api(status = 404, code = "booking_not_found", detail = "No such booking.")]
/// #     NotFound,
/// # }
/// type Wrong = Only<BookingError, { variants::<BookingError>(&["Missing"]) }>;
/// # fn main() { let _ = core::mem::size_of::<Wrong>(); }
/// ```
pub struct Only<T: ?Sized, const VARIANTS: u128>(core::marker::PhantomData<fn() -> Box<T>>);

/// The selection [`Only`] takes: each of `names` is a variant's name (as
/// the catalog gives it) or a code, of `T`. Evaluated at compile time in
/// `Only<T, { variants::<T>(&[...]) }>`, where a name `T` lacks, or a type
/// of more than 128 variants, fails the build.
///
/// # Panics
///
/// When a name is neither a variant nor a code of `T` (at compile time
/// where [`Only`] uses it).
///
/// ```
/// use errcodes::openapi::variants;
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 404, code = "gone", detail = "Gone.")]
///     Gone,
///     #[api(status = 409, code = "taken", detail = "Taken.")]
///     Taken,
/// }
/// const BOTH: u128 = variants::<E>(&["Gone", "taken"]);
/// assert_eq!(BOTH, 0b11);
/// ```
#[must_use]
pub const fn variants<T: Catalog + ?Sized>(names: &[&str]) -> u128 {
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    let catalog = T::CATALOG;
    let mut bits = 0u128;
    let mut n = 0;
    while n < names.len() {
        let mut found = false;
        let mut i = 0;
        while i < catalog.len() {
            let entry = &catalog[i];
            if same(entry.variant, names[n])
                || (entry.transparent.is_none() && same(entry.code, names[n]))
            {
                assert!(
                    i < 128,
                    "errcodes: `Only` selects among a type's first 128 variants"
                );
                bits |= 1 << i;
                found = true;
            }
            i += 1;
        }
        assert!(
            found,
            "errcodes: a name given to `variants` is neither a variant nor a code of the type; write a variant's name (`NotFound`) or its code (`order_not_found`)"
        );
        n += 1;
    }
    bits
}

/// The subsets [`Only`] types answer with, each made once per type for the
/// process (a catalog is `'static` data).
static SUBSETS: std::sync::Mutex<Vec<(&'static str, &'static [CatalogEntry])>> =
    std::sync::Mutex::new(Vec::new());

fn subset<T: Catalog + ?Sized, const VARIANTS: u128>() -> &'static [CatalogEntry] {
    let key = core::any::type_name::<Only<T, VARIANTS>>();
    let mut subsets = SUBSETS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, entries)) = subsets.iter().find(|(k, _)| *k == key) {
        return entries;
    }
    let entries: Vec<CatalogEntry> = T::CATALOG
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 128 && VARIANTS >> i & 1 == 1)
        .map(|(_, entry)| *entry)
        .collect();
    let entries: &'static [CatalogEntry] = entries.leak();
    subsets.push((key, entries));
    entries
}

impl<T, const VARIANTS: u128> utoipa::IntoResponses for Only<T, VARIANTS>
where
    T: Catalog + Documented + utoipa::ToSchema + ?Sized,
{
    /// The responses of the selected variants (with the inner types of the
    /// `transparent` ones selected), as `T`'s own are written.
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let catalog = subset::<T, VARIANTS>();
        let all = T::inners();
        let inners: Vec<Inner> = T::CATALOG
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.transparent.is_some())
            .zip(all)
            .filter(|((i, _), _)| *i < 128 && VARIANTS >> i & 1 == 1)
            .map(|(_, inner)| inner)
            .collect();
        responses_noted::<T>(
            core::any::type_name::<Only<T, VARIANTS>>(),
            catalog,
            &inners,
        )
    }
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
        let shown = shown_of(&[], Settings::new(), &[Inner::Collection], &Vec::new());
        let responses = to_responses(responses::inline(by_status(
            &shown,
            &[Media::of(Envelope::Problem)],
            &|err, envelope| err.to_response_in(envelope),
            false,
        )));
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        app::note(
            "errcodes::ApiErrors",
            "ApiErrors",
            &[],
            Settings::new(),
            &[Inner::Collection],
            &Vec::new(),
            &responses,
        );
        responses
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
            title: "Too Many Requests",
            type_uri: Some("https://errors.example.com/throttled"),
            detail: Some("Retry in {wait} seconds."),
            instance: None,
            location: Some(("attr", "items.0.sku")),
            kind: None,
            headers: &["Retry-After"],
            meta: &["wait"],
            meta_types: &["integer"],
            transparent: None,
            settings: Settings::new()
                .type_base("https://errors.example.com/")
                .domain("example.com"),
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
