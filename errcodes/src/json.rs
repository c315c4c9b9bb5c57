//! A minimal JSON writer: exactly the members we choose, in our order,
//! straight into a byte buffer, with no intermediate values.

use core::fmt::{self, Write as _};

use crate::error::{ApiError, Detail, Instance};

/// Appends `s` as a JSON string, quotes included.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into(out, s);
    out.push(b'"');
}

/// Appends `"key":` (keys are our own constants or meta names).
pub fn key(out: &mut Vec<u8>, key: &str) {
    string(out, key);
    out.push(b':');
}

/// Appends the decimal digits of `n`.
pub fn number(out: &mut Vec<u8>, n: u16) {
    unsigned(out, usize::from(n));
}

/// For each byte, the character after the backslash of its JSON escape
/// (`u` for `\u00XX`), or 0 when the byte is written as it is.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `s` with JSON string escaping, without quotes.
pub fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// A [`fmt::Write`] that escapes what it is given into a JSON string body,
/// so `Display` output goes into the buffer with no `String` in between.
pub struct Escaper<'a>(pub &'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// Appends an error's own detail as a JSON string.
pub fn detail<E: ApiError + ?Sized>(out: &mut Vec<u8>, err: &E) {
    out.push(b'"');
    detail_inner(out, err);
    out.push(b'"');
}

/// Appends an error's own detail, escaped, without quotes. A `Display` impl
/// that fails part-way leaves what it wrote; the caller still closes the
/// string, so the document stays valid.
pub fn detail_inner<E: ApiError + ?Sized>(out: &mut Vec<u8>, err: &E) {
    match err.detail_str() {
        Some(text) => escape_into(out, text),
        None => {
            let _ = write!(Escaper(out), "{}", Detail(err));
        }
    }
}

/// Appends an error's `instance` URI as a JSON string.
pub fn instance<E: ApiError + ?Sized>(out: &mut Vec<u8>, err: &E) {
    out.push(b'"');
    let _ = write!(Escaper(out), "{}", Instance(err));
    out.push(b'"');
}

/// A dotted path (`items.0.sku`) as a JSON Pointer body (`/items/0/sku`),
/// escaping `~` and `/` per RFC 6901. With `fragment`, characters not allowed
/// in a URI fragment are also percent-encoded (RFC 6901 section 6).
pub fn pointer_from_path(out: &mut Vec<u8>, path: &str, fragment: bool) {
    for segment in path.split('.') {
        out.push(b'/');
        pointer_segment(out, segment, fragment);
    }
}

/// A [`FieldPath`](crate::FieldPath) as a JSON Pointer body, escaped as
/// [`pointer_from_path`] does.
pub fn pointer_from_segments(out: &mut Vec<u8>, path: &crate::FieldPath, fragment: bool) {
    for segment in path.segments() {
        out.push(b'/');
        match segment {
            crate::Segment::Key(key) => pointer_segment(out, key, fragment),
            crate::Segment::Index(index) => unsigned(out, *index),
        }
    }
}

/// A [`FieldPath`](crate::FieldPath) in dotted form, JSON-escaped.
pub fn dotted_from_segments(out: &mut Vec<u8>, path: &crate::FieldPath) {
    for (i, segment) in path.segments().iter().enumerate() {
        if i > 0 {
            out.push(b'.');
        }
        match segment {
            crate::Segment::Key(key) => escape_into(out, key),
            crate::Segment::Index(index) => unsigned(out, *index),
        }
    }
}

/// Appends the decimal digits of a list index.
pub fn unsigned(out: &mut Vec<u8>, index: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = index;
    loop {
        i -= 1;
        digits[i] = b"0123456789"[n % 10];
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends one pointer segment, escaped.
fn pointer_segment(out: &mut Vec<u8>, segment: &str, fragment: bool) {
    let mut rest = segment;
    // Copy runs that need no escaping at once; stop at what does.
    while let Some(i) =
        rest.find(|c: char| c == '~' || c == '/' || (fragment && !is_fragment_safe(c)))
    {
        escape_into(out, &rest[..i]);
        let c = rest[i..].chars().next().unwrap_or('~');
        match c {
            '~' => out.extend_from_slice(b"~0"),
            '/' => out.extend_from_slice(b"~1"),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    percent(out, b);
                }
            }
        }
        rest = &rest[i + c.len_utf8()..];
    }
    escape_into(out, rest);
}

/// An already-escaped JSON Pointer, made a URI fragment: percent-encodes the
/// characters a fragment cannot hold.
pub fn pointer_as_fragment(out: &mut Vec<u8>, pointer: &str) {
    for c in pointer.chars() {
        if is_fragment_safe(c) {
            let mut buf = [0u8; 4];
            escape_into(out, c.encode_utf8(&mut buf));
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                percent(out, b);
            }
        }
    }
}

fn percent(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
}

/// RFC 3986 `fragment` characters: unreserved, sub-delims, `:`, `@`, `/`, `?`.
fn is_fragment_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?".contains(c)
}

/// A JSON Pointer (`/data/id`) as a dotted path (`data.id`), unescaping
/// `~1` and `~0`. The empty pointer (the whole document) writes nothing.
pub fn path_from_pointer(out: &mut Vec<u8>, pointer: &str) {
    let mut first = true;
    for segment in pointer.split('/').skip(1) {
        if !first {
            out.push(b'.');
        }
        first = false;
        let mut rest = segment;
        while let Some(i) = rest.find('~') {
            escape_into(out, &rest[..i]);
            match rest.as_bytes().get(i + 1) {
                Some(b'1') => out.push(b'/'),
                Some(b'0') => out.push(b'~'),
                _ => {
                    out.push(b'~');
                    rest = &rest[i + 1..];
                    continue;
                }
            }
            rest = &rest[i + 2..];
        }
        escape_into(out, rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_like_serde_json() {
        for s in [
            "plain",
            "quo\"te",
            "back\\slash",
            "nl\nt\tcr\r",
            "\u{1}\u{1f}\u{7f}",
            "é 😀",
            "\u{8}\u{c}",
        ] {
            assert_eq!(
                run(|o| string(o, s)),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers() {
        for n in [0u16, 7, 42, 422, 65535] {
            assert_eq!(run(|o| number(o, n)), n.to_string());
        }
    }

    #[test]
    fn pointers_escape_per_rfc_6901() {
        assert_eq!(
            run(|o| pointer_from_path(o, "items.0.sku", false)),
            "/items/0/sku"
        );
        assert_eq!(
            run(|o| pointer_from_path(o, "a/b.c~d", false)),
            "/a~1b/c~0d"
        );
        assert_eq!(
            run(|o| pointer_from_path(o, "first name", true)),
            "/first%20name"
        );
        assert_eq!(run(|o| pointer_from_path(o, "name", false)), "/name");
        assert_eq!(run(|o| pointer_as_fragment(o, "/a b/c~1d")), "/a%20b/c~1d");
    }

    #[test]
    fn pointers_back_to_paths() {
        assert_eq!(run(|o| path_from_pointer(o, "/data/id")), "data.id");
        assert_eq!(run(|o| path_from_pointer(o, "/a~1b/c~0d/0")), "a/b.c~d.0");
        assert_eq!(run(|o| path_from_pointer(o, "")), "");
    }
}
