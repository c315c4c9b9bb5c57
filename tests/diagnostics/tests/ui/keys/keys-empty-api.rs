use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
