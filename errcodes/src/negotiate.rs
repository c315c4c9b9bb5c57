//! Content negotiation: which envelope a request asked for, from its
//! `Accept` header, and the JSON:API media-type rules for `Content-Type`.
//!
//! The web-framework integrations call this for every error response; it
//! is plain functions over header values, so any server can.
//!
//! * `application/problem+json` asks for Problem Details, and
//!   `application/vnd.api+json` for JSON:API; a format of your own is asked
//!   for by its media type, when it is one the others do not share.
//! * `application/json`, `application/*`, `*/*` or no `Accept` at all: the
//!   app's default envelope (RFC 9457 lets a server send
//!   `application/problem+json` to a client that did not list it).
//! * Entries are taken by quality (`q`), then by order; `q=0` refuses.
//! * JSON:API's rules (jsonapi.org/format/1.1, "Content Negotiation"):
//!   an `Accept` instance of its media type with a parameter other than
//!   `ext` or `profile`, or with an `ext` (errcodes supports no extension),
//!   is ignored, and when every instance is such, the answer is **406**; a
//!   request `Content-Type` of its media type with such a parameter is
//!   **415**.
//! * Nothing acceptable: **406**, unless [`Negotiation::never_refuse`].
//!
//! ```
//! use errcodes::negotiate::{Negotiation, Refusal};
//! use errcodes::Envelope;
//!
//! let negotiation = Negotiation::new(Envelope::JsonApi);
//! assert_eq!(negotiation.choose(Some("application/problem+json")), Ok(Envelope::Problem));
//! assert_eq!(negotiation.choose(Some("text/html;q=0.9, */*;q=0.1")), Ok(Envelope::JsonApi));
//! assert_eq!(negotiation.choose(None), Ok(Envelope::JsonApi));
//! assert_eq!(negotiation.choose(Some("text/html")), Err(Refusal::NotAcceptable));
//! assert_eq!(
//!     negotiation.check_content_type(Some("application/vnd.api+json; charset=utf-8")),
//!     Err(Refusal::UnsupportedMediaType)
//! );
//! ```

use core::fmt;

use http::StatusCode;

use crate::error::ApiError;
use crate::error::Envelope;

/// What a server answers in, and how strictly it negotiates.
///
/// ```
/// use errcodes::negotiate::Negotiation;
/// use errcodes::Envelope;
///
/// let lenient = Negotiation::new(Envelope::Problem).never_refuse();
/// assert_eq!(lenient.choose(Some("text/html")), Ok(Envelope::Problem));
/// ```
#[derive(Clone, Debug)]
pub struct Negotiation {
    default: Envelope,
    offered: Vec<Envelope>,
    refuse: bool,
}

impl Negotiation {
    /// Answers in `default` unless the request asks for another of the
    /// built-in envelopes by its own media type; refuses (406) what it
    /// cannot satisfy.
    ///
    /// ```
    /// use errcodes::negotiate::Negotiation;
    /// use errcodes::Envelope;
    ///
    /// let negotiation = Negotiation::new(Envelope::Drf);
    /// assert_eq!(negotiation.choose(Some("application/json")), Ok(Envelope::Drf));
    /// ```
    #[must_use]
    pub fn new(default: Envelope) -> Negotiation {
        let mut offered = vec![default];
        offered.extend(Envelope::ALL.into_iter().filter(|e| *e != default));
        Negotiation {
            default,
            offered,
            refuse: true,
        }
    }

    /// Offers only `envelopes` (and the default) to clients that ask by
    /// media type; a format of your own is offered this way too.
    ///
    /// ```
    /// use errcodes::negotiate::{Negotiation, Refusal};
    /// use errcodes::Envelope;
    ///
    /// let problem_only = Negotiation::new(Envelope::Problem).offering([]);
    /// assert_eq!(problem_only.choose(Some("application/vnd.api+json")), Err(Refusal::NotAcceptable));
    /// ```
    #[must_use]
    pub fn offering(mut self, envelopes: impl IntoIterator<Item = Envelope>) -> Negotiation {
        self.offered = vec![self.default];
        for envelope in envelopes {
            if !self.offered.contains(&envelope) {
                self.offered.push(envelope);
            }
        }
        self
    }

