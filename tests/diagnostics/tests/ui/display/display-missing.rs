use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "x")]
    A,
    #[api(status = 409)]
    B,
}

fn main() {}
