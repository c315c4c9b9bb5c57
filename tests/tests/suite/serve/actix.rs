//! The actix-web integration in process: derived types, collections and
//! rejections as handler results, `ErrorMiddleware`'s negotiation, context
//! and profile, and what an `actix_web::Error` made from an error shows.
#![cfg(feature = "actix-web")]

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, Responder, web};
use errcodes::actix::ErrorMiddleware;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, Profile};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
#[api(envelope = "drf")]
enum OrderError<'a, T: std::fmt::Display> {
    #[api(status = 404, detail = "No order {0}.")]
    NotFound(T),
    #[api(status = 429, detail = "Slow down, {0}.")]
    Throttled(&'a str, #[api(header = "Retry-After")] Duration),
    #[api(status = 503)]
    Down(#[api(source)] std::io::Error),
}

#[derive(Debug, ApiError)]
#[api(
    type_base = "https://errors.example.com/",
    status = 404,
    code = "order_not_found",
    detail = "No order {0}."
)]
struct OrderNotFound(u64);

async fn order(id: web::Path<u64>) -> Result<HttpResponse, OrderNotFound> {
    Err(OrderNotFound(id.into_inner()))
}

async fn signup() -> Result<HttpResponse, ApiErrors> {
    Err(FieldError::new(
        "email",
        "invalid",
        "Enter a valid email address.",
    ))?
}

#[derive(serde::Deserialize)]
struct Item {
    name: String,
}

async fn create(item: web::Json<Item>) -> String {
    item.into_inner().name
}

/// A JSON:API resource document, read with errcodes' own `Json`.
#[derive(serde::Deserialize)]
struct Booking {
    data: BookingData,
}

#[derive(serde::Deserialize)]
struct BookingData {
    attributes: BookingAttributes,
}

#[derive(serde::Deserialize)]
struct BookingAttributes {
    room_id: u32,
}

async fn book(booking: errcodes::actix::Json<Booking>) -> String {
    booking.0.data.attributes.room_id.to_string()
}

#[derive(serde::Deserialize)]
struct Page {
    page: u32,
}

/// errcodes' own `Query`: the parameter that did not parse is named.
async fn named(page: errcodes::actix::Query<Page>) -> String {
    page.0.page.to_string()
}

async fn list(page: web::Query<Page>) -> String {
    page.page.to_string()
}

async fn login(form: web::Form<Page>) -> String {
    form.page.to_string()
}

/// An error as the handler's whole answer, through the derived `Responder`.
async fn gone() -> OrderError<'static, u64> {
    OrderError::NotFound(9)
}

fn app(
    profile: impl Into<Profile>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .wrap(ErrorMiddleware::new(profile))
        .configure(errcodes::actix::extractors)
        // Replaces the JSON config `extractors` installed: a later one wins.
        .app_data(errcodes::actix::json_config().limit(64))
        // errcodes' own `Json` reads the body under actix's payload limit.
        .app_data(web::PayloadConfig::new(1024))
        .service(web::resource("/orders/{id}").route(web::get().to(order)))
        .route("/signup", web::get().to(signup))
        .route("/items", web::post().to(create))
        .route("/items", web::get().to(list))
        .route("/login", web::post().to(login))
        .route("/gone", web::get().to(gone))
        .route("/bookings", web::post().to(book))
        .route("/named", web::get().to(named))
}

/// What came back: status, one header's value, the body as JSON.
struct Answer {
    status: u16,
    content_type: String,
    request_id: String,
    body: Value,
}

fn send(profile: impl Into<Profile> + 'static, request: TestRequest) -> Answer {
    actix_web::rt::System::new().block_on(async move {
        let service = init_service(app(profile)).await;
        let response = call_service(&service, request.to_request()).await;
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|v: &actix_web::http::header::HeaderValue| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let (status, content_type, request_id) = (
            response.status().as_u16(),
            header("content-type"),
            header("x-request-id"),
        );
        let bytes = read_body(response).await;
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Answer {
            status,
            content_type,
            request_id,
            body,
        }
    })
}

