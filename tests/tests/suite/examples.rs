//! The examples users run, and the golden tests' error enum, each compiled
//! once for every topic that exercises it.
#![allow(dead_code)]

#[path = "../../../examples/tour.rs"]
pub mod tour;

#[path = "../../../examples/custom_envelope.rs"]
pub mod custom_envelope;

#[cfg(feature = "axum")]
#[path = "../../../examples/axum_service.rs"]
pub mod axum_service;

#[cfg(feature = "tonic")]
#[path = "../../../examples/grpc_service.rs"]
pub mod grpc_service;

#[cfg(feature = "actix-web")]
#[path = "../../../examples/actix_service.rs"]
pub mod actix_service;

#[cfg(feature = "utoipa")]
#[path = "../../../examples/openapi.rs"]
pub mod openapi;

#[path = "../support/orders.rs"]
pub mod orders;
