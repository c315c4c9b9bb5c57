use errcodes::openapi::{variants, Only};
use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum BookingError {
    #[api(status = 404, code = "booking_not_found", detail = "No such booking.")]
    NotFound,
    #[api(status = 409, code = "room_taken", detail = "The room is taken.")]
    RoomTaken,
}

#[utoipa::path(get, path = "/bookings/{id}", responses(
    (status = 200, description = "The booking"),
    Only<BookingError, { variants::<BookingError>(&["NotFound", "room_gone"]) }>,
))]
async fn booking() {}

fn main() {
    let _ = booking;
}
