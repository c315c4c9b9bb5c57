//! The README shows the tour's output; this keeps the two identical, so the
//! documented bytes are the bytes users get.

#[path = "../../examples/tour.rs"]
mod tour;

#[test]
fn readme_shows_the_tour_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let output = tour::tour();
    let mut sections = output.split("## ").filter(|s| !s.is_empty());
    let mut checked = 0;
    for envelope in errcodes::Envelope::ALL {
        let section = sections.next().unwrap();
        let (name, body) = section.split_once('\n').unwrap();
        assert_eq!(name, envelope.name());
        let marker = format!("<!-- tour:{name} -->\n```text\n");
        let start = readme
            .find(&marker)
            .unwrap_or_else(|| panic!("README lacks {marker:?}"))
            + marker.len();
        let end = start + readme[start..].find("```").unwrap();
        assert_eq!(
            &readme[start..end],
            body,
            "README section for {name} differs from the tour"
        );
        checked += 1;
    }
    assert_eq!(checked, 5);
}
