use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    A,
}

fn main() {}
