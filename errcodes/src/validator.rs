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
    /// Each error remembers its rule ([`Settings::rule`](crate::Settings::rule)), so the
    /// [`Profile`] of the axum `ErrorLayer` or actix `ErrorMiddleware` that
    /// answers it maps the codes and messages then, as
    /// [`push_validation_errors_with`](Self::push_validation_errors_with)
    /// does now with one given by hand: a handler needs no profile of its
    /// own, and the answer does not depend on where the errors were made.
    pub fn push_validation_errors(&mut self, errors: &ValidationErrors) -> &mut Self {
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
                    let defaulted = mapped.is_none() && error.message.is_none();
                    let detail = match mapped {
                        Some(text) => Cow::Owned(text.to_owned()),
                        None => message(error),
                    };
                    let entry = if path.is_empty() {
                        FieldError::non_field(code, detail)
                    } else {
                        FieldError::new(path.clone(), code, detail)
                    };
                    // A default message is errcodes' own: said in the
                    // request's language, the rule's parameters its arguments.
                    #[cfg(feature = "fluent")]
                    let entry = if defaulted {
                        entry.with_rule(rule_message(error))
                    } else {
                        entry
                    };
                    #[cfg(not(feature = "fluent"))]
                    let _ = defaulted;
                    // Without a profile now, the answering layer's maps it.
                    let entry = if profile.is_none() {
                        entry.reporting(crate::error::Rule {
                            bound: bound(error),
                            has_message: error.message.is_some(),
                        })
                    } else {
                        entry
                    };
                    out.push(entry);
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

/// The message of errcodes' own catalogs that [`message`] is the English
/// of, with the rule's parameters it reads.
#[cfg(feature = "fluent")]
fn rule_message(error: &ValidationError) -> crate::collection::RuleMessage {
    use crate::collection::{RuleArg, RuleMessage};
    let has = |name: &str| error.params.contains_key(name);
    let (id, names): (&'static str, &[&'static str]) = match error.code.as_ref() {
        "email" => ("rule-email", &[]),
        "url" => ("rule-url", &[]),
        "required" => ("rule-required", &[]),
        "regex" => ("rule-regex", &[]),
        "credit_card" => ("rule-credit_card", &[]),
        "non_control_character" => ("rule-non_control_character", &[]),
        "length" if has("equal") => ("rule-length-equal", &["equal"]),
        "length" if has("min") && has("max") => ("rule-length-between", &["min", "max"]),
        "length" if has("min") => ("rule-length-min", &["min"]),
        "length" if has("max") => ("rule-length-max", &["max"]),
        "length" => ("rule-length", &[]),
        "range" if has("min") && has("max") => ("rule-range-between", &["min", "max"]),
        "range" if has("min") => ("rule-range-min", &["min"]),
        "range" if has("max") => ("rule-range-max", &["max"]),
        "range" if has("exclusive_min") => ("rule-range-exclusive_min", &["exclusive_min"]),
        "range" if has("exclusive_max") => ("rule-range-exclusive_max", &["exclusive_max"]),
        "range" => ("rule-range", &[]),
        "must_match" if has("other") => ("rule-must_match-other", &["other"]),
        "must_match" => ("rule-must_match", &[]),
        "contains" if has("needle") => ("rule-contains-needle", &["needle"]),
        "contains" => ("rule-contains", &[]),
        "does_not_contain" if has("needle") => ("rule-does_not_contain-needle", &["needle"]),
        "does_not_contain" => ("rule-does_not_contain", &[]),
        _ => ("rule-invalid", &[]),
    };
    let args = names
        .iter()
        .filter_map(|&name| {
            let arg = match error.params.get(name)? {
                serde_json::Value::Number(n) => RuleArg::Number(n.clone()),
                serde_json::Value::String(text) => RuleArg::Text(text.clone()),
                other => RuleArg::Text(other.to_string()),
            };
            Some((name, arg))
        })
        .collect();
    RuleMessage { id, args }
}

#[cfg(all(test, feature = "fluent"))]
mod tests {
    use super::*;
    use crate::ApiError as _;
    use crate::InContext;
    use crate::visit::fmt_fn;

    /// Each rule shape validator reports, with its parameters.
    fn shapes() -> Vec<ValidationError> {
        let with = |code: &'static str, params: &[(&'static str, serde_json::Value)]| {
            let mut error = ValidationError::new(code);
            for (name, value) in params {
                error.add_param(Cow::Borrowed(name), value);
            }
            error
        };
        let n = |v: i64| serde_json::Value::from(v);
        let t = |v: &str| serde_json::Value::from(v);
        vec![
            with("email", &[]),
            with("url", &[]),
            with("required", &[]),
            with("regex", &[]),
            with("credit_card", &[]),
            with("non_control_character", &[]),
            with("length", &[("equal", n(4))]),
            with("length", &[("min", n(2)), ("max", n(8))]),
            with("length", &[("min", n(8))]),
            with("length", &[("max", n(1))]),
            with("length", &[]),
            with("range", &[("min", n(1)), ("max", n(1000))]),
            with("range", &[("min", n(1))]),
            with("range", &[("max", n(9))]),
            with("range", &[("exclusive_min", n(0))]),
            with("range", &[("exclusive_max", n(10))]),
            with("range", &[]),
            with("must_match", &[("other", t("password"))]),
            with("must_match", &[]),
            with("contains", &[("needle", t("@"))]),
            with("contains", &[]),
            with("does_not_contain", &[("needle", t("admin"))]),
            with("does_not_contain", &[]),
            with("custom_rule", &[]),
        ]
    }

    fn entry(error: &ValidationError) -> FieldError {
        FieldError::new("name", error.code.clone(), message(error)).with_rule(rule_message(error))
    }

    fn detail(err: &FieldError, locale: &str) -> String {
        let answered = InContext::new(err).locale(locale);
        fmt_fn(|f| answered.fmt_detail(f)).to_string()
    }

    /// The English catalog says exactly what the code writes without the
    /// feature, for every rule shape; other languages say something else.
    #[test]
    fn the_english_catalog_is_the_default_text() {
        for error in shapes() {
            let err = entry(&error);
            assert_eq!(detail(&err, "en"), message(&error), "{error:?}");
            assert_ne!(detail(&err, "de"), message(&error), "{error:?}");
            assert_ne!(detail(&err, "fr"), message(&error), "{error:?}");
        }
    }

    /// Parameters are arguments, numbers as numbers: plural rules apply.
    #[test]
    fn parameters_are_arguments() {
        let mut at_least = ValidationError::new("length");
        at_least.add_param(Cow::Borrowed("min"), &1);
        assert_eq!(
            detail(&entry(&at_least), "fr"),
            "Ce champ doit contenir au moins 1 caractère."
        );
        at_least.add_param(Cow::Borrowed("min"), &8);
        assert_eq!(
            detail(&entry(&at_least), "fr"),
            "Ce champ doit contenir au moins 8 caractères."
        );
        assert_eq!(
            detail(&entry(&at_least), "de"),
            "Dieses Feld muss mindestens 8 Zeichen lang sein."
        );
    }
}
