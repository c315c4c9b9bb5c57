//! Open codes: a type (or an app's profile) documents its codes as a string
//! with the known ones as examples and an `x-extensible-enum`, so adding a
//! code is no breaking change for OpenAPI diff tools; a closed `enum` is.
//! The documents of one API before and after a change are written for
//! `scripts/check-openapi.sh`, which asks api-smart-diff for its verdicts.
#![cfg(feature = "utoipa")]

use serde_json::Value;
use utoipa::OpenApi as _;

/// One release of an orders API: its error enum, declared with `attrs`,
/// and its document.
macro_rules! release {
    ($module:ident, [$($attrs:tt)*], { $($variants:tt)* }) => {
        mod $module {
            use errcodes::ApiError;

            #[derive(Debug, ApiError)]
            #[api($($attrs)*)]
            pub enum OrderError {
                $($variants)*
            }

            #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), OrderError))]
            #[allow(dead_code)]
            pub async fn order() {}

            #[derive(utoipa::OpenApi)]
            #[openapi(info(title = "Orders", version = "1"), paths(order))]
            pub struct Doc;
        }
    };
}

macro_rules! releases {
    ($v1:ident, $v2:ident, $v3:ident, [$($attrs:tt)*]) => {
        release!($v1, [$($attrs)*], {
            #[api(status = 404, code = "order_not_found", detail = "No such order.")]
            NotFound,
            #[api(status = 409, code = "version_conflict", detail = "The order changed.")]
            Conflict,
        });
        // A new code on a status the API already answers.
        release!($v2, [$($attrs)*], {
            #[api(status = 404, code = "order_not_found", detail = "No such order.")]
            NotFound,
            #[api(status = 409, code = "version_conflict", detail = "The order changed.")]
            Conflict,
            #[api(status = 409, code = "order_locked", detail = "The order is locked.")]
            Locked,
        });
        // A status the API no longer answers.
        release!($v3, [$($attrs)*], {
            #[api(status = 404, code = "order_not_found", detail = "No such order.")]
            NotFound,
        });
    };
}

releases!(closed_v1, closed_v2, closed_v3, [envelope = "problem"]);
releases!(
    open_v1,
    open_v2,
    open_v3,
    [envelope = "problem", open_codes]
);

fn code_schema(doc: &Value, status: &str) -> Value {
    let name = doc["paths"]["/orders/{id}"]["get"]["responses"][status]["content"]
        ["application/problem+json"]["schema"]["$ref"]
        .as_str()
        .map(|r| r.rsplit('/').next().unwrap().to_owned());
    let schema = match name {
        Some(name) => doc["components"]["schemas"][name].clone(),
        None => doc["paths"]["/orders/{id}"]["get"]["responses"][status]["content"]
            ["application/problem+json"]["schema"]
            .clone(),
    };
    schema["properties"]["code"].clone()
}

#[test]
fn open_codes_are_a_string_with_the_known_ones_as_examples() {
    let docs: Vec<(&str, Value)> = vec![
        (
            "closed-v1",
            serde_json::to_value(closed_v1::Doc::openapi()).unwrap(),
        ),
        (
            "closed-v2",
            serde_json::to_value(closed_v2::Doc::openapi()).unwrap(),
        ),
        (
            "closed-v3",
            serde_json::to_value(closed_v3::Doc::openapi()).unwrap(),
        ),
        (
            "open-v1",
            serde_json::to_value(open_v1::Doc::openapi()).unwrap(),
        ),
        (
            "open-v2",
            serde_json::to_value(open_v2::Doc::openapi()).unwrap(),
        ),
        (
            "open-v3",
            serde_json::to_value(open_v3::Doc::openapi()).unwrap(),
        ),
    ];
    let closed = code_schema(&docs[1].1, "409");
    assert_eq!(
        closed["enum"],
        serde_json::json!(["order_locked", "version_conflict"]),
        "{closed}"
    );
    let open = code_schema(&docs[4].1, "409");
    assert!(open.get("enum").is_none(), "{open}");
    assert_eq!(open["type"], "string");
    assert_eq!(
        open["x-extensible-enum"],
        serde_json::json!(["order_locked", "version_conflict"])
    );
    assert_eq!(open["examples"], open["x-extensible-enum"]);

    if let Some(dir) = std::env::var_os("ERRCODES_OPENAPI_DUMP") {
        let dir = std::path::Path::new(&dir).join("diff");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, doc) in &docs {
            std::fs::write(dir.join(format!("{name}.openapi.json")), doc.to_string()).unwrap();
        }
    }
}

/// A profile opens every code of the app's document, whatever the types
/// declare.
#[cfg(feature = "axum")]
#[test]
fn a_profile_opens_the_codes_of_the_whole_app() {
    let profile = errcodes::Profile::new(errcodes::Envelope::Problem).open_codes(true);
    let layer = errcodes::axum::ErrorLayer::new(profile);
    let doc = serde_json::to_value(layer.openapi(closed_v2::Doc::openapi)).unwrap();
    let text = doc.to_string();
    assert!(text.contains("x-extensible-enum"), "{text}");
    assert!(
        !text.contains(r#""enum":["order_locked","version_conflict"]"#),
        "{text}"
    );
}
