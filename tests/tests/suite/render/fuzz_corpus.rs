//! Replays the render fuzz target's checked-in corpus (`fuzz/corpus/render`)
//! through the target's own checks, so every CI run exercises them on
//! stable: bodies are JSON in every envelope, no body shows a 5xx's source,
//! no header holds a line break, `Display` never panics.

#[path = "../../../../fuzz/src/render_case.rs"]
mod render_case;

use std::path::PathBuf;

#[test]
fn the_fuzz_corpus_renders_within_every_guarantee() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/render");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 50,
        "the corpus shrank to {} inputs",
        files.len()
    );
    for file in &files {
        let data = std::fs::read(file).unwrap();
        render_case::check(&data);
    }
}
