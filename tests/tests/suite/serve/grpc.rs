//! One error enum over HTTP and gRPC from one listener: the gRPC example
//! served on 127.0.0.1:0, called with tonic's client (over hyper-util's
//! HTTP/2 client) and read with tonic-types, a decoder of Google's details
//! nobody here wrote; each answer compared with the same error over HTTP.
#![cfg(feature = "tonic")]

use std::time::Duration;

use errcodes::client::Decoded;
use errcodes::rpc::Code;
use http::{StatusCode, Uri};
use http_body_util::BodyExt as _;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;
use tonic_types::StatusExt as _;

use crate::examples::grpc_service::{self as service, CreateOrderRequest, GetOrderRequest, Order};

type Grpc = tonic::client::Grpc<Client<HttpConnector, tonic::body::Body>>;

/// The example served on 127.0.0.1:0; returns its address and the sender
/// that stops it.
async fn start() -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(service::serve(listener, async {
        let _ = stopped.await;
    }));
    (addr, stop, server)
}

fn grpc(addr: std::net::SocketAddr) -> Grpc {
    let client = Client::builder(TokioExecutor::new())
        .http2_only(true)
        .build_http::<tonic::body::Body>();
    let origin: Uri = format!("http://{addr}").parse().unwrap();
    tonic::client::Grpc::with_origin(client, origin)
}

async fn call<M: prost::Message + Default + Send + Sync + 'static>(
    grpc: &mut Grpc,
    method: &str,
    message: M,
    metadata: &[(&'static str, &str)],
) -> Result<Order, tonic::Status> {
    grpc.ready().await.unwrap();
    let mut request = tonic::Request::new(message);
    for (name, value) in metadata {
        request.metadata_mut().insert(*name, value.parse().unwrap());
    }
    let path = format!("{}{method}", service::SERVICE).parse().unwrap();
    grpc.unary(
        request,
        path,
        tonic_prost::ProstCodec::<M, Order>::default(),
    )
    .await
    .map(tonic::Response::into_inner)
}

/// An HTTP request to the same port (HTTP/1.1): its status, headers and
/// JSON body.
async fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> (StatusCode, http::HeaderMap, Value) {
    let client = Client::builder(TokioExecutor::new()).build_http::<String>();
    let request = http::Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .unwrap();
    let response = client.request(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        serde_json::from_slice(&bytes).unwrap(),
    )
}

/// What both protocols must agree on for one error: the code (and the
/// canonical code its status maps to), the field violations, the delay.
#[derive(Debug, PartialEq)]
struct Agreed {
    rpc_code: Code,
    reason: Option<String>,
    fields: Vec<String>,
    retry: Option<u64>,
}

fn from_http(status: StatusCode, headers: &http::HeaderMap, body: &Value) -> Agreed {
    let mut fields: Vec<String> = body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            e["pointer"]
                .as_str()
                .unwrap()
                .trim_start_matches("#/")
                .replace('/', ".")
        })
        .collect();
    fields.sort();
    Agreed {
        rpc_code: Code::for_status(status),
        // A withheld code (a 5xx's) is the canonical name, as in AIP-193.
        reason: Some(body["code"].as_str().map_or_else(
            || Code::for_status(status).name().to_owned(),
            str::to_ascii_uppercase,
        )),
        fields,
        retry: headers
            .get("retry-after")
            .map(|v| v.to_str().unwrap().parse().unwrap()),
    }
}

fn from_grpc(status: &tonic::Status) -> Agreed {
    let details = status.get_error_details();
    let mut fields: Vec<String> = details
        .bad_request()
        .map(|b| b.field_violations.iter().map(|v| v.field.clone()).collect())
        .unwrap_or_default();
    fields.sort();
    Agreed {
        rpc_code: Code::from_number(status.code() as i32).unwrap(),
        reason: details.error_info().map(|i| i.reason.clone()),
        fields,
        retry: details
            .retry_info()
            .and_then(|r| r.retry_delay)
            .map(|d| d.as_secs()),
    }
}

