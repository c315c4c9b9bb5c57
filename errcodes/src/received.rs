//! An error as a client receives it: what one error object of any envelope
//! says, read back from the JSON, before it is matched to a type.

use http::StatusCode;
use http::header::HeaderMap;
use serde_json::{Map, Value};

/// One error read back from a response body, in any envelope: its status,
/// code, title, detail, location and meta as the body states them (each
/// `None` when the envelope has no place for it), the response's headers,
/// and the entries it carries (Problem Details' `errors`, Laravel's
/// `errors`, ShipStream's `details`, AIP-193's field violations).
///
/// A decoder of a format of your own builds them with [`ReceivedError::new`] and
/// the setters; [`crate::client`] matches them to your error types, and an
/// error no type knows stays a `ReceivedError`, which renders again like any
/// error.
///
/// ```
/// use errcodes::ReceivedError;
///
/// let received = ReceivedError::new(http::StatusCode::CONFLICT)
///     .with_code("duplicate")
///     .with_detail("user bob already exists");
/// assert_eq!(received.code(), Some("duplicate"));
/// assert_eq!(received.detail(), Some("user bob already exists"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReceivedError {
    pub(crate) status: StatusCode,
    pub(crate) code: Option<String>,
    /// AIP-193's `reason`: the code in `UPPER_SNAKE_CASE`.
    pub(crate) reason: bool,
    pub(crate) title: Option<String>,
    pub(crate) detail: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) meta: Map<String, Value>,
    pub(crate) headers: HeaderMap,
    pub(crate) entries: Vec<ReceivedError>,
    /// AIP-193's `RetryInfo.retryDelay`, in whole seconds.
    pub(crate) retry_delay: Option<u64>,
    /// The canonical code of an answer that came by an RPC shape (Connect,
    /// gRPC), whose HTTP status is the code's, not the one declared.
    pub(crate) rpc: Option<crate::rpc::code::Code>,
}

impl ReceivedError {
    /// An error with `status` and nothing else yet.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::NOT_FOUND);
    /// assert_eq!(received.status(), 404);
    /// assert_eq!(received.code(), None);
    /// ```
    #[must_use]
    pub fn new(status: StatusCode) -> ReceivedError {
        ReceivedError {
            status,
            ..ReceivedError::default()
        }
    }

    /// The code, as the body gave it.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::NOT_FOUND).with_code("order_not_found");
    /// assert_eq!(received.code(), Some("order_not_found"));
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> ReceivedError {
        self.code = Some(code.into());
        self.reason = false;
        self
    }

    /// The code as AIP-193 writes it (`reason`, `UPPER_SNAKE_CASE`): it
    /// matches a declared code that reads the same in that case.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::NOT_FOUND).with_reason("ORDER_NOT_FOUND");
    /// assert!(received.is_code("order_not_found"));
    /// ```
    #[must_use]
    pub fn with_reason(mut self, reason: impl Into<String>) -> ReceivedError {
        self.code = Some(reason.into());
        self.reason = true;
        self
    }

