//! What an [`Envelope`] and an [`ErrorList`] do: names, media types,
//! equality, and a collection's items. The types are defined beside the
//! trait in `error.rs`.

use core::fmt;
use core::hash::{Hash, Hasher};

use crate::context::InContext;
use crate::error::{ApiError, Builtin, Envelope, ErrorList, Format, Repr};

impl Envelope {
    /// The envelope of a format of your own, for use at run time (the
    /// derive's `#[api(envelope = MyFormat)]` builds the same).
    ///
    /// ```
    /// use errcodes::{ApiError, Envelope, ErrorList, Format};
    ///
    /// struct Empty;
    /// impl Format for Empty {
    ///     fn name(&self) -> &str { "empty" }
    ///     fn media_type(&self) -> &str { "application/json" }
    ///     fn write_error(&self, _: &dyn ApiError, out: &mut Vec<u8>) { out.extend_from_slice(b"{}"); }
    ///     fn write_errors(&self, _: ErrorList<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}"); }
    /// }
    ///
    /// assert_eq!(Envelope::custom(&Empty).name(), "empty");
    /// ```
    #[must_use]
    pub const fn custom(format: &'static dyn Format) -> Envelope {
        Envelope(Repr::Custom(format))
    }

    pub(crate) const fn builtin(builtin: Builtin) -> Envelope {
        Envelope(Repr::Builtin(builtin))
    }

    /// The format's name, such as `jsonapi`.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::ShipStream.name(), "shipstream");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.format().name()
    }

    /// The `Content-Type` of the bodies this envelope writes.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Problem.media_type(), "application/problem+json");
    /// ```
    #[must_use]
    pub fn media_type(self) -> &'static str {
        self.format().media_type()
    }
}

impl PartialEq for Envelope {
    fn eq(&self, other: &Envelope) -> bool {
        match (self.0, other.0) {
            (Repr::Builtin(a), Repr::Builtin(b)) => a == b,
            _ => self.name() == other.name(),
        }
    }
}

impl Eq for Envelope {}

impl Hash for Envelope {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for Envelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Envelope").field(&self.name()).finish()
    }
}

impl fmt::Display for Envelope {
    /// The format's name.
    ///
    /// ```
    /// assert_eq!(errcodes::Envelope::Laravel.to_string(), "laravel");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl<'a> ErrorList<'a> {
    /// A list of `items` standing for `whole`.
    pub(crate) fn new(
        whole: &'a dyn ApiError,
        items: &'a [Box<dyn ApiError + Send + Sync>],
    ) -> Self {
        ErrorList {
            whole,
            items,
            #[cfg(feature = "fluent")]
            locale: None,
            request_id: None,
            rules: None,
        }
    }

    /// The document as a whole: its status, code, title, detail, headers
    /// and settings.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().whole().code(), "validation_failed");
    /// ```
    #[must_use]
    pub fn whole(&self) -> &'a dyn ApiError {
        self.whole
    }

    /// The errors, in the order they were added, each as it is answered:
    /// in the document's language when the document is localized.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().iter().count(), 1);
    /// ```
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = InContext<'a>> + 'a {
        let list = *self;
        self.items.iter().map(move |b| list.item(&**b))
    }

    /// One item under the list's context: its rules, the request's
    /// correlation id and (with `fluent`) locale.
    fn item(self, err: &'a (dyn ApiError + Send + Sync + 'static)) -> InContext<'a> {
        let item = InContext::new(err as &dyn ApiError);
        let item = item.rules(self.rules);
        let item = match self.request_id {
            Some(id) => item.request_id(id),
            None => item,
        };
        #[cfg(feature = "fluent")]
        if let Some(locale) = self.locale {
            return item.locale(locale);
        }
        item
    }

    /// The same errors, standing for `whole` (a wrapper: a transparent
    /// variant, a request context), whose settings then apply.
    pub(crate) fn under(self, whole: &'a dyn ApiError) -> ErrorList<'a> {
        ErrorList { whole, ..self }
    }

    /// The same errors, answered to the request with correlation id `id`.
    pub(crate) fn in_request(self, id: Option<&'a str>) -> ErrorList<'a> {
        ErrorList {
            request_id: id.or(self.request_id),
            ..self
        }
    }

    /// The same errors, their rules said by `rules`.
    pub(crate) fn in_rules(self, rules: Option<&'a dyn crate::error::Rules>) -> ErrorList<'a> {
        ErrorList {
            rules: rules.or(self.rules),
            ..self
        }
    }

    /// The locale the request asked for, when the document is answered in
    /// one (feature `fluent`): what a format's own words (a summary, a
    /// count) should be written in. The items are already in it.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError, InContext};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().locale(), None);
    /// assert_eq!(InContext::new(&errors).locale("de").errors().unwrap().locale(), Some("de"));
    /// ```
    #[cfg(feature = "fluent")]
    #[must_use]
    pub fn locale(&self) -> Option<&'a str> {
        self.locale
    }

    /// The same errors, answered in `locale`.
    #[cfg(feature = "fluent")]
    pub(crate) fn in_locale(self, locale: Option<&'a str>) -> ErrorList<'a> {
        ErrorList {
            locale: locale.or(self.locale),
            ..self
        }
    }

    /// The error at `index`.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().get(0).unwrap().code(), "required");
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<InContext<'a>> {
        self.items.get(index).map(|b| self.item(&**b))
    }

    /// How many errors there are (at least one).
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert_eq!(errors.errors().unwrap().len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Always `false`: a collection holds at least one error.
    ///
    /// ```
    /// use errcodes::{ApiError, ApiErrors, FieldError};
    ///
    /// let errors = ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap();
    /// assert!(!errors.errors().unwrap().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
