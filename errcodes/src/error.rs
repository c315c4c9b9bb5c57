//! The error model: [`ApiError`], what an error says. How it is said (its
//! envelope, type base, pointer prefix, ...) is one [`Settings`] value; what
//! is done with it (rendering, responses) is [`ApiErrorExt`](crate::ApiErrorExt).

use core::fmt;

use http::StatusCode;

use crate::format::ErrorList;
use crate::location::Location;
use crate::settings::Settings;
use crate::visit::{HeaderVisitor, MetaVisitor};

/// An error that knows how to answer an HTTP request.
///
/// Derive it with `#[derive(ApiError)]` (see the [crate docs](crate) for the
/// attributes) or implement it by hand: four required methods say what the
/// error is, the optional ones what else it says (where, meta, headers,
/// cause), and [`settings`](ApiError::settings) how it is said. The trait is
/// object safe, so `&dyn ApiError` and `Box<dyn ApiError>` work everywhere
/// an error is rendered.
///
/// Rendering and responses are [`ApiErrorExt`](crate::ApiErrorExt)'s, which
/// every `ApiError` has; `use errcodes::prelude::*` brings both.
///
/// ```
/// use core::fmt;
/// use errcodes::prelude::*;
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
///     fn settings(&self) -> Settings<'_> {
///         Settings::new().envelope(Envelope::Drf)
///     }
/// }
///
/// assert_eq!(
///     Gone.render_to_vec(Gone.settings().envelope),
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
    /// ```
    /// use errcodes::ApiError;
    /// use http::StatusCode;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 422, code = "required", attr = "name", detail = "This field is required.")]
    /// struct NameMissing;
    ///
    /// assert_eq!(NameMissing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    /// ```
    fn status(&self) -> StatusCode;

    /// The stable machine code, such as `not_found`. Whether clients see it
    /// is [`Settings::redact_code`]'s to say; logs always do.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum SignupError {
    ///     #[api(status = 422, code = "required", detail = "This field is required.")]
    ///     NameMissing,
    ///     #[api(status = 503)]
    ///     Down(#[api(source)] std::io::Error),
    /// }
    ///
    /// assert_eq!(SignupError::NameMissing.code(), "required");
    /// assert_eq!(SignupError::Down(std::io::Error::other("x")).code(), "down");
    /// ```
    fn code(&self) -> &str;

    /// The short summary, the same for every occurrence of this error.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 503)]
    /// struct Down;
    ///
    /// assert_eq!(Down.title(), "Service Unavailable");
    /// ```
    fn title(&self) -> &str;

    /// Writes the occurrence's detail, such as `user bob@example.com already
    /// exists`, straight into the output with no intermediate `String`.
    /// Whether clients see it is [`Settings::redact_detail`]'s to say: use
    /// [`Detail`](crate::Detail) to display the text a client would read.
    ///
    /// # Errors
    ///
    /// Only when the formatter itself fails.
    ///
    /// ```
    /// use errcodes::{ApiError, Detail};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, detail = "user {email} already exists")]
    /// struct Duplicate { email: String }
    ///
    /// let err = Duplicate { email: "bob@example.com".into() };
    /// assert_eq!(Detail::new(&err).to_string(), "user bob@example.com already exists");
    /// ```
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Writes the URI naming this occurrence (the Problem Details
    /// `instance`; `instance = "/orders/{id}"` in the derive), or nothing
    /// when the error names none. Only Problem Details has a place for it.
    ///
    /// # Errors
    ///
    /// Only when the formatter itself fails.
    ///
    /// ```
    /// use errcodes::prelude::*;
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "No order with id {id} exists.", instance = "/orders/{id}")]
    /// struct OrderNotFound { id: u64 }
    ///
    /// assert_eq!(
    ///     OrderNotFound { id: 42 }.to_json_value(Envelope::Problem),
    ///     json!({"type": "about:blank", "title": "Not Found", "status": 404,
    ///            "detail": "No order with id 42 exists.", "instance": "/orders/42", "code": "order_not_found"})
    /// );
    /// ```
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        Ok(())
    }

    /// The part of the request this error is about, if any.
    ///
    /// ```
    /// use errcodes::{ApiError, Location};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 422, attr = "name", detail = "This field is required.")]
    /// struct NameMissing;
    ///
    /// assert_eq!(NameMissing.location(), Some(Location::Field("name")));
    /// ```
    fn location(&self) -> Option<Location<'_>> {
        None
    }

    /// Calls `visitor` once for each meta member (JSON:API `meta`, Problem
    /// Details extension members, ...).
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
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 503)]
    /// struct Unavailable(#[api(source)] std::io::Error);
    ///
    /// let err = Unavailable(std::io::Error::other("db-1 refused the connection"));
    /// assert_eq!(err.source_error().unwrap().to_string(), "db-1 refused the connection");
    /// assert!(!String::from_utf8_lossy(&err.render_to_vec(Envelope::Problem)).contains("db-1"));
    /// ```
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }

    /// The errors this error stands for, when it is a collection of many
    /// ([`ApiErrors`](crate::ApiErrors), or a `transparent` variant holding
    /// one): formats then write the collection's document
    /// ([`Format::write_errors`](crate::Format::write_errors)) instead of a
    /// single error's.
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

    /// How the error is said: its envelope, type base, pointer prefix,
    /// domain, log level, what it keeps from clients, and the options of
    /// particular envelopes, all in one value. The derive returns the type's
    /// `#[api(...)]` settings with each variant's own (`log`, `kind`, ...)
    /// on top; the default is [`Settings::new`].
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "drf", type_base = "https://errors.example.com/", status = 422)]
    /// enum SignupError {
    ///     #[api(code = "required", attr = "name", detail = "This field is required.")]
    ///     NameMissing,
    /// }
    ///
    /// let settings = SignupError::NameMissing.settings();
    /// assert_eq!(settings.envelope, Envelope::Drf);
    /// assert_eq!(settings.type_base, Some("https://errors.example.com/"));
    /// ```
    fn settings(&self) -> Settings<'_> {
        Settings::new()
    }
}

/// How loudly an error is logged when it is answered; see
/// [`Settings::log`].
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

// References and boxes are errors too. Every method of the trait is listed:
// the trait has no conveniences to forget, so forwarding is complete.
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
            fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).fmt_instance(f)
            }
            fn location(&self) -> Option<Location<'_>> {
                (**self).location()
            }
            fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
                (**self).visit_meta(visitor);
            }
            fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
                (**self).visit_headers(visitor);
            }
            fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
                (**self).source_error()
            }
            fn errors(&self) -> Option<ErrorList<'_>> {
                (**self).errors()
            }
            fn settings(&self) -> Settings<'_> {
                (**self).settings()
            }
        }
    )*};
}

forward_api_error!(&E, Box<E>);
