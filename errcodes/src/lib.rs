//! Declare your API errors once; answer every failed request correctly.
//!
//! `#[derive(ApiError)]` turns an error enum (or struct) into HTTP answers:
//! each variant gets a status, a stable machine code, a title and a detail,
//! and renders byte for byte into one of six documented error envelopes, or
//! into one of your own through the [`Format`] trait.
//!
//! ```
//! use errcodes::ApiErrorExt as _;
//! use errcodes::{ApiError, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(envelope = "jsonapi")]
//! enum SignupError {
//!     #[api(status = 422, code = "required", attr = "name", detail = "This field is required.")]
//!     NameMissing,
//!     #[api(status = 409, detail = "user {email} already exists")]
//!     Duplicate { email: String },
//! }
//!
//! let response = SignupError::Duplicate { email: "bob@example.com".into() }.to_response();
//! assert_eq!(response.status(), 409);
//! assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
//! assert_eq!(
//!     response.body(),
//!     br#"{"errors":[{"status":"409","code":"duplicate","title":"Conflict","detail":"user bob@example.com already exists"}]}"#
//! );
//!
//! // The same error in another envelope, chosen at run time:
//! assert_eq!(
//!     SignupError::NameMissing.render_to_vec(Envelope::Laravel),
//!     br#"{"message":"This field is required.","errors":{"name":["This field is required."]}}"#
//! );
//! ```
//!
//! # Envelopes
//!
//! | [`Envelope`] | name | `Content-Type` | status in the body |
//! |---|---|---|---|
//! | [`JsonApi`](Envelope::JsonApi) | `jsonapi` | `application/vnd.api+json` | `"status": "422"` (a string) |
//! | [`Problem`](Envelope::Problem) | `problem` (default) | `application/problem+json` | `"status": 422` (a number) |
//! | [`Laravel`](Envelope::Laravel) | `laravel` | `application/json` | none |
//! | [`Drf`](Envelope::Drf) | `drf` | `application/json` | none (it drives `type`) |
//! | [`ShipStream`](Envelope::ShipStream) | `shipstream` | `application/json` | none |
//! | [`Aip193`](Envelope::Aip193) | `aip193` | `application/json` | `"code": 422` (a number) |
//!
//! A format of your own implements [`Format`] and is named like a built-in:
//! `#[api(envelope = MyFormat)]`, or [`Envelope::custom`] at run time.
//!
//! ```
//! use errcodes::ApiErrorExt as _;
//! use errcodes::{ApiError, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404, code = "order_not_found", detail = "No order with id {id} exists.")]
//! struct OrderNotFound { id: u64 }
//!
//! let err = OrderNotFound { id: 42 };
//! let body = |e: Envelope| String::from_utf8(err.render_to_vec(e)).unwrap();
//! assert_eq!(body(Envelope::JsonApi), r#"{"errors":[{"status":"404","code":"order_not_found","title":"Not Found","detail":"No order with id 42 exists."}]}"#);
//! assert_eq!(body(Envelope::Problem), r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No order with id 42 exists.","code":"order_not_found"}"#);
//! assert_eq!(body(Envelope::Laravel), r#"{"message":"No order with id 42 exists."}"#);
//! assert_eq!(body(Envelope::Drf), r#"{"type":"client_error","errors":[{"code":"order_not_found","detail":"No order with id 42 exists.","attr":null}]}"#);
//! assert_eq!(body(Envelope::ShipStream), r#"{"errors":[{"type":"application","message":"No order with id 42 exists."}]}"#);
//! assert_eq!(body(Envelope::Aip193), r#"{"error":{"code":404,"message":"No order with id 42 exists.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ORDER_NOT_FOUND"}]}}"#);
//! ```
//!
//! # Attributes
//!
//! On the **type**: `envelope = "..."` (the default envelope, a built-in's
//! name or the path of a [`Format`] value), `domain = "..."` (the AIP-193
//! `ErrorInfo.domain`), `type_base =
//! "https://..."` (Problem `type` and JSON:API `links.type` become base +
//! code), `status = N` (a default for variants), `pointer_prefix = "/..."`
//! (JSON:API pointer prefix for `attr`, default `/data/attributes`),
//! `fixed_envelope` (never negotiated), `problem_style = "title_detail"`
//! (Problem Details with `title` and `detail` only, see [`ProblemStyle`]),
//! `no_code` (no `code` member in any body). All of them reach renderers as
//! one [`Settings`] value.
//!
//! On a **variant** (or, for a struct, beside the type attributes):
//!
//! * `status = 422` or `status = StatusCode::UNPROCESSABLE_ENTITY`: 4xx or 5xx.
//! * `code = "required"`: default the variant name in snake_case.
//! * `title = "..."`: default the status's reason phrase.
//! * `detail = "user {id} not found"`: a template over the fields, as in
//!   `format!` (`{name}`, `{0}`, `{name:?}`, `{{` for a brace). A 4xx without
//!   one uses the type's `Display` text; a 5xx without one uses the
//!   envelope's generic text, never `Display`.
//! * `instance = "/orders/{id}"`: the Problem Details `instance`, a template.
//! * `attr = "items.0.sku"`, `pointer = "/data/id"`, `parameter = "page"`,
//!   `header = "X-Api-Key"`: where in the request the problem is. `attr`
//!   names the member; `pointer` / `parameter` / `header` (one of them) set
//!   the JSON:API `source`, and win there when given beside `attr`.
//! * `log = "warn"`: how loudly the web-framework layers log the variant
//!   (feature `tracing`); default `error` for a 5xx, `debug` for a 4xx.
//! * `kind = "parser"`: the category word, taken by each envelope only from
//!   its own words: drf's three `type`s, ShipStream's `application`,
//!   `parameters`, `parser`, `openapi`, AIP-193's canonical codes.
//! * `no_code`: this variant's bodies carry no `code` member.
//! * `transparent`: delegate everything to the single field, itself an `ApiError`.
//!
//! On a **field**: `meta` / `meta = "name"` (serialized into JSON:API `meta`
//! and Problem extension members), `attr` (the field's value names the
//! request member), `header = "Retry-After"` (a response header),
//! `source` (the cause, for [`ApiError::source_error`], never rendered),
//! `from` (a source that also gives `From<FieldType>` for the type, so `?`
//! converts, as thiserror's `#[from]`),
//! `public` (the field's value may appear in the body of a 5xx: required on
//! a 5xx's fields named in `detail` / `instance` or marked `meta`).
//!
//! ```
//! use errcodes::ApiErrorExt as _;
//! use errcodes::{ApiError, Envelope};
//! use serde_json::json;
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://errors.example.com/", status = 400)]
//! enum ImportError {
//!     #[api(code = "required", detail = "This field is required.")]
//!     Missing { #[api(attr)] field: String },
//!     #[api(status = 429, detail = "Retry in {seconds} seconds.")]
//!     Throttled { #[api(header = "Retry-After", meta)] seconds: u32 },
//!     #[api(status = 503)]
//!     Storage(#[api(source)] std::io::Error),
//! }
//!
//! let missing = ImportError::Missing { field: "items.0.sku".into() };
//! assert_eq!(missing.to_json_value(Envelope::Problem), json!({
//!     "type": "https://errors.example.com/required", "title": "Bad Request", "status": 400,
//!     "detail": "This field is required.", "code": "required",
//!     "errors": [{"detail": "This field is required.", "pointer": "#/items/0/sku", "code": "required"}]
//! }));
//!
//! let throttled = ImportError::Throttled { seconds: 30 }.to_response();
//! assert_eq!(throttled.headers()["retry-after"], "30");
//!
//! let storage = ImportError::Storage(std::io::Error::other("disk /dev/sda1 failed"));
//! assert_eq!(storage.to_json_value(Envelope::Laravel), json!({"message": "Server Error"}));
//! assert_eq!(storage.source_error().unwrap().to_string(), "disk /dev/sda1 failed");
//! ```
//!
//! # Locations
//!
//! | [`Location`] | JSON:API | Problem Details | Laravel / drf / ShipStream | AIP-193 |
//! |---|---|---|---|---|
//! | `Field("items.0.sku")` | `source.pointer` = prefix + `/items/0/sku` | `errors[].pointer` = `#/items/0/sku` | key `items.0.sku` | `field` = `items[0].sku` |
//! | `Pointer("/data/id")` | `source.pointer` as written | `#/data/id` | key `data.id` | `data.id` |
//! | `Parameter("page")` | `source.parameter` | `errors[].parameter` | key `page` | `page` |
//! | `Header("X-Api-Key")` | `source.header` | `errors[].header` | key `X-Api-Key` | `X-Api-Key` |
//!
//! # Server errors
//!
//! The body of a 5xx never carries the source error's text, its `Debug`
//! form, or anything not declared in `#[api(...)]`. Without a `detail`, each
//! envelope writes its own generic text: "The server hit an unexpected
//! condition." (JSON:API, Problem Details, ShipStream, AIP-193), "Server Error"
//! (Laravel), "A server error occurred." (drf).
//! Likewise a 5xx without an explicit `code` sends no code (drf writes
//! `error`): its default code is the variant's name (see
//! [`Settings::redact_code`]).
//!
//! # Serving
//!
//! Errors answer a request well only when the server knows the request:
//!
//! * [`negotiate`] picks the envelope from `Accept` (and applies JSON:API's
//!   415/406 rules), answering what it refuses with a [`negotiate::Refusal`].
//! * [`InContext`] answers an error to one request: its path as the
//!   Problem `instance`, its correlation id as the JSON:API `id` and the
//!   Problem `request_id`, a [`Profile`]'s app-wide `type_base` and pointer
//!   prefix for whatever declares none.
//! * With the `axum` feature, `errcodes::axum::ErrorLayer` does all of it
//!   for a router, turns its empty 404/405 and handler panics into errors in
//!   the envelope, and `errcodes::axum::{Json, Query, Path, Form}` reject in
//!   the envelope too.
//! * With the `actix-web` feature, `errcodes::actix::ErrorMiddleware` does
//!   the same for an actix-web app, and `errcodes::actix::extractors`
//!   makes actix's own extractors reject in the envelope.
//!
//! ```
//! use errcodes::ApiErrorExt as _;
//! use errcodes::negotiate::Negotiation;
//! use errcodes::{ApiError, Envelope, InContext, Profile};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404, code = "order_not_found", detail = "No order {0}.")]
//! struct OrderNotFound(u64);
//!
//! let profile = Profile::new(Envelope::Problem).type_base("https://errors.example.com/");
//! let envelope = Negotiation::new(profile.envelope()).choose(Some("application/vnd.api+json")).unwrap();
//! let answered = InContext::new(&OrderNotFound(7)).path("/orders/7").request_id("r-1").profile(&profile);
//! assert_eq!(
//!     answered.render_to_vec(envelope),
//!     br#"{"errors":[{"id":"r-1","status":"404","code":"order_not_found","title":"Not Found","detail":"No order 7.","links":{"type":"https://errors.example.com/order_not_found"}}]}"#
//! );
//! ```
//!
//! # Cargo features
//!
//! * `axum`: derived types, [`ApiErrors`] and [`FieldError`] implement
//!   `axum::response::IntoResponse`, and `errcodes::axum` has the
//!   `ErrorLayer` and the drop-in extractors (see the `axum` module).
//! * `actix-web`: derived types, [`ApiErrors`] and [`FieldError`] convert
//!   into `actix_web::Error` and implement `Responder`, and
//!   `errcodes::actix` has the `ErrorMiddleware` and the extractor configs
//!   (see the `actix` module).
//! * `client`: derived types implement [`client::Decode`]: a response in
//!   any built-in envelope decodes back into the variant that answered it.
//! * `utoipa`: derived types and [`ApiErrors`] implement `utoipa::ToSchema`
//!   and `utoipa::IntoResponses`: the envelope's schema, and the responses
//!   with one example per variant (see the `openapi` module).
//! * `validator`: `ApiErrors::from(validator::ValidationErrors)`.
//! * `tracing`: the axum layer and the actix middleware log each error they
//!   answer (see [`LogLevel`]).
//!
//! # Compile-time checks
//!
//! Every misuse of `#[api(...)]` is a compile error at the offending token,
//! all of them in one compile: unknown keys (with a suggestion), keys in the
//! wrong place, duplicates, values of the wrong kind, statuses outside
//! 4xx/5xx, codes with bad characters or two statuses, template placeholders
//! that name no field, unknown envelopes, relative `type_base`, conflicting
//! locations, invalid header names, misused `transparent`, meta names that
//! would overwrite a Problem Details member.
//!
//! An enum with no variants derives fine (its methods match on nothing); a
//! union is an error.
#![deny(missing_docs)]
#![warn(clippy::pedantic)]

