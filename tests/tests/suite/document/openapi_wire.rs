//! The document is the wire: for every variant of an error type in each
//! built-in envelope (shared statuses, 5xx with and without a code, `attr`
//! fixed and named at run time, meta, `Retry-After`, `WWW-Authenticate`,
//! `Allow`, `instance`, a transparent collection and a transparent derived
//! type), the real response validates (JSON Schema 2020-12, by the
//! `jsonschema` crate) against the schema its document gives that
//! operation, status and content type, and against no other status's:
//!
//! - as the type answers alone (`to_response`), against the document
//!   utoipa builds from the derive;
//! - as an axum app answers it, through `ErrorLayer`, in every media type
//!   a client can ask for, against the layer's own document
//!   (`ErrorLayer::openapi`), with a profile's type base.
#![cfg(all(feature = "utoipa", feature = "axum"))]

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use errcodes::ApiErrorExt as _;
use errcodes::axum::Path;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, Profile};
use http::Request;
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use utoipa::OpenApi;

/// A type another one wraps `transparent`ly.
#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/inner/")]
pub enum StockError {
    #[api(status = 409, code = "out_of_stock", detail = "{sku} is out of stock.")]
    OutOfStock {
        #[api(meta)]
        sku: String,
    },
    #[api(status = 503, code = "warehouse_down")]
    WarehouseDown,
}

macro_rules! in_envelope {
    ($name:ident, $envelope:literal, $path:literal, $handler:ident) => {
        #[derive(Debug, ApiError)]
        #[api(envelope = $envelope, type_base = "https://errors.example.com/", domain = "shop.example.com")]
        pub enum $name {
            #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.", instance = "/orders/{id}")]
            NotFound {
                #[api(meta)]
                id: u64,
            },
            #[api(status = 404, code = "customer_not_found", detail = "No such customer.")]
            NoCustomer,
            #[api(status = 422, code = "required", attr = "items.0.sku", detail = "SKU is required.")]
            SkuMissing,
            #[api(status = 422, code = "invalid", detail = "{field} is not valid.")]
            Invalid {
                #[api(attr)]
                field: String,
            },
            #[api(status = 401, code = "unauthenticated", detail = "Sign in first.")]
            Unauthenticated {
                #[api(header = "WWW-Authenticate")]
                challenge: String,
            },
            #[api(status = 405, code = "read_only", detail = "Orders are read-only.")]
            ReadOnly {
                #[api(header = "Allow")]
                allow: String,
            },
            #[api(status = 429, code = "throttled", detail = "Slow down.")]
            Throttled {
                #[api(header = "Retry-After")]
                wait: std::time::Duration,
            },
            #[api(status = 500)]
            Internal(#[api(source)] std::io::Error),
            #[api(status = 503, code = "maintenance", detail = "Back soon.")]
            Maintenance,
            #[api(transparent)]
            Invalidated(ApiErrors),
            #[api(transparent)]
            Stock(StockError),
        }

        impl $name {
            fn all() -> Vec<$name> {
                vec![
                    $name::NotFound { id: 42 },
                    $name::NoCustomer,
                    $name::SkuMissing,
                    $name::Invalid { field: "email".to_owned() },
                    $name::Unauthenticated { challenge: "Bearer realm=\"shop\"".to_owned() },
                    $name::ReadOnly { allow: "GET".to_owned() },
                    $name::Throttled { wait: std::time::Duration::from_secs(30) },
                    $name::Internal(std::io::Error::other("db-1 password=hunter2")),
                    $name::Maintenance,
                    $name::Invalidated(
                        ApiErrors::from_errors([
                            FieldError::new("email", "invalid", "Enter a valid email address."),
                            FieldError::new("items.1.sku", "required", "This field is required."),
                        ])
                        .unwrap(),
                    ),
                    $name::Stock(StockError::OutOfStock { sku: "A-1".to_owned() }),
                    $name::Stock(StockError::WarehouseDown),
                ]
            }
        }

        #[utoipa::path(get, path = $path, params(("n" = usize, Path)), responses((status = 200, description = "Fine"), $name))]
        #[allow(dead_code)]
        async fn $handler() {}
    };
}

in_envelope!(JsonApiError, "jsonapi", "/jsonapi/{n}", jsonapi);
in_envelope!(ProblemError, "problem", "/problem/{n}", problem);
in_envelope!(LaravelError, "laravel", "/laravel/{n}", laravel);
in_envelope!(DrfError, "drf", "/drf/{n}", drf);
in_envelope!(ShipStreamError, "shipstream", "/shipstream/{n}", shipstream);
in_envelope!(AipError, "aip193", "/aip193/{n}", aip193);

/// The settings a type can declare beside its envelope: each variant shows
/// one, in a type that answers in its own envelope whatever is asked.
#[derive(Debug, ApiError)]
#[api(envelope = "problem", fixed_envelope, problem_style = "title_detail")]
pub enum OddError {
    #[api(status = 409, code = "stale", detail = "Stale version {version}.")]
    Stale { version: u32 },
    #[api(status = 409, no_code, detail = "Try again.")]
    Busy,
    #[api(
        status = 422,
        code = "invalid",
        attr = "items.0.sku",
        detail = "Bad SKU."
    )]
    BadSku,
    #[api(status = 503)]
    Down,
}

