//! How errcodes spells one name in another case: a code as an AIP-193
//! `UPPER_SNAKE_CASE` reason, a meta member's name as a lowerCamelCase
//! metadata key (the AIP-193 writer spells with these, and a client reading
//! AIP-193 back matches with the very same functions), and a reason phrase
//! as a snake_case code.

/// `order_not_found`, `orderNotFound` or `order-not-found` ->
/// `ORDER_NOT_FOUND`: letters and digits upper-cased, word breaks as `_`,
/// starting with a letter and at most 63 characters, as AIP-193 requires of
/// a reason. Writes nothing when no letter is found; callers drop a result
/// shorter than the three characters the pattern needs.
pub(crate) fn upper_snake(out: &mut Vec<u8>, code: &str) {
    let start = out.len();
    let mut prev: Option<char> = None;
    for c in code.chars() {
        if c.is_ascii_alphanumeric() {
            let started = out.len() > start;
            if !started && !c.is_ascii_alphabetic() {
                continue; // a reason starts with a letter
            }
            let hump = c.is_ascii_uppercase()
                && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
            if started && (hump || prev.is_some_and(|p| !p.is_ascii_alphanumeric())) {
                out.push(b'_');
            }
            // ASCII by the check above.
            out.push(c.to_ascii_uppercase() as u8);
        }
        prev = Some(c);
    }
    out.truncate(start + (out.len() - start).min(63));
    while out.len() > start && out.last() == Some(&b'_') {
        out.pop();
    }
}

/// A metadata key as AIP-193 wants it, `[a-z][a-zA-Z0-9-_]*` in
/// lowerCamelCase and at most 64 characters: `retry_after` -> `retryAfter`,
/// `Retry-After` -> `retry-After`; other characters break words like `_`.
/// Writes nothing for a name with no letter.
pub(crate) fn metadata_key(out: &mut Vec<u8>, name: &str) {
    let start = out.len();
    let mut upper_next = false;
    for c in name.chars() {
        let started = out.len() > start;
        if c.is_ascii_alphanumeric() || c == '-' {
            if !started && !c.is_ascii_alphabetic() {
                continue; // a key starts with a letter
            }
            let c = if !started {
                c.to_ascii_lowercase()
            } else if upper_next {
                c.to_ascii_uppercase()
            } else {
                c
            };
            upper_next = false;
            // ASCII by the check above.
            out.push(c as u8);
        } else {
            upper_next = started;
        }
    }
    out.truncate(start + (out.len() - start).min(64));
}

/// A reason phrase as a snake_case code: `Bad Gateway` is `bad_gateway`,
/// `Non-Authoritative Information` is `non_authoritative_information`;
/// characters other than letters, digits, spaces and `-` are left out.
#[cfg_attr(
    not(any(feature = "axum", feature = "actix-web", feature = "utoipa")),
    allow(dead_code)
)]
pub(crate) fn snake_words(phrase: &str) -> String {
    phrase
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('_'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::written;

    #[test]
    fn reasons_are_upper_snake_case() {
        assert_eq!(
            written(|o| upper_snake(o, "order_not_found")),
            "ORDER_NOT_FOUND"
        );
        assert_eq!(
            written(|o| upper_snake(o, "orderNotFound")),
            "ORDER_NOT_FOUND"
        );
        assert_eq!(
            written(|o| upper_snake(o, "order-not.found")),
            "ORDER_NOT_FOUND"
        );
        assert_eq!(written(|o| upper_snake(o, "2fa_required")), "FA_REQUIRED");
        assert_eq!(written(|o| upper_snake(o, "x__")), "X");
        assert_eq!(written(|o| upper_snake(o, "__")), "");
        assert_eq!(written(|o| upper_snake(o, &"a".repeat(100))).len(), 63);
    }

    #[test]
    fn metadata_keys_are_lower_camel_case() {
        assert_eq!(written(|o| metadata_key(o, "retry_after")), "retryAfter");
        assert_eq!(written(|o| metadata_key(o, "Retry-After")), "retry-After");
        assert_eq!(written(|o| metadata_key(o, "2fa.code")), "faCode");
        assert_eq!(written(|o| metadata_key(o, "é")), "");
        assert_eq!(written(|o| metadata_key(o, &"k".repeat(80))).len(), 64);
    }

    #[test]
    fn reason_phrases_as_codes() {
        assert_eq!(snake_words("Bad Gateway"), "bad_gateway");
        assert_eq!(
            snake_words("Non-Authoritative Information"),
            "non_authoritative_information"
        );
        assert_eq!(snake_words("I'm a teapot"), "im_a_teapot");
    }
}
