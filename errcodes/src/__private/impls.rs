//! The framework impls the derive asks for, one `macro_rules!` each:
//! `IntoResponse` (axum), `ResponseError` or `From` (actix-web), the OpenAPI
//! traits (utoipa), `From` into `tonic::Status` (tonic), each expanding to
//! nothing without its feature, so the derive emits all four and users pay
//! only for what they enabled.

/// Implements `axum::response::IntoResponse` for a derived type when the
/// `axum` feature is on; expands to nothing otherwise, so the derive emits it
/// unconditionally and users pay only for what they enabled.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_axum {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* ::errcodes::__private::axum_core::response::IntoResponse for $($ty)* where $($where)* {
            fn into_response(self) -> ::errcodes::__private::axum_core::response::Response {
                #[allow(unused_imports)]
                use ::errcodes::__private::{CarryCopy as _, CarryOwned as _};
                ::errcodes::__private::axum_response((&::errcodes::__private::Carry::<Self>::new()).how()(self))
            }
        }
    };
}

/// Without the `axum` feature: nothing.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_axum {
    ($($tokens:tt)*) => {};
}

pub use crate::__errcodes_impl_axum as impl_axum;
#[cfg(feature = "axum")]
pub use axum_core;

/// Implements, for a derived type when the `actix-web` feature is on,
/// `actix_web::ResponseError` (when the derive saw thiserror's `#[error]`,
/// hence a `Display`) or else `From<T> for actix_web::Error`, and
/// `actix_web::Responder`; expands to nothing otherwise.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_actix {
    // The type has a `Display` (thiserror's `#[error]`): actix's own
    // `ResponseError`, whose blanket `From` makes it an `actix_web::Error`.
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {display}) => {
        #[automatically_derived]
        impl $($generics)* ::errcodes::__private::actix_web::ResponseError for $($ty)* where $($where)* {
            fn status_code(&self) -> ::errcodes::__private::actix_web::http::StatusCode {
                ::errcodes::actix::status_code(self)
            }
            fn error_response(&self) -> ::errcodes::__private::actix_web::HttpResponse {
                ::errcodes::actix::error_response(self)
            }
        }
        $crate::__errcodes_impl_actix!(@responder {$($generics)*} {$($ty)*} {$($where)*});
    };
    // No `Display` known: a conversion into `actix_web::Error`, rendered on
    // the spot, which needs none.
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {}) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for ::errcodes::__private::actix_web::Error where $($where)* {
            fn from(err: $($ty)*) -> ::errcodes::__private::actix_web::Error {
                #[allow(unused_imports)]
                use ::errcodes::__private::{CarryCopy as _, CarryOwned as _};
                ::errcodes::__private::actix_error((&::errcodes::__private::Carry::<$($ty)*>::new()).how()(err))
            }
        }
        $crate::__errcodes_impl_actix!(@responder {$($generics)*} {$($ty)*} {$($where)*});
    };
    (@responder {$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* ::errcodes::__private::actix_web::Responder for $($ty)* where $($where)* {
            type Body = ::errcodes::__private::actix_web::body::BoxBody;
            fn respond_to(
                self,
                _: &::errcodes::__private::actix_web::HttpRequest,
            ) -> ::errcodes::__private::actix_web::HttpResponse {
                #[allow(unused_imports)]
                use ::errcodes::__private::{CarryCopy as _, CarryOwned as _};
                ::errcodes::__private::actix_response((&::errcodes::__private::Carry::<Self>::new()).how()(self))
            }
        }
    };
}

/// Without the `actix-web` feature: nothing.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_actix {
    ($($tokens:tt)*) => {};
}

pub use crate::__errcodes_impl_actix as impl_actix;
#[cfg(feature = "actix-web")]
pub use actix_web;

/// Implements `utoipa::PartialSchema` (through utoipa's `ComposeSchema`),
/// `utoipa::ToSchema` and `utoipa::IntoResponses` for a derived type when the `utoipa` feature is
/// on; expands to nothing otherwise.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_utoipa {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$name:expr} {$($inner:ty),*}) => {
        // `ComposeSchema`, as utoipa's own derive writes (utoipa gives
        // `PartialSchema` for it): a generic type can then be listed in
        // `components(schemas(MyError<u64>))` too.
        #[automatically_derived]
        impl $($generics)* ::errcodes::__private::utoipa::__dev::ComposeSchema for $($ty)* where $($where)* {
            fn compose(
                _: ::std::vec::Vec<::errcodes::__private::utoipa::openapi::RefOr<::errcodes::__private::utoipa::openapi::schema::Schema>>,
            ) -> ::errcodes::__private::utoipa::openapi::RefOr<::errcodes::__private::utoipa::openapi::schema::Schema> {
                #[allow(unused_imports)]
                use ::errcodes::__private::document::*;
                ::errcodes::openapi::component::<Self>(&[$((&&&Documents::<$inner>::new()).inner()),*])
            }
        }
        #[automatically_derived]
        impl $($generics)* ::errcodes::__private::utoipa::ToSchema for $($ty)* where $($where)* {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($name)
            }
        }
        #[automatically_derived]
        impl $($generics)* ::errcodes::__private::utoipa::IntoResponses for $($ty)* where $($where)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                ::errcodes::__private::utoipa::openapi::RefOr<::errcodes::__private::utoipa::openapi::response::Response>,
            > {
                #[allow(unused_imports)]
                use ::errcodes::__private::document::*;
                ::errcodes::openapi::into_responses::<Self>(&[$((&&&Documents::<$inner>::new()).inner()),*])
            }
        }
        #[automatically_derived]
        impl $($generics)* ::errcodes::openapi::Documented for $($ty)* where $($where)* {
            fn inners() -> ::std::vec::Vec<::errcodes::openapi::Inner> {
                #[allow(unused_imports)]
                use ::errcodes::__private::document::*;
                ::std::vec![$((&&&Documents::<$inner>::new()).inner()),*]
            }
            fn examples() -> ::errcodes::openapi::Examples {
                ::errcodes::openapi::examples_of::<Self>()
            }
        }
    };
}

/// Without the `utoipa` feature: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_utoipa {
    ($($tokens:tt)*) => {};
}

pub use crate::__errcodes_impl_utoipa as impl_utoipa;
#[cfg(feature = "utoipa")]
pub use utoipa;

/// Implements `From<T> for tonic::Status` for a derived type when the
/// `tonic` feature is on, so a tonic handler returns it with `?`; expands
/// to nothing otherwise.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_tonic {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for ::errcodes::__private::tonic::Status where $($where)* {
            fn from(err: $($ty)*) -> ::errcodes::__private::tonic::Status {
                ::errcodes::tonic::status(&err)
            }
        }
    };
}

/// Without the `tonic` feature: nothing.
#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_tonic {
    ($($tokens:tt)*) => {};
}

pub use crate::__errcodes_impl_tonic as impl_tonic;
#[cfg(feature = "tonic")]
pub use ::tonic;
