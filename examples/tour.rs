//! The tour: one error enum, rendered in every built-in envelope.
//!
//! Run it with `cargo run --example tour`. The README shows this exact
//! output, and a test keeps the two in step.

use std::fmt::Write as _;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, FieldPath};

/// The errors of a signup endpoint, declared once.
#[derive(Debug, ApiError)]
#[api(
    envelope = "jsonapi",
    type_base = "https://errors.example.com/",
    domain = "signup.example.com"
)]
// Its titles and details in English, German and French (feature `fluent`).
#[cfg_attr(feature = "fluent", api(locales = "../examples/tour-locales"))]
pub enum SignupError {
    /// A required member is missing.
    #[api(
        status = 422,
        code = "required",
        attr = "name",
        detail = "This field is required."
    )]
    NameMissing,
    /// The e-mail address is taken; the address goes into the detail.
    #[api(status = 409, detail = "user {email} already exists")]
    Duplicate { email: String },
    /// Too many attempts: the wait goes into `Retry-After` and into meta.
    #[api(
        status = 429,
        detail = "Too many signups; retry in {retry_after} seconds."
    )]
    RateLimited {
        #[api(header = "Retry-After", meta)]
        retry_after: u32,
    },
    /// The database failed. Its text is never shown to the client.
    #[api(status = 500, code = "internal")]
    Database(#[api(source)] std::io::Error),
}

/// Every error of the tour as a response in every envelope: status line,
/// headers and body.
#[must_use]
pub fn tour() -> String {
    let errors = [
        SignupError::NameMissing,
        SignupError::Duplicate {
            email: "bob@example.com".into(),
        },
        SignupError::RateLimited { retry_after: 30 },
        SignupError::Database(std::io::Error::other("connection refused: db-1:5432")),
    ];
    let mut out = String::new();
    for envelope in Envelope::ALL {
        let _ = writeln!(out, "## {envelope}");
        for err in &errors {
            let response = err.to_response_in(envelope);
            let _ = write!(out, "HTTP {}", response.status().as_u16());
            // Every error response also says `x-content-type-options:
            // nosniff`; the tour shows what differs between errors.
            for (name, value) in response.headers() {
                if name == "x-content-type-options" {
                    continue;
                }
                let _ = write!(out, "  {name}: {}", value.to_str().unwrap_or("?"));
            }
            let _ = writeln!(out, "\n{}", String::from_utf8_lossy(response.body()));
        }
    }
    out
}

/// A signup form that fails on three fields, one nested member and one list
/// item, answered as one response in every envelope.
#[must_use]
pub fn validation_tour() -> String {
    let mut errors = ApiErrors::builder();
    errors
        .push(FieldError::new(
            "email",
            "invalid",
            "Enter a valid email address.",
        ))
        .push(FieldError::new(
            "name",
            "required",
            "This field is required.",
        ))
        .push(FieldError::new(
            "password",
            "min_length",
            "Ensure this field has at least 8 characters.",
        ))
        .push(FieldError::new(
            "address.zip",
            "invalid",
            "Postal code is not valid for US.",
        ))
        .push(FieldError::new(
            FieldPath::new().key("items").index(0).key("sku"),
            "required",
            "SKU is required.",
        ));
    let Err(errors) = errors.finish() else {
        return String::new();
    };
    let mut out = String::new();
    for envelope in Envelope::ALL {
        let _ = writeln!(out, "## {envelope}");
        let response = errors.to_response_in(envelope);
        let _ = writeln!(out, "HTTP {}", response.status().as_u16());
        let _ = writeln!(out, "{}", String::from_utf8_lossy(response.body()));
    }
    out
}

/// One error answered in German and in French, as a request's
/// `Accept-Language` chooses under the layers: Problem Details, then
/// AIP-193, whose `message` stays in English beside a `LocalizedMessage`.
#[cfg(feature = "fluent")]
#[must_use]
pub fn languages_tour() -> String {
    use errcodes::InContext;

    let err = SignupError::Duplicate {
        email: "bob@example.com".into(),
    };
    let mut out = String::new();
    for (envelope, locale) in [
        (Envelope::Problem, "de"),
        (Envelope::Problem, "fr"),
        (Envelope::Aip193, "de"),
    ] {
        let answered = InContext::new(&err).locale(locale);
        let language = answered.occurrence().language.unwrap_or("-");
        let _ = writeln!(out, "{envelope}, Content-Language: {language}");
        let _ = writeln!(
            out,
            "{}",
            String::from_utf8_lossy(&answered.render_to_vec(envelope))
        );
    }
    out
}

#[allow(dead_code)]
fn main() {
    print!("{}", tour());
    println!("# Validation errors");
    print!("{}", validation_tour());
    #[cfg(feature = "fluent")]
    {
        println!("# In the client's language");
        print!("{}", languages_tour());
    }
}
