//! Queries on the model that several stages ask: a variant's name, code
//! and status as the derive settles them, whether its code is sent, a header
//! field's kind. Each answers from the AST alone.

use crate::ast::{Input, Variant};

/// How a header field's value is written, read from its type as thiserror
/// reads `Backtrace`: std's `Duration` (as [`is_std_duration`] tells it) as
/// delta-seconds, a `SystemTime` as an
/// HTTP-date, a list (`Vec<T>`, `[T; N]`, `&[T]`) as items joined with
/// `, `, anything else by its `Display`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    Display,
    DeltaSeconds,
    HttpDate,
    List,
}

pub fn header_kind(ty: &syn::Type) -> HeaderKind {
    match ty {
        syn::Type::Reference(reference) => match &*reference.elem {
            syn::Type::Slice(_) | syn::Type::Array(_) => HeaderKind::List,
            inner => header_kind(inner),
        },
        syn::Type::Array(_) => HeaderKind::List,
        syn::Type::Path(_) if is_std_duration(ty) => HeaderKind::DeltaSeconds,
        syn::Type::Path(path) => match path.path.segments.last() {
            Some(last) if last.ident == "SystemTime" => HeaderKind::HttpDate,
            Some(last) if last.ident == "Vec" => HeaderKind::List,
            _ => HeaderKind::Display,
        },
        syn::Type::Group(group) => header_kind(&group.elem),
        syn::Type::Paren(paren) => header_kind(&paren.elem),
        _ => HeaderKind::Display,
    }
}

/// Whether `ty` is written as std's `Duration` is (`Duration`,
/// `time::Duration`, `std::time::Duration`, `core::time::Duration`), not
/// another crate's (`chrono::Duration`): a meta field of that type is
/// written in whole seconds, and a header field of that type as
/// delta-seconds.
pub fn is_std_duration(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let names: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    matches!(
        names.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["Duration"] | ["time", "Duration"] | ["std" | "core", "time", "Duration"]
    )
}

/// The JSON type a meta field's value is written as, read from its Rust
/// type as written: `integer`, `number`, `string`, `boolean`, `array`,
/// `object`, with ` or null` for an `Option`; std's `Duration` is whole
/// seconds (`integer`). A type the derive cannot see through (an alias, a
/// type of the app's) is `any`: serde decides how it is written.
pub fn json_type(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Reference(reference) => json_type(&reference.elem),
        syn::Type::Group(group) => json_type(&group.elem),
        syn::Type::Paren(paren) => json_type(&paren.elem),
        syn::Type::Array(_) | syn::Type::Slice(_) => "array".to_owned(),
        syn::Type::Tuple(tuple) if tuple.elems.is_empty() => "null".to_owned(),
        syn::Type::Tuple(_) => "array".to_owned(),
        syn::Type::Path(_) if is_std_duration(ty) => "integer".to_owned(),
        syn::Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return "any".to_owned();
            };
            let name = last.ident.to_string();
            let first_argument = || match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => {
                    args.args.iter().find_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                }
                _ => None,
            };
            match name.as_str() {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                | "i128" | "isize" | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64"
                | "NonZeroUsize" | "NonZeroI32" | "NonZeroI64" => "integer".to_owned(),
                "f32" | "f64" => "number".to_owned(),
                "bool" => "boolean".to_owned(),
                "String" | "str" | "char" | "Cow" | "PathBuf" | "Uuid" => "string".to_owned(),
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "IndexSet" => "array".to_owned(),
                "HashMap" | "BTreeMap" | "IndexMap" => "object".to_owned(),
                "Box" | "Arc" | "Rc" => {
                    first_argument().map_or_else(|| "any".to_owned(), json_type)
                }
                "Option" => match first_argument().map(json_type) {
                    Some(inner) if inner != "any" && !inner.ends_with(" or null") => {
                        format!("{inner} or null")
                    }
                    Some(inner) => inner,
                    None => "any".to_owned(),
                },
                _ => "any".to_owned(),
            }
        }
        _ => "any".to_owned(),
    }
}

/// A type as the user would write it: `std::io::Error`, not the token
/// printer's `std :: io :: Error`.
pub fn type_text(ty: &syn::Type) -> String {
    quote::ToTokens::to_token_stream(ty)
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" <", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("& ", "&")
}

/// The name used for a variant in messages: `Variant`, or the struct's name.
pub fn variant_name(input: &Input, variant: &Variant) -> String {
    variant
        .ident
        .unwrap_or(input.ident)
        .to_string()
        .trim_start_matches("r#")
        .to_owned()
}

/// The code a variant gets: its own, or its name in snake_case.
pub fn effective_code(input: &Input, variant: &Variant) -> String {
    match &variant.attrs.code {
        Some(code) => code.value(),
        None => snake_case(&variant_name(input, variant)),
    }
}

/// Whether a variant's code reaches clients: not for a 5xx whose code is
/// its Rust name (which may say more about the server than a client should
/// see), nor under `no_code` on the variant or the type. Only a sent code
/// has a type URI and a message in the catalogs.
pub fn code_sent(input: &Input, variant: &Variant) -> bool {
    let status = effective_status(input, variant).unwrap_or(500);
    !(status >= 500 && variant.attrs.code.is_none())
        && variant.attrs.no_code.is_none()
        && input.attrs.no_code.is_none()
}

/// Whether a variant's detail is the type's `Display` (thiserror's
/// `#[error]`): a 4xx that is not `transparent` and declares no `detail`.
pub fn uses_display(input: &Input, variant: &Variant) -> bool {
    variant.attrs.transparent.is_none()
        && variant.detail.is_none()
        && effective_status(input, variant).unwrap_or(500) < 500
}

/// The status a variant gets: its own, or the type's default.
pub fn effective_status(input: &Input, variant: &Variant) -> Option<u16> {
    variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())
        .map(|s| s.code)
}

/// `NotFound` -> `not_found`, `HTTPError` -> `http_error`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_names() {
        assert_eq!(snake_case("NotFound"), "not_found");
        assert_eq!(snake_case("HTTPError"), "http_error");
        assert_eq!(snake_case("Io"), "io");
        assert_eq!(snake_case("TooManyRequests"), "too_many_requests");
        assert_eq!(snake_case("Oauth2Failed"), "oauth2_failed");
        assert_eq!(snake_case("already_snake"), "already_snake");
    }
}
