//! A minimal JSON writer for error formats: exactly the members a format
//! chooses, in its order, straight into a byte buffer, with no intermediate
//! values. It knows nothing about errors.
//!
//! The built-in envelopes write every body with these functions, and a
//! [`Format`](crate::Format) of your own may use them too:
//!
//! ```
//! use errcodes::json;
//!
//! let mut out = Vec::new();
//! out.extend_from_slice(b"{\"message\":");
//! json::string(&mut out, "Say \"hi\"\n");
//! out.extend_from_slice(b",\"retries\":");
//! json::unsigned(&mut out, 3);
//! out.push(b'}');
//! assert_eq!(out, br#"{"message":"Say \"hi\"\n","retries":3}"#);
//! ```

use core::fmt::{self, Write as _};

/// Appends `s` as a JSON string, quotes included.
///
/// ```
/// let mut out = Vec::new();
/// errcodes::json::string(&mut out, "tab\there");
/// assert_eq!(out, br#""tab\there""#);
/// ```
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into(out, s);
    out.push(b'"');
}

/// Appends `"key":`.
///
/// ```
/// let mut out = Vec::new();
/// errcodes::json::key(&mut out, "code");
/// assert_eq!(out, br#""code":"#);
/// ```
pub fn key(out: &mut Vec<u8>, key: &str) {
    string(out, key);
    out.push(b':');
}

/// Appends a [`Display`](fmt::Display) value as a JSON string, with no
/// `String` in between. A `Display` impl that fails part-way keeps what it
/// wrote: the string is still closed, so the document stays valid.
///
/// ```
/// let mut out = Vec::new();
/// errcodes::json::display(&mut out, &format_args!("order {} of {}", 2, 5));
/// assert_eq!(out, br#""order 2 of 5""#);
/// ```
pub fn display(out: &mut Vec<u8>, value: &dyn fmt::Display) {
    out.push(b'"');
    let _ = write!(Escaper(out), "{value}");
    out.push(b'"');
}

/// Appends the decimal digits of `n`.
///
/// ```
/// let mut out = Vec::new();
/// errcodes::json::unsigned(&mut out, 422);
/// assert_eq!(out, b"422");
/// ```
pub fn unsigned(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
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
    // Markup characters, so a body sniffed as HTML (or pasted into a page)
    // cannot open a tag: `\u003c`, `\u003e`.
    table[b'<' as usize] = b'u';
    table[b'>' as usize] = b'u';
    table
};

/// Appends `s` with JSON string escaping, without quotes: for text that
/// continues a string opened by the caller. Besides what JSON requires,
/// `<` and `>` are escaped (`\u003c`, `\u003e`), so no body can carry
/// markup into a page that shows it.
///
/// ```
/// let mut out = b"\"".to_vec();
/// errcodes::json::escape_into(&mut out, "a\"b");
/// errcodes::json::escape_into(&mut out, " and c");
/// out.push(b'"');
/// assert_eq!(out, br#""a\"b and c""#);
/// ```
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

/// Escapes `<` and `>` in the JSON written into `out` from `start` on (by
/// serde, which writes them as they are): they can stand only inside
/// strings, so `\u003c` and `\u003e` mean the same to every reader.
pub(crate) fn escape_markup_from(out: &mut Vec<u8>, start: usize) {
    if !out[start..].iter().any(|b| matches!(b, b'<' | b'>')) {
        return;
    }
    let written = out.split_off(start);
    for b in written {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b => out.push(b),
        }
    }
}

/// A [`fmt::Write`] that escapes what it is given into the body of a JSON
/// string, so `Display` output goes into the buffer with no `String` in
/// between.
///
/// ```
/// use core::fmt::Write as _;
/// use errcodes::json::Escaper;
///
/// let mut out = b"\"".to_vec();
/// write!(Escaper(&mut out), "{} \"{}\"", 42, "quoted").unwrap();
/// out.push(b'"');
/// assert_eq!(out, br#""42 \"quoted\"""#);
/// ```
pub struct Escaper<'a>(pub &'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// What `write` appends to an empty buffer, as text: for the writers'
/// unit tests across the crate.
#[cfg(test)]
pub(crate) fn written(write: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    write(&mut out);
    String::from_utf8(out).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

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
                written(|o| string(o, s)),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers() {
        for n in [0usize, 7, 42, 422, 65535, usize::MAX] {
            assert_eq!(written(|o| unsigned(o, n)), n.to_string());
        }
    }

    #[test]
    fn a_failing_display_still_closes_the_string() {
        struct Fails;
        impl fmt::Display for Fails {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("part")?;
                Err(fmt::Error)
            }
        }
        assert_eq!(written(|o| display(o, &Fails)), "\"part\"");
    }
}
