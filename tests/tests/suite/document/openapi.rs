//! OpenAPI documents built as users build them (utoipa's `OpenApi` derive,
//! handlers listing their error types once), for an error type in each
//! envelope: the document reads back into an independent OpenAPI 3.1 model
//! (oas3), every example validates against the schema beside it and
//! against the strict envelope schema in `tests/schemas`, and each example
//! is what the renderer writes for its variant.
#![cfg(feature = "utoipa")]

use crate::support;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Catalog, Envelope};
use serde_json::Value;
use utoipa::OpenApi;

use crate::examples::openapi as example;
use crate::examples::orders::OrderError;
use example::tour::SignupError;

/// One error type per built-in envelope, each with a header, meta, a
/// location and a 5xx.
macro_rules! in_envelope {
    ($name:ident, $envelope:literal) => {
        #[derive(Debug, ApiError)]
        #[api(envelope = $envelope, type_base = "https://errors.example.com/", domain = "shop.example.com")]
        pub enum $name {
            #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
            NotFound {
                #[api(meta)]
                id: u64,
            },
            #[api(status = 422, code = "required", attr = "items.0.sku", detail = "SKU is required.")]
            SkuMissing,
            #[api(status = 401, code = "unauthenticated", detail = "Sign in first.")]
            Unauthenticated {
                #[api(header = "WWW-Authenticate")]
                challenge: String,
            },
            #[api(status = 429, code = "throttled", detail = "Slow down.")]
            Throttled {
                #[api(header = "Retry-After")]
                wait: std::time::Duration,
            },
            #[api(status = 500)]
            Internal(#[api(source)] std::io::Error),
        }
    };
}

in_envelope!(JsonApiError, "jsonapi");
in_envelope!(ProblemError, "problem");
in_envelope!(LaravelError, "laravel");
in_envelope!(DrfError, "drf");
in_envelope!(ShipStreamError, "shipstream");
in_envelope!(AipError, "aip193");
in_envelope!(ConnectError, "connect");

/// Transparent variants: a derived type and a collection inside.
#[derive(Debug, ApiError)]
#[api(envelope = "jsonapi")]
pub enum Outer {
    #[api(status = 403, code = "forbidden", detail = "Not yours.")]
    Forbidden,
    #[api(transparent)]
    Orders(ProblemError),
    #[api(transparent)]
    Invalid(ApiErrors),
}

/// Only a derived type inside: its codes are known.
#[derive(Debug, ApiError)]
pub enum Wrapping {
    #[api(status = 409, code = "conflict", detail = "Conflict.")]
    Conflict,
    #[api(transparent)]
    Orders(DrfError),
}

/// A generic type: listed in `components(schemas(...))` with its argument,
/// as utoipa's own generic schemas are.
#[derive(Debug, ApiError)]
#[api(envelope = "problem")]
pub enum Lookup<T: std::fmt::Display> {
    #[api(status = 404, code = "lookup_missing", detail = "No {0}.")]
    Missing(T),
}

macro_rules! handlers {
    ($($handler:ident: $path:literal => $error:ty),* $(,)?) => {$(
        #[utoipa::path(get, path = $path, responses((status = 200, description = "Done"), $error))]
        #[allow(dead_code)]
        fn $handler() {}
    )*};
}

handlers! {
    jsonapi: "/jsonapi" => JsonApiError,
    problem: "/problem" => ProblemError,
    laravel: "/laravel" => LaravelError,
    drf: "/drf" => DrfError,
    shipstream: "/shipstream" => ShipStreamError,
    aip: "/aip" => AipError,
    connect: "/connect" => ConnectError,
    signup: "/signup" => SignupError,
    orders: "/orders" => OrderError,
    collection: "/collection" => ApiErrors,
    outer: "/outer" => Outer,
    wrapping: "/wrapping" => Wrapping,
    lookup: "/lookup" => Lookup<u64>,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "errcodes test API", version = "1.0.0"),
    paths(
        jsonapi, problem, laravel, drf, shipstream, aip, connect, signup, orders, collection, outer,
        wrapping, lookup
    ),
    components(schemas(
        JsonApiError,
        ProblemError,
        LaravelError,
        DrfError,
        ShipStreamError,
        AipError,
        ConnectError,
        SignupError,
        OrderError,
        ApiErrors,
        Outer,
        Wrapping,
        Lookup<u64>
    ))
)]
struct Api;

