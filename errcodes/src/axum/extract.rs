//! Drop-in `Json`, `Form`, `Query` and `Path` extractors that reject with a
//! [`Rejection`], in the envelope, and axum's own rejections as
//! [`Rejection`]s.

use axum_core::response::{IntoResponse, Response};

use crate::serve::Rejection;

impl From<axum::extract::rejection::JsonRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Rejection {
        use axum::extract::rejection::JsonRejection as R;
        match rejection {
            R::JsonSyntaxError(e) => {
                Rejection::malformed_json(Rejection::json_position(&e.body_text()))
            }
            R::JsonDataError(e) => {
                let text = e.body_text();
                let message = text
                    .strip_prefix("Failed to deserialize the JSON body into the target type: ")
                    .unwrap_or(&text);
                Rejection::invalid_body(Rejection::json_position(&text)).about(message)
            }
            R::MissingJsonContentType(_) => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_JSON)
            }
            other => Rejection::body(other.status()),
        }
    }
}

impl From<axum::extract::rejection::QueryRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Rejection {
        use axum::extract::rejection::QueryRejection as R;
        let parameter = match &rejection {
            R::FailedToDeserializeQueryString(e) => Rejection::parameter_of(&e.body_text()),
            _ => None,
        };
        Rejection::invalid_query().naming(parameter.as_deref())
    }
}

impl From<axum::extract::rejection::PathRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::PathRejection) -> Rejection {
        use axum::extract::rejection::PathRejection as R;
        match rejection {
            R::FailedToDeserializePathParams(e) => {
                use axum::extract::path::ErrorKind as K;
                let key = match e.kind() {
                    K::ParseErrorAtKey { key, .. }
                    | K::InvalidUtf8InPathParam { key }
                    | K::DeserializeError { key, .. } => Some(key.as_str()),
                    _ => None,
                };
                Rejection::invalid_path().naming(key)
            }
            _ => Rejection::path_params_missing(),
        }
    }
}

impl From<axum::extract::rejection::FormRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::FormRejection) -> Rejection {
        use axum::extract::rejection::FormRejection as R;
        match rejection {
            R::InvalidFormContentType(_) => {
                Rejection::unsupported_media_type(Rejection::EXPECTED_FORM)
            }
            R::FailedToDeserializeForm(e) => Rejection::invalid_form(e.status()),
            R::FailedToDeserializeFormBody(e) => Rejection::invalid_form(e.status()),
            other => Rejection::body(other.status()),
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        super::carrying(crate::carried::Carried::owned(self))
    }
}

/// Defines a drop-in extractor: axum's `$axum`, through the same extractor
/// trait, rejecting with a [`Rejection`].
macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident: $axum:ident, $extract:ident::$method:ident($input:ty), $rejection:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name<T>(pub T);

        impl<T, S> axum_core::extract::$extract<S> for $name<T>
        where
            axum::extract::$axum<T>:
                axum_core::extract::$extract<S, Rejection = axum::extract::rejection::$rejection>,
            S: Send + Sync,
        {
            type Rejection = Rejection;

            async fn $method(input: $input, state: &S) -> Result<Self, Rejection> {
                match <axum::extract::$axum<T> as axum_core::extract::$extract<S>>::$method(input, state).await {
                    Ok(axum::extract::$axum(value)) => Ok($name(value)),
                    Err(rejection) => Err(rejection.into()),
                }
            }
        }
    };
}

extractor! {
    /// axum's `Json` extractor, rejecting with a [`Rejection`]; as a
    /// response, axum's `Json`.
    ///
    /// ```
    /// use errcodes::axum::Json;
    ///
    /// #[derive(serde::Deserialize, serde::Serialize)]
    /// struct Signup { email: String }
    ///
    /// async fn signup(Json(signup): Json<Signup>) -> Json<Signup> {
    ///     Json(signup)
    /// }
    /// # let _ = signup;
    /// ```
    Json: Json, FromRequest::from_request(axum_core::extract::Request), JsonRejection
}

extractor! {
    /// axum's `Form` extractor, rejecting with a [`Rejection`]; as a
    /// response, axum's `Form`.
    ///
    /// ```
    /// use errcodes::axum::Form;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Login { user: String }
    ///
    /// async fn login(Form(login): Form<Login>) -> String {
    ///     login.user
    /// }
    /// # let _ = login;
    /// ```
    Form: Form, FromRequest::from_request(axum_core::extract::Request), FormRejection
}

extractor! {
    /// axum's `Query` extractor, rejecting with a [`Rejection`].
    ///
    /// ```
    /// use errcodes::axum::Query;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Page { page: u32 }
    ///
    /// async fn list(Query(page): Query<Page>) -> String {
    ///     page.page.to_string()
    /// }
    /// # let _ = list;
    /// ```
    Query: Query, FromRequestParts::from_request_parts(&mut http::request::Parts), QueryRejection
}

/// axum's `Path` extractor, rejecting with a [`Rejection`] that names the
/// parameter whose value did not parse.
///
/// ```
/// use errcodes::axum::Path;
///
/// async fn order(Path(id): Path<u64>) -> String {
///     id.to_string()
/// }
/// # let _ = order;
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Path<T>(pub T);

impl<T, S> axum_core::extract::FromRequestParts<S> for Path<T>
where
    axum::extract::Path<T>: axum_core::extract::FromRequestParts<S, Rejection = axum::extract::rejection::PathRejection>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &S,
    ) -> Result<Self, Rejection> {
        use axum::extract::path::ErrorKind;
        use axum::extract::rejection::PathRejection;
        let rejection = match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => return Ok(Path(value)),
            Err(rejection) => rejection,
        };
        // One value of the wrong type: axum names no key, the route's one
        // parameter is it.
        let single = matches!(
            &rejection,
            PathRejection::FailedToDeserializePathParams(e) if matches!(e.kind(), ErrorKind::ParseError { .. })
        );
        if !single {
            return Err(rejection.into());
        }
        drop(rejection);
        let only = match axum::extract::RawPathParams::from_request_parts(parts, state).await {
            Ok(params) => {
                let mut keys = params.iter().map(|(key, _)| key.to_owned());
                match (keys.next(), keys.next()) {
                    (Some(key), None) => Some(key),
                    _ => None,
                }
            }
            Err(_) => None,
        };
        Err(Rejection::invalid_path().naming(only.as_deref()))
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl<T: serde::Serialize> IntoResponse for Form<T> {
    fn into_response(self) -> Response {
        axum::Form(self.0).into_response()
    }
}
