use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(source)]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
