use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(detail = "x")]
struct E;

fn main() {}