    /// The title.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::NOT_FOUND).with_title("Not Found");
    /// assert_eq!(received.title(), Some("Not Found"));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> ReceivedError {
        self.title = Some(title.into());
        self
    }

    /// The detail (the occurrence's text).
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::NOT_FOUND).with_detail("No order 7.");
    /// assert_eq!(received.detail(), Some("No order 7."));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> ReceivedError {
        self.detail = Some(detail.into());
        self
    }

    /// Where in the request: a JSON pointer, a dotted key or a parameter
    /// name, as the envelope writes it.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::UNPROCESSABLE_ENTITY).with_location("/data/attributes/name");
    /// assert_eq!(received.location(), Some("/data/attributes/name"));
    /// ```
    #[must_use]
    pub fn with_location(mut self, location: impl Into<String>) -> ReceivedError {
        self.location = Some(location.into());
        self
    }

    /// One meta member.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::TOO_MANY_REQUESTS).with_meta("retry_after", 30.into());
    /// assert_eq!(received.meta("retry_after"), Some(&serde_json::json!(30)));
    /// ```
    #[must_use]
    pub fn with_meta(mut self, name: impl Into<String>, value: Value) -> ReceivedError {
        self.meta.insert(name.into(), value);
        self
    }

    /// One entry (a field error inside this error).
    ///
    /// ```
    /// use errcodes::ReceivedError;
    /// let entry = ReceivedError::new(http::StatusCode::UNPROCESSABLE_ENTITY).with_location("name");
    /// let received = ReceivedError::new(http::StatusCode::UNPROCESSABLE_ENTITY).with_entry(entry);
    /// assert_eq!(received.entries().len(), 1);
    /// ```
    #[must_use]
    pub fn with_entry(mut self, entry: ReceivedError) -> ReceivedError {
        self.entries.push(entry);
        self
    }

    /// The response's headers (`Retry-After`, ...).
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", http::HeaderValue::from_static("30"));
    /// let received = errcodes::ReceivedError::new(http::StatusCode::TOO_MANY_REQUESTS).with_headers(headers);
    /// assert_eq!(received.header("Retry-After"), Some("30"));
    /// ```
    #[must_use]
    pub fn with_headers(mut self, headers: HeaderMap) -> ReceivedError {
        self.headers = headers;
        self
    }

    /// The HTTP status.
    ///
    /// ```
    /// assert_eq!(errcodes::ReceivedError::new(http::StatusCode::GONE).status(), 410);
    /// ```
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The code as the body gave it, if the envelope carries one.
    ///
    /// ```
    /// assert_eq!(errcodes::ReceivedError::new(http::StatusCode::GONE).code(), None);
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Whether the body's code is `code` (for AIP-193, whether its `reason`
    /// is `code` in `UPPER_SNAKE_CASE`).
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::CONFLICT).with_code("duplicate");
    /// assert!(received.is_code("duplicate"));
    /// assert!(!received.is_code("taken"));
    /// ```
    #[must_use]
    pub fn is_code(&self, code: &str) -> bool {
        match &self.code {
            None => false,
            Some(own) if !self.reason => own == code,
            // Spelled as the AIP-193 writer spells it.
            Some(reason) => {
                let mut spelled = Vec::with_capacity(code.len());
                crate::case::upper_snake(&mut spelled, code);
                spelled == reason.as_bytes()
            }
        }
    }

    /// The title, if the envelope carries one.
    ///
    /// ```
    /// assert_eq!(errcodes::ReceivedError::new(http::StatusCode::GONE).title(), None);
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The detail.
    ///
    /// ```
    /// assert_eq!(errcodes::ReceivedError::new(http::StatusCode::GONE).detail(), None);
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The location, as the envelope writes it.
    ///
    /// ```
    /// assert_eq!(errcodes::ReceivedError::new(http::StatusCode::GONE).location(), None);
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// The meta member `name`: by that name, else (AIP-193's metadata) by
    /// the lowerCamelCase key the AIP-193 writer makes of it.
    ///
    /// ```
    /// let received = errcodes::ReceivedError::new(http::StatusCode::TOO_MANY_REQUESTS).with_meta("retryAfter", "30".into());
    /// assert_eq!(received.meta("retry_after"), Some(&serde_json::json!("30")));
    /// ```
    #[must_use]
    pub fn meta(&self, name: &str) -> Option<&Value> {
        self.meta.get(name).or_else(|| {
            // Spelled as the AIP-193 writer spells metadata keys.
            let mut key = Vec::with_capacity(name.len());
            crate::case::metadata_key(&mut key, name);
            self.meta.get(core::str::from_utf8(&key).ok()?)
        })
    }

    /// Every meta member.
    ///
    /// ```
    /// assert!(errcodes::ReceivedError::new(http::StatusCode::GONE).meta_members().is_empty());
    /// ```
    #[must_use]
    pub fn meta_members(&self) -> &Map<String, Value> {
        &self.meta
    }

    /// A response header's value, if it is text.
    ///
    /// ```
    /// assert_eq!(errcodes::ReceivedError::new(http::StatusCode::GONE).header("retry-after"), None);
    /// ```
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// How long to wait before sending the request again, when the answer
    /// said: its `Retry-After` header in seconds, else AIP-193's
    /// `RetryInfo.retryDelay`.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", http::HeaderValue::from_static("30"));
    /// let received = errcodes::ReceivedError::new(http::StatusCode::TOO_MANY_REQUESTS).with_headers(headers);
    /// assert_eq!(received.retry_delay(), Some(Duration::from_secs(30)));
    /// ```
    #[must_use]
    pub fn retry_delay(&self) -> Option<std::time::Duration> {
        let header = self
            .header("retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok());
        header
            .or(self.retry_delay)
            .map(std::time::Duration::from_secs)
    }

    /// Whether the request may be sent again: when the answer gave a delay
    /// to wait ([`retry_delay`](Self::retry_delay)), or, without one, by
    /// AIP-194's default for the status (only a `503` is retryable).
    ///
    /// ```
    /// use http::StatusCode;
    ///
    /// assert!(errcodes::ReceivedError::new(StatusCode::SERVICE_UNAVAILABLE).is_retryable());
    /// assert!(!errcodes::ReceivedError::new(StatusCode::TOO_MANY_REQUESTS).is_retryable());
    /// ```
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.retry_delay().is_some() || crate::Retry::for_status(self.status).is_retryable()
    }

    /// The entries: field errors inside this error.
    ///
    /// ```
    /// assert!(errcodes::ReceivedError::new(http::StatusCode::GONE).entries().is_empty());
    /// ```
    #[must_use]
    pub fn entries(&self) -> &[ReceivedError] {
        &self.entries
    }
}

/// Reading JSON: the helpers the envelopes' decoders share.
pub(crate) mod read {
    use serde_json::Value;

    /// `value[key]` as a string.
    pub(crate) fn text(value: &Value, key: &str) -> Option<String> {
        value.get(key)?.as_str().map(str::to_owned)
    }

    /// `value[key]` as an object.
    pub(crate) fn object<'a>(
        value: &'a Value,
        key: &str,
    ) -> Option<&'a serde_json::Map<String, Value>> {
        value.get(key)?.as_object()
    }

    /// `value[key]` as an array.
    pub(crate) fn array<'a>(value: &'a Value, key: &str) -> Option<&'a [Value]> {
        value.get(key)?.as_array().map(Vec::as_slice)
    }
}

/// Reads a [`Format`](crate::Format)'s documents back, one [`ReceivedError`] per error object
/// (a format whose single error holds entries, such as Problem Details'
/// `errors`, may return one with [`ReceivedError::entries`]).
///
/// ```
/// use errcodes::{Format, FormatDecode};
/// use http::StatusCode;
///
/// let decoder = errcodes::Envelope::Laravel.format().decoder().unwrap();
/// let read = decoder.decode(StatusCode::UNAUTHORIZED, br#"{"message":"Unauthenticated."}"#).unwrap();
/// assert_eq!(read[0].detail(), Some("Unauthenticated."));
/// ```
pub trait FormatDecode: Sync {
    /// The errors in `body`, answered with `status`; `None` when the body
    /// is not one of this format's documents.
    fn decode(&self, status: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>>;
}
