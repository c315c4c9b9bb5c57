//! Many errors in one response: a non-empty [`ApiErrors`], gathered with an
//! [`ApiErrorsBuilder`] from derived errors, trait objects and plain
//! [`FieldError`] entries.

use std::borrow::Cow;
use std::fmt;

use http::{HeaderName, StatusCode};

use crate::envelope::Envelope;
use crate::error::{ApiError, Detail, HeaderVisitor, Instance, Location, MetaValue, MetaVisitor};
use crate::path::FieldPath;
use crate::render;

/// One boxed error of a collection.
type Boxed = Box<dyn ApiError + Send + Sync>;

/// An owned [`Location`].
#[derive(Clone, Debug, PartialEq, Eq)]
enum OwnedLocation {
    /// A dotted path as given, such as `items.0.sku` (rendered as written,
    /// with no re-joining of segments).
    Dotted(String),
    Path(FieldPath),
    Pointer(String),
    Parameter(String),
    Header(String),
    NonField,
}

impl OwnedLocation {
    fn of(location: Location<'_>) -> OwnedLocation {
        match location {
            Location::Field(dotted) => OwnedLocation::Dotted(dotted.to_owned()),
            Location::Path(path) => OwnedLocation::Path(path.clone()),
            Location::Pointer(pointer) => OwnedLocation::Pointer(pointer.to_owned()),
            Location::Parameter(name) => OwnedLocation::Parameter(name.to_owned()),
            Location::Header(name) => OwnedLocation::Header(name.to_owned()),
            Location::NonField => OwnedLocation::NonField,
        }
    }

    fn as_location(&self) -> Location<'_> {
        match self {
            OwnedLocation::Dotted(dotted) => Location::Field(dotted),
            OwnedLocation::Path(path) => Location::Path(path),
            OwnedLocation::Pointer(pointer) => Location::Pointer(pointer),
            OwnedLocation::Parameter(name) => Location::Parameter(name),
            OwnedLocation::Header(name) => Location::Header(name),
            OwnedLocation::NonField => Location::NonField,
        }
    }
}

/// A plain validation entry, "field + code + message", for checks that have
/// no enum variant of their own.
///
/// Its status is 422 unless set with [`with_status`](Self::with_status); its
/// title is the status's reason phrase.
///
/// ```
/// use errcodes::{ApiError, Envelope, FieldError, FieldPath};
///
/// let err = FieldError::new("items.0.sku", "required", "This field is required.");
/// assert_eq!(err.status(), 422);
/// assert_eq!(
///     err.render_to_vec(Envelope::Drf),
///     br#"{"type":"validation_error","errors":[{"code":"required","detail":"This field is required.","attr":"items.0.sku"}]}"#
/// );
///
/// // A member name that itself contains a dot: build the path from segments.
/// let path = FieldPath::new().key("prices").key("1.5kg");
/// let err = FieldError::new(path, "invalid", "Not a price.").with_status(http::StatusCode::BAD_REQUEST);
/// assert_eq!(err.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"], "/data/attributes/prices/1.5kg");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    location: OwnedLocation,
    code: Cow<'static, str>,
    detail: Cow<'static, str>,
    status: StatusCode,
}

