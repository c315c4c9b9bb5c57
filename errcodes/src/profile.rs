//! App-wide settings, declared once: [`Profile`].

use std::borrow::Cow;

use crate::error::{Envelope, Rules};

/// What a whole service answers with, declared once and installed in its
/// error layer: the default envelope, the `type_base` and JSON:API pointer
/// prefix of every error that declares none (collections, rejections, the
/// router's 404 and 405, derived types without their own), and the API's
/// words for the `validator` crate's codes and messages.
///
/// ```
/// use errcodes::{Envelope, Profile};
///
/// let profile = Profile::new(Envelope::JsonApi)
///     .type_base("https://errors.example.com/")
///     .pointer_prefix("/data")
///     .code("length", "too_short")
///     .message("too_short", "This is too short.");
/// assert_eq!(profile.envelope(), Envelope::JsonApi);
/// assert_eq!(profile.type_base_setting(), Some("https://errors.example.com/"));
/// assert_eq!(profile.map_code("length"), "too_short");
/// assert_eq!(profile.message_for("too_short"), Some("This is too short."));
/// ```
#[derive(Clone, Debug)]
pub struct Profile {
    envelope: Envelope,
    type_base: Option<Cow<'static, str>>,
    pointer_prefix: Option<Cow<'static, str>>,
    codes: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    messages: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    locales: Vec<Cow<'static, str>>,
    open_codes: bool,
    #[cfg(feature = "fluent")]
    catalogs: Option<&'static crate::l10n::Messages>,
}

impl Profile {
    /// A profile answering in `envelope`, with nothing else set.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Drf);
    /// assert_eq!(profile.type_base_setting(), None);
    /// ```
    #[must_use]
    pub fn new(envelope: Envelope) -> Profile {
        Profile {
            envelope,
            type_base: None,
            pointer_prefix: None,
            codes: Vec::new(),
            messages: Vec::new(),
            locales: Vec::new(),
            open_codes: false,
            #[cfg(feature = "fluent")]
            catalogs: None,
        }
    }

    /// The `type_base` of errors that declare none. Checked as
    /// `ApiErrors::with_type_base` checks it: an invalid base is refused,
    /// keeping the previous one.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Problem).type_base("no base");
    /// assert_eq!(profile.type_base_setting(), None);
    /// ```
    #[must_use]
    pub fn type_base(mut self, base: impl Into<Cow<'static, str>>) -> Profile {
        let base = base.into();
        if errcodes_rules::check_type_base(&base).is_ok() {
            self.type_base = Some(base);
        }
        self
    }

    /// The JSON:API `source.pointer` prefix of errors that keep the
    /// default (`/data/attributes`). A prefix that is not a JSON Pointer is
    /// refused, keeping the previous one.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::JsonApi).pointer_prefix("/data");
    /// assert_eq!(profile.pointer_prefix_setting(), Some("/data"));
    /// ```
    #[must_use]
    pub fn pointer_prefix(mut self, prefix: impl Into<Cow<'static, str>>) -> Profile {
        let prefix = prefix.into();
        if errcodes_rules::check_json_pointer(&prefix).is_ok() {
            self.pointer_prefix = Some(prefix);
        }
        self
    }

    /// The API's code for a `validator` code: `code("length", "too_short")`.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Drf).code("email", "invalid");
    /// assert_eq!(profile.map_code("email"), "invalid");
    /// assert_eq!(profile.map_code("range"), "range");
    /// ```
    #[must_use]
    pub fn code(
        mut self,
        from: impl Into<Cow<'static, str>>,
        to: impl Into<Cow<'static, str>>,
    ) -> Profile {
        self.codes.push((from.into(), to.into()));
        self
    }

