//! actix's JSON, path, query and form extractors configured to reject
//! with a [`Rejection`], in the envelope, and actix's own payload errors as
//! [`Rejection`]s.

use actix_web::ResponseError as _;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};

use super::into_error;
use crate::serve::Rejection;

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
    actix_web::web::PathConfig::default().error_handler(|err, _| into_error(&Rejection::from(err)))
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
