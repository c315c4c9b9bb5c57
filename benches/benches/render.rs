//! Rendering speed: errcodes against a hand-written serde struct filled with
//! `format!`, `serde_json::json!`, `http-api-problem` and `problem_details`.
//!
//! Every contestant renders into a reused buffer; `main` first asserts that
//! all of them produce the same JSON, so the numbers compare equal work.
//! Run with `cargo bench -p errcodes-benches`; results are in BENCHMARKS.md.

use divan::{black_box, Bencher};
use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError};
use serde::Serialize;
use serde_json::{json, Value};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

/// The benchmarked error: a 422 whose detail reads two fields, with two meta
/// members.
#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum OrderError {
    #[api(
        status = 422,
        code = "order_too_large",
        detail = "Order {order} has {items} items; the limit is {limit}."
    )]
    TooLarge {
        order: u64,
        #[api(meta)]
        items: u32,
        #[api(meta)]
        limit: u32,
    },
    #[api(
        status = 422,
        code = "required",
        attr = "items.0.sku",
        detail = "SKU is required."
    )]
    SkuMissing,
}

const ERR: OrderError = OrderError::TooLarge {
    order: 42,
    items: 13,
    limit: 10,
};
const TYPE: &str = "https://errors.example.com/order_too_large";
const TITLE: &str = "Unprocessable Entity";

fn detail(order: u64, items: u32, limit: u32) -> String {
    format!("Order {order} has {items} items; the limit is {limit}.")
}

/// A hand-written Problem Details struct, as users write it today.
#[derive(Serialize)]
struct HandProblem {
    r#type: &'static str,
    title: &'static str,
    status: u16,
    detail: String,
    code: &'static str,
    items: u32,
    limit: u32,
}

fn hand_problem(out: &mut Vec<u8>, order: u64, items: u32, limit: u32) {
    let body = HandProblem {
        r#type: TYPE,
        title: TITLE,
        status: 422,
        detail: detail(order, items, limit),
        code: "order_too_large",
        items,
        limit,
    };
    let _ = serde_json::to_writer(out, &body);
}

fn json_macro_problem(out: &mut Vec<u8>, order: u64, items: u32, limit: u32) {
    let body = json!({
        "type": TYPE, "title": TITLE, "status": 422, "detail": detail(order, items, limit),
        "code": "order_too_large", "items": items, "limit": limit,
    });
    let _ = serde_json::to_writer(out, &body);
}

fn http_api_problem(out: &mut Vec<u8>, order: u64, items: u32, limit: u32) {
    let problem = http_api_problem::HttpApiProblem::new(http::StatusCode::UNPROCESSABLE_ENTITY)
        .type_url(TYPE)
        .title(TITLE)
        .detail(detail(order, items, limit))
        .value("code", &"order_too_large")
        .value("items", &items)
        .value("limit", &limit);
    let _ = serde_json::to_writer(out, &problem);
}

#[derive(Serialize)]
struct PdExtensions {
    code: &'static str,
    items: u32,
    limit: u32,
}

fn problem_details(out: &mut Vec<u8>, order: u64, items: u32, limit: u32) {
    let problem = problem_details::ProblemDetails::new()
        .with_type(http::Uri::from_static(TYPE))
        .with_status(http::StatusCode::UNPROCESSABLE_ENTITY)
        .with_title(TITLE)
        .with_detail(detail(order, items, limit))
        .with_extensions(PdExtensions {
            code: "order_too_large",
            items,
            limit,
        });
    let _ = serde_json::to_writer(out, &problem);
}

