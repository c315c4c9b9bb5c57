//! The canonical codes of `google/rpc/code.proto`, their names in gRPC and
//! Connect, and their HTTP mappings both ways.

use http::StatusCode;

/// A canonical RPC status code (`google.rpc.Code`): what gRPC sends as
/// `grpc-status`, AIP-193 as `status`, and Connect as `code`.
///
/// An error's code comes from its HTTP status by `code.proto`'s "HTTP
/// Mapping" comments ([`Code::for_status`]), unless the variant names one
/// with `#[api(rpc_code = "...")]`.
///
/// ```
/// use errcodes::rpc::Code;
///
/// assert_eq!(Code::for_status(http::StatusCode::NOT_FOUND), Code::NotFound);
/// // code.proto has no 422: it is an invalid argument, which maps back to 400.
/// assert_eq!(Code::for_status(http::StatusCode::UNPROCESSABLE_ENTITY), Code::InvalidArgument);
/// assert_eq!(Code::InvalidArgument.http_status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(Code::Cancelled.name(), "CANCELLED");
/// assert_eq!(Code::Cancelled.connect_name(), "canceled");
/// assert_eq!(Code::from_name("resource_exhausted"), Some(Code::ResourceExhausted));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `OK` (0): not an error.
    Ok,
    /// `CANCELLED` (1): the caller cancelled; HTTP 499.
    Cancelled,
    /// `UNKNOWN` (2); HTTP 500.
    Unknown,
    /// `INVALID_ARGUMENT` (3); HTTP 400.
    InvalidArgument,
    /// `DEADLINE_EXCEEDED` (4); HTTP 504.
    DeadlineExceeded,
    /// `NOT_FOUND` (5); HTTP 404.
    NotFound,
    /// `ALREADY_EXISTS` (6); HTTP 409.
    AlreadyExists,
    /// `PERMISSION_DENIED` (7); HTTP 403.
    PermissionDenied,
    /// `RESOURCE_EXHAUSTED` (8); HTTP 429.
    ResourceExhausted,
    /// `FAILED_PRECONDITION` (9); HTTP 400.
    FailedPrecondition,
    /// `ABORTED` (10); HTTP 409.
    Aborted,
    /// `OUT_OF_RANGE` (11); HTTP 400.
    OutOfRange,
    /// `UNIMPLEMENTED` (12); HTTP 501.
    Unimplemented,
    /// `INTERNAL` (13); HTTP 500.
    Internal,
    /// `UNAVAILABLE` (14); HTTP 503.
    Unavailable,
    /// `DATA_LOSS` (15); HTTP 500.
    DataLoss,
    /// `UNAUTHENTICATED` (16); HTTP 401.
    Unauthenticated,
}

impl Code {
    /// Every code, by number.
    ///
    /// ```
    /// assert_eq!(errcodes::rpc::Code::ALL.len(), 17);
    /// ```
    pub const ALL: [Code; 17] = [
        Code::Ok,
        Code::Cancelled,
        Code::Unknown,
        Code::InvalidArgument,
        Code::DeadlineExceeded,
        Code::NotFound,
        Code::AlreadyExists,
        Code::PermissionDenied,
        Code::ResourceExhausted,
        Code::FailedPrecondition,
        Code::Aborted,
        Code::OutOfRange,
        Code::Unimplemented,
        Code::Internal,
        Code::Unavailable,
        Code::DataLoss,
        Code::Unauthenticated,
    ];

    /// Its number, as `grpc-status` and `google.rpc.Status.code` carry it.
    ///
    /// ```
    /// assert_eq!(errcodes::rpc::Code::NotFound.number(), 5);
    /// ```
    #[must_use]
    pub const fn number(self) -> i32 {
        self as i32
    }

    /// The code numbered `number`, if it is one of the 17.
    ///
    /// ```
    /// use errcodes::rpc::Code;
    /// assert_eq!(Code::from_number(14), Some(Code::Unavailable));
    /// assert_eq!(Code::from_number(17), None);
    /// ```
    #[must_use]
    pub const fn from_number(number: i32) -> Option<Code> {
        if number >= 0 && number < 17 {
            #[allow(clippy::cast_sign_loss)] // checked above
            Some(Code::ALL[number as usize])
        } else {
            None
        }
    }

