// A mistake in `#[api(...)]` is the only error: the handlers and services
// that return the type, and the OpenAPI path that lists it, still compile.
use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum OrderError {
    #[api(status = 999)]
    NotFound,
}

async fn axum_handler() -> Result<&'static str, OrderError> {
    Err(OrderError::NotFound)
}

async fn actix_handler() -> Result<&'static str, OrderError> {
    Err(OrderError::NotFound)
}

#[utoipa::path(get, path = "/orders", responses((status = 200), OrderError))]
#[allow(dead_code)]
async fn documented() {}

fn main() {
    let _ = axum::Router::<()>::new().route("/orders", axum::routing::get(axum_handler));
    let _ = actix_web::App::new().route("/orders", actix_web::web::get().to(actix_handler));
}