#[test]
fn a_handler_error_in_the_negotiated_envelope_with_context() {
    let answer = send(
        Envelope::Problem,
        TestRequest::get()
            .uri("/orders/7")
            .insert_header(("x-request-id", "r-1")),
    );
    assert_eq!(answer.status, 404);
    assert_eq!(answer.content_type, "application/problem+json");
    assert_eq!(answer.request_id, "r-1");
    assert_eq!(
        answer.body,
        json!({"type":"https://errors.example.com/order_not_found","title":"Not Found","status":404,"detail":"No order 7.","instance":"/orders/7","code":"order_not_found","request_id":"r-1"})
    );
    let answer = send(
        Envelope::Problem,
        TestRequest::get()
            .uri("/orders/7")
            .insert_header(("accept", "application/vnd.api+json;q=0.9, text/html")),
    );
    assert_eq!(answer.content_type, "application/vnd.api+json");
    assert_eq!(answer.body["errors"][0]["status"], "404");
    // The correlation id a request brought in its traceparent.
    let answer = send(
        Envelope::JsonApi,
        TestRequest::get().uri("/orders/7").insert_header((
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )),
    );
    assert_eq!(answer.request_id, "4bf92f3577b34da6a3ce929d0e0e4736");
    assert_eq!(
        answer.body["errors"][0]["id"],
        "4bf92f3577b34da6a3ce929d0e0e4736"
    );
}

#[test]
fn jsonapi_media_type_rules_answer_before_the_handler() {
    // Every JSON:API entry with a forbidden parameter: 406.
    let answer = send(
        Envelope::JsonApi,
        TestRequest::get()
            .uri("/orders/7")
            .insert_header(("accept", "application/vnd.api+json; charset=utf-8")),
    );
    assert_eq!(answer.status, 406);
    assert_eq!(answer.body["errors"][0]["code"], "not_acceptable");
    // A JSON:API Content-Type with a forbidden parameter: 415.
    let answer = send(
        Envelope::JsonApi,
        TestRequest::post()
            .uri("/items")
            .insert_header(("content-type", "application/vnd.api+json; version=1"))
            .set_payload("{}"),
    );
    assert_eq!(answer.status, 415);
    assert_eq!(answer.content_type, "application/vnd.api+json");
}

#[test]
fn actix_route_errors_in_the_envelope() {
    let answer = send(Envelope::Drf, TestRequest::get().uri("/nowhere"));
    assert_eq!(answer.status, 404);
    assert_eq!(
        answer.body,
        json!({"type":"client_error","errors":[{"code":"not_found","detail":"Not found.","attr":null}]})
    );
    let answer = actix_web::rt::System::new().block_on(async {
        let service = init_service(app(Envelope::Drf)).await;
        let response = call_service(
            &service,
            TestRequest::delete().uri("/orders/1").to_request(),
        )
        .await;
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers().get("allow").unwrap(), "GET");
        read_body(response).await
    });
    assert_eq!(
        answer,
        r#"{"type":"client_error","errors":[{"code":"method_not_allowed","detail":"Method \"DELETE\" not allowed.","attr":null}]}"#
    );
}

#[test]
fn rejections_have_stable_codes_and_say_nothing_of_the_input() {
    // Each request carries "lots" in the part the parser refuses.
    let rejected = |request| {
        let answer = send(Envelope::Problem, request);
        assert!(!answer.body.to_string().contains("lots"), "{}", answer.body);
        answer
    };
    let post = |content_type: &str, body: &'static str| {
        TestRequest::post()
            .uri("/items")
            .insert_header(("content-type", content_type.to_owned()))
            .set_payload(body)
    };
    let answer = rejected(post("application/json", r#"{"name": 5, "secret": "lots"}"#));
    assert_eq!(answer.status, 422);
    assert_eq!(answer.body["code"], "invalid_body");
    assert_eq!(
        answer.body["detail"],
        "The request body does not have the expected members and types (line 1, column 10)."
    );
    let answer = rejected(post("application/json", "{\"name\": \"lots\"\n,"));
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["code"], "malformed_json");
    assert_eq!(
        answer.body["detail"],
        "The request body is not valid JSON (line 2, column 1)."
    );
    let answer = rejected(post("text/plain", "lots"));
    assert_eq!(answer.status, 415);
    assert_eq!(answer.body["code"], "unsupported_media_type");
    // Over the JSON limit the app configured (64 bytes).
    let answer = rejected(post(
        "application/json",
        r#"{"name": "lots and lots and lots and lots and lots and lots of it"}"#,
    ));
    assert_eq!(answer.status, 413);
    assert_eq!(answer.body["code"], "body_too_large");
    let answer = rejected(TestRequest::get().uri("/items?page=lots"));
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["code"], "invalid_query");
    assert_eq!(answer.body["detail"], "The query string is not valid.");
    let answer = rejected(
        TestRequest::post()
            .uri("/login")
            .insert_header(("content-type", "application/json"))
            .set_payload("{}"),
    );
    assert_eq!(answer.status, 415);
    assert_eq!(
        answer.body["detail"],
        "Expected a request with Content-Type: application/x-www-form-urlencoded."
    );
    let answer = rejected(
        TestRequest::post()
            .uri("/login")
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .set_payload("page=lots"),
    );
    assert_eq!(answer.status, 422);
    assert_eq!(answer.body["code"], "invalid_form");
}

