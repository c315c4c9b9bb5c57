use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, code = "missing")]
    #[api(code = "gone")]
    A,
}

fn main() {}
