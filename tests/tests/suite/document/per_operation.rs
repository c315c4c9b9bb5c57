//! Per-operation errors: an operation lists only the variants it can
//! answer, by name or by code, and the app document (with the layer's own
//! answers added) and the contract follow the selection.
#![cfg(all(feature = "utoipa", feature = "axum"))]

use errcodes::openapi::{Only, variants};
use errcodes::{ApiError, Envelope, Profile};
use serde_json::Value;
use utoipa::OpenApi;

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
pub enum BookingError {
    #[api(status = 404, code = "booking_not_found", detail = "No booking {id}.")]
    NotFound { id: u64 },
    #[api(status = 409, code = "room_taken", detail = "The room is taken.")]
    RoomTaken,
    #[api(
        status = 422,
        code = "date_in_past",
        attr = "date",
        detail = "The date is past."
    )]
    DateInPast,
    #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
    Throttled,
}

#[utoipa::path(get, path = "/bookings/{id}", responses(
    (status = 200, description = "The booking"),
    Only<BookingError, { variants::<BookingError>(&["NotFound", "throttled"]) }>,
))]
#[allow(dead_code)]
async fn booking() {}

#[utoipa::path(post, path = "/bookings", responses(
    (status = 201, description = "Booked"),
    Only<BookingError, { variants::<BookingError>(&["room_taken", "DateInPast", "Throttled"]) }>,
))]
#[allow(dead_code)]
async fn book() {}

#[derive(OpenApi)]
#[openapi(paths(booking, book))]
struct Api;

fn statuses(doc: &Value, path: &str, method: &str) -> Vec<String> {
    doc["paths"][path][method]["responses"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

#[test]
fn each_operation_documents_only_what_it_answers() {
    let doc = serde_json::to_value(Api::openapi()).unwrap();
    assert_eq!(
        statuses(&doc, "/bookings/{id}", "get"),
        ["200", "404", "429"]
    );
    assert_eq!(
        statuses(&doc, "/bookings", "post"),
        ["201", "409", "422", "429"]
    );

    // Under the layer: the selection, and the layer's own answers.
    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let app = crate::support::inline_responses(
        serde_json::to_value(layer.openapi(Api::openapi)).unwrap(),
    );
    let get = statuses(&app, "/bookings/{id}", "get");
    assert!(!get.contains(&"409".to_owned()), "{get:?}");
    assert!(!get.contains(&"422".to_owned()), "{get:?}");
    for own in ["405", "406", "500"] {
        assert!(get.contains(&own.to_owned()), "{get:?}");
    }
    let examples = &app["paths"]["/bookings/{id}"]["get"]["responses"]["404"]["content"]["application/problem+json"]
        ["examples"];
    assert!(examples["NotFound"].is_object(), "{examples}");
    let codes = |path: &str, method: &str| -> Vec<String> {
        app["paths"][path][method]["responses"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|r| {
                r["content"]
                    .as_object()
                    .into_iter()
                    .flat_map(|c| c.values())
            })
            .flat_map(|c| {
                c["examples"]
                    .as_object()
                    .into_iter()
                    .flat_map(|e| e.values())
            })
            .filter_map(|e| e["value"]["code"].as_str().map(str::to_owned))
            .collect()
    };
    let get_codes = codes("/bookings/{id}", "get");
    assert!(
        get_codes.contains(&"booking_not_found".to_owned()),
        "{get_codes:?}"
    );
    assert!(
        !get_codes.contains(&"room_taken".to_owned()),
        "{get_codes:?}"
    );
    assert!(codes("/bookings", "post").contains(&"room_taken".to_owned()));

    // The app's contract has every selected variant, once.
    let contract = errcodes::contract::Contract::of_document(&Api::openapi());
    let declared: Vec<&str> = contract.clauses().map(|c| c.code.as_str()).collect();
    for code in [
        "booking_not_found",
        "room_taken",
        "date_in_past",
        "throttled",
    ] {
        assert!(declared.contains(&code), "{code}: {declared:?}");
    }
}

/// Declared example values fill the examples: each is the variant built
/// from them and rendered, equal to its wire body byte for byte; a meta
/// member and a member named at run time show the declared value.
#[test]
fn examples_are_the_variants_built_from_their_declared_values() {
    use errcodes::ApiErrorExt as _;

    #[derive(Debug, ApiError)]
    #[api(type_base = "https://errors.example.com/")]
    enum StockError {
        #[api(
            status = 409,
            code = "out_of_stock",
            detail = "Only {left} of {sku} left."
        )]
        OutOfStock {
            #[api(example = "B-2")]
            sku: String,
            #[api(meta, example = 3)]
            left: u32,
        },
        #[api(status = 422, code = "invalid_quantity", detail = "Not a quantity.")]
        Invalid {
            #[api(attr, example = "items.0.quantity")]
            member: String,
        },
        #[api(status = 404, code = "no_stock", detail = "No stock for {sku}.")]
        NoStock { sku: String },
    }

    #[utoipa::path(get, path = "/stock", responses((status = 200, description = "Stock"), StockError))]
    #[allow(dead_code)]
    async fn stock() {}

    #[derive(OpenApi)]
    #[openapi(paths(stock))]
    struct Doc;

    let doc = serde_json::to_value(Doc::openapi()).unwrap();
    let example = |status: &str, key: &str| {
        doc["paths"]["/stock"]["get"]["responses"][status]["content"]["application/problem+json"]
            ["examples"][key]["value"]
            .clone()
    };
    let wire = StockError::OutOfStock {
        sku: "B-2".into(),
        left: 3,
    }
    .render_to_vec(Envelope::Problem);
    // The document's value is the wire body, member for member and in its
    // order (read back the way the document was, so the comparison holds
    // whether or not serde_json keeps insertion order).
    let wire: Value = serde_json::from_slice(&wire).unwrap();
    assert_eq!(
        serde_json::to_string(&example("409", "OutOfStock")).unwrap(),
        serde_json::to_string(&wire).unwrap()
    );
    assert_eq!(example("409", "OutOfStock")["left"], 3);
    let invalid = example("422", "Invalid");
    assert_eq!(
        invalid["errors"][0]["pointer"], "#/items/0/quantity",
        "{invalid}"
    );
    // Without declared values: the template, as before.
    assert_eq!(example("404", "NoStock")["detail"], "No stock for {sku}.");
}

