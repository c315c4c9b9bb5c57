//! The [`ApiError`] trait and the small types its methods speak in.

use core::fmt;

use http::{HeaderName, StatusCode};

use crate::envelope::Envelope;
use crate::path::FieldPath;
use crate::render;

/// An error that knows how to answer an HTTP request.
///
/// Derive it with `#[derive(ApiError)]` (see the [crate docs](crate) for the
/// attributes) or implement it by hand. The trait is object safe, so
/// `&dyn ApiError` and `Box<dyn ApiError>` work everywhere an error is
/// rendered.
///
/// The required methods describe the error; the provided ones
/// ([`render`](ApiError::render), [`to_response`](ApiError::to_response), ...)
/// turn it into bytes or a response and are not meant to be overridden.
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
        Envelope::Problem
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
        "/data/attributes"
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
        render::single(self, envelope, out);
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
        // Most single-error bodies fit, so the buffer is allocated once.
        let mut out = Vec::with_capacity(256);
        self.render(envelope, &mut out);
        out
    }

    /// This error's JSON body in `envelope`, parsed into a
    /// [`serde_json::Value`] (handy in tests).
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
        render::to_value(&self.render_to_vec(envelope))
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
        crate::response::build(self, self.envelope())
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
        crate::response::build(self, envelope)
    }
}

/// Where in the request an error is.
///
/// Each envelope writes it its own way: see the [crate docs](crate#locations).
///
/// ```
/// use errcodes::{ApiError, Location};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 422, attr = "email", detail = "Enter a valid email address.")]
/// struct BadEmail;
///
/// assert_eq!(BadEmail.location(), Some(Location::Field("email")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location<'a> {
    /// A member of the request body, as a dotted path such as `items.0.sku`.
    Field(&'a str),
    /// An explicit JSON Pointer into the request document, such as `/data/id`.
    Pointer(&'a str),
    /// A query parameter, such as `page`.
    Parameter(&'a str),
    /// A request header, such as `X-Api-Key`.
    Header(&'a str),
    /// A member of the request body, as a [`FieldPath`] of segments (for
    /// names that contain `.`, or paths built at run time).
    Path(&'a FieldPath),
    /// The request as a whole (an object-level validation error, such as
    /// "delivery date must be after order date"): drf's `non_field_errors`.
    NonField,
}

/// Receives an error's meta members; see [`ApiError::visit_meta`].
///
/// Any `FnMut(&str, &dyn MetaValue)` closure is a visitor.
///
/// ```
/// use errcodes::{ApiError, MetaValue};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Version conflict.")]
/// struct Conflict { #[api(meta)] current_version: u32 }
///
/// let mut names = Vec::new();
/// Conflict { current_version: 7 }.visit_meta(&mut |name: &str, _: &dyn MetaValue| {
///     names.push(name.to_owned());
/// });
/// assert_eq!(names, ["current_version"]);
/// ```
pub trait MetaVisitor {
    /// Called with one member's name and value.
    ///
    /// ```
    /// use errcodes::{MetaValue, MetaVisitor};
    ///
    /// struct Names(Vec<String>);
    /// impl MetaVisitor for Names {
    ///     fn visit(&mut self, name: &str, _: &dyn MetaValue) {
    ///         self.0.push(name.to_owned());
    ///     }
    /// }
    /// let mut names = Names(Vec::new());
    /// names.visit("limit", &10);
    /// assert_eq!(names.0, ["limit"]);
    /// ```
    fn visit(&mut self, name: &str, value: &dyn MetaValue);
}

impl<F: FnMut(&str, &dyn MetaValue)> MetaVisitor for F {
    fn visit(&mut self, name: &str, value: &dyn MetaValue) {
        self(name, value);
    }
}

/// A meta member's value: anything [`serde::Serialize`], behind a trait
/// object so that [`ApiError`] stays object safe.
///
/// ```
/// use errcodes::MetaValue;
///
/// let mut out = Vec::new();
/// MetaValue::write_json(&vec![1, 2], &mut out).unwrap();
/// assert_eq!(out, b"[1,2]");
/// ```
pub trait MetaValue {
    /// Appends the value as compact JSON.
    ///
    /// # Errors
    ///
    /// When the value cannot be serialized as JSON (for example a map whose
    /// keys are not strings). Renderers then leave the member out.
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: serde::Serialize + ?Sized> MetaValue for T {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

/// Receives an error's response headers; see [`ApiError::visit_headers`].
///
/// Any `FnMut(&HeaderName, &dyn Display)` closure is a visitor.
///
/// ```
/// use core::fmt::Display;
/// use errcodes::ApiError;
/// use http::HeaderName;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 429, detail = "Slow down.")]
/// struct RateLimited { #[api(header = "Retry-After")] seconds: u32 }
///
/// let mut seen = Vec::new();
/// RateLimited { seconds: 5 }.visit_headers(&mut |name: &HeaderName, value: &dyn Display| {
///     seen.push(format!("{name}: {value}"));
/// });
/// assert_eq!(seen, ["retry-after: 5"]);
/// ```
pub trait HeaderVisitor {
    /// Called with one header's name and value. The value is checked when
    /// the response is built: one that is not a valid header value is left
    /// out rather than sent.
    ///
    /// ```
    /// use core::fmt::Display;
    /// use errcodes::HeaderVisitor;
    /// use http::HeaderName;
    ///
    /// struct Count(usize);
    /// impl HeaderVisitor for Count {
    ///     fn visit(&mut self, _: &HeaderName, _: &dyn Display) {
    ///         self.0 += 1;
    ///     }
    /// }
    /// let mut count = Count(0);
    /// count.visit(&http::header::RETRY_AFTER, &30);
    /// assert_eq!(count.0, 1);
    /// ```
    fn visit(&mut self, name: &HeaderName, value: &dyn fmt::Display);
}

impl<F: FnMut(&HeaderName, &dyn fmt::Display)> HeaderVisitor for F {
    fn visit(&mut self, name: &HeaderName, value: &dyn fmt::Display) {
        self(name, value);
    }
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_detail(f)
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

/// Forwards every describing method of [`ApiError`] through a pointer type.
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
            fn pointer_prefix(&self) -> &str {
                (**self).pointer_prefix()
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
        }
    )*};
}

forward_api_error!(&E, Box<E>);