impl FieldError {
    /// An error about the request member at `path`: a dotted path such as
    /// `items.0.sku` (a `&str` or `String`), or a [`FieldPath`] built from
    /// segments (for member names that contain `.`).
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError, FieldPath, Location};
    ///
    /// let dotted = FieldError::new("items.0.sku", "required", "SKU is required.");
    /// assert_eq!(dotted.location(), Some(Location::Field("items.0.sku")));
    /// let built = FieldError::new(FieldPath::new().key("items").index(0), "invalid", "Bad item.");
    /// assert!(matches!(built.location(), Some(Location::Path(_))));
    /// ```
    pub fn new(
        path: impl Into<MemberPath>,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        let location = match path.into().0 {
            PathRepr::Dotted(dotted) => OwnedLocation::Dotted(dotted),
            PathRepr::Segments(path) => OwnedLocation::Path(path),
        };
        FieldError::at(location, code, detail)
    }

    /// An object-level error, about the request as a whole (drf's
    /// `non_field_errors`).
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, FieldError};
    ///
    /// let err = FieldError::non_field("invalid", "Delivery date must be after order date.");
    /// assert_eq!(err.to_json_value(Envelope::Drf)["errors"][0]["attr"], "non_field_errors");
    /// ```
    pub fn non_field(
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError::at(OwnedLocation::NonField, code, detail)
    }

    /// An error about the query parameter `name`.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, FieldError};
    ///
    /// let err = FieldError::parameter("limit", "out_of_range", "Must be between 1 and 100.");
    /// assert_eq!(err.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["parameter"], "limit");
    /// ```
    pub fn parameter(
        name: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError::at(OwnedLocation::Parameter(name.into()), code, detail)
    }

    /// An error about the request header `name`.
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, FieldError};
    ///
    /// let err = FieldError::header("X-Api-Key", "invalid", "Unknown key.");
    /// assert_eq!(err.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["header"], "X-Api-Key");
    /// ```
    pub fn header(
        name: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError::at(OwnedLocation::Header(name.into()), code, detail)
    }

    fn at(
        location: OwnedLocation,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError {
            location,
            code: code.into(),
            detail: detail.into(),
            status: StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The same entry with another status. A status that is not 4xx or 5xx
    /// is not an error status and leaves the entry unchanged.
    ///
    /// ```
    /// use errcodes::{ApiError, FieldError};
    /// use http::StatusCode;
    ///
    /// let err = FieldError::new("email", "invalid", "Enter a valid email address.");
    /// assert_eq!(err.clone().with_status(StatusCode::BAD_REQUEST).status(), 400);
    /// assert_eq!(err.with_status(StatusCode::OK).status(), 422);
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        if status.is_client_error() || status.is_server_error() {
            self.status = status;
        }
        self
    }
}

impl ApiError for FieldError {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        &self.code
    }
    fn title(&self) -> &str {
        reason(self.status)
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
    fn detail_str(&self) -> Option<&str> {
        Some(&self.detail)
    }
    fn location(&self) -> Option<Location<'_>> {
        Some(self.location.as_location())
    }
}

impl fmt::Display for FieldError {
    /// The detail, prefixed with the member it is about.
    ///
    /// ```
    /// use errcodes::FieldError;
    ///
    /// let err = FieldError::new("items.0.sku", "required", "SKU is required.");
    /// assert_eq!(err.to_string(), "items.0.sku: SKU is required.");
    /// assert_eq!(FieldError::non_field("invalid", "Dates out of order.").to_string(), "Dates out of order.");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_member(f, Some(self.location.as_location()))?;
        f.write_str(&self.detail)
    }
}

impl std::error::Error for FieldError {}

/// `member: ` before a message in `Display` output; nothing for an error
/// about the request as a whole.
fn write_member(f: &mut fmt::Formatter<'_>, location: Option<Location<'_>>) -> fmt::Result {
    match location {
        Some(
            Location::Field(name)
            | Location::Pointer(name)
            | Location::Parameter(name)
            | Location::Header(name),
        ) => write!(f, "{name}: "),
        Some(Location::Path(path)) => write!(f, "{path}: "),
        Some(Location::NonField) | None => Ok(()),
    }
}

/// The path argument of [`FieldError::new`]: a dotted path (`&str`,
/// `String`) or a [`FieldPath`].
///
/// ```
/// use errcodes::{FieldPath, MemberPath};
///
/// let _: MemberPath = "items.0.sku".into();
/// let _: MemberPath = String::from("email").into();
/// let _: MemberPath = FieldPath::new().key("a.b").into();
/// ```
#[derive(Clone, Debug)]
pub struct MemberPath(PathRepr);

#[derive(Clone, Debug)]
enum PathRepr {
    Dotted(String),
    Segments(FieldPath),
}

