//! An axum service whose every failure answers in the API's error envelope:
//! `cargo run --example axum_service`, then, for instance,
//! `curl -i localhost:3000/orders/42` or
//! `curl -i -H 'accept: application/vnd.api+json' localhost:3000/nowhere`.
//!
//! It listens on `ADDR` (default `127.0.0.1:3000`), prints
//! `listening on http://<addr>` once it accepts connections, and stops
//! cleanly on Ctrl-C or SIGTERM.

use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;
use errcodes::axum::{ErrorLayer, Json, Path};
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

async fn order(Path(id): Path<u64>) -> Result<Json<serde_json::Value>, OrderError> {
    match id {
        1 => Ok(Json(serde_json::json!({"id": 1, "status": "shipped"}))),
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

async fn create(Json(new): Json<NewOrder>) -> Result<Json<NewOrder>, ApiErrors> {
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
    Ok(Json(new))
}

/// The service: every route, under one errcodes layer.
pub fn app() -> Router {
    Router::new()
        .route("/orders/{id}", get(order))
        .route("/orders", post(create))
        .layer(ErrorLayer::new(Envelope::Problem))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app())
        .with_graceful_shutdown(shutdown())
        .await
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
