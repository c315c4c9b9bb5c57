//! How an error is said: [`Settings`], one value for every setting a type
//! (or a variant, or the request answering it) gives its errors, so a new
//! setting is a new field here, never a new trait method.

use crate::error::LogLevel;
use crate::format::Envelope;
use crate::location::{Location, NON_FIELD_KEY};

/// How an error is said, as [`ApiError::settings`](crate::ApiError::settings)
/// returns it.
///
/// Read the fields; build one with [`Settings::new`] and the methods named
/// after them (each is `const`, so a hand-written impl can return a constant).
/// The derive fills them from `#[api(...)]`: the type's settings, with each
/// variant's own (`log`, `kind`, redaction) on top. The web-framework layers
/// add the request's ([`occurrence_id`](Settings::occurrence_id), an app-wide
/// [`Profile`](crate::Profile)'s type base and pointer prefix) through
/// [`InContext`](crate::InContext).
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
    /// An identifier of this occurrence, such as the request's correlation
    /// id: JSON:API writes it as the error's `id`, Problem Details as a
    /// `request_id` extension member. Set by the layers through
    /// [`InContext`](crate::InContext).
    pub occurrence_id: Option<&'a str>,
    /// The key of object-level errors in the dotted envelopes (Laravel,
    /// drf, ShipStream); default `non_field_errors`.
    pub non_field_key: &'a str,
    /// Laravel's collection `message`: the first message alone (Laravel 8
    /// and before) instead of "... (and N more errors)".
    pub laravel_legacy_message: bool,
    /// The shape of Problem Details documents.
    pub problem_style: ProblemStyle,
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
/// assert_eq!(err.settings().problem_style, ProblemStyle::TitleDetail);
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

