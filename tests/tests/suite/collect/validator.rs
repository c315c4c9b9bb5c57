//! The `validator` integration: nested structs, lists, whole-struct errors,
//! codes and default messages.
#![cfg(feature = "validator")]

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope};
use serde_json::json;
use validator::{Validate, ValidationError};

#[derive(Validate)]
struct Address {
    #[validate(length(equal = 5))]
    zip: String,
}

#[derive(Validate)]
struct Item {
    #[validate(length(min = 1, max = 12))]
    sku: String,
    #[validate(range(min = 1, max = 99))]
    qty: u32,
}

fn dates_in_order(order: &Order) -> Result<(), ValidationError> {
    if order.delivery < order.ordered {
        return Err(ValidationError::new("date_order")
            .with_message("Delivery date must be after order date.".into()));
    }
    Ok(())
}

#[derive(Validate)]
#[validate(schema(function = "dates_in_order", skip_on_field_errors = false))]
struct Order {
    #[validate(email)]
    email: String,
    #[validate(url)]
    website: String,
    #[validate(nested)]
    shipping_address: Address,
    #[validate(nested)]
    items: Vec<Item>,
    ordered: u32,
    delivery: u32,
}

fn invalid_order() -> ApiErrors {
    let order = Order {
        email: "bob@".into(),
        website: "not a url".into(),
        shipping_address: Address { zip: "123".into() },
        items: vec![
            Item {
                sku: String::new(),
                qty: 1,
            },
            Item {
                sku: "A".into(),
                qty: 0,
            },
        ],
        ordered: 5,
        delivery: 3,
    };
    ApiErrors::from(order.validate().unwrap_err())
}

#[test]
fn nested_and_list_errors_become_paths() {
    let errors = invalid_order();
    assert_eq!(
        errors.to_json_value(Envelope::Drf),
        json!({"type": "validation_error", "errors": [
            {"code": "date_order", "detail": "Delivery date must be after order date.", "attr": "non_field_errors"},
            {"code": "email", "detail": "Enter a valid email address.", "attr": "email"},
            {"code": "length", "detail": "Ensure this field has between 1 and 12 characters.", "attr": "items.0.sku"},
            {"code": "range", "detail": "Ensure this value is between 1 and 99.", "attr": "items.1.qty"},
            {"code": "length", "detail": "Ensure this field has exactly 5 characters.", "attr": "shipping_address.zip"},
            {"code": "url", "detail": "Enter a valid URL.", "attr": "website"}]})
    );
    let jsonapi = errors.to_json_value(Envelope::JsonApi);
    let pointers: Vec<_> = jsonapi["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"]["pointer"].clone())
        .collect();
    assert_eq!(
        pointers,
        [
            json!(null),
            json!("/data/attributes/email"),
            json!("/data/attributes/items/0/sku"),
            json!("/data/attributes/items/1/qty"),
            json!("/data/attributes/shipping_address/zip"),
            json!("/data/attributes/website"),
        ]
    );
    assert_eq!(errors.status(), 422);
    assert_eq!(
        errors.to_json_value(Envelope::Laravel)["message"],
        "Delivery date must be after order date. (and 5 more errors)"
    );
}

#[test]
fn an_empty_report_is_still_an_error() {
    let errors = ApiErrors::from(validator::ValidationErrors::new());
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.to_json_value(Envelope::Drf)["errors"][0],
        json!({"code": "invalid", "detail": "Invalid input.", "attr": "non_field_errors"})
    );
}

#[test]
fn custom_messages_win_over_defaults() {
    #[derive(Validate)]
    struct Form {
        #[validate(length(min = 3, message = "Too short."))]
        name: String,
        #[validate(custom(function = "never"))]
        other: u8,
    }
    fn never(_: u8) -> Result<(), ValidationError> {
        Err(ValidationError::new("not_allowed"))
    }
    let errors = ApiErrors::from(
        Form {
            name: "a".into(),
            other: 1,
        }
        .validate()
        .unwrap_err(),
    );
    let drf = errors.to_json_value(Envelope::Drf);
    assert_eq!(
        drf["errors"][0],
        json!({"code": "length", "detail": "Too short.", "attr": "name"})
    );
    assert_eq!(
        drf["errors"][1],
        json!({"code": "not_allowed", "detail": "Invalid input.", "attr": "other"})
    );
}

