//! What the built-in formats share: the public detail written straight
//! into the buffer, member keys in dotted form, and meta members.
//!
//! The single-error writers are generic over the error: their `Format`
//! impls instantiate them for `dyn ApiError`, and derived types reach them
//! monomorphized (`envelope::write`, the one path to bytes), with no virtual call per
//! method. Collections hold trait objects and are written through them.

use core::fmt::Write as _;

use crate::error::ApiError;
use crate::error::Settings;
use crate::json::{self, Escaper};
use crate::location::Location;
use crate::path;
use crate::redact::{GENERIC, PublicText, public_text};
use crate::visit::MetaValue;
use crate::visit::fmt_fn;

/// The generic detail of a 5xx that declares none (JSON:API, Problem Details
/// and `ShipStream`).
pub(crate) const GENERIC_SERVER_DETAIL: &str = GENERIC;

/// What a document decides for all of its errors.
#[derive(Clone, Copy)]
pub(crate) struct Doc<'a> {
    /// The JSON:API `source.pointer` prefix of field errors.
    pub pointer_prefix: &'a str,
    /// The key of object-level errors in the dotted envelopes.
    pub non_field_key: &'a str,
}

impl<'a> Doc<'a> {
    /// The document of an error (or collection) with `settings`.
    pub fn of(settings: &Settings<'a>) -> Doc<'a> {
        Doc {
            pointer_prefix: settings.effective_pointer_prefix(),
            non_field_key: settings.effective_non_field_key(),
        }
    }
}

/// An item's settings within a collection: the item's over what the
/// collection declares for its items, its type base (the rest of the
/// collection's settings describe the document as a whole).
pub(crate) fn in_collection<'a>(item: Settings<'a>, whole: &Settings<'a>) -> Settings<'a> {
    let for_items = Settings {
        type_base: whole.type_base,
        ..Settings::new()
    };
    item.over(for_items)
}

/// The public detail as a JSON string, with `generic` for a redacted 5xx:
/// never the source error's text.
pub(crate) fn detail_or<E: ApiError + ?Sized>(
    err: &E,
    settings: &Settings<'_>,
    out: &mut Vec<u8>,
    generic: &str,
) {
    out.push(b'"');
    detail_or_inner(err, settings, out, generic);
    out.push(b'"');
}

/// [`detail_or`] without the quotes, for text that continues the string:
/// what [`Detail`](crate::Detail) displays.
pub(crate) fn detail_or_inner<E: ApiError + ?Sized>(
    err: &E,
    settings: &Settings<'_>,
    out: &mut Vec<u8>,
    generic: &str,
) {
    match public_text(err, settings, generic) {
        PublicText::Own => detail_inner(out, err),
        PublicText::Fixed(text) => fixed_text(out, err, text, generic),
    }
}

/// A text that stands in for a detail kept from clients (the title of a
/// 4xx, the envelope's own `generic` text of a 5xx), escaped: a 5xx's in
/// the language the error answers in (feature `fluent`), each envelope's
/// own words in English.
fn fixed_text<E: ApiError + ?Sized>(out: &mut Vec<u8>, err: &E, text: &str, generic: &str) {
    #[cfg(feature = "fluent")]
    if let Some(locale) = err.occurrence().language
        && err.status().is_server_error()
        && core::ptr::eq(text, generic)
        && crate::l10n::write_own(out, locale, crate::l10n::generic_id(generic), &|_| {})
    {
        return;
    }
    #[cfg(not(feature = "fluent"))]
    let _ = (err, generic);
    json::escape_into(out, text);
}

/// [`detail_or_inner`] in the fallback language (feature `fluent`): the
/// text a localized error reads in without its locale.
#[cfg(feature = "fluent")]
pub(crate) fn fallback_detail_inner<E: ApiError + ?Sized>(
    err: &E,
    settings: &Settings<'_>,
    out: &mut Vec<u8>,
    generic: &str,
) {
    match public_text(err, settings, generic) {
        PublicText::Own if err.occurrence().language.is_some() => {
            let fallback = fmt_fn(|f| match err.message() {
                Some(message) => message
                    .write_fallback(f)
                    .unwrap_or_else(|| err.fmt_detail(f)),
                None => err.fmt_detail(f),
            });
            let _ = write!(Escaper(out), "{fallback}");
        }
        PublicText::Own => detail_inner(out, err),
        PublicText::Fixed(text) => json::escape_into(out, text),
    }
}

/// An error's own detail, escaped, without quotes. A `Display` impl that
/// fails part-way leaves what it wrote; the caller still closes the string.
pub(crate) fn detail_inner<E: ApiError + ?Sized>(out: &mut Vec<u8>, err: &E) {
    match err.detail_str() {
        Some(text) => json::escape_into(out, text),
        None => {
            let _ = write!(Escaper(out), "{}", fmt_fn(|f| err.fmt_detail(f)));
        }
    }
}

/// `,"instance":"..."` when the error writes an instance URI; nothing when
/// it writes none.
pub(crate) fn instance<E: ApiError + ?Sized>(out: &mut Vec<u8>, err: &E) {
    let mark = out.len();
    out.extend_from_slice(b",\"instance\":\"");
    let start = out.len();
    let _ = write!(Escaper(out), "{}", fmt_fn(|f| err.fmt_instance(f)));
    if out.len() == start {
        out.truncate(mark);
    } else {
        out.push(b'"');
    }
}

/// The key of a location in the dotted envelopes (Laravel, drf, `ShipStream`),
/// as a JSON string. Returns false, writing nothing, when there is none.
pub(crate) fn dotted_key(location: Option<Location<'_>>, doc: Doc<'_>, out: &mut Vec<u8>) -> bool {
    match location {
        None | Some(Location::Pointer("")) => return false,
        Some(Location::NonField) => json::string(out, doc.non_field_key),
        Some(Location::Pointer(pointer)) => {
            out.push(b'"');
            path::write_dotted_from_pointer(out, pointer);
            out.push(b'"');
        }
        Some(Location::FieldPath(field_path)) => {
            out.push(b'"');
            path::write_dotted(out, field_path);
            out.push(b'"');
        }
        Some(Location::Field(name) | Location::Parameter(name) | Location::Header(name)) => {
            json::string(out, name);
        }
    }
    true
}

/// Calls `write` for each meta member whose value serializes, telling it
/// how many members were written before; a member whose value fails is
/// removed again, so the document stays valid. Returns how many were written.
pub(crate) fn each_meta<E: ApiError + ?Sized>(
    err: &E,
    out: &mut Vec<u8>,
    mut write: impl FnMut(&mut Vec<u8>, &str, usize) -> bool,
) -> usize {
    let mut written = 0;
    err.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
        let mark = out.len();
        if !write(out, name, written) {
            return;
        }
        if value.write_json(out).is_ok() {
            json::escape_markup_from(out, mark);
            written += 1;
        } else {
            out.truncate(mark);
        }
    });
    written
}

/// Writes `items` separated by commas.
pub(crate) fn each_item<I>(
    items: impl Iterator<Item = I>,
    out: &mut Vec<u8>,
    mut write: impl FnMut(I, &mut Vec<u8>),
) {
    for (i, err) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(err, out);
    }
}
