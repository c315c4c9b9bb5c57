//! axum integration (cargo feature `axum`): errors are `IntoResponse`, and
//! [`ErrorLayer`] answers every error of a router in the envelope the
//! request asked for.
//!
//! With the feature on, `#[derive(ApiError)]` also implements
//! `axum::response::IntoResponse` for the type, so a handler returns it
//! directly; [`ApiErrors`] and [`FieldError`] implement it too. Outside an
//! [`ErrorLayer`] the response is the one [`ApiError::to_response`] builds,
//! in the type's own envelope; inside one, the layer decides:
//!
//! * the envelope, negotiated from `Accept` ([`crate::negotiate`]): 406
//!   when nothing acceptable is offered, 415 for a JSON:API `Content-Type`
//!   with a parameter JSON:API forbids, both before the handler runs;
//! * the request context: the path becomes the Problem `instance` of an
//!   error that names none, and a correlation id (the request's
//!   `x-request-id`, else the trace id of its `traceparent`, else, for an
//!   error, a new one) becomes the JSON:API error `id` and the Problem
//!   `request_id`, and goes back in the response's `x-request-id` (a
//!   success carries back the id its request brought);
//! * the router's own empty 404 and 405 become errors in the envelope (405
//!   keeps `Allow`), and a handler that panics answers a 500 that says
//!   nothing of the panic;
//! * with the `tracing` feature, every error it answers is logged once: a
//!   5xx at `error` with its whole source chain, a 4xx at `debug` (or the
//!   variant's `#[api(log = "...")]`), with the correlation id, method and
//!   path.
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use errcodes::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(envelope = "jsonapi", status = 404, detail = "No order {0}.")]
//! struct OrderNotFound(u64);
//!
//! async fn handler() -> Result<String, OrderNotFound> {
//!     Err(OrderNotFound(42))
//! }
//!
//! let response = OrderNotFound(42).into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
//! ```

use core::fmt;
use std::cell::RefCell;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{HeaderName, HeaderValue, ACCEPT, ALLOW, CONTENT_TYPE};
use http::{Method, Request, StatusCode};
use http_body::Body as _;

use crate::collection::{ApiErrors, FieldError};
use crate::context::InContext;
use crate::error::{ApiError, Envelope};
use crate::negotiate::Negotiation;
use crate::profile::Profile;

/// The response of any error: in the envelope and with the context of the
/// request an [`ErrorLayer`] is answering, else [`ApiError::to_response`].
///
/// ```
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Taken.")]
/// struct Taken;
///
/// let response = errcodes::axum::into_response(&Taken);
/// assert_eq!(response.status(), 409);
/// ```
pub fn into_response<E: ApiError + ?Sized>(err: &E) -> Response {
    let answered = CURRENT.with(|c| c.borrow().as_ref().map(|request| request.respond(err)));
    answered.unwrap_or_else(|| err.to_response().map(Body::from))
}

impl IntoResponse for ApiErrors {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}

impl IntoResponse for FieldError {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}

/// The header a correlation id travels in, both ways.
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// W3C Trace Context's header, whose trace id serves when no id is given.
const TRACEPARENT: HeaderName = HeaderName::from_static("traceparent");

/// A tower layer answering every error of the services below it in the
/// envelope the request asked for, with the request's context and the
/// app's [`Profile`]; see the [module docs](self).
///
/// ```
/// use errcodes::axum::ErrorLayer;
/// use errcodes::negotiate::Negotiation;
/// use errcodes::{Envelope, Profile};
///
/// let layer = ErrorLayer::new(Envelope::Problem);
/// // App-wide settings, and a negotiation of your own:
/// let configured = ErrorLayer::new(Profile::new(Envelope::JsonApi).type_base("https://errors.example.com/"))
///     .negotiation(Negotiation::new(Envelope::JsonApi).never_refuse());
/// # let _ = (layer, configured);
/// ```
#[derive(Clone, Debug)]
pub struct ErrorLayer {
    config: Arc<Config>,
}

/// What every request of a layer shares.
#[derive(Debug)]
struct Config {
    negotiation: Negotiation,
    profile: Profile,
}

