//! An axum service whose every failure answers in the API's error envelope:
//! `cargo run --example axum_service`, then, for instance,
//! `curl -i localhost:3000/orders/42` or
//! `curl -i -H 'accept: application/vnd.api+json' localhost:3000/nowhere`.
//!
//! It listens on `ADDR` (default `127.0.0.1:3000`), prints
//! `listening on http://<addr>` once it accepts connections, and stops
//! cleanly on Ctrl-C or SIGTERM, letting open connections finish.
//!
//! A client gets 10 s to send its request headers, and at most 1024
//! connections are served at once. Some answers come from hyper's parser
//! before any layer runs, so no envelope can reach them: a malformed
//! request line or header (400), headers too large (431), a request
//! target too long. Everything the router sees answers in the envelope.

use axum::Router;
use axum::routing::{get, post};
use errcodes::ApiErrors;
use errcodes::axum::{ErrorLayer, Json, Path};
use utoipa::OpenApi;

#[path = "shared/orders.rs"]
mod orders;
pub use orders::{NewOrder, OrderError};

/// One order.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = u64, Path, description = "The order's id")),
    responses((status = 200, description = "The order"), OrderError)
)]
async fn order(Path(id): Path<u64>) -> Result<Json<serde_json::Value>, OrderError> {
    orders::find(id).map(Json)
}

/// Places an order; every field that fails comes back at once.
#[utoipa::path(
    post,
    path = "/orders",
    request_body = NewOrder,
    responses((status = 200, description = "The order placed", body = NewOrder), ApiErrors)
)]
async fn create(Json(new): Json<NewOrder>) -> Result<Json<NewOrder>, ApiErrors> {
    orders::validate(&new)?;
    Ok(Json(new))
}

/// A handler that answers outside errcodes, as an upstream's text often
/// does: the layer answers it again in the envelope, without the text.
#[utoipa::path(
    get,
    path = "/upstream",
    responses((status = 502, description = "The upstream failed"))
)]
async fn upstream() -> (axum::http::StatusCode, &'static str) {
    (
        axum::http::StatusCode::BAD_GATEWAY,
        "upstream db-1 password=hunter2",
    )
}

/// axum's own `Json` (imported by mistake): its text/plain rejection is
/// answered again in the envelope too.
#[utoipa::path(
    post,
    path = "/raw",
    request_body = NewOrder,
    responses(
        (status = 200, description = "The order as sent, not validated"),
        (status = 400, description = "axum's own rejection: the body is not JSON"),
        (status = 415, description = "axum's own rejection: not a JSON request"),
        (status = 422, description = "axum's own rejection: the body is not a new order")
    )
)]
async fn raw(axum::Json(new): axum::Json<NewOrder>) -> Json<NewOrder> {
    Json(new)
}

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    responses((status = 200, description = "The service's OpenAPI document"))
)]
async fn openapi_json(
    axum::extract::State(doc): axum::extract::State<std::sync::Arc<String>>,
) -> ([(axum::http::header::HeaderName, &'static str); 1], String) {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        (*doc).clone(),
    )
}

/// The service's routes, as its OpenAPI document lists them.
#[derive(OpenApi)]
#[openapi(
    info(title = "Orders API", version = "1.0.0"),
    paths(order, create, upstream, raw, openapi_json)
)]
pub struct ApiDoc;

/// The service: every route, under one errcodes layer, and its OpenAPI
/// document (written from the same layer) at `/openapi.json`.
pub fn app() -> Router {
    let layer = ErrorLayer::new(orders::profile());
    let doc = layer
        .openapi(ApiDoc::openapi)
        .to_json()
        .unwrap_or_else(|_| "{}".to_owned());
    Router::new()
        .route("/orders/{id}", get(order))
        .route("/orders", post(create))
        .route("/upstream", get(upstream))
        .route("/raw", post(raw))
        .route("/openapi.json", get(openapi_json))
        .with_state(std::sync::Arc::new(doc))
        .layer(layer)
}

/// How long a client may take to send its request headers.
const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How many connections are served at once; more wait to be accepted.
const MAX_CONNECTIONS: usize = 1024;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;

    let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let app = app();
    let slots = std::sync::Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let stop = shutdown();
    tokio::pin!(stop);
    loop {
        let Ok(slot) = std::sync::Arc::clone(&slots).acquire_owned().await else {
            break;
        };
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = builder.serve_connection(TokioIo::new(stream), service).into_owned();
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                    drop(slot);
                });
            }
            () = &mut stop => break,
        }
    }
    // Open connections finish their requests, for at most 10 s.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), graceful.shutdown()).await;
    Ok(())
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
