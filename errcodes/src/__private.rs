//! What generated code needs. Not public API: nothing here follows semver.

pub use core::fmt::{Formatter, Result as FmtResult};
pub use core::option::Option::{self, None, Some};
pub use http::{HeaderName, StatusCode};
pub use std::vec::Vec;

pub use crate::catalog::{Catalog, CatalogEntry};
pub use crate::error::{ApiError, LogLevel};
pub use crate::error::{Envelope, ErrorList, Format};
pub use crate::error::{ProblemStyle, Retry, Settings};

/// A derived type's variants built from their fields' declared `example`
/// values, for documents. The derive implements it.
pub trait Examples: Sized {
    /// The variant named `variant` (as the catalog names it), when every
    /// one of its fields declares an example.
    fn example(variant: &str) -> Option<Self>;
}
pub use crate::location::{DEFAULT_POINTER_PREFIX, Location};
pub use crate::visit::{HeaderVisitor, MetaValue, MetaVisitor};

/// The envelope of a format named by path in `#[api(envelope = path)]`; the
/// call is spanned at the path, so a type that is not a `Format` is
/// reported there.
#[must_use]
pub const fn custom_envelope<F: Format>(format: &'static F) -> Envelope {
    Envelope::custom(format)
}

/// A status code from a number the derive has already checked (400..=599),
/// evaluated in a `const` block.
#[must_use]
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        // Unreachable: the derive only emits 400..=599. In a const block this
        // would be a compile error, never a run-time panic.
        Err(_) => panic!("errcodes: status out of range"),
    }
}

/// A transparent variant's collection, written under the enclosing error
/// (so its `type_base`, pointer prefix and domain apply to the whole).
#[must_use]
pub fn errors_under<'a>(
    list: Option<ErrorList<'a>>,
    whole: &'a dyn ApiError,
) -> Option<ErrorList<'a>> {
    list.map(|list| list.under(whole))
}

/// A transparent variant's settings: what the enclosing type declares
/// over the inner error's ([`Settings::over`], the one merge).
#[must_use]
pub const fn transparent_settings<'a>(own: Settings<'static>, inner: Settings<'a>) -> Settings<'a> {
    own.over(inner)
}

/// A catalog entry with what every variant has; the `entry_*` functions
/// add the rest, one call per fact the variant declares (fewer tokens for
/// rustc than a literal naming every field).
#[must_use]
pub const fn entry(
    variant: &'static str,
    status: u16,
    code: &'static str,
    title: &'static str,
) -> CatalogEntry {
    CatalogEntry {
        variant,
        status,
        code,
        title,
        type_uri: None,
        detail: None,
        instance: None,
        location: None,
        kind: None,
        headers: &[],
        meta: &[],
        meta_types: &[],
        transparent: None,
        settings: Settings::new(),
    }
}

/// The entry of a `transparent` variant around the type written `inner`.
#[must_use]
pub const fn transparent_entry(variant: &'static str, inner: &'static str) -> CatalogEntry {
    CatalogEntry {
        transparent: Some(inner),
        ..entry(variant, 0, "", "")
    }
}

/// `entry` with the settings its variant answers with.
#[must_use]
pub const fn entry_settings(entry: CatalogEntry, settings: Settings<'static>) -> CatalogEntry {
    CatalogEntry { settings, ..entry }
}

/// `entry` with its type URI.
#[must_use]
pub const fn entry_type_uri(entry: CatalogEntry, uri: &'static str) -> CatalogEntry {
    CatalogEntry {
        type_uri: Some(uri),
        ..entry
    }
}

/// `entry` with its detail template.
#[must_use]
pub const fn entry_detail(entry: CatalogEntry, detail: &'static str) -> CatalogEntry {
    CatalogEntry {
        detail: Some(detail),
        ..entry
    }
}

/// `entry` with its instance template.
#[must_use]
pub const fn entry_instance(entry: CatalogEntry, instance: &'static str) -> CatalogEntry {
    CatalogEntry {
        instance: Some(instance),
        ..entry
    }
}

