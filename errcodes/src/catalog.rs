//! The error catalog: what each variant of an error type answers, as data
//! the derive writes at compile time ([`Catalog::CATALOG`]), exported as
//! JSON or a Markdown table, and as one page per code for the `type` URIs
//! to resolve to (RFC 9457 section 3.1.1 recommends that a problem type
//! URI document itself).
//!
//! ```
//! use errcodes::{catalog, ApiError, Catalog};
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://errors.example.com/")]
//! enum OrderError {
//!     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
//!     NotFound { id: u64 },
//!     #[api(status = 409, attr = "version", detail = "Stale version.")]
//!     Stale,
//! }
//!
//! let entries = OrderError::CATALOG;
//! assert_eq!(entries[0].code(), "order_not_found");
//! assert_eq!(entries[0].type_uri(), Some("https://errors.example.com/order_not_found"));
//! assert_eq!(entries[1].location(), Some(("attr", "version")));
//! assert!(catalog::to_markdown(entries).contains("| `order_not_found` | 404 | Not Found |"));
//! ```

use core::fmt::Write as _;

use crate::error::Settings;
use crate::json;

/// One variant of an error type, as the derive declares it: read it with
/// the methods named after what they return.
///
/// ```
/// use errcodes::{ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 503, code = "maintenance", detail = "Back soon.")]
/// struct Maintenance {
///     #[api(header = "Retry-After")]
///     retry_after: u32,
/// }
///
/// let entry = Maintenance::CATALOG[0];
/// assert_eq!((entry.status(), entry.code(), entry.title()), (503, "maintenance", "Service Unavailable"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    pub(crate) variant: &'static str,
    pub(crate) status: u16,
    pub(crate) code: &'static str,
    pub(crate) title: &'static str,
    pub(crate) type_uri: Option<&'static str>,
    pub(crate) detail: Option<&'static str>,
    pub(crate) instance: Option<&'static str>,
    pub(crate) location: Option<(&'static str, &'static str)>,
    pub(crate) kind: Option<&'static str>,
    pub(crate) headers: &'static [&'static str],
    pub(crate) meta: &'static [&'static str],
    pub(crate) meta_types: &'static [&'static str],
    pub(crate) transparent: Option<&'static str>,
    /// The settings the variant answers with (the type's, with its own on
    /// top): what renders its examples exactly as it answers.
    pub(crate) settings: Settings<'static>,
}

