//! The error model: what an error says ([`ApiError`]) and what a format
//! does with it ([`Format`]), named by an [`Envelope`].
//!
//! These three refer to each other (an error names its default envelope, an
//! envelope holds its format, a format reads errors), so they live in one
//! file, as serde keeps `Serialize` and `Serializer` together. Nothing here
//! writes JSON: every document is written by a format, the built-in ones each
//! in its own file under `envelope/`.

use core::fmt;
use core::hash::{Hash, Hasher};

use http::StatusCode;

use crate::location::{DEFAULT_POINTER_PREFIX, Location};
use crate::received::Received;
use crate::response;
use crate::visit::{HeaderVisitor, MetaVisitor};

/// An error that knows how to answer an HTTP request.
///
/// Derive it with `#[derive(ApiError)]` (see the [crate docs](crate) for the
/// attributes) or implement it by hand. The trait is object safe, so
/// `&dyn ApiError` and `Box<dyn ApiError>` work everywhere an error is
/// rendered.
///
/// The methods describe the error; the last few
/// ([`render`](ApiError::render), [`to_response`](ApiError::to_response), ...)
/// are conveniences that hand it to an [`Envelope`]'s [`Format`], and are
/// not meant to be overridden.
///
/// ```
/// use core::fmt;
/// use errcodes::{ApiError, Envelope};
/// use http::StatusCode;
///
/// // A hand-written implementation; the derive writes the same for you.
/// struct Gone;
///
/// impl ApiError for Gone {
///     fn status(&self) -> StatusCode { StatusCode::GONE }
///     fn code(&self) -> &str { "gone" }
///     fn title(&self) -> &str { "Gone" }
///     fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("This order was archived.")
///     }
/// }
///
/// let body = Gone.render_to_vec(Envelope::Drf);
/// assert_eq!(
///     body,
///     br#"{"type":"client_error","errors":[{"code":"gone","detail":"This order was archived.","attr":null}]}"#
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an API error",
    label = "`{Self}` does not implement `ApiError`",
    note = "derive it with `#[derive(ApiError)]`, or wrap it in a variant of an error that does"
)]
pub trait ApiError {
    /// The HTTP status: always 4xx or 5xx.
    ///
    /// The examples of the methods below use this `SignupError`.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, Location};
    /// use http::StatusCode;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// enum SignupError {
    ///     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    ///     NameMissing,
    ///     #[api(status = 503)]
    ///     Down(#[api(source)] std::io::Error),
    /// }
    ///
    /// assert_eq!(SignupError::NameMissing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    /// ```
    fn status(&self) -> StatusCode;

    /// The stable machine code, such as `not_found`.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.code(), "required");
    /// assert_eq!(SignupError::Down(std::io::Error::other("x")).code(), "down");
    /// ```
    fn code(&self) -> &str;

    /// The short summary, the same for every occurrence of this error.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.title(), "Unprocessable Entity");
    /// assert_eq!(SignupError::Down(std::io::Error::other("x")).title(), "Service Unavailable");
    /// ```
    fn title(&self) -> &str;

    /// Writes the occurrence's detail, such as `user bob@example.com already exists`.
    ///
    /// Writing into a formatter lets the detail go straight into the output
    /// buffer with no intermediate `String`.
    ///
    /// # Errors
    ///
    /// Only when the formatter itself fails.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(errcodes::Detail(&SignupError::NameMissing).to_string(), "This field is required.");
    /// ```
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Whether [`code`](ApiError::code) is declared for clients. When
    /// `false`, bodies carry no code (drf writes its generic `error`) and no
    /// type URI built from it. The derive returns `false` for a 5xx variant
    /// without an explicit `code`: its default code, the variant's name, may
    /// say more about the server than a client should see.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 500)]
    ///     ReplicaLagTooHigh(#[api(source)] std::io::Error),
    ///     #[api(status = 503, code = "maintenance")]
    ///     Maintenance,
    /// }
    ///
    /// let lag = E::ReplicaLagTooHigh(std::io::Error::other("replica-2 is 90 s behind"));
    /// assert!(!lag.has_code());
    /// assert_eq!(lag.code(), "replica_lag_too_high"); // still there for your logs
    /// assert_eq!(lag.to_json_value(Envelope::Problem), json!({"type": "about:blank",
    ///     "title": "Internal Server Error", "status": 500, "detail": "The server hit an unexpected condition."}));
    /// assert_eq!(lag.to_json_value(Envelope::Drf)["errors"][0]["code"], "error");
    /// assert!(E::Maintenance.has_code());
    /// ```
    fn has_code(&self) -> bool {
        true
    }

    /// The detail as a plain string, when it is one: renderers then copy it
    /// without going through the formatting machinery. It must equal what
    /// [`fmt_detail`](ApiError::fmt_detail) writes. The derive returns the
    /// literal of a `detail` without placeholders.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Not found.")]
    /// struct NotFound;
    ///
    /// assert_eq!(NotFound.detail_str(), Some("Not found."));
    /// ```
    fn detail_str(&self) -> Option<&str> {
        None
    }

