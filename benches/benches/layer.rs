//! The axum layer's overhead: the same router with and without
//! `errcodes::axum::ErrorLayer`, driven in process with tower's `oneshot`,
//! for a success and for an error; and an errcodes error against the
//! hand-written `(StatusCode, Json(json!(...)))` axum users write today.
//! Run with `cargo bench -p errcodes-benches --bench layer`; results are in
//! BENCHMARKS.md.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use divan::{black_box, Bencher};
use errcodes::axum::ErrorLayer;
use errcodes::{ApiError, Envelope};
use tower::ServiceExt;

fn main() {
    // Equivalence first: both error handlers answer the same status and
    // content type, and the same members but for the request context.
    let ours = run(layered(), "/missing");
    let theirs = run(plain(), "/missing-json");
    assert_eq!(ours.status(), theirs.status());
    assert_eq!(ours.headers()["content-type"], "application/problem+json");
    assert_eq!(theirs.headers()["content-type"], "application/problem+json");
    assert_eq!(run(layered(), "/ok").status(), 200);
    divan::main();
}

#[derive(Debug, ApiError)]
enum OrderError {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {0} exists."
    )]
    NotFound(u64),
}

async fn ok() -> &'static str {
    "fine"
}

async fn missing() -> Result<&'static str, OrderError> {
    Err(OrderError::NotFound(black_box(42)))
}

/// The error as axum users write it by hand today.
async fn missing_json() -> Response {
    let id = black_box(42);
    (
        StatusCode::NOT_FOUND,
        [("content-type", "application/problem+json")],
        Json(serde_json::json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": format!("No order {id} exists."),
            "code": "order_not_found",
        })),
    )
        .into_response()
}

fn plain() -> Router {
    Router::new()
        .route("/ok", get(ok))
        .route("/missing-json", get(missing_json))
}

/// The same router under a tower layer that does nothing: what any layer
/// costs in axum, errcodes' or not.
fn identity_layered() -> Router {
    plain().layer(tower::util::MapResponseLayer::new(|response: Response| {
        response
    }))
}

fn layered() -> Router {
    Router::new()
        .route("/ok", get(ok))
        .route("/missing", get(missing))
        .layer(ErrorLayer::new(Envelope::Problem))
}

/// One request through `router`, polled to completion (every future here
/// is ready at once).
fn run(router: Router, path: &str) -> Response {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let mut future = pin!(router.oneshot(request));
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(result) = future.as_mut().poll(&mut cx) {
            return result.unwrap();
        }
    }
}

fn bench(bencher: Bencher, router: Router, path: &'static str) {
    bencher.bench_local(|| black_box(run(router.clone(), path)));
}

/// A success: the layer's overhead on the common path.
mod success {
    use super::*;

    #[divan::bench]
    fn without_errcodes(bencher: Bencher) {
        bench(bencher, plain(), "/ok");
    }

    #[divan::bench]
    fn with_a_layer_that_does_nothing(bencher: Bencher) {
        bench(bencher, identity_layered(), "/ok");
    }

    #[divan::bench]
    fn with_error_layer(bencher: Bencher) {
        bench(bencher, layered(), "/ok");
    }
}

/// An error: errcodes (negotiated, with context) against hand-written json!.
mod error {
    use super::*;

    #[divan::bench]
    fn status_json_macro(bencher: Bencher) {
        bench(bencher, plain(), "/missing-json");
    }

    #[divan::bench]
    fn errcodes_in_error_layer(bencher: Bencher) {
        bench(bencher, layered(), "/missing");
    }
}
