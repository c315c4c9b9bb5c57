//! The strict schemas of `tests/schemas/` themselves: each accepts its
//! specification's own examples (envelopes.md J1-J3, P1-P3, L1-L4, D1-D3,
//! S1-S3, AIP-193's example) and rejects documents that break its rules, so
//! a passing check against them means something.

use crate::support;

use errcodes::Envelope;
use serde_json::json;
use support::{assert_conforms, assert_rejects};

fn accepts(envelope: Envelope, doc: &serde_json::Value) {
    assert_conforms(envelope, doc.to_string().as_bytes());
}

#[test]
fn jsonapi() {
    let e = Envelope::JsonApi;
    accepts(
        e,
        &json!({"jsonapi": {"version": "1.1"}, "errors": [
        {"status": "422", "code": "invalid_email", "title": "Invalid attribute",
         "detail": "\"bob@\" is not a valid e-mail address.", "source": {"pointer": "/data/attributes/email"}},
        {"status": "422", "code": "required", "title": "Missing attribute", "detail": "Each item needs a SKU.",
         "source": {"pointer": "/data/attributes/items/0"}, "meta": {"field": "items.0.sku"}}]}),
    );
    accepts(
        e,
        &json!({"errors": [{"status": "404", "code": "order_not_found", "title": "Order not found",
        "detail": "No order with id 42 exists.", "links": {"about": "https://errors.example.com/order_not_found"}}]}),
    );
    accepts(
        e,
        &json!({"errors": [{"status": "500", "code": "internal", "title": "Internal Server Error",
        "detail": "The server hit an unexpected condition."}]}),
    );
    assert_rejects(e, &json!({"errors": [{"status": 422}]}));
    assert_rejects(e, &json!({"errors": [{"status": "422", "field": "email"}]}));
    assert_rejects(e, &json!({"errors": [{}]}));
    assert_rejects(e, &json!({"errors": []}));
    assert_rejects(e, &json!({"data": null, "errors": [{"status": "422"}]}));
    assert_rejects(e, &json!({"errors": [{"source": {"pointer": "/a~2"}}]}));
    assert_rejects(
        e,
        &json!({"errors": [{"source": {"pointer": "/a", "parameter": "b"}}]}),
    );
    assert_rejects(e, &json!({"errors": [{"links": {"type": "not a uri"}}]}));
}

#[test]
fn problem() {
    let e = Envelope::Problem;
    accepts(
        e,
        &json!({"type": "https://errors.example.com/validation", "title": "Request validation failed",
        "status": 422, "detail": "2 fields failed validation.", "code": "validation_failed", "errors": [
        {"code": "invalid_email", "detail": "\"bob@\" is not a valid e-mail address.", "pointer": "#/email"},
        {"code": "required", "detail": "Each item needs a SKU.", "pointer": "#/items/0/sku"}]}),
    );
    accepts(
        e,
        &json!({"type": "about:blank", "title": "Not Found", "status": 404,
        "detail": "No order with id 42 exists.", "instance": "/orders/42"}),
    );
    accepts(
        e,
        &json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
        "detail": "The server hit an unexpected condition."}),
    );
    assert_rejects(
        e,
        &json!({"type": "about:blank", "title": "Not Found", "status": "404", "detail": "x"}),
    );
    assert_rejects(
        e,
        &json!({"title": "Not Found", "status": 404, "detail": "x"}),
    );
    assert_rejects(
        e,
        &json!({"type": "about:blank", "title": "t", "status": 404, "detail": "x", "instance": "/a b"}),
    );
    assert_rejects(
        e,
        &json!({"type": "about:blank", "title": "t", "status": 422, "detail": "x",
        "errors": [{"detail": "d", "pointer": "/no-hash"}]}),
    );
    assert_rejects(
        e,
        &json!({"type": "about:blank", "title": "t", "status": 422, "detail": "x",
        "errors": [{"detail": "d", "title": "extra"}]}),
    );
}

