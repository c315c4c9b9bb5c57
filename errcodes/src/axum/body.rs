//! The body of an error response made without the request in sight: the
//! error in its own envelope, written when the body is first read, so that
//! a layer answering the error again never pays for this rendering.

use core::convert::Infallible;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::sync::OnceLock;

use axum::body::Bytes;
use http_body::{Frame, SizeHint};

use crate::carried::Carried;
use crate::error::Envelope;
use crate::ext::ApiErrorExt as _;

/// See the module docs.
pub(crate) struct ErrorBody {
    carried: Carried,
    envelope: Envelope,
    bytes: OnceLock<Bytes>,
    done: bool,
}

impl ErrorBody {
    pub(crate) fn new(carried: Carried, envelope: Envelope) -> ErrorBody {
        ErrorBody {
            carried,
            envelope,
            bytes: OnceLock::new(),
            done: false,
        }
    }

    /// The body, written on the first call.
    fn bytes(&self) -> &Bytes {
        self.bytes
            .get_or_init(|| Bytes::from(self.carried.error().render_to_vec(self.envelope)))
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
        Poll::Ready(Some(Ok(Frame::data(this.bytes().clone()))))
    }

    fn is_end_stream(&self) -> bool {
        self.done
    }

    // Exact, as the rendered `Vec` was: hyper sends a `Content-Length`.
    fn size_hint(&self) -> SizeHint {
        if self.done {
            SizeHint::with_exact(0)
        } else {
            SizeHint::with_exact(self.bytes().len() as u64)
        }
    }
}
