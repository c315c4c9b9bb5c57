//! Retry semantics reach the client: what the type declares for a known
//! variant, what the answer says (`Retry-After`, AIP-193's `RetryInfo`) for
//! an unknown one, AIP-194's default otherwise.
#![cfg(feature = "client")]

use std::time::Duration;

use errcodes::ApiErrorExt as _;
use errcodes::client::{Decode, Decoded, read};
use errcodes::{ApiError, Envelope, Retry};

#[derive(Debug, PartialEq, ApiError)]
enum OrderError {
    #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
    Throttled {
        #[api(header = "Retry-After")]
        wait: Duration,
    },
    #[api(
        status = 429,
        code = "quota_exhausted",
        detail = "The monthly quota is used up."
    )]
    Quota,
    #[api(
        status = 503,
        code = "region_closed",
        retryable = false,
        detail = "This region is closed."
    )]
    RegionClosed {
        #[api(header = "Retry-After")]
        wait: Duration,
    },
    #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    Maintenance,
}

#[test]
fn a_known_variant_retries_as_declared() {
    let throttled = OrderError::Throttled {
        wait: Duration::from_secs(30),
    };
    let decoded = Decoded::Known(throttled);
    assert!(decoded.is_retryable());
    assert_eq!(decoded.retry_delay(), Some(Duration::from_secs(30)));
    // AIP-194: a quota is not retried; a 503 is unless declared otherwise.
    assert!(!Decoded::Known(OrderError::Quota).is_retryable());
    assert!(Decoded::Known(OrderError::Maintenance).is_retryable());
    let closed = OrderError::RegionClosed {
        wait: Duration::from_secs(60),
    };
    assert_eq!(
        closed.settings().effective_retry(closed.status()),
        Retry::Never
    );
    assert!(!Decoded::Known(closed).is_retryable());
}

#[test]
fn aip_193_says_when_to_retry_and_never_for_what_must_not_be() {
    let throttled = OrderError::Throttled {
        wait: Duration::from_secs(30),
    };
    let body = throttled.to_json_value(Envelope::Aip193);
    let details = body["error"]["details"].as_array().unwrap();
    assert!(details.iter().any(|d| d["retryDelay"] == "30s"), "{body}");
    // Read back by a client that does not know the type: the delay is the
    // answer's.
    let received = read(429, "application/json", body.to_string(), Envelope::Aip193).unwrap();
    assert_eq!(received[0].retry_delay(), Some(Duration::from_secs(30)));
    assert!(received[0].is_retryable());

    let closed = OrderError::RegionClosed {
        wait: Duration::from_secs(60),
    };
    let body = closed.to_json_value(Envelope::Aip193);
    let details = body["error"]["details"].as_array().unwrap();
    assert!(
        !details
            .iter()
            .any(|d| d["@type"] == "type.googleapis.com/google.rpc.RetryInfo"),
        "{body}"
    );
    let received = read(503, "application/json", body.to_string(), Envelope::Aip193).unwrap();
    assert_eq!(received[0].retry_delay(), None);

    // Unknown and without a delay: AIP-194's default for the status.
    let body = OrderError::Quota.to_json_value(Envelope::Problem);
    let received = read(
        429,
        "application/problem+json",
        body.to_string(),
        Envelope::Problem,
    )
    .unwrap();
    assert!(!received[0].is_retryable());
}

/// A client that reads an AIP-193 body alone (no `Retry-After` header, as
/// behind a gateway) gets the delay into the variant's field from
/// `RetryInfo`, whether the field is a `Duration` or whole seconds.
#[test]
fn a_retry_after_field_is_read_from_retry_info_without_the_header() {
    #[derive(Debug, PartialEq, ApiError)]
    #[api(envelope = "aip193")]
    enum Busy {
        #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
        Throttled {
            #[api(header = "Retry-After")]
            wait: Duration,
        },
        #[api(status = 503, code = "busy", detail = "Busy.")]
        Busy {
            #[api(header = "Retry-After")]
            seconds: u64,
        },
    }
    for (err, status) in [
        (
            Busy::Throttled {
                wait: Duration::from_secs(30),
            },
            429,
        ),
        (Busy::Busy { seconds: 12 }, 503),
    ] {
        let body = err.to_json_value(Envelope::Aip193).to_string();
        let decoded = Busy::from_response(status, "application/json", &body).unwrap();
        assert_eq!(decoded, Decoded::Known(err), "{body}");
    }
}
