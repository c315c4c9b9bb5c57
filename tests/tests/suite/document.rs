//! OpenAPI documents (per type, per app, against the wire) and the README's
//! shown output.

mod open_codes;
mod openapi;
mod openapi_wire;
mod per_operation;
mod readme;
mod size;