impl ErrorLayer {
    /// Answers with `profile` (or just an envelope): in its envelope unless
    /// the request asks for another built-in one; 406 for what cannot be
    /// satisfied.
    ///
    /// ```
    /// let layer = errcodes::axum::ErrorLayer::new(errcodes::Envelope::Drf);
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn new(profile: impl Into<Profile>) -> ErrorLayer {
        let profile = profile.into();
        ErrorLayer {
            config: Arc::new(Config {
                negotiation: Negotiation::new(profile.envelope()),
                profile,
            }),
        }
    }

    /// Negotiates with `negotiation` instead (which envelopes are offered,
    /// whether to refuse); its default envelope answers.
    ///
    /// ```
    /// use errcodes::negotiate::Negotiation;
    /// let layer = errcodes::axum::ErrorLayer::new(errcodes::Envelope::Problem)
    ///     .negotiation(Negotiation::new(errcodes::Envelope::Problem).offering([]));
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn negotiation(self, negotiation: Negotiation) -> ErrorLayer {
        ErrorLayer {
            config: Arc::new(Config {
                negotiation,
                profile: self.config.profile.clone(),
            }),
        }
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            config: Arc::clone(&self.config),
        }
    }
}

/// The service [`ErrorLayer`] wraps around a router or handler; axum's
/// `Router::layer` makes it, or tower's `Layer::layer`.
///
/// ```
/// use errcodes::axum::{ErrorLayer, ErrorService};
/// use tower_layer::Layer;
///
/// let service: ErrorService<axum::Router> = ErrorLayer::new(errcodes::Envelope::Problem).layer(axum::Router::new());
/// # let _ = service;
/// ```
#[derive(Clone, Debug)]
pub struct ErrorService<S> {
    inner: S,
    config: Arc<Config>,
}

impl<S, B> tower_service::Service<Request<B>> for ErrorService<S>
where
    S: tower_service::Service<Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ErrorFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let headers = request.headers();
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        let negotiation = &self.config.negotiation;
        let chosen = negotiation.choose(text(ACCEPT));
        // A forbidden Content-Type (415) first, then an unacceptable Accept.
        let refusal = negotiation
            .check_content_type(text(CONTENT_TYPE))
            .err()
            .or(chosen.err());
        let answering = Answering {
            envelope: chosen.unwrap_or_else(|_| negotiation.default_envelope()),
            uri: request.uri().clone(),
            method: request.method().clone(),
            given_id: given_request_id(headers),
            config: Arc::clone(&self.config),
        };
        if let Some(refusal) = refusal {
            let response = answering.respond(&refusal);
            return ErrorFuture {
                inner: None,
                answering: Some(answering),
                ready: Some(Box::new(response)),
            };
        }
        ErrorFuture {
            inner: Some(self.inner.call(request)),
            answering: Some(answering),
            ready: None,
        }
    }
}

/// What the layer knows of the request it is answering; cheap to make
/// (the URI and method are shared, the id a header clone).
struct Answering {
    config: Arc<Config>,
    envelope: Envelope,
    uri: http::Uri,
    method: Method,
    /// The correlation id the request brought, if usable.
    given_id: Option<HeaderValue>,
}

impl Answering {
    /// `err` answered to this request, and logged (feature `tracing`).
    /// An error always carries a correlation id: the request's, else a new
    /// one, in the body and in `x-request-id`.
    fn respond<E: ApiError + ?Sized>(&self, err: &E) -> Response {
        let generated;
        let request_id = if let Some(id) = self.given_id.as_ref().and_then(|id| id.to_str().ok()) {
            id
        } else {
            generated = new_request_id();
            generated.as_str()
        };
        let path = self.uri.path();
        crate::log::answered(&err, self.method.as_str(), path, request_id);
        let answered = InContext::new(err)
            .path(path)
            .request_id(request_id)
            .profile(&self.config.profile);
        let mut response = answered.to_response_in(self.envelope).map(Body::from);
        if let Ok(value) = HeaderValue::from_str(request_id) {
            response.headers_mut().insert(REQUEST_ID, value);
        }
        response
    }

    /// The response, finished: the router's empty 404/405 answered in the
    /// envelope, and a correlation id the request brought echoed.
    fn finish(&self, mut response: Response) -> Response {
        let status = response.status();
        let bare = matches!(
            status,
            StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
        ) && !response.headers().contains_key(CONTENT_TYPE)
            && response.body().size_hint().exact() == Some(0);
        if bare {
            let allow = response.headers().get(ALLOW).cloned();
            let route = RouteError {
                status,
                method: &self.method,
            };
            response = self.respond(&route);
            if let Some(allow) = allow {
                response.headers_mut().insert(ALLOW, allow);
            }
        }
        if let Some(id) = &self.given_id {
            response
                .headers_mut()
                .entry(REQUEST_ID)
                .or_insert_with(|| id.clone());
        }
        response
    }
}

