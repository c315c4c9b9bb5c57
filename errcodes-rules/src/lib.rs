//! The rules [errcodes](https://docs.rs/errcodes) holds declared values to,
//! in one place: its derive applies them at compile time to what
//! `#[api(...)]` says, its runtime to what is given at run time
//! (`ApiErrors::with_type_base`, `Profile::type_base`, headers a
//! hand-written error sets), so the two cannot disagree. Not meant to be
//! used directly; it follows errcodes' version.
//!
//! ```
//! use errcodes_rules::{check_code, CodeProblem};
//!
//! assert_eq!(check_code("order_not_found"), Ok(()));
//! assert_eq!(check_code("not found"), Err(CodeProblem::Character(' ')));
//! ```
#![no_std]
#![deny(missing_docs)]

/// The names of the built-in envelopes, as `envelope = "..."` and
/// `Envelope`'s `FromStr` know them.
///
/// ```
/// assert!(errcodes_rules::ENVELOPES.contains(&"jsonapi"));
/// ```
pub const ENVELOPES: &[&str] = &[
    "jsonapi",
    "problem",
    "laravel",
    "drf",
    "shipstream",
    "aip193",
    "connect",
];

/// The canonical RPC codes of `google/rpc/code.proto`, by number: what
/// `rpc_code = "..."` names (in this case or Connect's lower case) and
/// `errcodes::rpc::Code` is.
///
/// ```
/// assert_eq!(errcodes_rules::RPC_CODES[5], "NOT_FOUND");
/// assert_eq!(errcodes_rules::RPC_CODES.len(), 17);
/// ```
pub const RPC_CODES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// The canonical code (its number, an index into [`RPC_CODES`]) an error
/// with HTTP `status` answers with: `code.proto`'s HTTP mappings read
/// backwards, the first listed where several share a status, the nearest
/// meaning for statuses it does not map, else `INVALID_ARGUMENT` for a 4xx
/// and `INTERNAL` for a 5xx. The derive (decoding) and the runtime
/// (`errcodes::rpc::Code::for_status`) share it.
///
/// ```
/// assert_eq!(errcodes_rules::RPC_CODES[errcodes_rules::rpc_code_for_status(404)], "NOT_FOUND");
/// assert_eq!(errcodes_rules::RPC_CODES[errcodes_rules::rpc_code_for_status(422)], "INVALID_ARGUMENT");
/// ```
#[must_use]
pub const fn rpc_code_for_status(status: u16) -> usize {
    match status {
        401 => 16,       // UNAUTHENTICATED
        403 => 7,        // PERMISSION_DENIED
        404 | 410 => 5,  // NOT_FOUND
        408 | 504 => 4,  // DEADLINE_EXCEEDED
        409 => 6,        // ALREADY_EXISTS
        412 => 9,        // FAILED_PRECONDITION
        416 => 11,       // OUT_OF_RANGE
        429 => 8,        // RESOURCE_EXHAUSTED
        499 => 1,        // CANCELLED
        405 | 501 => 12, // UNIMPLEMENTED (405 as grpc-gateway answers it)
        502 | 503 => 14, // UNAVAILABLE
        500..=599 => 13, // INTERNAL
        _ => 3,          // INVALID_ARGUMENT
    }
}

/// Response headers every response sets itself, which an error may not set.
///
/// ```
/// assert!(errcodes_rules::RESPONSE_OWNED_HEADERS.contains(&"content-type"));
/// ```
pub const RESPONSE_OWNED_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "transfer-encoding",
    "x-content-type-options",
    "vary",
];

/// Headers that carry credentials or session state, which an error
/// response never sets.
///
/// ```
/// assert!(errcodes_rules::CREDENTIAL_HEADERS.contains(&"set-cookie"));
/// ```
pub const CREDENTIAL_HEADERS: &[&str] = &[
    "set-cookie",
    "set-cookie2",
    "cookie",
    "authorization",
    "proxy-authorization",
];

/// Response headers that take exactly one value (RFC 9110).
///
/// ```
/// assert!(errcodes_rules::SINGLE_VALUE_HEADERS.contains(&"retry-after"));
/// ```
pub const SINGLE_VALUE_HEADERS: &[&str] = &[
    "retry-after",
    "location",
    "content-location",
    "expires",
    "last-modified",
    "age",
    "etag",
    "date",
];

/// Problem Details members that a meta member may not be written over: the
/// ones RFC 9457 and errcodes give a meaning. Read back, every other member
/// of a problem is meta.
///
/// ```
/// assert!(errcodes_rules::PROBLEM_RESERVED_MEMBERS.contains(&"status"));
/// ```
pub const PROBLEM_RESERVED_MEMBERS: &[&str] = &[
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "code",
    "errors",
    "request_id",
];

/// Why a code is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// It is empty (or only white space).
    Empty,
    /// It holds a character other than `A-Z a-z 0-9 _ . -`.
    Character(char),
}

/// A code is non-empty and uses only `A-Z a-z 0-9 _ . -`, so it is the same
/// text in every envelope, in a URI and in a log line.
///
/// # Errors
///
/// What is wrong with it.
///
/// ```
/// assert!(errcodes_rules::check_code("v2.order-not_found").is_ok());
/// assert!(errcodes_rules::check_code("").is_err());
/// ```
pub fn check_code(code: &str) -> Result<(), CodeProblem> {
    if code.trim().is_empty() {
        return Err(CodeProblem::Empty);
    }
    match code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        Some(bad) => Err(CodeProblem::Character(bad)),
        None => Ok(()),
    }
}

