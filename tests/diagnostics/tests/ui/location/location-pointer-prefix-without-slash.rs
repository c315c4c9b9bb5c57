use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(pointer_prefix = "data")]
enum E {
    #[api(status = 400, attr = "id")]
    A,
}

fn main() {}
