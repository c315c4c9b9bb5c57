//! Correlation ids: which id a request brought is usable, and new ones for
//! the errors of requests that brought none.

use std::sync::atomic::{AtomicU64, Ordering};

/// Whether a request's `x-request-id` is usable as its correlation id: a
/// short printable token.
pub(crate) fn usable_request_id(id: &[u8]) -> bool {
    !id.is_empty() && id.len() <= 128 && id.iter().all(u8::is_ascii_graphic)
}

/// The trace id of a W3C `traceparent`, the correlation id of a request
/// that brought no usable `x-request-id`.
pub(crate) fn trace_id(traceparent: &[u8]) -> Option<&str> {
    let trace = traceparent.split(|b| *b == b'-').nth(1)?;
    if trace.len() == 32 && trace.iter().all(u8::is_ascii_hexdigit) {
        core::str::from_utf8(trace).ok()
    } else {
        None
    }
}

/// A new correlation id: a per-process prefix (from the clock when the
/// first id is made, so unlikely to repeat across restarts) and a counter,
/// as 24 hex digits. Unique within the process; not a secret.
pub(crate) fn new_request_id() -> RequestId {
    static PREFIX: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let prefix = *PREFIX.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            // The low 64 bits of the nanoseconds: they change fastest.
            .map_or(0, |d| {
                u64::try_from(d.as_nanos() & u128::from(u64::MAX)).unwrap_or(0)
            })
    });
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut id = RequestId([0; 24]);
    for (i, digit) in id.0.iter_mut().enumerate() {
        let nibble = if i < 8 {
            (prefix >> (28 - 4 * i)) & 0xf
        } else {
            (count >> (60 - 4 * (i - 8))) & 0xf
        };
        *digit = b"0123456789abcdef"[usize::try_from(nibble).unwrap_or(0)];
    }
    id
}

/// A generated correlation id, on the stack.
pub(crate) struct RequestId([u8; 24]);

impl RequestId {
    pub(crate) fn as_str(&self) -> &str {
        // Hex digits only.
        core::str::from_utf8(&self.0).unwrap_or("0")
    }
}

/// The counter behind generated correlation ids.
static NEXT: AtomicU64 = AtomicU64::new(0);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_id_is_a_short_printable_token_or_a_trace_id() {
        assert!(usable_request_id(b"abc-1"));
        assert!(!usable_request_id(b"has space"));
        assert!(!usable_request_id(&[b'a'; 129]));
        assert!(!usable_request_id(b""));
        let traceparent = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert_eq!(
            trace_id(traceparent),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        assert_eq!(trace_id(b"00-xyz-01"), None);
    }

    #[test]
    fn generated_ids_are_24_hex_digits_and_differ() {
        let (a, b) = (new_request_id(), new_request_id());
        assert_eq!(a.as_str().len(), 24);
        assert!(a.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a.as_str(), b.as_str());
    }
}
