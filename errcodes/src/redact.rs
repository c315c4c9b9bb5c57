//! Redaction: what a client may read of an error's detail. [`Detail`] is
//! that text (the safe one, and the short name); [`UnredactedDetail`] is
//! everything `fmt_detail` writes, for logs.

use core::fmt;

use crate::error::ApiError;
use crate::error::Settings;

/// The detail a client may read, as every built-in envelope writes it: the
/// error's own detail, unless its settings
/// [redact](crate::Settings::redact_detail) it; then the title for a 4xx
/// and a generic text for a 5xx. Use it in formats of your own.
///
/// ```
/// use errcodes::{ApiError, Detail};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 409, detail = "Version {0} is stale.")]
///     Stale(u32),
///     #[api(status = 500)]
///     Db(#[api(source)] std::io::Error),
/// }
///
/// assert_eq!(Detail::new(&E::Stale(3)).to_string(), "Version 3 is stale.");
/// let db = E::Db(std::io::Error::other("disk full on db-1"));
/// assert_eq!(Detail::new(&db).to_string(), "The server hit an unexpected condition.");
/// assert_eq!(Detail::new(&db).with_generic("Try again later.").to_string(), "Try again later.");
/// ```
pub struct Detail<'a, E: ?Sized> {
    err: &'a E,
    generic: &'a str,
}

/// The generic text of a redacted 5xx detail.
pub(crate) const GENERIC: &str = "The server hit an unexpected condition.";

impl<'a, E: ApiError + ?Sized> Detail<'a, E> {
    /// The generic text of a 5xx whose detail is redacted.
    ///
    /// ```
    /// use errcodes::{ApiError, Detail};
    /// assert_eq!(Detail::<dyn ApiError>::GENERIC, "The server hit an unexpected condition.");
    /// ```
    pub const GENERIC: &'static str = GENERIC;

    /// `err`'s client-facing detail.
    ///
    /// ```
    /// use errcodes::{ApiError, Detail};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "No such order.")]
    /// struct NotFound;
    ///
    /// assert_eq!(Detail::new(&NotFound).to_string(), "No such order.");
    /// ```
    #[must_use]
    pub fn new(err: &'a E) -> Self {
        Detail {
            err,
            generic: GENERIC,
        }
    }

    /// The same, with `generic` as the text of a redacted 5xx.
    ///
    /// ```
    /// use errcodes::{ApiError, Detail};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 503)]
    /// struct Down;
    ///
    /// assert_eq!(Detail::new(&Down).with_generic("Try again later.").to_string(), "Try again later.");
    /// ```
    #[must_use]
    pub fn with_generic(self, generic: &'a str) -> Self {
        Detail { generic, ..self }
    }
}

impl<E: ApiError + ?Sized> fmt::Display for Detail<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match public_text(self.err, &self.err.settings(), self.generic) {
            PublicText::Fixed(text) => f.write_str(text),
            PublicText::Own => write_total(f, |f| self.err.fmt_detail(f)),
        }
    }
}

/// Everything [`fmt_detail`](ApiError::fmt_detail) writes, redacted or not:
/// for logs and tests, never for a response body (use [`Detail`] there).
///
/// ```
/// use errcodes::{ApiError, Detail, UnredactedDetail};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 500, detail = "Ledger {0} is locked.")]
/// struct Locked(#[api(public)] u32);
///
/// assert_eq!(UnredactedDetail(&Locked(7)).to_string(), "Ledger 7 is locked.");
/// assert_eq!(Detail::new(&Locked(7)).to_string(), "Ledger 7 is locked.");
/// ```
pub struct UnredactedDetail<'a, E: ?Sized>(pub &'a E);

impl<E: ApiError + ?Sized> fmt::Display for UnredactedDetail<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_total(f, |f| self.0.fmt_detail(f))
    }
}

/// Runs `write`, swallowing the errors of the error's own `Display`
/// impls: `to_string` never panics, and only the formatter's own failure is
/// reported.
pub(crate) fn write_total(
    f: &mut fmt::Formatter<'_>,
    write: impl Fn(&mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    struct Guard<'a, 'b> {
        f: &'a mut fmt::Formatter<'b>,
        failed: bool,
    }
    impl fmt::Write for Guard<'_, '_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let result = self.f.write_str(s);
            self.failed |= result.is_err();
            result
        }
    }
    let mut guard = Guard { f, failed: false };
    let _ = fmt::Write::write_fmt(&mut guard, format_args!("{}", crate::visit::fmt_fn(write)));
    if guard.failed {
        Err(fmt::Error)
    } else {
        Ok(())
    }
}

/// What a client reads of a detail: the error's own text, or a fixed one.
pub(crate) enum PublicText<'a> {
    Own,
    Fixed(&'a str),
}

/// The one rule of redaction: the own detail unless redacted; then the
/// `generic` text for a 5xx and the title for a 4xx.
pub(crate) fn public_text<'a, E: ApiError + ?Sized>(
    err: &'a E,
    settings: &Settings<'_>,
    generic: &'a str,
) -> PublicText<'a> {
    if !settings.redact_detail {
        PublicText::Own
    } else if err.status().is_server_error() {
        PublicText::Fixed(generic)
    } else {
        PublicText::Fixed(err.title())
    }
}
