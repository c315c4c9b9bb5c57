//! What generated decoders call to rebuild a variant's fields. Each
//! operation comes in levels (autoref specialization): the call is made on
//! references to a [`Rebuild<T>`](Rebuild), and the most capable
//! impl the field's type allows is the one method resolution finds, so no
//! bound lands on the user's types.

use core::marker::PhantomData;
use core::str::FromStr;
use std::borrow::Cow;
use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::client::Decode;
use crate::received::ReceivedError;

/// Stands for a field of type `T`.
pub struct Rebuild<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Rebuild<T> {
    /// The marker.
    #[must_use]
    pub const fn new() -> Self {
        Rebuild(PhantomData)
    }
}

impl<T: ?Sized> Default for Rebuild<T> {
    fn default() -> Self {
        Rebuild::new()
    }
}

/// Text to `T` through `FromStr`.
pub trait TextParse<T> {
    /// The parsed value.
    fn parse_text(&self, text: &str) -> Option<T>;
}
impl<T: FromStr> TextParse<T> for &Rebuild<T> {
    fn parse_text(&self, text: &str) -> Option<T> {
        text.parse().ok()
    }
}
/// Text to a type that does not parse: nothing.
pub trait TextNone<T> {
    /// Nothing.
    fn parse_text(&self, text: &str) -> Option<T>;
}
impl<T> TextNone<T> for Rebuild<T> {
    fn parse_text(&self, _: &str) -> Option<T> {
        None
    }
}

/// JSON to `T`: deserialized, or a string parsed (AIP-193's metadata).
pub trait JsonBoth<T> {
    /// The value.
    fn parse_json(&self, value: &Value) -> Option<T>;
}
impl<T: DeserializeOwned + FromStr> JsonBoth<T> for &&&Rebuild<T> {
    fn parse_json(&self, value: &Value) -> Option<T> {
        T::deserialize(value)
            .ok()
            .or_else(|| value.as_str()?.parse().ok())
    }
}
/// JSON to `T`: deserialized.
pub trait JsonDeserialize<T> {
    /// The value.
    fn parse_json(&self, value: &Value) -> Option<T>;
}
impl<T: DeserializeOwned> JsonDeserialize<T> for &&Rebuild<T> {
    fn parse_json(&self, value: &Value) -> Option<T> {
        T::deserialize(value).ok()
    }
}
/// JSON to `T`: a string parsed.
pub trait JsonParse<T> {
    /// The value.
    fn parse_json(&self, value: &Value) -> Option<T>;
}
impl<T: FromStr> JsonParse<T> for &Rebuild<T> {
    fn parse_json(&self, value: &Value) -> Option<T> {
        value.as_str()?.parse().ok()
    }
}
/// JSON to a type that neither deserializes nor parses: nothing.
pub trait JsonNone<T> {
    /// Nothing.
    fn parse_json(&self, value: &Value) -> Option<T>;
}
impl<T> JsonNone<T> for Rebuild<T> {
    fn parse_json(&self, _: &Value) -> Option<T> {
        None
    }
}

/// A field the body does not show: its `Default`.
pub trait DefaultValue<T> {
    /// The default.
    fn or_default(&self) -> Option<T>;
}
impl<T: Default> DefaultValue<T> for &Rebuild<T> {
    fn or_default(&self) -> Option<T> {
        Some(T::default())
    }
}
/// A field the body does not show and that has no default: nothing.
pub trait DefaultNone<T> {
    /// Nothing.
    fn or_default(&self) -> Option<T>;
}
impl<T> DefaultNone<T> for Rebuild<T> {
    fn or_default(&self) -> Option<T> {
        None
    }
}

/// A transparent variant's inner error, decoded by its own type.
pub trait InnerDecode<T> {
    /// The inner error.
    fn decode_inner(&self, received: &ReceivedError) -> Option<T>;
}
impl<T: Decode> InnerDecode<T> for &Rebuild<T> {
    fn decode_inner(&self, received: &ReceivedError) -> Option<T> {
        T::from_received(received)
    }
}
/// An inner type that does not decode: nothing.
pub trait InnerNone<T> {
    /// Nothing.
    fn decode_inner(&self, received: &ReceivedError) -> Option<T>;
}
impl<T> InnerNone<T> for Rebuild<T> {
    fn decode_inner(&self, _: &ReceivedError) -> Option<T> {
        None
    }
}

/// The request member an error is about: its location, else its one
/// entry's (Problem Details and Laravel put a single error's member in
/// an entry), as a dotted path.
#[must_use]
pub fn location(received: &ReceivedError) -> Option<String> {
    let location = received.location().or_else(|| match received.entries() {
        [only] => only.location(),
        _ => None,
    })?;
    crate::client::member(location)
}

/// A piece of a detail template.
pub enum Piece {
    /// Literal text.
    Text(&'static str),
    /// A field's `Display` text.
    Hole,
}

/// The text of each hole of `pieces` in `text`, or `None` when `text`
/// does not read as the template. A hole ends where the next literal
/// piece first appears (the last one at the end of the text).
#[must_use]
pub fn captures<'a>(text: &'a str, pieces: &[Piece]) -> Option<Vec<&'a str>> {
    let mut rest = text;
    let mut found = Vec::new();
    let mut iter = pieces.iter().peekable();
    while let Some(piece) = iter.next() {
        match piece {
            Piece::Text(literal) => rest = rest.strip_prefix(literal)?,
            Piece::Hole => match (iter.len(), iter.peek()) {
                // The last literal ends the text: the hole is all
                // before it, whatever the hole's own text contains.
                (1, Some(Piece::Text(last))) => {
                    let hole = rest.strip_suffix(last)?;
                    found.push(hole);
                    rest = last;
                }
                (_, Some(Piece::Text(next))) => {
                    let end = rest.find(next)?;
                    found.push(&rest[..end]);
                    rest = &rest[end..];
                }
                // Two holes side by side cannot be told apart.
                (_, Some(Piece::Hole)) => return None,
                (_, None) => {
                    found.push(rest);
                    rest = "";
                }
            },
        }
    }
    rest.is_empty().then_some(found)
}

