//! One render fuzz case: bytes become errors (derived, `FieldError`s, a
//! collection with hostile settings), rendered in every envelope. Panics
//! when a guarantee breaks: a body that is not JSON, a 5xx that shows its
//! secret source, a `Display` that panics, a response header that is not
//! valid. Shared by the `render` fuzz target and the corpus replay test.

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, FieldPath};

/// The text a 5xx's source holds; it must never reach a body.
const SECRET: &str = "s3cr3t-db-password";

#[derive(Debug)]
struct Secret;

impl core::fmt::Display for Secret {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(SECRET)
    }
}

impl std::error::Error for Secret {}

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/", domain = "fuzz.example.com")]
enum Case {
    #[api(status = 422, detail = "bad {value}", instance = "/items/{value}")]
    Value {
        value: String,
        #[api(meta)]
        note: String,
    },
    #[api(status = 400, detail = "member {name}")]
    Member {
        #[api(attr)]
        name: String,
    },
    #[api(status = 503)]
    Down(#[api(source)] Secret),
    #[api(status = 429, detail = "later")]
    Throttled {
        #[api(header = "Retry-After")]
        wait: String,
    },
}

/// The strings of `data`: split at 0xFF bytes, each read as lossy UTF-8.
fn strings(data: &[u8]) -> Vec<String> {
    data.split(|&b| b == 0xff)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect()
}

/// Renders what `data` describes and checks every guarantee.
pub fn check(data: &[u8]) {
    let texts = strings(data);
    let text = |i: usize| texts.get(i).cloned().unwrap_or_default();
    let mut errors = ApiErrors::builder();
    errors
        .push(Case::Value {
            value: text(0),
            note: text(1),
        })
        .push(Case::Member { name: text(2) })
        .push(Case::Down(Secret))
        .push(Case::Throttled { wait: text(3) })
        .push(FieldError::new(text(4), text(5), text(6)))
        .push(FieldError::new(
            FieldPath::from_iter(texts.iter().skip(7).cloned()),
            text(1),
            text(2),
        ))
        .push(FieldError::parameter(text(3), text(4), text(5)))
        .push(FieldError::non_field(text(6), text(7)));
    let single: Vec<Box<dyn ApiError>> = vec![
        Box::new(Case::Value {
            value: text(0),
            note: text(1),
        }),
        Box::new(Case::Member { name: text(2) }),
        Box::new(Case::Down(Secret)),
        Box::new(Case::Throttled { wait: text(3) }),
    ];
    let Err(collection) = errors.finish() else {
        unreachable!("eight errors were pushed");
    };
    let collection = collection
        .with_title(text(0))
        .with_detail(text(1))
        .with_code(text(2))
        .with_type_base(text(3))
        .with_pointer_prefix(text(4))
        .with_non_field_key(text(5))
        .with_domain(text(6));
    for envelope in Envelope::ALL {
        for err in single
            .iter()
            .map(|e| &**e)
            .chain([&collection as &dyn ApiError])
        {
            let response = err.to_response_in(envelope);
            let body = response.body();
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(body) {
                panic!(
                    "{envelope}: not JSON ({e}): {}",
                    String::from_utf8_lossy(body)
                );
            }
            // The secret is only ever in a 5xx's source (unless the input
            // itself spells it).
            if !texts.iter().any(|t| t.contains(SECRET)) {
                assert!(
                    !String::from_utf8_lossy(body).contains(SECRET),
                    "{envelope}: a body shows a 5xx's source"
                );
            }
            for value in response.headers().values() {
                assert!(
                    !value.as_bytes().iter().any(|&b| b == b'\r' || b == b'\n'),
                    "{envelope}: a header value holds a line break"
                );
            }
        }
    }
    // Display impls are total: these panic if one is not.
    let _ = collection.to_string();
    let _ = errcodes::UnredactedDetail(&collection).to_string();
}