// Imports run one way, bottom up: `json` (the writer, no error types),
// `path`, `location`, `visit`, `received`, `schema`, `response`; `error` (the
// model's types: `ApiError`, `Settings`, `Format`, `Envelope`, `ErrorList`)
// with their methods in `settings`, `format`, `redact`, `ext`; the formats
// under `envelope/`, the collection under `collection/`, `context`,
// `negotiate`, `client/`; the serving engine `serve/` and the frameworks
// that translate for it, `axum/` and `actix/`; `openapi`, `validator`.
// The rules declared values follow are the `errcodes-rules` crate's.
mod carried;
mod case;
pub mod catalog;
pub mod client;
mod collection;
mod context;
pub mod contract;
mod envelope;
mod error;
mod ext;
mod format;
pub mod json;
#[cfg(feature = "fluent")]
pub mod l10n;
mod langtag;
mod location;
pub mod negotiate;
mod occurrence;
mod path;
mod profile;
mod received;
mod redact;
mod response;
pub mod rpc;
mod schema;
mod settings;
mod visit;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
mod log;
#[cfg(feature = "utoipa")]
pub mod openapi;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
mod serve;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "validator")]
mod validator;

#[doc(hidden)]
pub mod __private;

pub use crate::catalog::{Catalog, CatalogEntry};
pub use crate::collection::{AnyFieldPath, ApiErrors, ApiErrorsBuilder, FieldError};
pub use crate::context::InContext;
pub use crate::envelope::UnknownEnvelope;
pub use crate::error::{ApiError, LogLevel};
pub use crate::error::{Envelope, ErrorList, Format};
pub use crate::error::{ProblemStyle, Retry, Rule, Settings};
pub use crate::ext::ApiErrorExt;
pub use crate::location::DEFAULT_POINTER_PREFIX;
pub use crate::location::Location;
pub use crate::occurrence::Occurrence;
pub use crate::path::{FieldPath, Segment};
pub use crate::profile::Profile;
pub use crate::received::FormatDecode;
pub use crate::received::ReceivedError;
pub use crate::redact::{Detail, UnredactedDetail};
pub use crate::schema::DocumentedErrors;
pub use crate::schema::FormatSchema;
#[cfg(all(feature = "tracing", any(feature = "axum", feature = "actix-web")))]
pub use crate::serve::quiet_handler_panics;
pub use crate::visit::{HeaderVisitor, MetaValue, MetaVisitor, delta_seconds};

