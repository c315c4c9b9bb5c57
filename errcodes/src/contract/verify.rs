//! Contract tests users get for free: every variant of a type, rendered in
//! every envelope it answers in, held to the type's own document and read
//! back by the client.

use serde_json::Value;

use crate::catalog::Catalog;
use crate::client::{Decode, Decoded};
use crate::error::{ApiError, Envelope};
use crate::ext::ApiErrorExt as _;
use crate::openapi::Documented;

/// What [`verify`] checked: one line per variant and envelope.
///
/// ```
/// let verified = errcodes::contract::Verified::default();
/// assert!(verified.checked.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// `Variant in envelope: what held`, in order.
    pub checked: Vec<String>,
}

/// Renders every variant of `T` (built from its declared `example` values,
/// else as its document shows it) in every envelope it answers in (its own
/// when it is fixed, every built-in one otherwise), checks each body with
/// `validate` against the schema `T`'s document gives that envelope (pass a
/// JSON Schema validator's check: `jsonschema`'s, for one), and decodes it
/// back with the client: a variant built from its examples must come back
/// as a value that answers the same bytes, any other as its code.
///
/// # Errors
///
/// Every failure, one per line, naming the variant, the envelope and what
/// failed.
///
/// ```
/// use errcodes::ApiError;
/// use errcodes::contract::verify;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// enum OrderError {
///     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
///     NotFound {
///         #[api(example = 42)]
///         id: u64,
///     },
/// }
///
/// // A validator that accepts everything, for the sake of the example; a
/// // test suite passes a JSON Schema validator.
/// let verified = verify::<OrderError>(|_schema, _body| Ok(())).unwrap();
/// assert!(verified.checked.iter().any(|line| line.starts_with("NotFound in problem")));
/// ```
pub fn verify<T>(
    validate: impl Fn(&Value, &Value) -> Result<(), String>,
) -> Result<Verified, String>
where
    T: Catalog + Documented + Decode + ApiError + core::fmt::Debug + crate::__private::Examples,
{
    let own = T::SETTINGS;
    let envelopes: Vec<Envelope> = if own.fixed_envelope {
        vec![own.envelope]
    } else {
        Envelope::ALL.to_vec()
    };
    let examples = T::examples();
    let mut verified = Verified::default();
    let mut failures = Vec::new();
    for entry in T::CATALOG.iter().filter(|e| e.transparent().is_none()) {
        let built = T::example(entry.variant());
        let shown = crate::openapi::shown_of(core::slice::from_ref(entry), own, &[], &examples);
        let Some(one) = shown.into_iter().next() else {
            continue;
        };
        for &envelope in &envelopes {
            let what = format!("{} in {}", entry.variant(), envelope.name());
            let response = one.err.to_response_in(envelope);
            let Ok(value) = serde_json::from_slice::<Value>(response.body()) else {
                failures.push(format!("{what}: the body is not JSON"));
                continue;
            };
            let schema = crate::openapi::schema(envelope, T::CATALOG);
            if let Err(why) = validate(&schema, &value) {
                failures.push(format!(
                    "{what}: the body does not match the document: {why}"
                ));
                continue;
            }
            // Decoded as a client reads the answer: its body and headers.
            let decoded = match T::from_http_response(&response) {
                Ok(decoded) => decoded,
                Err(err) => {
                    failures.push(format!("{what}: the client could not read it: {err}"));
                    continue;
                }
            };
            // Decoded back, the variant answers the same bytes: what the
            // envelope carries came back (an envelope without a place for
            // meta members drops them on the wire and in the decoding alike).
            let held = match (&built, decoded) {
                (Some(_), Decoded::Known(back))
                    if back.render_to_vec(envelope) == *response.body() =>
                {
                    "decodes back to the same answer"
                }
                (Some(_), Decoded::Known(back)) => {
                    failures.push(format!(
                        "{what}: decodes back as {back:?}, which answers {}",
                        String::from_utf8_lossy(&back.render_to_vec(envelope))
                    ));
                    continue;
                }
                (None, Decoded::Known(back)) if back.code() == entry.code() => {
                    "decodes back to its code"
                }
                (None, Decoded::Unknown(back))
                    if !entry.code_sent() || back.code() == Some(entry.code()) =>
                {
                    "decodes back to its code"
                }
                (_, other) => {
                    failures.push(format!("{what}: decodes back as {other:?}"));
                    continue;
                }
            };
            verified
                .checked
                .push(format!("{what}: matches the document, {held}"));
        }
    }
    if failures.is_empty() {
        Ok(verified)
    } else {
        Err(failures.join("\n"))
    }
}
