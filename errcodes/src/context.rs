//! An error as answered to one request: [`InContext`] adds what only the
//! request knows (its path, its correlation id) to any error.

use core::fmt;

use http::StatusCode;

use crate::error::ApiError;
use crate::error::ErrorList;
use crate::error::{Rules, Settings};
use crate::location::Location;
use crate::occurrence::Occurrence;
use crate::profile::Profile;
use crate::visit::fmt_fn;
use crate::visit::{HeaderVisitor, MetaVisitor};

/// `err` answered to one request: the request's path is the Problem
/// Details `instance` when the error names none, and the request's
/// correlation id is the occurrence id (JSON:API error `id`, Problem
/// `request_id`). Everything else is the error's own. The web-framework
/// layers wrap every error they answer in one.
///
/// ```
/// use errcodes::ApiErrorExt as _;
/// use errcodes::{ApiError, Envelope, InContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "order_not_found", detail = "No such order.")]
/// struct OrderNotFound;
///
/// let answered = InContext::new(&OrderNotFound).path("/orders/42").request_id("req-7");
/// assert_eq!(
///     answered.render_to_vec(Envelope::Problem),
///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No such order.","instance":"/orders/42","code":"order_not_found","request_id":"req-7"}"#
/// );
/// assert_eq!(answered.to_json_value(Envelope::JsonApi)["errors"][0]["id"], "req-7");
/// ```
pub struct InContext<'a, E: ?Sized = dyn ApiError> {
    err: &'a E,
    path: Option<&'a str>,
    request_id: Option<&'a str>,
    profile: Option<&'a Profile>,
    /// What says validation rules: the profile's, or a collection's.
    rules: Option<&'a dyn Rules>,
    #[cfg(feature = "fluent")]
    locale: Option<&'a str>,
    /// Where the error's own catalog answers `locale` from, found once.
    #[cfg(feature = "fluent")]
    answer: Option<crate::l10n::Answer<'static>>,
}

impl<E: ?Sized> Clone for InContext<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized> Copy for InContext<'_, E> {}

impl<'a, E: ApiError + ?Sized> InContext<'a, E> {
    /// `err`, with no request context yet.
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError, InContext};
    ///
    /// let err = FieldError::new("name", "required", "Required.");
    /// assert_eq!(InContext::new(&err).code(), "required");
    /// ```
    #[must_use]
    pub fn new(err: &'a E) -> Self {
        InContext {
            err,
            path: None,
            request_id: None,
            profile: None,
            rules: None,
            #[cfg(feature = "fluent")]
            locale: None,
            #[cfg(feature = "fluent")]
            answer: None,
        }
    }

    /// The request's path, the `instance` of an error that names none. It
    /// is written as it is: pass a path as it came in the request line
    /// (already a URI reference).
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, Envelope, FieldError, InContext};
    ///
    /// let err = FieldError::new("name", "required", "Required.");
    /// let body = InContext::new(&err).path("/signup").to_json_value(Envelope::Problem);
    /// assert_eq!(body["instance"], "/signup");
    /// ```
    #[must_use]
    pub fn path(self, path: &'a str) -> Self {
        InContext {
            path: Some(path),
            ..self
        }
    }

    /// The request's correlation id.
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError, InContext};
    ///
    /// let err = FieldError::new("name", "required", "Required.");
    /// assert_eq!(InContext::new(&err).request_id("abc").occurrence().id, Some("abc"));
    /// ```
    #[must_use]
    pub fn request_id(self, request_id: &'a str) -> Self {
        InContext {
            request_id: Some(request_id),
            ..self
        }
    }
}

