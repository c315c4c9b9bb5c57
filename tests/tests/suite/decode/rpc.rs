//! One declaration, every RPC shape: the canonical code a variant declares
//! (`rpc_code`) or its status gives, alike in AIP-193, Connect and gRPC;
//! each shape decoded back into the variant; both JSON dialects of
//! `google.rpc.Status` read.
#![cfg(feature = "client")]

use errcodes::ApiErrorExt as _;
use errcodes::client::{Decode, Decoded, read};
use errcodes::rpc::Code;
use errcodes::{ApiError, Envelope};

#[derive(Debug, PartialEq, ApiError)]
#[api(domain = "shop.example.com", type_base = "https://errors.example.com/")]
enum ShopError {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {id} exists."
    )]
    NotFound {
        #[api(meta)]
        id: u64,
    },
    /// A 422 over gRPC: code.proto has none, so it says what it becomes.
    #[api(
        status = 422,
        code = "sold_out",
        rpc_code = "FAILED_PRECONDITION",
        detail = "{sku} is sold out."
    )]
    SoldOut {
        #[api(meta)]
        sku: String,
    },
    #[api(
        status = 422,
        code = "too_many",
        attr = "quantity",
        detail = "At most 10."
    )]
    TooMany,
}

#[test]
fn a_declared_rpc_code_holds_in_every_rpc_shape() {
    let err = ShopError::SoldOut { sku: "A-1".into() };
    assert_eq!(
        errcodes::rpc::Status::of(&err).code(),
        Code::FailedPrecondition
    );
    assert_eq!(
        err.to_json_value(Envelope::Aip193)["error"]["status"],
        "FAILED_PRECONDITION"
    );
    assert_eq!(
        err.to_json_value(Envelope::Connect)["code"],
        "failed_precondition"
    );
    // Undeclared: the status's, by code.proto (a 422 is INVALID_ARGUMENT).
    assert_eq!(
        ShopError::TooMany.to_json_value(Envelope::Connect)["code"],
        "invalid_argument"
    );
    assert_eq!(
        ShopError::NotFound { id: 7 }.to_json_value(Envelope::Connect)["code"],
        "not_found"
    );
}

#[test]
fn connect_answers_decode_back_into_their_variants() {
    for err in [
        ShopError::NotFound { id: 7 },
        ShopError::SoldOut { sku: "A-1".into() },
        ShopError::TooMany,
    ] {
        let response = err.to_response_in(Envelope::Connect);
        let decoded = read(
            response.status(),
            "application/json",
            response.body(),
            Envelope::Connect,
        )
        .unwrap();
        assert_eq!(
            ShopError::from_received(&decoded[0]),
            Some(err),
            "{}",
            String::from_utf8_lossy(response.body())
        );
    }
}

#[test]
fn grpc_gateway_s_dialect_reads_like_google_s() {
    // grpc-gateway: no `error` wrapper, the gRPC code's number in `code`.
    let gateway = r#"{"code":5,"message":"No order 7 exists.","details":[
        {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ORDER_NOT_FOUND","domain":"shop.example.com","metadata":{"id":"7"}}]}"#;
    let received = read(404, "application/json", gateway, Envelope::Aip193).unwrap();
    assert_eq!(received[0].status(), 404);
    assert_eq!(
        ShopError::from_received(&received[0]),
        Some(ShopError::NotFound { id: 7 })
    );
    // Google's: the HTTP status in `code`, under `error`.
    let google = ShopError::NotFound { id: 7 }.render_to_vec(Envelope::Aip193);
    let received = read(404, "application/json", &google, Envelope::Aip193).unwrap();
    assert_eq!(
        ShopError::from_received(&received[0]),
        Some(ShopError::NotFound { id: 7 })
    );
}

#[cfg(feature = "tonic")]
#[test]
fn grpc_statuses_decode_back_into_their_variants() {
    use tonic_types::StatusExt as _;

    for err in [
        ShopError::NotFound { id: 7 },
        ShopError::SoldOut { sku: "A-1".into() },
        ShopError::TooMany,
    ] {
        let status = tonic::Status::from(err);
        let details = status.get_error_details();
        let info = details.error_info().unwrap();
        assert_eq!(info.domain, "shop.example.com");
        assert!(
            details.help().unwrap().links[0]
                .url
                .starts_with("https://errors.example.com/")
        );
        let back = errcodes::tonic::decode::<ShopError>(&status);
        assert!(matches!(back, Decoded::Known(_)), "{status:?}: {back:?}");
    }
    // The 422 that travelled as INVALID_ARGUMENT comes back as itself.
    let status = tonic::Status::from(ShopError::TooMany);
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    let violations = status
        .get_error_details()
        .bad_request()
        .unwrap()
        .field_violations
        .clone();
    assert_eq!(violations[0].field, "quantity");
    assert_eq!(
        errcodes::tonic::decode::<ShopError>(&status),
        Decoded::Known(ShopError::TooMany)
    );
    // A status errcodes did not write decodes as unknown, with its code.
    let foreign = tonic::Status::not_found("no such shelf");
    match errcodes::tonic::decode::<ShopError>(&foreign) {
        Decoded::Unknown(received) => {
            assert_eq!(received.status(), 404);
            assert_eq!(received.detail(), Some("no such shelf"));
        }
        known => panic!("{known:?}"),
    }
}