/// `entry` with its location (`"attr"`, `"attr field"`, `"pointer"`,
/// `"parameter"` or `"header"`, and its value).
#[must_use]
pub const fn entry_location(
    entry: CatalogEntry,
    kind: &'static str,
    value: &'static str,
) -> CatalogEntry {
    CatalogEntry {
        location: Some((kind, value)),
        ..entry
    }
}

/// `entry` with its category word.
#[must_use]
pub const fn entry_kind(entry: CatalogEntry, kind: &'static str) -> CatalogEntry {
    CatalogEntry {
        kind: Some(kind),
        ..entry
    }
}

/// `entry` with the headers and meta members it sets, and each meta
/// member's JSON type.
#[must_use]
pub const fn entry_fields(
    entry: CatalogEntry,
    headers: &'static [&'static str],
    meta: &'static [&'static str],
    meta_types: &'static [&'static str],
) -> CatalogEntry {
    CatalogEntry {
        headers,
        meta,
        meta_types,
        ..entry
    }
}

/// Checks a status written as a constant's path against `code`, the status
/// the derive read from the constant's name; evaluated in a `const` item,
/// so a constant whose value differs is a compile error at the path.
pub const fn check_named_status(status: StatusCode, code: u16) {
    assert!(
        status.as_u16() == code,
        "errcodes: this status constant's value is not the status its name says; write `StatusCode::NAME` from the `http` crate, or a number such as `404`"
    );
}

/// A field's value in an `instance` template: its text percent-encoded as
/// a URI path segment (everything but unreserved characters, sub-delims,
/// `:` and `@`), so a value can neither break the URI nor add segments.
/// Width and precision flags do not apply to it.
pub struct UriEncoded<'a, T: ?Sized>(pub &'a T);

/// Percent-encodes what is written through it.
struct Encoder<'a, 'b>(&'a mut Formatter<'b>);

impl core::fmt::Write for Encoder<'_, '_> {
    fn write_str(&mut self, s: &str) -> FmtResult {
        let mut rest = s;
        while let Some(i) =
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)))
        {
            self.0.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().unwrap_or(' ');
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                write!(self.0, "%{b:02X}")?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

macro_rules! uri_encoded {
    ($($trait:ident => $spec:literal),*) => {$(
        impl<T: core::fmt::$trait + ?Sized> core::fmt::$trait for UriEncoded<'_, T> {
            fn fmt(&self, f: &mut Formatter<'_>) -> FmtResult {
                core::fmt::Write::write_fmt(&mut Encoder(f), format_args!($spec, self.0))
            }
        }
    )*};
}

uri_encoded!(Display => "{}", Debug => "{:?}", LowerHex => "{:x}", UpperHex => "{:X}", Octal => "{:o}", Binary => "{:b}", LowerExp => "{:e}", UpperExp => "{:E}");

/// A meta field as a trait object. The bound is spelled here, and the call is
/// spanned at the field, so a field that is not `Serialize` is reported
/// there.
#[must_use]
pub fn meta_value<T: MetaField>(value: &T) -> &dyn MetaValue {
    value.as_meta_value()
}

/// A type that can be a meta member: anything `serde::Serialize`.
#[diagnostic::on_unimplemented(
    message = "`#[api(meta)]` field of type `{Self}` cannot be serialized",
    label = "this type does not implement `serde::Serialize`",
    note = "meta members are written with serde: derive `serde::Serialize` for the type, or leave the field out of `meta`"
)]
pub trait MetaField {
    /// The field as a trait object.
    fn as_meta_value(&self) -> &dyn MetaValue;
}

impl<T: serde::Serialize> MetaField for T {
    fn as_meta_value(&self) -> &dyn MetaValue {
        self
    }
}

/// A header field as a trait object; reported at the field when its type is
/// not `Display`.
#[must_use]
pub fn header_value<T: HeaderField>(value: &T) -> &dyn core::fmt::Display {
    value.as_display()
}