    /// Its name in `code.proto` (and AIP-193's `status`): `NOT_FOUND`.
    ///
    /// ```
    /// assert_eq!(errcodes::rpc::Code::NotFound.name(), "NOT_FOUND");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        errcodes_rules::RPC_CODES[self as usize]
    }

    /// Its name in Connect's error bodies: lower snake case, and
    /// `canceled` spelled as Connect spells it.
    ///
    /// ```
    /// assert_eq!(errcodes::rpc::Code::InvalidArgument.connect_name(), "invalid_argument");
    /// ```
    #[must_use]
    pub const fn connect_name(self) -> &'static str {
        match self {
            Code::Ok => "ok",
            Code::Cancelled => "canceled",
            Code::Unknown => "unknown",
            Code::InvalidArgument => "invalid_argument",
            Code::DeadlineExceeded => "deadline_exceeded",
            Code::NotFound => "not_found",
            Code::AlreadyExists => "already_exists",
            Code::PermissionDenied => "permission_denied",
            Code::ResourceExhausted => "resource_exhausted",
            Code::FailedPrecondition => "failed_precondition",
            Code::Aborted => "aborted",
            Code::OutOfRange => "out_of_range",
            Code::Unimplemented => "unimplemented",
            Code::Internal => "internal",
            Code::Unavailable => "unavailable",
            Code::DataLoss => "data_loss",
            Code::Unauthenticated => "unauthenticated",
        }
    }

    /// The code named `name`: its `code.proto` name or its Connect name,
    /// in any case (`NOT_FOUND`, `not_found`, `canceled`).
    ///
    /// ```
    /// use errcodes::rpc::Code;
    /// assert_eq!(Code::from_name("CANCELLED"), Code::from_name("canceled"));
    /// assert_eq!(Code::from_name("teapot"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|code| {
            code.name().eq_ignore_ascii_case(name) || code.connect_name().eq_ignore_ascii_case(name)
        })
    }

    /// The code an error with `status` answers with: `code.proto`'s HTTP
    /// mappings read backwards. Where several codes share a status, the
    /// first listed there wins (400 `INVALID_ARGUMENT`, 409
    /// `ALREADY_EXISTS`, 500 `INTERNAL`); statuses it does not map take the
    /// nearest meaning (405 `UNIMPLEMENTED` as grpc-gateway answers it, 408
    /// `DEADLINE_EXCEEDED`, 410 `NOT_FOUND`, 412 `FAILED_PRECONDITION`, 416
    /// `OUT_OF_RANGE`, 502 `UNAVAILABLE`), else `INVALID_ARGUMENT` for a 4xx
    /// (422 among them) and `INTERNAL` for a 5xx.
    ///
    /// ```
    /// use errcodes::rpc::Code;
    /// assert_eq!(Code::for_status(http::StatusCode::TOO_MANY_REQUESTS), Code::ResourceExhausted);
    /// assert_eq!(Code::for_status(http::StatusCode::BAD_GATEWAY), Code::Unavailable);
    /// ```
    #[must_use]
    pub const fn for_status(status: StatusCode) -> Code {
        Code::ALL[errcodes_rules::rpc_code_for_status(status.as_u16())]
    }

    /// The code an error with `status` answers with: the `declared` one
    /// (`rpc_code`), else a `kind` that is a canonical name (as AIP-193 has
    /// long read it), else [`for_status`](Code::for_status)'s. `OK` is never
    /// an error's.
    pub(crate) fn answered(status: StatusCode, declared: Option<Code>, kind: Option<&str>) -> Code {
        declared
            .filter(|code| *code != Code::Ok)
            .or_else(|| {
                let kind = kind?;
                Code::ALL
                    .into_iter()
                    .find(|c| *c != Code::Ok && c.name() == kind)
            })
            .unwrap_or_else(|| Code::for_status(status))
    }

    /// The HTTP status `code.proto` maps it to, which is also the status a
    /// Connect server answers it with (`OK` is 200).
    ///
    /// ```
    /// use errcodes::rpc::Code;
    /// assert_eq!(Code::FailedPrecondition.http_status(), http::StatusCode::BAD_REQUEST);
    /// assert_eq!(Code::Cancelled.http_status().as_u16(), 499);
    /// ```
    #[must_use]
    pub fn http_status(self) -> StatusCode {
        let status: u16 = match self {
            Code::Ok => 200,
            Code::Cancelled => 499,
            Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => 400,
            Code::DeadlineExceeded => 504,
            Code::NotFound => 404,
            Code::AlreadyExists | Code::Aborted => 409,
            Code::PermissionDenied => 403,
            Code::ResourceExhausted => 429,
            Code::Unimplemented => 501,
            Code::Unknown | Code::Internal | Code::DataLoss => 500,
            Code::Unavailable => 503,
            Code::Unauthenticated => 401,
        };
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The code a gRPC or Connect client gives an HTTP answer that carries
    /// no status of its own (a proxy's error page): the table both
    /// protocols specify, which is not [`for_status`](Code::for_status)
    /// (a bare 400 is `INTERNAL`, a bare 404 `UNIMPLEMENTED`).
    ///
    /// ```
    /// use errcodes::rpc::Code;
    /// assert_eq!(Code::from_bare_http_status(http::StatusCode::NOT_FOUND), Code::Unimplemented);
    /// assert_eq!(Code::from_bare_http_status(http::StatusCode::SERVICE_UNAVAILABLE), Code::Unavailable);
    /// ```
    #[must_use]
    pub const fn from_bare_http_status(status: StatusCode) -> Code {
        match status.as_u16() {
            400 => Code::Internal,
            401 => Code::Unauthenticated,
            403 => Code::PermissionDenied,
            404 => Code::Unimplemented,
            429 | 502 | 503 | 504 => Code::Unavailable,
            _ => Code::Unknown,
        }
    }
}

impl core::fmt::Display for Code {
    /// The `code.proto` name.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_agree() {
        for (i, code) in Code::ALL.into_iter().enumerate() {
            assert_eq!(code.number(), i32::try_from(i).unwrap());
            assert_eq!(Code::from_number(code.number()), Some(code));
            assert_eq!(Code::from_name(code.name()), Some(code));
            assert_eq!(Code::from_name(code.connect_name()), Some(code));
        }
    }

    #[test]
    fn every_code_s_own_status_reads_back_to_a_code_with_that_status() {
        for code in Code::ALL.into_iter().skip(1) {
            let back = Code::for_status(code.http_status());
            assert_eq!(back.http_status(), code.http_status(), "{code}");
        }
    }
}
