//! What a setting given at run time must be, so that it cannot make an
//! invalid `type` URI or JSON Pointer: the rules the derive applies at
//! compile time, from the same crate (`errcodes-rules`). Collections and profiles refuse what fails them.

/// A code that may end a URI: letters, digits, `_`, `.` and `-`.
pub(crate) fn is_code(code: &str) -> bool {
    errcodes_rules::check_code(code).is_ok()
}

/// An absolute URI that a code can be appended to: a scheme, `:`, URI
/// characters only, ending in `/`, `#`, `:` or `=`.
pub(crate) fn is_type_base(base: &str) -> bool {
    errcodes_rules::check_type_base(base).is_ok()
}

/// A JSON Pointer (RFC 6901): empty, or `/` and segments where `~` only
/// starts `~0` or `~1`.
pub(crate) fn is_json_pointer(pointer: &str) -> bool {
    errcodes_rules::check_json_pointer(pointer).is_ok()
}
