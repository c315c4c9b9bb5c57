//! One path model for request members: built from segments, written per
//! envelope as a dotted path or a JSON Pointer.

use std::borrow::Cow;
use std::fmt;

use crate::json;

/// One step of a [`FieldPath`]: a member name or a list index.
///
/// ```
/// use errcodes::Segment;
///
/// assert_eq!(Segment::from("items"), Segment::Key("items".into()));
/// assert_eq!(Segment::from(0usize), Segment::Index(0));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object member, such as `items`.
    Key(Cow<'static, str>),
    /// A list index, such as `0` (index 0 is kept in every rendering).
    Index(usize),
}

impl From<&'static str> for Segment {
    fn from(key: &'static str) -> Self {
        Segment::Key(Cow::Borrowed(key))
    }
}

impl From<String> for Segment {
    fn from(key: String) -> Self {
        Segment::Key(Cow::Owned(key))
    }
}

impl From<Cow<'static, str>> for Segment {
    fn from(key: Cow<'static, str>) -> Self {
        Segment::Key(key)
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Segment::Index(index)
    }
}

/// The path of a request member, such as `items`, `1`, `qty`.
///
/// Each envelope writes it its own way: `items.1.qty` (Laravel, drf,
/// ShipStream), `/data/attributes/items/1/qty` (JSON:API, under the
/// configured prefix) and `#/items/1/qty` (Problem Details). Pointer forms
/// escape `~` and `/` as RFC 6901 says.
///
/// ```
/// use errcodes::FieldPath;
///
/// let path = FieldPath::new().key("items").index(1).key("qty");
/// assert_eq!(path.to_string(), "items.1.qty");
/// assert_eq!(path.to_pointer(), "/items/1/qty");
/// assert_eq!(FieldPath::from_iter(["a/b", "c~d"]).to_pointer(), "/a~1b/c~0d");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// An empty path; add segments with [`key`](Self::key) and
    /// [`index`](Self::index).
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// assert!(FieldPath::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        FieldPath::default()
    }

    /// Splits a dotted path such as `items.0.sku`; all-digit parts become
    /// indexes.
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// let path = FieldPath::parse_dotted("items.0.sku");
    /// assert_eq!(path.segments()[1], Segment::Index(0));
    /// assert_eq!(path.to_string(), "items.0.sku");
    /// ```
    #[must_use]
    pub fn parse_dotted(dotted: &str) -> Self {
        dotted
            .split('.')
            .map(|part| match part.parse::<usize>() {
                Ok(index) if !part.starts_with('+') => Segment::Index(index),
                _ => Segment::Key(Cow::Owned(part.to_owned())),
            })
            .collect()
    }

    /// This path followed by the member `key`.
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// assert_eq!(FieldPath::new().key("address").key("zip").to_string(), "address.zip");
    /// ```
    #[must_use]
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(Segment::Key(key.into()));
        self
    }

    /// This path followed by the list index `index`.
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// assert_eq!(FieldPath::new().key("items").index(0).to_pointer(), "/items/0");
    /// ```
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// `prefix` followed by this path.
    ///
    /// ```
    /// use errcodes::FieldPath;
    ///
    /// let inner = FieldPath::parse_dotted("zip");
    /// assert_eq!(inner.nested_in(&FieldPath::parse_dotted("address")).to_string(), "address.zip");
    /// ```
    #[must_use]
    pub fn nested_in(&self, prefix: &FieldPath) -> FieldPath {
        prefix
            .segments
            .iter()
            .chain(&self.segments)
            .cloned()
            .collect()
    }

    /// The segments, in order.
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// let path = FieldPath::new().key("items").index(2);
    /// assert_eq!(path.segments(), [Segment::Key("items".into()), Segment::Index(2)]);
    /// ```
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether the path has no segments (it names the whole document).
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// assert!(FieldPath::new().is_empty());
    /// assert!(!FieldPath::new().key("a").is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The RFC 6901 JSON Pointer form, such as `/items/1/qty`.
    ///
    /// ```
    /// use errcodes::{FieldPath, Segment};
    ///
    /// assert_eq!(FieldPath::new().key("a/b").key("c~d").index(0).to_pointer(), "/a~1b/c~0d/0");
    /// ```
    #[must_use]
    pub fn to_pointer(&self) -> String {
        let mut out = Vec::new();
        for segment in &self.segments {
            out.push(b'/');
            match segment {
                Segment::Key(key) => pointer_segment(&mut out, key, false, raw),
                Segment::Index(index) => json::unsigned(&mut out, *index),
            }
        }
        // Only valid UTF-8 went in: the segments' text and ASCII escapes.
        String::from_utf8(out).unwrap_or_default()
    }
}

