use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, detail = "x")]
    A(#[api(attr)] String, #[api(attr)] String),
}

fn main() {}