fn document() -> Value {
    serde_json::to_value(Api::openapi()).unwrap()
}

#[test]
fn the_document_reads_back_as_openapi_3_1() {
    let text = Api::openapi().to_pretty_json().unwrap();
    let spec = oas3::from_json(&text).unwrap_or_else(|e| panic!("not OpenAPI 3.1: {e}\n{text}"));
    assert!(spec.openapi.starts_with("3.1"));
    let paths = spec.paths.as_ref().unwrap();
    assert_eq!(paths.len(), 13);
    for (path, item) in paths {
        let operation = item.get.as_ref().unwrap();
        let responses = operation.responses.as_ref().unwrap();
        assert!(responses.len() > 1, "{path} lists its errors");
        for (status, response) in responses {
            let response = response.resolve(&spec).unwrap();
            assert!(
                !response
                    .description
                    .as_deref()
                    .unwrap_or_default()
                    .is_empty()
            );
            if status == "200" {
                continue;
            }
            for (media_type, content) in &response.content {
                let schema = content.schema.as_ref().expect("a schema");
                schema
                    .resolve(&spec)
                    .unwrap_or_else(|e| panic!("{path} {status} {media_type}: {e}"));
                assert!(
                    content.examples.as_ref().is_some_and(|e| !e.is_empty()),
                    "{path} {status}: examples"
                );
            }
        }
    }
    // The component schemas are there, by the types' names.
    let components = spec.components.unwrap();
    for name in [
        "JsonApiError",
        "ProblemError",
        "SignupError",
        "OrderError",
        "ApiErrors",
    ] {
        assert!(components.schemas.contains_key(name), "{name}");
    }
}

/// Every example of every error response, with its schema and media type.
fn examples(doc: &Value) -> Vec<(String, String, Value, Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (status, response) in item["get"]["responses"].as_object().unwrap() {
            let Some(content) = response["content"].as_object() else {
                continue;
            };
            for (media_type, content) in content {
                for (name, example) in content["examples"].as_object().unwrap() {
                    all.push((
                        format!("{path} {status} {name}"),
                        media_type.clone(),
                        content["schema"].clone(),
                        example["value"].clone(),
                    ));
                }
            }
        }
    }
    all
}

#[test]
fn every_example_validates_against_its_schema_and_the_envelope() {
    let doc = document();
    let all = examples(&doc);
    // Five variants in each of seven envelopes, the tour's four, the golden
    // enum's seven, the collection's one; Outer's own one, its inner type's
    // five and a collection; Wrapping's own one and its inner type's five;
    // the generic type's one.
    assert_eq!(all.len(), 7 * 5 + 4 + 7 + 1 + (1 + 5 + 1) + (1 + 5) + 1);
    for (what, media_type, schema, value) in all {
        let validator = jsonschema::draft202012::new(&schema)
            .unwrap_or_else(|e| panic!("{what}: the schema is not JSON Schema: {e}"));
        let problems: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(problems.is_empty(), "{what}: {problems:?}\n{value}");
        let path = what.split(' ').next().unwrap();
        let envelope = match path {
            "/jsonapi" | "/signup" | "/outer" => Envelope::JsonApi,
            "/laravel" => Envelope::Laravel,
            "/drf" => Envelope::Drf,
            "/shipstream" => Envelope::ShipStream,
            "/aip" => Envelope::Aip193,
            "/connect" => Envelope::Connect,
            _ => Envelope::Problem,
        };
        assert_eq!(media_type, envelope.format().media_type(), "{what}");
        support::assert_conforms(envelope, &serde_json::to_vec(&value).unwrap());
    }
}

