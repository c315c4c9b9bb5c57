//! [`ApiErrors`]: several errors answered as one response, never empty,
//! with what the collection decides for the document as a whole.

use std::borrow::Cow;
use std::fmt;

use http::header::RETRY_AFTER;
use http::{HeaderName, StatusCode};

use super::field::{FieldError, reason};
use crate::error::ApiError;
use crate::error::Settings;
use crate::error::{Envelope, ErrorList};
use crate::location::{Location, NON_FIELD_KEY, write_member};
use crate::redact::write_total;
use crate::visit::{HeaderVisitor, delta_seconds};

/// One boxed error of a collection.
pub(crate) type Boxed = Box<dyn ApiError + Send + Sync>;

/// Several errors answered as one response, never empty.
///
/// Each envelope gets its own shape for many errors:
///
/// * JSON:API: one error object each; the HTTP status is the one they share,
///   or the most general (400 for mixed 4xx, 500 when any is 5xx).
/// * Problem Details: one problem describing the whole (`code`
///   `validation_failed`, a count in `detail`) with an `errors` item
///   `{detail, pointer, code}` per error.
/// * Laravel: the first message plus "(and N more errors)", and messages
///   grouped by key in the order first added.
/// * drf-standardized-errors: `validation_error` with one `{code, detail,
///   attr}` item per error.
/// * `ShipStream`: one item whose `details` hold a `{key, message}` per error.
///
/// `ApiErrors` is itself an [`ApiError`], so an error enum can hold it in a
/// `#[api(transparent)]` variant and render it in place.
///
/// ```
/// use errcodes::ApiErrorExt as _;
/// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
///
/// let errors = ApiErrors::from_errors([
///     FieldError::new("email", "invalid", "Enter a valid email address."),
///     FieldError::new("items.0.sku", "required", "This field is required."),
/// ])
/// .unwrap();
/// assert_eq!(
///     String::from_utf8(errors.render_to_vec(Envelope::Laravel)).unwrap(),
///     r#"{"message":"Enter a valid email address. (and 1 more error)","errors":{"email":["Enter a valid email address."],"items.0.sku":["This field is required."]}}"#
/// );
/// assert!(ApiErrors::from_errors(Vec::<FieldError>::new()).is_none());
/// ```
pub struct ApiErrors {
    items: Vec<Boxed>,
    /// How many of the items name a request member no earlier item names
    /// (counted when they join, so rendering the summary costs nothing).
    new_members: usize,
    // Boxed so that `Result<(), ApiErrors>` stays small.
    settings: Box<Whole>,
}

/// How far back an item's member is compared with the earlier ones: past
/// this many items, each counts as a member of its own, so building a huge
/// collection stays linear.
const MEMBERS_COMPARED: usize = 256;

/// Whether `items[i]` names a request member no earlier item names.
fn names_new_member(items: &[Boxed], i: usize) -> bool {
    if i >= MEMBERS_COMPARED {
        return true;
    }
    let location = items[i].location();
    !items[..i]
        .iter()
        .any(|earlier| earlier.location() == location)
}

/// What a collection decides for the document as a whole.
struct Whole {
    envelope: Envelope,
    code: Cow<'static, str>,
    title: Option<Cow<'static, str>>,
    detail: Option<Cow<'static, str>>,
    type_base: Option<Cow<'static, str>>,
    domain: Option<Cow<'static, str>>,
    pointer_prefix: Option<Cow<'static, str>>,
    non_field_key: Cow<'static, str>,
    laravel_legacy: bool,
}

impl ApiErrors {
    /// Whether every error is about a request member (the summary then
    /// counts fields).
    fn all_fields(&self) -> bool {
        self.items.iter().all(|e| {
            matches!(
                e.location(),
                Some(Location::Field(_) | Location::FieldPath(_) | Location::Pointer(_))
            )
        })
    }

    /// A collection of `errors`, or `None` when there are none.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.len(), 1);
    /// assert!(ApiErrors::from_errors(Vec::<FieldError>::new()).is_none());
    /// ```
    pub fn from_errors<E, I>(errors: I) -> Option<ApiErrors>
    where
        E: ApiError + Send + Sync + 'static,
        I: IntoIterator<Item = E>,
    {
        ApiErrors::from_boxed(errors.into_iter().map(|e| Box::new(e) as Boxed).collect())
    }

