use errcodes::ApiError;

/// Looks like a format, but implements no `errcodes::Format`.
struct Terse;

#[derive(Debug, ApiError)]
#[api(envelope = Terse)]
enum E {
    #[api(status = 404, detail = "Not found.")]
    A,
}

fn main() {}
