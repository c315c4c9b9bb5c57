//! One path model for request members: built from segments, written per
//! envelope as a dotted path or a JSON Pointer.

use std::borrow::Cow;
use std::fmt;

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
        let mut out = String::new();
        for segment in &self.segments {
            out.push('/');
            match segment {
                Segment::Key(key) => {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Index(index) => out.push_str(&index.to_string()),
            }
        }
        out
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
