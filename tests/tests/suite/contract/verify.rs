//! Contract tests users get for free: one call renders every variant in
//! every envelope, holds each body to the type's own document with a JSON
//! Schema validator nobody here wrote (jsonschema), and decodes it back.
#![cfg(all(feature = "utoipa", feature = "client"))]

use errcodes::ApiError;
use errcodes::contract::verify;
use serde_json::Value;

#[derive(Debug, PartialEq, ApiError)]
#[api(
    type_base = "https://errors.example.com/",
    domain = "orders.example.com"
)]
enum OrderError {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {id} exists."
    )]
    NotFound {
        #[api(example = 42)]
        id: u64,
    },
    #[api(
        status = 409,
        code = "version_conflict",
        detail = "Order {order} changed."
    )]
    Conflict {
        #[api(example = 7)]
        order: u64,
        #[api(meta, example = 3)]
        current_version: u32,
    },
    #[api(
        status = 422,
        code = "invalid_member",
        detail = "This value is not valid."
    )]
    Invalid {
        #[api(attr, example = "items.0.sku")]
        member: String,
    },
    #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
    Throttled {
        // Seconds in a plain integer: sent as `Retry-After` (and as
        // AIP-193's `RetryInfo`), read back from there.
        #[api(header = "Retry-After", example = 30)]
        wait: u64,
    },
    #[api(status = 503)]
    Unavailable,
}

fn jsonschema_check(schema: &Value, body: &Value) -> Result<(), String> {
    let validator = jsonschema::draft202012::new(schema).map_err(|e| e.to_string())?;
    let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[test]
fn every_variant_in_every_envelope_matches_its_document_and_decodes_back() {
    let verified = verify::<OrderError>(jsonschema_check).unwrap_or_else(|e| panic!("{e}"));
    // Five variants, seven envelopes.
    assert_eq!(verified.checked.len(), 35, "{:#?}", verified.checked);
    assert!(
        verified.checked.contains(
            &"Conflict in jsonapi: matches the document, decodes back to the same answer"
                .to_owned()
        ),
        "{:#?}",
        verified.checked
    );
}

#[test]
fn a_body_the_document_refuses_fails_the_check_and_says_where() {
    // A validator standing for a document that admits no 409.
    let refuse_409 = |_: &Value, body: &Value| {
        if body.to_string().contains("409") {
            Err("409 is not documented".to_owned())
        } else {
            Ok(())
        }
    };
    let failures = verify::<OrderError>(refuse_409).unwrap_err();
    assert!(
        failures.contains(
            "Conflict in problem: the body does not match the document: 409 is not documented"
        ),
        "{failures}"
    );
}
