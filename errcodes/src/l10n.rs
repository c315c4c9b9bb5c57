//! Localized titles and details (cargo feature `fluent`): message catalogs
//! in Project Fluent, keyed by each variant's stable code, checked at
//! compile time, chosen per request from `Accept-Language`.
//!
//! A type names its catalog folder (beside `Cargo.toml`), one subfolder
//! per locale:
//!
//! ```text
//! locales/en/errors.ftl        locales/de/errors.ftl
//! order_not_found =            order_not_found =
//!     No order { $id } exists.     Es gibt keine Bestellung { $id }.
//!     .title = Not Found           .title = Nicht gefunden
//! ```
//!
//! `#[api(locales = "locales")]` on the type: a variant's code is its
//! message id, the message's value its detail and its `.title` attribute
//! its title; the fields its `detail` template reads are the message's
//! variables (`$id`; a tuple field `0` is `$arg0`), numbers as numbers so
//! plural rules apply. The derive fails the build when a catalog does not
//! parse (naming file and line), when the fallback locale (`en`, or
//! `fallback_locale = "..."`) has no message for a code, when a message
//! uses a variable its variant does not give, or when another locale lacks
//! a code (unless the type says `partial_locales`: that locale then answers
//! in the fallback's text).
//!
//! Rendering in a locale: [`InContext::locale`](crate::InContext::locale),
//! or, under the axum layer and the actix-web middleware, a
//! [`Profile::locales`](crate::Profile::locales) list negotiated from each
//! request's `Accept-Language` (answered with `Content-Language` and
//! `Vary: accept-language`). Codes, `type` URIs, member paths and pointers
//! are never localized. Without a locale, and for a type without catalogs,
//! everything is as the declaration says.

use core::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// One argument of a message: a number (plural rules and number formatting
/// apply) or text. Integers travel as integers, so every digit of an id
/// reaches the text in every locale: an `f64` holds integers exactly only
/// up to 2^53.
///
/// ```
/// use errcodes::l10n::Arg;
///
/// let sku = "A-1";
/// assert_eq!(format!("{:?}", Arg::Number(3.5)), "Number(3.5)");
/// assert_eq!(format!("{:?}", Arg::Unsigned(u128::from(u64::MAX))), "Unsigned(18446744073709551615)");
/// assert_eq!(format!("{:?}", Arg::Text(&sku)), "Text(A-1)");
/// ```
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum Arg<'a> {
    /// A floating-point number.
    Number(f64),
    /// A signed integer, exact.
    Signed(i128),
    /// An unsigned integer, exact.
    Unsigned(u128),
    /// Anything else, as its `Display` writes it.
    Text(&'a dyn fmt::Display),
}

impl fmt::Debug for Arg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Number(n) => write!(f, "Number({n})"),
            Arg::Signed(n) => write!(f, "Signed({n})"),
            Arg::Unsigned(n) => write!(f, "Unsigned({n})"),
            Arg::Text(text) => write!(f, "Text({text})"),
        }
    }
}

/// The largest integer an `f64` holds exactly, with every one below it.
const EXACT: u128 = 1 << 53;

impl Arg<'_> {
    /// The argument as Fluent takes it: a number where Fluent's `f64` holds
    /// it exactly (plural rules select by it), otherwise its exact digits as
    /// text, so that no digit changes. Past 2^53 a selector then takes its
    /// default variant, which for every plural rule of en, de and fr is the
    /// one such numbers select anyway (`other`).
    fn to_fluent(self) -> FluentValue<'static> {
        match self {
            Arg::Number(n) => FluentValue::from(n),
            Arg::Signed(n) if n.unsigned_abs() <= EXACT => {
                // Exact: within 2^53.
                #[allow(clippy::cast_precision_loss)]
                FluentValue::from(n as f64)
            }
            Arg::Unsigned(n) if n <= EXACT =>
            {
                #[allow(clippy::cast_precision_loss)]
                FluentValue::from(n as f64)
            }
            Arg::Signed(n) => FluentValue::from(n.to_string()),
            Arg::Unsigned(n) => FluentValue::from(n.to_string()),
            Arg::Text(text) => FluentValue::from(text.to_string()),
        }
    }
}

