//! With the `tracing` feature, the axum layer logs every error it answers
//! once: a 5xx at ERROR with its whole source chain and the correlation id
//! (while the body stays redacted), a 4xx at DEBUG, or the variant's own
//! `log` level.
//!
//! A binary of its own: panics are logged at most ten a second, counted
//! process-wide, and the other suites' handlers panic too.
#![cfg(feature = "tracing")]

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::get;
use errcodes::axum::{ErrorLayer, Path};
use errcodes::{ApiError, Envelope};
use http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A cause with a cause of its own.
#[derive(Debug)]
struct Outer(std::io::Error);

impl std::fmt::Display for Outer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("query failed")
    }
}

impl std::error::Error for Outer {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api(status = 500, code = "internal")]
    Db(#[api(source)] Outer),
    #[api(status = 404, detail = "No such thing.")]
    Missing,
    #[api(status = 409, log = "warn", detail = "Conflict.")]
    Conflict,
    #[api(status = 410, log = "off", detail = "Gone.")]
    Gone,
}

async fn handler(Path(what): Path<String>) -> Result<String, AppError> {
    if what == "panic" {
        panic!("ledger 7 is inconsistent");
    }
    Err(match what.as_str() {
        "db" => AppError::Db(Outer(std::io::Error::other("db-7 password=hunter2"))),
        "conflict" => AppError::Conflict,
        "gone" => AppError::Gone,
        _ => AppError::Missing,
    })
}

/// Everything logged, as text.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// Captures everything logged on this thread until the guard drops.
    fn install() -> (Captured, tracing::subscriber::DefaultGuard) {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        (captured, tracing::subscriber::set_default(subscriber))
    }
}

/// Sends `path` with request id `rid`; returns the body and the log lines.
async fn call(path: &str, rid: &str) -> (String, Vec<String>) {
    let (captured, _guard) = Captured::install();
    let app = Router::new()
        .route("/{what}", get(handler))
        .layer(ErrorLayer::new(Envelope::Problem));
    let request = Request::get(path)
        .header("x-request-id", rid)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines = log
        .lines()
        .filter(|l| l.contains("answered with an error"))
        .map(str::to_owned)
        .collect();
    (String::from_utf8(body.to_vec()).unwrap(), lines)
}

#[tokio::test]
async fn a_server_error_is_logged_once_at_error_with_its_chain() {
    let (body, lines) = call("/db", "rid-5").await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("query failed: db-7 password=hunter2"),
        "{line}"
    );
    assert!(line.contains("request_id=\"rid-5\""), "{line}");
    assert!(line.contains("status=500"), "{line}");
    // The body stays redacted.
    assert!(
        !body.contains("hunter2") && !body.contains("query failed"),
        "{body}"
    );
}

#[tokio::test]
async fn a_panic_is_logged_with_its_message_which_the_body_never_shows() {
    let (body, lines) = call("/panic", "rid-p").await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("ERROR"), "{}", lines[0]);
    assert!(
        lines[0].contains("the handler panicked: ledger 7 is inconsistent"),
        "{}",
        lines[0]
    );
    assert!(!body.contains("ledger"), "{body}");
    assert!(
        body.contains("The server hit an unexpected condition."),
        "{body}"
    );
}

#[tokio::test]
async fn a_client_error_at_debug_and_overrides() {
    let (_, lines) = call("/missing", "rid-6").await;
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].contains("DEBUG") && lines[0].contains("status=404"),
        "{}",
        lines[0]
    );
    let (_, lines) = call("/conflict", "rid-7").await;
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("WARN"), "{}", lines[0]);
    let (_, lines) = call("/gone", "rid-8").await;
    assert!(lines.is_empty(), "{lines:?}");
}

/// The actix middleware logs through the same path: once, at the same
/// levels, with the chain and the id.
#[cfg(feature = "actix-web")]
#[test]
fn the_actix_middleware_logs_the_same() {
    use actix_web::test::{TestRequest, call_service, init_service, read_body};

    async fn actix_handler(what: actix_web::web::Path<String>) -> Result<String, AppError> {
        handler(Path(what.into_inner())).await
    }

    let (captured, _guard) = Captured::install();
    let body = actix_web::rt::System::new().block_on(async {
        let app = actix_web::App::new()
            .wrap(errcodes::actix::ErrorMiddleware::new(Envelope::Problem))
            .route("/{what}", actix_web::web::get().to(actix_handler));
        let service = init_service(app).await;
        let request = TestRequest::get()
            .uri("/db")
            .insert_header(("x-request-id", "rid-9"))
            .to_request();
        read_body(call_service(&service, request).await).await
    });
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("answered with an error"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("ERROR"), "{}", lines[0]);
    assert!(lines[0].contains("query failed: db-7 password=hunter2"));
    assert!(lines[0].contains("request_id=\"rid-9\""));
    assert!(!String::from_utf8_lossy(&body).contains("hunter2"));

    // A panic: its message in the log, not in the body.
    let (captured, _guard) = Captured::install();
    let body = actix_web::rt::System::new().block_on(async {
        let app = actix_web::App::new()
            .wrap(errcodes::actix::ErrorMiddleware::new(Envelope::Problem))
            .route("/{what}", actix_web::web::get().to(actix_handler));
        let service = init_service(app).await;
        let request = TestRequest::get().uri("/panic").to_request();
        match actix_web::test::try_call_service(&service, request).await {
            Ok(response) => read_body(response).await,
            Err(err) => {
                let response = err.error_response();
                actix_web::body::to_bytes(response.into_body())
                    .await
                    .unwrap_or_default()
            }
        }
    });
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("the handler panicked: ledger 7 is inconsistent"),
        "{log}"
    );
    assert!(!String::from_utf8_lossy(&body).contains("ledger"));
}