    /// Answers in the default envelope when nothing acceptable is offered,
    /// instead of 406 (RFC 9110 lets a server disregard `Accept`). JSON:API's
    /// own 406 and 415 rules still hold.
    ///
    /// ```
    /// use errcodes::negotiate::Negotiation;
    /// use errcodes::Envelope;
    ///
    /// let lenient = Negotiation::new(Envelope::Laravel).never_refuse();
    /// assert_eq!(lenient.choose(Some("application/xml")), Ok(Envelope::Laravel));
    /// ```
    #[must_use]
    pub fn never_refuse(mut self) -> Negotiation {
        self.refuse = false;
        self
    }

    /// The envelopes offered, the default first.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn offered(&self) -> &[Envelope] {
        &self.offered
    }

    /// Whether what cannot be satisfied gets a 406.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn refuses(&self) -> bool {
        self.refuse
    }

    /// The envelope that answers in.
    ///
    /// ```
    /// assert_eq!(errcodes::negotiate::Negotiation::new(errcodes::Envelope::Drf).default_envelope(), errcodes::Envelope::Drf);
    /// ```
    #[must_use]
    pub fn default_envelope(&self) -> Envelope {
        self.default
    }

    /// The envelope to answer a request whose `Accept` header is `accept`.
    ///
    /// # Errors
    ///
    /// [`Refusal::NotAcceptable`] when no offered envelope is acceptable (and
    /// refusing is on), or when every JSON:API entry carries a parameter
    /// JSON:API forbids.
    ///
    /// ```
    /// use errcodes::negotiate::{Negotiation, Refusal};
    /// use errcodes::Envelope;
    ///
    /// let n = Negotiation::new(Envelope::Problem);
    /// assert_eq!(n.choose(Some("application/vnd.api+json;q=0.5, application/problem+json")), Ok(Envelope::Problem));
    /// assert_eq!(n.choose(Some("application/vnd.api+json; profile=\"https://example.com/p\"")), Ok(Envelope::JsonApi));
    /// assert_eq!(n.choose(Some("application/vnd.api+json; charset=utf-8")), Err(Refusal::NotAcceptable));
    /// ```
    pub fn choose(&self, accept: Option<&str>) -> Result<Envelope, Refusal> {
        let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
            return Ok(self.default);
        };
        let entries = || accept.split(',').filter_map(MediaRange::parse);
        if self.offered.contains(&Envelope::JsonApi) {
            let jsonapi = Envelope::JsonApi.media_type();
            let mut instances = entries().filter(|e| e.essence_is(jsonapi)).peekable();
            if instances.peek().is_some() && instances.all(|e| !e.jsonapi_usable()) {
                return Err(Refusal::NotAcceptable);
            }
        }
        // The best quality wins; among equals, the client's first.
        let mut best: Option<(u16, Envelope)> = None;
        for entry in entries().filter(|e| e.quality > 0) {
            if best.is_some_and(|(quality, _)| quality >= entry.quality) {
                continue;
            }
            if let Some(envelope) = self.answer(&entry) {
                best = Some((entry.quality, envelope));
            }
        }
        match best {
            Some((_, envelope)) => Ok(envelope),
            None if self.refuse => Err(Refusal::NotAcceptable),
            None => Ok(self.default),
        }
    }

    /// The envelope one `Accept` entry asks for, if it is offered.
    fn answer(&self, entry: &MediaRange<'_>) -> Option<Envelope> {
        // `*/*`, `application/*` and plain JSON: the default.
        let wildcard = entry.subtype == "*"
            && (entry.kind == "*" || entry.kind.eq_ignore_ascii_case("application"));
        if wildcard || entry.essence_is("application/json") {
            return Some(self.default);
        }
        if entry.essence_is(Envelope::JsonApi.media_type()) && !entry.jsonapi_usable() {
            return None;
        }
        // The default first, so that a media type shared by several
        // envelopes answers in the default.
        self.offered
            .iter()
            .copied()
            .find(|envelope| entry.essence_is(envelope.media_type()))
    }

    /// Checks a request's `Content-Type` against JSON:API's rule: its
    /// media type with a parameter other than `ext` or `profile`, or with an
    /// `ext` (errcodes supports no extension), is refused. Other media types
    /// are the handler's business, and pass.
    ///
    /// # Errors
    ///
    /// [`Refusal::UnsupportedMediaType`] for such a JSON:API media type.
    ///
    /// ```
    /// use errcodes::negotiate::{Negotiation, Refusal};
    /// use errcodes::Envelope;
    ///
    /// let n = Negotiation::new(Envelope::JsonApi);
    /// assert_eq!(n.check_content_type(Some("application/vnd.api+json")), Ok(()));
    /// assert_eq!(n.check_content_type(Some("application/vnd.api+json; ext=\"https://jsonapi.org/ext/atomic\"")), Err(Refusal::UnsupportedMediaType));
    /// assert_eq!(n.check_content_type(Some("application/json; charset=utf-8")), Ok(()));
    /// ```
    pub fn check_content_type(&self, content_type: Option<&str>) -> Result<(), Refusal> {
        let Some(range) = content_type.and_then(MediaRange::parse) else {
            return Ok(());
        };
        if self.offered.contains(&Envelope::JsonApi)
            && range.essence_is(Envelope::JsonApi.media_type())
            && !range.jsonapi_usable()
        {
            return Err(Refusal::UnsupportedMediaType);
        }
        Ok(())
    }
}

