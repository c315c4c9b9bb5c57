use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, attr = "email")]
    A(#[api(attr)] String),
}

fn main() {}