/// An [`Arg`] owned: what a copy of an error keeps of its arguments.
pub(crate) enum OwnedArg {
    Number(f64),
    Signed(i128),
    Unsigned(u128),
    Text(String),
}

impl OwnedArg {
    pub(crate) fn of(arg: Arg<'_>) -> OwnedArg {
        match arg {
            Arg::Number(n) => OwnedArg::Number(n),
            Arg::Signed(n) => OwnedArg::Signed(n),
            Arg::Unsigned(n) => OwnedArg::Unsigned(n),
            Arg::Text(text) => OwnedArg::Text(text.to_string()),
        }
    }

    pub(crate) fn as_arg(&self) -> Arg<'_> {
        match self {
            OwnedArg::Number(n) => Arg::Number(*n),
            OwnedArg::Signed(n) => Arg::Signed(*n),
            OwnedArg::Unsigned(n) => Arg::Unsigned(*n),
            OwnedArg::Text(text) => Arg::Text(text),
        }
    }
}

/// Receives an error's message arguments, by name; see
/// [`MessageArgs`].
///
/// ```
/// use errcodes::l10n::{Arg, ArgVisitor};
///
/// let mut seen = Vec::new();
/// let mut visitor = |name: &str, arg: Arg<'_>| seen.push(format!("{name}={arg:?}"));
/// visitor.visit("id", Arg::Number(42.0));
/// assert_eq!(seen, ["id=Number(42)"]);
/// ```
pub trait ArgVisitor {
    /// One argument; its name is the Fluent variable's (a field name).
    fn visit(&mut self, name: &'static str, arg: Arg<'_>);
}

impl<F: FnMut(&'static str, Arg<'_>)> ArgVisitor for F {
    fn visit(&mut self, name: &'static str, arg: Arg<'_>) {
        self(name, arg);
    }
}

/// The arguments of a localized message: what hands them, by name, to an
/// [`ArgVisitor`]. The derive implements it for each type with catalogs
/// (the fields each variant's `detail` template reads); `()` has none.
///
/// ```
/// use errcodes::l10n::{Arg, ArgVisitor, MessageArgs};
///
/// struct Seats(u32);
/// impl MessageArgs for Seats {
///     fn visit_args(&self, visitor: &mut dyn ArgVisitor) {
///         visitor.visit("seats", Arg::Unsigned(self.0.into()));
///     }
/// }
///
/// let mut seen = Vec::new();
/// Seats(3).visit_args(&mut |name: &str, arg: Arg<'_>| seen.push(format!("{name}={arg:?}")));
/// assert_eq!(seen, ["seats=Unsigned(3)"]);
/// ```
pub trait MessageArgs {
    /// Hands each argument to `visitor`.
    fn visit_args(&self, visitor: &mut dyn ArgVisitor);
}

impl MessageArgs for () {
    fn visit_args(&self, _: &mut dyn ArgVisitor) {}
}

