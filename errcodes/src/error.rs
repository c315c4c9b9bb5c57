//! The error model's types: [`ApiError`] (what an error says), [`Settings`]
//! (how it is said), [`Format`] and [`Envelope`] (who writes it), and
//! [`ErrorList`] (a collection as a format reads it).
//!
//! They refer to each other at the type level (an error's settings name an
//! envelope, an envelope holds a format, a format reads errors), so their
//! definitions share this file, as serde keeps `Serialize` and `Serializer`
//! together; their methods live in `settings.rs` and `format.rs`, which only
//! import from here. Rendering is [`ApiErrorExt`](crate::ApiErrorExt)'s.

use core::fmt;

use http::StatusCode;

use crate::location::Location;
use crate::received::FormatDecode;
use crate::schema::FormatSchema;
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

    /// The detail as a plain string, when it is one, so that renderers copy
    /// it without going through the formatting machinery (a collection of
    /// field errors renders about a third faster). It must equal what
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

    /// What the error's title and detail are localized from (feature
    /// `fluent`): its catalogs, its message id in them and the message's
    /// arguments; `None` for an error without catalogs, which answers as
    /// declared. The derive returns the type's catalogs
    /// (`#[api(locales = "...")]`) keyed by the variant's code, with the
    /// fields its `detail` template reads as arguments (numbers as numbers,
    /// so plural rules apply); a transparent variant returns its inner
    /// error's. This is the one localization method a wrapper forwards.
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Gone;
    ///
    /// assert!(Gone.message().is_none());
    /// assert!(FieldError::new("name", "required", "Required.").message().is_none());
    /// ```
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        None
    }

    /// What the request this error answers adds: its correlation id and the
    /// language the texts were written in. An error has none of its own;
    /// [`InContext`](crate::InContext), the error as answered to one
    /// request, returns the request's. Formats read it beside
    /// [`settings`](Self::settings), which say only what is declared.
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError, InContext};
    ///
    /// let err = FieldError::new("name", "required", "Required.");
    /// assert_eq!(err.occurrence().id, None);
    /// assert_eq!(InContext::new(&err).request_id("req-7").occurrence().id, Some("req-7"));
    /// ```
    fn occurrence(&self) -> crate::occurrence::Occurrence<'_> {
        crate::occurrence::Occurrence::default()
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