impl CatalogEntry {
    /// The variant's name (the type's, for a struct).
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].variant(), "Maintenance");
    /// ```
    #[must_use]
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// The HTTP status; 0 for a `transparent` variant, which answers as its inner error does.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].status(), 503);
    /// ```
    #[must_use]
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// The stable code.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].code(), "maintenance");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// Whether clients see the code (a 5xx's default code is not sent, nor any under `no_code`).
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].code_sent(), true);
    /// ```
    #[must_use]
    pub const fn code_sent(&self) -> bool {
        self.transparent.is_none() && !self.settings.redact_code
    }

    /// The title.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].title(), "Service Unavailable");
    /// ```
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The Problem `type` / JSON:API `links.type` URI, with a `type_base`.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].type_uri(), None);
    /// ```
    #[must_use]
    pub const fn type_uri(&self) -> Option<&'static str> {
        self.type_uri
    }

    /// The `detail` template as written, such as `No order {id} exists.`
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].detail(), Some("Back soon."));
    /// ```
    #[must_use]
    pub const fn detail(&self) -> Option<&'static str> {
        self.detail
    }

    /// The `instance` template as written.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].instance(), None);
    /// ```
    #[must_use]
    pub const fn instance(&self) -> Option<&'static str> {
        self.instance
    }

    /// Where in the request: (`"attr"`, a dotted path), (`"attr field"`, the field that names it at run time), (`"pointer"`, ...), (`"parameter"`, ...) or (`"header"`, ...).
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].location(), None);
    /// ```
    #[must_use]
    pub const fn location(&self) -> Option<(&'static str, &'static str)> {
        self.location
    }

    /// The category word (`kind`).
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].kind(), None);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> Option<&'static str> {
        self.kind
    }

    /// The response headers the variant sets.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].headers(), ["Retry-After"]);
    /// ```
    #[must_use]
    pub const fn headers(&self) -> &'static [&'static str] {
        self.headers
    }

    /// The meta members the variant carries.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].meta(), [] as [&str; 0]);
    /// ```
    #[must_use]
    pub const fn meta(&self) -> &'static [&'static str] {
        self.meta
    }

    /// The JSON type of each meta member, in [`meta`](Self::meta)'s order,
    /// read from the field's Rust type: `integer`, `number`, `string`,
    /// `boolean`, `array`, `object` (`... or null` for an `Option`), or
    /// `any` for a type the derive cannot see through.
    ///
    /// ```
    /// use errcodes::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, code = "stale", detail = "Stale.")]
    /// struct Stale {
    ///     #[api(meta)]
    ///     version: u32,
    ///     #[api(meta)]
    ///     editor: Option<String>,
    /// }
    /// assert_eq!(Stale::CATALOG[0].meta(), ["version", "editor"]);
    /// assert_eq!(Stale::CATALOG[0].meta_types(), ["integer", "string or null"]);
    /// ```
    #[must_use]
    pub const fn meta_types(&self) -> &'static [&'static str] {
        self.meta_types
    }

    /// Whether clients may retry the variant: its declared
    /// [`Retry`](crate::Retry), else AIP-194's default for its status.
    ///
    /// ```
    /// use errcodes::{ApiError, Catalog, Retry};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 503, detail = "Down.")]
    ///     Down,
    ///     #[api(status = 429, throttled, detail = "Slow down.")]
    ///     Throttled,
    /// }
    /// assert_eq!(E::CATALOG[0].retry(), Retry::Retryable);
    /// assert_eq!(E::CATALOG[1].retry(), Retry::Throttled);
    /// ```
    #[must_use]
    pub fn retry(&self) -> crate::Retry {
        let status = http::StatusCode::from_u16(self.status)
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        self.settings.effective_retry(status)
    }

    /// The canonical RPC code the variant answers with over gRPC and
    /// Connect (and as AIP-193's `status`): its `rpc_code`, else its
    /// status's. What a 422 becomes is said here.
    ///
    /// ```
    /// use errcodes::{ApiError, Catalog};
    /// use errcodes::rpc::Code;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 422, detail = "Invalid.")]
    ///     Invalid,
    ///     #[api(status = 422, rpc_code = "FAILED_PRECONDITION", detail = "Sold out.")]
    ///     SoldOut,
    /// }
    /// assert_eq!(E::CATALOG[0].rpc_code(), Code::InvalidArgument);
    /// assert_eq!(E::CATALOG[1].rpc_code(), Code::FailedPrecondition);
    /// ```
    #[must_use]
    pub fn rpc_code(&self) -> crate::rpc::code::Code {
        let status = http::StatusCode::from_u16(self.status)
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        crate::rpc::code::Code::answered(status, self.settings.rpc_code, self.settings.kind)
    }

    /// The settings the variant answers with: its type's, with its own on
    /// top.
    ///
    /// ```
    /// use errcodes::{ApiError, Catalog, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "jsonapi", status = 404, detail = "Gone.")]
    /// struct Gone;
    /// assert_eq!(Gone::CATALOG[0].settings().envelope, Envelope::JsonApi);
    /// ```
    #[must_use]
    pub const fn settings(&self) -> Settings<'static> {
        self.settings
    }

    /// For a `transparent` variant, the inner error's type as written.
    ///
    /// ```
    /// # use errcodes::{ApiError, Catalog};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    /// # struct Maintenance { #[api(header = "Retry-After")] retry_after: u32 }
    /// assert_eq!(Maintenance::CATALOG[0].transparent(), None);
    /// ```
    #[must_use]
    pub const fn transparent(&self) -> Option<&'static str> {
        self.transparent
    }
}

/// An error type's catalog, written by `#[derive(ApiError)]`.
///
/// ```
/// use errcodes::{ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 404, detail = "Not found.")]
///     Missing,
/// }
///
/// assert_eq!(E::CATALOG.len(), 1);
/// ```
pub trait Catalog {
    /// One entry per variant, in declaration order.
    const CATALOG: &'static [CatalogEntry];

    /// The settings the type declares for all its variants (its envelope,
    /// `type_base`, `domain`, ...), which a `transparent` variant's inner
    /// errors answer under: the one place a type's envelope and domain are
    /// kept.
    ///
    /// ```
    /// use errcodes::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(type_base = "https://errors.example.com/", status = 404, detail = "Not found.")]
    /// struct Missing;
    ///
    /// assert_eq!(Missing::SETTINGS.type_base, Some("https://errors.example.com/"));
    /// ```
    const SETTINGS: Settings<'static> = Settings::new();

    /// The type's message catalogs (feature `fluent`): `#[api(locales =
    /// "...")]`, else `None`. [`translations`] exports them.
    ///
    /// ```
    /// use errcodes::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, detail = "Not found.")]
    /// struct Missing;
    ///
    /// assert!(Missing::MESSAGES.is_none());
    /// ```
    #[cfg(feature = "fluent")]
    const MESSAGES: Option<&'static crate::l10n::Messages> = None;
}

