//! actix-web integration (cargo feature `actix-web`): errors answer from
//! handlers as they are, and [`ErrorMiddleware`] answers every error of an
//! app in the envelope the request asked for.
//!
//! With the feature on, `#[derive(ApiError)]` also makes the type an
//! actix error, so a handler returns `Result<_, T>` (and `?` works) or `T`
//! itself (`Responder`):
//!
//! * a type that derives thiserror's `Error` (the derive sees its
//!   `#[error(...)]` attributes, so the type has a `Display`) implements
//!   actix's own `ResponseError`, answering with [`error_response`];
//! * any other type gets `From<T> for actix_web::Error` instead, which
//!   needs no `Display`: errcodes renders the error when it becomes an
//!   `actix_web::Error`, and that error's `Display` is the public detail,
//!   never the source's text. Do not implement `ResponseError` for such a
//!   type yourself: the two `From`s would conflict.
//!
//! [`ApiErrors`], [`FieldError`] and [`Rejection`] convert and respond the
//! second way.
//!
//! Inside an [`ErrorMiddleware`] the answer is the same as the axum
//! layer's:
//!
//! * the envelope, negotiated from `Accept` ([`crate::negotiate`]): 406
//!   when nothing acceptable is offered, 415 for a JSON:API `Content-Type`
//!   with a parameter JSON:API forbids, both before the handler runs;
//! * the request context: the path becomes the Problem `instance` of an
//!   error that names none, and a correlation id (the request's
//!   `x-request-id`, else the trace id of its `traceparent`, else, for an
//!   error, a new one) becomes the JSON:API error `id` and the Problem
//!   `request_id`, and goes back in the response's `x-request-id`;
//! * actix's own empty 404 (no route) and 405 (no route for the method)
//!   become errors in the envelope (405 keeps `Allow`), and a handler that
//!   panics answers a 500 that says nothing of the panic;
//! * with the `tracing` feature, every error it answers is logged once.
//!
//! actix's extractors reject in the envelope too once [`extractors`] has
//! configured them (`App::configure(errcodes::actix::extractors)`): a body
//! that is not JSON is a 400 `malformed_json`, the wrong `Content-Type` a
//! 415, a bad path parameter a 400 `invalid_path` (see [`Rejection`]).
//!
//! actix-web 4 speaks `http` 0.2 while errcodes speaks `http` 1: the
//! conversion (status, headers) happens here, and users see only actix's
//! own types.
//!
//! ```
//! use actix_web::{web, App, HttpResponse};
//! use errcodes::actix::ErrorMiddleware;
//! use errcodes::{ApiError, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404, code = "order_not_found", detail = "No order {0}.")]
//! struct OrderNotFound(u64);
//!
//! async fn order(id: web::Path<u64>) -> Result<HttpResponse, OrderNotFound> {
//!     Err(OrderNotFound(id.into_inner()))
//! }
//!
//! let app = App::new()
//!     .wrap(ErrorMiddleware::new(Envelope::Problem))
//!     .configure(errcodes::actix::extractors)
//!     .route("/orders/{id}", web::get().to(order));
//! # let _ = app;
//! ```

use core::fmt;
use std::cell::RefCell;
use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, Uri};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, Responder, ResponseError};

use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;
use crate::error::Envelope;
use crate::ext::ApiErrorExt as _;
use crate::negotiate::Negotiation;
use crate::profile::Profile;
pub use crate::serve::Rejection;
use crate::serve::{self, Config, Panicked, RouteError};

/// The response of any error: in the envelope and with the context of the
/// request an [`ErrorMiddleware`] is answering, else
/// [`ApiErrorExt::to_response`](crate::ApiErrorExt::to_response)'s, as an actix response.
///
/// ```
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Taken.")]
/// struct Taken;
///
/// let response = errcodes::actix::error_response(&Taken);
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// ```
pub fn error_response<E: ApiError + ?Sized>(err: &E) -> HttpResponse {
    to_actix(&rendered(err))
}

