//! The README shows the tour's output; this keeps the two identical, so the
//! documented bytes are the bytes users get.

use errcodes::ApiErrorExt as _;

use crate::examples::tour;

/// Checks that each envelope's section of `output` stands in the README
/// after the marker `<!-- {prefix}:{envelope} -->`.
fn check(prefix: &str, output: &str) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let mut sections = output.split("## ").filter(|s| !s.is_empty());
    for envelope in errcodes::Envelope::ALL {
        let section = sections.next().unwrap();
        let (name, body) = section.split_once('\n').unwrap();
        assert_eq!(name, envelope.name());
        let marker = format!("<!-- {prefix}:{name} -->\n```text\n");
        let start = readme
            .find(&marker)
            .unwrap_or_else(|| panic!("README lacks {marker:?}"))
            + marker.len();
        let end = start + readme[start..].find("```").unwrap();
        assert_eq!(
            &readme[start..end],
            body,
            "README section {prefix}:{name} differs from the tour"
        );
    }
    assert!(sections.next().is_none());
}

#[test]
fn readme_shows_the_tour_output() {
    check("tour", &tour::tour());
}

#[test]
fn readme_shows_the_validation_output() {
    check("validation", &tour::validation_tour());
}

/// The README's localization section shows the tour's languages, byte for
/// byte.
#[cfg(feature = "fluent")]
#[test]
fn readme_shows_the_languages_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let marker = "<!-- tour:languages -->\n```text\n";
    let start = readme.find(marker).expect("README lacks the languages") + marker.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    assert_eq!(shown, tour::languages_tour());
}

use crate::examples::custom_envelope;

#[test]
fn readme_shows_the_custom_envelope_output() {
    use custom_envelope::PaymentError;

    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let marker = "<!-- custom:output -->\n```text\n";
    let start = readme
        .find(marker)
        .expect("README lacks the custom envelope")
        + marker.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let ledger = PaymentError::Ledger(std::io::Error::other("ledger-3 timed out"));
    let mut expected = String::new();
    for err in [
        PaymentError::CardDeclined,
        PaymentError::AmountMissing,
        ledger,
    ] {
        let response = err.to_response();
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = String::from_utf8_lossy(response.body());
        expected += &format!("HTTP {}  {body}\n", response.status().as_u16());
    }
    assert_eq!(shown, expected);
    // The 5xx answers in the envelope's shape without its source's text.
    assert!(!shown.contains("ledger-3"));
}

#[test]
fn readme_shows_real_diagnostics() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let mut shown = 0;
    for part in readme.split("<!-- diagnostic:").skip(1) {
        let (case, rest) = part.split_once(" -->\n```text\n").unwrap();
        let block = &rest[..rest.find("```").unwrap()];
        let path = format!(
            "{}/diagnostics/tests/ui/{case}.stderr",
            env!("CARGO_MANIFEST_DIR")
        );
        let stderr = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            block, stderr,
            "README shows a diagnostic that differs from {case}.stderr"
        );
        shown += 1;
    }
    assert_eq!(shown, 2);
}
