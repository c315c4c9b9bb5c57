//! Decoding real server answers in one call: the axum example service on
//! 127.0.0.1:0, called with reqwest and with hyper's client, each answer
//! decoded straight from the client's response.
#![cfg(feature = "reqwest")]

use errcodes::client::{self, Decoded};
use http_body_util::Full;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::examples::axum_service::{self as service, OrderError};

#[tokio::test]
async fn reqwest_and_hyper_responses_decode_in_one_call() {
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

    // reqwest, in the envelope the client asks for.
    let reqwest = reqwest::Client::new();
    for accept in ["application/problem+json", "application/vnd.api+json"] {
        let response = reqwest
            .get(format!("http://{addr}/orders/42"))
            .header("accept", accept)
            .send()
            .await
            .unwrap();
        let decoded = client::from_reqwest::<OrderError>(response).await.unwrap();
        assert!(
            matches!(decoded, Decoded::Known(OrderError::NotFound(42))),
            "{accept}: {decoded:?}"
        );
    }
    // Retry-After comes back from the header.
    let response = reqwest
        .get(format!("http://{addr}/orders/429"))
        .send()
        .await
        .unwrap();
    let decoded = client::from_reqwest::<OrderError>(response).await.unwrap();
    assert!(
        matches!(decoded, Decoded::Known(OrderError::Throttled { .. })),
        "{decoded:?}"
    );
    // An answer no variant is (an outage) stays unknown, with what it said.
    let response = reqwest
        .get(format!("http://{addr}/upstream"))
        .send()
        .await
        .unwrap();
    match client::from_reqwest::<OrderError>(response).await.unwrap() {
        Decoded::Unknown(received) => assert_eq!(received.status(), 502),
        known => panic!("{known:?}"),
    }

    // hyper's client: its `Response<Incoming>` as it comes.
    let hyper = Client::builder(TokioExecutor::new()).build_http::<Full<axum::body::Bytes>>();
    let request = http::Request::get(format!("http://{addr}/orders/42"))
        .body(Full::from(""))
        .unwrap();
    let response = hyper.request(request).await.unwrap();
    let decoded = client::from_body::<OrderError, _>(response).await.unwrap();
    assert!(
        matches!(decoded, Decoded::Known(OrderError::NotFound(42))),
        "{decoded:?}"
    );

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
