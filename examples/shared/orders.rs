//! The orders API both service examples serve: its errors, declared once,
//! and the validation of a new order. Each framework's example adds only its
//! own routing.

use std::time::Duration;

use errcodes::{ApiError, ApiErrors, FieldError};

/// The errors of the orders API, declared once; their titles and details
/// in English, German and French in `examples/locales`.
#[derive(Debug, ApiError)]
#[api(
    type_base = "https://errors.example.com/",
    locales = "../examples/locales"
)]
pub enum OrderError {
    /// No such order.
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {0} exists."
    )]
    NotFound(u64),
    /// Too many requests: come back later.
    #[api(
        status = 429,
        code = "throttled",
        throttled,
        detail = "Too many requests; retry later."
    )]
    Throttled {
        /// How long to wait.
        #[api(header = "Retry-After")]
        wait: Duration,
    },
    /// The database failed; its text never reaches the client.
    #[api(status = 500, code = "internal")]
    Database(#[api(from)] std::io::Error),
}

/// The app's settings: Problem Details, in English, German or French as
/// each request's `Accept-Language` asks.
pub fn profile() -> errcodes::Profile {
    errcodes::Profile::new(errcodes::Envelope::Problem).locales(["en", "de", "fr"])
}

/// A new order, as the client sends it.
#[derive(serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct NewOrder {
    /// The buyer's e-mail address (it has an `@`).
    #[schema(pattern = "@")]
    pub email: String,
    /// The buyer's name (not blank).
    #[schema(pattern = "\\S")]
    pub name: String,
    /// How many items (1 to 1000).
    #[schema(minimum = 1, maximum = 1000)]
    pub quantity: u32,
}

/// The order `id`, or the error that answers for it: 1 exists, 429 is
/// throttled, 500 fails in the database, 666 panics, any other is missing.
///
/// # Errors
///
/// Every id but 1.
pub fn find(id: u64) -> Result<serde_json::Value, OrderError> {
    match id {
        1 => Ok(serde_json::json!({"id": 1, "status": "shipped"})),
        429 => Err(OrderError::Throttled {
            wait: Duration::from_secs(30),
        }),
        500 => Err(std::io::Error::other(
            "connection to db-primary:5432 refused",
        ))?,
        666 => panic!("order 666 cannot be rendered"),
        id => Err(OrderError::NotFound(id)),
    }
}

/// Checks a new order: every field that fails, at once.
///
/// # Errors
///
/// A collection of one error per failing field.
pub fn validate(new: &NewOrder) -> Result<(), ApiErrors> {
    let mut errors = ApiErrors::builder();
    if !new.email.contains('@') {
        errors.push(FieldError::new(
            "email",
            "invalid",
            "Enter a valid email address.",
        ));
    }
    if new.name.trim().is_empty() {
        errors.push(FieldError::new(
            "name",
            "required",
            "This field is required.",
        ));
    }
    if new.quantity == 0 {
        errors.push(FieldError::new(
            "quantity",
            "min_value",
            "Ensure this value is at least 1.",
        ));
    } else if new.quantity > 1000 {
        errors.push(FieldError::new(
            "quantity",
            "max_value",
            "Ensure this value is at most 1000.",
        ));
    }
    errors.finish()
}
