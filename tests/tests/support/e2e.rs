//! The end-to-end table both web-framework examples must answer: the same
//! requests, the same statuses, headers and exact bodies, over real HTTP.

use http::{Method, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// One request of the table and what must come back.
pub struct Case {
    pub method: Method,
    pub path: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: &'static str,
    pub status: u16,
    pub content_type: &'static str,
    pub expect_headers: Vec<(&'static str, &'static str)>,
    pub expect_body: &'static str,
}

const PROBLEM: &str = "application/problem+json";
const JSONAPI: &str = "application/vnd.api+json";

pub fn table(allow: &'static str) -> Vec<Case> {
    let get = |path, headers, status, content_type, expect_body| Case {
        method: Method::GET,
        path,
        headers,
        body: "",
        status,
        content_type,
        expect_headers: Vec::new(),
        expect_body,
    };
    vec![
        get(
            "/orders/42",
            &[],
            404,
            PROBLEM,
            r#"{"type":"https://errors.example.com/order_not_found","title":"Not Found","status":404,"detail":"No order 42 exists.","instance":"/orders/42","code":"order_not_found","request_id":"t-1"}"#,
        ),
        get(
            "/nowhere",
            &[],
            404,
            PROBLEM,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not found.","instance":"/nowhere","code":"not_found","request_id":"t-1"}"#,
        ),
        Case {
            method: Method::DELETE,
            expect_headers: vec![("allow", allow)],
            ..get(
                "/orders/1",
                &[],
                405,
                PROBLEM,
                r#"{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"Method \"DELETE\" not allowed.","instance":"/orders/1","code":"method_not_allowed","request_id":"t-1"}"#,
            )
        },
        Case {
            method: Method::POST,
            headers: &[("content-type", "application/json")],
            body: r#"{"email":"bob","name":" ","quantity":0}"#,
            ..get(
                "/orders",
                &[],
                422,
                PROBLEM,
                r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"3 fields failed validation.","instance":"/orders","code":"validation_failed","request_id":"t-1","errors":[{"detail":"Enter a valid email address.","pointer":"#/email","code":"invalid"},{"detail":"This field is required.","pointer":"#/name","code":"required"},{"detail":"Ensure this value is at least 1.","pointer":"#/quantity","code":"min_value"}]}"##,
            )
        },
        Case {
            expect_headers: vec![("retry-after", "30")],
            ..get(
                "/orders/429",
                &[],
                429,
                PROBLEM,
                r#"{"type":"https://errors.example.com/throttled","title":"Too Many Requests","status":429,"detail":"Too many requests; retry later.","instance":"/orders/429","code":"throttled","request_id":"t-1"}"#,
            )
        },
        get(
            "/orders/500",
            &[],
            500,
            PROBLEM,
            r#"{"type":"https://errors.example.com/internal","title":"Internal Server Error","status":500,"detail":"The server hit an unexpected condition.","instance":"/orders/500","code":"internal","request_id":"t-1"}"#,
        ),
        get(
            "/orders/666",
            &[],
            500,
            PROBLEM,
            r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"The server hit an unexpected condition.","instance":"/orders/666","request_id":"t-1"}"#,
        ),
        get(
            "/orders/42",
            &[("accept", "application/problem+json")],
            404,
            PROBLEM,
            r#"{"type":"https://errors.example.com/order_not_found","title":"Not Found","status":404,"detail":"No order 42 exists.","instance":"/orders/42","code":"order_not_found","request_id":"t-1"}"#,
        ),
        get(
            "/orders/42",
            &[("accept", "application/vnd.api+json")],
            404,
            JSONAPI,
            r#"{"errors":[{"id":"t-1","status":"404","code":"order_not_found","title":"Not Found","detail":"No order 42 exists.","links":{"type":"https://errors.example.com/order_not_found"}}]}"#,
        ),
        // Two `Accept` lines are one list (RFC 9110 section 5.3): the
        // second line's JSON:API answers, not a 406 for the first.
        get(
            "/orders/42",
            &[
                ("accept", "text/html"),
                ("accept", "application/vnd.api+json"),
            ],
            404,
            JSONAPI,
            r#"{"errors":[{"id":"t-1","status":"404","code":"order_not_found","title":"Not Found","detail":"No order 42 exists.","links":{"type":"https://errors.example.com/order_not_found"}}]}"#,
        ),
        get(
            "/orders/1",
            &[("accept", "text/html")],
            406,
            PROBLEM,
            r#"{"type":"about:blank","title":"Not Acceptable","status":406,"detail":"Could not satisfy the request Accept header.","instance":"/orders/1","code":"not_acceptable","request_id":"t-1"}"#,
        ),
        Case {
            method: Method::POST,
            headers: &[("content-type", "application/json")],
            body: "{\"email\": ",
            ..get(
                "/orders",
                &[],
                400,
                PROBLEM,
                r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The request body is not valid JSON (line 1, column 10).","instance":"/orders","code":"malformed_json","request_id":"t-1"}"#,
            )
        },
        Case {
            method: Method::POST,
            headers: &[("content-type", "text/plain")],
            body: "hello",
            ..get(
                "/orders",
                &[],
                415,
                PROBLEM,
                r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"Expected a request with Content-Type: application/json.","instance":"/orders","code":"unsupported_media_type","request_id":"t-1"}"#,
            )
        },
        get(
            "/orders/abc",
            &[],
            400,
            PROBLEM,
            r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The path parameter `id` is not valid.","instance":"/orders/abc","code":"invalid_path","request_id":"t-1"}"#,
        ),
        // A missing member is named where each envelope names members; the
        // parser's words (which may quote the input) go to the log only.
        Case {
            method: Method::POST,
            headers: &[("content-type", "application/json")],
            body: r#"{"email":"bob@example.com","name":"Bob"}"#,
            ..get(
                "/orders",
                &[],
                422,
                PROBLEM,
                r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"The request body does not have the expected members and types (line 1, column 40).","instance":"/orders","code":"invalid_body","request_id":"t-1","errors":[{"detail":"The request body does not have the expected members and types (line 1, column 40).","pointer":"#/quantity","code":"invalid_body"}]}"##,
            )
        },
        // A member of the wrong type is named too, never its value.
        Case {
            method: Method::POST,
            headers: &[("content-type", "application/json")],
            body: r#"{"email":"bob@example.com","name":"Bob","quantity":"many"}"#,
            ..get(
                "/orders",
                &[],
                422,
                PROBLEM,
                r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"The request body does not have the expected members and types (line 1, column 57).","instance":"/orders","code":"invalid_body","request_id":"t-1","errors":[{"detail":"The request body does not have the expected members and types (line 1, column 57).","pointer":"#/quantity","code":"invalid_body"}]}"##,
            )
        },
        // Answers errcodes did not write, answered again in the envelope: an
        // upstream's text (never echoed), the framework's own JSON extractor.
        get(
            "/upstream",
            &[],
            502,
            PROBLEM,
            r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"The server hit an unexpected condition.","instance":"/upstream","request_id":"t-1"}"#,
        ),
        Case {
            method: Method::POST,
            headers: &[("content-type", "application/json")],
            body: "{\"sku\": ",
            ..get(
                "/raw",
                &[],
                400,
                PROBLEM,
                r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The request could not be processed.","instance":"/raw","code":"bad_request","request_id":"t-1"}"#,
            )
        },
        get(
            "/orders/1",
            &[],
            200,
            "application/json",
            r#"{"id":1,"status":"shipped"}"#,
        ),
    ]
}

