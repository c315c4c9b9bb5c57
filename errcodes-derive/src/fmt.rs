//! The `detail = "..{field}.."` template: checked against the variant's
//! fields and rewritten so that each placeholder names a bound local.
//!
//! `{email}`, `{0}`, `{email:?}` and any other format spec work as in
//! `format!`; `{{` and `}}` are literal braces.

use std::fmt::Write as _;

use proc_macro2::Ident;
use quote::format_ident;
use syn::{LitStr, Member};

use crate::ctxt::Ctxt;

/// A checked template.
pub struct Template {
    /// The literal as written, for spans.
    pub lit: LitStr,
    /// The format string with each placeholder renamed to its local.
    pub format: String,
    /// The fields the template reads, each once, in order of first use.
    pub used: Vec<Member>,
    /// Each placeholder's field and the formatting trait its spec asks for
    /// (`Display`, `Debug`, `LowerHex`, ...), for bounds on generic fields.
    pub traits: Vec<(Member, &'static str)>,
    /// The fields read as a width or precision (`{x:w$}`): counts, not text.
    pub counts: Vec<Member>,
}

impl Template {
    /// The literal text when the template has no placeholders (braces
    /// unescaped), so it can be written with one `write_str`.
    pub fn plain_text(&self) -> Option<String> {
        if !self.used.is_empty() {
            return None;
        }
        Some(self.format.replace("{{", "{").replace("}}", "}"))
    }
}

/// The local a field is bound to in generated match arms.
pub fn local(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            let name = ident.to_string();
            format_ident!("__f_{}", name.trim_start_matches("r#"))
        }
        Member::Unnamed(index) => format_ident!("__f_{}", index.index),
    }
}

/// The same local, spanned at `span` (the field's type), so that rustc's
/// errors about an expression using it land on the user's field.
pub fn local_at(member: &Member, span: proc_macro2::Span) -> Ident {
    let mut ident = local(member);
    ident.set_span(span);
    ident
}

/// What a template may know of one field: its member, and whether it is
/// the error's cause (never shown).
pub struct Slot {
    pub member: Member,
    pub source: bool,
}

/// A member as the user writes it: `name` (without `r#`), or `0`.
pub fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string().trim_start_matches("r#").to_owned(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

/// Checks `lit` against `fields` and rewrites it; mistakes are reported.
pub fn parse(cx: &Ctxt, lit: &LitStr, fields: &[Slot], variant: &str) -> Option<Template> {
    let text = lit.value();
    let mut format = String::with_capacity(text.len());
    let mut used: Vec<Member> = Vec::new();
    let mut traits: Vec<(Member, &'static str)> = Vec::new();
    let mut all_counts: Vec<Member> = Vec::new();
    let mut ok = true;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                chars.next();
                format.push_str("{{");
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    cx.error_spanned_by(
                        lit,
                        format!("unclosed `{{` in `{text}`; close it with `}}`, or write `{{{{` for a literal brace"),
                    );
                    return None;
                }
                let (name, spec) = match inner.split_once(':') {
                    Some((name, spec)) => (name.trim(), Some(spec)),
                    None => (inner.trim(), None),
                };
                let spec = match spec.map(|spec| rewrite_spec(cx, lit, spec, fields, variant)) {
                    Some(Some((spec, counts))) => {
                        for member in counts {
                            if !used.contains(&member) {
                                used.push(member.clone());
                            }
                            if !all_counts.contains(&member) {
                                all_counts.push(member);
                            }
                        }
                        Some(spec)
                    }
                    Some(None) => {
                        ok = false;
                        None
                    }
                    None => None,
                };
                let spec = spec.as_deref();
                match resolve(cx, lit, name, fields, variant) {
                    Some(member) => {
                        let _ = write!(format, "{{{}", local(&member));
                        if let Some(spec) = spec {
                            format.push(':');
                            format.push_str(spec);
                        }
                        format.push('}');
                        let wanted = format_trait(spec.unwrap_or(""));
                        if !traits.contains(&(member.clone(), wanted)) {
                            traits.push((member.clone(), wanted));
                        }
                        if !used.contains(&member) {
                            used.push(member);
                        }
                    }
                    None => ok = false,
                }
            }
            '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                chars.next();
                format.push_str("}}");
            }
            '}' => {
                cx.error_spanned_by(
                    lit,
                    format!("unmatched `}}` in `{text}`; write `}}}}` for a literal brace"),
                );
                return None;
            }
            c => format.push(c),
        }
    }
    ok.then(|| Template {
        lit: lit.clone(),
        format,
        used,
        traits,
        counts: all_counts,
    })
}