    /// A collection of boxed errors, or `None` when there are none.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let boxed: Vec<Box<dyn ApiError + Send + Sync>> = vec![Box::new(FieldError::new("a", "x", "X."))];
    /// assert_eq!(ApiErrors::from_boxed(boxed).unwrap().len(), 1);
    /// assert!(ApiErrors::from_boxed(Vec::new()).is_none());
    /// ```
    #[must_use]
    pub fn from_boxed(items: Vec<Box<dyn ApiError + Send + Sync>>) -> Option<ApiErrors> {
        (!items.is_empty()).then(|| ApiErrors::non_empty(items))
    }

    /// A collection of `items`, which the caller has checked are not empty.
    pub(crate) fn non_empty(items: Vec<Boxed>) -> ApiErrors {
        let new_members = (0..items.len())
            .filter(|&i| names_new_member(&items, i))
            .count();
        ApiErrors {
            items,
            new_members,
            settings: Box::new(Whole {
                envelope: Envelope::Problem,
                code: Cow::Borrowed("validation_failed"),
                title: None,
                detail: None,
                type_base: None,
                domain: None,
                pointer_prefix: None,
                non_field_key: Cow::Borrowed(NON_FIELD_KEY),
                laravel_legacy: false,
            }),
        }
    }

    /// Adds one more error.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// errors.push(FieldError::new("b", "y", "Y."));
    /// assert_eq!(errors.len(), 2);
    /// ```
    pub fn push<E: ApiError + Send + Sync + 'static>(&mut self, err: E) {
        self.items.push(Box::new(err));
        if names_new_member(&self.items, self.items.len() - 1) {
            self.new_members += 1;
        }
    }

    /// The errors, in the order they were added.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X."), FieldError::new("b", "y", "Y.")]).unwrap();
    /// assert_eq!(errors.iter().map(|e| e.code()).collect::<Vec<_>>(), ["x", "y"]);
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &(dyn ApiError + Send + Sync)> + '_ {
        self.items.iter().map(|b| &**b)
    }

    /// The error at `index`, in the order added.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert_eq!(errors.get(0).map(|e| e.code()), Some("x"));
    /// assert!(errors.get(1).is_none());
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&(dyn ApiError + Send + Sync)> {
        self.items.get(index).map(|b| &**b)
    }

    /// How many errors there are (at least one).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("a", "x", "X.")]).unwrap();
    /// assert_eq!(errors.len(), 1);
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
    /// assert!(!errors.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The envelope [`to_response`](crate::ApiErrorExt::to_response) uses (default
    /// Problem Details).
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_envelope(Envelope::Laravel);
    /// assert_eq!(errors.to_response().headers()["content-type"], "application/json");
    /// ```
    #[must_use]
    pub fn with_envelope(mut self, envelope: Envelope) -> Self {
        self.settings.envelope = envelope;
        self
    }

    /// The code of the whole (Problem Details `code`, JSON:API none); default
    /// `validation_failed`. Like a derived code it is letters, digits, `_`,
    /// `.` and `-`, since it may end a `type` URI; any other code is refused
    /// and the collection keeps the code it had.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_code("invalid_order");
    /// assert_eq!(errors.to_json_value(Envelope::Problem)["code"], "invalid_order");
    /// assert_eq!(errors.with_code("not a code").code(), "invalid_order");
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        let code = code.into();
        if errcodes_rules::check_code(&code).is_ok() {
            self.settings.code = code;
        }
        self
    }

    /// The title of the whole; default the status's reason phrase.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_title("Request validation failed");
    /// assert_eq!(errors.to_json_value(Envelope::Problem)["title"], "Request validation failed");
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Cow<'static, str>>) -> Self {
        self.settings.title = Some(title.into());
        self
    }

    /// The detail of the whole (Problem `detail`, `ShipStream` `message`);
    /// default a count, such as "2 fields failed validation.".
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_detail("The order could not be created.");
    /// assert_eq!(errors.to_json_value(Envelope::ShipStream)["errors"][0]["message"], "The order could not be created.");
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.settings.detail = Some(detail.into());
        self
    }

    /// The Problem Details `type` becomes `base` joined with the code. As
    /// the derive's `type_base`, `base` is an absolute URI (a scheme, `:`,
    /// then URI characters only) ending in `/`, `#`, `:` or `=`; any other
    /// base is refused and the collection keeps the one it had (by default
    /// none: `about:blank`).
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_type_base("https://errors.example.com/");
    /// assert_eq!(errors.to_json_value(Envelope::Problem)["type"], "https://errors.example.com/validation_failed");
    /// let refused = errors.with_type_base("not a URI/");
    /// assert_eq!(refused.settings().type_base, Some("https://errors.example.com/"));
    /// ```
    #[must_use]
    pub fn with_type_base(mut self, base: impl Into<Cow<'static, str>>) -> Self {
        let base = base.into();
        if errcodes_rules::check_type_base(&base).is_ok() {
            self.settings.type_base = Some(base);
        }
        self
    }

    /// The JSON:API `source.pointer` prefix of field errors; default
    /// `/data/attributes`. It is a JSON Pointer (RFC 6901): empty, or `/`
    /// and segments in which `~` only starts `~0` or `~1`; any other prefix
    /// is refused and the collection keeps the one it had.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_pointer_prefix("/data");
    /// assert_eq!(errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"], "/data/items/0/sku");
    /// assert_eq!(errors.with_pointer_prefix("data~2").settings().pointer_prefix, Some("/data"));
    /// ```
    #[must_use]
    pub fn with_pointer_prefix(mut self, prefix: impl Into<Cow<'static, str>>) -> Self {
        let prefix = prefix.into();
        if errcodes_rules::check_json_pointer(&prefix).is_ok() {
            self.settings.pointer_prefix = Some(prefix);
        }
        self
    }

    /// The key of object-level errors (and of errors with no location) in
    /// Laravel `errors`, drf `attr` and `ShipStream` `key`; default
    /// `non_field_errors`.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::non_field("invalid", "Dates out of order.")]).unwrap()
    ///     .with_non_field_key("_general");
    /// assert_eq!(errors.to_json_value(Envelope::Drf)["errors"][0]["attr"], "_general");
    /// ```
    #[must_use]
    pub fn with_non_field_key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.settings.non_field_key = key.into();
        self
    }

    /// Laravel's message as Laravel 5.5 to 8 wrote it, "The given data was
    /// invalid.", instead of the first message and a count.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "The name field is required.")])
    ///     .unwrap()
    ///     .with_laravel_legacy_message(true);
    /// assert_eq!(
    ///     errors.render_to_vec(Envelope::Laravel),
    ///     br#"{"message":"The given data was invalid.","errors":{"name":["The name field is required."]}}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_laravel_legacy_message(mut self, legacy: bool) -> Self {
        self.settings.laravel_legacy = legacy;
        self
    }

    /// The AIP-193 `ErrorInfo.domain` of the whole; default the domain of
    /// the first error that has one.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_domain("orders.example.com");
    /// assert_eq!(errors.to_json_value(Envelope::Aip193)["error"]["details"][0]["domain"], "orders.example.com");
    /// ```
    #[must_use]
    pub fn with_domain(mut self, domain: impl Into<Cow<'static, str>>) -> Self {
        self.settings.domain = Some(domain.into());
        self
    }
}

