//! The axum integration: derived errors, collections and plain entries are
//! `IntoResponse`, with the status, content type, headers and body of
//! `to_response`.
#![cfg(feature = "axum")]

use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use axum_core::response::{IntoResponse, Response};
use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError};

/// Reads a response body. Bodies built from bytes are ready at once, so
/// polling with a no-op waker needs no runtime.
fn body(response: Response) -> String {
    use http_body::Body as _;
    let mut body = response.into_body();
    let mut cx = Context::from_waker(Waker::noop());
    let mut bytes = Vec::new();
    loop {
        match Pin::new(&mut body).poll_frame(&mut cx) {
            Poll::Ready(Some(Ok(frame))) => {
                bytes.extend_from_slice(frame.data_ref().expect("a data frame"))
            }
            Poll::Ready(Some(Err(err))) => panic!("body error: {err}"),
            Poll::Ready(None) => return String::from_utf8(bytes).unwrap(),
            Poll::Pending => panic!("a byte body should be ready at once"),
        }
    }
}

#[derive(Debug, ApiError)]
#[api(envelope = "drf")]
enum OrderError<'a, T: std::fmt::Display> {
    #[api(status = 404, detail = "No order {0}.")]
    NotFound(T),
    #[api(status = 429, detail = "Slow down, {0}.")]
    Throttled(&'a str, #[api(header = "Retry-After")] u32),
    #[api(transparent)]
    Invalid(ApiErrors),
}

fn handler(id: u64) -> Result<&'static str, OrderError<'static, u64>> {
    if id == 0 {
        Err(OrderError::NotFound(id))
    } else {
        Ok("found")
    }
}

#[test]
fn a_handler_returns_derived_errors() {
    let response = handler(0).into_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        body(response),
        r#"{"type":"client_error","errors":[{"code":"not_found","detail":"No order 0.","attr":null}]}"#
    );
    let ok = handler(1).into_response();
    assert_eq!(ok.status(), 200);
}

#[test]
fn headers_and_collections_reach_the_response() {
    let throttled: OrderError<'_, u64> = OrderError::Throttled("ana", 30);
    let response = throttled.into_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "30");

    let errors = ApiErrors::from_errors([FieldError::new(
        "email",
        "invalid",
        "Enter a valid email address.",
    )])
    .unwrap();
    let expected = String::from_utf8(errors.render_to_vec(Envelope::Drf)).unwrap();
    let wrapped: OrderError<'_, u64> = OrderError::Invalid(errors);
    let response = wrapped.into_response();
    assert_eq!(response.status(), 422);
    assert_eq!(body(response), expected);

    let plain = FieldError::new("name", "required", "This field is required.").into_response();
    assert_eq!(plain.headers()["content-type"], "application/problem+json");
    let bare = ApiErrors::from_errors([FieldError::non_field("invalid", "Invalid input.")])
        .unwrap()
        .into_response();
    assert_eq!(bare.status(), 422);
}