impl From<&str> for MemberPath {
    fn from(dotted: &str) -> Self {
        MemberPath(PathRepr::Dotted(dotted.to_owned()))
    }
}

impl From<String> for MemberPath {
    fn from(dotted: String) -> Self {
        MemberPath(PathRepr::Dotted(dotted))
    }
}

impl From<FieldPath> for MemberPath {
    fn from(path: FieldPath) -> Self {
        MemberPath(PathRepr::Segments(path))
    }
}

/// The reason phrase of a status, or a class name for one without.
fn reason(status: StatusCode) -> &'static str {
    match status.canonical_reason() {
        Some(reason) => reason,
        None if status.is_server_error() => "Server Error",
        None => "Client Error",
    }
}

/// An owned copy of a borrowed error, taken when a `&dyn ApiError` joins a
/// collection.
struct Snapshot {
    status: StatusCode,
    code: String,
    has_code: bool,
    title: String,
    detail: Option<String>,
    instance: Option<String>,
    location: Option<OwnedLocation>,
    /// The JSON:API source, when it differs from `location`.
    jsonapi_source: Option<OwnedLocation>,
    kind: Option<String>,
    type_base: Option<String>,
    meta: Vec<(String, serde_json::Value)>,
    headers: Vec<(HeaderName, String)>,
}

impl Snapshot {
    fn of(err: &dyn ApiError) -> Snapshot {
        let mut meta = Vec::new();
        err.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
            let mut bytes = Vec::new();
            if value.write_json(&mut bytes).is_ok() {
                if let Ok(value) = serde_json::from_slice(&bytes) {
                    meta.push((name.to_owned(), value));
                }
            }
        });
        let mut headers = Vec::new();
        err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
            headers.push((name.clone(), display_lossy(value)));
        });
        Snapshot {
            status: err.status(),
            code: err.code().to_owned(),
            has_code: err.has_code(),
            title: err.title().to_owned(),
            detail: err.has_detail().then(|| display_lossy(&Detail(err))),
            instance: err.has_instance().then(|| display_lossy(&Instance(err))),
            location: err.location().map(OwnedLocation::of),
            jsonapi_source: match (err.location(), err.jsonapi_source()) {
                (location, source) if location == source => None,
                (_, source) => source.map(OwnedLocation::of),
            },
            kind: err.kind().map(str::to_owned),
            type_base: err.type_base().map(str::to_owned),
            meta,
            headers,
        }
    }
}

/// `value.to_string()`, except that a `Display` impl that fails keeps what
/// it wrote instead of panicking.
fn display_lossy(value: &dyn fmt::Display) -> String {
    use fmt::Write as _;
    let mut text = String::new();
    let _ = write!(text, "{value}");
    text
}

impl ApiError for Snapshot {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        &self.code
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail.as_deref().unwrap_or_default())
    }
    fn has_detail(&self) -> bool {
        self.detail.is_some()
    }
    fn has_code(&self) -> bool {
        self.has_code
    }
    fn has_instance(&self) -> bool {
        self.instance.is_some()
    }
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.instance.as_deref().unwrap_or_default())
    }
    fn detail_str(&self) -> Option<&str> {
        self.detail.as_deref()
    }
    fn location(&self) -> Option<Location<'_>> {
        self.location.as_ref().map(OwnedLocation::as_location)
    }
    fn jsonapi_source(&self) -> Option<Location<'_>> {
        match &self.jsonapi_source {
            Some(source) => Some(source.as_location()),
            None => self.location(),
        }
    }
    fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }
    fn type_base(&self) -> Option<&str> {
        self.type_base.as_deref()
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        for (name, value) in &self.meta {
            visitor.visit(name, value);
        }
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        for (name, value) in &self.headers {
            visitor.visit(name, value);
        }
    }
}

