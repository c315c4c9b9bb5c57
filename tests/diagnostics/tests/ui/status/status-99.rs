use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 99)]
    A,
}

fn main() {}
