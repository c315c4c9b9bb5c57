//! An error as the layer answers it: rendered with the request's context,
//! in the negotiated envelope and language, with the headers that go with
//! that (correlation id, `Vary`, `Content-Language`).

use http::header::{HeaderName, HeaderValue};

use super::config::Config;
use crate::context::InContext;
use crate::error::{ApiError, Envelope};
use crate::ext::ApiErrorExt as _;

/// `err` as the layer answers it to a request for `path` with
/// `request_id`, negotiated to `envelope` and `locale`: with the request's
/// context and the app's profile, in its own envelope if it opted out of
/// negotiation, with `x-request-id`, `Vary` and, when the body was
/// localized, `Content-Language`. The OpenAPI document renders its examples
/// here too, so they are the wire.
#[cfg(feature = "utoipa")]
pub(crate) fn answer<E: ApiError + ?Sized>(
    config: &Config,
    envelope: Envelope,
    err: &E,
    path: &str,
    request_id: &str,
    locale: Option<&str>,
) -> http::Response<Vec<u8>> {
    let (mut parts, ()) = http::Response::new(()).into_parts();
    let asked = Asked {
        envelope,
        path,
        request_id,
        locale,
    };
    let body = answer_into(&mut parts, Fresh::Yes, config, &asked, err);
    http::Response::from_parts(parts, body)
}

/// What a request asked for: its envelope, path, correlation id, locale.
pub(crate) struct Asked<'r> {
    pub(crate) envelope: Envelope,
    pub(crate) path: &'r str,
    pub(crate) request_id: &'r str,
    pub(crate) locale: Option<&'r str>,
}

/// Whether the response head is new (the error's own headers still to
/// add) or the one the error was carried in (they are there already).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fresh {
    Yes,
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    No,
}

/// [`answer`] into the head `parts`: its status and headers set, the body
/// returned. A carried error's response keeps its head (and whatever an
/// inner middleware added to it): no second header map, no second
/// extensions map.
pub(crate) fn answer_into<E: ApiError + ?Sized>(
    parts: &mut http::response::Parts,
    fresh: Fresh,
    config: &Config,
    asked: &Asked<'_>,
    err: &E,
) -> Vec<u8> {
    let answered = InContext::new(err)
        .path(asked.path)
        .request_id(asked.request_id)
        .profile(&config.profile);
    #[cfg(feature = "fluent")]
    let answered = match asked.locale {
        Some(locale) => answered.locale(locale),
        None => answered,
    };
    #[cfg(not(feature = "fluent"))]
    let _ = asked.locale;
    // A type that opted out of negotiation answers in its own envelope.
    let own = err.settings();
    let envelope = if own.fixed_envelope {
        own.envelope
    } else {
        asked.envelope
    };
    let body = answered.render_to_vec(envelope);
    parts.status = crate::envelope::http_status(err, envelope);
    let headers = &mut parts.headers;
    crate::response::set_content_type(headers, envelope.media_type());
    if fresh == Fresh::Yes {
        crate::response::add_error_headers(headers, |visitor| answered.visit_headers(visitor));
    }
    if let Ok(value) = HeaderValue::from_str(asked.request_id) {
        headers.insert(REQUEST_ID, value);
    }
    // The envelope depends on `Accept` (and the language on
    // `Accept-Language`): a cache must not give this answer to a request
    // that asked for another.
    let by_language = !config.profile.locales_setting().is_empty();
    match (own.fixed_envelope, by_language) {
        (false, false) => {
            headers.insert(
                http::header::VARY,
                const { HeaderValue::from_static("accept") },
            );
        }
        (false, true) => {
            headers.insert(
                http::header::VARY,
                const { HeaderValue::from_static("accept, accept-language") },
            );
        }
        (true, true) => {
            headers.insert(
                http::header::VARY,
                const { HeaderValue::from_static("accept-language") },
            );
        }
        (true, false) => {}
    }
    if let Some(language) = answered.occurrence().language
        && let Ok(value) = HeaderValue::from_str(language)
    {
        headers.insert(http::header::CONTENT_LANGUAGE, value);
    }
    parts.extensions.insert(Written);
    body
}

/// The header a correlation id travels in, both ways.
pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The mark the engine leaves on every response it writes (an `http`
/// extension, carried into the framework's response), so `finish` tells
/// its own answers from a framework's.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Written;
