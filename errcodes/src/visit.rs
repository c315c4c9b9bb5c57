//! How an error hands over its meta members and response headers: visitor
//! traits, so that [`ApiError`](crate::ApiError) stays object safe and
//! nothing is collected on the way.

use core::fmt::{self, Write as _};

use http::HeaderName;

/// Receives an error's meta members; see [`ApiError::visit_meta`](crate::ApiError::visit_meta).
///
/// Any `FnMut(&str, &dyn MetaValue)` closure is a visitor.
///
/// ```
/// use errcodes::{ApiError, MetaValue};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, detail = "Version conflict.")]
/// struct Conflict { #[api(meta)] current_version: u32 }
///
/// let mut names = Vec::new();
/// Conflict { current_version: 7 }.visit_meta(&mut |name: &str, _: &dyn MetaValue| {
///     names.push(name.to_owned());
/// });
/// assert_eq!(names, ["current_version"]);
/// ```
pub trait MetaVisitor {
    /// Called with one member's name and value.
    ///
    /// ```
    /// use errcodes::{MetaValue, MetaVisitor};
    ///
    /// struct Names(Vec<String>);
    /// impl MetaVisitor for Names {
    ///     fn visit(&mut self, name: &str, _: &dyn MetaValue) {
    ///         self.0.push(name.to_owned());
    ///     }
    /// }
    /// let mut names = Names(Vec::new());
    /// names.visit("limit", &10);
    /// assert_eq!(names.0, ["limit"]);
    /// ```
    fn visit(&mut self, name: &str, value: &dyn MetaValue);
}

impl<F: FnMut(&str, &dyn MetaValue)> MetaVisitor for F {
    fn visit(&mut self, name: &str, value: &dyn MetaValue) {
        self(name, value);
    }
}

/// A meta member's value: anything [`serde::Serialize`], behind a trait
/// object so that [`ApiError`](crate::ApiError) stays object safe.
///
/// ```
/// use errcodes::MetaValue;
///
/// let mut out = Vec::new();
/// MetaValue::write_json(&vec![1, 2], &mut out).unwrap();
/// assert_eq!(out, b"[1,2]");
/// ```
pub trait MetaValue {
    /// Appends the value as compact JSON.
    ///
    /// # Errors
    ///
    /// When the value cannot be serialized as JSON (for example a map whose
    /// keys are not strings). Renderers then leave the member out.
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: serde::Serialize + ?Sized> MetaValue for T {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

/// Receives an error's response headers; see [`ApiError::visit_headers`](crate::ApiError::visit_headers).
///
/// Any `FnMut(&HeaderName, &dyn Display)` closure is a visitor.
///
/// ```
/// use core::fmt::Display;
/// use errcodes::ApiError;
/// use http::HeaderName;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 429, detail = "Slow down.")]
/// struct RateLimited { #[api(header = "Retry-After")] seconds: u32 }
///
/// let mut seen = Vec::new();
/// RateLimited { seconds: 5 }.visit_headers(&mut |name: &HeaderName, value: &dyn Display| {
///     seen.push(format!("{name}: {value}"));
/// });
/// assert_eq!(seen, ["retry-after: 5"]);
/// ```
pub trait HeaderVisitor {
    /// Called with one header's name and value. The value is checked when
    /// the response is built: one that is not a valid header value is left
    /// out rather than sent.
    ///
    /// ```
    /// use core::fmt::Display;
    /// use errcodes::HeaderVisitor;
    /// use http::HeaderName;
    ///
    /// struct Count(usize);
    /// impl HeaderVisitor for Count {
    ///     fn visit(&mut self, _: &HeaderName, _: &dyn Display) {
    ///         self.0 += 1;
    ///     }
    /// }
    /// let mut count = Count(0);
    /// count.visit(&http::header::RETRY_AFTER, &30);
    /// assert_eq!(count.0, 1);
    /// ```
    fn visit(&mut self, name: &HeaderName, value: &dyn fmt::Display);
}

impl<F: FnMut(&HeaderName, &dyn fmt::Display)> HeaderVisitor for F {
    fn visit(&mut self, name: &HeaderName, value: &dyn fmt::Display) {
        self(name, value);
    }
}

/// Reads a header value written as delta-seconds (`Retry-After: 120`,
/// RFC 9110 section 10.2.3), formatting it on the stack: `None` for an
/// HTTP-date or anything else that is not a plain number of seconds.
///
/// ```
/// assert_eq!(errcodes::delta_seconds(&120), Some(120));
/// assert_eq!(errcodes::delta_seconds(&"Wed, 21 Oct 2026 07:28:00 GMT"), None);
/// assert_eq!(errcodes::delta_seconds(&"-1"), None);
/// ```
#[must_use]
pub fn delta_seconds(value: &dyn fmt::Display) -> Option<u64> {
    /// Digits as they are written; anything else spoils the value.
    #[derive(Default)]
    struct Seconds {
        value: u64,
        digits: usize,
        other: bool,
    }
    impl fmt::Write for Seconds {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            for b in s.bytes() {
                if b.is_ascii_digit() {
                    self.digits += 1;
                    self.value = self
                        .value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(b - b'0')))
                        .ok_or(fmt::Error)?;
                } else {
                    self.other = true;
                }
            }
            Ok(())
        }
    }
    let mut seconds = Seconds::default();
    write!(seconds, "{value}").ok()?;
    (seconds.digits > 0 && !seconds.other).then_some(seconds.value)
}

/// A closure as a `Display`.
pub(crate) struct Fmt<F>(F);

/// `write` as a `Display` (the function pins the closure's signature): a
/// text written straight where it goes, never collected first.
pub(crate) fn fmt_fn<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(write: F) -> Fmt<F> {
    Fmt(write)
}

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Fmt<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}