/// The text of each hole of the declared template `pieces` in `text`, else
/// of the first of the catalogs' `readings` (a localized text's pieces,
/// each with the hole each of its own holes is) that `text` reads as;
/// `holes` long, `None` for a hole a reading does not show.
#[must_use]
pub fn captures_any<'a>(
    text: &'a str,
    pieces: &[Piece],
    readings: &[(&[Piece], &[usize])],
    holes: usize,
) -> Option<Vec<Option<&'a str>>> {
    if let Some(found) = captures(text, pieces) {
        return Some(found.into_iter().map(Some).collect());
    }
    readings.iter().find_map(|(pieces, slots)| {
        let found = captures(text, pieces)?;
        let mut each = vec![None; holes];
        for (slot, hole) in slots.iter().zip(found) {
            if let Some(place) = each.get_mut(*slot) {
                *place = Some(hole);
            }
        }
        Some(each)
    })
}

/// The text of the response header `name` in `received`, else, for
/// `Retry-After`, the delay the body gave (AIP-193's `RetryInfo`), in
/// seconds: a client that reads the body alone still gets it.
#[must_use]
pub fn header_text<'a>(received: &'a ReceivedError, name: &str) -> Option<Cow<'a, str>> {
    if let Some(text) = received.header(name) {
        return Some(Cow::Borrowed(text));
    }
    if name.eq_ignore_ascii_case("retry-after") {
        return received
            .retry_delay
            .map(|seconds| Cow::Owned(seconds.to_string()));
    }
    None
}

/// Whether `received` answers with `status`, declared with the canonical
/// RPC code `declared`. An answer that came by an RPC shape carries its
/// code's status (a 422 travels as 400): there the codes are compared.
#[must_use]
pub fn status_is(received: &ReceivedError, status: u16, declared: crate::rpc::code::Code) -> bool {
    received.status.as_u16() == status || received.rpc == Some(declared)
}

/// `Retry-After` in delta-seconds, as a `Duration`.
#[must_use]
pub fn delta_seconds(text: &str) -> Option<Duration> {
    text.trim().parse().ok().map(Duration::from_secs)
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), as a `SystemTime`.
#[must_use]
pub fn http_date(text: &str) -> Option<SystemTime> {
    let (_, rest) = text.trim().split_once(", ")?;
    let mut parts = rest.split(' ');
    let day: u64 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let year: u64 = parts.next()?.parse().ok()?;
    let time = parts.next()?;
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == month)? as u64
        + 1;
    let mut hms = time.split(':').map(|p| p.parse::<u64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if year < 1970 || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y, mo) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let yoe = y - era * 400;
    let doy = (153 * mo + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = (era * 146_097 + doe).checked_sub(719_468)?;
    let seconds = days * 86_400 + h * 3600 + m * 60 + s;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_read_back() {
        let pieces = [Piece::Text("user "), Piece::Hole, Piece::Text(" exists")];
        assert_eq!(captures("user bob exists", &pieces), Some(vec!["bob"]));
        assert_eq!(captures("user bob exists!", &pieces), None);
        assert_eq!(captures("someone exists", &pieces), None);
        let tail = [Piece::Text("No order "), Piece::Hole];
        assert_eq!(captures("No order 42", &tail), Some(vec!["42"]));
        assert_eq!(captures("", &[Piece::Hole, Piece::Hole]), None);
        // A hole whose text holds the closing literal.
        assert_eq!(
            captures("user a exists exists", &pieces),
            Some(vec!["a exists"])
        );
    }

    #[test]
    fn localized_texts_read_back_in_their_own_order() {
        let pieces = [
            Piece::Text("Only "),
            Piece::Hole,
            Piece::Text(" of "),
            Piece::Hole,
            Piece::Text(" left."),
        ];
        let german: &[Piece] = &[
            Piece::Text("Von "),
            Piece::Hole,
            Piece::Text(" sind nur "),
            Piece::Hole,
            Piece::Text(" übrig."),
        ];
        let terse: &[Piece] = &[Piece::Text("Zu wenig "), Piece::Hole, Piece::Text(".")];
        let readings: &[(&[Piece], &[usize])] = &[(german, &[1, 0]), (terse, &[1])];
        assert_eq!(
            captures_any("Only 2 of A-1 left.", &pieces, readings, 2),
            Some(vec![Some("2"), Some("A-1")])
        );
        assert_eq!(
            captures_any("Von A-1 sind nur 2 übrig.", &pieces, readings, 2),
            Some(vec![Some("2"), Some("A-1")])
        );
        assert_eq!(
            captures_any("Zu wenig A-1.", &pieces, readings, 2),
            Some(vec![None, Some("A-1")])
        );
        assert_eq!(captures_any("Something else.", &pieces, readings, 2), None);
    }

    #[test]
    fn http_dates_read_back() {
        let date = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(date));
        assert_eq!(
            crate::__private::HttpDate(&date).to_string(),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 UTC"), None);
        assert_eq!(http_date("yesterday"), None);
    }
}