    /// Whether [`fmt_detail`](ApiError::fmt_detail) writes text meant for the
    /// client. When `false`, each envelope writes its own generic text
    /// instead: the derive returns `false` for a 5xx without a `detail`, so
    /// the source error never reaches the body.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert!(SignupError::NameMissing.has_detail());
    /// assert!(!SignupError::Down(std::io::Error::other("db-1 down")).has_detail());
    /// ```
    fn has_detail(&self) -> bool {
        true
    }

    /// Whether the error names its occurrence with a Problem Details
    /// `instance` URI (`instance = "/orders/{id}"` in the derive).
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "No order with id {id} exists.", instance = "/orders/{id}")]
    /// struct OrderNotFound { id: u64 }
    ///
    /// assert!(OrderNotFound { id: 42 }.has_instance());
    /// assert_eq!(
    ///     OrderNotFound { id: 42 }.to_json_value(Envelope::Problem),
    ///     json!({"type": "about:blank", "title": "Not Found", "status": 404,
    ///            "detail": "No order with id 42 exists.", "instance": "/orders/42", "code": "order_not_found"})
    /// );
    /// ```
    fn has_instance(&self) -> bool {
        false
    }

    /// Writes the Problem Details `instance` URI, when
    /// [`has_instance`](ApiError::has_instance) says there is one. Only the
    /// Problem Details envelope has a place for it.
    ///
    /// # Errors
    ///
    /// Only when the formatter itself fails.
    ///
    /// ```
    /// use core::fmt;
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Gone.", instance = "/orders/{0}")]
    /// struct OrderGone(u64);
    ///
    /// struct Instance<'a>(&'a OrderGone);
    /// impl fmt::Display for Instance<'_> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_instance(f)
    ///     }
    /// }
    /// assert_eq!(Instance(&OrderGone(7)).to_string(), "/orders/7");
    /// ```
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        Ok(())
    }

    /// The part of the request this error is about, if any.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.location(), Some(Location::Field("name")));
    /// assert_eq!(SignupError::Down(std::io::Error::other("x")).location(), None);
    /// ```
    fn location(&self) -> Option<Location<'_>> {
        None
    }

    /// Where the JSON:API `source` points. By default the same place as
    /// [`location`](ApiError::location); the derive returns the explicit
    /// `pointer`, `parameter` or `header` of a variant that also names its
    /// member with `attr`, since "an explicit pointer always wins" there.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, Location};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 422, attr = "email", pointer = "/data/attributes/contact/email", detail = "Invalid.")]
    /// struct BadEmail;
    ///
    /// assert_eq!(BadEmail.location(), Some(Location::Field("email")));
    /// assert_eq!(BadEmail.jsonapi_source(), Some(Location::Pointer("/data/attributes/contact/email")));
    /// assert_eq!(BadEmail.to_json_value(Envelope::Drf)["errors"][0]["attr"], "email");
    /// ```
    fn jsonapi_source(&self) -> Option<Location<'_>> {
        self.location()
    }

    /// The category word used by the drf (`type`) and ShipStream
    /// (`errors[].type`) envelopes, when it should not be derived from the
    /// status and location.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.kind(), Some("validation_error"));
    /// ```
    fn kind(&self) -> Option<&str> {
        None
    }

    /// The base URI that, joined with the code, forms the Problem Details
    /// `type` and the JSON:API `links.type`. `None` means `about:blank`.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.type_base(), Some("https://errors.example.com/"));
    /// ```
    fn type_base(&self) -> Option<&str> {
        None
    }

    /// The envelope this error renders into unless another is asked for.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.envelope(), Envelope::Drf);
    /// ```
    fn envelope(&self) -> Envelope {
        Envelope::default()
    }

    /// The JSON Pointer prefix of JSON:API `source.pointer` for
    /// [`Location::Field`] errors.
    // The signature ties the prefix to `self` so that implementations may
    // return a prefix they own.
    ///
    /// ```
    /// # use errcodes::{ApiError, Envelope, Location};
    /// # use http::StatusCode;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// # enum SignupError {
    /// #     #[api(code = "required", attr = "name", kind = "validation_error", detail = "This field is required.")]
    /// #     NameMissing,
    /// #     #[api(status = 503)]
    /// #     Down(#[api(source)] std::io::Error),
    /// # }
    /// assert_eq!(SignupError::NameMissing.pointer_prefix(), "/data/attributes");
    /// ```
    #[allow(clippy::unnecessary_literal_bound)]
    fn pointer_prefix(&self) -> &str {
        DEFAULT_POINTER_PREFIX
    }

    /// Whether the error declares its own [`pointer_prefix`](ApiError::pointer_prefix)
    /// (`pointer_prefix = "..."` on the type, `ApiErrors::with_pointer_prefix`),
    /// rather than taking the default: an app-wide [`Profile`](crate::Profile)
    /// applies only where this is `false`, even when a type declares the
    /// default prefix itself.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(pointer_prefix = "/data/attributes", status = 422, attr = "name", detail = "Required.")]
    /// struct Explicit;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 422, attr = "name", detail = "Required.")]
    /// struct Default;
    ///
    /// assert!(Explicit.has_pointer_prefix());
    /// assert!(!Default.has_pointer_prefix());
    /// assert_eq!(Explicit.pointer_prefix(), Default.pointer_prefix());
    /// ```
    fn has_pointer_prefix(&self) -> bool {
        false
    }

    /// The service the error's code belongs to, such as
    /// `orders.example.com`: the `domain` of an AIP-193 `ErrorInfo`
    /// (`#[api(domain = "...")]` on the type).
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "aip193", domain = "orders.example.com", status = 404, detail = "No such order.")]
    /// struct OrderNotFound;
    ///
    /// assert_eq!(OrderNotFound.domain(), Some("orders.example.com"));
    /// ```
    fn domain(&self) -> Option<&str> {
        None
    }

    /// An identifier of this occurrence, such as the request's correlation
    /// id: JSON:API writes it as the error's `id`, Problem Details as a
    /// `request_id` extension member. The web-framework layers set it from
    /// the request; errors themselves have none.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "No such order.")]
    /// struct OrderNotFound;
    ///
    /// assert_eq!(OrderNotFound.occurrence_id(), None);
    /// ```
    fn occurrence_id(&self) -> Option<&str> {
        None
    }

    /// How loudly the web-framework layers log this error when they answer
    /// it (with the `tracing` feature): `None` lets them decide (`error` for
    /// a 5xx, `debug` for a 4xx). `#[api(log = "warn")]` on a variant sets
    /// it.
    ///
    /// ```
    /// use errcodes::{ApiError, LogLevel};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 409, log = "warn", detail = "Conflict.")]
    ///     Conflict,
    ///     #[api(status = 404, detail = "Not found.")]
    ///     Missing,
    /// }
    ///
    /// assert_eq!(E::Conflict.log_level(), Some(LogLevel::Warn));
    /// assert_eq!(E::Missing.log_level(), None);
    /// ```
    fn log_level(&self) -> Option<LogLevel> {
        None
    }

    /// Whether the error always answers in its own
    /// [`envelope`](ApiError::envelope), whatever the request's `Accept`
    /// asks (`#[api(fixed_envelope)]` on the type): the per-type opt-out of
    /// the web-framework layers' negotiation. A request that accepts no
    /// envelope at all is still refused with 406 before any handler runs.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "laravel", fixed_envelope, status = 422, detail = "The given data was invalid.")]
    /// struct LegacyInvalid;
    ///
    /// assert!(LegacyInvalid.fixed_envelope());
    /// ```
    fn fixed_envelope(&self) -> bool {
        false
    }

    /// The errors this error stands for, when it is a collection of many
    /// ([`ApiErrors`](crate::ApiErrors), or a `transparent` variant holding
    /// one): formats then write the collection's document
    /// ([`Format::write_errors`]) instead of a single error's.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Not found.")]
    /// struct NotFound;
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().map(|list| list.len()), Some(1));
    /// assert!(NotFound.errors().is_none());
    /// ```
    fn errors(&self) -> Option<ErrorList<'_>> {
        None
    }

    /// Calls `visitor` once for each meta member (JSON:API `meta`, Problem
    /// Details extension members).
    ///
    /// ```
    /// use errcodes::{ApiError, MetaValue};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, detail = "Stale.")]
    /// struct Stale { #[api(meta)] version: u32 }
    ///
    /// let mut json = Vec::new();
    /// Stale { version: 7 }.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
    ///     json.extend_from_slice(name.as_bytes());
    ///     json.push(b'=');
    ///     value.write_json(&mut json).unwrap();
    /// });
    /// assert_eq!(json, b"version=7");
    /// ```
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        let _ = visitor;
    }

    /// Calls `visitor` once for each response header this error sets, such
    /// as `Retry-After`.
    ///
    /// ```
    /// use core::fmt::Display;
    /// use errcodes::ApiError;
    /// use http::HeaderName;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 503, detail = "Down for maintenance.")]
    /// struct Maintenance { #[api(header = "Retry-After")] seconds: u32 }
    ///
    /// let mut headers = Vec::new();
    /// Maintenance { seconds: 600 }.visit_headers(&mut |name: &HeaderName, value: &dyn Display| {
    ///     headers.push(format!("{name}: {value}"));
    /// });
    /// assert_eq!(headers, ["retry-after: 600"]);
    /// ```
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        let _ = visitor;
    }

    /// The underlying cause, marked `#[api(source)]`: for logs and traces,
    /// never for the response body.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 503)]
    /// struct Unavailable(#[api(source)] std::io::Error);
    ///
    /// let err = Unavailable(std::io::Error::other("db-1 refused the connection"));
    /// assert_eq!(err.source_error().unwrap().to_string(), "db-1 refused the connection");
    /// assert!(!String::from_utf8_lossy(&err.render_to_vec(errcodes::Envelope::Problem)).contains("db-1"));
    /// ```
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }

    /// Appends this error's JSON body in `envelope` to `out`.
    ///
    /// Nothing is allocated beyond what `out` needs to grow: with a reused
    /// buffer of sufficient capacity, rendering allocates nothing.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "No order with id {id} exists.")]
    /// struct OrderNotFound { id: u64 }
    ///
    /// let mut buf = Vec::with_capacity(256);
    /// OrderNotFound { id: 42 }.render(Envelope::Laravel, &mut buf);
    /// assert_eq!(buf, br#"{"message":"No order with id 42 exists."}"#);
    /// ```
    fn render(&self, envelope: Envelope, out: &mut Vec<u8>) {
        envelope.write(&self, out);
    }

    /// This error's JSON body in `envelope`, as a new vector.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 401, detail = "Unauthenticated.")]
    /// struct Unauthenticated;
    ///
    /// let body = Unauthenticated.render_to_vec(Envelope::Laravel);
    /// assert_eq!(body, br#"{"message":"Unauthenticated."}"#);
    /// ```
    fn render_to_vec(&self, envelope: Envelope) -> Vec<u8> {
        // Single-error bodies of every built-in envelope fit (AIP-193's, with
        // its typed details, are the largest), so the buffer is allocated once.
        let mut out = Vec::with_capacity(512);
        self.render(envelope, &mut out);
        out
    }

    /// This error's JSON body in `envelope`, parsed into a
    /// [`serde_json::Value`] (handy in tests). `serde_json` parses at most 128
    /// levels of nesting: a body with meta nested deeper is
    /// [`Value::Null`](serde_json::Value::Null) here, while
    /// [`render`](ApiError::render) and the response keep every level.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "order_not_found", detail = "No order with id {0} exists.")]
    /// struct OrderNotFound(u64);
    ///
    /// assert_eq!(
    ///     OrderNotFound(42).to_json_value(Envelope::JsonApi),
    ///     json!({"errors": [{"status": "404", "code": "order_not_found",
    ///            "title": "Not Found", "detail": "No order with id 42 exists."}]})
    /// );
    /// ```
    fn to_json_value(&self, envelope: Envelope) -> serde_json::Value {
        // The built-in formats write valid JSON by construction; the fallback
        // keeps the promise that rendering never panics.
        serde_json::from_slice(&self.render_to_vec(envelope)).unwrap_or(serde_json::Value::Null)
    }

    /// An HTTP response in this error's own envelope: its status, the
    /// envelope's `Content-Type`, its headers and its JSON body.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "jsonapi", status = 429, detail = "Slow down.")]
    /// struct RateLimited {
    ///     #[api(header = "Retry-After")]
    ///     retry_after: u32,
    /// }
    ///
    /// let response = RateLimited { retry_after: 30 }.to_response();
    /// assert_eq!(response.status(), 429);
    /// assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
    /// assert_eq!(response.headers()["retry-after"], "30");
    /// ```
    fn to_response(&self) -> http::Response<Vec<u8>> {
        self.to_response_in(self.envelope())
    }

    /// An HTTP response in `envelope`, whatever the type's own envelope is.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Not found.")]
    /// struct NotFound;
    ///
    /// let response = NotFound.to_response_in(Envelope::Drf);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// ```
    fn to_response_in(&self, envelope: Envelope) -> http::Response<Vec<u8>> {
        response::build(
            self.status(),
            envelope.content_type(),
            self.render_to_vec(envelope),
            |headers| self.visit_headers(headers),
        )
    }
}

