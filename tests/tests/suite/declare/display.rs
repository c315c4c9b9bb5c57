//! A type's own `Display` may be written through its detail
//! (`errcodes::Detail(self)` or `Detail::new(self)`): a 4xx variant
//! without `detail` then uses its title, instead of recursing until the
//! stack overflows.

use core::fmt;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Detail, Envelope, UnredactedDetail};

#[derive(Debug, ApiError)]
enum SignupError {
    #[api(status = 409, detail = "user {0} already exists")]
    Duplicate(String),
    #[api(status = 403)]
    Forbidden,
    #[api(status = 401, title = "Sign in first")]
    Anonymous,
}

impl fmt::Display for SignupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        UnredactedDetail(self).fmt(f)
    }
}

#[test]
fn display_through_the_detail_ends_at_the_title() {
    assert_eq!(
        SignupError::Duplicate("bob".into()).to_string(),
        "user bob already exists"
    );
    assert_eq!(SignupError::Forbidden.to_string(), "Forbidden");
    assert_eq!(SignupError::Anonymous.to_string(), "Sign in first");
    assert_eq!(
        SignupError::Forbidden.render_to_vec(Envelope::Problem),
        br#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"Forbidden","code":"forbidden"}"#
    );
}

#[derive(Debug, ApiError)]
#[api(status = 404)]
struct Missing;

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Detail::new(self).fmt(f)
    }
}

#[test]
fn display_through_the_public_detail_ends_at_the_title() {
    assert_eq!(Missing.to_string(), "Not Found");
    assert_eq!(UnredactedDetail(&Missing).to_string(), "Not Found");
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct Inner;

impl fmt::Display for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the inner text")
    }
}

/// A newtype shares its field's address: the two are still told apart.
#[derive(Debug, ApiError)]
#[api(status = 400)]
struct Outer(Inner);

impl fmt::Display for Outer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        UnredactedDetail(&self.0).fmt(f)
    }
}

#[test]
fn a_newtype_displaying_its_field_is_not_a_recursion() {
    assert_eq!(Outer(Inner).to_string(), "the inner text");
    assert_eq!(
        UnredactedDetail(&Outer(Inner)).to_string(),
        "the inner text"
    );
}
