//! An error as answered to one request: [`InContext`] adds what only the
//! request knows (its path, its correlation id) to any error.

use core::fmt;

use http::StatusCode;

use crate::error::{ApiError, Envelope, ErrorList, LogLevel};
use crate::location::Location;
use crate::profile::Profile;
use crate::visit::{HeaderVisitor, MetaVisitor};

/// `err` answered to one request: the request's path is the Problem
/// Details `instance` when the error names none, and the request's
/// correlation id is the occurrence id (JSON:API error `id`, Problem
/// `request_id`). Everything else is the error's own. The web-framework
/// layers wrap every error they answer in one.
///
/// ```
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
        }
    }

    /// The request's path, the `instance` of an error that names none. It
    /// is written as it is: pass a path as it came in the request line
    /// (already a URI reference).
    ///
    /// ```
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
    /// assert_eq!(InContext::new(&err).request_id("abc").occurrence_id(), Some("abc"));
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
    /// The app-wide settings: the profile's `type_base` for an error that
    /// declares none, its pointer prefix for one that keeps the default.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, FieldError, InContext, Profile};
    ///
    /// let profile = Profile::new(Envelope::JsonApi).type_base("https://errors.example.com/").pointer_prefix("/data");
    /// let err = FieldError::new("name", "required", "Required.");
    /// let answered = InContext::new(&err).profile(&profile);
    /// assert_eq!(answered.type_base(), Some("https://errors.example.com/"));
    /// assert_eq!(answered.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"], "/data/name");
    /// ```
    #[must_use]
    pub fn profile(self, profile: &'a Profile) -> Self {
        InContext {
            profile: Some(profile),
            ..self
        }
    }
}

impl<E: ApiError + ?Sized> ApiError for InContext<'_, E> {
    fn status(&self) -> StatusCode {
        self.err.status()
    }
    fn code(&self) -> &str {
        self.err.code()
    }
    fn title(&self) -> &str {
        self.err.title()
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.err.fmt_detail(f)
    }
    fn has_code(&self) -> bool {
        self.err.has_code()
    }
    fn detail_str(&self) -> Option<&str> {
        self.err.detail_str()
    }
    fn has_detail(&self) -> bool {
        self.err.has_detail()
    }
    fn has_instance(&self) -> bool {
        self.err.has_instance() || self.path.is_some()
    }
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path {
            Some(path) if !self.err.has_instance() => f.write_str(path),
            _ => self.err.fmt_instance(f),
        }
    }
    fn location(&self) -> Option<Location<'_>> {
        self.err.location()
    }
    fn jsonapi_source(&self) -> Option<Location<'_>> {
        self.err.jsonapi_source()
    }
    fn kind(&self) -> Option<&str> {
        self.err.kind()
    }
    fn type_base(&self) -> Option<&str> {
        self.err
            .type_base()
            .or_else(|| self.profile.and_then(Profile::type_base_setting))
    }
    fn envelope(&self) -> Envelope {
        self.err.envelope()
    }
    fn pointer_prefix(&self) -> &str {
        let own = self.err.pointer_prefix();
        match self.profile.and_then(Profile::pointer_prefix_setting) {
            Some(prefix) if !self.err.has_pointer_prefix() => prefix,
            _ => own,
        }
    }
    fn has_pointer_prefix(&self) -> bool {
        self.err.has_pointer_prefix()
            || self
                .profile
                .and_then(Profile::pointer_prefix_setting)
                .is_some()
    }
    fn domain(&self) -> Option<&str> {
        self.err.domain()
    }
    fn occurrence_id(&self) -> Option<&str> {
        self.request_id.or_else(|| self.err.occurrence_id())
    }
    fn fixed_envelope(&self) -> bool {
        self.err.fixed_envelope()
    }
    fn log_level(&self) -> Option<LogLevel> {
        self.err.log_level()
    }
    /// A collection stays one, written under this context.
    fn errors(&self) -> Option<ErrorList<'_>> {
        self.err.errors().map(|list| list.under(self))
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
    /// The built-in writers monomorphized for the wrapped error, as for a
    /// derived one.
    fn render(&self, envelope: Envelope, out: &mut Vec<u8>) {
        crate::envelope::write_static(self, envelope, out);
    }
}
