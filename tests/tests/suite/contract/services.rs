//! The example services keep their error contract: each service's document
//! lists its error types, and its lock file (committed beside the example)
//! says what clients rely on, the layer's own answers included.

use errcodes::contract::Contract;
use utoipa::OpenApi as _;

#[test]
fn the_axum_service_keeps_its_contract() {
    let contract = Contract::of_document(&crate::examples::axum_service::ApiDoc::openapi());
    let codes: Vec<&str> = contract.clauses().map(|c| c.code.as_str()).collect();
    for code in [
        "order_not_found",
        "validation_failed",
        "not_found",
        "malformed_json",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    contract.check("../examples/axum_service.errors.lock");
}

#[test]
fn the_actix_service_keeps_its_contract() {
    let contract = Contract::of_document(&crate::examples::actix_service::ApiDoc::openapi());
    contract.check("../examples/actix_service.errors.lock");
}