/// How an error is said, as [`ApiError::settings`](crate::ApiError::settings)
/// returns it.
///
/// Read the fields; build one with [`Settings::new`] and the methods named
/// after them (each is `const`, so a hand-written impl can return a constant).
/// The derive fills them from `#[api(...)]`: the type's settings, with each
/// variant's own (`log`, `kind`, redaction) on top. Settings say what is
/// declared, never what a request adds: the correlation id and the language
/// answered in are the [`Occurrence`](crate::Occurrence).
///
/// Every layer of declarations is merged by one function,
/// [`Settings::over`], in one order, the first that sets a value winning:
///
/// 1. a variant's own settings, then its type's (the derive merges these at
///    compile time);
/// 2. for a `transparent` variant, the enclosing type's, over the inner
///    error's (the type restates what it wraps);
/// 3. an item of a collection, over the collection's;
/// 4. any of these, over the answering layer's [`Profile`](crate::Profile).
///
/// Redaction only adds up: a layer that keeps a code or detail from clients
/// keeps it, whatever the others say. An unset value is `None` (or `false`
/// for a redaction flag), never a default that looks declared.
///
/// ```
/// use core::fmt;
/// use errcodes::prelude::*;
/// use http::StatusCode;
///
/// struct Maintenance;
///
/// impl ApiError for Maintenance {
///     fn status(&self) -> StatusCode { StatusCode::SERVICE_UNAVAILABLE }
///     fn code(&self) -> &str { "maintenance" }
///     fn title(&self) -> &str { "Service Unavailable" }
///     fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("Back at 06:00 UTC.")
///     }
///     fn settings(&self) -> Settings<'_> {
///         const SETTINGS: Settings<'static> = Settings::new()
///             .envelope(Envelope::JsonApi)
///             .type_base("https://errors.example.com/");
///         SETTINGS
///     }
/// }
///
/// assert_eq!(
///     Maintenance.to_json_value(Envelope::JsonApi)["errors"][0]["links"]["type"],
///     "https://errors.example.com/maintenance"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
// Each flag is a setting of its own, read by name; an enum of flags would
// only make `Settings { redact_code: true, .. }` harder to read.
#[allow(clippy::struct_excessive_bools)]
pub struct Settings<'a> {
    /// The envelope the error renders into unless another is asked for
    /// (`envelope = "..."` on the type). Default: Problem Details.
    pub envelope: Envelope,
    /// Whether the error always answers in [`envelope`](Settings::envelope),
    /// whatever the request's `Accept` asks (`fixed_envelope` on the type):
    /// the per-type opt-out of the layers' negotiation.
    pub fixed_envelope: bool,
    /// The base URI that, joined with the code, forms the Problem Details
    /// `type` and the JSON:API `links.type` (`type_base = "..."`). `None`
    /// means `about:blank`, or an app-wide [`Profile`](crate::Profile)'s.
    pub type_base: Option<&'a str>,
    /// The JSON Pointer prefix of JSON:API `source.pointer` for member
    /// errors (`pointer_prefix = "..."`). `None` means
    /// [`DEFAULT_POINTER_PREFIX`](crate::DEFAULT_POINTER_PREFIX), or an
    /// app-wide [`Profile`](crate::Profile)'s.
    pub pointer_prefix: Option<&'a str>,
    /// The service the code belongs to: the `domain` of an AIP-193
    /// `ErrorInfo` (`domain = "..."`).
    pub domain: Option<&'a str>,
    /// How loudly the layers log the error when they answer it (`log =
    /// "warn"` on a variant); `None` lets them decide (`error` for a 5xx,
    /// `debug` for a 4xx).
    pub log: Option<LogLevel>,
    /// The category word of the drf (`type`) and ShipStream
    /// (`errors[].type`) envelopes (`kind = "..."`), when it should not be
    /// derived from the status and location.
    pub kind: Option<&'a str>,
    /// The canonical RPC code the error answers with over gRPC and Connect
    /// and as AIP-193's `status` (`rpc_code = "FAILED_PRECONDITION"`);
    /// `None` derives it from the status ([`Code::for_status`](crate::rpc::code::Code::for_status)).
    pub rpc_code: Option<crate::rpc::code::Code>,
    /// Keeps the code from clients: no `code` member (drf writes its
    /// generic `error`) and no type URI built from it. The derive sets it
    /// for a 5xx variant without an explicit `code`, whose default code (its
    /// name) may say more about the server than a client should see, and
    /// for every variant of a type or variant marked `no_code`.
    pub redact_code: bool,
    /// Keeps the detail from clients: each envelope writes the title (4xx)
    /// or a generic text (5xx) instead. The derive sets it for a 5xx
    /// without a `detail`, so the source error never reaches the body.
    pub redact_detail: bool,
    /// Where the JSON:API `source` points, when not at
    /// [`location`](crate::ApiError::location): the derive sets the explicit
    /// `pointer`, `parameter` or `header` of a variant that also names its
    /// member with `attr`, since "an explicit pointer always wins" there.
    pub jsonapi_source: Option<Location<'a>>,
    /// The key of object-level errors in the dotted envelopes (Laravel,
    /// drf, ShipStream); `None` means `non_field_errors`
    /// ([`effective_non_field_key`](Settings::effective_non_field_key)).
    pub non_field_key: Option<&'a str>,
    /// Laravel's collection `message`: the first message alone (Laravel 8
    /// and before) instead of "... (and N more errors)".
    pub laravel_legacy_message: bool,
    /// The shape of Problem Details documents; `None` means
    /// [`ProblemStyle::Rfc9457`]
    /// ([`effective_problem_style`](Settings::effective_problem_style)).
    pub problem_style: Option<ProblemStyle>,
    /// Whether documents give the codes as open strings, the known ones as
    /// examples (and an `x-extensible-enum`), instead of a closed `enum`
    /// (`open_codes` on the type): adding a code is then no breaking change
    /// for OpenAPI diff tools and generated clients.
    pub open_codes: bool,
    /// Whether a client may send the same request again (`retryable`,
    /// `retryable = false` or `throttled` on a variant or type); `None`
    /// means AIP-194's default for the status
    /// ([`effective_retry`](Settings::effective_retry)).
    pub retry: Option<Retry>,
    /// The validation rule this error reports, when it came from
    /// `push_validation_errors` (feature `validator`) without a profile of
    /// its own: its code is the rule's name, and the profile of the layer
    /// that answers it maps that code (and gives its message) then.
    pub rule: Option<Rule>,
}