impl fmt::Display for ApiErrors {
    /// The summary, then each error on its own line.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([
    ///     FieldError::new("email", "invalid", "Enter a valid email address."),
    ///     FieldError::new("name", "required", "This field is required."),
    /// ])
    /// .unwrap();
    /// assert_eq!(
    ///     errors.to_string(),
    ///     "2 fields failed validation.\n  email: Enter a valid email address.\n  name: This field is required."
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_detail(f)?;
        for err in self.iter() {
            f.write_str("\n  ")?;
            write_member(f, err.location())?;
            if err.settings().redact_detail {
                f.write_str(err.title())?;
            } else {
                // An item whose `Display` fails keeps what it wrote: logging
                // a collection never panics.
                write_total(f, |f| err.fmt_detail(f))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ApiErrors {}

impl From<FieldError> for ApiErrors {
    /// A collection of one, so `?` turns a `FieldError` into `ApiErrors`.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// fn check(name: &str) -> Result<(), ApiErrors> {
    ///     if name.is_empty() {
    ///         Err(FieldError::new("name", "required", "This field is required."))?;
    ///     }
    ///     Ok(())
    /// }
    /// assert_eq!(check("").unwrap_err().len(), 1);
    /// ```
    fn from(err: FieldError) -> Self {
        ApiErrors::non_empty(vec![Box::new(err)])
    }
}

impl fmt::Debug for ApiErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.iter()
                    .map(|e| (e.status().as_u16(), e.code().to_owned())),
            )
            .finish()
    }
}

