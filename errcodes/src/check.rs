//! What a setting given at run time must be, so that it cannot make an
//! invalid `type` URI or JSON Pointer: the same rules the derive applies at
//! compile time. Collections and profiles refuse what fails them.

/// A code that may end a URI: letters, digits, `_`, `.` and `-`.
pub(crate) fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// An absolute URI that a code can be appended to: a scheme, `:`, URI
/// characters only, ending in `/`, `#`, `:` or `=`.
pub(crate) fn is_type_base(base: &str) -> bool {
    let Some((scheme, rest)) = base.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && base
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c))
        && base.ends_with(['/', '#', ':', '='])
}

/// A JSON Pointer (RFC 6901): empty, or `/` and segments where `~` only
/// starts `~0` or `~1`.
pub(crate) fn is_json_pointer(pointer: &str) -> bool {
    if !(pointer.is_empty() || pointer.starts_with('/')) {
        return false;
    }
    let mut chars = pointer.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}
