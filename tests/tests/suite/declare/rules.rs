//! The run-time half of the shared rules corpus (`errcodes-rules/corpus.tsv`):
//! values given at run time get the same verdicts the derive gives the same
//! values at compile time (errcodes-derive's
//! `the_shared_corpus_gets_the_same_verdicts`).

use core::fmt;

use errcodes::{ApiError, ApiErrorExt as _, ApiErrors, FieldError, HeaderVisitor};
use http::{HeaderName, StatusCode};

/// A hand-written error setting one response header, whatever its name.
struct SetsHeader(HeaderName);

impl ApiError for SetsHeader {
    fn status(&self) -> StatusCode {
        StatusCode::TOO_MANY_REQUESTS
    }
    fn code(&self) -> &str {
        "rate_limited"
    }
    fn title(&self) -> &str {
        "Too Many Requests"
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Slow down.")
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        visitor.visit(&self.0, &"marker-value");
    }
}

fn collection() -> ApiErrors {
    ApiErrors::from_errors([FieldError::new("name", "required", "Required.")]).unwrap()
}

/// Whether errcodes takes `value` as a `kind` at run time.
fn accepted(kind: &str, value: &str) -> bool {
    match kind {
        "code" => collection().with_code(value.to_owned()).code() == value,
        "type_base" => {
            collection()
                .with_type_base(value.to_owned())
                .settings()
                .type_base
                == Some(value)
        }
        "pointer" => {
            collection()
                .with_pointer_prefix(value.to_owned())
                .settings()
                .pointer_prefix
                == Some(value)
        }
        "header" => {
            let name = HeaderName::from_bytes(value.as_bytes()).unwrap();
            let response = SetsHeader(name.clone()).to_response();
            response
                .headers()
                .get(&name)
                .is_some_and(|v| v == "marker-value")
        }
        other => panic!("unknown kind `{other}` in the corpus"),
    }
}

#[test]
fn the_shared_corpus_gets_the_same_verdicts_at_run_time() {
    let mut checked = 0;
    for (kind, verdict, value) in errcodes_rules::corpus::cases() {
        assert_eq!(
            accepted(kind, value),
            verdict,
            "{kind} `{value}` at run time"
        );
        checked += 1;
    }
    assert!(checked >= 30, "the corpus shrank to {checked} values");
}
