//! The error contract holds across releases: a committed lock of what
//! clients rely on, checked with rules that say what breaks them.

mod rules;
#[cfg(all(feature = "axum", feature = "actix-web"))]
mod services;
mod verify;
