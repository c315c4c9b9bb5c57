//! Rules on a variant's fields: one source, one member, meta names and
//! response headers that are valid and set once.

use syn::{LitStr, Member};

use crate::ast::{self, Field, Variant};
use crate::ctxt::{self, Ctxt};
use crate::prop::{header_kind, HeaderKind};
use errcodes_rules::{HeaderProblem, SINGLE_VALUE_HEADERS};

// Field keys: one source, one runtime attr, meta names that do not clash.
pub(super) fn check_fields(cx: &Ctxt, variant: &Variant) {
    let mut source: Option<&Field> = None;
    let mut attr: Option<&Field> = None;
    // Meta member names and header names (lower case) already used, with
    // where.
    let mut meta_names: Vec<Seen> = Vec::new();
    let mut headers: Vec<Seen> = Vec::new();
    for field in &variant.fields {
        let owner = format!("`{}`", ast::member_name(&field.member));
        let a = &field.attrs;
        if let Some(span) = a.source.or(a.from) {
            if source.is_some() {
                cx.error_at(
                    span,
                    "only one field can be `#[api(source)]`; keep the direct cause",
                );
            }
            source.get_or_insert(field);
            for (other, used) in [
                ("meta", a.meta.is_some()),
                ("attr", a.attr_flag.is_some()),
                ("header", a.header.is_some()),
                ("public", a.public.is_some()),
            ] {
                if used {
                    cx.error_at(
                        span,
                        format!("a `#[api(source)]` field is never shown to clients, so it cannot also be `{other}`"),
                    );
                }
            }
        }
        if let Some(span) = a.attr_flag {
            if attr.is_some() {
                cx.error_at(
                    span,
                    "only one field can be `#[api(attr)]`; an error names one request member",
                );
            }
            attr.get_or_insert(field);
        }
        if let Some((span, rename)) = &a.meta {
            if let Some(name) = check_meta_name(cx, field, *span, rename.as_ref()) {
                let at = rename.as_ref().map_or(*span, LitStr::span);
                let seen = Seen {
                    name,
                    at,
                    owner: owner.clone(),
                };
                check_unique(
                    cx,
                    &mut meta_names,
                    seen,
                    "meta member",
                    "rename one with `#[api(meta = \"...\")]`",
                );
            }
        }
        if let Some(lit) = &a.header {
            check_header_name(cx, lit);
            check_response_header(cx, lit);
            check_single_value(cx, lit, field);
            let seen = Seen {
                name: lit.value().to_ascii_lowercase(),
                at: lit.span(),
                owner,
            };
            check_unique(
                cx,
                &mut headers,
                seen,
                "response header",
                "a response carries it once: keep one field (join values in it if the header takes a list)",
            );
        }
    }
}

// A meta member name, or a response header, is set by one field of a
// variant: two would write `"x"` twice into one object, or send one header
// twice.
fn check_unique(cx: &Ctxt, seen: &mut Vec<Seen>, new: Seen, what: &str, fix: &str) {
    if let Some(first) = seen.iter().find(|s| s.name == new.name) {
        cx.error_at(
            new.at,
            format!(
                "{what} `{}` is already set by field {}{}; {fix}",
                new.name,
                first.owner,
                ctxt::on_line(first.at)
            ),
        );
    } else {
        seen.push(new);
    }
}

/// A name a field of a variant claims, where, and which field.
struct Seen {
    name: String,
    at: proc_macro2::Span,
    owner: String,
}

// A meta member has a name, and it does not clash with Problem Details;
// returns the name when it is good.
fn check_meta_name(
    cx: &Ctxt,
    field: &Field,
    span: proc_macro2::Span,
    rename: Option<&LitStr>,
) -> Option<String> {
    let name = match (rename, &field.member) {
        (Some(lit), _) => lit.value(),
        (None, Member::Named(_)) => ast::member_name(&field.member),
        (None, Member::Unnamed(_)) => {
            cx.error_at(
                span,
                "a tuple field has no name to use in `meta`; write `#[api(meta = \"name\")]`",
            );
            return None;
        }
    };
    if errcodes_rules::is_reserved_problem_member(&name) {
        let at = rename.map_or(span, LitStr::span);
        cx.error_at(
            at,
            format!("meta member `{name}` would overwrite the Problem Details member `{name}`; rename it with `#[api(meta = \"{name}_value\")]`"),
        );
        None
    } else if name.is_empty() {
        cx.error_at(span, "meta member name is empty");
        None
    } else {
        Some(name)
    }
}

// A header name is an RFC 9110 token.
pub(super) fn check_header_name(cx: &Ctxt, lit: &LitStr) {
    let name = lit.value();
    if !errcodes_rules::is_header_name(&name) {
        cx.error_spanned_by(
            lit,
            format!("`{name}` is not a valid HTTP header name; use letters, digits and `-`, e.g. `Retry-After`"),
        );
    }
}

// A response header set by a field is not one the response itself owns,
// nor one that carries credentials or session state.
fn check_response_header(cx: &Ctxt, lit: &LitStr) {
    match errcodes_rules::check_response_header(&lit.value()) {
        Ok(()) => {}
        Err(HeaderProblem::OwnedByTheResponse) => cx.error_spanned_by(
            lit,
            format!(
                "`{}` is set by errcodes for every response; choose another header",
                lit.value()
            ),
        ),
        Err(HeaderProblem::Credentials) => cx.error_spanned_by(
            lit,
            format!(
                "`{}` carries credentials or session state, which an error response never sets; set it where the session is handled",
                lit.value()
            ),
        ),
    }
}

// A header that takes one value is not set from a list field.
fn check_single_value(cx: &Ctxt, lit: &LitStr, field: &Field) {
    let name = lit.value().to_ascii_lowercase();
    if SINGLE_VALUE_HEADERS.contains(&name.as_str()) && header_kind(field.ty) == HeaderKind::List {
        cx.error_spanned_by(
            field.ty,
            format!("`{}` takes one value, but this field is a list; use a single value (a `Duration` or `SystemTime` for `Retry-After`)", lit.value()),
        );
    }
}
