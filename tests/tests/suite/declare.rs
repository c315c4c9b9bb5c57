//! What `#[derive(ApiError)]` accepts and generates: statuses, codes, titles,
//! details, `From`, `Display`, thiserror beside it, quiet generated code, the
//! rules shared with the runtime, the catalog.

mod catalog;
mod derive;
mod display;
mod from;
mod lints;
mod rules;
mod thiserror;