/// What an error's texts are localized from: its catalogs, its message id
/// in them and the message's arguments. The one localization entry point
/// of [`ApiError`](crate::ApiError): [`ApiError::message`](crate::ApiError::message)
/// returns it, and a wrapper forwards that one call.
///
/// ```
/// use errcodes::l10n::{Message, Messages};
///
/// static MESSAGES: Messages = Messages::new("en", &[("en", "gone = It is gone.\n    .title = Gone\n")]);
///
/// let message = Message::new(&MESSAGES, "gone", &());
/// assert_eq!(message.id(), "gone");
/// assert_eq!(message.catalogs().fallback(), "en");
/// ```
#[derive(Clone, Copy)]
pub struct Message<'a> {
    catalogs: &'static Messages,
    id: &'a str,
    args: &'a dyn MessageArgs,
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("catalogs", self.catalogs)
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl<'a> Message<'a> {
    /// The message `id` of `catalogs`, read with `args`.
    ///
    /// ```
    /// use errcodes::l10n::{Message, Messages};
    ///
    /// static MESSAGES: Messages = Messages::new("en", &[]);
    /// assert_eq!(Message::new(&MESSAGES, "gone", &()).id(), "gone");
    /// ```
    #[must_use]
    pub const fn new(catalogs: &'static Messages, id: &'a str, args: &'a dyn MessageArgs) -> Self {
        Message { catalogs, id, args }
    }

    /// The catalogs the texts come from.
    ///
    /// ```
    /// use errcodes::l10n::{Message, Messages};
    ///
    /// static MESSAGES: Messages = Messages::new("de", &[]);
    /// assert_eq!(Message::new(&MESSAGES, "gone", &()).catalogs().fallback(), "de");
    /// ```
    #[must_use]
    pub const fn catalogs(&self) -> &'static Messages {
        self.catalogs
    }

    /// The message's id in the catalogs: the error's code, unless it keys
    /// its texts otherwise (a collection's summary, a validation rule).
    ///
    /// ```
    /// use errcodes::l10n::{Message, Messages};
    ///
    /// static MESSAGES: Messages = Messages::new("en", &[]);
    /// assert_eq!(Message::new(&MESSAGES, "rule-length", &()).id(), "rule-length");
    /// ```
    #[must_use]
    pub const fn id(&self) -> &'a str {
        self.id
    }

    /// Hands each argument of the message to `visitor`.
    ///
    /// ```
    /// use errcodes::l10n::{Arg, Message, Messages};
    ///
    /// static MESSAGES: Messages = Messages::new("en", &[]);
    /// let mut count = 0;
    /// Message::new(&MESSAGES, "gone", &()).visit_args(&mut |_: &str, _: Arg<'_>| count += 1);
    /// assert_eq!(count, 0);
    /// ```
    pub fn visit_args(&self, visitor: &mut dyn ArgVisitor) {
        self.args.visit_args(visitor);
    }

    /// Where the texts are answered from when `locale` is asked for.
    pub(crate) fn answer(&self, locale: &str) -> Option<Answer<'static>> {
        self.catalogs.answer(locale, self.id)
    }

    /// Writes the detail in `answer`; `None` when it has none.
    pub(crate) fn write_detail(
        &self,
        answer: Answer<'_>,
        f: &mut fmt::Formatter<'_>,
    ) -> Option<fmt::Result> {
        answer.write_detail(self.id, &|visitor| self.visit_args(visitor), f)
    }

    /// Writes the detail in the catalogs' fallback locale; `None` when it
    /// has none.
    pub(crate) fn write_fallback(&self, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        self.write_detail(self.answer(self.catalogs.fallback)?, f)
    }
}

