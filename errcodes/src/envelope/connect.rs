//! Connect's error body (connectrpc.com/docs/protocol, "Error end-of-stream"
//! and unary errors), served as `application/json`:
//!
//! ```text
//! {"code": "not_found", "message": "No order 42 exists.", "details": [
//!   {"type": "google.rpc.ErrorInfo", "value": "<base64 of the protobuf message>"}]}
//! ```
//!
//! * `code` is the canonical code in Connect's spelling (lower snake case,
//!   `canceled`): the variant's `rpc_code`, else its status's by
//!   `code.proto` ([`Code::for_status`]).
//! * `message` is the developer-facing detail, redacted for a 5xx as in
//!   every envelope; left out when empty, as Connect does.
//! * `details` are AIP-193's (one `ErrorInfo`, a `BadRequest` for member
//!   errors, a `RetryInfo`, a `LocalizedMessage`) and a `Help` link to the
//!   code's type URI, each the binary protobuf message in unpadded base64
//!   under its fully qualified name.
//!
//! The HTTP status is the error's own, as in every envelope; Connect
//! clients read the code from the body. (A Connect server would send
//! `code.proto`'s status for the code: the same for every status but 422
//! and a few without a canonical code, which stay what the API declares.)

use http::StatusCode;
use serde_json::{Value, json};

use crate::error::{ApiError, ErrorList, Format};
use crate::json;
use crate::received::{FormatDecode, ReceivedError};
use crate::rpc::code::Code;
use crate::rpc::{base64, proto};
use crate::schema::{DocumentedErrors, FormatSchema};

/// The Connect format.
pub(crate) struct Connect;

impl Format for Connect {
    fn name(&self) -> &'static str {
        "connect"
    }

    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        write_error(err, out);
    }

    /// The canonical code's status, by Connect's table (code.proto's).
    fn status(&self, err: &dyn ApiError) -> StatusCode {
        let settings = err.settings();
        Code::answered(err.status(), settings.rpc_code, settings.kind).http_status()
    }

    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        let mut document = Vec::with_capacity(512);
        super::Envelope::Aip193
            .format()
            .write_errors(errors, &mut document);
        let document = serde_json::from_slice(&document).unwrap_or(Value::Null);
        write(&document, out);
    }

    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }

    fn schema(&self) -> Option<&dyn FormatSchema> {
        Some(self)
    }
}

/// One error's body.
pub(crate) fn write_error<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
    write(&super::aip193::document(err), out);
}

/// The body of AIP-193's `document`.
fn write(document: &Value, out: &mut Vec<u8>) {
    let error = &document["error"];
    let code =
        Code::from_name(error["status"].as_str().unwrap_or_default()).unwrap_or(Code::Unknown);
    out.extend_from_slice(b"{\"code\":");
    json::string(out, code.connect_name());
    if let Some(message) = error["message"].as_str().filter(|m| !m.is_empty()) {
        out.extend_from_slice(b",\"message\":");
        json::string(out, message);
    }
    let mut written = 0;
    for detail in error["details"].as_array().into_iter().flatten() {
        let Some((name, value)) = proto::detail(detail) else {
            continue;
        };
        out.extend_from_slice(if written == 0 {
            b",\"details\":[{\"type\":"
        } else {
            b",{\"type\":"
        });
        json::string(out, name);
        out.extend_from_slice(b",\"value\":\"");
        base64::encode(&value, out);
        out.extend_from_slice(b"\"}");
        written += 1;
    }
    if written > 0 {
        out.push(b']');
    }
    out.push(b'}');
}

impl FormatDecode for Connect {
    /// The details read back into AIP-193's form, then read as AIP-193
    /// reads them: the `ErrorInfo`'s reason is the code.
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        let body: Value = serde_json::from_slice(body).ok()?;
        let code = Code::from_name(body.get("code")?.as_str()?)?;
        let mut details = Vec::new();
        for detail in body
            .get("details")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = detail
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let Some(bytes) = detail
                .get("value")
                .and_then(Value::as_str)
                .and_then(base64::decode)
            else {
                continue;
            };
            if let Some(detail) = proto::detail_json(name, &bytes) {
                details.push(detail);
            }
        }
        let document = json!({"error": {
            "code": status.as_u16(),
            "message": body.get("message").and_then(Value::as_str).unwrap_or_default(),
            "status": code.name(),
            "details": details,
        }});
        let mut received = super::aip193::decode(status, &document)?;
        for one in &mut received {
            one.rpc = Some(code);
        }
        Some(received)
    }
}

impl FormatSchema for Connect {
    fn json_schema(&self, _input: &DocumentedErrors<'_>) -> Value {
        let codes: Vec<&str> = Code::ALL[1..].iter().map(|c| c.connect_name()).collect();
        json!({
            "type": "object",
            "required": ["code"],
            "properties": {
                "code": {"type": "string", "enum": codes},
                "message": {"type": "string"},
                "details": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["type", "value"],
                        "properties": {
                            "type": {"type": "string"},
                            "value": {"type": "string", "contentEncoding": "base64"},
                            "debug": {}
                        }
                    }
                }
            }
        })
    }
}
