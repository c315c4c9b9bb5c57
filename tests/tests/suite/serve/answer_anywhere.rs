//! An error reaches the client as the handler meant it, in the negotiated
//! envelope and language and with the request's context, wherever it
//! became a response under the layer: in the handler, in a task it spawned,
//! on another thread, behind a `tower::buffer::Buffer` (whose worker polls
//! the service on a task of its own), or under a middleware inside the
//! layer. The response carries the error; the layer answers it.
#![cfg(feature = "axum")]

use std::convert::Infallible;
use std::fmt::{Debug, Display};

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use errcodes::axum::ErrorLayer;
use errcodes::{ApiError, Envelope, Profile};
use http::{HeaderValue, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

#[derive(Debug, ApiError)]
#[api(envelope = "jsonapi", locales = "locales")]
enum OrderError {
    #[api(
        status = 409,
        code = "items_left",
        attr = "quantity",
        detail = "Only {count} items are left."
    )]
    ItemsLeft {
        count: u32,
        #[api(header = "Retry-After")]
        retry: u32,
    },
}

/// A generic error: it cannot move into the response as it is (the derive
/// cannot know `T: Send + Sync + 'static`), so an owned copy travels.
#[derive(Debug, ApiError)]
enum Lookup<T: Display + Debug> {
    #[api(status = 404, code = "missing", detail = "No {0} here.")]
    Missing(T),
}

fn items_left() -> OrderError {
    OrderError::ItemsLeft {
        count: 3,
        retry: 30,
    }
}

async fn in_handler() -> Result<String, OrderError> {
    Err(items_left())
}

async fn in_spawned_task() -> Response {
    tokio::spawn(async { items_left().into_response() })
        .await
        .unwrap()
}

async fn on_another_thread() -> Response {
    std::thread::spawn(|| items_left().into_response())
        .join()
        .unwrap()
}

async fn generic() -> Result<String, Lookup<String>> {
    Err(Lookup::Missing("order".to_owned()))
}

fn app() -> Router {
    let buffered = tower::buffer::Buffer::new(
        tower::service_fn(|_: Request<axum::body::Body>| async {
            Ok::<_, Infallible>(items_left().into_response())
        }),
        4,
    );
    // The buffer's own failure (its worker gone) is a bare 503.
    let buffered = axum::error_handling::HandleError::new(buffered, |_: tower::BoxError| async {
        StatusCode::SERVICE_UNAVAILABLE
    });
    let profile = Profile::new(Envelope::Problem).locales(["en", "de"]);
    Router::new()
        .route("/handler", get(in_handler))
        .route("/spawned", get(in_spawned_task))
        .route("/thread", get(on_another_thread))
        .route_service("/buffered", buffered)
        .route("/generic", get(generic))
        // A middleware inside the layer adds a header of its own to every
        // response: it stays on the answer.
        .layer(axum::middleware::map_response(
            |mut response: Response| async {
                response
                    .headers_mut()
                    .insert("x-inner", HeaderValue::from_static("kept"));
                response
            },
        ))
        .layer(ErrorLayer::new(profile))
}

async fn send(path: &str, accept: &str, language: &str) -> (StatusCode, http::HeaderMap, Value) {
    let request = Request::get(path)
        .header("accept", accept)
        .header("accept-language", language)
        .header("x-request-id", "req-1")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        serde_json::from_slice(&bytes).unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_answer_does_not_depend_on_where_the_response_was_made() {
    for path in ["/handler", "/spawned", "/thread", "/buffered"] {
        let (status, headers, body) = send(path, "application/problem+json", "de").await;
        assert_eq!(status, StatusCode::CONFLICT, "{path}");
        assert_eq!(
            headers["content-type"], "application/problem+json",
            "{path}"
        );
        assert_eq!(headers["content-language"], "de", "{path}");
        assert_eq!(headers["x-request-id"], "req-1", "{path}");
        assert_eq!(headers["retry-after"], "30", "{path}");
        assert_eq!(headers["x-inner"], "kept", "{path}");
        assert_eq!(
            body,
            json!({
                "type": "about:blank",
                "title": "Konflikt",
                "status": 409,
                "detail": "Nur noch 3 Artikel sind übrig.",
                "instance": path,
                "code": "items_left",
                "request_id": "req-1",
                "errors": [{"detail": "Nur noch 3 Artikel sind übrig.", "pointer": "#/quantity", "code": "items_left"}]
            }),
            "{path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_place_answers_in_the_envelope_the_request_asked_for() {
    for path in ["/handler", "/spawned", "/thread", "/buffered"] {
        let (_, headers, body) = send(path, "application/vnd.api+json", "en").await;
        assert_eq!(
            headers["content-type"], "application/vnd.api+json",
            "{path}"
        );
        let error = &body["errors"][0];
        assert_eq!(error["code"], "items_left", "{path}");
        assert_eq!(error["detail"], "Only 3 items are left.", "{path}");
        assert_eq!(error["id"], "req-1", "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generic_error_travels_as_a_copy_and_answers_the_same() {
    let (status, headers, body) = send("/generic", "application/problem+json", "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers["x-request-id"], "req-1");
    assert_eq!(body["code"], "missing");
    assert_eq!(body["detail"], "No order here.");
    assert_eq!(body["instance"], "/generic");
}

#[tokio::test]
async fn without_a_layer_the_response_is_the_error_in_its_own_envelope() {
    let response = items_left().into_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.api+json"
    );
    let hint = http_body::Body::size_hint(response.body()).exact();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    // The length is known before the body is read: a `Content-Length`.
    assert_eq!(hint, Some(bytes.len() as u64));
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(body["errors"][0]["detail"], "Only 3 items are left.");
    assert_eq!(body["errors"][0]["status"], "409");
}
