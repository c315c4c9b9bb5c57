//! `errcodes::axum::ErrorLayer` over a real axum `Router`, driven in process
//! with `tower::ServiceExt::oneshot`: negotiation, the router's 404 and 405,
//! panics, request context, and errors returned by handlers.
#![cfg(feature = "axum")]

use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use errcodes::axum::{ErrorLayer, Form, Json, Path, Query};
use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

#[derive(Debug, ApiError)]
#[api(envelope = "jsonapi", type_base = "https://errors.example.com/")]
enum OrderError {
    #[api(status = 404, code = "order_not_found", detail = "No order {0}.")]
    NotFound(u64),
    #[api(status = 429, code = "throttled", detail = "Slow down.")]
    Throttled {
        #[api(header = "Retry-After")]
        wait: Duration,
    },
    #[api(status = 500, code = "internal")]
    Database(#[api(source)] std::io::Error),
}

async fn order(Path(id): Path<String>) -> Result<String, OrderError> {
    match id.as_str() {
        "busy" => Err(OrderError::Throttled {
            wait: Duration::from_secs(30),
        }),
        "db" => Err(OrderError::Database(std::io::Error::other(
            "replica db-7 password=hunter2",
        ))),
        "panic" => panic!("secret panic text"),
        id => Err(OrderError::NotFound(id.parse().unwrap_or(0))),
    }
}

async fn signup() -> Result<String, ApiErrors> {
    let mut errors = ApiErrors::builder();
    errors
        .push(FieldError::new(
            "email",
            "invalid",
            "Enter a valid email address.",
        ))
        .push(FieldError::new(
            "name",
            "required",
            "This field is required.",
        ))
        .push(FieldError::new(
            "password",
            "min_length",
            "At least 8 characters.",
        ));
    errors.finish()?;
    Ok("welcome".into())
}

#[derive(serde::Deserialize, serde::Serialize)]
struct Item {
    sku: String,
    quantity: u32,
}

#[derive(serde::Deserialize)]
struct Page {
    page: u32,
}

async fn create(Json(item): Json<Item>) -> Json<Item> {
    Json(item)
}

async fn item(Path(id): Path<u64>, Query(page): Query<Page>) -> String {
    format!("{id}/{}", page.page)
}

async fn login(Form(page): Form<Page>) -> String {
    page.page.to_string()
}

/// An endpoint kept in Laravel's shape for old clients, whatever they accept.
#[derive(Debug, ApiError)]
#[api(envelope = "laravel", fixed_envelope)]
enum LegacyError {
    #[api(status = 422, attr = "email", detail = "The email field is required.")]
    EmailMissing,
}

async fn legacy() -> Result<String, LegacyError> {
    Err(LegacyError::EmailMissing)
}

fn app() -> Router {
    Router::new()
        .route("/legacy", get(legacy))
        .route("/orders/{id}", get(order))
        .route("/items", post(create))
        .route("/items/{id}", get(item))
        .route("/login", post(login))
        .route("/signup", get(signup).post(signup))
        .route("/ok", get(|| async { "fine" }))
        .layer(ErrorLayer::new(Envelope::Problem))
}

struct Answer {
    status: StatusCode,
    headers: http::HeaderMap,
    body: Value,
}

async fn send(request: Request<axum::body::Body>) -> Answer {
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Answer {
        status,
        headers,
        body,
    }
}

fn get_with(path: &str, headers: &[(&str, &str)]) -> Request<axum::body::Body> {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(axum::body::Body::empty()).unwrap()
}

#[tokio::test]
async fn a_handler_error_in_the_default_envelope_with_context() {
    let answer = send(get_with("/orders/42", &[("x-request-id", "req-1")])).await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    assert_eq!(answer.headers["x-request-id"], "req-1");
    assert_eq!(
        answer.body,
        json!({"type": "https://errors.example.com/order_not_found", "title": "Not Found", "status": 404,
               "detail": "No order 42.", "instance": "/orders/42", "code": "order_not_found", "request_id": "req-1"})
    );
}

#[tokio::test]
async fn accept_chooses_the_envelope() {
    let answer = send(get_with(
        "/orders/7",
        &[("accept", "application/vnd.api+json")],
    ))
    .await;
    assert_eq!(answer.headers["content-type"], "application/vnd.api+json");
    let id = answer.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(answer.body["errors"][0]["id"], Value::from(id));
    assert_eq!(answer.body["errors"][0]["status"], "404");
    let answer = send(get_with(
        "/orders/7",
        &[("accept", "application/problem+json")],
    ))
    .await;
    assert_eq!(answer.headers["content-type"], "application/problem+json");
}

#[tokio::test]
async fn nothing_acceptable_is_406_before_the_handler() {
    let answer = send(get_with("/ok", &[("accept", "text/html")])).await;
    assert_eq!(answer.status, 406);
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    assert_eq!(answer.body["code"], "not_acceptable");
}

#[tokio::test]
async fn a_jsonapi_content_type_with_parameters_is_415() {
    let request = Request::post("/signup")
        .header("content-type", "application/vnd.api+json; charset=utf-8")
        .body(axum::body::Body::empty())
        .unwrap();
    let answer = send(request).await;
    assert_eq!(answer.status, 415);
    assert_eq!(answer.body["code"], "unsupported_media_type");
}

#[tokio::test]
async fn the_routers_404_and_405_in_the_envelope() {
    let answer = send(get_with("/nowhere", &[])).await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    assert_eq!(answer.body["code"], "not_found");
    assert_eq!(answer.body["instance"], "/nowhere");

    let request = Request::delete("/signup")
        .body(axum::body::Body::empty())
        .unwrap();
    let answer = send(request).await;
    assert_eq!(answer.status, 405);
    assert_eq!(answer.body["detail"], "Method \"DELETE\" not allowed.");
    let allow = answer.headers["allow"].to_str().unwrap();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
}

#[tokio::test]
async fn validation_of_three_fields() {
    let answer = send(get_with(
        "/signup",
        &[("accept", "application/vnd.api+json")],
    ))
    .await;
    assert_eq!(answer.status, 422);
    let errors = answer.body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 3);
    assert_eq!(errors[0]["source"]["pointer"], "/data/attributes/email");
}

