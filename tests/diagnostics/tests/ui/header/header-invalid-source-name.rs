use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 401, header = "X-Api-Key:")]
    A,
}

fn main() {}
