use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, code = "not found")]
    A,
}

fn main() {}
