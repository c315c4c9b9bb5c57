//! The golden tests' error enum: one variant per case the specification
//! calls out. Shared with the decoding tests, which read every variant back.

use errcodes::ApiError;

/// The orders API's errors.
#[derive(Debug, ApiError)]
pub enum OrderError {
    #[api(
        status = 409,
        code = "version_conflict",
        detail = "Order {order} changed since you read it."
    )]
    Conflict {
        order: u64,
        #[api(meta)]
        current_version: u32,
        #[api(meta)]
        editor: String,
    },
    #[api(
        status = 422,
        code = "invalid_email",
        attr = "email",
        detail = "\"{value}\" is not a valid e-mail address."
    )]
    InvalidEmail { value: String },
    #[api(status = 422, code = "required", detail = "This field is required.")]
    Required {
        #[api(attr)]
        field: String,
    },
    #[api(
        status = 401,
        code = "not_authenticated",
        detail = "Authentication credentials were not provided."
    )]
    Unauthenticated,
    #[api(status = 405, detail = "Method \"{method}\" not allowed.")]
    MethodNotAllowed {
        method: String,
        #[api(header = "Allow")]
        allow: &'static str,
    },
    #[api(
        status = 429,
        code = "throttled",
        detail = "Request was throttled. Expected available in {retry_after} seconds."
    )]
    Throttled {
        #[api(header = "Retry-After", meta)]
        retry_after: u64,
    },
    #[api(status = 500, code = "internal")]
    Io(#[api(source)] std::io::Error),
}
