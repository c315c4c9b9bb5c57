//! The body of an error response made without the request in sight: the
//! error in its own envelope, written when the body is first read, so that
//! a layer answering the error again never pays for this rendering.

use core::convert::Infallible;
use core::pin::Pin;
use core::task::{Context, Poll};

use axum::body::Bytes;
use http_body::{Frame, SizeHint};

use crate::carried::Carried;
use crate::error::Envelope;
use crate::ext::ApiErrorExt as _;

/// See the module docs.
pub(crate) struct ErrorBody {
    carried: Carried,
    envelope: Envelope,
    done: bool,
}

impl ErrorBody {
    pub(crate) fn new(carried: Carried, envelope: Envelope) -> ErrorBody {
        ErrorBody {
            carried,
            envelope,
            done: false,
        }
    }

    /// Reads the bytes the response sends, writing the error in its own
    /// envelope if no layer wrote its answer.
    fn with<T>(&self, read: impl FnOnce(&mut Option<Vec<u8>>) -> T) -> T {
        let err = self.carried.error();
        self.carried
            .with_body(|| err.render_to_vec(self.envelope), read)
    }
}

impl http_body::Body for ErrorBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        this.done = true;
        let bytes = this.with(|body| body.take().unwrap_or_default());
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(bytes)))))
    }

    fn is_end_stream(&self) -> bool {
        self.done
    }

    // Exact, as the rendered `Vec` was: hyper sends a `Content-Length`.
    fn size_hint(&self) -> SizeHint {
        if self.done {
            SizeHint::with_exact(0)
        } else {
            SizeHint::with_exact(self.with(|body| body.as_ref().map_or(0, Vec::len)) as u64)
        }
    }
}
