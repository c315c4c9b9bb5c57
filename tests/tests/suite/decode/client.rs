//! Typed decoding on the client: every variant of the tour's and the golden
//! tests' enums, rendered in every envelope as a full response, decoded
//! back, and rendered again: the same status, headers and bytes. Variants
//! whose fields a body cannot give back (a source error, a borrowed field)
//! decode as `Unknown`, with what the body said.
#![cfg(feature = "client")]

use std::fmt::Debug;
use std::time::Duration;

use errcodes::client::{Decode, DecodeError, Decoded};
use errcodes::{ApiError, ApiErrorExt as _, ApiErrors, Envelope, FieldError, FieldPath};

use crate::examples::orders::OrderError;
use crate::examples::tour::SignupError;

/// Renders `err` in every envelope, decodes each response, and checks the
/// outcome: `known` says whether the variant must come back as itself.
fn round_trip<E: ApiError + Decode + Debug>(err: &E, known: bool) {
    for envelope in Envelope::ALL {
        let response = err.to_response_in(envelope);
        let decoded = E::from_http_response(&response)
            .unwrap_or_else(|e| panic!("{envelope}: {err:?} did not decode: {e}"));
        match decoded {
            Decoded::Known(back) => {
                assert!(known, "{envelope}: {err:?} should not decode, got {back:?}");
                let again = back.to_response_in(envelope);
                assert_eq!(again.status(), response.status(), "{envelope}: {err:?}");
                assert_eq!(again.headers(), response.headers(), "{envelope}: {err:?}");
                assert_eq!(
                    String::from_utf8_lossy(again.body()),
                    String::from_utf8_lossy(response.body()),
                    "{envelope}: {err:?} decoded as {back:?}"
                );
            }
            Decoded::Unknown(received) => {
                assert!(
                    !known,
                    "{envelope}: {err:?} decoded as unknown: {received:?}"
                );
                assert_eq!(received.status(), response.status());
                // What the body said survives: the code, where the envelope
                // carries one.
                if !err.settings().redact_code
                    && [Envelope::JsonApi, Envelope::Problem, Envelope::Drf].contains(&envelope)
                {
                    assert_eq!(received.code(), Some(err.code()), "{envelope}: {err:?}");
                }
            }
        }
    }
}

#[test]
fn the_tours_errors_round_trip_in_every_envelope() {
    round_trip(&SignupError::NameMissing, true);
    round_trip(
        &SignupError::Duplicate {
            email: "bob@example.com".into(),
        },
        true,
    );
    round_trip(&SignupError::RateLimited { retry_after: 30 }, true);
    // A source error is never in the body.
    round_trip(
        &SignupError::Database(std::io::Error::other("db-1:5432 refused")),
        false,
    );
}

#[test]
fn the_golden_errors_round_trip_in_every_envelope() {
    round_trip(
        &OrderError::Conflict {
            order: 7,
            current_version: 3,
            editor: "alice".into(),
        },
        true,
    );
    round_trip(
        &OrderError::InvalidEmail {
            value: "bob(at)example".into(),
        },
        true,
    );
    round_trip(
        &OrderError::Required {
            field: "email".into(),
        },
        true,
    );
    round_trip(&OrderError::Unauthenticated, true);
    round_trip(&OrderError::Throttled { retry_after: 120 }, true);
    // A `&'static str` field cannot be rebuilt from a body.
    round_trip(
        &OrderError::MethodNotAllowed {
            method: "PATCH".into(),
            allow: "GET, POST",
        },
        false,
    );
    round_trip(&OrderError::Io(std::io::Error::other("disk full")), false);
}

#[test]
fn fields_come_back_from_the_detail_meta_and_headers() {
    let sent = OrderError::Conflict {
        order: 7,
        current_version: 3,
        editor: "alice".into(),
    };
    let response = sent.to_response_in(Envelope::JsonApi);
    let Decoded::Known(OrderError::Conflict {
        order,
        current_version,
        editor,
    }) = OrderError::from_http_response(&response).unwrap()
    else {
        panic!("not a conflict")
    };
    assert_eq!((order, current_version, editor.as_str()), (7, 3, "alice"));
    // AIP-193's metadata holds strings: parsed back into the field's type.
    let response = sent.to_response_in(Envelope::Aip193);
    let decoded = OrderError::from_http_response(&response).unwrap();
    assert!(matches!(
        decoded,
        Decoded::Known(OrderError::Conflict {
            current_version: 3,
            ..
        })
    ));
}

/// Generic and borrowed types decode too; what cannot be rebuilt stays
/// unknown.
#[derive(Debug, PartialEq, ApiError)]
#[api(envelope = "drf")]
enum Lookup<'a, T: std::fmt::Display> {
    #[api(status = 404, detail = "No order {0}.")]
    NotFound(T),
    #[api(status = 429, code = "slow_down", detail = "Slow down, {0}.")]
    Throttled(&'a str, #[api(header = "Retry-After")] Duration),
    #[api(status = 410, code = "gone")]
    Gone,
}

