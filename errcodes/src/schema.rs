//! What a [`FormatSchema`](crate::FormatSchema) describes: [`DocumentedErrors`],
//! the statuses, codes and meta members of the errors a schema admits. The
//! `openapi` module builds it from a type's catalog; it lives here, beside
//! no feature, so a format of your own can describe itself without one.

/// What a [`Format`](crate::Format)'s schema documents of an error type: the statuses it
/// answers with, its codes (`None`: any code, as a collection's entries
/// have), and its meta members' names.
///
/// ```
/// let input = errcodes::DocumentedErrors::new(&[404, 409]).codes(&["order_not_found"]).meta(&["order_id"]);
/// assert_eq!(input.statuses, [404, 409]);
/// assert_eq!(input.codes, Some(&["order_not_found"][..]));
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct DocumentedErrors<'a> {
    /// The statuses, ascending.
    pub statuses: &'a [u16],
    /// The codes clients see; `None` for any code.
    pub codes: Option<&'a [&'a str]>,
    /// The meta members' names.
    pub meta: &'a [&'a str],
    /// Each meta member's JSON type, in [`meta`](Self::meta)'s order, as
    /// [`CatalogEntry::meta_types`](crate::CatalogEntry::meta_types) names
    /// them; empty (or shorter) where they are not known.
    pub meta_types: &'a [&'a str],
    /// Whether the codes are open: documented as a string with the known
    /// codes as examples, not as a closed `enum`.
    pub open_codes: bool,
    /// Whether an error keeps its code from clients (a 5xx without a
    /// declared code), which an envelope then writes in its own way (drf's
    /// `error`, AIP-193's canonical status name). `true` unless told.
    pub withheld: bool,
}

impl<'a> DocumentedErrors<'a> {
    /// The statuses; any code, no meta.
    ///
    /// ```
    /// assert_eq!(errcodes::DocumentedErrors::new(&[422]).codes, None);
    /// ```
    #[must_use]
    pub fn new(statuses: &'a [u16]) -> DocumentedErrors<'a> {
        DocumentedErrors {
            statuses,
            codes: None,
            meta: &[],
            meta_types: &[],
            open_codes: false,
            withheld: true,
        }
    }

    /// The codes clients see.
    ///
    /// ```
    /// let input = errcodes::DocumentedErrors::new(&[404]).codes(&["gone"]);
    /// assert_eq!(input.codes, Some(&["gone"][..]));
    /// ```
    #[must_use]
    pub fn codes(self, codes: &'a [&'a str]) -> DocumentedErrors<'a> {
        DocumentedErrors {
            codes: Some(codes),
            ..self
        }
    }

    /// The meta members' names.
    ///
    /// ```
    /// let input = errcodes::DocumentedErrors::new(&[404]).meta(&["order_id"]);
    /// assert_eq!(input.meta, ["order_id"]);
    /// ```
    #[must_use]
    pub fn meta(self, meta: &'a [&'a str]) -> DocumentedErrors<'a> {
        DocumentedErrors { meta, ..self }
    }

    /// Each meta member's JSON type, in the order of the names.
    ///
    /// ```
    /// let input = errcodes::DocumentedErrors::new(&[409]).meta(&["version"]).meta_types(&["integer"]);
    /// assert_eq!(input.meta_type("version"), Some("integer"));
    /// ```
    #[must_use]
    pub fn meta_types(self, meta_types: &'a [&'a str]) -> DocumentedErrors<'a> {
        DocumentedErrors { meta_types, ..self }
    }

    /// The JSON type of the meta member `name`, when known.
    ///
    /// ```
    /// let input = errcodes::DocumentedErrors::new(&[409]).meta(&["version"]);
    /// assert_eq!(input.meta_type("version"), None);
    /// ```
    #[must_use]
    pub fn meta_type(&self, name: &str) -> Option<&'a str> {
        let index = self.meta.iter().position(|m| *m == name)?;
        self.meta_types
            .get(index)
            .copied()
            .filter(|kind| *kind != "any")
    }

    /// Whether the codes are open (a string with examples, not an `enum`).
    ///
    /// ```
    /// let input = errcodes::DocumentedErrors::new(&[404]).codes(&["gone"]).open_codes(true);
    /// assert!(input.open_codes);
    /// ```
    #[must_use]
    pub fn open_codes(self, open_codes: bool) -> DocumentedErrors<'a> {
        DocumentedErrors { open_codes, ..self }
    }

    /// Whether an error keeps its code from clients.
    ///
    /// ```
    /// let input = errcodes::DocumentedErrors::new(&[404]).codes(&["gone"]).withheld(false);
    /// assert!(!input.withheld);
    /// ```
    #[must_use]
    pub fn withheld(self, withheld: bool) -> DocumentedErrors<'a> {
        DocumentedErrors { withheld, ..self }
    }
}

/// Describes a [`Format`](crate::Format)'s documents as JSON Schema (2020-12, as OpenAPI
/// 3.1 uses it).
///
/// ```
/// use errcodes::{Format, FormatSchema, DocumentedErrors};
///
/// let schema = errcodes::Envelope::Problem.format().schema().unwrap();
/// let described = schema.json_schema(&DocumentedErrors::new(&[404]));
/// assert_eq!(described["properties"]["status"]["enum"], serde_json::json!([404]));
/// ```
pub trait FormatSchema: Sync {
    /// The schema of the documents of errors answering `input`'s statuses
    /// with its codes and meta members.
    fn json_schema(&self, input: &DocumentedErrors<'_>) -> serde_json::Value;
}
