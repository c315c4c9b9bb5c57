//! [`ErrorMiddleware`], its [`ErrorMiddlewareService`] and
//! [`ErrorMiddlewareFuture`]: actix's three pieces, translating between
//! actix's types (`http` 0.2) and the engine (`crate::serve`).

use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, Uri};
use actix_web::web::Bytes;

use super::{Answered, to_actix};
use crate::carried::Carried;
use crate::serve::{self, Answering, Begun, Config, Polled, Written};

serve::head!(ActixHead, Method, Uri);

serve::layer_type! {
    /// An actix-web middleware answering every error of the services it wraps
    /// in the envelope the request asked for, with the request's context and
    /// the app's [`Profile`](crate::Profile); see the [module docs](super).
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
    ErrorMiddleware, "middleware"
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
        let head = ActixHead::new(request.method(), request.uri());
        let headers = request.headers();
        let Begun { answering, refused } = Answering::begin(&self.config, head, |name| {
            headers.get_all(name).map(HeaderValue::as_bytes)
        });
        match refused {
            Some(response) => ErrorMiddlewareFuture {
                inner: None,
                answering: Some(answering),
                ready: Some(Box::new(
                    request.into_response(to_actix(&response.map(Bytes::from))),
                )),
            },
            None => ErrorMiddlewareFuture {
                inner: Some(self.inner.call(request)),
                answering: Some(answering),
                ready: None,
            },
        }
    }
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
        answering: Option<Answering<ActixHead>>,
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
        // A refused request: its answer, made before any handler ran.
        if let Some(refused) = this.ready.take()
            && let Some(answering) = this.answering.take()
        {
            return Poll::Ready(Ok(echo_id(&answering, refused.map_into_right_body())));
        }
        let Some(inner) = this.inner.as_mut().as_pin_mut() else {
            return Poll::Pending;
        };
        let polled = ready!(serve::poll_handler(this.answering, || inner.poll(cx)));
        this.inner.set(None);
        Poll::Ready(match polled {
            Polled::Ready(Ok(response), answering) => Ok(finish(&answering, response)),
            Polled::Ready(Err(err), _) => Err(err),
            // The request went down with the handler, so the answer is an
            // error actix's server writes as it is.
            Polled::Panicked(answering, payload) => Err(Answered::Written {
                response: answering.panicked(&*payload).map(Bytes::from),
                detail: crate::redact::GENERIC,
            }
            .into()),
        })
    }
}

/// The response, finished: an error answer errcodes did not write
/// (actix's empty 404/405, an extractor's text, an inner service's bare
/// 5xx) answered again in the envelope, and a correlation id the request
/// brought echoed.
fn finish<B: MessageBody>(
    answering: &Answering<ActixHead>,
    response: ServiceResponse<B>,
) -> ServiceResponse<EitherBody<B>> {
    let carried = response.response().extensions().get::<Carried>().cloned();
    if let Some(carried) = carried {
        let answer = answering.respond(carried.error());
        let (request, inner) = response.into_parts();
        let mut answered = to_actix(&answer.map(Bytes::from));
        // Headers an inner middleware added stay; the answer's own win.
        for (name, value) in inner.headers() {
            if !answered.headers().contains_key(name) {
                answered.headers_mut().append(name.clone(), value.clone());
            }
        }
        let response = ServiceResponse::new(request, answered).map_into_right_body();
        return echo_id(answering, response);
    }
    let status = response.status().as_u16();
    let answer = (status >= 400 && response.response().extensions().get::<Written>().is_none())
        .then(|| {
            let headers = response.headers();
            answering.foreign(
                status,
                || {
                    !headers.contains_key(header::CONTENT_TYPE)
                        && matches!(
                            response.response().body().size(),
                            BodySize::None | BodySize::Sized(0)
                        )
                },
                headers.get(header::ALLOW).map(HeaderValue::as_bytes),
                headers.get(header::CONTENT_TYPE).map(HeaderValue::as_bytes),
            )
        })
        .flatten();
    let response = match answer {
        Some(answer) => response
            .into_response(to_actix(&answer.map(Bytes::from)))
            .map_into_right_body(),
        None => response.map_into_left_body(),
    };
    echo_id(answering, response)
}

/// `response` with the correlation id its request brought, unless it has
/// one.
fn echo_id<B>(
    answering: &Answering<ActixHead>,
    mut response: ServiceResponse<B>,
) -> ServiceResponse<B> {
    let name = HeaderName::from_static("x-request-id");
    let echo = !response.headers().contains_key(&name);
    if let Some(id) = answering
        .given_id()
        .filter(|_| echo)
        .and_then(|id| HeaderValue::from_str(id).ok())
    {
        response.headers_mut().insert(name, id);
    }
    response
}