impl OddError {
    fn all() -> Vec<OddError> {
        vec![
            OddError::Stale { version: 3 },
            OddError::Busy,
            OddError::BadSku,
            OddError::Down,
        ]
    }
}

/// JSON:API with a pointer prefix of its own and no codes at all.
#[derive(Debug, ApiError)]
#[api(envelope = "jsonapi", pointer_prefix = "/data", no_code)]
pub enum PlainError {
    #[api(status = 422, attr = "name", detail = "Name is required.")]
    NameMissing,
    #[api(status = 404, detail = "Nothing here.")]
    Missing,
}

impl PlainError {
    fn all() -> Vec<PlainError> {
        vec![PlainError::NameMissing, PlainError::Missing]
    }
}

#[utoipa::path(get, path = "/odd/{n}", params(("n" = usize, Path)), responses((status = 200, description = "Fine"), OddError))]
#[allow(dead_code)]
async fn odd() {}

#[utoipa::path(get, path = "/plain/{n}", params(("n" = usize, Path)), responses((status = 200, description = "Fine"), PlainError))]
#[allow(dead_code)]
async fn plain() {}

#[derive(OpenApi)]
#[openapi(paths(jsonapi, problem, laravel, drf, shipstream, aip193, odd, plain))]
struct Api;

/// Two types sharing statuses in one operation.
#[utoipa::path(get, path = "/both", responses((status = 200, description = "Fine"), OddError, StockError))]
#[allow(dead_code)]
async fn both() {}

#[derive(OpenApi)]
#[openapi(paths(both))]
struct Both;

/// utoipa merges an operation's responses by status, so a type listed
/// second would replace the first's 409 and 503; the app's document keeps
/// both types' errors in each.
#[test]
fn two_types_of_one_operation_share_each_status() {
    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let doc = crate::support::inline_responses(
        serde_json::to_value(layer.openapi(Both::openapi)).unwrap(),
    );
    let responses = &doc["paths"]["/both"]["get"]["responses"];
    let conflict = &responses["409"]["content"]["application/problem+json"];
    let name = conflict["schema"]["$ref"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    assert_eq!(
        doc["components"]["schemas"][name]["properties"]["code"]["enum"],
        json!(["out_of_stock", "stale"])
    );
    assert!(
        conflict["examples"]["Stale"].is_object() && conflict["examples"]["OutOfStock"].is_object()
    );
    assert!(
        responses["503"]["content"]["application/problem+json"]["examples"]
            .as_object()
            .unwrap()
            .len()
            >= 2
    );
    assert!(!doc.to_string().contains("x-errcodes"), "no mark is left");
}

/// The derived `IntoResponses` answers the same, real responses whenever it
/// is asked, also while an app's document is being built (on any thread),
/// and the app's document, built on another thread, still keeps both types.
#[test]
fn into_responses_is_the_same_during_an_app_document_build() {
    use utoipa::IntoResponses as _;
    let alone = serde_json::to_value(StockError::responses()).unwrap();
    let statuses = |responses: &Value| {
        responses
            .as_object()
            .unwrap()
            .keys()
            .all(|key| key.parse::<u16>().is_ok())
    };
    assert!(statuses(&alone), "{alone}");
    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let doc = std::thread::spawn(move || {
        layer.openapi(|| {
            let during = serde_json::to_value(StockError::responses()).unwrap();
            assert_eq!(during, alone, "the same real responses during a build");
            Both::openapi()
        })
    })
    .join()
    .unwrap();
    let doc = crate::support::inline_responses(serde_json::to_value(doc).unwrap());
    let conflict =
        &doc["paths"]["/both"]["get"]["responses"]["409"]["content"]["application/problem+json"];
    assert!(conflict["examples"]["Stale"].is_object(), "{conflict}");
    assert!(conflict["examples"]["OutOfStock"].is_object(), "{conflict}");
}

/// Every variant of every type, rendered as `render` does, by operation path.
fn every_variant(
    render: &dyn Fn(&dyn ApiError) -> http::Response<Vec<u8>>,
) -> Vec<(String, http::Response<Vec<u8>>)> {
    let mut out = Vec::new();
    macro_rules! each {
        ($($ty:ident $path:literal),*) => {$(
            for (n, err) in $ty::all().iter().enumerate() {
                out.push((format!("{}/{n}", $path), render(err)));
            }
        )*};
    }
    each!(JsonApiError "/jsonapi", ProblemError "/problem", LaravelError "/laravel", DrfError "/drf", ShipStreamError "/shipstream", AipError "/aip193", OddError "/odd", PlainError "/plain");
    out
}

/// The schemas of one document, as validators (their `$ref`s resolved in
/// the document), each built once; and whether its examples were checked.
struct Schemas<'a> {
    doc: &'a Value,
    built: std::collections::HashMap<
        (String, u16, String),
        Option<std::rc::Rc<jsonschema::Validator>>,
    >,
    examples_checked: std::collections::HashSet<String>,
}

