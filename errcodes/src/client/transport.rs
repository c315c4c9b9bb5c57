//! Decoding a client's response in one call: `reqwest`'s (feature
//! `reqwest`) and any `http_body::Body`'s, such as hyper's (feature
//! `http-body`), each read to at most [`MAX_BODY`] bytes.

#[cfg(feature = "http-body")]
use core::fmt;

#[cfg(any(feature = "reqwest", feature = "http-body"))]
use super::{Decode, DecodeError, Decoded};

/// A `reqwest` response decoded in one call (feature `reqwest`): its
/// status, headers and body (at most [`MAX_BODY`] bytes), as
/// [`Decode::from_http_response`] reads them.
///
/// # Errors
///
/// [`DecodeError::Body`] when the body cannot be read; otherwise see
/// [`read`](super::read).
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use errcodes::client::{self, Decoded};
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
/// struct OrderNotFound { id: u64 }
///
/// let response = reqwest::get("http://127.0.0.1:3000/orders/42").await?;
/// if !response.status().is_success() {
///     match client::from_reqwest::<OrderNotFound>(response).await? {
///         Decoded::Known(err) => println!("no order {}", err.id),
///         Decoded::Unknown(other) => println!("{other:?}"),
///     }
/// }
/// # Ok(()) }
/// ```
#[cfg(feature = "reqwest")]
pub async fn from_reqwest<T: Decode>(
    mut response: reqwest::Response,
) -> Result<Decoded<T>, DecodeError> {
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|err| DecodeError::Body(err.to_string()))?
    {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(DecodeError::Body(format!("over {MAX_BODY} bytes")));
        }
        body.extend_from_slice(&chunk);
    }
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = response.status();
    *rebuilt.headers_mut() = response.headers().clone();
    T::from_http_response(&rebuilt)
}

/// An `http::Response` with any `http_body::Body` decoded in one call
/// (feature `http-body`): hyper's `Response<Incoming>`, axum's
/// `Response<Body>`. The body is read to its end (at most [`MAX_BODY`]
/// bytes).
///
/// # Errors
///
/// [`DecodeError::Body`] when the body cannot be read; otherwise see
/// [`read`](super::read).
///
/// ```
/// # #[cfg(feature = "client")] fn main() {
/// use errcodes::ApiErrorExt as _;
/// use errcodes::client::{self, Decoded};
/// use errcodes::ApiError;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
/// struct OrderNotFound { id: u64 }
///
/// // Any body type: here `String`, which implements `http_body::Body`.
/// let response = OrderNotFound { id: 42 }.to_response().map(|bytes| String::from_utf8(bytes).unwrap());
/// let decoded = futures_lite_block_on(client::from_body::<OrderNotFound, _>(response)).unwrap();
/// assert_eq!(decoded, Decoded::Known(OrderNotFound { id: 42 }));
///
/// # fn futures_lite_block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let waker = std::task::Waker::noop();
/// #     let mut cx = std::task::Context::from_waker(waker);
/// #     loop {
/// #         if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) { return out; }
/// #     }
/// # }
/// # }
/// # #[cfg(not(feature = "client"))] fn main() {}
/// ```
#[cfg(feature = "http-body")]
pub async fn from_body<T: Decode, B>(response: http::Response<B>) -> Result<Decoded<T>, DecodeError>
where
    B: http_body::Body,
    B::Error: fmt::Display,
{
    use bytes::Buf as _;

    let (parts, body) = response.into_parts();
    let mut body = core::pin::pin!(body);
    let mut bytes = Vec::new();
    while let Some(frame) = core::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
        let frame = frame.map_err(|err| DecodeError::Body(err.to_string()))?;
        if let Ok(mut data) = frame.into_data() {
            if bytes.len() + data.remaining() > MAX_BODY {
                return Err(DecodeError::Body(format!("over {MAX_BODY} bytes")));
            }
            while data.has_remaining() {
                let chunk = data.chunk();
                bytes.extend_from_slice(chunk);
                let read = chunk.len();
                data.advance(read);
            }
        }
    }
    T::from_http_response(&http::Response::from_parts(parts, bytes))
}

/// The largest body [`from_reqwest`] and [`from_body`] read: an error body
/// larger than 1 MiB is not one errcodes wrote, and reading it would let a
/// hostile server hold the client's memory.
///
/// ```
/// assert_eq!(errcodes::client::MAX_BODY, 1024 * 1024);
/// ```
pub const MAX_BODY: usize = 1024 * 1024;