/// One media range of an `Accept` header (or a `Content-Type`): its type,
/// subtype, quality in thousandths and its parameters' text, read lazily.
struct MediaRange<'a> {
    kind: &'a str,
    subtype: &'a str,
    quality: u16,
    /// Everything after the essence: `;`-separated parameters.
    params: &'a str,
}

impl<'a> MediaRange<'a> {
    fn parse(text: &'a str) -> Option<MediaRange<'a>> {
        let (essence, params) = text.split_once(';').unwrap_or((text, ""));
        let (kind, subtype) = essence.trim().split_once('/')?;
        let (kind, subtype) = (kind.trim(), subtype.trim());
        if kind.is_empty() || subtype.is_empty() {
            return None;
        }
        let mut quality = 1000;
        for (name, value) in Self::pairs(params) {
            if name.eq_ignore_ascii_case("q") {
                quality = parse_quality(value)?;
            }
        }
        Some(MediaRange {
            kind,
            subtype,
            quality,
            params,
        })
    }

    /// The `name=value` parameters of `params`, quotes removed.
    fn pairs(params: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        params.split(';').filter_map(|param| {
            let (name, value) = param.split_once('=')?;
            Some((name.trim(), value.trim().trim_matches('"')))
        })
    }

    /// Whether this is `media_type` (`type/subtype`, case-insensitive).
    fn essence_is(&self, media_type: &str) -> bool {
        media_type.split_once('/').is_some_and(|(kind, subtype)| {
            self.kind.eq_ignore_ascii_case(kind) && self.subtype.eq_ignore_ascii_case(subtype)
        })
    }

    /// Whether a JSON:API instance is one errcodes can answer: parameters
    /// `profile` (and `q`) only; no `ext`, since no extension is supported.
    fn jsonapi_usable(&self) -> bool {
        Self::pairs(self.params)
            .all(|(name, _)| name.eq_ignore_ascii_case("profile") || name.eq_ignore_ascii_case("q"))
    }
}

/// A `q` value (`0`, `0.5`, `1.000`) in thousandths; `None` when malformed.
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(core::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The most bytes of `Accept-Language` read; a longer header gets the
/// default locale.
///
/// ```
/// use errcodes::negotiate::{MAX_ACCEPT_LANGUAGE, choose_locale};
///
/// let long = format!("de,{}", "x".repeat(MAX_ACCEPT_LANGUAGE));
/// assert_eq!(choose_locale(Some(&long), &["en", "de"]), Some(0));
/// ```
pub const MAX_ACCEPT_LANGUAGE: usize = 4096;

/// The most language ranges of `Accept-Language` read; a header with more
/// gets the default locale.
///
/// ```
/// use errcodes::negotiate::{MAX_LANGUAGE_RANGES, choose_locale};
///
/// let many = format!("de{}", ",ja".repeat(MAX_LANGUAGE_RANGES));
/// assert_eq!(choose_locale(Some(&many), &["en", "de"]), Some(0));
/// assert_eq!(choose_locale(Some("de,ja"), &["en", "de"]), Some(1));
/// ```
pub const MAX_LANGUAGE_RANGES: usize = 32;

/// The locale of `available` a request's `Accept-Language` asks for, by
/// index (RFC 9110 section 12.5.4, RFC 4647 lookup): the ranges by quality
/// then order, each matched exactly (ignoring case), then with its last
/// subtag cut off, `de-CH` then `de`; `*` and no match give the default
/// (index 0). A missing, garbled, longer than [`MAX_ACCEPT_LANGUAGE`] or
/// more than [`MAX_LANGUAGE_RANGES`]-range header gets the default too,
/// read in time bounded by those limits. `None` only when `available` is
/// empty.
///
/// ```
/// use errcodes::negotiate::choose_locale;
///
/// let locales = ["en", "de", "fr"];
/// assert_eq!(choose_locale(Some("de-CH, fr;q=0.8"), &locales), Some(1));
/// assert_eq!(choose_locale(Some("fr;q=0.9, de;q=0.5"), &locales), Some(2));
/// assert_eq!(choose_locale(Some("ja, *;q=0.1"), &locales), Some(0));
/// assert_eq!(choose_locale(Some("\u{0}garbage;;q=x"), &locales), Some(0));
/// assert_eq!(choose_locale(None, &locales), Some(0));
/// ```
pub fn choose_locale<S: AsRef<str>>(
    accept_language: Option<&str>,
    available: &[S],
) -> Option<usize> {
    if available.is_empty() {
        return None;
    }
    let Some(header) = accept_language.filter(|h| h.len() <= MAX_ACCEPT_LANGUAGE) else {
        return Some(0);
    };
    let mut ranges: Vec<(u16, &str)> = Vec::new();
    for (n, item) in header.split(',').enumerate() {
        if n >= MAX_LANGUAGE_RANGES {
            return Some(0);
        }
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let mut quality = 1000;
        for param in parts {
            match param.trim().split_once('=') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("q") => {
                    match parse_quality(value.trim()) {
                        Some(q) => quality = q,
                        None => quality = 0,
                    }
                }
                _ => {}
            }
        }
        let well_formed = tag == "*"
            || (!tag.is_empty()
                && tag.len() <= 35
                && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        if well_formed && quality > 0 {
            ranges.push((quality, tag));
        }
    }
    // Highest quality first; among equals, the header's order.
    ranges.sort_by_key(|range| core::cmp::Reverse(range.0));
    for (_, range) in ranges {
        if range == "*" {
            return Some(0);
        }
        let position = |tag: &str| {
            available
                .iter()
                .position(|a| a.as_ref().eq_ignore_ascii_case(tag))
        };
        if let Some(found) = crate::langtag::lookup(range, |tag| position(tag).is_some()) {
            return position(found);
        }
    }
    Some(0)
}

/// Why a request cannot be answered as it asks: itself an error, answered
/// in the default envelope.
///
/// ```
/// use errcodes::ApiErrorExt as _;
/// use errcodes::negotiate::Refusal;
/// use errcodes::{ApiError, Envelope};
///
/// let body = Refusal::NotAcceptable.render_to_vec(Envelope::Drf);
/// assert_eq!(body, br#"{"type":"client_error","errors":[{"code":"not_acceptable","detail":"Could not satisfy the request Accept header.","attr":null}]}"#);
/// assert_eq!(Refusal::UnsupportedMediaType.status(), 415);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 406: nothing the `Accept` header allows can be sent.
    NotAcceptable,
    /// 415: the request's `Content-Type` is one the API does not take.
    UnsupportedMediaType,
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for Refusal {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        visitor.visit("expected", crate::l10n::Arg::Text(&"other"));
    }
}

impl ApiError for Refusal {
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        Some(crate::l10n::Message::new(
            &crate::l10n::OWN,
            self.code(),
            self,
        ))
    }
    fn status(&self) -> StatusCode {
        match self {
            Refusal::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            Refusal::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        }
    }
    fn code(&self) -> &str {
        match self {
            Refusal::NotAcceptable => "not_acceptable",
            Refusal::UnsupportedMediaType => "unsupported_media_type",
        }
    }
    fn title(&self) -> &str {
        match self {
            Refusal::NotAcceptable => "Not Acceptable",
            Refusal::UnsupportedMediaType => "Unsupported Media Type",
        }
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
    fn detail_str(&self) -> Option<&str> {
        Some(self.detail())
    }
}

impl Refusal {
    /// drf's texts for the two answers.
    fn detail(self) -> &'static str {
        match self {
            Refusal::NotAcceptable => "Could not satisfy the request Accept header.",
            Refusal::UnsupportedMediaType => "Unsupported media type in request.",
        }
    }
}

