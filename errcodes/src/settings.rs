//! Building [`Settings`]: the defaults and one `const` method per field.
//! The struct itself is defined beside the trait in `error.rs`.

use crate::error::{Envelope, LogLevel, ProblemStyle, Retry, Rule, Settings};
use crate::location::{Location, NON_FIELD_KEY};

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
            non_field_key: None,
            laravel_legacy_message: false,
            problem_style: None,
            open_codes: false,
            retry: None,
            rpc_code: None,
            rule: None,
        }
    }

    /// Sets [`rule`](Settings::rule).
    ///
    /// ```
    /// # use errcodes::{Rule, Settings};
    /// let rule = Rule { bound: None, has_message: true };
    /// assert_eq!(Settings::new().rule(rule).rule, Some(rule));
    /// ```
    #[must_use]
    pub const fn rule(self, rule: Rule) -> Self {
        Settings {
            rule: Some(rule),
            ..self
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

    /// Sets [`rpc_code`](Settings::rpc_code).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// use errcodes::rpc::Code;
    /// assert_eq!(Settings::new().rpc_code(Code::FailedPrecondition).rpc_code, Some(Code::FailedPrecondition));
    /// ```
    #[must_use]
    pub const fn rpc_code(self, code: crate::rpc::code::Code) -> Self {
        Settings {
            rpc_code: Some(code),
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

    /// Sets [`non_field_key`](Settings::non_field_key).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().non_field_key("_general").non_field_key, Some("_general"));
    /// ```
    #[must_use]
    pub const fn non_field_key(self, key: &'a str) -> Self {
        Settings {
            non_field_key: Some(key),
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
    /// assert_eq!(settings.problem_style, Some(ProblemStyle::TitleDetail));
    /// ```
    #[must_use]
    pub const fn problem_style(self, style: ProblemStyle) -> Self {
        Settings {
            problem_style: Some(style),
            ..self
        }
    }

    /// The key of object-level errors in force:
    /// [`non_field_key`](Settings::non_field_key) or `non_field_errors`.
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert_eq!(Settings::new().effective_non_field_key(), "non_field_errors");
    /// assert_eq!(Settings::new().non_field_key("_all").effective_non_field_key(), "_all");
    /// ```
    #[must_use]
    pub const fn effective_non_field_key(&self) -> &'a str {
        match self.non_field_key {
            Some(key) => key,
            None => NON_FIELD_KEY,
        }
    }

    /// The Problem Details shape in force:
    /// [`problem_style`](Settings::problem_style) or RFC 9457's.
    ///
    /// ```
    /// # use errcodes::{ProblemStyle, Settings};
    /// assert_eq!(Settings::new().effective_problem_style(), ProblemStyle::Rfc9457);
    /// ```
    #[must_use]
    pub const fn effective_problem_style(&self) -> ProblemStyle {
        match self.problem_style {
            Some(style) => style,
            None => ProblemStyle::Rfc9457,
        }
    }

    /// These settings over `under`: the one merge of every layer of
    /// declarations (see [`Settings`] for the order). Each value `self`
    /// sets wins, else `under`'s; the envelope and whether it is fixed are
    /// `self`'s; redaction, open codes and Laravel's legacy message add up (either
    /// layer's `true` stays `true`).
    ///
    /// ```
    /// use errcodes::{Envelope, ProblemStyle, Settings};
    ///
    /// let wrapper = Settings::new().envelope(Envelope::JsonApi).type_base("https://errors.example.com/");
    /// let inner = Settings::new()
    ///     .type_base("https://inner.example.com/")
    ///     .domain("orders.example.com")
    ///     .problem_style(ProblemStyle::TitleDetail)
    ///     .redact_code(true);
    /// let merged = wrapper.over(inner);
    /// assert_eq!(merged.envelope, Envelope::JsonApi);
    /// assert_eq!(merged.type_base, Some("https://errors.example.com/"));
    /// assert_eq!(merged.domain, Some("orders.example.com"));
    /// assert_eq!(merged.problem_style, Some(ProblemStyle::TitleDetail));
    /// assert!(merged.redact_code);
    /// // Declaring the default is declaring: it wins over what is under it.
    /// let rfc = Settings::new().problem_style(ProblemStyle::Rfc9457).over(inner);
    /// assert_eq!(rfc.problem_style, Some(ProblemStyle::Rfc9457));
    /// ```
    #[must_use]
    pub const fn over(self, under: Settings<'a>) -> Settings<'a> {
        /// `Option::or`, in a `const fn`.
        macro_rules! or {
            ($field:ident) => {
                match self.$field {
                    Some(value) => Some(value),
                    None => under.$field,
                }
            };
        }
        Settings {
            envelope: self.envelope,
            fixed_envelope: self.fixed_envelope,
            type_base: or!(type_base),
            pointer_prefix: or!(pointer_prefix),
            domain: or!(domain),
            log: or!(log),
            kind: or!(kind),
            redact_code: self.redact_code || under.redact_code,
            redact_detail: self.redact_detail || under.redact_detail,
            jsonapi_source: or!(jsonapi_source),
            non_field_key: or!(non_field_key),
            laravel_legacy_message: self.laravel_legacy_message || under.laravel_legacy_message,
            problem_style: or!(problem_style),
            open_codes: self.open_codes || under.open_codes,
            retry: or!(retry),
            rpc_code: or!(rpc_code),
            rule: or!(rule),
        }
    }

    /// Sets [`open_codes`](Settings::open_codes).
    ///
    /// ```
    /// # use errcodes::Settings;
    /// assert!(Settings::new().open_codes(true).open_codes);
    /// ```
    #[must_use]
    pub const fn open_codes(self, open: bool) -> Self {
        Settings {
            open_codes: open,
            ..self
        }
    }

    /// Sets [`retry`](Settings::retry).
    ///
    /// ```
    /// # use errcodes::{Retry, Settings};
    /// assert_eq!(Settings::new().retry(Retry::Throttled).retry, Some(Retry::Throttled));
    /// ```
    #[must_use]
    pub const fn retry(self, retry: Retry) -> Self {
        Settings {
            retry: Some(retry),
            ..self
        }
    }

    /// Whether clients may retry an error of `status` with these settings:
    /// [`retry`](Settings::retry), else AIP-194's default for the status.
    ///
    /// ```
    /// # use errcodes::{Retry, Settings};
    /// use http::StatusCode;
    ///
    /// assert_eq!(Settings::new().effective_retry(StatusCode::SERVICE_UNAVAILABLE), Retry::Retryable);
    /// assert_eq!(Settings::new().retry(Retry::Never).effective_retry(StatusCode::SERVICE_UNAVAILABLE), Retry::Never);
    /// ```
    #[must_use]
    pub fn effective_retry(&self, status: http::StatusCode) -> Retry {
        self.retry.unwrap_or_else(|| Retry::for_status(status))
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