impl fmt::Display for FieldPath {
    /// The dotted form, such as `items.1.qty`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match segment {
                Segment::Key(key) => f.write_str(key)?,
                Segment::Index(index) => write!(f, "{index}")?,
            }
        }
        Ok(())
    }
}

impl From<&str> for FieldPath {
    /// Parses a dotted path; see [`FieldPath::parse_dotted`].
    fn from(dotted: &str) -> Self {
        FieldPath::parse_dotted(dotted)
    }
}

impl From<String> for FieldPath {
    /// Parses a dotted path; see [`FieldPath::parse_dotted`].
    fn from(dotted: String) -> Self {
        FieldPath::parse_dotted(&dotted)
    }
}

impl<S: Into<Segment>> FromIterator<S> for FieldPath {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        FieldPath {
            segments: iter.into_iter().map(Into::into).collect(),
        }
    }
}

// ---- Writing paths into JSON strings --------------------------------------
//
// Each envelope names a request member its own way; these write the forms
// the built-in envelopes use, already JSON-escaped, without quotes.

/// A dotted path (`items.0.sku`) as a JSON Pointer (`/items/0/sku`),
/// escaping `~` and `/` per RFC 6901. With `fragment`, characters a URI
/// fragment cannot hold are also percent-encoded (RFC 6901 section 6).
pub(crate) fn write_pointer_from_dotted(out: &mut Vec<u8>, dotted: &str, fragment: bool) {
    for segment in dotted.split('.') {
        out.push(b'/');
        pointer_segment(out, segment, fragment, json::escape_into);
    }
}

/// A [`FieldPath`] as a JSON Pointer, escaped as
/// [`write_pointer_from_dotted`] does.
pub(crate) fn write_pointer(out: &mut Vec<u8>, path: &FieldPath, fragment: bool) {
    for segment in path.segments() {
        out.push(b'/');
        match segment {
            Segment::Key(key) => pointer_segment(out, key, fragment, json::escape_into),
            Segment::Index(index) => json::unsigned(out, *index),
        }
    }
}

/// A [`FieldPath`] in dotted form.
pub(crate) fn write_dotted(out: &mut Vec<u8>, path: &FieldPath) {
    for (i, segment) in path.segments().iter().enumerate() {
        if i > 0 {
            out.push(b'.');
        }
        match segment {
            Segment::Key(key) => json::escape_into(out, key),
            Segment::Index(index) => json::unsigned(out, *index),
        }
    }
}

/// Appends one pointer segment with `~` and `/` escaped (and, for a
/// `fragment`, what a fragment cannot hold percent-encoded), the rest of its
/// text going through `text`: JSON escaping, or [`raw`].
fn pointer_segment(out: &mut Vec<u8>, segment: &str, fragment: bool, text: fn(&mut Vec<u8>, &str)) {
    let mut rest = segment;
    // Copy runs that need no escaping at once; stop at what does.
    while let Some(i) =
        rest.find(|c: char| c == '~' || c == '/' || (fragment && !is_fragment_safe(c)))
    {
        text(out, &rest[..i]);
        let c = rest[i..].chars().next().unwrap_or('~');
        match c {
            '~' => out.extend_from_slice(b"~0"),
            '/' => out.extend_from_slice(b"~1"),
            c => percent_char(out, c),
        }
        rest = &rest[i + c.len_utf8()..];
    }
    text(out, rest);
}

/// Text as it is, for pointers that are not inside a JSON string.
fn raw(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(text.as_bytes());
}

/// An already-escaped JSON Pointer, made a URI fragment: percent-encodes the
/// characters a fragment cannot hold.
pub(crate) fn write_pointer_as_fragment(out: &mut Vec<u8>, pointer: &str) {
    for c in pointer.chars() {
        if is_fragment_safe(c) {
            let mut buf = [0u8; 4];
            json::escape_into(out, c.encode_utf8(&mut buf));
        } else {
            percent_char(out, c);
        }
    }
}

