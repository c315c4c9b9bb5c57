//! Decoding is exact: a variant wrapping a collection claims only a
//! collection's answer, a document of several errors is never read as its
//! first, and every error of a collection comes back, in every envelope and
//! in a format of our own.
#![cfg(feature = "client")]

use errcodes::client::{Decode, Decoded};
use errcodes::{
    ApiError, ApiErrorExt as _, ApiErrors, Envelope, ErrorList, FieldError, Format, FormatDecode,
    ReceivedError, json,
};
use http::StatusCode;
use proptest::prelude::*;

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum InventoryError {
    #[api(status = 404, code = "sku_not_found", detail = "No item {sku}.")]
    SkuNotFound { sku: String },
    #[api(status = 409, code = "required", detail = "Taken.")]
    Conflict,
    #[api(transparent)]
    Invalid(ApiErrors),
}

fn decode(status: u16, envelope: Envelope, body: &[u8]) -> Decoded<InventoryError> {
    InventoryError::from_response(status, Some(envelope.media_type()), body).unwrap()
}

#[test]
fn a_collection_variant_claims_only_a_collection_answer() {
    #[derive(Debug, ApiError)]
    enum Server {
        #[api(status = 500, code = "internal", detail = "The database is down.")]
        Down,
        #[api(status = 402, code = "payment_required", detail = "Pay first.")]
        Unpaid,
        #[api(
            status = 400,
            code = "invalid_path",
            detail = "A path parameter is not valid."
        )]
        BadPath,
        #[api(status = 404, code = "not_found", detail = "Not found.")]
        NoRoute,
        #[api(
            status = 405,
            code = "method_not_allowed",
            detail = "Method \"DELETE\" not allowed."
        )]
        NoMethod,
    }
    for envelope in Envelope::ALL {
        for answer in [
            Server::Down,
            Server::Unpaid,
            Server::BadPath,
            Server::NoRoute,
            Server::NoMethod,
        ] {
            let response = answer.to_response_in(envelope);
            let decoded = decode(response.status().as_u16(), envelope, response.body());
            assert!(
                matches!(decoded, Decoded::Unknown(_)),
                "{envelope}: {answer:?} decoded as {decoded:?}"
            );
        }
        // A real validation answer is the collection's.
        let invalid =
            ApiErrors::from_errors([FieldError::new("sku", "required", "Each item needs a SKU.")])
                .unwrap();
        let response = InventoryError::Invalid(invalid).to_response_in(envelope);
        let decoded = decode(response.status().as_u16(), envelope, response.body());
        assert!(
            matches!(&decoded, Decoded::Known(InventoryError::Invalid(errors)) if errors.len() == 1),
            "{envelope}: {decoded:?}"
        );
    }
}

#[test]
fn a_document_of_several_errors_is_never_its_first() {
    // The first error's code is a declared variant's (`required` is also
    // `Conflict`'s): the document is still the collection, whole.
    let errors = ApiErrors::from_errors([
        FieldError::new("sku", "required", "Each item needs a SKU."),
        FieldError::new("qty", "min_value", "At least 1."),
    ])
    .unwrap();
    for envelope in Envelope::ALL {
        let body = errors.render_to_vec(envelope);
        match decode(422, envelope, &body) {
            Decoded::Known(InventoryError::Invalid(decoded)) => {
                assert_eq!(decoded.len(), 2, "{envelope}");
            }
            other => panic!("{envelope}: {other:?}"),
        }
    }
}

/// What a decoded error says: (status, code, location as a member path).
fn facts(decoded: &[Decoded<ReceivedError>]) -> Vec<(u16, Option<String>, Option<String>)> {
    decoded
        .iter()
        .map(|d| match d {
            Decoded::Known(e) | Decoded::Unknown(e) => (
                e.status().as_u16(),
                e.code().map(str::to_owned),
                e.location().map(str::to_owned),
            ),
        })
        .collect()
}

/// A format of our own that writes and reads every error of a collection:
/// `[{"status", "code", "field"?, "message"}]`.
struct Listed;

impl Listed {
    fn object(err: &dyn ApiError, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"status\":");
        json::unsigned(out, usize::from(err.status().as_u16()));
        out.extend_from_slice(b",\"code\":");
        json::string(out, err.code());
        if let Some(errcodes::Location::Field(field)) = err.location() {
            out.extend_from_slice(b",\"field\":");
            json::string(out, field);
        }
        out.extend_from_slice(b",\"message\":");
        json::display(out, &errcodes::Detail::new(err));
        out.push(b'}');
    }
}

impl Format for Listed {
    fn name(&self) -> &str {
        "listed"
    }
    fn media_type(&self) -> &str {
        "application/x-listed+json"
    }
    fn write_error(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        out.push(b'[');
        Listed::object(err, out);
        out.push(b']');
    }
    fn write_errors(&self, errors: ErrorList<'_>, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, err) in errors.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            Listed::object(&err, out);
        }
        out.push(b']');
    }
    fn decoder(&self) -> Option<&dyn FormatDecode> {
        Some(self)
    }
}

