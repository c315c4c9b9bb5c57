//! Rules on a variant: its status, code, title, kind, location and
//! instance, what a 5xx may show, and a `transparent` variant standing alone.

use syn::spanned::Spanned;
use syn::{LitStr, Member};

use crate::ast::{self, Input, Variant};
use crate::ctxt::Ctxt;
use crate::fmt::{self, Template};
use crate::prop::{effective_status, variant_name};
use crate::symbol;

use super::field::{check_fields, check_header_name};
use super::{check_dotted_path, check_json_pointer, check_status_range};

/// One variant and its fields.
pub(super) fn check(cx: &Ctxt, input: &Input, variant: &Variant) {
    let name = variant_name(input, variant);
    if variant.attrs.transparent.is_some() {
        check_transparent(cx, variant, &name);
        return;
    }
    check_status_present(cx, input, variant, &name);
    if let Some(status) = &variant.attrs.status {
        check_status_range(cx, status);
    }
    if let Some(code) = &variant.attrs.code {
        check_code(cx, code);
    }
    if let Some(title) = &variant.attrs.title {
        check_title(cx, title);
    }
    if let Some(kind) = &variant.attrs.kind {
        check_kind(cx, kind);
    }
    check_location(cx, variant);
    check_fields(cx, variant);
    if let Some(lit) = &variant.attrs.instance {
        check_instance_text(cx, lit);
    }
    if effective_status(input, variant).is_some_and(|status| status >= 500) {
        check_public(cx, variant);
    }
}

// Every variant that renders itself has a status, its own or the type's.
fn check_status_present(cx: &Ctxt, input: &Input, variant: &Variant, name: &str) {
    // A misspelled or malformed key was already reported; it may well have
    // been the status.
    if effective_status(input, variant).is_some()
        || variant.attrs.had_errors
        || input.attrs.had_errors
    {
        return;
    }
    let message = if input.is_struct {
        format!("`{name}` needs a status; add `#[api(status = 400)]`")
    } else {
        format!(
            "`{name}` has no status; add `#[api(status = 400)]` to the variant, or a default `#[api(status = 500)]` on the enum"
        )
    };
    cx.error_spanned_by(variant.span_node, message);
}

// A code is non-empty and uses only `A-Z a-z 0-9 _ . -`.
fn check_code(cx: &Ctxt, lit: &LitStr) {
    let code = lit.value();
    match errcodes_rules::check_code(&code) {
        Ok(()) => {}
        Err(errcodes_rules::CodeProblem::Empty) => cx.error_spanned_by(
            lit,
            "`code` is empty; write a stable machine code such as `not_found`",
        ),
        Err(errcodes_rules::CodeProblem::Character(bad)) => cx.error_spanned_by(
            lit,
            format!(
                "`code` may use only letters, digits, `_`, `.` and `-`, found {bad:?} in `{code}`"
            ),
        ),
    }
}

// A title is the same for every occurrence, so it has no placeholders.
fn check_title(cx: &Ctxt, lit: &LitStr) {
    let value = lit.value();
    if value.trim().is_empty() {
        cx.error_spanned_by(
            lit,
            "`title` is empty; leave it out to use the status's reason phrase",
        );
    } else if fmt::has_placeholder(&value) {
        cx.error_spanned_by(
            lit,
            "`title` is the same for every occurrence and takes no placeholders; move the `{...}` into `detail`",
        );
    }
}

// A kind is one non-empty word.
fn check_kind(cx: &Ctxt, lit: &LitStr) {
    let value = lit.value();
    if value.is_empty() || value.chars().any(char::is_whitespace) {
        cx.error_spanned_by(
            lit,
            "`kind` is one word, such as `validation_error` or `parameters`",
        );
    }
}

