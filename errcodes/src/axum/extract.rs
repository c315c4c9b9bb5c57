//! Drop-in `Json`, `Form`, `Query` and `Path` extractors that reject with a
//! [`Rejection`], in the envelope, and axum's own rejections as
//! [`Rejection`]s.

use axum_core::response::{IntoResponse, Response};

use super::into_response;
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
    fn from(_: axum::extract::rejection::QueryRejection) -> Rejection {
        Rejection::invalid_query()
    }
}

impl From<axum::extract::rejection::PathRejection> for Rejection {
    fn from(rejection: axum::extract::rejection::PathRejection) -> Rejection {
        use axum::extract::rejection::PathRejection as R;
        match rejection {
            R::FailedToDeserializePathParams(_) => Rejection::invalid_path(),
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
        into_response(&self)
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

extractor! {
    /// axum's `Path` extractor, rejecting with a [`Rejection`].
    ///
    /// ```
    /// use errcodes::axum::Path;
    ///
    /// async fn order(Path(id): Path<u64>) -> String {
    ///     id.to_string()
    /// }
    /// # let _ = order;
    /// ```
    Path: Path, FromRequestParts::from_request_parts(&mut http::request::Parts), PathRejection
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
