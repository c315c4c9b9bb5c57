//! What generated OpenAPI impls call to document a `transparent`
//! variant's inner type: its catalog when it has one, a collection for
//! [`ApiErrors`](crate::ApiErrors), else nothing (autoref specialization,
//! as in [`rebuild`](super::rebuild)).

use core::marker::PhantomData;

use crate::catalog::Catalog;
use crate::collection::ApiErrors;
use crate::openapi::Inner;

/// Stands for an inner type `T`.
pub struct Documents<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Documents<T> {
    /// The marker.
    #[must_use]
    pub const fn new() -> Self {
        Documents(PhantomData)
    }
}

impl<T: ?Sized> Default for Documents<T> {
    fn default() -> Self {
        Documents::new()
    }
}

/// A derived inner type: its catalog.
pub trait ByCatalog {
    /// What the inner type answers.
    fn inner(&self) -> Inner;
}
impl<T: Catalog + ?Sized> ByCatalog for &&Documents<T> {
    fn inner(&self) -> Inner {
        Inner::Entries(T::CATALOG)
    }
}
/// A collection.
pub trait ByCollection {
    /// What the inner type answers.
    fn inner(&self) -> Inner;
}
impl ByCollection for &Documents<ApiErrors> {
    fn inner(&self) -> Inner {
        Inner::Collection
    }
}
/// Any other type.
pub trait Unknown {
    /// Nothing known.
    fn inner(&self) -> Inner;
}
impl<T: ?Sized> Unknown for Documents<T> {
    fn inner(&self) -> Inner {
        Inner::Undocumented
    }
}