impl<'a> Schemas<'a> {
    fn new(doc: &'a Value) -> Schemas<'a> {
        Schemas {
            doc,
            built: Default::default(),
            examples_checked: Default::default(),
        }
    }

    /// The schema the document gives `status` under `content_type` for the
    /// operation at `template`.
    fn get(
        &mut self,
        template: &str,
        status: u16,
        content_type: &str,
    ) -> Option<std::rc::Rc<jsonschema::Validator>> {
        let doc = self.doc;
        self.built
            .entry((template.to_owned(), status, content_type.to_owned()))
            .or_insert_with(|| {
                let schema =
                    doc["paths"][template]["get"]["responses"][status.to_string()]["content"]
                        [content_type]["schema"]
                        .as_object()?;
                let mut root = json!({"components": doc["components"]});
                for (key, value) in schema {
                    root[key] = value.clone();
                }
                Some(std::rc::Rc::new(
                    jsonschema::options()
                        .should_validate_formats(true)
                        .build(&root)
                        .expect("a valid schema"),
                ))
            })
            .clone()
    }

    /// `body` validates against the schema of `status` and (when it says
    /// its status) of no other status the operation documents under
    /// `content_type`; every example there validates against its own.
    fn check(&mut self, path: &str, status: u16, content_type: &str, body: &Value) {
        let template = format!("/{}/{{n}}", path.split('/').nth(1).unwrap());
        let schema = self
            .get(&template, status, content_type)
            .unwrap_or_else(|| {
                panic!(
                    "{path}: no {status} under {content_type} in {}",
                    self.doc["paths"][&template]
                )
            });
        // The examples are the wire but for placeholder values: one of
        // this status's has the body's very members, at every depth.
        let examples = &self.doc["paths"][&template]["get"]["responses"][status.to_string()]["content"]
            [content_type]["examples"];
        assert!(
            examples
                .as_object()
                .into_iter()
                .flatten()
                .any(|(_, example)| shape(&example["value"]) == shape(body)),
            "{path} {status} {content_type}: no example has the members of\n{body}\n{examples}"
        );
        let errors: Vec<String> = schema.iter_errors(body).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "{path} {status} {content_type}: {errors:?}\n{body}"
        );
        let says_status = body.get("status").is_some()
            || body["errors"][0].get("status").is_some()
            || body["error"]["code"].is_number();
        let responses = self.doc["paths"][&template]["get"]["responses"]
            .as_object()
            .unwrap();
        let first_look = self
            .examples_checked
            .insert(format!("{template} {content_type}"));
        for (other, response) in responses {
            let Ok(other) = other.parse::<u16>() else {
                continue;
            };
            if first_look
                && let Some(examples) = response["content"][content_type]["examples"].as_object()
            {
                let own = self.get(&template, other, content_type).unwrap();
                for (name, example) in examples {
                    assert!(
                        own.is_valid(&example["value"]),
                        "{template} {other} {content_type}: example {name} fails its schema"
                    );
                }
            }
            // Only a body that says its status can tell statuses apart.
            if other == status || other < 400 || !says_status {
                continue;
            }
            if let Some(wrong) = self.get(&template, other, content_type) {
                assert!(
                    !wrong.is_valid(body),
                    "{path}: a {status} body passes the {other} schema under {content_type}"
                );
            }
        }
    }
}