/// A type's message catalogs: the Fluent sources of each locale, embedded
/// by the derive, read into bundles on first use.
///
/// The derive writes one per type with `#[api(locales = "...")]`, and
/// [`ApiError::message`](crate::ApiError::message) names it:
///
/// ```
/// static MESSAGES: errcodes::l10n::Messages = errcodes::l10n::Messages::new(
///     "en",
///     &[("en", "gone = It is gone.\n    .title = Gone\n"), ("de", "gone = Es ist weg.\n    .title = Weg\n")],
/// );
/// assert_eq!(MESSAGES.locales().collect::<Vec<_>>(), ["en", "de"]);
/// assert_eq!(MESSAGES.answering("de-CH", "gone"), Some("de"));
/// assert_eq!(MESSAGES.answering("ja", "gone"), Some("en"));
/// ```
pub struct Messages {
    fallback: &'static str,
    sources: &'static [(&'static str, &'static str)],
    bundles: OnceLock<Vec<(&'static str, FluentBundle<FluentResource>)>>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("fallback", &self.fallback)
            .field("locales", &self.locales().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// The catalogs of `sources` (`(locale, Fluent source)`, a locale once
    /// per file), answering in `fallback` where a locale has no message.
    /// The derive writes this call; sources are checked at compile time.
    ///
    /// ```
    /// static MESSAGES: errcodes::l10n::Messages = errcodes::l10n::Messages::new(
    ///     "en",
    ///     &[("en", "gone = It is gone.\n    .title = Gone\n"), ("de", "gone = Es ist weg.\n    .title = Weg\n")],
    /// );
    /// assert_eq!(MESSAGES.title("de", "gone"), Some("Weg"));
    /// assert_eq!(MESSAGES.title("fr", "gone"), Some("Gone"));
    /// ```
    #[must_use]
    pub const fn new(
        fallback: &'static str,
        sources: &'static [(&'static str, &'static str)],
    ) -> Messages {
        Messages {
            fallback,
            sources,
            bundles: OnceLock::new(),
        }
    }

    /// The fallback locale.
    ///
    /// ```
    /// static MESSAGES: errcodes::l10n::Messages = errcodes::l10n::Messages::new("en", &[]);
    /// assert_eq!(MESSAGES.fallback(), "en");
    /// ```
    #[must_use]
    pub fn fallback(&self) -> &'static str {
        self.fallback
    }

    /// Every locale with a catalog, each once, in order.
    ///
    /// ```
    /// static MESSAGES: errcodes::l10n::Messages =
    ///     errcodes::l10n::Messages::new("en", &[("de", ""), ("en", ""), ("en", "")]);
    /// assert_eq!(MESSAGES.locales().collect::<Vec<_>>(), ["de", "en"]);
    /// ```
    pub fn locales(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.sources
            .iter()
            .enumerate()
            .filter(|(i, (tag, _))| !self.sources[..*i].iter().any(|(t, _)| t == tag))
            .map(|(_, (tag, _))| *tag)
    }

    fn bundles(&self) -> &[(&'static str, FluentBundle<FluentResource>)] {
        self.bundles.get_or_init(|| {
            self.locales()
                .map(|tag| {
                    let id = tag.parse().unwrap_or_default();
                    let mut bundle = FluentBundle::new_concurrent(vec![id]);
                    // Bidi isolation marks never reach a JSON body.
                    bundle.set_use_isolating(false);
                    for (_, source) in self.sources.iter().filter(|(t, _)| *t == tag) {
                        let resource = match FluentResource::try_new((*source).to_owned()) {
                            Ok(resource) | Err((resource, _)) => resource,
                        };
                        bundle.add_resource_overriding(resource);
                    }
                    (tag, bundle)
                })
                .collect()
        })
    }

    /// Where `code` is answered from when `locale` is asked for: the
    /// locale's bundle if it has the message, else that of the locale with
    /// its last subtag cut (`de-CH` -> `de`, RFC 4647's lookup), else the
    /// fallback's. Found once per answer; the texts are then read from it.
    pub(crate) fn answer(&self, locale: &str, code: &str) -> Option<Answer<'_>> {
        let bundles = self.bundles();
        let has = |tag: &str| {
            bundles
                .iter()
                .find(|(t, b)| t.eq_ignore_ascii_case(tag) && b.has_message(code))
                .map(|(language, bundle)| Answer { language, bundle })
        };
        crate::langtag::lookup(locale, |tag| has(tag).is_some())
            .and_then(has)
            .or_else(|| has(self.fallback))
    }

    /// The locale an error with `code` answers in when `locale` is asked
    /// for: `locale` if its catalog has the code, else the nearest less
    /// specific locale that has it (`de-CH` -> `de`), else the fallback.
    ///
    /// ```
    /// static MESSAGES: errcodes::l10n::Messages =
    ///     errcodes::l10n::Messages::new("en", &[("en", "gone = Gone.\n"), ("de", "gone = Weg.\n")]);
    /// assert_eq!(MESSAGES.answering("de", "gone"), Some("de"));
    /// assert_eq!(MESSAGES.answering("de-CH", "gone"), Some("de"));
    /// assert_eq!(MESSAGES.answering("fr", "gone"), Some("en"));
    /// assert_eq!(MESSAGES.answering("de", "other"), None);
    /// ```
    #[must_use]
    pub fn answering(&self, locale: &str, code: &str) -> Option<&'static str> {
        self.answer(locale, code).map(|answer| answer.language)
    }