impl<'a, E: ApiError + ?Sized> InContext<'a, E> {
    /// The error's code, borrowed from the error rather than from this
    /// context (what [`ApiError::code`] says, for use beyond this value,
    /// such as `list.iter().map(|e| e.code())`).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// let codes: Vec<&str> = errors.errors().unwrap().iter().map(|e| e.code()).collect();
    /// assert_eq!(codes, ["required"]);
    /// ```
    #[must_use]
    pub fn code(&self) -> &'a str {
        self.rule_code().unwrap_or_else(|| self.err.code())
    }

    /// The same error, its validation rule said by `rules` (an item of a
    /// collection answered under a profile).
    pub(crate) fn rules(self, rules: Option<&'a dyn Rules>) -> Self {
        let answered = InContext {
            rules: rules.or(self.rules),
            ..self
        };
        #[cfg(feature = "fluent")]
        let answered = answered.found();
        answered
    }

    /// The code of a validation rule as the profile maps it.
    fn rule_code(&self) -> Option<&'a str> {
        let rules = self.rules?;
        let rule = self.err.settings().rule?;
        Some(rules.map_rule(self.err.code(), rule.bound))
    }

    /// The profile's message for a validation rule that gave none.
    fn rule_message(&self) -> Option<&'a str> {
        let rules = self.rules?;
        let rule = self.err.settings().rule.filter(|rule| !rule.has_message)?;
        rules.message_for(rules.map_rule(self.err.code(), rule.bound))
    }

    /// The request member the error is about, borrowed from the error (what
    /// [`ApiError::location`] says).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError, Location};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// let at: Vec<Option<Location<'_>>> = errors.errors().unwrap().iter().map(|e| e.location()).collect();
    /// assert_eq!(at, [Some(Location::Field("name"))]);
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<Location<'a>> {
        self.err.location()
    }

    /// The app-wide settings: the profile's `type_base` for an error that
    /// declares none, its pointer prefix for one that keeps the default.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, Envelope, FieldError, InContext, Profile};
    ///
    /// let profile = Profile::new(Envelope::JsonApi).type_base("https://errors.example.com/").pointer_prefix("/data");
    /// let err = FieldError::new("name", "required", "Required.");
    /// let answered = InContext::new(&err).profile(&profile);
    /// assert_eq!(answered.settings().type_base, Some("https://errors.example.com/"));
    /// assert_eq!(answered.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"], "/data/name");
    /// ```
    #[must_use]
    pub fn profile(self, profile: &'a Profile) -> Self {
        let answered = InContext {
            profile: Some(profile),
            rules: Some(profile),
            ..self
        };
        #[cfg(feature = "fluent")]
        let answered = answered.found();
        answered
    }
}

#[cfg(feature = "fluent")]
impl<'a, E: ApiError + ?Sized> InContext<'a, E> {
    /// Answers in `locale` (feature `fluent`): the title and detail from the
    /// error's catalog in that locale, else in the nearest less specific
    /// one (`de-CH`, then `de`), else in its fallback locale; an error
    /// without catalogs as declared. Codes, URIs and member paths stay as
    /// they are.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, Envelope, InContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Gone;
    ///
    /// // No catalogs: as declared.
    /// let body = InContext::new(&Gone).locale("de").to_json_value(Envelope::Problem);
    /// assert_eq!(body["detail"], "Gone.");
    /// ```
    #[must_use]
    pub fn locale(self, locale: &'a str) -> Self {
        InContext {
            locale: Some(locale),
            ..self
        }
        .found()
    }

    /// Finds, once, where the texts answer the locale from. The error's
    /// catalogs are consulted only when its code reaches clients (a
    /// withheld code's text is errcodes' own).
    fn found(self) -> Self {
        let answer = match (self.locale, InContext::message(&self)) {
            (Some(locale), Some(message)) if !self.err.settings().redact_code => {
                message.answer(locale)
            }
            _ => None,
        };
        InContext { answer, ..self }
    }

    /// What the texts are localized from: the profile's message for a
    /// validation rule is not localized; else the error's own catalogs;
    /// else the app's ([`Profile::catalogs`]), by the code the error is
    /// answered with.
    fn message(&self) -> Option<crate::l10n::Message<'a>> {
        if self.rule_message().is_some() {
            return None;
        }
        if let Some(message) = self.err.message() {
            return Some(message);
        }
        let app = self.rules?.catalogs()?;
        Some(crate::l10n::Message::new(app, self.code(), &()))
    }

    /// The language the title and detail answer in, when they are
    /// localized (what `Content-Language` says); `None` when any of them
    /// stays as declared.
    fn language(&self) -> Option<&'static str> {
        let locale = self.locale?;
        let settings = self.err.settings();
        let status = self.err.status();
        if settings.redact_code {
            let id = crate::l10n::status_message(status)?;
            if !status.is_server_error() || Some(self.err.title()) != status.canonical_reason() {
                return None;
            }
            return crate::l10n::OWN.answering(locale, id);
        }
        let answering = self.answer?.language;
        // A 5xx with a code but a withheld detail: the generic text must be
        // in the title's language too.
        if settings.redact_detail
            && status.is_server_error()
            && crate::l10n::OWN.answering(answering, "server_error") != Some(answering)
        {
            return None;
        }
        Some(answering)
    }

    /// The status's own title in the answer's language, for an error whose
    /// title is the status's reason phrase and whose catalog gives none.
    fn status_title(&self) -> Option<&'static str> {
        let language = self.language()?;
        let status = self.err.status();
        if Some(self.err.title()) != status.canonical_reason() {
            return None;
        }
        crate::l10n::OWN.title(language, crate::l10n::status_message(status)?)
    }
}

