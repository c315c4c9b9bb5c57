//! The axum layer and the actix middleware: negotiation, request context, the
//! frameworks' own failures, logging, both example services end to end, and
//! answers made anywhere under the layer.

mod actix;
mod actix_e2e;
mod answer_anywhere;
mod answer_context;
mod axum;
mod axum_e2e;
mod axum_layer;
mod context;
mod grpc;