#[tokio::test]
async fn every_error_answers_alike_over_http_and_grpc() {
    let (addr, stop, server) = start().await;
    let mut client = grpc(addr);

    for id in [7_u64, 429, 500] {
        let status = call(&mut client, "GetOrder", GetOrderRequest { id }, &[])
            .await
            .unwrap_err();
        let (http_status, headers, body) = http(addr, "GET", &format!("/orders/{id}"), "").await;
        assert_eq!(
            from_grpc(&status),
            from_http(http_status, &headers, &body),
            "{id}: {status:?}"
        );
        // The message is the detail HTTP sends, redaction included.
        assert_eq!(status.message(), body["detail"], "{id}");
    }

    let empty = CreateOrderRequest::default();
    let status = call(&mut client, "CreateOrder", empty, &[])
        .await
        .unwrap_err();
    let (http_status, headers, body) = http(
        addr,
        "POST",
        "/orders",
        r#"{"email":"","name":"","quantity":0}"#,
    )
    .await;
    let grpc = from_grpc(&status);
    assert_eq!(grpc, from_http(http_status, &headers, &body));
    assert_eq!(grpc.fields, ["email", "name", "quantity"]);
    assert_eq!(grpc.rpc_code, Code::InvalidArgument);

    stop.send(()).unwrap();
    server.await.unwrap();
}

#[tokio::test]
async fn a_tonic_client_reads_code_message_and_details() {
    let (addr, stop, server) = start().await;
    let mut client = grpc(addr);

    // Not found, asked in German, with a correlation id of the caller's.
    let status = call(
        &mut client,
        "GetOrder",
        GetOrderRequest { id: 7 },
        &[("accept-language", "de"), ("x-request-id", "req-42")],
    )
    .await
    .unwrap_err();
    assert_eq!(status.code(), tonic::Code::NotFound);
    assert_eq!(status.message(), "No order 7 exists.");
    assert_eq!(status.metadata().get("x-request-id").unwrap(), "req-42");
    let details = status.get_error_details();
    let info = details.error_info().unwrap();
    assert_eq!(info.reason, "ORDER_NOT_FOUND");
    let localized = details.localized_message().unwrap();
    assert_eq!(localized.locale, "de");
    assert_eq!(localized.message, "Es gibt keine Bestellung 7.");
    let help = details.help().unwrap();
    assert_eq!(
        help.links[0].url,
        "https://errors.example.com/order_not_found"
    );
    assert!(details.debug_info().is_none());
    // Decoded back into the variant, as an HTTP answer is.
    assert_eq!(
        format!(
            "{:?}",
            errcodes::tonic::decode::<service::OrderError>(&status)
        ),
        format!(
            "{:?}",
            Decoded::<service::OrderError>::Known(service::OrderError::NotFound(7))
        )
    );

    // Throttled: RESOURCE_EXHAUSTED with its delay; retryable on the client.
    let status = call(&mut client, "GetOrder", GetOrderRequest { id: 429 }, &[])
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::ResourceExhausted);
    let retry = status.get_error_details().retry_info().unwrap().retry_delay;
    assert_eq!(retry, Some(Duration::from_secs(30)));
    let decoded = errcodes::tonic::decode::<service::OrderError>(&status);
    assert!(decoded.is_retryable());
    assert_eq!(decoded.retry_delay(), Some(Duration::from_secs(30)));

    // The database's text never leaves: INTERNAL with the generic message.
    let status = call(&mut client, "GetOrder", GetOrderRequest { id: 500 }, &[])
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::Internal);
    assert_eq!(status.message(), "The server hit an unexpected condition.");
    assert!(!format!("{status:?}").contains("db-primary"));
    assert!(status.metadata().get("x-request-id").is_some());

    // A panicking handler: INTERNAL, its text kept from the client.
    let status = call(&mut client, "GetOrder", GetOrderRequest { id: 666 }, &[])
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::Internal);
    assert!(!format!("{status:?}").contains("666 cannot"), "{status:?}");

    // A method the service lacks: tonic's own UNIMPLEMENTED, kept.
    let status = call(&mut client, "Cancel", GetOrderRequest { id: 1 }, &[])
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::Unimplemented);

    // Success passes untouched.
    let order = call(&mut client, "GetOrder", GetOrderRequest { id: 1 }, &[])
        .await
        .unwrap();
    assert_eq!(order.status, "shipped");

    stop.send(()).unwrap();
    server.await.unwrap();
}

