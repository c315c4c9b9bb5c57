use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, frobnicate = "x")]
    A,
}

fn main() {}
