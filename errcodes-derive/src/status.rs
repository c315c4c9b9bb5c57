//! The HTTP status codes the `http` crate names, known at compile time so the
//! derive can check a status and emit its reason phrase as a constant.

/// `(code, http::StatusCode constant name, canonical reason phrase)`, as the
/// `http` crate defines them (a unit test checks they agree).
pub const STATUSES: &[(u16, &str, &str)] = &[
    (100, "CONTINUE", "Continue"),
    (101, "SWITCHING_PROTOCOLS", "Switching Protocols"),
    (102, "PROCESSING", "Processing"),
    (103, "EARLY_HINTS", "Early Hints"),
    (200, "OK", "OK"),
    (201, "CREATED", "Created"),
    (202, "ACCEPTED", "Accepted"),
    (
        203,
        "NON_AUTHORITATIVE_INFORMATION",
        "Non Authoritative Information",
    ),
    (204, "NO_CONTENT", "No Content"),
    (205, "RESET_CONTENT", "Reset Content"),
    (206, "PARTIAL_CONTENT", "Partial Content"),
    (207, "MULTI_STATUS", "Multi-Status"),
    (208, "ALREADY_REPORTED", "Already Reported"),
    (226, "IM_USED", "IM Used"),
    (300, "MULTIPLE_CHOICES", "Multiple Choices"),
    (301, "MOVED_PERMANENTLY", "Moved Permanently"),
    (302, "FOUND", "Found"),
    (303, "SEE_OTHER", "See Other"),
    (304, "NOT_MODIFIED", "Not Modified"),
    (305, "USE_PROXY", "Use Proxy"),
    (307, "TEMPORARY_REDIRECT", "Temporary Redirect"),
    (308, "PERMANENT_REDIRECT", "Permanent Redirect"),
    (400, "BAD_REQUEST", "Bad Request"),
    (401, "UNAUTHORIZED", "Unauthorized"),
    (402, "PAYMENT_REQUIRED", "Payment Required"),
    (403, "FORBIDDEN", "Forbidden"),
    (404, "NOT_FOUND", "Not Found"),
    (405, "METHOD_NOT_ALLOWED", "Method Not Allowed"),
    (406, "NOT_ACCEPTABLE", "Not Acceptable"),
    (
        407,
        "PROXY_AUTHENTICATION_REQUIRED",
        "Proxy Authentication Required",
    ),
    (408, "REQUEST_TIMEOUT", "Request Timeout"),
    (409, "CONFLICT", "Conflict"),
    (410, "GONE", "Gone"),
    (411, "LENGTH_REQUIRED", "Length Required"),
    (412, "PRECONDITION_FAILED", "Precondition Failed"),
    (413, "PAYLOAD_TOO_LARGE", "Payload Too Large"),
    (414, "URI_TOO_LONG", "URI Too Long"),
    (415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"),
    (416, "RANGE_NOT_SATISFIABLE", "Range Not Satisfiable"),
    (417, "EXPECTATION_FAILED", "Expectation Failed"),
    (418, "IM_A_TEAPOT", "I'm a teapot"),
    (421, "MISDIRECTED_REQUEST", "Misdirected Request"),
    (422, "UNPROCESSABLE_ENTITY", "Unprocessable Entity"),
    (423, "LOCKED", "Locked"),
    (424, "FAILED_DEPENDENCY", "Failed Dependency"),
    (425, "TOO_EARLY", "Too Early"),
    (426, "UPGRADE_REQUIRED", "Upgrade Required"),
    (428, "PRECONDITION_REQUIRED", "Precondition Required"),
    (429, "TOO_MANY_REQUESTS", "Too Many Requests"),
    (
        431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "Request Header Fields Too Large",
    ),
    (
        451,
        "UNAVAILABLE_FOR_LEGAL_REASONS",
        "Unavailable For Legal Reasons",
    ),
    (500, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
    (501, "NOT_IMPLEMENTED", "Not Implemented"),
    (502, "BAD_GATEWAY", "Bad Gateway"),
    (503, "SERVICE_UNAVAILABLE", "Service Unavailable"),
    (504, "GATEWAY_TIMEOUT", "Gateway Timeout"),
    (
        505,
        "HTTP_VERSION_NOT_SUPPORTED",
        "HTTP Version Not Supported",
    ),
    (506, "VARIANT_ALSO_NEGOTIATES", "Variant Also Negotiates"),
    (507, "INSUFFICIENT_STORAGE", "Insufficient Storage"),
    (508, "LOOP_DETECTED", "Loop Detected"),
    (510, "NOT_EXTENDED", "Not Extended"),
    (
        511,
        "NETWORK_AUTHENTICATION_REQUIRED",
        "Network Authentication Required",
    ),
];

/// The entry for a numeric code.
pub fn by_code(code: u16) -> Option<(u16, &'static str, &'static str)> {
    STATUSES.iter().copied().find(|(c, _, _)| *c == code)
}

/// The entry for a constant name such as `NOT_FOUND`.
pub fn by_name(name: &str) -> Option<(u16, &'static str, &'static str)> {
    STATUSES.iter().copied().find(|(_, n, _)| *n == name)
}

/// The title used when a variant sets none: the reason phrase, or a generic
/// class name for a code the `http` crate does not name.
pub fn default_title(code: u16) -> &'static str {
    match by_code(code) {
        Some((_, _, reason)) => reason,
        None if code >= 500 => "Server Error",
        None => "Client Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_http_crate() {
        for &(code, _, reason) in STATUSES {
            let status = http::StatusCode::from_u16(code).unwrap();
            assert_eq!(status.canonical_reason(), Some(reason), "{code}");
        }
        for code in 400..600u16 {
            let status = http::StatusCode::from_u16(code).unwrap();
            if let Some(reason) = status.canonical_reason() {
                assert_eq!(by_code(code).map(|e| e.2), Some(reason), "{code}");
            }
        }
        assert_eq!(by_name("UNPROCESSABLE_ENTITY").map(|e| e.0), Some(422));
        assert_eq!(default_title(499), "Client Error");
        assert_eq!(default_title(599), "Server Error");
    }
}