#[tokio::test]
async fn retry_after_goes_out() {
    let answer = send(get_with("/orders/busy", &[])).await;
    assert_eq!(answer.status, 429);
    assert_eq!(answer.headers["retry-after"], "30");
}

#[tokio::test]
async fn a_server_error_and_a_panic_say_nothing() {
    for path in ["/orders/db", "/orders/panic"] {
        let answer = send(get_with(path, &[])).await;
        assert_eq!(answer.status, 500, "{path}");
        let text = answer.body.to_string();
        for secret in ["hunter2", "db-7", "secret panic"] {
            assert!(!text.contains(secret), "{path} shows {secret}: {text}");
        }
        assert_eq!(
            answer.body["detail"],
            "The server hit an unexpected condition."
        );
    }
}

#[tokio::test]
async fn the_correlation_id_round_trip() {
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let answer = send(get_with("/orders/1", &[("traceparent", traceparent)])).await;
    assert_eq!(
        answer.headers["x-request-id"],
        "4bf92f3577b34da6a3ce929d0e0e4736"
    );
    assert_eq!(
        answer.body["request_id"],
        "4bf92f3577b34da6a3ce929d0e0e4736"
    );
    // A fresh one when the request brings none (or an unusable one).
    let a = send(get_with("/orders/1", &[("x-request-id", "has space")])).await;
    let b = send(get_with("/orders/1", &[])).await;
    assert_ne!(a.headers["x-request-id"], b.headers["x-request-id"]);
    assert_eq!(
        a.body["request_id"],
        Value::from(a.headers["x-request-id"].to_str().unwrap())
    );
    // Successes carry it too, untouched otherwise.
    let ok = send(get_with("/ok", &[("x-request-id", "r2")])).await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.headers["x-request-id"], "r2");
    assert_eq!(ok.body, Value::String("fine".into()));
}