/// How loudly an error is logged when it is answered; see
/// [`ApiError::log_level`].
///
/// ```
/// assert!(errcodes::LogLevel::Warn > errcodes::LogLevel::Debug);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// Not logged at all.
    Off,
    /// `trace`.
    Trace,
    /// `debug`: the default for a 4xx.
    Debug,
    /// `info`.
    Info,
    /// `warn`.
    Warn,
    /// `error`: the default for a 5xx.
    Error,
}

/// Displays an error's detail: [`ApiError::fmt_detail`] as a
/// [`Display`](fmt::Display) value.
///
/// ```
/// use errcodes::{ApiError, Detail};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "user {email} already exists")]
/// struct Duplicate { email: String }
///
/// let err = Duplicate { email: "bob@example.com".into() };
/// assert_eq!(Detail(&err).to_string(), "user bob@example.com already exists");
/// ```
pub struct Detail<'a, E: ?Sized>(pub &'a E);

impl<E: ApiError + ?Sized> fmt::Display for Detail<'_, E> {
    /// The detail; a `Display` of the error's that fails part-way keeps what
    /// it wrote, so `to_string()` never panics (only a failing formatter is
    /// an error).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_total(f, |f| self.0.fmt_detail(f))
    }
}

/// Runs `write` on `f`, telling the two ways it can fail apart: when `f`
/// itself fails, that is the result; when `write` gives up on its own (a
/// user's `Display` returning `fmt::Error`), what it wrote is kept and the
/// result is `Ok`. Errors' `Display` impls use it so that `to_string()`,
/// which panics on an error, is total.
pub(crate) fn write_total(
    f: &mut fmt::Formatter<'_>,
    write: impl Fn(&mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    /// Forwards to the formatter, remembering whether it failed.
    struct Guard<'a, 'b> {
        f: &'a mut fmt::Formatter<'b>,
        failed: bool,
    }
    impl fmt::Write for Guard<'_, '_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let result = self.f.write_str(s);
            self.failed |= result.is_err();
            result
        }
    }
    /// `write` as a `Display` value.
    struct Writer<F>(F);
    impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Writer<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }
    let mut guard = Guard { f, failed: false };
    let _ = fmt::Write::write_fmt(&mut guard, format_args!("{}", Writer(write)));
    if guard.failed {
        Err(fmt::Error)
    } else {
        Ok(())
    }
}

