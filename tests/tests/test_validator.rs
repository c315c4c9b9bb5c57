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