/// Every text of the catalog in every locale of `messages`, and what each
/// locale lacks (feature `fluent`), as JSON: one object per entry whose
/// code is sent, `{"code", "status", "texts": {locale: {"title",
/// "detail"}}, "missing": [locale, ...]}`, a locale's texts `null` where it
/// has no message and a variable written `{$name}`.
///
/// ```
/// use errcodes::{catalog, ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// #[api(locales = "../tests/locales", partial_locales)]
/// enum OrderError {
///     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
///     NotFound { id: u64 },
/// }
///
/// let json: serde_json::Value =
///     serde_json::from_str(&catalog::translations(OrderError::CATALOG, OrderError::MESSAGES.unwrap())).unwrap();
/// assert_eq!(json[0]["code"], "order_not_found");
/// assert_eq!(json[0]["texts"]["de"]["detail"], "Es gibt keine Bestellung {$id}.");
/// assert_eq!(json[0]["texts"]["fr"]["title"], "Introuvable");
/// assert_eq!(json[0]["missing"], serde_json::json!([]));
/// ```
#[cfg(feature = "fluent")]
#[must_use]
pub fn translations(entries: &[CatalogEntry], messages: &crate::l10n::Messages) -> String {
    let locales: Vec<&str> = messages.locales().collect();
    let each: Vec<serde_json::Value> = entries
        .iter()
        .filter(|e| e.code_sent() && e.transparent.is_none())
        .map(|e| {
            let mut texts = serde_json::Map::new();
            let mut missing = Vec::new();
            for &locale in &locales {
                let text = messages.own_text(locale, e.code);
                if text.is_none() {
                    missing.push(locale);
                }
                texts.insert(
                    locale.to_owned(),
                    text.map_or(
                        serde_json::Value::Null,
                        |(title, detail)| serde_json::json!({"title": title, "detail": detail}),
                    ),
                );
            }
            serde_json::json!({
                "code": e.code,
                "status": e.status,
                "texts": texts,
                "missing": missing,
            })
        })
        .collect();
    serde_json::Value::Array(each).to_string()
}

/// The catalog as a JSON array of objects, one per entry, members in the
/// order of [`CatalogEntry`]'s fields.
///
/// ```
/// use errcodes::{catalog, ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 410, code = "gone", detail = "Archived.")]
/// struct Gone;
///
/// let json: serde_json::Value = serde_json::from_str(&catalog::to_json(Gone::CATALOG)).unwrap();
/// assert_eq!(json[0]["code"], "gone");
/// assert_eq!(json[0]["status"], 410);
/// assert_eq!(json[0]["type_uri"], serde_json::Value::Null);
/// ```
#[must_use]
pub fn to_json(entries: &[CatalogEntry]) -> String {
    let mut out = Vec::new();
    out.push(b'[');
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'{');
        let mut first = true;
        let mut key = |out: &mut Vec<u8>, name: &str| {
            if !first {
                out.push(b',');
            }
            first = false;
            json::key(out, name);
        };
        key(&mut out, "variant");
        json::string(&mut out, e.variant);
        key(&mut out, "status");
        json::unsigned(&mut out, usize::from(e.status));
        key(&mut out, "code");
        json::string(&mut out, e.code);
        key(&mut out, "code_sent");
        out.extend_from_slice(if e.code_sent() { b"true" } else { b"false" });
        key(&mut out, "title");
        json::string(&mut out, e.title);
        for (name, value) in [
            ("type_uri", e.type_uri),
            ("detail", e.detail),
            ("instance", e.instance),
        ] {
            key(&mut out, name);
            optional(&mut out, value);
        }
        key(&mut out, "location");
        match e.location {
            Some((kind, value)) => {
                out.extend_from_slice(b"{\"kind\":");
                json::string(&mut out, kind);
                out.extend_from_slice(b",\"value\":");
                json::string(&mut out, value);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        key(&mut out, "kind");
        optional(&mut out, e.kind);
        for (name, values) in [("headers", e.headers), ("meta", e.meta)] {
            key(&mut out, name);
            out.push(b'[');
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json::string(&mut out, value);
            }
            out.push(b']');
        }
        key(&mut out, "transparent");
        optional(&mut out, e.transparent);
        out.push(b'}');
    }
    out.push(b']');
    // Only valid UTF-8 went in.
    String::from_utf8(out).unwrap_or_default()
}

