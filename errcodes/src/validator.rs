//! The `validator` crate's `ValidationErrors`, as a collection (cargo
//! feature `validator`).
//!
//! Every `ValidationError` becomes a [`FieldError`] at its path (nested
//! structs and list items included, index 0 kept), with validator's code as
//! the code and its message, or a default message for the code, as the
//! detail. validator keeps fields in a `HashMap`, so their order is lost;
//! errcodes sorts them by name at each level, so output is deterministic.
//! Errors of a whole struct (validator's `__all__` key) become object-level
//! errors.

use std::borrow::Cow;
use std::fmt::Write as _;

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::collection::{ApiErrors, ApiErrorsBuilder, FieldError};
use crate::path::FieldPath;
use crate::profile::Profile;

/// validator's key for errors of a struct as a whole.
const ALL: &str = "__all__";

impl ApiErrorsBuilder {
    /// Adds every error of a `validator::ValidationErrors`.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope};
    /// use validator::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Signup {
    ///     #[validate(email)]
    ///     email: String,
    ///     #[validate(length(min = 8))]
    ///     password: String,
    /// }
    ///
    /// let signup = Signup { email: "bob@".into(), password: "short".into() };
    /// let mut errors = ApiErrors::builder();
    /// if let Err(report) = signup.validate() {
    ///     errors.push_validation_errors(&report);
    /// }
    /// let errors = errors.finish().unwrap_err();
    /// assert_eq!(
    ///     errors.render_to_vec(Envelope::Drf),
    ///     br#"{"type":"validation_error","errors":[{"code":"email","detail":"Enter a valid email address.","attr":"email"},{"code":"length","detail":"Ensure this field has at least 8 characters.","attr":"password"}]}"#
    /// );
    /// ```
    ///
    /// Inside an axum `ErrorLayer` or actix `ErrorMiddleware`, the layer's
    /// [`Profile`] maps the codes and messages, as
    /// [`push_validation_errors_with`](Self::push_validation_errors_with)
    /// does with one given by hand: a handler needs no profile of its own.
    pub fn push_validation_errors(&mut self, errors: &ValidationErrors) -> &mut Self {
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        if let Some(profile) = crate::serve::current_profile() {
            walk(self, &FieldPath::new(), errors, Some(&profile));
            return self;
        }
        walk(self, &FieldPath::new(), errors, None);
        self
    }

    /// Adds every error of a `validator::ValidationErrors`, in the API's
    /// words: each code mapped by `profile` ([`Profile::code`]), and, where
    /// validation gives no message of its own, the profile's message for
    /// the mapped code before the default one.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope, Profile};
    /// use validator::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Signup {
    ///     #[validate(length(min = 8))]
    ///     password: String,
    /// }
    ///
    /// let profile = Profile::new(Envelope::Drf)
    ///     .code("length", "too_short")
    ///     .message("too_short", "Use at least 8 characters.");
    /// let mut errors = ApiErrors::builder();
    /// if let Err(report) = (Signup { password: "short".into() }).validate() {
    ///     errors.push_validation_errors_with(&report, &profile);
    /// }
    /// let errors = errors.finish().unwrap_err();
    /// assert_eq!(
    ///     errors.render_to_vec(Envelope::Drf),
    ///     br#"{"type":"validation_error","errors":[{"code":"too_short","detail":"Use at least 8 characters.","attr":"password"}]}"#
    /// );
    /// ```
    pub fn push_validation_errors_with(
        &mut self,
        errors: &ValidationErrors,
        profile: &Profile,
    ) -> &mut Self {
        walk(self, &FieldPath::new(), errors, Some(profile));
        self
    }
}

impl From<ValidationErrors> for ApiErrors {
    /// All of validator's errors as one collection. validator reports an
    /// error only with at least one entry; should an empty one arrive, the
    /// collection holds a single object-level `invalid` error rather than
    /// claiming success.
    ///
    /// ```
    /// use errcodes::ApiErrorExt as _;
    /// use errcodes::{ApiError, ApiErrors, Envelope};
    /// use validator::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Item {
    ///     #[validate(range(min = 1))]
    ///     qty: u32,
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Order {
    ///     #[validate(nested)]
    ///     items: Vec<Item>,
    /// }
    ///
    /// let order = Order { items: vec![Item { qty: 0 }] };
    /// let errors = ApiErrors::from(order.validate().unwrap_err());
    /// assert_eq!(
    ///     errors.to_json_value(Envelope::JsonApi)["errors"][0]["source"]["pointer"],
    ///     "/data/attributes/items/0/qty"
    /// );
    /// ```
    fn from(errors: ValidationErrors) -> Self {
        let mut builder = ApiErrors::builder();
        builder.push_validation_errors(&errors);
        builder.finish_or(FieldError::non_field("invalid", "Invalid input."))
    }
}

/// Adds the errors under `prefix`, fields sorted by name at each level.
fn walk(
    out: &mut ApiErrorsBuilder,
    prefix: &FieldPath,
    errors: &ValidationErrors,
    profile: Option<&Profile>,
) {
    let mut fields: Vec<(&Cow<'static, str>, &ValidationErrorsKind)> =
        errors.errors().iter().collect();
    fields.sort_by(|a, b| a.0.cmp(b.0));
    for (name, kind) in fields {
        let path = if name == ALL {
            prefix.clone()
        } else {
            prefix.clone().key(name.clone())
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    let code: Cow<'static, str> = match profile {
                        Some(profile) => {
                            Cow::Owned(profile.map_rule(&error.code, bound(error)).to_owned())
                        }
                        None => error.code.clone(),
                    };
                    let mapped = profile
                        .filter(|_| error.message.is_none())
                        .and_then(|profile| profile.message_for(&code));
                    let detail = match mapped {
                        Some(text) => Cow::Owned(text.to_owned()),
                        None => message(error),
                    };
                    out.push(if path.is_empty() {
                        FieldError::non_field(code, detail)
                    } else {
                        FieldError::new(path.clone(), code, detail)
                    });
                }
            }
            ValidationErrorsKind::Struct(inner) => walk(out, &path, inner, profile),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    walk(out, &path.clone().index(*index), inner, profile);
                }
            }
        }
    }
}

