use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404i32)]
    A,
}

fn main() {}
