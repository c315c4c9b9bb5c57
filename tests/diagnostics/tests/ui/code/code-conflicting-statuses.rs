use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, code = "missing")]
    A,
    #[api(status = 410, code = "missing")]
    B,
}

fn main() {}