impl ApiError for ApiErrors {
    /// The status the errors share, else 500 when any is a 5xx, else 400.
    fn status(&self) -> StatusCode {
        let mut statuses = self.iter().map(ApiError::status);
        let first = statuses.next().unwrap_or(StatusCode::BAD_REQUEST);
        let mut any_server = first.is_server_error();
        let mut same = true;
        for status in statuses {
            same &= status == first;
            any_server |= status.is_server_error();
        }
        match (same, any_server) {
            (true, _) => first,
            (false, true) => StatusCode::INTERNAL_SERVER_ERROR,
            (false, false) => StatusCode::BAD_REQUEST,
        }
    }

    fn code(&self) -> &str {
        &self.settings.code
    }

    fn title(&self) -> &str {
        match &self.settings.title {
            Some(title) => title,
            None => reason(self.status()),
        }
    }

    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(detail) = &self.settings.detail {
            return f.write_str(detail);
        }
        let n = self.len();
        if !self.all_fields() {
            return match n {
                1 => f.write_str("1 error occurred."),
                _ => write!(f, "{n} errors occurred."),
            };
        }
        // Count the fields, not the errors: one field may fail two rules.
        match (self.new_members, n) {
            (1, 1) => f.write_str("1 field failed validation."),
            (1, _) => write!(f, "1 field failed validation ({n} errors)."),
            (k, _) if k == n => write!(f, "{n} fields failed validation."),
            (k, _) => write!(f, "{k} fields failed validation ({n} errors)."),
        }
    }

    /// Every error's headers, but one `Retry-After`: the longest wait in
    /// delta-seconds (else the first one given), since a response carries
    /// that header once.
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        // (error index, its position among that error's Retry-After values,
        // seconds) of the value to keep.
        let mut keep: Option<(usize, usize, Option<u64>)> = None;
        for (i, err) in self.iter().enumerate() {
            let mut nth = 0;
            err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
                if *name != RETRY_AFTER {
                    return;
                }
                let seconds = delta_seconds(value);
                let longer = match keep {
                    None => true,
                    Some((_, _, kept)) => seconds.is_some_and(|s| kept.is_none_or(|k| s > k)),
                };
                if longer {
                    keep = Some((i, nth, seconds));
                }
                nth += 1;
            });
        }
        for (i, err) in self.iter().enumerate() {
            let mut nth = 0;
            err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
                if *name == RETRY_AFTER {
                    if keep.is_some_and(|(ki, kn, _)| ki == i && kn == nth) {
                        visitor.visit(name, value);
                    }
                    nth += 1;
                } else {
                    visitor.visit(name, value);
                }
            });
        }
    }

    fn errors(&self) -> Option<ErrorList<'_>> {
        Some(ErrorList::new(self, &self.items))
    }

    /// errcodes' own summary, in the request's language, unless the
    /// collection has a detail of its own: `$fields` (the members that
    /// failed) and `$errors` (all errors).
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        if self.settings.detail.is_some() {
            return None;
        }
        let id = match (self.all_fields(), self.new_members == self.len()) {
            (false, _) => "errors_occurred",
            (true, true) => "fields_failed",
            (true, false) => "fields_failed_errors",
        };
        Some(crate::l10n::Message::new(&crate::l10n::OWN, id, self))
    }

    /// The collection's own settings; its domain is the first error's when
    /// it sets none.
    fn settings(&self) -> Settings<'_> {
        let whole = &*self.settings;
        Settings {
            envelope: whole.envelope,
            type_base: whole.type_base.as_deref(),
            pointer_prefix: whole.pointer_prefix.as_deref(),
            domain: whole
                .domain
                .as_deref()
                .or_else(|| self.iter().find_map(|e| e.settings().domain)),
            non_field_key: Some(&whole.non_field_key),
            laravel_legacy_message: whole.laravel_legacy,
            ..Settings::new()
        }
    }
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for ApiErrors {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        use crate::l10n::Arg;
        let count = |n: usize| Arg::Unsigned(n as u128);
        visitor.visit("fields", count(self.new_members));
        visitor.visit("errors", count(self.len()));
    }
}