/// Displays an error's `instance` URI: [`ApiError::fmt_instance`] as a
/// [`Display`](fmt::Display) value (for the renderers and snapshots).
pub(crate) struct Instance<'a, E: ?Sized>(pub &'a E);

impl<E: ApiError + ?Sized> fmt::Display for Instance<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_instance(f)
    }
}

/// The detail a client may read, as a [`Display`](fmt::Display) value: the
/// error's own ([`Detail`]) when it declares one; otherwise a generic text
/// for a 5xx (never the source error's), or the title for a 4xx.
///
/// Formats of your own write this rather than [`Detail`], so that a server
/// error never leaks.
///
/// ```
/// use errcodes::{ApiError, PublicDetail};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 409, detail = "Version {0} is stale.")]
///     Stale(u32),
///     #[api(status = 500)]
///     Db(#[api(source)] std::io::Error),
/// }
///
/// assert_eq!(PublicDetail::new(&E::Stale(3)).to_string(), "Version 3 is stale.");
/// let db = E::Db(std::io::Error::other("password=hunter2"));
/// assert_eq!(PublicDetail::new(&db).to_string(), "The server hit an unexpected condition.");
/// assert_eq!(PublicDetail::new(&db).with_generic("Server Error").to_string(), "Server Error");
/// ```
pub struct PublicDetail<'a, E: ?Sized> {
    err: &'a E,
    generic: &'a str,
}

