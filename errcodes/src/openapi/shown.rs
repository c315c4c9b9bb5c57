//! The errors a document shows, as errors: [`Example`], a variant rebuilt
//! from its catalog entry, and [`Within`], an error under the settings of
//! a type around it. Both answer through the real renderer, so their
//! examples are what the wire carries.

use core::fmt;

use http::{HeaderName, StatusCode};

use crate::catalog::CatalogEntry;
use crate::error::{ApiError, ErrorList, Settings};
use crate::location::Location;
use crate::visit::{HeaderVisitor, MetaVisitor};

/// A variant as its catalog entry declares it: its template text as the
/// detail (`No order {id} exists.`), its meta members as `"{name}"`, a
/// member named at run time by field `field` as `field` (and `{field}` in
/// a declared instance URI as `field`), and the settings
/// the variant answers with.
pub(crate) struct Example<'a> {
    entry: &'a CatalogEntry,
    settings: Settings<'a>,
}

impl<'a> Example<'a> {
    /// `entry` with the settings its variant answers with.
    pub(crate) fn new(entry: &'a CatalogEntry) -> Example<'a> {
        Example {
            entry,
            settings: entry.settings,
        }
    }

    /// `entry` of a `transparent` variant's inner type, answering under
    /// the settings `outer` of the type around it.
    pub(crate) fn within(entry: &'a CatalogEntry, outer: Settings<'static>) -> Example<'a> {
        Example {
            entry,
            settings: crate::__private::transparent_settings(outer, entry.settings),
        }
    }

    /// The same, in `domain` (AIP-193's `ErrorInfo.domain`) when given.
    pub(crate) fn in_domain(mut self, domain: Option<&'a str>) -> Example<'a> {
        if domain.is_some() {
            self.settings.domain = domain;
        }
        self
    }

    /// The entry shown.
    pub(crate) fn entry(&self) -> &'a CatalogEntry {
        self.entry
    }
}

impl ApiError for Example<'_> {
    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.entry.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
    fn code(&self) -> &str {
        self.entry.code
    }
    fn title(&self) -> &str {
        self.entry.title
    }
    /// The template as written; a 4xx without one (whose detail is its
    /// `Display`) shows its title.
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.entry.detail.unwrap_or(self.entry.title))
    }
    /// The declared instance URI, each `{field}` shown as `field`: a URI
    /// has no room for braces.
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in self.entry.instance.unwrap_or_default().split(['{', '}']) {
            f.write_str(part)?;
        }
        Ok(())
    }
    fn location(&self) -> Option<Location<'_>> {
        match self.entry.location? {
            ("attr" | "attr field", path) => Some(Location::Field(path)),
            ("pointer", pointer) => Some(Location::Pointer(pointer)),
            ("parameter", name) => Some(Location::Parameter(name)),
            ("header", name) => Some(Location::Header(name)),
            _ => None,
        }
    }
    fn settings(&self) -> Settings<'_> {
        self.settings
    }
    /// Each meta member as a value of its JSON type, so the example holds
    /// to the schema the wire does: `1` for an integer, `1.5` for a number,
    /// `true`, `[]`, `{}`, and the text `{name}` for a string or a type not
    /// known.
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        for (i, name) in self.entry.meta.iter().enumerate() {
            let kind = self.entry.meta_types.get(i).copied().unwrap_or("any");
            let value = match kind.trim_end_matches(" or null") {
                "integer" => serde_json::json!(1),
                "number" => serde_json::json!(1.5),
                "boolean" => serde_json::json!(true),
                "array" => serde_json::json!([]),
                "object" => serde_json::json!({}),
                _ => serde_json::Value::String(format!("{{{name}}}")),
            };
            visitor.visit(name, &value);
        }
    }
    /// Each header the variant sets, its value a placeholder: `{name}`,
    /// and for `Retry-After` a number of seconds, as a `Duration` or an
    /// integer field sends it (so AIP-193's `RetryInfo` shows, as on the
    /// wire).
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        for name in self.entry.headers {
            if let Ok(header) = HeaderName::from_bytes(name.as_bytes()) {
                if header == http::header::RETRY_AFTER {
                    visitor.visit(&header, &"60");
                } else {
                    visitor.visit(&header, &format_args!("{{{}}}", header.as_str()));
                }
            }
        }
    }
}

/// `err` as a `transparent` variant of a type with settings `outer`
/// answers it: the inner error, under the outer type's settings.
pub(crate) struct Within<'a> {
    pub(crate) err: Box<dyn ApiError + 'a>,
    pub(crate) outer: Settings<'static>,
}

impl ApiError for Within<'_> {
    fn status(&self) -> StatusCode {
        self.err.status()
    }
    fn code(&self) -> &str {
        self.err.code()
    }
    fn title(&self) -> &str {
        self.err.title()
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.err.fmt_detail(f)
    }
    fn detail_str(&self) -> Option<&str> {
        self.err.detail_str()
    }
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.err.fmt_instance(f)
    }
    fn location(&self) -> Option<Location<'_>> {
        self.err.location()
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        self.err.visit_meta(visitor);
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        self.err.visit_headers(visitor);
    }
    fn errors(&self) -> Option<ErrorList<'_>> {
        self.err.errors().map(|list| list.under(self))
    }
    fn settings(&self) -> Settings<'_> {
        crate::__private::transparent_settings(self.outer, self.err.settings())
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.err.source_error()
    }
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        self.err.message()
    }
}

/// A variant built from its declared example values, shared by every
/// document that shows it.
pub(crate) struct Built(pub(crate) std::sync::Arc<dyn ApiError + Send + Sync>);

impl ApiError for Built {
    fn status(&self) -> StatusCode {
        self.0.status()
    }
    fn code(&self) -> &str {
        self.0.code()
    }
    fn title(&self) -> &str {
        self.0.title()
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_detail(f)
    }
    fn detail_str(&self) -> Option<&str> {
        self.0.detail_str()
    }
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_instance(f)
    }
    fn location(&self) -> Option<Location<'_>> {
        self.0.location()
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        self.0.visit_meta(visitor);
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        self.0.visit_headers(visitor);
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source_error()
    }
    fn errors(&self) -> Option<ErrorList<'_>> {
        self.0.errors().map(|list| list.under(self))
    }
    fn settings(&self) -> Settings<'_> {
        self.0.settings()
    }
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        self.0.message()
    }
    fn occurrence(&self) -> crate::occurrence::Occurrence<'_> {
        self.0.occurrence()
    }
}
