//! The tour's error catalog, as a Markdown table and as JSON, and the page
//! its first code's `type` URI can resolve to:
//! `cargo run --example catalog`.

#[path = "tour.rs"]
#[allow(dead_code)]
mod tour;

use errcodes::{Catalog, catalog};

fn main() {
    let entries = tour::SignupError::CATALOG;
    print!("{}", catalog::to_markdown(entries));
    println!();
    println!("{}", catalog::to_json(entries));
    println!();
    if let Some(page) = entries.iter().find_map(catalog::page) {
        print!("{page}");
    }
}
