//! The README shows the tour's output; this keeps the two identical, so the
//! documented bytes are the bytes users get.

#[path = "../../examples/tour.rs"]
mod tour;

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

#[test]
fn readme_shows_real_diagnostics() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let mut shown = 0;
    for part in readme.split("<!-- diagnostic:").skip(1) {
        let (case, rest) = part.split_once(" -->\n```text\n").unwrap();
        let block = &rest[..rest.find("```").unwrap()];
        let path = format!("{}/tests/ui/{case}.stderr", env!("CARGO_MANIFEST_DIR"));
        let stderr = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            block, stderr,
            "README shows a diagnostic that differs from {case}.stderr"
        );
        shown += 1;
    }
    assert_eq!(shown, 2);
}