/// The schema `doc` gives `status` under `content_type` at `template`.
fn validator(
    doc: &Value,
    template: &str,
    status: u16,
    content_type: &str,
) -> Option<std::rc::Rc<jsonschema::Validator>> {
    Schemas::new(doc).get(template, status, content_type)
}

/// What a JSON value's members are, at every depth, whatever their values:
/// an array as the distinct shapes of its items, an object of arrays
/// (Laravel's `errors`, keyed by the members named) as one `*` member.
fn shape(value: &Value) -> Value {
    match value {
        Value::Object(members) if !members.is_empty() && members.values().all(Value::is_array) => {
            let items: Vec<Value> = members.values().cloned().collect();
            json!({"*": shape(&Value::Array(items))})
        }
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(name, member)| (name.clone(), shape(member)))
                .collect(),
        ),
        Value::Array(items) => {
            let mut shapes: Vec<Value> = items.iter().map(shape).collect();
            shapes.sort_by_key(Value::to_string);
            shapes.dedup();
            Value::Array(shapes)
        }
        _ => Value::Null,
    }
}

/// With `ERRCODES_OPENAPI_DUMP` set (as `scripts/check-openapi.sh` sets
/// it), writes the document and the real bodies checked against it there,
/// for the TypeScript check: types generated from the document, every
/// body type-checked under `tsc --strict`.
fn dump(name: &str, doc: &Value, bodies: &[Value]) {
    let Some(dir) = std::env::var_os("ERRCODES_OPENAPI_DUMP") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(format!("{name}.openapi.json")), doc.to_string()).unwrap();
    std::fs::write(
        dir.join(format!("{name}.bodies.json")),
        Value::from(bodies.to_vec()).to_string(),
    )
    .unwrap();
}

fn content_type(response: &http::Response<Vec<u8>>) -> String {
    response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn every_variant_alone_matches_the_derived_document() {
    let doc = serde_json::to_value(Api::openapi()).unwrap();
    let mut schemas = Schemas::new(&doc);
    let answered = every_variant(&|err| err.to_response());
    assert_eq!(answered.len(), 6 * 12 + 4 + 2);
    let mut bodies = Vec::new();
    for (path, response) in answered {
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        let content_type = content_type(&response);
        let status = response.status().as_u16();
        schemas.check(&path, status, &content_type, &body);
        bodies.push(
            json!({"path": path, "status": status, "content_type": content_type, "body": body}),
        );
    }
    dump("derived", &doc, &bodies);
}

/// The app: one route per type, each answering its `n`th variant.
fn app(layer: errcodes::axum::ErrorLayer) -> Router {
    macro_rules! route {
        ($router:ident, $($ty:ident $path:literal),*) => {$(
            let $router = $router.route($path, get(|Path(n): Path<usize>| async move {
                Err::<(), _>($ty::all().swap_remove(n))
            }));
        )*};
    }
    let router = Router::new();
    route!(router, JsonApiError "/jsonapi/{n}", ProblemError "/problem/{n}", LaravelError "/laravel/{n}", DrfError "/drf/{n}", ShipStreamError "/shipstream/{n}", AipError "/aip193/{n}", OddError "/odd/{n}", PlainError "/plain/{n}");
    router.layer(layer)
}

/// Every variant through the layer, in every media type a client asks
/// for, and the layer's own answers, against the layer's own document.
#[tokio::test]
async fn every_answer_of_the_layer_matches_its_document() {
    for default in Envelope::ALL {
        let profile = Profile::new(default).type_base("https://errors.example.com/app/");
        let layer = errcodes::axum::ErrorLayer::new(profile);
        let doc = crate::support::inline_responses(
            serde_json::to_value(layer.openapi(Api::openapi)).unwrap(),
        );
        let mut schemas = Schemas::new(&doc);
        let app = app(layer);
        let mut bodies = Vec::new();
        let mut requests: Vec<(String, &str)> = Vec::new();
        for (path, _) in every_variant(&|err| err.to_response()) {
            for accept in [
                "application/vnd.api+json",
                "application/problem+json",
                "application/json",
                "*/*",
            ] {
                requests.push((path.clone(), accept));
            }
        }
        // The layer's own: an unknown route (checked against an operation
        // with no such status of its own), a panic-free 406, a bad path.
        requests.push(("/problem/x".to_owned(), "*/*"));
        requests.push(("/problem/1".to_owned(), "text/html"));
        for (path, accept) in requests {
            let request = Request::get(&path)
                .header("accept", accept)
                .body(Body::empty())
                .unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let content_type = response.headers()["content-type"]
                .to_str()
                .unwrap()
                .to_owned();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            let body: Value = serde_json::from_slice(&body).unwrap();
            schemas.check(&path, status, &content_type, &body);
            bodies.push(
                json!({"path": path, "status": status, "content_type": content_type, "body": body}),
            );
        }
        dump(&format!("app-{default}"), &doc, &bodies);
        let unknown = Request::get("/nowhere").body(Body::empty()).unwrap();
        let response = app.clone().oneshot(unknown).await.unwrap();
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let body: Value = serde_json::from_slice(&body).unwrap();
        schemas.check("/drf/0", 404, &content_type, &body);
        // The layer's own answer carries the profile's type base, in the
        // document's example as on the wire.
        if default == Envelope::Problem {
            assert_eq!(body["type"], "https://errors.example.com/app/not_found");
            let example = &doc["paths"]["/drf/{n}"]["get"]["responses"]["404"]["content"]["application/problem+json"]
                ["examples"]["not_found"]["value"];
            assert_eq!(example["type"], body["type"]);
            // The layer's own answers are shown for one path, alike in
            // every operation, so the document keeps one copy of each.
            assert_eq!(example["instance"], "/any/path");
        }
    }
}

#[test]
fn the_app_document_shares_its_schemas() {
    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let doc = crate::support::inline_responses(
        serde_json::to_value(layer.openapi(Api::openapi)).unwrap(),
    );
    let text = doc.to_string();
    oas3::from_json(&text).unwrap_or_else(|e| panic!("not OpenAPI 3.1: {e}"));
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    // Every component is referenced, every reference resolves.
    for name in schemas.keys() {
        assert!(
            text.contains(&format!("\"#/components/schemas/{name}\"")),
            "{name} is unused"
        );
    }
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "{name} dangles");
    }
    // Each status's schema is one component, shared by the operations.
    let refs = |template: &str| {
        doc["paths"][template]["get"]["responses"]["405"]["content"]["application/problem+json"]
            ["schema"]["$ref"]
            .clone()
    };
    assert_eq!(refs("/drf/{n}"), refs("/jsonapi/{n}"));
    assert!(!text.contains("x-errcodes"), "no mark is left");
}