/// Gathers errors for one response; [`finish`](Self::finish) turns them into
/// an [`ApiErrors`], or into `Ok(())` when nothing went wrong.
///
/// ```
/// use errcodes::{ApiErrors, FieldError};
///
/// fn validate(name: &str, age: i64) -> Result<(), ApiErrors> {
///     let mut errors = ApiErrors::builder();
///     if name.is_empty() {
///         errors.push(FieldError::new("name", "required", "This field is required."));
///     }
///     if age < 0 {
///         errors.push(FieldError::new("age", "min_value", "Ensure this value is greater than or equal to 0."));
///     }
///     errors.finish()
/// }
///
/// assert!(validate("ana", 30).is_ok());
/// assert_eq!(validate("", -1).unwrap_err().len(), 2);
/// ```
#[derive(Default)]
pub struct ApiErrorsBuilder {
    items: Vec<Boxed>,
}

impl ApiErrorsBuilder {
    /// Adds an error: a derived error, a [`FieldError`], or anything that
    /// implements [`ApiError`] and can be sent between threads.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// errors.push(FieldError::new("name", "required", "Required."));
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push<E: ApiError + Send + Sync + 'static>(&mut self, err: E) -> &mut Self {
        self.items.push(Box::new(err));
        self
    }

    /// Adds an already boxed error.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let boxed: Box<dyn ApiError + Send + Sync> = Box::new(FieldError::new("name", "required", "Required."));
    /// let mut errors = ApiErrors::builder();
    /// errors.push_boxed(boxed);
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push_boxed(&mut self, err: Box<dyn ApiError + Send + Sync>) -> &mut Self {
        self.items.push(err);
        self
    }

    /// Adds a borrowed error of any type by copying what it renders (its
    /// status, code, title, public detail, location, meta and headers).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, detail = "taken")]
    /// struct Taken;
    ///
    /// let borrowed: &dyn ApiError = &Taken;
    /// let mut errors = ApiErrors::builder();
    /// errors.push_ref(borrowed);
    /// assert_eq!(errors.finish().unwrap_err().status(), 409);
    /// ```
    pub fn push_ref(&mut self, err: &dyn ApiError) -> &mut Self {
        self.items.push(Box::new(Snapshot::of(err)));
        self
    }

    /// How many errors were added.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// assert_eq!(errors.len(), 0);
    /// errors.push(FieldError::new("a", "x", "X.")).push(FieldError::new("b", "y", "Y."));
    /// assert_eq!(errors.len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no error was added.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// assert!(errors.is_empty());
    /// errors.push(FieldError::new("a", "x", "X."));
    /// assert!(!errors.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The collection, with `fallback` as its only error when none was
    /// added.
    #[cfg(feature = "validator")]
    pub(crate) fn finish_or(mut self, fallback: FieldError) -> ApiErrors {
        if self.items.is_empty() {
            self.items.push(Box::new(fallback));
        }
        ApiErrors::non_empty(self.items)
    }

    /// `Ok(())` when no error was added, else the collection as `Err`: an
    /// empty collection is never an error response.
    ///
    /// # Errors
    ///
    /// The gathered errors, when there is at least one.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// assert!(ApiErrors::builder().finish().is_ok());
    /// let mut errors = ApiErrors::builder();
    /// errors.push(FieldError::new("name", "required", "Required."));
    /// assert_eq!(errors.finish().unwrap_err().status(), 422);
    /// ```
    pub fn finish(self) -> Result<(), ApiErrors> {
        match ApiErrors::from_boxed(self.items) {
            Some(errors) => Err(errors),
            None => Ok(()),
        }
    }
}

impl<E: ApiError + Send + Sync + 'static> Extend<E> for ApiErrorsBuilder {
    fn extend<I: IntoIterator<Item = E>>(&mut self, iter: I) {
        for err in iter {
            self.push(err);
        }
    }
}

impl<E: ApiError + Send + Sync + 'static> FromIterator<E> for ApiErrorsBuilder {
    fn from_iter<I: IntoIterator<Item = E>>(iter: I) -> Self {
        let mut builder = ApiErrorsBuilder::default();
        builder.extend(iter);
        builder
    }
}

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
    // Boxed so that `Result<(), ApiErrors>` stays small.
    settings: Box<Settings>,
}

