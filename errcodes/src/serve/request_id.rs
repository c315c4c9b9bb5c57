//! Correlation ids: which id a request brought is safe to echo, the trace
//! id of a valid W3C `traceparent`, and new ids for the errors of requests
//! that brought neither.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// The longest `x-request-id` echoed; a longer one is replaced.
const MAX_LEN: usize = 128;

/// Whether a request's `x-request-id` is safe to echo as its correlation
/// id (in a header and in JSON bodies): 1 to 128 characters from
/// `A-Z a-z 0-9 - _ . : + = /`, which covers UUIDs, ULIDs, hex and base64
/// ids and leaves out markup, quotes and white space. Any other id is
/// replaced by a new one.
pub(crate) fn usable_request_id(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= MAX_LEN
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:+=/".contains(b))
}

/// The trace id of a `traceparent` that W3C Trace Context (level 1,
/// section 3.2) accepts: `version-traceid-parentid-flags` in lower-case
/// hex, version not `ff`, neither id all zeros, version `00` with exactly
/// these four fields (a later version may add fields after them). Anything
/// else is ignored, as the specification says.
pub(crate) fn trace_id(traceparent: &[u8]) -> Option<&str> {
    let hex = |part: &[u8], len: usize| {
        part.len() == len && part.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    let zeros = |part: &[u8]| part.iter().all(|b| *b == b'0');
    let mut parts = traceparent.split(|b| *b == b'-');
    let (version, trace, parent, flags) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let rest = parts.next();
    let valid = hex(version, 2)
        && version != b"ff"
        && hex(trace, 32)
        && !zeros(trace)
        && hex(parent, 16)
        && !zeros(parent)
        && hex(flags, 2)
        // Version 00 has exactly four fields; a later one may have more.
        && (rest.is_none() || version != b"00");
    if valid {
        core::str::from_utf8(trace).ok()
    } else {
        None
    }
}

/// A new correlation id: 32 lower-case hex digits, unpredictable and
/// unique within the process. They are `SipHash` (std's `RandomState`,
/// keyed once per process from the operating system's randomness) of a
/// process-wide counter: without the key, which never leaves the process,
/// an id says nothing about the ids before or after it, nor how many
/// requests were answered.
pub(crate) fn new_request_id() -> RequestId {
    static KEYS: OnceLock<RandomState> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let keys = KEYS.get_or_init(RandomState::new);
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    let halves = [keys.hash_one((count, 0u8)), keys.hash_one((count, 1u8))];
    let mut id = RequestId([0; 32]);
    for (i, digit) in id.0.iter_mut().enumerate() {
        let half = halves[i / 16];
        let nibble = (half >> (60 - 4 * (i % 16))) & 0xf;
        *digit = b"0123456789abcdef"[usize::try_from(nibble).unwrap_or(0)];
    }
    id
}

/// A generated correlation id, on the stack.
pub(crate) struct RequestId([u8; 32]);

impl RequestId {
    pub(crate) fn as_str(&self) -> &str {
        // Hex digits only.
        core::str::from_utf8(&self.0).unwrap_or("0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_id_is_echoed_only_when_it_is_safe() {
        assert!(usable_request_id(b"abc-1"));
        assert!(usable_request_id(b"0b6e7f3c-5e1a-4b3e-9f0a-6b1c2d3e4f50"));
        assert!(usable_request_id(b"dGVzdA=="));
        assert!(!usable_request_id(b"has space"));
        assert!(!usable_request_id(br#""><script>alert(1)</script>"#));
        assert!(!usable_request_id(&[b'a'; 129]));
        assert!(usable_request_id(&[b'a'; 128]));
        assert!(!usable_request_id(b""));
        assert!(!usable_request_id("caf\u{e9}".as_bytes()));
    }

    #[test]
    fn traceparent_is_read_as_w3c_trace_context_says() {
        let good = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert_eq!(trace_id(good), Some("4bf92f3577b34da6a3ce929d0e0e4736"));
        // A later version may carry more fields.
        assert_eq!(
            trace_id(b"01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-more"),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        for bad in [
            &b"00-00000000000000000000000000000000-00f067aa0ba902b7-01"[..],
            b"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            b"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            b"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            b"00-4bf92f3577b34da6a3ce929d0e0e4736-01",
            b"00-4bf92f3577b34da6a3ce929d0e0e4736",
            b"00-xyz-01",
            b"",
        ] {
            assert_eq!(trace_id(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn generated_ids_are_32_hex_digits_and_never_repeat() {
        let ids: Vec<String> = (0..1000)
            .map(|_| new_request_id().as_str().to_owned())
            .collect();
        assert!(
            ids.iter()
                .all(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        );
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        // Consecutive ids share no prefix beyond chance: not a counter.
        let shared = ids
            .windows(2)
            .filter(|pair| pair[0][..8] == pair[1][..8])
            .count();
        assert!(
            shared < 5,
            "{shared} consecutive ids share their first 8 digits"
        );
    }
}
