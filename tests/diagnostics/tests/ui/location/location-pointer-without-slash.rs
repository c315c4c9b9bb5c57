use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, pointer = "data/id")]
    A,
}

fn main() {}
