//! What a request adds to an error: [`Occurrence`].

/// What one request adds to an error it answers with: its correlation id
/// and the language the texts were written in. Never part of
/// [`Settings`](crate::Settings), which say what is declared;
/// [`ApiError::occurrence`](crate::ApiError::occurrence) returns it, and
/// only [`InContext`](crate::InContext) (the request's answer) has one.
///
/// ```
/// use errcodes::{ApiError, FieldError, InContext, Occurrence};
///
/// let err = FieldError::new("name", "required", "Required.");
/// assert_eq!(err.occurrence(), Occurrence::default());
/// assert_eq!(InContext::new(&err).request_id("req-7").occurrence().id, Some("req-7"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Occurrence<'a> {
    /// The request's correlation id: JSON:API writes it as each error's
    /// `id`, Problem Details as a `request_id` extension member.
    pub id: Option<&'a str>,
    /// The language the title and detail are written in, when they were
    /// localized (feature `fluent`): the locale an
    /// [`InContext::locale`](crate::InContext::locale) answers in, the layers' `Content-Language`.
    /// `None` when the texts are as declared.
    pub language: Option<&'a str>,
}

impl<'a> Occurrence<'a> {
    /// An occurrence with the correlation id `id` and the language
    /// `language`, for a hand-written wrapper that answers to a request.
    ///
    /// ```
    /// let occurrence = errcodes::Occurrence::new(Some("req-7"), None);
    /// assert_eq!(occurrence.id, Some("req-7"));
    /// ```
    #[must_use]
    pub const fn new(id: Option<&'a str>, language: Option<&'a str>) -> Self {
        Occurrence { id, language }
    }
}