/// What a collection decides for the document as a whole.
struct Settings {
    envelope: Envelope,
    code: Cow<'static, str>,
    title: Option<Cow<'static, str>>,
    detail: Option<Cow<'static, str>>,
    type_base: Option<Cow<'static, str>>,
    pointer_prefix: Cow<'static, str>,
    non_field_key: Cow<'static, str>,
    laravel_legacy: bool,
}

impl ApiErrors {
    /// A builder to gather errors into.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// errors.push(FieldError::new("name", "required", "Required."));
    /// assert!(errors.finish().is_err());
    /// ```
    #[must_use]
    pub fn builder() -> ApiErrorsBuilder {
        ApiErrorsBuilder::default()
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
    fn non_empty(items: Vec<Boxed>) -> ApiErrors {
        ApiErrors {
            items,
            settings: Box::new(Settings {
                envelope: Envelope::Problem,
                code: Cow::Borrowed("validation_failed"),
                title: None,
                detail: None,
                type_base: None,
                pointer_prefix: Cow::Borrowed("/data/attributes"),
                non_field_key: Cow::Borrowed(render::NON_FIELD_KEY),
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

    /// The envelope [`to_response`](ApiError::to_response) uses (default
    /// Problem Details).
    ///
    /// ```
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
    /// `validation_failed`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_code("invalid_order");
    /// assert_eq!(errors.to_json_value(Envelope::Problem)["code"], "invalid_order");
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.settings.code = code.into();
        self
    }

    /// The title of the whole; default the status's reason phrase.
    ///
    /// ```
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

    /// The Problem Details `type` becomes `base` joined with the code.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_type_base("https://errors.example.com/");
    /// assert_eq!(errors.to_json_value(Envelope::Problem)["type"], "https://errors.example.com/validation_failed");
    /// ```
    #[must_use]
    pub fn with_type_base(mut self, base: impl Into<Cow<'static, str>>) -> Self {
        self.settings.type_base = Some(base.into());
        self
    }

    /// The JSON:API `source.pointer` prefix of field errors; default
    /// `/data/attributes`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("items.0.sku", "required", "SKU is required.")]).unwrap()
    ///     .with_pointer_prefix("/data");
    /// assert_eq!(errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"], "/data/items/0/sku");
    /// ```
    #[must_use]
    pub fn with_pointer_prefix(mut self, prefix: impl Into<Cow<'static, str>>) -> Self {
        self.settings.pointer_prefix = prefix.into();
        self
    }

    /// The key of object-level errors (and of errors with no location) in
    /// Laravel `errors`, drf `attr` and `ShipStream` `key`; default
    /// `non_field_errors`.
    ///
    /// ```
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

    pub(crate) fn pointer_prefix_setting(&self) -> &str {
        &self.settings.pointer_prefix
    }

    pub(crate) fn non_field_key(&self) -> &str {
        &self.settings.non_field_key
    }

    pub(crate) fn laravel_legacy_message(&self) -> bool {
        self.settings.laravel_legacy
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
            if err.has_detail() {
                err.fmt_detail(f)?;
            } else {
                f.write_str(err.title())?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ApiErrors {}

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
        let all_fields = self.iter().all(|e| {
            matches!(
                e.location(),
                Some(Location::Field(_) | Location::Path(_) | Location::Pointer(_))
            )
        });
        match (all_fields, n) {
            (true, 1) => f.write_str("1 field failed validation."),
            (true, _) => write!(f, "{n} fields failed validation."),
            (false, 1) => f.write_str("1 error occurred."),
            (false, _) => write!(f, "{n} errors occurred."),
        }
    }

    fn type_base(&self) -> Option<&str> {
        self.settings.type_base.as_deref()
    }

    fn envelope(&self) -> Envelope {
        self.settings.envelope
    }

    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        for err in self.iter() {
            err.visit_headers(visitor);
        }
    }

    fn render(&self, envelope: Envelope, out: &mut Vec<u8>) {
        render::many(self, envelope, out);
    }
}
