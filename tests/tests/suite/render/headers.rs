//! Typed response headers: `Retry-After` from a `Duration` (delta-seconds)
//! or a `SystemTime` (HTTP-date), `Allow` from a list, `WWW-Authenticate`
//! on a 401; one value per single-value header.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope};
use http::Method;

#[derive(Debug, ApiError)]
enum HttpError {
    #[api(status = 429, detail = "Slow down.")]
    Throttled {
        #[api(header = "Retry-After")]
        wait: Duration,
    },
    #[api(status = 503, detail = "Down for maintenance.")]
    Maintenance {
        #[api(header = "Retry-After")]
        until: SystemTime,
    },
    #[api(status = 405, detail = "Method not allowed.")]
    MethodNotAllowed {
        #[api(header = "Allow")]
        allow: Vec<Method>,
    },
    #[api(status = 405, code = "read_only", detail = "Read only.")]
    ReadOnly {
        #[api(header = "Allow")]
        allow: &'static [&'static str],
    },
    #[api(status = 405, code = "no_delete", detail = "No delete.")]
    NoDelete {
        #[api(header = "Allow")]
        allow: [&'static str; 2],
    },
    #[api(status = 401, detail = "Authentication credentials were not provided.")]
    Unauthenticated {
        #[api(header = "WWW-Authenticate")]
        challenge: &'static str,
    },
}

fn header(err: &HttpError, name: &str) -> Vec<String> {
    err.to_response()
        .headers()
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

#[test]
fn retry_after_from_a_duration_is_delta_seconds_rounded_up() {
    let exact = HttpError::Throttled {
        wait: Duration::from_secs(30),
    };
    assert_eq!(header(&exact, "retry-after"), ["30"]);
    let fraction = HttpError::Throttled {
        wait: Duration::from_millis(1500),
    };
    assert_eq!(header(&fraction, "retry-after"), ["2"]);
    // AIP-193's RetryInfo reads the same value.
    assert_eq!(
        exact.to_json_value(Envelope::Aip193)["error"]["details"][1]["retryDelay"],
        "30s"
    );
}

#[test]
fn retry_after_from_a_system_time_is_an_http_date() {
    // RFC 9110 section 5.6.7's own example.
    let rfc = UNIX_EPOCH + Duration::from_secs(784_111_777);
    assert_eq!(
        header(&HttpError::Maintenance { until: rfc }, "retry-after"),
        ["Sun, 06 Nov 1994 08:49:37 GMT"]
    );
    for (secs, date) in [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        // 2100 is no leap year.
        (4_107_542_399, "Sun, 28 Feb 2100 23:59:59 GMT"),
        (4_107_542_400, "Mon, 01 Mar 2100 00:00:00 GMT"),
        (4_133_980_799, "Fri, 31 Dec 2100 23:59:59 GMT"),
        (2_147_483_648, "Tue, 19 Jan 2038 03:14:08 GMT"),
    ] {
        let until = UNIX_EPOCH + Duration::from_secs(secs);
        assert_eq!(
            header(&HttpError::Maintenance { until }, "retry-after"),
            [date]
        );
    }
    let before = UNIX_EPOCH - Duration::from_secs(10);
    assert_eq!(
        header(&HttpError::Maintenance { until: before }, "retry-after"),
        ["Thu, 01 Jan 1970 00:00:00 GMT"]
    );
    // An HTTP-date is no delay in seconds: AIP-193 writes no RetryInfo.
    let body = HttpError::Maintenance { until: rfc }.to_json_value(Envelope::Aip193);
    assert_eq!(body["error"]["details"].as_array().unwrap().len(), 1);
}

#[test]
fn allow_from_a_list() {
    let err = HttpError::MethodNotAllowed {
        allow: vec![Method::GET, Method::POST],
    };
    assert_eq!(header(&err, "allow"), ["GET, POST"]);
    assert_eq!(
        header(
            &HttpError::ReadOnly {
                allow: &["GET", "HEAD"]
            },
            "allow"
        ),
        ["GET, HEAD"]
    );
    assert_eq!(
        header(
            &HttpError::NoDelete {
                allow: ["GET", "PUT"]
            },
            "allow"
        ),
        ["GET, PUT"]
    );
    // RFC 9110: an empty Allow says the resource allows no method.
    assert_eq!(
        header(&HttpError::MethodNotAllowed { allow: vec![] }, "allow"),
        [""]
    );
}

#[test]
fn www_authenticate_on_a_401() {
    let err = HttpError::Unauthenticated {
        challenge: "Bearer realm=\"api\"",
    };
    let response = err.to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"api\""
    );
}

#[test]
fn a_collection_keeps_the_longest_duration() {
    let mut errors = ApiErrors::builder();
    errors
        .push(HttpError::Throttled {
            wait: Duration::from_secs(5),
        })
        .push(HttpError::Throttled {
            wait: Duration::from_millis(60_001),
        });
    let response = errors.finish().unwrap_err().to_response();
    let values: Vec<_> = response.headers().get_all("retry-after").iter().collect();
    assert_eq!(values, ["61"]);
}

/// Only std's `Duration` is written as delta-seconds: another crate's type
/// of that name (`chrono::Duration`, here a stand-in) is written by its
/// `Display`, as any other header field is.
#[test]
fn another_crates_duration_is_written_by_its_display() {
    mod other {
        pub struct Duration(pub u32);
        impl core::fmt::Display for Duration {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{}", self.0 * 60)
            }
        }
    }
    #[derive(Debug, errcodes::ApiError)]
    #[api(status = 503, detail = "Back soon.")]
    struct Maintenance {
        #[api(header = "Retry-After")]
        wait: other::Duration,
    }
    impl core::fmt::Debug for other::Duration {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            write!(f, "{} min", self.0)
        }
    }
    let response = errcodes::ApiErrorExt::to_response(&Maintenance {
        wait: other::Duration(2),
    });
    assert_eq!(response.headers()["retry-after"], "120");
}