    /// The title of `code` in `locale` (else the fallback's): its `.title`,
    /// static text.
    ///
    /// ```
    /// static MESSAGES: errcodes::l10n::Messages =
    ///     errcodes::l10n::Messages::new("en", &[("en", "gone = Gone.\n    .title = Gone\n")]);
    /// assert_eq!(MESSAGES.title("en", "gone"), Some("Gone"));
    /// assert_eq!(MESSAGES.title("en", "other"), None);
    /// ```
    #[must_use]
    pub fn title(&self, locale: &str, code: &str) -> Option<&str> {
        self.answer(locale, code)?.title(code)
    }

    /// Writes the detail of `code` in `locale` (else the fallback's) with
    /// the arguments `visit` gives; `None` when no catalog has one.
    pub(crate) fn write_detail(
        &self,
        locale: &str,
        code: &str,
        visit: &dyn Fn(&mut dyn ArgVisitor),
        f: &mut fmt::Formatter<'_>,
    ) -> Option<fmt::Result> {
        self.answer(locale, code)?.write_detail(code, visit, f)
    }

    /// The title and detail of `code` in `locale` itself (no fallback),
    /// each variable written `{$name}`; `None` when that locale has no
    /// message for it. What [`catalog::translations`](crate::catalog::translations) lists.
    ///
    /// ```
    /// static MESSAGES: errcodes::l10n::Messages = errcodes::l10n::Messages::new(
    ///     "en",
    ///     &[("en", "gone = { $what } is gone.\n    .title = Gone\n"), ("de", "")],
    /// );
    /// assert_eq!(
    ///     MESSAGES.own_text("en", "gone"),
    ///     Some((Some("Gone".to_owned()), Some("{$what} is gone.".to_owned())))
    /// );
    /// assert_eq!(MESSAGES.own_text("de", "gone"), None);
    /// ```
    #[must_use]
    pub fn own_text(&self, locale: &str, code: &str) -> Option<(Option<String>, Option<String>)> {
        let (_, bundle) = self
            .bundles()
            .iter()
            .find(|(tag, b)| tag.eq_ignore_ascii_case(locale) && b.has_message(code))?;
        let message = bundle.get_message(code)?;
        let mut errors = Vec::new();
        let mut text = |pattern| {
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned()
        };
        let title = message.get_attribute("title").map(|a| text(a.value()));
        let detail = message.value().map(&mut text);
        Some((title, detail))
    }

    /// Whether `code` has a detail (a message value) in `locale` or the
    /// fallback.
    pub(crate) fn has_detail(&self, locale: &str, code: &str) -> bool {
        self.answer(locale, code)
            .is_some_and(|answer| answer.has_detail(code))
    }
}

/// The bundle an answer's texts come from, and its locale.
#[derive(Clone, Copy)]
pub(crate) struct Answer<'m> {
    pub(crate) language: &'static str,
    bundle: &'m FluentBundle<FluentResource>,
}

impl<'m> Answer<'m> {
    /// The `.title` of `code`, static text.
    pub(crate) fn title(self, code: &str) -> Option<&'m str> {
        let pattern = self
            .bundle
            .get_message(code)?
            .get_attribute("title")?
            .value();
        let mut errors = Vec::new();
        match self.bundle.format_pattern(pattern, None, &mut errors) {
            std::borrow::Cow::Borrowed(title) => Some(title),
            std::borrow::Cow::Owned(_) => None,
        }
    }

    /// Whether `code` has a detail (a message value).
    pub(crate) fn has_detail(self, code: &str) -> bool {
        self.bundle
            .get_message(code)
            .is_some_and(|m| m.value().is_some())
    }

    /// Writes the detail of `code` with the arguments `visit` gives: one
    /// `FluentArgs` (Fluent's own argument list, one allocation) when there
    /// are any, numbers as Fluent numbers, texts as they display.
    pub(crate) fn write_detail(
        self,
        code: &str,
        visit: &dyn Fn(&mut dyn ArgVisitor),
        f: &mut fmt::Formatter<'_>,
    ) -> Option<fmt::Result> {
        let pattern = self.bundle.get_message(code)?.value()?;
        let mut args: Option<FluentArgs<'static>> = None;
        visit(&mut |name: &'static str, arg: Arg<'_>| {
            args.get_or_insert_with(|| FluentArgs::with_capacity(2))
                .set(name, arg.to_fluent());
        });
        let mut errors = Vec::new();
        Some(
            self.bundle
                .write_pattern(f, pattern, args.as_ref(), &mut errors),
        )
    }
}