/// The status of `err`, as actix's `StatusCode` (`http` 0.2).
///
/// ```
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Taken.")]
/// struct Taken;
///
/// assert_eq!(errcodes::actix::status_code(&Taken), actix_web::http::StatusCode::CONFLICT);
/// ```
pub fn status_code<E: ApiError + ?Sized>(err: &E) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(err.status().as_u16())
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// `err` as an `actix_web::Error`, rendered now (in the envelope and with
/// the context of the request an [`ErrorMiddleware`] is answering): what
/// the derived `From<T> for actix_web::Error` calls. The error's `Display`
/// is the public detail.
///
/// ```
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 500, code = "internal")]
/// struct Internal(#[api(source)] std::io::Error);
///
/// let err = errcodes::actix::into_error(&Internal(std::io::Error::other("db-primary:5432 refused")));
/// assert_eq!(err.to_string(), "The server hit an unexpected condition.");
/// assert_eq!(err.as_response_error().status_code(), 500);
/// ```
pub fn into_error<E: ApiError + ?Sized>(err: &E) -> actix_web::Error {
    Answered {
        response: rendered(err),
        detail: crate::redact::Detail::new(err).to_string().into_boxed_str(),
    }
    .into()
}

/// `err` rendered: for the current request, or on its own.
fn rendered<E: ApiError + ?Sized>(err: &E) -> http::Response<Bytes> {
    let answered = CURRENT.with(|c| c.borrow().as_ref().map(|request| request.render(err)));
    answered.unwrap_or_else(|| err.to_response().map(Bytes::from))
}

/// An `http` 1 response as actix's (`http` 0.2 underneath).
fn to_actix(response: &http::Response<Bytes>) -> HttpResponse {
    let status = actix_web::http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
    let mut converted = HttpResponse::with_body(status, response.body().clone());
    let headers = converted.headers_mut();
    for (name, value) in response.headers() {
        // Both sides validate the same bytes: a header errcodes wrote is
        // one actix accepts.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    converted.map_into_boxed_body()
}

/// An error errcodes rendered, inside an `actix_web::Error`.
struct Answered {
    response: http::Response<Bytes>,
    /// The public detail: the `Display` actix and loggers see.
    detail: Box<str>,
}

impl fmt::Debug for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answered")
            .field("status", &self.response.status())
            .field("detail", &self.detail)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl ResponseError for Answered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::from_u16(self.response.status().as_u16())
            .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        to_actix(&self.response)
    }
}

/// Implements `From<$ty> for actix_web::Error` and `Responder` for one of
/// this crate's error types.
macro_rules! answers {
    ($($ty:ty),*) => {$(
        impl From<$ty> for actix_web::Error {
            fn from(err: $ty) -> actix_web::Error {
                into_error(&err)
            }
        }

        impl Responder for $ty {
            type Body = BoxBody;

            fn respond_to(self, _: &HttpRequest) -> HttpResponse {
                error_response(&self)
            }
        }
    )*};
}

answers!(ApiErrors, FieldError, Rejection);

/// An actix-web middleware answering every error of the services it wraps
/// in the envelope the request asked for, with the request's context and
/// the app's [`Profile`]; see the [module docs](self).
///
/// ```
/// use errcodes::actix::ErrorMiddleware;
/// use errcodes::negotiate::Negotiation;
/// use errcodes::{Envelope, Profile};
///
/// let app = actix_web::App::new().wrap(ErrorMiddleware::new(Envelope::Problem));
/// // App-wide settings, and a negotiation of your own:
/// let configured = ErrorMiddleware::new(Profile::new(Envelope::JsonApi).type_base("https://errors.example.com/"))
///     .negotiation(Negotiation::new(Envelope::JsonApi).never_refuse());
/// # let _ = (app, configured);
/// ```
#[derive(Clone, Debug)]
pub struct ErrorMiddleware {
    config: Arc<Config>,
}

impl ErrorMiddleware {
    /// Answers with `profile` (or just an envelope): in its envelope unless
    /// the request asks for another built-in one; 406 for what cannot be
    /// satisfied.
    ///
    /// ```
    /// let middleware = errcodes::actix::ErrorMiddleware::new(errcodes::Envelope::Drf);
    /// # let _ = middleware;
    /// ```
    #[must_use]
    pub fn new(profile: impl Into<Profile>) -> ErrorMiddleware {
        ErrorMiddleware {
            config: Arc::new(Config::new(profile.into())),
        }
    }

