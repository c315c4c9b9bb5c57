//! Language tags' one fallback rule, for negotiation (`Accept-Language`
//! against the app's locales) and for catalog lookup (a locale against the
//! catalogs that have a message) alike.

/// The first of `tag` and its less specific forms that `has` (RFC 4647's
/// lookup, section 3.4): `de-CH-1996` -> `de-CH` -> `de`, each subtag cut
/// from the end, a singleton (the `x` of `de-x-ch`) cut with the subtag it
/// introduces. `has` compares as it needs (tags are case-insensitive).
/// Linear in the tag's length.
pub(crate) fn lookup(tag: &str, mut has: impl FnMut(&str) -> bool) -> Option<&str> {
    let mut candidate = tag;
    loop {
        if !candidate.is_empty() && has(candidate) {
            return Some(candidate);
        }
        let cut = candidate.rfind('-')?;
        candidate = &candidate[..cut];
        // A singleton goes with what it introduces.
        if candidate.len() >= 2 && candidate.as_bytes()[candidate.len() - 2] == b'-' {
            candidate = &candidate[..candidate.len() - 2];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lookup;

    #[test]
    fn subtags_are_cut_from_the_end_and_a_singleton_with_its_subtag() {
        let has = |available: &'static [&'static str]| {
            move |t: &str| available.iter().any(|a| a.eq_ignore_ascii_case(t))
        };
        assert_eq!(lookup("de-CH-1996", has(&["de"])), Some("de"));
        assert_eq!(lookup("de-ch", has(&["de-CH", "de"])), Some("de-ch"));
        assert_eq!(lookup("de-x-ch", has(&["de-x", "de"])), Some("de"));
        assert_eq!(lookup("fr", has(&["de"])), None);
        assert_eq!(lookup("-de", has(&["de"])), None);
        let long = "de-".repeat(10_000);
        assert_eq!(lookup(&long, has(&["de"])), Some("de"));
    }
}
