//! The axum example service over real HTTP: its router served on
//! 127.0.0.1:0 inside the test, called with hyper's client, the bounded
//! table of requests in `support/e2e.rs`, then a graceful stop.
#![cfg(feature = "axum")]

use crate::examples::axum_service as service;

#[path = "../../support/e2e.rs"]
mod e2e;

#[tokio::test]
async fn the_service_answers_every_case_over_http() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, service::app())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    // axum's router answers HEAD wherever GET is routed.
    e2e::run(addr, e2e::table("GET,HEAD")).await;

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