/// Sends every case of `table` to the server at `addr` with hyper's client
/// and checks each answer; then checks that a request without a correlation
/// id gets a new one, in the header and in the body.
pub async fn run(addr: std::net::SocketAddr, table: Vec<Case>) {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<axum::body::Bytes>>();
    let response = client
        .request(
            Request::get(format!("http://{addr}/openapi.json"))
                .body(Full::from(""))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "the service serves its document");
    let doc = response.into_body().collect().await.unwrap().to_bytes();
    let doc: serde_json::Value = serde_json::from_slice(&doc).expect("the document is JSON");
    // Responses operations share are references; a client resolves them.
    let doc = crate::support::inline_responses(doc);

    for case in table {
        let mut request = Request::builder()
            .method(case.method.clone())
            .uri(format!("http://{addr}{}", case.path))
            .header("x-request-id", "t-1");
        for (name, value) in case.headers {
            request = request.header(*name, *value);
        }
        let request = request.body(Full::from(case.body)).unwrap();
        let response = client.request(request).await.unwrap();
        let what = format!("{} {}", case.method, case.path);
        assert_eq!(response.status(), case.status, "{what}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], case.content_type, "{what}");
        assert_eq!(
            headers["x-request-id"], "t-1",
            "{what}: the correlation id round trip"
        );
        for (name, value) in &case.expect_headers {
            assert_eq!(headers[*name], *value, "{what}: {name}");
        }
        if case.status >= 400 {
            // Negotiated, so caches must tell requests apart by `Accept`;
            // and never sniffed into markup.
            assert_eq!(headers["vary"], "accept, accept-language", "{what}: Vary");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
        }
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(String::from_utf8_lossy(&body), case.expect_body, "{what}");
        if case.status >= 400 {
            let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
            documented(&doc, &case, &body);
        }
    }

    // A request without an id gets one, in the header and the body.
    let response = client
        .request(
            Request::get(format!("http://{addr}/orders/7"))
                .body(Full::from(""))
                .unwrap(),
        )
        .await
        .unwrap();
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains(&format!("\"request_id\":\"{id}\"")));

    hostile(&client, addr).await;
    languages(&client, addr).await;
}