#[test]
fn the_profile_applies_to_everything_that_declares_nothing() {
    let profile = || {
        Profile::new(Envelope::JsonApi)
            .type_base("https://api.example.com/errors/")
            .pointer_prefix("/data")
    };
    let answer = send(profile(), TestRequest::get().uri("/nowhere"));
    assert_eq!(
        answer.body["errors"][0]["links"]["type"],
        "https://api.example.com/errors/not_found"
    );
    let answer = send(profile(), TestRequest::get().uri("/signup"));
    assert_eq!(answer.body["errors"][0]["source"]["pointer"], "/data/email");
    // A type with its own base keeps it.
    let answer = send(profile(), TestRequest::get().uri("/orders/3"));
    assert_eq!(
        answer.body["errors"][0]["links"]["type"],
        "https://errors.example.com/order_not_found"
    );
}

#[test]
fn an_error_can_be_the_whole_answer() {
    let answer = send(
        Envelope::Problem,
        TestRequest::get()
            .uri("/gone")
            .insert_header(("accept", "application/problem+json")),
    );
    assert_eq!(answer.status, 404);
    assert_eq!(answer.body["detail"], "No order 9.");
    assert_eq!(answer.body["instance"], "/gone");
}

#[test]
fn outside_the_middleware_errors_keep_their_own_envelope() {
    let response = OrderError::<u64>::Throttled("bob", Duration::from_secs(30))
        .respond_to(&TestRequest::default().to_http_request());
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/json"
    );
    assert_eq!(response.headers().get("retry-after").unwrap(), "30");
    let body = actix_web::body::to_bytes(response.into_body());
    let body = actix_web::rt::System::new().block_on(body).unwrap();
    assert_eq!(
        body,
        r#"{"type":"client_error","errors":[{"code":"throttled","detail":"Slow down, bob.","attr":null}]}"#
    );
    let collection = ApiErrors::from(FieldError::new("name", "required", "Required."));
    let err = actix_web::Error::from(collection);
    assert_eq!(err.as_response_error().status_code(), 422);
    assert_eq!(
        err.error_response().headers().get("content-type").unwrap(),
        "application/problem+json"
    );
}

#[test]
fn an_actix_error_shows_only_the_public_detail() {
    let source = std::io::Error::other("db-primary:5432 refused");
    let err = actix_web::Error::from(OrderError::<u64>::Down(source));
    assert_eq!(err.to_string(), "The server hit an unexpected condition.");
    assert!(!format!("{err:?}").contains("db-primary"));
    let response = err.error_response();
    assert_eq!(response.status(), 503);
    let body = actix_web::rt::System::new()
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .unwrap();
    assert!(!String::from_utf8_lossy(&body).contains("db-primary"));
    // The same error converted twice answers the same.
    let err = actix_web::Error::from(OrderError::NotFound(3));
    assert_eq!(
        err.error_response().status(),
        err.as_response_error().status_code()
    );
    assert_eq!(err.to_string(), "No order 3.");
}