impl<T: std::fmt::Display> std::fmt::Display for Lookup<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("gone for good")
    }
}

#[test]
fn generic_and_borrowed_fields() {
    // A generic field: its type is unknown where the impl is compiled.
    let response = Lookup::<u64>::NotFound(3).to_response();
    assert!(matches!(
        Lookup::<u64>::from_http_response(&response).unwrap(),
        Decoded::Unknown(_)
    ));
    let response = Lookup::<u64>::Throttled("bob", Duration::from_secs(9)).to_response();
    assert!(matches!(
        Lookup::<u64>::from_http_response(&response).unwrap(),
        Decoded::Unknown(_)
    ));
    let response = Lookup::<u64>::Gone.to_response();
    assert_eq!(
        Lookup::<u64>::from_http_response(&response).unwrap(),
        Decoded::Known(Lookup::Gone)
    );
}

#[test]
fn unknown_codes_and_foreign_bodies() {
    let body = br#"{"errors":[{"status":"418","code":"teapot","title":"I'm a teapot","detail":"Short and stout."}]}"#;
    let Decoded::Unknown(received) =
        SignupError::from_response(418, Some("application/vnd.api+json"), body).unwrap()
    else {
        panic!("a teapot is not a signup error")
    };
    assert_eq!(received.code(), Some("teapot"));
    assert_eq!(received.detail(), Some("Short and stout."));
    assert_eq!(received.render_to_vec(Envelope::JsonApi), body.to_vec());
    // A known code with another status is not that variant.
    let body = br#"{"type":"about:blank","title":"Conflict","status":409,"code":"required"}"#;
    assert!(matches!(
        SignupError::from_response(409, Some("application/problem+json"), body).unwrap(),
        Decoded::Unknown(_)
    ));
    assert!(matches!(
        SignupError::from_response(200, None, b"{}"),
        Err(DecodeError::NotAnError(200))
    ));
    assert!(matches!(
        SignupError::from_response(500, Some("text/html"), b"<h1>Bad Gateway</h1>"),
        Err(DecodeError::NotJson(_))
    ));
    assert!(matches!(
        SignupError::from_response(500, None, br#"{"oops": true}"#),
        Err(DecodeError::UnknownEnvelope)
    ));
}

#[test]
fn collections_decode_into_field_errors() {
    let sent = ApiErrors::from_errors([
        FieldError::new("email", "invalid", "Enter a valid email address."),
        FieldError::new("address.zip", "invalid", "Postal code is not valid."),
        FieldError::new(
            FieldPath::new().key("items").index(0).key("sku"),
            "required",
            "SKU is required.",
        ),
        // Percent-encoded in Problem's fragment pointers, `~1` in pointers.
        FieldError::new("first name", "required", "Required."),
        FieldError::new(FieldPath::new().key("a/b"), "invalid", "Bad."),
    ])
    .unwrap();
    // The envelopes that carry codes and locations give the same body back.
    for envelope in [Envelope::JsonApi, Envelope::Problem, Envelope::Drf] {
        let response = sent.to_response_in(envelope);
        let content_type = response.headers()["content-type"].to_str().unwrap();
        let back = ApiErrors::decode(422, Some(content_type), response.body()).unwrap();
        assert_eq!(back.len(), 5, "{envelope}");
        assert_eq!(
            String::from_utf8(back.render_to_vec(envelope)).unwrap(),
            String::from_utf8(response.body().clone()).unwrap(),
            "{envelope}"
        );
    }
    // Laravel has no codes: each message keeps its key.
    let body = sent.render_to_vec(Envelope::Laravel);
    let back = ApiErrors::decode(422, Some("application/json"), &body).unwrap();
    assert_eq!(back.len(), 5);
    assert_eq!(back.render_to_vec(Envelope::Laravel), body);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text in a template field, any number in a header and meta
        /// field: every envelope gives the same response back.
        #[test]
        fn any_field_values_round_trip(email in "\\PC*", wait in any::<u32>()) {
            round_trip(&SignupError::Duplicate { email }, true);
            round_trip(&SignupError::RateLimited { retry_after: wait }, true);
        }

        /// Whatever the body, decoding answers; it never panics.
        #[test]
        fn any_body_is_answered(status in 400u16..600, body in proptest::collection::vec(any::<u8>(), 0..256)) {
            for content_type in [None, Some("application/json"), Some("application/problem+json"), Some("application/vnd.api+json")] {
                let _ = SignupError::from_response(status, content_type, &body);
                let _ = ApiErrors::decode(status, content_type, &body);
            }
        }

        /// Whatever JSON, in any of the envelopes' shapes.
        #[test]
        fn any_json_is_answered(status in 400u16..600, json in json_value()) {
            let body = serde_json::to_vec(&json).unwrap();
            let _ = OrderError::from_response(status, Some("application/json"), &body);
            let _ = OrderError::from_response(status, Some("application/problem+json"), &body);
            let _ = ApiErrors::decode(status, None, &body);
        }
    }

    /// JSON values built from the envelopes' member names, so decoders meet
    /// shapes close to their own.
    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let names = prop::sample::select(vec![
            "errors", "message", "type", "title", "status", "detail", "code", "attr", "source",
            "pointer", "meta", "details", "key", "error", "reason", "metadata", "@type", "x",
        ]);
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "\\PC{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                prop::collection::vec((names.clone(), inner), 0..5).prop_map(|members| {
                    serde_json::Value::Object(
                        members
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect(),
                    )
                }),
            ]
        })
    }
}

