//! The size of a whole app's document: a trial-sized API (7 operations,
//! 2 envelopes negotiated, 8 variants, each operation listing the variants
//! it answers). Output bytes are deterministic, so the size is a test: it
//! holds the line BENCHMARKS.md "Document size" records.
#![cfg(all(feature = "utoipa", feature = "axum"))]

use errcodes::openapi::{Only, variants};
use utoipa::OpenApi;

#[derive(Debug, errcodes::ApiError)]
#[api(type_base = "https://errors.rooms.example/")]
pub enum BookingError {
    #[api(
        status = 404,
        code = "booking_not_found",
        detail = "No booking {id} exists."
    )]
    BookingNotFound {
        #[api(example = 42)]
        id: u64,
    },
    #[api(
        status = 404,
        code = "room_not_found",
        detail = "No room {room} exists."
    )]
    RoomNotFound {
        #[api(example = "blue")]
        room: String,
    },
    #[api(
        status = 409,
        code = "booking_overlap",
        detail = "Room {room} is taken from {from}."
    )]
    Overlap {
        #[api(example = "blue")]
        room: String,
        #[api(example = "2026-12-06T10:00:00Z")]
        from: String,
    },
    #[api(
        status = 422,
        code = "too_long",
        attr = "hours",
        detail = "A booking lasts at most 8 hours, not {hours}."
    )]
    TooLong {
        #[api(example = 12)]
        hours: u32,
    },
    #[api(
        status = 422,
        code = "in_past",
        attr = "from",
        detail = "A booking cannot start in the past."
    )]
    InPast,
    #[api(
        status = 429,
        code = "throttled",
        throttled,
        detail = "Too many requests."
    )]
    Throttled {
        #[api(header = "Retry-After")]
        wait: std::time::Duration,
    },
    #[api(status = 500, code = "internal")]
    Database(#[api(from)] std::io::Error),
    #[api(
        status = 503,
        code = "calendar_down",
        detail = "The calendar is unavailable."
    )]
    CalendarDown,
}

#[utoipa::path(get, path = "/bookings",  responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["CalendarDown","Throttled","Database"]) }>))]
#[allow(dead_code)]
async fn list_bookings() {}
#[utoipa::path(get, path = "/bookings/{id}", params(("id" = u64, Path)), responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["BookingNotFound","Database"]) }>))]
#[allow(dead_code)]
async fn get_booking() {}
#[utoipa::path(post, path = "/bookings",  responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["RoomNotFound","Overlap","TooLong","InPast","Throttled","Database"]) }>))]
#[allow(dead_code)]
async fn create_booking() {}
#[utoipa::path(put, path = "/bookings/{id}", params(("id" = u64, Path)), responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["BookingNotFound","Overlap","TooLong","InPast","Database"]) }>))]
#[allow(dead_code)]
async fn update_booking() {}
#[utoipa::path(delete, path = "/bookings/{id}", params(("id" = u64, Path)), responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["BookingNotFound","Database"]) }>))]
#[allow(dead_code)]
async fn delete_booking() {}
#[utoipa::path(get, path = "/rooms",  responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["Database"]) }>))]
#[allow(dead_code)]
async fn list_rooms() {}
#[utoipa::path(get, path = "/rooms/{id}", params(("id" = u64, Path)), responses((status = 200, description = "Done"), Only<BookingError, { variants::<BookingError>(&["RoomNotFound","Database"]) }>))]
#[allow(dead_code)]
async fn get_room() {}
#[derive(OpenApi)]
#[openapi(
    info(title = "Rooms", version = "1.0.0"),
    paths(
        list_bookings,
        get_booking,
        create_booking,
        update_booking,
        delete_booking,
        list_rooms,
        get_room
    )
)]
struct ApiDoc;

/// The same API's document before responses were shared and operations
/// could list a selection (errcodes at 98d325d, every operation listing the
/// whole type), compact JSON, in bytes.
const BEFORE: usize = 91_559;

#[test]
fn a_trial_sized_app_document_is_at_most_a_third_of_its_size_before() {
    let layer =
        errcodes::axum::ErrorLayer::new(errcodes::Profile::new(errcodes::Envelope::Problem));
    let doc = serde_json::to_value(layer.openapi(ApiDoc::openapi)).unwrap();
    let text = doc.to_string();
    // Both media types are documented: the size is not bought by leaving one out.
    assert!(text.contains("\"application/problem+json\""));
    assert!(text.contains("\"application/vnd.api+json\""));
    for code in [
        "booking_not_found",
        "room_not_found",
        "booking_overlap",
        "too_long",
        "in_past",
        "throttled",
        "internal",
        "calendar_down",
    ] {
        assert!(text.contains(&format!("\"{code}\"")), "{code}");
    }
    assert!(
        text.len() * 3 <= BEFORE,
        "{} bytes, more than a third of {BEFORE}",
        text.len()
    );
}
