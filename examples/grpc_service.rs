//! One error enum served over HTTP and gRPC from one listener:
//! `cargo run --example grpc_service`. The orders API's errors
//! (`examples/shared/orders.rs`) answer `GET /orders/{id}` and
//! `POST /orders` under axum and `errcodes::axum::ErrorLayer`, and the gRPC
//! methods `orders.v1.Orders/GetOrder` and `orders.v1.Orders/CreateOrder`
//! under tonic and `errcodes::tonic::ErrorLayer`, from the same
//! declaration: a 404 is `NOT_FOUND` with the same code as `reason`, the
//! collection of field errors an `INVALID_ARGUMENT` with one field
//! violation each, the throttled 429 a `RESOURCE_EXHAUSTED` with its
//! `RetryInfo`, the database's 500 an `INTERNAL` that says nothing of it.
//!
//! The same methods answer Connect's unary protocol at the same paths
//! (`POST` with `application/json` or `application/proto`), their errors in
//! Connect's envelope.
//!
//! HTTP/1.1 and HTTP/2 (gRPC's, in cleartext) share the port; it listens
//! on `ADDR` (default `127.0.0.1:3001`) and prints `listening on
//! http://<addr>`. The protobuf messages are written with prost's derive,
//! so no `protoc` is needed; `examples/orders.proto` is the same schema for
//! clients that read one, e.g.
//! `grpcurl -plaintext -proto examples/orders.proto -d '{"id": 7}' 127.0.0.1:3001 orders.v1.Orders/GetOrder`
//! or, over Connect,
//! `curl -H 'content-type: application/json' -d '{"id": 7}' localhost:3001/orders.v1.Orders/GetOrder`.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use errcodes::axum::{Json, Path};
use errcodes::negotiate::Negotiation;
use errcodes::{ApiErrors, Envelope};
use tower::Layer as _;

#[path = "shared/orders.rs"]
mod orders;
pub use orders::{NewOrder, OrderError};

/// `orders.v1.GetOrderRequest`.
#[derive(Clone, PartialEq, prost::Message, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct GetOrderRequest {
    #[prost(uint64, tag = "1")]
    #[serde(with = "proto_json_u64")]
    pub id: u64,
}

/// `orders.v1.CreateOrderRequest`.
#[derive(Clone, PartialEq, prost::Message, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CreateOrderRequest {
    #[prost(string, tag = "1")]
    pub email: String,
    #[prost(string, tag = "2")]
    pub name: String,
    #[prost(uint32, tag = "3")]
    pub quantity: u32,
}

/// `orders.v1.Order`.
#[derive(Clone, PartialEq, prost::Message, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct Order {
    #[prost(uint64, tag = "1")]
    #[serde(with = "proto_json_u64")]
    pub id: u64,
    #[prost(string, tag = "2")]
    pub status: String,
}

/// A `uint64` in protobuf's JSON mapping: written as a string, read from a
/// string or a number (Connect clients send `"7"`).
mod proto_json_u64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Number(u64),
            Text(String),
        }
        match Either::deserialize(deserializer)? {
            Either::Number(n) => Ok(n),
            Either::Text(text) => text.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// The gRPC service's path prefix.
pub const SERVICE: &str = "/orders.v1.Orders/";

/// `GetOrder`: the same lookup as `GET /orders/{id}`.
fn get_order(request: &GetOrderRequest) -> Result<Order, OrderError> {
    let order = orders::find(request.id)?;
    Ok(Order {
        id: request.id,
        status: order["status"].as_str().unwrap_or_default().to_owned(),
    })
}

/// `CreateOrder`: the same validation as `POST /orders`, every field that
/// fails in one error.
fn create_order(request: &CreateOrderRequest) -> Result<Order, ApiErrors> {
    orders::validate(&NewOrder {
        email: request.email.clone(),
        name: request.name.clone(),
        quantity: request.quantity,
    })?;
    Ok(Order {
        id: 2,
        status: "placed".to_owned(),
    })
}

/// What a Connect request to this service can fail with before a method
/// runs. Connect calls an unknown procedure `unimplemented`, which no HTTP
/// status says: the variant names it.
#[derive(Debug, errcodes::ApiError)]
pub enum CallError {
    /// The path names no method of the service.
    #[api(
        status = 404,
        code = "unknown_method",
        rpc_code = "UNIMPLEMENTED",
        detail = "orders.v1.Orders has no method {0}."
    )]
    UnknownMethod(String),
    /// The body is not the method's request message.
    #[api(
        status = 400,
        code = "malformed_message",
        detail = "The request is not a {0} message."
    )]
    Malformed(&'static str),
}

/// A gRPC server for one method's request and response messages.
fn grpc<Q, P>() -> tonic::server::Grpc<tonic_prost::ProstCodec<P, Q>>
where
    Q: prost::Message + Default + Send + 'static,
    P: prost::Message + Default + Send + 'static,
{
    tonic::server::Grpc::new(tonic_prost::ProstCodec::default())
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// One unary method, as tonic's generated code writes it.
struct Unary<M>(fn(&M) -> Result<Order, tonic::Status>);

impl<M: Send + 'static> tonic::server::UnaryService<M> for Unary<M> {
    type Response = Order;
    type Future = BoxFuture<Result<tonic::Response<Order>, tonic::Status>>;

    fn call(&mut self, request: tonic::Request<M>) -> Self::Future {
        let method = self.0;
        Box::pin(async move { method(request.get_ref()).map(tonic::Response::new) })
    }
}

