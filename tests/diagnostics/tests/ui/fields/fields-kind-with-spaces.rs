use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, kind = "validation error", detail = "x")]
    A,
}

fn main() {}