    /// Negotiates with `negotiation` instead (which envelopes are offered,
    /// whether to refuse); its default envelope answers.
    ///
    /// ```
    /// use errcodes::negotiate::Negotiation;
    /// let middleware = errcodes::actix::ErrorMiddleware::new(errcodes::Envelope::Problem)
    ///     .negotiation(Negotiation::new(errcodes::Envelope::Problem).offering([]));
    /// # let _ = middleware;
    /// ```
    #[must_use]
    pub fn negotiation(self, negotiation: Negotiation) -> ErrorMiddleware {
        ErrorMiddleware {
            config: Arc::new(self.config.negotiating(negotiation)),
        }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ErrorMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = ErrorMiddlewareService<S>;
    type InitError = ();
    type Future = Ready<Result<ErrorMiddlewareService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorMiddlewareService {
            inner: Rc::new(service),
            config: Arc::clone(&self.config),
        }))
    }
}

/// The service [`ErrorMiddleware`] wraps around an app's services;
/// `App::wrap` makes it.
///
/// ```
/// use actix_web::dev::Transform;
/// use errcodes::actix::{ErrorMiddleware, ErrorMiddlewareService};
///
/// # actix_web::rt::System::new().block_on(async {
/// let inner = actix_web::test::status_service(actix_web::http::StatusCode::OK);
/// let service: ErrorMiddlewareService<_> = ErrorMiddleware::new(errcodes::Envelope::Problem).new_transform(inner).await.unwrap();
/// # let _ = service;
/// # });
/// ```
#[derive(Debug)]
pub struct ErrorMiddlewareService<S> {
    inner: Rc<S>,
    config: Arc<Config>,
}

impl<S, B> Service<ServiceRequest> for ErrorMiddlewareService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = ErrorMiddlewareFuture<S::Future>;

    actix_web::dev::forward_ready!(inner);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        let negotiation = &self.config.negotiation;
        let chosen = negotiation.choose(text(header::ACCEPT));
        // A forbidden Content-Type (415) first, then an unacceptable Accept.
        let refusal = negotiation
            .check_content_type(text(header::CONTENT_TYPE))
            .err()
            .or(chosen.err());
        let given_id = match headers.get("x-request-id") {
            Some(id) if serve::usable_request_id(id.as_bytes()) => Some(id.clone()),
            _ => headers
                .get("traceparent")
                .and_then(|t| serve::trace_id(t.as_bytes()))
                .and_then(|id| HeaderValue::from_str(id).ok()),
        };
        let answering = Answering {
            envelope: chosen.unwrap_or_else(|_| negotiation.default_envelope()),
            uri: request.uri().clone(),
            method: request.method().clone(),
            given_id,
            config: Arc::clone(&self.config),
        };
        if let Some(refusal) = refusal {
            let response = answering.respond(&refusal);
            let refused = request.into_response(response);
            return ErrorMiddlewareFuture {
                inner: None,
                answering: Some(answering),
                ready: Some(Box::new(refused)),
            };
        }
        ErrorMiddlewareFuture {
            inner: Some(self.inner.call(request)),
            answering: Some(answering),
            ready: None,
        }
    }
}

/// What the middleware knows of the request it is answering.
struct Answering {
    config: Arc<Config>,
    envelope: Envelope,
    uri: Uri,
    method: Method,
    /// The correlation id the request brought, if usable.
    given_id: Option<HeaderValue>,
}

impl Answering {
    /// `err` answered to this request, and logged (feature `tracing`).
    fn respond<E: ApiError + ?Sized>(&self, err: &E) -> HttpResponse {
        to_actix(&self.render(err))
    }

    fn render<E: ApiError + ?Sized>(&self, err: &E) -> http::Response<Bytes> {
        serve::respond(
            err,
            self.envelope,
            &self.config.profile,
            self.method.as_str(),
            self.uri.path(),
            self.given_id.as_ref().and_then(|id| id.to_str().ok()),
        )
        .map(Bytes::from)
    }