/// The `orders.v1.Orders` service: a tower service over HTTP/2 requests,
/// dispatching by path to its methods (what `tonic-build` would generate).
#[derive(Clone, Copy, Debug, Default)]
pub struct OrdersService;

impl<B> tower::Service<http::Request<B>> for OrdersService
where
    B: http_body::Body + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>> + Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let method = request
            .uri()
            .path()
            .strip_prefix(SERVICE)
            .unwrap_or_default()
            .to_owned();
        Box::pin(async move {
            Ok(match method.as_str() {
                // An error converts into a `tonic::Status` with `?` (or `into`).
                "GetOrder" => {
                    let method = Unary(|r| Ok(get_order(r)?));
                    grpc().unary(method, request).await
                }
                "CreateOrder" => {
                    let method = Unary(|r| Ok(create_order(r)?));
                    grpc().unary(method, request).await
                }
                _ => tonic::Status::unimplemented(format!("no method {method}")).into_http(),
            })
        })
    }
}

/// `GET /orders/{id}`.
async fn order(Path(id): Path<u64>) -> Result<Json<serde_json::Value>, OrderError> {
    orders::find(id).map(Json)
}

/// `POST /orders`.
async fn create(Json(new): Json<NewOrder>) -> Result<Json<NewOrder>, ApiErrors> {
    orders::validate(&new)?;
    Ok(Json(new))
}

/// Connect's unary protocol at the gRPC paths: a `POST` of the request
/// message as JSON (`application/json`) or protobuf (`application/proto`),
/// answered with the response message, or with the error in Connect's
/// envelope (the layer around it offers no other).
async fn connect(
    uri: http::Uri,
    headers: http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::response::Response {
    // (The method is read from the path itself: the request reached this
    // router through the outer one, whose route already took the path's
    // parameters.)
    let method = uri
        .path()
        .strip_prefix(SERVICE)
        .unwrap_or_default()
        .to_owned();
    let proto = headers
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/proto"));
    match method.as_str() {
        "GetOrder" => match read::<GetOrderRequest>("GetOrderRequest", proto, &body) {
            Ok(request) => reply(proto, get_order(&request)),
            Err(call) => call.into_response(),
        },
        "CreateOrder" => match read::<CreateOrderRequest>("CreateOrderRequest", proto, &body) {
            Ok(request) => reply(proto, create_order(&request)),
            Err(call) => call.into_response(),
        },
        _ => CallError::UnknownMethod(method).into_response(),
    }
}

/// A method's result as Connect answers it: the message in the request's
/// encoding, or the error (which the layer writes in Connect's envelope).
fn reply<E: IntoResponse>(proto: bool, result: Result<Order, E>) -> axum::response::Response {
    match result {
        Err(err) => err.into_response(),
        Ok(order) if proto => (
            [(http::header::CONTENT_TYPE, "application/proto")],
            prost::Message::encode_to_vec(&order),
        )
            .into_response(),
        Ok(order) => axum::Json(order).into_response(),
    }
}

/// The request message `M` (named `name`), from protobuf or JSON.
fn read<M: prost::Message + Default + serde::de::DeserializeOwned>(
    name: &'static str,
    proto: bool,
    body: &[u8],
) -> Result<M, CallError> {
    if proto {
        M::decode(body).map_err(|_| CallError::Malformed(name))
    } else if body.is_empty() {
        Ok(M::default())
    } else {
        serde_json::from_slice(body).map_err(|_| CallError::Malformed(name))
    }
}

/// Both protocols in one router: requests to the service's paths go to
/// tonic (`application/grpc`, under `errcodes::tonic::ErrorLayer`) or to
/// the Connect handler (under an `errcodes::axum::ErrorLayer` that answers
/// in Connect's envelope); everything else (unknown routes included) to the
/// HTTP routes under their own `errcodes::axum::ErrorLayer`. Each layer
/// sees only its own protocol.
pub fn app() -> Router {
    use tower::ServiceExt as _;

    let http = Router::new()
        .route("/orders/{id}", get(order))
        .route("/orders", post(create))
        .layer(errcodes::axum::ErrorLayer::new(orders::profile()));
    let path = format!("{SERVICE}{{method}}");
    let connect = Router::new().route(&path, post(connect)).layer(
        errcodes::axum::ErrorLayer::new(orders::profile()).negotiation(
            Negotiation::new(Envelope::Connect)
                .offering([])
                .never_refuse(),
        ),
    );
    let grpc = errcodes::tonic::ErrorLayer::new(orders::profile()).layer(OrdersService);
    let rpc = tower::service_fn(move |request: http::Request<axum::body::Body>| {
        let is_grpc = request
            .headers()
            .get(http::header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/grpc"));
        let (grpc, connect) = (grpc.clone(), connect.clone());
        async move {
            if is_grpc {
                let response = grpc.oneshot(request).await?;
                Ok(response.map(axum::body::Body::new))
            } else {
                connect.oneshot(request).await
            }
        }
    });
    Router::new()
        .route_service(&path, rpc)
        .fallback_service(http)
}

/// Serves [`app`] on `listener`, HTTP/1.1 and cleartext HTTP/2 alike,
/// until `stop` resolves; open connections then finish their requests.
pub async fn serve(listener: tokio::net::TcpListener, stop: impl Future<Output = ()>) {
    use hyper_util::rt::{TokioExecutor, TokioIo};
    use hyper_util::server::conn::auto::Builder;

    let app = app();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let builder = Builder::new(TokioExecutor::new());
    tokio::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = builder.serve_connection(TokioIo::new(stream), service).into_owned();
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            () = &mut stop => break,
        }
    }
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), graceful.shutdown()).await;
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3001".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(listener, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}
