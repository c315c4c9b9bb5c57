use errcodes::ApiError;

use http::StatusCode;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = StatusCode::OK)]
    A,
}

fn main() {}
