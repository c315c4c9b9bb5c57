//! How generated code puts an error into a response (features `axum`,
//! `actix-web`): moved in when it can travel as it is, copied otherwise.

use crate::error::ApiError;

/// How an error goes into a response (generated code), chosen by its type
/// alone: moved in whole when it can travel as it is (`Send + Sync +
/// 'static`), copied otherwise (autoref specialization, as in `rebuild`: a
/// generic type always takes the copy). `(&Carry::<T>::new()).how()(err)`.
pub struct Carry<T>(core::marker::PhantomData<fn(T)>);

impl<T> Carry<T> {
    /// The choice for `T`.
    #[must_use]
    pub const fn new() -> Carry<T> {
        Carry(core::marker::PhantomData)
    }
}

impl<T> Default for Carry<T> {
    fn default() -> Carry<T> {
        Carry::new()
    }
}

/// The error as a response carries it; see [`Carry`].
pub struct Carrying(pub(crate) crate::carried::Carried);

/// The error moved into the response.
pub trait CarryOwned<T> {
    /// How `T` is carried.
    fn how(&self) -> fn(T) -> Carrying;
}

impl<T: ApiError + Send + Sync + 'static> CarryOwned<T> for Carry<T> {
    fn how(&self) -> fn(T) -> Carrying {
        |err| Carrying(crate::carried::Carried::owned(err))
    }
}

/// The error copied into the response.
pub trait CarryCopy<T> {
    /// How `T` is carried.
    fn how(&self) -> fn(T) -> Carrying;
}

impl<T: ApiError> CarryCopy<T> for &Carry<T> {
    fn how(&self) -> fn(T) -> Carrying {
        |err| Carrying(crate::carried::Carried::copied(&err))
    }
}

/// The axum response carrying `err`.
#[cfg(feature = "axum")]
#[must_use]
pub fn axum_response(err: Carrying) -> axum_core::response::Response {
    crate::axum::carrying(err.0)
}

/// The actix-web error carrying `err`.
#[cfg(feature = "actix-web")]
#[must_use]
pub fn actix_error(err: Carrying) -> actix_web::Error {
    crate::actix::carrying_error(err.0)
}

/// The actix-web response carrying `err`.
#[cfg(feature = "actix-web")]
#[must_use]
#[allow(clippy::needless_pass_by_value)] // generated code hands it over
pub fn actix_response(err: Carrying) -> actix_web::HttpResponse {
    crate::actix::carrying_response(&err.0)
}