/// Why a type base is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeBaseProblem {
    /// Not an absolute URI: a scheme, a colon, more, and only characters a
    /// URI may hold (RFC 3986).
    NotAbsolute,
    /// The code is appended as it is, so it must end with `/`, `#`, `:` or
    /// `=`.
    Unjoinable,
}

/// The characters RFC 3986 allows in a URI (unreserved, reserved, `%`).
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// A type base is an absolute URI that the code can be appended to:
/// `https://errors.example.com/` + `not_found`.
///
/// # Errors
///
/// What is wrong with it.
///
/// ```
/// use errcodes_rules::{check_type_base, TypeBaseProblem};
///
/// assert!(check_type_base("https://errors.example.com/").is_ok());
/// assert_eq!(check_type_base("errors/"), Err(TypeBaseProblem::NotAbsolute));
/// assert_eq!(check_type_base("https://errors.example.com"), Err(TypeBaseProblem::Unjoinable));
/// ```
pub fn check_type_base(base: &str) -> Result<(), TypeBaseProblem> {
    let Some((scheme, rest)) = base.split_once(':') else {
        return Err(TypeBaseProblem::NotAbsolute);
    };
    let mut scheme_chars = scheme.chars();
    let absolute = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && base.chars().all(is_uri_char);
    if !absolute {
        Err(TypeBaseProblem::NotAbsolute)
    } else if !base.ends_with(['/', '#', ':', '=']) {
        Err(TypeBaseProblem::Unjoinable)
    } else {
        Ok(())
    }
}

/// Why a JSON Pointer is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerProblem {
    /// Not empty, and not starting with `/`.
    NoLeadingSlash,
    /// A `~` not followed by `0` or `1` (RFC 6901 escapes `~` as `~0` and
    /// `/` as `~1`, nothing else); the character after it, if any.
    Escape(Option<char>),
}

/// A JSON Pointer (RFC 6901) is empty or starts with `/`, and escapes only
/// `~0` and `~1`.
///
/// # Errors
///
/// What is wrong with it.
///
/// ```
/// use errcodes_rules::{check_json_pointer, PointerProblem};
///
/// assert!(check_json_pointer("/data/attributes/a~1b").is_ok());
/// assert_eq!(check_json_pointer("data"), Err(PointerProblem::NoLeadingSlash));
/// assert_eq!(check_json_pointer("/a~2"), Err(PointerProblem::Escape(Some('2'))));
/// ```
pub fn check_json_pointer(pointer: &str) -> Result<(), PointerProblem> {
    if !(pointer.is_empty() || pointer.starts_with('/')) {
        return Err(PointerProblem::NoLeadingSlash);
    }
    let mut chars = pointer.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0' | '1') => {}
                other => return Err(PointerProblem::Escape(other)),
            }
        }
    }
    Ok(())
}

/// A domain names a service, such as `orders.example.com`: not empty, no
/// white space or control characters.
///
/// ```
/// assert!(errcodes_rules::is_domain("orders.example.com"));
/// assert!(!errcodes_rules::is_domain("orders example"));
/// ```
#[must_use]
pub fn is_domain(domain: &str) -> bool {
    !domain.is_empty() && !domain.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A header name is an RFC 9110 token.
///
/// ```
/// assert!(errcodes_rules::is_header_name("Retry-After"));
/// assert!(!errcodes_rules::is_header_name("Retry After"));
/// ```
#[must_use]
pub fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Why an error may not set a response header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderProblem {
    /// Every response sets it itself ([`RESPONSE_OWNED_HEADERS`]).
    OwnedByTheResponse,
    /// It carries credentials or session state ([`CREDENTIAL_HEADERS`]).
    Credentials,
}

/// Whether an error may set the response header `name` (any case).
///
/// # Errors
///
/// Why it may not.
///
/// ```
/// use errcodes_rules::{check_response_header, HeaderProblem};
///
/// assert!(check_response_header("Retry-After").is_ok());
/// assert_eq!(check_response_header("Set-Cookie2"), Err(HeaderProblem::Credentials));
/// assert_eq!(check_response_header("content-type"), Err(HeaderProblem::OwnedByTheResponse));
/// ```
pub fn check_response_header(name: &str) -> Result<(), HeaderProblem> {
    let is = |list: &[&str]| list.iter().any(|h| h.eq_ignore_ascii_case(name));
    if is(RESPONSE_OWNED_HEADERS) {
        Err(HeaderProblem::OwnedByTheResponse)
    } else if is(CREDENTIAL_HEADERS) {
        Err(HeaderProblem::Credentials)
    } else {
        Ok(())
    }
}

/// Whether `name` is a Problem Details member a meta member may not be
/// written over ([`PROBLEM_RESERVED_MEMBERS`]).
///
/// ```
/// assert!(errcodes_rules::is_reserved_problem_member("status"));
/// assert!(!errcodes_rules::is_reserved_problem_member("order_id"));
/// ```
#[must_use]
pub fn is_reserved_problem_member(name: &str) -> bool {
    PROBLEM_RESERVED_MEMBERS.contains(&name)
}

/// The corpus both crates' tests hold to these rules (`corpus.tsv`): every
/// value with the verdict errcodes must give it, at compile time and at
/// run time. For errcodes' tests, not API.
#[doc(hidden)]
pub mod corpus {
    /// `(kind, accepted, value)` for every line of the corpus but comments:
    /// kinds `code`, `type_base`, `pointer`, `header`.
    pub fn cases() -> impl Iterator<Item = (&'static str, bool, &'static str)> {
        include_str!("../corpus.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| {
                let mut columns = line.splitn(3, '\t');
                let kind = columns.next().unwrap_or_default();
                let accepted = columns.next() == Some("ok");
                (kind, accepted, columns.next().unwrap_or_default())
            })
    }
}
