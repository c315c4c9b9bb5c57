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
use actix_web::{web, App, HttpServer};
use errcodes::actix::ErrorMiddleware;
use errcodes::{ApiErrors, Envelope};

#[path = "shared/orders.rs"]
mod orders;
pub use orders::{NewOrder, OrderError};

async fn order(id: web::Path<u64>) -> Result<web::Json<serde_json::Value>, OrderError> {
    orders::find(id.into_inner()).map(web::Json)
}

/// errcodes' `Json`: a member of the wrong type is named in the answer.
async fn create(
    errcodes::actix::Json(new): errcodes::actix::Json<NewOrder>,
) -> Result<web::Json<NewOrder>, ApiErrors> {
    orders::validate(&new)?;
    Ok(web::Json(new))
}

/// A handler that answers outside errcodes, as an upstream's text often
/// does: the middleware answers it again in the envelope, without the text.
async fn upstream() -> actix_web::HttpResponse {
    actix_web::HttpResponse::BadGateway().body("upstream db-1 password=hunter2")
}

async fn raw(new: web::Json<NewOrder>) -> web::Json<NewOrder> {
    new
}

/// The app: every route, under one errcodes middleware, with actix's
/// extractors rejecting in the envelope.
pub fn app() -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .wrap(ErrorMiddleware::new(Envelope::Problem))
        .configure(errcodes::actix::extractors)
        .service(web::resource("/orders/{id}").route(web::get().to(order)))
        .service(web::resource("/orders").route(web::post().to(create)))
        .service(web::resource("/upstream").route(web::get().to(upstream)))
        // actix's own JSON config on this route (its text/plain errors):
        // answered again in the envelope too.
        .service(
            web::resource("/raw")
                .app_data(web::JsonConfig::default())
                .route(web::post().to(raw)),
        )
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