/// A response two operations give alike (the layer's own answers above
/// all) is one component every operation refers to; every reference
/// resolves and oas3 reads the document.
#[test]
fn responses_operations_share_are_written_once() {
    let layer = errcodes::axum::ErrorLayer::new(Profile::new(Envelope::Problem));
    let doc = serde_json::to_value(layer.openapi(Api::openapi)).unwrap();
    let text = doc.to_string();
    oas3::from_json(&text).unwrap_or_else(|e| panic!("not OpenAPI 3.1: {e}"));
    let shared = doc["components"]["responses"].as_object().unwrap();
    let operations: Vec<&Value> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| &item["get"])
        .collect();
    assert!(operations.len() > 1);
    for status in ["406"] {
        let first = &operations[0]["responses"][status]["$ref"];
        assert!(
            first.is_string(),
            "{status}: {}",
            operations[0]["responses"][status]
        );
        for operation in &operations {
            assert_eq!(
                &operation["responses"][status]["$ref"], first,
                "{status}: {}",
                doc["components"]["responses"]
            );
        }
    }
    for reference in text.split("\"#/components/responses/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(shared.contains_key(name), "{name} dangles");
    }
    // Inlined again, the document is as large as every operation's copy.
    let inlined = crate::support::inline_responses(doc.clone()).to_string();
    assert!(
        text.len() * 3 < inlined.len() * 2,
        "{} of {}",
        text.len(),
        inlined.len()
    );
}

#[test]
fn a_body_of_one_status_fails_another_status_schema() {
    let doc = serde_json::to_value(Api::openapi()).unwrap();
    let conflict = json!({"errors":[{"status":"409","code":"out_of_stock","title":"Conflict"}]});
    assert!(
        validator(&doc, "/jsonapi/{n}", 409, "application/vnd.api+json")
            .unwrap()
            .is_valid(&conflict)
    );
    assert!(
        !validator(&doc, "/jsonapi/{n}", 404, "application/vnd.api+json")
            .unwrap()
            .is_valid(&conflict)
    );
}