// A variant names at most one request member (`attr` or an `#[api(attr)]`
// field) and at most one explicit JSON:API source (`pointer`, `parameter`,
// `header`); the two may be combined, the explicit source then wins in
// JSON:API.
fn check_location(cx: &Ctxt, variant: &Variant) {
    let attrs = &variant.attrs;
    let mut members: Vec<(&str, proc_macro2::Span)> = Vec::new();
    let mut sources: Vec<(&str, proc_macro2::Span)> = Vec::new();
    for (key, lit, is_member) in [
        (symbol::ATTR, &attrs.attr_name, true),
        (symbol::POINTER, &attrs.pointer, false),
        (symbol::PARAMETER, &attrs.parameter, false),
        (symbol::HEADER, &attrs.header, false),
    ] {
        if let Some(lit) = lit {
            let list = if is_member {
                &mut members
            } else {
                &mut sources
            };
            list.push((key, lit.span()));
            if lit.value().is_empty() && key != symbol::POINTER {
                cx.error_spanned_by(lit, format!("`{key}` is empty; name the request member"));
            }
            if key == symbol::ATTR {
                check_dotted_path(cx, lit);
            }
        }
    }
    if let Some(span) = variant.fields.iter().find_map(|f| f.attrs.attr_flag) {
        members.push(("#[api(attr)] field", span));
    }
    for (given, what) in [
        (&members, "names one request member"),
        (&sources, "has one JSON:API source"),
    ] {
        if let [(first, _), rest @ ..] = given.as_slice() {
            for (key, span) in rest {
                cx.error_at(
                    *span,
                    format!(
                        "`{key}` conflicts with `{first}`; an error {what}, so keep one of them"
                    ),
                );
            }
        }
    }
    if let Some(lit) = &attrs.pointer {
        check_json_pointer(cx, lit, symbol::POINTER);
    }
    if let Some(lit) = &attrs.header {
        check_header_name(cx, lit);
    }
}

// The literal text of an `instance` template is URI-reference text (field
// values are percent-encoded when written).
fn check_instance_text(cx: &Ctxt, lit: &LitStr) {
    let text = lit.value();
    let mut depth = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c) => {}
            c => {
                cx.error_spanned_by(
                    lit,
                    format!("`instance` is a URI reference, which cannot hold {c:?}; percent-encode it (a space is `%20`)"),
                );
                return;
            }
        }
    }
}

// A field whose value reaches the body of a 5xx (through `detail`,
// `instance` or `meta`) is marked `public`: a server error's fields stay out
// of its body unless the author says they are safe for clients.
fn check_public(cx: &Ctxt, variant: &Variant) {
    let in_template = |template: &Option<Template>, member: &Member| {
        template.as_ref().is_some_and(|t| t.used.contains(member))
    };
    for field in &variant.fields {
        if field.attrs.public.is_some() || field.attrs.is_source() {
            continue; // a source in a template is reported on its own
        }
        let name_span = field
            .original
            .ident
            .as_ref()
            .map_or_else(|| field.ty.span(), syn::Ident::span);
        let (how, at) = if let Some((meta_span, _)) = field.attrs.meta {
            ("is a `meta` member", meta_span)
        } else if in_template(&variant.detail, &field.member) {
            ("is written into the `detail`", name_span)
        } else if in_template(&variant.instance, &field.member) {
            ("is written into the `instance`", name_span)
        } else {
            continue;
        };
        let name = ast::member_name(&field.member);
        cx.error_at(
            at,
            format!("field `{name}` {how} of a 5xx; a server error's fields stay out of the body unless marked safe: add `#[api(public)]` to the field if clients may see its value"),
        );
    }
}

// `transparent` delegates everything to its one field, so it stands alone.
fn check_transparent(cx: &Ctxt, variant: &Variant, name: &str) {
    let Some(span) = variant.attrs.transparent else {
        return;
    };
    if variant.fields.len() != 1 {
        cx.error_at(
            span,
            format!(
                "`transparent` needs exactly one field, the inner error, but `{name}` has {}",
                variant.fields.len()
            ),
        );
    }
    let a = &variant.attrs;
    let others = [
        (symbol::STATUS, a.status.is_some()),
        (symbol::CODE, a.code.is_some()),
        (symbol::TITLE, a.title.is_some()),
        (symbol::DETAIL, a.detail.is_some()),
        (symbol::INSTANCE, a.instance.is_some()),
        (symbol::ATTR, a.attr_name.is_some()),
        (symbol::POINTER, a.pointer.is_some()),
        (symbol::PARAMETER, a.parameter.is_some()),
        (symbol::HEADER, a.header.is_some()),
        (symbol::KIND, a.kind.is_some()),
        (symbol::LOG, a.log.is_some()),
        (symbol::RETRYABLE, a.retry.is_some()),
    ];
    for (key, _) in others.iter().filter(|(_, set)| *set) {
        cx.error_at(
            span,
            format!("`transparent` takes everything from the inner error, so it cannot be combined with `{key}`"),
        );
    }
    for field in &variant.fields {
        let f = &field.attrs;
        if f.meta.is_some() || f.attr_flag.is_some() || f.header.is_some() || f.source.is_some() {
            cx.error_spanned_by(
                field.original,
                "the field of a `transparent` variant takes no `#[api(...)]`; put them on the inner error",
            );
        }
    }
}