#[test]
fn the_schemas_are_exact_about_types_and_codes() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    // JSON:API: status a string, code one of the type's.
    let item = &schemas["JsonApiError"]["properties"]["errors"]["items"]["properties"];
    assert_eq!(item["status"]["type"], "string");
    assert_eq!(
        item["status"]["enum"],
        serde_json::json!(["401", "404", "422", "429", "500"])
    );
    assert_eq!(
        item["code"]["enum"],
        serde_json::json!([
            "order_not_found",
            "required",
            "unauthenticated",
            "throttled"
        ])
    );
    // Problem Details: status an integer.
    let problem = &schemas["ProblemError"]["properties"];
    assert_eq!(problem["status"]["type"], "integer");
    assert_eq!(
        problem["status"]["enum"],
        serde_json::json!([401, 404, 422, 429, 500])
    );
    // drf: attr is a string or null; the unsent 5xx code is drf's `error`.
    let drf = &schemas["DrfError"]["properties"]["errors"]["items"]["properties"];
    assert_eq!(drf["attr"]["type"], serde_json::json!(["string", "null"]));
    assert!(
        drf["code"]["enum"]
            .as_array()
            .unwrap()
            .contains(&"error".into())
    );
    // AIP-193: codes as reasons.
    let aip = &schemas["AipError"]["properties"]["error"]["properties"];
    assert_eq!(aip["code"]["type"], "integer");
    assert!(
        aip["details"]["items"]["properties"]["reason"]["enum"]
            .as_array()
            .unwrap()
            .contains(&"ORDER_NOT_FOUND".into())
    );
    // A collection documents any code.
    assert!(
        schemas["ApiErrors"]["properties"]["code"]
            .get("enum")
            .is_none()
    );
}

#[test]
fn responses_carry_every_variant_and_its_headers() {
    let doc = document();
    let responses = &doc["paths"]["/problem"]["get"]["responses"];
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "401", "404", "422", "429", "500"]);
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"]["type"],
        "string"
    );
    assert!(responses["401"]["headers"]["WWW-Authenticate"].is_object());
    assert!(responses["404"].get("headers").is_none());
    // The example is the renderer's output for the variant as declared.
    let example = &responses["404"]["content"]["application/problem+json"]["examples"]["NotFound"];
    assert_eq!(example["summary"], "order_not_found");
    assert_eq!(
        example["value"],
        serde_json::json!({
            "type": "https://errors.example.com/order_not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "No order {id} exists.",
            "code": "order_not_found",
            "id": 1
        })
    );
    // A 5xx example says nothing more than the wire does, and its key is
    // not the variant's name (its code is not declared).
    let internal = &responses["500"]["content"]["application/problem+json"]["examples"]["internal_server_error"]
        ["value"];
    assert_eq!(
        internal["detail"],
        "The server hit an unexpected condition."
    );
    assert!(internal.get("code").is_none());
}

#[test]
fn examples_agree_with_the_catalog_and_the_renderer() {
    // The golden enum's 409, rendered for real with the values the
    // example shows as placeholders, has the same members.
    let doc = document();
    let example = &doc["paths"]["/orders"]["get"]["responses"]["409"]["content"]["application/problem+json"]
        ["examples"]["Conflict"]["value"];
    let real = OrderError::Conflict {
        order: 7,
        current_version: 3,
        editor: "alice".into(),
    }
    .to_json_value(Envelope::Problem);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(example), keys(&real));
    assert_eq!(example["detail"], OrderError::CATALOG[0].detail().unwrap());
}

/// The README shows the example's 429 response, schema left out: it is the
/// example's real output.
#[test]
fn the_readme_shows_the_examples_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let section = &readme[readme.find("## OpenAPI").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let shown = &section[start..start + section[start..].find("```").unwrap()];
    let shown: Value = serde_json::from_str(&format!("{{{shown}}}")).unwrap();
    let doc = serde_json::to_value(example::Api::openapi()).unwrap();
    let mut real = doc["paths"]["/signup"]["post"]["responses"]["429"].clone();
    real["content"]["application/vnd.api+json"]
        .as_object_mut()
        .unwrap()
        .remove("schema");
    assert_eq!(shown["429"], real);
}