/// A string, or `null`.
fn optional(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => json::string(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// The catalog as a Markdown table: code, status, title, detail, where.
///
/// ```
/// use errcodes::{catalog, ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 422, code = "required", attr = "name", detail = "This field is required.")]
/// struct NameMissing;
///
/// assert_eq!(
///     catalog::to_markdown(NameMissing::CATALOG),
///     "| code | status | title | detail | where |\n|---|---|---|---|---|\n| `required` | 422 | Unprocessable Entity | This field is required. | attr `name` |\n"
/// );
/// ```
#[must_use]
pub fn to_markdown(entries: &[CatalogEntry]) -> String {
    let mut out =
        String::from("| code | status | title | detail | where |\n|---|---|---|---|---|\n");
    for e in entries {
        if let Some(inner) = e.transparent {
            let _ = writeln!(out, "| (from `{}`) | | | | |", cell(inner));
            continue;
        }
        let code = if e.code_sent() { e.code } else { "(none sent)" };
        let place = e
            .location
            .map(|(kind, value)| format!("{kind} `{}`", cell(value)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {place} |",
            cell(code),
            e.status,
            cell(e.title),
            cell(e.detail.unwrap_or("")),
        );
    }
    out
}

/// One Markdown page for the code of `entry`: what a `type` URI can
/// resolve to. `None` for an entry whose code is not sent (it has no URI)
/// or a `transparent` one.
///
/// ```
/// use errcodes::{catalog, ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// #[api(type_base = "https://errors.example.com/", status = 404, code = "order_not_found", detail = "No order {id} exists.")]
/// struct OrderNotFound { id: u64 }
///
/// let page = catalog::page(&OrderNotFound::CATALOG[0]).unwrap();
/// assert!(page.starts_with("# order_not_found\n"));
/// assert!(page.contains("HTTP status: 404 (Not Found)"));
/// ```
#[must_use]
pub fn page(entry: &CatalogEntry) -> Option<String> {
    if !entry.code_sent() || entry.transparent.is_some() {
        return None;
    }
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", entry.code);
    let _ = writeln!(out, "HTTP status: {} ({})\n", entry.status, entry.title);
    if let Some(uri) = entry.type_uri {
        let _ = writeln!(out, "Type: <{uri}>\n");
    }
    if let Some(detail) = entry.detail {
        let _ = writeln!(out, "Detail: {detail}\n");
    }
    if let Some((kind, value)) = entry.location {
        let _ = writeln!(out, "About the request's {kind} `{value}`.\n");
    }
    if !entry.headers.is_empty() {
        let _ = writeln!(out, "Response headers: {}\n", entry.headers.join(", "));
    }
    if !entry.meta.is_empty() {
        let _ = writeln!(out, "Members: {}\n", entry.meta.join(", "));
    }
    Some(out)
}

/// Panics, naming both, when one code stands for two statuses across the
/// given catalogs (each named): a client branching on the code would be
/// told two things. Used by [`assert_unique_codes!`](crate::assert_unique_codes).
///
/// ```
/// use errcodes::{catalog, ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "missing", detail = "Missing.")]
/// struct A;
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "missing", detail = "Also missing.")]
/// struct B;
///
/// catalog::check_unique_codes(&[("A", A::CATALOG), ("B", B::CATALOG)]);
/// ```
///
/// # Panics
///
/// When a code has two statuses.
pub fn check_unique_codes(catalogs: &[(&str, &[CatalogEntry])]) {
    let all = catalogs
        .iter()
        .flat_map(|(name, entries)| entries.iter().map(move |e| (*name, e)))
        .filter(|(_, e)| e.transparent.is_none());
    let mut seen: Vec<(&str, &CatalogEntry)> = Vec::new();
    for (name, entry) in all {
        if let Some((first, other)) = seen
            .iter()
            .find(|(_, other)| other.code == entry.code && other.status != entry.status)
        {
            panic!(
                "code `{}` is {} in {first}::{} but {} in {name}::{}; one code must mean one status",
                entry.code, other.status, other.variant, entry.status, entry.variant
            );
        }
        seen.push((name, entry));
    }
}

/// Asserts that no code stands for two statuses across error types, for
/// a test: `assert_unique_codes!(OrderError, PaymentError, ApiErrorsLike)`.
///
/// ```should_panic
/// use errcodes::{assert_unique_codes, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "missing", detail = "Missing.")]
/// struct A;
/// #[derive(Debug, ApiError)]
/// #[api(status = 410, code = "missing", detail = "Gone.")]
/// struct B;
///
/// assert_unique_codes!(A, B); // panics: `missing` is 404 in A but 410 in B
/// ```
#[macro_export]
macro_rules! assert_unique_codes {
    ($($ty:ty),+ $(,)?) => {
        $crate::catalog::check_unique_codes(&[
            $((::core::stringify!($ty), <$ty as $crate::Catalog>::CATALOG)),+
        ])
    };
}

/// Text for a Markdown table cell: `|` escaped, line breaks as spaces.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
