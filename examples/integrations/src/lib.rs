//! The actix-web and OpenAPI examples of errcodes live beside this crate's
//! parent folder: `cargo run --example actix_service`, `cargo run --example
//! openapi`. They have a package of their own so that the tour builds
//! neither actix-web nor utoipa.
