use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, log = "warning", detail = "Conflict.")]
    A,
}

fn main() {}
