//! [`ErrorLayer`], its [`ErrorService`] and [`ErrorFuture`]: the gRPC
//! counterpart of the HTTP layers, on tower's traits, for a tonic server
//! (`Server::builder().layer(...)`) or tonic's routes in an axum router.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use http::{HeaderValue, Method, Request, Response, Uri};

use super::{Traveling, to_tonic};
use crate::rpc::{self, Code};
use crate::serve::{self, Answering, Config, Foreign, Polled, REQUEST_ID};

serve::head!(GrpcHead, Method, Uri);

/// A tower layer that answers every gRPC error of the services below it
/// with the request's context and the app's [`Profile`](crate::Profile):
///
/// * a status made by errcodes (`tonic::Status::from(err)`, `?` in a
///   handler) is written again for the request: its correlation id (the
///   request's `x-request-id`, else the trace id of its `traceparent`, else
///   a new one; in the response's `x-request-id` and the `ErrorInfo`'s
///   metadata), the profile's `type_base` and `domain`, and, with
///   catalogs, the language its `accept-language` asked for (a
///   `LocalizedMessage`);
/// * a handler that panics is answered `INTERNAL` with the generic text,
///   and the panic is logged once (feature `tracing`), never sent;
/// * a status from outside errcodes whose code is of the 5xx class
///   (`INTERNAL`, `UNKNOWN`, `DATA_LOSS`, `UNAVAILABLE`, ...) keeps its
///   code and loses its message, unless the layer keeps foreign errors;
/// * each status it answers again is logged as the HTTP layers log their
///   answers (feature `tracing`); a foreign client-error status passes as
///   the service wrote it.
///
/// Errors a streaming response sends in its trailers are the service's.
///
/// ```
/// use errcodes::tonic::ErrorLayer;
/// use errcodes::{Envelope, Profile};
///
/// let layer = ErrorLayer::new(Profile::new(Envelope::Aip193).type_base("https://errors.example.com/"));
/// // tonic::transport::Server::builder().layer(layer).add_service(...)
/// # let _ = layer;
/// ```
#[derive(Clone, Debug)]
pub struct ErrorLayer {
    config: Arc<Config>,
}

impl ErrorLayer {
    /// A layer answering with `profile` (an [`Envelope`](crate::Envelope)
    /// converts into one; the envelope itself plays no part in gRPC).
    ///
    /// ```
    /// let layer = errcodes::tonic::ErrorLayer::new(errcodes::Envelope::Aip193);
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn new(profile: impl Into<crate::Profile>) -> ErrorLayer {
        ErrorLayer {
            config: Config::new(profile.into()),
        }
    }