#[test]
fn outside_the_layer_errors_keep_their_own_envelope() {
    use axum_core::response::IntoResponse;
    let response = OrderError::NotFound(1).into_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.api+json"
    );
}

fn post_with(path: &str, content_type: &str, body: &'static str) -> Request<axum::body::Body> {
    Request::post(path)
        .header("content-type", content_type)
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn malformed_json_says_where_and_nothing_else() {
    let answer = send(post_with(
        "/items",
        "application/json",
        "{\"sku\": \"<script>",
    ))
    .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    assert_eq!(answer.body["code"], "malformed_json");
    assert_eq!(
        answer.body["detail"],
        "The request body is not valid JSON (line 1, column 17)."
    );
    assert!(!answer.body.to_string().contains("script"));
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_422() {
    let answer = send(post_with(
        "/items",
        "application/json",
        "{\"sku\": \"A1\", \"quantity\": \"many\"}",
    ))
    .await;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.body["code"], "invalid_body");
    let detail = answer.body["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("The request body does not have the expected members and types (line 1"),
        "{detail}"
    );
    assert!(!detail.contains("many"), "{detail}");
    // A good body passes through.
    let ok = send(post_with(
        "/items",
        "application/json",
        "{\"sku\": \"A1\", \"quantity\": 2}",
    ))
    .await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.body, json!({"sku": "A1", "quantity": 2}));
}

#[tokio::test]
async fn a_wrong_content_type_is_415() {
    let answer = send(post_with("/items", "text/plain", "{}")).await;
    assert_eq!(answer.status, 415);
    assert_eq!(answer.body["code"], "unsupported_media_type");
    let answer = send(post_with("/login", "application/json", "page=1")).await;
    assert_eq!(answer.status, 415);
    let ok = send(post_with(
        "/login",
        "application/x-www-form-urlencoded",
        "page=3",
    ))
    .await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn bad_path_and_query_values_are_400() {
    let answer = send(get_with(
        "/items/abc?page=1",
        &[("accept", "application/vnd.api+json")],
    ))
    .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["errors"][0]["code"], "invalid_path");
    assert!(!answer.body.to_string().contains("abc"));
    let answer = send(get_with("/items/1?page=lots", &[])).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["code"], "invalid_query");
    assert!(!answer.body.to_string().contains("lots"));
    let ok = send(get_with("/items/5?page=2", &[])).await;
    assert_eq!(ok.body, Value::String("5/2".into()));
}

#[tokio::test]
async fn a_value_that_does_not_parse_is_answered_with_its_parameter_s_name() {
    let answer = send(get_with(
        "/items/1?page=yesterday",
        &[("accept", "application/vnd.api+json")],
    ))
    .await;
    let error = &answer.body["errors"][0];
    assert_eq!(error["code"], "invalid_query");
    assert_eq!(error["detail"], "The query parameter `page` is not valid.");
    assert_eq!(error["source"], json!({"parameter": "page"}));
    assert!(!answer.body.to_string().contains("yesterday"));
    let answer = send(get_with("/items/xyz?page=1", &[])).await;
    assert_eq!(answer.body["code"], "invalid_path");
    assert_eq!(
        answer.body["detail"],
        "The path parameter `id` is not valid."
    );
    assert!(!answer.body["detail"].to_string().contains("xyz"));
}

/// App-wide settings, declared once in the layer.
fn profiled() -> Router {
    Router::new()
        .route("/orders/{id}", get(order))
        .route("/signup", get(signup))
        .route("/items", post(create))
        .layer(ErrorLayer::new(
            errcodes::Profile::new(Envelope::JsonApi)
                .type_base("https://api.example.com/errors/")
                .pointer_prefix("/data"),
        ))
}