/// Which bound of a `length` or `range` rule the value broke: `min`,
/// `max` or `equal`, read from validator's own parameters (`value` against
/// `min`, `max`, `exclusive_min`, `exclusive_max`, `equal`). A profile maps
/// `length.min` apart from `length.max`.
fn bound(error: &ValidationError) -> Option<&'static str> {
    let number = |name: &str| error.params.get(name).and_then(serde_json::Value::as_f64);
    // A length as a number; past u32 it is longer than any bound.
    let length = |n: usize| u32::try_from(n).map_or(f64::MAX, f64::from);
    let value = match (error.code.as_ref(), error.params.get("value")?) {
        ("length", serde_json::Value::String(text)) => length(text.chars().count()),
        ("length", serde_json::Value::Array(items)) => length(items.len()),
        ("length", serde_json::Value::Object(members)) => length(members.len()),
        ("range", value) => value.as_f64()?,
        _ => return None,
    };
    if number("equal").is_some_and(|n| (value - n).abs() > f64::EPSILON) {
        Some("equal")
    } else if number("min").is_some_and(|n| value < n)
        || number("exclusive_min").is_some_and(|n| value <= n)
    {
        Some("min")
    } else if number("max").is_some_and(|n| value > n)
        || number("exclusive_max").is_some_and(|n| value >= n)
    {
        Some("max")
    } else {
        None
    }
}

/// The error's own message, or a default one for its code.
fn message(error: &ValidationError) -> Cow<'static, str> {
    if let Some(message) = &error.message {
        return message.clone();
    }
    let param = |name: &str| {
        error.params.get(name).map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let mut text = String::new();
    let _ = match error.code.as_ref() {
        "email" => return Cow::Borrowed("Enter a valid email address."),
        "url" => return Cow::Borrowed("Enter a valid URL."),
        "required" => return Cow::Borrowed("This field is required."),
        "regex" => return Cow::Borrowed("This value does not match the required pattern."),
        "credit_card" => return Cow::Borrowed("Enter a valid credit card number."),
        "non_control_character" => {
            return Cow::Borrowed("This field must not contain control characters.");
        }
        "length" => match (param("equal"), param("min"), param("max")) {
            (Some(n), _, _) => write!(text, "Ensure this field has exactly {n} characters."),
            (None, Some(min), Some(max)) => write!(
                text,
                "Ensure this field has between {min} and {max} characters."
            ),
            (None, Some(min), None) => {
                write!(text, "Ensure this field has at least {min} characters.")
            }
            (None, None, Some(max)) => {
                write!(text, "Ensure this field has at most {max} characters.")
            }
            (None, None, None) => return Cow::Borrowed("Ensure this field has a valid length."),
        },
        "range" => match (
            param("min"),
            param("max"),
            param("exclusive_min"),
            param("exclusive_max"),
        ) {
            (Some(min), Some(max), _, _) => {
                write!(text, "Ensure this value is between {min} and {max}.")
            }
            (Some(min), None, _, _) => {
                write!(text, "Ensure this value is greater than or equal to {min}.")
            }
            (None, Some(max), _, _) => {
                write!(text, "Ensure this value is less than or equal to {max}.")
            }
            (None, None, Some(min), _) => write!(text, "Ensure this value is greater than {min}."),
            (None, None, None, Some(max)) => write!(text, "Ensure this value is less than {max}."),
            (None, None, None, None) => return Cow::Borrowed("Ensure this value is in range."),
        },
        "must_match" => match param("other") {
            Some(other) => write!(text, "This field must match {other}."),
            None => return Cow::Borrowed("This field must match."),
        },
        "contains" => match param("needle") {
            Some(needle) => write!(text, "This field must contain \"{needle}\"."),
            None => return Cow::Borrowed("This field is missing a required value."),
        },
        "does_not_contain" => match param("needle") {
            Some(needle) => write!(text, "This field must not contain \"{needle}\"."),
            None => return Cow::Borrowed("This field contains a forbidden value."),
        },
        _ => return Cow::Borrowed("Invalid input."),
    };
    Cow::Owned(text)
}