/// A status made outside errcodes: a 5xx-class one loses its message (and
/// keeps its code); a client error stays as the service wrote it; with
/// `keep_foreign_errors` both stay.
#[tokio::test]
async fn a_foreign_server_status_is_answered_without_its_text() {
    use tower::{Layer as _, ServiceExt as _};

    async fn answer(layer: errcodes::tonic::ErrorLayer, status: tonic::Status) -> tonic::Status {
        let inner = tower::service_fn(move |_: http::Request<()>| {
            let status = status.clone();
            async move { Ok::<_, std::convert::Infallible>(status.into_http::<tonic::body::Body>()) }
        });
        let response = layer
            .layer(inner)
            .oneshot(http::Request::new(()))
            .await
            .unwrap();
        tonic::Status::from_header_map(response.headers()).unwrap()
    }

    let layer = errcodes::tonic::ErrorLayer::new(errcodes::Envelope::Aip193);
    let leaked = tonic::Status::data_loss("replica db-2 lost page 0x2f");
    let answered = answer(layer.clone(), leaked.clone()).await;
    assert_eq!(answered.code(), tonic::Code::DataLoss);
    assert!(!answered.message().contains("db-2"), "{answered:?}");
    assert_eq!(
        answered.get_error_details().error_info().unwrap().reason,
        "DATA_LOSS"
    );

    let client = tonic::Status::not_found("no such shelf");
    assert_eq!(
        answer(layer.clone(), client).await.message(),
        "no such shelf"
    );

    let kept = answer(layer.keep_foreign_errors(), leaked).await;
    assert_eq!(kept.message(), "replica db-2 lost page 0x2f");
}

