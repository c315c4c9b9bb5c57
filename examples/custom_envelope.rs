//! Your own envelope: Stripe's `{"error": {"type", "code", "message", "param"?}}`
//! as a `Format`, used by a derived enum: `cargo run --example custom_envelope`.

use PaymentError::{AmountMissing, CardDeclined, Ledger};
use errcodes::http::StatusCode;
use errcodes::{ApiError, ApiErrorExt as _, Detail, ErrorList, Format, FormatDecode, json};
use errcodes::{Location, ReceivedError};

pub struct Stripe;

impl Format for Stripe {
    fn name(&self) -> &str {
        "stripe"
    }
    fn media_type(&self) -> &str {
        "application/json"
    }
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        let settings = err.settings();
        let server = err.status().is_server_error().then_some("api_error");
        let kind = settings.kind.or(server).unwrap_or("invalid_request_error");
        out.extend_from_slice(b"{\"error\":{\"type\":");
        json::string(out, kind);
        if !settings.redact_code {
            out.extend_from_slice(b",\"code\":");
            json::string(out, err.code());
        }
        out.extend_from_slice(b",\"message\":");
        json::display(out, &Detail::new(err)); // never a 5xx's source
        if let Some(Location::Field(param) | Location::Parameter(param)) = err.location() {
            out.extend_from_slice(b",\"param\":");
            json::string(out, param);
        }
        out.extend_from_slice(b"}}");
    }
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        // Stripe reports one error: a collection answers with its first.
        match errors.get(0) {
            Some(first) => self.write_error(&first, out),
            None => self.write_error(errors.whole(), out),
        }
    }
    // Optional: say it reads its bodies back, for typed decoding on the client.
    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }
}

impl FormatDecode for Stripe {
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        let doc: serde_json::Value = serde_json::from_slice(body).ok()?;
        let error = doc.get("error")?;
        let text = |key: &str| error.get(key).and_then(|v| v.as_str());
        let mut received = ReceivedError::new(status).with_detail(text("message")?);
        if let Some(code) = text("code") {
            received = received.with_code(code);
        }
        if let Some(param) = text("param") {
            received = received.with_location(param);
        }
        Some(vec![received])
    }
}

#[derive(Debug, ApiError)]
#[api(envelope = Stripe)]
pub enum PaymentError {
    #[api(status = 402, code = "card_declined", kind = "card_error")]
    #[api(detail = "Your card was declined.")]
    CardDeclined,
    #[api(status = 400, code = "parameter_missing", attr = "amount")]
    #[api(detail = "Missing required param: amount.")]
    AmountMissing,
    #[api(status = 500)]
    Ledger(#[api(source)] std::io::Error),
}

fn main() {
    let ledger = Ledger(std::io::Error::other("ledger-3 timed out"));
    for err in [CardDeclined, AmountMissing, ledger] {
        let response = err.to_response();
        let body = String::from_utf8_lossy(response.body());
        println!("HTTP {}  {body}", response.status().as_u16());
    }
}