fn percent_char(out: &mut Vec<u8>, c: char) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
    }
}

/// RFC 3986 `fragment` characters: unreserved, sub-delims, `:`, `@`, `/`, `?`.
fn is_fragment_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?".contains(c)
}

/// A JSON Pointer (`/data/id`) as a dotted path (`data.id`), unescaping
/// `~1` and `~0`. The empty pointer (the whole document) writes nothing.
pub(crate) fn write_dotted_from_pointer(out: &mut Vec<u8>, pointer: &str) {
    dotted_from(out, pointer, json::escape_into);
}

/// A location as a client reads it back (a JSON Pointer, or its URI
/// fragment form `#/first%20name`), as the dotted path it was rendered
/// from: the inverse of [`write_pointer_from_dotted`].
pub(crate) fn dotted_from_pointer(location: &str) -> String {
    let decoded;
    let pointer = match location.strip_prefix('#') {
        Some(fragment) => {
            decoded = percent_decode(fragment);
            decoded.as_str()
        }
        None => location,
    };
    let mut out = Vec::with_capacity(pointer.len());
    dotted_from(&mut out, pointer, raw);
    String::from_utf8(out).unwrap_or_default()
}

/// The pointer's segments joined with `.`, `~1` and `~0` unescaped, each
/// run of text through `text`.
fn dotted_from(out: &mut Vec<u8>, pointer: &str, text: fn(&mut Vec<u8>, &str)) {
    let mut first = true;
    for segment in pointer.split('/').skip(1) {
        if !first {
            out.push(b'.');
        }
        first = false;
        let mut rest = segment;
        while let Some(i) = rest.find('~') {
            text(out, &rest[..i]);
            match rest.as_bytes().get(i + 1) {
                Some(b'1') => out.push(b'/'),
                Some(b'0') => out.push(b'~'),
                _ => {
                    out.push(b'~');
                    rest = &rest[i + 1..];
                    continue;
                }
            }
            rest = &rest[i + 2..];
        }
        text(out, rest);
    }
}

/// `%XX` sequences decoded (what [`write_pointer_as_fragment`] encoded); a
/// `%` not followed by two hex digits, or bytes that decode to invalid
/// UTF-8, are kept as they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits: at most 255.
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'%'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::written;

    #[test]
    fn pointers_escape_per_rfc_6901() {
        assert_eq!(
            written(|o| write_pointer_from_dotted(o, "items.0.sku", false)),
            "/items/0/sku"
        );
        assert_eq!(
            written(|o| write_pointer_from_dotted(o, "a/b.c~d", false)),
            "/a~1b/c~0d"
        );
        assert_eq!(
            written(|o| write_pointer_from_dotted(o, "first name", true)),
            "/first%20name"
        );
        assert_eq!(
            written(|o| write_pointer_from_dotted(o, "name", false)),
            "/name"
        );
        assert_eq!(
            written(|o| write_pointer_as_fragment(o, "/a b/c~1d")),
            "/a%20b/c~1d"
        );
    }

    #[test]
    fn pointers_back_to_paths() {
        assert_eq!(
            written(|o| write_dotted_from_pointer(o, "/data/id")),
            "data.id"
        );
        assert_eq!(
            written(|o| write_dotted_from_pointer(o, "/a~1b/c~0d/0")),
            "a/b.c~d.0"
        );
        assert_eq!(written(|o| write_dotted_from_pointer(o, "")), "");
    }

    #[test]
    fn read_back_locations_are_the_dotted_paths_they_came_from() {
        for dotted in ["items.0.sku", "first name", "a/b.c~d", "é%x"] {
            let pointer = written(|o| write_pointer_from_dotted(o, dotted, false));
            assert_eq!(dotted_from_pointer(&pointer), dotted);
            let fragment = written(|o| write_pointer_from_dotted(o, dotted, true));
            assert_eq!(dotted_from_pointer(&format!("#{fragment}")), dotted);
        }
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%ff"), "%ff");
    }

    #[test]
    fn to_pointer_and_write_pointer_agree() {
        let path = FieldPath::new()
            .key("a/b")
            .key("c~d")
            .index(0)
            .key("é \"x\"");
        assert_eq!(path.to_pointer(), "/a~1b/c~0d/0/é \"x\"");
    }
}
