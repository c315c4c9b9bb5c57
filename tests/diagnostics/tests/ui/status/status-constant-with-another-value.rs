use errcodes::ApiError;

mod s {
    // Named as a 404, but a 500: the derive would otherwise render a 500
    // with a 4xx's title and the source's text as detail.
    pub const NOT_FOUND: http::StatusCode = http::StatusCode::INTERNAL_SERVER_ERROR;
}

#[derive(Debug)]
struct Secret;

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("password=hunter2")
    }
}

impl std::error::Error for Secret {}

#[derive(Debug, ApiError)]
enum E {
    #[api(status = s::NOT_FOUND)]
    PathTrick(#[api(source)] Secret),
}

impl std::fmt::Display for E {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("shown for a 4xx")
    }
}

fn main() {}