impl<'a, E: ApiError + ?Sized> PublicDetail<'a, E> {
    /// The generic detail of a 5xx that declares none.
    ///
    /// ```
    /// assert_eq!(errcodes::PublicDetail::<dyn errcodes::ApiError>::GENERIC, "The server hit an unexpected condition.");
    /// ```
    pub const GENERIC: &'static str = "The server hit an unexpected condition.";

    /// The public detail of `err`, with [`GENERIC`](Self::GENERIC) for an
    /// undeclared 5xx.
    ///
    /// ```
    /// use errcodes::{FieldError, PublicDetail};
    ///
    /// let err = FieldError::new("name", "required", "Required.");
    /// assert_eq!(PublicDetail::new(&err).to_string(), "Required.");
    /// ```
    #[must_use]
    pub fn new(err: &'a E) -> Self {
        PublicDetail {
            err,
            generic: Self::GENERIC,
        }
    }

    /// The same, with the envelope's own generic text for an undeclared 5xx.
    ///
    /// ```
    /// use errcodes::{FieldError, PublicDetail};
    ///
    /// let err = FieldError::new("name", "required", "Required.");
    /// assert_eq!(PublicDetail::new(&err).with_generic("Server Error").to_string(), "Required.");
    /// ```
    #[must_use]
    pub fn with_generic(self, generic: &'a str) -> Self {
        PublicDetail { generic, ..self }
    }
}

impl<E: ApiError + ?Sized> fmt::Display for PublicDetail<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match public_text(self.err, self.generic) {
            PublicText::Fixed(text) => f.write_str(text),
            PublicText::Own => match self.err.detail_str() {
                Some(text) => f.write_str(text),
                None => write_total(f, |f| self.err.fmt_detail(f)),
            },
        }
    }
}

/// What of an error's detail a client may read.
pub(crate) enum PublicText<'a> {
    /// The error's own detail.
    Own,
    /// A fixed text instead: the envelope's generic one for a 5xx that
    /// declares no detail, the title for a 4xx.
    Fixed(&'a str),
}

/// The rule [`PublicDetail`] and the built-in writers share: an error's own
/// detail when it declares one, else `generic` for a 5xx (never the source
/// error's text), else its title.
pub(crate) fn public_text<'a, E: ApiError + ?Sized>(
    err: &'a E,
    generic: &'a str,
) -> PublicText<'a> {
    if err.has_detail() {
        PublicText::Own
    } else if err.status().is_server_error() {
        PublicText::Fixed(generic)
    } else {
        PublicText::Fixed(err.title())
    }
}

/// An error format: how one envelope writes a document.
///
/// Each built-in [`Envelope`] is one `Format`; implement it for an API whose
/// documented error shape is none of them, and use it like a built-in:
/// `#[api(envelope = MyFormat)]` on a type, or [`Envelope::custom`] at run
/// time. A format reads errors only through [`ApiError`]; the [`json`](crate::json)
/// module has the small writer the built-ins use, and [`PublicDetail`] the
/// detail a client may see.
///
/// ```
/// use errcodes::{json, ApiError, Envelope, ErrorList, Format, PublicDetail};
///
/// /// `{"error": "<code>", "message": "<detail>"}`, many as a list.
/// struct Terse;
///
/// impl Terse {
///     fn object(err: &dyn ApiError, out: &mut Vec<u8>) {
///         out.extend_from_slice(b"{\"error\":");
///         json::string(out, err.code());
///         out.extend_from_slice(b",\"message\":");
///         json::display(out, &PublicDetail::new(err));
///         out.push(b'}');
///     }
/// }
///
/// impl Format for Terse {
///     fn name(&self) -> &str { "terse" }
///     fn media_type(&self) -> &str { "application/json" }
///     fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
///         Terse::object(err, out);
///     }
///     fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
///         out.push(b'[');
///         for (i, err) in errors.iter().enumerate() {
///             if i > 0 { out.push(b','); }
///             Terse::object(err, out);
///         }
///         out.push(b']');
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = Terse, status = 404, detail = "No order {0}.")]
/// struct OrderNotFound(u64);
///
/// assert_eq!(OrderNotFound(7).envelope(), Envelope::custom(&Terse));
/// assert_eq!(OrderNotFound(7).to_response().into_body(), br#"{"error":"order_not_found","message":"No order 7."}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error format",
    label = "`{Self}` does not implement `errcodes::Format`",
    note = "implement `errcodes::Format` for it (a name, a media type, and how it writes one error and a collection), or name a built-in envelope: `envelope = \"jsonapi\"`"
)]
pub trait Format: Sync {
    /// The format's name, such as `jsonapi`: what [`Envelope`]s are compared
    /// by and what `Envelope`'s `FromStr` knows the built-ins by. Give your
    /// format a name no other format has.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Problem.format().name(), "problem");
    /// ```
    fn name(&self) -> &str;

