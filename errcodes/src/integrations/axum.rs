//! axum integration (cargo feature `axum`): errors are `IntoResponse`, and
//! [`ErrorLayer`] answers every error of a router in the envelope the
//! request asked for.
//!
//! With the feature on, `#[derive(ApiError)]` also implements
//! `axum::response::IntoResponse` for the type, so a handler returns it
//! directly; [`ApiErrors`] and [`FieldError`] implement it too. Outside an
//! [`ErrorLayer`] the response is the one [`ApiErrorExt::to_response`](crate::ApiErrorExt::to_response) builds,
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

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{ACCEPT, ALLOW, CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Method, Request};
use http_body::Body as _;

use crate::collection::{ApiErrors, FieldError};
use crate::error::ApiError;
use crate::error::Envelope;
use crate::ext::ApiErrorExt as _;
use crate::negotiate::Negotiation;
use crate::profile::Profile;
pub use crate::serve::Rejection;
use crate::serve::{self, Config, Panicked, REQUEST_ID, RouteError};

/// The response of any error: in the envelope and with the context of the
/// request an [`ErrorLayer`] is answering, else [`ApiErrorExt::to_response`](crate::ApiErrorExt::to_response).
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
        ErrorLayer {
            config: Arc::new(Config::new(profile.into())),
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
            config: Arc::new(self.config.negotiating(negotiation)),
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
            given_id: match headers.get(REQUEST_ID) {
                // The header itself, shared: no copy on the way back.
                Some(id) if serve::usable_request_id(id.as_bytes()) => Some(id.clone()),
                _ => headers
                    .get(TRACEPARENT)
                    .and_then(|t| serve::trace_id(t.as_bytes()))
                    .and_then(|id| HeaderValue::from_str(id).ok()),
            },
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
        serve::respond(
            err,
            self.envelope,
            &self.config.profile,
            self.method.as_str(),
            self.uri.path(),
            self.given_id.as_ref().and_then(|id| id.to_str().ok()),
        )
        .map(Body::from)
    }

    /// The response, finished: the router's empty 404/405 answered in the
    /// envelope, and a correlation id the request brought echoed.
    fn finish(&self, mut response: Response) -> Response {
        let status = response.status();
        let bare = serve::is_bare_route_error(
            status.as_u16(),
            || response.headers().contains_key(CONTENT_TYPE),
            || response.body().size_hint().exact() == Some(0),
        );
        if bare {
            let allow = response.headers().get(ALLOW).cloned();
            let route = RouteError {
                status,
                method: self.method.as_str(),
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
            // The handler panicked: a 500 that says nothing of it.
            Err(_) => Ok(answering.finish(answering.respond(&Panicked))),
        };
        this.inner.set(None);
        Poll::Ready(output)
    }
}

impl From<axum::extract::rejection::JsonRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Rejection {
        use axum::extract::rejection::JsonRejection as R;
        match rejection {
            R::JsonSyntaxError(e) => {
                Rejection::malformed_json(Rejection::json_position(&e.body_text()))
            }
            R::JsonDataError(e) => {
                Rejection::invalid_body(Rejection::json_position(&e.body_text()))
            }
            R::MissingJsonContentType(_) => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_JSON)
            }
            other => Rejection::body(other.status()),
        }
    }
}

impl From<axum::extract::rejection::QueryRejection> for Rejection {
    fn from(_: axum::extract::rejection::QueryRejection) -> Rejection {
        Rejection::invalid_query()
    }
}

impl From<axum::extract::rejection::PathRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::PathRejection) -> Rejection {
        use axum::extract::rejection::PathRejection as R;
        match rejection {
            R::FailedToDeserializePathParams(_) => Rejection::invalid_path(),
            _ => Rejection::path_params_missing(),
        }
    }
}

impl From<axum::extract::rejection::FormRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::FormRejection) -> Rejection {
        use axum::extract::rejection::FormRejection as R;
        match rejection {
            R::InvalidFormContentType(_) => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_FORM)
            }
            R::FailedToDeserializeForm(e) => Rejection::invalid_form(e.status()),
            R::FailedToDeserializeFormBody(e) => Rejection::invalid_form(e.status()),
            other => Rejection::body(other.status()),
        }
    }
}

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