    /// The response, finished: actix's empty 404/405 answered in the
    /// envelope, and a correlation id the request brought echoed.
    fn finish<B: MessageBody>(
        &self,
        response: ServiceResponse<B>,
    ) -> ServiceResponse<EitherBody<B>> {
        let bare = serve::is_bare_route_error(
            response.status().as_u16(),
            || response.headers().contains_key(header::CONTENT_TYPE),
            || {
                matches!(
                    response.response().body().size(),
                    BodySize::None | BodySize::Sized(0)
                )
            },
        );
        let response = if bare {
            let allow = response.headers().get(header::ALLOW).cloned();
            let route = RouteError {
                status: http::StatusCode::from_u16(response.status().as_u16())
                    .unwrap_or(http::StatusCode::NOT_FOUND),
                method: self.method.as_str(),
            };
            let mut answer = self.respond(&route);
            if let Some(allow) = allow {
                answer.headers_mut().insert(header::ALLOW, allow);
            }
            response.into_response(answer).map_into_right_body()
        } else {
            response.map_into_left_body()
        };
        echo_id(self, response)
    }
}

impl fmt::Debug for Answering {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answering")
            .field("envelope", &self.envelope)
            .field("method", &self.method)
            .field("uri", &self.uri)
            .finish_non_exhaustive()
    }
}

thread_local! {
    /// The request the current thread is polling a handler for, so that
    /// errors converted while it runs answer in its envelope, with its
    /// context. The middleware moves it in before each poll and back out
    /// after.
    static CURRENT: RefCell<Option<Answering>> = const { RefCell::new(None) };
}

pin_project_lite::pin_project! {
    /// The future of [`ErrorMiddlewareService`]: the inner service's,
    /// polled with its request current and any panic caught.
    ///
    /// ```
    /// use actix_web::dev::{Service, Transform};
    /// use errcodes::actix::{ErrorMiddleware, ErrorMiddlewareFuture};
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// let inner = actix_web::test::status_service(actix_web::http::StatusCode::NOT_FOUND);
    /// let service = ErrorMiddleware::new(errcodes::Envelope::Problem).new_transform(inner).await.unwrap();
    /// let future: ErrorMiddlewareFuture<_> = service.call(actix_web::test::TestRequest::default().to_srv_request());
    /// let response = future.await.unwrap();
    /// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
    /// # });
    /// ```
    pub struct ErrorMiddlewareFuture<F> {
        #[pin]
        inner: Option<F>,
        answering: Option<Answering>,
        // Boxed: the refusal path is rare, and the future stays small.
        ready: Option<Box<ServiceResponse<BoxBody>>>,
    }
}

impl<F, B> Future for ErrorMiddlewareFuture<F>
where
    F: Future<Output = Result<ServiceResponse<B>, actix_web::Error>>,
    B: MessageBody,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, actix_web::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        if let Some(ready) = this.ready.take() {
            let refused = ready.map_into_right_body();
            return Poll::Ready(Ok(match this.answering.take() {
                Some(answering) => echo_id(&answering, refused),
                None => refused,
            }));
        }
        let (Some(inner), Some(answering)) =
            (this.inner.as_mut().as_pin_mut(), this.answering.take())
        else {
            // Polled after completion: nothing left to give.
            return Poll::Pending;
        };
        let Some((polled, answering)) = serve::poll_current(&CURRENT, answering, || inner.poll(cx))
        else {
            // Unreachable (see `poll_current`).
            return Poll::Pending;
        };
        let output = match polled {
            Ok(Poll::Pending) => {
                *this.answering = Some(answering);
                return Poll::Pending;
            }
            Ok(Poll::Ready(Ok(response))) => Ok(answering.finish(response)),
            Ok(Poll::Ready(Err(err))) => Err(err),
            // The handler panicked: a 500 that says nothing of it. The
            // request went down with the handler, so the answer is an
            // error actix's server writes as it is.
            Err(_) => Err(Answered {
                response: answering.render(&Panicked),
                detail: crate::redact::Detail::new(&Panicked)
                    .to_string()
                    .into_boxed_str(),
            }
            .into()),
        };
        this.inner.set(None);
        Poll::Ready(output)
    }
}