    /// The `Content-Type` of a document in this format, such as
    /// `application/problem+json`. One that is not a valid header value is
    /// replaced by `application/json` in responses.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::JsonApi.format().media_type(), "application/vnd.api+json");
    /// ```
    fn media_type(&self) -> &str;

    /// Appends the document for one error to `out`.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Not found.")]
    /// struct NotFound;
    ///
    /// let mut out = Vec::new();
    /// Envelope::Laravel.format().write_error(&NotFound, &mut out);
    /// assert_eq!(out, br#"{"message":"Not found."}"#);
    /// ```
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>);

    /// Appends the document for a collection of errors to `out`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// let mut out = Vec::new();
    /// Envelope::Laravel.format().write_errors(errors.errors().unwrap(), &mut out);
    /// assert_eq!(out, br#"{"message":"Required.","errors":{"name":["Required."]}}"#);
    /// ```
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>);

    /// Reads a document of this format back into the errors it holds, for
    /// typed decoding on the client ([`crate::client`]); `None` when `body`
    /// is not such a document. Formats without a decoder keep this default,
    /// which reads nothing.
    ///
    /// ```
    /// use errcodes::Envelope;
    ///
    /// let body = br#"{"message":"Not found."}"#;
    /// let errors = Envelope::Laravel.format().decode(http::StatusCode::NOT_FOUND, body).unwrap();
    /// assert_eq!(errors[0].detail(), Some("Not found."));
    /// assert_eq!(Envelope::JsonApi.format().decode(http::StatusCode::NOT_FOUND, body), None);
    /// ```
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<Received>> {
        let _ = (status, body);
        None
    }

    /// The JSON Schema (2020-12, as OpenAPI 3.1 embeds it) of this format's
    /// documents for the error type `input` describes, for OpenAPI
    /// documents (the `utoipa` feature); `None`, the default, documents the
    /// body as any JSON object.
    ///
    /// ```
    /// use errcodes::{Envelope, SchemaInput};
    ///
    /// let input = SchemaInput::new(&[404]).codes(&["order_not_found"]);
    /// let schema = Envelope::Problem.format().json_schema(&input).unwrap();
    /// assert_eq!(schema["properties"]["status"]["type"], "integer");
    /// assert_eq!(schema["properties"]["code"]["enum"][0], "order_not_found");
    /// let schema = Envelope::JsonApi.format().json_schema(&SchemaInput::new(&[404])).unwrap();
    /// assert_eq!(schema["properties"]["errors"]["items"]["properties"]["status"]["type"], "string");
    /// ```
    fn json_schema(&self, input: &SchemaInput<'_>) -> Option<serde_json::Value> {
        let _ = input;
        None
    }
}

/// What a [`Format`]'s schema documents of an error type: the statuses it
/// answers with, its codes (`None`: any code, as a collection's entries
/// have), and its meta members' names.
///
/// ```
/// let input = errcodes::SchemaInput::new(&[404, 409]).codes(&["order_not_found"]).meta(&["order_id"]);
/// assert_eq!(input.statuses, [404, 409]);
/// assert_eq!(input.codes, Some(&["order_not_found"][..]));
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct SchemaInput<'a> {
    /// The statuses, ascending.
    pub statuses: &'a [u16],
    /// The codes clients see; `None` for any code.
    pub codes: Option<&'a [&'a str]>,
    /// The meta members' names.
    pub meta: &'a [&'a str],
}

impl<'a> SchemaInput<'a> {
    /// The statuses; any code, no meta.
    ///
    /// ```
    /// assert_eq!(errcodes::SchemaInput::new(&[422]).codes, None);
    /// ```
    #[must_use]
    pub fn new(statuses: &'a [u16]) -> SchemaInput<'a> {
        SchemaInput {
            statuses,
            codes: None,
            meta: &[],
        }
    }

    /// The codes clients see.
    ///
    /// ```
    /// let input = errcodes::SchemaInput::new(&[404]).codes(&["gone"]);
    /// assert_eq!(input.codes, Some(&["gone"][..]));
    /// ```
    #[must_use]
    pub fn codes(self, codes: &'a [&'a str]) -> SchemaInput<'a> {
        SchemaInput {
            codes: Some(codes),
            ..self
        }
    }

    /// The meta members' names.
    ///
    /// ```
    /// let input = errcodes::SchemaInput::new(&[404]).meta(&["order_id"]);
    /// assert_eq!(input.meta, ["order_id"]);
    /// ```
    #[must_use]
    pub fn meta(self, meta: &'a [&'a str]) -> SchemaInput<'a> {
        SchemaInput { meta, ..self }
    }
}

