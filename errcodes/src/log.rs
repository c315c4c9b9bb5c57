//! Logging the errors the web-framework layers answer (cargo feature
//! `tracing`): once each, a 5xx at `error` with its whole source chain, a
//! 4xx at `debug`, or the variant's own `log` level; always with the
//! correlation id, the method and the path. The body stays redacted: what a
//! client may not see goes to the log only.

use crate::error::{ApiError, LogLevel};

/// Logs `err`, answered to the request `method path` with `request_id`.
#[cfg(feature = "tracing")]
pub(crate) fn answered(err: &dyn ApiError, method: &str, path: &str, request_id: &str) {
    use core::fmt::Write as _;

    let level = err
        .settings()
        .log
        .unwrap_or(if err.status().is_server_error() {
            LogLevel::Error
        } else {
            LogLevel::Debug
        });
    // The whole chain of causes: the log is where they belong.
    let mut sources = String::new();
    let mut next = err.source_error();
    while let Some(source) = next {
        if !sources.is_empty() {
            sources.push_str(": ");
        }
        let _ = write!(sources, "{source}");
        next = source.source();
    }
    let status = err.status().as_u16();
    let code = err.code();
    let detail = crate::redact::UnredactedDetail(err);
    macro_rules! event {
        ($level:expr) => {
            tracing::event!(
                $level,
                status,
                code,
                request_id,
                method,
                path,
                %detail,
                sources = sources.as_str(),
                "answered with an error"
            )
        };
    }
    match level {
        LogLevel::Off => {}
        LogLevel::Trace => event!(tracing::Level::TRACE),
        LogLevel::Debug => event!(tracing::Level::DEBUG),
        LogLevel::Info => event!(tracing::Level::INFO),
        LogLevel::Warn => event!(tracing::Level::WARN),
        LogLevel::Error => event!(tracing::Level::ERROR),
    }
}

/// Without the `tracing` feature: nothing.
#[cfg(not(feature = "tracing"))]
pub(crate) fn answered(err: &dyn ApiError, method: &str, path: &str, request_id: &str) {
    let _ = (err, method, path, request_id, LogLevel::Off);
}
