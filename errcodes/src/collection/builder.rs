//! [`ApiErrorsBuilder`]: gathers errors for one response.

use super::errors::{ApiErrors, Boxed};
#[cfg(feature = "validator")]
use super::field::FieldError;
use crate::carried::Snapshot;
use crate::error::ApiError;

/// Gathers errors for one response; [`finish`](Self::finish) turns them into
/// an [`ApiErrors`], or into `Ok(())` when nothing went wrong.
///
/// ```
/// use errcodes::{ApiErrors, FieldError};
///
/// fn validate(name: &str, age: i64) -> Result<(), ApiErrors> {
///     let mut errors = ApiErrors::builder();
///     if name.is_empty() {
///         errors.push(FieldError::new("name", "required", "This field is required."));
///     }
///     if age < 0 {
///         errors.push(FieldError::new("age", "min_value", "Ensure this value is greater than or equal to 0."));
///     }
///     errors.finish()
/// }
///
/// assert!(validate("ana", 30).is_ok());
/// assert_eq!(validate("", -1).unwrap_err().len(), 2);
/// ```
#[derive(Default)]
pub struct ApiErrorsBuilder {
    items: Vec<Boxed>,
}

impl ApiErrorsBuilder {
    /// Adds an error: a derived error, a [`FieldError`], or anything that
    /// implements [`ApiError`] and can be sent between threads.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// errors.push(FieldError::new("name", "required", "Required."));
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push<E: ApiError + Send + Sync + 'static>(&mut self, err: E) -> &mut Self {
        self.items.push(Box::new(err));
        self
    }

    /// Adds an already boxed error.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let boxed: Box<dyn ApiError + Send + Sync> = Box::new(FieldError::new("name", "required", "Required."));
    /// let mut errors = ApiErrors::builder();
    /// errors.push_boxed(boxed);
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push_boxed(&mut self, err: Box<dyn ApiError + Send + Sync>) -> &mut Self {
        self.items.push(err);
        self
    }

    /// Adds a borrowed error of any type by copying what it renders (its
    /// status, code, title, public detail, location, meta and headers).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, detail = "taken")]
    /// struct Taken;
    ///
    /// let borrowed: &dyn ApiError = &Taken;
    /// let mut errors = ApiErrors::builder();
    /// errors.push_ref(borrowed);
    /// assert_eq!(errors.finish().unwrap_err().status(), 409);
    /// ```
    pub fn push_ref(&mut self, err: &dyn ApiError) -> &mut Self {
        self.items.push(Box::new(Snapshot::of(err)));
        self
    }

    /// How many errors were added.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// assert_eq!(errors.len(), 0);
    /// errors.push(FieldError::new("a", "x", "X.")).push(FieldError::new("b", "y", "Y."));
    /// assert_eq!(errors.len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no error was added.
    ///
    /// ```
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// assert!(errors.is_empty());
    /// errors.push(FieldError::new("a", "x", "X."));
    /// assert!(!errors.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The collection, with `fallback` as its only error when none was
    /// added.
    #[cfg(feature = "validator")]
    pub(crate) fn finish_or(mut self, fallback: FieldError) -> ApiErrors {
        if self.items.is_empty() {
            self.items.push(Box::new(fallback));
        }
        ApiErrors::non_empty(self.items)
    }

    /// `Ok(())` when no error was added, else the collection as `Err`: an
    /// empty collection is never an error response.
    ///
    /// # Errors
    ///
    /// The gathered errors, when there is at least one.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// assert!(ApiErrors::builder().finish().is_ok());
    /// let mut errors = ApiErrors::builder();
    /// errors.push(FieldError::new("name", "required", "Required."));
    /// assert_eq!(errors.finish().unwrap_err().status(), 422);
    /// ```
    pub fn finish(self) -> Result<(), ApiErrors> {
        match ApiErrors::from_boxed(self.items) {
            Some(errors) => Err(errors),
            None => Ok(()),
        }
    }
}

impl<E: ApiError + Send + Sync + 'static> Extend<E> for ApiErrorsBuilder {
    fn extend<I: IntoIterator<Item = E>>(&mut self, iter: I) {
        for err in iter {
            self.push(err);
        }
    }
}

impl<E: ApiError + Send + Sync + 'static> FromIterator<E> for ApiErrorsBuilder {
    fn from_iter<I: IntoIterator<Item = E>>(iter: I) -> Self {
        let mut builder = ApiErrorsBuilder::default();
        builder.extend(iter);
        builder
    }
}

impl ApiErrors {
    /// A builder to gather errors into.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let mut errors = ApiErrors::builder();
    /// errors.push(FieldError::new("name", "required", "Required."));
    /// assert!(errors.finish().is_err());
    /// ```
    #[must_use]
    pub fn builder() -> ApiErrorsBuilder {
        ApiErrorsBuilder::default()
    }
}