/// A type whose `Display` text can be a header value.
#[diagnostic::on_unimplemented(
    message = "`#[api(header = \"...\")]` field of type `{Self}` cannot become a header value",
    label = "this type does not implement `Display`",
    note = "a header field's `Display` text is its value: use a number, a string, or a type that implements `Display`"
)]
pub trait HeaderField {
    /// The field as a trait object.
    fn as_display(&self) -> &dyn core::fmt::Display;
}

impl<T: core::fmt::Display> HeaderField for T {
    fn as_display(&self) -> &dyn core::fmt::Display {
        self
    }
}

/// A `Duration` header field (`Retry-After`, `Age`) as delta-seconds,
/// rounded up so that a client never comes back early.
pub struct DeltaSeconds<'a>(pub &'a core::time::Duration);

impl core::fmt::Display for DeltaSeconds<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> FmtResult {
        let seconds = self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0);
        core::fmt::Display::fmt(&seconds, f)
    }
}

/// A `Duration` meta field, written as whole seconds rounded up: the same
/// number its `Retry-After` header says, not serde's `{"secs", "nanos"}`.
pub struct MetaSeconds<'a>(pub &'a core::time::Duration);

impl serde::Serialize for MetaSeconds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0))
    }
}

/// A `SystemTime` header field (`Retry-After`, `Expires`) as an HTTP-date
/// in the IMF-fixdate form of RFC 9110 section 5.6.7, such as
/// `Sun, 06 Nov 1994 08:49:37 GMT`; a time before 1970 is written as
/// 1970's first second.
pub struct HttpDate<'a>(pub &'a std::time::SystemTime);

impl core::fmt::Display for HttpDate<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> FmtResult {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let secs = self
            .0
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = secs / 86_400;
        let rem = secs % 86_400;
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm),
        // in unsigned arithmetic since the epoch comes first.
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + u64::from(month <= 2);
        write!(
            f,
            "{}, {day:02} {} {year:04} {:02}:{:02}:{:02} GMT",
            DAYS[usize::try_from(days % 7).unwrap_or(0)],
            MONTHS[usize::try_from(month - 1).unwrap_or(0)],
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        )
    }
}

/// A list header field (`Allow`, `Vary`) as its items' `Display` texts
/// joined with `, `.
pub struct HeaderList<'a, L: ?Sized>(pub &'a L);

/// The items of a list header field; reported at the field when they are
/// not `Display`.
#[diagnostic::on_unimplemented(
    message = "`#[api(header = \"...\")]` list field of type `{Self}` cannot become a header value",
    label = "its items do not implement `Display`",
    note = "a list header field is written as its items' `Display` texts joined with `, `: use strings, numbers, `http::Method` or another `Display` type"
)]
pub trait HeaderItems {
    /// Writes the items joined with `, `.
    ///
    /// # Errors
    ///
    /// When the formatter fails.
    fn write_items(&self, f: &mut Formatter<'_>) -> FmtResult;
}

impl<T: core::fmt::Display> HeaderItems for [T] {
    fn write_items(&self, f: &mut Formatter<'_>) -> FmtResult {
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            core::fmt::Display::fmt(item, f)?;
        }
        Ok(())
    }
}

impl<T: core::fmt::Display> HeaderItems for Vec<T> {
    fn write_items(&self, f: &mut Formatter<'_>) -> FmtResult {
        self.as_slice().write_items(f)
    }
}

impl<T: core::fmt::Display, const N: usize> HeaderItems for [T; N] {
    fn write_items(&self, f: &mut Formatter<'_>) -> FmtResult {
        self.as_slice().write_items(f)
    }
}

impl<L: HeaderItems + ?Sized> HeaderItems for &L {
    fn write_items(&self, f: &mut Formatter<'_>) -> FmtResult {
        (**self).write_items(f)
    }
}

impl<L: HeaderItems + ?Sized> core::fmt::Display for HeaderList<'_, L> {
    fn fmt(&self, f: &mut Formatter<'_>) -> FmtResult {
        self.0.write_items(f)
    }
}

