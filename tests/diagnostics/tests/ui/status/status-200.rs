use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 200)]
    A,
}

fn main() {}
