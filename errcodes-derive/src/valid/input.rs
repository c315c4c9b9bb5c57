//! Rules on the type: its envelope, catalogs, type base, domain, pointer
//! prefix and default status, and what its variants may not share.

use crate::ast::Input;
use crate::attr::EnvelopeAttr;
use crate::ctxt::{self, Ctxt};
use crate::prop::{effective_code, effective_status, type_text, variant_name};
use crate::symbol;
use errcodes_rules::TypeBaseProblem;

use super::{check_json_pointer, check_status_range, ENVELOPES};

/// The type's own attributes.
pub(super) fn check(cx: &Ctxt, input: &Input) {
    check_envelope(cx, input);
    check_locales(cx, input);
    check_type_base(cx, input);
    check_domain(cx, input);
    check_pointer_prefix(cx, input);
    if let Some(status) = &input.attrs.status {
        check_status_range(cx, status);
    }
}

/// What the variants together must keep: one status per code, one variant
/// per `From` type.
pub(super) fn check_across_variants(cx: &Ctxt, input: &Input) {
    check_code_conflicts(cx, input);
    check_from(cx, input);
}

// `envelope = "..."` is one of the built-in names (a path names a format
// of the user's own, which rustc checks).
fn check_envelope(cx: &Ctxt, input: &Input) {
    let Some(EnvelopeAttr::Name(lit)) = &input.attrs.envelope else {
        return;
    };
    let name = lit.value();
    if ENVELOPES.contains(&name.as_str()) {
        return;
    }
    let lower = name.to_ascii_lowercase().replace(['-', '_', ':', ' '], "");
    let alias = match lower.as_str() {
        "jsonapi" => Some("jsonapi"),
        "problemdetails" | "problemjson" | "rfc9457" | "rfc7807" => Some("problem"),
        "drfstandardizederrors" | "django" | "djangorestframework" => Some("drf"),
        "aip" | "google" | "googlerpc" | "rpcstatus" | "aip193" => Some("aip193"),
        _ => None,
    };
    let hint = match alias.or_else(|| symbol::closest(&lower, ENVELOPES.iter().copied())) {
        Some(good) => format!("did you mean `{good}`?"),
        None => format!(
            "expected one of {}",
            ENVELOPES
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    cx.error_spanned_by(lit, format!("unknown envelope `{name}`; {hint}"));
}

// `type_base` is an absolute URI: a scheme, a colon, and no white space.
fn check_type_base(cx: &Ctxt, input: &Input) {
    let Some(lit) = &input.attrs.type_base else {
        return;
    };
    let value = lit.value();
    match errcodes_rules::check_type_base(&value) {
        Ok(()) => {}
        Err(TypeBaseProblem::NotAbsolute) => cx.error_spanned_by(
            lit,
            format!("`type_base` must be an absolute URI such as `https://errors.example.com/`, found `{value}`"),
        ),
        // The code is appended as it is: `https://x.example/errors` would
        // give `https://x.example/errorsnot_found`.
        Err(TypeBaseProblem::Unjoinable) => cx.error_spanned_by(
            lit,
            format!("`type_base` is joined with the code as it is, so it must end with `/`, `#`, `:` or `=`; write `{value}/`"),
        ),
    }
}

// `domain` names a service, such as `orders.example.com`: not empty, no
// white space.
fn check_domain(cx: &Ctxt, input: &Input) {
    let Some(lit) = &input.attrs.domain else {
        return;
    };
    let value = lit.value();
    if !errcodes_rules::is_domain(&value) {
        cx.error_spanned_by(
            lit,
            format!("`domain` names the service the codes belong to, such as `orders.example.com`, found `{value}`"),
        );
    }
}

// `pointer_prefix` is a JSON Pointer: empty or starting with `/`.
fn check_pointer_prefix(cx: &Ctxt, input: &Input) {
    if let Some(lit) = &input.attrs.pointer_prefix {
        check_json_pointer(cx, lit, "pointer_prefix");
    }
}

// One code means one status: two variants sharing a code share its status.
fn check_code_conflicts(cx: &Ctxt, input: &Input) {
    let mut seen: Vec<(String, u16, String)> = Vec::new();
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            continue;
        }
        let Some(status) = effective_status(input, variant) else {
            continue;
        };
        let code = effective_code(input, variant);
        let name = variant_name(input, variant);
        match seen.iter().find(|(c, _, _)| *c == code) {
            Some((_, first_status, first)) if *first_status != status => {
                let message = format!(
                    "code `{code}` has status {status} here but {first_status} on `{first}`; one code must always mean one status"
                );
                match &variant.attrs.code {
                    Some(lit) => cx.error_spanned_by(lit, message),
                    None => cx.error_spanned_by(variant.span_node, message),
                }
            }
            Some(_) => {}
            None => seen.push((code, status, name)),
        }
    }
}

// `from` makes the whole variant from one value, so it is the variant's only
// field; and two variants cannot both convert from one type.
fn check_from(cx: &Ctxt, input: &Input) {
    let mut seen: Vec<(String, proc_macro2::Span)> = Vec::new();
    for variant in &input.variants {
        let Some(field) = variant.fields.iter().find(|f| f.attrs.from.is_some()) else {
            continue;
        };
        let span = field
            .attrs
            .from
            .unwrap_or_else(proc_macro2::Span::call_site);
        if field
            .original
            .attrs
            .iter()
            .any(|attr| attr.path().is_ident("from"))
        {
            cx.error_at(
                span,
                format!(
                    "thiserror's `#[from]` on this field already implements `From<{}>`; remove `#[api(from)]` (mark the field `#[api(source)]` if it is the cause)",
                    type_text(field.ty)
                ),
            );
            continue;
        }
        if variant.fields.len() != 1 {
            cx.error_at(
                span,
                format!(
                    "`from` builds `{}` from this field alone, but it has {} fields; keep the cause as the only field, or write the `From` impl by hand",
                    variant_name(input, variant),
                    variant.fields.len()
                ),
            );
            continue;
        }
        let ty = type_text(field.ty);
        if let Some((_, first)) = seen.iter().find(|(t, _)| *t == ty) {
            cx.error_at(
                span,
                format!(
                    "another variant already converts from `{ty}`{}; one type can become only one variant",
                    ctxt::on_line(*first)
                ),
            );
        } else {
            seen.push((ty, span));
        }
    }
}

// `fallback_locale` and `partial_locales` say how to read catalogs: they
// go with `locales`.
fn check_locales(cx: &Ctxt, input: &Input) {
    if input.attrs.locales.is_some() {
        return;
    }
    if let Some(lit) = &input.attrs.fallback_locale {
        cx.error_spanned_by(lit, "`fallback_locale` goes with `locales = \"...\"`, the folder of the catalogs it names a locale of");
    }
    if let Some(span) = input.attrs.partial_locales {
        cx.error_at(span, "`partial_locales` goes with `locales = \"...\"`, the folder of the catalogs it lets be partial");
    }
}