    /// The message for a code (the API's, after [`code`](Self::code)), used
    /// where validation gives none of its own.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Drf).message("required", "Required.");
    /// assert_eq!(profile.message_for("required"), Some("Required."));
    /// ```
    #[must_use]
    pub fn message(
        mut self,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Profile {
        self.messages.push((code.into(), message.into()));
        self
    }

    /// The default envelope.
    ///
    /// ```
    /// assert_eq!(errcodes::Profile::new(errcodes::Envelope::Drf).envelope(), errcodes::Envelope::Drf);
    /// ```
    #[must_use]
    pub fn envelope(&self) -> Envelope {
        self.envelope
    }

    /// The `type_base` set, if any.
    ///
    /// ```
    /// assert_eq!(errcodes::Profile::new(errcodes::Envelope::Drf).type_base_setting(), None);
    /// ```
    #[must_use]
    pub fn type_base_setting(&self) -> Option<&str> {
        self.type_base.as_deref()
    }

    /// The pointer prefix set, if any.
    ///
    /// ```
    /// assert_eq!(errcodes::Profile::new(errcodes::Envelope::Drf).pointer_prefix_setting(), None);
    /// ```
    #[must_use]
    pub fn pointer_prefix_setting(&self) -> Option<&str> {
        self.pointer_prefix.as_deref()
    }

    /// The API's code for `code` (the last mapping given wins), else `code`.
    ///
    /// ```
    /// assert_eq!(errcodes::Profile::new(errcodes::Envelope::Drf).map_code("length"), "length");
    /// ```
    #[must_use]
    pub fn map_code<'a>(&'a self, code: &'a str) -> &'a str {
        self.codes
            .iter()
            .rev()
            .find(|(from, _)| from == code)
            .map_or(code, |(_, to)| to)
    }

    /// The API's code for a validation rule's `code` whose `bound` (`min`,
    /// `max`, `equal`) failed: the mapping for `code.bound` (such as
    /// `length.max`), else the one for `code`, else `code`.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Drf)
    ///     .code("length.min", "too_short")
    ///     .code("length.max", "too_long")
    ///     .code("range", "out_of_range");
    /// assert_eq!(profile.map_rule("length", Some("max")), "too_long");
    /// assert_eq!(profile.map_rule("length", Some("min")), "too_short");
    /// assert_eq!(profile.map_rule("range", Some("min")), "out_of_range");
    /// assert_eq!(profile.map_rule("email", None), "email");
    /// ```
    #[must_use]
    pub fn map_rule<'a>(&'a self, code: &'a str, bound: Option<&str>) -> &'a str {
        let refined = bound.and_then(|bound| {
            self.codes.iter().rev().find(|(from, _)| {
                from.strip_prefix(code)
                    .and_then(|rest| rest.strip_prefix('.'))
                    == Some(bound)
            })
        });
        refined.map_or_else(|| self.map_code(code), |(_, to)| to)
    }

    /// The message set for `code`, if any (the last given wins).
    ///
    /// ```
    /// assert_eq!(errcodes::Profile::new(errcodes::Envelope::Drf).message_for("length"), None);
    /// ```
    #[must_use]
    pub fn message_for(&self, code: &str) -> Option<&str> {
        self.messages
            .iter()
            .rev()
            .find(|(c, _)| c == code)
            .map(|(_, message)| &**message)
    }

    /// The locales the app answers in (feature `fluent`), the first its
    /// default: the layers negotiate each request's `Accept-Language`
    /// against them and answer with `Content-Language` and
    /// `Vary: accept-language`. A tag that is not a language tag is left
    /// out.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Problem).locales(["en", "de", "fr", "not a tag"]);
    /// assert_eq!(profile.locales_setting(), ["en", "de", "fr"]);
    /// ```
    #[cfg(feature = "fluent")]
    #[must_use]
    pub fn locales<L: Into<Cow<'static, str>>>(
        mut self,
        locales: impl IntoIterator<Item = L>,
    ) -> Profile {
        self.locales = locales
            .into_iter()
            .map(Into::into)
            .filter(|tag| {
                !tag.is_empty()
                    && tag.len() <= 35
                    && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
            .collect();
        self
    }

    /// The app's own catalogs (feature `fluent`): an error that brings no
    /// catalogs of its own (a [`FieldError`](crate::FieldError) the app
    /// made, a hand-written [`ApiError`](crate::ApiError)) is localized
    /// from them by the code it answers with, when they have a message for
    /// it; otherwise it answers as written. Their messages take no
    /// arguments. Any [`Messages`](crate::l10n::Messages) serve: a
    /// derived type's ([`Catalog::MESSAGES`](crate::Catalog::MESSAGES)) or
    /// one written for the app's field errors.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::l10n::Messages;
    /// use errcodes::{Envelope, FieldError, InContext, Profile};
    ///
    /// static FIELDS: Messages = Messages::new(
    ///     "en",
    ///     &[("en", "name_taken = This name is taken.\n"), ("de", "name_taken = Dieser Name ist vergeben.\n")],
    /// );
    /// let profile = Profile::new(Envelope::Problem).locales(["en", "de"]).catalogs(&FIELDS);
    /// let err = FieldError::new("name", "name_taken", "This name is taken.");
    /// let body = InContext::new(&err).profile(&profile).locale("de").to_json_value(Envelope::Laravel);
    /// assert_eq!(body["errors"]["name"][0], "Dieser Name ist vergeben.");
    /// ```
    #[cfg(feature = "fluent")]
    #[must_use]
    pub fn catalogs(mut self, catalogs: &'static crate::l10n::Messages) -> Profile {
        self.catalogs = Some(catalogs);
        self
    }

    /// The app's own catalogs; `None` unless declared.
    ///
    /// ```
    /// assert!(errcodes::Profile::new(errcodes::Envelope::Problem).catalogs_setting().is_none());
    /// ```
    #[cfg(feature = "fluent")]
    #[must_use]
    pub fn catalogs_setting(&self) -> Option<&'static crate::l10n::Messages> {
        self.catalogs
    }

    /// Whether the app's document gives every error's codes as open
    /// strings, the known ones as examples and an `x-extensible-enum`,
    /// instead of closed `enum`s (as a type's `open_codes` does for its
    /// own): adding a code is then no breaking change for OpenAPI diff tools
    /// and generated clients.
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Problem).open_codes(true);
    /// assert!(profile.open_codes_setting());
    /// ```
    #[must_use]
    pub fn open_codes(mut self, open: bool) -> Profile {
        self.open_codes = open;
        self
    }

