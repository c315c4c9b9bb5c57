//! A localized render against the same error rendered in its declared
//! English: `cargo bench --bench l10n`. Catalogs: `tests/locales`. Results
//! in BENCHMARKS.md ("Localized rendering").

use divan::{black_box, AllocProfiler, Bencher};
use errcodes::{ApiError, ApiErrorExt as _, Envelope, InContext};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

#[derive(Debug, ApiError)]
#[api(
    locales = "../tests/locales",
    type_base = "https://errors.example.com/"
)]
enum OrderError {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {id} exists."
    )]
    NotFound { id: u64 },
    #[api(
        status = 409,
        code = "items_left",
        detail = "Only {count} items are left."
    )]
    ItemsLeft { count: u32 },
    #[api(status = 429, code = "throttled", detail = "Slow down.")]
    Throttled,
}

fn main() {
    // Warm the bundles once, as the first request of a process does.
    let body = InContext::new(&OrderError::Throttled)
        .locale("de")
        .render_to_vec(Envelope::Problem);
    assert!(String::from_utf8(body).unwrap().contains("Langsamer"));
    divan::main();
}

fn run(bencher: Bencher, err: &OrderError, locale: Option<&'static str>) {
    let mut out = Vec::with_capacity(512);
    bencher.bench_local(|| {
        out.clear();
        let answered = InContext::new(black_box(err)).path("/orders/42");
        let answered = match locale {
            Some(locale) => answered.locale(locale),
            None => answered,
        };
        answered.render(Envelope::Problem, &mut out);
        black_box(&out);
    });
}

/// A detail with a number argument.
#[divan::bench(args = [None, Some("en"), Some("de")])]
fn with_argument(bencher: Bencher, locale: Option<&'static str>) {
    run(bencher, &OrderError::NotFound { id: 42 }, locale);
}

/// A plural selected by the number.
#[divan::bench(args = [None, Some("de")])]
fn with_plural(bencher: Bencher, locale: Option<&'static str>) {
    run(bencher, &OrderError::ItemsLeft { count: 1 }, locale);
}

/// A detail without arguments.
#[divan::bench(args = [None, Some("de")])]
fn plain_text(bencher: Bencher, locale: Option<&'static str>) {
    run(bencher, &OrderError::Throttled, locale);
}