/// The hand-written equivalent of each other envelope.
fn hand_envelope(envelope: Envelope, out: &mut Vec<u8>, order: u64, items: u32, limit: u32) {
    #[derive(Serialize)]
    struct JsonApiObject {
        status: &'static str,
        code: &'static str,
        title: &'static str,
        detail: String,
        links: Links,
        meta: Meta,
    }
    #[derive(Serialize)]
    struct Links {
        r#type: &'static str,
    }
    #[derive(Serialize)]
    struct Meta {
        items: u32,
        limit: u32,
    }
    #[derive(Serialize)]
    struct Errors<T> {
        errors: [T; 1],
    }
    #[derive(Serialize)]
    struct Message {
        message: String,
    }
    #[derive(Serialize)]
    struct Drf {
        r#type: &'static str,
        errors: [DrfItem; 1],
    }
    #[derive(Serialize)]
    struct DrfItem {
        code: &'static str,
        detail: String,
        attr: Option<&'static str>,
    }
    #[derive(Serialize)]
    struct ShipItem {
        r#type: &'static str,
        message: String,
    }
    #[derive(Serialize)]
    struct Aip {
        error: AipStatus,
    }
    #[derive(Serialize)]
    struct AipStatus {
        code: u16,
        message: String,
        status: &'static str,
        details: [ErrorInfo; 1],
    }
    #[derive(Serialize)]
    struct ErrorInfo {
        #[serde(rename = "@type")]
        r#type: &'static str,
        reason: &'static str,
        metadata: AipMetadata,
    }
    #[derive(Serialize)]
    struct AipMetadata {
        items: String,
        limit: String,
    }
    let detail = detail(order, items, limit);
    let _ = match envelope.name() {
        "jsonapi" => serde_json::to_writer(
            out,
            &Errors {
                errors: [JsonApiObject {
                    status: "422",
                    code: "order_too_large",
                    title: TITLE,
                    detail,
                    links: Links { r#type: TYPE },
                    meta: Meta { items, limit },
                }],
            },
        ),
        "problem" => {
            hand_problem(out, order, items, limit);
            Ok(())
        }
        "laravel" => serde_json::to_writer(out, &Message { message: detail }),
        "drf" => serde_json::to_writer(
            out,
            &Drf {
                r#type: "client_error",
                errors: [DrfItem {
                    code: "order_too_large",
                    detail,
                    attr: None,
                }],
            },
        ),
        "shipstream" => serde_json::to_writer(
            out,
            &Errors {
                errors: [ShipItem {
                    r#type: "application",
                    message: detail,
                }],
            },
        ),
        "aip193" => serde_json::to_writer(
            out,
            &Aip {
                error: AipStatus {
                    code: 422,
                    message: detail,
                    status: "INVALID_ARGUMENT",
                    details: [ErrorInfo {
                        r#type: "type.googleapis.com/google.rpc.ErrorInfo",
                        reason: "ORDER_TOO_LARGE",
                        metadata: AipMetadata {
                            items: items.to_string(),
                            limit: limit.to_string(),
                        },
                    }],
                },
            },
        ),
        other => unreachable!("no hand-written {other}"),
    };
}

/// 50 field errors: the collection, and the same data for the hand-written
/// drf-shaped serialization.
fn collection() -> (ApiErrors, Vec<(String, &'static str, &'static str)>) {
    let mut rows = Vec::new();
    for i in 0..50 {
        let (code, detail) = if i % 2 == 0 {
            ("required", "This field is required.")
        } else {
            ("invalid", "Enter a valid email address.")
        };
        rows.push((format!("rows.{i}.email"), code, detail));
    }
    let errors = ApiErrors::from_errors(
        rows.iter()
            .map(|(path, code, detail)| FieldError::new(path.as_str(), *code, *detail)),
    )
    .expect("50 errors");
    (errors, rows)
}

/// The hand-written equivalent of the collection in each envelope, as a
/// user would write it with serde (Laravel's ordered map included).
fn hand_collection(
    envelope: Envelope,
    out: &mut Vec<u8>,
    rows: &[(String, &'static str, &'static str)],
) {
    #[derive(Serialize)]
    struct DrfItem<'a> {
        code: &'a str,
        detail: &'a str,
        attr: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct Drf<'a> {
        r#type: &'static str,
        errors: Vec<DrfItem<'a>>,
    }
    #[derive(Serialize)]
    struct Source {
        pointer: String,
    }
    #[derive(Serialize)]
    struct JsonApiObject<'a> {
        status: &'static str,
        code: &'a str,
        title: &'static str,
        detail: &'a str,
        source: Source,
    }
    #[derive(Serialize)]
    struct Errors<T> {
        errors: T,
    }
    #[derive(Serialize)]
    struct ProblemItem<'a> {
        detail: &'a str,
        pointer: String,
        code: &'a str,
    }
    #[derive(Serialize)]
    struct Problem<'a> {
        r#type: &'static str,
        title: &'static str,
        status: u16,
        detail: String,
        code: &'static str,
        errors: Vec<ProblemItem<'a>>,
    }
    /// Keys in first-added order, each with its messages.
    struct Grouped<'a>(Vec<(&'a str, Vec<&'a str>)>);
    impl Serialize for Grouped<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }
    #[derive(Serialize)]
    struct Laravel<'a> {
        message: String,
        errors: Grouped<'a>,
    }
    #[derive(Serialize)]
    struct Detail<'a> {
        key: &'a str,
        message: &'a str,
    }
    #[derive(Serialize)]
    struct ShipItem<'a> {
        r#type: &'static str,
        message: String,
        details: Vec<Detail<'a>>,
    }
    #[derive(Serialize)]
    struct Aip<'a> {
        error: AipStatus<'a>,
    }
    #[derive(Serialize)]
    struct AipStatus<'a> {
        code: u16,
        message: String,
        status: &'static str,
        details: (ErrorInfo, BadRequest<'a>),
    }
    #[derive(Serialize)]
    struct ErrorInfo {
        #[serde(rename = "@type")]
        r#type: &'static str,
        reason: &'static str,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct BadRequest<'a> {
        #[serde(rename = "@type")]
        r#type: &'static str,
        field_violations: Vec<Violation<'a>>,
    }
    #[derive(Serialize)]
    struct Violation<'a> {
        field: String,
        description: &'a str,
        reason: String,
    }
    let pointer = |path: &str| path.split('.').fold(String::new(), |acc, s| acc + "/" + s);
    // `rows.3.email` -> `rows[3].email`, as a user would write it.
    let aip_field = |path: &str| {
        path.split('.')
            .fold(String::new(), |acc, s| match s.parse::<usize>() {
                Ok(i) => format!("{acc}[{i}]"),
                Err(_) if acc.is_empty() => s.to_owned(),
                Err(_) => acc + "." + s,
            })
    };
    let _ = match envelope.name() {
        "drf" => serde_json::to_writer(
            out,
            &Drf {
                r#type: "validation_error",
                errors: rows
                    .iter()
                    .map(|(path, code, detail)| DrfItem {
                        code,
                        detail,
                        attr: Some(path),
                    })
                    .collect(),
            },
        ),
        "jsonapi" => serde_json::to_writer(
            out,
            &Errors {
                errors: rows
                    .iter()
                    .map(|(path, code, detail)| JsonApiObject {
                        status: "422",
                        code,
                        title: "Unprocessable Entity",
                        detail,
                        source: Source {
                            pointer: format!("/data/attributes{}", pointer(path)),
                        },
                    })
                    .collect::<Vec<_>>(),
            },
        ),
        "problem" => serde_json::to_writer(
            out,
            &Problem {
                r#type: "about:blank",
                title: "Unprocessable Entity",
                status: 422,
                detail: format!("{} fields failed validation.", rows.len()),
                code: "validation_failed",
                errors: rows
                    .iter()
                    .map(|(path, code, detail)| ProblemItem {
                        detail,
                        pointer: format!("#{}", pointer(path)),
                        code,
                    })
                    .collect(),
            },
        ),
        "laravel" => {
            let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
            for (path, _, detail) in rows {
                match groups.iter_mut().find(|(k, _)| k == path) {
                    Some((_, messages)) => messages.push(detail),
                    None => groups.push((path, vec![detail])),
                }
            }
            let message = match rows.len() - 1 {
                0 => rows[0].2.to_owned(),
                1 => format!("{} (and 1 more error)", rows[0].2),
                n => format!("{} (and {n} more errors)", rows[0].2),
            };
            serde_json::to_writer(
                out,
                &Laravel {
                    message,
                    errors: Grouped(groups),
                },
            )
        }
        "shipstream" => serde_json::to_writer(
            out,
            &Errors {
                errors: [ShipItem {
                    r#type: "application",
                    message: format!("{} fields failed validation.", rows.len()),
                    details: rows
                        .iter()
                        .map(|(key, _, message)| Detail { key, message })
                        .collect(),
                }],
            },
        ),
        "aip193" => serde_json::to_writer(
            out,
            &Aip {
                error: AipStatus {
                    code: 422,
                    message: format!("{} fields failed validation.", rows.len()),
                    status: "INVALID_ARGUMENT",
                    details: (
                        ErrorInfo {
                            r#type: "type.googleapis.com/google.rpc.ErrorInfo",
                            reason: "VALIDATION_FAILED",
                        },
                        BadRequest {
                            r#type: "type.googleapis.com/google.rpc.BadRequest",
                            field_violations: rows
                                .iter()
                                .map(|(path, code, description)| Violation {
                                    field: aip_field(path),
                                    description,
                                    reason: code.to_uppercase(),
                                })
                                .collect(),
                        },
                    ),
                },
            },
        ),
        other => unreachable!("no hand-written {other}"),
    };
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