    /// Whether the app's document gives codes as open strings.
    ///
    /// ```
    /// assert!(!errcodes::Profile::new(errcodes::Envelope::Problem).open_codes_setting());
    /// ```
    #[must_use]
    pub fn open_codes_setting(&self) -> bool {
        self.open_codes
    }

    /// What the profile declares, as [`Settings`](crate::Settings): its
    /// type base and pointer prefix, under every error it answers
    /// ([`Settings::over`](crate::Settings::over)).
    ///
    /// ```
    /// let profile = errcodes::Profile::new(errcodes::Envelope::Problem).pointer_prefix("/data");
    /// assert_eq!(profile.settings().pointer_prefix, Some("/data"));
    /// ```
    #[must_use]
    pub fn settings(&self) -> crate::Settings<'_> {
        let settings = crate::Settings::new()
            .envelope(self.envelope)
            .open_codes(self.open_codes);
        let settings = match self.type_base_setting() {
            Some(base) => settings.type_base(base),
            None => settings,
        };
        match self.pointer_prefix_setting() {
            Some(prefix) => settings.pointer_prefix(prefix),
            None => settings,
        }
    }

    /// The locales, the default first; empty unless declared.
    ///
    /// ```
    /// assert!(errcodes::Profile::new(errcodes::Envelope::Problem).locales_setting().is_empty());
    /// ```
    #[must_use]
    pub fn locales_setting(&self) -> &[Cow<'static, str>] {
        &self.locales
    }
}

impl From<Envelope> for Profile {
    /// A profile answering in the envelope, with nothing else set.
    ///
    /// ```
    /// let profile: errcodes::Profile = errcodes::Envelope::Laravel.into();
    /// assert_eq!(profile.envelope(), errcodes::Envelope::Laravel);
    /// ```
    fn from(envelope: Envelope) -> Profile {
        Profile::new(envelope)
    }
}

impl Rules for Profile {
    fn map_rule<'a>(&'a self, code: &'a str, bound: Option<&str>) -> &'a str {
        Profile::map_rule(self, code, bound)
    }
    fn message_for(&self, code: &str) -> Option<&str> {
        Profile::message_for(self, code)
    }
    #[cfg(feature = "fluent")]
    fn catalogs(&self) -> Option<&'static crate::l10n::Messages> {
        self.catalogs
    }
}