/// One request of the language check: method, path, headers, body.
type Asked = (
    Method,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

/// Every error answer of the service in English, German and French: the
/// request's `Accept-Language` (exact, regional, weighted, unknown,
/// garbage) picks the language of the title and detail, said in
/// `Content-Language`; the status and code never change.
async fn languages(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Full<axum::body::Bytes>>,
    addr: std::net::SocketAddr,
) {
    const JSON: &[(&str, &str)] = &[("content-type", "application/json")];
    let too_large: &'static str =
        Box::leak(format!("{{\"email\":\"{}\"}}", "a".repeat(3 << 20)).into_boxed_str());
    let asked: Vec<Asked> = vec![
        (Method::GET, "/orders/42", &[], ""),
        (Method::GET, "/orders/429", &[], ""),
        (Method::GET, "/orders/500", &[], ""),
        (Method::GET, "/orders/666", &[], ""),
        (Method::GET, "/orders/abc", &[], ""),
        (Method::GET, "/nowhere", &[], ""),
        (Method::DELETE, "/orders/1", &[], ""),
        (Method::GET, "/orders/1", &[("accept", "text/html")], ""),
        (Method::POST, "/orders", JSON, "{\"email\": "),
        (
            Method::POST,
            "/orders",
            JSON,
            r#"{"email":"a@b","name":"Bob"}"#,
        ),
        (
            Method::POST,
            "/orders",
            &[("content-type", "text/plain")],
            "x",
        ),
        (Method::GET, "/upstream", &[], ""),
        (Method::POST, "/raw", JSON, "{\"sku\": "),
        // Over both services' 2 MiB body limit: the framework's 413.
        (Method::POST, "/orders", JSON, too_large),
    ];
    let send = |(method, path, headers, body): &Asked, language: Option<&'static str>| {
        let mut request = Request::builder()
            .method(method.clone())
            .uri(format!("http://{addr}{path}"));
        for (name, value) in *headers {
            request = request.header(*name, *value);
        }
        if let Some(language) = language {
            request = request.header("accept-language", language);
        }
        client.request(request.body(Full::from(*body)).unwrap())
    };
    for one in &asked {
        let what = format!("{} {}", one.0, one.1);
        let english = send(one, None).await.unwrap();
        assert_eq!(english.headers()["content-language"], "en", "{what}");
        let status = english.status();
        let english: serde_json::Value =
            serde_json::from_slice(&english.into_body().collect().await.unwrap().to_bytes())
                .unwrap();
        for (language, answered) in [
            ("de", "de"),
            ("de-CH", "de"),
            ("fr-CA;q=0.9, de;q=0.5", "fr"),
            ("ja, fr;q=0.3", "fr"),
            ("ja", "en"),
            (";;q=x,,=de", "en"),
        ] {
            let response = send(one, Some(language)).await.unwrap();
            assert_eq!(response.status(), status, "{what} {language}");
            assert_eq!(
                response.headers()["content-language"],
                answered,
                "{what} {language}"
            );
            assert_eq!(
                response.headers()["vary"],
                "accept, accept-language",
                "{what}"
            );
            let body: serde_json::Value =
                serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes())
                    .unwrap();
            assert_eq!(
                body["code"], english["code"],
                "{what} {language}: the code stays"
            );
            assert_eq!(
                body["type"], english["type"],
                "{what} {language}: the type stays"
            );
            if answered == "en" {
                assert_eq!(body["title"], english["title"], "{what} {language}");
                assert_eq!(body["detail"], english["detail"], "{what} {language}");
            } else {
                assert_ne!(body["title"], english["title"], "{what} {language}: {body}");
                assert_ne!(
                    body["detail"], english["detail"],
                    "{what} {language}: {body}"
                );
            }
        }
    }
}