/// A format spec with its `name$` / `N$` width and precision arguments
/// (`{x:w$}`, `{0:.1$}`) renamed to the fields' locals, and the fields they
/// read; `None` (reported) for `.*`, which takes an argument a template
/// cannot pass, or for a name that is no field.
fn rewrite_spec(
    cx: &Ctxt,
    lit: &LitStr,
    spec: &str,
    fields: &[Slot],
    variant: &str,
) -> Option<(String, Vec<Member>)> {
    if spec.contains(".*") {
        cx.error_spanned_by(
            lit,
            format!("`.*` in `{{:{spec}}}` takes the precision from an extra argument, which a template does not have; write a number (`.2`) or a field (`.digits$`)"),
        );
        return None;
    }
    let mut out = String::with_capacity(spec.len());
    let mut counts = Vec::new();
    let mut word = String::new();
    // The fill character (before an alignment) is never an argument.
    let fill = spec
        .chars()
        .nth(1)
        .is_some_and(|c| matches!(c, '<' | '^' | '>'));
    for (i, c) in spec.chars().enumerate() {
        if c.is_ascii_alphanumeric() || c == '_' && !(fill && i == 0) {
            word.push(c);
            continue;
        }
        if c == '$' && !word.is_empty() {
            let member = resolve(cx, lit, &word, fields, variant)?;
            let _ = write!(out, "{}$", local(&member));
            counts.push(member);
        } else {
            out.push_str(&word);
            out.push(c);
        }
        word.clear();
    }
    out.push_str(&word);
    Some((out, counts))
}

/// The `core::fmt` trait a format spec such as `>8`, `?` or `#x` asks for.
fn format_trait(spec: &str) -> &'static str {
    match spec.chars().last() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        _ => "Display",
    }
}

/// The field a placeholder names.
fn resolve(cx: &Ctxt, lit: &LitStr, name: &str, fields: &[Slot], variant: &str) -> Option<Member> {
    let named = fields.iter().any(|f| matches!(f.member, Member::Named(_)));
    if name.is_empty() {
        let example = fields.first().map_or_else(
            || "a field".to_owned(),
            |f| format!("`{{{}}}`", member_name(&f.member)),
        );
        cx.error_spanned_by(
            lit,
            format!("`{{}}` does not say which field to show; name it, e.g. {example}"),
        );
        return None;
    }
    let found = if name.bytes().all(|b| b.is_ascii_digit()) {
        if named {
            cx.error_spanned_by(
                lit,
                format!(
                    "positional placeholder `{{{name}}}` in `{variant}`, which has named fields; use a field name, e.g. `{{{}}}`",
                    member_name(&fields[0].member)
                ),
            );
            return None;
        }
        fields
            .iter()
            .find(|f| matches!(&f.member, Member::Unnamed(i) if i.index.to_string() == name))
    } else {
        let bare = name.trim_start_matches("r#");
        fields
            .iter()
            .find(|f| matches!(f.member, Member::Named(_)) && member_name(&f.member) == bare)
    };
    let Some(field) = found else {
        let names: Vec<String> = fields.iter().map(|f| member_name(&f.member)).collect();
        let hint = match crate::symbol::closest(name, names.iter().map(String::as_str)) {
            Some(good) => format!("; did you mean `{{{good}}}`?"),
            None if names.is_empty() => format!("; `{variant}` has no fields"),
            None => format!(
                "; `{variant}` has {}",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        cx.error_spanned_by(
            lit,
            format!("`{{{name}}}` names no field of `{variant}`{hint}"),
        );
        return None;
    };
    if field.source {
        cx.error_spanned_by(
            lit,
            format!(
                "`{{{name}}}` is the `#[api(source)]` error, which is never shown to clients; describe the problem without it"
            ),
        );
        return None;
    }
    Some(field.member.clone())
}

/// Whether `text` contains a placeholder (for keys that take plain text).
pub fn has_placeholder(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if chars.peek() == Some(&'{') {
                chars.next();
            } else {
                return true;
            }
        }
    }
    false
}