impl<'a> Settings<'a> {
    /// The defaults: Problem Details, negotiable, `about:blank`, the default
    /// pointer prefix, nothing redacted.
    ///
    /// ```
    /// use errcodes::{Envelope, Settings};
    ///
    /// let settings = Settings::new();
    /// assert_eq!(settings.envelope, Envelope::Problem);
    /// assert_eq!(settings.type_base, None);
    /// assert!(!settings.redact_detail);
    /// ```
    #[must_use]
    pub const fn new() -> Settings<'a> {
        Settings {
            envelope: Envelope::Problem,
            fixed_envelope: false,
            type_base: None,
            pointer_prefix: None,
            domain: None,
            log: None,
            kind: None,
            redact_code: false,
            redact_detail: false,
            jsonapi_source: None,
            occurrence_id: None,
            non_field_key: NON_FIELD_KEY,
            laravel_legacy_message: false,
            problem_style: ProblemStyle::Rfc9457,
        }
    }

    /// Sets [`envelope`](Settings::envelope).
    ///
    /// ```
    /// # use errcodes::{Envelope, Settings};
    /// assert_eq!(Settings::new().envelope(Envelope::Drf).envelope, Envelope::Drf);
    /// ```
    #[must_use]
    pub const fn envelope(self, envelope: Envelope) -> Self {
        Settings { envelope, ..self }
    }

    /// Sets [`fixed_envelope`](Settings::fixed_envelope).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert!(Settings::new().fixed_envelope(true).fixed_envelope);
    /// ```
    #[must_use]
    pub const fn fixed_envelope(self, fixed: bool) -> Self {
        Settings {
            fixed_envelope: fixed,
            ..self
        }
    }

    /// Sets [`type_base`](Settings::type_base).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// let settings = Settings::new().type_base("https://errors.example.com/");
    /// assert_eq!(settings.type_base, Some("https://errors.example.com/"));
    /// ```
    #[must_use]
    pub const fn type_base(self, base: &'a str) -> Self {
        Settings {
            type_base: Some(base),
            ..self
        }
    }

    /// Sets [`pointer_prefix`](Settings::pointer_prefix).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().pointer_prefix("/data").pointer_prefix, Some("/data"));
    /// ```
    #[must_use]
    pub const fn pointer_prefix(self, prefix: &'a str) -> Self {
        Settings {
            pointer_prefix: Some(prefix),
            ..self
        }
    }

    /// Sets [`domain`](Settings::domain).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().domain("orders.example.com").domain, Some("orders.example.com"));
    /// ```
    #[must_use]
    pub const fn domain(self, domain: &'a str) -> Self {
        Settings {
            domain: Some(domain),
            ..self
        }
    }

    /// Sets [`log`](Settings::log).
    ///
    /// ```
    /// # use errcodes::{LogLevel, Settings};
    /// assert_eq!(Settings::new().log(LogLevel::Warn).log, Some(LogLevel::Warn));
    /// ```
    #[must_use]
    pub const fn log(self, level: LogLevel) -> Self {
        Settings {
            log: Some(level),
            ..self
        }
    }

    /// Sets [`kind`](Settings::kind).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().kind("validation_error").kind, Some("validation_error"));
    /// ```
    #[must_use]
    pub const fn kind(self, kind: &'a str) -> Self {
        Settings {
            kind: Some(kind),
            ..self
        }
    }

    /// Sets [`redact_code`](Settings::redact_code).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert!(Settings::new().redact_code(true).redact_code);
    /// ```
    #[must_use]
    pub const fn redact_code(self, redact: bool) -> Self {
        Settings {
            redact_code: redact,
            ..self
        }
    }

    /// Sets [`redact_detail`](Settings::redact_detail).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert!(Settings::new().redact_detail(true).redact_detail);
    /// ```
    #[must_use]
    pub const fn redact_detail(self, redact: bool) -> Self {
        Settings {
            redact_detail: redact,
            ..self
        }
    }

    /// Sets [`jsonapi_source`](Settings::jsonapi_source).
    ///
    /// ```
    /// # use errcodes::{Location, Settings};
    /// let settings = Settings::new().jsonapi_source(Location::Pointer("/data/id"));
    /// assert_eq!(settings.jsonapi_source, Some(Location::Pointer("/data/id")));
    /// ```
    #[must_use]
    pub const fn jsonapi_source(self, source: Location<'a>) -> Self {
        Settings {
            jsonapi_source: Some(source),
            ..self
        }
    }

    /// Sets [`occurrence_id`](Settings::occurrence_id).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().occurrence_id("req-7").occurrence_id, Some("req-7"));
    /// ```
    #[must_use]
    pub const fn occurrence_id(self, id: &'a str) -> Self {
        Settings {
            occurrence_id: Some(id),
            ..self
        }
    }

    /// Sets [`non_field_key`](Settings::non_field_key).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().non_field_key("_general").non_field_key, "_general");
    /// ```
    #[must_use]
    pub const fn non_field_key(self, key: &'a str) -> Self {
        Settings {
            non_field_key: key,
            ..self
        }
    }

    /// Sets [`laravel_legacy_message`](Settings::laravel_legacy_message).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert!(Settings::new().laravel_legacy_message(true).laravel_legacy_message);
    /// ```
    #[must_use]
    pub const fn laravel_legacy_message(self, legacy: bool) -> Self {
        Settings {
            laravel_legacy_message: legacy,
            ..self
        }
    }

    /// Sets [`problem_style`](Settings::problem_style).
    ///
    /// ```
    /// # use errcodes::{ProblemStyle, Settings};
    /// let settings = Settings::new().problem_style(ProblemStyle::TitleDetail);
    /// assert_eq!(settings.problem_style, ProblemStyle::TitleDetail);
    /// ```
    #[must_use]
    pub const fn problem_style(self, style: ProblemStyle) -> Self {
        Settings {
            problem_style: style,
            ..self
        }
    }

    /// The pointer prefix in force: [`pointer_prefix`](Settings::pointer_prefix)
    /// or the default.
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().effective_pointer_prefix(), "/data/attributes");
    /// ```
    #[must_use]
    pub const fn effective_pointer_prefix(&self) -> &'a str {
        match self.pointer_prefix {
            Some(prefix) => prefix,
            None => crate::location::DEFAULT_POINTER_PREFIX,
        }
    }
}

impl Default for Settings<'_> {
    fn default() -> Self {
        Settings::new()
    }
}
