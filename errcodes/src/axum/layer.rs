//! [`ErrorLayer`], its [`ErrorService`] and [`ErrorFuture`]: tower's three
//! pieces, translating between axum's types and the engine (`crate::serve`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use axum_core::body::Body;
use axum_core::response::Response;
use http::header::{ALLOW, CONTENT_TYPE};
use http::{HeaderValue, Method, Request, Uri};
use http_body::Body as _;

use crate::carried::Carried;
use crate::serve::{self, Answering, Begun, Config, Polled, REQUEST_ID, Written};

serve::head!(AxumHead, Method, Uri);

serve::layer_type! {
    /// A tower layer answering every error of the services below it in the
    /// envelope the request asked for, with the request's context and the
    /// app's [`Profile`](crate::Profile); see the [module docs](super).
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
    ErrorLayer, "layer"
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
        let head = AxumHead::new(request.method(), request.uri());
        let headers = request.headers();
        let Begun { answering, refused } = Answering::begin(&self.config, head, |name| {
            headers.get_all(name).into_iter().map(HeaderValue::as_bytes)
        });
        let inner = refused.is_none().then(|| self.inner.call(request));
        ErrorFuture {
            inner,
            answering: Some(answering),
            ready: refused.map(|response| Box::new(response.map(Body::from))),
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`ErrorService`]: the inner service's, any panic
    /// caught, its response finished for the request.
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
        answering: Option<Answering<AxumHead>>,
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
        // A refused request: its answer, made before any handler ran.
        if let Some(refused) = this.ready.take()
            && let Some(answering) = this.answering.take()
        {
            return Poll::Ready(Ok(finish(&answering, *refused)));
        }
        let Some(inner) = this.inner.as_mut().as_pin_mut() else {
            return Poll::Pending;
        };
        let output = match ready!(serve::poll_handler(this.answering, || inner.poll(cx))) {
            Polled::Ready(Ok(response), answering) => Ok(finish(&answering, response)),
            Polled::Ready(Err(err), _) => Err(err),
            Polled::Panicked(answering, payload) => Ok(finish(
                &answering,
                answering.panicked(&*payload).map(Body::from),
            )),
        };
        this.inner.set(None);
        Poll::Ready(output)
    }
}

/// The response, finished: the error it carries answered to the request;
/// an error answer errcodes did not write (the router's empty 404/405, an
/// extractor's text, an inner service's bare 5xx) answered again in the
/// envelope; and a correlation id the request brought echoed.
fn finish(answering: &Answering<AxumHead>, mut response: Response) -> Response {
    if let Some(carried) = response.extensions_mut().remove::<Carried>() {
        // The answer goes into the response's own head and body.
        let (mut parts, body) = response.into_parts();
        answering.respond_carried(&carried, &mut parts);
        response = Response::from_parts(parts, body);
    }
    let status = response.status().as_u16();
    if status >= 400 && response.extensions().get::<Written>().is_none() {
        let headers = response.headers();
        let answer = answering.foreign(
            status,
            || {
                !headers.contains_key(CONTENT_TYPE)
                    && response.body().size_hint().exact() == Some(0)
            },
            headers.get(ALLOW).map(HeaderValue::as_bytes),
            headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes),
        );
        if let Some(answer) = answer {
            response = answer.map(Body::from);
        }
    }
    if let Some(id) = answering
        .given_id()
        .and_then(|id| HeaderValue::from_str(id).ok())
    {
        response.headers_mut().entry(REQUEST_ID).or_insert(id);
    }
    response
}
