//! `quiet_handler_panics`: a handler's panic, which the layer logs and
//! answers, no longer reaches the panic hook; any other panic still does.
//! A binary of its own: the panic hook is the whole process's.
#![cfg(all(feature = "tracing", feature = "axum"))]

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::routing::get;
use errcodes::Envelope;
use errcodes::axum::ErrorLayer;
use http::Request;
use tower::ServiceExt;

/// Panics the hook before errcodes' saw.
static SEEN: AtomicUsize = AtomicUsize::new(0);

#[tokio::test]
async fn handler_panics_skip_the_hook_and_others_do_not() {
    // Stands for the default hook (which would print to stderr).
    std::panic::set_hook(Box::new(|_| {
        SEEN.fetch_add(1, Ordering::SeqCst);
    }));
    errcodes::quiet_handler_panics();

    async fn boom() -> &'static str {
        panic!("storm")
    }
    let app = Router::new()
        .route("/boom", get(boom))
        .layer(ErrorLayer::new(Envelope::Problem));
    for _ in 0..20 {
        let response = app
            .clone()
            .oneshot(
                Request::get("/boom")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
    }
    assert_eq!(
        SEEN.load(Ordering::SeqCst),
        0,
        "a handler's panic reached the hook"
    );

    // A panic outside any handler is the hook's as before.
    let _ = std::panic::catch_unwind(|| panic!("elsewhere"));
    assert_eq!(SEEN.load(Ordering::SeqCst), 1);
    let _ = std::panic::take_hook();
}