/// A profile maps a rule by the bound that failed: `length.min` apart
/// from `length.max`, `range.min` from `range.max`; a rule without a
/// refined mapping falls back to the rule's own.
#[test]
fn codes_by_rule_and_by_the_bound_that_failed() {
    let profile = errcodes::Profile::new(Envelope::Drf)
        .code("length.min", "too_short")
        .code("length.max", "too_long")
        .code("range.min", "too_small")
        .code("range.max", "too_large")
        .code("length", "bad_length");
    #[derive(Validate)]
    struct Line {
        #[validate(nested)]
        item: Item,
        #[validate(nested)]
        address: Address,
    }
    let code_of = |sku: &str, qty: u32, zip: &str| {
        let report = Line {
            item: Item {
                sku: sku.into(),
                qty,
            },
            address: Address { zip: zip.into() },
        }
        .validate()
        .unwrap_err();
        let mut builder = ApiErrors::builder();
        builder.push_validation_errors_with(&report, &profile);
        let errors = builder.finish().unwrap_err();
        errors
            .iter()
            .map(|e| e.code().to_owned())
            .collect::<Vec<_>>()
    };
    // 36 characters where at most 12 are allowed: too long, not too short.
    assert_eq!(code_of(&"x".repeat(36), 5, "12345"), ["too_long"]);
    assert_eq!(code_of("", 5, "12345"), ["too_short"]);
    assert_eq!(code_of("sku", 0, "12345"), ["too_small"]);
    assert_eq!(code_of("sku", 100, "12345"), ["too_large"]);
    // `length(equal = 5)` has no refined mapping: the rule's own.
    assert_eq!(code_of("sku", 5, "123"), ["bad_length"]);
}

/// Inside a layer, a handler's validation speaks the layer's profile: no
/// profile in app state.
#[cfg(feature = "axum")]
#[tokio::test]
async fn a_handler_under_the_axum_layer_validates_with_its_profile() {
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn check() -> Result<String, ApiErrors> {
        let item = Item {
            sku: "x".repeat(36),
            qty: 5,
        };
        item.validate()?;
        Ok("valid".into())
    }
    // The same validation in a spawned task: the profile applies when the
    // layer answers, wherever the errors were made.
    async fn spawned() -> axum::response::Response {
        use axum::response::IntoResponse as _;
        tokio::spawn(async { check().await.into_response() })
            .await
            .unwrap()
    }
    let profile = errcodes::Profile::new(Envelope::Drf)
        .code("length.max", "too_long")
        .message("too_long", "Keep it short.");
    let app = axum::Router::new()
        .route("/check", get(check))
        .route("/spawned", get(spawned))
        .layer(errcodes::axum::ErrorLayer::new(profile));
    for path in ["/check", "/spawned"] {
        let response = app
            .clone()
            .oneshot(
                http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["errors"][0]["code"], "too_long", "{path}: {body}");
        assert_eq!(
            body["errors"][0]["detail"], "Keep it short.",
            "{path}: {body}"
        );
    }
    // Outside a layer, validator's own code.
    let plain = ApiErrors::from(
        Item {
            sku: "x".repeat(36),
            qty: 5,
        }
        .validate()
        .unwrap_err(),
    );
    assert_eq!(plain.iter().next().unwrap().code(), "length");
}

/// The same under the actix middleware.
#[cfg(feature = "actix-web")]
#[test]
fn a_handler_under_the_actix_middleware_validates_with_its_profile() {
    use actix_web::test::{TestRequest, call_service, init_service, read_body};

    async fn check() -> Result<String, ApiErrors> {
        let item = Item {
            sku: "x".repeat(36),
            qty: 5,
        };
        item.validate()?;
        Ok("valid".into())
    }
    let body = actix_web::rt::System::new().block_on(async {
        let profile = errcodes::Profile::new(Envelope::Drf).code("length.max", "too_long");
        let app = actix_web::App::new()
            .wrap(errcodes::actix::ErrorMiddleware::new(profile))
            .route("/check", actix_web::web::get().to(check));
        let service = init_service(app).await;
        read_body(call_service(&service, TestRequest::get().uri("/check").to_request()).await).await
    });
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["errors"][0]["code"], "too_long", "{body}");
}