thread_local! {
    /// The request the current thread is polling a handler for, so that
    /// `IntoResponse` answers in its envelope, with its context. The layer
    /// moves it in before each poll and back out after.
    static CURRENT: RefCell<Option<Answering>> = const { RefCell::new(None) };
}

pin_project_lite::pin_project! {
    /// The future of [`ErrorService`]: the inner service's, polled with its
    /// request current and any panic caught.
    ///
    /// ```
    /// use errcodes::axum::{ErrorFuture, ErrorLayer};
    /// use tower_layer::Layer;
    /// use tower_service::Service;
    ///
    /// let mut service = ErrorLayer::new(errcodes::Envelope::Problem).layer(axum::Router::new());
    /// let future: ErrorFuture<_> = service.call(http::Request::new(axum::body::Body::empty()));
    /// # let _ = future;
    /// ```
    pub struct ErrorFuture<F> {
        #[pin]
        inner: Option<F>,
        answering: Option<Answering>,
        // Boxed: the refusal path is rare, and the future stays small.
        ready: Option<Box<Response>>,
    }
}

impl<F, E> Future for ErrorFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        if let Some(ready) = this.ready.take() {
            let finished = match this.answering.take() {
                Some(answering) => answering.finish(*ready),
                None => *ready,
            };
            return Poll::Ready(Ok(finished));
        }
        let (Some(inner), Some(answering)) =
            (this.inner.as_mut().as_pin_mut(), this.answering.take())
        else {
            // Polled after completion: nothing left to give.
            return Poll::Pending;
        };
        let previous = CURRENT.with(|c| c.replace(Some(answering)));
        let polled = catch_unwind(AssertUnwindSafe(|| inner.poll(cx)));
        let answering = CURRENT.with(|c| c.replace(previous));
        let Some(answering) = answering else {
            // Unreachable: only this module writes `CURRENT`, and each write
            // is undone before its poll returns, so this is what was moved
            // in above.
            return Poll::Pending;
        };
        let output = match polled {
            Ok(Poll::Pending) => {
                *this.answering = Some(answering);
                return Poll::Pending;
            }
            Ok(Poll::Ready(Ok(response))) => Ok(answering.finish(response)),
            Ok(Poll::Ready(Err(err))) => Err(err),
            // The handler panicked: a 500 that says nothing of it.
            Err(_) => Ok(answering.finish(answering.respond(&Panicked))),
        };
        this.inner.set(None);
        Poll::Ready(output)
    }
}

/// The correlation id a request brought: its `x-request-id` when that is
/// a short printable token, else the trace id of its W3C `traceparent`.
fn given_request_id(headers: &http::HeaderMap) -> Option<HeaderValue> {
    let usable =
        |id: &str| !id.is_empty() && id.len() <= 128 && id.bytes().all(|b| b.is_ascii_graphic());
    if let Some(value) = headers.get(REQUEST_ID) {
        if value.to_str().is_ok_and(usable) {
            return Some(value.clone());
        }
    }
    let trace = headers
        .get(TRACEPARENT)
        .and_then(|v| v.to_str().ok())
        .and_then(|t| t.split('-').nth(1))
        .filter(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))?;
    HeaderValue::from_str(trace).ok()
}

/// A new correlation id: a per-process prefix (from the clock when the
/// first id is made, so unlikely to repeat across restarts) and a counter,
/// as 24 hex digits. Unique within the process; not a secret.
fn new_request_id() -> RequestId {
    static PREFIX: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let prefix = *PREFIX.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            // The low 64 bits of the nanoseconds: they change fastest.
            .map_or(0, |d| {
                u64::try_from(d.as_nanos() & u128::from(u64::MAX)).unwrap_or(0)
            })
    });
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut id = RequestId([0; 24]);
    for (i, digit) in id.0.iter_mut().enumerate() {
        let nibble = if i < 8 {
            (prefix >> (28 - 4 * i)) & 0xf
        } else {
            (count >> (60 - 4 * (i - 8))) & 0xf
        };
        *digit = b"0123456789abcdef"[usize::try_from(nibble).unwrap_or(0)];
    }
    id
}