#[test]
fn transparent_variants_document_their_inner_types() {
    let doc = document();
    let responses = &doc["paths"]["/outer"]["get"]["responses"];
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "401", "403", "404", "422", "429", "500"]);
    // The inner type's variants, in the outer type's envelope.
    let examples = &responses["422"]["content"]["application/vnd.api+json"]["examples"];
    assert_eq!(
        examples["SkuMissing"]["value"]["errors"][0]["status"],
        "422"
    );
    assert_eq!(
        examples["validation_failed"]["value"]["errors"][0]["source"]["pointer"],
        "/data/attributes/name"
    );
    // A collection inside: any code.
    let outer =
        &doc["components"]["schemas"]["Outer"]["properties"]["errors"]["items"]["properties"];
    assert!(outer["code"].get("enum").is_none());
    // Only derived types inside: every code, the inner ones too.
    let wrapping = &doc["components"]["schemas"]["Wrapping"]["properties"];
    let codes = wrapping["code"]["enum"].as_array().unwrap();
    assert!(codes.contains(&"conflict".into()) && codes.contains(&"order_not_found".into()));
}

/// The same code on two variants, and drf's own `error` as a code: every
/// `enum` in the schema lists each value once, as JSON Schema asks.
#[derive(Debug, ApiError)]
#[api(envelope = "drf")]
pub enum Repeats {
    #[api(status = 404, code = "missing", detail = "No such order.")]
    NoOrder,
    #[api(status = 409, code = "error", detail = "Conflict.")]
    Conflict,
    #[api(status = 404, code = "missing", detail = "No such customer.")]
    NoCustomer,
}

#[derive(Debug, ApiError)]
#[api(envelope = "aip193")]
pub enum Reasons {
    #[api(status = 404, code = "not-found", detail = "Not found.")]
    Dashed,
    #[api(status = 404, code = "not_found", detail = "Not found.")]
    Underscored,
}

#[test]
fn enums_list_each_value_once() {
    use utoipa::PartialSchema;

    let unique = |values: &Value| {
        let values = values.as_array().unwrap();
        let mut seen = values.clone();
        seen.sort_by_key(ToString::to_string);
        seen.dedup();
        assert_eq!(seen.len(), values.len(), "{values:?}");
    };
    let schema = serde_json::to_value(Repeats::schema()).unwrap();
    let code = &schema["properties"]["errors"]["items"]["properties"]["code"]["enum"];
    assert_eq!(code, &serde_json::json!(["missing", "error"]));
    unique(code);
    let schema = serde_json::to_value(Reasons::schema()).unwrap();
    let reason = &schema["properties"]["error"]["properties"]["details"]["items"]["properties"]["reason"]
        ["enum"];
    unique(reason);
    assert_eq!(reason[0], "NOT_FOUND");
}

/// A variant whose code is kept from clients is not named in the document:
/// its example is keyed by its title, and its name appears nowhere.
#[test]
fn undeclared_server_errors_are_not_named_in_the_document() {
    #[derive(Debug, ApiError)]
    enum Books {
        #[api(status = 404, code = "entry_not_found", detail = "No entry.")]
        EntryNotFound,
        #[api(status = 500)]
        ReplicaLagTooHigh(#[api(source)] std::io::Error),
        #[api(status = 500)]
        LedgerWriteFailed(#[api(source)] std::io::Error),
    }
    let responses = errcodes::openapi::responses(Envelope::Problem, Books::CATALOG, None);
    let text = serde_json::to_string(&responses).unwrap();
    for name in [
        "ReplicaLagTooHigh",
        "LedgerWriteFailed",
        "replica_lag_too_high",
        "ledger_write_failed",
    ] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    let examples = &responses["500"]["content"]["application/problem+json"]["examples"];
    assert!(examples["internal_server_error"].is_object(), "{examples}");
    assert!(
        examples["internal_server_error_2"].is_object(),
        "{examples}"
    );
    assert!(
        responses["404"]["content"]["application/problem+json"]["examples"]["EntryNotFound"]
            .is_object()
    );
}