/// The message of errcodes' own catalogs whose title is `status`'s reason
/// phrase: the title of an error that keeps the status's.
pub(crate) fn status_message(status: http::StatusCode) -> Option<&'static str> {
    Some(match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        410 => "gone",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        500 => "internal_server_error",
        501 => "not_implemented",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => return None,
    })
}

/// The catalogs of errcodes' own answers (the layers' route errors,
/// negotiation refusals, extractor rejections, framework answers written
/// again), in English, German and French.
pub(crate) static OWN: Messages = Messages::new(
    "en",
    &[
        ("de", include_str!("../locales/de/errcodes.ftl")),
        ("de", include_str!("../locales/de/collections.ftl")),
        ("de", include_str!("../locales/de/validator.ftl")),
        ("en", include_str!("../locales/en/errcodes.ftl")),
        ("en", include_str!("../locales/en/collections.ftl")),
        ("en", include_str!("../locales/en/validator.ftl")),
        ("fr", include_str!("../locales/fr/errcodes.ftl")),
        ("fr", include_str!("../locales/fr/collections.ftl")),
        ("fr", include_str!("../locales/fr/validator.ftl")),
    ],
);

/// The id, in errcodes' own catalogs, of an envelope's generic 5xx text
/// (`generic`, as the envelope writes it in English): Laravel's `Server
/// Error`, drf's `A server error occurred.`, errcodes' own for the others.
pub(crate) fn generic_id(generic: &str) -> &'static str {
    match generic {
        "Server Error" => "laravel_server_error",
        "A server error occurred." => "drf_server_error",
        _ => "server_error",
    }
}

/// Writes errcodes' own message `id` in `locale` (else English) into a JSON
/// string being written, escaped; false, writing nothing, when there is
/// none.
pub(crate) fn write_own(
    out: &mut Vec<u8>,
    locale: &str,
    id: &str,
    visit: &dyn Fn(&mut dyn ArgVisitor),
) -> bool {
    use core::fmt::Write as _;
    if !OWN.has_detail(locale, id) {
        return false;
    }
    let text = crate::visit::fmt_fn(|f| OWN.write_detail(locale, id, visit, f).unwrap_or(Ok(())));
    let _ = write!(crate::json::Escaper(out), "{text}");
    true
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Every own message parses and exists in every locale; an answer's
    /// message has a title, a summary's and a rule's none (the status
    /// titles those).
    #[test]
    fn the_own_catalogs_are_complete() {
        let mut ids: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (tag, source) in OWN.sources {
            assert!(
                FluentResource::try_new((*source).to_owned()).is_ok(),
                "{tag} does not parse"
            );
            let here: Vec<&str> = source
                .lines()
                .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
                .collect();
            for id in &here {
                let untitled = id.starts_with("rule-")
                    || [
                        "fields_failed",
                        "fields_failed_errors",
                        "errors_occurred",
                        "and_more_errors",
                    ]
                    .contains(id);
                assert_eq!(OWN.title(tag, id).is_none(), untitled, "{tag}: {id}");
                assert!(OWN.has_detail(tag, id), "{tag}: {id}");
                assert_eq!(OWN.answering(tag, id), Some(*tag));
            }
            ids.entry(tag).or_default().extend(here);
        }
        let mut each: Vec<Vec<&str>> = ids.into_values().collect();
        for ids in &mut each {
            ids.sort_unstable();
        }
        assert_eq!(each.len(), 3);
        assert!(each.windows(2).all(|w| w[0] == w[1]), "{each:?}");
        assert_eq!(OWN.title("de", "not_found"), Some("Nicht gefunden"));
        for status in [
            400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504,
        ] {
            let status = http::StatusCode::from_u16(status).unwrap();
            let id = status_message(status).unwrap();
            assert_eq!(OWN.title("en", id), status.canonical_reason(), "{status}");
        }
    }
}