#[test]
fn laravel() {
    let e = Envelope::Laravel;
    accepts(
        e,
        &json!({"message": "The email field must be a valid email address. (and 2 more errors)",
        "errors": {"email": ["The email field must be a valid email address."],
                   "items.0.sku": ["The items.0.sku field is required.", "The items.0.sku field must be a string."]}}),
    );
    accepts(
        e,
        &json!({"message": "The given data was invalid.", "errors": {"name": ["The name field is required."]}}),
    );
    accepts(e, &json!({"message": "Server Error"}));
    accepts(e, &json!({"message": "Order 42 was not found."}));
    assert_rejects(e, &json!({"message": "x", "errors": {"email": []}}));
    assert_rejects(
        e,
        &json!({"message": "x", "errors": {"email": "not a list"}}),
    );
    assert_rejects(e, &json!({"message": "x", "status": 422}));
    assert_rejects(e, &json!({"errors": {"email": ["x"]}}));
}

#[test]
fn drf() {
    let e = Envelope::Drf;
    accepts(
        e,
        &json!({"type": "validation_error", "errors": [
        {"code": "invalid", "detail": "Enter a valid email address.", "attr": "email"},
        {"code": "required", "detail": "This field is required.", "attr": "items.0.sku"},
        {"code": "invalid", "detail": "Delivery date must be after order date.", "attr": "non_field_errors"}]}),
    );
    accepts(
        e,
        &json!({"type": "client_error", "errors": [{"code": "not_found", "detail": "Not found.", "attr": null}]}),
    );
    accepts(
        e,
        &json!({"type": "server_error", "errors": [{"code": "error", "detail": "A server error occurred.", "attr": null}]}),
    );
    assert_rejects(
        e,
        &json!({"type": "parser", "errors": [{"code": "x", "detail": "d", "attr": null}]}),
    );
    assert_rejects(
        e,
        &json!({"type": "client_error", "errors": [{"code": "x", "detail": "d"}]}),
    );
    assert_rejects(
        e,
        &json!({"type": "client_error", "errors": [
        {"code": "x", "detail": "d", "attr": null}, {"code": "y", "detail": "e", "attr": null}]}),
    );
}

#[test]
fn shipstream() {
    let e = Envelope::ShipStream;
    accepts(
        e,
        &json!({"errors": [{"type": "parameters", "message": "One or more query parameters are invalid.",
        "details": [{"key": "limit", "message": "Must be between 1 and 100."}]}]}),
    );
    accepts(
        e,
        &json!({"errors": [{"type": "application", "message": "The order could not be created.",
        "details": [{"key": "shipping_address.zip", "message": "Postal code is not valid for US."},
                    {"key": "items.0.sku", "message": "SKU is required."}]}]}),
    );
    accepts(
        e,
        &json!({"errors": [{"type": "application", "message": "Order 42 was not found."}]}),
    );
    assert_rejects(e, &json!({"errors": [{"type": "application"}]}));
    assert_rejects(
        e,
        &json!({"errors": [{"type": "validation_error", "message": "m"}]}),
    );
    assert_rejects(
        e,
        &json!({"errors": [{"type": "application", "message": "m", "details": [{"key": "k"}]}]}),
    );
}

#[test]
fn aip193() {
    let e = Envelope::Aip193;
    let example = json!({"error": {"code": 429,
        "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RESOURCE_AVAILABILITY", "domain": "compute.googleapis.com",
            "metadata": {"zone": "us-east1-a", "vmType": "e2-medium", "attachment": "local-ssd=3,nvidia-t4=2",
                         "zonesWithCapacity": "us-central1-f,us-central1-c"}}]}});
    accepts(e, &example);
    let info = json!({"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "REQUIRED"});
    let bad_request = json!({"@type": "type.googleapis.com/google.rpc.BadRequest",
        "fieldViolations": [{"field": "emailAddresses[1].email", "description": "Not an e-mail address."}]});
    let status = |details: serde_json::Value| json!({"error": {"code": 400, "message": "m", "status": "INVALID_ARGUMENT", "details": details}});
    accepts(e, &status(json!([info, bad_request])));
    assert_rejects(e, &status(json!([bad_request, info])));
    assert_rejects(e, &status(json!([info, bad_request, bad_request])));
    assert_rejects(e, &status(json!([])));
    assert_rejects(
        e,
        &status(
            json!([{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "required"}]),
        ),
    );
    assert_rejects(
        e,
        &status(
            json!([{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "OK_",
        "metadata": {"n": 1}}]),
        ),
    );
    assert_rejects(
        e,
        &json!({"error": {"code": 400, "message": "m", "status": "BAD", "details": [info]}}),
    );
}
