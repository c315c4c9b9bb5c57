use errcodes::ApiError;

use http::StatusCode;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = StatusCode::NOT_FUOND)]
    A,
}

fn main() {}