fn main() {
    // Equivalence first: every contestant writes the same JSON.
    let ours = |e: Envelope| parse(&ERR.render_to_vec(e));
    let theirs = |f: fn(&mut Vec<u8>, u64, u32, u32)| {
        let mut out = Vec::new();
        f(&mut out, 42, 13, 10);
        parse(&out)
    };
    let problem = ours(Envelope::Problem);
    assert_eq!(theirs(hand_problem), problem, "hand-written serde");
    assert_eq!(theirs(json_macro_problem), problem, "json!");
    assert_eq!(theirs(http_api_problem), problem, "http-api-problem");
    assert_eq!(theirs(problem_details), problem, "problem_details");
    for envelope in HAND_WRITTEN {
        let mut out = Vec::new();
        hand_envelope(envelope, &mut out, 42, 13, 10);
        assert_eq!(parse(&out), ours(envelope), "hand-written {envelope}");
    }
    let (errors, rows) = collection();
    for envelope in HAND_WRITTEN {
        let mut out = Vec::new();
        hand_collection(envelope, &mut out, &rows);
        assert_eq!(
            parse(&out),
            parse(&errors.render_to_vec(envelope)),
            "hand-written collection, {envelope}"
        );
    }
    assert!(parse(&OrderError::SkuMissing.render_to_vec(Envelope::JsonApi))["errors"].is_array());

    divan::main();
}

