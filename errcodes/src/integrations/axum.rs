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
//!   `x-request-id`, else the trace id of its `traceparent`, else a new one)
//!   becomes the JSON:API error `id` and the Problem `request_id`, and is
//!   echoed in the response's `x-request-id`;
//! * the router's own empty 404 and 405 become errors in the envelope (405
//!   keeps `Allow`), and a handler that panics answers a 500 that says
//!   nothing of the panic.
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
    let current = CURRENT.with(|c| c.borrow().clone());
    match current {
        Some(request) => request.respond(&err),
        None => err.to_response().map(Body::from),
    }
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

/// A tower layer answering every error of the services below it in the
/// envelope the request asked for, with the request's context; see the
/// [module docs](self).
///
/// ```
/// use errcodes::axum::ErrorLayer;
/// use errcodes::negotiate::Negotiation;
/// use errcodes::Envelope;
///
/// let layer = ErrorLayer::new(Envelope::Problem);
/// // Or with a negotiation of your own:
/// let lenient = ErrorLayer::with_negotiation(Negotiation::new(Envelope::JsonApi).never_refuse());
/// # let _ = (layer, lenient);
/// ```
#[derive(Clone, Debug)]
pub struct ErrorLayer {
    negotiation: Arc<Negotiation>,
}

impl ErrorLayer {
    /// Answers in `default` unless the request asks for another built-in
    /// envelope; 406 for what cannot be satisfied.
    ///
    /// ```
    /// let layer = errcodes::axum::ErrorLayer::new(errcodes::Envelope::Drf);
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn new(default: Envelope) -> ErrorLayer {
        ErrorLayer::with_negotiation(Negotiation::new(default))
    }

    /// Negotiates with `negotiation` (which envelopes are offered, whether
    /// to refuse).
    ///
    /// ```
    /// use errcodes::negotiate::Negotiation;
    /// let layer = errcodes::axum::ErrorLayer::with_negotiation(Negotiation::new(errcodes::Envelope::Problem).offering([]));
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn with_negotiation(negotiation: Negotiation) -> ErrorLayer {
        ErrorLayer {
            negotiation: Arc::new(negotiation),
        }
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            negotiation: Arc::clone(&self.negotiation),
        }
    }
}

/// The service [`ErrorLayer`] wraps around a router or handler.
#[derive(Clone, Debug)]
pub struct ErrorService<S> {
    inner: S,
    negotiation: Arc<Negotiation>,
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
        let chosen = self.negotiation.choose(text(ACCEPT));
        let refusal = self
            .negotiation
            .check_content_type(text(CONTENT_TYPE))
            .and(chosen.map(|_| ()))
            .err();
        let answering = Arc::new(Answering {
            envelope: chosen.unwrap_or_else(|_| self.negotiation.default_envelope()),
            path: request.uri().path().to_owned(),
            method: request.method().clone(),
            request_id: request_id(headers),
        });
        if let Some(refusal) = refusal {
            return ErrorFuture {
                inner: None,
                answering: Some(answering.clone()),
                ready: Some(answering.respond(&refusal)),
            };
        }
        ErrorFuture {
            inner: Some(Box::pin(self.inner.call(request))),
            answering: Some(answering),
            ready: None,
        }
    }
}

/// What the layer knows of the request it is answering.
struct Answering {
    envelope: Envelope,
    path: String,
    method: Method,
    request_id: String,
}

impl Answering {
    /// `err` answered to this request.
    fn respond(&self, err: &dyn ApiError) -> Response {
        let answered = InContext::new(err)
            .path(&self.path)
            .request_id(&self.request_id);
        answered.to_response_in(self.envelope).map(Body::from)
    }

    /// The response, finished: the router's empty 404/405 answered in the
    /// envelope, the correlation id echoed.
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
        if let Ok(value) = HeaderValue::from_str(&self.request_id) {
            response.headers_mut().insert(REQUEST_ID, value);
        }
        response
    }
}

thread_local! {
    /// The request the current thread is polling a handler for, so that
    /// `IntoResponse` answers in its envelope, with its context.
    static CURRENT: RefCell<Option<Arc<Answering>>> = const { RefCell::new(None) };
}

/// The future of [`ErrorService`]: the inner service's, polled with its
/// request current and any panic caught.
pub struct ErrorFuture<F> {
    inner: Option<Pin<Box<F>>>,
    answering: Option<Arc<Answering>>,
    ready: Option<Response>,
}

impl<F, E> Future for ErrorFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if let Some(ready) = this.ready.take() {
            let answering = this.answering.take();
            return Poll::Ready(Ok(match answering {
                Some(answering) => answering.finish(ready),
                None => ready,
            }));
        }
        let (Some(inner), Some(answering)) = (this.inner.as_mut(), this.answering.as_ref()) else {
            // Polled after completion: nothing left to give.
            return Poll::Pending;
        };
        let previous = CURRENT.with(|c| c.replace(Some(Arc::clone(answering))));
        let polled = catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx)));
        CURRENT.with(|c| *c.borrow_mut() = previous);
        let output = match polled {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(Ok(response))) => Ok(answering.finish(response)),
            Ok(Poll::Ready(Err(err))) => Err(err),
            // The handler panicked: a 500 that says nothing of it.
            Err(_) => Ok(answering.finish(answering.respond(&Panicked))),
        };
        this.inner = None;
        this.answering = None;
        Poll::Ready(output)
    }
}

/// The correlation id of a request: its `x-request-id` when that is a
/// short printable token, else the trace id of its W3C `traceparent`, else
/// a new one.
fn request_id(headers: &http::HeaderMap) -> String {
    let given = headers
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|id| !id.is_empty() && id.len() <= 128 && id.bytes().all(|b| b.is_ascii_graphic()));
    if let Some(id) = given {
        return id.to_owned();
    }
    let trace = headers
        .get("traceparent")
        .and_then(|v| v.to_str().ok())
        .and_then(|t| t.split('-').nth(1))
        .filter(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()));
    if let Some(id) = trace {
        return id.to_owned();
    }
    // Unique within the process and unlikely to repeat across restarts:
    // start time and a counter, not a secret.
    let start = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!("{start:x}-{:08x}", NEXT.fetch_add(1, Ordering::Relaxed))
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