/// The error format a response is written in: a small `Copy` value naming a
/// [`Format`].
///
/// The built-ins are constants (`Envelope::JsonApi`, `Envelope::Problem`,
/// ...; see [`Envelope::ALL`]); [`Envelope::custom`] names a format of your
/// own. A type picks its default with `#[api(envelope = ...)]`, and any
/// error can be rendered in another envelope at run time, for example one
/// chosen by API version. Two envelopes are equal when their formats have
/// the same name.
///
/// ```
/// use errcodes::Envelope;
///
/// let envelope: Envelope = "jsonapi".parse().unwrap();
/// assert_eq!(envelope, Envelope::JsonApi);
/// assert_eq!(envelope.content_type(), "application/vnd.api+json");
/// assert_eq!(Envelope::default(), Envelope::Problem);
/// ```
#[derive(Clone, Copy)]
pub struct Envelope {
    format: &'static dyn Format,
    /// Which built-in this is (0: none), so derived types can reach the
    /// built-in writers monomorphized; see `envelope::write_static`.
    builtin: u8,
}

impl Envelope {
    /// The envelope of a [`Format`]: how the built-ins are made, and how a
    /// format of your own is used at run time.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, ErrorList, Format};
    ///
    /// struct Empty;
    /// impl Format for Empty {
    ///     fn name(&self) -> &str { "empty" }
    ///     fn media_type(&self) -> &str { "application/json" }
    ///     fn write_error(&self, _: &dyn ApiError, out: &mut Vec<u8>) { out.extend_from_slice(b"{}"); }
    ///     fn write_errors(&self, _: ErrorList<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}"); }
    /// }
    ///
    /// const EMPTY: Envelope = Envelope::custom(&Empty);
    /// assert_eq!(EMPTY.name(), "empty");
    /// ```
    #[must_use]
    pub const fn custom(format: &'static dyn Format) -> Envelope {
        Envelope { format, builtin: 0 }
    }

    /// A built-in envelope, tagged `builtin` (not 0).
    pub(crate) const fn builtin(format: &'static dyn Format, builtin: u8) -> Envelope {
        Envelope { format, builtin }
    }

    /// The built-in tag, 0 for a format of the user's own.
    pub(crate) fn builtin_tag(self) -> u8 {
        self.builtin
    }

    /// The format itself.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Drf.format().name(), "drf");
    /// ```
    #[must_use]
    pub fn format(self) -> &'static dyn Format {
        self.format
    }

    /// The format's name, as in `#[api(envelope = "...")]`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Drf.name(), "drf");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.format.name()
    }

    /// The `Content-Type` a response in this envelope carries.
    ///
    /// ```
    /// use errcodes::Envelope;
    /// assert_eq!(Envelope::Problem.content_type(), "application/problem+json");
    /// assert_eq!(Envelope::Laravel.content_type(), "application/json");
    /// ```
    #[must_use]
    pub fn content_type(self) -> &'static str {
        self.format.media_type()
    }

    /// Appends `err`'s document to `out`: the collection's document when
    /// `err` stands for many ([`ApiError::errors`]), else the single
    /// error's. [`ApiError::render`] calls this.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 401, detail = "Unauthenticated.")]
    /// struct Unauthenticated;
    ///
    /// let mut out = Vec::new();
    /// Envelope::Laravel.write(&Unauthenticated, &mut out);
    /// assert_eq!(out, br#"{"message":"Unauthenticated."}"#);
    /// ```
    pub fn write(self, err: &dyn ApiError, out: &mut Vec<u8>) {
        match err.errors() {
            Some(errors) => self.format.write_errors(errors, out),
            None => self.format.write_error(err, out),
        }
    }
}

impl PartialEq for Envelope {
    fn eq(&self, other: &Envelope) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Envelope {}

impl Hash for Envelope {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for Envelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Envelope").field(&self.name()).finish()
    }
}

impl fmt::Display for Envelope {
    /// The name.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::ShipStream.to_string(), "shipstream");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A collection of errors as a [`Format`] reads it: the document as a whole
/// (status, code, title, detail, `type_base`, pointer prefix) and the errors
/// in the order they were added, never none.
///
/// ```
/// use errcodes::{ApiError, ApiErrors, FieldError};
///
/// let errors = ApiErrors::from_errors([
///     FieldError::new("email", "invalid", "Enter a valid email address."),
///     FieldError::new("name", "required", "This field is required."),
/// ])
/// .unwrap();
/// let list = errors.errors().unwrap();
/// assert_eq!(list.whole().status(), 422);
/// assert_eq!(list.iter().map(|e| e.code()).collect::<Vec<_>>(), ["invalid", "required"]);
/// assert_eq!(list.non_field_key(), "non_field_errors");
/// ```
#[derive(Clone, Copy)]
pub struct ErrorList<'a> {
    whole: &'a dyn ApiError,
    items: &'a [Box<dyn ApiError + Send + Sync>],
    non_field_key: &'a str,
    laravel_legacy_message: bool,
}

