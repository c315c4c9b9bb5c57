//! An actix-web service whose every failure answers in the API's error
//! envelope: `cargo run --example actix_service`, then, for instance,
//! `curl -i localhost:3000/orders/42` or
//! `curl -i -H 'accept: application/vnd.api+json' localhost:3000/nowhere`.
//!
//! It listens on `ADDR` (default `127.0.0.1:3000`), prints
//! `listening on http://<addr>` once it accepts connections, and stops
//! cleanly on Ctrl-C or SIGTERM (actix's server handles both).
//!
//! A client gets 5 s to send its request headers, and at most 1024
//! connections are served at once. Some answers come from actix's parser
//! before any middleware runs, so no envelope can reach them: a malformed
//! request (400), headers too large (431), a request that times out
//! (408). Everything the app's services see answers in the envelope.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpServer, web};
use errcodes::ApiErrors;
use errcodes::actix::ErrorMiddleware;
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
async fn order(id: web::Path<u64>) -> Result<web::Json<serde_json::Value>, OrderError> {
    orders::find(id.into_inner()).map(web::Json)
}

/// Places an order with errcodes' `Json`: a member of the wrong type is
/// named in the answer.
#[utoipa::path(
    post,
    path = "/orders",
    request_body = NewOrder,
    responses((status = 200, description = "The order placed", body = NewOrder), ApiErrors)
)]
async fn create(
    errcodes::actix::Json(new): errcodes::actix::Json<NewOrder>,
) -> Result<web::Json<NewOrder>, ApiErrors> {
    orders::validate(&new)?;
    Ok(web::Json(new))
}

/// A handler that answers outside errcodes, as an upstream's text often
/// does: the middleware answers it again in the envelope, without the text.
#[utoipa::path(
    get,
    path = "/upstream",
    responses((status = 502, description = "The upstream failed"))
)]
async fn upstream() -> actix_web::HttpResponse {
    actix_web::HttpResponse::BadGateway().body("upstream db-1 password=hunter2")
}

/// actix's own JSON config on this route (its text/plain errors):
/// answered again in the envelope too.
#[utoipa::path(
    post,
    path = "/raw",
    request_body = NewOrder,
    responses(
        (status = 200, description = "The order as sent, not validated"),
        (status = 400, description = "actix's own rejection: the body is not a new order"),
        (status = 413, description = "actix's own rejection: the body is too large"),
        (status = 415, description = "actix's own rejection: not a JSON request")
    )
)]
async fn raw(new: web::Json<NewOrder>) -> web::Json<NewOrder> {
    new
}

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    responses((status = 200, description = "The service's OpenAPI document"))
)]
async fn openapi_json(doc: web::Data<String>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(doc.get_ref().clone())
}

/// The service's routes, as its OpenAPI document lists them.
#[derive(OpenApi)]
#[openapi(
    info(title = "Orders API", version = "1.0.0"),
    paths(order, create, upstream, raw, openapi_json)
)]
pub struct ApiDoc;

/// The app: every route, under one errcodes middleware, with actix's
/// extractors rejecting in the envelope, and its OpenAPI document
/// (written from the same middleware) at `/openapi.json`.
pub fn app() -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let middleware = ErrorMiddleware::new(orders::profile());
    let doc = middleware
        .openapi(ApiDoc::openapi)
        .to_json()
        .unwrap_or_else(|_| "{}".to_owned());
    App::new()
        .wrap(middleware)
        .app_data(web::Data::new(doc))
        .configure(errcodes::actix::extractors)
        .service(web::resource("/orders/{id}").route(web::get().to(order)))
        .service(web::resource("/orders").route(web::post().to(create)))
        .service(web::resource("/upstream").route(web::get().to(upstream)))
        .service(
            web::resource("/raw")
                .app_data(web::JsonConfig::default())
                .route(web::post().to(raw)),
        )
        .service(web::resource("/openapi.json").route(web::get().to(openapi_json)))
}

fn main() -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async {
        let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
        // A client gets 5 s to send its request headers (actix's own
        // timeout, set here so it is seen), at most 1024 connections at once.
        let server = HttpServer::new(app)
            .client_request_timeout(std::time::Duration::from_secs(5))
            .max_connections(1024)
            .bind(&addr)?;
        // Bound: the listener already accepts connections.
        if let Some(bound) = server.addrs().first() {
            println!("listening on http://{bound}");
        }
        server.run().await
    })
}