impl fmt::Display for Refusal {
    /// The detail.
    ///
    /// ```
    /// assert_eq!(errcodes::negotiate::Refusal::UnsupportedMediaType.to_string(), "Unsupported media type in request.");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
}

impl std::error::Error for Refusal {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualities() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0.5"), Some(500));
        assert_eq!(parse_quality("0.05"), Some(50));
        assert_eq!(parse_quality("0"), Some(0));
        for bad in ["2", "1.5", "0.1234", "-1", "x", ""] {
            assert_eq!(parse_quality(bad), None, "{bad}");
        }
    }

    #[test]
    fn quality_then_order_decides() {
        let n = Negotiation::new(Envelope::Drf);
        assert_eq!(
            n.choose(Some(
                "application/problem+json;q=0.4, application/vnd.api+json;q=0.8"
            )),
            Ok(Envelope::JsonApi)
        );
        assert_eq!(
            n.choose(Some("application/vnd.api+json, application/problem+json")),
            Ok(Envelope::JsonApi)
        );
        assert_eq!(
            n.choose(Some("application/problem+json;q=0, */*")),
            Ok(Envelope::Drf)
        );
        assert_eq!(
            n.choose(Some("application/problem+json;q=0")),
            Err(Refusal::NotAcceptable)
        );
        assert_eq!(
            n.choose(Some("APPLICATION/PROBLEM+JSON")),
            Ok(Envelope::Problem)
        );
        assert_eq!(n.choose(Some("application/*")), Ok(Envelope::Drf));
        assert_eq!(n.choose(Some("  ")), Ok(Envelope::Drf));
        // A malformed entry is skipped, not fatal.
        assert_eq!(
            n.choose(Some("garbage, application/problem+json")),
            Ok(Envelope::Problem)
        );
    }

    #[test]
    fn jsonapi_media_type_rules() {
        let n = Negotiation::new(Envelope::Problem);
        // Every JSON:API instance has a forbidden parameter: 406, whatever
        // else is listed.
        assert_eq!(
            n.choose(Some("application/vnd.api+json; charset=utf-8, */*")),
            Err(Refusal::NotAcceptable)
        );
        // One usable instance is enough.
        assert_eq!(
            n.choose(Some(
                "application/vnd.api+json; charset=utf-8, application/vnd.api+json"
            )),
            Ok(Envelope::JsonApi)
        );
        assert_eq!(
            n.choose(Some(
                "application/vnd.api+json; ext=\"https://jsonapi.org/ext/atomic\""
            )),
            Err(Refusal::NotAcceptable)
        );
        assert_eq!(
            n.check_content_type(Some("application/vnd.api+json; profile=\"a b\"")),
            Ok(())
        );
        assert_eq!(
            n.check_content_type(Some("application/vnd.api+json;version=1")),
            Err(Refusal::UnsupportedMediaType)
        );
        assert_eq!(n.check_content_type(None), Ok(()));
        // Not offered: JSON:API's rules do not apply.
        let problem_only = Negotiation::new(Envelope::Problem).offering([]);
        assert_eq!(
            problem_only.check_content_type(Some("application/vnd.api+json;x=1")),
            Ok(())
        );
    }

    #[test]
    fn a_shared_media_type_answers_in_the_default() {
        // Laravel, drf, ShipStream and AIP-193 are all application/json.
        let n = Negotiation::new(Envelope::ShipStream);
        assert_eq!(n.choose(Some("application/json")), Ok(Envelope::ShipStream));
        let n = Negotiation::new(Envelope::JsonApi);
        assert_eq!(n.choose(Some("application/json")), Ok(Envelope::JsonApi));
    }
}
