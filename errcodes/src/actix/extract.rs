//! actix's JSON, path, query and form extractors configured to reject
//! with a [`Rejection`], in the envelope, and actix's own payload errors as
//! [`Rejection`]s.

use actix_web::ResponseError as _;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};

use super::into_error;
use crate::serve::Rejection;

/// A JSON body, rejecting with a [`Rejection`] that names the member that
/// failed (`items[0].sku` of the wrong type, a missing `name`), as axum's
/// errcodes `Json` does: actix's own `web::Json` (with [`json_config`]) can
/// name only a missing member, since `serde_json` gives no path. The body
/// limit is actix's `PayloadConfig` (256 KiB unless configured); the
/// `Content-Type` must be JSON (`application/json`, or any `+json`).
///
/// ```
/// use errcodes::actix::Json;
///
/// #[derive(serde::Deserialize)]
/// struct Signup { email: String }
///
/// async fn signup(Json(signup): Json<Signup>) -> String {
///     signup.email
/// }
/// let app = actix_web::App::new().route("/signup", actix_web::web::post().to(signup));
/// # let _ = app;
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Json<T>(pub T);

impl<T: serde::de::DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Json<T>, actix_web::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = request
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::trim)
            .is_some_and(|media| media == "application/json" || media.ends_with("+json"));
        let body = actix_web::web::Bytes::from_request(request, payload);
        Box::pin(async move {
            if !json {
                return Err(into_error(&Rejection::unsupported_media_type(
                    Rejection::EXPECTED_JSON,
                )));
            }
            let bytes = body.await.map_err(|err| {
                into_error(&Rejection::body(status_of(
                    err.as_response_error().status_code(),
                )))
            })?;
            let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
            match serde_path_to_error::deserialize(&mut deserializer) {
                // Trailing characters after the value are malformed JSON.
                Ok(value) => match deserializer.end() {
                    Ok(()) => Ok(Json(value)),
                    Err(err) => Err(into_error(&Rejection::from_json_error(&err))),
                },
                Err(err) => {
                    let rejection = Rejection::from_json_error(err.inner());
                    let rejection = if err.inner().is_data() {
                        rejection.about(&err.to_string())
                    } else {
                        rejection
                    };
                    Err(into_error(&rejection))
                }
            }
        })
    }
}

/// actix's `web::Query`, rejecting with a [`Rejection`] that names the
/// parameter whose value did not parse (`?from=yesterday` for a date:
/// "The query parameter `from` is not valid.", JSON:API `source.parameter`),
/// never the value. actix's own `web::Query` (with [`query_config`]) can
/// name only a missing parameter: `serde_urlencoded` gives no path.
///
/// ```
/// use errcodes::actix::Query;
///
/// #[derive(serde::Deserialize)]
/// struct Page { page: u32 }
///
/// async fn list(Query(page): Query<Page>) -> String {
///     page.page.to_string()
/// }
/// # let _ = list;
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Query<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Query<T>, actix_web::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pairs = form_urlencoded::parse(request.query_string().as_bytes());
        let deserializer = serde_urlencoded::Deserializer::new(pairs);
        std::future::ready(
            serde_path_to_error::deserialize(deserializer)
                .map(Query)
                .map_err(|err| {
                    let parameter = Rejection::parameter_of(&err.to_string());
                    into_error(&Rejection::invalid_query().naming(parameter.as_deref()))
                }),
        )
    }
}

/// Configures actix's JSON, path, query and form extractors to reject with
/// a [`Rejection`], in the envelope: `App::configure(extractors)`. Each
/// config is also on its own ([`json_config`], [`path_config`],
/// [`query_config`], [`form_config`]) to adjust, say, the body limit.
///
/// ```
/// let app = actix_web::App::new().configure(errcodes::actix::extractors);
/// # let _ = app;
/// ```
pub fn extractors(config: &mut actix_web::web::ServiceConfig) {
    config
        .app_data(json_config())
        .app_data(path_config())
        .app_data(query_config())
        .app_data(form_config());
}

/// actix's `JsonConfig`, rejecting with a [`Rejection`]: a body that is not
/// JSON is a 400 `malformed_json` (with its line and column), JSON of the
/// wrong shape a 422 `invalid_body`, the wrong `Content-Type` a 415.
///
/// ```
/// let config = errcodes::actix::json_config().limit(64 * 1024);
/// let app = actix_web::App::new().app_data(config);
/// # let _ = app;
/// ```
#[must_use]
pub fn json_config() -> actix_web::web::JsonConfig {
    actix_web::web::JsonConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// actix's `PathConfig`, rejecting with a 400 `invalid_path`.
///
/// ```
/// let app = actix_web::App::new().app_data(errcodes::actix::path_config());
/// # let _ = app;
/// ```
#[must_use]
pub fn path_config() -> actix_web::web::PathConfig {
    actix_web::web::PathConfig::default().error_handler(|err, request| {
        // actix names no key; a route with one parameter names it.
        let mut keys = request.match_info().iter().map(|(key, _)| key);
        let only = match (keys.next(), keys.next()) {
            (Some(key), None) => Some(key),
            _ => None,
        };
        into_error(&Rejection::from(err).naming(only))
    })
}

/// actix's `QueryConfig`, rejecting with a 400 `invalid_query`.
///
/// ```
/// let app = actix_web::App::new().app_data(errcodes::actix::query_config());
/// # let _ = app;
/// ```
#[must_use]
pub fn query_config() -> actix_web::web::QueryConfig {
    actix_web::web::QueryConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// actix's `FormConfig`, rejecting with a 422 `invalid_form`, or a 415 for
/// the wrong `Content-Type`.
///
/// ```
/// let app = actix_web::App::new().app_data(errcodes::actix::form_config());
/// # let _ = app;
/// ```
#[must_use]
pub fn form_config() -> actix_web::web::FormConfig {
    actix_web::web::FormConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
}

/// A status of actix's, as errcodes' `http` 1 one.
fn status_of(status: actix_web::http::StatusCode) -> http::StatusCode {
    http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::BAD_REQUEST)
}

impl From<JsonPayloadError> for Rejection {
    fn from(err: JsonPayloadError) -> Rejection {
        match &err {
            JsonPayloadError::ContentType => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_JSON)
            }
            JsonPayloadError::Deserialize(json) => Rejection::from_json_error(json),
            _ => Rejection::body(status_of(err.status_code())),
        }
    }
}

impl From<PathError> for Rejection {
    fn from(_: PathError) -> Rejection {
        Rejection::invalid_path()
    }
}

impl From<QueryPayloadError> for Rejection {
    fn from(_: QueryPayloadError) -> Rejection {
        Rejection::invalid_query()
    }
}

impl From<UrlencodedError> for Rejection {
    fn from(err: UrlencodedError) -> Rejection {
        match &err {
            UrlencodedError::ContentType => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_FORM)
            }
            UrlencodedError::Parse(_) => {
                Rejection::invalid_form(http::StatusCode::UNPROCESSABLE_ENTITY)
            }
            _ => Rejection::body(status_of(err.status_code())),
        }
    }
}
