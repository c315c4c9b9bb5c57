//! One error as each RPC shape answers it: `cargo bench --bench rpc`.
//! Results in BENCHMARKS.md ("RPC shapes").
//!
//! The gRPC status with its details (`tonic::Status::from`) against a bare
//! `tonic::Status` with the same message and no details (what a handler
//! writes by hand), and the Connect body against AIP-193's, whose document
//! it is encoded from.

use divan::{black_box, AllocProfiler, Bencher};
use errcodes::{ApiError, ApiErrorExt as _, Envelope};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

#[derive(Debug, ApiError)]
#[api(
    type_base = "https://errors.example.com/",
    domain = "orders.example.com"
)]
enum OrderError {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {id} exists."
    )]
    NotFound {
        #[api(meta)]
        id: u64,
    },
    #[api(
        status = 422,
        code = "required",
        attr = "items.0.sku",
        detail = "SKU is required."
    )]
    SkuMissing,
}

fn main() {
    let status = tonic::Status::from(OrderError::NotFound { id: 42 });
    assert_eq!(status.code(), tonic::Code::NotFound);
    assert!(!status.details().is_empty());
    divan::main();
}

/// `tonic::Status::from(err)`: code, redacted message, and
/// `grpc-status-details-bin` with `ErrorInfo` and `Help`.
#[divan::bench]
fn grpc_status_with_details(bencher: Bencher) {
    bencher.bench_local(|| tonic::Status::from(black_box(OrderError::NotFound { id: 42 })));
}

/// The same with a `BadRequest` field violation.
#[divan::bench]
fn grpc_status_with_field_violation(bencher: Bencher) {
    bencher.bench_local(|| tonic::Status::from(black_box(OrderError::SkuMissing)));
}

/// By hand: the code and the message, no details at all.
#[divan::bench]
fn grpc_status_by_hand_without_details(bencher: Bencher) {
    bencher.bench_local(|| {
        let id = black_box(42_u64);
        tonic::Status::not_found(format!("No order {id} exists."))
    });
}

/// The Connect body (details as base64 protobuf).
#[divan::bench]
fn connect_body(bencher: Bencher) {
    let mut out = Vec::with_capacity(512);
    bencher.bench_local(|| {
        out.clear();
        black_box(OrderError::NotFound { id: 42 }).render(Envelope::Connect, &mut out);
        black_box(&out);
    });
}

/// AIP-193's body, which the RPC shapes are made from.
#[divan::bench]
fn aip193_body(bencher: Bencher) {
    let mut out = Vec::with_capacity(512);
    bencher.bench_local(|| {
        out.clear();
        black_box(OrderError::NotFound { id: 42 }).render(Envelope::Aip193, &mut out);
        black_box(&out);
    });
}
