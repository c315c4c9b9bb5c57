//! errcodes pairs with thiserror: the message is written once, in
//! `#[error(...)]`, and becomes the detail of every 4xx without a `detail`;
//! a 5xx never shows it.

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Envelope};
use serde_json::json;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "jsonapi")]
enum AccountError {
    #[error("account {0} is locked until {1}")]
    #[api(status = 423)]
    Locked(u64, &'static str),
    #[error("e-mail {email:?} is already registered")]
    #[api(status = 409, code = "email_taken", attr = "email")]
    EmailTaken { email: String },
    #[error("database error: {0}")]
    #[api(status = 500)]
    Database(
        #[from]
        #[api(source)]
        std::io::Error,
    ),
}

#[test]
fn client_errors_use_the_error_message() {
    assert_eq!(
        AccountError::Locked(7, "noon").to_json_value(Envelope::JsonApi),
        json!({"errors": [{"status": "423", "code": "locked", "title": "Locked",
            "detail": "account 7 is locked until noon"}]})
    );
    let taken = AccountError::EmailTaken {
        email: "bob@example.com".into(),
    };
    assert_eq!(
        taken.to_json_value(Envelope::Laravel),
        json!({"message": "e-mail \"bob@example.com\" is already registered",
            "errors": {"email": ["e-mail \"bob@example.com\" is already registered"]}})
    );
}

#[test]
fn server_errors_keep_the_message_to_the_server() {
    let err: AccountError = std::io::Error::other("connection reset by db-3").into();
    assert_eq!(err.to_string(), "database error: connection reset by db-3");
    for envelope in Envelope::ALL {
        let body = String::from_utf8(err.render_to_vec(envelope)).unwrap();
        assert!(!body.contains("db-3"), "{envelope}: {body}");
    }
    // Both derives see the same cause.
    assert!(std::error::Error::source(&err).is_some());
    assert_eq!(
        err.source_error().unwrap().to_string(),
        "connection reset by db-3"
    );
}

/// Beside thiserror, its `#[from]` gives the `From` impl (and marks the
/// thiserror source); errcodes needs only `#[api(source)]` on the same
/// field. Writing `#[api(from)]` too would be a second, conflicting impl.
#[test]
fn thiserror_from_beside_api_source() {
    #[derive(Debug, thiserror::Error, errcodes::ApiError)]
    enum LoadError {
        #[error("storage failed")]
        #[api(status = 503, code = "storage")]
        Io(
            #[from]
            #[api(source)]
            std::io::Error,
        ),
    }
    fn load() -> Result<(), LoadError> {
        Err(std::io::Error::other("disk full"))?;
        Ok(())
    }
    let err = load().unwrap_err();
    assert_eq!(errcodes::ApiError::status(&err), 503);
    assert_eq!(
        errcodes::ApiError::source_error(&err).unwrap().to_string(),
        "disk full"
    );
    assert_eq!(
        std::error::Error::source(&err).unwrap().to_string(),
        "disk full"
    );
}