/// errcodes rendering the benchmarked error into a reused buffer.
fn render_ours(bencher: Bencher, envelope: Envelope) {
    let mut out = Vec::with_capacity(512);
    bencher.bench_local(|| {
        out.clear();
        let err = OrderError::TooLarge {
            order: black_box(42),
            items: black_box(13),
            limit: black_box(10),
        };
        err.render(envelope, &mut out);
        black_box(&out);
    });
}

/// One Problem Details body into a reused buffer.
mod problem {
    use super::*;

    fn run(bencher: Bencher, f: fn(&mut Vec<u8>, u64, u32, u32)) {
        let mut out = Vec::with_capacity(512);
        bencher.bench_local(|| {
            out.clear();
            f(&mut out, black_box(42), black_box(13), black_box(10));
            black_box(&out);
        });
    }

    #[divan::bench]
    fn errcodes(bencher: Bencher) {
        render_ours(bencher, Envelope::Problem);
    }

    #[divan::bench]
    fn serde_struct_format(bencher: Bencher) {
        run(bencher, hand_problem);
    }

    #[divan::bench]
    fn serde_json_macro(bencher: Bencher) {
        run(bencher, json_macro_problem);
    }

    #[divan::bench]
    fn http_api_problem(bencher: Bencher) {
        run(bencher, super::http_api_problem);
    }

    #[divan::bench]
    fn problem_details(bencher: Bencher) {
        run(bencher, super::problem_details);
    }
}

/// The envelopes written by hand with serde here too: all but Connect,
/// whose details are protobuf (errcodes writes them from AIP-193's).
const HAND_WRITTEN: [Envelope; 6] = [
    Envelope::JsonApi,
    Envelope::Problem,
    Envelope::Laravel,
    Envelope::Drf,
    Envelope::ShipStream,
    Envelope::Aip193,
];

/// The same error in each envelope: errcodes against hand-written serde.
mod envelopes {
    use super::*;

    pub(super) const ALL: [Envelope; 6] = super::HAND_WRITTEN;

    #[divan::bench(args = ALL)]
    fn errcodes(bencher: Bencher, envelope: Envelope) {
        render_ours(bencher, envelope);
    }

    #[divan::bench(args = ALL)]
    fn serde_struct_format(bencher: Bencher, envelope: Envelope) {
        let mut out = Vec::with_capacity(512);
        bencher.bench_local(|| {
            out.clear();
            hand_envelope(
                envelope,
                &mut out,
                black_box(42),
                black_box(13),
                black_box(10),
            );
            black_box(&out);
        });
    }
}

/// A 50-entry validation collection.
mod collection50 {
    use super::*;

    #[divan::bench(args = super::HAND_WRITTEN)]
    fn errcodes(bencher: Bencher, envelope: Envelope) {
        let (errors, _) = collection();
        let mut out = Vec::with_capacity(16 * 1024);
        bencher.bench_local(|| {
            out.clear();
            black_box(&errors).render(envelope, &mut out);
            black_box(&out);
        });
    }

    #[divan::bench(args = super::HAND_WRITTEN)]
    fn serde_struct_format(bencher: Bencher, envelope: Envelope) {
        let (_, rows) = collection();
        let mut out = Vec::with_capacity(16 * 1024);
        bencher.bench_local(|| {
            out.clear();
            hand_collection(envelope, &mut out, black_box(&rows));
            black_box(&out);
        });
    }
}