/// `response` with the correlation id its request brought, unless it has
/// one.
fn echo_id<B>(answering: &Answering, mut response: ServiceResponse<B>) -> ServiceResponse<B> {
    if let Some(id) = &answering.given_id {
        let name = HeaderName::from_static("x-request-id");
        if !response.headers().contains_key(&name) {
            response.headers_mut().insert(name, id.clone());
        }
    }
    response
}

/// Configures actix's JSON, path, query and form extractors to reject with
/// a [`Rejection`], in the envelope: `App::configure(extractors)`. Each
/// config is also on its own ([`json_config`], [`path_config`],
/// [`query_config`], [`form_config`]) to adjust, say, the body limit.
///
/// ```
/// let app = actix_web::App::new().configure(errcodes::actix::extractors);
/// # let _ = app;
/// ```
pub fn extractors(config: &mut actix_web::web::ServiceConfig) {
    config
        .app_data(json_config())
        .app_data(path_config())
        .app_data(query_config())
        .app_data(form_config());
}

/// actix's `JsonConfig`, rejecting with a [`Rejection`]: a body that is not
/// JSON is a 400 `malformed_json` (with its line and column), JSON of the
/// wrong shape a 422 `invalid_body`, the wrong `Content-Type` a 415.
///
/// ```
/// let config = errcodes::actix::json_config().limit(64 * 1024);
/// let app = actix_web::App::new().app_data(config);
/// # let _ = app;
/// ```
#[must_use]
pub fn json_config() -> actix_web::web::JsonConfig {
    actix_web::web::JsonConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// actix's `PathConfig`, rejecting with a 400 `invalid_path`.
///
/// ```
/// let app = actix_web::App::new().app_data(errcodes::actix::path_config());
/// # let _ = app;
/// ```
#[must_use]
pub fn path_config() -> actix_web::web::PathConfig {
    actix_web::web::PathConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// actix's `QueryConfig`, rejecting with a 400 `invalid_query`.
///
/// ```
/// let app = actix_web::App::new().app_data(errcodes::actix::query_config());
/// # let _ = app;
/// ```
#[must_use]
pub fn query_config() -> actix_web::web::QueryConfig {
    actix_web::web::QueryConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// actix's `FormConfig`, rejecting with a 422 `invalid_form`, or a 415 for
/// the wrong `Content-Type`.
///
/// ```
/// let app = actix_web::App::new().app_data(errcodes::actix::form_config());
/// # let _ = app;
/// ```
#[must_use]
pub fn form_config() -> actix_web::web::FormConfig {
    actix_web::web::FormConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// A status of actix's, as errcodes' `http` 1 one.
fn status_of(status: actix_web::http::StatusCode) -> http::StatusCode {
    http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::BAD_REQUEST)
}

impl From<JsonPayloadError> for Rejection {
    fn from(err: JsonPayloadError) -> Rejection {
        match &err {
            JsonPayloadError::ContentType => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_JSON)
            }
            JsonPayloadError::Deserialize(json) => Rejection::from_json_error(json),
            _ => Rejection::body(status_of(err.status_code())),
        }
    }
}

impl From<PathError> for Rejection {
    fn from(_: PathError) -> Rejection {
        Rejection::invalid_path()
    }
}

impl From<QueryPayloadError> for Rejection {
    fn from(_: QueryPayloadError) -> Rejection {
        Rejection::invalid_query()
    }
}

impl From<UrlencodedError> for Rejection {
    fn from(err: UrlencodedError) -> Rejection {
        match &err {
            UrlencodedError::ContentType => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_FORM)
            }
            UrlencodedError::Parse(_) => {
                Rejection::invalid_form(http::StatusCode::UNPROCESSABLE_ENTITY)
            }
            _ => Rejection::body(status_of(err.status_code())),
        }
    }
}