impl<E: ApiError + ?Sized> ApiError for InContext<'_, E> {
    fn status(&self) -> StatusCode {
        self.err.status()
    }
    fn code(&self) -> &str {
        InContext::code(self)
    }
    fn title(&self) -> &str {
        #[cfg(feature = "fluent")]
        if let (Some(answer), Some(message)) = (self.answer, InContext::message(self))
            && let Some(title) = answer.title(message.id())
        {
            return title;
        }
        #[cfg(feature = "fluent")]
        if let Some(title) = self.status_title() {
            return title;
        }
        self.err.title()
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(message) = self.rule_message() {
            return f.write_str(message);
        }
        #[cfg(feature = "fluent")]
        if let (Some(answer), Some(message)) = (self.answer, InContext::message(self))
            && let Some(written) = message.write_detail(answer, f)
        {
            return written;
        }
        self.err.fmt_detail(f)
    }
    fn detail_str(&self) -> Option<&str> {
        if let Some(message) = self.rule_message() {
            return Some(message);
        }
        #[cfg(feature = "fluent")]
        if let (Some(answer), Some(message)) = (self.answer, InContext::message(self))
            && answer.has_detail(message.id())
        {
            return None;
        }
        self.err.detail_str()
    }
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        InContext::message(self)
    }
    /// The error's own instance URI, else the request's path.
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(path) = self.path else {
            return self.err.fmt_instance(f);
        };
        let mut own = AnyWritten { f, any: false };
        fmt::write(
            &mut own,
            format_args!("{}", fmt_fn(|f| self.err.fmt_instance(f))),
        )?;
        if own.any {
            Ok(())
        } else {
            write_uri_path(own.f, path)
        }
    }
    fn location(&self) -> Option<Location<'_>> {
        self.err.location()
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        self.err.visit_meta(visitor);
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        self.err.visit_headers(visitor);
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.err.source_error()
    }
    /// A collection stays one, written under this context.
    fn errors(&self) -> Option<ErrorList<'_>> {
        let list = self
            .err
            .errors()?
            .under(self)
            .in_rules(self.rules)
            .in_request(self.request_id);
        #[cfg(feature = "fluent")]
        let list = list.in_locale(self.locale);
        Some(list)
    }
    /// The error's settings over the profile's (its type base and pointer
    /// prefix where the error sets none).
    fn settings(&self) -> Settings<'_> {
        let mut settings = self.err.settings();
        if self.rules.is_some() {
            // The rule's code and message are said.
            settings.rule = None;
        }
        match self.profile {
            Some(profile) => settings.over(profile.settings()),
            None => settings,
        }
    }
    /// The request's correlation id, and the language the texts answer in.
    fn occurrence(&self) -> Occurrence<'_> {
        let own = self.err.occurrence();
        #[cfg(feature = "fluent")]
        let language = self.language().or(own.language);
        #[cfg(not(feature = "fluent"))]
        let language = own.language;
        Occurrence {
            id: self.request_id.or(own.id),
            language,
        }
    }
}

/// Writes a request path as a valid URI reference: what RFC 3986 allows in
/// a path (unreserved characters, sub-delims, `:`, `@`, `/`, and `%` with
/// two hex digits) as it is, every other byte percent-encoded, so a path
/// holding `"`, `{}` or spaces cannot break the Problem `instance`.
fn write_uri_path(f: &mut fmt::Formatter<'_>, path: &str) -> fmt::Result {
    let bytes = path.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped_percent = b == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) || escaped_percent {
            continue;
        }
        // The run before `i` is ASCII, so always UTF-8.
        f.write_str(core::str::from_utf8(&bytes[start..i]).unwrap_or_default())?;
        write!(f, "%{b:02X}")?;
        start = i + 1;
    }
    f.write_str(core::str::from_utf8(&bytes[start..]).unwrap_or_default())
}

/// Passes writes on to `f`, noting whether there were any (the error's own
/// instance URI, before the request path stands in for it).
struct AnyWritten<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    any: bool,
}

impl fmt::Write for AnyWritten<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.any |= !s.is_empty();
        self.f.write_str(s)
    }
}
