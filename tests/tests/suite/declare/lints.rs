//! Generated code is quiet: every shape of input compiles here under
//! `#![deny(warnings, clippy::pedantic)]`, which CI's clippy run enforces on
//! this file. The test body checks the types work at run time too.
#![deny(warnings, clippy::pedantic, missing_docs, unused_qualifications)]

use errcodes::{ApiError, ApiErrorExt as _, Envelope};
use http::StatusCode;

/// Every kind of variant.
#[derive(Debug, ApiError)]
#[api(
    envelope = "jsonapi",
    type_base = "https://errors.example.com/",
    status = 400,
    pointer_prefix = "/data"
)]
pub enum Everything<'a, T: std::fmt::Display> {
    /// Unit, with a field location.
    #[api(code = "required", attr = "name", detail = "This field is required.")]
    Required,
    /// Named fields, a template, meta and a header.
    #[api(status = 429, detail = "retry in {seconds}s ({who:?})")]
    Limited {
        /// Seconds.
        #[api(header = "Retry-After", meta)]
        seconds: u32,
        /// Who.
        who: &'a str,
    },
    /// Tuple fields with a generic one.
    #[api(status = StatusCode::NOT_FOUND, detail = "{0} not found")]
    Missing(T),
    /// A runtime attr.
    #[api(status = 422, detail = "invalid")]
    Invalid(#[api(attr)] String),
    /// A source that stays hidden.
    #[api(status = 500)]
    Io(#[api(source)] std::io::Error),
    /// A wrapped error.
    #[api(transparent)]
    Inner(Small),
    /// Query parameter and kind.
    #[api(parameter = "page", kind = "parameters", detail = "bad page")]
    Page,
    /// An instance template and a member beside an explicit pointer.
    #[api(
        attr = "id",
        pointer = "/data/id",
        detail = "bad id",
        instance = "/orders/{0}"
    )]
    Order(u64),
}

/// A struct error with a raw identifier.
#[derive(Debug, ApiError)]
#[api(status = 409, detail = "{type} conflicts")]
pub struct Small {
    /// A raw identifier field.
    pub r#type: String,
}

/// An empty enum: deriving on one is allowed, and this compiling (no
/// variants, so every method matches on nothing) is the check.
#[derive(Debug, ApiError)]
pub enum Never {}

/// `Never` is usable wherever an `ApiError` is expected.
fn _never_is_an_api_error(never: &Never) -> &dyn ApiError {
    never
}

#[test]
fn quiet_code_still_works() {
    // Used, so the empty enum is no dead code in a test binary of modules.
    let _: fn(&Never) -> &dyn ApiError = _never_is_an_api_error;
    let err: Everything<'_, u32> = Everything::Limited {
        seconds: 3,
        who: "ana",
    };
    assert_eq!(err.to_response().headers()["retry-after"], "3");
    let inner: Everything<'_, u32> = Everything::Inner(Small {
        r#type: "pdf".into(),
    });
    assert_eq!(
        inner.to_json_value(Envelope::Laravel)["message"],
        "pdf conflicts"
    );
    assert_eq!(
        Everything::<u32>::Missing(5).status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        Everything::<u32>::Page.to_json_value(Envelope::ShipStream)["errors"][0]["type"],
        "parameters"
    );
    // Not one of drf's three words: drf derives its own.
    assert_eq!(
        Everything::<u32>::Page.to_json_value(Envelope::Drf)["type"],
        "validation_error"
    );
    assert!(Everything::<u32>::Invalid("a".into()).location().is_some());
    assert!(
        Everything::<u32>::Io(std::io::Error::other("x"))
            .source_error()
            .is_some()
    );
    assert_eq!(Everything::<u32>::Required.code(), "required");
    let order = Everything::<u32>::Order(4);
    let problem = order.to_json_value(Envelope::Problem);
    assert!(problem["instance"].is_string());
}

/// Generated code names everything by absolute path, so it also compiles
/// where the prelude is not in scope.
mod no_prelude {
    #![no_implicit_prelude]

    /// Every generated method, without the prelude.
    #[derive(::errcodes::ApiError)]
    #[api(type_base = "https://errors.example.com/", envelope = "drf")]
    pub enum Bare<T: ::core::fmt::Display> {
        /// A template, meta and a header.
        #[api(status = 429, detail = "wait {0}", instance = "/limits/{0}")]
        Limited(#[api(header = "Retry-After", meta = "seconds")] T),
        /// A runtime attr and an explicit pointer.
        #[api(status = 422, pointer = "/data/x", detail = "bad")]
        Field(#[api(attr)] ::std::string::String),
        /// A hidden source.
        #[api(status = 500)]
        Io(#[api(source)] ::std::io::Error),
        /// Wrapped.
        #[api(transparent)]
        Inner(super::Small),
    }
}

#[test]
fn no_prelude_types_work() {
    let err: no_prelude::Bare<u8> = no_prelude::Bare::Limited(5);
    assert_eq!(err.to_response().headers()["retry-after"], "5");
    let field: no_prelude::Bare<u8> = no_prelude::Bare::Field("x".into());
    assert!(field.location().is_some());
    let io: no_prelude::Bare<u8> = no_prelude::Bare::Io(std::io::Error::other("x"));
    assert!(io.settings().redact_detail);
    let inner: no_prelude::Bare<u8> = no_prelude::Bare::Inner(Small { r#type: "t".into() });
    assert_eq!(inner.status(), 409);
}

/// A localized type with a generic field and a transparent one: its
/// generated `message` and `impl MessageArgs` are quiet too.
#[cfg(feature = "fluent")]
pub mod localized {
    use errcodes::ApiError;

    /// Errors with catalogs in `tests/locales`.
    #[derive(Debug, ApiError)]
    #[api(locales = "locales")]
    pub enum Localized<T: std::fmt::Display> {
        /// A number argument.
        #[api(
            status = 404,
            code = "order_not_found",
            detail = "No order {id} exists."
        )]
        NotFound {
            /// The id.
            id: u64,
        },
        /// A generic argument.
        #[api(
            status = 409,
            code = "items_left",
            detail = "Only {count} items are left."
        )]
        ItemsLeft {
            /// How many.
            count: T,
        },
        /// A wrapped localized error.
        #[api(transparent)]
        Inner(super::localized_inner::Inner),
    }
}

/// The inner type of [`localized::Localized`].
#[cfg(feature = "fluent")]
pub mod localized_inner {
    use errcodes::ApiError;

    /// One localized error.
    #[derive(Debug, ApiError)]
    #[api(
        locales = "locales",
        status = 429,
        code = "throttled",
        detail = "Slow down."
    )]
    pub struct Inner;
}

#[cfg(feature = "fluent")]
#[test]
fn localized_types_answer_in_a_locale() {
    use errcodes::InContext;
    let err: localized::Localized<u32> = localized::Localized::ItemsLeft { count: 1 };
    let body = InContext::new(&err)
        .locale("de")
        .to_json_value(Envelope::Problem);
    // A generic field is text (its type could be anything): the plural's
    // default variant.
    assert_eq!(body["detail"], "Nur noch 1 Artikel sind übrig.");
    let inner: localized::Localized<u32> = localized::Localized::Inner(localized_inner::Inner);
    let body = InContext::new(&inner)
        .locale("fr")
        .to_json_value(Envelope::Problem);
    assert_eq!(body["title"], "Trop de requêtes");
}