/// A Connect unary call (HTTP/1.1 `POST` of the message): the status, the
/// `Content-Type` and the body.
async fn connect_call(
    addr: std::net::SocketAddr,
    method: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, String, Vec<u8>) {
    let client = Client::builder(TokioExecutor::new())
        .build_http::<http_body_util::Full<axum::body::Bytes>>();
    let request = http::Request::builder()
        .method("POST")
        .uri(format!("http://{addr}{}{method}", service::SERVICE))
        .header("content-type", content_type)
        .header("connect-protocol-version", "1")
        .body(http_body_util::Full::new(axum::body::Bytes::from(body)))
        .unwrap();
    let response = client.request(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let content_type = parts.headers["content-type"].to_str().unwrap().to_owned();
    (
        parts.status,
        content_type,
        body.collect().await.unwrap().to_bytes().to_vec(),
    )
}

/// Connect's error body read as a Connect client reads it: the code, the
/// message, and each detail decoded from base64 (the `base64` crate) into
/// tonic-types' own `google.rpc` messages (prost).
fn from_connect(body: &[u8]) -> (Agreed, String) {
    use base64::Engine as _;
    use prost::Message as _;
    let body: Value = serde_json::from_slice(body).unwrap();
    let mut agreed = Agreed {
        rpc_code: Code::from_name(body["code"].as_str().unwrap()).unwrap(),
        reason: None,
        fields: Vec::new(),
        retry: None,
    };
    for detail in body["details"].as_array().unwrap() {
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(detail["value"].as_str().unwrap())
            .unwrap();
        match detail["type"].as_str().unwrap() {
            "google.rpc.ErrorInfo" => {
                agreed.reason = Some(tonic_types::pb::ErrorInfo::decode(&*bytes).unwrap().reason);
            }
            "google.rpc.BadRequest" => {
                let bad = tonic_types::pb::BadRequest::decode(&*bytes).unwrap();
                agreed.fields = bad.field_violations.into_iter().map(|v| v.field).collect();
                agreed.fields.sort();
            }
            "google.rpc.RetryInfo" => {
                let retry = tonic_types::pb::RetryInfo::decode(&*bytes).unwrap();
                agreed.retry = retry.retry_delay.map(|d| u64::try_from(d.seconds).unwrap());
            }
            _ => {}
        }
    }
    (
        agreed,
        body["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn a_connect_client_reads_the_same_errors_at_the_same_paths() {
    use prost::Message as _;

    let (addr, stop, server) = start().await;
    let mut client = grpc(addr);

    // The same errors over Connect (JSON and protobuf requests) and gRPC.
    for id in [7_u64, 429, 500] {
        let status = call(&mut client, "GetOrder", GetOrderRequest { id }, &[])
            .await
            .unwrap_err();
        for (content_type, body) in [
            ("application/json", format!(r#"{{"id":{id}}}"#).into_bytes()),
            // protobuf's JSON mapping writes a uint64 as a string.
            (
                "application/json",
                format!(r#"{{"id":"{id}"}}"#).into_bytes(),
            ),
            ("application/proto", GetOrderRequest { id }.encode_to_vec()),
        ] {
            let (http_status, answered_type, body) =
                connect_call(addr, "GetOrder", content_type, body).await;
            // Connect's table: the status is the code's.
            assert_eq!(http_status, from_grpc(&status).rpc_code.http_status());
            assert_eq!(
                answered_type, "application/json",
                "errors are JSON in Connect"
            );
            let (agreed, message) = from_connect(&body);
            assert_eq!(agreed, from_grpc(&status), "{id} {content_type}");
            assert_eq!(message, status.message());
            // errcodes' own client reads it back too.
            let received = errcodes::client::read(
                http_status,
                "application/json",
                &body,
                errcodes::Envelope::Connect,
            )
            .unwrap();
            assert_eq!(Code::for_status(received[0].status()), agreed.rpc_code);
        }
    }

    // The 422 answers with its code's status, as a Connect server does.
    let (status, _, body) =
        connect_call(addr, "CreateOrder", "application/json", b"{}".to_vec()).await;
    assert_eq!(status, 400);
    let (agreed, _) = from_connect(&body);
    assert_eq!(agreed.rpc_code, Code::InvalidArgument);
    assert_eq!(agreed.fields, ["email", "name", "quantity"]);

    // Connect's own failures: an unknown procedure is `unimplemented`, a
    // body that is no message `invalid_argument`.
    let (status, _, body) = connect_call(addr, "Cancel", "application/json", b"{}".to_vec()).await;
    assert_eq!(status, 501);
    assert_eq!(from_connect(&body).0.rpc_code, Code::Unimplemented);
    let (status, _, body) =
        connect_call(addr, "GetOrder", "application/json", b"{not json".to_vec()).await;
    assert_eq!(status, 400);
    assert_eq!(from_connect(&body).0.rpc_code, Code::InvalidArgument);

    // Success: the response message, in the request's encoding.
    let (status, content_type, body) = connect_call(
        addr,
        "GetOrder",
        "application/proto",
        GetOrderRequest { id: 1 }.encode_to_vec(),
    )
    .await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "application/proto")
    );
    assert_eq!(Order::decode(&*body).unwrap().status, "shipped");
    let (status, _, body) = connect_call(
        addr,
        "GetOrder",
        "application/json",
        br#"{"id":1}"#.to_vec(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap()["status"],
        "shipped"
    );

    stop.send(()).unwrap();
    server.await.unwrap();
}
