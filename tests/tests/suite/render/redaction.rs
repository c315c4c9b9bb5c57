//! A 5xx body never carries a secret, whichever way one could reach it: the
//! source error's text, the type's `Display` or `Debug`, an undeclared code
//! (the variant's name), a wrapped error (`transparent`), a collection, a
//! borrowed or boxed trait object, a hand-written impl, a format of one's
//! own. Each is checked in every envelope, body and headers. (Meta members
//! and template fields of a 5xx are compile errors unless marked
//! `public`: see tests/ui/public.)

use core::fmt;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Detail, Envelope, ErrorList, FieldError, Format, json};

const SECRET: &str = "db-primary.internal:5432 password=hunter2";

/// Every piece of `SECRET` that must not show.
const PIECES: [&str; 3] = ["db-primary", "hunter2", "5432"];

#[derive(Debug)]
struct SecretSource;

impl fmt::Display for SecretSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SECRET)
    }
}

impl std::error::Error for SecretSource {}

/// Server errors whose `Display` and `Debug` both tell the secret, as a
/// thiserror-style enum would.
#[derive(ApiError)]
enum DbError {
    #[api(status = 500)]
    Query(#[api(source)] SecretSource),
    #[api(status = 503)]
    ReplicaLagTooHigh { replica: String },
    #[api(status = 502, code = "upstream")]
    Upstream(#[api(source)] Box<dyn std::error::Error + Send + Sync>),
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::ReplicaLagTooHigh { replica } => write!(f, "replica {replica} is lagging"),
            _ => write!(f, "database failed: {SECRET}"),
        }
    }
}

impl fmt::Debug for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DbError({SECRET})")
    }
}

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum AppError {
    #[api(status = 404, detail = "Not found.")]
    NotFound,
    #[api(transparent)]
    Db(DbError),
    #[api(transparent)]
    Invalid(ApiErrors),
}

fn db_errors() -> Vec<DbError> {
    vec![
        DbError::Query(SecretSource),
        DbError::ReplicaLagTooHigh {
            replica: SECRET.into(),
        },
        DbError::Upstream(Box::new(SecretSource)),
    ]
}

/// Renders `err` in every envelope and fails on any piece of the secret,
/// or the variant name of an undeclared 5xx code.
fn assert_redacted(err: &dyn ApiError, what: &str) {
    assert!(err.status().is_server_error(), "{what}: not a 5xx");
    for envelope in Envelope::ALL.into_iter().chain([Envelope::custom(&TERSE)]) {
        let response = err.to_response_in(envelope);
        let body = String::from_utf8_lossy(response.body()).into_owned();
        for piece in PIECES
            .into_iter()
            .chain(["replica_lag", "REPLICA_LAG", "query", "QUERY"])
        {
            assert!(
                !body.contains(piece),
                "{what}, {envelope}: body shows {piece:?}: {body}"
            );
        }
        for (name, value) in response.headers() {
            let value = value.to_str().unwrap_or("");
            assert!(
                PIECES.iter().all(|p| !value.contains(p)),
                "{what}, {envelope}: header {name} shows the secret"
            );
        }
    }
}

#[test]
fn a_server_errors_source_display_debug_and_name_stay_out() {
    for err in db_errors() {
        assert_redacted(&err, &format!("{:?}", err.code()));
        // The cause is still there for the server's logs.
        if let Some(source) = err.source_error() {
            assert!(source.to_string().contains("hunter2"));
        }
    }
}

#[test]
fn through_a_transparent_variant() {
    for err in db_errors() {
        assert_redacted(&AppError::Db(err), "transparent");
    }
}

#[test]
fn in_a_collection() {
    // Owned, borrowed (a snapshot) and boxed, beside a public 4xx.
    let mut builder = ApiErrors::builder();
    builder.push(FieldError::new(
        "name",
        "required",
        "This field is required.",
    ));
    for err in db_errors() {
        builder.push_ref(&err);
        builder.push(err);
    }
    builder.push_boxed(Box::new(DbError::Query(SecretSource)));
    let errors = builder.finish().unwrap_err();
    assert_redacted(&errors, "collection");
    // And wrapped in place.
    let mut builder = ApiErrors::builder();
    builder.push(DbError::Query(SecretSource));
    assert_redacted(
        &AppError::Invalid(builder.finish().unwrap_err()),
        "transparent collection",
    );
    // Logging the collection is the server's business: its Display may
    // tell, but the body never did.
}

#[test]
fn as_trait_objects() {
    for err in db_errors() {
        let boxed: Box<dyn ApiError> = Box::new(err);
        assert_redacted(&boxed, "Box<dyn ApiError>");
        assert_redacted(&&*boxed, "&dyn ApiError");
    }
}

/// A hand-written impl that says it has no public detail but would write
/// the secret if asked.
struct HandWritten;

impl ApiError for HandWritten {
    fn status(&self) -> http::StatusCode {
        http::StatusCode::INTERNAL_SERVER_ERROR
    }
    fn code(&self) -> &str {
        "internal"
    }
    fn title(&self) -> &str {
        "Internal Server Error"
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SECRET)
    }
    fn settings(&self) -> errcodes::Settings<'_> {
        errcodes::Settings::new().redact_detail(true)
    }
}

#[test]
fn a_hand_written_impl_without_a_public_detail() {
    assert_redacted(&HandWritten, "hand-written");
}

/// A user format that writes the public detail, as documented.
struct Terse;

static TERSE: Terse = Terse;

impl Format for Terse {
    fn name(&self) -> &str {
        "terse"
    }
    fn media_type(&self) -> &str {
        "application/json"
    }
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        json::display(out, &Detail::new(err));
    }
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, err) in errors.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json::display(out, &Detail::new(&err));
        }
        out.push(b']');
    }
}

#[test]
fn the_public_4xx_beside_them_still_shows() {
    let body = AppError::NotFound.render_to_vec(Envelope::Problem);
    assert!(String::from_utf8(body).unwrap().contains("Not found."));
}