    /// Leaves statuses from outside errcodes as they are, 5xx-class ones
    /// included (their messages reach clients).
    ///
    /// ```
    /// let layer = errcodes::tonic::ErrorLayer::new(errcodes::Envelope::Aip193).keep_foreign_errors();
    /// # let _ = layer;
    /// ```
    #[must_use]
    pub fn keep_foreign_errors(self) -> ErrorLayer {
        ErrorLayer {
            config: self.config.keeping_foreign(),
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

/// The service [`ErrorLayer`] wraps around a tonic service or router.
///
/// ```
/// use errcodes::tonic::{ErrorLayer, ErrorService};
/// use tower_layer::Layer;
///
/// let service: ErrorService<()> = ErrorLayer::new(errcodes::Envelope::Aip193).layer(());
/// # let _ = service;
/// ```
#[derive(Clone, Debug)]
pub struct ErrorService<S> {
    inner: S,
    config: Arc<Config>,
}

impl<S, B, R> tower_service::Service<Request<B>> for ErrorService<S>
where
    S: tower_service::Service<Request<B>, Response = Response<R>>,
    R: Default,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = ErrorFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let head = GrpcHead::new(request.method(), request.uri());
        let headers = request.headers();
        let answering = Answering::for_rpc(&self.config, head, |name| {
            headers.get_all(name).into_iter().map(HeaderValue::as_bytes)
        });
        ErrorFuture {
            inner: Some(self.inner.call(request)),
            answering: Some(answering),
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`ErrorService`]: the inner service's, a panic
    /// caught, its status answered for the request.
    ///
    /// ```
    /// use errcodes::tonic::{ErrorFuture, ErrorLayer};
    /// use tower_layer::Layer;
    /// use tower_service::Service;
    ///
    /// # #[derive(Clone)] struct Ok;
    /// # impl Service<http::Request<()>> for Ok {
    /// #     type Response = http::Response<()>; type Error = std::convert::Infallible;
    /// #     type Future = std::future::Ready<Result<http::Response<()>, std::convert::Infallible>>;
    /// #     fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Self::Error>> { std::task::Poll::Ready(Result::Ok(())) }
    /// #     fn call(&mut self, _: http::Request<()>) -> Self::Future { std::future::ready(Result::Ok(http::Response::new(()))) }
    /// # }
    /// let mut service = ErrorLayer::new(errcodes::Envelope::Aip193).layer(Ok);
    /// let future: ErrorFuture<_> = service.call(http::Request::new(()));
    /// # let _ = future;
    /// ```
    pub struct ErrorFuture<F> {
        #[pin]
        inner: Option<F>,
        answering: Option<Answering<GrpcHead>>,
    }
}

impl<F, R, E> Future for ErrorFuture<F>
where
    F: Future<Output = Result<Response<R>, E>>,
    R: Default,
{
    type Output = Result<Response<R>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let Some(inner) = this.inner.as_mut().as_pin_mut() else {
            return Poll::Pending;
        };
        let output = match ready!(serve::poll_handler(this.answering, || inner.poll(cx))) {
            Polled::Ready(Ok(response), answering) => Ok(finish(&answering, response)),
            Polled::Ready(Err(err), _) => Err(err),
            Polled::Panicked(answering, payload) => {
                let (mut parts, body) = Response::new(R::default()).into_parts();
                parts.headers.insert(
                    http::header::CONTENT_TYPE,
                    const { HeaderValue::from_static("application/grpc") },
                );
                let (status, id) = answering.rpc_panicked(&*payload);
                write(&mut parts, status, &id);
                Ok(Response::from_parts(parts, body))
            }
        };
        this.inner.set(None);
        Poll::Ready(output)
    }
}

/// The response, finished: the errcodes status it carries written again
/// for the request, a foreign 5xx-class status without its message, the
/// correlation id echoed.
fn finish<R>(answering: &Answering<GrpcHead>, response: Response<R>) -> Response<R> {
    let (mut parts, body) = response.into_parts();
    let carried = parts.extensions.remove::<::tonic::Status>();
    let code = carried
        .as_ref()
        .map(|s| s.code() as i32)
        .or_else(|| {
            let header = parts.headers.get("grpc-status")?;
            header.to_str().ok()?.parse().ok()
        })
        .and_then(Code::from_number)
        .filter(|c| *c != Code::Ok);
    let traveling = carried
        .as_ref()
        .and_then(|s| std::error::Error::source(s))
        .and_then(|source| source.downcast_ref::<Traveling>());
    let answer = match (code, traveling) {
        (Some(_), Some(traveling)) => Some(answering.rpc_status(&traveling.0, true)),
        (Some(code), None)
            if code.http_status().is_server_error() && answering.converts_foreign() =>
        {
            Some(answering.rpc_status(&Foreign::rpc(code), true))
        }
        // A success, or a client error of the service's own, as written.
        _ => None,
    };
    if let Some((status, id)) = answer {
        write(&mut parts, status, &id);
    } else {
        if let Some(carried) = carried {
            parts.extensions.insert(carried);
        }
        if let Some(id) = answering
            .given_id()
            .and_then(|id| HeaderValue::from_str(id).ok())
        {
            parts.headers.insert(REQUEST_ID, id);
        }
    }
    Response::from_parts(parts, body)
}

/// `status` into the response head `parts`: `grpc-status`,
/// `grpc-message`, `grpc-status-details-bin` (as tonic writes them), the
/// correlation id, and the status in the extensions.
fn write(parts: &mut http::response::Parts, status: rpc::Status, id: &str) {
    let status = to_tonic(status);
    for name in ["grpc-status", "grpc-message", "grpc-status-details-bin"] {
        parts.headers.remove(name);
    }
    // tonic refuses only a message it cannot encode, which a rendered
    // one never is; the status code is set either way.
    let _ = status.add_header(&mut parts.headers);
    if let Ok(id) = HeaderValue::from_str(id) {
        parts.headers.insert(REQUEST_ID, id);
    }
    parts.extensions.insert(status);
}
