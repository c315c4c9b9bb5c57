use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, pointer = "/data/a~2b", detail = "Bad.")]
    A,
}

fn main() {}
