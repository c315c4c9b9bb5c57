//! Replays the derive fuzz target's checked-in corpus (`fuzz/corpus/derive`)
//! through the derive, so every CI run exercises the target's checks on
//! stable: no input makes the derive panic or emit anything but items.

use std::path::PathBuf;

#[test]
fn the_fuzz_corpus_expands_without_panicking() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/derive");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 100,
        "the corpus shrank to {} inputs",
        files.len()
    );
    let mut derive_inputs = 0;
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let parses = String::from_utf8_lossy(&data)
            .parse::<proc_macro2::TokenStream>()
            .ok()
            .is_some_and(|tokens| syn::parse2::<syn::DeriveInput>(tokens).is_ok());
        derive_inputs += usize::from(parses);
        crate::derive_case::check(&data, crate::expand::derive);
    }
    // Most inputs reach the derive itself rather than stopping at parsing.
    assert!(
        derive_inputs * 10 >= files.len() * 8,
        "{derive_inputs} of {} inputs are derive inputs",
        files.len()
    );
}