/// A runtime `#[api(attr)]` field as the request member's name; reported at
/// the field when its type is not string-like.
#[must_use]
pub fn attr_name<T: AttrField + ?Sized>(value: &T) -> &str {
    value.as_attr_name()
}

/// A string-like type that can name a request member.
#[diagnostic::on_unimplemented(
    message = "`#[api(attr)]` field of type `{Self}` is not string-like",
    label = "expected `String`, `&str`, `Cow<str>` or another `AsRef<str>` type",
    note = "the field's value names the request member the error is about, such as `email` or `items.0.sku`"
)]
pub trait AttrField {
    /// The field as a string.
    fn as_attr_name(&self) -> &str;
}

impl<T: AsRef<str> + ?Sized> AttrField for T {
    fn as_attr_name(&self) -> &str {
        self.as_ref()
    }
}

/// The inner error of a `transparent` variant; reported at the field when
/// its type does not implement `ApiError`. The opaque return type keeps
/// static dispatch while sparing the user a second error per method.
#[must_use]
pub fn transparent<T: ApiError>(inner: &T) -> &impl ApiError {
    inner
}

/// The `Display` text of a type, used as the detail of its 4xx variants that
/// declare no `detail`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has a 4xx variant without `detail`, so it needs `Display` for the detail text",
    label = "this variant sets no `detail`",
    note = "add `detail = \"...\"` to the variant's `#[api(...)]`, or implement `Display` for `{Self}` (thiserror's `#[error(\"...\")]` does)"
)]
pub trait DisplayDetail {
    /// Writes the `Display` text; `title` instead when that `Display` comes
    /// back to this very value's detail (a hand-written
    /// `Display` through [`crate::Detail`] or [`crate::Detail`]),
    /// so the detail never recurses.
    ///
    /// # Errors
    ///
    /// When the formatter fails.
    fn fmt_display_detail(&self, title: &str, f: &mut Formatter<'_>) -> FmtResult;
}

/// A value by address and type name (a newtype's field shares its
/// address, not its type).
type Writing = (*const (), &'static str);

thread_local! {
    /// The value whose `Display` is writing its detail on this thread.
    static IN_DISPLAY: core::cell::Cell<Writing> = const { core::cell::Cell::new((core::ptr::null(), "")) };
}

/// Puts back the value `IN_DISPLAY` held, also when a `Display` panics.
struct Restore(Writing);

impl Drop for Restore {
    fn drop(&mut self) {
        IN_DISPLAY.with(|current| current.set(self.0));
    }
}

impl<T: core::fmt::Display + ?Sized> DisplayDetail for T {
    fn fmt_display_detail(&self, title: &str, f: &mut Formatter<'_>) -> FmtResult {
        let me = (
            core::ptr::from_ref(self).cast::<()>(),
            core::any::type_name::<T>(),
        );
        let previous = IN_DISPLAY.with(|current| current.replace(me));
        if previous == me {
            // Back here from our own `Display`: the title ends it.
            IN_DISPLAY.with(|current| current.set(previous));
            return f.write_str(title);
        }
        let _restore = Restore(previous);
        core::fmt::Display::fmt(self, f)
    }
}

/// An `#[api(source)]` field as `&dyn Error`: implemented for every error
/// type and for `dyn Error`; generated code calls it with method syntax,
/// so a boxed `dyn Error` reaches the latter through deref.
pub trait AsDynError {
    /// The field as a trait object.
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static);
}

impl<T: std::error::Error + 'static> AsDynError for T {
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsDynError for dyn std::error::Error + 'static {
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

impl AsDynError for dyn std::error::Error + Send + Sync + 'static {
    fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

pub mod rebuild;

#[cfg(feature = "utoipa")]
pub mod document;

mod impls;
pub use impls::*;

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod carry;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use carry::*;

#[cfg(feature = "fluent")]
mod args;
#[cfg(feature = "fluent")]
pub use args::*;
