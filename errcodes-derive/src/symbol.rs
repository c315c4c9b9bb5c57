//! Every `#[api(...)]` key spelled once, with the places it may stand, plus
//! the "did you mean" search over them.

/// Where an `#[api(...)]` attribute stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    /// On the enum or struct itself.
    Type,
    /// On an enum variant (a struct counts as both `Type` and `Variant`).
    Variant,
    /// On a field.
    Field,
}

pub const ENVELOPE: &str = "envelope";
pub const TYPE_BASE: &str = "type_base";
pub const DOMAIN: &str = "domain";
pub const FIXED_ENVELOPE: &str = "fixed_envelope";
pub const POINTER_PREFIX: &str = "pointer_prefix";
pub const PROBLEM_STYLE: &str = "problem_style";
pub const NO_CODE: &str = "no_code";
pub const LOCALES: &str = "locales";
pub const FALLBACK_LOCALE: &str = "fallback_locale";
pub const PARTIAL_LOCALES: &str = "partial_locales";
pub const STATUS: &str = "status";
pub const CODE: &str = "code";
pub const TITLE: &str = "title";
pub const DETAIL: &str = "detail";
pub const INSTANCE: &str = "instance";
pub const ATTR: &str = "attr";
pub const POINTER: &str = "pointer";
pub const PARAMETER: &str = "parameter";
pub const HEADER: &str = "header";
pub const KIND: &str = "kind";
pub const LOG: &str = "log";
pub const TRANSPARENT: &str = "transparent";
pub const META: &str = "meta";
pub const SOURCE: &str = "source";
pub const FROM: &str = "from";
pub const PUBLIC: &str = "public";
pub const RETRYABLE: &str = "retryable";
pub const OPEN_CODES: &str = "open_codes";
pub const EXAMPLE: &str = "example";
pub const THROTTLED: &str = "throttled";
pub const RPC_CODE: &str = "rpc_code";

/// Every key and the places it is accepted.
pub const KEYS: &[(&str, &[Place])] = &[
    (ENVELOPE, &[Place::Type]),
    (TYPE_BASE, &[Place::Type]),
    (DOMAIN, &[Place::Type]),
    (FIXED_ENVELOPE, &[Place::Type]),
    (POINTER_PREFIX, &[Place::Type]),
    (PROBLEM_STYLE, &[Place::Type]),
    (LOCALES, &[Place::Type]),
    (FALLBACK_LOCALE, &[Place::Type]),
    (PARTIAL_LOCALES, &[Place::Type]),
    (NO_CODE, &[Place::Type, Place::Variant]),
    (STATUS, &[Place::Type, Place::Variant]),
    (CODE, &[Place::Variant]),
    (TITLE, &[Place::Variant]),
    (DETAIL, &[Place::Variant]),
    (INSTANCE, &[Place::Variant]),
    (ATTR, &[Place::Variant, Place::Field]),
    (POINTER, &[Place::Variant]),
    (PARAMETER, &[Place::Variant]),
    (HEADER, &[Place::Variant, Place::Field]),
    (KIND, &[Place::Variant]),
    (LOG, &[Place::Variant]),
    (TRANSPARENT, &[Place::Variant]),
    (META, &[Place::Field]),
    (SOURCE, &[Place::Field]),
    (FROM, &[Place::Field]),
    (PUBLIC, &[Place::Field]),
    (RETRYABLE, &[Place::Type, Place::Variant]),
    (OPEN_CODES, &[Place::Type]),
    (EXAMPLE, &[Place::Field]),
    (THROTTLED, &[Place::Type, Place::Variant]),
    (RPC_CODE, &[Place::Type, Place::Variant]),
];

/// The places where `key` is accepted, or `None` for an unknown key.
pub fn places_of(key: &str) -> Option<&'static [Place]> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, p)| *p)
}

/// The known key closest to `unknown`, if one is close enough to be a typo.
/// Keys valid at `place` are preferred over keys valid elsewhere.
pub fn suggest(unknown: &str, places: &[Place]) -> Option<&'static str> {
    let here = KEYS
        .iter()
        .filter(|(_, p)| p.iter().any(|x| places.contains(x)))
        .map(|(k, _)| *k);
    closest(unknown, here).or_else(|| closest(unknown, KEYS.iter().map(|(k, _)| *k)))
}

/// The candidate closest to `word` by edit distance, when the distance is
/// small for the word's length (a typo, not a different word).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = match word.chars().count() {
        0..=3 => 1,
        4..=6 => 2,
        _ => 3,
    };
    candidates
        .into_iter()
        .map(|c| {
            (
                edit_distance(&word.to_ascii_lowercase(), &c.to_ascii_lowercase()),
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, with an adjacent swap counting as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos() {
        assert_eq!(suggest("stauts", &[Place::Variant]), Some("status"));
        assert_eq!(suggest("detial", &[Place::Variant]), Some("detail"));
        assert_eq!(suggest("metta", &[Place::Field]), Some("meta"));
        assert_eq!(suggest("envelop", &[Place::Type]), Some("envelope"));
        assert_eq!(suggest("frobnicate", &[Place::Variant]), None);
    }

    #[test]
    fn every_key_has_a_place() {
        for (key, places) in KEYS {
            assert!(!places.is_empty(), "{key}");
            assert_eq!(places_of(key), Some(*places));
        }
        assert_eq!(places_of("nope"), None);
    }
}
