//! Every rule the `#[api(...)]` attributes must follow, one `check_*` each.
//! All mistakes go to the [`Ctxt`]; nothing stops at the first one.

use syn::spanned::Spanned;
use syn::{LitStr, Member};

use crate::ast::{self, Field, Input, Variant};
use crate::attr::EnvelopeAttr;
use crate::ctxt::{self, Ctxt};
use crate::fmt::{self, Template};
use crate::prop::{
    effective_code, effective_status, header_kind, type_text, variant_name, HeaderKind,
};
use crate::symbol;

/// The envelope names `envelope = "..."` accepts.
pub use errcodes_rules::ENVELOPES;
use errcodes_rules::{HeaderProblem, PointerProblem, TypeBaseProblem, SINGLE_VALUE_HEADERS};

/// Checks the whole input (its templates were parsed with the model).
pub fn check(cx: &Ctxt, input: &Input) {
    check_envelope(cx, input);
    check_locales(cx, input);
    check_type_base(cx, input);
    check_domain(cx, input);
    check_pointer_prefix(cx, input);
    if let Some(status) = &input.attrs.status {
        check_status_range(cx, status);
    }
    for variant in &input.variants {
        let name = variant_name(input, variant);
        if variant.attrs.transparent.is_some() {
            check_transparent(cx, variant, &name);
            continue;
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
    check_code_conflicts(cx, input);
    check_from(cx, input);
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

fn check_json_pointer(cx: &Ctxt, lit: &LitStr, key: &str) {
    let value = lit.value();
    match errcodes_rules::check_json_pointer(&value) {
        Ok(()) => {}
        Err(PointerProblem::NoLeadingSlash) => cx.error_spanned_by(
            lit,
            format!(
                "`{key}` must be a JSON Pointer starting with `/`, e.g. `/{}`",
                value.trim_start_matches('#')
            ),
        ),
        // RFC 6901: `~` is escaped as `~0` and `/` as `~1`; nothing else.
        Err(PointerProblem::Escape(next)) => {
            let bad = next.map_or_else(|| "~".to_owned(), |c| format!("~{c}"));
            cx.error_spanned_by(
                lit,
                format!("`{bad}` in `{key} = \"{value}\"` is not a JSON Pointer escape: write `~0` for `~` and `~1` for `/`"),
            );
        }
    }
}

// `attr = "items.0.sku"` is a dotted path of member names: no empty part.
fn check_dotted_path(cx: &Ctxt, lit: &LitStr) {
    let value = lit.value();
    if !value.is_empty() && value.split('.').any(str::is_empty) {
        cx.error_spanned_by(
            lit,
            format!("`attr = \"{value}\"` has an empty member name; a dotted path joins names with single dots, e.g. `items.0.sku`"),
        );
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

// An error status is 4xx or 5xx.
fn check_status_range(cx: &Ctxt, status: &crate::attr::Status) {
    let code = status.code;
    if (400..=599).contains(&code) {
        return;
    }
    let message = if (100..=399).contains(&code) {
        format!("status {code} is not an error status; ApiError statuses are 4xx or 5xx")
    } else {
        format!("`{code}` is not an HTTP status code; use a number from 400 to 599")
    };
    cx.error_spanned_by(status, message);
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

// A header name is an RFC 9110 token.
fn check_header_name(cx: &Ctxt, lit: &LitStr) {
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

// Field keys: one source, one runtime attr, meta names that do not clash.
fn check_fields(cx: &Ctxt, variant: &Variant) {
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

/// Parsing and validation run in process on `parse_quote!` inputs: each case
/// asserts the exact messages and how many there are.
/// `fallback_locale` and `partial_locales` say how to read catalogs: they
/// go with `locales`.
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

#[cfg(test)]
mod pipeline_tests {
    use syn::parse_quote;

    use crate::ast::Input;
    use crate::ctxt::Ctxt;

    /// Every message the derive reports for `input`, in order.
    fn messages(input: &syn::DeriveInput) -> Vec<String> {
        let cx = Ctxt::new();
        if let Some(parsed) = Input::from_syn(&cx, input) {
            super::check(&cx, &parsed);
        }
        match cx.check() {
            Ok(()) => Vec::new(),
            Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    /// The corpus the runtime's tests read too (`tests/tests/test_rules.rs`):
    /// every value gets the verdict written beside it, here at compile time.
    #[test]
    fn the_shared_corpus_gets_the_same_verdicts() {
        let mut checked = 0;
        for (kind, accepted, value) in errcodes_rules::corpus::cases() {
            let source = match kind {
                "code" => format!("#[api(status = 404, code = {value:?})] struct E;"),
                "type_base" => format!("#[api(type_base = {value:?}, status = 404)] struct E;"),
                "pointer" => format!("#[api(pointer_prefix = {value:?}, status = 404)] struct E;"),
                "header" => {
                    format!("#[api(status = 429)] struct E {{ #[api(header = {value:?})] h: u32 }}")
                }
                other => panic!("unknown kind `{other}` in the corpus"),
            };
            let input: syn::DeriveInput = syn::parse_str(&source).unwrap();
            assert_eq!(
                messages(&input).is_empty(),
                accepted,
                "{kind} `{value}`: {:?}",
                messages(&input)
            );
            checked += 1;
        }
        assert!(checked >= 30, "the corpus shrank to {checked} values");
    }

    #[test]
    fn a_correct_enum_has_no_errors() {
        let input = parse_quote! {
            #[api(envelope = "jsonapi", type_base = "https://errors.example.com/", status = 400)]
            enum E {
                #[api(code = "required", attr = "name", detail = "This field is required.")]
                Missing,
                #[api(status = 409, detail = "user {email} exists ({0:?})")]
                Duplicate { email: String, #[api(meta)] version: u32 },
                #[api(status = StatusCode::TOO_MANY_REQUESTS)]
                Limited(#[api(header = "Retry-After")] u32),
                #[api(transparent)]
                Inner(Other),
                #[api(status = 404, code = "missing")]
                AlsoMissing,
                #[api(status = 404, code = "missing")]
                MissingAgain,
            }
        };
        // `{0:?}` on a named variant is the one mistake here.
        assert_eq!(
            messages(&input),
            ["positional placeholder `{0}` in `Duplicate`, which has named fields; use a field name, e.g. `{email}`"]
        );
    }

    #[test]
    fn every_mistake_is_reported_in_one_pass() {
        let input = parse_quote! {
            #[api(envelope = "jsnoapi", type_base = "errors")]
            enum E {
                #[api(stauts = 404)]
                A,
                #[api(status = 200, code = "b c", title = "T {x}")]
                B { x: u8 },
                #[api(status = 400, detail = "{missing}", pointer = "/a", parameter = "p")]
                C { present: u8 },
                #[api(status = 400)]
                D(#[api(meta)] u8, #[api(source)] u8, #[api(source)] u8),
            }
        };
        let got = messages(&input);
        // `parse_quote!` spans carry no positions, so this is the order the
        // stages find the mistakes in (templates with the model, then the
        // rules); in a real compile, `Ctxt::check` sorts them by position.
        assert_eq!(
            got,
            [
                "unknown api attribute `stauts`; did you mean `status`?",
                "`{missing}` names no field of `C`; `C` has `present`",
                "unknown envelope `jsnoapi`; did you mean `jsonapi`?",
                "`type_base` must be an absolute URI such as `https://errors.example.com/`, found `errors`",
                "status 200 is not an error status; ApiError statuses are 4xx or 5xx",
                "`code` may use only letters, digits, `_`, `.` and `-`, found ' ' in `b c`",
                "`title` is the same for every occurrence and takes no placeholders; move the `{...}` into `detail`",
                "`parameter` conflicts with `pointer`; an error has one JSON:API source, so keep one of them",
                "a tuple field has no name to use in `meta`; write `#[api(meta = \"name\")]`",
                "only one field can be `#[api(source)]`; keep the direct cause",
            ]
        );
    }

    #[test]
    fn misplaced_and_repeated_keys() {
        let input = parse_quote! {
            #[api(code = "x", meta)]
            enum E {
                #[api(status = 404, status = 410, envelope = "drf")]
                A(#[api(status = 400, attr)] String),
            }
        };
        assert_eq!(
            messages(&input),
            [
                "`code` goes on a variant, not on the type",
                "`meta` goes on a field, not on the type: `#[api(meta)] name: Type`",
                // One error per mistake, naming the first place in its text.
                "duplicate api attribute `status`: it is already set on line 1; remove one of them",
                "`envelope` goes on the type, not on a variant",
                "`status` goes on a variant or on the type, not on a field",
            ]
        );
    }

    #[test]
    fn values_of_the_wrong_kind() {
        let input = parse_quote! {
            enum E {
                #[api(status = "abc", code = 5, transparent = true, detail)]
                A { #[api(meta = 1)] m: u8 },
            }
        };
        assert_eq!(
            messages(&input),
            [
                "`status` takes a number such as `404` or a constant such as `StatusCode::NOT_FOUND`, found `\"abc\"`",
                "`code` takes a string literal, found `5`; write `code = \"not_found\"`",
                "`transparent` takes no value; write `#[api(transparent)]`",
                "`detail` needs a value; write `detail = \"order {id} not found\"`",
                "`meta` takes a string literal, found `1`; write `meta = \"retry_after\"`",
            ]
        );
    }

    #[test]
    fn statuses() {
        let cases: [(syn::DeriveInput, &str); 6] = [
            (parse_quote!(#[api(status = 302)] struct S;), "status 302 is not an error status; ApiError statuses are 4xx or 5xx"),
            (parse_quote!(#[api(status = 99)] struct S;), "`99` is not an HTTP status code; use a number from 400 to 599"),
            (parse_quote!(#[api(status = 600)] struct S;), "`600` is not an HTTP status code; use a number from 400 to 599"),
            (parse_quote!(#[api(status = StatusCode::NOT_FUOND)] struct S;), "`NOT_FUOND` is not an `http::StatusCode` constant; did you mean `StatusCode::NOT_FOUND`?"),
            (parse_quote!(#[api(status = StatusCode::OK)] struct S;), "status 200 is not an error status; ApiError statuses are 4xx or 5xx"),
            (parse_quote!(#[api(detail = "x")] struct S;), "`S` needs a status; add `#[api(status = 400)]`"),
        ];
        for (input, want) in cases {
            assert_eq!(messages(&input), [want]);
        }
    }

    #[test]
    fn codes_with_two_statuses() {
        let input = parse_quote! {
            enum E {
                #[api(status = 404)]
                NotFound,
                #[api(status = 404, code = "not_found")]
                Missing,
                #[api(status = 410, code = "not_found")]
                Gone,
            }
        };
        assert_eq!(
            messages(&input),
            ["code `not_found` has status 410 here but 404 on `NotFound`; one code must always mean one status"]
        );
    }

    #[test]
    fn templates() {
        let cases: [(syn::DeriveInput, &str); 5] = [
            (parse_quote!(enum E { #[api(status = 400, detail = "a {b")] V { b: u8 } }), "unclosed `{` in `a {b`; close it with `}`, or write `{{` for a literal brace"),
            (parse_quote!(enum E { #[api(status = 400, detail = "a } b")] V }), "unmatched `}` in `a } b`; write `}}` for a literal brace"),
            (parse_quote!(enum E { #[api(status = 400, detail = "{}")] V(u8) }), "`{}` does not say which field to show; name it, e.g. `{0}`"),
            (parse_quote!(enum E { #[api(status = 400, detail = "{2}")] V(u8) }), "`{2}` names no field of `V`; did you mean `{0}`?"),
            (parse_quote!(enum E { #[api(status = 502, detail = "{0}")] V(#[api(source)] Io) }), "`{0}` is the `#[api(source)]` error, which is never shown to clients; describe the problem without it"),
        ];
        for (input, want) in cases {
            assert_eq!(messages(&input), [want]);
        }
    }

    #[test]
    fn transparent_stands_alone() {
        let input = parse_quote! {
            enum E {
                #[api(transparent, status = 500, code = "x")]
                A(Inner, u8),
            }
        };
        assert_eq!(
            messages(&input),
            [
                "`transparent` needs exactly one field, the inner error, but `A` has 2",
                "`transparent` takes everything from the inner error, so it cannot be combined with `status`",
                "`transparent` takes everything from the inner error, so it cannot be combined with `code`",
            ]
        );
    }

    #[test]
    fn unions_and_empty_enums() {
        let union: syn::DeriveInput = parse_quote!(union U { a: u8 });
        assert_eq!(
            messages(&union),
            ["ApiError cannot be derived for a union; use an enum or a struct"]
        );
        let empty: syn::DeriveInput = parse_quote!(
            enum Never {}
        );
        assert!(messages(&empty).is_empty());
    }
}