use crate::examples::custom_envelope as custom;

/// A format of your own that reads its bodies back decodes like a built-in
/// one, tried first as the type's own envelope.
#[test]
fn a_format_of_your_own_decodes_through_its_decoder() {
    use custom::PaymentError;

    for (err, known) in [
        (PaymentError::CardDeclined, true),
        (PaymentError::AmountMissing, true),
        (
            PaymentError::Ledger(std::io::Error::other("ledger-3")),
            false,
        ),
    ] {
        let response = err.to_response();
        match PaymentError::from_http_response(&response).unwrap() {
            Decoded::Known(back) => {
                assert!(known, "{err:?}");
                assert_eq!(back.to_response().body(), response.body());
            }
            Decoded::Unknown(received) => {
                assert!(!known, "{err:?}: {received:?}");
                assert_eq!(received.status(), 500);
            }
        }
    }
}

/// The status as a `StatusCode`, the content type as a plain `&str`, the
/// body as a `Vec<u8>` or text: whatever the HTTP client handed over.
#[test]
fn decoding_takes_what_http_clients_give() {
    let sent = SignupError::Duplicate {
        email: "bob@example.com".into(),
    };
    let response = sent.to_response();
    let body: Vec<u8> = response.body().clone();
    let text = String::from_utf8(body.clone()).unwrap();
    for decoded in [
        SignupError::from_response(response.status(), "application/vnd.api+json", body),
        SignupError::from_response(409, None, text.as_str()),
    ] {
        assert!(matches!(
            decoded.unwrap(),
            Decoded::Known(SignupError::Duplicate { email }) if email == "bob@example.com"
        ));
    }
}

/// Tuple variants, two placeholders, a struct: all come back.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api(envelope = "problem")]
enum Shapes {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {0} for {1}."
    )]
    Tuple(u64, String),
    #[api(
        status = 409,
        code = "taken",
        detail = "{name} is taken, try {suggestion}"
    )]
    Named { name: String, suggestion: String },
}

#[derive(Debug, PartialEq, ApiError)]
#[api(status = 410, code = "archived", detail = "Order {id} was archived.")]
struct Archived {
    id: u32,
}

#[test]
fn tuple_struct_and_multi_placeholder_shapes() {
    let cases = [
        Shapes::Tuple(42, "bob".into()),
        Shapes::Named {
            name: "bob".into(),
            suggestion: "bob2".into(),
        },
    ];
    for envelope in Envelope::ALL {
        for sent in &cases {
            let response = sent.to_response_in(envelope);
            assert_eq!(
                Shapes::from_http_response(&response).unwrap(),
                Decoded::Known(sent.clone()),
                "{envelope}"
            );
        }
        let response = Archived { id: 7 }.to_response_in(envelope);
        assert_eq!(
            Archived::from_http_response(&response).unwrap(),
            Decoded::Known(Archived { id: 7 }),
            "{envelope}"
        );
    }
}

/// AIP-193 spells codes as reasons and meta names as metadata keys; the
/// decoder matches them with the writer's own spelling, whatever the
/// declared case.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api(envelope = "aip193")]
enum Spelled {
    #[api(status = 404, code = "orderNotFound", detail = "No order {reference}.")]
    Camel {
        #[api(meta = "Order-Ref")]
        reference: String,
        #[api(meta)]
        shelf_no: u32,
    },
    #[api(status = 401, code = "2fa_required", detail = "Second factor needed.")]
    SecondFactor,
}

#[test]
fn aip193_spellings_decode_back() {
    for sent in [
        Spelled::Camel {
            reference: "A-1".into(),
            shelf_no: 7,
        },
        Spelled::SecondFactor,
    ] {
        let response = sent.to_response();
        assert_eq!(
            Spelled::from_http_response(&response).unwrap(),
            Decoded::Known(sent.clone())
        );
    }
}