/// Whether a client may send a failed request again, as the error declares
/// it; see [`Settings::retry`]. The default follows Google's AIP-194: only
/// `503 Service Unavailable` (gRPC's `UNAVAILABLE`) is retryable; a `429`
/// is not, since a quota may stay exhausted for hours, unless the error is
/// declared `throttled` (a rate limit that lifts after the delay its answer
/// gives).
///
/// ```
/// use errcodes::{ApiError, Retry};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 503, detail = "Down for maintenance.")]
///     Maintenance,
///     #[api(status = 429, throttled, detail = "Slow down.")]
///     Throttled,
///     #[api(status = 409, retryable, detail = "Busy, try again.")]
///     Busy,
///     #[api(status = 503, retryable = false, detail = "This region is closed.")]
///     Closed,
/// }
///
/// assert_eq!(E::Maintenance.settings().effective_retry(E::Maintenance.status()), Retry::Retryable);
/// assert_eq!(E::Throttled.settings().retry, Some(Retry::Throttled));
/// assert!(E::Busy.settings().effective_retry(E::Busy.status()).is_retryable());
/// assert_eq!(E::Closed.settings().effective_retry(E::Closed.status()), Retry::Never);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Retry {
    /// Sending the request again will fail the same way (or must not be
    /// done automatically).
    Never,
    /// The request may be sent again, with backoff (AIP-194's
    /// `UNAVAILABLE`).
    Retryable,
    /// A rate limit: the request may be sent again after the delay the
    /// answer gives (`Retry-After`, AIP-193's `RetryInfo`).
    Throttled,
}

impl Retry {
    /// AIP-194's default for `status`: retryable for a 503, never else.
    ///
    /// ```
    /// use errcodes::Retry;
    /// use http::StatusCode;
    ///
    /// assert_eq!(Retry::for_status(StatusCode::SERVICE_UNAVAILABLE), Retry::Retryable);
    /// assert_eq!(Retry::for_status(StatusCode::TOO_MANY_REQUESTS), Retry::Never);
    /// ```
    #[must_use]
    pub fn for_status(status: StatusCode) -> Retry {
        if status == StatusCode::SERVICE_UNAVAILABLE {
            Retry::Retryable
        } else {
            Retry::Never
        }
    }

    /// Whether a client may send the request again.
    ///
    /// ```
    /// assert!(errcodes::Retry::Throttled.is_retryable());
    /// assert!(!errcodes::Retry::Never.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        !matches!(self, Retry::Never)
    }

    /// The name catalogs and lock files write: `never`, `retryable`,
    /// `throttled`.
    ///
    /// ```
    /// assert_eq!(errcodes::Retry::Throttled.name(), "throttled");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Retryable => "retryable",
            Retry::Throttled => "throttled",
        }
    }
}

/// A validation rule an error reports; see [`Settings::rule`].
///
/// ```
/// let rule = errcodes::Rule { bound: Some("min"), has_message: false };
/// assert_eq!(errcodes::Settings::new().rule(rule).rule, Some(rule));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Which bound of a `length` or `range` rule the value broke (`min`,
    /// `max`, `equal`), so a profile can map `length.min` apart.
    pub bound: Option<&'static str>,
    /// Whether the rule gave its own message (a profile's message then
    /// does not replace it).
    pub has_message: bool,
}

