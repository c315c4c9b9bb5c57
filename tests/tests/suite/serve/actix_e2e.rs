//! The actix-web example service over real HTTP: its app served on
//! 127.0.0.1:0 by actix's own server on a thread of its own, called with
//! hyper's client, the same bounded table of requests as the axum service
//! (`support/e2e.rs`), then a graceful stop.
#![cfg(feature = "actix-web")]

use crate::examples::actix_service as service;

#[path = "../../support/e2e.rs"]
mod e2e;

#[tokio::test]
async fn the_service_answers_every_case_over_http() {
    let (started, addr) = std::sync::mpsc::channel();
    let server = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_web::HttpServer::new(service::app)
                .workers(1)
                .disable_signals()
                .bind("127.0.0.1:0")?;
            let addr = server.addrs()[0];
            let server = server.run();
            started
                .send((addr, server.handle()))
                .expect("the test waits for the address");
            server.await
        })
    });
    let (addr, handle) = addr.recv().unwrap();

    // actix names only the methods routed (no implicit HEAD).
    e2e::run(addr, e2e::table("GET")).await;

    handle.stop(true).await;
    server.join().unwrap().unwrap();
}