/// The answer to `GET path` with `headers`: its `x-request-id` and body.
async fn get_with(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Full<axum::body::Bytes>>,
    addr: std::net::SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
) -> (String, String) {
    let mut request = Request::get(format!("http://{addr}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = client
        .request(request.body(Full::from("")).unwrap())
        .await
        .unwrap();
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (id, String::from_utf8_lossy(&body).into_owned())
}

/// Requests that try to smuggle something through the answer.
async fn hostile(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Full<axum::body::Bytes>>,
    addr: std::net::SocketAddr,
) {
    let generated = |id: &str| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());

    // An id with markup is replaced, in the header and in the body.
    let (id, body) = get_with(
        client,
        addr,
        "/orders/7",
        &[("x-request-id", "\"><script>alert(1)</script>")],
    )
    .await;
    assert!(generated(&id), "a hostile id is replaced, got {id:?}");
    assert!(body.contains(&format!("\"request_id\":\"{id}\"")), "{body}");
    assert!(!body.contains("<script>"), "{body}");

    // A `traceparent` W3C Trace Context would ignore is ignored: the
    // all-zero trace id would make every such client share one id.
    let zeros = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
    let (id, _) = get_with(client, addr, "/orders/7", &[("traceparent", zeros)]).await;
    assert!(
        generated(&id) && id != "00000000000000000000000000000000",
        "{id}"
    );
    // A valid one gives its trace id.
    let valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let (id, _) = get_with(client, addr, "/orders/7", &[("traceparent", valid)]).await;
    assert_eq!(id, "4bf92f3577b34da6a3ce929d0e0e4736");

    // Two requests without an id get ids that share nothing but chance.
    let (a, _) = get_with(client, addr, "/orders/7", &[]).await;
    let (b, _) = get_with(client, addr, "/orders/7", &[]).await;
    assert!(
        generated(&a) && generated(&b) && a[..16] != b[..16],
        "{a} {b}"
    );

    // A raw `"{}` in the path is percent-encoded in the Problem `instance`.
    let (_, body) = get_with(client, addr, "/x\"{y}", &[]).await;
    assert!(body.contains(r#""instance":"/x%22%7By%7D""#), "{body}");
}

/// Checks an answer against the service's own document: the operation
/// whose path template matches the request (any operation of the path
/// when the method is not served, any operation at all for an unknown
/// route: the layer's own answers are in every one) documents the status
/// under the answer's content type, with a schema the body validates
/// against (JSON Schema 2020-12, by the `jsonschema` crate).
fn documented(doc: &serde_json::Value, case: &Case, body: &serde_json::Value) {
    let what = format!("{} {}", case.method, case.path);
    let paths = doc["paths"].as_object().expect("paths");
    let path = case.path.split('?').next().unwrap_or_default();
    let matches = |template: &str| {
        let (a, b): (Vec<&str>, Vec<&str>) =
            (template.split('/').collect(), path.split('/').collect());
        a.len() == b.len() && a.iter().zip(&b).all(|(t, p)| t.starts_with('{') || t == p)
    };
    let item = paths
        .iter()
        .find(|(template, _)| matches(template))
        .map_or_else(|| paths.values().next().unwrap(), |(_, item)| item);
    let method = case.method.as_str().to_ascii_lowercase();
    let operation = item
        .get(&method)
        .unwrap_or_else(|| item.as_object().unwrap().values().next().unwrap());
    let response = &operation["responses"][case.status.to_string()];
    let schema = &response["content"][case.content_type]["schema"];
    assert!(
        schema.is_object(),
        "{what}: {} under {} is not documented: {response}",
        case.status,
        case.content_type
    );
    let mut root = serde_json::json!({"components": doc["components"]});
    for (key, value) in schema.as_object().unwrap() {
        root[key] = value.clone();
    }
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .expect("a valid schema");
    let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{what}: the answer fails its documented schema: {errors:?}\n{body}"
    );
}
