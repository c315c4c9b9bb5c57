use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(detail = "x")]
    A,
}

fn main() {}
