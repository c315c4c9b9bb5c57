//! The tour's errors as an OpenAPI 3.1 document, built with utoipa as a
//! service would: `cargo run --example openapi`. Each handler lists its
//! error type once; errcodes writes the envelope's schema, one response per
//! status, one example per variant (rendered by the real renderer) and the
//! headers. `cargo run --example openapi -- --app` prints the document of
//! the app that serves them under an errcodes layer.

use errcodes::ApiErrors;
use utoipa::OpenApi;

#[path = "tour.rs"]
#[allow(dead_code)]
pub mod tour;
use tour::SignupError;

/// Signs a user up.
#[utoipa::path(post, path = "/signup", responses((status = 201, description = "Signed up"), SignupError))]
#[allow(dead_code)]
async fn signup() {}

/// Updates a profile; validation failures come as a collection.
#[utoipa::path(patch, path = "/profile", responses((status = 200, description = "Updated"), ApiErrors))]
#[allow(dead_code)]
async fn profile() {}

/// The API's document.
#[derive(OpenApi)]
#[openapi(
    info(title = "Signup API", version = "1.0.0"),
    paths(signup, profile),
    components(schemas(SignupError, ApiErrors))
)]
pub struct Api;

fn main() {
    // `--app`: the document of the app serving these routes under an
    // errcodes layer (its own answers, every media type it negotiates,
    // components shared), as `ErrorLayer::openapi` writes it.
    let doc = if std::env::args().any(|arg| arg == "--app") {
        errcodes::axum::ErrorLayer::new(errcodes::Envelope::JsonApi).openapi(Api::openapi)
    } else {
        Api::openapi()
    };
    match doc.to_pretty_json() {
        Ok(json) => println!("{json}"),
        Err(err) => eprintln!("could not write the document: {err}"),
    }
}