/// Retry semantics reach the document: each response names the codes
/// clients may retry (`x-retry`), and their examples say how.
#[test]
fn the_document_says_what_clients_may_retry() {
    let doc = serde_json::to_value(Api::openapi()).unwrap();
    let throttled = &doc["paths"]["/bookings/{id}"]["get"]["responses"]["429"];
    assert_eq!(
        throttled["x-retry"],
        serde_json::json!({"throttled": "throttled"})
    );
    let example = &throttled["content"]["application/problem+json"]["examples"]["Throttled"];
    assert!(
        example["description"]
            .as_str()
            .unwrap()
            .contains("after the delay"),
        "{example}"
    );
    // A 404 is not retried: nothing said.
    assert!(
        doc["paths"]["/bookings/{id}"]["get"]["responses"]["404"]
            .get("x-retry")
            .is_none()
    );
    // Under the layer too, where a 503 of the layer's own would say so.
    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let app = crate::support::inline_responses(
        serde_json::to_value(layer.openapi(Api::openapi)).unwrap(),
    );
    assert_eq!(
        app["paths"]["/bookings/{id}"]["get"]["responses"]["429"]["x-retry"],
        serde_json::json!({"throttled": "throttled"})
    );
}

/// Two selections that give one status alike (a 409) and another status
/// differently (each its own 404): each operation shows its own variants
/// only, never the other selection's.
#[test]
fn selections_alike_at_one_status_stay_apart() {
    #[derive(Debug, ApiError)]
    pub enum RoomError {
        #[api(status = 404, code = "room_not_found", detail = "No such room.")]
        RoomNotFound,
        #[api(status = 404, code = "booking_not_found", detail = "No such booking.")]
        BookingNotFound,
        #[api(status = 409, code = "overlap", detail = "The room is taken.")]
        Overlap,
    }

    #[utoipa::path(post, path = "/bookings", responses(
        (status = 201, description = "Booked"),
        Only<RoomError, { variants::<RoomError>(&["RoomNotFound", "Overlap"]) }>,
    ))]
    #[allow(dead_code)]
    async fn create() {}

    #[utoipa::path(put, path = "/bookings/{id}", responses(
        (status = 200, description = "Moved"),
        Only<RoomError, { variants::<RoomError>(&["BookingNotFound", "Overlap"]) }>,
    ))]
    #[allow(dead_code)]
    async fn update() {}

    #[derive(OpenApi)]
    #[openapi(paths(create, update))]
    struct Rooms;

    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let app = crate::support::inline_responses(
        serde_json::to_value(layer.openapi(Rooms::openapi)).unwrap(),
    );
    let shown = |path: &str, method: &str, status: &str| -> Vec<String> {
        app["paths"][path][method]["responses"][status]["content"]["application/problem+json"]
            ["examples"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(
        shown("/bookings", "post", "404"),
        ["RoomNotFound", "not_found"]
    );
    assert_eq!(
        shown("/bookings/{id}", "put", "404"),
        ["BookingNotFound", "not_found"]
    );
    assert_eq!(shown("/bookings", "post", "409"), ["Overlap"]);
    assert_eq!(shown("/bookings/{id}", "put", "409"), ["Overlap"]);
}