/// The shape of Problem Details documents; see [`Settings::problem_style`].
///
/// ```
/// use errcodes::prelude::*;
/// use errcodes::{ApiErrors, FieldError, ProblemStyle};
///
/// #[derive(Debug, ApiError)]
/// #[api(problem_style = "title_detail")]
/// enum AstradaError {
///     #[api(transparent)]
///     Invalid(ApiErrors),
/// }
///
/// let errors = ApiErrors::from_errors([
///     FieldError::non_field("invalid_type", "`body.name` is `undefined`, but `string` is expected.")
///         .with_status(http::StatusCode::BAD_REQUEST),
/// ])
/// .unwrap()
/// .with_detail("Request failed validation");
/// let err = AstradaError::Invalid(errors);
/// assert_eq!(err.settings().problem_style, Some(ProblemStyle::TitleDetail));
/// assert_eq!(
///     err.render_to_vec(Envelope::Problem),
///     br#"{"title":"Bad Request","detail":"Request failed validation","errors":[{"title":"invalid_type","detail":"`body.name` is `undefined`, but `string` is expected."}]}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemStyle {
    /// RFC 9457 with errcodes' extensions: `type` (`about:blank` unless a
    /// type base joins the code), `title`, `status`, `detail`, `instance`,
    /// `code`, meta members, and `errors` items `{detail, pointer, code}`.
    #[default]
    Rfc9457,
    /// `title` and `detail` only (with `instance`, the occurrence id and
    /// meta members when there are any), and `errors` items whose `title`
    /// is the item's code: the shape of Astrada's "Base API responses".
    /// RFC 9457 allows it: an absent `type` means `about:blank`, and
    /// `status` is advisory.
    TitleDetail,
}