impl<'a> ErrorList<'a> {
    /// The list of `items`, which the caller keeps non-empty, under `whole`.
    pub(crate) fn new(
        whole: &'a dyn ApiError,
        items: &'a [Box<dyn ApiError + Send + Sync>],
        non_field_key: &'a str,
        laravel_legacy_message: bool,
    ) -> Self {
        ErrorList {
            whole,
            items,
            non_field_key,
            laravel_legacy_message,
        }
    }

    /// The document as a whole: its status (the one the errors share, else
    /// the most general), code, title, detail and settings.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap().with_code("invalid_order");
    /// assert_eq!(errors.errors().unwrap().whole().code(), "invalid_order");
    /// ```
    #[must_use]
    pub fn whole(&self) -> &'a dyn ApiError {
        self.whole
    }

    /// The errors, in the order they were added.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().iter().count(), 1);
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a dyn ApiError> + 'a {
        self.items.iter().map(|b| &**b as &dyn ApiError)
    }

    /// The same list under another `whole` (a wrapper that adds request
    /// context to the collection it wraps).
    pub(crate) fn under(self, whole: &'a dyn ApiError) -> ErrorList<'a> {
        ErrorList { whole, ..self }
    }

    /// The error at `index`, in the order added.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().get(0).map(|e| e.code()), Some("x"));
    /// assert!(errors.errors().unwrap().get(1).is_none());
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&'a dyn ApiError> {
        self.items.get(index).map(|b| &**b as &dyn ApiError)
    }

    /// How many errors there are (at least one).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Always false: a collection holds at least one error.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert!(!errors.errors().unwrap().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The key of object-level errors (and errors with no location) where
    /// an envelope keys errors by member: Laravel `errors`, drf `attr`,
    /// `ShipStream` `key`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::non_field("x", "X.")]).unwrap().with_non_field_key("_all");
    /// assert_eq!(errors.errors().unwrap().non_field_key(), "_all");
    /// ```
    #[must_use]
    pub fn non_field_key(&self) -> &'a str {
        self.non_field_key
    }

    /// Whether Laravel's summary message is the legacy "The given data was
    /// invalid." (see [`ApiErrors::with_laravel_legacy_message`](crate::ApiErrors::with_laravel_legacy_message)).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert!(!errors.errors().unwrap().laravel_legacy_message());
    /// ```
    #[must_use]
    pub fn laravel_legacy_message(&self) -> bool {
        self.laravel_legacy_message
    }
}

/// Forwards every describing method of [`ApiError`] through a pointer type
/// (renderers take `&dyn ApiError`, which `&E` provides for an unsized `E`).
macro_rules! forward_api_error {
    ($($ptr:ty),*) => {$(
        impl<E: ApiError + ?Sized> ApiError for $ptr {
            fn status(&self) -> StatusCode {
                (**self).status()
            }
            fn code(&self) -> &str {
                (**self).code()
            }
            fn title(&self) -> &str {
                (**self).title()
            }
            fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).fmt_detail(f)
            }
            fn has_detail(&self) -> bool {
                (**self).has_detail()
            }
            fn has_code(&self) -> bool {
                (**self).has_code()
            }
            fn has_instance(&self) -> bool {
                (**self).has_instance()
            }
            fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).fmt_instance(f)
            }
            fn detail_str(&self) -> Option<&str> {
                (**self).detail_str()
            }
            fn location(&self) -> Option<Location<'_>> {
                (**self).location()
            }
            fn jsonapi_source(&self) -> Option<Location<'_>> {
                (**self).jsonapi_source()
            }
            fn kind(&self) -> Option<&str> {
                (**self).kind()
            }
            fn type_base(&self) -> Option<&str> {
                (**self).type_base()
            }
            fn envelope(&self) -> Envelope {
                (**self).envelope()
            }
            fn domain(&self) -> Option<&str> {
                (**self).domain()
            }
            fn occurrence_id(&self) -> Option<&str> {
                (**self).occurrence_id()
            }
            fn log_level(&self) -> Option<LogLevel> {
                (**self).log_level()
            }
            fn fixed_envelope(&self) -> bool {
                (**self).fixed_envelope()
            }
            fn errors(&self) -> Option<ErrorList<'_>> {
                (**self).errors()
            }
            fn pointer_prefix(&self) -> &str {
                (**self).pointer_prefix()
            }
            fn has_pointer_prefix(&self) -> bool {
                (**self).has_pointer_prefix()
            }
            fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
                (**self).visit_meta(visitor);
            }
            fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
                (**self).source_error()
            }
            fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
                (**self).visit_headers(visitor);
            }
            // Forwarded so that the pointer's own `render`, which hands
            // `&self` on as `&dyn ApiError`, is never instantiated: it would
            // ask for `&&E`, then `&&&E`, without end.
            fn render(&self, envelope: Envelope, out: &mut Vec<u8>) {
                (**self).render(envelope, out);
            }
        }
    )*};
}

forward_api_error!(&E, Box<E>);
