use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 502, detail = "upstream failed: {0}")]
    Upstream(#[api(source)] std::io::Error),
}

fn main() {}
