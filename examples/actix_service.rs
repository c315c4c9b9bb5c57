//! An actix-web service whose every failure answers in the API's error
//! envelope: `cargo run -p errcodes-examples --features actix-web --example
//! actix_service`, then, for instance, `curl -i localhost:3000/orders/42` or
//! `curl -i -H 'accept: application/vnd.api+json' localhost:3000/nowhere`.
//!
//! It listens on `ADDR` (default `127.0.0.1:3000`), prints
//! `listening on http://<addr>` once it accepts connections, and stops
//! cleanly on Ctrl-C or SIGTERM (actix's server handles both).

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App, HttpServer};
use errcodes::actix::ErrorMiddleware;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError};

/// The errors of the orders API, declared once.
#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
pub enum OrderError {
    /// No such order.
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {0} exists."
    )]
    NotFound(u64),
    /// Too many requests: come back later.
    #[api(
        status = 429,
        code = "throttled",
        detail = "Too many requests; retry later."
    )]
    Throttled {
        /// How long to wait.
        #[api(header = "Retry-After")]
        wait: Duration,
    },
    /// The database failed; its text never reaches the client.
    #[api(status = 500, code = "internal")]
    Database(#[api(from)] std::io::Error),
}

/// A new order, as the client sends it.
#[derive(serde::Deserialize, serde::Serialize)]
pub struct NewOrder {
    /// The buyer's e-mail address.
    pub email: String,
    /// The buyer's name.
    pub name: String,
    /// How many items.
    pub quantity: u32,
}

async fn order(id: web::Path<u64>) -> Result<web::Json<serde_json::Value>, OrderError> {
    match id.into_inner() {
        1 => Ok(web::Json(serde_json::json!({"id": 1, "status": "shipped"}))),
        429 => Err(OrderError::Throttled {
            wait: Duration::from_secs(30),
        }),
        500 => Err(std::io::Error::other(
            "connection to db-primary:5432 refused",
        ))?,
        666 => panic!("order 666 cannot be rendered"),
        id => Err(OrderError::NotFound(id)),
    }
}

async fn create(new: web::Json<NewOrder>) -> Result<web::Json<NewOrder>, ApiErrors> {
    let mut errors = ApiErrors::builder();
    if !new.email.contains('@') {
        errors.push(FieldError::new(
            "email",
            "invalid",
            "Enter a valid email address.",
        ));
    }
    if new.name.trim().is_empty() {
        errors.push(FieldError::new(
            "name",
            "required",
            "This field is required.",
        ));
    }
    if new.quantity == 0 {
        errors.push(FieldError::new(
            "quantity",
            "min_value",
            "Ensure this value is at least 1.",
        ));
    }
    errors.finish()?;
    Ok(new)
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
}

fn main() -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async {
        let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
        let server = HttpServer::new(app).bind(&addr)?;
        // Bound: the listener already accepts connections.
        if let Some(bound) = server.addrs().first() {
            println!("listening on http://{bound}");
        }
        server.run().await
    })
}