/// How a response body is written: one error, and a collection of many.
///
/// Each built-in [`Envelope`] is one `Format`; implement it for an API whose
/// documented error shape is none of them, and use it like a built-in:
/// `#[api(envelope = MyFormat)]` on a type, or [`Envelope::custom`] at run
/// time. A format reads errors only through [`ApiError`]; the [`json`](crate::json)
/// module has the small writer the built-ins use, and [`Detail`](crate::Detail)
/// the detail a client may see.
///
/// A format's methods are the engine's hooks: render through
/// [`ApiErrorExt`](crate::ApiErrorExt) or [`Envelope::write`], which pick
/// [`write_errors`](Format::write_errors) for a collection.
///
/// ```
/// use errcodes::prelude::*;
/// use errcodes::{json, Detail, ErrorList, Format};
///
/// /// `{"error": "<code>", "message": "<detail>"}`, many as a list.
/// struct Terse;
///
/// impl Terse {
///     fn object(err: &dyn ApiError, out: &mut Vec<u8>) {
///         out.extend_from_slice(b"{\"error\":");
///         json::string(out, err.code());
///         out.extend_from_slice(b",\"message\":");
///         json::display(out, &Detail::new(err));
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
///             Terse::object(&err, out);
///         }
///         out.push(b']');
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = Terse, status = 404, detail = "No order {0}.")]
/// struct OrderNotFound(u64);
///
/// assert_eq!(OrderNotFound(7).settings().envelope, Envelope::custom(&Terse));
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
    /// assert_eq!(errcodes::Envelope::Drf.format().name(), "drf");
    /// ```
    fn name(&self) -> &str;

    /// The `Content-Type` of the bodies it writes, such as
    /// `application/problem+json`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Problem.format().media_type(), "application/problem+json");
    /// ```
    fn media_type(&self) -> &str;

    /// Appends one error's document to `out`.
    ///
    /// ```
    /// use errcodes::prelude::*;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 401, detail = "Unauthenticated.")]
    /// struct Unauthenticated;
    ///
    /// let mut out = Vec::new();
    /// Envelope::Laravel.format().write_error(&Unauthenticated, &mut out);
    /// assert_eq!(out, br#"{"message":"Unauthenticated."}"#);
    /// ```
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>);

    /// Appends a collection's document to `out`.
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

    /// The HTTP status an answer in this format carries for `err`: the
    /// error's own, unless the format's protocol says otherwise (Connect's
    /// answers carry their canonical code's status: a 422 answers 400).
    /// The responses, the layers and the documents all ask here.
    ///
    /// ```
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 422, detail = "Invalid.")]
    /// struct Invalid;
    /// assert_eq!(errcodes::Envelope::Problem.format().status(&Invalid), 422);
    /// assert_eq!(errcodes::Envelope::Connect.format().status(&Invalid), 400);
    /// ```
    fn status(&self, err: &dyn ApiError) -> http::StatusCode {
        err.status()
    }

    /// The format's reader, when it can read its own documents back (the
    /// `client` module uses it): `Some(self)` from a format that also
    /// implements [`FormatDecode`].
    ///
    /// ```
    /// assert!(errcodes::Envelope::JsonApi.format().decoder().is_some());
    /// ```
    fn decoder(&self) -> Option<&dyn FormatDecode> {
        None
    }

    /// The format's describer, when it can give the JSON Schema of its
    /// documents (the `openapi` module uses it): `Some(self)` from a format
    /// that also implements [`FormatSchema`].
    ///
    /// ```
    /// assert!(errcodes::Envelope::JsonApi.format().schema().is_some());
    /// ```
    fn schema(&self) -> Option<&dyn FormatSchema> {
        None
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
/// assert_eq!(envelope.media_type(), "application/vnd.api+json");
/// assert_eq!(Envelope::default(), Envelope::Problem);
/// ```
#[derive(Clone, Copy)]
pub struct Envelope(pub(crate) Repr);

/// A built-in envelope, by name, or a format of the user's.
#[derive(Clone, Copy)]
pub(crate) enum Repr {
    Builtin(Builtin),
    Custom(&'static dyn Format),
}

/// The built-in envelopes; `envelope/` has one module each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    JsonApi,
    Problem,
    Laravel,
    Drf,
    ShipStream,
    Aip193,
    Connect,
}

/// A collection of errors as a [`Format`] reads it: the document as a whole
/// (status, code, title, detail, and its [`Settings`](crate::Settings)) and
/// the errors in the order they were added, never none.
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
/// assert_eq!(list.whole().settings().effective_non_field_key(), "non_field_errors");
/// ```
#[derive(Clone, Copy)]
pub struct ErrorList<'a> {
    pub(crate) whole: &'a dyn ApiError,
    pub(crate) items: &'a [Box<dyn ApiError + Send + Sync>],
    /// The locale the items are answered in (feature `fluent`): the
    /// request's, passed on to each item's [`InContext`](crate::InContext).
    #[cfg(feature = "fluent")]
    pub(crate) locale: Option<&'a str>,
    /// The request's correlation id, passed on to each item.
    pub(crate) request_id: Option<&'a str>,
    /// What maps the codes of validation rules ([`Settings::rule`]) the
    /// items report: the profile of the layer answering them.
    pub(crate) rules: Option<&'a dyn Rules>,
}

/// What says a validation rule ([`Settings::rule`]) in an API's words when
/// it is answered: an app's [`Profile`](crate::Profile).
pub(crate) trait Rules: Sync {
    /// The code `code` (a rule's name) is answered with, knowing which
    /// `bound` the value broke.
    fn map_rule<'a>(&'a self, code: &'a str, bound: Option<&str>) -> &'a str;
    /// The message set for a (mapped) code, if any.
    fn message_for(&self, code: &str) -> Option<&str>;
    /// The app's catalogs, localizing by code the errors that bring none
    /// of their own (feature `fluent`).
    #[cfg(feature = "fluent")]
    fn catalogs(&self) -> Option<&'static crate::l10n::Messages>;
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
            fn detail_str(&self) -> Option<&str> {
                (**self).detail_str()
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
            #[cfg(feature = "fluent")]
            fn message(&self) -> Option<crate::l10n::Message<'_>> {
                (**self).message()
            }
            fn occurrence(&self) -> crate::occurrence::Occurrence<'_> {
                (**self).occurrence()
            }
        }
    )*};
}

forward_api_error!(&E, Box<E>);