/// A generated correlation id, on the stack.
struct RequestId([u8; 24]);

impl RequestId {
    fn as_str(&self) -> &str {
        // Hex digits only.
        core::str::from_utf8(&self.0).unwrap_or("0")
    }
}

/// The counter behind generated correlation ids.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// The router's own 404 and 405, as errors.
struct RouteError<'a> {
    status: StatusCode,
    method: &'a Method,
}

impl ApiError for RouteError<'_> {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &'static str {
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            "method_not_allowed"
        } else {
            "not_found"
        }
    }
    fn title(&self) -> &'static str {
        self.status.canonical_reason().unwrap_or("Not Found")
    }
    /// drf's texts: `Not found.` and `Method "PATCH" not allowed.`
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            write!(f, "Method \"{}\" not allowed.", self.method)
        } else {
            f.write_str("Not found.")
        }
    }
}

/// A handler that panicked: a 500 with no code and the generic detail.
struct Panicked;

impl ApiError for Panicked {
    fn status(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }
    fn code(&self) -> &'static str {
        "panic"
    }
    fn has_code(&self) -> bool {
        false
    }
    fn title(&self) -> &'static str {
        "Internal Server Error"
    }
    fn fmt_detail(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
    fn has_detail(&self) -> bool {
        false
    }
}

/// A request axum could not extract (a body that is not JSON, a query
/// string or path parameter of the wrong type, a form of the wrong content
/// type), as an error: a stable code per kind, axum's own status, and a
/// detail that says what was wrong and, for JSON, where (line and column),
/// never the parser's words about the input itself.
///
/// The [`Json`], [`Query`], [`Path`] and [`Form`] extractors reject with it.
///
/// ```
/// use errcodes::axum::Rejection;
/// use errcodes::{ApiError, Envelope};
///
/// let rejection = Rejection::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(Default::default()));
/// assert_eq!(rejection.status(), 415);
/// assert_eq!(rejection.code(), "unsupported_media_type");
/// ```
#[derive(Debug)]
pub struct Rejection {
    status: StatusCode,
    code: &'static str,
    what: &'static str,
    /// Line and column of a JSON error.
    position: Option<(usize, usize)>,
}

impl Rejection {
    fn new(status: StatusCode, code: &'static str, what: &'static str) -> Rejection {
        Rejection {
            status,
            code,
            what,
            position: None,
        }
    }

    /// A body that could not be read: too large, or cut off.
    fn body(status: StatusCode) -> Rejection {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Rejection::new(status, "body_too_large", "The request body is too large.")
        } else {
            Rejection::new(
                status,
                "unreadable_body",
                "The request body could not be read.",
            )
        }
    }

    /// `serde_json`'s position, read from the end of its message
    /// (`... at line 1 column 7`), and nothing else of it.
    fn at_json_position(mut self, message: &str) -> Rejection {
        let position = message.rsplit_once(" at line ").and_then(|(_, rest)| {
            let (line, column) = rest.split_once(" column ")?;
            Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
        });
        self.position = position;
        self
    }
}

impl From<axum::extract::rejection::JsonRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Rejection {
        use axum::extract::rejection::JsonRejection as R;
        let message = rejection.body_text();
        match rejection {
            R::JsonSyntaxError(_) => Rejection::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "The request body is not valid JSON.",
            )
            .at_json_position(&message),
            R::JsonDataError(_) => Rejection::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_body",
                "The request body does not have the expected members and types.",
            )
            .at_json_position(&message),
            R::MissingJsonContentType(_) => Rejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Expected a request with Content-Type: application/json.",
            ),
            other => Rejection::body(other.status()),
        }
    }
}

impl From<axum::extract::rejection::QueryRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Rejection {
        Rejection::new(
            rejection.status(),
            "invalid_query",
            "The query string is not valid.",
        )
    }
}

impl From<axum::extract::rejection::PathRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::PathRejection) -> Rejection {
        use axum::extract::rejection::PathRejection as R;
        match rejection {
            R::FailedToDeserializePathParams(e) => {
                Rejection::new(e.status(), "invalid_path", "A path parameter is not valid.")
            }
            // A route without the parameters its extractor asks for: the
            // server's mistake, answered as a 500 that says nothing of it.
            other => Rejection::new(other.status(), "path_params_missing", ""),
        }
    }
}