async fn send_to(app: Router, request: Request<axum::body::Body>) -> Value {
    let response = app.oneshot(request).await.unwrap();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn the_profile_applies_to_everything_that_declares_nothing() {
    // The router's 404: the profile's envelope and type base.
    let body = send_to(profiled(), get_with("/nowhere", &[])).await;
    assert_eq!(
        body["errors"][0]["links"]["type"],
        "https://api.example.com/errors/not_found"
    );
    // A collection: the profile's pointer prefix.
    let body = send_to(profiled(), get_with("/signup", &[])).await;
    assert_eq!(body["errors"][0]["source"]["pointer"], "/data/email");
    // A rejection, in Problem Details when asked: the profile's type base.
    let request = Request::post("/items")
        .header("content-type", "application/json")
        .header("accept", "application/problem+json")
        .body(axum::body::Body::from("{"))
        .unwrap();
    let body = send_to(profiled(), request).await;
    assert_eq!(
        body["type"],
        "https://api.example.com/errors/malformed_json"
    );
    // A type with its own base keeps it.
    let body = send_to(profiled(), get_with("/orders/3", &[])).await;
    assert_eq!(
        body["errors"][0]["links"]["type"],
        "https://errors.example.com/order_not_found"
    );
}

#[tokio::test]
async fn a_type_with_a_fixed_envelope_ignores_accept() {
    for accept in [
        "application/problem+json",
        "application/vnd.api+json",
        "application/json",
    ] {
        let answer = send(get_with(
            "/legacy",
            &[("accept", accept), ("x-request-id", "r-2")],
        ))
        .await;
        assert_eq!(answer.status, 422, "{accept}");
        assert_eq!(
            answer.headers["content-type"], "application/json",
            "{accept}"
        );
        assert_eq!(
            answer.body,
            json!({"message": "The email field is required.", "errors": {"email": ["The email field is required."]}}),
            "{accept}"
        );
        assert_eq!(answer.headers["x-request-id"], "r-2");
    }
    // Others keep negotiating: the router's 404 follows Accept.
    let answer = send(get_with(
        "/nowhere",
        &[("accept", "application/vnd.api+json")],
    ))
    .await;
    assert_eq!(answer.headers["content-type"], "application/vnd.api+json");
}

/// `keep_foreign_errors()` leaves answers errcodes did not write as they
/// are; by default they are answered again in the envelope.
#[tokio::test]
async fn foreign_error_answers_are_converted_unless_kept() {
    async fn plain() -> (StatusCode, &'static str) {
        (StatusCode::BAD_GATEWAY, "upstream said no")
    }
    for (layer, converted) in [
        (ErrorLayer::new(Envelope::Problem), true),
        (
            ErrorLayer::new(Envelope::Problem).keep_foreign_errors(),
            false,
        ),
    ] {
        let app = Router::new().route("/plain", get(plain)).layer(layer);
        let response = app
            .oneshot(
                Request::get("/plain")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), 502);
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let body = String::from_utf8_lossy(&body);
        if converted {
            assert_eq!(content_type, "application/problem+json");
            assert!(!body.contains("upstream said no"), "{body}");
        } else {
            assert!(content_type.starts_with("text/plain"), "{content_type}");
            assert_eq!(body, "upstream said no");
        }
    }
}

/// A wrong-typed member answers 422 about that member, in each envelope's
/// own form, and never echoes the value the client sent.
#[tokio::test]
async fn a_wrong_typed_member_is_named_and_its_value_never_echoed() {
    for (accept, pointer) in [
        ("application/problem+json", "/errors/0/pointer"),
        ("application/vnd.api+json", "/errors/0/source/pointer"),
    ] {
        let request = Request::post("/items")
            .header("content-type", "application/json")
            .header("accept", accept)
            .body(axum::body::Body::from(r#"{"sku": 5, "quantity": 1}"#))
            .unwrap();
        let answer = send(request).await;
        assert_eq!(answer.status, 422);
        let expected = if accept.contains("problem") {
            "#/sku"
        } else {
            "/data/attributes/sku"
        };
        assert_eq!(
            answer.body.pointer(pointer),
            Some(&json!(expected)),
            "{}",
            answer.body
        );
        // The detail is the generic one, with the position: not serde's
        // words, which quote the value.
        let text = answer.body.to_string();
        assert!(
            !text.contains("integer") && !text.contains("invalid type"),
            "{text}"
        );
        assert!(text.contains(
            "The request body does not have the expected members and types (line 1, column 9)."
        ));
    }
}