/// What most code using errcodes needs, in one `use errcodes::prelude::*;`:
/// the trait and its derive, the conveniences, envelopes and settings.
///
/// ```
/// use errcodes::prelude::*;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, detail = "Not found.")]
/// struct NotFound;
///
/// assert_eq!(NotFound.to_response_in(Envelope::Laravel).status(), 404);
/// ```
pub mod prelude {
    pub use crate::{ApiError, ApiErrorExt, Envelope, Settings};
}

/// The `http` crate errcodes speaks (`StatusCode`, `Response`, headers),
/// re-exported so `status = http::StatusCode::NOT_FOUND` needs no extra
/// dependency.
///
/// ```
/// use errcodes::http::StatusCode;
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = StatusCode::GONE, detail = "Archived.")]
/// struct Archived;
///
/// assert_eq!(Archived.status(), StatusCode::GONE);
/// ```
pub use http;

/// Derives [`ApiError`]; see the [crate docs](crate) for the attributes.
///
/// ```
/// use errcodes::ApiErrorExt as _;
/// use errcodes::{ApiError, Envelope};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "laravel")]
/// enum LoginError {
///     #[api(status = 401, detail = "Unauthenticated.")]
///     Unauthenticated,
///     #[api(status = 422, attr = "email", detail = "The email field is required.")]
///     EmailMissing,
/// }
///
/// assert_eq!(LoginError::Unauthenticated.to_response().into_body(), br#"{"message":"Unauthenticated."}"#);
/// assert_eq!(
///     LoginError::EmailMissing.render_to_vec(Envelope::Laravel),
///     br#"{"message":"The email field is required.","errors":{"email":["The email field is required."]}}"#
/// );
/// ```
pub use errcodes_derive::ApiError;