impl From<axum::extract::rejection::FormRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::FormRejection) -> Rejection {
        use axum::extract::rejection::FormRejection as R;
        match rejection {
            R::InvalidFormContentType(_) => Rejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Expected a request with Content-Type: application/x-www-form-urlencoded.",
            ),
            R::FailedToDeserializeForm(e) => {
                Rejection::new(e.status(), "invalid_form", "The form is not valid.")
            }
            R::FailedToDeserializeFormBody(e) => {
                Rejection::new(e.status(), "invalid_form", "The form is not valid.")
            }
            other => Rejection::body(other.status()),
        }
    }
}

impl ApiError for Rejection {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        self.code
    }
    fn has_code(&self) -> bool {
        !self.status.is_server_error()
    }
    fn title(&self) -> &str {
        self.status.canonical_reason().unwrap_or("Bad Request")
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                let what = self.what.trim_end_matches('.');
                write!(f, "{what} (line {line}, column {column}).")
            }
            None => f.write_str(self.what),
        }
    }
    fn detail_str(&self) -> Option<&str> {
        self.position.is_none().then_some(self.what)
    }
    fn has_detail(&self) -> bool {
        !self.status.is_server_error()
    }
}

impl fmt::Display for Rejection {
    /// The detail.
    ///
    /// ```
    /// use errcodes::axum::Rejection;
    /// let rejection = Rejection::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(Default::default()));
    /// assert_eq!(rejection.to_string(), "Expected a request with Content-Type: application/json.");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::error::Detail(self).fmt(f)
    }
}

impl std::error::Error for Rejection {}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}

/// Defines a drop-in extractor: axum's `$axum`, through the same extractor
/// trait, rejecting with a [`Rejection`].
macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident: $axum:ident, $extract:ident::$method:ident($input:ty), $rejection:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name<T>(pub T);

        impl<T, S> axum_core::extract::$extract<S> for $name<T>
        where
            axum::extract::$axum<T>:
                axum_core::extract::$extract<S, Rejection = axum::extract::rejection::$rejection>,
            S: Send + Sync,
        {
            type Rejection = Rejection;

            async fn $method(input: $input, state: &S) -> Result<Self, Rejection> {
                match <axum::extract::$axum<T> as axum_core::extract::$extract<S>>::$method(input, state).await {
                    Ok(axum::extract::$axum(value)) => Ok($name(value)),
                    Err(rejection) => Err(rejection.into()),
                }
            }
        }
    };
}

extractor! {
    /// axum's `Json` extractor, rejecting with a [`Rejection`]; as a
    /// response, axum's `Json`.
    ///
    /// ```
    /// use errcodes::axum::Json;
    ///
    /// #[derive(serde::Deserialize, serde::Serialize)]
    /// struct Signup { email: String }
    ///
    /// async fn signup(Json(signup): Json<Signup>) -> Json<Signup> {
    ///     Json(signup)
    /// }
    /// # let _ = signup;
    /// ```
    Json: Json, FromRequest::from_request(axum_core::extract::Request), JsonRejection
}

extractor! {
    /// axum's `Form` extractor, rejecting with a [`Rejection`]; as a
    /// response, axum's `Form`.
    ///
    /// ```
    /// use errcodes::axum::Form;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Login { user: String }
    ///
    /// async fn login(Form(login): Form<Login>) -> String {
    ///     login.user
    /// }
    /// # let _ = login;
    /// ```
    Form: Form, FromRequest::from_request(axum_core::extract::Request), FormRejection
}

extractor! {
    /// axum's `Query` extractor, rejecting with a [`Rejection`].
    ///
    /// ```
    /// use errcodes::axum::Query;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Page { page: u32 }
    ///
    /// async fn list(Query(page): Query<Page>) -> String {
    ///     page.page.to_string()
    /// }
    /// # let _ = list;
    /// ```
    Query: Query, FromRequestParts::from_request_parts(&mut http::request::Parts), QueryRejection
}

extractor! {
    /// axum's `Path` extractor, rejecting with a [`Rejection`].
    ///
    /// ```
    /// use errcodes::axum::Path;
    ///
    /// async fn order(Path(id): Path<u64>) -> String {
    ///     id.to_string()
    /// }
    /// # let _ = order;
    /// ```
    Path: Path, FromRequestParts::from_request_parts(&mut http::request::Parts), PathRejection
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl<T: serde::Serialize> IntoResponse for Form<T> {
    fn into_response(self) -> Response {
        axum::Form(self.0).into_response()
    }
}