impl FormatDecode for Listed {
    fn decode(&self, _: StatusCode, body: &[u8]) -> Option<Vec<ReceivedError>> {
        let items: Vec<serde_json::Value> = serde_json::from_slice(body).ok()?;
        items
            .iter()
            .map(|item| {
                let status = u16::try_from(item.get("status")?.as_u64()?).ok()?;
                let mut received = ReceivedError::new(StatusCode::from_u16(status).ok()?)
                    .with_code(item.get("code")?.as_str()?)
                    .with_detail(item.get("message")?.as_str()?);
                if let Some(field) = item.get("field").and_then(|f| f.as_str()) {
                    received = received.with_location(field);
                }
                Some(received)
            })
            .collect()
    }
}

static LISTED: Listed = Listed;

/// Any answer in `Listed`, as a type declared with `envelope = Listed`
/// decodes: the format is found through the type's preferred envelope.
struct InListed(ReceivedError);

impl Decode for InListed {
    fn from_received(received: &ReceivedError) -> Option<InListed> {
        Some(InListed(received.clone()))
    }
    fn preferred_envelope() -> Envelope {
        Envelope::custom(&LISTED)
    }
}

/// Every error of `body`, read as `envelope`'s.
fn decode_all(status: u16, envelope: Envelope, body: &[u8]) -> Vec<Decoded<ReceivedError>> {
    let content_type = Some(envelope.media_type());
    if envelope.name() == "listed" {
        return InListed::from_response_all(status, content_type, body)
            .unwrap()
            .into_iter()
            .map(|d| match d {
                Decoded::Known(InListed(e)) | Decoded::Unknown(e) => Decoded::Known(e),
            })
            .collect();
    }
    ReceivedError::from_response_all(status, content_type, body).unwrap()
}

/// One field error of a generated collection.
fn field_error() -> impl Strategy<Value = (u16, String, String)> {
    (
        prop_oneof![Just(400u16), Just(409), Just(422), Just(429)],
        "[a-z]{3,8}(_[a-z]{2,6}){0,2}",
        "[a-z]{1,8}(\\.[a-z0-9]{1,4}){0,2}",
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// N errors of mixed statuses, codes and members, rendered and decoded
    /// whole: N errors come back, each with its code, member and (where the
    /// envelope carries one per error) status.
    #[test]
    fn every_error_of_a_collection_comes_back(rows in prop::collection::vec(field_error(), 1..8)) {
        let errors = ApiErrors::from_errors(rows.iter().map(|(status, code, field)| {
            FieldError::new(field.clone(), code.clone(), format!("{field} is wrong."))
                .with_status(StatusCode::from_u16(*status).unwrap())
        }))
        .unwrap();
        let status = errors.status().as_u16();
        for envelope in Envelope::ALL.into_iter().chain([Envelope::custom(&LISTED)]) {
            let body = errors.render_to_vec(envelope);
            let decoded = decode_all(status, envelope, &body);
            let got = facts(&decoded);
            // Laravel groups messages by key (keys in order of first
            // appearance, each key's messages in order) and carries no codes.
            if envelope == Envelope::Laravel {
                let mut keys: Vec<&String> = Vec::new();
                for (_, _, field) in &rows {
                    if !keys.contains(&field) {
                        keys.push(field);
                    }
                }
                let expected: Vec<&String> = keys
                    .iter()
                    .flat_map(|key| rows.iter().filter(move |(_, _, f)| f == *key).map(|(_, _, f)| f))
                    .collect();
                prop_assert_eq!(got.len(), expected.len(), "{}", envelope);
                for ((_, _, location), key) in got.iter().zip(expected) {
                    prop_assert_eq!(location.as_deref(), Some(key.as_str()), "{}", envelope);
                }
                continue;
            }
            prop_assert_eq!(got.len(), rows.len(), "{}: {:?}", envelope, got);
            for ((got_status, got_code, got_location), (status, code, field)) in got.iter().zip(&rows) {
                let member = got_location.as_deref().and_then(errcodes_member);
                prop_assert_eq!(member.as_deref(), Some(field.as_str()), "{}", envelope);
                // ShipStream has no codes; the others carry each error's.
                if envelope != Envelope::ShipStream {
                    let expected = if envelope == Envelope::Aip193 || envelope == Envelope::Connect { code.to_uppercase() } else { code.clone() };
                    prop_assert_eq!(got_code.as_deref(), Some(expected.as_str()), "{}", envelope);
                }
                // JSON:API and our own format carry a status per error.
                if envelope == Envelope::JsonApi || envelope.name() == "listed" {
                    prop_assert_eq!(got_status, status, "{}", envelope);
                }
            }
        }
    }
}

/// A location as the member path it names (pointers and AIP-193's
/// `items[0].sku` brackets back to dots).
fn errcodes_member(location: &str) -> Option<String> {
    let dotted = if let Some(pointer) = location
        .strip_prefix("/data/attributes/")
        .or_else(|| location.strip_prefix("#/"))
    {
        pointer.replace('/', ".")
    } else {
        location.replace('[', ".").replace(']', "")
    };
    Some(dotted)
}