/// Beside thiserror (whose `#[error]` gives a `Display`), the type is
/// actix's own `ResponseError`, answering with errcodes' rendering.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "jsonapi")]
enum WithThiserror {
    #[error("order {0} not found")]
    #[api(status = 404, code = "order_not_found", detail = "No order {0}.")]
    NotFound(u64),
    #[error("database failed")]
    #[api(status = 500, code = "internal")]
    Database(#[source] std::io::Error),
}

async fn thiserror_handler() -> Result<String, WithThiserror> {
    Err(WithThiserror::NotFound(5))
}

#[test]
fn a_thiserror_type_is_a_response_error() {
    use actix_web::ResponseError;

    fn response_error<T: ResponseError>(_: &T) {}
    let err = WithThiserror::NotFound(5);
    response_error(&err);
    assert_eq!(err.status_code(), 404);
    let response = err.error_response();
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/vnd.api+json"
    );
    let body = actix_web::rt::System::new()
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .unwrap();
    assert_eq!(
        body,
        r#"{"errors":[{"status":"404","code":"order_not_found","title":"Not Found","detail":"No order 5."}]}"#
    );
    // A 5xx's source stays out of the body.
    let db = WithThiserror::Database(std::io::Error::other("db-7 refused"));
    let body = actix_web::rt::System::new()
        .block_on(actix_web::body::to_bytes(db.error_response().into_body()))
        .unwrap();
    assert!(!String::from_utf8_lossy(&body).contains("db-7"));
    // Under the middleware, in the negotiated envelope with the context.
    let answer = actix_web::rt::System::new().block_on(async {
        let app = App::new()
            .wrap(ErrorMiddleware::new(Envelope::Problem))
            .route("/t", web::get().to(thiserror_handler));
        let service = init_service(app).await;
        let request = TestRequest::get()
            .uri("/t")
            .insert_header(("accept", "application/problem+json"))
            .insert_header(("x-request-id", "r-5"))
            .to_request();
        read_body(call_service(&service, request).await).await
    });
    let answer: Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(answer["instance"], "/t");
    assert_eq!(answer["request_id"], "r-5");
    assert_eq!(answer["detail"], "No order 5.");
}

/// `keep_foreign_errors()` leaves answers errcodes did not write as they
/// are; by default they are answered again in the envelope.
#[test]
fn foreign_error_answers_are_converted_unless_kept() {
    async fn plain() -> HttpResponse {
        HttpResponse::BadGateway().body("upstream said no")
    }
    for (middleware, converted) in [
        (ErrorMiddleware::new(Envelope::Problem), true),
        (
            ErrorMiddleware::new(Envelope::Problem).keep_foreign_errors(),
            false,
        ),
    ] {
        let (content_type, body) = actix_web::rt::System::new().block_on(async move {
            let app = App::new()
                .wrap(middleware)
                .route("/plain", web::get().to(plain));
            let service = init_service(app).await;
            let response =
                call_service(&service, TestRequest::get().uri("/plain").to_request()).await;
            assert_eq!(response.status(), 502);
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            (content_type, read_body(response).await)
        });
        let body = String::from_utf8_lossy(&body);
        if converted {
            assert_eq!(content_type, "application/problem+json");
            assert!(!body.contains("upstream said no"), "{body}");
        } else {
            assert_eq!(body, "upstream said no");
        }
    }
}

#[test]
fn a_member_of_a_resource_document_is_pointed_at_once() {
    let request = TestRequest::post()
        .uri("/bookings")
        .insert_header(("content-type", "application/vnd.api+json"))
        .set_payload(r#"{"data":{"attributes":{"room_id":"twelve"}}}"#);
    let answer = send(Envelope::JsonApi, request);
    assert_eq!(answer.status, 422);
    let error = &answer.body["errors"][0];
    assert_eq!(error["code"], "invalid_body");
    assert_eq!(error["source"]["pointer"], "/data/attributes/room_id");
}

#[test]
fn errcodes_json_honours_the_payload_limit() {
    let big = format!(
        r#"{{"data":{{"attributes":{{"room_id":1,"note":"{}"}}}}}}"#,
        "x".repeat(4096)
    );
    let request = TestRequest::post()
        .uri("/bookings")
        .insert_header(("content-type", "application/json"))
        .set_payload(big);
    let answer = send(Envelope::Problem, request);
    assert_eq!(answer.status, 413);
    assert_eq!(answer.body["code"], "body_too_large");
    let small = TestRequest::post()
        .uri("/bookings")
        .insert_header(("content-type", "application/json"))
        .set_payload(r#"{"data":{"attributes":{"room_id":7}}}"#);
    assert_eq!(send(Envelope::Problem, small).status, 200);
}

#[test]
fn errcodes_query_names_the_parameter_that_did_not_parse() {
    let answer = send(
        Envelope::JsonApi,
        TestRequest::get().uri("/named?page=yesterday"),
    );
    assert_eq!(answer.status, 400);
    let error = &answer.body["errors"][0];
    assert_eq!(error["code"], "invalid_query");
    assert_eq!(error["detail"], "The query parameter `page` is not valid.");
    assert_eq!(error["source"]["parameter"], "page");
    assert!(!answer.body.to_string().contains("yesterday"));
    let ok = send(Envelope::JsonApi, TestRequest::get().uri("/named?page=3"));
    assert_eq!(ok.status, 200);
}
